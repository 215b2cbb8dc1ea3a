"""Decomposition of one parsed sentence into atomic, self-contained propositions.

The sentence is cut into clause units by :class:`~factalign.claims.walker.Walker` (the clause rules are
in :mod:`factalign.claims.clauses`); each unit then goes through the variant rules of
:data:`VARIANT_RULES` (:mod:`factalign.claims.variants`), which turn one clause into several claims, each
keeping one member of a list, one modifier, one adjunct. Semicolons and bracketed asides are handled
before any clause is read.

Evidence offsets are the proposition's own words; borrowed words (a subject, a noun phrase) are
rendered into the text but not counted as evidence, so the spans of sibling claims do not overlap much.

    >>> import spacy                                                         # doctest: +SKIP
    >>> doc = spacy.load("en_core_web_sm")("Rain fell and rivers rose.")       # doctest: +SKIP
    >>> [p.text for p in decompose(doc[:])]                                  # doctest: +SKIP
    ['Rain fell', 'rivers rose']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .clauses import BE_FORMS, DECOMPOSERS
from .render import render
from .syntax import VERBAL, wordy
from .asides import parentheticals, semicolon_segments, split_at
from .coordination import distribute
from .titles import bracketed_titles, title_lists
from .variants import split_adjuncts, split_examples, split_fronted, split_modifiers, split_time
from .walker import Unit, Walker

DEFAULT_RULES = (*DECOMPOSERS, "title", "examples", "coordinated_np", "modifiers", "time", "adjuncts",
                 "parenthetical", "brackets", "semicolon", "fronted")
"""Every rule, on by default: the clause rules of :data:`~factalign.claims.clauses.DECOMPOSERS`, then the
token-range and variant rules."""

Variant = tuple[set[int], set[int]]
"""One reading of a clause: its own token indices (evidence) and the ones it borrows."""


@dataclass(frozen=True)
class Proposition:
    """One proposition of a sentence: its text and the character range of its own words in the doc."""

    text: str
    start: int
    end: int
    rule: str | None = None
    verbal: bool = True


@dataclass(frozen=True)
class _UnitContext:
    """What a variant rule may read about the unit it splits."""

    doc: object
    unit: Unit
    lists: list
    titles: tuple[frozenset[int], ...]


def _examples(ctx: _UnitContext, own: set[int], borrowed: set[int]) -> list[Variant]:
    return split_examples(ctx.doc, own, borrowed)


def _coordinated_np(ctx: _UnitContext, own: set[int], borrowed: set[int]) -> list[Variant]:
    # The title lists read for the whole unit hold only while the unit's words are all there.
    return distribute(ctx.doc, own, borrowed, ctx.lists if own == ctx.unit.own else None, ctx.titles)


def _modifiers(ctx: _UnitContext, own: set[int], borrowed: set[int]) -> list[Variant]:
    return split_modifiers(ctx.doc, ctx.unit.head, own, borrowed)


def _time(ctx: _UnitContext, own: set[int], borrowed: set[int]) -> list[Variant]:
    return split_time(ctx.doc, ctx.unit.head, own, borrowed)


def _adjuncts(ctx: _UnitContext, own: set[int], borrowed: set[int]) -> list[Variant]:
    return split_adjuncts(ctx.doc, ctx.unit.head, own, borrowed)


VARIANT_RULES: tuple[tuple[str, Callable[[_UnitContext, set[int], set[int]], list[Variant]], bool], ...] = (
    ("examples", _examples, False),
    ("coordinated_np", _coordinated_np, False),
    ("modifiers", _modifiers, True),
    ("time", _time, True),
    ("adjuncts", _adjuncts, True),
)
"""Variant rules in the order they compose: ``(name, rule, needs a clause head)``. Each maps one variant
of a clause to one or more variants (see :mod:`factalign.claims.variants` for each rule's example)."""


def decompose(sent, allowed: set[int] | None = None, rules: tuple[str, ...] = DEFAULT_RULES,
              subst: dict[int, str] | None = None, reparse: Callable[[object, list[int]], object] | None = None,
              titles: tuple[frozenset[int], ...] = ()) -> list[Proposition]:
    """Split a parsed sentence into propositions.

    Args:
        sent: a spaCy ``Span`` (one sentence).
        allowed: doc token indices that may appear (e.g. the quotation without its attribution frame);
            None allows the whole sentence.
        rules: names from :data:`DEFAULT_RULES`; ``()`` keeps the sentence whole.
        subst: replacement texts by token index (resolved pronouns), applied when rendering.
        reparse: ``reparse(doc, kept) -> Doc`` parses the tokens ``kept`` of ``doc`` again as one sentence
            (see :func:`~factalign.claims.parse.reparse_without`); given, the sentence is parsed again without
            its bracketed asides before the clause rules run. Brackets mislead the small parser ("Zodiac (2007) by David
            Fincher and Blindness (2008)" reads as one name), and the asides are claims of their own anyway.
        titles: token index sets of names known to be whole (see :func:`~.titles.bracketed_titles`).

    Returns:
        Propositions in reading order of their evidence; at least one when the sentence has a word.

    Example:
        >>> import spacy                                                                  # doctest: +SKIP
        >>> doc = spacy.load("en_core_web_sm")("Kishida, the prime minister, left Tokyo.")  # doctest: +SKIP
        >>> [p.text for p in decompose(doc[:])]                                           # doctest: +SKIP
        ['Kishida left Tokyo', 'Kishida is the prime minister']
    """
    doc = sent.doc
    allowed = set(allowed) if allowed is not None else {t.i for t in sent}
    allowed = {i for i in allowed if not doc[i].is_space}
    if not any(wordy(doc[i]) for i in allowed):
        return []
    subst = subst or {}
    if "semicolon" in rules:
        segments = semicolon_segments(doc, allowed)
        if len(segments) > 1:
            inner = tuple(r for r in rules if r != "semicolon")
            return _in_order([p for seg in segments for p in decompose(sent, seg, inner, subst, reparse, titles)])
    out: list[Proposition] = []
    if "parenthetical" in rules:
        asides = parentheticals(doc, allowed, "brackets" in rules)
        removed = _take_asides(doc, allowed, asides, subst, out)
        if removed and reparse is not None and any(wordy(doc[i]) for i in allowed):
            return _in_order(out + _without_asides(doc, allowed, rules, subst, reparse, asides, out))
    return _in_order(_drop_contained(_clause_propositions(doc, allowed, rules, subst, titles, out)))


def _without_asides(doc, allowed: set[int], rules: tuple[str, ...], subst: dict[int, str], reparse,
                    asides: list, found: list[Proposition]) -> list[Proposition]:
    """The propositions of the sentence without its bracketed asides, parsed again (see :func:`decompose`),
    except those already ``found``."""
    inner = tuple(r for r in rules if r not in ("parenthetical", "semicolon"))
    seen = {p.text for p in found}
    known = bracketed_titles(doc, allowed, asides)
    return [p for p in _reparsed(doc, allowed, inner, subst, reparse, known) if p.text not in seen]


def _clause_propositions(doc, allowed: set[int], rules: tuple[str, ...], subst: dict[int, str],
                         titles: tuple[frozenset[int], ...], out: list[Proposition]) -> list[Proposition]:
    """``out`` extended with one proposition per variant of each clause unit, no text twice."""
    roots = [doc[i] for i in sorted(allowed) if doc[i].head.i not in allowed or doc[i].head.i == i]
    walker = Walker(doc, allowed, tuple(rules), titles)
    walker.subst.update(subst)
    for unit in walker.run(roots):
        for own, borrowed in _unit_variants(doc, unit, rules, titles):
            prop = _proposition(doc, own, borrowed, unit, walker.subst)
            if prop is not None and all(prop.text != p.text for p in out):
                out.append(prop)
    return out


def _in_order(props: list[Proposition]) -> list[Proposition]:
    return sorted(props, key=lambda p: (p.start, p.end))


def _take_asides(doc, allowed: set[int], asides: list[tuple[set[int], set[int]]], subst: dict[int, str],
                 out: list[Proposition]) -> set[int]:
    """Take the bracketed ``asides`` (see :func:`~.asides.parentheticals`) out of ``allowed`` (in place),
    each piece a proposition about the noun phrase before it (appended to ``out``); returns the tokens
    taken out."""
    removed: set[int] = set()
    for group, anchor in asides:
        allowed -= group
        removed |= group
        for piece in anchor and split_at(doc, group, ";") or ():
            prop = _proposition(doc, piece, anchor, Unit(None, "parenthetical", piece), subst)
            if prop is not None:
                out.append(prop)
    return removed


def _unit_variants(doc, unit: Unit, rules: tuple[str, ...], titles: tuple[frozenset[int], ...]) -> list[Variant]:
    """The variants of one clause unit: the variant rules in turn, the maximal variants kept, then the
    variants that sit beside the full clause (a list item without its tail, a clause without its fronted
    adjunct)."""
    lists = title_lists(doc, unit.own, titles) if "coordinated_np" in rules else []
    ctx = _UnitContext(doc, unit, lists, titles)
    variants: list[Variant] = [(set(unit.own), set(unit.borrowed))]
    for name, rule, needs_head in VARIANT_RULES:
        if name in rules and (unit.head is not None or not needs_head):
            variants = [v for own, borrowed in variants for v in rule(ctx, own, borrowed)]
    variants = _maximal(variants)
    # "It borders Italy to the west, ...": "It borders Italy" too, a fact of its own. Added after the
    # maximal filter above, which would drop it.
    tails = [tail for _, _, list_tails in lists for tail in list_tails]
    variants += [(own - tail, borrowed) for own, borrowed in variants for tail in tails if tail <= own]
    if "fronted" in rules and len(variants) == 1 and unit.head is not None:
        # Added after the maximal filter too: the shorter clause is meant to sit beside the full one.
        core = split_fronted(doc, unit.head, *variants[0])
        if core is not None:
            variants.append((core, variants[0][1]))
    return variants


def _maximal(variants: list[Variant]) -> list[Variant]:
    """The variants whose tokens no other variant contains; of equal ones, the first."""
    words = [own | borrowed for own, borrowed in variants]
    return [variant for k, variant in enumerate(variants)
            if not any(words[k] < other or (words[k] == other and j < k)
                       for j, other in enumerate(words) if j != k)]


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


def _proposition(doc, own: set[int], borrowed: set[int], unit: Unit, subst: dict[int, str]) -> Proposition | None:
    """The proposition of one variant: its text rendered from its own and borrowed words, its evidence the
    character range of its own words; None when it states nothing (a lone word, a copula without its
    complement). Its branches are those two refusals and the offsets; each condition is commented."""
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
    kept += _apposed_to(doc, kept, borrowed) if unit.rule == "apposition" else []
    start = doc[min(kept)].idx
    end = doc[max(kept)].idx + len(doc[max(kept)].text)
    if not text:
        return None
    verbal = bool(unit.inserts) or any(doc[i].pos_ in VERBAL for i in own | borrowed)
    return Proposition(text=text, start=start, end=end, rule=unit.rule, verbal=verbal)


def _apposed_to(doc, own: list[int], borrowed: set[int]) -> list[int]:
    """The borrowed noun phrase an apposition stands right after ("Tom Reece, 29": "Tom Reece"), else []: an
    apposition's evidence is the name and what it says of it, written together.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Among them was Ann Lee, 29, a nurse.")
        >>> _apposed_to(doc, [6], {3, 4})
        [3, 4]
        >>> _apposed_to(doc, [6], {0})
        []
    """
    if not own or not borrowed:
        return []
    first, block = min(own), sorted(borrowed)
    between = range(block[-1] + 1, first)
    contiguous = block == list(range(block[0], block[-1] + 1))
    return block if contiguous and block[-1] < first and all(doc[i].is_punct for i in between) else []


def _reparsed(doc, allowed: set[int], rules: tuple[str, ...], subst: dict[int, str],
              reparse: Callable[[object, list[int]], object], titles: tuple[frozenset[int], ...] = ()
              ) -> list[Proposition]:
    """Propositions of the words in ``allowed`` parsed anew as one sentence; offsets mapped back into ``doc``."""
    kept = sorted(allowed)
    new = reparse(doc, kept)  # token k of new is doc[kept[k]]
    back = {i: k for k, i in enumerate(kept)}
    new_subst = {k: subst[i] for k, i in enumerate(kept) if i in subst}
    new_titles = tuple(frozenset(back[i] for i in t) for t in titles if all(i in back for i in t))
    out = []
    for prop in decompose(new[:], None, rules, new_subst, titles=new_titles):
        first = next((kept[t.i] for t in new if t.idx >= prop.start), None)
        last = next((kept[t.i] for t in reversed(new) if t.idx < prop.end), None)
        if first is None or last is None or last < first:
            continue
        out.append(Proposition(text=prop.text, start=doc[first].idx, end=doc[last].idx + len(doc[last].text),
                               rule=prop.rule, verbal=prop.verbal))
    return out
