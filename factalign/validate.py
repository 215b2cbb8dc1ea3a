"""Up-front checks of the options of a run, so that a typo fails in milliseconds, before any model loads.

``align()`` calls :func:`check_options` first; the command line also calls :func:`check_output` before it
reads a source.

    >>> check_options(threshold=0.5, judges=("numbers",))
    >>> check_options(threshold=1.5)
    Traceback (most recent call last):
    factalign.errors.InputError: threshold must be a number between 0 and 1, got 1.5
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError


def check_options(
    *,
    threshold: float | None = None,
    min_overlap: float | None = None,
    judges: Sequence[str] | None = None,
    detectors: Sequence[str] | None = None,
    model: str | None = None,
    nli: str | None = None,
    max_chars: int | None = None,
) -> None:
    """Check the settings of a run; ``None`` skips a check.

    Args:
        threshold: alignment similarity, 0..1.
        min_overlap: story overlap, 0..1.
        judges: names from the judges registry (or "nli").
        detectors: names from the artefact detectors registry.
        model: sentence-transformers model name or path; must be installed or downloadable.
        nli: CrossEncoder model name or path; same rule.
        max_chars: longest source in characters, a positive whole number.

    Raises:
        InputError: a bad number or an unknown name (the message lists the known ones).
        ModelError: a model that can be neither found locally nor downloaded.
    """
    for label, value in (("threshold", threshold), ("min_overlap", min_overlap)):
        if value is not None:
            check_unit(label, value)
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise InputError(f"max_chars must be a whole number of characters above 0, got {max_chars!r}")
    if judges is not None:
        from .judges import JUDGES

        check_names("judge", judges, (*JUDGES, "nli"))
    if detectors is not None:
        from .artefacts import DETECTORS

        check_names("artefact detector", detectors, tuple(DETECTORS))
    from .resources import check_model_available, resolve_embedder_path

    if model is not None:
        check_model_available(resolve_embedder_path(model), "sentence-transformers model")
    if nli is not None:
        check_model_available(nli, "NLI CrossEncoder")


def check_unit(label: str, value) -> float:
    """``value`` as a float within 0..1, else an InputError naming ``label``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not 0.0 <= number <= 1.0:
        raise InputError(f"{label} must be a number between 0 and 1, got {value!r}")
    return number


def check_names(what: str, names: Sequence[str], known: Sequence[str]) -> None:
    """Every name must be a known one (an empty selection is allowed: it turns the stage off).

    Raises:
        InputError: naming the unknown ones and listing the known ones.
    """
    if isinstance(names, str):
        raise InputError(f"give the {what}s as a list of names, not the string {names!r}")
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown {what}{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                         f"known: {', '.join(known)}")


def check_output(path: str | None) -> None:
    """The output file can be written: its folder exists and is writable, and it is not itself a folder.

    Raises:
        InputError: naming the path and what is wrong.
    """
    if not path:
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"cannot write the output to {path}: it is a folder")
    if not folder.is_dir():
        raise InputError(f"cannot write the output to {path}: no such folder {folder}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"cannot write the output to {path}: permission denied")


def check_cli(args) -> None:
    """The command line's options that argparse cannot check alone: the output file, judge and detector names,
    and models. Runs before any source is read or model loaded.

    Raises:
        InputError: a bad option.
        ModelError: a model that is neither installed nor downloadable.
    """
    check_output(getattr(args, "output", None))
    check_options(judges=getattr(args, "judges", None), detectors=getattr(args, "detectors", None),
                  model=getattr(args, "model", None), nli=getattr(args, "nli", None))


def check_statements(*statements: str) -> None:
    """Statements to judge must hold text.

        >>> check_statements("Rain fell.", " ")
        Traceback (most recent call last):
        factalign.errors.InputError: statement 2 is empty; give two statements to judge
    """
    for i, statement in enumerate(statements, start=1):
        if not isinstance(statement, str) or not statement.strip():
            raise InputError(f"statement {i} is empty; give two statements to judge")
