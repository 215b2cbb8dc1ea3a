"""Casing: a proper noun left in lower case by the translation ("Tokyo's support for kyiv").

A lower-case word is flagged when it is not an English dictionary word in lower case (so "reading", "turkey"
and "china" never are) and its capitalised form is a known proper noun: a country, capital, US state or city
of the gazetteer, or the same word written capitalised elsewhere in the sources.
"""

from __future__ import annotations

from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, in_markup

# Modern common words are missing from the 1934 dictionary ("internet", "online"); they are frequent in
# English text while lower-cased proper nouns of news rarely are.
MAX_COMMON_ZIPF = 4.5


def detect_casing(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find proper nouns written in lower case.

    Args:
        doc: the parsed source.
        corpus: all sources; a capitalised spelling in any of them is evidence.

    Yields:
        One artefact per lower-cased proper noun, suggesting the capitalised spelling.
    """
    for tok in doc.tokens:
        word = tok.text
        if len(word) < 3 or not word.isalpha() or not word.islower() or tok.sent_start:
            continue
        if lex.is_lowercase_word(word) or lex.zipf(word) >= MAX_COMMON_ZIPF or in_markup(doc.text, tok):
            continue
        if doc.is_headline(tok.sent):
            continue
        cap = word.capitalize()
        spelled = [w for w in corpus.words if w.lower() == word and w[:1].isupper()]
        if spelled:
            suggestion = max(spelled, key=corpus.words.get)
            why = f"the sources write it '{suggestion}' elsewhere"
        elif cap in lex.places():
            suggestion = cap
            why = f"'{cap}' is a place name (gazetteer)"
        else:
            continue
        yield Artefact(tok.start, tok.end, suggestion,
                       f"proper noun '{word}' in lower case: {why}", 0.8)
