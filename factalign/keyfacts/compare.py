"""Compare key facts across sources, whatever claims they sit in: same type, same anchor, different value.

Two facts are compared only when their anchors refer to the same thing: the same counted noun and the same
event (or events of one class: "hurt" and "injure"), the same person, the same role, the same attribute of the
same subject, or, where the wording differs, claims whose embeddings say they report the same event. Values are
then judged with the judges' own notion of compatibility ("about 40" fits "42"; "shortly before 7:45" fits
"7:40"). A conflict is withdrawn when either source also states the other's value for the same anchor.

Counts, quantities, dates, times and ages match with a strength
(:func:`~factalign.keyfacts.anchors.anchor_strength`): the same noun or person and the same event first, then one
kind of person ("workers" / "employees", WordNet) with events of one class, then like sentences alone; a fact is
compared only with its strongest matches (:func:`~factalign.keyfacts.anchors.matcher`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import replace
from typing import Any, Iterable, Sequence

from ..models import Finding
from .anchors import (  # noqa: F401  (re-exported: the anchor rules were first defined here)
    CONTEXT_SIM, COUNT_CONTEXT_SIM, EVENT, KIND, NUMERIC, PEOPLE_BUCKET, QUOTE_SIM, SENTENCE, Similarity, _context,
    _same_event, anchor_bucket, anchor_strength, bucketed, matcher, opening_part, same_anchor)
from .kinds import CLOSE, GENERIC, GENERIC_PERSON, SAME, person_senses, relation
from .model import KeyFact
from .stateconflicts import opposite_states
from .states import State
from .syntax import fold

#: A clock time given without a hedge still allows this many minutes either way (reporters round).
TIME_SLACK = 5
#: At most this many claims naming a person join a role or speaker conflict (the value's evidence, not a list).
MAX_NAMING = 3
#: Confidence of each kind of key-fact conflict: lower where a value's reading is less certain.
SCORES = {"count": 0.8, "quantity": 0.8, "date": 0.8, "time": 0.7, "age": 0.8, "role": 0.75, "quote": 0.7,
          "state": 0.7}
#: The finding subtype of each key-fact type.
SUBTYPES = {"count": "number", "quantity": "quantity", "date": "date", "time": "date", "age": "age",
            "role": "role", "quote": "attribution", "state": "state"}


def conflicting(a: KeyFact, b: KeyFact) -> bool:
    """True when the values of two facts with the same anchor cannot both be true."""
    if (part := opening_part(a, b)) is not None:
        whole = b if part is a else a
        return part.detail[0].low > whole.detail[0].high and not part.detail[0].compatible(whole.detail[0])
    if a.type == "count" and relation(a.head, b.head) == GENERIC_PERSON:
        return _part_exceeds_whole(a, b)
    if a.type in ("count", "quantity"):
        return not a.detail[0].compatible(b.detail[0])
    if a.type == "time":
        return all(_times_apart(a.detail[:2], b.detail[:2], shift) for shift in _clock_shifts(a, b))
    if a.type == "state":
        return opposite_states(a, b)
    return a.norm != b.norm


#: A clock time written with an hour of 1 to 12 and no "am"/"pm" ("at 3:47") may be on either half of the day.
_OPEN_CLOCK = re.compile(r"(?<![\d.:])(?:[1-9]|1[0-2])[:.][0-5]\d$")
HALF_DAY = 12 * 60


def _clock_shifts(a: KeyFact, b: KeyFact) -> tuple[int, ...]:
    """Shifts (minutes) to try on ``a``'s window: a clock time written without "am"/"pm" and an hour of 1 to 12
    ("at 3:47") may also be 12 hours later or earlier, so it conflicts only when every reading does ("3:47" fits
    "15:47"; "3:47 p.m." and "15:47" are one time; "14:30" and "15:47" conflict).

    Example:
        >>> t = lambda text: KeyFact("time", text, "", "", "a", 0, 1)
        >>> _clock_shifts(t("at 3:47"), t("15:47")), _clock_shifts(t("3:47 p.m."), t("15:47"))
        ((0, 720, -720), (0,))
    """
    if _OPEN_CLOCK.search(a.value.strip()) or _OPEN_CLOCK.search(b.value.strip()):
        return 0, HALF_DAY, -HALF_DAY
    return (0,)


def _times_apart(a: tuple[int, int], b: tuple[int, int], shift: int) -> bool:
    """True when the window ``a`` moved by ``shift`` minutes and the window ``b`` are more than the slack apart."""
    (low_a, high_a), (low_b, high_b) = (a[0] + shift, a[1] + shift), b
    return low_a - TIME_SLACK > high_b or low_b - TIME_SLACK > high_a


def _part_exceeds_whole(a: KeyFact, b: KeyFact) -> bool:
    """For a count of people of one kind and one of people in general ("23 workers" / "19 people"): the kind is
    part of the whole, so the two conflict only when the part is larger ("4 officers" fits "9 people").

    Example:
        >>> from factalign.judges.quantities import Quantity
        >>> q = lambda v: Quantity(v, v, v, "", "", str(v), 0, 1, 0)
        >>> part = KeyFact("count", "23", "23", "", "a", 0, 2, head="worker", detail=(q(23), frozenset(), frozenset()))
        >>> whole = KeyFact("count", "19", "19", "", "b", 0, 2, head="people", detail=(q(19), frozenset(), frozenset()))
        >>> _part_exceeds_whole(part, whole), _part_exceeds_whole(replace(part, detail=(q(4),)), whole)
        (True, False)
    """
    part, whole = (b, a) if person_senses(a.head) & GENERIC else (a, b)
    return part.detail[0].low > whole.detail[0].high


def _folded(text: str) -> str:
    """The words of ``text`` folded (see :func:`fold`), between spaces."""
    return f" {' '.join(fold(w) for w in text.split())} "


#: Whole sources folded and kept: a long source is asked about once per conflict, and folding it each time made
#: that quadratic; a few sources are enough, since one run asks about its own sources one after the other.
FOLDED_SOURCES = 8


@functools.lru_cache(maxsize=FOLDED_SOURCES)
def _folded_source(text: str) -> str:
    return _folded(text)


def _supports(z: KeyFact, y: KeyFact) -> bool:
    """True when ``z`` gives ``y``'s value: a compatible value, or for a state the same one now (a state bounded in
    time, "closed during the leak", says nothing of the state now, and a different state is not the same)."""
    if z.type == "state":
        return z.norm == y.norm and not State(*z.detail).episode
    return not conflicting(z, y)


def _stands(a: KeyFact, b: KeyFact, pool, texts: dict[str, str], sim) -> bool:
    """A conflict stands unless a source also gives the other value for the same anchor (or names the other
    person at all, for roles and speakers: then the two people are both in the story).

    ``pool(y, source)``: the facts of ``source`` that may share ``y``'s anchor (see :func:`_pools`)."""
    for x, y in ((a, b), (b, a)):
        if any(same_anchor(z, y, sim) and _supports(z, y) for z in pool(y, x.source) if z is not x):
            return False
        if x.type in ("role", "quote") and y.norm and f" {y.norm} " in _folded_source(texts.get(x.source, "")):
            return False
    return True


