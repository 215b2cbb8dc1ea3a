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
from typing import NamedTuple, Sequence

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

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.sent == index)

    def is_headline(self, index: int) -> bool:
        """All-caps (or nearly) sentences are headlines or furniture: capitals there carry no meaning."""
        start, end = self.sentences[index]
        return _mostly_capitals(self.text[start:end])


@functools.lru_cache(maxsize=1024)
def _mostly_capitals(sentence: str) -> bool:
    # Cached: detectors ask once per token, which is quadratic in the length of a very long sentence.
    letters = [c for c in sentence if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


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

    @classmethod
    def build(cls, sources: Sequence[Source]) -> "Corpus":
        docs = tuple(parse(s) for s in sources)
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


def parse(source: Source) -> SourceDoc:
    tokens, sentences, quotes = _parse_text(source.text)
    return SourceDoc(source, tokens, sentences, quotes)


@functools.lru_cache(maxsize=256)
def _parse_text(text: str):
    from ..resources import spacy_pipeline

    nlp = spacy_pipeline()
    quotes = quote_spans(text)
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    # Parse paragraph by paragraph: a blank line always ends a sentence (titles, captions, furniture).
    for para in re.finditer(r"[^\n]+", text):
        doc = nlp(para.group())
        for sent in doc.sents:
            index = len(sentences)
            s0 = para.start() + sent.start_char
            sentences.append((s0, para.start() + sent.end_char))
            first_word = True
            for tok in sent:
                if tok.is_space:
                    continue
                start = para.start() + tok.idx
                quoted = any(q0 < start < q1 for q0, q1 in quotes)
                # A sentence "starts" at its first word, after any opening quote or bracket.
                is_start = first_word and tok.text[:1].isalnum()
                if tok.text[:1].isalnum():
                    first_word = False
                tokens.append(Token(tok.text, start, start + len(tok.text), tok.tag_, tok.ent_type_, index,
                                    is_start, quoted, tok.lemma_))
    return tuple(tokens), tuple(sentences), quotes


_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def in_markup(text: str, token: Token) -> bool:
    """True for hashtags, handles, URLs and e-mail addresses: tags and links, not prose."""
    if token.start > 0 and text[token.start - 1] in "#@/_.":
        return True
    spans = _url_spans(text)
    # The last URL starting at or before the token is the only one that can hold it (matches never overlap).
    at = bisect.bisect_right(spans, (token.start, len(text) + 1)) - 1
    return at >= 0 and spans[at][0] <= token.start < spans[at][1]


@functools.lru_cache(maxsize=64)
def _url_spans(text: str) -> list[tuple[int, int]]:
    # Matches never cross a line break (\S), so matching the whole text once equals matching each line.
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def whole_word(text: str, token: Token) -> bool:
    """True when the token is a whole word, not glued to letters, an apostrophe or a hyphen on either side
    ("wo" of "won't", "el" of "el-Gamal", "op" of "op-ed", "fil" of "Chick-fil-A")."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return not (before.isalnum() or before in "'’-" or after.isalnum() or after in "'’-")
