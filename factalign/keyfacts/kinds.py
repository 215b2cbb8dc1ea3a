"""How near two counted nouns are in meaning: the same word, one kind of person, or both people.

A count is about its noun: "23 workers" and "Nineteen employees" count the same people when the events agree,
"680 trains" and "900 trains" the same things. The nouns for people come from WordNet 3.0 (its lexicographer file
``noun.person``, shipped as ``factalign/data/keyfacts_person_nouns.tsv`` and rebuilt by
``scripts/build_person_nouns.py``); the generic "person" and "people" count people of any kind.
"""

from __future__ import annotations

import functools
from importlib import resources

#: The relations :func:`relation` names, nearest first.
SAME, CLOSE, GENERIC_PERSON, KIN = "same", "close", "generic", "kin"
#: Offsets of the generic synsets, person.n.01 and people.n.01: near every kind of person.
GENERIC = frozenset({"00007846", "07942152"})


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(word -> its person synsets, synset -> its direct hypernyms), read once per process."""
    synsets: dict[str, set[str]] = {}
    hypernyms: dict[str, frozenset[str]] = {}
    text = (resources.files("factalign") / "data" / "keyfacts_person_nouns.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        offset, above, words = line.split("\t")
        hypernyms[offset] = frozenset(above.split())
        for w in words.split():
            synsets.setdefault(w, set()).add(offset)
    return {w: frozenset(s) for w, s in synsets.items()}, hypernyms


def person_senses(word: str) -> frozenset[str]:
    """WordNet synsets in which ``word`` names a person (a plural the tagger left unlemmatised is tried singular).

    Example:
        >>> bool(person_senses("supporter")), bool(person_senses("train"))
        (True, False)
    """
    synsets, _ = _table()
    word = word.lower()
    found = synsets.get(word)
    if found is None and word.endswith("s"):
        found = synsets.get(word[:-1])
    return found or frozenset()


def relation(a: str, b: str) -> str:
    """How near two nouns are: :data:`SAME` word; :data:`CLOSE` when they share a person sense or one is a direct
    hypernym of the other ("employee" is a "worker"); :data:`GENERIC_PERSON` when one is "person" or "people" and
    the other names people; :data:`KIN` when both name people of unrelated kinds ("fan", "supporter"); else "".

    Example:
        >>> relation("employee", "worker"), relation("people", "fan"), relation("fan", "supporter")
        ('close', 'generic', 'kin')
        >>> relation("fan", "train")
        ''
    """
    if a == b:
        return SAME
    senses_a, senses_b = person_senses(a), person_senses(b)
    if not senses_a or not senses_b:
        return ""
    _, hypernyms = _table()
    if senses_a & senses_b:
        return CLOSE
    if senses_a & GENERIC or senses_b & GENERIC:
        return GENERIC_PERSON
    if any(hypernyms.get(s, frozenset()) & senses_b for s in senses_a) or \
            any(hypernyms.get(s, frozenset()) & senses_a for s in senses_b):
        return CLOSE
    return KIN


def siblings(a: str, b: str) -> bool:
    """True when two nouns name one kind of person: they share a sense, one is a direct hypernym of the other, or
    they share a direct hypernym other than the generic person (WordNet files "captain" and "commander" both
    under "commissioned naval officer") and WordNet does not oppose them ("man" / "woman").

    Example:
        >>> siblings("captain", "commander"), siblings("man", "woman"), siblings("driver", "passenger")
        (True, False, False)
    """
    from ..judges.lexicon import antonym_source

    near = relation(a, b)
    if near in (SAME, CLOSE):
        return True
    if near != KIN or antonym_source(a, b):
        return False
    _, hypernyms = _table()

    def above(word: str) -> frozenset[str]:
        return frozenset().union(*(hypernyms.get(s, frozenset()) for s in person_senses(word))) - GENERIC
    return bool(above(a) & above(b))


@functools.lru_cache(maxsize=1)
def _pertainyms() -> dict[str, str]:
    """adjective -> the noun it pertains to (WordNet 3.0, ``keyfacts_pertainyms.tsv``); the first noun when several."""
    out: dict[str, str] = {}
    text = (resources.files("factalign") / "data" / "keyfacts_pertainyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            adjective, noun = line.split("\t")
            out.setdefault(adjective, noun)
    return out


def title_words(words: frozenset[str]) -> frozenset[str]:
    """The words of a title with each adjective WordNet says pertains to a noun read as that noun, so that a title
    worded with the adjective is seen to hold the same words ("chief financial officer" holds "finance").

    Example:
        >>> sorted(title_words(frozenset({"chief", "financial", "officer"})))
        ['chief', 'finance', 'officer']
    """
    table = _pertainyms()
    return frozenset(table.get(w, w) for w in words)
