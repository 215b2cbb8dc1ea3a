"""Test-wide settings: the caches of a test run live in a fresh temporary folder, never the user's.

factalign caches embeddings and whole reports in the user cache directory (platformdirs, which honours
``XDG_CACHE_HOME``); a test run must neither read what an earlier run stored nor leave anything behind.
"""

import os
import shutil
import tempfile

_CACHE_HOME = tempfile.mkdtemp(prefix="factalign-tests-cache-")


def pytest_configure(config):
    os.environ["XDG_CACHE_HOME"] = _CACHE_HOME  # inherited by the CLI subprocesses the tests start


def pytest_unconfigure(config):
    shutil.rmtree(_CACHE_HOME, ignore_errors=True)
