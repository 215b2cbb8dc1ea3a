"""Content words: the cheap lexical evidence used beside embeddings (why claims align, what a source covers)."""

from __future__ import annotations

import re
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
