"""When two state key facts (:mod:`factalign.keyfacts.states`) share an anchor, and when they exclude each other.

Opposites come from WordNet 3.0 through the antonym data the judges ship (:mod:`factalign.judges.lexicon`).
"""

from __future__ import annotations

from ..judges.lexicon import antonym_source, indirect_antonyms, load_synset_antonyms, synset_antonyms
from .changes import CHANGE
from .model import KeyFact
from .states import CERTAINTY, State
from .statewords import DEAD


def _opposed(x: str, y: str) -> bool:
    return bool(antonym_source(x, y, adjectives=True) or synset_antonyms(x, y) or indirect_antonyms(x, y))


def opposite_states(a: KeyFact, b: KeyFact) -> bool:
    """True when two states of one thing exclude each other.

    Antonyms (WordNet), the same state affirmed and denied, two different values of one attribute ("serious"
    vs "good" condition) unless one is a degree of injury (then only WordNet opposites), or death against any
    condition of the living.

    Example:
        >>> from factalign.keyfacts.model import KeyFact
        >>> s = lambda v, p=True, attr="": KeyFact("state", v, v, "", "x", 0, 1, detail=State(v, p, attr, False))
        >>> opposite_states(s("closed"), s("open")), opposite_states(s("closed"), s("closed", False))
        (True, True)
        >>> opposite_states(s("closed"), s("shut"))
        False
    """
    sa, sb = State(*a.detail), State(*b.detail)
    if _not_at_once(sa, sb):
        return False
    if _dead_and_living(sa, sb):
        return True
    if sa.attribute != sb.attribute:
        return False
    if sa.value == sb.value:
        return sa.polarity != sb.polarity
    if sa.polarity != sb.polarity:
        return False  # "not open" vs "closed": agreeing, or too loose to call
    if sa.attribute and sa.attribute != CERTAINTY and not (sa.degree or sb.degree):
        return not _same_synset(sa.value, sb.value)
    return _opposed(sa.value, sb.value) or bool(sa.lemma and sb.lemma and synset_antonyms(sa.lemma, sb.lemma))


def _not_at_once(sa: State, sb: State) -> bool:
    """True when two states need not hold at one time, so never conflict: a past episode ("closed for four
    hours" / "reopened"), or a dated past event and a return ("was closed on Monday" / "reopened": the reopening
    may have come after)."""
    if sa.episode or sb.episode:
        return True  # "closed for four hours" was an episode; it says nothing against "reopened" now
    return bool(sa.dated and sb.again or sb.dated and sa.again)


def _dead_and_living(sa: State, sb: State) -> bool:
    """True when one state is death and the other a condition only the living have: "died" / "in critical
    condition" (not a certainty nor a change)."""
    if DEAD in (sa.value, sb.value) and sa.polarity and sb.polarity and sa.value != sb.value:
        other = sb if sa.value == DEAD else sa
        return other.attribute not in ("", CERTAINTY, CHANGE)  # only the living have a condition
    return False


def _same_synset(x: str, y: str) -> bool:
    """True when WordNet puts the two words in one synset on some antonym line (near-synonyms)."""
    return bool(load_synset_antonyms().get(x, frozenset()) & load_synset_antonyms().get(y, frozenset()))


def same_state_anchor(a: KeyFact, b: KeyFact, alike) -> bool:
    """True when two state facts are about one holder (and one charge or cause, when both name one).

    Two named people are never the same holder; otherwise the same head word, or, for an attribute, a charge or a
    certainty, sentences ``alike()`` says report the same thing (the holder worded apart: "the accountant" /
    "Marsh"). A death is compared with a condition of the same holder.
    """
    sa, sb = State(*a.detail), State(*b.detail)
    if sa.topic and sb.topic and sa.topic != sb.topic:
        return False
    if sa.named and sb.named and a.head != b.head:
        return False  # two people's states are never compared
    same_kind = a.event == b.event or DEAD in (sa.value, sb.value) and not {CERTAINTY, CHANGE} & {a.event, b.event}
    if a.head == b.head and CHANGE not in (a.event, b.event):  # amounts change often: alike sentences only
        return same_kind
    return a.event == b.event and bool(a.event or sa.topic and sb.topic) and alike()


def state_bucket(fact: KeyFact) -> str:
    """The part of a state's anchor that :func:`same_state_anchor` always requires equal: a certainty and a change
    of amount are compared only with their kind; plain states and attributes (a condition, and death against it)
    share one bucket.

    Example:
        >>> state_bucket(KeyFact("state", "dead", "dead", "", "a", 0, 1, event=""))
        ''
    """
    return fact.event if fact.event in (CERTAINTY, CHANGE) else ""
