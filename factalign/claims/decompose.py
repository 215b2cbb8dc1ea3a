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

from collections.abc import Callable
from dataclasses import dataclass, field

_SUBJ = ("nsubj", "nsubjpass", "expl", "csubj")
_VERBAL = ("VERB", "AUX")
_NOUNISH = ("NOUN", "PROPN", "NUM", "PRON")
_WH = ("WDT", "WP", "WP$")
_CORE_NP = frozenset({"det", "compound", "amod", "nummod", "poss", "case", "flat", "nmod", "quantmod", "predet",
                      "prep", "pobj", "advmod", "npadvmod", "neg", "nn"})
RECIPROCAL = frozenset(
    f"{stem}{end}" for stem, ends in {
        "me": ("et", "ets", "eting", "t"), "agree": ("", "s", "d"), "sign": ("", "s", "ed"), "negotiat": ("e", "es", "ed"),
        "talk": ("", "s", "ed"), "merg": ("e", "es", "ed"), "marr": ("y", "ies", "ied"), "clash": ("", "es", "ed"),
        "collid": ("e", "es", "ed"), "fought": ("",), "fight": ("", "s"), "compet": ("e", "es", "ed"),
        "differ": ("", "s", "ed"), "cooperat": ("e", "es", "ed"), "discuss": ("", "es", "ed"), "share": ("", "s", "d"),
    }.items() for end in ends
)
"""Verbs whose coordinated subject acts together: "Japan and NATO met" is not "Japan met" + "NATO met"."""
COLLECTIVE_PREPS = frozenset({"between", "among", "amongst"})
MAX_VARIANTS = 12
"""Distributing several coordinations multiplies propositions; beyond this many, a clause is kept whole."""


def _has_subject(tok) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)


def _wordy(tok) -> bool:
    return any(ch.isalnum() for ch in tok.text)


def _comma_before(tok) -> bool:
    """The phrase is set off by punctuation: a comma before it, or it opens the sentence and a comma follows."""
    left, right, doc = tok.left_edge.i, tok.right_edge.i, tok.doc
    if left > 0 and doc[left - 1].text in (",", "—", "–", "(", ";"):
        return True
    return left == tok.sent.start and right + 1 < len(doc) and doc[right + 1].text == ","


def is_conjoined_clause(child) -> bool:
    """"struck ... and injured ...": a verb conjoined to a verb."""
    return child.dep_ == "conj" and child.pos_ in _VERBAL and child.head.pos_ in _VERBAL


def is_participle_clause(child) -> bool:
    """", killing at least 12 people": a subjectless -ing/-ed adverbial clause."""
    return (child.dep_ == "advcl" and child.tag_ in ("VBG", "VBN") and not _has_subject(child)
            and _comma_before(child) and not any(c.dep_ == "mark" for c in child.children))


ASSERTING_MARKS = frozenset({"while", "whereas", "although", "though", "because", "since", "after", "as"})
"""Clauses opened by these are asserted; "if", "unless", "until" or "whether" clauses are not facts."""


def is_adverbial_clause(child) -> bool:
    """"..., while Turkey and Hungary have objected": an asserted adverbial clause with its own subject."""
    if child.dep_ != "advcl" or not _has_subject(child) or child.pos_ not in _VERBAL:
        return False
    marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
    head = child.head
    # "The reason is because ...": without the clause the head says nothing.
    bare = head.pos_ == "AUX" and not any(c.dep_ in ("attr", "acomp", "dobj", "prep", "oprd") for c in head.children)
    return not bare and all(m in ASSERTING_MARKS for m in marks)


