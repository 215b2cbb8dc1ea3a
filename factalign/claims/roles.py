"""A role written before a person's name is a fact of its own: "Fire Chief Laura Benning said" also says that
Laura Benning is Fire Chief.

The role words are the compound nouns before the name's PERSON entity (or before a known first name when the
recogniser missed the person); a form of address ("Mr", "Dr") is no role.

    >>> from factalign.resources import spacy_pipeline
    >>> doc = spacy_pipeline()("Fire Chief Laura Benning said the road was closed.")   # doctest: +SKIP
    >>> role_claim(doc, range(4))[0]                                                     # doctest: +SKIP
    'Laura Benning is Fire Chief'
"""

from __future__ import annotations

from ..wordlists import FORMS_OF_ADDRESS

__all__ = ["role_claim", "titled", "ROLE_WORD_ZIPF"]


def titled(head) -> bool:
    """A person's name with a role before it: "Fire Chief Laura Benning", "Health Minister Paul Grant" say
    who holds the role, a fact of its own (see :func:`role_claim`)."""
    return _role_words(head) is not None


def _role_words(head):
    """The role words before a person's name ("Fire Chief" in "Fire Chief Laura Benning") and the name's first
    token, or None: compound nouns before the name's PERSON entity."""
    if head.ent_type_ == "PERSON":
        first = head.i
        while first > 0 and head.doc[first - 1].ent_type_ == "PERSON" and head.doc[first].ent_iob_ != "B":
            first -= 1
    elif head.pos_ == "PROPN":
        first = _first_name_start(head)  # the tagger missed the person: a known first name starts the name
        if first is None:
            return None
    else:
        return None
    while first < head.i and _role_like(head.doc[first]):
        first += 1  # the entity may hold the role too: "Harbour Master Ana Ruiz"
    role = [t for t in head.children
            if t.dep_ == "compound" and t.i < first and t.pos_ in ("NOUN", "PROPN") and t.is_alpha]
    if all(t.lower_.rstrip(".") in FORMS_OF_ADDRESS for t in role):
        return None  # "Mr Smith": a form of address, not a role
    return role, first


#: A capitalised word before a name is a role word when it is this common in lower-case English (Zipf scale,
#: wordfreq): "Master" 4.9, "Harbour" 4.0, "Sergeant" 4.1; first names are recognised by the name list instead.
ROLE_WORD_ZIPF = 3.5


def _role_like(tok) -> bool:
    """A common English word that is no first name: part of a role written inside a name ("Harbour Master")."""
    from wordfreq import zipf_frequency

    from .coref import first_name_genders

    word = tok.lower_
    return tok.is_alpha and word not in first_name_genders() and zipf_frequency(word, "en") >= ROLE_WORD_ZIPF


def _first_name_start(head) -> int | None:
    """Index of the known first name that starts a person's name ending at ``head`` ("Ana" in "Harbour Master
    Ana Ruiz"), when only role words stand before it; None otherwise."""
    from .coref import first_name_genders

    words = [t for t in head.doc[head.left_edge.i:head.i] if t.head.i == head.i or t.head.dep_ == "compound"]
    for k, tok in enumerate(words):
        if tok.lower_ in first_name_genders():
            return tok.i if k and all(_role_like(w) for w in words[:k]) else None
    return None


def role_claim(doc, tokens) -> tuple[str, int, int] | None:
    """The role a speaker's phrase gives its person, as claim text with its evidence offsets.

    Example: "..., Fire Chief Laura Benning said." gives ("Laura Benning is Fire Chief", start, end), the
    evidence spanning "Fire Chief Laura Benning".
    """
    heads = [doc[i] for i in tokens if doc[i].head.i not in tokens or doc[i].head.i == i]
    for head in heads:
        found = _role_words(head)
        if found is None:
            continue
        role, first = found
        role_start = min(t.left_edge.i for t in role)  # "Fire" hangs from "Chief", not from the name
        name = doc[first:head.i + 1]
        title = doc[role_start:first]
        return f"{name.text} is {title.text}", title.start_char, name.end_char
    return None
