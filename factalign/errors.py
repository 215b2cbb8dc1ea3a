"""Typed errors. The CLI turns every :class:`FactalignError` into one line on stderr and exit code 2."""


class FactalignError(Exception):
    """Base class of every error factalign raises on purpose."""


class InputError(FactalignError, ValueError):
    """The sources given cannot be compared: missing, empty, unreadable, too few."""


class ModelError(FactalignError, RuntimeError):
    """A model could not be loaded (not installed, bad name or path)."""


class StageError(FactalignError, TypeError):
    """A pipeline stage returned something that breaks its contract; the message names the stage."""


class DependencyError(FactalignError, ImportError):
    """A package factalign needs for this input is missing or broken; the message says what to install."""
