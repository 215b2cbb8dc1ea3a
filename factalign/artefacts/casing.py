"""Casing: a proper noun left in lower case by the translation ("Tokyo's support for kyiv").

A lower-case word is flagged when it is not an English dictionary word in lower case (so "reading", "turkey"
and "china" never are) and its capitalised form is a known proper noun: a country, capital, US state or city
of the gazetteer, or a word the sources write capitalised and standing alone elsewhere ("Kyiv", but not the
"Veterans" of "Veterans Affairs").
"""

from __future__ import annotations

from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, in_markup, whole_word

# Modern common words are missing from the 1934 dictionary ("internet", "online"); they are frequent in
# English text while lower-cased proper nouns of news rarely are.
MAX_COMMON_ZIPF = 4.5
# A word capitalised elsewhere in the sources counts as a name only if English text rarely uses it in lower
# case; common words are capitalised for many reasons (titles, names of programmes).
EVIDENCE_MAX_ZIPF = 3.5
_COMMON_NOUN_LEFT = frozenset({"DT", "JJ", "JJR", "JJS", "PRP$", "CD", "PDT"})


def detect_casing(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find proper nouns written in lower case.

    Args:
        doc: the parsed source.
        corpus: all sources; a capitalised spelling in any of them is evidence.

    Yields:
        One artefact per lower-cased proper noun, suggesting the capitalised spelling.
    """
    for i, tok in enumerate(doc.tokens):
        word = tok.text
        if len(word) < 3 or not word.isalpha() or not word.islower() or tok.sent_start:
            continue
        if lex.is_lowercase_word(word) or lex.zipf(word) >= MAX_COMMON_ZIPF or in_markup(doc.text, tok):
            continue
        if not whole_word(doc.text, tok):
            continue
        if doc.is_headline(tok.sent):
            continue
        prev = doc.tokens[i - 1] if i > 0 else None
        if prev is not None and prev.sent == tok.sent and prev.tag in _COMMON_NOUN_LEFT:
            continue  # "in the savannah": a determiner or adjective before it makes it a common noun
        cap = word.capitalize()
        if lex.is_lowercase_word(tok.lemma) or (lex.zipf(word) >= EVIDENCE_MAX_ZIPF and cap not in lex.places()):
            continue  # an inflected common word ("veterans", "cuts")
        if corpus.names.get(cap, 0) > 0:
            suggestion = cap
            why = f"the sources write '{cap}' as a name elsewhere"
        elif cap in lex.places():
            suggestion = cap
            why = f"'{cap}' is a place name (gazetteer)"
        else:
            continue
        yield Artefact(tok.start, tok.end, suggestion,
                       f"proper noun '{word}' in lower case: {why}", 0.8)
