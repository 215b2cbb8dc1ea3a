"""Who says what: direct quotes, "X said Y" and "according to X", read from the dependency parse.

The attribution frame ("Hayashi said", "said Chinese Foreign Ministry spokeswoman Mao Ning in a briefing")
is removed from the claim's text and kept as data: the speaker goes to ``Claim.attribution`` and direct
quotations get ``quote=True``, so a later stage can compare who said what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import entity_at
from .roles import titled
from .syntax import QUOTE_MARKS

SPEECH_VERBS = frozenset(
    f"{stem}{end}" for stem, ends in {
        "sa": ("y", "ys", "id", "ying"), "tel": ("l", "ls", "ling"), "tol": ("d",), "add": ("", "s", "ed", "ing"),
        "confirm": ("", "s", "ed", "ing"), "announc": ("e", "es", "ed", "ing"), "stat": ("e", "es", "ed", "ing"),
        "explain": ("", "s", "ed", "ing"), "not": ("e", "es", "ed", "ing"), "insist": ("", "s", "ed", "ing"),
        "argu": ("e", "es", "ed", "ing"), "warn": ("", "s", "ed", "ing"), "clarif": ("y", "ies", "ied", "ying"),
        "wr": ("ote", "ite", "ites", "iting"), "claim": ("", "s", "ed", "ing"), "declar": ("e", "es", "ed", "ing"),
        "assert": ("", "s", "ed", "ing"), "stress": ("", "es", "ed", "ing"), "repl": ("y", "ies", "ied", "ying"),
        "report": ("", "s", "ed", "ing"), "tweet": ("", "s", "ed", "ing"), "acknowledg": ("e", "es", "ed", "ing"),
        "emphasiz": ("e", "es", "ed", "ing"), "emphasis": ("e", "es", "ed", "ing"), "recall": ("", "s", "ed", "ing"),
        "den": ("y", "ies", "ied", "ying"), "admit": ("", "s", "ted", "ting"), "predict": ("", "s", "ed", "ing"),
        "comment": ("", "s", "ed", "ing"), "continu": ("e", "es", "ed", "ing"), "observ": ("e", "es", "ed", "ing"),
    }.items() for end in ends
)
"""Word forms (no lemmatizer needed) of verbs that introduce reported speech."""

QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
MIN_QUOTE_WORDS = 4
"""Shorter quoted stretches are scare quotes or titles ('“brain dead”'), not quotations of a statement."""

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_SUBJ = ("nsubj", "nsubjpass")
_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "npadvmod", "advmod", "prep", "dobj", "dative", "punct", "agent",
                         "aux", "neg", "cc", "attr", "tmod", "obl", "prt"})


@dataclass(frozen=True)
class Part:
    """A stretch of one sentence that becomes one or more claims.

    Args:
        tokens: doc token indices of the content (frame tokens removed).
        quote: the content is a direct quotation.
        speaker: the speaker's name as written, or None.
        speaker_is_pronoun: the speaker is "he"/"she"/... and still needs resolving.
    """

    tokens: frozenset[int]
    quote: bool = False
    speaker: str | None = None
    speaker_is_pronoun: bool = False
    about_speaker: bool = False
    """The words naming the speaker, kept only for the facts they state ("X, the chief cabinet secretary")."""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges strictly inside double quotation marks; an unclosed quote runs to the end.

    >>> quote_spans('He said: “We are ready now.” Then he left.')
    [(10, 27)]
    >>> quote_spans('It was declared “brain dead” by Macron.')  # a scare quote, not a quotation
    []
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        end = j if j != -1 else len(text)
        spans.append((i + 1, end))
        i = end + 1
    return [(a, b) for a, b in spans if len(re.findall(r"\w+", text[a:b])) >= MIN_QUOTE_WORDS]


NAMING_WORDS = frozenset({"titled", "entitled", "called", "named", "dubbed"})


def names_a_work(block, span: tuple[int, int]) -> bool:
    """The quoted stretch is a title, not a quotation: capitalised words that are not a clause, after a
    common noun or a naming word ('the documentary “Don't f*ck with cats”', 'a book titled “Fire and
    Fury”'). A whole clause stays a quotation ('his statement: “We will win.”').

    Args:
        block: the doc, or the span of it (one body block) that holds the quotation.
        span: the quotation's character range inside its marks.
    """
    doc = block.doc
    first = block.start if block is not doc else 0
    inside = [t.i for t in block if span[0] <= t.idx < span[1]]
    if not inside or inside[0] < first + 2 or doc[inside[0] - 1].text not in QUOTE_MARKS:
        return False
    before = doc[inside[0] - 2]
    return (before.pos_ == "NOUN" or before.lower_ in NAMING_WORDS) and doc[inside[0]].text[:1].isupper() \
        and not _complete(doc, inside, set(inside))


def analyse(sent, quoted: set[int]) -> tuple[list[Part], _SpeakerHint | None]:
    """Split one sentence into content parts with their attribution.

    The first of :data:`ATTRIBUTION_RULES` that applies decides: a sentence with a direct quotation, then
    reported speech ("X said that ..."), then "according to X"; otherwise the sentence is one part, the
    writer's own.

    Args:
        sent: a spaCy sentence ``Span``.
        quoted: doc token indices inside a direct quotation.

    Returns:
        The parts, and a hint naming the speech verb's subject when the sentence has one (the caller
        uses it for quotes whose speaker is named in a neighbouring sentence).

    Example:
        >>> import spacy                                                           # doctest: +SKIP
        >>> doc = spacy.load("en_core_web_sm")("Prices rose, the ministry said.")  # doctest: +SKIP
        >>> [(sorted(p.tokens), p.speaker) for p in analyse(doc[:], set())[0]]   # doctest: +SKIP
        [([0, 1], 'the ministry')]
    """
    idx = [t.i for t in sent if not t.is_space]
    verb = _speech_verb(sent, quoted)
    hint = _speaker_hint(verb) if verb is not None else None
    for rule in ATTRIBUTION_RULES:
        parts = rule(sent, idx, quoted, verb, hint)
        if parts is not None:
            return parts
    return [Part(frozenset(idx))], None


def quotation_parts(sent, idx: list[int], quoted: set[int], verb, hint):
    """'“We are ready,” she said': the quotation is one part, said by the speech verb's subject; the
    writer's own clause beside it ("Stoltenberg visited Japan, and ...") is another. A partial quote (the
    law "is eating the Constitution") keeps the writer's words around it. None without quoted words."""
    doc = sent.doc
    in_quote = [i for i in idx if i in quoted]
    if not any(not doc[i].is_punct for i in in_quote):
        return None
    frame = _frame_tokens(verb, quoted) if verb is not None else set()
    rest = [i for i in idx if not doc[i].is_punct and i not in quoted and i not in frame]
    name, pron = hint if hint else (None, False)
    if any(doc[i].is_alpha for i in rest) and not _complete(doc, in_quote, quoted):
        return [Part(frozenset(i for i in idx if i not in frame), True, name, pron),
                *_speaker_facts(verb, quoted)], hint
    parts = [Part(frozenset(in_quote), True, name, pron), *_speaker_facts(verb, quoted)]
    if _is_clause(doc, rest):
        parts.insert(0, _writer_words(doc, idx, frame | quoted))
    return parts, hint


