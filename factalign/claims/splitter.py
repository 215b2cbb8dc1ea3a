"""The claim-splitting stage: clean, split into sentences, attribute, resolve and decompose.

``ClaimSplitter.split(source) -> list[Claim]`` is the whole contract of the stage. ``split_many`` is
``parse_many`` (one ``nlp.pipe`` call: one spaCy ``Doc`` per source, over its whole text) followed by
``split_docs``, so a caller can parse once and hand the same docs to other stages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputError, StageError
from ..models import Claim, Source
from .decompose import DEFAULT_RULES
from .furniture import body_blocks
from .parse import NEEDED_COMPONENTS, parse_sources, reparse_without
from .reading import ArticleReader

__all__ = ["NEEDED_COMPONENTS", "ClaimSplitter", "extract_claims"]

BATCH_SIZE = 64
"""Sources per ``nlp.pipe`` batch."""


class ClaimSplitter:
    """Split sources into atomic claims.

    Args:
        decompose: split sentences into atomic claims; False gives one claim per sentence (attribution
            frames are still removed and page furniture still dropped).
        spacy_model: spaCy package name or path; None uses the default English pipeline.
        nlp: a loaded spaCy pipeline to use instead of loading ``spacy_model``.

    Example:
        >>> claims = ClaimSplitter().split(Source("a", "Rain fell and rivers rose."))  # doctest: +SKIP
        >>> [c.text for c in claims]                                                    # doctest: +SKIP
        ['Rain fell', 'rivers rose']
    """

    def __init__(self, decompose: bool = True, spacy_model: str | None = None, nlp=None):
        self.decompose = decompose
        self.spacy_model = spacy_model
        self._nlp = nlp

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use (once per process for a given model)."""
        if self._nlp is None:
            from ..resources import spacy_pipeline

            self._nlp = spacy_pipeline(self.spacy_model)
        return self._nlp

    def _reparse(self, doc, kept: list[int]):
        """Parse some tokens of ``doc`` again with the parser alone (see :func:`reparse_without`)."""
        return reparse_without(self.nlp.get_pipe("parser"), doc, kept)

    def split(self, source: Source) -> list[Claim]:
        """Claims of one source, in reading order, with ids ``"<name>#<i>"``."""
        return self.split_many([source])[0]

    def split_many(self, sources: Sequence[Source]) -> list[list[Claim]]:
        """Claims of several sources: :meth:`parse_many`, then :meth:`split_docs`."""
        return self.split_docs(sources, self.parse_many(sources))

    def parse_many(self, sources: Sequence[Source]) -> list:
        """One spaCy ``Doc`` per source, over its whole text, in one ``nlp.pipe`` call.

        The docs' character offsets are the sources'. Each body block (see
        :func:`~factalign.claims.furniture.body_blocks`) and each stretch between blocks is parsed alone and
        the pieces joined (see :func:`~factalign.claims.parse.parse_sources`), so no sentence runs into page
        furniture. The lemmatizer does not run (claims do not need it).

        Raises:
            StageError: an item is not a :class:`Source`.
        """
        for source in sources:
            if not isinstance(source, Source):
                raise StageError(f"split: expected Source objects, got {type(source).__name__}")
        texts = [s.text for s in sources]
        return parse_sources(self.nlp, texts, [body_blocks(t) for t in texts], BATCH_SIZE)

    def split_docs(self, sources: Sequence[Source], docs: Sequence) -> list[list[Claim]]:
        """Claims of several sources from their docs (see :meth:`parse_many`).

        Raises:
            StageError: the docs are not one per source, each over its source's text.
        """
        if len(docs) != len(sources):
            raise StageError(f"split: {len(docs)} docs for {len(sources)} sources")
        for source, doc in zip(sources, docs):
            if getattr(doc, "text", None) != source.text:
                raise StageError(f"split: the doc given for source {source.name!r} is not a parse of its text")
        return [self._claims(source, doc) for source, doc in zip(sources, docs)]

    def _claims(self, source: Source, doc) -> list[Claim]:
        rules = DEFAULT_RULES if self.decompose else ()
        return ArticleReader(source, doc, rules, self._reparse).claims()


_HTML = re.compile(r"\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)


def extract_claims(text: str | Source, *, name: str = "text", decompose: bool = True, nlp=None) -> list[Claim]:
    """Split one article into atomic claims.

    Args:
        text: the article text, or a :class:`Source`. A whole HTML page goes through trafilatura first,
            and the claims' offsets then point into the extracted text (read it with ``factalign.read``
            to keep that text).
        name: the source name used in claim ids when ``text`` is a string.
        decompose: split sentences into atomic claims (False: one claim per sentence).
        nlp: a loaded spaCy pipeline to use instead of the default one.

    Returns:
        Claims in reading order; ``source.text[c.start:c.end]`` is each claim's evidence.

    Raises:
        InputError: the text is empty.

    Example:
        >>> [c.text for c in extract_claims("Rain fell and rivers rose.")]  # doctest: +SKIP
        ['Rain fell', 'rivers rose']
    """
    if isinstance(text, str) and _HTML.match(text):
        from ..read import html_to_source

        text = html_to_source(text, name)  # offsets then point into the extracted article text
    source = text if isinstance(text, Source) else Source(name=name, text=text)
    if not isinstance(source.text, str) or not source.text.strip():
        raise InputError(f"source {source.name!r} is empty")
    return ClaimSplitter(decompose=decompose, nlp=nlp).split(source)
