"""The walk over one sentence's dependency tree that cuts it into clause units.

The walk starts at the roots of the allowed tokens and collects each head's subtree; a child that a
clause rule (:data:`~factalign.claims.clauses.DECOMPOSERS`) accepts starts a unit of its own instead.
Each unit is then *completed* so that it reads alone, by the completion rule named after its clause rule
(:data:`COMPLETIONS`): a conjoined clause borrows its subject, an apposition gets "is", and so on.
Borrowed words are rendered into the claim's text but are not its evidence.

    >>> import spacy                                                    # doctest: +SKIP
    >>> doc = spacy.load("en_core_web_sm")("Rain fell and rivers rose.")  # doctest: +SKIP
    >>> [u.rule for u in Walker(doc, {t.i for t in doc}, ("conjoined_clause",)).run([doc[1]])]  # doctest: +SKIP
    [None, 'conjoined_clause']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .clauses import DECOMPOSERS
from .entities import entity_at
from .render import render
from .syntax import WH, antecedent, core_np, has_subject, mentions_time, referent, subjects_of, title_tokens
from .titles import title_lists

TIME_PREPS = frozenset({"after", "before", "during", "following", "since", "until"})
"""Prepositions whose phrase is a time adjunct whatever its object ("after the war")."""
JOINING_RULES = ("conjoined_clause", "gapped_clause")
"""Clauses joined by "and": once they are detached, the "and" joins nothing."""


@dataclass
class Unit:
    """One clause of a sentence: its head, the rule that detached it, its own and its borrowed tokens.

    ``inserts`` are words added to make it read alone ("is" before an apposition), keyed by a fractional
    token position (see :class:`~factalign.claims.render.Piece`).
    """

    head: object
    rule: str | None
    own: set[int]
    borrowed: set[int] = field(default_factory=set)
    inserts: dict[float, str] = field(default_factory=dict)


def is_temporal(tok) -> bool:
    """A time adjunct: "in 2004", "last year", "after the war"."""
    return tok.dep_ in ("prep", "npadvmod") and (tok.lower_ in TIME_PREPS or mentions_time(tok))


def auxiliaries(verb) -> set[int]:
    """The auxiliaries and negation of ``verb`` ("has not", "was")."""
    return {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def raised_object(verb, allowed: set[int]) -> set[int]:
    """"voted for and signed the bill", "starred in and produced Dark Waters": a preposition left without
    its object before "and" takes the object of the next verb. (A bare verb does not: in "the ship sank and
    killed 300 people", "sank" has no object.)

    One pattern, checked word by word (about 20 conditions): verb, preposition without object, "and", a
    second verb without its own subject, and that verb's object."""
    if verb.pos_ != "VERB":
        return set()
    doc = verb.doc
    second = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i in allowed), None)
    if second is None or has_subject(second) or second.i <= verb.i + 2:
        return set()
    between = [doc[j] for j in range(verb.i + 1, second.i)]
    if not (all(t.head.i == verb.i and t.dep_ in ("cc", "prep") and not list(t.children) for t in between)
            and between[0].dep_ == "prep" and between[-1].dep_ == "cc"):
        return set()
    obj = next((c for c in second.children if c.dep_ == "dobj" and c.i > second.i and c.i in allowed), None)
    return core_np(obj, allowed) if obj is not None else set()


