"""Coordination: "A, B and C" becomes one claim per conjunct (see :func:`distribute`).

Which coordinations count is decided by :data:`LIST_RULES` (prepositional phrases, nouns and adjectives),
plus lists of titles (:mod:`factalign.claims.titles`), adjectives separated by commas and names after a
colon. Parties acting together ("talks between Japan and NATO", "X and Y met") are not distributed.
"""

from __future__ import annotations

from .syntax import NOUNISH, QUANTIFIERS, VERBAL, colon_anchor, entity_bounds, is_list_item, path_up
from .titles import TITLE_QUOTES, title_lists

RECIPROCAL = frozenset(
    f"{stem}{end}" for stem, ends in {
        "me": ("et", "ets", "eting", "t"), "agree": ("", "s", "d"), "sign": ("", "s", "ed"),
        "negotiat": ("e", "es", "ed"), "talk": ("", "s", "ed"), "merg": ("e", "es", "ed"),
        "marr": ("y", "ies", "ied"), "clash": ("", "es", "ed"),
        "collid": ("e", "es", "ed"), "fought": ("",), "fight": ("", "s"), "compet": ("e", "es", "ed"),
        "differ": ("", "s", "ed"), "cooperat": ("e", "es", "ed"), "discuss": ("", "es", "ed"), "share": ("", "s", "d"),
    }.items() for end in ends
)
"""Verbs whose coordinated subject acts together: "Japan and NATO met" is not "Japan met" + "NATO met"."""


COLLECTIVE_PREPS = frozenset({"between", "among", "amongst"})


MAX_VARIANTS = 12
"""Distributing several coordinations multiplies propositions; beyond this many, a clause is kept whole."""


NAME_JOINS = frozenset({"&", "+"})
"""Joins inside a name ("Romeo + Juliet", "Men, Women & Children"); prose lists say "and"."""


def distribute(doc, own_: set[int], borrowed: set[int], lists: list | None = None,
               known: tuple[frozenset[int], ...] = ()) -> list[tuple[set[int], set[int]]]:
    """Variants of a clause (``own_`` its words) with each coordinated phrase reduced to one of its conjuncts.

    With several coordinations in one clause, each is distributed in turn while the others keep only
    their first conjunct: the variants grow with the sum of the list lengths, not their product.
    ``lists``: :func:`~.titles.title_lists` of ``own_`` when the caller has them already; ``known``: names
    known to be whole (see :func:`~.titles.bracketed_titles`).

    Example:
        >>> import spacy                                                        # doctest: +SKIP
        >>> doc = spacy.load("en_core_web_sm")("She speaks French and German.")  # doctest: +SKIP
        >>> [sorted(own) for own, _ in distribute(doc, {0, 1, 2, 3, 4}, set())]  # doctest: +SKIP
        [[0, 1, 2], [0, 1, 4]]
    """
    lists = title_lists(doc, own_, known) if lists is None else lists
    # The parser's reading of a list wins unless brackets closed its names (see bracketed_titles).
    kept = [(items, glue, tails) for items, glue, tails in lists
            if not _parsed_alike(doc, items, own_) or any(frozenset(item) in known for item in items)]
    groups = [(items, glue) for items, glue, _ in kept]
    # A list inside a name's phrase ("... to its south and southwest") is distributed within that name.
    claimed: set[int] = set().union(*(glue.union(*items) - set().union(*tails) for items, glue, tails in kept))
    for i in sorted(own_):
        first = doc[i]
        if i in claimed or first.dep_ in ("conj", "appos"):
            continue
        members = _list_members(first, own_, claimed)
        if members:
            claimed |= {m.i for m in members}
            groups.append(([member_tokens(m, members) & own_ for m in members], _list_glue(doc, first, members, own_)))
    groups += _comma_adjectives(doc, own_)
    groups += _colon_lists(doc, own_, claimed)
    if not groups:
        return [(set(own_), set(borrowed))]
    return _one_member_each(groups, own_, borrowed)


def prepositional_list(first, own: set[int]) -> list | None:
    """"in installments ... and in book form": prepositional phrases conjoined, each with its object.

    None when ``first`` is not a preposition; empty when the phrases share one object ("with and against
    the U.S.").
    """
    if first.dep_ != "prep":
        return None
    members = _chain(first, lambda c: c.i in own and c.dep_ == "conj" and c.pos_ == "ADP")
    if len(members) == 1:
        members += _prep_on_verb(first, own)
    members = _same_word_anchor(members, own)
    if not all(any(c.dep_ in ("pobj", "pcomp") for c in m.children) for m in members):
        return []
    return members


def _listable_word(first) -> bool:
    """A noun, or an adjective as modifier or predicate ("a corrupt and arrogant X", "they are corrupt and
    arrogant"), or an adjective used as a noun ("in the elderly and people ...")."""
    if first.pos_ == "ADJ" and first.dep_ in ("amod", "acomp"):
        return True
    if first.pos_ in NOUNISH and first.dep_ != "amod":
        return True
    return first.pos_ == "ADJ" and first.dep_ in ("pobj", "nsubj", "dobj") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in first.children)


