"""State key facts: what condition a person or thing is in ("in serious condition", "remains closed", "has
reopened", "was acquitted", "died"); whether two states exclude each other is
:mod:`factalign.keyfacts.stateconflicts`.

Which words name a state comes from WordNet 3.0 (see :mod:`factalign.keyfacts.statewords`), opposites from the
antonym data the judges ship (:mod:`factalign.judges.lexicon`). The rules, one sentence each:

- a predicative adjective or participle WordNet opposes to another names a state ("remains closed", "is dead");
- a passive or perfect participle that names a state does too ("was acquitted", "has been certified");
- the simple past of a verb of returning puts its subject back in the base verb's state ("reopened": open now);
- a verb of dying leaves its subject dead, a verb of killing its (passive) subject;
- "in ADJ NOUN" after a verb gives the attribute NOUN of the subject ("in serious condition");
- a degree adverb on "injured" (or a word of its WordNet cluster) gives the person's condition ("lightly
  injured": condition light), which conflicts only with a WordNet opposite ("serious");
- "has yet to V" denies V ("has yet to be certified": not certified), and a holder determined by "no" denies the
  state of every member ("No passengers were injured"), as "none of" / "neither of" denies it of their whole
  ("None of the passengers were injured");
- a verb of confirming whose object is "it" or "this" is about what its sentence says ("have not confirmed it");
- a verb of knowing or telling whose participle has a WordNet un-form ("confirmed" / "unconfirmed") states the
  certainty of what it is about ("confirmed that chlorine was the gas": chlorine confirmed);
- a state bounded by a duration or an episode ("closed for four hours", "closed during the leak") is a past
  episode: kept, but it never contradicts, nor supports, another state;
- a past passive with a date ("was closed on Monday") is that day's event, which a return ("reopened") may
  have undone since: the two do not conflict;
- a charge or cause after "of"/"on" ("acquitted of forgery") is part of the anchor: one fact per noun;
- a verb of WordNet's increase / decrease families says which way its object (or subject) went
  (:mod:`factalign.keyfacts.changes`); opposite ways conflict in alike sentences.
"""

from __future__ import annotations

from typing import NamedTuple

from ..judges.lexicon import base_forms, load_clusters
from .changes import CHANGE, changes
from .model import KeyFact
from .people import _who
from .statewords import DEAD, certainty_participle, dying, is_state_adjective, killing, names_state, returns_to
from .syntax import negated, span_offsets

#: Prepositions that bound a state to a past stretch of time: "closed for four hours", "closed during the leak".
#: ("after", "since" and "within" do not: "reopened after two days" is open now.)
EPISODE_PREPS = frozenset({"for", "until", "till", "during"})
#: Prepositions that introduce a state as a place or condition: "in serious condition", "at large".
STATE_PREPS = frozenset({"in", "at"})
#: Prepositions whose object is what a state is about: "acquitted of forgery", "convicted on two counts".
TOPIC_PREPS = frozenset({"of", "on"})
#: The attribute a degree of injury gives ("lightly injured": condition light).
CONDITION = "condition"
#: WordNet's adjective whose cluster holds the words of bodily harm ("hurt", "wounded", ...).
INJURED = "injured"
#: The attribute of what a verb of confirming states about its object.
CERTAINTY = "certainty"
_SUBJECTS = ("nsubj", "nsubjpass")
#: Where a pronoun's antecedent may sit in its sentence (a subject or an object).
_ANTECEDENTS = ("nsubj", "nsubjpass", "dobj", "dative")
_PREDICATES = ("ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "acl")
#: How many heads up a clause without a subject may look for the one it shares ("had to be flown ... and lies").
MAX_CLIMB = 3


class State(NamedTuple):
    """What a state fact says: its value, polarity, attribute ("" for a plain state), and how it was read."""

    value: str
    polarity: bool
    attribute: str
    episode: bool
    lemma: str = ""
    topic: str = ""
    named: bool = False
    degree: bool = False
    dated: bool = False
    again: bool = False


def _noun_subject(verb):
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _resolve(pron):
    """The one noun before a personal pronoun in its sentence that could be its antecedent (a subject or an
    object: "the Dutchman was flown ... where he died"), else None: a wrong resolution is worse than none."""
    before = [t for t in pron.sent if t.i < pron.i and t.dep_ in _ANTECEDENTS and t.pos_ in ("NOUN", "PROPN")]
    return before[0] if len(before) == 1 and pron.lower_ in ("he", "she", "they") else None


def _partitive(tok):
    """ "Four of the injured", "all of the workers", "none of the workers": a part is about the whole it is taken
    from (a "none" or "neither" denies the state of that whole: :func:`_no_holder`)."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and whole.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") else None


def _subject(verb):
    """The subject of a predicate, shared from the clause it is coordinated with when it has none of its own."""
    cur = verb
    for _ in range(MAX_CLIMB):
        subj = _noun_subject(cur)
        if subj is not None:
            if subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in NEGATIVE_PARTS:
                return subj
            return _partitive(subj) or (_resolve(subj) if subj.pos_ == "PRON" else None)
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head  # "the road, closed during the storm": a participle is about the noun it describes
        if cur.dep_ not in ("conj", "xcomp") or cur.head is cur:
            return None
        cur = cur.head
    return None


def _episode(verb) -> bool:
    """True when the predicate is bounded in time (a duration or a limit), so it says nothing of the state now."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in EPISODE_PREPS:
            return True
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME") and any(
                c.dep_ == "nummod" for c in child.children):
            return True
    return False


