"""Pure array functions under the align stage: embeddings in, pairs and groups out. No models, no text.

    >>> import numpy as np
    >>> a = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> b = np.array([[0.0, 1.0], [0.8, 0.6]])
    >>> match(a, b, threshold=0.5)
    [(1, 0, 1.0), (0, 1, 0.8)]
"""

from __future__ import annotations

import numpy as np

#: Cosine similarity (all-MiniLM-L6-v2, normalised) above which two claims state the same fact.
#: Calibrated on the paraphrase sets and the seeds; see docs/benchmarks.md ("Alignment threshold").
DEFAULT_THRESHOLD = 0.6

#: Added to the similarity of two claims attributed to the same speaker (see :func:`group`).
SPEAKER_BONUS = 0.05

#: Two claims of one source at least this similar are the source repeating itself (see :func:`group`).
REPEAT_THRESHOLD = 0.9


def match(emb_a: np.ndarray, emb_b: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one matching of rows of ``emb_a`` to rows of ``emb_b``, greedily by descending cosine similarity.

    Args:
        emb_a: (n, d) L2-normalised embeddings.
        emb_b: (m, d) L2-normalised embeddings.
        threshold: pairs below this similarity are never matched.

    Returns:
        ``(i, j, similarity)`` triples, most similar first; each i and each j appears at most once.
    """
    if len(emb_a) == 0 or len(emb_b) == 0:
        return []
    sim = emb_a @ emb_b.T
    rows, cols = np.nonzero(sim >= threshold)
    order = np.argsort(-sim[rows, cols], kind="stable")
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, round(float(sim[i, j]), 6)))
    return pairs


def group(
    embeddings: np.ndarray,
    owners: np.ndarray,
    threshold: float = DEFAULT_THRESHOLD,
    link: float | None = None,
    speakers: np.ndarray | None = None,
    speaker_bonus: float = SPEAKER_BONUS,
    repeat: float | None = REPEAT_THRESHOLD,
) -> np.ndarray:
    """Group rows into facts: at most one row per owner (source) in a group, N-way.

    Edges between rows of different owners with similarity >= ``threshold`` are taken most similar first; an edge
    joins two groups only if they share no owner and the mean similarity between all their members is at least
    ``link`` (default ``threshold - 0.1``), which keeps chains of weak links from gluing different facts together.
    The similarity matrix is one vectorised product; the merge loop only visits edges above the threshold.

    Args:
        embeddings: (n, d) L2-normalised embeddings of all claims of all sources.
        owners: (n,) integer source index of each row.
        threshold: minimum similarity of the edge that joins two groups.
        link: minimum mean similarity between the members of two groups being joined.
        speakers: (n,) integer speaker id per row (-1: none); rows with the same speaker get ``speaker_bonus``
            added to their similarity, since a quote put in the same mouth by two outlets is strong evidence.
        speaker_bonus: see ``speakers``.
        repeat: rows of one owner at least this similar are one repeated statement (a headline and its lead
            sentence): they join the same group, so the fact is reported once. None: never.

    Returns:
        (n,) integer group label per row, labels numbered 0.. in order of first appearance.
    """
    n = len(embeddings)
    owners = np.asarray(owners)
    if n == 0:
        return np.zeros(0, dtype=int)
    link = threshold - 0.1 if link is None else link
    sim = embeddings @ embeddings.T
    rep = _repeats(sim, owners, repeat)
    if speakers is not None:
        speakers = np.asarray(speakers)
        sim = sim + speaker_bonus * ((speakers[:, None] == speakers[None, :]) & (speakers[:, None] >= 0))
    keep = np.nonzero(rep == np.arange(n))[0]
    labels = _group_distinct(sim[np.ix_(keep, keep)], owners[keep], threshold, link)
    full = np.empty(n, dtype=int)
    full[keep] = labels
    full = full[rep]
    _, first = np.unique(full, return_index=True)
    relabel = {int(full[i]): label for label, i in enumerate(sorted(first))}
    return np.array([relabel[int(x)] for x in full], dtype=int)


def _repeats(sim: np.ndarray, owners: np.ndarray, repeat: float | None) -> np.ndarray:
    """Index of the first row of each row's cluster of near-duplicates within one owner (itself if none)."""
    n = len(sim)
    rep = np.arange(n)
    if repeat is None:
        return rep
    rows, cols = np.nonzero(np.triu(sim >= repeat, k=1) & (owners[:, None] == owners[None, :]))
    for i, j in zip(rows, cols):
        a, b = rep[i], rep[j]
        if a != b:
            rep[rep == max(a, b)] = min(a, b)
    return rep


def _group_distinct(sim: np.ndarray, owners: np.ndarray, threshold: float, link: float) -> np.ndarray:
    n = len(sim)
    upper = np.triu(sim >= threshold, k=1) & (owners[:, None] != owners[None, :])
    rows, cols = np.nonzero(upper)
    order = np.argsort(-sim[rows, cols], kind="stable")

    parent = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    owned: dict[int, set[int]] = {i: {int(owners[i])} for i in range(n)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = int(parent[i])
        return i

    for k in order:
        ra, rb = root(int(rows[k])), root(int(cols[k]))
        if ra == rb or owned[ra] & owned[rb]:
            continue
        ma, mb = members[ra], members[rb]
        if len(ma) * len(mb) > 1 and float(sim[np.ix_(ma, mb)].mean()) < link:
            continue
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        parent[rb] = ra
        ma.extend(mb)
        owned[ra] |= owned.pop(rb)
        del members[rb]

    roots = np.array([root(i) for i in range(n)])
    _, first = np.unique(roots, return_index=True)
    relabel = {int(roots[i]): label for label, i in enumerate(sorted(first))}
    return np.array([relabel[int(r)] for r in roots], dtype=int)


def pair_overlap(labels: np.ndarray, owners: np.ndarray, n: int) -> np.ndarray:
    """``out[a, b]`` = facts shared by sources a and b / claims of the shorter of the two; diagonal 1."""
    out = np.eye(n)
    if len(labels) == 0:
        return out
    presence = np.zeros((int(labels.max()) + 1, n), dtype=float)
    presence[labels, owners] = 1.0
    shared = presence.T @ presence
    counts = np.bincount(owners, minlength=n).astype(float)
    smaller = np.minimum(counts[:, None], counts[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(smaller > 0, shared / smaller, 0.0)
    np.fill_diagonal(out, 1.0)
    return out


def story(overlap: np.ndarray, min_overlap: float, anchor: int | None = None) -> list[int]:
    """Indices of the sources that make up the story: the largest group of sources linked by overlap >= min_overlap
    (or the group holding ``anchor``). Returns every index when all are linked."""
    n = len(overlap)
    linked = overlap >= min_overlap
    seen: set[int] = set()
    components = []
    for start in range(n):
        if start in seen:
            continue
        stack, comp = [start], []
        seen.add(start)
        while stack:
            a = stack.pop()
            comp.append(a)
            for b in np.nonzero(linked[a])[0]:
                if int(b) not in seen:
                    seen.add(int(b))
                    stack.append(int(b))
        components.append(sorted(comp))
    if anchor is not None:
        chosen = next(c for c in components if anchor in c)
    else:
        chosen = max(components, key=len)
    return chosen if len(chosen) > 1 else []


def best_by_source(sim: np.ndarray, owners: np.ndarray, n: int) -> np.ndarray:
    """``out[i, s]`` = highest similarity of row i to any row of owner s (-1 where s has no rows; own owner too)."""
    owners = np.asarray(owners)
    out = np.full((len(sim), n), -1.0)
    for s in range(n):
        cols = np.nonzero(owners == s)[0]
        if len(cols):
            out[:, s] = sim[:, cols].max(axis=1)
    return out
