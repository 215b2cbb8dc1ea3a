"""Pure array functions under the align stage: embeddings in, pairs and groups out. No models, no text.

    >>> import numpy as np
    >>> a = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> b = np.array([[0.0, 1.0], [0.8, 0.6]])
    >>> match(a, b, threshold=0.5)
    [(1, 0, 1.0), (0, 1, 0.8)]
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

#: Cosine similarity (all-MiniLM-L6-v2, normalised) above which two claims state the same fact.
#: Calibrated on the paraphrase sets and the seeds; see docs/benchmarks.md ("Alignment threshold").
DEFAULT_THRESHOLD = 0.6

#: Added to the similarity of two claims attributed to the same speaker (see :func:`group`).
SPEAKER_BONUS = 0.05

#: Two claims of one source at least this similar are the source repeating itself (see :func:`group`).
REPEAT_THRESHOLD = 0.9

#: Candidate edges kept per claim when grouping: its most similar claims above the threshold. A fact needs one
#: edge per member to form, and a claim rarely has more than a handful of partners above the threshold, so the
#: groups are those of all pairs on ordinary stories while the edges stay linear in the number of claims.
NEIGHBOURS = 32

#: Similarity values computed at once (float32: 16 MB; with the speaker bonus, which adds in float64, and the masks
#: of a block, about 100 MB in all), whatever the number of claims: bounds memory. The groups do not depend on it.
BLOCK_CELLS = 1 << 22


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
    neighbours: int = NEIGHBOURS,
    block_cells: int = BLOCK_CELLS,
) -> np.ndarray:
    """Group rows into facts: at most one row per owner (source) in a group, N-way.

    Edges between rows of different owners with similarity >= ``threshold`` are taken most similar first; an edge
    joins two groups only if they share no owner and the mean similarity between all their members is at least
    ``link`` (default ``threshold - 0.1``), which keeps chains of weak links from gluing different facts together.
    Candidate edges are each row's ``neighbours`` most similar rows above the threshold, found block by block
    (:func:`similar_pairs`), so memory stays bounded and the work grows with the number of rows times the block,
    never with all pairs held at once.

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
        neighbours: candidate edges kept per row (its most similar ones).
        block_cells: similarity values computed at once (bounds memory).

    Returns:
        (n,) integer group label per row, labels numbered 0.. in order of first appearance.

    Example:
        >>> emb = np.array([[1.0, 0.0], [0.0, 1.0], [0.96, 0.28]])
        >>> group(emb, np.array([0, 0, 1])).tolist()
        [0, 1, 0]
    """
    n = len(embeddings)
    owners = np.asarray(owners)
    if n == 0:
        return np.zeros(0, dtype=int)
    link = threshold - 0.1 if link is None else link
    rep = _repeats(embeddings, owners, repeat, neighbours, block_cells)
    keep = np.nonzero(rep == np.arange(n))[0]
    scorer = _Scorer(embeddings[keep], None if speakers is None else np.asarray(speakers)[keep], speaker_bonus)
    edges = similar_pairs(scorer, owners[keep], threshold, same_owner=False, k=neighbours, block_cells=block_cells)
    labels = _group_distinct(edges, scorer, owners[keep], link)
    full = np.empty(n, dtype=int)
    full[keep] = labels
    return _first_appearance(full[rep])


class _Scorer:
    """Similarity of rows (plus the same-speaker bonus) computed on demand, a block at a time."""

    def __init__(self, emb: np.ndarray, speakers: np.ndarray | None, bonus: float):
        self.emb, self.speakers, self.bonus = emb, speakers, bonus

    def __len__(self) -> int:
        return len(self.emb)

    def block(self, rows: np.ndarray | slice, cols: np.ndarray | slice = slice(None)) -> np.ndarray:
        sim = self.emb[rows] @ self.emb[cols].T
        if self.speakers is not None:
            a, b = self.speakers[rows], self.speakers[cols]
            sim = sim + self.bonus * ((a[:, None] == b[None, :]) & (a[:, None] >= 0))
        return sim


class Pairs(NamedTuple):
    """Candidate edges ``rows[k] < cols[k]`` with their similarity, in row-major order."""

    rows: np.ndarray
    cols: np.ndarray
    sim: np.ndarray


def similar_pairs(
    scorer: "_Scorer | np.ndarray", owners: np.ndarray, threshold: float, *, same_owner: bool,
    k: int = NEIGHBOURS, block_cells: int = BLOCK_CELLS,
) -> Pairs:
    """Pairs of rows (of the same owner, or of different owners) at least ``threshold`` similar.

    Each row keeps its ``k`` most similar partners; a pair is kept when either of its rows keeps it. Rows are
    compared a block at a time (``block_cells`` values at once), so memory is bounded whatever the size.

    Example:
        >>> emb = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
        >>> similar_pairs(emb, np.array([0, 1, 2]), 0.5, same_owner=False).rows.tolist()
        [0, 1]
    """
    if isinstance(scorer, np.ndarray):
        scorer = _Scorer(scorer, None, 0.0)
    n = len(scorer)
    step = max(1, block_cells // max(n, 1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, step):
        stop = min(n, start + step)
        sim = scorer.block(slice(start, stop))
        same = owners[start:stop, None] == owners[None, :]
        mask = (sim >= threshold) & (same if same_owner else ~same)
        mask[np.arange(stop - start), np.arange(start, stop)] = False
        _keep_top(mask, sim, k)
        rows, cols = np.nonzero(mask)
        found.append((rows + start, cols, sim[rows, cols]))
    rows, cols, sims = (np.concatenate(parts) for parts in zip(*found))
    # each pair once, as (smaller, larger), preferring the value computed in the smaller row's block
    lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
    order = np.lexsort((rows > cols, hi, lo))
    key = lo[order].astype(np.int64) * n + hi[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    chosen = order[first]
    return Pairs(lo[chosen], hi[chosen], sims[chosen])


def _keep_top(mask: np.ndarray, sim: np.ndarray, k: int) -> None:
    """In place: clear all but the ``k`` most similar marked cells of each row that has more than ``k``."""
    heavy = np.nonzero(mask.sum(axis=1) > k)[0]
    if len(heavy) == 0:
        return
    values = np.where(mask[heavy], sim[heavy], -np.inf)
    top = np.argpartition(-values, k - 1, axis=1)[:, :k]
    mask[heavy] = False
    mask[heavy[:, None], top] = True


def _repeats(emb: np.ndarray, owners: np.ndarray, repeat: float | None, k: int, block_cells: int) -> np.ndarray:
    """Index of the first row of each row's cluster of near-duplicates within one owner (itself if none)."""
    n = len(emb)
    if repeat is None:
        return np.arange(n)
    pairs = similar_pairs(emb, owners, repeat, same_owner=True, k=k, block_cells=block_cells)
    parent = np.arange(n)
    for i, j in zip(pairs.rows.tolist(), pairs.cols.tolist()):
        a, b = _root(parent, i), _root(parent, j)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is always the cluster's smallest index
    return np.array([_root(parent, i) for i in range(n)])