def compare_key_facts(
    facts: Sequence[KeyFact],
    *,
    sim: Similarity | None = None,
    related: Iterable[str] | None = None,
    texts: dict[str, str] | None = None,
    existing: Sequence[Finding] = (),
    claims_of: dict[str, Sequence[Any]] | None = None,
    near: Any = None,
) -> list[Finding]:
    """Contradiction findings between key facts of different sources.

    Args:
        facts: key facts of every source (see :func:`~factalign.keyfacts.extract.extract_key_facts`).
        sim: ``sim(claim_id, claim_id)`` cosine similarity of two claims, used to match anchors worded apart.
        related: names of the sources about the same story (others are never compared).
        texts: source name -> text, to see whether a source names the other side's person anywhere.
        existing: findings already made; a conflict between claims an earlier contradiction already holds is
            not reported twice.
        claims_of: source name -> its claims; the claims that name a person join a role or speaker conflict.
        near: a :class:`~factalign.keyfacts.near.NearClaims`, so that facts matched by similarity alone are
            compared only with those it finds (None: every pair of a bucket).

    Returns:
        One contradiction finding per conflicting value pair and anchor (not one per claim).

    Example:
        >>> from factalign.keyfacts.model import KeyFact
        >>> a = KeyFact("age", "52-year-old", "52", "age of driver", "a", 4, 15, ("a#0",), head="driver")
        >>> b = KeyFact("age", "25", "25", "age of driver", "b", 12, 14, ("b#0",), head="driver")
        >>> compare_key_facts([a, b])[0].explanation
        'age of driver: 52-year-old vs 25 (a vs b)'
    """
    keep = set(related) if related is not None else None
    facts = [f for f in facts if f.claims and (keep is None or f.source in keep)]
    by_source: dict[str, list[KeyFact]] = defaultdict(list)
    for f in facts:
        by_source[f.source].append(f)
    taken = _reported(existing)
    groups: dict[tuple, list[tuple[KeyFact, KeyFact]]] = {}
    pool = _pools(facts, by_source, near)
    for name_a, name_b, a, b in _candidate_pairs(by_source, matcher(facts, sim), pool):
        if not _stands(a, b, pool, texts or {}, sim) or _already_reported(a, b, taken):
            continue
        kind = "person" if a.type in ("role", "quote") else a.type
        key = (kind, name_a, name_b, a.norm, b.norm)
        groups.setdefault(key, []).extend(
            (x, y) for x in _restated(a, by_source[name_a]) for y in _restated(b, by_source[name_b]))
    mentions = _naming_claims(claims_of or {}, texts or {})
    return [_finding(pairs, mentions) for pairs in groups.values()]


