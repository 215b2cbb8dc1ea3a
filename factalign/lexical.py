"""Content words: the cheap lexical evidence used beside embeddings (why claims align, what a source covers)."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Iterable, Sequence

import numpy as np

STOPWORDS = frozenset(
    "a an the of in on at to for and or but nor is are was were be been being has have had do does did it its "
    "this that these those with by from as he she they we i you his her their our my your not no will would can "
    "could should may might shall said says say also than then there here which who whom whose what when where "
    "about into over after before more most very just only so such".split()
)
_WORD = re.compile(r"[\w’'-]+")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|dozen|hundred|thousand|million|billion|trillion|percent|half|third|quarter)\b",
    re.IGNORECASE,
)


def has_number(text: str) -> bool:
    """True when ``text`` states a number, in digits or in words."""
    return _NUMBER.search(text) is not None


def content_words(text: str) -> list[str]:
    """Lower-cased words of ``text`` minus stopwords and one-letter tokens, in order (repeats kept)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    """A deliberately crude normaliser: plural and possessive endings only ("members" ~ "member")."""
    for suffix in ("’s", "'s", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_recall(claims: Sequence[str], vocabularies: Sequence[Iterable[str]]) -> np.ndarray:
    """``out[i, s]`` = share of claim i's content words (stemmed) that occur in vocabulary s (stemmed words)."""
    vocab_sets = [set(v) for v in vocabularies]
    out = np.zeros((len(claims), len(vocab_sets)))
    for i, text in enumerate(claims):
        words = {stem(w) for w in content_words(text)}
        if words:
            for s, vocab in enumerate(vocab_sets):
                out[i, s] = len(words & vocab) / len(words)
    return out


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Stemmed content words of some texts."""
    return {stem(w) for t in texts for w in content_words(t)}


#: WordNet's detachment rules for inflected forms (morphy, WordNet 3.0 ``morphy(7WN)``): suffix -> base ending,
#: nouns, verbs and adjectives together (a candidate counts only when it is a word of the synonym table).
DETACHMENTS = (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
               ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
               ("er", ""), ("est", ""), ("er", "e"), ("est", "e"))


@functools.lru_cache(maxsize=1)
def _synonym_table() -> dict[str, frozenset[str]]:
    """word -> its WordNet near-synonyms (``factalign/data/lexical_synonyms_wordnet.tsv``), read once per process."""
    text = (resources.files("factalign") / "data" / "lexical_synonyms_wordnet.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {word: frozenset(others.split()) for word, others in rows}


def base_forms(word: str) -> set[str]:
    """``word`` and the base forms WordNet's detachment rules give it that are words of the synonym table.

    Example:
        >>> sorted(base_forms("postponed")), sorted(base_forms("inquiries"))
        (['postpone', 'postponed'], ['inquiries', 'inquiry'])
    """
    table = _synonym_table()
    found = {word}
    for suffix, ending in DETACHMENTS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1 and (base := word[: -len(suffix)] + ending) in table:
            found.add(base)
    return found


def near_synonyms(word: str) -> frozenset[str]:
    """Words WordNet gives as near-synonyms of ``word`` (of its most frequent sense: the same synset, a direct
    hypernym, or an adjective's similar-to head), either way round; see ``scripts/build_synonyms.py``.

    Example:
        >>> "inquiry" in near_synonyms("investigation"), "investigation" in near_synonyms("inquiry")
        (True, False)
    """
    table = _synonym_table()
    return frozenset(w for base in base_forms(word) for w in table.get(base, ()))


def synonym_recall(text: str, other: str) -> float:
    """Share of the content words of ``text`` that ``other`` states: the same word (stemmed or a WordNet base form)
    or a WordNet near-synonym of it, either way round.

    Example:
        >>> round(synonym_recall("It will open an independent inquiry", "An independent investigation was set up"), 2)
        0.67
        >>> synonym_recall("The bridge was closed", "The tunnel was built in 1902")
        0.0
    """
    words = list(dict.fromkeys(content_words(text)))
    if not words:
        return 0.0
    theirs = [(base_forms(w) | {stem(w)}, near_synonyms(w)) for w in content_words(other)]
    found = 0
    for word in words:
        forms, near = base_forms(word) | {stem(word)}, near_synonyms(word)
        found += any(forms & their_forms or near & their_forms or forms & their_near
                     for their_forms, their_near in theirs)
    return found / len(words)
