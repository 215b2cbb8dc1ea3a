"""The parsed view of the sources that every detector reads: tokens with offsets, sentences, quotations.

Parsing is done once per text (cached) with the shared spaCy pipeline; detectors are pure functions of a
:class:`SourceDoc` and the :class:`Corpus` of all sources, so they can use other sources as evidence.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, NamedTuple, Sequence

from ..models import Source
from . import _lexicon as lex


class Token(NamedTuple):
    text: str
    start: int
    end: int
    tag: str        # Penn tag from the English tagger ("NNP" on a lower-case word means "not English to me")
    ent: str        # entity type, "" when none
    sent: int       # sentence index
    sent_start: bool
    quoted: bool    # inside a quotation
    lemma: str = ""


class Artefact(NamedTuple):
    """What a detector returns; :func:`factalign.artefacts.detect_artefacts` turns it into a Finding."""

    start: int
    end: int
    suggestion: str | None
    explanation: str
    score: float


@dataclass(frozen=True)
class SourceDoc:
    source: Source
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]   # (start, end) character offsets
    quotes: tuple[tuple[int, int], ...]

    @property
    def text(self) -> str:
        return self.source.text

    @functools.cached_property
    def _sentence_bounds(self) -> tuple[int, ...]:
        """Index of the first token of each sentence (tokens come in sentence order), plus the end."""
        bounds = [0] * (len(self.sentences) + 1)
        counts = Counter(t.sent for t in self.tokens)
        for index in range(len(self.sentences)):
            bounds[index + 1] = bounds[index] + counts.get(index, 0)
        return tuple(bounds)

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        bounds = self._sentence_bounds
        return self.tokens[bounds[index]:bounds[index + 1]]

    @functools.cached_property
    def _headlines(self) -> tuple[bool, ...]:
        return tuple(_is_headline(self.text[start:end]) for start, end in self.sentences)

    def is_headline(self, index: int) -> bool:
        """All-caps (or nearly) sentences are headlines or furniture: capitals there carry no meaning."""
        return self._headlines[index]

    @functools.cached_property
    def markup(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Starts and ends of URLs and e-mail addresses in the text, sorted (see :func:`in_markup`)."""
        spans = [(m.start(), m.end()) for m in _URL.finditer(self.text)]
        return tuple(s for s, _ in spans), tuple(e for _, e in spans)


# Share of upper-case letters above which a sentence is set in capitals (a headline, furniture).
HEADLINE_CAPITALS = 0.6


def _is_headline(sentence: str) -> bool:
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > HEADLINE_CAPITALS


def is_english(doc: SourceDoc) -> bool:
    """The source's declared language, else what py3langid makes of its first 2,000 characters."""
    if doc.source.language:
        return doc.source.language.lower().startswith("en")
    return _looks_english(doc.text[:2000])


@functools.lru_cache(maxsize=256)
def _looks_english(text: str) -> bool:
    return lex.identify_language(text, ("en",) + lex.FOREIGN_LANGUAGES) == "en"


@dataclass(frozen=True)
class Corpus:
    """All sources of one comparison, with the vocabulary detectors use as cross-source evidence."""

    docs: tuple[SourceDoc, ...]
    # Case-sensitive counts of word tokens that are not sentence-initial, over all sources.
    words: Counter = field(default_factory=Counter)
    # Case-sensitive counts of every token, sentence-initial ones included.
    all_words: Counter = field(default_factory=Counter)
    # Capitalised words standing alone mid-sentence (no capitalised neighbour but a sentence's first word):
    # names like "Kyiv", not parts of longer names ("Veterans Affairs", "Tea Partiers") or of headline-style capitals.
    names: Counter = field(default_factory=Counter)
    # Indexes detectors build once per comparison (see entity's evidence), so no rule rescans all sources.
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, sources: Sequence[Source], spacy_docs: Mapping[str, object] | None = None) -> "Corpus":
        spacy_docs = spacy_docs or {}
        docs = tuple(parse(s, spacy_docs.get(s.name)) for s in sources)
        words: Counter = Counter()
        all_words: Counter = Counter()
        names: Counter = Counter()
        for doc in docs:
            words.update(t.text for t in doc.tokens if not t.sent_start and t.text[:1].isalpha())
            all_words.update(t.text for t in doc.tokens)
            toks = doc.tokens
            for i, t in enumerate(toks):
                if t.sent_start or not t.text[:1].isupper() or not t.text.isalpha() or doc.is_headline(t.sent):
                    continue
                around = [toks[j] for j in (i - 1, i + 1) if 0 <= j < len(toks) and toks[j].sent == t.sent]
                if not any(n.text[:1].isupper() and not n.sent_start for n in around):
                    names[t.text] += 1
        return cls(docs, words, all_words, names)


