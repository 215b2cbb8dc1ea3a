"""The numbers judge: the same quantity stated with incompatible values ("dead: at least 12 vs 21")."""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, agreement, contradiction, diff, diff_decides, near_copy
from .quantities import Quantity, digit_strings, number_words, quantities

NAME = "numbers"

# Words that make a number a different quantity from the reported one: a forecast is not a result.
PROJECTION = {"expect", "forecast", "estimate", "predict", "target", "plan", "project", "anticipate", "hope",
              "aim", "goal", "budget", "consensus", "seek", "propose", "bid", "want", "need", "ask", "offer",
              "could", "might", "may", "would", "should", "if"}
# Words that pin a number to a moment; two numbers pinned differently may both be true.
TIME_WORDS = {"start", "beginning", "outset", "end", "initially", "originally", "previously", "formerly",
              "once", "now", "currently", "today", "then", "before", "after", "until", "since", "earlier",
              "later", "ago", "already", "still", "yet", "first", "last", "next", "previous", "former",
              "early", "late", "morning", "afternoon", "evening", "midday", "noon", "close", "open", "opening",
              "closing", "week", "month", "year", "quarter", "yesterday", "tomorrow"}


# Verbs that count different things: "killing 12" and "injuring 80" are two tolls, not one in dispute. Verbs in
# one group count the same thing ("12 died" = "12 were killed"); a verb outside every group decides nothing.
VERB_CLASSES = [
    {"kill", "die", "dead", "death", "perish", "lose", "claim", "slay", "murder", "drown"},
    {"injure", "wound", "hurt", "hospitalize", "hospitalise", "injured", "wounded"},
    {"evacuate", "displace", "flee", "relocate", "rescue", "strand", "trap"},
    {"arrest", "detain", "charge", "jail", "convict", "sentence"},
    {"miss", "disappear"},
    {"destroy", "flatten", "raze"},
    {"damage"},
    {"vote", "elect"},
    {"hire", "employ"},
    {"fire", "lay", "cut", "dismiss"},
]
_CLASS_OF = {verb: i for i, group in enumerate(VERB_CLASSES) for verb in group}


def _verb_classes(doc, q: Quantity) -> set[int]:
    """Classes of the verbs and adjectives the quantity hangs from, up to three steps up."""
    out, tok = set(), _root(doc, q)
    for _ in range(3):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.lemma_.lower() in _CLASS_OF:
            out.add(_CLASS_OF[tok.lemma_.lower()])
    noun = doc[q.num].head
    out.update(_CLASS_OF[c.lemma_.lower()] for c in noun.children if c.lemma_.lower() in _CLASS_OF)
    return out


def _root(doc, q: Quantity):
    """The token of the quantity's span whose head lies outside it."""
    for tok in doc[q.start:q.end]:
        if not (q.start <= tok.head.i < q.end) or tok.head is tok:
            return tok
    return doc[q.num]


def _anchors(doc, q: Quantity) -> set[str]:
    """Content lemmas the quantity hangs from (head chain, the verb's subject) plus the thing counted."""
    out = {q.noun} if q.noun else set()
    tok = _root(doc, q)
    for _ in range(3):
        head = tok.head
        if head is tok:
            break
        if head.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "AUX") and not (head.is_stop and head.pos_ != "AUX"):
            out.add(head.lemma_.lower())
            out.update(c.lemma_.lower() for c in head.children
                       if c.dep_ in ("compound", "nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN"))
        tok = head
    if q.noun:
        noun_tok = doc[q.num].head if doc[q.num].head.lemma_.lower() == q.noun else None
        if noun_tok is not None:
            out.update(c.lemma_.lower() for c in noun_tok.children if c.dep_ == "compound")
    out.discard("")
    return out


def _clause_words(doc, q: Quantity) -> set[str]:
    """Lower-cased words of the quantity's clause, minus the quantity itself."""
    tok = _root(doc, q)
    while tok.head is not tok and tok.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj"):
        tok = tok.head
    return {t.lemma_.lower() for t in tok.subtree if not (q.start <= t.i < q.end)}


def _time_context(doc, q: Quantity) -> frozenset[str]:
    words = _clause_words(doc, q)
    dates = {e.text.lower() for e in doc.ents if e.label_ in ("DATE", "TIME")
             and not (e.start <= q.num < e.end) and e.root.head.i in {t.i for t in _root(doc, q).head.subtree}}
    return frozenset((words & TIME_WORDS) | dates)


def _label(q: Quantity) -> str:
    if q.unit == "%":
        return "percentage"
    if q.unit == "pp":
        return "percentage points"
    if q.unit == "rank":
        return f"rank ({q.noun})" if q.noun else "rank"
    if q.unit in ("m", "kg", "s", "deg", "m/s", "m2", "l", "w", "bbl"):
        return {"m": "distance", "kg": "weight", "s": "duration", "deg": "degrees", "m/s": "speed",
                "m2": "area", "l": "volume", "w": "power", "bbl": "barrels"}[q.unit]
    if q.unit:
        return f"amount ({q.unit})"
    return q.noun or "number"


