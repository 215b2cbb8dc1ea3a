"""Variant rules: one clause becomes several claims, each keeping one modifier, one adjunct, one example.

Each ``split_*`` function takes the token indices of one clause (its own words and the words it borrows)
and returns the variants, so the rules compose (see :data:`~factalign.claims.decompose.VARIANT_RULES`):
a clause is split by ``examples``, then by ``coordinated_np`` (:mod:`factalign.claims.coordination`),
``modifiers``, ``time`` and ``adjuncts``. :func:`split_fronted` adds the clause without a fronted adjunct.
"""

from __future__ import annotations

from .coordination import conjuncts, member_tokens
from .syntax import VERBAL, has_subject, mentions_time
from .titles import title_lists


def split_examples(doc, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"appeared in films such as A and B" -> "appeared in films", "appeared in A", "appeared in B"."""
    for i in sorted(own):
        prep = doc[i]
        if prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN") or not (
                prep.lower_ == "including" or (prep.lower_ == "as" and doc[i - 1].lower_ == "such")):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj" and c.i in own), None)
        if obj is None:
            continue
        members = conjuncts(obj, own)
        pp = {t.i for t in prep.subtree} | ({i - 1} if prep.lower_ == "as" else set())
        noun = {t.i for t in prep.head.subtree} & own
        out = [(own - pp, borrowed)]
        examples = {t.i for t in obj.subtree} & own
        if title_lists(doc, examples):
            # A list of titles is read from capitals and commas (see title_lists), when the caller distributes.
            return out + [((own - noun) | examples, borrowed)]
        out += [((own - noun) | (member_tokens(m, members) & own), borrowed) for m in members]
        return out
    return [(own, borrowed)]


COPULAS = ("is", "was", "are", "were")
"""The forms of "be" whose predicate noun's modifiers are split (see :func:`split_modifiers`)."""
NAME_ENTITIES = ("PERSON", "ORG", "WORK_OF_ART")
"""A modifier inside such a name ("a Disney film") is part of a name, not an attribute."""


def split_modifiers(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"X is a 2014 American fantasy film" -> "X is a 2014 film", "X is a American film", "X is a fantasy film".

    Only for the noun a copula predicates of its subject, and only with two or more modifiers: each
    modifier is a separate attribute of the subject. A lone nationality is split off too: "X is an American
    actor" -> "X is an actor", "X is American".
    """
    attr = _predicate_noun(head, own)
    if attr is None:
        return [(own, borrowed)]
    subtrees = _modifier_spans(doc, attr, own)
    if len(subtrees) == 1 and all(doc[i].ent_type_ == "NORP" or doc[i].is_punct for i in subtrees[0]):
        # "X is an American actor": a nationality is a fact of its own ("X is American"), beside "X is an actor".
        nationality = subtrees[0]
        noun = {x.i for x in attr.subtree} & own
        return [(own - nationality, borrowed), ((own - noun) | nationality, borrowed)]
    if len(subtrees) < 2:
        return [(own, borrowed)]
    return [(own - set().union(*(t for j, t in enumerate(subtrees) if j != k)), borrowed)
            for k in range(len(subtrees))]


def _predicate_noun(head, own: set[int]):
    """The noun a copula ``head`` predicates of its subject ("X is a film"), or None."""
    if head.pos_ != "AUX" or head.lower_ not in COPULAS:
        return None
    return next((c for c in head.children if c.dep_ == "attr" and c.i in own and c.pos_ == "NOUN"), None)


def _modifier_spans(doc, attr, own: set[int]) -> list[set[int]]:
    """The token spans of the modifiers before ``attr``, one per attribute; a noun right before the head
    names the kind of thing ("programming language") and stays with every variant."""
    mods = [c for c in attr.children if c.i in own and c.i < attr.i and c.dep_ in ("amod", "compound", "nummod", "nmod")
            and c.ent_type_ not in NAME_ENTITIES]
    subtrees = _glued([{x.i for x in m.subtree} & own for m in mods], doc)
    last = doc[max(subtrees[-1])] if subtrees else None
    if len(subtrees) > 2 and last.dep_ == "compound" and last.pos_ == "NOUN" and last.i == attr.i - 1:
        subtrees = subtrees[:-1]
    return subtrees


def _glued(spans: list[set[int]], doc) -> list[set[int]]:
    """Merge modifier spans written as one word ("multi-role": "multi", "-", "role"); drop bare punctuation."""
    out: list[set[int]] = []
    for span in sorted((s for s in spans if s), key=min):
        if out and min(span) == max(out[-1]) + 1 and not doc[max(out[-1])].whitespace_:
            out[-1] = out[-1] | span
        else:
            out.append(set(span))
    return [s for s in out if any(doc[i].is_alpha or doc[i].like_num for i in s)]


def split_time(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"X premiered in Hollywood on May 28" -> "X premiered in Hollywood" + "X premiered on May 28".

    A date is a fact of its own: split apart, a wrong date can be compared (or found missing) alone.
    """
    if head.pos_ not in VERBAL:
        return [(own, borrowed)]
    timed = [c for c in head.children if c.i in own and c.dep_ in ("prep", "npadvmod", "advmod")
             and mentions_time(c)]
    others = _other_adjuncts(head, timed, own)
    if not timed or not others:
        return [(own, borrowed)]

    def subtree(t):
        return {x.i for x in t.subtree} & own

    time_tokens = set().union(*(subtree(c) for c in timed)) - set().union(*(subtree(p) for p in others))
    other_tokens = set().union(*(subtree(c) for c in others))
    return [(own - time_tokens, borrowed), (own - other_tokens, borrowed)]


def _other_adjuncts(head, timed: list, own: set[int]) -> list:
    """The adjuncts of ``head`` that are not times: phrases and clauses with their object; the verb's own
    arguments ("took place", "opened its office") stay, and so does a preposition without its object
    ("starred in and produced X")."""
    others = [c for c in head.children if c.i in own and c not in timed and c.dep_ in ("prep", "advcl", "agent")
              and any(c.children)]
    # "premiered on July 26, 2019 on Amazon Prime Video": the parser hangs the place on the date.
    others += [p for c in timed for p in c.subtree if p.dep_ == "prep" and p.i in own and p.head.i != c.i
               and p.head.ent_type_ == "DATE" and p.head.pos_ in ("PROPN", "NUM") and p.lower_ != "of"
               and not mentions_time(p)]
    return others


def split_adjuncts(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"played in Minneapolis after Super Bowl XXVI" -> one claim per prepositional adjunct of the verb."""
    if head.pos_ not in VERBAL:
        return [(own, borrowed)]
    adjuncts = [c for c in head.children if c.i in own and c.dep_ == "prep" and c.i > head.i
                and c.lower_ not in ("of", "than", "by", "as", "like") and any(x.dep_ == "pobj" for x in c.children)]
    if len(adjuncts) < 2:
        return [(own, borrowed)]
    tokens = [{x.i for x in c.subtree} & own for c in adjuncts]
    rest = own - set().union(*tokens)
    return [(rest | t, borrowed) for t in tokens]


def split_fronted(doc, head, own: set[int], borrowed: set[int]) -> set[int] | None:
    """The clause without an adjunct fronted and set off by a comma, or None when there is none.

    "Like many dynamic languages, Python is widely used as a scripting language" also states "Python is
    widely used as a scripting language". The full clause stays too: the adjunct is part of what is said.
    """
    if head.pos_ not in VERBAL or not has_subject(head):
        return None
    drop: set[int] = set()
    for c in head.children:
        after = c.right_edge.i + 1
        if (c.i in own and c.i < head.i and after < len(doc) and doc[after].text == ","
                and _fronted_adjunct(c)):
            drop |= {x.i for x in c.subtree}
    rest = own - drop
    # What is left must still say something: a subject, a verb and at least one more content word.
    if not drop or sum(doc[i].is_alpha and not doc[i].is_stop for i in rest | borrowed) < 3:
        return None
    return rest


_ASSERTING_MARKS = frozenset({"while", "whereas", "although", "though", "because", "since", "after", "as", "before",
                              "when", "once"})


def _fronted_adjunct(c) -> bool:
    """A fronted phrase the rest of the clause holds without.

    Not a condition ("if it comes to fruition, X would"): without it X is asserted outright. Not an adverb
    ("Perhaps,", "Allegedly,"): it may hedge. Not "according to": that is the claim's source.
    """
    if c.dep_ == "prep":
        return c.lower_ != "according"
    if c.dep_ == "npadvmod":
        return c.pos_ in ("NOUN", "PROPN")  # "Last year,"
    if c.dep_ == "advcl":
        return all(m.lower_ in _ASSERTING_MARKS for m in c.children if m.dep_ == "mark")
    return False