def word_list(first, own: set[int]) -> list | None:
    """"Japan, Korea and China", "a corrupt and arrogant X": nouns or adjectives conjoined.

    None when ``first`` is no such word; empty for nouns before a noun that are not numbers (often one
    name: "the Procter and Gamble shares"; see :func:`_numbered`).
    """
    if not _listable_word(first):
        return None
    members = conjuncts(first, own)
    if first.dep_ in ("compound", "nmod") and not _numbered(members):
        return []
    return members


LIST_RULES = (prepositional_list, word_list)
"""Which coordinations starting at a token are distributed; the first rule that applies decides."""


def _list_members(first, own: set[int], claimed: set[int]) -> list:
    """The conjuncts of the list that ``first`` opens, by :data:`LIST_RULES`; empty when none is distributed."""
    members = next((found for rule in LIST_RULES if (found := rule(first, own)) is not None), None) or []
    if any(m.i in claimed for m in members):
        return []  # the end of a list hung on a noun inside an earlier member (see _list_tail)
    if len(members) < 2 or len(members) > MAX_VARIANTS or _same_entity(first, members) or _collective(first):
        return []
    return members


def _list_glue(doc, first, members: list, own: set[int]) -> set[int]:
    """The tokens that join the list's members and go with none of them: commas, "and", "as well as", and a
    "both" after the first member ("Miyazaki and Takahata both left": one of them alone did not leave "both")."""
    glue = _joins(members, own)
    glue |= _joining_phrases(doc, glue, own)
    glue |= _joins_between(doc, first, members, own)
    glue |= {c.i for c in first.children if c.dep_ == "appos" and c.lower_ in QUANTIFIERS and c.i in own}
    return glue


def _joins(members: list, own: set[int]) -> set[int]:
    """The conjunctions and punctuation hung on the members, also on a name folded into a member ("Johnson &
    Johnson and Pfizer"), between the first and the last member; not the joins inside a name ("&")."""
    low, high = min(m.i for m in members), max(m.i for m in members)
    linked = members + [c for m in members for c in m.children if c.dep_ == "conj" and c not in members]
    return {c.i for m in linked for c in m.children if c.dep_ in ("cc", "preconj", "punct")
            and c.i in own and low < c.i < high and c.text not in NAME_JOINS and c.text not in TITLE_QUOTES}


def _joining_phrases(doc, glue: set[int], own: set[int]) -> set[int]:
    """"..., as well as in theaters": the whole joining phrase goes with its "as"."""
    return {t.i for i in glue if doc[i].dep_ == "cc" for t in doc[i].subtree if t.i in own}


def _joins_between(doc, first, members: list, own: set[int]) -> set[int]:
    """Conjunctions and punctuation between two members that the parser hung on the list's head."""
    return {i for a, b in zip(members, members[1:]) for i in range(a.right_edge.i + 1, b.left_edge.i)
            if i in own and doc[i].dep_ in ("cc", "punct") and doc[i].head.i == first.head.i}