class Walker:
    """Cuts the allowed tokens of one sentence into :class:`Unit` s (see the module docstring).

    Args:
        doc: the parsed doc.
        allowed: doc token indices that may appear.
        rules: rule names; those in :data:`~factalign.claims.clauses.DECOMPOSERS` cut clauses, ``"title"``
            makes "Title Name" a claim "Name is Title", ``"coordinated_np"`` reads title lists first.
        titles: token index sets of names known to be whole.
    """

    def __init__(self, doc, allowed: set[int], rules: tuple[str, ...], titles: tuple[frozenset[int], ...] = ()):
        self.doc, self.allowed = doc, allowed
        self.rules = [(name, DECOMPOSERS[name]) for name in rules if name in DECOMPOSERS]
        self.names = set(rules)
        self.subst: dict[int, str] = {}
        self.units: list[Unit] = []
        lists = title_lists(doc, allowed, titles) if "coordinated_np" in rules else []
        self.listed: set[int] = set().union(*(set().union(*items) for items, _, _ in lists))

    def run(self, roots) -> list[Unit]:
        """The units under ``roots``, each completed, in the order the walk finds them."""
        pending = [(None, r) for r in roots]
        while pending:
            rule, head = pending.pop(0)
            if rule == "title":
                self.units.append(self._title_unit(head))
                continue
            found: list = []
            own = self._collect(head, found)
            unit = Unit(head, rule, own)
            complete(self, unit)
            self.units.append(unit)
            pending[:0] = found
        return self.units

    def _collect(self, tok, found: list) -> set[int]:
        own = {tok.i}
        title = title_tokens(tok) if "title" in self.names and tok.i not in self.listed else set()
        if title:
            found.append(("title", tok))
        for child in tok.children:
            if child.i not in self.allowed or child.i in title:
                continue
            rule = next((name for name, pred in self.rules if pred(child)), None)
            if child.i in self.listed:
                rule = None  # a title in a list (see title_lists), whatever the parser made of it
            if rule is not None:
                found.append((rule, child))
                if rule == "relative_clause":
                    self.substitute_relative(child)
                continue
            own |= self._collect(child, found)
        if any(rule in JOINING_RULES and c.head.i == tok.i for rule, c in found):
            # The "and" that joined a detached clause joins nothing any more.
            own -= {c.i for c in tok.children if c.dep_ in ("cc", "preconj")}
        return own

    def _title_unit(self, name) -> Unit:
        title = {t.i for c in name.children if c.i in title_tokens(name) for t in c.subtree} & self.allowed
        ent = entity_at(self.doc, name.i)
        return Unit(name, "title", title, set(range(ent.start, ent.end)), {ent.start - 0.5: "is"})

    def noun_phrase_text(self, relcl) -> str:
        """The noun phrase a relative clause is about, rendered ("the ship" for "which sank")."""
        return render(self.doc, core_np(referent(antecedent(relcl)), self.allowed), self.subst)

    def substitute_relative(self, verb) -> None:
        """The relative pronoun of a detached relative clause becomes its noun phrase ("which" -> "the ship")."""
        np_text = self.noun_phrase_text(verb)
        for tok in verb.subtree:
            if tok.tag_ == "WRB" and tok.head.i == verb.i and tok.lower_ in ("where", "when"):
                self.subst[tok.i] = ""  # ", where she was part of the council" -> "she was part of the council"
                break
            if tok.tag_ in WH and tok.lower_ in ("which", "who", "whom", "that", "whose"):
                self.subst[tok.i] = f"{np_text}'s" if tok.lower_ == "whose" else np_text
                if tok.head.dep_ == "prep" and tok.head.head.i == verb.i:
                    self.subst[tok.head.i] = ""  # "in which X was elected" -> "X was elected"
                    self.subst[tok.i] = ""
                break

    def substitute_conjoined_relative(self, verb) -> None:
        """"a tour that will take him to Paris, and in which he intends ...": the second relative clause."""
        relcl = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
        for child in verb.children:
            wh = child if child.tag_ in WH else next(
                (g for g in child.children if g.tag_ in WH and child.dep_ == "prep"), None)
            if wh is None or wh.i in self.subst:
                continue
            if child.dep_ == "prep":
                self.subst[child.i] = self.subst[wh.i] = ""
            elif relcl is not None:
                self.subst[wh.i] = self.noun_phrase_text(relcl)

    def borrow_subject(self, unit: Unit, verb) -> None:
        """The subject of ``verb`` for a clause that has none of its own."""
        for subj in subjects_of(verb):
            if subj.tag_ in WH and subj.head.dep_ == "relcl":
                subj = subj.head.head  # "a discourse that blames ... and views": the discourse views
            unit.borrowed |= core_np(subj, self.allowed | {subj.i}, strict=False)


# Completion rules: one per clause rule that needs one, each making its unit read alone.


