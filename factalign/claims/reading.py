"""Reading one parsed article sentence by sentence: attribution, speakers across sentences, pronouns.

:class:`ArticleReader` keeps what a reader remembers while reading (the people named lately, the last
quote's speaker, the previous sentence) and turns each body block of a parsed source into claims.

    >>> from factalign.models import Source                                              # doctest: +SKIP
    >>> from factalign.claims import ClaimSplitter                                        # doctest: +SKIP
    >>> source = Source("a", "“We will rebuild,” said Ana Ruiz.")                          # doctest: +SKIP
    >>> doc = ClaimSplitter().parse_many([source])[0]                                    # doctest: +SKIP
    >>> [(c.text, c.attribution) for c in ArticleReader(source, doc, ()).claims()]        # doctest: +SKIP
    [('We will rebuild', 'Ana Ruiz')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..models import Claim, Source
from .attribution import Part, analyse, names_a_work, quote_spans
from .coref import UNRESOLVED, PersonTracker, pronoun_substitutions
from .decompose import Proposition, decompose
from .furniture import body_blocks
from .parse import block_span
from .roles import role_claim
from .syntax import is_tail_fragment

QUOTE_MEMORY = 2
"""A pronoun speaker ("he added") is the previous quote's speaker if that quote is this many sentences back."""
CONTEXT_CHARS = 300
"""How much of the previous sentence a claim with an unresolved pronoun carries as its context."""


@dataclass(frozen=True)
class Sentence:
    """One analysed sentence of a block: its parts (see :func:`~.attribution.analyse`), the speaker hint,
    and the ids of the quotations it overlaps (a quotation may run over several sentences)."""

    span: object
    parts: list[Part]
    hint: tuple[str, bool] | None
    quote_ids: frozenset[int]


class ArticleReader:
    """Reads one source's doc into claims (see the module docstring).

    Args:
        source: the source.
        doc: its parse (see :meth:`~factalign.claims.splitter.ClaimSplitter.parse_many`).
        rules: decomposition rules; ``()`` gives one claim per sentence part.
        reparse: passed to :func:`~factalign.claims.decompose.decompose`.
    """

    def __init__(self, source: Source, doc, rules: tuple[str, ...],
                 reparse: Callable[[object, list[int]], object] | None = None):
        self.source, self.doc, self.rules, self.reparse = source, doc, rules, reparse
        self.tracker = PersonTracker()
        self.last_quote: tuple[str | None, int] = (None, -10)  # speaker, sentence index
        self.sentence_index = -1
        self.previous_text = ""
        self.out: list[Claim] = []

    def claims(self) -> list[Claim]:
        """The claims of every body block, in reading order, with ids ``"<name>#<i>"``."""
        text = self.source.text
        for block in body_blocks(text):
            span = block_span(self.doc, block)
            if span is None:
                continue
            quotes = [(block.start + a, block.start + b) for a, b in quote_spans(text[block.start:block.end])]
            quotes = [q for q in quotes if not names_a_work(span, q)]
            quoted = {t.i for t in span if any(a <= t.idx < b for a, b in quotes)}
            sentences = [Sentence(sent, *analyse(sent, quoted), _quote_ids(sent, quotes))
                         for sent in _sentences(self.doc, span) if _has_content(sent)]
            for sentence in sentences:
                self.sentence_index += 1
                for part in sentence.parts:
                    self._read_part(sentence, part, sentences, quoted)
                self.tracker.observe(sentence.span)
                self.previous_text = sentence.span.text.strip()
        return self.out

    def _read_part(self, sentence: Sentence, part: Part, block: list[Sentence], quoted: set[int]) -> None:
        sent = sentence.span
        speaker = self._speaker(part, sentence, block)
        if part.quote and speaker is not None:
            self.last_quote = (speaker, self.sentence_index)
        subst = {} if part.quote else pronoun_substitutions(sent, set(part.tokens), self.tracker)
        rules = _part_rules(part, self.rules, quoted, self.doc)
        role = role_claim(self.doc, part.tokens) if part.about_speaker else None
        if role is not None:
            self._append(sentence, part, speaker, Proposition(role[0], role[1], role[2]))
        for prop in decompose(sent, set(part.tokens), rules, subst, self.reparse):
            if part.about_speaker and (prop.rule is None or role is not None and role[1] <= prop.start < role[2]):
                continue  # the name alone, or its role read again; only the facts its phrase states are claims
            self._append(sentence, part, speaker, prop)

    def _append(self, sentence: Sentence, part: Part, speaker: str | None, prop: Proposition) -> None:
        start, end = (prop.start, prop.end) if part.speaker is None or part.about_speaker \
            else with_frame(sentence, prop.start, prop.end)
        self.out.append(Claim(
            id=f"{self.source.name}#{len(self.out)}", source=self.source.name, text=prop.text,
            start=start, end=end, sentence=self.sentence_index, attribution=speaker,
            quote=part.quote, context=self._context(part, speaker, prop),
        ))

    def _context(self, part: Part, speaker: str | None, prop: Proposition) -> str | None:
        """The previous sentence, for a claim whose speaker or words are an unresolved pronoun."""
        unresolved_speaker = speaker is not None and UNRESOLVED.fullmatch(speaker)
        if self.previous_text and (unresolved_speaker or (not part.quote and UNRESOLVED.search(prop.text))):
            return self.previous_text[-CONTEXT_CHARS:]
        return None

    def _recent_quote_speaker(self) -> str | None:
        speaker, sentence = self.last_quote
        return speaker if speaker is not None and self.sentence_index - sentence <= QUOTE_MEMORY else None

    def _speaker(self, part: Part, sentence: Sentence, block: list[Sentence]) -> str | None:
        """Who says ``part``: its own named speaker, the speaker named for the same quotation in another
        sentence, the last quote's speaker (for a quote without a frame, or "he added" when the pronoun
        agrees), or the person the speaker pronoun resolves to."""
        if part.speaker is not None and not part.speaker_is_pronoun:
            return part.speaker
        if part.quote and part.speaker is None:
            return _named_elsewhere(sentence, block) or self._recent_quote_speaker()
        if part.speaker_is_pronoun:
            # '"...," Lopez said. "...," she added.': the last quote's speaker, if the pronoun fits them.
            recent = self._recent_quote_speaker()
            if recent is not None and self.tracker.agrees(recent, part.speaker):
                return recent
            sent = sentence.span
            subject = next((t for t in sent if t.text == part.speaker and t.dep_ in ("nsubj", "nsubjpass")), None)
            resolved = self.tracker.resolve(sent, subject.i if subject is not None else sent.end, part.speaker)
            return resolved or part.speaker
        return part.speaker


