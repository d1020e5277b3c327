"""Stage 3 of the aligner: a banded, monotone best path through a bead lattice.

The lattice has a node (i, j) for "the first i sentences of A are aligned with the first j
of B", 0 <= i <= N, 0 <= j <= M. A bead type (m, n) is an edge (i - m, j - n) -> (i, j); its
gain is given per end node. Only nodes inside a `Band` exist, so time and memory grow with
the band's size (linear in the document for a band of bounded width), not with N * M.

The horizontal edge (0, 1) would make each row depend on itself; it is solved for a whole
row at once with a running maximum (see `_fold_row_skips`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from align.aligner.config import BeadType

Path = list[tuple[int, int]]  # lattice nodes from (0, 0) to (N, M)


@dataclass(frozen=True)
class Band:
    """For each row i of the lattice, the nodes (i, lo[i]) … (i, hi[i] - 1) exist.

    Node (i, j) lives at flat position offsets[i] + j - lo[i] of every per-node array.
    """

    lo: np.ndarray  # int64, shape (N + 1,)
    hi: np.ndarray  # int64, shape (N + 1,), exclusive
    offsets: np.ndarray  # int64, shape (N + 2,)

    @staticmethod
    def from_ranges(lo: np.ndarray, hi: np.ndarray) -> Band:
        lo = np.asarray(lo, dtype=np.int64)
        hi = np.asarray(hi, dtype=np.int64)
        offsets = np.zeros(len(lo) + 1, dtype=np.int64)
        np.cumsum(hi - lo, out=offsets[1:])
        return Band(lo, hi, offsets)

    @staticmethod
    def full(n_rows: int, n_cols: int) -> Band:
        """Every node of an (n_rows + 1) x (n_cols + 1) lattice."""
        return Band.from_ranges(np.zeros(n_rows + 1), np.full(n_rows + 1, n_cols + 1))

    @property
    def size(self) -> int:
        return int(self.offsets[-1])

    def nodes(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every node, in flat order."""
        widths = self.hi - self.lo
        rows = np.repeat(np.arange(len(self.lo), dtype=np.int64), widths)
        cols = np.arange(self.size, dtype=np.int64) - np.repeat(self.offsets[:-1] - self.lo, widths)
        return rows, cols


def band_around_path(path: Path, n_rows: int, n_cols: int, radius: int) -> Band:
    """Every node within `radius` rows and columns of the polyline through a monotone path."""
    pts = np.asarray(path, dtype=np.int64).reshape(-1, 2)
    row_min = np.full(n_rows + 1, n_cols + 1, dtype=np.int64)
    row_max = np.full(n_rows + 1, -1, dtype=np.int64)
    # Each step (i0, j0) -> (i1, j1) covers rows i0 … i1 with columns j0 … j1.
    start, stop = pts[:-1], pts[1:]
    heights = stop[:, 0] - start[:, 0] + 1
    step = np.repeat(np.arange(len(start)), heights)
    rows = start[step, 0] + np.arange(len(step)) - np.repeat(np.cumsum(heights) - heights, heights)
    np.minimum.at(row_min, rows, start[step, 1])
    np.maximum.at(row_max, rows, stop[step, 1])
    np.minimum.at(row_min, pts[:, 0], pts[:, 1])
    np.maximum.at(row_max, pts[:, 0], pts[:, 1])
    lo, hi = row_min.copy(), row_max.copy()
    for shift in range(1, radius + 1):
        lo[shift:] = np.minimum(lo[shift:], row_min[:-shift])
        lo[:-shift] = np.minimum(lo[:-shift], row_min[shift:])
        hi[shift:] = np.maximum(hi[shift:], row_max[:-shift])
        hi[:-shift] = np.maximum(hi[:-shift], row_max[shift:])
    lo = np.clip(lo - radius, 0, n_cols)
    hi = np.clip(hi + radius + 1, 1, n_cols + 1)
    return Band.from_ranges(lo, hi)


