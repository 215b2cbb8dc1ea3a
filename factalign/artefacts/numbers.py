"""Numbers and dates left in the source language's format: Spanish, French, German, Italian and Portuguese
write "1.200" for 1,200, "3,5" for 3.5, and put the day before the month ("14/03" for March 14).

Each rule reads a form English never writes, so no frequency list is needed:

* a thousands point: digits grouped in threes after a point ("1.200 euros", "12.500.000"); English decimals
  after a point are rarely exactly three digits, and never several groups of three. Before a scale word
  ("$1.375 billion") or a percent ("yielding 4.015 percent") three decimals are ordinary English, so those are
  left alone;
* a decimal comma: one or two digits after a comma, followed by a word, unit or percent sign ("3,5 million");
  English commas separate groups of exactly three digits. A scale word after it is part of the artefact's span
  ("1,2 million" -> "1.2 million");
* a day-first date: a first number above 12 (so a day, not a month) before a zero-padded month or a year
  ("14/03", "25/12/2023", "14.03.2024"). Dates whose day is 12 or less are ambiguous and left alone, as is
  "24/7".
"""

from __future__ import annotations

import re
from typing import Iterator

from ._doc import Artefact, Corpus, SourceDoc

# Not before a scale word: "$1.375 billion" is an English decimal (and "1.375 millones" is ambiguous); nor
# before a percent: yields are quoted to three decimals ("4.015 percent"), percentages in thousands are rare.
_THOUSANDS_POINT = re.compile(r"(?<![\d.,/])[1-9]\d{0,2}(?:\.\d{3})+(?![\d]|[.,]\d)"
                              r"(?!\s*(?:[mb]illion|trillion|millones|millions|milliards?|Millionen|Milliarden|"
                              r"milioni|miliardi|milhões|bilhões|mil millones)\b|\s*(?:%|percent\b|per cent\b))")
# Followed by a unit, a percent sign or a word, but not by "and"/"or"/"to": "chapters 1,2 and 3" is a list.
_DECIMAL_COMMA = re.compile(r"(?<![\d.,/])\d{1,3},\d{1,2}(?=\s?%|\s?€|\s+[^\W\d_])(?!\s+(?:and|or|to)\b)")
_DAY_FIRST = re.compile(r"(?<![\d/.,])(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.,]\d)")
MAX_MONTH = 12
MAX_DAY = 31


def _thousands(text: str) -> Iterator[Artefact]:
    for m in _THOUSANDS_POINT.finditer(text):
        number = m.group()
        yield Artefact(m.start(), m.end(), number.replace(".", ","),
                       f"'{number}' groups thousands with a point, as Spanish, French, German, Italian and "
                       f"Portuguese do; English writes '{number.replace('.', ',')}'", 0.8)


# The scale word after a decimal comma belongs to the amount as written: "1,2 million" reads as 1.2 million.
_SCALE_AFTER = re.compile(r"\s(?:thousand|million|billion|trillion)\b")


def _decimals(text: str) -> Iterator[Artefact]:
    for m in _DECIMAL_COMMA.finditer(text):
        scale = _SCALE_AFTER.match(text, m.end())
        end = scale.end() if scale else m.end()
        number = text[m.start():end]
        yield Artefact(m.start(), end, number.replace(",", "."),
                       f"'{number}' has a decimal comma, as continental European languages write it; English "
                       f"writes '{number.replace(',', '.')}' (a comma in English groups three digits)", 0.8)


def _dates(text: str) -> Iterator[Artefact]:
    for m in _DAY_FIRST.finditer(text):
        day, sep, month, year = m.group(1), m.group(2), m.group(3), m.group(4)
        if not (MAX_MONTH < int(day) <= MAX_DAY and 1 <= int(month) <= MAX_MONTH):
            continue
        if sep == "." and year is None:
            continue  # "14.03" is also a decimal number
        if year is None and not month.startswith("0"):
            continue  # "24/7", "15/2": ratios and scores as often as dates
        english = f"{month}/{day}" + (f"/{year}" if year else "")
        yield Artefact(m.start(), m.end(), english,
                       f"'{m.group()}' puts the day first ({day} cannot be a month), as the source language "
                       f"does; English writes month first: '{english}'", 0.75)


def detect_numbers(doc: SourceDoc, corpus: Corpus) -> Iterator[Artefact]:
    """Find numbers and dates written in a continental European format.

    Args:
        doc: the parsed source.
        corpus: all sources (unused: the format is judged locally).

    Yields:
        One artefact per number or date, suggesting the English format.

    Example:
        >>> from factalign import Source
        >>> from ._doc import SourceDoc
        >>> doc = SourceDoc(Source("a", "It cost 1.200 euros, or 3,5 million in all, on 14/03."), (), (), ())
        >>> [(a.suggestion) for a in detect_numbers(doc, None)]
        ['1,200', '3.5', '03/14']
    """
    text = doc.text
    found = sorted([*_thousands(text), *_decimals(text), *_dates(text)])
    end = -1
    for art in found:
        if art.start >= end:
            yield art
            end = art.end