#: What may stand between a claim and the frame that attributes it for the two to be one evidence span.
_FRAME_GAP = re.compile(r"""[\s,;:.!?"'“”‘’«»\-–—]*""")


def with_frame(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The claim's evidence widened over the words that attribute it when they stand right beside it: who says
    a claim is part of its evidence ("Local fishermen said fog was unusual" holds "Local fishermen said").

    The frame is what no part of the sentence claims (the speaker and the speech verb); the claim's text is
    unchanged, and a claim separated from the frame by other words keeps its own span.
    """
    claimed = set().union(*(part.tokens for part in sentence.parts if not part.about_speaker))
    frame = [t for t in sentence.span if t.i not in claimed and not t.is_punct and not t.is_space
             and not _in_clause_about_speaker(t)]
    if not frame:
        return start, end
    lo, hi = frame[0].idx, frame[-1].idx + len(frame[-1].text)
    sent = sentence.span
    if hi <= start and _FRAME_GAP.fullmatch(_between(sent, hi, start)) and _contiguous(frame):
        return lo, end
    if lo >= end and _FRAME_GAP.fullmatch(_between(sent, end, lo)) and _contiguous(frame):
        return start, hi
    return start, end


def _between(sent, first: int, last: int) -> str:
    """The doc's text between offsets ``first`` and ``last``, read from the sentence when it holds them both
    (``doc.text`` joins every token of the doc: once per claim, that was quadratic in the source's length).

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("One. Two three.")
        >>> _between(doc[2:5], 5, 8) == doc.text[5:8] == "Two"
        True
    """
    if sent.start_char <= first <= last <= sent.end_char:
        return sent.text[first - sent.start_char:last - sent.start_char]
    return sent.doc.text[first:last]


def _in_clause_about_speaker(tok) -> bool:
    """A word of a relative clause or apposition on the speaker ("who called the walkout regrettable"): a fact
    of its own, not part of the frame."""
    return any(t.dep_ in ("relcl", "acl", "appos") for t in [tok, *tok.ancestors])


def _contiguous(tokens) -> bool:
    """The frame's words follow one another (punctuation aside): one stretch of text, not words scattered."""
    return all(b.i - a.i == 1 or all(t.is_punct or t.is_space for t in a.doc[a.i + 1:b.i])
               for a, b in zip(tokens, tokens[1:]))


def _named_elsewhere(sentence: Sentence, block: list[Sentence]) -> str | None:
    """A multi-sentence quote names its speaker once: "“A. B,” said X." gives A to X too."""
    for other in block:
        if other is not sentence and sentence.quote_ids & other.quote_ids and other.hint is not None:
            name, pronoun = other.hint
            return None if pronoun else name
    return None


def _has_content(sent) -> bool:
    return any(t.is_alpha or t.like_num for t in sent) and not is_tail_fragment(sent)


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


def _quote_ids(sent, spans: list[tuple[int, int]]) -> frozenset[int]:
    start, end = sent.start_char, sent.end_char
    return frozenset(k for k, (a, b) in enumerate(spans) if a < end and b > start)
