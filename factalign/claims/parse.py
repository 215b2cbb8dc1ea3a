"""The one parse of a source, and the cheap second dependency parse of a sentence without its asides.

:func:`prepared` tokenizes a whole source for the pipeline, with the sentence starts its body blocks
require; :func:`reparse_without` re-runs only the dependency parser over some of a parsed doc's tokens,
reusing their contextual vectors (``doc.tensor``), tags and entities from the one parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .entities import entities_between
from .furniture import Block
from .syntax import join_prefixed, no_mid_sentence_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

NEEDED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "parser", "ner")
"""The lemmatizer is not needed: speech verbs are matched by word form."""


def unneeded(nlp) -> list[str]:
    """The pipeline's components that claims do not use (the lemmatizer, for one)."""
    return [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]


def prepared(nlp, text: str) -> Doc:
    """``text`` tokenized for the pipeline: prefixed words whole (see :func:`join_prefixed`), and no
    sentence start where none can be (see :func:`no_mid_sentence_starts`).

    Example:
        >>> import spacy
        >>> [t.text for t in prepared(spacy.blank("en"), "They co-operate (mostly).") if t.is_sent_start is False]
        ['co-operate', '(', 'mostly', ')', '.']
    """
    return no_mid_sentence_starts(join_prefixed(nlp.make_doc(text)))


def segments(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """``text`` cut at the edges of its body blocks: the blocks and the stretches between them, in order.

    Each piece is parsed alone, so that no sentence and no word's context runs from a block into page
    furniture or into the next block; :func:`parse_sources` then joins the pieces into one doc.

    Example:
        >>> segments("MADRID - Rain fell.", [Block(9, 19)])
        [(0, 9), (9, 19)]
    """
    edges = sorted({0, len(text), *(e for b in blocks for e in (b.start, b.end))})
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def parse_sources(nlp, texts: Sequence[str], blocks: Sequence[Sequence[Block]], batch_size: int) -> list[Doc]:
    """One doc per text, its offsets the text's: every piece of every text (see :func:`segments`) goes
    through one ``nlp.pipe`` call, and each text's pieces are joined with ``Doc.from_docs``."""
    from spacy.tokens import Doc

    pieces = [segments(text, bs) for text, bs in zip(texts, blocks)]
    # White space between blocks is only tokenized: there is nothing in it to parse.
    parsed = iter(nlp.pipe((prepared(nlp, text[a:b]) for text, cuts in zip(texts, pieces) for a, b in cuts
                            if not text[a:b].isspace()), disable=unneeded(nlp), batch_size=batch_size))
    docs = []
    for text, cuts in zip(texts, pieces):
        parts = [nlp.make_doc(text[a:b]) if text[a:b].isspace() else next(parsed) for a, b in cuts]
        _fill_tensors(parts)
        doc = Doc.from_docs(parts, ensure_whitespace=False) if parts else nlp.make_doc(text)
        if doc.text != text:
            raise AssertionError("joined pieces do not give back the text")  # a bug here, never bad input
        docs.append(doc)
    return docs


def _fill_tensors(parts: list[Doc]) -> None:
    """Give the unparsed pieces (white space) zero vectors, so that the pieces' tensors can be joined."""
    import numpy

    width = next((p.tensor.shape[1] for p in parts if p.tensor is not None and p.tensor.size), 0)
    if not width:
        return
    for part in parts:
        if part.tensor is None or part.tensor.size == 0:
            part.tensor = numpy.zeros((len(part), width), dtype="float32")


def block_span(doc: Doc, block: Block) -> Span | None:
    """The tokens of ``doc`` inside ``block`` (a token cut by the block's edge stays out)."""
    return doc.char_span(block.start, block.end, alignment_mode="contract")


def reparse_without(parser, doc: Doc, kept: Sequence[int]) -> Doc:
    """A new doc of the tokens ``kept`` (doc indices, ascending) with a fresh dependency parse.

    Only the parser runs: each token keeps its contextual vector (``doc.tensor`` row), tag, part of
    speech and entity from ``doc``. Token ``k`` of the result is ``doc[kept[k]]``; spacing follows the
    original, with a space where words were taken out between two tokens.

    Args:
        parser: the pipeline's ``parser`` component.
        doc: a doc parsed by the pipeline (its tok2vec output in ``doc.tensor``).
        kept: the indices of the tokens to keep.
    """
    import numpy
    from spacy.tokens import Doc

    tokens = [doc[i] for i in kept]
    spaces = [_space_after(doc, kept, k) for k in range(len(kept))]
    new = Doc(doc.vocab, words=[t.text for t in tokens], spaces=spaces,
              tags=[t.tag_ for t in tokens], pos=[t.pos_ or "X" for t in tokens])
    if doc.tensor is not None and len(doc.tensor) == len(doc):
        new.tensor = numpy.ascontiguousarray(doc.tensor[list(kept)])
    new.set_ents(_entities(new, doc, kept))
    no_mid_sentence_starts(new)
    return parser(new)


TIGHT_PUNCT = ",.;:!?)]"
"""Punctuation written without a space before it, where words were taken out before it."""


def _space_after(doc: Doc, kept: Sequence[int], k: int) -> bool:
    """Whether token ``kept[k]`` is followed by a space once the tokens not in ``kept`` are gone."""
    if k + 1 >= len(kept):
        return False
    token, following = doc[kept[k]], doc[kept[k + 1]]
    if following.i == token.i + 1:
        return bool(token.whitespace_)
    return not (following.is_punct and following.text in TIGHT_PUNCT)


def _entities(new: Doc, doc: Doc, kept: Sequence[int]) -> list[Span]:
    """The entities of ``doc`` over the tokens of ``new`` (see :func:`reparse_without`), where whole."""
    from spacy.tokens import Span

    position = {i: k for k, i in enumerate(kept)}
    out = []
    for ent in entities_between(doc, kept[0], kept[-1] + 1) if kept else ():
        inside = [position[i] for i in range(ent.start, ent.end) if i in position]
        if inside and len(inside) == inside[-1] - inside[0] + 1:
            out.append(Span(new, inside[0], inside[-1] + 1, label=ent.label_))
    return out
