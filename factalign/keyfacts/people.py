"""Key facts about people: ages ("52-year-old", ", 25,", "aged 25"), roles ("Fire Chief Laura Benning",
"the minister of the interior, Paul Grand") and who said a quotation or reported statement."""

from __future__ import annotations

from typing import Sequence

from ..models import Claim
from .model import KeyFact
from .syntax import fold, predicate, span_offsets, surname

#: Ages people are given in news copy; a number outside this range after a comma is something else.
MAX_AGE = 119
#: A role phrase longer than this many content words is a description, not a title.
MAX_ROLE_WORDS = 5
_ROLE_POS = ("NOUN", "PROPN", "ADJ")
_NOT_ROLE_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def _age_value(tok) -> int | None:
    if not tok.text.isdigit():
        return None
    value = int(tok.text)
    return value if 0 < value <= MAX_AGE else None


def _who(tok) -> tuple[str, str]:
    """(anchor head, readable anchor) of the person or thing an age or state belongs to."""
    if tok.pos_ == "PROPN":
        last = surname(tok.text)
        return last, tok.text
    return tok.lemma_.lower(), tok.text.lower()


def ages(doc, name: str) -> list[KeyFact]:
    """Ages in the three shapes news copy uses.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.norm, f.head) for f in ages(parse_source("The driver, 25, was unhurt."), "a")]
        [('25', 'driver')]
    """
    out = []
    for tok in doc:
        value = _age_value(tok)
        if value is None:
            continue
        nxt = [t.lower_ for t in doc[tok.i + 1:tok.i + 5]]
        owner, first, last = None, tok.i, tok.i + 1
        if nxt[:4] == ["-", "year", "-", "old"]:  # "the 52-year-old driver"
            old = doc[tok.i + 4]
            owner = old.head if old.head.pos_ in ("NOUN", "PROPN") and old.head is not old else None
            last = tok.i + 5
        elif tok.i > 0 and doc[tok.i - 1].lower_ == "aged" and doc[tok.i - 1].head.pos_ in ("NOUN", "PROPN"):
            owner, first = doc[tok.i - 1].head, tok.i - 1  # "a man aged 40"
        elif (tok.i >= 2 and doc[tok.i - 1].text == "," and tok.i + 1 < len(doc)
              and doc[tok.i + 1].text in (",", ".", ";") and doc[tok.i - 2].pos_ in ("NOUN", "PROPN")
              and tok.ent_type_ not in ("MONEY", "PERCENT", "QUANTITY")):
            owner = doc[tok.i - 2]  # "The driver, 25, ..." / "Laura Benning, 52."
        if owner is None:
            continue
        head, readable = _who(owner)
        start, end = span_offsets(doc, first, last)
        out.append(KeyFact("age", doc.text[start:end], str(value), f"age of {readable}", name, start, end,
                           head=head, event="", detail=(value,)))
    return out


def _person_ents(doc):
    return [e for e in doc.ents if e.label_ == "PERSON" and e.root.pos_ == "PROPN"]


def _role_words(tokens) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in tokens if t.pos_ in _ROLE_POS and t.ent_type_ not in _NOT_ROLE_ENTS)


def _title_before(doc, ent) -> list:
    """The compound title the name's head word carries before the name ("Fire Chief", "harbour master")."""
    root = ent.root
    left = [t for t in doc[root.left_edge.i:ent.start]]
    while left and left[0].dep_ in ("det", "poss", "punct", "case") or left and left[0].tag_ == "POS":
        left = left[1:]
    if not left or any(t.pos_ not in _ROLE_POS or t.dep_ not in ("compound", "amod") for t in left):
        return []
    return left


def _apposed_role(doc, ent) -> list:
    """The role an apposition gives the name ("the minister of the interior, Paul Grand" / "Ortiz, the chief")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        holder = root.head
        return [t for t in holder.subtree if not (root.left_edge.i <= t.i <= root.right_edge.i)]
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return list(child.subtree)
    return []


def roles(doc, name: str) -> list[KeyFact]:
    """Person <-> role facts: a title before a name, or a role set beside it by apposition.

    Example:
        >>> from factalign.keyfacts.syntax import parse_source
        >>> [(f.value, f.anchor) for f in roles(parse_source("Fire Chief Laura Benning said no one was hurt."), "a")]
        [('Laura Benning', 'fire chief')]
    """
    out = []
    for ent in _person_ents(doc):
        for role_tokens in (_title_before(doc, ent), _apposed_role(doc, ent)):
            words = _role_words(role_tokens)
            if not words or len(words) > MAX_ROLE_WORDS or surname(ent.text) in words:
                continue
            first = min([t.i for t in role_tokens] + [ent.start])
            last = max([t.i + 1 for t in role_tokens] + [ent.end])
            start, end = span_offsets(doc, first, last)
            event = predicate(ent.root) or _saying(ent.root)
            out.append(KeyFact("role", ent.text, surname(ent.text), " ".join(words), name, start, end,
                               head=_role_head(role_tokens), event=event,
                               detail=(frozenset(words),)))
            break
    return out


def _role_head(tokens) -> str:
    """Lemma of the role phrase's own head word ("chief" in "Fire Chief", "minister" in "minister of the interior")."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")]
    return heads[0].lemma_.lower() if heads else ""


def _saying(tok) -> str:
    """"say" when the name is the subject of a verb of saying (those are left out of :func:`predicate`)."""
    head = tok.head
    return "say" if tok.dep_ == "nsubj" and head.pos_ == "VERB" and head is not tok else ""


def quotes(doc, name: str, claims: Sequence[Claim]) -> list[KeyFact]:
    """Who said what: one fact per claim attributed to a person the source names (direct or reported speech).

    A claim's ``attribution`` counts when its last word is the surname of a person the source's parse names.
    """
    people = {surname(e.text) for e in _person_ents(doc)}
    out = []
    for c in claims:
        who = surname(c.attribution or "")
        if not who or who not in people:
            continue
        out.append(KeyFact("quote", c.attribution or "", who, c.text[:80], name, c.start, c.end, claims=(c.id,),
                           head="quote", event="say", detail=(c.quote, fold(c.text))))
    return out
