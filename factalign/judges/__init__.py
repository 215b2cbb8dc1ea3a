"""Contradiction judges: a registry of small pure functions ``(a: Side, b: Side) -> Verdict | None``.

That is the one judge signature of factalign: a registered judge, the judge stage of ``align(judge=...)``
(:class:`factalign.stages.Judge`) and :func:`judge` itself all take two :class:`Side` views of claims.

``JUDGES["numbers"] is judge_numbers``; :func:`judge` runs the enabled ones on a pair of claims and returns
the strongest contradiction, else an agreement when the claims state the same facts, else "neutral".

    >>> judge("Three people were killed on Tuesday.", "Five people were killed on Tuesday.").explanation
    'people: Three vs Five'
"""

from __future__ import annotations

import datetime as _dt
from typing import Sequence

from ..errors import InputError, StageError
from ..models import Claim, Verdict
from ._base import Side, diff, parse
from .attribution import judge_attribution
from .certainty import judge_certainty
from .dates import judge_dates
from .direction import judge_direction
from .entities import judge_entities
from .negation import judge_negation
from .numbers import judge_numbers

JUDGES = {
    "numbers": judge_numbers,
    "dates": judge_dates,
    "entities": judge_entities,
    "negation": judge_negation,
    "direction": judge_direction,
    "certainty": judge_certainty,
    "attribution": judge_attribution,
}
DEFAULT_JUDGES = tuple(JUDGES)
# Above this share of common tokens two claims with no conflicting fact say the same thing.
AGREEMENT_OVERLAP = 0.5


def side(x: str | Claim | Side, published: _dt.date | None = None, tokens=None) -> Side:
    """The judges' view of a claim given as text, :class:`~factalign.models.Claim` or :class:`Side`.

    Args:
        x: the claim.
        published: publication date of its source (a Side keeps its own).
        tokens: the run's token views (:class:`~factalign.judges.tokens.ClaimTokens`), so a Claim's tokens are
            read from its source's parse instead of parsing its text again.

    Example:
        >>> side("Rain fell.").text
        'Rain fell.'
    """
    if isinstance(x, Side):
        return x
    if isinstance(x, Claim):
        return Side(x.text, x.attribution, x.quote, published, claim=x,
                    tokens=tokens.claim(x) if tokens is not None else None,
                    attribution_tokens=tokens.attribution(x) if tokens is not None else None)
    if isinstance(x, str):
        return Side(x, None, False, published)
    raise InputError(f"judge() compares claims given as str, Claim or Side, not {type(x).__name__}")


def _content_overlap(a: Side, b: Side) -> float:
    """Share of content lemmas the two claims have in common (Dice coefficient)."""
    la = {t.lemma_.lower() for t in a.doc if t.is_alpha and not t.is_stop}
    lb = {t.lemma_.lower() for t in b.doc if t.is_alpha and not t.is_stop}
    if not la or not lb:
        return 0.0
    return 2 * len(la & lb) / (len(la) + len(lb))


def judge(a: str | Claim | Side, b: str | Claim | Side, *, judges: Sequence[str] | None = None,
          published: tuple[_dt.date | None, _dt.date | None] = (None, None), nli: str | None = None,
          tokens=None) -> Verdict:
    """Decide whether two claims agree, contradict each other, or neither.

    Args:
        a: first claim, as text, :class:`~factalign.models.Claim` (whose attribution and quote are used) or
            :class:`Side`.
        b: second claim.
        judges: registry names to run (default: all rule judges, in registry order).
        published: publication dates of the sources of ``a`` and ``b``, to resolve relative dates.
        nli: name or path of a sentence-transformers ``CrossEncoder`` NLI model; adds the "nli" judge.
        tokens: the run's token views of claims (see :func:`side`); None parses claim texts.

    Returns:
        The strongest contradiction found; otherwise an agreement when a judge matched a fact on both sides
        or the claims share most content words; otherwise a neutral verdict.

    Raises:
        InputError: unknown judge name or a claim that is neither str, Claim nor Side.
        StageError: a judge returned something other than a Verdict or None.
    """
    names = tuple(judges) if judges is not None else DEFAULT_JUDGES
    unknown = [n for n in names if n not in JUDGES and n != "nli"]
    if unknown:
        raise InputError(f"unknown judge(s) {unknown}; known: {sorted(JUDGES)}")
    sa, sb = side(a, published[0], tokens), side(b, published[1], tokens)
    funcs = [(n, JUDGES[n]) for n in names if n in JUDGES]
    if nli is not None or "nli" in names:
        from .nli import nli_judge

        funcs.append(("nli", nli_judge(nli)))
    return _decide(sa, sb, [_run(name, func, sa, sb) for name, func in funcs])


def _run(name: str, func, a: Side, b: Side) -> Verdict | None:
    """One registered judge's verdict, checked against the registry's contract."""
    verdict = func(a, b)
    if verdict is not None and not isinstance(verdict, Verdict):
        raise StageError(f"judge {name!r} returned {type(verdict).__name__}, expected Verdict or None")
    return verdict


def _decide(sa: Side, sb: Side, found: list[Verdict | None]) -> Verdict:
    """The strongest contradiction; else the best agreement, scored at least by the claims' overlap; else an
    agreement on overlap alone (:data:`AGREEMENT_OVERLAP`); else neutral."""
    verdicts = [v for v in found if v is not None]
    contradictions = [v for v in verdicts if v.kind == "contradiction"]
    if contradictions:
        return max(contradictions, key=lambda v: v.score)
    agreements = [v for v in verdicts if v.kind == "agreement"]
    overlap = max(_content_overlap(sa, sb), diff(sa.text, sb.text)[1])
    if agreements:
        best = max(agreements, key=lambda v: v.score)
        return Verdict("agreement", best.subtype, max(best.score, round(overlap, 3)), best.explanation,
                       best.judge, best.values)
    if overlap >= AGREEMENT_OVERLAP:
        return Verdict("agreement", None, round(overlap, 3), "same content words, no conflicting fact")
    return Verdict("neutral", None, round(1.0 - overlap, 3), "no shared fact found to compare")


__all__ = ["JUDGES", "DEFAULT_JUDGES", "Side", "judge", "side", "parse"]
