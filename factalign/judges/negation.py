"""The negation judge: one claim denies what the other asserts ("did not change its forecast" vs "raised it")."""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, contradiction, diff, diff_decides, similar_word
from .lexicon import antonym_source, base_forms
from ..wordlists import NEGATORS

NAME = "negation"

# "without", "hardly", "fail" also deny, but as swapped function words they mostly reword ("during" ->
# Words that deny without a negator: "declined to comment" = "would not comment".
IMPLICIT = {"decline", "refuse", "fail", "deny", "reject", "avoid", "unable", "neither", "nor", "without",
            "lack", "against", "instead", "absent"}
# A denied general change ("did not change") conflicts with any specific change of the same object.
GENERAL_CHANGE = {"change", "alter", "modify", "adjust", "revise", "amend", "move", "touch", "update", "shift"}
SPECIFIC_CHANGE = {"raise", "lift", "increase", "boost", "hike", "cut", "lower", "reduce", "trim", "slash",
                   "decrease", "revise", "upgrade", "downgrade", "double", "halve", "change", "adjust", "alter",
                   "expand", "shrink", "extend", "shorten", "tighten", "loosen", "ease", "drop", "scrap"}
# Negation-like words that do not deny the claim ("not only ... but also", "no longer" is a real denial).
_NOT_DENIAL = {("not", "only"), ("not", "just"), ("not", "merely")}


def _negations(span) -> int:
    count = 0
    for t in span:
        word = t.lower_.strip("-.,;:!?\"")
        if word in NEGATORS or t.dep_ == "neg" or word.endswith("n't") or word == "'t":
            nxt = t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
            if t.lower_ == "no" and (nxt == "." or nxt[:1].isdigit()):
                continue  # "No. 2" is a number sign
            if (t.lower_, nxt) not in _NOT_DENIAL:
                count += 1
    return count


def _phrase(tok) -> str:
    """A short readable phrase around a predicate: its auxiliaries, negation, itself and its object."""
    doc = tok.doc
    keep = [tok] + [c for c in tok.children if c.dep_ in ("neg", "aux", "auxpass", "dobj", "acomp", "attr", "prt")]
    lo, hi = min(t.i for t in keep), max(t.right_edge.i if t.dep_ in ("dobj", "attr") else t.i for t in keep)
    return doc[lo:hi + 1].text


def _double_negative(xs, ys) -> bool:
    """True when the unnegated side uses the opposite word: "not correct" = "incorrect"."""
    for x in xs:
        for y in ys:
            if x.is_alpha and y.is_alpha and any(antonym_source(p, q, adjectives=True)
                                                 for p in base_forms(x.text) for q in base_forms(y.text)):
                return True
    return False


def _denies_shared(span, other) -> bool:
    """True when a negation in ``span`` bears on words both sides share: its head lies outside the change,
    or the other side's change has the same word ("won" vs "did not win")."""
    other_lemmas = {t.lemma_.lower() for t in other}
    for t in span:
        word = t.lower_.strip("-.,;:!?\"")
        if word in NEGATORS or t.dep_ == "neg" or word.endswith("n't") or word == "'t":
            head = t.head
            if not (span.start <= head.i < span.end) or head.lemma_.lower() in other_lemmas:
                return True
            # "is not possible": negation hangs from the copula, the predicate follows outside the change.
            if any(not (span.start <= c.i < span.end) for c in head.children if c.dep_ in ("acomp", "attr")):
                return True
    return False


def _diff_verdict(a: Side, b: Side) -> Verdict | None:
    da, db = a.doc, b.doc
    if _negations(da) == _negations(db):
        return None  # as many negations on each side: moved or reworded, not added
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored:
            continue  # a whole clause left out is an omission, not a denial
        sa, sb = da[ch.a[0]:ch.a[1]], db[ch.b[0]:ch.b[1]]
        na, nb = _negations(sa), _negations(sb)
        if na == nb or (len(sa) == len(sb) and all(similar_word(x.text, y.text) for x, y in zip(sa, sb))):
            continue  # a typo ("nto") is not a denial
        lo_a, hi_a = max(ch.a[0] - 2, 0), min(ch.a[1] + 3, len(da))
        lo_b, hi_b = max(ch.b[0] - 2, 0), min(ch.b[1] + 3, len(db))
        if _double_negative(da[lo_a:hi_a], db[lo_b:hi_b]):
            continue
        more, fewer, span_more, span_fewer = (sa, sb, da[lo_a:hi_a], db[lo_b:hi_b]) if na > nb else (
            sb, sa, db[lo_b:hi_b], da[lo_a:hi_a])
        if any(t.lemma_.lower() in IMPLICIT or t.lower_ in IMPLICIT for t in span_fewer):
            continue  # "would not comment" vs "declined to comment"
        if not _denies_shared(more, fewer):
            continue  # a new clause with its own negation ("..., but gave no details") is an addition
        return contradiction(NAME, "negation", "negation", da[lo_a:hi_a].text, db[lo_b:hi_b].text, 0.85)
    return None


