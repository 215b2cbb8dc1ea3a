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


def shorten(text: str, width: int = 110) -> str:
    """One line, at most ``width`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def sides(report, finding: Finding) -> list[tuple[str, str]]:
    """(source name, claim text) for each claim of a finding, original evidence for artefacts."""
    out = []
    for cid in finding.claims:
        c = report.claim(cid)
        out.append((c.source, c.text))
    return out


def headline(report) -> str:
    counts = {k: len(report.of_kind(k)) for k in ORDER}
    names = ", ".join(s.name for s in report.sources)
    parts = [f"{counts[k]} {TITLES[k].lower()}" for k in ORDER]
    return f"{len(report.sources)} sources ({names}), {len(report.claims)} claims, {len(report.facts)} facts: " + \
        ", ".join(parts)


def story_note(report) -> str | None:
    """A plain sentence when some sources are about a different story, else None."""
    if not report.unrelated:
        return None
    names = [s.name for s in report.sources]
    notes = []
    for name in report.unrelated:
        i = names.index(name)
        best = max((report.overlap[i, j] for j in range(len(names)) if j != i), default=0.0)
        notes.append(f"{name} (overlap {best:.0%})")
    threshold = getattr(report.options, "min_overlap", None)
    limit = f" below {threshold:.0%}" if threshold is not None else ""
    return ("Not the same story: " + ", ".join(notes) + f" share{'s' if len(notes) == 1 else ''} too little with "
            f"the other sources{limit}; no agreements or omissions are reported for "
            f"{'it' if len(notes) == 1 else 'them'}.")
