"""Calendar dates written in an article's text ("Jan. 25", "February 15", "March 3, 2019") as evidence of when it was
written, for grouping when publication dates are missing.

Coverage of one event names the days around it; two events of one running story weeks apart name other days. The
dates come from the DATE entities the grouping parse already finds (no extra parse), read with the month names of
the dates judge (:mod:`factalign.judges.dates`). Only dates with a month and a day count: a bare year or month
("in 2016", "last March") is usually a recalled background fact. Articles recall earlier dates too, so two
articles' dates are compared by their *nearest* pair: a single shared or nearby date is enough to leave the pair
alone (see :func:`text_date_gaps`).

    >>> gap_days(TextDate(1, 4, 2019), TextDate(2, 15, 2019))
    42
    >>> gap_days(TextDate(12, 30), TextDate(1, 2))   # no year written: the nearest reading, across New Year
    3
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple, Sequence

import numpy as np

from ..judges.dates import _month

#: A day of the month as written beside a month name: "25", "25th", "3," ("March 3, 2019").
_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.IGNORECASE)
#: A year written beside a month and a day.
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
#: Year used to place a date written without one on the calendar (a leap year, so "Feb. 29" is a date).
_LEAP_YEAR = 2000
#: Days in a year, for the nearest reading of two dates written without a year.
_YEAR_DAYS = 366


class TextDate(NamedTuple):
    """A calendar date written in the text: month, day and, when written, year."""

    month: int
    day: int
    year: int | None = None

    def ordinal(self) -> int:
        """Day number (``datetime.date.toordinal``); a date without a year is placed in a leap year."""
        return _dt.date(self.year or _LEAP_YEAR, self.month, self.day).toordinal()


def _month_word(token) -> int | None:
    """The month a token names ("January", "Jan.", "Sept."), read as the dates judge reads month names."""
    word = token.text.rstrip(".")
    if not word.isalpha() or not (word.istitle() or word.isupper()):
        return None
    return _month(word)


def _number(token, pattern: re.Pattern) -> int | None:
    match = pattern.match(token.text)
    return int(match.group(1)) if match else None


def _valid(month: int, day: int, year: int | None) -> TextDate | None:
    try:
        _dt.date(year or _LEAP_YEAR, month, day)
    except ValueError:
        return None
    return TextDate(month, day, year)


def span_dates(span) -> list[TextDate]:
    """Dates with a month and a day in one DATE entity: "Jan. 25", "25 January", "March 3, 2019".

    Args:
        span: a spaCy ``Span`` (or any sequence of tokens with ``.text``).

    Returns:
        The dates written there, in order; a month without a day gives none.
    """
    tokens = list(span)
    found: list[TextDate] = []
    for k, token in enumerate(tokens):
        month = _month_word(token)
        if month is None:
            continue
        after = _number(tokens[k + 1], _DAY) if k + 1 < len(tokens) else None
        before = _number(tokens[k - 1], _DAY) if k > 0 else None
        day = after if after is not None else before
        if day is None:
            continue
        rest = [t for t in tokens[k + 2: k + 4] if t.text != ","]
        year = _number(rest[0], _YEAR) if rest else None
        date = _valid(month, day, year)
        if date is not None:
            found.append(date)
    return found


def text_dates(doc, label: str = "DATE") -> tuple[TextDate, ...]:
    """Every date with a month and a day written in the DATE entities of a parsed text, without repeats.

    Args:
        doc: a spaCy ``Doc`` whose entity recogniser has run.
        label: the entity label of dates.

    Example:
        >>> import spacy                                                        # doctest: +SKIP
        >>> text_dates(spacy.load("en_core_web_sm")("The talks ended on Jan. 25, 2019."))  # doctest: +SKIP
        (TextDate(month=1, day=25, year=2019),)
    """
    found: list[TextDate] = []
    for ent in doc.ents:
        if ent.label_ == label:
            found += span_dates(ent)
    return tuple(dict.fromkeys(found))


def gap_days(a: TextDate, b: TextDate) -> int:
    """Days between two written dates; when either has no year, the nearest reading (at most half a year).

    >>> gap_days(TextDate(3, 3, 2019), TextDate(3, 3, 2018)), gap_days(TextDate(3, 3), TextDate(3, 5, 2018))
    (365, 2)
    """
    if a.year is not None and b.year is not None:
        return abs(a.ordinal() - b.ordinal())
    within = abs(a._replace(year=None).ordinal() - b._replace(year=None).ordinal())
    return min(within, _YEAR_DAYS - within)


def text_date_gaps(dates: Sequence[Sequence[TextDate]]) -> np.ndarray:
    """Per pair of articles, the days between their nearest written dates; -1 where either writes none.

    >>> text_date_gaps([[TextDate(1, 4), TextDate(12, 22)], [TextDate(1, 25)], []]).tolist()
    [[0, 21, -1], [21, 0, -1], [-1, -1, -1]]
    """
    n = len(dates)
    out = np.full((n, n), -1, dtype=int)
    for i in range(n):
        if not dates[i]:
            continue
        out[i, i] = 0
        for j in range(i + 1, n):
            if dates[j]:
                out[i, j] = out[j, i] = min(gap_days(a, b) for a in dates[i] for b in dates[j])
    return out
