"""A claim's tokens read from the run's one parse of its source: no claim is parsed again.

``align()`` parses each source once (one spaCy ``Doc``). A claim's text is often a rewrite of its evidence
(``source.text[start:end]``): decomposition puts a subject back ("The news was confirmed on CNN"), resolves a
pronoun to a name or turns an apposition into "the French president is Emmanuel Macron"; a repair replaces a
mistranslated word. Nearly every word of such a text was copied from the source, so the judges read a small
``Doc`` over the claim text (tokenised by the pipeline's rule-based tokenizer, which is not a parse) whose
tokens carry the annotations of the source tokens they were copied from:

1. each claim token is matched to a token of the evidence (longest common subsequence of lower-cased words);
2. a stretch left unmatched is looked up in the rest of the source, as the longest run of the same words,
   nearest the evidence (a subject from the previous clause, the name a pronoun stood for);
3. a matched token takes its source token's tag, part of speech, morphology, lemma and entity; its head is its
   nearest source ancestor the claim kept (as ``Span.as_doc`` rewires heads), keeping its own dependency label;
4. what has no ancestor in the claim hangs from the claim's root (the token with the largest subtree), still
   with its own label, so a subject put back by decomposition is the ``nsubj`` of the verb it was given to;
5. a word found nowhere in the source (an inserted "one person", a repaired word) keeps only its lexical
   attributes (``is_stop``, ``like_num``, ...) and hangs from the root as ``dep``.

A claim that is a verbatim span of its source thus reads exactly the source's tokens, in their sentence's
context; a rewritten claim reads the same annotations as the words it was built from.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> src = nlp("Nine people died. The mayor, Ana Ruiz, spoke.")
    >>> [t.text for t in claim_doc(src, "the mayor is Ana Ruiz", 18, 45, nlp.tokenizer)]
    ['the', 'mayor', 'is', 'Ana', 'Ruiz']
"""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict
from typing import Any, Callable, Mapping, NamedTuple, Sequence

from ..models import Claim, Source

__all__ = ["claim_doc", "words_of", "Words", "ClaimTokens", "claim_sides"]

#: Dependency label of a token whose head could not be read from the source (spaCy's ``Span.as_doc`` uses it too).
UNKNOWN_DEP = "dep"


def claim_doc(doc, text: str, start: int, end: int, tokenizer: Callable[[str], Any], words: "Words | None" = None):
    """A ``Doc`` over ``text`` whose tokens carry the annotations of the source ``doc`` (see the module doc).

    Args:
        doc: the parsed source.
        text: the claim text (a span of the source, or a rewrite of one).
        start: offset of the claim's evidence in the source text.
        end: offset just past the evidence.
        tokenizer: the pipeline's tokenizer (``nlp.tokenizer``), which splits ``text`` as the parse would.
        words: :func:`words_of` ``doc``, when the caller keeps it for many claims of one source.

    Returns:
        A ``spacy.tokens.Doc`` over exactly ``text``.
    """
    tokens = tokenizer(text)
    words = words or words_of(doc)
    origin = _align(words, [t.lower_ for t in tokens], _evidence_range(doc, start, end, words.ends))
    return _build(doc, tokens, origin)


class Words(NamedTuple):
    """The lower-cased words of a source, where each word stands, and the character offset where each token ends,
    read once for all its claims."""

    lowered: list[str]
    positions: dict[str, list[int]]
    ends: list[int]


def words_of(doc) -> Words:
    """The :class:`Words` of a parsed source."""
    lowered = [t.lower_ for t in doc]
    positions: dict[str, list[int]] = defaultdict(list)
    for i, word in enumerate(lowered):
        positions[word].append(i)
    return Words(lowered, dict(positions), [t.idx + len(t) for t in doc])


def _evidence_range(doc, start: int, end: int, ends: Sequence[int]) -> tuple[int, int]:
    """Token range of the evidence, widened to whole tokens (empty, at the token at ``start``, for no evidence).

    ``ends``: where each token of ``doc`` ends (ascending), searched by bisection: scanning the doc from its first
    token for each claim without evidence (an attribution) made a long source quadratic.
    """
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is not None:
        return span.start, span.end
    at = bisect.bisect_right(ends, start)  # the first token that ends after ``start`` (len(doc): none)
    return at, at


