"""An SQLite embedding cache: a text is encoded once per encoder, across runs and processes.

Rows are keyed by (encoder id, SHA-256 of the UTF-8 text) and hold the float32 vector. Only
texts not yet cached reach the inner encoder, each once per call. The database runs in WAL
mode with a busy timeout, so several worker processes can share it; a corrupt file is
deleted and rebuilt with a warning, and if the cache cannot be used at all the encoder keeps
working uncached (with a warning) — a cache never stops a run.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from align.embed.base import Encoder, normalise_rows

#: Bumped when the table layout changes; an older file is rebuilt.
SCHEMA_VERSION = 1
#: Rows looked up per SELECT (SQLite allows a limited number of bound parameters).
_LOOKUP_CHUNK = 500
_BUSY_TIMEOUT_MS = 30_000


class CacheWarning(UserWarning):
    """The embedding cache was rebuilt or is unusable; results are unaffected."""


def text_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _owner() -> tuple[int, int]:
    return os.getpid(), threading.get_ident()


def _is_corruption(error: sqlite3.Error) -> bool:
    """A damaged or foreign file, as opposed to a lock, a full disk or a misuse."""
    return type(error) is sqlite3.DatabaseError


def _chunks(items: Sequence[bytes], size: int) -> Iterator[Sequence[bytes]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class CachedEncoder:
    """Wraps an encoder with the on-disk cache; `hits` and `misses` count unique texts."""

    def __init__(self, inner: Encoder, db_path: Path) -> None:
        self.inner = inner
        self.id = inner.id
        self.db_path = Path(db_path)
        self.hits = 0
        self.misses = 0
        self._connection: sqlite3.Connection | None = None
        self._owner: tuple[int, int] = (-1, -1)
        self._disabled = False

    # --- the database ---------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.db_path, timeout=_BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables and (version != SCHEMA_VERSION or "embeddings" not in tables):
                raise sqlite3.DatabaseError(f"unknown layout (version {version})")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            with connection:
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS embeddings ("
                    " encoder TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL,"
                    " PRIMARY KEY (encoder, digest)) WITHOUT ROWID"
                )
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            connection.close()
            raise
        return connection

    def _discard(self, reason: str) -> None:
        """Delete a damaged file (a cache holds nothing that cannot be recomputed)."""
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        warnings.warn(
            f"{self.db_path}: embedding cache is unreadable ({reason}); rebuilt empty",
            CacheWarning,
            stacklevel=4,
        )

    def _disable(self, reason: str) -> None:
        self._disabled = True
        self.close()
        warnings.warn(
            f"{self.db_path}: embedding cache unusable ({reason}); encoding without it",
            CacheWarning,
            stacklevel=4,
        )

    def _db(self) -> sqlite3.Connection | None:
        """The connection of this process, opened (and repaired) on first use."""
        if self._disabled:
            return None
        if self._connection is not None and self._owner == _owner():
            return self._connection
        self._connection = None  # from another process (fork) or thread: never share it
        try:
            try:
                self._connection = self._connect()
            except sqlite3.DatabaseError as error:
                if not _is_corruption(error):
                    raise
                self._discard(str(error))
                self._connection = self._connect()
        except (sqlite3.Error, OSError) as error:
            self._disable(str(error))
            return None
        self._owner = _owner()
        return self._connection

    def _recover(self, error: sqlite3.Error) -> None:
        """After a failure mid-run: rebuild a corrupt file, else give up the cache."""
        self.close()
        if _is_corruption(error):
            try:
                self._discard(str(error))
                return
            except OSError as move_error:
                error = sqlite3.Error(str(move_error))
        self._disable(str(error))

    def close(self) -> None:
        if self._connection is not None and self._owner == _owner():
            self._connection.close()
        self._connection = None

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
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO embeddings (encoder, digest, vector) VALUES (?, ?, ?)",
                    rows,
                )
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
        self.hits += len(unique) - len(missing)
        self.misses += len(missing)
        return np.stack([cached[digest] for digest in digests]).astype(np.float32, copy=False)
