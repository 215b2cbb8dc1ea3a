"""The dates judge: the same event put on a different day, year or time ("date: Tuesday vs Wednesday")."""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from ..models import Verdict
from ._base import Side, agreement, anchors, contradiction, diff, diff_decides

NAME = "dates"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(1[5-9]\d0|20\d0)'?s$")
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d\d))?(?:\s*)(a\.?m\.?|p\.?m\.?)?$", re.I)
# British style, the suffix written on: "2.30pm", "7.15am" (one token, which the entity model leaves untagged).
_CLOCK_DOTTED = re.compile(r"^(\d{1,2})\.(\d\d)(a\.?m\.?|p\.?m\.?)$", re.I)
# The 24-hour clock, as continental European sources and translations write it: "15:47", "07:30", "15h47". An
# hour that only the 24-hour clock has (13-23), a leading zero, or an "h" between hour and minutes says it is a
# clock time whatever the entity tagger made of it ("9:15" alone may be a score or a ratio, and stays tagged).
_CLOCK_24 = re.compile(r"^(?:(1[3-9]|2[0-3]|0\d):|([01]?\d|2[0-3])h)([0-5]\d)$", re.I)
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$", re.I)


class DateFact(NamedTuple):
    """One date mention: ``kind`` is weekday, day, month, year, decade, time or date (absolute)."""

    kind: str
    value: object
    text: str
    tok: int
    prep: str


def _prep(tok) -> str:
    """The preposition that introduces a date ("since" 1995, "in" 2005), which must match to compare."""
    head = tok
    for _ in range(3):
        if head.dep_ == "pobj" and head.head.pos_ == "ADP":
            return head.head.lower_
        if head.head is head:
            break
        head = head.head
    return ""


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w) if w != "may" else 5


def date_facts(doc, published: _dt.date | None = None) -> list[DateFact]:
    """Date mentions in a parsed text; relative days become absolute dates when ``published`` is known.

    Each token is read by the first rule of :data:`DATE_RULES` that finds a date in it.

    Example:
        >>> from factalign.judges._base import parse
        >>> [(f.kind, f.value) for f in date_facts(parse("The vote was held on Tuesday in 2021."))]
        [('weekday', 'tuesday'), ('year', 2021)]
    """
    out: list[DateFact] = []
    for tok in doc:
        for rule in DATE_RULES:
            found = rule(tok, published)
            if found:
                out.extend(found)
                break
    return out


def _weekday(tok, published: _dt.date | None) -> list[DateFact]:
    """"on Tuesday", "Tuesdays"; with a publication date also the day it names: news reports "on Tuesday" for
    the past week, so the latest such day up to publication."""
    low = tok.lower_
    name = low if low in WEEKDAYS else low.rstrip("s")
    if name not in WEEKDAYS:
        return []
    out = [DateFact("weekday", name, tok.text, tok.i, _prep(tok))]
    if published is not None:
        back = (published.weekday() - WEEKDAYS.index(name)) % 7
        out.append(DateFact("date", published - _dt.timedelta(days=back), tok.text, tok.i, ""))
    return out


def _relative_day(tok, published: _dt.date | None) -> list[DateFact]:
    """"yesterday", "today": a date and a weekday, when the publication date is known."""
    if tok.lower_ not in RELATIVE_DAYS or published is None:
        return []
    day = published + _dt.timedelta(days=RELATIVE_DAYS[tok.lower_])
    return [DateFact("date", day, tok.text, tok.i, ""), DateFact("weekday", WEEKDAYS[day.weekday()], tok.text, tok.i, "")]


def _year(tok, published: _dt.date | None) -> list[DateFact]:
    """A four-digit year that is no other number ("in 2021")."""
    if _YEAR.match(tok.text) and tok.ent_type_ in ("DATE", "", "CARDINAL") and tok.like_num:
        return [DateFact("year", int(tok.text), tok.text, tok.i, _prep(tok))]
    return []


def _decade(tok, published: _dt.date | None) -> list[DateFact]:
    """"the 1990s"."""
    if _DECADE.match(tok.text):
        return [DateFact("decade", int(tok.text[:4]), tok.text, tok.i, _prep(tok))]
    return []


def _month_or_day(tok, published: _dt.date | None) -> list[DateFact]:
    """A month name in a date ("in March"), with its day when a day number stands beside it ("March 3")."""
    low = tok.lower_
    if not (tok.ent_type_ == "DATE" and tok.is_alpha and _month(low) and (tok.is_title or tok.is_upper)):
        return []
    month = _month(low)
    doc = tok.doc
    for nb in (tok.nbor(1) if tok.i + 1 < len(doc) else None, tok.nbor(-1) if tok.i > 0 else None):
        match = _ORDINAL_DAY.match(nb.text) if nb is not None else None
        if match and int(match.group(1)) <= 31:
            day = int(match.group(1))
            return [DateFact("day", (month, day), f"{tok.text} {day}", tok.i, _prep(tok))]
    return [DateFact("month", month, tok.text, tok.i, _prep(tok))]


