"""Stage 5 of the aligner: the chosen sentence ranges as `Bead`s, scored by their cosine."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from align.aligner.windows import SideArrays
from align.model import Bead

Span = tuple[range, range]  # a bead's sentences of A and of B


def bead_cosines(a: SideArrays, b: SideArrays, spans: Sequence[Span]) -> np.ndarray:
    """Cosine of each bead's two windows; 0.0 for a bead with an empty side."""
    out = np.zeros(len(spans), dtype=np.float64)
    for k, (ra, rb) in enumerate(spans):
        if len(ra) and len(rb):
            xa = a.window_vectors(len(ra), np.array([ra.start]))
            xb = b.window_vectors(len(rb), np.array([rb.start]))
            out[k] = float(np.clip(xa[0] @ xb[0], -1.0, 1.0))
    return out


def to_beads(spans: Sequence[Span], a: SideArrays, b: SideArrays) -> list[Bead]:
    """One `Bead` per span (`fr` indexes A, `en` B), its score the cosine of its windows."""
    scores = bead_cosines(a, b, spans)
    return [Bead(tuple(ra), tuple(rb), float(s)) for (ra, rb), s in zip(spans, scores, strict=True)]


def gap_beads(n_a: int, n_b: int) -> list[Bead]:
    """Every sentence unpaired: what aligning against an empty side gives."""
    return [Bead((i,), (), 0.0) for i in range(n_a)] + [Bead((), (j,), 0.0) for j in range(n_b)]