def is_relative_clause(child) -> bool:
    """", which will appear in 2021", "territories that are not part of the EU": a relative clause.

    The clause states a fact about its noun, so it becomes a claim with the noun in place of the relative
    pronoun. It stays put when the noun means nothing without it ("those who seek fights", "the one that").
    """
    if child.dep_ != "relcl" or child.pos_ not in _VERBAL:
        return False
    head = child.head
    if _comma_before(child):
        return True
    has_wh = any(t.tag_ in _WH for t in child.subtree if t.i < child.i)
    # "the man who won the race": a definite noun picked out by the clause is not a referent without it.
    defining = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                           for c in head.children)
    return has_wh and not defining and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in (
        "one", "ones", "people", "thing", "things")


def _place_in_place(child) -> bool:
    # "Everett, Washington", "Los Angeles, California": one address, neither a list nor an apposition.
    return child.ent_type_ == "GPE" and child.head.ent_type_ == "GPE" and child.i > child.head.i


def is_list_item(child) -> bool:
    """"with Sharlto Copley, Elle Fanning, Sam Riley": names in a list, which the parser often calls appositions."""
    if child.dep_ != "appos" or _place_in_place(child):
        return False
    head = child.head
    if sum(c.dep_ == "appos" for c in head.children) > 1 or any(c.dep_ == "conj" for c in child.children):
        return True
    same_kind = child.ent_type_ == head.ent_type_ or not (child.ent_type_ and head.ent_type_)
    return child.pos_ == head.pos_ == "PROPN" and same_kind and not any(c.dep_ == "det" for c in child.children)


def is_apposition(child) -> bool:
    """"Fumio Kishida, the Japanese Prime Minister": an apposition states a fact about its noun."""
    return (child.dep_ == "appos" and child.pos_ in _NOUNISH and child.head.pos_ in _NOUNISH
            and not is_list_item(child) and not _place_in_place(child))


def is_participle_modifier(child) -> bool:
    """"The 737 Next Generation, launched in the 1990s,": a detached participle phrase about a noun."""
    if child.dep_ != "acl" or child.tag_ not in ("VBN", "VBG"):
        return False
    # On a predicate noun ("X is a film directed by Y") the phrase is one more fact about X.
    return _comma_before(child) or (child.head.dep_ == "attr" and child.head.head.pos_ == "AUX")


def is_parataxis(child) -> bool:
    """"...; it made him the youngest nominee": a clause set beside another one."""
    return child.dep_ == "parataxis" and child.pos_ in _VERBAL and _has_subject(child)


_REPORTING = frozenset({"said", "says", "say", "told", "announced", "added", "believe", "believes", "believed",
                        "think", "thinks", "thought", "know", "knows", "knew", "claimed", "stated", "reported"})


def is_independent_clause(child) -> bool:
    """"he acted in films, he directed videos": a full clause joined by a comma or semicolon only."""
    if not (child.dep_ == "ccomp" and child.pos_ in _VERBAL and _has_subject(child)
            and child.head.lower_ not in _REPORTING and not any(c.dep_ == "mark" for c in child.children)):
        return False
    doc = child.doc
    if child.i > child.head.i:
        return child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in (",", ";")
    # "Asia is a promising place, it should not become a platform": the first of two spliced clauses.
    after = child.right_edge.i + 1
    return after < len(doc) and doc[after].text in (",", ";") and _has_subject(child.head)


DECOMPOSERS: dict[str, Callable] = {
    "conjoined_clause": is_conjoined_clause,
    "participle_clause": is_participle_clause,
    "adverbial_clause": is_adverbial_clause,
    "relative_clause": is_relative_clause,
    "apposition": is_apposition,
    "participle_modifier": is_participle_modifier,
    "parataxis": is_parataxis,
    "independent_clause": is_independent_clause,
}
"""Clause-level rules, by name. Two more work on token ranges rather than arcs: ``parenthetical`` (a bracketed
aside becomes a claim about the noun phrase before it) and ``coordinated_np`` (distribution over "A, B and C")."""

DEFAULT_RULES = (*DECOMPOSERS, "title", "examples", "coordinated_np", "modifiers", "time", "adjuncts", "parenthetical", "brackets", "semicolon")


