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

# Function words that end a fused pair: frequent, short, and never the tail of an English compound.
# Two-letter ones ("in", "or", "on") are left out: too many names and misspellings end in them ("Karasin").
_FUNCTION_TAILS = frozenset("and the for with from but than that".split())
# Particles that start surnames and brand names written in camel case.
_NAME_PREFIXES = frozenset("mc mac de di da du le la van von del della o st san".split())
_MIN_LEN = 6


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


def _split(token: str, corpus: Corpus, continues_name: bool = False) -> tuple[str, str, str] | None:
    """Return ``(left, right, rule)`` for the best reading of ``token`` as two fused parts, or None."""
    # Camel-case seam: lower-case letter followed by a capital, exactly once.
    seams = [i for i in range(1, len(token)) if token[i - 1].islower() and token[i].isupper()]
    if len(seams) == 1:
        i = seams[0]
        left, right = token[:i], token[i:]
        # Brand names are camel case too ("WinShape", "ForAmerica", "PalmSource"): the left side must end the
        # name begun by the capitalised word before it, and the right side start a new proper phrase
        # ("Qin GangChinese Foreign Minister").
        if (len(left) >= 3 and left.lower() not in _NAME_PREFIXES and continues_name
                and (lex.is_capitalised_word(right) or corpus.names.get(right, 0) > 0)):
            return left, right, "camel"
        return None
    if seams or not (token.islower() or token[1:].islower()):
        return None
    best: tuple[float, str, str, str] | None = None
    for i in range(3, len(token) - 1):
        left, right = token[:i], token[i:]
        if right in _FUNCTION_TAILS and (_is_word(left, 3.5) or _is_name(left, corpus)):
            rank = 2.0 + len(left) / 100
            rule = "function"
        elif (len(right) >= 4 and lex.is_capitalised_word(left) and lex.is_capitalised_word(right)
              and lex.zipf(left) >= 3.0 and lex.zipf(right) >= 3.0):
            rank = 1.0
            rule = "proper"
        else:
            continue
        if best is None or rank > best[0]:
            best = (rank, left, right, rule)
    return None if best is None else best[1:]


def _suggest(left: str, right: str, rule: str) -> str:
    if rule == "proper":
        return f"{left.capitalize()}-{right.capitalize()}"
    return f"{left} {right}"


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
        if doc.is_headline(tok.sent) or not _is_unknown(tok.text) or corpus.words.get(tok.text, 0) > 1:
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
        }[rule]
        yield Artefact(tok.start, tok.end, _suggest(left, right, rule),
                       f"'{tok.text}' is not a word but '{left}' + '{right}' fused; {why}", 0.85)
