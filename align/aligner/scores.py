"""Stage 2 of the aligner: bead scores. The path that maximises their sum wins (Bertalign's
objective, plus optional evidence).

For a bead pairing window x of A (m sentences) with window y of B (n sentences):

    gain = (cos(x, y) - neighbour_weight * near(x, y) - hub_weight * hub(x, y))
           * log2(1 + length ratio) ** length_weight
         + anchor_weight * (dice(names and numbers of x, of y) - anchor_neutral)
         - block_penalty * (x or y straddles a paragraph / speaker turn)
         - merge_cost * (m - 1 + n - 1)

`near(x, y)` is the mean cosine of each window with the sentences just outside its partner
(Bertalign's margin: a bead whose neighbours fit as well is less sure). `hub` is the mean
cosine with random sentences of the other side (Vecalign's normaliser). The length ratio
compares character counts after scaling B by the document's A/B ratio. A skipped sentence
(1-0, 0-1) earns -skip_cost. Since gains add up, merging two good 1-1 beads into a 2-2 loses
one bead's worth of gain: 1-1 stays the norm unless the joined windows clearly fit better.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from align.aligner.config import BeadType, GainWeights
from align.aligner.dp import Band
from align.aligner.windows import SideArrays, WindowView, char_ratio_of

_CHUNK = 8192  # windows per block when averaging over a sample
_ROW_BLOCK = 32  # lattice rows per dense product in `band_dot`
#: Sides up to this many sentences get their window vectors computed once per pass (fast);
#: longer ones recompute them block by block (bounded memory).
MATERIALISE_MAX = 20_000
#: Bands up to this many nodes keep the products bead types share (~100 arrays of them).
MEMO_MAX_NODES = 600_000


def hubness(side: SideArrays, size: int, other: np.ndarray, n_samples: int) -> np.ndarray:
    """Mean cosine of every window of `size` sentences with a fixed random sample of `other`."""
    n_windows = side.n - size + 1
    if n_windows <= 0 or len(other) == 0:
        return np.zeros(max(n_windows, 0), dtype=np.float32)
    rng = np.random.default_rng(len(other) * 7919 + side.n)
    pick = rng.choice(len(other), size=min(n_samples, len(other)), replace=False)
    sample = other[pick]
    out = np.empty(n_windows, dtype=np.float32)
    for start in range(0, n_windows, _CHUNK):
        starts = np.arange(start, min(start + _CHUNK, n_windows))
        out[starts] = (side.window_vectors(size, starts) @ sample.T).mean(axis=1)
    return out


def _hubs(
    a: SideArrays, b: SideArrays, types: Sequence[BeadType], w: GainWeights
) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Vecalign's normaliser for every window size the bead types use, on each side."""
    hub_a = {m: hubness(a, m, b.vectors, w.hub_samples) for m in {m for m, _ in types if m}}
    hub_b = {n: hubness(b, n, a.vectors, w.hub_samples) for n in {n for _, n in types if n}}
    return hub_a, hub_b


