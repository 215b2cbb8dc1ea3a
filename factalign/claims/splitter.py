"""The claim-splitting stage: clean, split into sentences, attribute, resolve and decompose.

``ClaimSplitter.split(source) -> list[Claim]`` is the whole contract of the stage; ``split_many``
batches several sources through one ``nlp.pipe`` call.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import InputError, StageError
from ..models import Claim, Source
from .attribution import Part, analyse, names_a_work, quote_spans
from .coref import UNRESOLVED, PersonTracker, pronoun_substitutions
from .decompose import DEFAULT_RULES, decompose as _decompose, without_asides
from .furniture import Block, body_blocks
from .syntax import is_tail_fragment, join_prefixed, no_mid_sentence_starts

NEEDED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "parser", "ner")
"""The lemmatizer is not needed: speech verbs are matched by word form."""
QUOTE_MEMORY = 2
"""A pronoun speaker ("he added") is the previous quote's speaker if that quote is this many sentences back."""
CONTEXT_CHARS = 300


class ClaimSplitter:
    """Split sources into atomic claims.

    Args:
        decompose: split sentences into atomic claims; False gives one claim per sentence (attribution
            frames are still removed and page furniture still dropped).
        spacy_model: spaCy package name or path; None uses the default English pipeline.

    Example:
        >>> claims = ClaimSplitter().split(Source("a", "Rain fell and rivers rose."))  # doctest: +SKIP
        >>> [c.text for c in claims]                                                    # doctest: +SKIP
        ['Rain fell', 'rivers rose']
    """

    def __init__(self, decompose: bool = True, spacy_model: str | None = None):
        self.decompose = decompose
        self.spacy_model = spacy_model
        self._nlp = None
        self._reparsed: dict[str, object] = {}

    @property
    def nlp(self):
        if self._nlp is None:
            from ..resources import spacy_pipeline

            self._nlp = spacy_pipeline(self.spacy_model)
        return self._nlp

    def _reparse(self, text: str):
        """Parse one sentence again (see :func:`~factalign.claims.decompose.decompose`), with the same components."""
        doc = self._reparsed.get(text)
        if doc is None:
            nlp = self.nlp
            doc = next(iter(nlp.pipe([_prepared(nlp, text)], disable=_unneeded(nlp))))
        return doc

    def split(self, source: Source) -> list[Claim]:
        """Claims of one source, in reading order, with ids ``"<name>#<i>"``."""
        return self.split_many([source])[0]

    def split_many(self, sources: Sequence[Source]) -> list[list[Claim]]:
        """Claims of several sources, parsing every body block of every source in one ``nlp.pipe`` batch."""
        for source in sources:
            if not isinstance(source, Source):
                raise StageError(f"split: expected Source objects, got {type(source).__name__}")
        blocks = [body_blocks(s.text) for s in sources]
        texts = [s.text[b.start:b.end] for s, bs in zip(sources, blocks) for b in bs]
        nlp = self.nlp
        disable = _unneeded(nlp)
        docs = iter(nlp.pipe((_prepared(nlp, t) for t in texts), disable=disable, batch_size=64))
        parsed = [[(b, next(docs)) for b in bs] for bs in blocks]
        # Sentences with bracketed asides are parsed again without them (see decompose()), in one batch too.
        again = list(dict.fromkeys(t for bs in parsed for _, doc in bs for sent in doc.sents
                                   if (t := without_asides(sent)) is not None)) if self.decompose else []
        self._reparsed = dict(zip(again, nlp.pipe((_prepared(nlp, t) for t in again), disable=disable, batch_size=64)))
        try:
            return [self._claims(source, bs) for source, bs in zip(sources, parsed)]
        finally:
            self._reparsed = {}

    def _claims(self, source: Source, parsed: list[tuple[Block, object]]) -> list[Claim]:
        rules = DEFAULT_RULES if self.decompose else ()
        tracker = PersonTracker()
        claims: list[Claim] = []
        state = _QuoteState()
        sentence_index = -1
        previous_text = ""
        for block, doc in parsed:
            spans = [span for span in quote_spans(doc.text) if not names_a_work(doc, span)]
            quoted = {t.i for t in doc if any(a <= t.idx < b for a, b in spans)}
            analysed = []
            for sent in doc.sents:
                if not any(t.is_alpha or t.like_num for t in sent) or is_tail_fragment(sent):
                    continue
                parts, hint = analyse(sent, quoted)
                analysed.append((sent, parts, hint, _span_ids(sent, spans)))
            for sent, parts, hint, ids in analysed:
                sentence_index += 1
                for part in parts:
                    speaker = self._speaker(part, sent, ids, analysed, state, tracker, sentence_index)
                    if part.quote:
                        state.remember(speaker, sentence_index)
                    subst = {} if part.quote else pronoun_substitutions(sent, set(part.tokens), tracker)
                    part_rules = tuple(r for r in rules if r != "brackets") if part.quote else rules
                    for prop in _decompose(sent, set(part.tokens), part_rules, subst, self._reparse):
                        if part.about_speaker and prop.rule is None:
                            continue  # the name alone; only the facts its phrase states are claims
                        context = None
                        unresolved_speaker = speaker is not None and UNRESOLVED.fullmatch(speaker)
                        if previous_text and (unresolved_speaker or (not part.quote and UNRESOLVED.search(prop.text))):
                            context = previous_text[-CONTEXT_CHARS:]
                        claims.append(Claim(
                            id=f"{source.name}#{len(claims)}", source=source.name, text=prop.text,
                            start=block.start + prop.start, end=block.start + prop.end,
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
            if state.speaker is not None and sentence_index - state.sentence <= QUOTE_MEMORY:
                return state.speaker
            subject = next((t for t in sent if t.text == part.speaker and t.dep_ in ("nsubj", "nsubjpass")), None)
            resolved = tracker.resolve(sent, subject.i if subject is not None else sent.end)
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


def _prepared(nlp, text: str):
    """The text tokenized, prefixed words whole (see :func:`join_prefixed`), with the sentence starts the
    parser may not make (see :func:`no_mid_sentence_starts`)."""
    return no_mid_sentence_starts(join_prefixed(nlp.make_doc(text)))


def _unneeded(nlp) -> list[str]:
    """The pipeline's components that claims do not use (the lemmatizer, for one)."""
    return [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]


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
    splitter = ClaimSplitter(decompose=decompose)
    if nlp is not None:
        splitter._nlp = nlp
    return splitter.split(source)
