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