def _dated_past(verb) -> bool:
    """True for a past passive with a date or time ("was closed on Monday"): the event of that day, which a later
    return may have undone ("reopened"), unlike "remains closed" or "has been closed"."""
    past = any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    when = [c for c in verb.children if c.dep_ == "npadvmod"] + [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return past and any(t.ent_type_ in ("DATE", "TIME") for t in when)


def _yet_to(verb) -> bool:
    """True for "has yet to V" / "is yet to be V-ed": the verb is not done yet."""
    return verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in verb.head.children)


def _topics(word) -> list[str]:
    """Nouns after "of"/"on" that say what a state is about ("counts of theft and forgery" -> three)."""
    out = []
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS:
            out += [t.lemma_.lower() for t in prep.subtree if t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME")]
    return list(dict.fromkeys(out))


#: The determiner that denies a state of its noun's every member ("No passengers were injured").
NEGATIVE_DETERMINER = "no"
#: The pronouns that deny a state of every member of the whole they are taken from ("None of the passengers were
#: injured", "neither of the drivers was hurt"): English's negative quantifier pronouns, closed-class words.
NEGATIVE_PARTS = frozenset({"none", "neither"})


def _no_holder(subject) -> bool:
    """True when the holder is determined by "no" ("No one was injured", "no passengers were injured") or is the
    whole a "none of" / "neither of" is taken from ("None of the passengers were injured"): the state is denied of
    them all, not stated.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("No one was injured. One man was injured. None of the men were injured.")
        >>> _no_holder(doc[1]), _no_holder(doc[6]), _no_holder(doc[13])
        (True, False, True)
    """
    if subject.dep_ == "pobj" and subject.head.lower_ == "of" and subject.head.head.lower_ in NEGATIVE_PARTS:
        return True
    return any(c.dep_ == "det" and c.lower_ == NEGATIVE_DETERMINER for c in subject.children)


def _facts(doc, name, subject, value_tok, verb, state: State, whole: bool = False) -> list[KeyFact]:
    """One fact per topic; ``whole``: the evidence is the whole sentence (the holder is a pronoun in it)."""
    if subject is None or subject.pos_ == "PRON":
        return []
    head, readable = _who(subject)
    first, last = min(subject.i, value_tok.i), max(subject.i, value_tok.i) + 1
    if whole:
        first, last = value_tok.sent.start, value_tok.sent.end
    start, end = span_offsets(doc, first, last)
    polarity = state.polarity and not negated(value_tok) and not negated(verb) and not _yet_to(verb) \
        and not _no_holder(subject)
    what = f"{state.attribute} of {readable}" if state.attribute else f"state of {readable}"
    norm = ("" if polarity else "not ") + state.value
    named = subject.pos_ == "PROPN"
    return [KeyFact("state", value_tok.text, norm, what + (f" ({topic})" if topic else ""), name, start, end, head=head,
                    event=state.attribute,
                    detail=state._replace(polarity=polarity, topic=topic, named=named))
            for topic in (_topics(value_tok) or [state.topic])]


def _predicative(tok) -> State | None:
    """ "remains closed", "is dead", "were only lightly injured" (a degree of injury is a condition)."""
    low = tok.lower_
    if not is_state_adjective(low):
        return None
    return _degree(tok) or State(low, True, "", False, lemma=tok.lemma_.lower())


def _degree(tok) -> State | None:
    """ "lightly injured", "critically hurt": a degree adverb on a word of harm is the person's condition."""
    if not _harm(tok.lower_):
        return None
    for adv in tok.children:
        degree = next((b for b in base_forms(adv.lower_)[1:] if is_state_adjective(b)), None)
        if adv.dep_ == "advmod" and degree:
            return State(degree, True, CONDITION, False, degree=True)
    return None


def _harm(word: str) -> bool:
    """True for "injured" and the words on its side of WordNet's cluster ("hurt", "wounded")."""
    return bool(load_clusters().get(word, frozenset()) & load_clusters().get(INJURED, frozenset()))


def _verbal(tok) -> State | None:
    """A state said by a verb: a passive or perfect state participle, a verb of returning, dying or killing.

    The rules are tried in order: a state complement, a verb of confirming with an object, dying or killing, a
    state participle (:func:`_participle_state`), a return (:func:`_returned_state`), a past episode
    (:func:`_past_episode`).
    """
    lemma = tok.lemma_.lower()
    if any(c.dep_ in ("acomp", "oprd") and is_state_adjective(c.lower_) for c in tok.children):
        return None  # "was found dead": the complement names the state, not the verb
    passive, perfect = _voice(tok)
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in tok.children):
        return _certainty(tok)
    if dying(lemma) or (passive and killing(lemma)):
        return State(DEAD, True, "", _episode(tok), lemma=lemma)
    return _participle_state(tok, passive, perfect) or _returned_state(tok) or _past_episode(tok)


