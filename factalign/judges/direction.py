"""The direction judge: opposite words in the same role (rose/fell, raised/cut, stable/critical, won/lost)."""

from __future__ import annotations

from ..models import Verdict
from ._base import Side, anchors, contradiction, diff, diff_decides
from .lexicon import antonym_source, base_forms, exclusive, indirect_antonyms, synset_antonyms

NAME = "direction"
# Function words swap harmlessly ("on" / "off" in "on the way"); only content words are compared, plus the
# prepositions whose opposites reverse a fact's time or place.
_CONTENT = ("VERB", "ADJ", "ADV", "NOUN", "PROPN")
_OPPOSED_PREPOSITIONS = {"before", "after", "inside", "outside", "above", "below"}
# Prepositions that bound a state in time: the state held *during* a while ("closed for four hours") or its
# opposite reached *after* it ("reopened after four hours").
_BOUNDS = {"for": "during", "until": "during", "till": "during", "after": "after", "within": "after"}


def _adjectival(tok) -> bool:
    """Adjectives, adverbs and participles ("welcomed", "injured") behave alike for antonymy."""
    return tok.pos_ in ("ADJ", "ADV") or tok.tag_ in ("VBN", "JJ")


def _lemma(tok) -> str:
    return tok.lemma_.lower()


#: The lexicon source of an opposition that a verb inherits from the antonymy of the verb it is a way of doing.
INHERITED = "wordnet troponyms"


def _used_alike(x, y) -> bool:
    """True unless two verbs are used with different argument frames (one with a direct object, the other without):
    an opposition inherited through troponyms holds for one sense, and a verb's frame tells its senses apart ("the
    cuts will fall in sales" is no failure that "the cuts will hit the sales team" reverses).

    Example:
        >>> from ._base import parse
        >>> a, b, c = parse("Most cuts fall in sales."), parse("Most cuts hit the sales team."), parse("Most cuts hit.")
        >>> _used_alike(a[2], b[2]), _used_alike(a[2], c[2])
        (False, True)
    """
    def transitive(tok) -> bool:
        return any(c.dep_ in ("dobj", "dative") for c in tok.children)
    return transitive(x) == transitive(y)


def _opposite(x, y, loose: bool = False) -> str | None:
    """The lexicon entry that makes tokens ``x`` and ``y`` opposites (see :func:`_lexical_opposite`); an opposition
    inherited through WordNet's troponyms counts only for two verbs used alike (:func:`_used_alike`)."""
    src = _lexical_opposite(x, y, loose)
    if src == INHERITED and x.pos_ == y.pos_ == "VERB" and not _used_alike(x, y):
        return None
    return src


def _lexical_opposite(x, y, loose: bool = False) -> str | None:
    """The lexicon entry that makes tokens ``x`` and ``y`` opposites, trying lemmas then surface forms.

    ``loose`` also tries adjective bases ("carefully" -> "careful", "later" -> "late") and WordNet's indirect
    antonyms, which are only safe when the two sentences differ by this one word.
    """
    adjectives = _adjectival(x) and _adjectival(y)
    src = (antonym_source(_lemma(x), _lemma(y), adjectives)
           or antonym_source(x.lower_, y.lower_, adjectives))
    if src or not loose or not (x.is_alpha and y.is_alpha):
        return src
    src = exclusive(_lemma(x), _lemma(y))
    if src:
        return src
    fx, fy = base_forms(x.text) + [_lemma(x)], base_forms(y.text) + [_lemma(y)]
    verbs = x.pos_ == "VERB" and y.pos_ == "VERB"
    for p in fx:
        for q in fy:
            src = antonym_source(p, q, adjectives=True, verbs=verbs)
            if src:
                return src
            if synset_antonyms(p, q) or (_adjectival(x) and _adjectival(y) and indirect_antonyms(p, q)):
                return "wordnet"
    return None


def _denied(tok) -> bool:
    """True when the word itself is negated: "not correct" means "incorrect", so no conflict."""
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("not", "n't", "never"))


