"""Decomposition of one parsed sentence into atomic, self-contained propositions.

Each rule in :data:`DECOMPOSERS` is a small pure predicate over a dependency arc ``(child -> head)``
saying "this child's subtree is a proposition of its own". The walk detaches such subtrees from their
parent proposition and completes them so they read alone: a conjoined or participle clause borrows the
subject of the clause it hangs on ("killing at least 12 people" -> "A magnitude 6.4 earthquake killing
at least 12 people"), a relative pronoun is replaced by its noun phrase, an apposition becomes
"X is Y". Coordinated noun phrases are then distributed, one proposition per conjunct.

Evidence offsets are the proposition's own words; borrowed words (a subject, a noun phrase) are
rendered into the text but not counted as evidence, so the spans of sibling claims do not overlap much.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .render import render
from .syntax import (
    NOUNISH, QUANTIFIERS, VERBAL, WH, antecedent, colon_anchor, core_np, has_subject, is_list_item, mentions_time,
    place_in_place, referent, set_off, subjects_of, title_tokens, wordy,
)
from .variants import (
    bracketed_titles, distribute, parentheticals, semicolon_segments, split_adjuncts, split_at, split_examples,
    split_fronted, split_modifiers, split_time, title_lists,
)

ASSERTING_MARKS = frozenset({"while", "whereas", "although", "though", "because", "since", "after", "as"})
"""Clauses opened by these are asserted; "if", "unless", "until" or "whether" clauses are not facts."""

BE_FORMS = frozenset({"is", "'s", "’s", "are", "'re", "’re", "was", "were", "be", "been", "am"})
"""Forms of "be", which the tagger may call a verb ("That's why ...")."""

FRONTED_MARKS = frozenset({"after", "before", "while", "whereas", "although", "though", "because"})
"""Marks of an asserted clause that the parser may file as a ccomp when it opens the sentence."""


def is_conjoined_clause(child) -> bool:
    """"struck ... and injured ...": a verb conjoined to a verb."""
    return child.dep_ == "conj" and child.pos_ in VERBAL and child.head.pos_ in VERBAL


def is_gapped_clause(child) -> bool:
    """"joined the EU in 2004, and the euro area in 2007": after a comma and "and", an object with its own
    adjunct conjoined to a verb that has an object already is a clause whose verb was left out."""
    verb = child.head
    if child.dep_ != "conj" or child.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "dobj" and c.i < child.i for c in verb.children):
        return False
    doc = child.doc
    start = child.left_edge.i
    if start < 3 or doc[start - 1].dep_ != "cc" or doc[start - 2].text != ",":
        return False
    if doc[start - 3].dep_ in ("appos", "conj"):
        return False  # "with the cast, the director, and the casting director for ...": the end of a list
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in child.children)


def is_participle_clause(child) -> bool:
    """", killing at least 12 people": a subjectless -ing/-ed adverbial clause."""
    if child.dep_ == "pcomp" and child.tag_ == "VBG" and not has_subject(child):
        # ", before appearing in Homeland": still a fact of its own ("if"/"without" ones are not).
        prep = child.head
        return prep.lower_ in ("before", "after") and prep.head.pos_ in VERBAL and set_off(prep)
    return (child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") and not has_subject(child)
            and set_off(child) and not any(c.dep_ == "mark" for c in child.children))


def is_adverbial_clause(child) -> bool:
    """"..., while Turkey and Hungary have objected": an asserted adverbial clause with its own subject."""
    if child.dep_ not in ("advcl", "ccomp") or not has_subject(child) or child.pos_ not in VERBAL:
        return False
    marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
    if child.dep_ == "ccomp" and not (marks and set(marks) <= FRONTED_MARKS):
        return False  # "after pieces of the body were mailed, ...": the parser's ccomp for a fronted clause
    head = child.head
    # "The reason is because ...": without the clause the head says nothing.
    bare = head.pos_ == "AUX" and not any(c.dep_ in ("attr", "acomp", "dobj", "prep", "oprd") for c in head.children)
    return not bare and all(m in ASSERTING_MARKS for m in marks)


def is_relative_clause(child) -> bool:
    """", which will appear in 2021", "territories that are not part of the EU": a relative clause.

    The clause states a fact about its noun, so it becomes a claim with the noun in place of the relative
    pronoun. It stays put when the noun means nothing without it ("those who seek fights", "the one that").
    """
    if child.dep_ != "relcl" or child.pos_ not in VERBAL:
        return False
    head = child.head
    if set_off(child):
        return True
    has_wh = any(t.tag_ in WH for t in child.subtree if t.i < child.i)
    # "the man who won the race": a definite noun picked out by the clause is not a referent without it.
    defining = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                           for c in head.children)
    return has_wh and not defining and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in (
        "one", "ones", "people", "thing", "things")


def is_apposition(child) -> bool:
    """"Fumio Kishida, the Japanese Prime Minister": an apposition states a fact about its noun."""
    if child.dep_ != "appos" or child.lower_ in QUANTIFIERS or child.lower_.endswith(("self", "selves")):
        return False  # "Dickens himself", "Miyazaki and Takahata both": emphasis, not a second name
    if child.ent_type_ == child.head.ent_type_ == "DATE" and child.ent_iob_ == "I":
        return False  # "November 22, 1967": one date
    return (child.pos_ in NOUNISH and child.head.pos_ in NOUNISH
            and not is_list_item(child) and not place_in_place(child) and colon_anchor(child) is None)


def is_participle_modifier(child) -> bool:
    """"The 737 Next Generation, launched in the 1990s,": a detached participle phrase about a noun."""
    if child.dep_ != "acl" or child.tag_ not in ("VBN", "VBG"):
        return False
    # On a predicate noun ("X is a film directed by Y") the phrase is one more fact about X.
    if set_off(child) or (child.head.dep_ == "attr" and child.head.head.pos_ == "AUX"):
        return True
    return child.tag_ == "VBN" and any(c.dep_ == "agent" for c in child.children)


def is_parataxis(child) -> bool:
    """"...; it made him the youngest nominee": a clause set beside another one."""
    return child.dep_ == "parataxis" and child.pos_ in VERBAL and has_subject(child)


_REPORTING = frozenset({"said", "says", "say", "told", "announced", "added", "believe", "believes", "believed",
                        "think", "thinks", "thought", "know", "knows", "knew", "claimed", "stated", "reported"})


def is_independent_clause(child) -> bool:
    """"he acted in films, he directed videos": a full clause joined by a comma or semicolon only."""
    if not (child.dep_ == "ccomp" and child.pos_ in VERBAL and has_subject(child)
            and child.head.lower_ not in _REPORTING and not any(c.dep_ == "mark" for c in child.children)):
        return False
    doc = child.doc
    if child.i > child.head.i:
        return child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in (",", ";")
    # "Asia is a promising place, it should not become a platform": the first of two spliced clauses.
    after = child.right_edge.i + 1
    return after < len(doc) and doc[after].text in (",", ";") and has_subject(child.head)


def is_absolute_clause(child) -> bool:
    """", with Harris Dickinson replacing Brenton Thwaites": a clause of its own, hung on "with" after a comma."""
    if child.dep_ != "prep" or child.lower_ != "with" or not set_off(child):
        return False
    for c in child.children:
        if c.dep_ == "pcomp" and c.tag_ in ("VBG", "VBN") and has_subject(c):
            return True  # with [Dickinson replacing Thwaites]
        if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and any(
                g.dep_ == "acl" and g.tag_ in ("VBG", "VBN") for g in c.children):
            return True  # with [Dickinson [replacing Thwaites]]
    return False


DECOMPOSERS: dict[str, Callable] = {
    "conjoined_clause": is_conjoined_clause,
    "gapped_clause": is_gapped_clause,
    "participle_clause": is_participle_clause,
    "adverbial_clause": is_adverbial_clause,
    "relative_clause": is_relative_clause,
    "apposition": is_apposition,
    "participle_modifier": is_participle_modifier,
    "parataxis": is_parataxis,
    "independent_clause": is_independent_clause,
    "absolute_clause": is_absolute_clause,
}
"""Clause-level rules, by name. Two more work on token ranges rather than arcs: ``parenthetical`` (a bracketed
aside becomes a claim about the noun phrase before it) and ``coordinated_np`` (distribution over "A, B and C")."""

DEFAULT_RULES = (*DECOMPOSERS, "title", "examples", "coordinated_np", "modifiers", "time", "adjuncts",
                 "parenthetical", "brackets", "semicolon", "fronted")


@dataclass(frozen=True)
class Proposition:
    """One proposition of a sentence: its text and the character range of its own words in the doc."""

    text: str
    start: int
    end: int
    rule: str | None = None
    verbal: bool = True


@dataclass
class _Unit:
    head: object
    rule: str | None
    own: set[int]
    borrowed: set[int] = field(default_factory=set)
    inserts: dict[float, str] = field(default_factory=dict)


TIME_PREPS = frozenset({"after", "before", "during", "following", "since", "until"})


def _temporal(tok) -> bool:
    """A time adjunct: "in 2004", "last year", "after the war"."""
    return tok.dep_ in ("prep", "npadvmod") and (
        tok.lower_ in TIME_PREPS or mentions_time(tok))


def _raised_object(verb, allowed: set[int]) -> set[int]:
    """"voted for and signed the bill", "starred in and produced Dark Waters": a preposition left without
    its object before "and" takes the object of the next verb. (A bare verb does not: in "the ship sank and
    killed 300 people", "sank" has no object.)"""
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


class _Walker:
    def __init__(self, doc, allowed: set[int], rules: tuple[str, ...], titles: tuple[frozenset[int], ...] = ()):
        self.doc, self.allowed = doc, allowed
        self.rules = [(name, DECOMPOSERS[name]) for name in rules if name in DECOMPOSERS]
        self.names = set(rules)
        self.subst: dict[int, str] = {}
        self.units: list[_Unit] = []
        lists = title_lists(doc, allowed, titles) if "coordinated_np" in rules else []
        self.listed: set[int] = set().union(*(set().union(*items) for items, _, _ in lists))

    def run(self, roots) -> list[_Unit]:
        pending = [(None, r) for r in roots]
        while pending:
            rule, head = pending.pop(0)
            if rule == "title":
                self.units.append(self._title_unit(head))
                continue
            found: list = []
            own = self._collect(head, found)
            unit = _Unit(head, rule, own)
            self._complete(unit)
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
                    self._substitute_relative(child)
                continue
            own |= self._collect(child, found)
        if any(rule in ("conjoined_clause", "gapped_clause") and c.head.i == tok.i for rule, c in found):
            # The "and" that joined a detached clause joins nothing any more.
            own -= {c.i for c in tok.children if c.dep_ in ("cc", "preconj")}
        return own

    def _title_unit(self, name) -> _Unit:
        title = {t.i for c in name.children if c.i in title_tokens(name) for t in c.subtree} & self.allowed
        ent = next(e for e in self.doc.ents if e.start <= name.i < e.end)
        return _Unit(name, "title", title, set(range(ent.start, ent.end)), {ent.start - 0.5: "is"})

    def _substitute_conjoined_relative(self, verb) -> None:
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
                self.subst[wh.i] = render(self.doc, core_np(referent(antecedent(relcl)), self.allowed), self.subst)

    def _substitute_relative(self, verb) -> None:
        np_text = render(self.doc, core_np(referent(antecedent(verb)), self.allowed), self.subst)
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

    def _complete(self, unit: _Unit) -> None:
        head, rule = unit.head, unit.rule
        unit.borrowed |= _raised_object(head, self.allowed)
        if rule in ("conjoined_clause", "participle_clause") and not has_subject(head):
            verb = head.head.head if head.dep_ == "pcomp" else head.head
            self._borrow_subject(unit, verb)
            if rule == "conjoined_clause" and not any(_temporal(c) for c in head.children if c.i in self.allowed):
                # "After the war, he returned home and became a teacher": the time of the first verb is
                # the time of the second, unless the second has its own.
                start = min((s.left_edge.i for s in subjects_of(verb)), default=verb.i)
                for c in verb.children:
                    if c.i < start and c.i in self.allowed and _temporal(c):
                        unit.borrowed |= {t.i for t in c.subtree} & self.allowed
            if rule == "conjoined_clause" and head.tag_ in ("VB", "VBN") and not any(
                    c.dep_ in ("aux", "auxpass") for c in head.children):
                unit.borrowed |= _auxiliaries(head.head)
        elif rule == "participle_modifier" and head.head.dep_ == "attr" and head.head.head.pos_ == "AUX" and (
                subj := [c for c in head.head.head.children if c.dep_ == "nsubj" and c.i in self.allowed]):
            # "X is a 2019 film directed by Y" -> "X is directed by Y": the film is X.
            cop = head.head.head
            unit.borrowed |= core_np(subj[0], self.allowed)
            if head.lower_ == "born":
                unit.inserts[head.i - 0.5] = "was"  # "X is an actor born in 1967": X was born in 1967
            elif head.tag_ == "VBN":
                unit.borrowed.add(cop.i)
        elif rule in ("apposition", "participle_modifier"):
            unit.borrowed |= core_np(referent(head.head), self.allowed)
            if rule == "apposition":
                plural = head.head.tag_ in ("NNS", "NNPS")
                unit.inserts[head.left_edge.i - 0.5] = "are" if plural else "is"
        elif rule == "gapped_clause":
            self._borrow_subject(unit, head.head)
            unit.borrowed |= {head.head.i} | _auxiliaries(head.head)
        elif rule == "adverbial_clause":
            unit.own -= {c.i for c in head.children if c.dep_ == "mark"
                         or (c.tag_ == "WRB" and c.i == head.left_edge.i)}  # "That's why [X]"
        elif rule == "absolute_clause":
            unit.own -= {head.i}  # "with"
        if rule == "conjoined_clause":
            self._substitute_conjoined_relative(head)

    def _borrow_subject(self, unit: _Unit, verb) -> None:
        """The subject of ``verb`` for a clause that has none of its own."""
        for subj in subjects_of(verb):
            if subj.tag_ in WH and subj.head.dep_ == "relcl":
                subj = subj.head.head  # "a discourse that blames ... and views": the discourse views
            unit.borrowed |= core_np(subj, self.allowed | {subj.i}, strict=False)


def _auxiliaries(verb) -> set[int]:
    return {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}


def decompose(sent, allowed: set[int] | None = None, rules: tuple[str, ...] = DEFAULT_RULES,
              subst: dict[int, str] | None = None, reparse: Callable[[str], object] | None = None,
              titles: tuple[frozenset[int], ...] = ()) -> list[Proposition]:
    """Split a parsed sentence into propositions.

    Args:
        sent: a spaCy ``Span`` (one sentence).
        allowed: doc token indices that may appear (e.g. the quotation without its attribution frame);
            None allows the whole sentence.
        rules: names from :data:`DECOMPOSERS` plus ``"coordinated_np"``; ``()`` keeps the sentence whole.
        subst: replacement texts by token index (resolved pronouns), applied when rendering.
        reparse: parses a text (a spaCy pipeline); given, the sentence is parsed again without its bracketed
            asides before the clause rules run. Brackets mislead the small parser ("Zodiac (2007) by David
            Fincher and Blindness (2008)" reads as one name), and the asides are claims of their own anyway.
        titles: token index sets of names known to be whole (see :func:`~.variants.bracketed_titles`).

    Returns:
        Propositions in reading order of their evidence; at least one when the sentence has a word.
    """
    doc = sent.doc
    allowed = set(allowed) if allowed is not None else {t.i for t in sent}
    allowed = {i for i in allowed if not doc[i].is_space}
    if not any(wordy(doc[i]) for i in allowed):
        return []
    if "semicolon" in rules:
        segments = semicolon_segments(doc, allowed)
        if len(segments) > 1:
            inner = tuple(r for r in rules if r != "semicolon")
            props = [p for seg in segments for p in decompose(sent, seg, inner, subst, reparse, titles)]
            return sorted(props, key=lambda p: (p.start, p.end))
    out: list[Proposition] = []
    if "parenthetical" in rules:
        removed: set[int] = set()
        asides = parentheticals(doc, allowed, "brackets" in rules)
        for group, anchor in asides:
            allowed -= group
            removed |= group
            for piece in anchor and split_at(doc, group, ";") or ():
                prop = _proposition(doc, piece, anchor, _Unit(None, "parenthetical", piece), subst or {})
                if prop is not None:
                    out.append(prop)
        if removed and reparse is not None and any(wordy(doc[i]) for i in allowed):
            inner = tuple(r for r in rules if r not in ("parenthetical", "semicolon"))
            seen = {p.text for p in out}
            known = bracketed_titles(doc, allowed, asides)
            out += [p for p in _reparsed(doc, allowed, inner, subst or {}, reparse, known) if p.text not in seen]
            return sorted(out, key=lambda p: (p.start, p.end))
    roots = [doc[i] for i in sorted(allowed) if doc[i].head.i not in allowed or doc[i].head.i == i]
    walker = _Walker(doc, allowed, tuple(rules), titles)
    if subst:
        walker.subst.update(subst)
    units = walker.run(roots)
    for unit in units:
        variants = [(set(unit.own), set(unit.borrowed))]
        if "examples" in rules:
            variants = [v for own, bor in variants for v in split_examples(doc, own, bor)]
        lists = title_lists(doc, unit.own, titles) if "coordinated_np" in rules else []
        if "coordinated_np" in rules:
            variants = [v for own, bor in variants
                        for v in distribute(doc, own, bor, lists if own == unit.own else None, titles)]
        if "modifiers" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in split_modifiers(doc, unit.head, own, bor)]
        if "time" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in split_time(doc, unit.head, own, bor)]
        if "adjuncts" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in split_adjuncts(doc, unit.head, own, bor)]
        variants = [(o, b) for k, (o, b) in enumerate(variants)
                    if not any((o | b) < (o2 | b2) or ((o | b) == (o2 | b2) and j < k)
                               for j, (o2, b2) in enumerate(variants) if j != k)]
        # "It borders Italy to the west, ...": "It borders Italy" too, a fact of its own. Added after the
        # subset filter above, which would drop it.
        tails = [t for _, _, list_tails in lists for t in list_tails]
        variants += [(o - t, b) for o, b in variants for t in tails if t <= o]
        if "fronted" in rules and len(variants) == 1 and unit.head is not None:
            # Added after the subset filter above: the shorter clause is meant to sit beside the full one.
            core = split_fronted(doc, unit.head, *variants[0])
            if core is not None:
                variants.append((core, variants[0][1]))
        for own, borrowed in variants:
            prop = _proposition(doc, own, borrowed, unit, walker.subst)
            if prop is not None and all(prop.text != p.text for p in out):
                out.append(prop)
    return sorted(_drop_contained(out), key=lambda p: (p.start, p.end))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.lower()))


