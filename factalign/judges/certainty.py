"""The certainty judge: one claim asserts an event as settled, the other as only possible or under discussion.

"NATO will open an office next year" vs "Japan is in discussions to open a NATO office": the same event, but
the first reports a decision and the second a negotiation. A reader of the first is misinformed.
"""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, contradiction

NAME = "certainty"

# Words that present an event as not (yet) settled.
TENTATIVE_LEMMAS = {"discussion", "talk", "negotiation", "negotiate", "consider", "mull", "weigh", "explore",
                    "propose", "proposal", "plan", "may", "might", "could", "possible", "possibly",
                    "perhaps", "maybe", "potential", "potentially", "reportedly", "allegedly", "likely",
                    "unlikely", "rumor", "rumour", "speculation", "idea", "seek", "hope", "aim", "intend",
                    "if", "whether", "discuss", "study", "envisage", "contemplate", "suggest"}
# "would" is left out: in reported speech it is the future seen from the past ("said he would appeal").
# Modal and tense markers of a settled event.
SETTLED = {"will", "shall", "'ll"}


def _events(doc) -> dict[str, object]:
    """Content verbs of a claim, by lemma."""
    return {t.lemma_.lower(): t for t in doc if t.pos_ == "VERB" and not t.is_stop}


def _tentative_markers(doc, verb=None) -> list[str]:
    """Hedges in the claim; with ``verb``, only those bearing on it (its ancestors, its subtree, or a
    hedge whose head is one of its ancestors: "in discussions to open")."""
    marks = [t for t in doc if t.lemma_.lower() in TENTATIVE_LEMMAS or t.lower_ in TENTATIVE_LEMMAS]
    if verb is None:
        return [t.text for t in marks]
    near = {verb.i} | {t.i for t in verb.ancestors} | {t.i for t in verb.subtree}
    return [t.text for t in marks if t.i in near or t.head.i in near]


def _settled(verb) -> str | None:
    """The phrase that makes ``verb`` a settled event ("will open", "opened"), or None."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in SETTLED for c in aux):
        return " ".join(t.text for t in sorted(aux + [verb], key=lambda t: t.i))
    if verb.tag_ in ("VBD",) and verb.dep_ == "ROOT":
        return verb.text
    return None


def _tentative_phrase(doc, verb) -> str:
    """The words from the first tentative marker (and what it hangs from) to the verb: "is in discussions to open"."""
    markers = [t for t in doc if t.lemma_.lower() in TENTATIVE_LEMMAS or t.lower_ in TENTATIVE_LEMMAS]
    start = verb.i
    for m in markers:
        before = [t.i for t in [m, *m.ancestors] if t.i <= verb.i]
        if before:
            start = min(start, min(before))
    return doc[start:verb.i + 1].text


def judge_certainty(a: Side, b: Side) -> Verdict | None:
    """Contradiction when both claims name the same event (a shared content verb and a shared content noun)
    and one states it as settled ("will open", "opened") with no hedge while the other hedges it
    ("in talks to", "considering", "may", "if").

    Example:
        >>> judge_certainty(Side("NATO will open an office in Tokyo next year."),
        ...                 Side("Japan is in discussions to open a NATO office in Tokyo.")).subtype
        'certainty'
    """
    da, db = a.doc, b.doc
    ea, eb = _events(da), _events(db)
    shared = set(ea) & set(eb)
    if not shared:
        return None
    if not _content_nouns(da) & _content_nouns(db):
        return None
    for lemma in sorted(shared):
        va, vb = ea[lemma], eb[lemma]
        if any(c.dep_ == "neg" for v in (va, vb, va.head, vb.head) for c in v.children):
            continue  # a denied event is the negation judge's matter
        if _settled_against_hedged(da, va, db, vb):
            return contradiction(NAME, "certainty", "certainty", f"'{_settled(va)}'",
                                 f"'{_tentative_phrase(db, vb)}'", 0.7)
        if _settled_against_hedged(db, vb, da, va):
            return contradiction(NAME, "certainty", "certainty", f"'{_tentative_phrase(da, va)}'",
                                 f"'{_settled(vb)}'", 0.7)
    return None


def _content_nouns(doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN") and not t.is_stop}


def _settled_against_hedged(dx, vx, dy, vy) -> bool:
    """The event ``vx`` is stated as settled with no hedge of its own, while ``vy`` is hedged and not settled.
    A hedge both claims share ("maybe" on each side) says nothing about their difference, so it is ignored."""
    hedges_x = [h for h in _tentative_markers(dx, vx) if h.lower() not in dy.text.lower()]
    hedges_y = [h for h in _tentative_markers(dy, vy) if h.lower() not in dx.text.lower()]
    return bool(_settled(vx)) and not hedges_x and bool(hedges_y) and not _settled(vy)