def _bound(tok) -> str | None:
    """"during" or "after" when the word is bounded by a stretch of time ("closed for four hours"), else None."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in _BOUNDS and any(
                t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            return _BOUNDS[child.lower_]
    return None


def _sequence(x, y) -> bool:
    """True when one word holds a state for a while and the other reaches its opposite after that while:
    "closed for four hours" and "reopened after four hours" tell one sequence, not two rival states.

    Example:
        >>> from ._base import parse
        >>> _sequence(parse("The road was closed for four hours.")[3], parse("The road reopened after four hours.")[2])
        True
    """
    return {_bound(x), _bound(y)} == {"during", "after"}


def _label(src: str) -> str:
    return "opposite" if src in ("wordnet", "prefix") else src


def _args(tok) -> set[str]:
    """What a word is said of: its subject and object, the noun it modifies, the subject of its copula."""
    out = {c.lemma_.lower() for c in tok.children
           if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") and not c.is_stop}
    if tok.dep_ in ("amod", "compound", "nummod", "advmod"):
        out.add(tok.head.lemma_.lower())
    if tok.dep_ in ("acomp", "attr", "oprd"):
        out.update(c.lemma_.lower() for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return out | anchors(tok, 2)


def _diff_verdict(a: Side, b: Side) -> Verdict | None:
    da, db = a.doc, b.doc
    la = {_lemma(t) for t in da}
    lb = {_lemma(t) for t in db}
    for ch in diff(a.text, b.text)[0]:
        if not ch.anchored or ch.tag != "replace" or ch.a[1] - ch.a[0] > 3 or ch.b[1] - ch.b[0] > 3:
            continue
        for x in da[ch.a[0]:ch.a[1]]:
            for y in db[ch.b[0]:ch.b[1]]:
                if not ((x.pos_ in _CONTENT and y.pos_ in _CONTENT)
                        or {x.lower_, y.lower_} <= _OPPOSED_PREPOSITIONS):
                    continue
                src = _opposite(x, y, loose=True)
                # Both words on both sides ("rose, then fell") is no conflict, nor is a denied opposite.
                if src and not (_lemma(y) in la and _lemma(x) in lb) and _denied(x) == _denied(y) \
                        and not _sequence(x, y):
                    return contradiction(NAME, "direction", _label(src), f"'{x.text}'", f"'{y.text}'", 0.8)
    return None


#: Parts of speech that can carry a direction ("rose"/"fell", "open"/"closed", "gain"/"loss", "up"/"down").
_DIRECTED = ("VERB", "ADJ", "NOUN", "ADV")


def _only_in(doc, other) -> list:
    """Content words of ``doc`` that ``other`` does not share: by lemma, or written in it (hyphens and spaces
    folded: "re-open" in "reopen")."""
    lemmas = {_lemma(t) for t in other}
    folded = other.text.lower().replace("-", "").replace(" ", "")
    return [t for t in doc if t.pos_ in _DIRECTED and not t.is_stop
            and _lemma(t) not in lemmas and t.lower_ not in folded]


def judge_direction(a: Side, b: Side) -> Verdict | None:
    """Contradiction when opposite words (WordNet antonyms, the opposition WordNet's troponyms inherit, un-/in-
    prefixes) fill the same role: they share a subject, an object, or the noun they qualify.

    Example:
        >>> judge_direction(Side("Shares rose sharply on Monday."), Side("Shares fell sharply on Monday.")).explanation
        "opposite: 'rose' vs 'fell'"
    """
    decided, verdict = diff_decides(a, b, _diff_verdict, same_wording=True)
    if decided:
        return verdict
    da, db = a.doc, b.doc
    ys = _only_in(db, da)
    for x in _only_in(da, db):
        for y in ys:
            if x.pos_ != y.pos_ and {x.pos_, y.pos_} != {"ADJ", "ADV"}:
                continue
            src = _opposite(x, y)
            if src and _args(x) & _args(y) and _denied(x) == _denied(y) and not _sequence(x, y):
                return contradiction(NAME, "direction", _label(src), f"'{x.text}'", f"'{y.text}'", 0.7)
    return None