def _drop_contained(props: list[Proposition]) -> list[Proposition]:
    """Drop a verbless fragment whose words all appear in another verbless fragment: it names nothing new.

    "The Rookie" left over from a list of titles is already in "The Rookie (2002)". A name inside a claim
    with a verb stays: "Boeing 787 Dreamliner" alone says the thing exists, the longer claim says what it is.
    """
    words = [_words(p.text) for p in props]
    return [p for k, p in enumerate(props) if p.verbal or not any(
        j != k and not props[j].verbal and words[k] <= words[j] and (words[k] != words[j] or j < k)
        for j in range(len(props)))]


def _needed(doc, tokens: set[int], subst: dict[int, str]) -> dict[int, str]:
    """The substitutions without resolved pronouns whose person the claim already names.

    "Warhol gained fame for his work" is understood alone; "for Warhol's work" only repeats the name.
    """
    names = {i: re.sub(r"['’]s$", "", text) for i, text in subst.items()
             if i in tokens and text and doc[i].tag_ in ("PRP", "PRP$")}
    if not names:
        return subst
    rest = " ".join(doc[i].text for i in tokens if i not in names)
    named = {i for i, name in names.items() if name.split()[-1] in rest.split()}
    return {i: t for i, t in subst.items() if i not in named} if named else subst


