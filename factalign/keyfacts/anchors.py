"""When two key facts are about the same thing: anchors, their strength, and the buckets that keep comparison linear.

Numeric facts (counts, quantities, dates, times, ages) match with a strength (:func:`anchor_strength`): the same
noun or person and the same event first, then one kind of person ("workers" / "employees", WordNet) with events of
one class, then like sentences alone; a fact is compared only with its strongest matches (:func:`matcher`). Other
types match by :func:`same_anchor`. Facts are compared only within one :func:`anchor_bucket`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace  # noqa: F401  (used by the doctest of anchor_bucket)
from typing import Any, Callable, Sequence

from ..judges.numbers import _CLASS_OF
from .kinds import CLOSE, GENERIC_PERSON, SAME, person_senses, relation, siblings, title_words
from .model import KeyFact
from .stateconflicts import same_state_anchor, state_bucket

#: Claims at least this similar (cosine) describe one event even when its predicate is worded differently
#: ("tore through the warehouse on March 14" / "was destroyed by fire on March 15"). Under the alignment
#: threshold (0.6) on purpose: conflicting values are exactly where the wording of one fact parts.
CONTEXT_SIM = 0.5
#: A statement put in two mouths must be close to a paraphrase: different people say similar things.
QUOTE_SIM = 0.6

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
        return _same_role(a, b, sim)
    if a.type == "quote":
        return sim is not None and max(sim(x, y) for x in a.claims for y in b.claims) >= QUOTE_SIM
    if a.type == "state":  # an attribute ("condition") in like sentences is the same one despite a parse slip
        return same_state_anchor(a, b, lambda: _context(a, b, sim) >= CONTEXT_SIM)
    return False


def _same_role(a: KeyFact, b: KeyFact, sim: Similarity | None) -> bool:
    """Two titles are one role when one holds the other's words (adjectives read as the nouns they pertain to:
    "financial" as "finance") with the same head word, qualified ("health minister", not "minister": one holder per
    story) and equal or in one event, or in like sentences; or, worded apart ("finance chief" / "chief financial
    officer": the shorter title's words, head and all, inside the longer), in like sentences only.

    Example:
        >>> role = lambda head, *words: KeyFact("role", "x", "x", "", "a", 0, 1, ("a#0",), head=head,
        ...                                     detail=(frozenset(words),))
        >>> _same_role(role("chief", "finance", "chief"), role("officer", "chief", "financial", "officer"),
        ...            lambda x, y: 0.6)
        True
        >>> _same_role(role("chief", "fire", "chief"), role("officer", "chief", "medical", "officer"), lambda x, y: 0.6)
        False
    """
    (wa,), (wb,) = a.detail, b.detail
    wa, wb = title_words(wa), title_words(wb)
    qualified = min(len(wa), len(wb)) >= 2  # "health minister", not "minister": one holder per story
    if a.head == b.head:
        return (wa <= wb or wb <= wa) and (
            (qualified and (wa == wb or _same_event(a, b))) or _context(a, b, sim) >= CONTEXT_SIM)
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return qualified and shorter < longer and _context(a, b, sim) >= CONTEXT_SIM


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
    """Counts and quantities: the same unit and moment (or a count at the opening of an event and one at no moment,
    :func:`opening_part`); then the same noun and event (:data:`EVENT`); nouns for
    one kind of person, or a kind and people in general, with events of one class in like sentences (:data:`KIND`:
    "nine passengers were injured" / "eleven people were hurt"); or one noun or kind of person, narrowed alike, in
    very like sentences (:data:`SENTENCE`: "sent 23 workers to hospital" / "19 employees were taken to hospital",
    "suppressed 680 trains" / "680 trains were cancelled"). Two headlines count the same thing without being
    alike: "Two dead in crush" / "Three supporters die at stadium"."""
    (qa, moment_a, plan_a), (qb, moment_b, plan_b) = a.detail[:3], b.detail[:3]
    narrow_a, narrow_b = a.detail[3:4], b.detail[3:4]  # the words that narrow the noun, when extracted
    if qa.unit != qb.unit or bool(plan_a) != bool(plan_b) or (moment_a != moment_b and opening_part(a, b) is None):
        return 0  # a plan is compared with a plan, however it is worded ("would cut" / "plans to eliminate")
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


#: Moment words that pin a count to the opening stretch of its event ("on the first day", "at the start"): what was
#: counted then is part of what the event counted in all.
OPENING = frozenset({"first", "start", "beginning", "outset"})


def opening_part(a: KeyFact, b: KeyFact) -> KeyFact | None:
    """Of two counts (no unit) of which one is pinned to the opening of its event and the other to no moment at
    all, the opening one: a part of the other's whole ("900 trains cancelled on the first day" within "the strike
    cancelled 2,000 trains"), so it may be smaller but never larger. None for any other two facts.

    Example:
        >>> from factalign.judges.quantities import Quantity
        >>> q = Quantity(900, 900, 900, "", "train", "900", 0, 1, 0)
        >>> first = KeyFact("count", "900", "900", "train cancel", "b", 0, 1, head="train",
        ...                 detail=(q, frozenset({"first"}), frozenset()))
        >>> whole = replace(first, source="a", detail=(q, frozenset(), frozenset()))
        >>> opening_part(first, whole) is first, opening_part(whole, replace(first, detail=(q, frozenset({"now"}),
        ...                                                                                 frozenset())))
        (True, None)
    """
    if a.type != "count" or b.type != "count" or a.detail[0].unit or b.detail[0].unit:
        return None
    for part, whole in ((a, b), (b, a)):
        if part.detail[1] and part.detail[1] <= OPENING and not whole.detail[1]:
            return part
    return None


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
    if linked and (_same_event(a, b) or _context(a, b, sim) >= CONTEXT_SIM):
        return SENTENCE
    return SENTENCE if _one_kind(a, b) and _context(a, b, sim) >= AGE_CONTEXT_SIM else 0


#: Ages of two nouns for one kind of person are one person's only in sentences this alike ("The flight
#: commander, aged 52, declared an emergency" / "The 45-year-old captain declared an emergency"): above
#: :data:`CONTEXT_SIM` because a story gives the ages of several people of a kind in sentences built alike.
AGE_CONTEXT_SIM = 0.6


def _one_kind(a: KeyFact, b: KeyFact) -> bool:
    """True for two ages of unnamed people described by nouns for one kind of person (:func:`siblings`), neither
    read as standing for a different named person than the other."""
    (person_a, _), (person_b, _) = _person_of(a), _person_of(b)
    if person_a and person_b and person_a != person_b:
        return False
    return siblings(a.head, b.head)


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
#: counts of people share one bucket ("workers" / "employees"), and ages and roles one per type (a name and a
#: description; "finance chief" and "chief financial officer").
_BY_HEAD = frozenset({"count", "quantity"})
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


def bucketed(facts: Sequence[KeyFact], near: Any = None) -> list[list[int]]:
    """For each fact, the indices of the facts after it in its :func:`anchor_bucket`, in order; with ``near`` (a
    :class:`~factalign.keyfacts.near.NearClaims`), only those it may match in a bucket matched by similarity alone."""
    members: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        members[anchor_bucket(f)].append(i)
    after: list[list[int]] = [[] for _ in facts]
    for key, idx in members.items():
        close = near(key, [facts[i] for i in idx]) if near is not None else None
        for n, i in enumerate(idx):
            after[i] = idx[n + 1:] if close is None else [idx[m] for m in sorted(close[n]) if m > n]
    return after