def _predicates(doc) -> list:
    return [t for t in doc if t.pos_ in ("VERB", "ADJ", "AUX") or t.dep_ == "ROOT"]


def _negated(tok) -> bool:
    """True when ``tok`` or a predicate it depends on is negated ("did not succeed at making")."""
    if any(c.dep_ in ("neg", "preconj") and c.lower_ in NEGATORS | {"not", "n't"} or c.lower_ in ("never", "no")
           or c.lower_.endswith("n't") for c in tok.children):  # "dosen't" is still a negation
        return True
    head = tok.head
    # "is not possible": the negation hangs from the copula, the predicate is the adjective.
    if tok.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in head.children):
        return True
    # "was unable to reach", "failed to address"; deeper clauses are left alone, their parses are unsure.
    return tok.dep_ in ("xcomp", "acomp") and (head.lemma_.lower() in IMPLICIT or any(
        c.dep_ == "neg" for c in head.children) and head.lemma_.lower() in ("be", "have", "do", "manage", "succeed"))


def _clearly_positive(tok) -> bool:
    """True when nothing above the word denies it ("didn't succeed at making" is not a plain "making")."""
    for anc in list(tok.ancestors)[:3]:
        if anc.lemma_.lower() in IMPLICIT or any(c.dep_ == "neg" for c in anc.children):
            return False
    return True


def _args(tok) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "dative") and not c.is_stop:
            out.add(c.lemma_.lower())
        if c.dep_ == "prep":
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj" and not g.is_stop)
    if tok.dep_ in ("acomp", "attr"):
        out.update(c.lemma_.lower() for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out


# A negation under these does not deny the fact itself: a condition ("if they don't pass"), an indirect question
# ("where he was born"), or a belief, hope or description ("many believe he was not born here").
_CONDITIONAL = {"if", "unless", "whether", "lest"}
_BELIEF = {"believe", "think", "suspect", "doubt", "fear", "hope", "wonder", "question", "allege", "describe",
           "rumor", "rumour", "speculate", "suggest", "assume", "imagine", "pretend", "claim"}


def _hedged(tok) -> bool:
    """True when ``tok`` sits in a condition, an indirect question or a belief (up to the sentence root)."""
    for node in [tok, *tok.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in node.children):
            return True
        if any(c.dep_ == "advmod" and c.tag_ == "WRB" and c.i < node.i for c in node.children) and node.dep_ != "ROOT":
            return True
        if node is not tok and node.lemma_.lower() in _BELIEF:
            return True
    return False


def _frames(doc) -> set[str]:
    """The condition, question and belief words of a text."""
    return {t.lemma_.lower() for t in doc if (t.dep_ == "mark" and t.lower_ in _CONDITIONAL)
            or t.lemma_.lower() in _BELIEF or (t.dep_ == "advmod" and t.tag_ == "WRB")}


def _negation_hedged(doc, other) -> bool:
    """True when the text negates something only inside a condition, a question or a belief that the other text
    does not share ("If they don't pass the bill" against "Passing the bill"; but "If they pass" against "If they
    don't pass" is a plain flip of the same frame)."""
    negs = [t for t in doc if t.dep_ == "neg" or t.lower_ in ("never", "not", "n't") or t.lower_.endswith("n't")]
    return bool(negs) and all(_hedged(t.head) for t in negs) and not _frames(doc) <= _frames(other)


def judge_negation(a: Side, b: Side) -> Verdict | None:
    """Contradiction when the same predicate, with a shared argument, is negated on one side only.

    On near-identical wording, any change that adds or removes a negation is enough.

    Example:
        >>> judge_negation(Side("The bank did not change its forecast."), Side("The bank raised its forecast.")).subtype
        'negation'
    """
    if _negation_hedged(a.doc, b.doc) or _negation_hedged(b.doc, a.doc):
        return None
    decided, verdict = diff_decides(a, b, _diff_verdict, same_wording=True)
    if decided:
        return verdict
    da, db = a.doc, b.doc
    for x in _predicates(da):
        for y in _predicates(db):
            neg_x, neg_y = _negated(x), _negated(y)
            if neg_x == neg_y:
                continue
            lx, ly = x.lemma_.lower(), y.lemma_.lower()
            neg_lemma, pos_lemma = (lx, ly) if neg_x else (ly, lx)
            same = lx == ly and lx not in ("be", "have", "do")
            general = neg_lemma in GENERAL_CHANGE and pos_lemma in SPECIFIC_CHANGE
            if not (same or general):
                continue
            shared = _args(x) & _args(y)
            pos_tok = y if neg_x else x
            if shared and _clearly_positive(pos_tok):
                return contradiction(NAME, "negation", "negation", f"'{_phrase(x)}'", f"'{_phrase(y)}'", 0.75)
    return None