def _proposition(doc, own: set[int], borrowed: set[int], unit: _Unit, subst: dict[int, str]):
    words = [i for i in own if wordy(doc[i])]
    # A lone word ("that" left over from "is that “...”", a stray name) states nothing.
    if not words or sum(wordy(doc[i]) for i in own | borrowed) < 2:
        return None
    head = unit.head
    if head is not None and head.i in own and (head.pos_ == "AUX" or head.lower_ in BE_FORMS):
        # "the message he heard is [“...”]": a copula whose complement went elsewhere says nothing.
        subject = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "neg")
                   for t in c.subtree}
        if not any(wordy(doc[i]) for i in own - subject - {head.i}):
            return None
    text = render(doc, own | borrowed, _needed(doc, own | borrowed, subst), unit.inserts)
    kept = [i for i in own if not (doc[i].is_punct or doc[i].is_space)]
    start = doc[min(kept)].idx
    end = doc[max(kept)].idx + len(doc[max(kept)].text)
    if not text:
        return None
    verbal = bool(unit.inserts) or any(doc[i].pos_ in VERBAL for i in own | borrowed)
    return Proposition(text=text, start=start, end=end, rule=unit.rule, verbal=verbal)


def joined(doc, allowed: set[int]) -> tuple[str, dict[int, int]]:
    """The words ``allowed`` as one text, and the index in ``doc`` of the token at each new word offset."""
    order = sorted(allowed)
    text = ""
    starts: dict[int, int] = {}
    for k, i in enumerate(order):
        tok = doc[i]
        glued = k > 0 and order[k - 1] == i - 1  # the original spacing follows
        if text and not glued and not text[-1].isspace() and not (tok.is_punct and tok.text in ",.;:!?)]"):
            text += " "
        starts[len(text)] = i
        text += tok.text
        if k + 1 < len(order) and order[k + 1] == i + 1:
            text += tok.whitespace_
    return text, starts