_QUOTE_PAIRS = re.compile(r"“[^”\n]{1,600}”|\"[^\"\n]{1,600}\"|«[^»\n]{1,600}»|„[^“”\n]{1,600}[“”]"
                          r"|(?<![\w’'])‘[^’\n]{1,200}’(?!\w)|(?<![\w'])'[^'\n]{1,200}'(?!\w)")


def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of quotations (double quotes, guillemets, and single quotes not used as apostrophes)."""
    return tuple((m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text))


def parse(source: Source, spacy_doc: object | None = None) -> SourceDoc:
    """Parse ``source`` (cached per text), or read the spaCy ``Doc`` of its full text when one is given."""
    if spacy_doc is not None and getattr(spacy_doc, "text", None) == source.text:
        tokens, sentences, quotes = _read_doc(source.text, spacy_doc)
    else:
        tokens, sentences, quotes = _parse_text(source.text)
    return SourceDoc(source, tokens, sentences, quotes)


@functools.lru_cache(maxsize=64)
def _parse_text(text: str):
    from ..resources import spacy_pipeline

    nlp = spacy_pipeline()
    # Parse paragraph by paragraph: a blank line always ends a sentence (titles, captions, furniture).
    paragraphs = [(m.start(), nlp(m.group()).sents) for m in re.finditer(r"[^\n]+", text)]
    return _collect(text, ((offset, sent) for offset, sents in paragraphs for sent in sents))


def _read_doc(text: str, spacy_doc) -> tuple:
    """Sentences of a Doc of the whole text, cut again at line breaks as :func:`_parse_text` cuts paragraphs."""
    pieces = []
    for sent in spacy_doc.sents:
        begin = sent.start
        for tok in sent:
            if "\n" in tok.text and tok.is_space:
                if tok.i > begin:
                    pieces.append(spacy_doc[begin:tok.i])
                begin = tok.i + 1
        if begin < sent.end:
            pieces.append(spacy_doc[begin:sent.end])
    return _collect(text, ((0, span) for span in pieces))


def _collect(text: str, sentences_with_offsets) -> tuple:
    """Tokens, sentence spans and quotations from spaCy sentences, each with the offset of its paragraph."""
    quotes = quote_spans(text)
    quote_starts = [q0 for q0, _ in quotes]
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    for offset, sent in sentences_with_offsets:
        index = len(sentences)
        sentences.append((offset + sent.start_char, offset + sent.end_char))
        first_word = True
        for tok in sent:
            if tok.is_space:
                continue
            start = offset + tok.idx
            # Quotations do not overlap (one regex scan): only the last one opening before the token can hold it.
            q = bisect.bisect_left(quote_starts, start) - 1
            quoted = q >= 0 and start < quotes[q][1]
            # A sentence "starts" at its first word, after any opening quote or bracket.
            is_start = first_word and tok.text[:1].isalnum()
            if tok.text[:1].isalnum():
                first_word = False
            tokens.append(Token(tok.text, start, start + len(tok.text), tok.tag_, tok.ent_type_, index,
                                is_start, quoted, tok.lemma_))
    return tuple(tokens), tuple(sentences), quotes


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def in_markup(doc: "SourceDoc | str", token: Token) -> bool:
    """True for hashtags, handles, URLs and e-mail addresses: tags and links, not prose."""
    text = doc if isinstance(doc, str) else doc.text
    if token.start > 0 and text[token.start - 1] in "#@/_.":
        return True
    if isinstance(doc, str):
        return any(m.start() <= token.start < m.end() for m in _URL.finditer(text))
    starts, ends = doc.markup
    i = bisect.bisect_right(starts, token.start) - 1
    return i >= 0 and token.start < ends[i]


def whole_word(text: str, token: Token) -> bool:
    """True when the token is a whole word, not glued to letters, an apostrophe or a hyphen on either side
    ("wo" of "won't", "el" of "el-Gamal", "op" of "op-ed", "fil" of "Chick-fil-A")."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return not (before.isalnum() or before in "'’-" or after.isalnum() or after in "'’-")
