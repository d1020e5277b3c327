"""Sentence alignment: monotone beads (1-1, m-n, 1-0, 0-1) from multilingual embeddings.

The stages, in the order one call runs them, are described in `align.aligner.stages`.
"""

from align.aligner.config import AlignConfig, bead_types
from align.aligner.stages import align_sides, align_texts, align_vectors
from align.aligner.windows import SideArrays, side_from_vectors

__all__ = [
    "AlignConfig",
    "SideArrays",
    "align_sides",
    "align_texts",
    "align_vectors",
    "bead_types",
    "side_from_vectors",
]
