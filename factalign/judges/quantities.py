"""A small quantity parser: "at least 2,500 million dollars" -> value 2.5e9, unit USD, bound "at least".

Works on a spaCy ``Doc`` so that each quantity keeps its token span and the word it counts, which the numbers
judge uses to decide whether two quantities measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "single": 1, "twice": 2, "double": 2, "triple": 3,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mln": 1e6, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "b": 1e9, "tn": 1e12}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR",
              "euro": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "¥": "JPY", "yen": "JPY",
              "yuan": "CNY", "rmb": "CNY", "rupee": "INR", "ruble": "RUB", "rouble": "RUB", "peso": "MXN",
              "franc": "CHF", "won": "KRW"}
# Canonical unit and the factor to it; "35 km" and "35 kilometers" become the same quantity.
UNITS = {
    "km": ("m", 1e3), "kilometer": ("m", 1e3), "kilometre": ("m", 1e3), "meter": ("m", 1.0),
    "metre": ("m", 1.0), "cm": ("m", 1e-2), "centimeter": ("m", 1e-2), "centimetre": ("m", 1e-2),
    "mm": ("m", 1e-3), "millimeter": ("m", 1e-3), "mile": ("m", 1609.344), "foot": ("m", 0.3048),
    "feet": ("m", 0.3048), "ft": ("m", 0.3048), "inch": ("m", 0.0254),
    "kg": ("kg", 1.0), "kilogram": ("kg", 1.0), "gram": ("kg", 1e-3), "g": ("kg", 1e-3),
    "ton": ("kg", 1e3), "tonne": ("kg", 1e3), "pound-weight": ("kg", 0.4536), "lb": ("kg", 0.4536),
    "percent": ("%", 1.0), "per cent": ("%", 1.0), "%": ("%", 1.0), "pct": ("%", 1.0),
    "percentage": ("%", 1.0),
    "second": ("s", 1.0), "minute": ("s", 60.0), "hour": ("s", 3600.0), "day": ("s", 86400.0),
    "week": ("s", 604800.0), "month": ("s", 2629800.0), "year": ("s", 31557600.0),
    "degree": ("deg", 1.0), "°c": ("deg", 1.0), "°": ("deg", 1.0),
    "km/h": ("m/s", 1 / 3.6), "mph": ("m/s", 0.44704), "kph": ("m/s", 1 / 3.6),
    "hectare": ("m2", 1e4), "acre": ("m2", 4046.86), "liter": ("l", 1.0), "litre": ("l", 1.0),
    "barrel": ("bbl", 1.0), "mw": ("w", 1e6), "gw": ("w", 1e9), "kw": ("w", 1e3),
}
# Bounds: how far from the stated number the real value may lie, as factors (low, high).
BOUNDS = {
    "at least": (1.0, 1.5), "more than": (1.0, 1.5), "over": (1.0, 1.5), "above": (1.0, 1.5),
    "in excess of": (1.0, 1.5), "upwards of": (1.0, 1.5), "greater than": (1.0, 1.5), "exceeding": (1.0, 1.5),
    "at most": (0.67, 1.0), "less than": (0.67, 1.0), "fewer than": (0.67, 1.0), "under": (0.67, 1.0),
    "below": (0.67, 1.0), "up to": (0.67, 1.0), "no more than": (0.67, 1.0),
    "about": (0.85, 1.15), "around": (0.85, 1.15), "approximately": (0.85, 1.15), "roughly": (0.85, 1.15),
    "some": (0.85, 1.15), "an estimated": (0.85, 1.15), "estimated": (0.85, 1.15), "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0), "close to": (0.85, 1.05), "approx.": (0.85, 1.15), "circa": (0.85, 1.15),
    "just over": (1.0, 1.1), "just under": (0.9, 1.0), "over a": (1.0, 1.5), "about a": (0.85, 1.15),
}
NAME_TYPES = {"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PERSON", "GPE"}
MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
               "nov", "dec"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20,
            "hundredth": 100}
_ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_NUM_RE = re.compile(r"^[-+]?\d[\d,]*(\.\d+)?$|^[-+]?\.\d+$")
_EMBEDDED_RE = re.compile(r"\d+(?:[.,]\d+)*")
_HYPHENATED = re.compile(r"^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|"
                         r"six|seven|eight|nine)$")


@dataclass(frozen=True)
class Quantity:
    """A number as stated in a text.

    Args:
        value: the number, scaled and converted to the canonical unit.
        low: the smallest value the wording allows (bounds and hedges widen it).
        high: the largest value the wording allows.
        unit: canonical unit ("USD", "%", "m", ...) or "" for a plain count.
        noun: lemma of the thing counted ("home", "member"), or "".
        text: the quantity as written, e.g. "more than 300 homes".
        start: first token index in the doc.
        end: token index just past the quantity.
        num: index of the token carrying the number (for anchors).
        year: True for a bare 4-digit year (left to the dates judge).
        bound: the bound or hedge phrase before the number ("more than"), or "".
        digits: the digits as written, separators removed ("272,000" and "272.000" -> "272000").
        written: the number token as written ("0.66").
    """

    value: float
    low: float
    high: float
    unit: str
    noun: str
    text: str
    start: int
    end: int
    num: int
    year: bool = False
    bound: str = ""
    digits: str = ""
    written: str = ""

    def compatible(self, other: "Quantity") -> bool:
        """True when both wordings can describe one value ("more than 300" and "about 350").

        The same hedge on both sides ("at least 146,000" vs "at least 126,000") means the same estimate,
        so then the stated numbers must match.
        """
        if self.digits and self.digits == other.digits and self.unit == other.unit:
            return True  # "272,000" vs "272.000" vs "272000"
        tol = 0.005 * max(abs(self.value), abs(other.value))
        if self.unit == other.unit and (_rounds_to(self, other) or _rounds_to(other, self)):
            return True  # "0.7 per cent" is "0.66 percent" rounded
        if self.bound and self.bound == other.bound:
            return abs(self.value - other.value) <= tol
        return self.low - tol <= other.high and other.low - tol <= self.high


def _decimals(q: Quantity) -> int | None:
    m = re.fullmatch(r"[^\d]*\d[\d,]*\.(\d+)[^\d]*", english_digits(q.written))
    if m:
        return len(m.group(1))
    return 0 if re.search(r"\d", q.written) else None


def _rounds_to(coarse: Quantity, fine: Quantity) -> bool:
    """True when ``fine`` rounded to the decimals written in ``coarse`` gives ``coarse`` (decimals only)."""
    dc, df = _decimals(coarse), _decimals(fine)
    if dc is None or df is None or dc == 0 or dc >= df:
        return False
    return round(fine.value, dc) == round(coarse.value, dc)


def ordinal_value(word: str) -> int | None:
    """The rank an ordinal states ("third" -> 3, "31st" -> 31), or None."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = _ORDINAL_RE.match(w)
    return int(m.group(1)) if m else None


