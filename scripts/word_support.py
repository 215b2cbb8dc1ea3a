"""Evaluation code, not part of the package (used by ``scripts/eval_judges.py summedits-support``).

Support check: is every content word of a derived claim backed by the reference it came from?

This answers a different question from the pairwise judges. ``judge(a, b)`` compares two claims already known
to state the same fact; :func:`support` asks whether a claim from a derived text (a summary, a rewrite, a
follow-up article) says only what a reference text says. It aligns the claim word by word to its best-matching
reference sentences:

- a name must be mentioned somewhere in the reference (:func:`~factalign.judges.entities._mentions`), a number
  must occur in it (:func:`~factalign.judges.quantities.number_words`);
- a common content word is supported by the same lemma in the matched sentences, else by a matched-sentence
  word whose embedding is close enough (a paraphrase: "protesters" for "activists");
- a word whose WordNet antonym stands in the nearby sentences (the numbers' window) about the same thing
  while the word itself is not in the matched sentences, or a predicate denied on one side only ("not",
  "no longer", "failed to", "stopped"), contradicts the reference.

    >>> ref = ["Police arrested four men on Tuesday after the protest in London."]
    >>> support("Four men were arrested in London.", ref).kind
    'agreement'
    >>> support("Four men were arrested in Paris.", ref).explanation
    'not in the reference: Paris'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

from factalign.errors import InputError
from factalign.models import Verdict
from factalign.judges._base import parse
from factalign.judges.lexicon import antonym_source, exclusive, indirect_antonyms, synset_antonyms

NAME = "support"
# Parts of speech whose words carry the claim's content; function words are never checked.
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
# Words too generic to need support: reporting verbs and light verbs a summary adds freely.
FREE = {"say", "be", "have", "do", "make", "get", "also", "include", "report", "according", "take", "come",
        "go", "give", "use", "show", "state", "tell", "add", "claim", "announce", "describe", "new", "recent",
        "recently", "year", "time", "people", "way", "well", "still", "just", "now", "then", "many", "much",
        "more", "most", "other", "such", "several", "accord", "reportedly", "allegedly", "current", "currently"}
NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
TITLES = {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "prime", "king", "queen", "prince", "chancellor",
          "secretary", "mayor", "governor", "senator", "leader", "chief", "ceo", "judge", "general"}
NEGATORS = {"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"}
# Default cosine between two single words (default embedder) above which one paraphrases the other, for naming
# unsupported words in a report ("detained" ~ "arrest" 0.61). It is not tuned: on SummEdits the cutoff chosen on
# the first half of the documents was 0.239, i.e. single-word cosines barely separate (see docs/benchmarks.md).
WORD_THRESHOLD = 0.6
TOP_K = 3
# Numbers may come from a little further away than words: a summary sentence often fuses several sentences.
NUMBER_WINDOW = 3


@dataclass(frozen=True)
class WordSupport:
    """How one content word of the claim is backed by the reference.

    Args:
        word: the claim's word as written.
        score: 1.0 for the same lemma, the cosine to the closest reference word otherwise, 0.0 for a name or
            number the reference never mentions.
        evidence: the reference word that backs it best, or None.
        rule: "lemma", "embedding", "entity", "number", "antonym" or "negation".
    """

    word: str
    score: float
    evidence: str | None
    rule: str


# Word vectors, cached per process: one reference meets many claims.
_VEC: dict[tuple[str, str | None], object] = {}


def _vectors(words: Sequence[str], embedder: str | None):
    import numpy as np

    missing = [w for w in dict.fromkeys(words) if (w, embedder) not in _VEC]
    if missing:
        from factalign.resources import sentence_transformer

        vecs = sentence_transformer(embedder).encode(missing, normalize_embeddings=True, batch_size=64)
        _VEC.update({(w, embedder): v for w, v in zip(missing, vecs)})
    return np.array([_VEC[(w, embedder)] for w in words])


@functools.lru_cache(maxsize=4096)
def _sentence_vector(text: str, embedder: str | None):
    from factalign.resources import sentence_transformer

    return sentence_transformer(embedder).encode([text], normalize_embeddings=True)[0]


def _content(tok) -> bool:
    return tok.pos_ in CONTENT_POS and tok.is_alpha and not tok.is_stop and tok.lemma_.lower() not in FREE \
        and tok.ent_type_ == "" and len(tok.text) > 1


def _opposed(tok, word: str) -> bool:
    """True when the claim token and a reference lemma are WordNet opposites or two values of a closed set."""
    lemma = tok.lemma_.lower()
    return bool(antonym_source(lemma, word, adjectives=tok.pos_ == "ADJ", verbs=tok.pos_ == "VERB")
                or indirect_antonyms(lemma, word) or synset_antonyms(lemma, word) or exclusive(lemma, word))


def _context(tok) -> set[str]:
    """Content lemmas of the token's head and dependents: what it says something about."""
    near = [tok.head, *tok.children] + ([*tok.head.children] if tok.dep_ in ("xcomp", "acomp", "amod") else [])
    return {t.lemma_.lower() for t in near if t is not tok and t.is_alpha and not t.is_stop}


