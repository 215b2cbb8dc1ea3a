"""Optional NLI judge: any sentence-transformers ``CrossEncoder`` trained for NLI, by name or local path.

Off by default (no NLI model installs from PyPI here). ``judge(a, b, nli="path/to/model")`` adds it. The label
order is read from the model's ``config.id2label``; pass ``labels`` to override it for models without one.
"""

from __future__ import annotations

import functools
from typing import Sequence

from ..errors import ModelError
from ..models import Verdict
from ._base import Side

NAME = "nli"
# How label names in model configs map to verdict kinds.
_KIND_BY_LABEL = {"contradiction": "contradiction", "contradict": "contradiction", "entailment": "agreement",
                  "entail": "agreement", "neutral": "neutral"}


@functools.lru_cache(maxsize=2)
def load_cross_encoder(name: str):
    """Load (once per process) a CrossEncoder from a local path or an installed model name."""
    try:
        from sentence_transformers import CrossEncoder
    except ImportError as exc:  # pragma: no cover - sentence-transformers is a core dependency
        raise ModelError("the NLI judge needs sentence-transformers: pip install sentence-transformers") from exc
    from ..progress import quiet_loading
    from ..resources import check_model_available

    check_model_available(name, "NLI CrossEncoder")
    try:
        with quiet_loading():
            return CrossEncoder(name, device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load NLI CrossEncoder {name!r} (models are never downloaded here): {exc}") from exc


def label_kinds(model, labels: Sequence[str] | None = None) -> list[str]:
    """Verdict kind for each output column of ``model``, from ``labels`` or the model's ``id2label``.

    Raises:
        ModelError: the labels cannot be mapped to contradiction/entailment/neutral.
    """
    if labels is None:
        id2label = getattr(getattr(model, "config", None), "id2label", None) or getattr(
            getattr(model, "model", None), "config", None).id2label
        labels = [id2label[i] for i in sorted(id2label)]
    kinds = []
    for label in labels:
        key = str(label).lower().strip()
        kind = next((v for k, v in _KIND_BY_LABEL.items() if key.startswith(k)), None)
        if kind is None:
            raise ModelError(f"NLI label {label!r} is not contradiction/entailment/neutral; pass labels=[...]")
        kinds.append(kind)
    if "contradiction" not in kinds:
        raise ModelError(f"NLI model labels {list(labels)} have no contradiction label")
    return kinds


def nli_judge(name: str | None, labels: Sequence[str] | None = None, threshold: float = 0.5):
    """Build the NLI judge for model ``name``: a function ``(a: Side, b: Side) -> Verdict | None``.

    Args:
        name: CrossEncoder model name or local path.
        labels: label of each output column, when the model config lacks a usable ``id2label``.
        threshold: probability a label needs before the judge speaks.
    """
    if not name:
        raise ModelError("the NLI judge needs a CrossEncoder model name or path: judge(..., nli='path')")

    def judge_nli(a: Side, b: Side) -> Verdict | None:
        model = load_cross_encoder(name)
        kinds = label_kinds(model, labels)
        import numpy as np

        logits = np.asarray(model.predict([(a.text, b.text)], apply_softmax=False, convert_to_numpy=True))[0]
        logits = np.atleast_1d(logits).astype(float)
        probs = np.exp(logits - logits.max())
        probs /= probs.sum()
        best = int(probs.argmax())
        if probs[best] < threshold or kinds[best] == "neutral":
            return None
        p = float(probs[best])
        return Verdict(kinds[best], NAME, round(p, 3), f"nli: {kinds[best]} (p={p:.2f})", NAME, (a.text, b.text))

    judge_nli.__name__ = "judge_nli"
    return judge_nli
