"""Give back to the system the memory a heavy step has freed.

The encoder and the parser allocate and free many buffers of varying sizes on the C heap. glibc keeps freed heap
pages for later use, but what comes after them (large arrays, Python's own object arenas) is allocated through
``mmap`` and never reuses those pages, so a long run would keep each heavy step's peak as resident memory.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys


def release_freed_memory() -> bool:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim``); False where there is no such call.

    Nothing in use moves, so no result depends on it. Where the C library has no ``malloc_trim`` (macOS, Windows,
    musl) it does nothing.

    Example:
        >>> release_freed_memory() in (True, False)
        True
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim``, looked up once; None off Linux or without it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)
