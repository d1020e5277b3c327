"""Where the DP looks: a band around the best path one level coarser (Vecalign's coarse-to-fine).

Both sides are halved (pairs of sentence vectors summed) until the lattice is small; the best
path there, over the coarse bead types and without evidence terms, is widened by
`band_radius` nodes one level finer, down to the sentences. Time and memory then grow
linearly with the document.
"""

from __future__ import annotations

import numpy as np

from align.aligner.config import COARSE_TYPES, AlignConfig
from align.aligner.dp import Band, band_around_path, banded_dp
from align.aligner.scores import band_gains
from align.aligner.windows import downsample, side_from_vectors


def search_band(va: np.ndarray, vb: np.ndarray, config: AlignConfig) -> Band:
    """The band of the (len(va) + 1) x (len(vb) + 1) lattice the fine DP searches."""
    n_rows, n_cols = len(va), len(vb)
    if (n_rows + 1) * (n_cols + 1) <= config.full_dp_nodes or min(n_rows, n_cols) < 8:
        return Band.full(n_rows, n_cols)
    coarse_a, coarse_b = downsample(va), downsample(vb)
    band = search_band(coarse_a, coarse_b, config)
    a, b = side_from_vectors(coarse_a), side_from_vectors(coarse_b)
    gains = band_gains(a, b, band, COARSE_TYPES, config.weights, use_evidence=False)
    coarse = banded_dp(gains, COARSE_TYPES, band, a.n, b.n)
    fine = [(min(2 * i, n_rows), min(2 * j, n_cols)) for i, j in coarse]
    return band_around_path(fine, n_rows, n_cols, config.band_radius)