#: A comma before one or two final digits ("1,2", "44,7") is a decimal comma, as continental European languages
#: and translations from them write it: English commas group exactly three digits ("1,200").
_DECIMAL_COMMA = re.compile(r"^([-+]?\d{1,3}),(\d{1,2})$")


def english_digits(word: str) -> str:
    """The number token with a decimal comma written as a point ("1,2" -> "1.2"; "1,200" is left alone).

    Example:
        >>> english_digits("1,2"), english_digits("44,75"), english_digits("1,200")
        ('1.2', '44.75', '1,200')
    """
    return _DECIMAL_COMMA.sub(r"\1.\2", word)


def number_value(word: str) -> float | None:
    """The value of one number token ("2,500", "3.5", "1,2" with a decimal comma, "three", "twenty-one", "dozen"),
    or None."""
    w = english_digits(word.lower().replace("\u2212", "-"))
    if _NUM_RE.match(w):
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    if w in WORDS:
        return float(WORDS[w])
    m = _HYPHENATED.match(w)
    if m:
        return float(WORDS[m.group(1)] + WORDS[m.group(2)])
    return None


def _precision_tolerance(token_text: str, scale: float) -> float:
    """Half a unit of the last written digit when a scale word follows: "2.5 billion" means 2.45..2.55e9."""
    if scale <= 1:
        return 0.0
    token_text = english_digits(token_text)
    decimals = len(token_text.split(".")[1]) if "." in token_text else 0
    return 0.5 * scale * 10 ** (-decimals)


