"""Array helpers of the align stage that look at claims: value links, coverage, speakers, evidence sentences.

Pure functions of claims, embeddings and labels; no model is loaded here.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from .lexical import content_words, has_number, synonym_recall, vocabulary, word_recall
from .matching import Similarity, best_by_source, best_partner_by_owner
from .models import Claim, Verdict

#: Claims this similar (but under the alignment threshold) join one fact when they give a value for the same
#: quantity: "killing at least 12 people" and "Twenty-one people were killed" (cosine 0.48) report one toll.
VALUE_LINK = 0.45

#: Cosine similarity from which a claim counts as stated by a close paraphrase alone, whatever words it shares.
#: Below it, topic similarity is not enough: the claim's content words must be there too (see :func:`coverage`).
#: On MRPC's paraphrase pairs (even rows of the test file, 500 pairs, dev) 0.70 keeps 91% of paraphrases covered;
#: on Lite-Pyramid (even documents, dev) it raises F1 for "fact missing" from 0.758 to 0.814.
PARAPHRASE = 0.70

#: Two claims, each the other's closest counterpart in the other's source and at least this similar, that each
#: source would otherwise be said to lack, are one fact worded two ways ("The match was postponed" / "The game was
#: called off", 0.6; "Residents were told to stay indoors" / "People were asked to remain inside"). The level at
#: which claims describe one event (as :data:`factalign.keyfacts.compare.CONTEXT_SIM`).
MIRROR_SIM = 0.5

#: Where a sentence ends, for widening a claim's evidence to its sentence.
SENTENCE_BREAKS = (". ", "\n", "? ", "! ")


def link_by_values(
    claims: Sequence[Claim], labels: np.ndarray, emb: np.ndarray, owners: np.ndarray,
    judge_values: Callable[[Claim, Claim], Verdict], threshold: float, low: float = VALUE_LINK,
    among: Sequence[int] | None = None,
) -> np.ndarray:
    """Join the facts of two claims from different sources that state a value for the same quantity.

    Only mutual best pairs among the claims that state a number, with similarity in [low, threshold), and only when
    the numbers judge finds the same quantity on both sides (whether the values agree or not); the joined fact may
    not hold two claims of one source. Embedding similarity alone misses these because the values and the wording
    around them differ exactly where the story does.
    """
    allowed = set(range(int(owners.max()) + 1) if among is None else among) if len(owners) else set()
    idx = np.array([i for i, c in enumerate(claims) if owners[i] in allowed and has_number(c.text)], dtype=int)
    if len(idx) < 2:
        return labels
    labels = labels.copy()
    own = owners[idx]
    sim = Similarity(emb[idx])  # computed per pair and best partners a block at a time: memory stays linear
    best = best_partner_by_owner(emb[idx], own)
    for a, b in _mutual_best(best, own, sim, low, threshold):
        i, j = int(idx[a]), int(idx[b])
        if labels[i] == labels[j]:
            continue
        group_i, group_j = labels == labels[i], labels == labels[j]
        if set(owners[group_i]) & set(owners[group_j]):
            continue
        verdict = judge_values(claims[i], claims[j])
        if verdict.subtype == "number" and verdict.kind in ("contradiction", "agreement"):
            labels[group_j] = labels[i]
    return labels


def _mutual_best(best: dict[int, np.ndarray], own: np.ndarray, sim: np.ndarray, low: float, high: float):
    """Pairs (a, b), a < b, from different sources, each the other's best in its source, similarity in [low, high)."""
    for a in range(len(own)):
        for s, choice in best.items():
            b = int(choice[a])
            if s != own[a] and b > a and int(best[int(own[a])][b]) == a and low <= sim[a, b] < high:
                yield a, b