def _clock_time(tok, published: _dt.date | None) -> list[DateFact]:
    """A clock time in minutes: on the 24-hour clock ("15:47", "15h47", see :data:`_CLOCK_24`), written the
    British way ("2.30pm"), or a time with a colon or followed by "am"/"pm" ("at 10:30", "at 3 pm")."""
    doc = tok.doc
    m24 = _CLOCK_24.match(tok.text)
    if m24:
        return [DateFact("time", int(m24.group(1) or m24.group(2)) * 60 + int(m24.group(3)), tok.text, tok.i,
                         _prep(tok))]
    after = tok.nbor(1).lower_ if tok.i + 1 < len(doc) else ""
    if not (_CLOCK_DOTTED.match(tok.text) or (tok.ent_type_ == "TIME" and _CLOCK.match(tok.text)
                                              and (":" in tok.text or after.replace(".", "") in ("am", "pm")))):
        return []
    m = _CLOCK_DOTTED.match(tok.text) or _CLOCK.match(tok.text)
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if (m.group(3) or after).replace(".", "") == "pm" and hour < 12:
        hour += 12
    return [DateFact("time", hour * 60 + minute, tok.text, tok.i, _prep(tok))]


DATE_RULES = (_weekday, _relative_day, _year, _decade, _month_or_day, _clock_time)
"""How a token names a moment, tried in order; each rule gives the date facts it finds in the token, or none."""


def _show(f: DateFact, other: DateFact | None = None) -> str:
    """How a date mention is named in an explanation; two clock times written alike but half a day apart are
    told by their half of the day ("3:47 a.m." vs "3:47 p.m.")."""
    if f.kind == "date":
        return f"{f.text} ({f.value.isoformat()})"
    if f.kind == "time" and other is not None and other.text == f.text and other.value != f.value:
        return f"{f.text} {'a.m.' if f.value < HALF_DAY else 'p.m.'}"
    return f.text


#: Minutes in half a day: "3:47" written without "am"/"pm" may be "15:47".
HALF_DAY = 12 * 60


def _differ(x: DateFact, y: DateFact) -> bool:
    """True when two date mentions of one kind name different moments. A clock time written on the 24-hour clock
    ("15:47") is not told apart from one half a day away, since the other may be written without "am"/"pm"
    ("at 3:47"); two times written on the 12-hour clock keep their "a.m."/"p.m." ("3:47 a.m." / "3:47 p.m." differ).

    Example:
        >>> t = lambda minutes, text: DateFact("time", minutes, text, 0, "at")
        >>> _differ(t(227, "3:47"), t(947, "15:47")), _differ(t(227, "3:47"), t(947, "3:47"))
        (False, True)
    """
    if x.kind == "time" and (_written_24(x) or _written_24(y)):
        return x.value % HALF_DAY != y.value % HALF_DAY
    return x.value != y.value


def _written_24(fact: DateFact) -> bool:
    """True for a clock time whose written hour only the 24-hour clock has ("15:47", "21h10")."""
    hour = re.match(r"\d{1,2}", fact.text)
    return hour is not None and int(hour.group()) >= 13


def _diff_verdict(a: Side, b: Side, fa: list[DateFact], fb: list[DateFact]) -> Verdict | None:
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored or ch.tag != "replace":
            continue
        xa = [f for f in fa if ch.a[0] <= f.tok < ch.a[1] and f.kind != "date"]
        xb = [f for f in fb if ch.b[0] <= f.tok < ch.b[1] and f.kind != "date"]
        for x in xa:
            for y in xb:
                moved = any(f.value == y.value for f in fa) and any(f.value == x.value for f in fb)
                if x.kind == y.kind and _differ(x, y) and not moved:
                    return contradiction(NAME, "date", "date", _show(x, y), _show(y, x), 0.9)
    return None


def judge_dates(a: Side, b: Side) -> Verdict | None:
    """Contradiction when a date of the same kind, in the same role, differs and the other side lacks it.

    Years are compared only under the same preposition ("since 1995" vs "since 2005"); weekdays, days and
    clock times when they hang from the same words; "yesterday" and "on Tuesday" are resolved against the
    publication dates when given.

    Example:
        >>> judge_dates(Side("The vote was held on Tuesday."), Side("The vote was held on Wednesday.")).explanation
        'date: Tuesday vs Wednesday'
    """
    da, db = a.doc, b.doc
    fa, fb = date_facts(da, a.published), date_facts(db, b.published)
    if not fa or not fb:
        return None
    decided, verdict = diff_decides(a, b, lambda x, y: _diff_verdict(x, y, fa, fb))
    if decided:
        return verdict
    found: Verdict | None = None
    for x in fa:
        same_kind = [y for y in fb if y.kind == x.kind]
        if not same_kind:
            continue
        if any(not _differ(x, y) for y in same_kind):
            y = next(y for y in same_kind if not _differ(x, y))
            found = found or agreement(NAME, "date", "date", _show(x), _show(y), 0.7)
            continue
        for y in same_kind:
            if x.prep != y.prep:
                continue
            if x.kind == "date" or anchors(da[x.tok]) & anchors(db[y.tok]):
                return contradiction(NAME, "date", "date", _show(x, y), _show(y, x), 0.75)
    return found