def _unit_of(tok) -> tuple[str, float] | None:
    low = tok.text.lower()
    for key in (low, tok.lemma_.lower(), low.rstrip("s")):
        if key in UNITS:
            return UNITS[key]
    return None


def _currency_of(tok) -> str | None:
    low = tok.text.lower()
    return CURRENCIES.get(low) or CURRENCIES.get(tok.lemma_.lower()) or CURRENCIES.get(low.rstrip("s"))


def _bound_before(doc, i: int) -> tuple[str, tuple[float, float]] | None:
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        phrase = " ".join(t.text.lower() for t in doc[i - n:i])
        if phrase in BOUNDS:
            return phrase, BOUNDS[phrase]
    return None


def quantities(doc) -> list[Quantity]:
    """All quantities in a parsed text, left to right.

    Each token is read by the first rule that takes it: a rank (:func:`_rank_at`), else a number
    (:func:`_number_at`) measured with its scale, unit, counted noun and bound (:func:`_measure`).

    Example:
        >>> from factalign.judges._base import parse
        >>> [q.value for q in quantities(parse("Revenue rose 4% to $2.5 billion."))]
        [4.0, 2500000000.0]
    """
    out: list[Quantity] = []
    i = 0
    while i < len(doc):
        found = _rank_at(doc, i)
        if found is None:
            number = _number_at(doc, i)
            found = _measure(doc, i, *number) if number is not None else None
        if found is None:
            i += 1
            continue
        quantity, i = found
        out.append(quantity)
    return out


def _rank_at(doc, i: int) -> tuple[Quantity, int] | None:
    """A rank at token ``i`` and the index after it: "the 31st member", "the thirty-first member".

    Ranks are quantities of their own kind ("31st" vs "30th"), counted by the noun they qualify; a rank inside a
    name or a date ("May 1st") is none.
    """
    tok = doc[i]
    rank = ordinal_value(tok.text)
    if rank is not None and tok.ent_type_ not in NAME_TYPES | {"DATE"}:
        return _rank(float(rank), tok.head, tok.text, i, i + 1, tok.text), i + 1
    value = number_value(tok.text)
    if value is not None and i + 2 < len(doc) and doc[i + 1].text == "-" \
            and (ordinal_value(doc[i + 2].text) or 99) < 10:
        rank = int(value) + ordinal_value(doc[i + 2].text)  # "thirty-first"
        return _rank(float(rank), doc[i + 2].head, doc[i:i + 3].text, i, i + 3, str(rank)), i + 3
    return None


def _rank(rank: float, head, text: str, start: int, end: int, written: str) -> Quantity:
    noun = head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") else ""
    return Quantity(rank, rank, rank, "rank", noun, text, start, end, start, written=written)


def _number_at(doc, i: int) -> tuple[float, int] | None:
    """The number at token ``i`` and how many tokens it takes, when it counts something.

    "Twenty-one" is one number the tokenizer split in three; "one" or "single" counts only as a number modifier
    ("one person", not "one of them"); numbers inside names ("S&P 500", "Boeing 737") and day numbers
    ("May 19", "19 May") are no quantities.
    """
    tok, n = doc[i], len(doc)
    value, width = number_value(tok.text), 1
    if (value is not None and tok.is_alpha and i + 2 < n and doc[i + 1].text == "-" and doc[i + 2].is_alpha
            and number_value(f"{tok.text}-{doc[i + 2].text}") is not None):
        value, width = number_value(f"{tok.text}-{doc[i + 2].text}"), 3
    if value is None or (tok.text.lower() in ("one", "single") and tok.dep_ not in ("nummod", "quantmod")):
        return None
    if tok.ent_type_ in NAME_TYPES or _day_number(doc, i):
        return None
    return value, width


def _day_number(doc, i: int) -> bool:
    """Token ``i`` is the day of a date: after a month ("May 19") or a one- or two-digit number before one."""
    before = i > 0 and doc[i - 1].lower_.rstrip(".") in MONTH_WORDS
    after = i + 1 < len(doc) and doc[i + 1].lower_.rstrip(".") in MONTH_WORDS
    return before or (after and re.fullmatch(r"\d{1,2}", doc[i].text) is not None)


