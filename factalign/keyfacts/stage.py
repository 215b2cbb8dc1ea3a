"""The key-fact stage of :func:`factalign.align`: extract, group and compare key facts of the related sources."""

from __future__ import annotations

from typing import Any, Sequence

from ..models import Claim, Finding, Source
from .compare import compare_key_facts, conflicting, group_key_facts, same_anchor
from .extract import extract_key_facts
from .model import KeyFact


def keyfact_stage(sources: Sequence[Source], claims: Sequence[Claim], sim: Any, related: Sequence[str],
                  findings: Sequence[Finding] = ()) -> tuple[list[KeyFact], list[Finding]]:
    """Key facts of every source (grouped across sources), and the findings with their contradictions added.

    Args:
        sources: the articles.
        claims: the claims as compared, in the order of the rows of ``sim``.
        sim: (n_claims, n_claims) cosine similarities of the claims.
        related: names of the sources about the same story.
        findings: what the judge stage found; its contradictions are not repeated, and those the key facts show
            compatible are withdrawn (see :func:`reconciled`).

    Returns:
        (key facts, the judge stage's findings that stand followed by the key-fact contradictions).
    """
    index = {c.id: i for i, c in enumerate(claims)}

    def similarity(a: str, b: str) -> float:
        return float(sim[index[a], index[b]])

    facts = group_key_facts(extract_key_facts(sources, claims), sim=similarity, related=related)
    conflicts = compare_key_facts(facts, sim=similarity, related=related, texts={s.name: s.text for s in sources},
                                  existing=findings, claims_of=_by_source(claims))
    return facts, reconciled(findings, facts, similarity) + conflicts


def reconciled(findings: Sequence[Finding], facts: Sequence[KeyFact], sim: Any = None) -> list[Finding]:
    """The findings without the judge-stage contradictions that the key facts of the same claims show compatible.

    A judge compares the values of two claims; the key facts also read the hedges and bounds around them: "7:40"
    vs "shortly before 7:45" is one moment, "closed for four hours" vs "reopened after four hours" one episode.

    Example:
        >>> reconciled([], [])
        []
    """
    by_claim: dict[str, list[KeyFact]] = {}
    for f in facts:
        for c in f.claims:
            by_claim.setdefault(c, []).append(f)
    return [f for f in findings if not _compatible(f, by_claim, sim)]


def _holding(value: str, claims, by_claim: dict[str, list[KeyFact]]) -> list[KeyFact]:
    value = value.strip(" '\"").lower()
    return [k for c in claims for k in by_claim.get(c, ()) if value and value in k.value.lower()]


def _compatible(finding: Finding, by_claim: dict[str, list[KeyFact]], sim) -> bool:
    """True for a contradiction of another stage whose two values are key facts with one anchor that agree."""
    if finding.kind != "contradiction" or finding.extra.get("judge") == "keyfacts" or not finding.values \
            or len(finding.values) != 2:
        return False
    sides = finding.extra.get("sides") or {}
    va, vb = finding.values
    side_a, side_b = sides.get(va, finding.claims), sides.get(vb, finding.claims)
    pairs = [(x, y) for x in _holding(va, side_a, by_claim) for y in _holding(vb, side_b, by_claim)
             if x.source != y.source and same_anchor(x, y, sim)]
    return bool(pairs) and not any(conflicting(x, y) for x, y in pairs)


def _by_source(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.source, []).append(c)
    return out
