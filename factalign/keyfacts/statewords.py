"""Which words name a state, from WordNet 3.0 (no word chosen by hand).

- A *state adjective* is an adjective WordNet files in an antonymous cluster ("closed" / "open", "dead" /
  "alive", "confirmed" / "unconfirmed"): the clusters the judges already ship
  (``judges_antonyms_wordnet_clusters.tsv``, see :mod:`factalign.judges.lexicon`).
- A participle names a state when it is a state adjective itself ("closed", "suspended"), or when a WordNet
  antonym of its verb has a participle that is one ("convicted": its antonym "acquit" gives "acquitted").
- ``keyfacts_states_wordnet.tsv`` (built by ``scripts/build_states.py``) adds verbs of returning to a state
  ("reopen" is "open again"), the verbs of dying and of killing (WordNet's "die" and what causes it), and the
  verbs of knowing or telling whose participle has an un-form ("confirmed" / "unconfirmed"), the verbs of treating
  (WordNet's "treat, care for" and its troponyms) and the state nouns WordNet derives from a verb ("injury").
"""

from __future__ import annotations

import functools
from importlib import resources

from ..judges.lexicon import load_clusters, load_synset_antonyms
from ..judges.numbers import _CLASS_OF

#: The state a verb of dying leaves its subject in (and a verb of killing its object): WordNet's "dead".
DEAD = "dead"


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"again": {}, "death": {}, "cause-death": {}, "certainty": {}, "care": {},
                                      "deverbal": {}}
    text = (resources.files("factalign") / "data" / "keyfacts_states_wordnet.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, word, *base = line.split("\t")
            before = out[kind].get(word)
            out[kind][word] = f"{before} {base[0]}" if before and base else (base[0] if base else "")
    return out


def is_state_adjective(word: str, direct: bool = False) -> bool:
    """True for an adjective WordNet opposes to another: through its cluster, or (``direct``) its own synset.

    Example:
        >>> is_state_adjective("closed", direct=True), is_state_adjective("taken", direct=True)
        (True, False)
    """
    if direct:
        return any(w in load_clusters() for w in load_synset_antonyms().get(word.lower(), ()))
    return word.lower() in load_clusters()


def _participles(verb: str) -> tuple[str, ...]:
    """Regular past participles a verb may have ("acquit" -> "acquitted", "close" -> "closed")."""
    return (verb + "ed", verb + "d", verb + verb[-1:] + "ed", verb[:-1] + "ied" if verb.endswith("y") else "")


def names_state(form: str, lemma: str) -> bool:
    """True when a participle names a state: it is an adjective WordNet opposes to another adjective, or its
    verb has a WordNet antonym and its own participle or the antonym's is a state adjective ("convicted": its
    antonym "acquit" gives "acquitted").

    Example:
        >>> names_state("convicted", "convict"), names_state("asked", "ask")
        (True, False)
    """
    if is_state_adjective(form, direct=True) and form.lower() != lemma.lower():
        return True
    opposites = [w for w in load_synset_antonyms().get(lemma.lower(), ()) if "-" not in w]
    return bool(opposites) and (is_state_adjective(form) or any(
        is_state_adjective(p) for w in opposites for p in _participles(w) if p))


def returns_to(lemma: str) -> str:
    """The verb whose state a verb of returning restores ("reopen" -> "open"), or "".

    Example:
        >>> returns_to("reopen"), returns_to("report")
        ('open', '')
    """
    return _table()["again"].get(lemma.lower(), "")


def dying(lemma: str) -> bool:
    """True for a verb of dying ("die", "perish").

    Example:
        >>> dying("die"), dying("go")
        (True, False)
    """
    return lemma.lower() in _table()["death"]


def killing(lemma: str) -> bool:
    """True for a verb of killing ("kill", "murder"): its object is dead.

    Example:
        >>> killing("kill"), killing("shoot")
        (True, False)
    """
    return lemma.lower() in _table()["cause-death"]


def certainty_participle(lemma: str) -> str:
    """The participle that says how certain a verb of knowing or telling makes its object, or "".

    Example:
        >>> certainty_participle("confirm"), certainty_participle("injure")
        ('confirmed', '')
    """
    return _table()["certainty"].get(lemma.lower(), "")


def caring(lemma: str) -> bool:
    """True for a verb with a sense of treating someone (WordNet's "treat, care for" or a troponym of it).

    Example:
        >>> caring("treat"), caring("arrest")
        (True, False)
    """
    return lemma.lower() in _table()["care"]


def derived_verbs(noun: str) -> tuple[str, ...]:
    """The verbs WordNet derives a state noun from ("injury" -> "injure"), or ().

    Example:
        >>> derived_verbs("injury"), derived_verbs("table")
        (('injure',), ())
    """
    return tuple(_table()["deverbal"].get(noun.lower(), "").split())


def treated_for(verb) -> str:
    """The verb of harm a verb of treating names through its "for" object, or "": "four were treated for
    injuries" counts people injured, as WordNet derives "injury" from "injure" ("treated for shock" names none).

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> doc = parse_source("Four were treated for injuries. Four were treated for shock.")
        >>> treated_for(doc[2]), treated_for(doc[8])
        ('injure', '')
    """
    if not caring(verb.lemma_.lower()):
        return ""
    nouns = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
             for g in c.children if g.dep_ == "pobj"]
    return next((v for n in nouns for v in derived_verbs(n.lemma_.lower()) if v in _CLASS_OF), "")
