"""Views of a :class:`~factalign.stories.Stories` grouping: the stories × sources summary, as rows, a table or text.

One row per (story, source). Without reports a row says only which story an article belongs to; with one report per
compared story (``None`` for a story that was not compared) it also carries that source's counts from
:meth:`Report.summary` (claims, facts shared, unique facts, omissions, contradictions, artefacts).
"""

from __future__ import annotations

from typing import Any, Sequence

#: Per-source counts copied from each story's report summary into the stories table.
COUNTS = ("claims", "facts_shared", "unique_facts", "omissions", "contradictions", "artefacts")


def stories_rows(found, reports: Sequence[Any] | None = None) -> list[dict]:
    """One dict per (story, source): ``story``, ``source``, ``n_sources``, ``compared`` and the per-source counts."""
    rows = []
    for k, story in enumerate(found):
        report = reports[k] if reports is not None else None
        summary = report.summary() if report is not None else None
        for source in story:
            row = {"story": k + 1, "source": source.name, "n_sources": len(story), "compared": report is not None}
            for name in COUNTS:
                row[name] = int(summary.loc[source.name, name]) if summary is not None else None
            rows.append(row)
    return rows


def stories_frame(found, reports: Sequence[Any] | None = None):
    """The stories × sources table as a pandas DataFrame indexed by (story, source)."""
    import pandas as pd

    return pd.DataFrame(stories_rows(found, reports)).set_index(["story", "source"])


def render_summary(found, reports: Sequence[Any] | None = None) -> str:
    """Plain-text summary: one line per story with its sources and finding counts, then the articles set aside.

        >>> from factalign.models import Source
        >>> class Two(list):
        ...     pass
        >>> print(render_summary(Two([[Source("a", "x"), Source("b", "y")], [Source("c", "z")]])), end="")
        2 stories from 3 articles: 1 compared, 1 article set aside
          story 1: a, b
        Set aside (no other article reports the same story): c
    """
    stories_list = list(found)
    compared = [k for k, story in enumerate(stories_list) if len(story) >= 2]
    alone = [story[0].name for story in stories_list if len(story) == 1]
    n_articles = sum(len(story) for story in stories_list)
    lines = [f"{len(stories_list)} stories from {n_articles} articles: {len(compared)} compared, "
             f"{len(alone)} article{'' if len(alone) == 1 else 's'} set aside"]
    for k in compared:
        names = ", ".join(s.name for s in stories_list[k])
        report = reports[k] if reports is not None else None
        counts = ""
        if report is not None:
            found = [(len(report.of_kind(kind)), kind) for kind in ("agreement", "contradiction", "omission", "artefact")]
            counts = " | " + ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for n, kind in found)
        lines.append(f"  story {k + 1}: {names}{counts}")
    if alone:
        lines.append("Set aside (no other article reports the same story): " + ", ".join(alone))
    return "\n".join(lines) + "\n"
