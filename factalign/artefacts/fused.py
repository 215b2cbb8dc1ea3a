"""Fused tokens: two words run together by the translation ("Stoltenbergand", "russianjapanese", "GangChinese").

A token is a candidate only when it is not a word itself (not in the dictionary, almost unseen in English
text). It is fused when it splits into two parts that both read as something, and the pair is not the kind
of thing English writes closed up:

* a word or name followed by a function word ("Stoltenberg|and"): function words never close up compounds;
* two proper adjectives or names ("russian|japanese"): English hyphenates those ("Russian-Japanese");
* a camel-case seam inside a token ("Gang|Chinese"), when the left side ends a name begun by the word before
  ("Qin Gang") and the right side is a proper noun or adjective; not a name prefix ("McDonald", "DeSantis")
  and not a brand ("WinShape", "PalmSource").

Ordinary closed compounds of two common nouns ("stormwater") are never flagged, and prefixes such as "anti"
or "cyber" are not words on their own here.
"""

from __future__ import annotations

from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, Corpus, SourceDoc, in_markup
from ._evidence import evidence

# Function words that end a fused pair: frequent, short, and never the tail of an English compound.
# Two-letter ones ("in", "or", "on") are left out: too many names and misspellings end in them ("Karasin").
_FUNCTION_TAILS = frozenset("and the for with from but than that".split())
# Particles that start surnames and brand names written in camel case.
_NAME_PREFIXES = frozenset("mc mac de di da du le la van von del della o st san".split())
_MIN_LEN = 6
# A function word of a source language (Spanish, French, German, Italian, Portuguese) glued to a name by the
# translation ("Lyonet", "Hamburgund"): among that language's most frequent words, and 100x rarer in English.
SOURCE_LANGUAGES = ("es", "fr", "de", "it", "pt")
FOREIGN_TAIL_ZIPF = 6.0
FOREIGN_TAIL_MARGIN = 2.0
MIN_FOREIGN_TAIL, MAX_FOREIGN_TAIL = 2, 4
# A fused word's left part is at least this long: shorter ones are prefixes ("re", "un") more often than words.
_MIN_LEFT = 3
# A left part fused to a function word is a word at least this frequent (Zipf): a rare string is a misspelling.
FUNCTION_LEFT_ZIPF = 3.5
# Two fused proper words are both at least this frequent (Zipf), the right one at least
# _MIN_PROPER_RIGHT letters long: short frequent capitalised words end many real names.
PROPER_ZIPF = 3.0
_MIN_PROPER_RIGHT = 4
# Ranks of the readings of a fused word, the strongest first: a function-word tail, a foreign function-word tail
# (each preferring a longer left part, by 1/100 per letter), two proper words.
_FUNCTION_RANK, _FOREIGN_RANK, _PROPER_RANK = 2.0, 1.5, 1.0


def _is_unknown(word: str) -> bool:
    return lex.zipf(word.lower()) < 1.0 and not lex.is_english_word(word)


def _is_name(part: str, corpus: Corpus) -> bool:
    """A capitalised part standing alone somewhere in the sources, a proper noun of the dictionary, or a
    capitalised part that English text knows (wordfreq has seen it: a surname like "Stoltenberg")."""
    cap = part[:1].upper() + part[1:]
    return (corpus.words.get(cap, 0) > 0 or lex.is_capitalised_word(part)
            or (part[:1].isupper() and len(part) >= 4 and lex.zipf(part) >= 2.0))


def _is_word(part: str, min_zipf: float = 3.0) -> bool:
    return len(part) >= 3 and lex.zipf(part.lower()) >= min_zipf and lex.is_english_word(part)


def _foreign_tail(part: str) -> str | None:
    """The source language whose function word ``part`` is ("et": French), or None."""
    if not (MIN_FOREIGN_TAIL <= len(part) <= MAX_FOREIGN_TAIL) or not part.islower():
        return None
    z_en = lex.zipf(part)
    for lang in SOURCE_LANGUAGES:
        z = lex.zipf(part, lang)
        if z >= FOREIGN_TAIL_ZIPF and z - z_en >= FOREIGN_TAIL_MARGIN:
            return lang
    return None


def _stands_alone(part: str, corpus: Corpus) -> bool:
    """The sources write ``part`` as a word of its own ("Lyon" in "Lyonet"): cross-source evidence of a name."""
    return part[:1].isupper() and corpus.all_words.get(part, 0) > 0


