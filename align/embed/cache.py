"""An SQLite embedding cache: a text is encoded once per encoder, across runs and processes.

Rows are keyed by (encoder id, SHA-256 of the UTF-8 text) and hold the float32 vector. Only
texts not yet cached reach the inner encoder, each once per call. Several worker processes
share one file, and they may all open it for the first time at once (the first
`fidelity check --jobs N`):
- the layout is read and, if needed, created in ONE write transaction (`BEGIN IMMEDIATE`),
  so no process ever sees a half-made file (a table without its version, say);
- a file of another layout, read completely inside that transaction, is rebuilt in place
  (tables dropped and created again): the file itself is deleted only when SQLite says it
  is damaged, never on a version read half-way;
- the switch to WAL mode is retried while another process holds the lock; if it never
  succeeds the cache keeps SQLite's default journal, which is slower but still shared;
- each thread (and each process after a fork) gets its own connection: a call from another
  thread opens one for that thread and leaves the others' alone.
If the cache cannot be used at all the encoder keeps working uncached (with a warning) — a
cache never stops a run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from align.embed.base import Encoder, normalise_rows

#: Bumped when the table layout changes; a file of another layout is rebuilt.
SCHEMA_VERSION = 1
#: Rows looked up per SELECT (SQLite allows a limited number of bound parameters).
_LOOKUP_CHUNK = 500
_BUSY_TIMEOUT_MS = 30_000
#: Tries of the WAL switch, which SQLite refuses ("database is locked") while another
#: connection holds a lock, without waiting on the busy timeout.
_WAL_TRIES = 50
_WAL_PAUSE_S = 0.02

_CREATE = (
    "CREATE TABLE embeddings ("
    " encoder TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL,"
    " PRIMARY KEY (encoder, digest)) WITHOUT ROWID"
)


class CacheWarning(UserWarning):
    """The embedding cache was rebuilt or is unusable; results are unaffected."""


def text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _is_corruption(error: sqlite3.Error) -> bool:
    """A damaged or foreign file, as opposed to a lock, a full disk or a misuse."""
    return type(error) is sqlite3.DatabaseError


def _chunks(items: Sequence[bytes], size: int) -> Iterator[Sequence[bytes]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _switch_to_wal(connection: sqlite3.Connection) -> bool:
    """WAL mode (readers never wait for the writer), retried while the file is locked."""
    for attempt in range(_WAL_TRIES):
        try:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            return str(mode).lower() == "wal"
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            time.sleep(_WAL_PAUSE_S * (1 + attempt % 5))
    return False


def _ensure_layout(connection: sqlite3.Connection) -> str | None:
    """Read the layout and make it ours, all in one write transaction.

    Returns why an existing file was rebuilt, or None when it was new or already ours.
    """
    connection.execute("BEGIN IMMEDIATE")  # waits (busy timeout) for any other writer
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rebuilt = None
        if tables and (version != SCHEMA_VERSION or "embeddings" not in tables):
            rebuilt = f"unknown layout (version {version}, tables {', '.join(sorted(tables))})"
            for table in tables:
                connection.execute(f'DROP TABLE "{table.replace(chr(34), chr(34) * 2)}"')
            tables = []
        if not tables:
            connection.execute(_CREATE)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return rebuilt


class CachedEncoder:
    """Wraps an encoder with the on-disk cache; `hits` and `misses` count unique texts."""

    def __init__(self, inner: Encoder, db_path: Path) -> None:
        self.inner = inner
        self.id = inner.id
        self.db_path = Path(db_path)
        self.hits = 0
        self.misses = 0
        self._local = threading.local()  # .connection and .pid of the calling thread
        self._all: list[tuple[int, sqlite3.Connection]] = []  # (pid, connection), to close
        self._lock = threading.Lock()
        self._disabled = False

    # --- the database ---------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            self.db_path,
            timeout=_BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are explicit
            check_same_thread=False,  # only so that close() can close every thread's one
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            _switch_to_wal(connection)
            connection.execute("PRAGMA synchronous = NORMAL")
            rebuilt = _ensure_layout(connection)
        except BaseException:
            connection.close()
            raise
        if rebuilt:
            self._warn(f"embedding cache had an {rebuilt}; rebuilt empty")
        return connection

    def _warn(self, message: str) -> None:
        warnings.warn(f"{self.db_path}: {message}", CacheWarning, stacklevel=5)

    def _discard(self, reason: str) -> None:
        """Delete a file SQLite calls damaged (a cache holds nothing that cannot be redone)."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        self._warn(f"embedding cache is unreadable ({reason}); rebuilt empty")

    def _disable(self, reason: str) -> None:
        self._disabled = True
        self.close()
        self._warn(f"embedding cache unusable ({reason}); encoding without it")

    def _db(self) -> sqlite3.Connection | None:
        """The calling thread's connection, opened (and repaired) on its first use."""
        if self._disabled:
            return None
        local = self._local
        if getattr(local, "connection", None) is not None and local.pid == os.getpid():
            return local.connection
        # First use in this thread, or a connection inherited through fork: never share it.
        local.connection = None
        try:
            try:
                connection = self._connect()
            except sqlite3.DatabaseError as error:
                if not _is_corruption(error):
                    raise
                self._discard(str(error))
                connection = self._connect()
        except (sqlite3.Error, OSError) as error:
            self._disable(str(error))
            return None
        local.connection, local.pid = connection, os.getpid()
        with self._lock:
            self._all.append((os.getpid(), connection))
        return connection

    def _recover(self, error: sqlite3.Error) -> None:
        """After a failure mid-run: rebuild a damaged file, else give up the cache."""
        self.close()
        if _is_corruption(error):
            try:
                self._discard(str(error))
                return
            except OSError as move_error:
                error = sqlite3.Error(str(move_error))
        self._disable(str(error))

    def close(self) -> None:
        """Close the connections this process opened (in any thread)."""
        pid = os.getpid()
        with self._lock:
            mine = [c for p, c in self._all if p == pid]
            # a parent's connections (inherited by fork) are kept, never closed from here
            self._all = [(p, c) for p, c in self._all if p != pid]
        for connection in mine:
            connection.close()
        self._local = threading.local()

    def __enter__(self) -> CachedEncoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- lookups and stores ----------------------------------------------------------------

    def _lookup(self, digests: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        for _attempt in range(2):
            connection = self._db()
            if connection is None:
                return {}
            found: dict[bytes, np.ndarray] = {}
            try:
                for chunk in _chunks(digests, _LOOKUP_CHUNK):
                    marks = ",".join("?" * len(chunk))
                    rows = connection.execute(
                        f"SELECT digest, vector FROM embeddings "
                        f"WHERE encoder = ? AND digest IN ({marks})",
                        (self.id, *chunk),
                    )
                    for digest, blob in rows:
                        found[bytes(digest)] = np.frombuffer(blob, dtype=np.float32)
                return found
            except sqlite3.Error as error:
                self._recover(error)
        return {}

    def _store(self, digests: Sequence[bytes], vectors: np.ndarray) -> None:
        connection = self._db()
        if connection is None:
            return
        rows = [
            (self.id, digest, np.ascontiguousarray(vector, dtype=np.float32).tobytes())
            for digest, vector in zip(digests, vectors, strict=True)
        ]
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany(
                    "INSERT OR REPLACE INTO embeddings (encoder, digest, vector) VALUES (?, ?, ?)",
                    rows,
                )
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            self._recover(error)

    # --- the Encoder protocol --------------------------------------------------------------

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return self.inner.encode([])
        digests = [text_digest(text) for text in texts]
        first_text = dict(zip(digests, texts, strict=True))  # one text per distinct digest
        unique = list(first_text)
        cached = self._lookup(unique)
        if len({len(vector) for vector in cached.values()}) > 1:
            cached = {}  # vectors of several shapes under one id: trust none of them
        missing = [digest for digest in unique if digest not in cached]
        if missing:
            fresh = normalise_rows(self.inner.encode([first_text[d] for d in missing]))
            if cached and len(next(iter(cached.values()))) != fresh.shape[1]:
                # the model behind this id changed shape since it was cached: redo them all
                cached, missing = {}, unique
                fresh = normalise_rows(self.inner.encode([first_text[d] for d in unique]))
            cached.update(zip(missing, fresh, strict=True))
            self._store(missing, fresh)
        with self._lock:
            self.hits += len(unique) - len(missing)
            self.misses += len(missing)
        return np.stack([cached[digest] for digest in digests]).astype(np.float32, copy=False)