def complete_conjoined_clause(walker: Walker, unit: Unit) -> None:
    """"He returned home and became a teacher" -> "He became a teacher": the subject, the time of the first
    verb when the second has none ("After the war, he returned home and became a teacher"), and the
    auxiliaries of a bare verb ("has won and been named" -> "has been named")."""
    head = unit.head
    if not has_subject(head):
        verb = head.head
        walker.borrow_subject(unit, verb)
        if not any(is_temporal(c) for c in head.children if c.i in walker.allowed):
            start = min((s.left_edge.i for s in subjects_of(verb)), default=verb.i)
            for c in verb.children:
                if c.i < start and c.i in walker.allowed and is_temporal(c):
                    unit.borrowed |= {t.i for t in c.subtree} & walker.allowed
        if head.tag_ in ("VB", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
            unit.borrowed |= auxiliaries(head.head)
    walker.substitute_conjoined_relative(head)


def complete_participle_clause(walker: Walker, unit: Unit) -> None:
    """", killing at least 12 people" -> "A quake killing at least 12 people": the subject of its verb."""
    head = unit.head
    if not has_subject(head):
        walker.borrow_subject(unit, head.head.head if head.dep_ == "pcomp" else head.head)


def _predicate_subject(walker: Walker, head):
    """The subject of "X is a film directed by Y" when ``head`` ("directed") hangs on the predicate noun."""
    if head.head.dep_ != "attr" or head.head.head.pos_ != "AUX":
        return None
    return next((c for c in head.head.head.children if c.dep_ == "nsubj" and c.i in walker.allowed), None)


def complete_participle_modifier(walker: Walker, unit: Unit) -> None:
    """"The 737, launched in the 1990s," -> "The 737 launched in the 1990s"; on a predicate noun
    "X is a 2019 film directed by Y" -> "X is directed by Y" (the film is X), "born" -> "X was born"."""
    head = unit.head
    subject = _predicate_subject(walker, head)
    if subject is None:
        unit.borrowed |= core_np(referent(head.head), walker.allowed)
        return
    unit.borrowed |= core_np(subject, walker.allowed)
    if head.lower_ == "born":
        unit.inserts[head.i - 0.5] = "was"  # "X is an actor born in 1967": X was born in 1967
    elif head.tag_ == "VBN":
        unit.borrowed.add(head.head.head.i)


def complete_apposition(walker: Walker, unit: Unit) -> None:
    """"Fumio Kishida, the Japanese Prime Minister," -> "Fumio Kishida is the Japanese Prime Minister"."""
    head = unit.head
    unit.borrowed |= core_np(referent(head.head), walker.allowed)
    plural = head.head.tag_ in ("NNS", "NNPS")
    unit.inserts[head.left_edge.i - 0.5] = "are" if plural else "is"


def complete_gapped_clause(walker: Walker, unit: Unit) -> None:
    """"joined the EU in 2004, and the euro area in 2007" -> "X joined the euro area in 2007"."""
    verb = unit.head.head
    walker.borrow_subject(unit, verb)
    unit.borrowed |= {verb.i} | auxiliaries(verb)


def complete_adverbial_clause(walker: Walker, unit: Unit) -> None:
    """", while Turkey objected" -> "Turkey objected": the mark goes ("That's why [X]": the "why" too)."""
    head = unit.head
    unit.own -= {c.i for c in head.children if c.dep_ == "mark" or (c.tag_ == "WRB" and c.i == head.left_edge.i)}


def complete_absolute_clause(walker: Walker, unit: Unit) -> None:
    """", with Harris Dickinson replacing Brenton Thwaites" -> "Harris Dickinson replacing Brenton Thwaites"."""
    unit.own -= {unit.head.i}


COMPLETIONS: dict[str, Callable[[Walker, Unit], None]] = {
    "conjoined_clause": complete_conjoined_clause,
    "participle_clause": complete_participle_clause,
    "participle_modifier": complete_participle_modifier,
    "apposition": complete_apposition,
    "gapped_clause": complete_gapped_clause,
    "adverbial_clause": complete_adverbial_clause,
    "absolute_clause": complete_absolute_clause,
}
"""Completion rule by clause rule name; the other rules' clauses read alone as they are."""


def complete(walker: Walker, unit: Unit) -> None:
    """Make ``unit`` read alone: a raised object (see :func:`raised_object`), then its rule's completion."""
    unit.borrowed |= raised_object(unit.head, walker.allowed)
    completion = COMPLETIONS.get(unit.rule)
    if completion is not None:
        completion(walker, unit)
