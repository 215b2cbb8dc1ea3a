"""Key facts per source: counts, quantities, dates, times, ages, roles, quotations and states, from one parse.

Each source text is parsed once (:func:`~factalign.keyfacts.syntax.parse_source`); the value parsers are the
judges' own (:mod:`factalign.judges.quantities`, :mod:`factalign.judges.dates`), so a key fact reads a value
exactly as the judges do. Every fact keeps the offsets of its evidence in the source text and the ids of the
claims whose span holds it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..judges.dates import date_facts
from ..judges.numbers import PROJECTION, TIME_WORDS, _clause_words
from ..judges.quantities import quantities
from ..models import Claim, Source
from .model import KeyFact
from .people import ages, quotes, roles
from .states import states
from .syntax import parse_source, predicate, span_offsets, span_text

#: Words that pin a number to another moment than the story's ("initially 12", "now 20"); the day parts and
#: calendar units of the judges' TIME_WORDS are left out because two outlets date one event differently.
MOMENT_WORDS = frozenset(TIME_WORDS - {"morning", "afternoon", "evening", "midday", "noon", "week", "month",
                                       "year", "quarter", "today", "yesterday", "tomorrow", "close", "open",
                                       "opening", "closing", "after", "before", "until", "since", "then"})
#: Hedges before a clock time and the window (minutes before, minutes after) each one allows.
TIME_HEDGES = {
    "about": (10, 10), "around": (10, 10), "approximately": (10, 10), "roughly": (10, 10),
    "shortly before": (20, 0), "just before": (20, 0), "before": (90, 0), "by": (90, 0),
    "shortly after": (0, 20), "just after": (0, 20), "after": (0, 90), "soon after": (0, 30),
}
#: Date mention kinds that pin one day or moment; years, months and decades date too many things to compare.
DAY_KINDS = ("day", "date", "weekday")


def extract_key_facts(sources: Sequence[Source], claims: Sequence[Claim], docs=None) -> list[KeyFact]:
    """Key facts of every source, in source order, each tied to the claims whose span holds its evidence.

    Args:
        sources: the articles.
        claims: every claim of every source (their offsets tie facts to claims).
        docs: source name -> a spaCy ``Doc`` of that source's whole text (the run's one parse); parsed when absent.

    Returns:
        The facts; ``KeyFact.claims`` is empty when no claim covers the evidence (page furniture).

    Example:
        >>> src = [Source("a", "Nine people were hurt on Tuesday.")]
        >>> [(f.type, f.norm) for f in extract_key_facts(src, [])]
        [('count', '9'), ('date', 'tuesday')]
    """
    by_source: dict[str, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.source, []).append(c)
    out: list[KeyFact] = []
    for source in sources:
        doc = docs[source.name] if docs and source.name in docs else parse_source(source.text)
        mine = by_source.get(source.name, [])
        found = (_numbers(doc, source.name, ages(doc, source.name)) + _dates(doc, source)
                 + roles(doc, source.name) + states(doc, source.name) + quotes(doc, source.name, mine))
        out += [_with_claims(doc, f, mine) for f in sorted(found, key=lambda f: (f.start, f.type))]
    return out


def _with_claims(doc, fact: KeyFact, claims: Sequence[Claim]) -> KeyFact:
    """The fact with the claims that contain its evidence (else overlap it, else share its sentence) and the
    claims of its sentence as context ("said Fire Chief Ortiz" is left out of the claim it attributes)."""
    sent = doc.char_span(fact.start, fact.end, alignment_mode="expand")
    lo, hi = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (fact.start, fact.end)
    context = tuple(c.id for c in claims if c.start < hi and lo < c.end)
    inside = fact.claims or tuple(c.id for c in claims if c.start <= fact.start and fact.end <= c.end)
    if not inside:
        inside = tuple(c.id for c in claims if c.start < fact.end and fact.start < c.end) or context
    return replace(fact, claims=inside, context=context)


def _numbers(doc, name: str, age_facts: list[KeyFact]) -> list[KeyFact]:
    """Counts (a number of things) and quantities (money, percent, measures), with what they count and the event."""
    taken = {(f.start, f.end) for f in age_facts}
    out = list(age_facts)
    for q in quantities(doc):
        if q.year or q.unit == "rank":
            continue
        start, end = span_offsets(doc, q.start, q.end)
        if any(s <= start < e or s < end <= e for s, e in taken):
            continue  # "52-year-old" is an age, not a duration
        noun_tok = doc[q.num].head if doc[q.num].head.lemma_.lower() == q.noun else doc[q.num]
        if q.unit == "" and not q.noun:
            continue  # a bare number says nothing about what it counts
        words = _clause_words(doc, q)
        detail = (q, frozenset(words & MOMENT_WORDS), frozenset(words & PROJECTION))
        event = predicate(noun_tok)
        kind = "count" if q.unit == "" else "quantity"
        head = q.noun if kind == "count" else (q.noun or q.unit)
        out.append(KeyFact(kind, q.text, _show_number(q.value, q.unit), f"{head} {event}".strip(), name, start, end,
                           head=head, event=event, detail=detail))
    return out


def _show_number(value: float, unit: str) -> str:
    return (f"{value:.0f}" if float(value).is_integer() else f"{value:g}") + (f" {unit}" if unit else "")


def _dates(doc, source: Source) -> list[KeyFact]:
    """Days, weekdays and clock times, with the event they date and the preposition that introduces them."""
    out = []
    for d in date_facts(doc, source.published):
        tok = doc[d.tok]
        if d.kind == "time":
            low, high, first = _time_window(doc, d.tok, d.value)
            start, end = span_offsets(doc, first, min(d.tok + 2, len(doc)) if _has_suffix(doc, d.tok) else d.tok + 1)
            event = predicate(tok)
            out.append(KeyFact("time", span_text(doc, start, end), f"{d.value // 60:02d}:{d.value % 60:02d}",
                               f"time of {event or 'event'}", source.name, start, end, head="time", event=event,
                               detail=(low, high, d.prep)))
        elif d.kind in DAY_KINDS:
            first, last = d.tok, d.tok + 1
            if d.kind == "day":
                if d.tok + 1 < len(doc) and doc[d.tok + 1].like_num:
                    last = d.tok + 2
                elif d.tok > 0 and doc[d.tok - 1].like_num:
                    first = d.tok - 1
            start, end = span_offsets(doc, first, last)
            norm = d.value.isoformat() if d.kind == "date" else (
                f"{d.value[0]:02d}-{d.value[1]:02d}" if d.kind == "day" else str(d.value))
            event = predicate(tok)
            out.append(KeyFact("date", d.text, norm, f"date of {event or 'event'}", source.name, start, end,
                               head=d.kind, event=event, detail=(d.kind, d.prep)))
    return out


def _has_suffix(doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_.replace(".", "") in ("am", "pm")


def _time_window(doc, i: int, minutes: int) -> tuple[int, int, int]:
    """The minutes a clock time allows, widened by a hedge before it ("shortly before 7:45" -> 7:25..7:45)."""
    for n in (2, 1):
        if i - n >= 0:
            phrase = " ".join(t.lower_ for t in doc[i - n:i])
            if phrase in TIME_HEDGES:
                before, after = TIME_HEDGES[phrase]
                return minutes - before, minutes + after, i - n
    return minutes, minutes, i
