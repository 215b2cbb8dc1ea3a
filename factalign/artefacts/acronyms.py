"""Acronyms left in the source language: "la ONU" kept as "ONU" where the English source says "UN".

No hand list of organisations: the evidence is frequency and the other sources. An acronym is the source
language's form when

* only this source uses it, and in lower case it is a word of a source language's text (wordfreq: "onu" is
  common in Spanish, French, Italian and Portuguese news, rare in English), or it is an anagram of the English
  acronym (word order differs between languages, so the same initials come in another order: OTAN/NATO);
* another source uses an acronym, which this one never does, in a sentence sharing ordinary words with one of
  this acronym's sentences;
* that other acronym is the English form: clearly more frequent in English text than this one, or spelt by the
  initials of a capitalised name the sources write out in English word order ("Tidal Flood Review"
  for TFR beside the translation's "RFT"; or one initial apart, one word of the name translated: "OIT" beside
  a written-out ILO). This decides which side is the translation, so the correct English acronym ("UNEP"
  beside the translation's "PNUE") is never the one flagged.

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
    best = None
    for y, users in ev.acronym_sources.items():
        if y == x or d in users or _why_english(x, y, ev) is None:
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


def _why_english(x: str, y: str, ev) -> str | None:
    """Why ``y``, not ``x``, is the English acronym, or None when the evidence does not tell.

    Either English text uses ``y`` clearly more (wordfreq), or the sources write out a capitalised name whose
    initials in English word order spell ``y`` ("Tidal Flood Review": TFR) and none spells ``x``.

    Example:
        >>> class Ev: expansions = {"TFR": "Tidal Flood Review"}
        >>> _why_english("RFT", "TFR", Ev())
        "its letters are the initials of 'Tidal Flood Review', written out in the sources"
    """
    if lex.zipf(y.lower()) - lex.zipf(x.lower()) >= MIN_ENGLISH_LEAD:
        return f"Zipf {lex.zipf(y.lower()):.1f} in English"
    if y in ev.expansions and x not in ev.expansions and (
            _letter_share(x, y) >= MIN_SPELLED_SHARE or _one_initial_apart(x, y)):
        return f"its letters are the initials of '{ev.expansions[y]}', written out in the sources"
    return None


def _one_initial_apart(x: str, y: str) -> bool:
    """True when the two acronyms have the same length and share all letters but one, in any order: the same
    name with one word rendered by a word of another initial ("OIT" for *Organização Internacional do
    Trabalho* beside "ILO", *International Labour Organization*).

    Example:
        >>> _one_initial_apart("OIT", "ILO"), _one_initial_apart("OIT", "ILA"), _one_initial_apart("UN", "EU")
        (True, False, False)
    """
    common = sum((Counter(x) & Counter(y)).values())
    return len(x) == len(y) >= MIN_ONE_APART_LEN and common == len(y) - 1


# An acronym spelt by a written-out name stands for the other one only when they share most letters (the same
# initials reordered, maybe with the "O" of Organisation): "ORFT"/"TFR" share 0.86.
MIN_SPELLED_SHARE = 0.8
# Acronyms one initial apart need three letters: two-letter ones share one letter by chance ("UN", "EU").
MIN_ONE_APART_LEN = 3


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
                       f"form ({_why_english(x, y, ev)}), in a sentence sharing {shared} ordinary "
                       "words with this source, which never uses it; so this source is the translation")
        for tok in doc.tokens:
            if tok.text == x:
                yield Artefact(tok.start, tok.end, y, explanation, 0.8)


# Without another source's acronym, the form alone must be this much (100x) more at home in a source language.
MIN_LONE_LEAN = 2.0


def _english_form(x: str) -> str | None:
    """The English acronym by the word-order rule run backwards: reverse, maybe dropping a leading "O" of
    *Organisation* ("ONU" -> "UN", "OTAN" -> "NATO"); the form English text uses most, if it uses it at least
    10x more than ``x``.

    Example:
        >>> _english_form("ONU"), _english_form("OTAN"), _english_form("PSOE")
        ('UN', 'NATO', None)
    """
    forms = [form for form in (x[::-1], x[1:][::-1] if x.startswith("O") else "")
             if len(form) >= 2 and lex.zipf(form.lower()) - lex.zipf(x.lower()) >= MIN_ENGLISH_LEAD]
    return max(forms, key=lambda form: lex.zipf(form.lower()), default=None)


def detect_lone_foreign_acronyms(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Source-language acronyms in a source already shown to be a translation (it has other artefacts), when
    no other source names the organisation: "According to the ONU" beside an English text without "UN".

    A source with no other artefact is never flagged this way, nor an acronym with no English form by the
    word-order rule: "CDU" or "PSOE" in English news is correct. When the sources write out the name whose
    initials spell the English form ("European Union" beside "UE"), 10x more frequent in a source language than
    in English is enough; otherwise it takes 100x.
    """
    ev = evidence(corpus)
    d = ev.index_of(doc)
    for x in _candidates(doc, d, corpus):
        lang, z_lang, z_en = _lean(x)
        english = _english_form(x)
        if english is None or _best_english(x, d, corpus) is not None:
            continue  # a name English keeps as it is ("PSOE", "CDU"), or the cross-source rule decided
        spelled = ev.expansions.get(english) if x not in ev.expansions else None
        if z_lang - z_en < (MIN_FOREIGN_LEAN if spelled else MIN_LONE_LEAN):
            continue  # not foreign enough alone
        explanation = (f"acronym '{x}' is common in {lex.language_name(lang)} text (Zipf {z_lang:.1f}) and rare in "
                       f"English ({z_en:.1f}), in a source that shows other translation artefacts; no other source "
                       f"uses an acronym for the organisation; read in English word order it is '{english}'"
                       + (f", the initials of '{spelled}', written out in the sources" if spelled else ""))
        for tok in doc.tokens:
            if tok.text == x:
                yield Artefact(tok.start, tok.end, english, explanation, 0.6)
