"""Lists of titles and names read from capitals and commas: "The Avengers, Iron Man 3 and Thor: Ragnarok".

The small parser often gets such lists wrong (it reads "Halt and Catch Fire" as two films, or a whole list
as one name), so :func:`title_lists` reads them from the surface: capitalised words, the short links
between them ("of", "the", ":"), the commas and the one closing "and".

    >>> import spacy
    >>> doc = spacy.blank("en")("They visited Rome, Paris and New York.")
    >>> [sorted(item) for item in title_lists(doc, {t.i for t in doc})[0][0]]
    [[2], [4], [6, 7]]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .syntax import entity_bounds, wordy

_LINKS = frozenset({"of", "the", "a", "an", "from", "on", "in", "at", "to", "for", "and", "&", "with", "by"})


_TITLE_GLUE = frozenset({"'s", "’s", ":", "-", "+", "/", "&", "!", "?", "'", "’"})


_TAIL_PREPS = frozenset({"to", "in", "as", "from", "for", "with", "on", "at", "by"})


TITLE_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})


MAX_TITLES = 20


MAX_CLOSING_ASIDE = 4
"""A year, a date or a translation closes a name; a longer aside may be a subtitle."""


def title_lists(doc, own: set[int], known: tuple[frozenset[int], ...] = (),
                ) -> list[tuple[list[set[int]], set[int], list[set[int]]]]:
    """Lists of three or more titles or names ("The Avengers, Iron Man 3 and Thor: Ragnarok"), read from
    capitals and commas rather than from the parse, which the small parser often gets wrong on such lists.

    Each item may carry a short tail shared by the others ("Italy to the west, Austria to the north").
    Names in ``known`` (see :func:`bracketed_titles`) are whole, and two of them make a list.
    Returns ``(items, glue, tails)``: the token indices of each title (with its tail), of the separators
    between them, and of each tail alone.
    """
    order = sorted(own)
    out: list[tuple[list[set[int]], set[int], list[set[int]]]] = []
    ends = {min(n): max(n) + 1 for n in known if n and n <= own}
    texts = [doc[i].text for i in order]
    if ("," not in texts and len(ends) < 2) or not ({"and", "or"} & {t.lower() for t in texts}):  # no list to read
        return out
    toks = _Tokens(doc)  # the scan below reads each token many times
    k = 0
    while k < len(order):
        stop = k
        while stop + 1 < len(order) and order[stop + 1] == order[stop] + 1:
            stop += 1
        found = _title_list(toks, order[k], order[stop] + 1, ends)
        if found is None:
            # Starting inside the first title would only read a shorter one.
            first = ends.get(order[k]) or _title_end(toks, order[k], order[stop] + 1)
            k = next((j for j in range(k + 1, len(order)) if order[j] >= first), len(order)) if first > order[k] \
                else k + 1
            continue
        items, glue, end, tails = found
        out.append((items, glue, tails))
        k = next((j for j in range(k, len(order)) if order[j] >= end), len(order))
    return out


class _Tokens:
    """The doc's tokens, indexed like ``list(doc)`` but made on first use: one sentence's title scan reads a
    few tokens many times, and building the list of the whole doc for each sentence was quadratic in length.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Rain fell hard.")
        >>> toks = _Tokens(doc)
        >>> toks[-1].text, [t.text for t in toks[0:2]], len(toks)
        ('.', ['Rain', 'fell'], 4)
    """

    def __init__(self, doc):
        self.doc = doc
        self.made: dict[int, object] = {}

    def __len__(self) -> int:
        return len(self.doc)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self.doc)))]
        i = key + len(self.doc) if key < 0 else key
        if not 0 <= i < len(self.doc):
            raise IndexError(key)
        tok = self.made.get(i)
        if tok is None:
            tok = self.made[i] = self.doc[i]
        return tok


@dataclass
class _ListScan:
    """The state of :func:`_title_list`: the items read so far, each title's phrase, the separators, and
    whether the closing "and" was read (``closed``) and the last item after it (``last``)."""

    items: list[tuple[int, int, int]] = field(default_factory=list)  # first token, title end, tail end
    tails: list[str | None] = field(default_factory=list)
    glue: set[int] = field(default_factory=set)
    closed: bool = False
    last: bool = False


def _title_list(doc, start: int, stop: int, known: dict[int, int]):
    """One list starting at ``start``; ``known``: the end of each known name by its first token."""
    scan = _ListScan()
    i = start
    while i < stop:
        end = known.get(i) or _title_end(doc, i, stop)
        if end == i:
            break
        if scan.closed and i not in known:
            end = _last_title_end(doc, end, stop)
        prep, tail = _tail_end(doc, end, stop, free=not scan.closed)
        if scan.closed and prep not in scan.tails:
            prep, tail = None, end  # "..., and Lesley Manville to their roles": said of every name
        scan.items.append((i, end, tail))
        scan.tails.append(prep)
        i = tail
        if scan.closed:
            scan.last = True
            if not _and_inside_title(doc, scan, i, stop, known, prep):
                break
            i += 1
            continue
        sep = _separator(doc, i, stop)
        if not sep:
            break
        scan.closed = doc[sep[-1]].lower_ in ("and", "or")
        scan.glue |= set(sep)
        i += len(sep)
    return _accepted(doc, scan, known)


def _last_title_end(doc, end: int, stop: int) -> int:
    """"..., Serial Misadventures and Dick and Jane's Follies": a list has one closing "and"; one more inside
    the last title, up to where the list ends, belongs to that title."""
    if end + 1 < stop and doc[end].lower_ in ("and", "or"):
        more = _title_end(doc, end + 1, stop)
        if more > end + 1 and (more >= stop or doc[more].is_punct):
            return more
    return end


def _and_inside_title(doc, scan: _ListScan, i: int, stop: int, known: dict[int, int], prep: str | None) -> bool:
    """"..., Halt and Catch Fire, Twin Peaks and Good Girls": the "and" read as closing sat inside a title,
    since another title follows a comma; the two items become one and the list goes on (``scan`` updated)."""
    if not (i + 1 < stop and doc[i].text == "," and _title_end(doc, i + 1, stop) > i + 1
            and not any(a in known for a, _, _ in scan.items[-2:])):
        return False
    first = scan.items[-2][0]
    scan.glue -= set(range(first, i))
    scan.items[-2:] = [(first, scan.items[-1][1], i)]
    scan.tails[-2:] = [prep]
    scan.closed = scan.last = False
    scan.glue.add(i)
    return True


def _separator(doc, i: int, stop: int) -> list[int]:
    """The tokens separating two items at ``i``: a comma, "and"/"or", or both ("..., and")."""
    sep = [i] if i < stop and doc[i].text == "," else []
    if i + len(sep) < stop and doc[i + len(sep)].lower_ in ("and", "or"):
        sep.append(i + len(sep))
    return sep


def _accepted(doc, scan: _ListScan, known: dict[int, int]):
    """The list read, as :func:`title_lists` returns it, or None when it is no list of titles."""
    items, tails, glue = scan.items, scan.tails, scan.glue
    # Two names make a list when brackets closed them ("Kick-Ass 2 (2013) and Dumb and Dumber To (2014)").
    sure = sum(a in known for a, _, _ in items) >= 2
    if not scan.last or not (2 if sure else 3) <= len(items) <= MAX_TITLES or not (
            sure or any(doc[j].text == "," for j in glue)):
        return None
    if any(tails.count(t) < 2 for t in tails if t):
        return None  # "Martin Scorsese in the films Raging Bull, Goodfellas ...": a phrase only one name has
    return ([set(range(a, c)) for a, _, c in items], glue, items[-1][2],
            [set(range(b, c)) for _, b, c in items if c > b])


def _title_end(doc, i: int, stop: int) -> int:
    """One past the last word of the title starting at ``i`` ("Pirates of the Caribbean: Dead Men Tell No
    Tales", "Charlie and the Chocolate Factory"), or ``i`` when no title starts there."""
    first = _title_first_word(doc, i, stop)
    if first is None:
        return i
    end = _capitalised_run_end(doc, first, stop)
    if not any(t.is_alpha and capital(t) for t in doc[first:end]):
        return i  # "2019": a number alone is not a title
    return _title_closing(doc, i, first, end, stop)


def _title_first_word(doc, i: int, stop: int) -> int | None:
    """The first capitalised word of a title starting at ``i`` (after "the" or an opening quotation mark),
    or None when none can start there."""
    if i < stop and doc[i].lower_ in ("the", "a", "an") and not capital(doc[i]):
        i += 1  # "the Adriatic Sea"
    if i + 1 < stop and doc[i].text in TITLE_QUOTES:
        i += 1  # "Angry Bull"
    if i >= stop or not capital(doc[i]) or doc[i].is_punct or _dated(doc[i]):
        return None  # "on May 30, 2014 in the ...": a date is not a title
    if doc[i].is_sent_start and doc[i].is_stop and (doc[i].pos_ == "ADP" or not (
            i + 1 < stop and capital(doc[i + 1]))):
        return None  # "In 2019, ...", "The film ...": a capital that only opens the sentence
    return i


def _next_title_starts(doc, j: int, stop: int) -> bool:
    """"Hot Summer Nights and Lady Bird": an "and" before a capital ends the title, unless the tagger
    put it inside one name ("Halt and Catch Fire")."""
    tok = doc[j]
    return tok.lower_ in ("and", "or") and j + 1 < stop and capital(doc[j + 1]) and tok.ent_iob_ != "I"


def _capitalised_run_end(doc, i: int, stop: int) -> int:
    """One past the last capitalised word from ``i`` on, across links ("of the") followed by a capital."""
    end = j = i + 1
    while j < stop:
        tok = doc[j]
        if tok.text == "," or _next_title_starts(doc, j, stop):
            break
        if capital(tok) and not tok.is_punct:
            end = j = j + 1
            continue
        if j + 1 < stop and doc[j + 1].ent_type_ in ("DATE", "TIME"):
            break  # "Odesa on Tuesday": a date after the name, not a title "X on Y"
        if tok.lower_ not in _LINKS and tok.text not in _TITLE_GLUE:
            break
        j += 1  # a link counts only when a capital follows it
    return end


def _title_closing(doc, start: int, first: int, end: int, stop: int) -> int:
    """``end`` moved past what closes the title: "!" ("Horton Hears a Who!"), the closing quotation mark
    of a quoted title, a lower-case kind noun before a comma or preposition ("the Harry Potter series, ...")."""
    if end < stop and doc[end].text in ("!", "?"):
        end += 1
    if end < stop and doc[end].text in TITLE_QUOTES and doc[first - 1].text in TITLE_QUOTES and first > start:
        end += 1
    if end + 1 < stop and doc[end].pos_ == "NOUN" and doc[end].is_lower and (
            doc[end + 1].text == "," or doc[end + 1].lower_ in _TAIL_PREPS):
        end += 1
    return end


MAX_TAIL = 5
"""Words in a title's own phrase ("to the west", "as Miss Havisham"); longer phrases are the sentence's."""
MAX_TAIL_LIST = 8
"""Words in the last title's phrase when it is a list itself ("to its south and southwest")."""


def _tail_end(doc, i: int, stop: int, free: bool = True) -> tuple[str | None, int]:
    """A short phrase after a title that belongs to it alone ("Italy to the west", "Great Expectations as
    Miss Havisham"): its preposition and one past its last word. Without ``free`` (the last title, whose
    phrase may be shared by the whole list), only lower-case words or numbers."""
    if i >= stop or doc[i].lower_ not in _TAIL_PREPS:
        return None, i
    j = i + 1
    while j < stop and j - i <= MAX_TAIL and _tail_word(doc[j], free):
        j += 1
    if not free and j > i + 1 and j < stop and doc[j].lower_ in ("and", "or"):
        j = _tail_list_end(doc, i, j, stop)
    ends_item = j >= stop or doc[j].is_punct or doc[j].lower_ in ("and", "or")
    return (doc[i].lower_, j) if j > i + 1 and ends_item else (None, i)


def _tail_word(tok, free: bool) -> bool:
    """A word that may be in a title's phrase: a word, number or abbreviation ("St."), no comma or "and";
    in the last title's phrase (not ``free``) no capitalised word."""
    if tok.text == "," or tok.lower_ in ("and", "or"):
        return False
    if not (tok.is_alpha or tok.like_num or _abbreviation(tok) or (free and tok.text in _TITLE_GLUE)):
        return False
    return free or not capital(tok) or tok.like_num


def _tail_list_end(doc, i: int, j: int, stop: int) -> int:
    """"..., and the Atlantic Ocean to its south and southwest": the last name's phrase (from ``i``) may be a
    list itself; past its "and" at ``j``, lower-case words up to punctuation or the end belong to it."""
    k = j + 1
    while k < stop and k - i <= MAX_TAIL_LIST and (doc[k].is_alpha and not capital(doc[k])):
        k += 1
    return k if k > j + 1 and (k >= stop or doc[k].is_punct) else j


def bracketed_titles(doc, allowed: set[int], asides) -> tuple[frozenset[int], ...]:
    """Names that a bracketed aside closes: "Kick-Ass 2 (2013) and Dumb and Dumber To (2014)" names two
    films, whatever their "and"s. ``asides``: :func:`parentheticals` of the sentence."""
    return tuple(frozenset(anchor) for group, anchor in asides
                 if anchor and max(anchor) + 1 == min(group) and all(i in allowed for i in anchor)
                 and sum(wordy(doc[i]) for i in group) <= MAX_CLOSING_ASIDE
                 and capital(next(doc[i] for i in sorted(anchor) if doc[i].text not in TITLE_QUOTES)))


def title_run(doc, end: int) -> list[int]:
    """Indices of the capitalised words ending at ``end`` ("Far from Heaven", "Dead on Arrival")."""
    run: list[int] = []
    i = end
    while i >= 0:
        tok = doc[i]
        capitalised = tok.text[:1].isupper() or tok.like_num
        link = bool(run) and _title_link(doc, i, run[0])
        if link and tok.lower_ == "and" and doc[i - 1].ent_type_ == "PERSON" and doc[i - 2].ent_iob_ in ("B", "I"):
            break  # "by David Fincher and Blindness (2008)": a full name, then the next title (not "Dick and Jane")
        if not (capitalised or link):
            break
        run.insert(0, i)
        if tok.is_sent_start:
            break
        i -= 1
    while run and doc[run[0]].lower_ in _LINKS:
        run.pop(0)
    return run


def _title_link(doc, i: int, after: int) -> bool:
    """Token ``i`` links two capitalised parts of one title (the part after it starts at ``after``): a short
    word ("Far from Heaven") or a colon between capitals ("Twin Peaks: The Return")."""
    tok = doc[i]
    if tok.lower_ in _LINKS and _capital_before(doc, i):
        return True
    return (tok.text == ":" and i > 0 and not doc[i - 1].whitespace_ and capital(doc[i - 1])
            and capital(doc[after]))


def _capital_before(doc, i: int) -> bool:
    """A capitalised word (or number) just before ``i``, across at most one more link ("Sunshine of the Mind")."""
    for j in (i - 1, i - 2):
        if j < 0 or doc[j].is_sent_end:
            return False
        if doc[j].text[:1].isupper() or doc[j].like_num:
            return True
        if doc[j].lower_ not in _LINKS:
            return False
    return False


def capital(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()  # "Iron Man 3", not "three" or "first"


def _dated(tok) -> bool:
    """Inside a date with a number ("May 30, 2014"; not "The Day After Tomorrow")."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    start, end = entity_bounds(tok)
    return any(t.like_num for t in tok.doc[start:end])


def _abbreviation(tok) -> bool:
    """"Mrs.", "St.", "Dr.": a word with its full stop."""
    return len(tok.text) <= 4 and tok.text.endswith(".") and tok.text[:-1].isalpha()
