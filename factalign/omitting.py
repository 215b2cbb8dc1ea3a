"""The omission stage of :func:`factalign.pipeline.align`: facts some related sources lack, and the rules that keep
what a source does state (a headline's claim, a fragment, a fact worded two ways) from being reported as missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from .facts import omissions, positions_of
from .linking import coverage, mirrored
from .models import Claim, Finding, Source
from .options import Options
from .stages import Judge, check_verdict

if TYPE_CHECKING:
    from .pipeline import Alignment

__all__ = ["omission_stage"]


def omission_stage(srcs: Sequence[Source], claims: Sequence[Claim], aligned: Alignment, opts: Options,
                   judge: Judge, sides: Callable[[Claim], Any] | None = None,
                   disputed: frozenset | set = frozenset(), docs: dict | None = None) -> list[Finding]:
    """Facts some related sources lack, unless one of their claims states the fact after all (or disputes it:
    ``disputed`` holds (claim id, source) pairs of contradictions, see :func:`factalign.facts.contested`).

    Two claims each source would lack that are each other's closest counterpart are one fact worded two ways
    (:func:`~factalign.linking.mirrored`): not omissions, and an agreement unless the judge sees a conflict. A
    headline's claims are not reported: a headline sums up its own article's body, and what it says that another
    source lacks is reported once, on the body sentence that says it. A fragment that states nothing (no verb in
    its evidence, as written: "two Dutch nationals") is not reported either. ``judge`` sees claims as ``sides``
    gives them (:func:`~factalign.judges.tokens.claim_sides`).
    """
    names = [s.name for s in srcs]
    place = {name: i for i, name in enumerate(names)}
    index = {c.id: i for i, c in enumerate(claims)}
    cover = coverage(claims, aligned.sim, aligned.owners, names)

    def covered(cid: str, name: str) -> bool:
        return bool(cover[index[cid], place[name]] >= opts.threshold) or (cid, name) in disputed

    related = list(aligned.related)
    told = set(related)
    missing = {(index[cid], place[s]) for fact in aligned.facts if told.intersection(fact.sources)
               for s in related if s not in fact.sources for cid in fact.claims if not covered(cid, s)}
    twins = mirrored(missing, aligned.sim.embeddings, aligned.owners, texts=[c.text for c in claims])
    stated = {(i, int(aligned.owners[j])) for pair in twins for i, j in (pair, pair[::-1])}
    found = omissions(
        aligned.facts, {c.id: c for c in claims}, related, positions_of(srcs, claims), reference=opts.reference,
        covered=lambda cid, name: (index[cid], place[name]) not in missing or (index[cid], place[name]) in stated,
    )
    quiet = _headline_claims(srcs, claims) | _fragments(srcs, claims, docs or {})
    view = sides or _bare_sides(srcs, claims)
    return [f for f in found if not set(f.claims) <= quiet] + _twin_agreements(
        claims, twins, aligned, lambda a, b: judge(view(a), view(b)))


def _fragments(srcs: Sequence[Source], claims: Sequence[Claim], docs: dict) -> set[str]:
    """Ids of the claims, taken as written from their source, whose evidence holds no verb (a name, a noun phrase)."""
    texts = {s.name: s.text for s in srcs}
    out = set()
    for c in claims:
        doc = docs.get(c.source)
        if doc is None or texts[c.source][c.start:c.end] != c.text:
            continue  # a rewritten claim ("X is the fire chief") says something its evidence only names
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            out.add(c.id)
    return out


def _twin_agreements(claims: Sequence[Claim], twins: set[tuple[int, int]], aligned: Alignment,
                     judge: Callable[[Claim, Claim], Any]) -> list[Finding]:
    """An agreement for each pair of claims that state one fact in two ways, unless the judge (here called on the
    claims themselves) sees a conflict."""
    out = []
    for i, j in sorted(twins):
        a, b = claims[i], claims[j]
        if check_verdict(judge(a, b)).kind == "contradiction":
            continue
        score = round(float(aligned.sim[i, j]), 4)
        out.append(Finding(
            kind="agreement", subtype="paraphrase", claims=(a.id, b.id), score=score,
            explanation=f"same fact worded two ways in {a.source} and {b.source}: each is the other's closest "
                        f"claim (similarity {score:.2f})",
        ))
    return out


def _headline_claims(srcs: Sequence[Source], claims: Sequence[Claim]) -> set[str]:
    """Ids of the claims that lie in their source's headline (see :func:`~factalign.claims.furniture.headline_span`)."""
    from .claims.furniture import headline_span

    spans = {s.name: headline_span(s.text) for s in srcs}
    return {c.id for c in claims if (span := spans.get(c.source)) and span[0] <= c.start and c.end <= span[1]}


def _bare_sides(srcs: Sequence[Source], claims: Sequence[Claim]) -> Callable[[Claim], Any]:
    """The judges' view of claims without the run's parse (the judges then parse claim texts)."""
    from .judges.tokens import claim_sides

    return claim_sides(srcs, claims, {})
