"""State key facts: what condition a person or thing is in ("in serious condition", "remains closed", "has
reopened", "was acquitted", "is dead"), and whether two states exclude each other.

Opposites come from WordNet 3.0 (the antonym data the judges already ship, see
:mod:`factalign.judges.lexicon`); a state bounded by a duration ("closed for four hours") is a past episode, not
the state now: it is kept (marked as an episode) but never contradicts another state.
"""

from __future__ import annotations

from ..judges.lexicon import antonym_source, indirect_antonyms, load_synset_antonyms, synset_antonyms
from .model import KeyFact
from .people import _who
from .syntax import negated, span_offsets

#: Prepositions that bound a state in time: "closed for four hours", "reopened after two days".
EPISODE_PREPS = frozenset({"for", "after", "until", "till", "since", "during", "within"})
#: Prepositions that introduce a state as a place or condition: "in serious condition", "at large".
STATE_PREPS = frozenset({"in", "at"})
_SUBJECTS = ("nsubj", "nsubjpass")


def _subject(verb):
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _opening_noun(sent):
    """The sentence's first noun: its subject when the parser lost the link ("A patient who was hurt ... was in
    serious condition" parsed with no subject for "was")."""
    return next((t for t in sent if t.pos_ in ("NOUN", "PROPN")), None)


def _episode(verb) -> bool:
    """True when the predicate is bounded in time (a duration or a limit), so it says nothing of the state now."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in EPISODE_PREPS:
            return True
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            return True
    return False


def _base(word: str) -> str:
    """A verb of returning to a state names that state: "reopen" -> "open", "reclose" -> "close"."""
    return word[2:] if word.startswith("re") and word[2:] in load_synset_antonyms() else word


def _has_opposite(word: str) -> bool:
    return _base(word) in load_synset_antonyms()


def _fact(doc, name, subject, value_tok, verb, value: str, attribute: str = "") -> KeyFact | None:
    if subject is None or subject.pos_ == "PRON":
        return None
    head, readable = _who(subject)
    first, last = min(subject.i, value_tok.i), max(subject.i, value_tok.i) + 1
    start, end = span_offsets(doc, first, last)
    polarity = not negated(value_tok) and not negated(verb)
    what = f"{attribute} of {readable}" if attribute else f"state of {readable}"
    norm = ("" if polarity else "not ") + value
    return KeyFact("state", value_tok.text, norm, what, name, start,
                   end, head=head, event=attribute, detail=(value, polarity, attribute, _episode(verb)))


def states(doc, name: str) -> list[KeyFact]:
    """State facts of a parsed source.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.norm, f.head) for f in states(parse_source("The road remains closed."), "a")]
        [('closed', 'road')]
    """
    out = []
    for tok in doc:
        low = tok.lower_
        fact = None
        if tok.dep_ in ("acomp", "oprd") and tok.pos_ in ("ADJ", "VERB") and _has_opposite(low):
            fact = _fact(doc, name, _subject(tok.head), tok, tok.head, low)
        elif tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "ccomp") and _has_opposite(tok.lemma_.lower()):
            passive_or_perfect = any(c.dep_ in ("auxpass", "aux") for c in tok.children)
            # a simple past is an event ("prices rose"); bounded by a duration it is an episode, kept as one
            if (passive_or_perfect or _episode(tok)) and not any(c.dep_ in ("dobj", "dative") for c in tok.children):
                fact = _fact(doc, name, _subject(tok), tok, tok, _base(tok.lemma_.lower()))
        elif tok.dep_ == "amod" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in STATE_PREPS:
            prep, noun = tok.head.head, tok.head
            bare = not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)  # "in the next hours" is a time
            if prep.head.pos_ in ("AUX", "VERB") and prep.dep_ == "prep" and bare:
                subject = _subject(prep.head) or _opening_noun(tok.sent)
                fact = _fact(doc, name, subject, tok, prep.head, low, noun.lemma_.lower())
        if fact is not None:
            out.append(fact)
    return out


def _same_synset(x: str, y: str) -> bool:
    """True when WordNet puts the two words in one synset on some antonym line (near-synonyms)."""
    return bool(load_synset_antonyms().get(x, frozenset()) & load_synset_antonyms().get(y, frozenset()))


def opposite_states(a: KeyFact, b: KeyFact) -> bool:
    """True when two states of one thing exclude each other.

    Antonyms (WordNet), the same state affirmed and denied, or two different values of one attribute
    ("serious" vs "good" condition) unless WordNet makes them near-synonyms.

    Example:
        >>> from factalign.keyfacts.model import KeyFact
        >>> s = lambda v, p=True, attr="": KeyFact("state", v, v, "", "x", 0, 1, detail=(v, p, attr, False))
        >>> opposite_states(s("closed"), s("open")), opposite_states(s("closed"), s("closed", False))
        (True, True)
        >>> opposite_states(s("closed"), s("shut"))
        False
    """
    (va, pa, attr_a, episode_a), (vb, pb, attr_b, episode_b) = a.detail, b.detail
    if attr_a != attr_b or episode_a or episode_b:
        return False  # "closed for four hours" was an episode; it says nothing against "reopened" now
    if va == vb:
        return pa != pb
    if pa != pb:
        return False  # "not open" vs "closed": agreeing, or too loose to call
    if attr_a:
        return not _same_synset(va, vb)
    return bool(antonym_source(va, vb, adjectives=True, verbs=True) or synset_antonyms(va, vb)
                or indirect_antonyms(va, vb))
