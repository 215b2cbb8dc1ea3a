"""Casing: a proper noun left in lower case by the translation ("Tokyo's support for kyiv").

A lower-case word is flagged when it is not an English dictionary word in lower case (so "reading", "turkey"
and "china" never are) and its capitalised form is a known proper noun: a country, capital, US state or city
of the gazetteer, or a word the sources write capitalised and standing alone elsewhere ("Kyiv", but not the
"Veterans" of "Veterans Affairs").
"""

from __future__ import annotations

from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, Token, in_markup, whole_word

# Modern common words are missing from the 1934 dictionary ("internet", "online"); they are frequent in
# English text while lower-cased proper nouns of news rarely are.
MAX_COMMON_ZIPF = 4.5
# A word capitalised elsewhere in the sources counts as a name only if English text rarely uses it in lower
# case; common words are capitalised for many reasons (titles, names of programmes).
EVIDENCE_MAX_ZIPF = 3.5
_COMMON_NOUN_LEFT = frozenset({"DT", "JJ", "JJR", "JJS", "PRP$", "CD", "PDT"})
# Shorter lower-case words are left alone: too short to tell a lower-cased name from a fragment or abbreviation.
MIN_WORD_LEN = 3
# Confidence of a lower-cased proper noun.
SCORE = 0.8


def detect_casing(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find proper nouns written in lower case.

    Args:
        doc: the parsed source.
        corpus: all sources; a capitalised spelling in any of them is evidence.

    Yields:
        One artefact per lower-cased proper noun, suggesting the capitalised spelling.
    """
    for i, tok in enumerate(doc.tokens):
        if _candidate(doc, tok):
            found = _casing_artefact(doc, i, corpus)
            if found is not None:
                yield found


def _candidate(doc: SourceDoc, tok: Token) -> bool:
    """True for a lower-case word of letters, not the first of its sentence nor of a headline, outside markup, a
    whole word, that the dictionary does not know in lower case.

    Example: "kyiv" in "support for kyiv" -> True; "reading" -> False (a dictionary word).
    """
    word = tok.text
    if len(word) < MIN_WORD_LEN or not word.isalpha() or not word.islower() or tok.sent_start:
        return False
    if lex.is_lowercase_word(word) or in_markup(doc, tok) or not whole_word(doc.text, tok):
        return False
    return not doc.is_headline(tok.sent)


def _casing_artefact(doc: SourceDoc, i: int, corpus: Corpus) -> Artefact | None:
    """The artefact of a lower-case candidate (token ``i``) that the dictionary knows only capitalised, when the
    sources or the gazetteer agree; else what the sources alone show (:func:`_by_evidence`).

    Example: "russian" in "the russian invasion", with "Russian" in the sources -> suggests "Russian".
    """
    tok = doc.tokens[i]
    word = tok.text
    cap = word.capitalize()
    compound, common_slot = _slots(doc, i)
    in_sources = corpus.names.get(cap, 0) > 0
    if (lex.is_capitalised_word(word) and not lex.is_lowercase_word(tok.lemma)
            and (in_sources or (cap in lex.places() and not compound and not common_slot))):
        # The dictionary knows it only capitalised and so do the sources (or the gazetteer): a proper noun
        # or adjective ("russian", "moscow"), wherever it stands ("the russian invasion"). The dictionary
        # alone is not enough: it is from 1934 and capitalises words news now writes lower case ("mogul").
        where = "and so do the sources" if in_sources else "and it is a place name (gazetteer)"
        return Artefact(tok.start, tok.end, cap,
                        f"proper noun '{word}' in lower case: the dictionary writes it '{cap}', {where}", SCORE)
    return _by_evidence(tok, cap, compound, common_slot, corpus)


def _slots(doc: SourceDoc, i: int) -> tuple[bool, bool]:
    """``(compound, common_slot)`` of token ``i``: it stands in a compound with a name or a noun, or after a word
    that makes it a common noun."""
    tok = doc.tokens[i]
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) and doc.tokens[i + 1].sent == tok.sent else None
    prev = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].sent == tok.sent else None
    # A place name before a lower-case noun is a common compound ("brussels sprouts"), unless the
    # sources themselves write the name capitalised.
    compound = nxt is not None and nxt.text.islower() and (nxt.tag.startswith("NN") or nxt.tag == "VBZ")
    # "the Lisbon metro": a lower-case word right after a name is that name's common-noun head, so the
    # gazetteer alone does not make it a place (the sources' own capitalised spelling still does).
    compound = compound or (prev is not None and prev.tag in ("NNP", "NNPS"))
    # "in the savannah": a determiner or adjective before it makes it a common noun.
    return compound, prev is not None and prev.tag in _COMMON_NOUN_LEFT


def _by_evidence(tok: Token, cap: str, compound: bool, common_slot: bool, corpus: Corpus) -> Artefact | None:
    """A rare word, not in a common-noun slot nor an inflected common word, that the sources write capitalised
    elsewhere, or whose capitalised form is a place of the gazetteer not starting a compound.

    Example: "kyiv", with "Kyiv" elsewhere in the sources -> suggests "Kyiv".
    """
    word = tok.text
    if lex.zipf(word) >= MAX_COMMON_ZIPF or common_slot:
        return None
    if lex.is_lowercase_word(tok.lemma) or (lex.zipf(word) >= EVIDENCE_MAX_ZIPF and cap not in lex.places()):
        return None  # an inflected common word ("veterans", "cuts")
    if corpus.names.get(cap, 0) > 0:
        why = f"the sources write '{cap}' as a name elsewhere"
    elif cap in lex.places() and not compound:
        why = f"'{cap}' is a place name (gazetteer)"
    else:
        return None
    return Artefact(tok.start, tok.end, cap, f"proper noun '{word}' in lower case: {why}", SCORE)
