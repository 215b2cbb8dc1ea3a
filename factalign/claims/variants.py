"""Variant rules: one clause becomes several claims, each keeping one member of a list, one adjunct, one aside.

Each ``split_*`` function takes the token indices of one clause (its own words and the words it borrows)
and returns the variants, so the rules compose: a clause is first split by ``examples``, then by
``coordinated_np``, ``modifiers``, ``time`` and ``adjuncts``. ``parentheticals`` and ``semicolon_segments``
work on token ranges before any clause is read.
"""

from __future__ import annotations

from .syntax import (
    NOUNISH, QUANTIFIERS, VERBAL, colon_anchor, core_np, entity_bounds, has_subject, is_list_item, mentions_time,
    path_up, wordy,
)

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


def distribute(doc, own_: set[int], borrowed: set[int], lists: list | None = None,
               known: tuple[frozenset[int], ...] = ()) -> list[tuple[set[int], set[int]]]:
    """Variants of a clause (``own_`` its words) with each coordinated phrase reduced to one of its conjuncts.

    With several coordinations in one clause, each is distributed in turn while the others keep only
    their first conjunct: the variants grow with the sum of the list lengths, not their product.
    ``lists``: :func:`title_lists` of ``own_`` when the caller has them already; ``known``: names known
    to be whole (see :func:`bracketed_titles`).
    """
    lists = title_lists(doc, own_, known) if lists is None else lists
    # The parser's reading of a list wins unless brackets closed its names (see bracketed_titles).
    kept = [(items, glue, tails) for items, glue, tails in lists
            if not _parsed_alike(doc, items, own_) or any(frozenset(item) in known for item in items)]
    groups = [(items, glue) for items, glue, _ in kept]
    # A list inside a name's phrase ("... to its south and southwest") is distributed within that name.
    claimed: set[int] = set().union(*(glue.union(*items) - set().union(*tails) for items, glue, tails in kept))
    for tok in sorted(own_):
        first = doc[tok]
        if tok in claimed or first.dep_ in ("conj", "appos"):
            continue
        # "a corrupt and arrogant X", "they are corrupt and arrogant"
        adjectives = first.pos_ == "ADJ" and first.dep_ in ("amod", "acomp")
        if first.dep_ == "prep":  # "in installments ... and in book form"
            members = _chain(first, lambda c: c.i in own_ and c.dep_ == "conj" and c.pos_ == "ADP")
            if len(members) == 1:
                members += _prep_on_verb(first, own_)
            members = _same_word_anchor(members, own_)
            if not all(any(c.dep_ in ("pobj", "pcomp") for c in m.children) for m in members):
                continue  # "with and against the U.S.": the phrases share one object
        elif adjectives or (first.pos_ in NOUNISH and first.dep_ != "amod") or (
                first.pos_ == "ADJ" and first.dep_ in ("pobj", "nsubj", "dobj")  # "in the elderly and people ..."
                and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in first.children)):
            members = conjuncts(first, own_)
            if first.dep_ in ("compound", "nmod") and not _numbered(members):
                continue
        else:
            continue
        if any(m.i in claimed for m in members):
            continue  # the end of a list hung on a noun inside an earlier member (see _list_tail)
        if len(members) < 2 or len(members) > MAX_VARIANTS or _same_entity(first, members) or _collective(first):
            continue
        claimed |= {m.i for m in members}
        # The joins of the list, also those hung on a name folded into a member ("Johnson & Johnson and Pfizer").
        linked = members + [c for m in members for c in m.children if c.dep_ == "conj" and c not in members]
        glue = {c.i for m in linked for c in m.children if c.dep_ in ("cc", "preconj", "punct")
                and c.i in own_ and min(x.i for x in members) < c.i < max(x.i for x in members)
                and c.text not in NAME_JOINS and c.text not in _QUOTES}
        # "..., as well as in theaters": the whole joining phrase goes with its "as".
        glue |= {t.i for i in list(glue) if doc[i].dep_ == "cc" for t in doc[i].subtree if t.i in own_}
        glue |= {i for a, b in zip(members, members[1:]) for i in range(a.right_edge.i + 1, b.left_edge.i)
                 if i in own_ and doc[i].dep_ in ("cc", "punct") and doc[i].head.i == first.head.i}
        # "Miyazaki and Takahata both left": one of them alone did not leave "both".
        glue |= {c.i for c in first.children if c.dep_ == "appos" and c.lower_ in QUANTIFIERS and c.i in own_}
        groups.append(([member_tokens(m, members) & own_ for m in members], glue))
    groups += _comma_adjectives(doc, own_)
    groups += _colon_lists(doc, own_, claimed)
    if not groups:
        return [(set(own_), set(borrowed))]
    out: list[tuple[set[int], set[int]]] = []
    for g, (cores, glue) in enumerate(groups):
        fixed = set(own_)
        inside = set().union(*cores)
        for h, (other_cores, other_glue) in enumerate(groups):
            if h != g:
                # The other list keeps its first member, or the member this list sits in ("for his
                # work with De Niro and Scorsese" keeps that member while the names are distributed).
                keep = next((m for m in other_cores if inside <= m), other_cores[0])
                fixed -= other_glue | set().union(*(m for m in other_cores if m is not keep))
        for k in range(len(cores)):
            own = fixed - glue - set().union(*(c for j, c in enumerate(cores) if j != k))
            if all(own != o for o, _ in out):
                out.append((own, set(borrowed)))
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


