"""The contracts of the pipeline's swappable stages, and the checks that name a stage when it breaks one.

Each stage is a small protocol with one default implementation:

- :class:`Splitter` (default :class:`~factalign.claims.ClaimSplitter`): sources -> claims per source;
- :class:`Embedder` (default :class:`~factalign.embed.SentenceTransformerEmbedder`): texts -> unit vectors;
- :class:`Judge` (default: the registered rule judges, :func:`factalign.judges.judge`): two claims, each seen as a
  :class:`~factalign.judges.Side`, -> verdict or None (the signature of every registered judge too);
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

import warnings
from typing import Any, Iterable, Protocol, Sequence, runtime_checkable

import numpy as np

from .embed import Embedder
from .errors import StageError
from .models import Claim, Source, Verdict

__all__ = ["Splitter", "DocSplitter", "Embedder", "Judge", "Detector", "check_split", "check_docs", "with_lemmas",
           "check_claims", "check_embeddings", "check_verdict"]


@runtime_checkable
class Splitter(Protocol):
    """Splits sources into claims: one list per source, in order, each claim a view into its source's text."""

    def split_many(self, sources: Sequence[Source]) -> list[list[Claim]]:
        """Return the claims of each source (``claims[i]`` belong to ``sources[i]``)."""


@runtime_checkable
class DocSplitter(Splitter, Protocol):
    """A splitter that shows its parse: one spaCy ``Doc`` per source, which the later stages read too, so
    each source is parsed once per run (the default :class:`~factalign.claims.ClaimSplitter` is one)."""

    def parse_many(self, sources: Sequence[Source]) -> list[Any]:
        """One ``Doc`` per source, over its whole text (character offsets are the source's)."""

    def split_docs(self, sources: Sequence[Source], docs: Sequence[Any]) -> list[list[Claim]]:
        """The claims of each source, read from its ``Doc``."""


@runtime_checkable
class Judge(Protocol):
    """Decides a pair of claims from different sources: agreement, contradiction or neutral (None: no opinion).

    The one judge signature of factalign: a judge registered in :data:`factalign.judges.JUDGES`, the default
    stage (:func:`factalign.judges.judge`) and a replacement given as ``align(judge=...)`` all take two
    :class:`~factalign.judges.Side` views of claims, which carry the claim's text, attribution, publication date
    and tokens and read every other :class:`~factalign.models.Claim` field (``id``, ``source``, ``start``, ...)
    through to the claim, so a judge written for claims keeps working.
    """

    def __call__(self, a: Any, b: Any) -> Verdict | None:
        """Return the verdict on ``a`` against ``b`` (two :class:`~factalign.judges.Side`), or None."""


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


def check_docs(docs: Any, sources: Sequence[Source]) -> list[Any]:
    """The parse stage's output, checked: one ``Doc`` per source, over exactly its text."""
    docs = list(docs) if isinstance(docs, (list, tuple)) else docs
    if not isinstance(docs, list) or len(docs) != len(sources):
        raise StageError(f"split stage's parse must give one Doc per source ({len(sources)}), got {docs!r:.80}")
    for source, doc in zip(sources, docs):
        if getattr(doc, "text", None) != source.text:
            raise StageError(f"split stage's parse of source {source.name!r} is not over its text")
    return docs


def with_lemmas(docs: Sequence[Any]) -> list[Any]:
    """The docs with lemmas, which the key facts and artefact detectors read; the splitter does not need them,
    so its parse skips the lemmatizer and it runs here, on the same tokens (no second parse)."""
    from . import nlp

    pipeline = nlp.current()
    if "lemmatizer" not in pipeline.pipe_names:
        return list(docs)
    lemmatizer = pipeline.get_pipe("lemmatizer")
    with warnings.catch_warnings():
        # W108: the white space the splitter puts between separately parsed blocks has no POS tag to lemmatise
        warnings.filterwarnings("ignore", message=r"\[W108\]")
        return [lemmatizer(doc) for doc in docs]


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


#: What a judge stage that has no opinion on a pair (returns None, as a registered judge may) amounts to.
NO_OPINION = Verdict("neutral", None, 0.0, "the judge found no fact to compare")


def check_verdict(verdict: Any) -> Verdict:
    """The judge stage's answer for one pair: a :class:`~factalign.models.Verdict`, or None for no opinion."""
    if verdict is None:
        return NO_OPINION
    if not isinstance(verdict, Verdict):
        raise StageError(f"judge stage returned {type(verdict).__name__}, expected Verdict or None")
    return verdict