def band_dot(
    x: WindowView, y: WindowView, dx: int, dy: int, band: Band, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For every node (i, j) of the band, x[i - dx] . y[j - dy], and where both rows exist.

    Computed as dense products of row blocks against the columns they span: BLAS is far
    faster than gathering a vector per node, and a block of a band is nearly dense.
    """
    out = np.zeros(band.size, dtype=np.float32)
    ix, iy = rows - dx, cols - dy
    ok = (ix >= 0) & (ix < len(x)) & (iy >= 0) & (iy < len(y))
    n_rows = len(band.lo)
    for r0 in range(0, n_rows, _ROW_BLOCK):
        r1 = min(r0 + _ROW_BLOCK, n_rows)
        k0, k1 = band.offsets[r0], band.offsets[r1]
        sel = np.flatnonzero(ok[k0:k1]) + k0
        if len(sel) == 0:
            continue
        bx, by = ix[sel], iy[sel]
        x0, y0 = bx.min(), by.min()
        dense = x.rows(x0, bx.max() + 1) @ y.rows(y0, by.max() + 1).T
        out[sel] = dense[bx - x0, by - y0]
    return out, ok


class _DotMemo:
    """band_dot results by (x, y, dx, dy): bead types share most of their products."""

    def __init__(self, band: Band, rows: np.ndarray, cols: np.ndarray) -> None:
        self.band, self.rows, self.cols = band, rows, cols
        self.done: dict[tuple[int, int, int, int], tuple[np.ndarray, np.ndarray]] = {}

    def __call__(self, x: WindowView, y: WindowView, dx: int, dy: int):
        if self.band.size > MEMO_MAX_NODES:  # memory first: recompute instead of keeping
            return band_dot(x, y, dx, dy, self.band, self.rows, self.cols)
        key = (id(x), id(y), dx, dy)
        if key not in self.done:
            self.done[key] = band_dot(x, y, dx, dy, self.band, self.rows, self.cols)
        return self.done[key]


def _views(side: SideArrays, sizes: set[int]) -> dict[int, WindowView]:
    views = {k: side.windows(k) for k in sizes if k >= 1}
    if side.n <= MATERIALISE_MAX:
        views = {k: v.materialised() for k, v in views.items()}
    return views


def _neighbour_cos(
    dot: _DotMemo,
    xa: WindowView,
    m: int,
    ones_a: WindowView,
    xb: WindowView,
    n: int,
    ones_b: WindowView,
    size: int,
) -> np.ndarray:
    """Per node, the mean cosine of each window with the sentences just outside its partner.

    High when a neighbour of the partner fits as well (the bead should perhaps grow or
    shift): Bertalign's local margin.
    """
    total = np.zeros(size, dtype=np.float32)
    count = np.zeros(size, dtype=np.float32)
    for sims, ok in (
        dot(xa, ones_b, m, n + 1),  # B sentence before the B window
        dot(xa, ones_b, m, 0),  # B sentence after it
        dot(ones_a, xb, m + 1, n),
        dot(ones_a, xb, 0, n),
    ):
        total += np.where(ok, sims, 0.0)
        count += ok
    return total / np.maximum(count, 1.0)


def size_cost(m: int, n: int, w: GainWeights) -> float:
    cost = w.merge_cost * (max(m, n) - 1 + min(m, n) - 1)
    if min(m, n) >= 2:
        cost += w.many_many_cost
    return cost


def band_gains(
    a: SideArrays,
    b: SideArrays,
    band: Band,
    types: Sequence[BeadType],
    w: GainWeights,
    *,
    use_evidence: bool = True,
    char_ratio: float | None = None,
) -> np.ndarray:
    """gains[t, k]: gain of a bead of types[t] ending at flat node k of `band` (-inf if none).

    `char_ratio`: characters of A per character of B (default: from these two sides; a part of
    a document passes the whole document's).
    """
    rows, cols = band.nodes()
    gains = np.full((len(types), band.size), -np.inf, dtype=np.float32)
    if char_ratio is None:
        char_ratio = char_ratio_of(a, b)
    views_a = _views(a, {m for m, _ in types} | {1})
    views_b = _views(b, {n for _, n in types} | {1})
    dot = _DotMemo(band, rows, cols)
    hub_a, hub_b = _hubs(a, b, types, w) if w.hub_weight else ({}, {})
    for t, (m, n) in enumerate(types):
        valid = (rows >= m) & (cols >= n)
        if m == 0 or n == 0:
            side, index = (a, rows) if n == 0 else (b, cols)
            gains[t, valid] = -w.skip_cost * _skip_scale(side, index[valid] - 1, w)
            continue
        where = np.flatnonzero(valid)
        if len(where) == 0:
            continue
        xa, xb = views_a[m], views_b[n]
        cos = dot(xa, xb, m, n)[0][where]
        sa, sb = rows[where] - m, cols[where] - n
        base = np.zeros(len(where), dtype=np.float32)
        if w.hub_weight:
            base += w.hub_weight * 0.5 * (hub_a[m][sa] + hub_b[n][sb])
        if w.neighbour_weight:
            near = _neighbour_cos(dot, xa, m, views_a[1], xb, n, views_b[1], band.size)
            base += w.neighbour_weight * near[where]
        g = cos - base
        if w.length_weight and a.lengths is not None and b.lengths is not None:
            la = a.window_lengths(m, sa)
            lb = b.window_lengths(n, sb) * char_ratio
            ratio = np.minimum(la, lb) / np.maximum(np.maximum(la, lb), 1.0)
            g = g * np.log2(1.0 + ratio).astype(np.float32) ** w.length_weight
        g = g - size_cost(m, n, w)
        if use_evidence:
            g += _evidence(a, m, sa, b, n, sb, w)
        gains[t, where] = g
    return gains


def _skip_scale(side: SideArrays, sentences: np.ndarray, w: GainWeights) -> np.ndarray:
    """How much of the skip cost leaving each sentence unpaired costs: a fragment of a few
    characters (OCR debris, a caption number) is cheap to leave alone, so it is not glued to a
    neighbour's bead."""
    if not w.short_chars or side.lengths is None:
        return np.ones(len(sentences), dtype=np.float32)
    return np.minimum(side.lengths[sentences] / w.short_chars, 1.0).astype(np.float32)


def _evidence(
    a: SideArrays,
    m: int,
    sa: np.ndarray,
    b: SideArrays,
    n: int,
    sb: np.ndarray,
    w: GainWeights,
) -> np.ndarray:
    extra = np.zeros(len(sa), dtype=np.float32)
    if w.anchor_weight and a.anchors is not None and b.anchors is not None:
        bits_a = a.window_anchors(m, sa)
        bits_b = b.window_anchors(n, sb)
        common = np.bitwise_count(bits_a & bits_b).astype(np.float32)
        total = np.bitwise_count(bits_a).astype(np.float32) + np.bitwise_count(bits_b)
        has = total > 0
        extra[has] += w.anchor_weight * (2 * common[has] / total[has] - w.anchor_neutral)
    if w.block_penalty:
        straddles = a.window_spans_blocks(m, sa).astype(np.float32)
        straddles += b.window_spans_blocks(n, sb)
        extra -= w.block_penalty * straddles
    return extra