NAME_JOINS = frozenset({"&", "+"})
"""Joins inside a name ("Romeo + Juliet", "Men, Women & Children"); prose lists say "and"."""


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


def split_modifiers(doc, head, own: set[int], borrowed: set[int]) -> list[tuple[set[int], set[int]]]:
    """"X is a 2014 American fantasy film" -> "X is a 2014 film", "X is a American film", "X is a fantasy film".

    Only for the noun a copula predicates of its subject, and only with two or more modifiers: each
    modifier is a separate attribute of the subject. A lone nationality is split off too: "X is an American
    actor" -> "X is an actor", "X is American".
    """
    if head.pos_ != "AUX" or head.lower_ not in ("is", "was", "are", "were"):
        return [(own, borrowed)]
    attr = next((c for c in head.children if c.dep_ == "attr" and c.i in own and c.pos_ == "NOUN"), None)
    if attr is None:
        return [(own, borrowed)]
    mods = [c for c in attr.children if c.i in own and c.i < attr.i and c.dep_ in ("amod", "compound", "nummod", "nmod")
            and not c.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART")]
    subtrees = _glued([{x.i for x in m.subtree} & own for m in mods], doc)
    # A noun right before the head names the kind of thing ("programming language"): every variant keeps it.
    last = doc[max(subtrees[-1])] if subtrees else None
    if len(subtrees) > 2 and last.dep_ == "compound" and last.pos_ == "NOUN" and last.i == attr.i - 1:
        subtrees = subtrees[:-1]
    if len(subtrees) == 1 and all(doc[i].ent_type_ == "NORP" or doc[i].is_punct for i in subtrees[0]):
        # "X is an American actor": a nationality is a fact of its own ("X is American"), beside "X is an actor".
        nationality = subtrees[0]
        noun = {x.i for x in attr.subtree} & own
        return [(own - nationality, borrowed), ((own - noun) | nationality, borrowed)]
    if len(subtrees) < 2:
        return [(own, borrowed)]
    out = []
    for k in range(len(subtrees)):
        out.append((own - set().union(*(t for j, t in enumerate(subtrees) if j != k)), borrowed))
    return out


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

    def subtree(t):
        return {x.i for x in t.subtree} & own

    timed = [c for c in head.children if c.i in own and c.dep_ in ("prep", "npadvmod", "advmod")
             and mentions_time(c)]
    # Only adjuncts are split off; the verb's own arguments ("took place", "opened its office") stay.
    others = [c for c in head.children if c.i in own and c not in timed and c.dep_ in ("prep", "advcl", "agent")
              and any(c.children)]  # a preposition without its object ("starred in and produced X") is no adjunct
    # "premiered on July 26, 2019 on Amazon Prime Video": the parser hangs the place on the date.
    others += [p for c in timed for p in c.subtree if p.dep_ == "prep" and p.i in own and p.head.i != c.i
               and p.head.ent_type_ == "DATE" and p.head.pos_ in ("PROPN", "NUM") and p.lower_ != "of"
               and not mentions_time(p)]
    if not timed or not others:
        return [(own, borrowed)]
    time_tokens = set().union(*(subtree(c) for c in timed)) - set().union(*(subtree(p) for p in others))
    other_tokens = set().union(*(subtree(c) for c in others))
    return [(own - time_tokens, borrowed), (own - other_tokens, borrowed)]


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


def semicolon_segments(doc, allowed: set[int]) -> list[set[int]]:
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
               and any(doc[i].pos_ in VERBAL for i in seg)]
    return segments if len(clauses) == len(segments) else [allowed]


