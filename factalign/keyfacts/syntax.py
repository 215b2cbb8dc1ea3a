"""Parse helpers shared by the key-fact extractors: one cached parse per source text, and what a value hangs from.

Offsets of every token are offsets into the source text itself, because the whole text is parsed as given.
"""

from __future__ import annotations

import functools
import unicodedata

from ..wordlists import SPEECH_LEMMAS as SAYING

#: How many steps up the dependency tree a value may sit below the predicate it belongs to ("on March 14" ->
#: "tore": pobj, prep, verb); further up it belongs to a larger clause.
MAX_STEPS = 4


def parse_source(text: str):
    """The spaCy parse of a whole source text, cached by text so that each source is parsed once per process.

    Example:
        >>> parse_source("Two ships collided.")[1].lemma_
        'ship'
    """
    from .. import nlp as run

    return _parse(text, run.name())


@functools.lru_cache(maxsize=64)
def _parse(text: str, model: str | None):
    """Parse ``text`` with the run's spaCy pipeline, a line break always ending a sentence."""
    from ..resources import spacy_pipeline

    nlp = spacy_pipeline(model)
    doc = nlp.make_doc(text)
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text_with_ws:
            tok.is_sent_start = True  # a line break ends a headline or paragraph; the parser must not join them
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


def predicate(tok) -> str:
    """Lemma of the verb (or predicate adjective) a token hangs from, or "" (verbs of saying do not count).

    Example:
        >>> doc = parse_source("Five firefighters were treated for smoke inhalation.")
        >>> predicate(doc[1])
        'treat'
    """
    cur = tok
    for _ in range(MAX_STEPS):
        for child in cur.children:  # "people injured in the crash": the participle describes the noun
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.lemma_.lower() not in SAYING:
                if cur is not tok or child.i > tok.i:
                    return child.lemma_.lower()
        head = cur.head
        if head is cur:
            break
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            lemma = head.lemma_.lower()
            return "" if lemma in SAYING else lemma
        cur = head
    return ""


def fold(text: str) -> str:
    """Lower case without accents or possessive endings, for comparing names ("Ortiz's" -> "ortiz")."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower().replace("'s", "").strip(" .,'\"")


def surname(name: str) -> str:
    """The last word of a person's name, folded ("Fire Chief Laura Benning" -> "benning")."""
    words = [w for w in fold(name).split() if w.isalpha()]
    return words[-1] if words else ""


def span_offsets(doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start:end`` of ``doc`` (into the parsed text)."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def span_text(doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` for offsets that fall on token edges (see :func:`span_offsets`), read from the
    tokens there: ``doc.text`` joins every token of the doc, which made one fact cost the length of its source.

    Example:
        >>> import spacy
        >>> doc = spacy.blank("en")("Aged 40, she left.")
        >>> span_text(doc, 5, 8), doc.text[5:8]
        ('40,', '40,')
    """
    span = doc.char_span(start, end)
    return span.text if span is not None else doc.text[start:end]


def negated(tok) -> bool:
    """True when the token or its auxiliary chain carries a negation ("is not guilty", "never reopened")."""
    heads = [tok, tok.head] if tok.dep_ in ("acomp", "oprd", "pobj", "attr") else [tok]
    return any(c.dep_ == "neg" for h in heads for c in h.children)
