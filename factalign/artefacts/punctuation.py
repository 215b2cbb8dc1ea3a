"""Doubled or stray punctuation left where a translated sentence was stitched together (". ." , ",,")."""

from __future__ import annotations

import re
from typing import Iterator

from ._doc import Artefact, Corpus, SourceDoc

# A sentence or clause mark, blanks on the same line, then another one: "Philippines. . The".
# A spaced ellipsis (". . .", common in American quotations) is three marks and is left alone.
_SPACED = re.compile(r"(?<![.\s])([.,;:!?])([ \t]+[.,;:])(?![ \t]*\.)(?=\s|$)")
# The same comma or semicolon twice in a row: "said,, he".
_DOUBLED = re.compile(r"([,;])\1+")


def detect_punctuation(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find doubled punctuation marks.

    Args:
        doc: the parsed source.
        corpus: all sources (unused: punctuation is judged locally).

    Yields:
        One artefact per doubled mark, suggesting the first mark alone.
    """
    text = doc.text
    for m in _SPACED.finditer(text):
        first = m.group(1)
        yield Artefact(m.start(), m.end(), first,
                       f"doubled punctuation {m.group()!r}: a second mark follows {first!r}", 0.9)
    for m in _DOUBLED.finditer(text):
        yield Artefact(m.start(), m.end(), m.group(1), f"punctuation mark {m.group(1)!r} repeated", 0.8)