def parentheticals(doc, allowed: set[int], brackets: bool) -> list[tuple[set[int], set[int]]]:
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
            quoted = _quoted_before(doc, prev, allowed)
            if quoted:
                anchor = quoted  # '"Man on the Moon" (1999)'
            elif prev in allowed and wordy(doc[prev]):
                ent = next((e for e in doc.ents if e.start <= prev < e.end), None)
                title = title_run(doc, prev)
                if ent is not None and ent.end - ent.start >= len(title):
                    anchor = set(range(ent.start, ent.end))
                elif len(title) > 1:
                    anchor = set(title)  # "10 Things I Hate About You (1999)": a title the tagger did not see
                else:
                    anchor = core_np(doc[prev], allowed, strict=True) - group
                anchor = {j for j in anchor if j < opened and j in allowed}
            out.append((group, anchor))
            opened = None
    return out


_LINKS = frozenset({"of", "the", "a", "an", "from", "on", "in", "at", "to", "for", "and", "&", "with", "by"})
MAX_QUOTED_TITLE = 12


def _quoted_before(doc, end: int, allowed: set[int]) -> set[int]:
    """The quoted title that ends at ``end`` (its closing quotation mark), with its marks; empty if none."""
    if end < 1 or end not in allowed or doc[end].text not in _QUOTES:
        return set()
    for i in range(end - 1, max(end - MAX_QUOTED_TITLE, 0) - 1, -1):
        if doc[i].text in _QUOTES:
            inner = range(i + 1, end)
            if inner and _capital(doc[i + 1]) and all(j in allowed for j in range(i, end + 1)):
                return set(range(i, end + 1))
            return set()
        if doc[i].text in ("(", ")", ";"):
            return set()
    return set()


def title_run(doc, end: int) -> list[int]:
    """Indices of the capitalised words ending at ``end`` ("Far from Heaven", "Dead on Arrival")."""
    run: list[int] = []
    i = end
    while i >= 0:
        tok = doc[i]
        capital = tok.text[:1].isupper() or tok.like_num
        link = tok.lower_ in _LINKS and run and _capital_before(doc, i)
        # "Twin Peaks: The Return (2017)": a colon inside a title, between capitals.
        link = link or (tok.text == ":" and run and i > 0 and not doc[i - 1].whitespace_
                        and _capital(doc[i - 1]) and _capital(doc[run[0]]))
        if link and tok.lower_ == "and" and doc[i - 1].ent_type_ == "PERSON" and doc[i - 2].ent_iob_ in ("B", "I"):
            break  # "by David Fincher and Blindness (2008)": a full name, then the next title (not "Dick and Jane")
        if not (capital or link):
            break
        run.insert(0, i)
        if tok.is_sent_start:
            break
        i -= 1
    while run and doc[run[0]].lower_ in _LINKS:
        run.pop(0)
    return run


def _capital_before(doc, i: int) -> bool:
    """A capitalised word (or number) just before ``i``, across at most one more link ("Sunshine of the Mind")."""
    for j in (i - 1, i - 2):
        if j < 0 or doc[j].is_sent_end:
            return False
        if doc[j].text[:1].isupper() or doc[j].like_num:
            return True
        if doc[j].lower_ not in _LINKS:
            return False
    return False


_CLOSE = {"(": ")", "[": "]"}


def split_at(doc, group: set[int], sep: str) -> list[set[int]]:
    """The pieces of a bracketed aside between separators: ";", and a comma between a place and a date
    ("(New York, December 27, 1995)" says where and when, two facts)."""
    pieces: list[set[int]] = [set()]
    for i in sorted(group):
        if doc[i].text == sep or (doc[i].text == "," and _place_date_comma(doc, i)):
            pieces.append(set())
        elif doc[i].text not in "()[]":
            pieces[-1].add(i)
    return [p for p in pieces if any(wordy(doc[i]) for i in p)]


def _place_date_comma(doc, i: int) -> bool:
    if i == 0 or i + 1 >= len(doc):
        return False
    kinds = {doc[i - 1].ent_type_, doc[i + 1].ent_type_}
    return "DATE" in kinds and bool(kinds & {"GPE", "LOC"})


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


_TITLE_GLUE = frozenset({"'s", "’s", ":", "-", "+", "/", "&", "!", "?", "'", "’"})
_TAIL_PREPS = frozenset({"to", "in", "as", "from", "for", "with", "on", "at", "by"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})
MAX_TITLES = 20


