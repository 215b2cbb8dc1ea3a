"""Acronyms left in the source language: "la ONU" kept as "ONU" where the English source says "UN".

No hand list of organisations: the evidence is frequency and the other sources. An acronym is the source
language's form when

* only this source uses it, and in lower case it is a word of a source language's text (wordfreq: "onu" is
  common in Spanish, French, Italian and Portuguese news, rare in English), or it is an anagram of the English
  acronym (word order differs between languages, so the same initials come in another order: OTAN/NATO);
* another source uses an acronym, which this one never does, in a sentence sharing ordinary words with one of
  this acronym's sentences;
* that other acronym is the English form: clearly more frequent in English text than this one. This decides
  which side is the translation, so the correct English acronym ("UNEP" beside the translation's "PNUE") is
  never the one flagged.

Once an acronym is shown to be a source-language form, every occurrence of it in the source is reported.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc
from ._evidence import evidence

SOURCE_LANGUAGES = ("es", "fr", "de", "it", "pt")
# The acronym in lower case must be this much (10x) more frequent in a source language than in English...
MIN_FOREIGN_LEAN = 1.0
# ... and the other source's acronym this much (10x) more frequent in English than it: the English form.
MIN_ENGLISH_LEAD = 1.0
# Ordinary words the two sentences must share; two-letter acronyms are ambiguous and need more.
MIN_SHARED = 2
MIN_SHARED_SHORT = 3
# The first occurrences of an acronym are evidence enough; the cap bounds the work per acronym.
MAX_OCCURRENCES_EXAMINED = 20


def _lean(acronym: str) -> tuple[str, float, float]:
    """``(language, zipf there, zipf in English)`` for the source language where ``acronym`` is most common."""
    word = acronym.lower()
    best = max(SOURCE_LANGUAGES, key=lambda lang: lex.zipf(word, lang))
    return best, lex.zipf(word, best), lex.zipf(word)


def _letter_share(x: str, y: str) -> float:
    """Dice overlap of the two acronyms' letters: 1.0 for anagrams ("OTAN", "NATO"), 0.8 for "ONU"/"UN"."""
    common = sum((Counter(x) & Counter(y)).values())
    return 2 * common / (len(x) + len(y))


def _candidates(doc: SourceDoc, d: int, corpus: Corpus) -> list[str]:
    ev = evidence(corpus)
    return sorted(x for x, users in ev.acronym_sources.items() if users == {d})


def _best_english(x: str, d: int, corpus: Corpus) -> tuple[float, float, int, str, str] | None:
    """The other sources' acronym that ``x`` stands for: ``(letters, shared, count, acronym, source)``."""
    ev = evidence(corpus)
    need = MIN_SHARED_SHORT if len(x) == 2 else MIN_SHARED
    mine = [s for dd, s in ev.acronym_sentences.get(x, []) if dd == d][:MAX_OCCURRENCES_EXAMINED]
    if not mine:
        return None
    z_x = lex.zipf(x.lower())
    best = None
    for y, users in ev.acronym_sources.items():
        if y == x or d in users or lex.zipf(y.lower()) - z_x < MIN_ENGLISH_LEAD:
            continue
        for od, osent in ev.acronym_sentences[y]:
            if od == d:
                continue
            other = ev.content(od, osent, lower_only=True)
            shared = max(len(ev.content(d, s, lower_only=True) & other) for s in mine)
            if shared < need:
                continue
            key = (_letter_share(x, y), shared, ev.acronym_count[y], y, corpus.docs[od].source.name)
            if best is None or key[:3] > best[:3]:
                best = key
    return best


def detect_foreign_acronyms(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find acronyms kept in the source language, every occurrence.

    Args:
        doc: the parsed source.
        corpus: all sources; their acronyms and sentences are the evidence.

    Yields:
        One artefact per occurrence, suggesting the English acronym the other source uses.
    """
    ev = evidence(corpus)
    d = ev.index_of(doc)
    for x in _candidates(doc, d, corpus):
        lang, z_lang, z_en = _lean(x)
        best = _best_english(x, d, corpus)
        if best is None:
            continue
        letters, shared, _, y, where = best
        if z_lang - z_en < MIN_FOREIGN_LEAN and letters < 1.0:
            continue  # neither a word of a source language nor the English initials reordered
        why = (f"'{x}' is common in {lex.language_name(lang)} text (Zipf {z_lang:.1f}) and rare in English "
               f"({z_en:.1f})" if z_lang - z_en >= MIN_FOREIGN_LEAN
               else f"'{x}' has the letters of '{y}' in another order, as another language's word order gives")
        explanation = (f"acronym '{x}' is left in the source language: {why}; '{where}' writes '{y}', the English "
                       f"form (Zipf {lex.zipf(y.lower()):.1f} in English), in a sentence sharing {shared} ordinary "
                       "words with this source, which never uses it; so this source is the translation")
        for tok in doc.tokens:
            if tok.text == x:
                yield Artefact(tok.start, tok.end, y, explanation, 0.8)
