"""The claims of one source found by their offsets, without reading every claim for every key fact.

A key fact is tied to the claims that hold its evidence, overlap it or share its sentence; testing every claim of
the source for every fact grew with the square of a long source. :class:`ClaimSpans` keeps the claims' starts
sorted and reads only the claims that start close enough to reach the place asked about. :func:`names_holder` and
:func:`value_span` decide which claims state a fact when none holds its whole evidence.
"""

from __future__ import annotations

import bisect
from typing import Sequence

from ..lexical import content_words, stem
from ..models import Claim
from .model import KeyFact


class ClaimSpans:
    """The claims of one source, by offset; every answer lists claim ids in the order of ``claims``.

    Example:
        >>> spans = ClaimSpans([Claim("a#0", "a", "Rain fell", 0, 9), Claim("a#1", "a", "rivers rose", 14, 25)])
        >>> spans.overlapping(5, 16), spans.holding(15, 18), spans.holding(8, 15)
        (('a#0', 'a#1'), ('a#1',), ())
    """

    def __init__(self, claims: Sequence[Claim]):
        self.claims = list(claims)
        self._order = sorted(range(len(self.claims)), key=lambda i: self.claims[i].start)
        self._starts = [self.claims[i].start for i in self._order]
        self._longest = max((c.end - c.start for c in self.claims), default=0)

    def overlapping(self, lo: int, hi: int) -> tuple[str, ...]:
        """Ids of the claims whose span overlaps ``[lo, hi)`` (``start < hi and lo < end``)."""
        return tuple(self.claims[i].id for i in self._reaching(lo, hi)
                     if self.claims[i].start < hi and lo < self.claims[i].end)

    def holding(self, lo: int, hi: int) -> tuple[str, ...]:
        """Ids of the claims whose span holds ``[lo, hi)`` (``start <= lo and hi <= end``)."""
        return tuple(c.id for c in self.holding_claims(lo, hi))

    def holding_claims(self, lo: int, hi: int) -> list[Claim]:
        """The claims whose span holds ``[lo, hi)``, in the order of ``claims``."""
        return [self.claims[i] for i in self._reaching(lo, hi)
                if self.claims[i].start <= lo and hi <= self.claims[i].end]

    def _reaching(self, lo: int, hi: int) -> list[int]:
        """Positions (in claim order) of the claims that start in ``[lo - longest claim, hi]``: only those can
        overlap or hold ``[lo, hi)``."""
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_right(self._starts, hi)
        return sorted(self._order[first:last])


def names_holder(text: str, fact: KeyFact) -> bool:
    """True when ``text`` names what the fact is about (its head word, as a word apart from the value itself).

    Example:
        >>> fact = KeyFact("state", "serious", "serious", "condition of climbers", "a", 0, 9, head="climber")
        >>> names_holder("The two climbers were in serious condition", fact), names_holder("They were in serious", fact)
        (True, False)
    """
    head = fact.head.lower()
    words = content_words(text)
    return bool(head) and head != fact.value.lower() and head in set(words) | {stem(w) for w in words}


def value_span(text: str, offset: int, fact: KeyFact) -> tuple[int, int]:
    """Offsets of the fact's value inside its evidence (the whole evidence when the value is not written there);
    ``text`` is the stretch of the source that starts at ``offset`` and holds the evidence.

    The evidence of a state runs from its holder to the state word ("The two climbers, aged 29, were in serious
    condition"); a claim the sentence splits off between them ("were treated for frostbite") shares the holder,
    not the value, and must not be taken as stating it.

    Example:
        >>> fact = KeyFact("state", "serious", "serious", "condition of climbers", "a", 4, 69)
        >>> value_span("The two climbers, aged 29, were treated and were in serious condition.", 0, fact)
        (52, 59)
    """
    found = text.lower().find(fact.value.lower(), fact.start - offset, fact.end - offset) if fact.value else -1
    return (found + offset, found + offset + len(fact.value)) if found >= 0 else (fact.start, fact.end)
