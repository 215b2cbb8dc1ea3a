"""Entity mistranslation: a name or acronym rendered as ordinary words, or left in the source language.

Three patterns, each needing evidence beyond the odd words themselves:

* **garbled acronym** ("The I'LL TAKE will open..." for Spanish "la OTAN", NATO): a run of capitals made of
  ordinary English words (so not an acronym: "I'LL" has an apostrophe, "TAKE" is a verb) in a noun slot after
  a determiner, in a sentence that is not a headline. The suggestion is the acronym of the sources whose
  sentences share the most content words with this one (the title "...first NATO office in Asia", or the
  other outlet's "open a NATO office in Tokyo"). Single capitalised words that are also words ("QUAD",
  "AIDS") are acronyms and never flagged.
* **acronym left in the source language** ("ONU" for UN, "OTAN" for NATO): see :mod:`.acronyms`.
* **name translated as a word** ("Marta Wolf" for minister Marta Lobo): see :mod:`.names`.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator, Sequence

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, Token
from ._evidence import evidence
from .acronyms import detect_foreign_acronyms
from .names import detect_translated_names

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "our"})
# Content words a sentence must share with another source's sentence before its acronym is suggested.
MIN_ACRONYM_OVERLAP = 2
# A word of a run that is not all letters (a contraction: "I'LL") is ordinary at least this frequent (Zipf).
ORDINARY_ZIPF = 3.0
# Confidence of a garbled acronym: with another source's acronym to put instead, and (apostrophe runs) without.
SCORE_WITH_ACRONYM, SCORE_WITHOUT_ACRONYM = 0.9, 0.6


def _normalise(word: str) -> str:
    return word.replace("’", "'").lower()


def _is_caps_word(tok: Token) -> bool:
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and all(
        c.isalpha() or c in "'’" for c in tok.text)


def _best_acronym(doc: SourceDoc, sent: int, exclude: set[str], corpus: Corpus) -> tuple[str, str, int] | None:
    """The acronym whose sentences (in any source) share most content words with sentence ``sent``."""
    ev = evidence(corpus)
    d = ev.index_of(doc)
    here = ev.content(d, sent)
    best: tuple[int, int, str, str] | None = None
    for acronym, where in ev.acronym_sentences.items():
        if acronym in exclude:
            continue
        for od, osent in where:
            if od == d and osent == sent:
                continue
            overlap = len(here & ev.content(od, osent))
            key = (overlap, ev.acronym_count[acronym], acronym, corpus.docs[od].source.name)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None or best[0] < MIN_ACRONYM_OVERLAP:
        return None
    return best[2], best[3], best[0]


def _garbled_acronyms(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Runs of capitals made of ordinary words in a name's slot (:func:`_in_name_slot`), each reported with the
    acronym another sentence suggests (:func:`_garbled_artefact`).

    Example: "The I'LL TAKE will open an office" -> an artefact on "I'LL TAKE".
    """
    for run, prev in _caps_word_runs(doc.tokens):
        words = [_normalise(t.text) for t in run]
        has_apostrophe = any("'" in w for w in words)
        if prev is not None and _in_name_slot(doc, run, prev, words, has_apostrophe, corpus):
            found = _garbled_artefact(doc, run, prev, has_apostrophe, corpus)
            if found is not None:
                yield found


def _caps_word_runs(tokens: Sequence[Token]) -> Iterator[tuple[Sequence[Token], Token | None]]:
    """Each longest run of words in capitals within one sentence, with the token before it in that sentence.

    Example: "The I'LL TAKE will" -> ([I'LL, TAKE], The).
    """
    i = 0
    while i < len(tokens):
        if not _is_caps_word(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].sent == tokens[i].sent and _is_caps_word(tokens[j + 1]):
            j += 1
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sent == tokens[i].sent else None
        yield tokens[i:j + 1], prev
        i = j + 1


