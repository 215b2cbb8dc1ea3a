"""The attribution judge: the same statement put in different mouths ("Hayashi said" vs "Kishida said").

Only two named people conflict. "The Foreign Ministry said" vs "spokeswoman Mao Ning said" does not: the
second is more specific, since a spokesperson speaks for a ministry.
"""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, contradiction, parse
from ..wordlists import SPEECH_LEMMAS as SAYING

NAME = "attribution"

# Names of institutions: a ministry "says" through a person, so it never conflicts with one.
INSTITUTIONS = {"ministry", "office", "department", "agency", "government", "council", "police", "bank",
                "company", "university", "committee", "commission", "court", "army", "party", "embassy",
                "administration", "authority", "authorities", "service", "house", "organization",
                "organisation", "union", "group", "institute", "board", "bureau", "news", "times", "post"}


def speaker(text) -> str | None:
    """The named person a sentence attributes itself to ("..., Hayashi said." -> "Hayashi"), or None.

    ``text`` is a string (parsed on its own) or a parsed ``Doc`` (a claim's tokens). The speaker is the subject
    of a speech verb outside quotation marks ("Mike said" inside a quotation is not who is speaking), or the
    object of "according to".

    Example:
        >>> speaker("Prices will rise, Hayashi said.")
        'Hayashi'
    """
    doc = parse(text) if isinstance(text, str) else text
    quoted = _quoted(doc)
    for tok in doc:
        if tok.lemma_.lower() not in SAYING or tok.i in quoted:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") or (tok.lemma_.lower() == "accord" and child.dep_ == "prep"):
                name = _named_in(doc, child)
                if name:
                    return name
    return None


def _quoted(doc) -> set[int]:
    """Indices of the tokens inside quotation marks."""
    quoted, inside = set(), False
    for tok in doc:
        if tok.text in ('"', "“", "”"):
            inside = tok.text == "“" or (tok.text == '"' and not inside)
        elif inside:
            quoted.add(tok.i)
    return quoted


def _named_in(doc, subject) -> str | None:
    """The person a speech verb's subject names: its last PERSON entity, else, since the small recogniser misses
    many names, its run of capitalised proper nouns when the subject is a proper noun that names no place or
    organisation."""
    subtree = doc[subject.left_edge.i:subject.right_edge.i + 1]
    persons = [e for e in doc.ents if e.label_ == "PERSON" and subtree.start <= e.start < subtree.end]
    if persons:
        return persons[-1].text
    names = [t for t in subtree if t.pos_ == "PROPN" and t.is_title]
    if (names and subject.pos_ == "PROPN" and subject.ent_type_ not in ("GPE", "NORP", "LOC")
            and not any(t.lower_ in INSTITUTIONS for t in subtree)):
        return doc[names[0].i:names[-1].i + 1].text
    return None


def _person(side: Side) -> str | None:
    """The person's name in a side's attribution, or None when it names an organisation or a role."""
    doc = side.attribution_doc
    if doc is None:
        return None
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    return persons[-1] if persons else None


def _same_person(x: str, y: str) -> bool:
    wx = {w.lower().strip(".,'’s") for w in x.split() if len(w) >= 2}
    wy = {w.lower().strip(".,'’s") for w in y.split() if len(w) >= 2}
    return bool(wx & wy)


def _content(doc, who: str | None) -> set[str]:
    skip = set((who or "").lower().split())
    return {t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and t.lemma_.lower() not in SAYING
            and t.lower_ not in skip}


def judge_attribution(a: Side, b: Side) -> Verdict | None:
    """Contradiction when the same statement is attributed to two different named people.

    Uses the claims' ``attribution`` fields when given, else the speaker named in the text.

    Example:
        >>> judge_attribution(Side("Prices will rise, Hayashi said."), Side("Prices will rise, Kishida said.")).explanation
        'attribution: Hayashi vs Kishida'
    """
    who_a = _person(a) if a.attribution else speaker(a.doc)
    who_b = _person(b) if b.attribution else speaker(b.doc)
    if not who_a or not who_b or _same_person(who_a, who_b):
        return None
    if who_b.lower() in a.text.lower() or who_a.lower() in b.text.lower():
        return None  # both people appear on both sides: a matter of parsing, not of attribution
    ca, cb = _content(a.doc, who_a), _content(b.doc, who_b)
    if not ca or not cb or 2 * len(ca & cb) / (len(ca) + len(cb)) < 0.6:
        return None  # different statements: different speakers are no conflict
    # Scored above the entities judge, which sees the same swapped name as a mere entity change.
    return contradiction(NAME, "attribution", "attribution", who_a, who_b, 0.9)