# Verbs that deny their complement beyond negation.IMPLICIT: "stopped opening", "ceased to publish".
DENYING = {"stop", "cease", "halt", "quit", "abandon"}


def _own_negator(tok) -> bool:
    """True when the word itself carries a negator: "not", "never", or "no longer" / "no more"."""
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS
               or (c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children))
               for c in tok.children)


def _negated(tok, depth: int = 3) -> bool:
    """True when the word is denied: it carries a negator, or it is the complement of a verb that denies it
    ("failed to get", "stopped opening") or of a negated verb ("did not have to fly"). Denials cancel out:
    "do not need to cease being labelled" leaves "labelled" asserted."""
    from factalign.judges.negation import IMPLICIT

    denied = _own_negator(tok)
    head = tok.head
    if depth and tok.dep_ in ("xcomp", "acomp") and head.i != tok.i:
        up = _negated(head, depth - 1) != (head.lemma_.lower() in IMPLICIT | DENYING)
        denied = denied != up
    return denied


def _frame(tok) -> set[str]:
    """Content lemmas around a predicate: its head, its arguments and their complements ("deemed to be a
    threat" gives "threat"), and the subject a conjoined verb shares with its head. Two occurrences of a
    predicate state the same fact when their frames overlap."""
    near = [tok.head] if tok.head.i != tok.i else []
    for c in tok.children:
        near.append(c)
        if c.dep_ in ("xcomp", "attr", "dobj", "prep", "acomp", "oprd", "agent"):
            near += [g for g in c.children if g.dep_ in ("attr", "dobj", "pobj", "nsubj", "acomp", "xcomp")]
    if tok.dep_ == "conj":
        near += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    own = tok.lemma_.lower()
    return {t.lemma_.lower() for t in near if t.is_alpha and not t.is_stop and t.pos_ in
            ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and t.lemma_.lower() != own}


def _ranked_sentences(claim: str, reference: Sequence[str], embedder: str | None) -> list[int]:
    """Indices of the reference sentences, most similar to the claim first."""
    import numpy as np

    vec = _sentence_vector(claim, embedder)
    sims = np.array([_sentence_vector(s, embedder) for s in reference]) @ vec
    return [int(k) for k in np.argsort(-sims)]


def _polarity(doc, matched) -> list[WordSupport]:
    """A predicate the matched sentences also use, about the same thing (shared context or frame), must be
    denied on both sides or on neither."""
    out = []
    for tok in doc:
        predicate = tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT"))
        if not predicate or tok.lemma_.lower() in ("be", "have", "do"):
            continue
        same = [r for d in matched for r in d if r.lemma_.lower() == tok.lemma_.lower() and r.pos_ == tok.pos_
                and (_context(tok) & _context(r) or _frame(tok) & _frame(r))]
        if same and all(_negated(r) != _negated(tok) for r in same):
            out.append(WordSupport(tok.text, 0.0, same[0].text, "negation"))
    return out


