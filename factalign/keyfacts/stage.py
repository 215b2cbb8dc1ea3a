"""The key-fact stage of :func:`factalign.align`: extract, group and compare key facts of the related sources."""

from __future__ import annotations

from typing import Any, Sequence

from ..models import Claim, Finding, Source
from .compare import compare_key_facts, group_key_facts
from .extract import extract_key_facts
from .model import KeyFact


def keyfact_stage(sources: Sequence[Source], claims: Sequence[Claim], sim: Any, related: Sequence[str],
                  findings: Sequence[Finding] = ()) -> tuple[list[KeyFact], list[Finding]]:
    """Key facts of every source (grouped across sources) and the contradictions between them.

    Args:
        sources: the articles.
        claims: the claims as compared, in the order of the rows of ``sim``.
        sim: (n_claims, n_claims) cosine similarities of the claims.
        related: names of the sources about the same story.
        findings: what the judge stage found; its contradictions are not repeated.

    Returns:
        (key facts, new contradiction findings).
    """
    index = {c.id: i for i, c in enumerate(claims)}

    def similarity(a: str, b: str) -> float:
        return float(sim[index[a], index[b]])

    facts = group_key_facts(extract_key_facts(sources, claims), sim=similarity, related=related)
    conflicts = compare_key_facts(facts, sim=similarity, related=related, texts={s.name: s.text for s in sources},
                                  existing=findings)
    return facts, conflicts
