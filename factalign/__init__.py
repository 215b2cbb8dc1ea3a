"""factalign: compare news articles claim by claim, offline.

    >>> from factalign import align
    >>> report = align({"wire": text_a, "local": text_b})   # doctest: +SKIP
    >>> report.to_frame()                                     # doctest: +SKIP

Importing factalign is cheap: models and heavy libraries load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import FactalignError, InputError, ModelError, StageError
from .models import Claim, Finding, Source, Verdict

__version__ = "0.1.0"

_LAZY = {
    "align": ("factalign.pipeline", "align"),
    "Report": ("factalign.report", "Report"),
    "extract_claims": ("factalign.claims", "extract_claims"),
    "judge": ("factalign.judges", "judge"),
    "stories": ("factalign.grouping", "stories"),
    "Stories": ("factalign.grouping", "Stories"),
}

__all__ = [
    "align", "extract_claims", "judge", "stories", "Stories", "Report", "Source", "Claim", "Finding", "Verdict",
    "FactalignError", "InputError", "ModelError", "StageError", "__version__",
]

if TYPE_CHECKING:  # pragma: no cover
    from .claims import extract_claims
    from .grouping import Stories, stories
    from .judges import judge
    from .pipeline import align
    from .report import Report


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factalign' has no attribute {name!r}")
