"""Compare key facts across sources, whatever claims they sit in: same type, same anchor, different value.

Two facts are compared only when their anchors refer to the same thing: the same counted noun and the same
event (or events of one class: "hurt" and "injure"), the same person, the same role, the same attribute of the
same subject, or, where the wording differs, claims whose embeddings say they report the same event. Values are
then judged with the judges' own notion of compatibility ("about 40" fits "42"; "shortly before 7:45" fits
"7:40"). A conflict is withdrawn when either source also states the other's value for the same anchor.

Counts, quantities, dates, times and ages match with a strength (:func:`anchor_strength`): the same noun or person
and the same event first, then one kind of person ("workers" / "employees", WordNet) with events of one class, then
like sentences alone; a fact is compared only with its strongest matches (:func:`matcher`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import replace
from typing import Any, Callable, Iterable, Sequence

from ..judges.numbers import _CLASS_OF
from ..models import Finding
from .kinds import CLOSE, GENERIC, GENERIC_PERSON, SAME, person_senses, relation
from .model import KeyFact
from .states import State, opposite_states, same_state_anchor, state_bucket
from .syntax import fold

#: Claims at least this similar (cosine) describe one event even when its predicate is worded differently
#: ("tore through the warehouse on March 14" / "was destroyed by fire on March 15"). Under the alignment
#: threshold (0.6) on purpose: conflicting values are exactly where the wording of one fact parts.
CONTEXT_SIM = 0.5
#: A statement put in two mouths must be close to a paraphrase: different people say similar things.
QUOTE_SIM = 0.6
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

Similarity = Callable[[str, str], float]


def _same_event(a: KeyFact, b: KeyFact) -> bool:
    """Both facts hang from one predicate, or predicates of one class ("hurt" / "injure")."""
    if not a.event or not b.event:
        return False
    return a.event == b.event or (a.event in _CLASS_OF and _CLASS_OF[a.event] == _CLASS_OF.get(b.event))


def _context(a: KeyFact, b: KeyFact, sim: Similarity | None) -> float:
    """How alike the sentences of two facts are: the best cosine similarity between their claims."""
    ca, cb = a.context or a.claims, b.context or b.claims
    if sim is None or not ca or not cb:
        return 0.0
    return max(sim(x, y) for x in ca for y in cb)


def same_anchor(a: KeyFact, b: KeyFact, sim: Similarity | None = None) -> bool:
    """True when two facts of one type are about the same thing (see the module docstring for each type)."""
    if a.type != b.type:
        return False
    if a.type in NUMERIC:
        return anchor_strength(a, b, sim) > 0
    if a.type == "role":
        (wa,), (wb,) = a.detail, b.detail
        nested = (wa <= wb or wb <= wa) and a.head == b.head
        qualified = min(len(wa), len(wb)) >= 2  # "health minister", not "minister": one holder per story
        return nested and ((qualified and (wa == wb or _same_event(a, b))) or _context(a, b, sim) >= CONTEXT_SIM)
    if a.type == "quote":
        return sim is not None and max(sim(x, y) for x in a.claims for y in b.claims) >= QUOTE_SIM
    if a.type == "state":  # an attribute ("condition") in like sentences is the same one despite a parse slip
        return same_state_anchor(a, b, lambda: _context(a, b, sim) >= CONTEXT_SIM)
    return False


#: Key-fact types whose anchors match with a strength (:func:`anchor_strength`), the strongest match winning.
NUMERIC = frozenset({"count", "quantity", "date", "time", "age"})
#: Strengths of an anchor match, strongest first: the same noun (or person) and the same event; nouns for one
#: kind of person with events of one class in like sentences; like sentences alone.
EVENT, KIND, SENTENCE = 3, 2, 1
#: Counts whose events differ are the same anchor only in sentences this similar: above :data:`CONTEXT_SIM`
#: because one story often counts one kind of thing twice in like sentences ("350 staff work there" / "19 staff
#: were hurt"), while it dates one event once.
COUNT_CONTEXT_SIM = 0.55


def anchor_strength(a: KeyFact, b: KeyFact, sim: Similarity | None = None) -> int:
    """How strongly two numeric facts are about the same thing: :data:`EVENT`, :data:`KIND`, :data:`SENTENCE`, 0.

    Example:
        >>> from factalign.keyfacts.model import KeyFact
        >>> a = KeyFact("age", "52", "52", "age of driver", "a", 0, 2, ("a#0",), head="driver", detail=(52, "", False))
        >>> anchor_strength(a, a)
        3
    """
    if a.type != b.type or a.type not in NUMERIC:
        return 0
    if a.type in ("count", "quantity"):
        return _count_strength(a, b, sim)
    if a.type == "age":
        return _age_strength(a, b, sim)
    if a.type == "date" and a.detail != b.detail:
        return 0
    if _same_event(a, b):
        return EVENT
    return SENTENCE if _context(a, b, sim) >= CONTEXT_SIM else 0


def _count_strength(a: KeyFact, b: KeyFact, sim: Similarity | None) -> int:
    """Counts and quantities: the same unit and moment; then the same noun and event (:data:`EVENT`); nouns for
    one kind of person, or a kind and people in general, with events of one class in like sentences (:data:`KIND`:
    "nine passengers were injured" / "eleven people were hurt"); or one noun or kind of person, narrowed alike, in
    very like sentences (:data:`SENTENCE`: "sent 23 workers to hospital" / "19 employees were taken to hospital",
    "suppressed 680 trains" / "680 trains were cancelled"). Two headlines count the same thing without being
    alike: "Two dead in crush" / "Three supporters die at stadium"."""
    (qa, moment_a, plan_a), (qb, moment_b, plan_b) = a.detail[:3], b.detail[:3]
    narrow_a, narrow_b = a.detail[3:4], b.detail[3:4]  # the words that narrow the noun, when extracted
    if qa.unit != qb.unit or moment_a != moment_b or plan_a != plan_b:
        return 0
    near = relation(a.head, b.head)
    if near not in (SAME, CLOSE, GENERIC_PERSON):
        return 0  # two unrelated kinds of people ("officers" / "protesters") are two groups, even in one event
    if near == SAME and _same_event(a, b):
        return EVENT
    context = _context(a, b, sim)
    if _same_event(a, b) and (context >= CONTEXT_SIM or _headline(a) and _headline(b)):
        return KIND  # two headlines on one story give its main count, however tersely they are worded
    if near in (SAME, CLOSE) and narrow_a == narrow_b and context >= COUNT_CONTEXT_SIM:
        return SENTENCE
    return 0


def _headline(count: KeyFact) -> bool:
    """True for a count in its source's headline (its first line, when the text has several)."""
    return len(count.detail) > 4 and bool(count.detail[4])