def _scale(doc, i: int, width: int) -> tuple[float, int]:
    """The scale words after the number at ``i`` ("2,500 million", "1.2bn", "3 thousand") and the index after.

    "m", "bn", "k" scale only money ("$3m"); after a plain number "m" is metres. "hundreds of" is left out on
    purpose (vague).
    """
    money = i > 0 and _currency_of(doc[i - 1]) is not None
    scale, j = 1.0, i + width
    while j < len(doc) and doc[j].text.lower() in SCALES and (money or len(doc[j].text) > 2):
        scale *= SCALES[doc[j].text.lower()]
        j += 1
    return scale, j


def _unit(doc, start: int, j: int) -> tuple[str, float, int, int]:
    """The unit of a number spanning ``start:j``: a currency before it ("$", "US$"), else a currency, "per cent",
    "percentage points" or a measure after it; returns the unit, its factor and the widened span."""
    cur = _currency_of(doc[start - 1]) if start > 0 else None
    if cur:
        start -= 1
        if start > 0 and doc[start - 1].text.upper() in ("US", "U.S."):
            start -= 1
        return cur, 1.0, start, j
    if j >= len(doc):
        return "", 1.0, start, j
    nxt, following = doc[j], doc[j + 1] if j + 1 < len(doc) else None
    if _currency_of(nxt) and nxt.text not in ("won",):
        return _currency_of(nxt), 1.0, start, j + 1
    if nxt.text.lower() == "per" and following is not None and following.text.lower() == "cent":
        return "%", 1.0, start, j + 2
    if nxt.text.lower() == "percentage" and following is not None and following.lemma_.lower() == "point":
        return "pp", 1.0, start, j + 2
    if _unit_of(nxt):
        unit, factor = _unit_of(nxt)
        return unit, factor, start, j + 1
    return "", 1.0, start, j


def _counted_noun(doc, tok, j: int, unit: str) -> str:
    """What a number counts: the word after a hyphen ("one-point win": the point counts, not the win), the noun
    it modifies, or the noun or adjective right after it."""
    n = len(doc)
    if j + 1 < n and doc[j].text == "-" and doc[j + 1].is_alpha and not unit:
        return doc[j + 1].lemma_.lower()
    if tok.dep_ in ("nummod", "quantmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i >= j - 1:
        return tok.head.lemma_.lower()
    if j < n and doc[j].pos_ in ("NOUN", "ADJ") and not unit:
        return doc[j].lemma_.lower()
    return ""


def _measure(doc, i: int, value: float, width: int) -> tuple[Quantity, int]:
    """The quantity whose number is at token ``i``, and the index after it: scale, unit, counted noun, the
    tolerance its precision implies and a bound before it ("at least 12")."""
    tok = doc[i]
    start = i - 1 if tok.text.lower() == "dozen" and i > 0 and doc[i - 1].lower_ in ("a", "one") else i
    scale, j = _scale(doc, i, width)
    unit, factor, start, j = _unit(doc, start, j)
    noun = _counted_noun(doc, tok, j, unit)
    if noun and unit == "" and noun in UNITS:
        unit, factor = UNITS[noun]
    total = value * scale * factor
    tol = _precision_tolerance(tok.text, scale) * factor
    low, high = total - tol, total + tol
    bound = _bound_before(doc, start)
    if bound:
        phrase, (f_lo, f_hi) = bound
        start -= len(phrase.split())
        low, high = min(low, total * f_lo), max(high, total * f_hi)
    year = (unit == "" and scale == 1.0 and re.fullmatch(r"1[5-9]\d\d|20\d\d", tok.text) is not None
            and tok.ent_type_ in ("DATE", "") and not bound)
    digits = re.sub(r"[^\d]", "", tok.text) if scale == 1.0 and factor == 1.0 else ""
    end = max(j, i + 1)
    return Quantity(total, low, high, unit, noun, doc[start:end].text, start, end, i, year,
                    bound[0] if bound else "", digits, tok.text), end


def digit_strings(text: str) -> list[str]:
    """Every run of digits in ``text`` ("iPhone6" -> ["6"]), for changes the parser cannot read."""
    return _EMBEDDED_RE.findall(text)


def number_words(text: str) -> list[str]:
    """Every number in ``text``, as digits or words ("three-time" -> ["three"]), sorted; for quick equality."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if (w in WORDS or w in ORDINALS) and w != "single"]
    return sorted(digit_strings(text) + words)