def _split(token: str, corpus: Corpus, continues_name: bool = False) -> tuple[str, str, str] | None:
    """Return ``(left, right, rule)`` for the best reading of ``token`` as two fused parts, or None.

    A token with one camel-case seam is read by :func:`_camel_split`; an all-lower-case one (or capitalised) by
    every cut :func:`_reading` accepts, the highest rank winning (the first cut among equals).

    Example: "Lyonand" -> ("Lyon", "and", "function") when the corpus names Lyon; "WinShape" after no name -> None.
    """
    # Camel-case seam: lower-case letter followed by a capital, exactly once.
    seams = [i for i in range(1, len(token)) if token[i - 1].islower() and token[i].isupper()]
    if len(seams) == 1:
        return _camel_split(token[:seams[0]], token[seams[0]:], corpus, continues_name)
    if seams or not (token.islower() or token[1:].islower()):
        return None
    best: tuple[float, str, str, str] | None = None
    for i in range(_MIN_LEFT, len(token) - 1):
        left, right = token[:i], token[i:]
        reading = _reading(left, right, corpus)
        if reading is not None and (best is None or reading[0] > best[0]):
            best = (reading[0], left, right, reading[1])
    return None if best is None else best[1:]


def _camel_split(left: str, right: str, corpus: Corpus, continues_name: bool) -> tuple[str, str, str] | None:
    """A camel-case seam is two fused words only when the left side ends the name begun by the capitalised word
    before it and the right side starts a new proper phrase: brand names are camel case too ("WinShape").

    Example: "GangChinese" after "Qin" -> ("Gang", "Chinese", "camel"); "MacDonald" -> None (a name prefix).
    """
    # Brand names are camel case too ("WinShape", "ForAmerica", "PalmSource"): the left side must end the
    # name begun by the capitalised word before it, and the right side start a new proper phrase
    # ("Qin GangChinese Foreign Minister").
    if (len(left) >= _MIN_LEFT and left.lower() not in _NAME_PREFIXES and continues_name
            and (lex.is_capitalised_word(right) or corpus.names.get(right, 0) > 0)):
        return left, right, "camel"
    return None


def _reading(left: str, right: str, corpus: Corpus) -> tuple[float, str] | None:
    """``(rank, rule)`` of one cut of a lower-case token into two fused parts, or None: an English function word
    after a word or name ("function"), a source language's function word after a word that stands alone
    ("foreign:LANG"), or two frequent capitalised words ("proper").

    Example: ("Lyon", "and") -> (2.04, "function") when the corpus names Lyon.
    """
    if right in _FUNCTION_TAILS and (_is_word(left, FUNCTION_LEFT_ZIPF) or _is_name(left, corpus)):
        return _FUNCTION_RANK + len(left) / 100, "function"
    if _foreign_tail(right) and _stands_alone(left, corpus):
        return _FOREIGN_RANK + len(left) / 100, "foreign:" + _foreign_tail(right)
    if (len(right) >= _MIN_PROPER_RIGHT and lex.is_capitalised_word(left) and lex.is_capitalised_word(right)
            and lex.zipf(left) >= PROPER_ZIPF and lex.zipf(right) >= PROPER_ZIPF):
        return _PROPER_RANK, "proper"
    return None


def _suggest(left: str, right: str, rule: str) -> str | None:
    if rule == "proper":
        return f"{left.capitalize()}-{right.capitalize()}"
    if rule.startswith("foreign:"):
        english = lex.translations().get((rule.split(":")[1], right))
        return f"{left} {english}" if english else None
    return f"{left} {right}"


def _used_elsewhere(token: str, doc: SourceDoc, corpus: Corpus) -> bool:
    """Another source writes the same token: a real word or name, however odd it looks. (The same fusion
    repeated within one translation is still a fusion each time.)"""
    return any(other is not doc and token in words
               for other, words in zip(corpus.docs, evidence(corpus).words_by_doc))


def detect_fused(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find tokens that are two words run together.

    Args:
        doc: the parsed source.
        corpus: all sources; names standing alone anywhere in them count as words.

    Yields:
        One artefact per fused token, suggesting the two parts apart.
    """
    for i, tok in enumerate(doc.tokens):
        if len(tok.text) < _MIN_LEN or not tok.text.isalpha() or tok.text.isupper() or in_markup(doc, tok):
            continue
        if doc.is_headline(tok.sent) or not _is_unknown(tok.text) or _used_elsewhere(tok.text, doc, corpus):
            continue
        prev = doc.tokens[i - 1] if i > 0 else None
        continues_name = (prev is not None and prev.sent == tok.sent and prev.text.istitle() and prev.text.isalpha()
                          and not lex.is_lowercase_word(prev.text))
        found = _split(tok.text, corpus, continues_name)
        if found is None:
            continue
        left, right, rule = found
        why = {
            "function": f"'{right}' is a function word, never the end of an English compound",
            "proper": "both parts are proper adjectives or names, which English hyphenates",
            "camel": "a capital letter inside the token marks where two words were joined",
        }.get(rule) or (f"'{right}' is a {lex.language_name(rule.split(':')[1])} function word left by the "
                        f"translation, and the sources write '{left}' on its own")
        yield Artefact(tok.start, tok.end, _suggest(left, right, rule),
                       f"'{tok.text}' is not a word but '{left}' + '{right}' fused; {why}", 0.85)
