"""The certainty judge: one claim asserts an event as settled, the other as only possible or under discussion.

"NATO will open an office next year" vs "Japan is in discussions to open a NATO office": the same event, but
the first reports a decision and the second a negotiation. A reader of the first is misinformed. Likewise a
finding one claim states as confirmed ("tests confirmed lead in the pipes") that the other marks as suspected,
under investigation or not confirmed ("lead was suspected"), the shared matter being a content noun outside who
confirms or suspects.
"""

from __future__ import annotations

from ..lexical import near_synonyms
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


#: The WordNet verbs that head the two sides of a finding's certainty: a verb of confirming states a finding as
#: established; a verb of suspecting or investigating marks it as still open. A verb counts when it is the head or
#: when WordNet's near-synonym table (``lexical_synonyms_wordnet.tsv``: most frequent sense, direct hypernyms)
#: gives the head for it ("verify", "corroborate" -> confirm; "probe" -> investigate).
ESTABLISHING_HEADS = ("confirm",)
OPENING_HEADS = ("suspect", "investigate")


def _family(lemma: str, heads: tuple[str, ...]) -> bool:
    return lemma in heads or bool(near_synonyms(lemma) & set(heads))


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
    ab, ba = _established_against_open(da, db), _established_against_open(db, da)
    if ab or ba:  # a finding confirmed on one side, suspected or under investigation on the other
        first, second = ab or ba[::-1]
        return contradiction(NAME, "certainty", "certainty", f"'{first}'", f"'{second}'", 0.7)
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


def _established_against_open(dx, dy) -> tuple[str, str] | None:
    """(the confirming verb of ``dx``, the open marker of ``dy``) when ``dx`` states a finding as confirmed (a verb
    of confirming, not denied nor hedged) and ``dy`` marks a matter they share (a content noun) as suspected,
    under investigation or not confirmed, and does not confirm it itself; else None.

    Example: "Tests confirmed the presence of lead in the pipes." / "Lead was suspected." -> ('confirmed', 'suspected')
    """
    settled = [t for t in dx if t.pos_ == "VERB" and _family(t.lemma_.lower(), ESTABLISHING_HEADS)
               and not _denied(t) and not _tentative_markers(dx, t)]
    opened = [t for t in dy if _open_marker(t)]
    if not settled or not opened or any(_confirms(t) for t in dy):
        return None
    if not _matter(dx, settled[0]) & _matter(dy, opened[0]):
        return None
    return settled[0].text, ("not " if _denied(opened[0]) else "") + opened[0].text


def _matter(doc, marker) -> set[str]:
    """Content nouns of a claim but those of who confirms or suspects (the active subjects of the marker and of the
    verbs above it): "The airline said it was investigating a suspected fire" -> {"fire"}."""
    holders = {t.i for v in (marker, *marker.ancestors) for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
    return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and t.i not in holders}


def _denied(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _confirms(tok) -> bool:
    return tok.pos_ == "VERB" and _family(tok.lemma_.lower(), ESTABLISHING_HEADS) and not _denied(tok)


def _open_marker(tok) -> bool:
    """A verb or adjective of suspecting or investigating ("suspected", "is investigating"), or a denied verb of
    confirming ("has not confirmed"); the noun "suspect" (a person) is none."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "ADJ") and _family(lemma, OPENING_HEADS):
        return True
    return tok.pos_ == "VERB" and _family(lemma, ESTABLISHING_HEADS) and _denied(tok)
