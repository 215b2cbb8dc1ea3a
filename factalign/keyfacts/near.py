"""Which key facts of one anchor bucket may match, when their anchor is a similarity of sentences alone.

Quotes share one bucket (``("quote", "")``): two of them are about the same thing when some claim of one is at
least :data:`~factalign.keyfacts.anchors.QUOTE_SIM` similar to some claim of the other. Testing every pair grew with
the square of a long source's quotes; :class:`NearClaims` finds the pairs of claims above that level with a blocked
product of their unit vectors (a block of rows at a time, so memory stays bounded) and gives each quote the quotes
it may match. The rule itself (:func:`~factalign.keyfacts.anchors.same_anchor`) still decides every pair found.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np

from ..matching import BLOCK_CELLS
from .anchors import QUOTE_SIM
from .model import KeyFact

#: How far under the level a pair may be and still be kept for the rule to decide: a block product and the rule's
#: dot product of two claims add their terms in different orders, which moves the last bits (float32: ~1e-7).
MARGIN = 1e-4

#: Bucket types whose facts match only through the similarity of their claims (and at which level).
BY_SIMILARITY = {"quote": QUOTE_SIM}


class NearClaims:
    """For one bucket of key facts, the facts each may match by the similarity of their claims.

    Args:
        embeddings: (n, d) unit vectors of the run's claims.
        index: claim id -> row of ``embeddings``.

    Example:
        >>> emb = np.array([[1.0, 0.0], [0.96, 0.28], [0.0, 1.0]], dtype=np.float32)
        >>> quote = lambda cid: KeyFact("quote", "x", "x", "", cid[0], 0, 1, (cid,))
        >>> NearClaims(emb, {"a#0": 0, "b#0": 1, "b#1": 2})(("quote", ""), [quote("a#0"), quote("b#0"), quote("b#1")])
        [{0, 1}, {0, 1}, {2}]
    """

    def __init__(self, embeddings: np.ndarray, index: Mapping[str, int]):
        self.embeddings, self.index = embeddings, index

    def __call__(self, bucket: tuple[str, Any], facts: Sequence[KeyFact]) -> list[set[int]] | None:
        """For each fact (by position in ``facts``), the positions of the facts it may match (itself included);
        None for a bucket whose facts match on more than similarity (every pair is then tested)."""
        level = BY_SIMILARITY.get(bucket[0])
        if level is None:
            return None
        rows = sorted({self.index[c] for f in facts for c in f.claims})
        where = {row: k for k, row in enumerate(rows)}
        holders: list[list[int]] = [[] for _ in rows]  # the facts holding each claim
        for n, fact in enumerate(facts):
            for cid in fact.claims:
                holders[where[self.index[cid]]].append(n)
        out: list[set[int]] = [set() for _ in facts]
        for x, y in _close_rows(self.embeddings[rows], level - MARGIN):
            for n in holders[x]:
                out[n].update(holders[y])
        return out


def _close_rows(emb: np.ndarray, level: float):
    """(i, j) for every two rows (either order, and each row with itself) at least ``level`` similar, found a block
    of rows at a time (:data:`~factalign.matching.BLOCK_CELLS` values at once)."""
    step = max(1, BLOCK_CELLS // max(len(emb), 1))
    for start in range(0, len(emb), step):
        rows, cols = np.nonzero(emb[start:start + step] @ emb.T >= level)
        yield from zip((rows + start).tolist(), cols.tolist())
