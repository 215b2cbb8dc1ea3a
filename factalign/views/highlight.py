"""Cut a source text into segments at claim and finding offsets, so each piece can be highlighted.

Pure bookkeeping with no HTML in it: the HTML view escapes and wraps what this gives.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

# Where marks overlap, the most important kind gives the colour.
PRIORITY = {"contradiction": 3, "artefact": 2, "omission": 1, "agreement": 0}


class Mark(NamedTuple):
    """A finding's (or a bare claim's) character span in one source; ``finding`` is None for a bare claim."""

    start: int
    end: int
    finding: str | None
    kind: str | None


class Segment(NamedTuple):
    """A run of text covered by the same marks.

    Attributes:
        start: offset of the first character.
        end: offset just past the last character.
        findings: ids of the findings covering the run, in report order.
        kind: the most important kind among them, or None.
        claim: True when some claim covers the run (with or without a finding).
    """

    start: int
    end: int
    findings: tuple[str, ...]
    kind: str | None
    claim: bool


def segments(length: int, marks: Iterable[Mark]) -> list[Segment]:
    """Split ``range(length)`` at every mark boundary; each segment lists the marks that cover it.

    Args:
        length: length of the source text.
        marks: spans to cut at; empty or out-of-range spans are ignored.

    Returns:
        Consecutive segments covering the whole text, in order.

    Example:
        >>> cut = segments(10, [Mark(2, 6, "f0", "agreement"), Mark(4, 8, "f1", "contradiction")])
        >>> [(s.start, s.end, s.findings, s.kind) for s in cut]  # doctest: +NORMALIZE_WHITESPACE
        [(0, 2, (), None), (2, 4, ('f0',), 'agreement'), (4, 6, ('f0', 'f1'), 'contradiction'),
         (6, 8, ('f1',), 'contradiction'), (8, 10, (), None)]
    """
    kept = [m for m in marks if 0 <= m.start < m.end <= length]
    cuts = sorted({0, length, *(m.start for m in kept), *(m.end for m in kept)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in kept if m.start <= start and end <= m.end]
        findings = tuple(dict.fromkeys(m.finding for m in covering if m.finding is not None))
        kinds = [m.kind for m in covering if m.kind is not None]
        kind = max(kinds, key=PRIORITY.__getitem__) if kinds else None
        out.append(Segment(start, end, findings, kind, bool(covering)))
    return out


def marks_of(report, name: str, finding_ids: dict[int, str]) -> list[Mark]:
    """Every mark in source ``name``: one per finding claim or artefact span, one per claim without a finding
    (a claim whose only finding is an artefact inside it counts as without one).

    Args:
        report: a :class:`~factalign.report.Report`.
        name: the source's name.
        finding_ids: position of each finding in ``report.findings`` -> the id the view gives it.

    Example:
        >>> from factalign.models import Claim, Finding, Source
        >>> from types import SimpleNamespace
        >>> r = SimpleNamespace(claims=(Claim("a#0", "a", "x", 0, 3),),
        ...                     findings=(Finding("omission", None, ("a#0",), 0.5, "why"),))
        >>> marks_of(r, "a", {0: "f0"})
        [Mark(start=0, end=3, finding='f0', kind='omission')]
    """
    claim_of = {c.id: c for c in report.claims}
    marks, marked = [], set()
    for i, f in enumerate(report.findings):
        if f.kind == "artefact":  # only the offending span: the claim around it is marked by its own findings
            if f.source == name and f.start is not None and f.end is not None:
                marks.append(Mark(f.start, f.end, finding_ids[i], f.kind))
            continue
        for cid in f.claims:
            claim = claim_of.get(cid)
            if claim is not None and claim.source == name:
                marks.append(Mark(claim.start, claim.end, finding_ids[i], f.kind))
                marked.add(cid)
    marks += [Mark(c.start, c.end, None, None) for c in report.claims if c.source == name and c.id not in marked]
    return marks