def _in_name_slot(doc: SourceDoc, run: Sequence[Token], prev: Token, words: list[str], has_apostrophe: bool,
                  corpus: Corpus) -> bool:
    """True for a run of ordinary words (two or more, or one with an apostrophe), unquoted, not repeated as a name
    across the sources, after a determiner, outside a headline.

    Example: "the I'LL TAKE" -> True; "the NEW YORK TIMES" -> False (a name in capitals).
    """
    if len(run) < 2 and not has_apostrophe:
        return False
    # Every word ordinary: a dictionary word in lower case ("take") or a contraction ("i'll"); a run with a
    # name in it ("NEW YORK TIMES") is a name set in capitals.
    if not all(lex.is_lowercase_word(w) if w.isalpha() else lex.zipf(w) >= ORDINARY_ZIPF for w in words):
        return False
    if any(t.quoted for t in run):
        return False
    phrase = doc.text[run[0].start:run[-1].end]
    if not has_apostrophe and _caps_runs(corpus)[phrase] > 1:
        return False  # the same capitals again: a name set in capitals ("the DISCLOSE ACT")
    return not (prev.text.lower() not in _DETERMINERS or doc.is_headline(run[0].sent))


def _garbled_artefact(doc: SourceDoc, run: Sequence[Token], prev: Token, has_apostrophe: bool,
                      corpus: Corpus) -> Artefact | None:
    """The artefact of a run in a name's slot: with the acronym of the sentence sharing most with its own, or,
    without one, only when the run has an apostrophe (capitals of ordinary words alone are emphasis, a title).

    Example: "the I'LL TAKE" near "a NATO office" -> an artefact suggesting "NATO".
    """
    span_start, span_end = run[0].start, run[-1].end
    phrase = doc.text[span_start:span_end]
    found = _best_acronym(doc, run[0].sent, {t.text for t in run}, corpus)
    if found is None:
        if not has_apostrophe:
            return None  # capitals of ordinary words with no name to put instead: emphasis, a title
        return Artefact(span_start, span_end, None,
                        f"'{phrase}' is a run of ordinary words in capitals where a name belongs (after "
                        f"'{prev.text}'): likely a mistranslated acronym", SCORE_WITHOUT_ACRONYM)
    acronym, where, overlap = found
    return Artefact(span_start, span_end, acronym,
                    f"'{phrase}' is a run of ordinary words in capitals where a name belongs (after "
                    f"'{prev.text}'), not an acronym; the sentence of '{where}' sharing most with this one "
                    f"({overlap} content words) names '{acronym}'", SCORE_WITH_ACRONYM)


def _caps_runs(corpus: Corpus) -> Counter:
    """How often each run of capitalised words occurs in all sources, counted once per comparison."""
    if "caps_runs" not in corpus.cache:
        runs: Counter = Counter()
        for doc in corpus.docs:
            tokens = doc.tokens
            i = 0
            while i < len(tokens):
                j = i
                while j < len(tokens) and tokens[j].sent == tokens[i].sent and _is_caps_word(tokens[j]):
                    j += 1
                if j > i:
                    for a in range(i, j):  # every sub-run, as a substring count would find it
                        for b in range(a + 1, min(j, a + MAX_RUN) + 1):
                            runs[doc.text[tokens[a].start:tokens[b - 1].end]] += 1
                i = max(j, i + 1)
        corpus.cache["caps_runs"] = runs
    return corpus.cache["caps_runs"]


# Longest run of capitalised words counted as a possible name set in capitals.
MAX_RUN = 6


def detect_entity(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find names and acronyms that the translation turned into ordinary words.

    Args:
        doc: the parsed source.
        corpus: all sources; their acronyms and spellings of names are the evidence.

    Yields:
        One artefact per mistranslated name, suggesting the name the evidence points to.
    """
    yield from _garbled_acronyms(doc, corpus)
    yield from detect_translated_names(doc, corpus)
    yield from detect_foreign_acronyms(doc, corpus)
