"""The entities judge: the same role filled by a different person, place, organisation or nationality."""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, contradiction, diff, near_copy, similar_word

NAME = "entities"

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
# Verbs of saying: who said it is the attribution judge's question, not this one's.
SAYING = {"say", "tell", "state", "add", "claim", "announce", "note", "explain", "insist", "argue", "write",
          "report", "confirm", "deny", "according"}


def _mentions(name: str, text: str) -> bool:
    """True when ``text`` mentions ``name`` or a part of it ("Putin" for "Vladimir Putin", "Asia" for "Asian")."""
    low = text.lower()
    words = [w for w in name.lower().replace("'s", "").split() if len(w) >= 3 and w not in ("the", "and")]
    if not words:
        return name.lower() in low
    for w in words:
        if w in low or (len(w) >= 5 and w[:-2] in low):
            return True
    # Acronyms: "NATO" for "North Atlantic Treaty Organization".
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(initials) >= 2 and initials.lower() in low.split()


def _proper(span) -> bool:
    """True when a stretch of tokens names something: an entity or a proper noun."""
    return any(t.ent_type_ in TYPES or t.pos_ == "PROPN" for t in span)


def _shape_only(xa: str, xb: str) -> bool:
    """Changes that do not change the referent: typos, word order, case, hyphenation."""
    wa, wb = xa.lower().split(), xb.lower().split()
    if sorted(wa) == sorted(wb) or xa.lower().replace("-", "").replace(" ", "") == xb.lower().replace("-", "").replace(" ", ""):
        return True
    if len(wa) == len(wb) and all(similar_word(p, q) for p, q in zip(wa, wb)):
        return True
    # One name contains the other: "Putin" vs "Vladimir Putin" is more specific, not different.
    return set(wa) <= set(wb) or set(wb) <= set(wa)


def _diff_verdict(a: Side, b: Side) -> Verdict | None:
    da, db = a.doc, b.doc
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored or ch.tag != "replace":
            continue
        sa, sb = da[ch.a[0]:ch.a[1]], db[ch.b[0]:ch.b[1]]
        if not (_proper(sa) and (_proper(sb) or any(t.is_title or t.is_upper for t in sb))):
            continue
        if all(t.like_num or t.is_digit for t in sa if not t.is_punct):
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in SAYING for t in sa):
            continue  # who said it: the attribution judge's question
        xa, xb = sa.text, sb.text
        if _shape_only(xa, xb) or _mentions(xb, a.text) and _mentions(xa, b.text):
            continue
        return contradiction(NAME, "entity", "entity", xa, xb, 0.85)
    return None


def _role(ent) -> tuple[str, str]:
    """(dependency, content head) of an entity; prepositions are skipped up to what they attach to."""
    root = ent.root
    head = root.head
    dep = root.dep_
    if head.pos_ == "ADP" and head.head is not head:
        dep = f"{head.lower_}:{dep}"
        head = head.head
    return dep, head.lemma_.lower()


def judge_entities(a: Side, b: Side) -> Verdict | None:
    """Contradiction when an entity on one side is replaced by another of the same type in the same role.

    An entity counts as replaced only when each side fails to mention the other's name (so "Tokyo" vs
    "Japan" with "Japan" on both sides is not a conflict, and "Putin" vs "Vladimir Putin" never is).

    Example:
        >>> judge_entities(Side("Pope Francis welcomed the agreement."), Side("Daley welcomed the agreement.")).explanation
        'entity: Pope Francis vs Daley'
    """
    if near_copy(a, b):
        verdict = _diff_verdict(a, b)
        if verdict is not None:
            return verdict
    da, db = a.doc, b.doc
    for ea in da.ents:
        if ea.label_ not in TYPES or _mentions(ea.text, b.text):
            continue
        dep_a, head_a = _role(ea)
        if head_a in SAYING:
            continue
        for eb in db.ents:
            if eb.label_ != ea.label_ or _mentions(eb.text, a.text):
                continue
            dep_b, head_b = _role(eb)
            if dep_a == dep_b and head_a == head_b and head_a.isalpha():
                return contradiction(NAME, "entity", "nationality" if ea.label_ == "NORP" else "entity",
                                     ea.text, eb.text, 0.7)
    return None
