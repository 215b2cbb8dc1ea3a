"""Entity mistranslation: a name or acronym rendered as ordinary words.

Two patterns, each needing evidence beyond the odd words themselves:

* **garbled acronym** ("The I'LL TAKE will open..." for Spanish "la OTAN", NATO): a run of capitals made of
  ordinary English words (so not an acronym: "I'LL" has an apostrophe, "TAKE" is a verb) in a noun slot after
  a determiner, in a sentence that is not a headline. The suggestion is the acronym of the sources whose
  sentences share the most content words with this one (the title "...first NATO office in Asia", or the
  other outlet's "open a NATO office in Tokyo"). Single capitalised words that are also words ("QUAD",
  "AIDS") are acronyms and never flagged.
* **acronym left in the other language** ("la OTAN" kept as "OTAN"): an acronym only this source uses whose
  letters are an anagram of one the sources use in a related sentence ("NATO"); word order differs between
  languages, so the letters do too.
* **name translated as a word** ("Carlos Body" for minister Carlos Cuerpo): a first name followed by a
  capitalised common English word, where the sources also write that first name followed by a surname that
  is not an English word, and never followed by the word. Names that happen to be words ("Theresa May",
  "Tim Cook") are left alone unless the sources spell the same person differently.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, Token

# Content words a sentence must share with another source's sentence before that sentence's spelling of a
# name counts as evidence: the two must be about the same thing.
MIN_NAME_OVERLAP = 4
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "our"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,6}$")
_STOP = frozenset("""the a an and or of to in on at by for with from that this these those is are was were be been
will would has have had its their his her it they he she we not but as than then also there which who what
when said says""".split())


def _normalise(word: str) -> str:
    return word.replace("’", "'").lower()


def _is_caps_word(tok: Token) -> bool:
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 1 and all(c.isupper() for c in letters) and all(
        c.isalpha() or c in "'’" for c in tok.text)


def _content(tokens, lower_only: bool = False) -> set[str]:
    """Content-word stems of a sentence (first five letters: "Asian" and "Asia" share "asia").

    With ``lower_only``, names are left out: two sentences about different people share names of places
    and offices ("White House"), so only ordinary words show they say the same thing.
    """
    return {t.text.lower()[:5] for t in tokens
            if t.text.isalpha() and len(t.text) >= 3 and t.text.lower() not in _STOP and not t.text.isupper()
            and (t.text.islower() or not lower_only)}


def _best_acronym(doc: SourceDoc, sent: int, exclude: set[str], corpus: Corpus) -> tuple[str, str, int] | None:
    """The acronym whose sentences (in any source) share most content words with sentence ``sent``."""
    here = _content(doc.sentence_tokens(sent))
    best: tuple[int, int, str, str] | None = None
    totals: Counter = Counter()
    for other in corpus.docs:
        for tok in other.tokens:
            if _ACRONYM.match(tok.text) and tok.text not in exclude:
                totals[tok.text] += 1
    for other in corpus.docs:
        for index in range(len(other.sentences)):
            if other is doc and index == sent:
                continue
            tokens = other.sentence_tokens(index)
            acronyms = {t.text for t in tokens if t.text in totals}
            if not acronyms:
                continue
            overlap = len(here & _content(tokens))
            for acronym in acronyms:
                key = (overlap, totals[acronym], acronym, other.source.name)
                if best is None or key[:2] > best[:2]:
                    best = key
    if best is None or best[0] < 2:
        return None
    return best[2], best[3], best[0]


def _garbled_acronyms(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    tokens = doc.tokens
    i = 0
    while i < len(tokens):
        if not _is_caps_word(tokens[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].sent == tokens[i].sent and _is_caps_word(tokens[j + 1]):
            j += 1
        run = tokens[i:j + 1]
        prev = tokens[i - 1] if i > 0 and tokens[i - 1].sent == tokens[i].sent else None
        i = j + 1
        words = [_normalise(t.text) for t in run]
        has_apostrophe = any("'" in w for w in words)
        if len(run) < 2 and not has_apostrophe:
            continue
        # Every word ordinary: a dictionary word in lower case ("take") or a contraction ("i'll"); a run with a
        # name in it ("NEW YORK TIMES") is a name set in capitals.
        if not all(lex.is_lowercase_word(w) if w.isalpha() else lex.zipf(w) >= 3.0 for w in words):
            continue
        if any(t.quoted for t in run):
            continue
        phrase = doc.text[run[0].start:run[-1].end]
        if not has_apostrophe and sum(d.text.count(phrase) for d in corpus.docs) > 1:
            continue  # the same capitals again: a name set in capitals ("the DISCLOSE ACT")
        if prev is None or prev.text.lower() not in _DETERMINERS or doc.is_headline(run[0].sent):
            continue
        span_start, span_end = run[0].start, run[-1].end
        phrase = doc.text[span_start:span_end]
        found = _best_acronym(doc, run[0].sent, {t.text for t in run}, corpus)
        if found is None:
            if not has_apostrophe:
                continue  # capitals of ordinary words with no name to put instead: emphasis, a title
            yield Artefact(span_start, span_end, None,
                           f"'{phrase}' is a run of ordinary words in capitals where a name belongs (after "
                           f"'{prev.text}'): likely a mistranslated acronym", 0.6)
            continue
        acronym, where, overlap = found
        yield Artefact(span_start, span_end, acronym,
                       f"'{phrase}' is a run of ordinary words in capitals where a name belongs (after "
                       f"'{prev.text}'), not an acronym; the sentence of '{where}' sharing most with this one "
                       f"({overlap} content words) names '{acronym}'", 0.9)


def _translated_names(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    bigrams: Counter = Counter()
    for other in corpus.docs:
        for a, b in zip(other.tokens, other.tokens[1:]):
            if a.sent == b.sent and a.text[:1].isupper() and b.text[:1].isupper() and b.text.isalpha():
                bigrams[(a.text, b.text)] += 1
    for first, word in zip(doc.tokens, doc.tokens[1:]):
        if not first.text.isalpha() or len(first.text) < 3:
            continue  # "Mr.", initials
        if first.sent != word.sent or word.sent_start or not (word.text.istitle() and word.text.isalpha()):
            continue
        if not first.text.istitle() or lex.is_lowercase_word(first.text) or doc.is_headline(word.sent):
            continue
        if not (lex.is_lowercase_word(word.text) and lex.zipf(word.text) >= 3.5):
            continue  # the second part is not an ordinary English word
        if bigrams[(first.text, word.text)] > 1 or any(
                other is not doc and other_word_in(other, word.text) for other in corpus.docs):
            continue  # written so more than once, or by another source too: a real name
        here = _content(doc.sentence_tokens(word.sent), lower_only=True)
        best = None
        for other in corpus.docs:
            if other is doc:
                continue
            for a, b in zip(other.tokens, other.tokens[1:]):
                if (a.text != first.text or a.sent != b.sent or not b.text.istitle() or b.text == word.text
                        or lex.is_lowercase_word(b.text) or lex.zipf(b.text) >= 3.5):
                    continue
                overlap = len(here & _content(other.sentence_tokens(b.sent), lower_only=True))
                if overlap >= MIN_NAME_OVERLAP and (best is None or overlap > best[0]):
                    best = (overlap, b.text, other.source.name)
        if best is None:
            continue
        overlap, surname, where = best
        yield Artefact(word.start, word.end, surname,
                       f"'{first.text} {word.text}': '{word.text}' is an ordinary English word where '{where}', in a "
                       f"sentence sharing {overlap} content words with this one, names '{first.text} {surname}'; "
                       "a translated surname", 0.8)


def other_word_in(doc: SourceDoc, word: str) -> bool:
    return any(t.text == word for t in doc.tokens)


def _foreign_acronyms(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Acronyms kept in the source language: "OTAN" where the sources say "NATO", "UE" for "EU".

    Another language orders the same words differently, so its acronym is an anagram of the English one
    (Organización del Tratado del Atlántico Norte). Flagged when the anagram is used by the sources in a
    sentence sharing ordinary words with this one, and this spelling occurs in this source only.
    """
    seen: dict[str, set[str]] = {}
    for other in corpus.docs:
        for tok in other.tokens:
            if _ACRONYM.match(tok.text) and not other.is_headline(tok.sent):
                seen.setdefault(tok.text, set()).add(other.source.name)
    for tok in doc.tokens:
        x = tok.text
        if not _ACRONYM.match(x) or doc.is_headline(tok.sent) or seen.get(x, set()) != {doc.source.name}:
            continue
        if lex.zipf(x.lower()) >= 3.0:
            continue  # an English word in capitals
        sentence = doc.sentence_tokens(tok.sent)
        if any(t.text != x and sorted(t.text) == sorted(x) for t in sentence):
            continue  # both spellings side by side are two things ("dual ADC and DAC")
        here = _content(sentence, lower_only=True)
        need = 3 if len(x) == 2 else 2
        best = None
        for other in corpus.docs:
            for index in range(len(other.sentences)):
                tokens = other.sentence_tokens(index)
                for y in {t.text for t in tokens if t.text != x and sorted(t.text) == sorted(x) and t.text in seen}:
                    overlap = len(here & _content(tokens, lower_only=True))
                    if overlap >= need and (best is None or overlap > best[0]):
                        best = (overlap, y, other.source.name)
        if best is None:
            continue
        overlap, y, where = best
        yield Artefact(tok.start, tok.end, y,
                       f"acronym '{x}' appears only here, and '{where}' writes its anagram '{y}' in a sentence "
                       f"sharing {overlap} ordinary words: the acronym of another language, not translated", 0.75)


def detect_entity(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find names and acronyms that the translation turned into ordinary words.

    Args:
        doc: the parsed source.
        corpus: all sources; their acronyms and spellings of names are the evidence.

    Yields:
        One artefact per mistranslated name, suggesting the name the evidence points to.
    """
    yield from _garbled_acronyms(doc, corpus)
    yield from _translated_names(doc, corpus)
    yield from _foreign_acronyms(doc, corpus)
