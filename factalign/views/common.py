"""Helpers shared by the text, Markdown and HTML views."""

from __future__ import annotations

from ..models import Finding

ORDER = ("contradiction", "artefact", "omission", "agreement")
TITLES = {
    "contradiction": "Contradictions",
    "artefact": "Translation artefacts",
    "omission": "Omissions",
    "agreement": "Agreements",
}


#: One item of each kind, as a count reads it ("1 contradiction", "7 translation artefacts").
SINGULAR = {
    "contradiction": "contradiction",
    "artefact": "translation artefact",
    "omission": "omission",
    "agreement": "agreement",
}


def counted(n: int, kind: str) -> str:
    """``n`` findings of ``kind`` in words.

    Example:
        >>> counted(1, "contradiction"), counted(7, "artefact")
        ('1 contradiction', '7 translation artefacts')
    """
    return f"{n} {SINGULAR[kind]}{'' if n == 1 else 's'}"


def shorten(text: str, width: int = 110) -> str:
    """One line, at most ``width`` characters.

    Example:
        >>> shorten("a  long\\nline of text", 10)
        'a long li…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def sides(report, finding: Finding) -> list[tuple[str, str]]:
    """(source name, text) to show for a finding: each claim's text, except for omissions, which show the original
    sentence once however many of its claims are missing (they are listed in the JSON).

    Example:
        >>> sides(report, report.contradictions[0])  # doctest: +SKIP
        [('wire', 'Storm Ada flooded 40 homes in Ferrow'), ('local', 'Storm Ada flooded 55 homes in Ferrow')]
    """
    if finding.kind != "omission":
        return [(report.claim(cid).source, report.claim(cid).text) for cid in finding.claims]
    spans: dict[tuple[str, int], list[int]] = {}
    for cid in finding.claims:
        c = report.claim(cid)
        span = spans.setdefault((c.source, c.sentence), [c.start, c.end])
        span[0], span[1] = min(span[0], c.start), max(span[1], c.end)
    return [(name, report.source(name).text[a:b]) for (name, _), (a, b) in spans.items()]


def headline(report) -> str:
    """One line: the sources, claim and fact counts, and the findings of each kind.

    Example:
        >>> headline(report)  # doctest: +SKIP
        '2 sources (wire, local), 5 claims, 4 facts: 1 contradiction, 0 translation artefacts, 2 omissions, ...'
    """
    counts = {k: len(report.of_kind(k)) for k in ORDER}
    names = ", ".join(s.name for s in report.sources)
    parts = [counted(counts[k], k) for k in ORDER]
    return f"{len(report.sources)} sources ({names}), {len(report.claims)} claims, {len(report.facts)} facts: " + \
        ", ".join(parts)


def story_note(report) -> str | None:
    """A plain sentence when some sources are about a different story, else None.

    Example:
        >>> story_note(report) is None  # every source tells the same story  # doctest: +SKIP
        True
    """
    if not report.unrelated:
        return None
    names = [s.name for s in report.sources]
    notes, grouped = [], []
    for name in report.unrelated:
        if name in getattr(report, "set_aside", {}):
            grouped.append(f"{name} {report.set_aside[name]}")
            continue
        i = names.index(name)
        best = max((report.overlap[i, j] for j in range(len(names)) if j != i), default=0.0)
        notes.append(f"{name} (overlap {best:.0%})")
    sentences = []
    if notes:
        threshold = getattr(report.options, "min_overlap", None)
        limit = f" below {threshold:.0%}" if threshold is not None else ""
        sentences.append("Not the same story: " + ", ".join(notes) + f" share{'s' if len(notes) == 1 else ''} too "
                         f"little with the other sources{limit}; no agreements or omissions are reported for "
                         f"{'it' if len(notes) == 1 else 'them'}.")
    if grouped:
        sentences.append("Not the same story, set aside: " + "; ".join(grouped) + ". No agreements or omissions "
                         "are reported for " + ("it." if len(grouped) == 1 else "them."))
    return " ".join(sentences)