def word_support(claim: str, reference_sentences: Sequence[str], *, top_k: int = TOP_K,
                 embedder: str | None = None) -> list[WordSupport]:
    """Align each content word, name and number of ``claim`` to the reference and score its support.

    Args:
        claim: one sentence or claim of the derived text.
        reference_sentences: the reference text, split into sentences.
        top_k: how many best-matching reference sentences (sentence embeddings) words may align to.
        embedder: sentence-transformers model name or path (default embedder when None).

    Returns:
        One :class:`WordSupport` per checked word, in claim order.

    Raises:
        InputError: an empty reference, or a claim that is not a string.
    """
    from factalign.judges.entities import _mentions
    from factalign.judges.quantities import number_words

    if not isinstance(claim, str):
        raise InputError(f"support() checks a claim given as str, not {type(claim).__name__}")
    reference = [s for s in reference_sentences if s and s.strip()]
    if not reference:
        raise InputError("support() needs at least one non-empty reference sentence")
    full = " ".join(reference)
    doc = parse(claim)
    ranked = _ranked_sentences(claim, reference, embedder)
    matched = [parse(reference[k]) for k in ranked[:top_k]]
    out: list[WordSupport] = []
    # Every word of a name must be mentioned: "Pierre Elliott Trudeau" is not backed by "Pierre Poilievre".
    for tok in doc:
        if (tok.ent_type_ in NAME_TYPES or tok.pos_ == "PROPN") and tok.is_alpha and tok.text[:1].isupper() \
                and tok.lower_ not in TITLES and not tok.is_stop and not _mentions(tok.text, full):
            out.append(WordSupport(tok.text, 0.0, None, "entity"))
    # Numbers must stand in the matched sentences: a document mentions many numbers, each about one thing.
    wide = ranked[:NUMBER_WINDOW * top_k]
    near_numbers = set(number_words(" ".join(reference[k] for k in wide)))
    out += [WordSupport(n, 0.0, None, "number") for n in number_words(claim) if n not in near_numbers]

    ref_lemmas = {t.lemma_.lower() for d in matched for t in d} | {t.lower_ for d in matched for t in d}
    ref_tokens = [t for d in matched for t in d if _content(t)]
    ref_words = sorted({t.lemma_.lower() for t in ref_tokens})
    # An opposite may stand a little further away, like a number; the shared frame keeps it about the same thing.
    wide_tokens = [t for k in wide for t in parse(reference[k]) if _content(t)]
    words = [t for t in doc if _content(t)]
    pending = []
    for tok in words:
        lemma = tok.lemma_.lower()
        if lemma in ref_lemmas or tok.lower_ in ref_lemmas:
            out.append(WordSupport(tok.text, 1.0, lemma, "lemma"))
            continue
        opposite = [r.lemma_.lower() for r in wide_tokens if _opposed(tok, r.lemma_.lower())
                    and (_context(tok) & _context(r) or _frame(tok) & _frame(r))]
        if opposite:
            out.append(WordSupport(tok.text, 0.0, opposite[0], "antonym"))
            continue
        pending.append(tok)
    if pending and ref_words:
        sims = _vectors([t.lemma_.lower() for t in pending], embedder) @ _vectors(ref_words, embedder).T
        for tok, row in zip(pending, sims):
            best = int(row.argmax())
            out.append(WordSupport(tok.text, round(float(row[best]), 3), ref_words[best], "embedding"))
    elif pending:
        out += [WordSupport(t.text, 0.0, None, "embedding") for t in pending]

    out += _polarity(doc, matched)
    order = {w: i for i, w in enumerate(t.text for t in doc)}
    return sorted(out, key=lambda s: order.get(s.word.split()[0], len(order)))


def support(claim: str, reference_sentences: Sequence[str], *, threshold: float = WORD_THRESHOLD,
            top_k: int = TOP_K, embedder: str | None = None) -> Verdict:
    """Decide whether the reference supports every word of ``claim``.

    Args:
        claim: one sentence or claim of the derived text.
        reference_sentences: the reference text, split into sentences.
        threshold: cosine between single words above which a reference word paraphrases a claim word.
        top_k: how many best-matching reference sentences the claim's words may align to.
        embedder: sentence-transformers model name or path (default embedder when None).

    Returns:
        "contradiction" when a word's antonym or the opposite polarity stands in the matched reference
        sentences; "neutral" when a name, number or content word finds no support (the explanation names
        them); "agreement" otherwise, scored by the weakest word's support.

    Raises:
        InputError: an empty reference, or a claim that is not a string.
    """
    scored = word_support(claim, reference_sentences, top_k=top_k, embedder=embedder)
    clash = [s for s in scored if s.rule in ("antonym", "negation")]
    if clash:
        s = clash[0]
        label = "opposite word" if s.rule == "antonym" else "polarity"
        return Verdict("contradiction", s.rule, 0.8, f"{label}: {s.evidence} vs {s.word}", NAME,
                       (s.evidence or "", s.word))
    names = [s for s in scored if s.rule in ("entity", "number")]
    if names:
        return Verdict("neutral", names[0].rule, 1.0, "not in the reference: " + ", ".join(s.word for s in names),
                       NAME, None)
    weak = [s for s in scored if s.score < threshold]
    if weak:
        return Verdict("neutral", "unsupported", round(1.0 - min(s.score for s in weak), 3),
                       "unsupported: " + ", ".join(f"{s.word} ({s.evidence} {s.score:.2f})" for s in weak), NAME,
                       None)
    weakest = min((s.score for s in scored), default=1.0)
    return Verdict("agreement", None, round(weakest, 3), "every content word is supported", NAME, None)


def support_score(claim: str, reference_sentences: Sequence[str], *, top_k: int = TOP_K,
                  embedder: str | None = None) -> float:
    """The weakest word's support in 0..1 (0 for a contradiction or an unknown name), for ranking claims."""
    scored = word_support(claim, reference_sentences, top_k=top_k, embedder=embedder)
    return min((s.score for s in scored), default=1.0)
