"""Cutting the average-linkage tree into stories, with a consistency check on merges of two groups.

Average linkage joins two groups when the mean affinity of their articles across the two reaches the threshold.
That alone lets two events of one running story ("a party chairman's remarks" in July, "the same chairman's
re-election" in December) become one story when each is covered by several outlets: the names and topic words are
shared, so the cross affinity is moderate, while each event's own articles are far tighter among themselves. The
consistency check keeps such groups apart: **two groups that are each clearly tighter than they are to each other
are two stories** (cross affinity below :data:`COHESION_RATIO` times the looser group's own affinity). A single
article joining a group is judged by the threshold alone, so an outlet that words the event differently still joins.
Two groups that quote the same words (``bonds``: a pair across them shares a run of quoted words) are one story
whatever their ratio: a quotation is a fact of the event, and on BASIL dev no two groups of different events above
the threshold shared one, while most same-event groups the ratio alone would split did.

    >>> import numpy as np
    >>> two_events = np.array([[1.0, 0.8, 0.5, 0.5], [0.8, 1.0, 0.5, 0.5],
    ...                        [0.5, 0.5, 1.0, 0.8], [0.5, 0.5, 0.8, 1.0]])
    >>> consistent_cut(two_events, threshold=0.4).tolist()
    [0, 0, 1, 1]
    >>> one_event = np.where(two_events == 0.5, 0.75, two_events)
    >>> consistent_cut(one_event, threshold=0.4).tolist()
    [0, 0, 0, 0]
"""

from __future__ import annotations

import numpy as np

#: Two groups (of two or more articles each) are one story only when their cross affinity is at least this share of
#: the looser group's own affinity (the affinity at which it was formed). Calibrated on BASIL dev without dates
#: (docs/benchmarks.md, "Stories"): the smallest value, in steps of 0.05, that kept every dev event of one topic
#: apart from the others (merges of two groups of different events had ratios 0.43-0.82 there). The cost: it splits
#: events of more than three articles whose outlets form tight pairs (a story and a trimmed copy of it); on dev events
#: grown to 6 articles with such copies, 15-18 of 50 are split (8-10 without the check), 41 of 50 before groups that
#: quote the same words were exempted (docs/benchmarks.md, "Stories", round two).
COHESION_RATIO = 0.85


def merge_tree(affinity_matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The full average-linkage tree: ``children`` (n-1, 2) and the mean affinity at each merge.

    Node ids follow scikit-learn: 0..n-1 are the articles, n + k the k-th merge.

    >>> children, joined = merge_tree(np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.3], [0.1, 0.3, 1.0]]))
    >>> children.tolist(), np.round(joined, 2).tolist()
    ([[0, 1], [2, 3]], [0.9, 0.2])
    """
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - np.clip(affinity_matrix, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=0.0, compute_full_tree=True, compute_distances=True)
    model.fit(distance)
    return model.children_.astype(int), 1.0 - model.distances_


def consistent_cut(affinity_matrix: np.ndarray, threshold: float, ratio: float = COHESION_RATIO,
                   bonds: np.ndarray | None = None) -> np.ndarray:
    """Story label per article: the average-linkage tree cut where a merge fails the threshold or the consistency check.

    Args:
        affinity_matrix: (n, n) symmetric affinities in 0..1.
        threshold: a merge needs a mean cross affinity at least this.
        ratio: a merge of two groups needs a cross affinity at least ``ratio`` times the looser group's own
            (0 turns the check off: plain average linkage).
        bonds: optional (n, n) booleans, True where two articles quote the same words; two groups with a bond
            across them skip the ratio check.

    Returns:
        Labels numbered in order of each story's first article.

    Example:
        >>> tight = np.array([[1.0, 0.9, 0.5, 0.5], [0.9, 1.0, 0.5, 0.5],
        ...                   [0.5, 0.5, 1.0, 0.9], [0.5, 0.5, 0.9, 1.0]])
        >>> consistent_cut(tight, 0.4).tolist()
        [0, 0, 1, 1]
        >>> quoted = np.zeros((4, 4), dtype=bool); quoted[0, 3] = quoted[3, 0] = True
        >>> consistent_cut(tight, 0.4, bonds=quoted).tolist()
        [0, 0, 0, 0]
    """
    n = len(affinity_matrix)
    if n < 2:
        return np.zeros(n, dtype=int)
    children, joined = merge_tree(affinity_matrix)
    cohesion = np.concatenate([np.ones(n), joined])  # an article alone is perfectly cohesive
    whole = np.ones(2 * n - 1, dtype=bool)  # whole[node]: every merge under the node holds, so it is one story
    for k in range(n - 1):  # children always precede their parent
        left, right = children[k]
        whole[n + k] = whole[left] and whole[right] and _merge_holds(k, children, cohesion, n, threshold, ratio,
                                                                     bonds)
    labels = np.full(n, -1, dtype=int)
    stack = [2 * n - 2]
    while stack:  # top-down: the largest nodes that are whole are the stories
        node = stack.pop()
        if whole[node]:
            labels[_leaves(node, children, n)] = node
        else:
            stack.extend(children[node - n][::-1])
    first_seen: dict[int, int] = {}
    return np.array([first_seen.setdefault(int(x), len(first_seen)) for x in labels], dtype=int)


def _merge_holds(k: int, children: np.ndarray, cohesion: np.ndarray, n: int, threshold: float, ratio: float,
                 bonds: np.ndarray | None) -> bool:
    """Whether merge k joins one story: its cross affinity meets the threshold and, for two groups that quote
    nothing in common, the ratio."""
    cross = cohesion[n + k]
    if cross < threshold:
        return False
    left, right = children[k]
    if left < n or right < n:
        return True
    if bonds is not None and bonds[np.ix_(_leaves(left, children, n), _leaves(right, children, n))].any():
        return True
    return bool(cross >= ratio * min(cohesion[left], cohesion[right]))


def _leaves(node: int, children: np.ndarray, n: int) -> list[int]:
    out, stack = [], [node]
    while stack:
        node = stack.pop()
        if node < n:
            out.append(node)
        else:
            stack.extend(children[node - n])
    return out