def _one_member_each(groups: list[tuple[list[set[int]], set[int]]], own: set[int],
                     borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """One variant per member of each list, the other lists reduced to one member; no variant twice."""
    out: list[tuple[set[int], set[int]]] = []
    for g, (members, glue) in enumerate(groups):
        fixed = set(own)
        inside = set().union(*members)
        for h, (other_members, other_glue) in enumerate(groups):
            if h != g:
                # The other list keeps its first member, or the member this list sits in ("for his
                # work with De Niro and Scorsese" keeps that member while the names are distributed).
                keep = next((m for m in other_members if inside <= m), other_members[0])
                fixed -= other_glue | set().union(*(m for m in other_members if m is not keep))
        for k in range(len(members)):
            variant = fixed - glue - set().union(*(m for j, m in enumerate(members) if j != k))
            if all(variant != existing for existing, _ in out):
                out.append((variant, set(borrowed)))
    return out


def _colon_lists(doc, own: set[int], claimed: set[int]) -> list[tuple[list[set[int]], set[int]]]:
    """"live in the mountainous regions of central China: Sichuan and Tibet": the phrase before the colon
    and each name after it are alternatives ("live in Sichuan", "live in Tibet"); see :func:`colon_anchor`."""
    groups = []
    for i in sorted(own):
        tok = doc[i]
        anchor = colon_anchor(tok) if i not in claimed else None
        if anchor is None or anchor.i not in own:
            continue
        names = _chain(tok, lambda c: c.i in own and c.dep_ == "conj")
        phrase = {t.i for t in anchor.subtree if t.i < tok.left_edge.i - 1} & own
        glue = {tok.left_edge.i - 1} | {c.i for m in names for c in m.children if c.dep_ in ("cc", "punct")}
        items = [phrase] + [member_tokens(m, names) & own - glue for m in names]
        groups.append((items, glue & own))
        claimed |= set().union(*items)
    return groups


def _numbered(members: list) -> bool:
    """"the -300, -400 and -500 models", "the 2004 and 2008 elections": numbers before a noun are a list
    (other nouns before a noun are often one name: "the Procter and Gamble shares")."""
    return len(members) >= 2 and all(any(ch.isdigit() for ch in m.text) for m in members)


def _parsed_alike(doc, items: list[set[int]], own: set[int]) -> bool:
    """The parser read the same list: one conjunct inside each title (it may add a noun before the list)."""
    root = next((doc[i] for i in sorted(items[0]) if doc[i].head.i not in items[0] or doc[i].head.i == i), None)
    if root is None:
        return False
    while root.dep_ in ("conj", "appos") and root.head.i != root.i and root.head.i in own:
        root = root.head
    members = conjuncts(root, own)
    return all(sum(m.i in item for m in members) == 1 for item in items)


def _prep_on_verb(prep, own: set[int]) -> list:
    """"published in installments ..., and in book form": the parser hung the second phrase on the verb."""
    verb = prep.head
    if verb.pos_ not in VERBAL:
        return []
    later = sorted((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.i > prep.i and c.i in own),
                   key=lambda c: c.i)
    if not later or any(c.dep_ in ("prep", "dobj", "attr") and prep.i < c.i < later[0].i for c in verb.children):
        return []
    return later


def _same_word_anchor(members: list, own: set[int]) -> list:
    """"known for portraying characters in films and for his collaborations": the second "for" is the
    partner of the first "for", though the parser hung it on the "in" between them."""
    if len(members) != 2 or members[0].lower_ == members[1].lower_:
        return members
    anchor = next((a for a in members[0].ancestors if a.dep_ == "prep" and a.i in own
                   and a.lower_ == members[1].lower_), None)
    return [anchor, members[1]] if anchor is not None else members


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


def _chain(tok, member) -> list:
    """``tok`` and the tokens reached from it through children that ``member`` accepts, in text order."""
    out, stack = [tok], [tok]
    while stack:
        for c in stack.pop().children:
            if member(c):
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def conjuncts(tok, own: set[int]) -> list:
    out = _chain(tok, lambda c: c.i in own and (
        (c.dep_ == "conj" and c.pos_ in (*NOUNISH, "ADJ")) or is_list_item(c)))
    joined = [m for m in out[1:] if m.doc[m.left_edge.i - 1].text in NAME_JOINS]
    if joined:
        if joined[-1] is out[-1] and not any(c.dep_ == "cc" and c.text not in NAME_JOINS
                                             for m in out for c in m.children):
            return out[:1]  # "Men, Women & Children": one name
        out = [m for m in out if m not in joined]  # "Romeo + Juliet, The Hours and Stardust"
    if len(out) >= 2 and not any(c.dep_ == "cc" for m in out for c in m.children):
        out += _list_tail(out[-1], own)
    return out


def _list_tail(last, own: set[int]) -> list:
    """"priests, representatives of the Inca aristocracy, soldiers and guardians": the end of a list.

    A list "A, B" has no "and" of its own; the parser hung its "..., C and D" on the noun inside B's
    phrase ("aristocracy"). That noun's conjuncts, up to the "and", continue the outer list.
    """
    for prep in (c for c in last.children if c.dep_ == "prep" and c.i in own):
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.i in own), None)
        if noun is None:
            continue
        chain = _chain(noun, lambda c: c.i in own and c.dep_ == "conj" and c.pos_ in NOUNISH)
        tail = chain[1:]
        if tail and any(c.dep_ == "cc" for m in chain for c in m.children) and last.doc[tail[0].i - 1].text == ",":
            return tail
    return []


def member_tokens(member, members: list) -> set[int]:
    others = {m.i for m in members if m.i != member.i}
    return {t.i for t in member.subtree if not any(a.i in others for a in path_up(t, member))
            and not (t.dep_ in ("cc", "punct", "preconj") and t.head.i == member.i and t.text not in NAME_JOINS)}


def _same_entity(first, members: list) -> bool:
    # "Dumb and Dumber", "Halt and Catch Fire": a conjunction inside one name is not a coordination.
    name = entity_bounds(first)
    if name is None or any(entity_bounds(m) != name for m in members[1:]):
        return False
    # "The Truman Show and Man on the Moon": two titles of several words each, each opening with a capital,
    # are two names even when the tagger read one ("Pride and Prejudice", "Harry Potter and the ..." stay one).
    doc = first.doc
    spans = [sorted(member_tokens(m, members)) for m in members]
    return not all(len(s) >= 2 and doc[s[0]].text[:1].isupper() for s in spans)
