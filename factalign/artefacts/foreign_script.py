"""Letters of another script (Chinese, Cyrillic, Devanagari...) left in English prose: untranslated by themselves,
unless the writer marked them (quoted, or in brackets). Used by :mod:`.untranslated`.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from . import _lexicon as lex
from ._doc import Artefact, SourceDoc

#: Confidence of a run of another script in English prose.
SCRIPT_SCORE = 0.95


def is_latin(word: str) -> bool:
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in word if c.isalpha())


def _script_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of letters outside the Latin script, joined across single spaces ("受影响", "бывший министр")."""
    start = None
    i = 0
    while i < len(text):
        c = text[i]
        foreign = c.isalpha() and not is_latin(c)
        if foreign and start is None:
            start = i
        elif not foreign and start is not None:
            if c == " " and i + 1 < len(text) and text[i + 1].isalpha() and not is_latin(text[i + 1]):
                i += 1
                continue
            yield start, i
            start = None
        i += 1
    if start is not None:
        yield start, len(text)


def _script_name(run: str) -> str:
    name = unicodedata.name(run[0], "")
    return name.split(" ")[0].capitalize() if name else "another"


def _marked(text: str, start: int, end: int, quotes) -> bool:
    """Quoted or in brackets: the writer marked the foreign text as such ("(中国)", "“Слава Україні”")."""
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    in_quote = any(q0 <= start and end <= q1 for q0, q1 in quotes)
    bracketed = before != "" and before in "([［" and after != "" and after in ")]］"
    return in_quote or bracketed


def script_artefacts(doc: SourceDoc) -> Iterator[Artefact]:
    """One artefact per run of another script in the text that the writer did not mark (quotes, brackets).

    Example: "officials said 受影响 residents" -> an artefact on "受影响" (Chinese text).
    """
    for start, end in _script_runs(doc.text):
        if _marked(doc.text, start, end, doc.quotes):
            continue
        run = doc.text[start:end]
        lang = lex.identify_language(run, tuple(lex.LANGUAGE_NAMES))
        yield Artefact(start, end, None,
                       f"'{run}' is {lex.language_name(lang)} text ({_script_name(run)} script) left "
                       "untranslated in English prose", SCRIPT_SCORE)