def _root(parent: np.ndarray, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = int(parent[i])
    return i


def _group_distinct(edges: Pairs, scorer: _Scorer, owners: np.ndarray, link: float) -> np.ndarray:
    n = len(scorer)
    order = np.argsort(-edges.sim, kind="stable")
    parent = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    owned: dict[int, set[int]] = {i: {int(owners[i])} for i in range(n)}

    for k in order:
        ra, rb = _root(parent, int(edges.rows[k])), _root(parent, int(edges.cols[k]))
        if ra == rb or owned[ra] & owned[rb]:
            continue
        ma, mb = members[ra], members[rb]
        if len(ma) * len(mb) > 1 and float(scorer.block(np.array(ma), np.array(mb)).mean()) < link:
            continue
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        parent[rb] = ra
        ma.extend(mb)
        owned[ra] |= owned.pop(rb)
        del members[rb]

    return _first_appearance(np.array([_root(parent, i) for i in range(n)]))


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0.. in order of first appearance."""
    _, first = np.unique(labels, return_index=True)
    relabel = {int(labels[i]): label for label, i in enumerate(sorted(first))}
    return np.array([relabel[int(x)] for x in labels], dtype=int)


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


def best_by_source(sim: "np.ndarray | Similarity", owners: np.ndarray, n: int) -> np.ndarray:
    """``out[i, s]`` = highest similarity of row i to any row of owner s (-1 where s has no rows; own owner too).

    ``sim`` is a square similarity matrix or a :class:`Similarity` (computed a block of rows at a time).
    """
    owners = np.asarray(owners)
    out = np.full((len(owners), n), -1.0)
    step = max(1, BLOCK_CELLS // max(len(owners), 1))
    for start in range(0, len(owners), step):
        block = sim[start:start + step]
        for s in range(n):
            cols = np.nonzero(owners == s)[0]
            if len(cols):
                out[start:start + step, s] = block[:, cols].max(axis=1)
    return out


def best_partner_by_owner(emb: np.ndarray, owners: np.ndarray) -> dict[int, np.ndarray]:
    """For each owner s, the index of each row's most similar row of s (meaningless for a row of s itself).

    Computed a block of rows at a time, so memory stays bounded.

    Example:
        >>> emb = np.array([[1.0, 0.0], [0.0, 1.0], [0.9, 0.1], [0.1, 0.9]])
        >>> best = best_partner_by_owner(emb, np.array([0, 0, 1, 1]))
        >>> best[1][:2].tolist(), best[0][2:].tolist()
        ([2, 3], [0, 1])
    """
    owners = np.asarray(owners)
    n = len(emb)
    best = {int(s): np.zeros(n, dtype=int) for s in np.unique(owners)}
    step = max(1, BLOCK_CELLS // max(n, 1))
    for start in range(0, n, step):
        sim = emb[start:start + step] @ emb.T
        sim[owners[start:start + step, None] == owners[None, :]] = -1.0
        for s, out in best.items():
            cols = np.nonzero(owners == s)[0]
            out[start:start + step] = cols[np.argmax(sim[:, cols], axis=1)]
    return best


class Similarity:
    """Cosine similarity of L2-normalised rows, computed when asked instead of held as an n × n matrix.

    Indexing reads like the matrix: ``sim[i, j]`` is one similarity, ``sim[a:b]`` a block of full rows.

    Example:
        >>> sim = Similarity(np.array([[1.0, 0.0], [0.6, 0.8]]))
        >>> round(sim[0, 1], 2), sim[0:1].round(2).tolist()
        (0.6, [[1.0, 0.6]])
    """

    def __init__(self, embeddings: np.ndarray):
        self.embeddings = embeddings

    def __len__(self) -> int:
        return len(self.embeddings)

    def __getitem__(self, key):
        if isinstance(key, tuple):
            i, j = key
            return float(self.embeddings[i] @ self.embeddings[j])
        return self.embeddings[key] @ self.embeddings.T