def _candidate_pairs(by_source: dict[str, list[KeyFact]], match, pool=None):
    """(source a, source b, fact of a, fact of b) for every two facts of two sources, in source order, that share an
    anchor bucket, match (``match``, see :func:`~factalign.keyfacts.anchors.matcher`) and hold conflicting values.
    ``pool``: see :func:`_pools` (default: every fact of the bucket).

    Example:
        >>> a = KeyFact("age", "52", "52", "age of driver", "a", 0, 2, ("a#0",), head="driver")
        >>> [(x, y) for x, y, _, _ in _candidate_pairs({"a": [a], "b": [replace(a, value="25", norm="25", source="b")]},
        ...                                            lambda f, g: True)]
        [('a', 'b')]
    """
    names = list(by_source)
    pool = pool or _pools([f for found in by_source.values() for f in found], by_source)
    for i, name_a in enumerate(names):
        for name_b in names[i + 1:]:
            for a in by_source[name_a]:
                for b in pool(a, name_b):
                    if match(a, b) and conflicting(a, b):
                        yield name_a, name_b, a, b


def _pools(facts: Sequence[KeyFact], by_source: dict[str, list[KeyFact]], near: Any = None):
    """A function (fact, source) -> the facts of ``source`` that may share the fact's anchor, in the facts' order:
    those of its :func:`anchor_bucket`, or, in a bucket matched by similarity alone, those ``near`` finds."""
    buckets = {name: _bucket_lists(found) for name, found in by_source.items()}
    close: dict[int, list[KeyFact]] = {}  # id of a fact -> the facts it may match, when ``near`` narrows its bucket
    if near is not None:
        for key, members in _bucket_lists(facts).items():
            for fact, mine in zip(members, near(key, members) or ()):
                close[id(fact)] = [members[m] for m in sorted(mine)]

    def pool(fact: KeyFact, source: str) -> Sequence[KeyFact]:
        if id(fact) in close:
            return [f for f in close[id(fact)] if f.source == source]
        return buckets.get(source, {}).get(anchor_bucket(fact), ())
    return pool


def _reported(existing: Sequence[Finding]) -> list[tuple[set, str, set]]:
    """(claim ids, subtype, lower-cased values) of each contradiction already found by an earlier stage.

    Example:
        >>> f = Finding("contradiction", "number", ("a#0",), 0.8, "dead: 5 vs 7", values=("'5'",))
        >>> _reported([f])
        [({'a#0'}, 'number', {'5'})]
    """
    return [(set(f.claims), f.subtype, {v.strip(" '\"").lower() for v in f.values or ()})
            for f in existing if f.kind == "contradiction"]


def _already_reported(a: KeyFact, b: KeyFact, taken: Sequence[tuple[set, str, set]]) -> bool:
    """True when an earlier contradiction (:func:`_reported`) already holds a claim of each fact and is of their
    subtype or names one of their values: the judge stage reports this conflict between these claims.

    Example:
        >>> a = KeyFact("count", "5", "5", "dead", "a", 0, 1, ("a#0",), head="dead")
        >>> _already_reported(a, replace(a, value="7", claims=("b#0",)), [({"a#0", "b#0"}, "number", set())])
        True
    """
    return any(set(a.claims) & claims and set(b.claims) & claims and (
        subtype == SUBTYPES[a.type] or values & {a.value.lower(), b.value.lower()})
        for claims, subtype, values in taken)


