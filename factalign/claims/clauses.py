"""Clause rules: which dependency arcs start a proposition of their own.

Each rule in :data:`DECOMPOSERS` is a small pure predicate over a dependency arc ``(child -> head)``
saying "this child's subtree is a proposition of its own"; the registry key is the rule's name, which
:class:`~factalign.claims.decompose.Proposition` carries as ``rule``. How the detached clause is completed
(the subject it borrows, the "is" an apposition needs) is in :mod:`factalign.claims.walker`.

    >>> sorted(DECOMPOSERS)[:3]
    ['absolute_clause', 'adverbial_clause', 'apposition']
"""

from __future__ import annotations

from collections.abc import Callable

from .syntax import NOUNISH, QUANTIFIERS, VERBAL, WH, colon_anchor, has_subject, is_list_item, place_in_place, set_off

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
