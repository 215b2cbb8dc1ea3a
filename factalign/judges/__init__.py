"""Contradiction judges: a registry of small pure functions ``(a: Side, b: Side) -> Verdict | None``.

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


def _side(x: str | Claim, published: _dt.date | None) -> Side:
    if isinstance(x, Claim):
        return Side(x.text, x.attribution, x.quote, published)
    if isinstance(x, str):
        return Side(x, None, False, published)
    raise InputError(f"judge() compares claims given as str or Claim, not {type(x).__name__}")


def _content_overlap(a: Side, b: Side) -> float:
    """Share of content lemmas the two claims have in common (Dice coefficient)."""
    la = {t.lemma_.lower() for t in a.doc if t.is_alpha and not t.is_stop}
    lb = {t.lemma_.lower() for t in b.doc if t.is_alpha and not t.is_stop}
    if not la or not lb:
        return 0.0
    return 2 * len(la & lb) / (len(la) + len(lb))


def judge(a: str | Claim, b: str | Claim, *, judges: Sequence[str] | None = None,
          published: tuple[_dt.date | None, _dt.date | None] = (None, None), nli: str | None = None) -> Verdict:
    """Decide whether two claims agree, contradict each other, or neither.

    Args:
        a: first claim, as text or :class:`~factalign.models.Claim` (whose attribution and quote are used).
        b: second claim.
        judges: registry names to run (default: all rule judges, in registry order).
        published: publication dates of the sources of ``a`` and ``b``, to resolve relative dates.
        nli: name or path of a sentence-transformers ``CrossEncoder`` NLI model; adds the "nli" judge.

    Returns:
        The strongest contradiction found; otherwise an agreement when a judge matched a fact on both sides
        or the claims share most content words; otherwise a neutral verdict.

    Raises:
        InputError: unknown judge name or a claim that is neither str nor Claim.
        StageError: a judge returned something other than a Verdict or None.
    """
    names = tuple(judges) if judges is not None else DEFAULT_JUDGES
    unknown = [n for n in names if n not in JUDGES and n != "nli"]
    if unknown:
        raise InputError(f"unknown judge(s) {unknown}; known: {sorted(JUDGES)}")
    sa, sb = _side(a, published[0]), _side(b, published[1])
    funcs = [(n, JUDGES[n]) for n in names if n in JUDGES]
    if nli is not None or "nli" in names:
        from .nli import nli_judge

        funcs.append(("nli", nli_judge(nli)))
    verdicts: list[Verdict] = []
    for name, func in funcs:
        v = func(sa, sb)
        if v is not None and not isinstance(v, Verdict):
            raise StageError(f"judge {name!r} returned {type(v).__name__}, expected Verdict or None")
        if v is not None:
            verdicts.append(v)
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


__all__ = ["JUDGES", "DEFAULT_JUDGES", "Side", "judge", "parse"]