def _capital(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()  # "Iron Man 3", not "three" or "first"


def _dated(tok) -> bool:
    """Inside a date with a number ("May 30, 2014"; not "The Day After Tomorrow")."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    start, end = entity_bounds(tok)
    return any(t.like_num for t in tok.doc[start:end])


def _title_end(doc, i: int, stop: int) -> int:
    """One past the last word of the title starting at ``i`` ("Pirates of the Caribbean: Dead Men Tell No
    Tales", "Charlie and the Chocolate Factory"), or ``i`` when no title starts there."""
    start = i
    if i < stop and doc[i].lower_ in ("the", "a", "an") and not _capital(doc[i]):
        i += 1  # "the Adriatic Sea"
    if i + 1 < stop and doc[i].text in _QUOTES:
        i += 1  # "Angry Bull"
    if i >= stop or not _capital(doc[i]) or doc[i].is_punct or _dated(doc[i]):
        return start  # "on May 30, 2014 in the ...": a date is not a title
    if doc[i].is_sent_start and doc[i].is_stop and (doc[i].pos_ == "ADP" or not (
            i + 1 < stop and _capital(doc[i + 1]))):
        return start  # "In 2019, ...", "The film ...": a capital that only opens the sentence
    end = j = i + 1
    while j < stop:
        tok = doc[j]
        if tok.text == ",":
            break
        if tok.lower_ in ("and", "or") and j + 1 < stop and _capital(doc[j + 1]) and tok.ent_iob_ != "I":
            break  # "Hot Summer Nights and Lady Bird": the next title ("Halt and Catch Fire" is one name)
        if _capital(tok) and not tok.is_punct:
            end = j = j + 1
            continue
        if j + 1 < stop and doc[j + 1].ent_type_ in ("DATE", "TIME"):
            break  # "Odesa on Tuesday": a date after the name, not a title "X on Y"
        if tok.lower_ in _LINKS or tok.text in _TITLE_GLUE:
            j += 1  # a link counts only when a capital follows it
            continue
        break
    if not any(t.is_alpha and _capital(t) for t in doc[i:end]):
        return start  # "2019": a number alone is not a title
    if end < stop and doc[end].text in ("!", "?"):
        end += 1  # "Horton Hears a Who!"
    if end < stop and doc[end].text in _QUOTES and doc[i - 1].text in _QUOTES and i > start:
        end += 1
    if end + 1 < stop and doc[end].pos_ == "NOUN" and doc[end].is_lower and (
            doc[end + 1].text == "," or doc[end + 1].lower_ in _TAIL_PREPS):
        end += 1  # "the Harry Potter series, ..."
    return end


def _abbreviation(tok) -> bool:
    """"Mrs.", "St.", "Dr.": a word with its full stop."""
    return len(tok.text) <= 4 and tok.text.endswith(".") and tok.text[:-1].isalpha()


def _tail_end(doc, i: int, stop: int, free: bool = True) -> tuple[str | None, int]:
    """A short phrase after a title that belongs to it alone ("Italy to the west", "Great Expectations as
    Miss Havisham"): its preposition and one past its last word. Without ``free`` (the last title, whose
    phrase may be shared by the whole list), only lower-case words or numbers."""
    if i >= stop or doc[i].lower_ not in _TAIL_PREPS:
        return None, i
    j = i + 1
    while j < stop and j - i <= 5 and doc[j].text != "," and doc[j].lower_ not in ("and", "or") and (
            doc[j].is_alpha or doc[j].like_num or _abbreviation(doc[j])
            or (free and doc[j].text in _TITLE_GLUE)) and (
            free or not _capital(doc[j]) or doc[j].like_num):
        j += 1
    if not free and j > i + 1 and j < stop and doc[j].lower_ in ("and", "or"):
        # "..., and the Atlantic Ocean to its south and southwest": the last name's phrase may be a list itself.
        k = j + 1
        while k < stop and k - i <= 8 and (doc[k].is_alpha and not _capital(doc[k])):
            k += 1
        if k > j + 1 and (k >= stop or doc[k].is_punct):
            j = k
    ends_item = j >= stop or doc[j].is_punct or doc[j].lower_ in ("and", "or")
    return (doc[i].lower_, j) if j > i + 1 and ends_item else (None, i)


def title_lists(doc, own: set[int], known: tuple[frozenset[int], ...] = (),
                ) -> list[tuple[list[set[int]], set[int], list[set[int]]]]:
    """Lists of three or more titles or names ("The Avengers, Iron Man 3 and Thor: Ragnarok"), read from
    capitals and commas rather than from the parse, which the small parser often gets wrong on such lists.

    Each item may carry a short tail shared by the others ("Italy to the west, Austria to the north").
    Names in ``known`` (see :func:`bracketed_titles`) are whole, and two of them make a list.
    Returns ``(items, glue, tails)``: the token indices of each title (with its tail), of the separators
    between them, and of each tail alone.
    """
    order = sorted(own)
    out: list[tuple[list[set[int]], set[int], list[set[int]]]] = []
    ends = {min(n): max(n) + 1 for n in known if n and n <= own}
    texts = [doc[i].text for i in order]
    if ("," not in texts and len(ends) < 2) or not ({"and", "or"} & {t.lower() for t in texts}):  # no list to read
        return out
    toks = list(doc)  # plain indexing; the scan below reads each token many times
    k = 0
    while k < len(order):
        stop = k
        while stop + 1 < len(order) and order[stop + 1] == order[stop] + 1:
            stop += 1
        found = _title_list(toks, order[k], order[stop] + 1, ends)
        if found is None:
            # Starting inside the first title would only read a shorter one.
            first = ends.get(order[k]) or _title_end(toks, order[k], order[stop] + 1)
            k = next((j for j in range(k + 1, len(order)) if order[j] >= first), len(order)) if first > order[k] \
                else k + 1
            continue
        items, glue, end, tails = found
        out.append((items, glue, tails))
        k = next((j for j in range(k, len(order)) if order[j] >= end), len(order))
    return out


MAX_CLOSING_ASIDE = 4
"""A year, a date or a translation closes a name; a longer aside may be a subtitle."""


def bracketed_titles(doc, allowed: set[int], asides) -> tuple[frozenset[int], ...]:
    """Names that a bracketed aside closes: "Kick-Ass 2 (2013) and Dumb and Dumber To (2014)" names two
    films, whatever their "and"s. ``asides``: :func:`parentheticals` of the sentence."""
    return tuple(frozenset(anchor) for group, anchor in asides
                 if anchor and max(anchor) + 1 == min(group) and all(i in allowed for i in anchor)
                 and sum(wordy(doc[i]) for i in group) <= MAX_CLOSING_ASIDE
                 and _capital(next(doc[i] for i in sorted(anchor) if doc[i].text not in _QUOTES)))


def _title_list(doc, start: int, stop: int, known: dict[int, int]):
    """One list starting at ``start``; ``known``: the end of each known name by its first token."""
    items: list[tuple[int, int, int]] = []  # first token, end of the title, end of its tail
    tails: list[str | None] = []
    glue: set[int] = set()
    i, closed, last = start, False, False
    while i < stop:
        end = known.get(i) or _title_end(doc, i, stop)
        if end == i:
            break
        if closed and i not in known and end + 1 < stop and doc[end].lower_ in ("and", "or"):
            # "..., Serial Misadventures and Dick and Jane's Follies": a list has one closing "and"; one
            # more inside the last title, up to where the list ends, belongs to that title.
            more = _title_end(doc, end + 1, stop)
            if more > end + 1 and (more >= stop or doc[more].is_punct):
                end = more
        prep, tail = _tail_end(doc, end, stop, free=not closed)
        if closed and prep not in tails:
            prep, tail = None, end  # "..., and Lesley Manville to their roles": said of every name
        items.append((i, end, tail))
        tails.append(prep)
        i = tail
        if closed:
            last = True
            if (i + 1 < stop and doc[i].text == "," and _title_end(doc, i + 1, stop) > i + 1
                    and not any(a in known for a, _, _ in items[-2:])):
                # "..., Halt and Catch Fire, Twin Peaks and Good Girls": the "and" sat inside a title.
                first = items[-2][0]
                glue -= set(range(first, i))
                items[-2:] = [(first, items[-1][1], i)]
                tails[-2:] = [prep]
                closed = last = False
                glue.add(i)
                i += 1
                continue
            break
        sep = [i] if i < stop and doc[i].text == "," else []
        if i + len(sep) < stop and doc[i + len(sep)].lower_ in ("and", "or"):
            sep.append(i + len(sep))
            closed = True
        if not sep:
            break
        glue |= set(sep)
        i += len(sep)
    # Two names make a list when brackets closed them ("Kick-Ass 2 (2013) and Dumb and Dumber To (2014)").
    sure = sum(a in known for a, _, _ in items) >= 2
    if not last or not (2 if sure else 3) <= len(items) <= MAX_TITLES or not (
            sure or any(doc[j].text == "," for j in glue)):
        return None
    if any(tails.count(t) < 2 for t in tails if t):
        return None  # "Martin Scorsese in the films Raging Bull, Goodfellas ...": a phrase only one name has
    return ([set(range(a, c)) for a, _, c in items], glue, items[-1][2],
            [set(range(b, c)) for _, b, c in items if c > b])