@dataclass(frozen=True)
class Proposition:
    """One proposition of a sentence: its text and the character range of its own words in the doc."""

    text: str
    start: int
    end: int
    rule: str | None = None


@dataclass
class _Unit:
    head: object
    rule: str | None
    own: set[int]
    borrowed: set[int] = field(default_factory=set)
    inserts: dict[float, str] = field(default_factory=dict)


class _Walker:
    def __init__(self, doc, allowed: set[int], rules: tuple[str, ...]):
        self.doc, self.allowed = doc, allowed
        self.rules = [(name, DECOMPOSERS[name]) for name in rules if name in DECOMPOSERS]
        self.names = set(rules)
        self.subst: dict[int, str] = {}
        self.units: list[_Unit] = []

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
        title = _title_tokens(tok) if "title" in self.names else set()
        if title:
            found.append(("title", tok))
        for child in tok.children:
            if child.i not in self.allowed or child.i in title:
                continue
            rule = next((name for name, pred in self.rules if pred(child)), None)
            if rule is not None:
                found.append((rule, child))
                if rule == "relative_clause":
                    self._substitute_relative(child)
                continue
            own |= self._collect(child, found)
        if any(rule == "conjoined_clause" and c.head.i == tok.i for rule, c in found):
            # The "and" that joined a detached clause joins nothing any more.
            own -= {c.i for c in tok.children if c.dep_ in ("cc", "preconj")}
        return own

    def _title_unit(self, name) -> _Unit:
        title = {t.i for c in name.children if c.i in _title_tokens(name) for t in c.subtree} & self.allowed
        ent = next(e for e in self.doc.ents if e.start <= name.i < e.end)
        return _Unit(name, "title", title, set(range(ent.start, ent.end)), {ent.start - 0.5: "is"})

    def _substitute_conjoined_relative(self, verb) -> None:
        """"a tour that will take him to Paris, and in which he intends ...": the second relative clause."""
        relcl = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
        for child in verb.children:
            wh = child if child.tag_ in _WH else next(
                (g for g in child.children if g.tag_ in _WH and child.dep_ == "prep"), None)
            if wh is None or wh.i in self.subst:
                continue
            if child.dep_ == "prep":
                self.subst[child.i] = self.subst[wh.i] = ""
            elif relcl is not None:
                self.subst[wh.i] = _render(self.doc, _core_np(_referent(relcl.head), self.allowed), self.subst)

    def _substitute_relative(self, verb) -> None:
        np_text = _render(self.doc, _core_np(_referent(verb.head), self.allowed), self.subst)
        for tok in verb.subtree:
            if tok.tag_ == "WRB" and tok.head.i == verb.i and tok.lower_ in ("where", "when"):
                self.subst[tok.i] = ""  # ", where she was part of the council" -> "she was part of the council"
                break
            if tok.tag_ in _WH and tok.lower_ in ("which", "who", "whom", "that", "whose"):
                self.subst[tok.i] = f"{np_text}'s" if tok.lower_ == "whose" else np_text
                if tok.head.dep_ == "prep" and tok.head.head.i == verb.i:
                    self.subst[tok.head.i] = ""  # "in which X was elected" -> "X was elected"
                    self.subst[tok.i] = ""
                break

    def _complete(self, unit: _Unit) -> None:
        head, rule = unit.head, unit.rule
        if rule in ("conjoined_clause", "participle_clause") and not _has_subject(head):
            for subj in _subjects_of(head.head):
                if subj.tag_ in _WH and subj.head.dep_ == "relcl":
                    subj = subj.head.head  # "a discourse that blames ... and views": the discourse views
                unit.borrowed |= _core_np(subj, self.allowed | {subj.i}, strict=False)
            if rule == "conjoined_clause" and head.tag_ in ("VB", "VBN") and not any(
                    c.dep_ in ("aux", "auxpass") for c in head.children):
                unit.borrowed |= {c.i for c in head.head.children if c.dep_ in ("aux", "auxpass", "neg")}
        elif rule in ("apposition", "participle_modifier"):
            unit.borrowed |= _core_np(_referent(head.head), self.allowed)
            if rule == "apposition":
                plural = head.head.tag_ in ("NNS", "NNPS")
                unit.inserts[head.left_edge.i - 0.5] = "are" if plural else "is"
        elif rule == "adverbial_clause":
            unit.own -= {c.i for c in head.children if c.dep_ == "mark"}
        if rule == "conjoined_clause":
            self._substitute_conjoined_relative(head)


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "lord", "lady"})
"""Forms of address, not titles: "Mr. Perry" says nothing about Perry."""


