"""Progress bars for long runs on a terminal, and nothing anywhere else.

A bar appears only when all of these hold: progress was not switched off (``enabled=False``), standard error is a
terminal, the code is not running under pytest, and the work has lasted longer than :data:`DELAY` seconds. So a
notebook, a CI log, a pipe or a test never sees one, and a quick run never flickers.

Three shapes: :func:`track` wraps an iterable, :func:`stage` wraps one long call whose length is unknown and
shows the elapsed time, and :class:`Steps` names the step a run of known steps is in (``align()``'s stages:
"embedding 240 claims (5/9): 00:14"), with the elapsed time kept moving while one step (loading a model) lasts.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import warnings
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

#: Seconds of work before a bar appears: shorter runs finish before a bar would tell the user anything.
DELAY = 2.0
#: Seconds between refreshes of a stage's elapsed-time display.
_TICK = 0.5


def wanted(enabled: bool | None = None, stream=None) -> bool:
    """Whether a progress bar may be shown.

    Args:
        enabled: False never shows one; None or True shows one only on a terminal and outside tests.
        stream: where the bar would be written (default: standard error).

    Example:
        >>> import io
        >>> wanted(True, io.StringIO())   # not a terminal
        False
        >>> wanted(False)
        False
    """
    if enabled is False or "PYTEST_CURRENT_TEST" in os.environ:
        return False
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def track(iterable: Iterable[T], desc: str, total: int | None = None, enabled: bool | None = None) -> Iterator[T]:
    """Iterate over ``iterable``, with a bar when :func:`wanted` allows and the loop runs past :data:`DELAY`.

    Args:
        iterable: what to loop over.
        desc: a few words shown before the bar ("splitting sources").
        total: the number of items, when ``len()`` does not give it.
        enabled: False switches the bar off (e.g. ``align(..., progress=False)``).

    Example:
        >>> [x * 2 for x in track(range(3), "doubling")]
        [0, 2, 4]
    """
    if not wanted(enabled):
        yield from iterable
        return
    from tqdm.auto import tqdm

    with tqdm(iterable, desc=desc, total=total, delay=DELAY, leave=False, file=sys.stderr,
              dynamic_ncols=True) as bar:
        yield from bar


@contextlib.contextmanager
def stage(desc: str, enabled: bool | None = None):
    """Show the elapsed time of one long step (after :data:`DELAY` seconds) while the block runs.

    Example:
        >>> with stage("comparing 2 sources", enabled=False):
        ...     result = sum(range(10))
        >>> result
        45
    """
    if not wanted(enabled):
        yield
        return
    done = threading.Event()
    thread = threading.Thread(target=_ticker, args=(desc, done), daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def _ticker(desc: str, done: threading.Event) -> None:
    if done.wait(DELAY):
        return
    from tqdm.auto import tqdm

    with tqdm(desc=desc, total=None, leave=False, file=sys.stderr, bar_format="{desc}: {elapsed}") as bar:
        bar.start_t -= DELAY  # the bar appears after DELAY seconds; the time shown counts from the start
        while not done.wait(_TICK):
            bar.refresh()


class Steps:
    """Show which of ``total`` steps a long run is in, and the time since it began, once it passes :data:`DELAY`.

    Use as a context manager and call :meth:`step` as each step begins; nothing is drawn when :func:`wanted`
    says no. A thread refreshes the line, so it keeps moving while one step runs long.

    Example:
        >>> with Steps(2, enabled=False) as steps:
        ...     steps.step("splitting 2 sources into claims")
        ...     steps.step("embedding 40 claims")
        >>> steps.done, steps.desc
        (1, 'embedding 40 claims')
    """

    def __init__(self, total: int, enabled: bool | None = None, stream=None):
        self.total = total
        self.done = 0
        self.desc = ""
        self._show = wanted(enabled, stream)
        self._stream = stream
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def step(self, desc: str) -> None:
        """Begin a step (the one before it is done)."""
        if self.desc:
            self.done += 1
        self.desc = desc

    def __enter__(self) -> "Steps":
        if self._show:
            self._thread = threading.Thread(target=self._draw, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _draw(self) -> None:
        if self._stop.wait(DELAY):
            return
        from tqdm.auto import tqdm

        stream = self._stream if self._stream is not None else sys.stderr
        with tqdm(total=self.total, leave=False, file=stream, bar_format="{desc} ({n}/{total}): {elapsed}") as bar:
            bar.start_t -= DELAY  # the line appears after DELAY seconds; the time shown counts from the start
            while True:
                bar.n = self.done
                bar.set_description_str(self.desc, refresh=False)
                bar.refresh()
                if self._stop.wait(_TICK):
                    return


@contextlib.contextmanager
def quiet_loading():
    """Silence third-party progress bars and advisory warnings while a model library loads, then restore them.

    Hugging Face libraries print "Loading weights" bars and advisory warnings to standard error, and importing
    sentence-transformers in a notebook without ipywidgets warns ``TqdmWarning: IProgress not found``; all of it
    ends up in notebook output. A library must not change that state for good, so it is put back on exit.

    Example:
        >>> with quiet_loading():
        ...     pass
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found")  # tqdm's notebook-widget notice
        with _quiet_transformers():
            yield


@contextlib.contextmanager
def _quiet_transformers():
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        yield
        return
    was_enabled = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if was_enabled:
            hf_logging.enable_progress_bar()
