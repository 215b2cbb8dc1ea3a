"""Token ranges read before any clause: bracketed asides and the stretches between semicolons.

    >>> import spacy
    >>> doc = spacy.blank("en")("Rome (the capital) is old.")
    >>> [(sorted(group), sorted(anchor)) for group, anchor in parentheticals(doc, {t.i for t in doc}, True)]
    [([1, 2, 3, 4], [0])]
"""

from __future__ import annotations

from .entities import entity_at
from .syntax import VERBAL, core_np, wordy
from .titles import TITLE_QUOTES, capital, title_run

MAX_QUOTED_TITLE = 12


_CLOSE = {"(": ")", "[": "]"}


def parentheticals(doc, allowed: set[int], brackets: bool) -> list[tuple[set[int], set[int]]]:
    """Bracketed asides "(born April 9, 1954)" with the noun phrase they are about (empty when none).

    Square brackets count only with ``brackets``: inside a quotation they mark the editor's insertion
    ("the world [has] become"), which belongs to the sentence.

    Its branches (about 20, counting each "and"/"or") are one left-to-right scan: an opening bracket, its
    closing partner, then the anchor, which is a quoted title, an entity, a title run or a noun phrase, tried
    in that order; splitting the scan would scatter one reading over several functions.
    """
    out = []
    opened: int | None = None
    for i in sorted(allowed):
        if (doc[i].text == "(" or (doc[i].text == "[" and brackets)) and opened is None:
            opened = i
        elif doc[i].text in (")", "]") and opened is not None and _CLOSE[doc[opened].text] == doc[i].text:
            group = {j for j in range(opened, i + 1) if j in allowed}
            prev = opened - 1
            anchor: set[int] = set()
            quoted = _quoted_before(doc, prev, allowed)
            if quoted:
                anchor = quoted  # '"Man on the Moon" (1999)'
            elif prev in allowed and wordy(doc[prev]):
                ent = entity_at(doc, prev)
                title = title_run(doc, prev)
                if ent is not None and ent.end - ent.start >= len(title):
                    anchor = set(range(ent.start, ent.end))
                elif len(title) > 1:
                    anchor = set(title)  # "10 Things I Hate About You (1999)": a title the tagger did not see
                else:
                    anchor = core_np(doc[prev], allowed, strict=True) - group
                anchor = {j for j in anchor if j < opened and j in allowed}
            out.append((group, anchor))
            opened = None
    return out


def _quoted_before(doc, end: int, allowed: set[int]) -> set[int]:
    """The quoted title that ends at ``end`` (its closing quotation mark), with its marks; empty if none."""
    if end < 1 or end not in allowed or doc[end].text not in TITLE_QUOTES:
        return set()
    for i in range(end - 1, max(end - MAX_QUOTED_TITLE, 0) - 1, -1):
        if doc[i].text in TITLE_QUOTES:
            inner = range(i + 1, end)
            if inner and capital(doc[i + 1]) and all(j in allowed for j in range(i, end + 1)):
                return set(range(i, end + 1))
            return set()
        if doc[i].text in ("(", ")", ";"):
            return set()
    return set()


def split_at(doc, group: set[int], sep: str) -> list[set[int]]:
    """The pieces of a bracketed aside between separators: ";", and a comma between a place and a date
    ("(New York, December 27, 1995)" says where and when, two facts)."""
    pieces: list[set[int]] = [set()]
    for i in sorted(group):
        if doc[i].text == sep or (doc[i].text == "," and _place_date_comma(doc, i)):
            pieces.append(set())
        elif doc[i].text not in "()[]":
            pieces[-1].add(i)
    return [p for p in pieces if any(wordy(doc[i]) for i in p)]


def _place_date_comma(doc, i: int) -> bool:
    if i == 0 or i + 1 >= len(doc):
        return False
    kinds = {doc[i - 1].ent_type_, doc[i + 1].ent_type_}
    return "DATE" in kinds and bool(kinds & {"GPE", "LOC"})


def semicolon_segments(doc, allowed: set[int]) -> list[set[int]]:
    """Stretches between semicolons outside brackets, when each reads as a clause of its own."""
    segments: list[set[int]] = [set()]
    depth = 0
    for i in sorted(allowed):
        text = doc[i].text
        depth += text in "([" and 1 or (-1 if text in ")]" else 0)
        if text == ";" and depth <= 0:
            segments.append(set())
        else:
            segments[-1].add(i)
    clauses = [seg for seg in segments if sum(doc[i].is_alpha for i in seg) >= 3
               and any(doc[i].pos_ in VERBAL for i in seg)]
    return segments if len(clauses) == len(segments) else [allowed]