def _restated(fact: KeyFact, same_source: Sequence[KeyFact]) -> list[KeyFact]:
    """The count and the counts its source restates it by: the same value for events of one class and nouns of
    one kind ("Two dead" in the headline, "Two fans were killed" in the lead); for a quantity, the same amount of
    the same unit or noun in one event, or where one names no event ("demand $5 million" / "asking for a ransom of
    $5 million"); a conflict holds all their claims.

    Example:
        >>> from factalign.judges.quantities import Quantity
        >>> q = (Quantity(2, 2, 2, "", "", "2", 0, 1, 0), frozenset(), frozenset())
        >>> lead = KeyFact("count", "Two", "2", "", "a", 40, 43, ("a#1",), head="fan", event="kill", detail=q)
        >>> title = KeyFact("count", "Two", "2", "", "a", 0, 3, ("a#0",), head="people", event="dead", detail=q)
        >>> [f.claims for f in _restated(lead, [title, lead])]
        [('a#1',), ('a#0',)]
    """
    if fact.type == "quantity":
        return [fact] + [f for f in same_source if f is not fact and f.type == "quantity" and f.norm == fact.norm
                         and f.head == fact.head and (_same_event(f, fact) or not (f.event and fact.event))]
    if fact.type != "count":
        return [fact]
    return [fact] + [f for f in same_source if f is not fact and f.type == "count" and f.norm == fact.norm
                     and _same_event(f, fact) and relation(f.head, fact.head) in (SAME, CLOSE, GENERIC_PERSON)]


def _bucket_lists(facts: Sequence[KeyFact]) -> dict[tuple[str, Any], list[KeyFact]]:
    """The facts by :func:`anchor_bucket`, each list in the facts' order."""
    out: dict[tuple[str, Any], list[KeyFact]] = defaultdict(list)
    for f in facts:
        out[anchor_bucket(f)].append(f)
    return out


def _naming_claims(claims_of: dict[str, Sequence[Any]], texts: dict[str, str]):
    """A function (source, surname) -> ids of the source's claims whose evidence names that person."""
    folded: dict[str, list[tuple[str, str]]] = {}  # source -> (claim id, folded words): folded once per run

    def named(source: str, who: str) -> list[str]:
        if source not in folded:
            text = texts.get(source, "")
            folded[source] = [(c.id, _folded(text[c.start:c.end] + " " + c.text)) for c in claims_of.get(source, ())]
        return [cid for cid, words in folded[source] if who and f" {who} " in words]
    return named


def _finding(pairs: list[tuple[KeyFact, KeyFact]], named) -> Finding:
    """One contradiction for all fact pairs that give the same two values (a role first, when one is among them).

    For a person in a role or a speaker, the claims that name the person also hold the value.
    """
    pairs = sorted(pairs, key=lambda p: p[0].type != "role")
    a, b = pairs[0]
    side_a = list(dict.fromkeys(c for x, _ in pairs for c in x.claims))
    side_b = list(dict.fromkeys(c for _, y in pairs for c in y.claims))
    if a.type in ("role", "quote"):
        side_a = list(dict.fromkeys(side_a + named(a.source, a.norm)[:MAX_NAMING]))
        side_b = list(dict.fromkeys(side_b + named(b.source, b.norm)[:MAX_NAMING]))
    anchor = a.anchor if len(a.anchor) >= len(b.anchor) else b.anchor
    return Finding(
        kind="contradiction", subtype=SUBTYPES[a.type], claims=tuple(side_a + side_b), score=SCORES[a.type],
        explanation=f"{anchor}: {a.value} vs {b.value} ({a.source} vs {b.source})", values=(a.value, b.value),
        extra={"judge": "keyfacts", "key_fact": a.type, "anchor": anchor, "group": a.group,
               "sides": {a.value: side_a, b.value: side_b}},
    )


def group_key_facts(facts: Sequence[KeyFact], *, sim: Similarity | None = None,
                    related: Iterable[str] | None = None, near: Any = None) -> list[KeyFact]:
    """The facts with ``group`` set: facts of different sources with the same anchor share one group number.

    Facts no other (related) source matches keep group -1. Groups are the connected pieces of the "same anchor"
    relation across sources, numbered in reading order.

    Example:
        >>> from factalign.keyfacts.model import KeyFact
        >>> a = KeyFact("age", "52", "52", "age of driver", "a", 0, 2, ("a#0",), head="driver")
        >>> b = KeyFact("age", "25", "25", "age of driver", "b", 0, 2, ("b#0",), head="driver")
        >>> [f.group for f in group_key_facts([a, b])]
        [0, 0]
    """
    keep = set(related) if related is not None else None
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    usable = [i for i, f in enumerate(facts) if f.claims and (keep is None or f.source in keep)]
    later = bucketed([facts[i] for i in usable], near)
    for n, i in enumerate(usable):
        for j in (usable[m] for m in later[n]):
            if facts[i].source != facts[j].source and same_anchor(facts[i], facts[j], sim):
                parent[root(j)] = root(i)
    members: dict[int, list[int]] = defaultdict(list)
    for i in usable:
        members[root(i)].append(i)
    out = list(facts)
    number = 0
    for idx in sorted(members.values()):
        if len({facts[i].source for i in idx}) < 2:
            continue
        for i in idx:
            out[i] = replace(facts[i], group=number)
        number += 1
    return out
