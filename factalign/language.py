"""Which language each source is written in (py3langid, a character n-gram classifier over 97 languages).

The default models read English; a source in another language is compared all the same, but its claims rarely
align, so reports name the languages when they differ instead of only saying "not the same story".

    >>> detect_language("Der Bundestag hat am Dienstag ein neues Gesetz zur Rente beschlossen.")
    'de'
    >>> detect_language("2024 1,200 35%") is None
    True
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .models import Source

#: Characters classified: enough for a confident guess on any article, cheap on a long one.
SAMPLE_CHARS = 5_000
#: Below this many letters there is too little text to tell a language from another (a headline of numbers).
MIN_LETTERS = 20
#: Normalised probability a guess needs to be reported: py3langid gives 0.99+ on a paragraph of real text and
#: spreads below 0.5 over near languages on short or mixed text, where saying nothing is better than a wrong code.
MIN_PROBABILITY = 0.9
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``'s beginning, or None when it cannot be told confidently."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None


def with_language(source: Source) -> Source:
    """The source with ``language`` filled in by detection when it was not given (unchanged when it was)."""
    if source.language:
        return source
    code = detect_language(source.text)
    return source if code is None else replace(source, language=code)


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
