"""Up-front checks that :class:`~factalign.options.Options` does not make, so that a typo fails in milliseconds,
before any source is parsed or model loaded: the models can be had, the output file can be written, the
statements to judge hold text. ``align()`` calls :func:`check_models`; the command line calls :func:`check_cli`.

    >>> check_statements("Rain fell.", "Rivers rose.")
    >>> check_output("/no/dir/out.json")
    Traceback (most recent call last):
    factalign.errors.InputError: cannot write the output to /no/dir/out.json: no such folder /no/dir
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError


def check_models(model: str | None, nli: str | None = None) -> None:
    """The embedding model and the optional NLI model can be had (installed, local, cached or downloadable).

    Raises:
        ModelError: naming the model and why it cannot be had.
    """
    from .resources import check_model_available, resolve_embedder_path

    if model is not None:
        check_model_available(resolve_embedder_path(model), "sentence-transformers model")
    if nli is not None:
        check_model_available(nli, "NLI CrossEncoder")


def check_output(path: str | None) -> None:
    """The output file can be written: its folder exists and is writable, and it is not itself a folder.

    Raises:
        InputError: naming the path and what is wrong.
    """
    if not path:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise InputError(f"cannot write the output to {path}: it is a folder")
    if not folder.is_dir():
        raise InputError(f"cannot write the output to {path}: no such folder {folder}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(f"cannot write the output to {path}: permission denied")


def check_cli(args) -> None:
    """The command line's options that argparse cannot check alone: the output and baseline files, judge and
    detector names (through :class:`~factalign.options.Options`) and models. Runs before any source is read or model loaded.

    Raises:
        InputError: a bad option.
        ModelError: a model that is neither installed nor downloadable.
    """
    from .options import Options

    check_output(getattr(args, "output", None))
    check_output(getattr(args, "write_baseline", None))
    baseline = getattr(args, "baseline", None)
    if baseline and not Path(baseline).is_file():
        raise InputError(f"baseline file not found: {baseline}")
    settings = {name: getattr(args, name, None) for name in ("judges", "detectors", "threshold", "min_overlap")}
    Options(**{name: value for name, value in settings.items() if value is not None})
    check_models(getattr(args, "model", None), getattr(args, "nli", None))


def check_statements(*statements: str) -> None:
    """Statements to judge must hold text.

        >>> check_statements("Rain fell.", " ")
        Traceback (most recent call last):
        factalign.errors.InputError: statement 2 is empty; give two statements to judge
    """
    for i, statement in enumerate(statements, start=1):
        if not isinstance(statement, str) or not statement.strip():
            raise InputError(f"statement {i} is empty; give two statements to judge")


def check_max_chars(max_chars) -> int:
    """``max_chars`` as a positive whole number of characters.

    Raises:
        InputError: anything else.
    """
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise InputError(f"max_chars must be a whole number of characters above 0, got {max_chars!r}")
    return max_chars