def _fold_row_skips(best: np.ndarray, skip_gain: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Add the (0, 1) edges of one row: D[j] = max(best[j], D[j - 1] + skip_gain[j]).

    With S = cumsum(skip_gain), D[j] = S[j] + max_{k <= j} (best[k] - S[k]), a running max,
    restarted after each node that no skip may end at.
    Returns D and a mask of the nodes reached by a (0, 1) edge.
    """
    gains = skip_gain.astype(np.float64)
    # A node no skip may end at (-inf) cuts the row: a cumulative sum through it would turn
    # every later node into -inf - -inf = nan, losing the skips after it. The row's first
    # node has no left neighbour in the band anyway.
    folded = np.empty_like(gains)
    cuts = np.flatnonzero(np.isneginf(gains[1:])) + 1
    for lo, hi in pairwise([0, *cuts.tolist(), len(gains)]):
        part = gains[lo:hi].copy()
        part[0] = 0.0  # no skip into the first node of a part
        cum = np.cumsum(part)
        folded[lo:hi] = cum + np.maximum.accumulate(best[lo:hi] - cum)
    from_left = folded > best + 1e-9
    return np.where(from_left, folded, best), from_left


def predecessors(types: Sequence[BeadType], band: Band) -> np.ndarray:
    """pred[t, k]: flat index of the node a bead of types[t] ending at node k starts from.

    Nodes whose predecessor lies outside the band point at index band.size, a sentinel.
    """
    rows, cols = band.nodes()
    index_type = np.int32 if band.size < 2**31 - 1 else np.int64
    pred = np.full((len(types), band.size), band.size, dtype=index_type)
    for t, (m, n) in enumerate(types):
        prev_rows, prev_cols = rows - m, cols - n
        ok = prev_rows >= 0
        ok[ok] &= (prev_cols[ok] >= band.lo[prev_rows[ok]]) & (
            prev_cols[ok] < band.hi[prev_rows[ok]]
        )
        where = np.flatnonzero(ok)
        pr = prev_rows[where]
        pred[t, where] = band.offsets[pr] + prev_cols[where] - band.lo[pr]
    return pred


def banded_dp(
    gains: np.ndarray, types: Sequence[BeadType], band: Band, n_rows: int, n_cols: int
) -> Path:
    """The best path from (0, 0) to (n_rows, n_cols) through `band`.

    `gains[t, k]` is the gain of a bead of type `types[t]` ending at flat node k (-inf where
    that bead cannot end there). Every type but (0, 1) must have m >= 1.
    """
    lo, hi, offsets = band.lo, band.hi, band.offsets
    if not (lo[0] == 0 and hi[-1] == n_cols + 1):
        raise ValueError("the band must hold the corners (0, 0) and (N, M)")
    skip_b = types.index((0, 1)) if (0, 1) in types else -1
    pred = predecessors(types, band)
    if skip_b >= 0:
        pred[skip_b] = band.size  # (0, 1) edges stay within the row: folded in below
    score = np.full(band.size + 1, -np.inf, dtype=np.float64)  # last cell: the sentinel
    back = np.full(band.size, -1, dtype=np.int8)
    for i in range(n_rows + 1):
        start, stop = offsets[i], offsets[i + 1]
        if i == 0:
            best = np.full(stop - start, -np.inf)
            arg = np.full(stop - start, -1, dtype=np.int8)
            best[0] = 0.0
        else:
            cand = score[pred[:, start:stop]] + gains[:, start:stop]
            pick = np.argmax(cand, axis=0)
            best = cand[pick, np.arange(stop - start)]
            arg = np.where(np.isfinite(best), pick, -1).astype(np.int8)
        if skip_b >= 0:
            best, from_left = _fold_row_skips(best, gains[skip_b, start:stop])
            arg[from_left] = skip_b
        score[start:stop] = best
        back[start:stop] = arg
    return _trace_back(back, types, band, n_rows, n_cols)


def _trace_back(
    back: np.ndarray, types: Sequence[BeadType], band: Band, n_rows: int, n_cols: int
) -> Path:
    i, j = n_rows, n_cols
    path = [(i, j)]
    while (i, j) != (0, 0):
        t = back[band.offsets[i] + j - band.lo[i]]
        if t < 0:
            raise RuntimeError("no path through the band")  # a bug: the band is connected
        m, n = types[t]
        i, j = i - m, j - n
        path.append((i, j))
    path.reverse()
    return path


def path_to_beads(path: Path) -> list[tuple[range, range]]:
    """Consecutive path nodes -> (A sentence range, B sentence range) of each bead."""
    return [(range(i0, i1), range(j0, j1)) for (i0, j0), (i1, j1) in pairwise(path)]