def _comparable(da, qa: Quantity, db, qb: Quantity) -> bool:
    """True when the two quantities measure the same thing at the same moment."""
    if qa.year or qb.year or qa.unit != qb.unit:
        return False
    anchors_a, anchors_b = _anchors(da, qa), _anchors(db, qb)
    if qa.unit == "" and not (qa.noun and qb.noun and (qa.noun == qb.noun or {qa.noun, qb.noun} & (anchors_a & anchors_b))):
        return False
    if not anchors_a & anchors_b:
        return False
    classes_a, classes_b = _verb_classes(da, qa), _verb_classes(db, qb)
    if classes_a and classes_b and not classes_a & classes_b:
        return False  # "killed 12" vs "injured 80": two different counts
    if (_clause_words(da, qa) & PROJECTION) != (_clause_words(db, qb) & PROJECTION):
        return False
    return _time_context(da, qa) == _time_context(db, qb)


def _in_range(q: Quantity, rng: tuple[int, int]) -> bool:
    return q.start < rng[1] and rng[0] < q.end if rng[0] < rng[1] else False


def _diff_verdict(a: Side, b: Side) -> Verdict | None:
    """Near-identical wording: classify the changed slots that carry numbers (the first contradiction wins, else
    the first agreement)."""
    da, db = a.doc, b.doc
    qa_all, qb_all = quantities(da), quantities(db)
    found: Verdict | None = None
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored or ch.tag != "replace":
            continue
        qa = [q for q in qa_all if _in_range(q, ch.a)]
        qb = [q for q in qb_all if _in_range(q, ch.b)]
        if qa and qb:
            verdict = _slot_quantities(qa, qb)
        else:
            verdict = _glued_digits(da[ch.a[0]:ch.a[1]].text, db[ch.b[0]:ch.b[1]].text, bool(qa or qb))
        if verdict is not None and verdict.kind == "contradiction":
            return verdict
        found = found or verdict
    return found


def _slot_quantities(qa: list[Quantity], qb: list[Quantity]) -> Verdict | None:
    """One changed slot with quantities on both sides: one compatible pair agrees; incompatible values or a
    different number of them contradict; years are left to the dates judge."""
    x, y = qa[0], qb[0]
    if x.year and y.year:
        return None
    compatible = any(p.compatible(r) for p in qa for r in qb)
    if compatible and len(qa) == len(qb) == 1:
        return agreement(NAME, "number", _label(x), x.text, y.text, 0.8)
    if not compatible or len(qa) != len(qb):
        return contradiction(NAME, "number", _label(x), x.text, y.text, 0.9)
    return None


def _glued_digits(ta: str, tb: str, has_quantity: bool) -> Verdict | None:
    """Digits glued into a word ("iPhone6", "90+8") that the parser cannot read as a quantity, changed."""
    sa, sb = digit_strings(ta), digit_strings(tb)
    if sa and sb and sa != sb and not has_quantity:
        return contradiction(NAME, "number", "number", ta, tb, 0.85)
    return None


def judge_numbers(a: Side, b: Side) -> Verdict | None:
    """Contradiction when the same quantity has incompatible values; agreement when compatible.

    Bounds and hedges widen a value ("more than 300" and "about 350" agree), scales and units are normalised
    ("2,500 million" = "2.5 billion", "35 km" = "35 kilometers"), and a number is only compared with one that
    counts the same thing, hangs from the same words and is pinned to the same moment.

    Example:
        >>> judge_numbers(Side("At least 12 people died."), Side("21 people died.")).explanation
        'people: At least 12 vs 21'
    """
    if number_words(a.text) == number_words(b.text) and near_copy(a, b, 0.8):
        return None  # the same digits in near-identical wording: word order or typos moved, not values
    decided, verdict = diff_decides(a, b, _diff_verdict)
    if decided:
        return verdict
    return _same_role_verdict(a.doc, b.doc)


def _same_role_verdict(da, db) -> Verdict | None:
    """Different wording: each quantity of ``da`` against those of ``db`` that count the same thing in the same
    role (:func:`_comparable`); the first incompatible pair contradicts, else the first compatible one agrees."""
    qa_all = [q for q in quantities(da) if not q.year]
    qb_all = [q for q in quantities(db) if not q.year]
    best: Verdict | None = None
    for qa in qa_all:
        partners = [qb for qb in qb_all if _comparable(da, qa, db, qb)]
        if not partners:
            continue
        if any(qa.compatible(qb) for qb in partners) or any(
                qa.compatible(qb) and qa.unit == qb.unit and qa.noun in ("", qb.noun) for qb in qb_all):
            best = best or agreement(NAME, "number", _label(qa), qa.text,
                                     next(qb.text for qb in qb_all if qa.compatible(qb)), 0.7)
            continue
        qb = partners[0]
        hedged = qa.low != qa.value or qa.high != qa.value or qb.low != qb.value or qb.high != qb.value
        return contradiction(NAME, "number", _label(qa), qa.text, qb.text, 0.65 if hedged else 0.8)
    return best

