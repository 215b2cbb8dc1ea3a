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
from .attribution import Part, analyse, names_a_work, quote_spans
from .coref import UNRESOLVED, PersonTracker, pronoun_substitutions
from .decompose import DEFAULT_RULES, decompose as _decompose
from .furniture import body_blocks
from .parse import NEEDED_COMPONENTS, block_span, parse_sources, reparse_without
from .syntax import is_tail_fragment

__all__ = ["NEEDED_COMPONENTS", "ClaimSplitter", "extract_claims"]

QUOTE_MEMORY = 2
"""A pronoun speaker ("he added") is the previous quote's speaker if that quote is this many sentences back."""
CONTEXT_CHARS = 300
"""How much of the previous sentence a claim with an unresolved pronoun carries as its context."""
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
        tracker = PersonTracker()
        claims: list[Claim] = []
        state = _QuoteState()
        sentence_index = -1
        previous_text = ""
        for block in body_blocks(source.text):
            span = block_span(doc, block)
            if span is None:
                continue
            quotes = [(block.start + a, block.start + b) for a, b in quote_spans(source.text[block.start:block.end])]
            quotes = [q for q in quotes if not names_a_work(span, q)]
            quoted = {t.i for t in span if any(a <= t.idx < b for a, b in quotes)}
            analysed = []
            for sent in _sentences(doc, span):
                if not any(t.is_alpha or t.like_num for t in sent) or is_tail_fragment(sent):
                    continue
                parts, hint = analyse(sent, quoted)
                analysed.append((sent, parts, hint, _span_ids(sent, quotes)))
            for sent, parts, hint, ids in analysed:
                sentence_index += 1
                for part in parts:
                    speaker = self._speaker(part, sent, ids, analysed, state, tracker, sentence_index)
                    if part.quote:
                        state.remember(speaker, sentence_index)
                    subst = {} if part.quote else pronoun_substitutions(sent, set(part.tokens), tracker)
                    part_rules = _part_rules(part, rules, quoted, doc)
                    for prop in _decompose(sent, set(part.tokens), part_rules, subst, self._reparse):
                        if part.about_speaker and prop.rule is None:
                            continue  # the name alone; only the facts its phrase states are claims
                        context = None
                        unresolved_speaker = speaker is not None and UNRESOLVED.fullmatch(speaker)
                        if previous_text and (unresolved_speaker or (not part.quote and UNRESOLVED.search(prop.text))):
                            context = previous_text[-CONTEXT_CHARS:]
                        claims.append(Claim(
                            id=f"{source.name}#{len(claims)}", source=source.name, text=prop.text,
                            start=prop.start, end=prop.end,
                            sentence=sentence_index, attribution=speaker, quote=part.quote, context=context,
                        ))
                tracker.observe(sent)
                previous_text = sent.text.strip()
        return claims

    @staticmethod
    def _speaker(part: Part, sent, ids, analysed, state: "_QuoteState", tracker: PersonTracker,
                 sentence_index: int) -> str | None:
        if part.speaker is not None and not part.speaker_is_pronoun:
            return part.speaker
        if part.quote and part.speaker is None:
            # A multi-sentence quote names its speaker once: "“A. B,” said X." gives A to X too.
            for other, _, hint, other_ids in analysed:
                if other is not sent and ids & other_ids and hint is not None:
                    name, pronoun = hint
                    if not pronoun:
                        return name
                    break
            if state.speaker is not None and sentence_index - state.sentence <= QUOTE_MEMORY:
                return state.speaker
            return None
        if part.speaker_is_pronoun:
            # '"...," Lopez said. "...," she added.': the last quote's speaker, if the pronoun fits them.
            if state.speaker is not None and sentence_index - state.sentence <= QUOTE_MEMORY \
                    and tracker.agrees(state.speaker, part.speaker):
                return state.speaker
            subject = next((t for t in sent if t.text == part.speaker and t.dep_ in ("nsubj", "nsubjpass")), None)
            resolved = tracker.resolve(sent, subject.i if subject is not None else sent.end, part.speaker)
            return resolved or part.speaker
        return part.speaker


class _QuoteState:
    """The last direct quote's speaker, for continuations ("he added", a quote without a frame)."""

    def __init__(self) -> None:
        self.speaker: str | None = None
        self.sentence = -10

    def remember(self, speaker: str | None, sentence: int) -> None:
        if speaker is not None:
            self.speaker, self.sentence = speaker, sentence


def _part_rules(part: Part, rules: tuple[str, ...], quoted: set[int], doc) -> tuple[str, ...]:
    """The decomposition rules for one part of a sentence: none for a direct quotation, which is one claim,
    whole ("We will rebuild quickly and fairly," she said); for the writer's words around a partial quote
    (the law "is eating the Constitution"), all but square brackets, which mark the editor's insertion."""
    if not part.quote:
        return rules
    if all(i in quoted or doc[i].is_punct for i in part.tokens):
        return ()
    return tuple(r for r in rules if r != "brackets")


def _sentences(doc, span):
    """The sentences of ``doc`` inside ``span`` (a body block), each cut to the block."""
    for sent in doc[span.start:span.end].sents:
        start, end = max(sent.start, span.start), min(sent.end, span.end)
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            yield doc[start:end]


def _span_ids(sent, spans: list[tuple[int, int]]) -> set[int]:
    start, end = sent.start_char, sent.end_char
    return {k for k, (a, b) in enumerate(spans) if a < end and b > start}


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
