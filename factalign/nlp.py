"""Which spaCy pipeline this run parses with: one setting that reaches every stage.

``align(spacy_model=...)`` enters :func:`using` for the whole run, and every stage that parses (the splitter,
the artefact detectors, the judges) asks :func:`current` for its pipeline, so a user's pipeline is never
mixed with the default one. A context variable keeps concurrent runs (threads, Dask tasks) apart.

    >>> with using("my_pipeline"):
    ...     name()
    'my_pipeline'
    >>> name() is None
    True
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_MODEL: ContextVar[str | None] = ContextVar("factalign_spacy_model", default=None)


@contextmanager
def using(model: str | None) -> Iterator[None]:
    """Parse with ``model`` (a spaCy package name or path; None: the default English pipeline) inside the block."""
    token = _MODEL.set(model)
    try:
        yield
    finally:
        _MODEL.reset(token)


def name() -> str | None:
    """The spaCy pipeline name or path in force (None: the default)."""
    return _MODEL.get()


def current():
    """The loaded spaCy pipeline in force (loaded once per process per name)."""
    from .resources import spacy_pipeline

    return spacy_pipeline(_MODEL.get())
