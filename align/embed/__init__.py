"""Sentence encoders behind one `Encoder` protocol, plus an on-disk embedding cache."""

from align.embed.base import Encoder

__all__ = ["Encoder"]
