"""Turning a set of token indices back into readable text: spacing, substitutions, orphan punctuation.

    >>> import spacy
    >>> doc = spacy.blank("en")("Rain fell , and rivers rose .")
    >>> render(doc, {0, 1, 2}, {})
    'Rain fell'
"""

from __future__ import annotations

from typing import NamedTuple

OPENING_MARKS = "([{“‘\""
"""Punctuation that takes a space before it, unlike the rest."""
CURRENCY_MARKS = "%$€£¥"
"""Symbols that carry meaning at a claim's edge ("50%"), unlike other punctuation."""


class Piece(NamedTuple):
    """One piece of a rendered claim: a token (``index`` its position in the doc) or an inserted word.

    ``key`` orders the pieces: a token's index, or a fraction between two tokens for an insertion
    ("is" at 3.5 goes between tokens 3 and 4).
    """

    key: float
    text: str
    index: int | None


def render(doc, tokens: set[int], subst: dict[int, str], inserts: dict[float, str] | None = None) -> str:
    """The words ``tokens`` of ``doc`` as text, with substitutions and inserted words, trimmed of orphans.

    Args:
        doc: a spaCy ``Doc``.
        tokens: the doc token indices to render.
        subst: replacement texts by token index ("" drops the token).
        inserts: words to insert, keyed by a fractional position (see :class:`Piece`).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("He left and she stayed .")
        >>> render(doc, {0, 1}, {0: "Tom"}, {1.5: "early"})
        'Tom left early'
    """
    pieces = [Piece(float(i), subst.get(i, doc[i].text), i) for i in tokens]
    pieces += [Piece(k, v, None) for k, v in (inserts or {}).items()]
    pieces = [p for p in sorted(pieces) if p.text != ""]
    pieces = _trim(doc, pieces)
    pieces = _articles(doc, pieces)
    out: list[str] = []
    prev: int | None = None
    for piece in pieces:
        i = piece.index
        if out:
            if i is not None and prev is not None and i == prev + 1:
                out.append(doc[prev].whitespace_)
            elif not (i is not None and doc[i].is_punct and doc[i].text not in OPENING_MARKS) \
                    and not piece.text.startswith("'"):
                out.append(" ")
        out.append(piece.text)
        prev = i
    return "".join(out).strip().rstrip(",;:").rstrip()


def _weak(doc, piece: Piece) -> bool:
    """A token that cannot open or close a claim: punctuation, a conjunction, a space."""
    i = piece.index
    return i is not None and ((doc[i].is_punct and doc[i].text not in CURRENCY_MARKS)
                              or doc[i].dep_ in ("cc", "preconj") or doc[i].is_space)


def _trim_edges(doc, pieces: list[Piece]) -> list[Piece]:
    """Drop weak tokens at both ends, and a preposition at the end whose object went to another claim."""
    while pieces and _weak(doc, pieces[0]) and doc[pieces[0].index].text not in "(“\"‘":
        pieces = pieces[1:]

    def dangling(piece: Piece) -> bool:
        # "it ended with": a preposition whose object went to another claim.
        return piece.index is not None and doc[piece.index].dep_ == "prep" and len(pieces) > 1

    while pieces and ((_weak(doc, pieces[-1]) and doc[pieces[-1].index].text not in ")”\"’")
                      or dangling(pieces[-1])):
        pieces = pieces[:-1]
    return pieces


def _orphan_comma(doc, pieces: list[Piece], k: int) -> bool:
    """A comma next to a removed stretch ("X, [launched in 1990,] has") separated what is gone."""
    i = pieces[k].index
    if i is None or doc[i].text not in (",", ";"):
        return False
    prev_i = pieces[k - 1].index if k > 0 else None
    next_i = pieces[k + 1].index if k + 1 < len(pieces) else None
    return (prev_i is not None and prev_i != i - 1) or (next_i is not None and next_i != i + 1)


def _separator(doc, piece: Piece) -> bool:
    return piece.index is not None and doc[piece.index].is_punct and doc[piece.index].text in ",;:"


def _trim(doc, pieces: list[Piece]) -> list[Piece]:
    """Orphan punctuation removed: at the edges, beside removed stretches, doubled, or unbalanced."""
    pieces = _trim_edges(doc, pieces)
    pieces = [p for k, p in enumerate(pieces) if not _orphan_comma(doc, pieces, k)]
    cleaned: list[Piece] = []
    for piece in pieces:
        if cleaned and _separator(doc, piece) and _separator(doc, cleaned[-1]):
            continue
        cleaned.append(piece)
    text = "".join(p.text for p in cleaned)
    # Unbalanced brackets or quotes read as noise; drop the orphan.
    for open_, close in (("(", ")"), ("[", "]"), ("“", "”")):
        if text.count(open_) != text.count(close):
            cleaned = [p for p in cleaned if p.text not in (open_, close)]
    if text.count('"') % 2:
        cleaned = [p for p in cleaned if p.text != '"']
    return _without_empty_quotes(cleaned)


def _without_empty_quotes(pieces: list[Piece]) -> list[Piece]:
    """Drop a quotation whose words all went to other claims: 'is an autobiographical novel: " "'."""
    out: list[Piece] = []
    opened = False
    for piece in pieces:
        text = piece.text
        if text in ('"', "”") and out and out[-1].text in ('"', "“") and opened:
            out.pop()
            opened = False
            continue
        if text in ('"', "“", "”"):
            opened = text == "“" or (text == '"' and not opened)
        out.append(piece)
    return out


_AN_EXCEPTIONS = ("uni", "use", "usu", "eu", "one", "once", "u.s", "ukr")
"""Word starts spelled with a vowel but said with a consonant ("a university", "a one-off")."""
_A_EXCEPTIONS = ("hour", "honest", "honor", "honour", "heir")
"""Word starts spelled with a consonant but said with a vowel ("an hour")."""


def _articles(doc, pieces: list[Piece]) -> list[Piece]:
    """"a" or "an" agreeing with the word now after it: "is an fantasy film" once "American" went elsewhere."""
    out = list(pieces)
    for k, piece in enumerate(out[:-1]):
        i = piece.index
        if i is None or doc[i].lower_ not in ("a", "an") or doc[i].dep_ != "det":
            continue
        nxt = out[k + 1].text.lower()
        if not nxt[:1].isalpha():
            continue
        an = (nxt[0] in "aeiou" and not nxt.startswith(_AN_EXCEPTIONS)) or nxt.startswith(_A_EXCEPTIONS)
        word = "an" if an else "a"
        if word != doc[i].lower_:
            out[k] = piece._replace(text=word.capitalize() if piece.text[:1].isupper() else word)
    return out