def _age_strength(a: KeyFact, b: KeyFact, sim: Similarity | None) -> int:
    """Ages: the same person or noun (:data:`EVENT`), or a name and a description that stands for that name
    ("Marsh, 44" / "the 41-year-old accountant" after a sentence naming Marsh) in one event or like sentences
    ("was convicted" / "was convicted"; a "victim taken to hospital" is not the man "arrested"); an age given to
    several people ("the two climbers, aged 29 and 31") is compared with nothing."""
    (person_a, plural_a), (person_b, plural_b) = _person_of(a), _person_of(b)
    if plural_a or plural_b:
        return 0
    if a.head == b.head:
        return EVENT
    linked = bool(person_a) and person_a in (b.head, person_b) or bool(person_b) and person_b in (a.head, person_a)
    return SENTENCE if linked and (_same_event(a, b) or _context(a, b, sim) >= CONTEXT_SIM) else 0


def _person_of(age: KeyFact) -> tuple[str, bool]:
    """(person a description stands for, whether the age is given to several people) of an age fact."""
    return (age.detail[1], age.detail[2]) if len(age.detail) >= 3 else ("", False)


def matcher(facts: Sequence[KeyFact], sim: Similarity | None = None) -> Callable[[KeyFact, KeyFact], bool]:
    """``same_anchor`` in which the strongest match wins: two numeric facts are matched only when neither has a
    stronger match in the other's source ("began on Monday" / "began on Tuesday" is one event's day; "will join
    on Wednesday" is then no longer compared with "began on Tuesday" because the sentences are alike).

    Example:
        >>> matcher([])(KeyFact("age", "1", "1", "", "a", 0, 1), KeyFact("role", "x", "x", "", "b", 0, 1))
        False
    """
    by_source: dict[tuple[str, Any], list[KeyFact]] = defaultdict(list)
    for f in facts:
        by_source[(f.source, anchor_bucket(f))].append(f)
    strengths: dict[tuple[int, int], int] = {}
    bests: dict[tuple[int, str], int] = {}

    def strength(a: KeyFact, b: KeyFact) -> int:
        key = (id(a), id(b))
        if key not in strengths:
            strengths[key] = strengths[(id(b), id(a))] = anchor_strength(a, b, sim)
        return strengths[key]

    def best(x: KeyFact, source: str) -> int:
        key = (id(x), source)
        if key not in bests:
            bests[key] = max((strength(x, z) for z in by_source[(source, anchor_bucket(x))]), default=0)
        return bests[key]

    def match(a: KeyFact, b: KeyFact) -> bool:
        if a.type not in NUMERIC or b.type not in NUMERIC:
            return same_anchor(a, b, sim)
        found = strength(a, b)
        return found > 0 and found >= best(a, b.source) and found >= best(b, a.source)

    return match


#: Types whose facts share an anchor only with the same ``head`` (states: see ``state_bucket``; dates: equal details);
#: counts of people share one bucket ("workers" / "employees"), and ages one per type (a name and a description).
_BY_HEAD = frozenset({"count", "quantity", "role"})
#: The bucket of every count or quantity whose noun names people.
PEOPLE_BUCKET = "<people>"