def coverage(claims: Sequence[Claim], sim: np.ndarray, owners: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """``out[i, s]``: how well source s states claim i, on the similarity scale (compared with the threshold).

    The mean of the best cosine similarity to a claim of s and the share of the claim's content words that s uses,
    or the best cosine itself when it reaches :data:`PARAPHRASE`. Words matter because one sentence of s may carry
    several finer facts of another source ("Basnet cares for 45 children" inside a longer summary sentence) while
    its embedding only comes close to one of them; and a claim on the same topic ("the fog was unusual for May"
    beside "the fog reduced visibility", cosine 0.62) is close in embedding without stating the fact.

    Example:
        >>> coverage(claims, sim, owners, ["wire", "local"])[0, 1] >= 0.6  # doctest: +SKIP
        True
    """
    best = best_by_source(sim, owners, len(names))
    vocabularies = [vocabulary(c.text for c in claims if c.source == name) for name in names]
    recall = word_recall([c.text for c in claims], vocabularies)
    return np.maximum(np.where(best >= PARAPHRASE, best, 0.0), (best + recall) / 2)


def mirrored(missing: set[tuple[int, int]], emb: np.ndarray, owners: np.ndarray,
             low: float = MIRROR_SIM, texts: Sequence[str] | None = None) -> set[tuple[int, int]]:
    """Pairs of claims (i, j), i < j, that are one fact worded two ways, not two omissions.

    ``missing`` holds (row i, owner s): claim i seems absent from source s. When claim j of s is i's most similar
    claim in s, i is j's most similar claim in i's source, j seems absent from i's source, and the two are alike
    enough (:func:`worded_alike`: at least ``low`` similar, or a little less with their words in common, given
    ``texts``), each source states the other's claim in its own words.

    Example:
        >>> emb = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
        >>> sorted(mirrored({(0, 1), (1, 0), (2, 0)}, emb, np.array([0, 1, 1])))
        [(0, 1)]
    """
    if not missing:
        return set()
    best = best_partner_by_owner(emb, owners)
    out = set()
    for i, s in missing:
        j = int(best[s][i])
        home = int(owners[i])
        if (j, home) in missing and int(best[home][j]) == i and worded_alike(
                float(emb[i] @ emb[j]), (texts[i], texts[j]) if texts is not None else None, low):
            out.add((min(i, j), max(i, j)))
    return out


def worded_alike(similarity: float, texts: tuple[str, str] | None = None, low: float = MIRROR_SIM) -> bool:
    """True when two claims are alike enough to be one fact worded two ways: at least ``low`` similar, or at least
    :data:`VALUE_LINK` similar with the mean of their similarity and the share of the shorter one's content words
    the other states (WordNet near-synonyms counted, :func:`~factalign.lexical.synonym_recall`) reaching ``low``.

    Words lift a pair whose embedding sits just under the level ("would open an independent inquiry" / "An
    independent investigation will be set up", 0.498), never one that shares only a topic word.

    Example:
        >>> worded_alike(0.48, ("It will open an independent inquiry", "An independent investigation was set up"))
        True
        >>> worded_alike(0.48, ("The bridge was closed", "The bridge was built in 1902")), worded_alike(0.48)
        (False, False)
    """
    if similarity >= low:
        return True
    if similarity < VALUE_LINK or texts is None:
        return False
    shorter, longer = sorted(texts, key=lambda t: len(content_words(t)))
    return (similarity + synonym_recall(shorter, longer)) / 2 >= low


def sentence_of(text: str, claim: Claim) -> str:
    """The claim's evidence widened to the sentence around it (to the nearest sentence break on either side)."""
    start = max(text.rfind(mark, 0, claim.start) for mark in SENTENCE_BREAKS)
    ends = [i for i in (text.find(mark, claim.end) for mark in SENTENCE_BREAKS) if i >= 0]
    return text[start + 1 if start >= 0 else 0: min(ends) + 1 if ends else len(text)]


def speaker_ids(claims: Sequence[Claim]) -> np.ndarray:
    """One integer per claim naming its speaker by surname ("Yoshimasa Hayashi" and "Hayashi" share one), -1 if none."""
    keys: dict[str, int] = {}
    out = np.full(len(claims), -1, dtype=int)
    for i, c in enumerate(claims):
        names = [w for w in (c.attribution or "").replace("’s", "").split() if w[:1].isupper() and w.isalpha()]
        if names:
            out[i] = keys.setdefault(names[-1].lower(), len(keys))
    return out