def _writer_words(doc, idx: list[int], taken: set[int]) -> Part:
    """The writer's own words beside a quotation: the sentence without the quote, its marks and the frame."""
    return Part(frozenset(i for i in idx if i not in taken and doc[i].text not in QUOTE_MARKS))


def reported_parts(sent, idx: list[int], quoted: set[int], verb, hint):
    """"X said that prices rose": the clause said is one part, attributed to X ("that" goes); the
    writer's own clause beside it is another. None without a speech verb and a clause of 3+ words.

    Its conditions (about 20, counting each "and"/"or") are set comprehensions that pick the said clause;
    each names the dependency it reads."""
    if verb is None:
        return None
    doc = sent.doc
    heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    ccomp = [c for h in heads for c in h.children if c.dep_ in ("ccomp", "parataxis") and c.i not in quoted]
    content = {t.i for c in ccomp for t in c.subtree}
    content -= {t.i for t in doc[min(content, default=0):max(content, default=0) + 1]
                if t.dep_ == "mark" and t.head.i in {c.i for c in ccomp} and t.lower_ in ("that", "whether")}
    if len([i for i in content if not doc[i].is_punct]) < 3:
        return None
    name, pron = hint
    parts = [Part(frozenset(content), False, name, pron), *_speaker_facts(verb, quoted)]
    # "..., he hastens to clarify, but common interests rule out failure": the writer's own clause.
    rest = [i for i in idx if i not in content and i not in _frame_tokens(verb, quoted)]
    if _is_clause(doc, rest):
        parts.append(Part(frozenset(rest)))
    return parts, hint


def according_parts(sent, idx: list[int], quoted: set[int], verb, hint):
    """"Twelve people died, according to the agency": the sentence without the phrase, said by the agency."""
    according = _according_to(sent)
    if according is None:
        return None
    prep, pobj = according
    content = set(idx) - {t.i for t in prep.subtree}
    name, pron = _speaker_name(pobj)
    return [Part(frozenset(content), False, name, pron), *_noun_facts(pobj, quoted)], None


ATTRIBUTION_RULES = (quotation_parts, reported_parts, according_parts)
"""How a sentence says who says it, tried in order; each gives ``(parts, hint)`` or None."""


_SpeakerHint = tuple[str, bool]


def _speaker_facts(verb, quoted: set[int]) -> list[Part]:
    subj = _subject(verb) if verb is not None else None
    return _noun_facts(subj, quoted) if subj is not None else []