def anchor_bucket(fact: KeyFact) -> tuple[str, Any]:
    """A key that two facts must share for :func:`same_anchor` to hold (type, and head or event where it must
    match): comparing facts only within a bucket keeps the stage from comparing every pair in a long source.

    Example:
        >>> a = KeyFact("count", "52", "52", "train", "a", 0, 2, head="train")
        >>> anchor_bucket(a), anchor_bucket(replace(a, head="worker"))
        (('count', 'train'), ('count', '<people>'))
    """
    if fact.type in ("count", "quantity") and person_senses(fact.head):
        return fact.type, PEOPLE_BUCKET
    if fact.type in _BY_HEAD:
        return fact.type, fact.head
    if fact.type == "state":
        return fact.type, state_bucket(fact)
    if fact.type == "date" and _hashable(fact.detail):
        return fact.type, fact.detail  # dates share an anchor only with equal details
    return fact.type, ""


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def bucketed(facts: Sequence[KeyFact]) -> list[list[int]]:
    """For each fact, the indices of the facts after it in its :func:`anchor_bucket`, in order."""
    members: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        members[anchor_bucket(f)].append(i)
    after: list[list[int]] = [[] for _ in facts]
    for idx in members.values():
        for n, i in enumerate(idx):
            after[i] = idx[n + 1:]
    return after


def conflicting(a: KeyFact, b: KeyFact) -> bool:
    """True when the values of two facts with the same anchor cannot both be true."""
    if a.type == "count" and relation(a.head, b.head) == GENERIC_PERSON:
        return _part_exceeds_whole(a, b)
    if a.type in ("count", "quantity"):
        return not a.detail[0].compatible(b.detail[0])
    if a.type == "time":
        (low_a, high_a, _), (low_b, high_b, _) = a.detail, b.detail
        return low_a - TIME_SLACK > high_b or low_b - TIME_SLACK > high_a
    if a.type == "state":
        return opposite_states(a, b)
    return a.norm != b.norm


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


def _stands(a: KeyFact, b: KeyFact, by_source: dict[str, list[KeyFact]], texts: dict[str, str], sim) -> bool:
    """A conflict stands unless a source also gives the other value for the same anchor (or names the other
    person at all, for roles and speakers: then the two people are both in the story)."""
    for x, y in ((a, b), (b, a)):
        if any(same_anchor(z, y, sim) and _supports(z, y) for z in by_source[x.source] if z is not x):
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
    taken = [(set(f.claims), f.subtype, {v.strip(" '\"").lower() for v in f.values or ()})
             for f in existing if f.kind == "contradiction"]
    groups: dict[tuple, list[tuple[KeyFact, KeyFact]]] = {}
    match = matcher(facts, sim)
    names = list(by_source)
    buckets = {name: _bucket_lists(found) for name, found in by_source.items()}
    for i, name_a in enumerate(names):
        for name_b in names[i + 1:]:
            for a in by_source[name_a]:
                for b in buckets[name_b].get(anchor_bucket(a), ()):
                    if not (match(a, b) and conflicting(a, b)):
                        continue
                    if not _stands(a, b, by_source, texts or {}, sim):
                        continue
                    if any(set(a.claims) & claims and set(b.claims) & claims and (
                            subtype == SUBTYPES[a.type] or values & {a.value.lower(), b.value.lower()})
                           for claims, subtype, values in taken):
                        continue  # the judge stage already reports this conflict between these claims
                    kind = "person" if a.type in ("role", "quote") else a.type
                    key = (kind, name_a, name_b, a.norm, b.norm)
                    groups.setdefault(key, []).extend(
                        (x, y) for x in _restated(a, by_source[name_a]) for y in _restated(b, by_source[name_b]))
    mentions = _naming_claims(claims_of or {}, texts or {})
    return [_finding(pairs, mentions) for pairs in groups.values()]


def _restated(fact: KeyFact, same_source: Sequence[KeyFact]) -> list[KeyFact]:
    """The count and the counts its source restates it by: the same value for events of one class and nouns of
    one kind ("Two dead" in the headline, "Two fans were killed" in the lead); a conflict holds all their claims.

    Example:
        >>> from factalign.judges.quantities import Quantity
        >>> q = (Quantity(2, 2, 2, "", "", "2", 0, 1, 0), frozenset(), frozenset())
        >>> lead = KeyFact("count", "Two", "2", "", "a", 40, 43, ("a#1",), head="fan", event="kill", detail=q)
        >>> title = KeyFact("count", "Two", "2", "", "a", 0, 3, ("a#0",), head="people", event="dead", detail=q)
        >>> [f.claims for f in _restated(lead, [title, lead])]
        [('a#1',), ('a#0',)]
    """
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
                    related: Iterable[str] | None = None) -> list[KeyFact]:
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
    later = bucketed([facts[i] for i in usable])
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
