"""The embedding cache under parallel first use: real processes open a cache that does not
exist yet, all at once (the first `fidelity check --jobs N` on a fresh machine).

Measured with this file's `_round` before the fix: 100 cold starts of 8 processes gave 12
with a problem (5 databases deleted as "unknown layout", 9 caches given up on "database is
locked", rows lost in all 12); after it, 0 in 300.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from align.embed.cache import SCHEMA_VERSION, CachedEncoder

#: Cold starts per test run; each starts PROCESSES processes on a cache that does not exist.
#: The old code failed about one cold start in nine (16 of 140): 60 rounds catch it with
#: a probability above 99.9 %, in a few seconds.
ROUNDS = int(os.environ.get("FIDELITY_RACE_ROUNDS", "60"))
PROCESSES = 8
TEXTS = [f"phrase numéro {n}" for n in range(30)]


class HashEncoder:
    """Deterministic 16-dimension unit vectors from a text's hash (no model)."""

    id = "hash-16"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest()[:16], dtype=np.uint8) for t in texts
        ]
        vectors = np.array(rows, dtype=np.float32).reshape(len(rows), 16) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _cold_start(db: str, barrier: Any, slot: int, results: Any) -> None:
    """Open the cache at the same moment as the others; report every warning, as text."""
    barrier.wait()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cache = CachedEncoder(HashEncoder(), Path(db))
        # each process writes its own texts and some shared ones
        cache.encode([*TEXTS[slot::PROCESSES], *TEXTS[:3]])
        cache.close()
    results.put([str(w.message) for w in caught])


def _round(db: Path) -> list[str]:
    """One cold start of PROCESSES real processes; the warnings they gave."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES)
    results = context.Queue()
    workers = [
        context.Process(target=_cold_start, args=(str(db), barrier, n, results))
        for n in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    messages = [message for _ in workers for message in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0, f"a process ended with {worker.exitcode}"
    return messages


def test_processes_opening_a_new_cache_at_once_neither_delete_nor_give_it_up(
    tmp_path: Path,
) -> None:
    problems: list[str] = []
    for number in range(ROUNDS):
        db = tmp_path / f"round{number}" / "embeddings.sqlite"
        problems += [f"round {number}: {message}" for message in _round(db)]
        with sqlite3.connect(db) as connection:  # every process's rows are there
            stored = connection.execute("SELECT count(*) FROM embeddings").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        assert stored == len(TEXTS), f"round {number}: {stored} rows of {len(TEXTS)}"
        assert version == SCHEMA_VERSION
    assert problems == []


def test_a_call_from_another_thread_opens_its_own_connection(tmp_path: Path) -> None:
    import threading

    cache = CachedEncoder(HashEncoder(), tmp_path / "e.sqlite")
    cache.encode(["main thread"])
    mine = cache._db()
    theirs: list[object] = []

    def other() -> None:
        cache.encode(["other thread"])
        theirs.append(cache._db())

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
    assert theirs and theirs[0] is not mine  # its own connection…
    assert cache._db() is mine  # …and this thread's one was not replaced
    assert cache.encode(["other thread"]).shape == (1, 16) and cache.hits == 1
    cache.close()