def _title_tokens(name) -> set[int]:
    """Indices of the title words before a person's name ("production designer" Robert Stromberg)."""
    if name.ent_type_ != "PERSON" or name.pos_ != "PROPN":
        return set()
    ent = next((e for e in name.doc.ents if e.start <= name.i < e.end), None)
    if ent is None or name.i != ent.end - 1:
        return set()
    title = [c for c in name.children if c.i < ent.start and c.dep_ in ("compound", "amod", "nmod")
             and c.lower_.rstrip(".") not in HONORIFICS]
    if not any(t.pos_ == "NOUN" or (t.pos_ == "PROPN" and not t.ent_type_) or t.ent_type_ in ("ORG", "NORP")
               for c in title for t in c.subtree):
        return set()
    return {c.i for c in title}


def _referent(noun):
    """What a predicate noun is said of: in "X is a film directed by Y", the film is X."""
    if noun.dep_ == "attr" and noun.head.pos_ == "AUX":
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"]
        # Only a named subject: "the danger is a country that exports ..." is about the country.
        if subj and subj[0].pos_ == "PROPN":
            return subj[0]
    return noun


def _subjects_of(verb) -> list:
    """The subject(s) of ``verb``, looking up through conjoined, participle and xcomp heads."""
    for _ in range(6):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "This office, if it comes to fruition, would ...": the parser often files a subject cut off by
        # an aside as a noun modifier; a bare noun opening the sentence before its verb is the subject.
        subj = subj or [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")
                        and c.left_edge.i == verb.sent.start and not c.ent_type_]
        if subj:
            return subj
        if verb.dep_ == "acl" and verb.head.pos_ in _NOUNISH:
            return [_referent(verb.head)]  # "X is a film directed by Y and starring Z": X stars Z
        if verb.dep_ in ("conj", "advcl", "xcomp", "relcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return []
    return []


def _core_np(noun, allowed: set[int], strict: bool = True) -> set[int]:
    """The noun phrase of ``noun`` without clauses, appositions or coordinated partners."""
    out = {noun.i}
    for child in noun.children:
        if child.dep_ in _CORE_NP and (child.i in allowed or not strict):
            if child.dep_ == "prep" and child.lower_ != "of":
                continue
            out |= {t.i for t in child.subtree if not any(
                a.dep_ in ("relcl", "appos", "acl", "conj", "cc", "punct") for a in _path(t, child))}
    return out


def _path(tok, top) -> list:
    out = [tok]
    while tok.i != top.i:
        tok = tok.head
        out.append(tok)
    return out


def _render(doc, tokens: set[int], subst: dict[int, str], inserts: dict[float, str] | None = None) -> str:
    items = [(float(i), subst.get(i, doc[i].text), i) for i in tokens]
    items += [(k, v, None) for k, v in (inserts or {}).items()]
    items = [it for it in sorted(items) if it[1] != ""]
    items = _trim(doc, items)
    out: list[str] = []
    prev: int | None = None
    for _, text, i in items:
        if out:
            if i is not None and prev is not None and i == prev + 1:
                out.append(doc[prev].whitespace_)
            elif not (i is not None and doc[i].is_punct and doc[i].text not in "([{“‘\"") and not text.startswith("'"):
                out.append(" ")
        out.append(text)
        prev = i
    return "".join(out).strip()


def _trim(doc, items: list) -> list:
    def weak(it) -> bool:
        i = it[2]
        return i is not None and ((doc[i].is_punct and doc[i].text not in "%$€£¥")
                                  or doc[i].dep_ in ("cc", "preconj") or doc[i].is_space)

    while items and weak(items[0]) and doc[items[0][2]].text not in "(“\"‘":
        items = items[1:]
    while items and weak(items[-1]) and doc[items[-1][2]].text not in ")”\"’":
        items = items[:-1]
    # A comma next to a removed stretch ("X, [launched in 1990,] has") separated what is gone.
    def orphan_comma(k: int) -> bool:
        i = items[k][2]
        if i is None or doc[i].text not in (",", ";"):
            return False
        prev_i = items[k - 1][2] if k > 0 else None
        next_i = items[k + 1][2] if k + 1 < len(items) else None
        return (prev_i is not None and prev_i != i - 1) or (next_i is not None and next_i != i + 1)

    items = [it for k, it in enumerate(items) if not orphan_comma(k)]
    cleaned: list = []
    for it in items:
        if cleaned and it[2] is not None and cleaned[-1][2] is not None and doc[it[2]].is_punct \
                and doc[cleaned[-1][2]].is_punct and doc[it[2]].text in ",;:" and doc[cleaned[-1][2]].text in ",;:":
            continue
        cleaned.append(it)
    text = "".join(t for _, t, _ in cleaned)
    # Unbalanced brackets or quotes read as noise; drop the orphan.
    for open_, close in (("(", ")"), ("[", "]"), ("“", "”")):
        if text.count(open_) != text.count(close):
            cleaned = [it for it in cleaned if it[1] not in (open_, close)]
    if text.count('"') % 2:
        cleaned = [it for it in cleaned if it[1] != '"']
    return cleaned


def _distribute(doc, own_: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """Variants of ``unit`` with each coordinated phrase reduced to one of its conjuncts.

    With several coordinations in one clause, each is distributed in turn while the others keep only
    their first conjunct: the variants grow with the sum of the list lengths, not their product.
    """
    groups: list[tuple[list[set[int]], set[int]]] = []
    claimed: set[int] = set()
    for tok in sorted(own_):
        first = doc[tok]
        if tok in claimed or first.dep_ in ("conj", "appos", "compound", "nmod"):
            continue
        adjectives = first.pos_ == "ADJ" and first.dep_ == "amod"
        if not (adjectives or (first.pos_ in _NOUNISH and first.dep_ != "amod")):
            continue
        members = _conjuncts(first, own_)
        if len(members) < 2 or len(members) > MAX_VARIANTS or _same_entity(first, members) or _collective(first):
            continue
        claimed |= {m.i for m in members}
        glue = {c.i for m in members for c in m.children if c.dep_ in ("cc", "preconj", "punct")
                and c.i in own_ and min(x.i for x in members) < c.i < max(x.i for x in members)}
        groups.append(([_member_tokens(m, members) & own_ for m in members], glue))
    groups += _comma_adjectives(doc, own_)
    if not groups:
        return [(set(own_), set(borrowed))]
    out: list[tuple[set[int], set[int]]] = []
    for g, (cores, glue) in enumerate(groups):
        fixed = set(own_)
        for h, (other_cores, other_glue) in enumerate(groups):
            if h != g:
                fixed -= other_glue | set().union(*other_cores[1:])
        for k in range(len(cores)):
            own = fixed - glue - set().union(*(c for j, c in enumerate(cores) if j != k))
            if all(own != o for o, _ in out):
                out.append((own, set(borrowed)))
    return out


def _split_examples(doc, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"appeared in films such as A and B" -> "appeared in films", "appeared in A", "appeared in B"."""
    for i in sorted(own):
        prep = doc[i]
        if prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN") or not (
                prep.lower_ == "including" or (prep.lower_ == "as" and doc[i - 1].lower_ == "such")):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj" and c.i in own), None)
        if obj is None:
            continue
        members = _conjuncts(obj, own)
        pp = {t.i for t in prep.subtree} | ({i - 1} if prep.lower_ == "as" else set())
        noun = {t.i for t in prep.head.subtree} & own
        out = [(own - pp, borrowed)]
        out += [((own - noun) | (_member_tokens(m, members) & own), borrowed) for m in members]
        return out
    return [(own, borrowed)]


def _split_modifiers(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"X is a 2014 American fantasy film" -> "X is a 2014 film", "X is a American film", "X is a fantasy film".

    Only for the noun a copula predicates of its subject, and only with two or more modifiers: each
    modifier is a separate attribute of the subject.
    """
    if head.pos_ != "AUX" or head.lower_ not in ("is", "was", "are", "were"):
        return [(own, borrowed)]
    attr = next((c for c in head.children if c.dep_ == "attr" and c.i in own and c.pos_ == "NOUN"), None)
    if attr is None:
        return [(own, borrowed)]
    mods = [c for c in attr.children if c.i in own and c.i < attr.i and c.dep_ in ("amod", "compound", "nummod")
            and not c.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART")]
    if len(mods) < 2:
        return [(own, borrowed)]
    subtrees = [{x.i for x in m.subtree} & own for m in mods]
    out = []
    for k in range(len(mods)):
        out.append((own - set().union(*(t for j, t in enumerate(subtrees) if j != k)), borrowed))
    return out


def _split_time(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"X premiered in Hollywood on May 28" -> "X premiered in Hollywood" + "X premiered on May 28".

    A date is a fact of its own: split apart, a wrong date can be compared (or found missing) alone.
    """
    if head.pos_ not in _VERBAL:
        return [(own, borrowed)]

    def subtree(t):
        return {x.i for x in t.subtree} & own

    timed = [c for c in head.children if c.i in own and c.dep_ in ("prep", "npadvmod", "advmod")
             and any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)]
    # Only adjuncts are split off; the verb's own arguments ("took place", "opened its office") stay.
    others = [c for c in head.children if c.i in own and c not in timed and c.dep_ in ("prep", "advcl", "agent")]
    if not timed or not others:
        return [(own, borrowed)]
    time_tokens = set().union(*(subtree(c) for c in timed))
    other_tokens = set().union(*(subtree(c) for c in others))
    return [(own - time_tokens, borrowed), (own - other_tokens, borrowed)]


def _comma_adjectives(doc, own: set[int]) -> list[tuple[list[set[int]], set[int]]]:
    """"a legible, concise style": adjectives separated by commas are coordinated, each a fact of its own."""
    groups = []
    for i in sorted(own):
        noun = doc[i]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        amods = [c for c in noun.children if c.dep_ == "amod" and c.i in own and c.i < noun.i]
        run = amods[:1]
        for a in amods[1:]:
            comma = run[-1].right_edge.i + 1
            if doc[comma].text == "," and comma + 1 == a.left_edge.i:
                run.append(a)
            elif len(run) < 2:
                run = [a]
        if len(run) >= 2:
            glue = {r.right_edge.i + 1 for r in run[:-1]} | {c.i for r in run for c in r.children if c.dep_ == "cc"}
            groups.append(([{t.i for t in r.subtree} & own - glue for r in run], glue))
    return groups


def _collective(first) -> bool:
    """The coordination names parties acting together ("talks between Japan and NATO", "X and Y met")."""
    if first.dep_ == "pobj" and first.head.lower_ in COLLECTIVE_PREPS:
        return True
    return first.dep_ in ("nsubj", "nsubjpass") and first.head.lower_ in RECIPROCAL


def _split_adjuncts(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"played in Minneapolis after Super Bowl XXVI" -> one claim per prepositional adjunct of the verb."""
    if head.pos_ not in _VERBAL:
        return [(own, borrowed)]
    adjuncts = [c for c in head.children if c.i in own and c.dep_ == "prep" and c.i > head.i
                and c.lower_ not in ("of", "than", "by", "as", "like") and any(x.dep_ == "pobj" for x in c.children)]
    if len(adjuncts) < 2:
        return [(own, borrowed)]
    tokens = [{x.i for x in c.subtree} & own for c in adjuncts]
    rest = own - set().union(*tokens)
    return [(rest | t, borrowed) for t in tokens]


def _conjuncts(tok, own: set[int]) -> list:
    out, stack = [tok], [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.i in own and ((c.dep_ == "conj" and c.pos_ in (*_NOUNISH, "ADJ")) or is_list_item(c)):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _member_tokens(member, members: list) -> set[int]:
    others = {m.i for m in members if m.i != member.i}
    return {t.i for t in member.subtree if not any(a.i in others for a in _path(t, member))
            and not (t.dep_ in ("cc", "punct", "preconj") and t.head.i == member.i)}


def _same_entity(first, members: list) -> bool:
    # "Dumb and Dumber", "Halt and Catch Fire": a conjunction inside one name is not a coordination.
    def ent_start(tok):
        if not tok.ent_type_:
            return None
        i = tok.i
        while tok.doc[i].ent_iob_ == "I" and i > 0:
            i -= 1
        return i

    start = ent_start(first)
    return start is not None and all(ent_start(m) == start for m in members[1:])


def decompose(sent, allowed: set[int] | None = None, rules: tuple[str, ...] = DEFAULT_RULES,
              subst: dict[int, str] | None = None) -> list[Proposition]:
    """Split a parsed sentence into propositions.

    Args:
        sent: a spaCy ``Span`` (one sentence).
        allowed: doc token indices that may appear (e.g. the quotation without its attribution frame);
            None allows the whole sentence.
        rules: names from :data:`DECOMPOSERS` plus ``"coordinated_np"``; ``()`` keeps the sentence whole.
        subst: replacement texts by token index (resolved pronouns), applied when rendering.

    Returns:
        Propositions in reading order of their evidence; at least one when the sentence has a word.
    """
    doc = sent.doc
    allowed = set(allowed) if allowed is not None else {t.i for t in sent}
    allowed = {i for i in allowed if not doc[i].is_space}
    if not any(_wordy(doc[i]) for i in allowed):
        return []
    if "semicolon" in rules:
        segments = _semicolon_segments(doc, allowed)
        if len(segments) > 1:
            inner = tuple(r for r in rules if r != "semicolon")
            props = [p for seg in segments for p in decompose(sent, seg, inner, subst)]
            return sorted(props, key=lambda p: (p.start, p.end))
    out: list[Proposition] = []
    if "parenthetical" in rules:
        for group, anchor in _parentheticals(doc, allowed, "brackets" in rules):
            allowed -= group
            for piece in anchor and _split_at(doc, group, ";") or ():
                prop = _proposition(doc, piece, anchor, _Unit(None, "parenthetical", piece), subst or {})
                if prop is not None:
                    out.append(prop)
    roots = [doc[i] for i in sorted(allowed) if doc[i].head.i not in allowed or doc[i].head.i == i]
    walker = _Walker(doc, allowed, tuple(rules))
    if subst:
        walker.subst.update(subst)
    units = walker.run(roots)
    for unit in units:
        variants = [(set(unit.own), set(unit.borrowed))]
        if "examples" in rules:
            variants = [v for own, bor in variants for v in _split_examples(doc, own, bor)]
        if "coordinated_np" in rules:
            variants = [v for own, bor in variants for v in _distribute(doc, own, bor)]
        if "modifiers" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in _split_modifiers(doc, unit.head, own, bor)]
        if "time" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in _split_time(doc, unit.head, own, bor)]
        if "adjuncts" in rules and unit.head is not None:
            variants = [v for own, bor in variants for v in _split_adjuncts(doc, unit.head, own, bor)]
        variants = [(o, b) for k, (o, b) in enumerate(variants)
                    if not any((o | b) < (o2 | b2) or ((o | b) == (o2 | b2) and j < k)
                               for j, (o2, b2) in enumerate(variants) if j != k)]
        for own, borrowed in variants:
            prop = _proposition(doc, own, borrowed, unit, walker.subst)
            if prop is not None and all(prop.text != p.text for p in out):
                out.append(prop)
    return sorted(out, key=lambda p: (p.start, p.end))


def _semicolon_segments(doc, allowed: set[int]) -> list[set[int]]:
    """Stretches between semicolons outside brackets, when each reads as a clause of its own."""
    segments: list[set[int]] = [set()]
    depth = 0
    for i in sorted(allowed):
        text = doc[i].text
        depth += text in "([" and 1 or (-1 if text in ")]" else 0)
        if text == ";" and depth <= 0:
            segments.append(set())
        else:
            segments[-1].add(i)
    clauses = [seg for seg in segments if sum(doc[i].is_alpha for i in seg) >= 3
               and any(doc[i].pos_ in _VERBAL for i in seg)]
    return segments if len(clauses) == len(segments) else [allowed]


def _parentheticals(doc, allowed: set[int], brackets: bool) -> list[tuple[set[int], set[int]]]:
    """Bracketed asides "(born April 9, 1954)" with the noun phrase they are about (empty when none).

    Square brackets count only with ``brackets``: inside a quotation they mark the editor's insertion
    ("the world [has] become"), which belongs to the sentence.
    """
    out = []
    opened: int | None = None
    for i in sorted(allowed):
        if (doc[i].text == "(" or (doc[i].text == "[" and brackets)) and opened is None:
            opened = i
        elif doc[i].text in (")", "]") and opened is not None and _CLOSE[doc[opened].text] == doc[i].text:
            group = {j for j in range(opened, i + 1) if j in allowed}
            prev = opened - 1
            anchor: set[int] = set()
            if prev in allowed and _wordy(doc[prev]):
                ent = next((e for e in doc.ents if e.start <= prev < e.end), None)
                anchor = ({j for j in range(ent.start, ent.end)} if ent is not None
                          else _core_np(doc[prev], allowed, strict=True) - group)
                anchor = {j for j in anchor if j < opened}
            out.append((group, anchor))
            opened = None
    return out


_CLOSE = {"(": ")", "[": "]"}


def _split_at(doc, group: set[int], sep: str) -> list[set[int]]:
    pieces: list[set[int]] = [set()]
    for i in sorted(group):
        if doc[i].text == sep:
            pieces.append(set())
        elif doc[i].text not in "()[]":
            pieces[-1].add(i)
    return [p for p in pieces if any(_wordy(doc[i]) for i in p)]


def _proposition(doc, own: set[int], borrowed: set[int], unit: _Unit, subst: dict[int, str]):
    words = [i for i in own if _wordy(doc[i])]
    # A lone function word ("that" left over from "is that “...”") says nothing.
    if not words or (len(words) == 1 and doc[words[0]].pos_ not in ("NOUN", "PROPN", "NUM", "VERB", "ADJ")):
        return None
    head = unit.head
    if head is not None and head.i in own and head.pos_ == "AUX" and not any(
            c.i in own for c in head.children
            if c.dep_ in ("attr", "acomp", "ccomp", "xcomp", "prep", "oprd", "dobj", "advcl", "advmod")):
        return None  # "the message he heard is [“...”]": a copula whose complement went elsewhere
    text = _render(doc, own | borrowed, subst, unit.inserts)
    kept = [i for i in own if not (doc[i].is_punct or doc[i].is_space)]
    start = doc[min(kept)].idx
    end = doc[max(kept)].idx + len(doc[max(kept)].text)
    if not text:
        return None
    return Proposition(text=text, start=start, end=end, rule=unit.rule)
