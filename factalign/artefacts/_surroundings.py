"""Where a word stands, for the function-word rules: the words around it across the parser's spurious sentence
breaks, the name or place after it, the quotation it opens, and how the other sources write the same names.
"""

from __future__ import annotations

import re

from . import _lexicon as lex
from ._doc import Corpus, SourceDoc, Token
from .function_words import rendering

# Longest place name looked up after a preposition ("Fort Worth", "San Luis Obispo").
MAX_PLACE_WORDS = 3


def place_after(doc: SourceDoc, i: int) -> bool:
    """True when the capitalised words after token ``i`` name a gazetteer place of several words ("Fort Worth",
    "San Jose")."""
    words: list[str] = []
    for tok in doc.tokens[i + 1:i + 1 + MAX_PLACE_WORDS]:
        if tok.sent != doc.tokens[i].sent or not tok.text[:1].isupper() or not tok.text.isalpha():
            break
        words.append(tok.text)
        if len(words) >= 2 and " ".join(words) in lex.places():
            return True
    return False


def quoted_word(doc: SourceDoc, i: int) -> Token | None:
    """The word after token ``i`` when ``i`` is a quotation mark glued to it (``“economic``), else None."""
    tokens = doc.tokens
    if i + 1 >= len(tokens) or tokens[i].end != tokens[i + 1].start or tokens[i + 1].sent != tokens[i].sent:
        return None
    return tokens[i + 1] if tokens[i + 1].text.isalpha() else None


def joined_in_english(doc: SourceDoc, tok: Token, prev: Token | None, nxt: Token | None, corpus: Corpus) -> bool:
    """True when another source writes the two capitalised words around ``tok`` joined by its English rendering
    ("Lyon e Arles" beside another source's "Lyon and Arles"): that source translated the conjunction."""
    if prev is None or nxt is None or not (prev.text[:1].isupper() and nxt.text[:1].isupper()):
        return False
    english = rendering(tok.text)
    if not english:
        return False
    phrase = re.compile(rf"\b{re.escape(prev.text)}\s+{re.escape(english)}\s+{re.escape(nxt.text)}\b")
    return any(other is not doc and phrase.search(other.text) for other in corpus.docs)


def places_joined(tok: Token, prev: Token | None, nxt: Token | None, corpus: Corpus) -> bool:
    """True when the capitalised words around the conjunction ``tok`` are each a gazetteer place (any size) and
    some source names one of them on its own, without the conjunction pair ("Toledo y Cuenca" beside "in
    Cuenca"): two places coordinated, where a double name ("Castilla y León") keeps its parts together."""
    if prev is None or nxt is None or not (prev.text[:1].isupper() and nxt.text[:1].isupper()):
        return False
    gazetteer = lex.gazetteer_names()
    if prev.text not in gazetteer or nxt.text not in gazetteer:
        return False
    pair = rf"{re.escape(prev.text)}\s+{re.escape(tok.text)}\s+{re.escape(nxt.text)}"
    for name in (prev.text, nxt.text):
        alone = re.compile(rf"\b{re.escape(name)}\b")
        if any(len(alone.findall(d.text)) > len(re.findall(pair, d.text)) for d in corpus.docs):
            return True
    return False


def name_written_without(doc: SourceDoc, tok: Token, nxt: Token | None, corpus: Corpus) -> bool:
    """True when ``nxt`` is a capitalised name that this text also writes after some other word than ``tok``
    ("Harlow said", "Sen. Harlow" beside "con Harlow"): then ``tok`` is no particle of the name."""
    if nxt is None or not nxt.text[:1].isupper() or not nxt.text.isalpha() or nxt.text.isupper():
        return False
    before = words_before_names(doc, corpus)
    return bool(before.get(nxt.text, set()) - {tok.text.lower()})


def words_before_names(doc: SourceDoc, corpus: Corpus) -> dict[str, set[str]]:
    """Capitalised word -> the words (lower case; "" at a sentence start) found right before it in ``doc``;
    built once per source and comparison."""
    key = ("words_before_names", id(doc))
    if key not in corpus.cache:
        before: dict[str, set[str]] = {}
        for i, tok in enumerate(doc.tokens):
            if tok.text[:1].isupper() and tok.text.isalpha():
                prev = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].sent == tok.sent else None
                before.setdefault(tok.text, set()).add(prev.text.lower() if prev is not None else "")
        corpus.cache[key] = before
    return corpus.cache[key]


def spurious_start(doc: SourceDoc, i: int) -> bool:
    """True when token ``i``, in lower case, starts a sentence right after a word, with no punctuation or line
    break between: the parser, thrown by the foreign word, began a sentence there ("was disgraceful | e I")."""
    tokens = doc.tokens
    if i == 0 or not tokens[i].sent_start or not tokens[i].text.islower():
        return False
    before = tokens[i - 1]
    return before.text.isalpha() and before.text.islower() and "\n" not in doc.text[before.end:tokens[i].start]


def next_word(doc: SourceDoc, i: int) -> Token | None:
    """The token after ``i`` in its sentence; across a sentence break too when the break follows no
    punctuation and no line break: the parser, thrown by the foreign word, ended the sentence there ("from
    Lyon e | Senator Reyes")."""
    tokens = doc.tokens
    if i + 1 >= len(tokens):
        return None
    nxt = tokens[i + 1]
    if nxt.sent == tokens[i].sent:
        return nxt
    spurious = nxt.text[:1].isalnum() and "\n" not in doc.text[tokens[i].end:nxt.start]
    return nxt if spurious else None


def name_written_mid_sentence(tok: Token, nxt: Token | None, corpus: Corpus) -> bool:
    """True when some source writes the capitalised ``tok`` and ``nxt`` together after another word ("Marine Le
    Pen" beside "Le Pen said"): capitalised in the middle of a sentence, the pair is a name, so it is one at a
    sentence's start too."""
    if nxt is None or not tok.text[:1].isupper() or not nxt.text[:1].isupper():
        return False
    pair = re.compile(rf"[\w,;:]\s+{re.escape(tok.text)}\s+{re.escape(nxt.text)}\b")
    return any(pair.search(other.text) for other in corpus.docs)


# Dashes that end a dateline ("WASHINGTON —").
_DATELINE_DASHES = frozenset({"—", "―", "–", "-"})


def after_dateline(doc: SourceDoc, i: int) -> bool:
    """True when token ``i`` follows a dateline (a word in capitals and a dash, "LISBON — "): the article's first
    sentence starts there, though the parser runs the dateline into it."""
    toks = doc.tokens
    if i < 2 or toks[i - 1].sent != toks[i].sent or toks[i - 1].text not in _DATELINE_DASHES:
        return False
    place = toks[i - 2]
    return place.sent == toks[i].sent and len(place.text) > 1 and place.text.isalpha() and place.text.isupper()