def _voice(tok) -> tuple[bool, bool]:
    """(passive, perfect participle) of a verb, reading the auxiliaries of the verb it is conjoined to as well.

    Example: "was closed" -> (True, False); "has closed" -> (False, True); "closed" -> (False, False).
    """
    aux = {c.dep_ for c in tok.children} | ({c.dep_ for c in tok.head.children} if tok.dep_ == "conj" else set())
    return "auxpass" in aux, "aux" in aux and tok.tag_ == "VBN"


def _participle_state(tok, passive: bool, perfect: bool) -> State | None:
    """A passive or perfect participle that names a state: "was acquitted", "has been certified" (a degree of
    injury is a condition; "has yet to be confirmed" is a certainty, as "confirmed it").

    Example: "the suspect was acquitted" -> State("acquitted", True, "", False, lemma="acquit").
    """
    lemma, low = tok.lemma_.lower(), tok.lower_
    if not ((passive or perfect) and tok.tag_ == "VBN" and names_state(low, lemma)):
        return None
    if passive and _certainty(tok):  # "has yet to be confirmed": the same certainty as "confirmed it"
        return _certainty(tok)
    return _degree(tok) or State(low, True, "", _episode(tok), lemma=lemma, dated=_dated_past(tok))


def _returned_state(tok) -> State | None:
    """A verb of returning puts its subject back in the base verb's state: "reopened" -> open (again).

    Example: "the road has reopened" -> State("opened", True, "", False, lemma="open", again=True).
    """
    low = tok.lower_
    base = returns_to(tok.lemma_.lower())
    if base and low.startswith("re") and tok.tag_ in ("VBD", "VBN", "VBZ") and is_state_adjective(low[2:]):
        return State(low[2:], True, "", _episode(tok), lemma=base, again=True)
    return None


def _past_episode(tok) -> State | None:
    """A past-tense state verb bounded by an episode is kept as a past episode: "closed during the leak".

    Example: "the school closed during the leak" -> State("closed", True, "", True, lemma="close").
    """
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.tag_ in ("VBD", "VBN") and names_state(low, lemma) and _episode(tok):
        return State(low, True, "", True, lemma=lemma)  # "closed during the leak": a past episode, kept as one
    return None


