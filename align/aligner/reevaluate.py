"""Stage 4 of the aligner: look again where the first path is unsure.

The first path is found with windows of several sentences composed from their sentences'
vectors (cheap, and right wherever the text goes 1-1). Around every bead that is not a plain
1-1 (within `lazy_radius` sentences), the windows of 2 … `lazy_max` sentences are embedded as
joined text — Bertalign's "anchors first, then windows", done lazily — and the DP runs again
on a band made of the first path plus a full box of lattice nodes around each unsure bead.
Everywhere else the gains are unchanged, so the first path stays: the second DP is a local
re-alignment, its cost proportional to the unsure boxes, not to the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from align.aligner.beads import Span
from align.aligner.config import AlignConfig, bead_types
from align.aligner.dp import Band, Path, band_around_path, banded_dp, path_to_beads
from align.aligner.scores import band_gains
from align.aligner.windows import SideArrays, windows_in, with_embedded_windows

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Reevaluated:
    spans: list[Span]
    a: SideArrays  # the sides with the joined windows embedded around unsure beads
    b: SideArrays


def spans_to_path(spans: Sequence[Span]) -> Path:
    """The lattice nodes a sequence of beads passes through, from (0, 0)."""
    path = [(0, 0)]
    for ra, rb in spans:
        i, j = path[-1]
        path.append((i + len(ra), j + len(rb)))
    return path


def unsure_regions(spans: Sequence[Span], radius: int) -> tuple[list[range], list[range]]:
    """Sentence ranges of each side around every bead that is not 1-1."""
    regions_a: list[range] = []
    regions_b: list[range] = []
    for ra, rb in spans:
        if len(ra) != 1 or len(rb) != 1:
            regions_a.append(range(max(ra.start - radius, 0), ra.stop + radius))
            regions_b.append(range(max(rb.start - radius, 0), rb.stop + radius))
    return regions_a, regions_b


def band_with_boxes(
    path: Path, boxes: Sequence[tuple[range, range]], n_rows: int, n_cols: int
) -> Band:
    """The nodes of `path` plus, for each box (rows, columns), every node inside it."""
    thin = band_around_path(path, n_rows, n_cols, radius=0)
    lo, hi = thin.lo.copy(), thin.hi.copy()
    for rows, cols in boxes:
        r0, r1 = max(rows.start, 0), min(rows.stop, n_rows)
        c0, c1 = max(cols.start, 0), min(cols.stop, n_cols)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], c0)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], c1 + 1)
    return Band.from_ranges(lo, hi)


def reevaluate(
    spans: Sequence[Span],
    a: SideArrays,
    b: SideArrays,
    *,
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    embed: Embed,
    config: AlignConfig,
    char_ratio: float,
) -> Reevaluated:
    """Spans re-aligned around the unsure beads with joined-text windows."""
    sizes = range(config.concat_max + 1, config.lazy_max + 1)
    regions_a, regions_b = unsure_regions(spans, config.lazy_radius)
    if not sizes or not regions_a:
        return Reevaluated(list(spans), a, b)
    a = with_embedded_windows(a, texts_a, embed, windows_in(regions_a, sizes))
    b = with_embedded_windows(b, texts_b, embed, windows_in(regions_b, sizes))
    types = bead_types(config)
    boxes = list(zip(regions_a, regions_b, strict=True))
    band = band_with_boxes(spans_to_path(spans), boxes, a.n, b.n)
    gains = band_gains(a, b, band, types, config.weights, char_ratio=char_ratio)
    path = banded_dp(gains, types, band, a.n, b.n)
    return Reevaluated(path_to_beads(path), a, b)