def _align(words: Words, lowered: Sequence[str], evidence: tuple[int, int]) -> list[int | None]:
    """For each claim token, the index of the source token it was copied from, or None."""
    ev_start, ev_end = evidence
    origin: list[int | None] = [None] * len(lowered)
    matcher = difflib.SequenceMatcher(None, list(lowered), words.lowered[ev_start:ev_end], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            origin[block.a + k] = ev_start + block.b + k
    _fill_from_elsewhere(words, lowered, origin, ev_start)
    return origin


def _fill_from_elsewhere(words: Words, lowered: Sequence[str], origin: list[int | None], near: int) -> None:
    """Match each unmatched stretch of claim tokens to the longest run of the same words in the source,
    nearest to token ``near`` (in place)."""
    source = words.lowered
    k = 0
    while k < len(lowered):
        if origin[k] is not None:
            k += 1
            continue
        best_len, best_at = 0, None
        for p in words.positions.get(lowered[k], ()):
            n = 1
            while (k + n < len(lowered) and origin[k + n] is None and p + n < len(source)
                   and source[p + n] == lowered[k + n]):
                n += 1
            if n > best_len or (n == best_len and best_at is not None and abs(p - near) < abs(best_at - near)):
                best_len, best_at = n, p
        if best_at is None:
            k += 1
            continue
        for m in range(best_len):
            origin[k + m] = best_at + m
        k += best_len


def _heads(doc, origin: Sequence[int | None]) -> tuple[list[int | None], list[str]]:
    """Each claim token's head within the claim (None: none found) and its dependency label."""
    where: dict[int, int] = {}
    for k, i in enumerate(origin):
        if i is not None and i not in where:
            where[i] = k
    heads: list[int | None] = []
    deps: list[str] = []
    for k, i in enumerate(origin):
        if i is None:
            heads.append(None)
            deps.append(UNKNOWN_DEP)
            continue
        tok = doc[i]
        head = next((where[a.i] for a in tok.ancestors if a.i in where and where[a.i] != k), None)
        heads.append(head)
        deps.append(tok.dep_ or UNKNOWN_DEP)
    return heads, deps


def _root(heads: Sequence[int | None]) -> int:
    """The headless token with the largest subtree (the first on a tie)."""
    size = [1] * len(heads)
    for k in range(len(heads)):
        seen, cur = {k}, heads[k]
        while cur is not None and cur not in seen:
            size[cur] += 1
            seen.add(cur)
            cur = heads[cur]
    free = [k for k, h in enumerate(heads) if h is None]
    return max(free, key=lambda k: (size[k], -k))


def _acyclic(heads: list[int | None]) -> list[int | None]:
    """Break any cycle (two claim tokens each the other's nearest kept ancestor cannot happen in a tree, but a
    source token matched twice can make one) by freeing the token that closes it."""
    for k in range(len(heads)):
        seen, cur = {k}, heads[k]
        while cur is not None:
            if cur in seen:
                heads[k] = None
                break
            seen.add(cur)
            cur = heads[cur]
    return heads


def _entities(doc, origin: Sequence[int | None]) -> list[str]:
    """IOB entity tags: a claim token inside a source entity keeps its label; a new entity starts where the
    source entity or the run of consecutive source tokens changes."""
    tags: list[str] = []
    for k, i in enumerate(origin):
        tok = doc[i] if i is not None else None
        if tok is None or not tok.ent_type_:
            tags.append("O")
            continue
        prev = origin[k - 1] if k else None
        same = (prev is not None and prev == i - 1 and doc[prev].ent_type_ == tok.ent_type_
                and tok.ent_iob_ == "I" and tags and tags[-1] != "O")
        tags.append(("I-" if same else "B-") + tok.ent_type_)
    return tags


def _build(doc, words, origin: Sequence[int | None]):
    """The claim ``Doc``: the tokenizer's words with the annotations of their source tokens."""
    from spacy.tokens import Doc

    if not len(words):
        return words
    heads, deps = _heads(doc, origin)
    heads = _acyclic(heads)
    root = _root(heads)
    deps[root] = "ROOT"
    heads = [root if h is None and k != root else (k if h is None else h) for k, h in enumerate(heads)]
    src = [doc[i] if i is not None else None for i in origin]
    out = Doc(doc.vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words],
              lemmas=[t.lemma_ if t is not None and t.lemma_ else w.lower_ for t, w in zip(src, words)],
              heads=heads, deps=deps, ents=_entities(doc, origin))
    for tok, source in zip(out, src):
        if source is not None:  # an inserted word found nowhere in the source keeps no tag (not a guessed one)
            tok.tag_, tok.pos_, tok.morph = source.tag_, source.pos_, source.morph
    return out


class ClaimTokens:
    """The token views of one run's claims, built on demand from the one parse of each source and kept.

    Args:
        docs: the run's parse of each source, by source name.
        tokenizer: the pipeline's tokenizer.

    Example:
        >>> import spacy
        >>> from factalign.models import Claim
        >>> nlp = spacy.blank("en")
        >>> views = ClaimTokens({"a": nlp("Rain fell and rivers rose.")}, nlp.tokenizer)
        >>> views.claim(Claim("a#1", "a", "rivers rose", 14, 25)).text
        'rivers rose'
    """

    def __init__(self, docs: Mapping[str, Any], tokenizer: Callable[[str], Any]):
        self.docs = docs
        self.tokenizer = tokenizer
        self._views: dict[tuple[str, str, int, int], Any] = {}
        self._words: dict[str, Words] = {}

    def claim(self, claim) -> Any | None:
        """The claim's tokens, or None when its source was not parsed in this run."""
        return self._view(claim.source, claim.text, claim.start, claim.end)

    def attribution(self, claim) -> Any | None:
        """The tokens of the claim's attribution ("Foreign Minister Yoshimasa Hayashi"), read from the source
        nearest the claim; None when there is none or the source was not parsed."""
        if not claim.attribution:
            return None
        return self._view(claim.source, claim.attribution, claim.start, claim.start)

    def _view(self, source: str, text: str, start: int, end: int) -> Any | None:
        doc = self.docs.get(source)
        if doc is None:
            return None
        key = (source, text, start, end)
        if key not in self._views:
            if source not in self._words:
                self._words[source] = words_of(doc)
            self._views[key] = claim_doc(doc, text, start, end, self.tokenizer, self._words[source])
        return self._views[key]


def claim_sides(srcs: Sequence[Source], claims: Sequence[Claim], docs: Mapping[str, Any]) -> Callable[[Claim], Any]:
    """The judges' view of each claim (:class:`~factalign.judges.Side`): its source's publication date and its
    tokens read from the run's one parse of the source (:mod:`factalign.judges.tokens`), built on first use.
    Without ``docs`` (a splitter that shows no parse) the judges parse claim texts themselves."""
    from .. import nlp
    from . import side

    published = {s.name: s.published for s in srcs}
    tokens = ClaimTokens(docs, nlp.current().tokenizer) if docs else None
    made: dict[str, Any] = {}

    def view(claim: Claim):
        if claim.id not in made:
            made[claim.id] = side(claim, published.get(claim.source), tokens)
        return made[claim.id]

    return view