def _certainty(tok) -> State | None:
    """ "confirmed the victory", "has yet to confirm it": a verb whose participle has an un-form, with an object."""
    low = tok.lemma_.lower()
    participle = certainty_participle(low)
    return State(participle, True, CERTAINTY, False, lemma=low) if participle else None


def _object(verb):
    """What a verb of confirming is about: the subject of its clause, or its object."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            return _noun_subject(c)
        if c.dep_ == "dobj":
            return c
    return None


def states(doc, name: str) -> list[KeyFact]:
    """State facts of a parsed source.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.norm, f.head) for f in states(parse_source("The road remains closed."), "a")]
        [('closed', 'road')]
    """
    out = []
    for tok in doc:
        if tok.dep_ in ("acomp", "oprd") and tok.pos_ in ("ADJ", "VERB"):
            out += _complement_facts(doc, name, tok)
        elif tok.pos_ == "VERB" and tok.dep_ in _PREDICATES:
            out += _verb_facts(doc, name, tok)
        elif tok.dep_ == "amod" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in STATE_PREPS:
            out += _attribute(doc, name, tok)
    return out + changes(doc, name, lambda holder, tok, verb, way, when: _facts(
        doc, name, holder, tok, verb, State(way, True, CHANGE, _episode(verb), lemma=tok.lemma_.lower(), topic=when)))


def _complement_facts(doc, name: str, tok) -> list[KeyFact]:
    """The state a complement gives its subject ("the road remains closed"), or its object when it is an object
    predicate ("kept the windows closed"; "was found dead" stays the subject's)."""
    state = _predicative(tok)
    holder = _subject(tok.head)
    if tok.dep_ == "oprd":  # "kept the windows closed": the object's state ("was found dead": the subject's)
        holder = next((c for c in tok.head.children if c.dep_ == "dobj"), None) or holder
    return _facts(doc, name, holder, tok, tok.head, state) if state is not None else []


def _stands_for_a_statement(pron) -> bool:
    """True for a neuter or demonstrative pronoun ("it", "this"), which after a verb of confirming stands for what
    its sentence says ("suspect a cable sparked the fire, but have not confirmed it"); "confirmed him" does not.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("They have not confirmed it. They confirmed him.")
        >>> _stands_for_a_statement(doc[4]), _stands_for_a_statement(doc[8])
        (True, False)
    """
    morph = pron.morph
    return pron.pos_ == "PRON" and ("Neut" in morph.get("Gender") or "Dem" in morph.get("PronType"))


def _verb_facts(doc, name: str, tok) -> list[KeyFact]:
    """The state a verb gives (:func:`_verbal`): a verb of confirming in the active voice is about its object
    ("confirmed that chlorine was the gas"), or about its whole sentence when that object is "it" or "this" ("has
    yet to confirm it", "have not confirmed it"); any other verb
    about its subject ("the road has reopened")."""
    state = _verbal(tok)
    if state is None:
        return []
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    if state.attribute != CERTAINTY or passive:
        return _facts(doc, name, _subject(tok), tok, tok, state)
    holder = _object(tok)
    whole = holder is not None and _stands_for_a_statement(holder)
    if whole:
        holder = tok  # "yet to confirm it", "have not confirmed it": about what the sentence says; by its context
    return _facts(doc, name, holder, tok, tok, state, whole) if holder is not None else []


def _attribute(doc, name: str, tok) -> list[KeyFact]:
    """ "is in serious condition", "lies in critical condition": attribute NOUN of the subject is ADJ."""
    prep, noun = tok.head.head, tok.head
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)  # "in the next hours" is a time
    if prep.dep_ != "prep" or not bare or not (prep.head.pos_ in ("AUX", "VERB") or prep.head.dep_ in _PREDICATES):
        return []
    subject = _subject(prep.head)
    state = State(tok.lower_, True, noun.lemma_.lower(), _episode(prep.head))
    return _facts(doc, name, subject, tok, prep.head, state)
