"""The contract every sentence encoder fills in."""

from __future__ import annotations

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
