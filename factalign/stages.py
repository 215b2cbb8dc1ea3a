"""The contracts of the pipeline's swappable stages, and the checks that name a stage when it breaks one.

Each stage is a small protocol with one default implementation:

- :class:`Splitter` (default :class:`~factalign.claims.ClaimSplitter`): sources -> claims per source;
- :class:`Embedder` (default :class:`~factalign.embed.SentenceTransformerEmbedder`): texts -> unit vectors;
- :class:`Judge` (default: the registered rule judges, :func:`factalign.judges.judge`): two claims -> verdict;
- :class:`Detector` (the registry :data:`factalign.artefacts.DETECTORS`): one parsed source -> artefacts.

Anything with the right shape can replace a default (``align(sources, splitter=..., embedder=..., judge=...)``);
when it returns the wrong thing the :class:`~factalign.errors.StageError` says which stage did.

    >>> class OneClaimPerSource:
    ...     def split_many(self, sources):
    ...         return [[Claim(f"{s.name}#0", s.name, s.text, 0, len(s.text))] for s in sources]
    >>> isinstance(OneClaimPerSource(), Splitter)
    True
"""

from __future__ import annotations

from typing import Any, Iterable, Protocol, Sequence, runtime_checkable

import numpy as np

from .embed import Embedder
from .errors import StageError
from .models import Claim, Source, Verdict

__all__ = ["Splitter", "Embedder", "Judge", "Detector", "check_split", "check_claims", "check_embeddings",
           "check_verdict"]


@runtime_checkable
class Splitter(Protocol):
    """Splits sources into claims: one list per source, in order, each claim a view into its source's text."""

    def split_many(self, sources: Sequence[Source]) -> list[list[Claim]]:
        """Return the claims of each source (``claims[i]`` belong to ``sources[i]``)."""


@runtime_checkable
class Judge(Protocol):
    """Decides a pair of claims from different sources: agreement, contradiction or neutral."""

    def __call__(self, a: Claim, b: Claim) -> Verdict:
        """Return the verdict on ``a`` against ``b``."""


@runtime_checkable
class Detector(Protocol):
    """Finds machine-translation artefacts in one parsed source, with all sources as evidence."""

    def __call__(self, doc: Any, corpus: Any) -> Iterable[Any]:
        """Return :class:`~factalign.artefacts.Artefact` tuples with offsets into ``doc``'s source text."""


def check_split(result: Any, sources: Sequence[Source]) -> list[list[Claim]]:
    """The split stage's output, checked: one list of claims per source, offsets inside the source text."""
    if not isinstance(result, (list, tuple)) or len(result) != len(sources):
        raise StageError(f"split stage must return one list of claims per source ({len(sources)}), got {result!r:.80}")
    for source, claims in zip(sources, result):
        for c in claims:
            if not isinstance(c, Claim) or c.source != source.name:
                raise StageError(f"split stage returned {c!r:.80} among the claims of source {source.name!r}")
            if not 0 <= c.start <= c.end <= len(source.text):
                raise StageError(f"split stage gave claim {c.id} offsets {c.start}:{c.end} outside its source text")
    ids = [c.id for claims in result for c in claims]
    if len(set(ids)) != len(ids):
        raise StageError("split stage gave two claims the same id")
    return [list(c) for c in result]


def check_claims(result: Any, before: Sequence[Claim], stage: str) -> list[Claim]:
    """A stage that may only rewrite claim texts returned the same claims, in order."""
    result = list(result)
    if len(result) != len(before) or any(not isinstance(c, Claim) or c.id != b.id for c, b in zip(result, before)):
        raise StageError(f"{stage} stage must return the same claims, in order, with only their text changed")
    return result


def check_embeddings(emb: Any, n: int) -> np.ndarray:
    """The embed stage's output as an (n, dim) float32 array with unit rows."""
    try:
        emb = np.asarray(emb, dtype=np.float32)
    except (TypeError, ValueError) as exc:
        raise StageError(f"embed stage must return a numeric array, got {type(emb).__name__}") from exc
    if n == 0:
        return emb.reshape(0, emb.shape[-1] if emb.ndim == 2 else 0)
    if emb.ndim != 2 or emb.shape[0] != n:
        raise StageError(f"embed stage must return an array of shape ({n}, dim), got {emb.shape}")
    if not np.all(np.isfinite(emb)):
        raise StageError("embed stage returned non-finite values")
    from .embed import normalise_rows

    return normalise_rows(emb)


def check_verdict(verdict: Any) -> Verdict:
    """The judge stage's answer for one pair, which must be a :class:`~factalign.models.Verdict`."""
    if not isinstance(verdict, Verdict):
        raise StageError(f"judge stage returned {type(verdict).__name__}, expected Verdict")
    return verdict