def _noun_facts(head, quoted: set[int]) -> list[Part]:
    """The speaker's noun phrase as a part of its own when it states a fact: "said Yoshimasa Hayashi, the
    chief cabinet secretary" (an apposition), "said Jens Stoltenberg, who leads NATO" (a relative clause)."""
    tokens = {t.i for t in head.subtree if t.i not in quoted}
    if not any(t.dep_ in ("appos", "relcl", "acl") for t in head.subtree if t.i in tokens) and not titled(head):
        return []
    return [Part(frozenset(tokens), about_speaker=True)]


def _complete(doc, tokens, quoted: set[int]) -> bool:
    """The quoted words hold a clause with its subject, so they can be read alone."""
    tops = [doc[i] for i in tokens if doc[i].head.i not in quoted or doc[i].head.i == i]
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in quoted
                                                  for c in t.children) for t in tops)


def _is_clause(doc, tokens) -> bool:
    words = [i for i in tokens if not doc[i].is_punct]
    return len(words) >= 3 and any(doc[i].pos_ in ("VERB", "AUX") for i in words)


def _speech_verb(sent, quoted: set[int]):
    """The sentence's reporting verb outside any quotation: the root, or a verb hanging off it."""
    root = sent.root
    candidates = [root] + [c for c in root.children if c.dep_ in ("parataxis", "ccomp", "xcomp", "conj", "advcl")]
    candidates += [g for c in candidates[1:] for g in c.children if c.dep_ == "xcomp" or g.dep_ == "xcomp"]
    for verb in candidates:
        if verb.i in quoted or verb.lower_ not in SPEECH_VERBS:
            continue
        if _subject(verb) is not None or _inherited_subject(verb) is not None:
            return verb
    return None


def _inherited_subject(verb):
    # "he hastens to clarify": the subject of "clarify" is the subject of "hastens".
    if verb.dep_ == "xcomp":
        for c in verb.head.children:
            if c.dep_ in _SUBJ:
                return c
    return None


def _subject(verb):
    """Who speaks: the active subject, or the agent of a passive ("it was announced by the ministry").

    A passive speech verb's subject is what is said about, not the speaker: "The case is explained in
    the documentary" has no speaker.
    """
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _speaker_hint(verb) -> _SpeakerHint | None:
    subj = _subject(verb) or _inherited_subject(verb)
    return _speaker_name(subj) if subj is not None else None


def _frame_tokens(verb, quoted: set[int]) -> set[int]:
    """The speech verb and the words that only say who spoke, when and where."""
    frame = {verb.i}
    head = verb
    if verb.dep_ == "xcomp":  # "hastens to clarify"
        head = verb.head
        frame |= {t.i for c in head.children if c.dep_ in ("nsubj", "aux", "advmod") for t in c.subtree}
        frame |= {head.i} | {c.i for c in verb.children if c.dep_ == "aux"}
    for child in verb.children:
        if child.dep_ in _FRAME_DEPS and child.i not in quoted:
            frame |= {t.i for t in child.subtree if t.i not in quoted}
    return frame


def _according_to(sent):
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return tok, pobj
    return None


def _speaker_name(head) -> _SpeakerHint:
    """The speaker as a reader would name them: a person's name without titles, else the noun phrase."""
    if head.lower_ in _PRONOUNS:
        return head.text, True
    name = _entity_name(head) or _name_after_title(head)
    if name is not None:
        return name, False
    keep = [t for t in head.subtree
            if not any(a.dep_ in ("appos", "relcl", "acl", "prep", "punct") for a in _path(t, head))]
    return "".join(t.text_with_ws for t in keep).strip(), False


def _entity_name(head) -> str | None:
    """A person's name, or an organisation, group or place that ends at ``head`` ("the ministry")."""
    if not head.ent_type_:
        return None
    doc = head.doc
    ent = entity_at(doc, head.i)
    if ent is None:
        return None
    if ent.label_ == "PERSON":
        return ent.text
    if ent.label_ in ("ORG", "NORP", "GPE") and ent.end == head.i + 1:
        det = doc[ent.start - 1] if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else None
        return f"{det.text} {ent.text}" if det is not None else ent.text
    return None


def _name_after_title(head) -> str | None:
    """A title before a name ("spokeswoman Mao Ning"): the trailing run of proper nouns is the name."""
    doc = head.doc
    run = [head]
    while run[0].i > head.left_edge.i and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].head.i == head.i:
        run.insert(0, doc[run[0].i - 1])
    if head.pos_ == "PROPN" and run[0].i > head.left_edge.i and doc[run[0].i - 1].lower_ != "the":
        return " ".join(t.text for t in run)
    return None


def _path(tok, head):
    """Tokens from ``tok`` up to (excluding) ``head``."""
    out = []
    while tok.i != head.i:
        out.append(tok)
        tok = tok.head
    return out