def without_asides(sent) -> str | None:
    """The sentence as :func:`decompose` parses it again without its bracketed asides, or None if it has none."""
    doc = sent.doc
    allowed = {t.i for t in sent if not t.is_space}
    removed = set().union(*(group for group, _ in parentheticals(doc, allowed, True)))
    if not removed or not any(wordy(doc[i]) for i in allowed - removed):
        return None
    return joined(doc, allowed - removed)[0]


def _reparsed(doc, allowed: set[int], rules: tuple[str, ...], subst: dict[int, str],
              reparse: Callable[[str], object], titles: tuple[frozenset[int], ...] = ()) -> list[Proposition]:
    """Propositions of the words in ``allowed`` parsed anew as one text; offsets mapped back into ``doc``."""
    text, starts = joined(doc, allowed)
    new = reparse(text)
    mapped: dict[int, int] = {}
    for tok in new:
        if tok.idx in starts:
            mapped[tok.i] = starts[tok.idx]
    new_subst = {j: subst[i] for j, i in mapped.items() if i in subst}
    back = {i: j for j, i in mapped.items()}
    new_titles = tuple(frozenset(back[i] for i in t) for t in titles if all(i in back for i in t))
    out = []
    for prop in decompose(new[:], None, rules, new_subst, titles=new_titles):
        first = next((mapped[t.i] for t in new if t.idx >= prop.start and t.i in mapped), None)
        last = next((mapped[t.i] for t in reversed(new) if t.idx < prop.end and t.i in mapped), None)
        if first is None or last is None or last < first:
            continue
        out.append(Proposition(text=prop.text, start=doc[first].idx, end=doc[last].idx + len(doc[last].text),
                               rule=prop.rule, verbal=prop.verbal))
    return out
