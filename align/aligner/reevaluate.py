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


# --- beads that still look wrong: the best sub-pairing, judged against the document -------


def bead_cosine(a: SideArrays, b: SideArrays, ra: range, rb: range) -> float:
    """Cosine of two windows (joined text where embedded, else the sum of their sentences)."""
    xa = a.window_vectors(len(ra), np.array([ra.start]))[0]
    xb = b.window_vectors(len(rb), np.array([rb.start]))[0]
    return float(xa @ xb)


def document_floor(cosines: Sequence[float], mads: float) -> float:
    """The cosine below which a 1-1 pairing is unusual for THIS document (robust z)."""
    values = np.asarray(cosines, dtype=np.float64)
    if len(values) == 0:
        return 0.0
    median = float(np.median(values))
    mad = max(float(np.median(np.abs(values - median))), 0.03)
    return median - mads * 1.4826 * mad


def _best_local(
    a: SideArrays,
    b: SideArrays,
    box_a: range,
    box_b: range,
    config: AlignConfig,
    floor: float,
    without: tuple[int, int],
) -> tuple[float, list[Span]]:
    """Best partition of a small box into beads without the bead type `without`: a pair
    earns cos - floor, a skip 0."""
    n, m = len(box_a), len(box_b)
    types = [t for t in bead_types(config) if t != without]
    best = np.full((n + 1, m + 1), -np.inf)
    back: dict[tuple[int, int], tuple[int, int]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in types:
                if i < di or j < dj or not np.isfinite(best[i - di, j - dj]):
                    continue
                gain = 0.0
                if di and dj:
                    ra = range(box_a.start + i - di, box_a.start + i)
                    rb = range(box_b.start + j - dj, box_b.start + j)
                    gain = bead_cosine(a, b, ra, rb) - floor
                    gain -= config.block_penalty * _straddles(
                        a, ra
                    ) + config.block_penalty * _straddles(b, rb)
                if best[i - di, j - dj] + gain > best[i, j] + 1e-12:
                    best[i, j] = best[i - di, j - dj] + gain
                    back[(i, j)] = (di, dj)
    spans: list[Span] = []
    i, j = n, m
    if not np.isfinite(best[n, m]):
        return -np.inf, spans
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        spans.append(
            (
                range(box_a.start + i - di, box_a.start + i),
                range(box_b.start + j - dj, box_b.start + j),
            )
        )
        i, j = i - di, j - dj
    return float(best[n, m]), spans[::-1]


def _straddles(side: SideArrays, r: range) -> float:
    if side.blocks is None or len(r) < 2:
        return 0.0
    return float(side.blocks[r.start] != side.blocks[r.stop - 1])


def _value(
    a: SideArrays, b: SideArrays, spans: Sequence[Span], config: AlignConfig, floor: float
) -> float:
    total = 0.0
    for ra, rb in spans:
        if len(ra) and len(rb):
            total += bead_cosine(a, b, ra, rb) - floor
            total -= config.block_penalty * (_straddles(a, ra) + _straddles(b, rb))
    return total


def resolve_unsure(
    spans: Sequence[Span], a: SideArrays, b: SideArrays, config: AlignConfig
) -> list[Span]:
    """Re-pair the sentences of beads that look wrong for this document.

    A bead is looked at again when it pairs sentences whose cosine is unusually low for the
    document (below `document_floor`: a threshold from the document's own 1-1 beads, not a
    constant). Inside the bead and its neighbour on each side, every partition into beads
    that leaves sentences unpaired on one side only is scored: a pair earns its cosine minus
    the document's floor, a sentence left alone earns nothing. The best one replaces the
    current beads when it is better by at least `reeval_min_gain`: the English of a dropped
    French sentence, paired by the DP with a French sentence it does not translate, comes
    out unpaired, and that French sentence joins the neighbour it fits.
    """
    if config.reeval_mads <= 0:
        return list(spans)
    spans = list(spans)
    cosines = [bead_cosine(a, b, ra, rb) if len(ra) and len(rb) else None for ra, rb in spans]
    ones = [c for (ra, rb), c in zip(spans, cosines, strict=True) if len(ra) == 1 == len(rb)]
    floor = document_floor([c for c in ones if c is not None], config.reeval_mads)
    out: list[Span] = []
    p = 0
    while p < len(spans):
        # the window: bead p - 1 (already in out, unchanged), p and p + 1
        c = cosines[p]
        if c is None or c >= floor:
            out.append(spans[p])
            p += 1
            continue
        lo = p - 1 if out and out[-1] == spans[p - 1] and p >= 1 else p
        hi = min(p + 2, len(spans))
        window = spans[lo:hi]
        box_a = range(window[0][0].start, window[-1][0].stop)
        box_b = range(window[0][1].start, window[-1][1].stop)
        # Sentences may be left unpaired on one side only: an unrelated pairing of two loose
        # translations is no evidence; a sentence whose neighbour fits its partner better is.
        value, local = max(
            (
                _best_local(a, b, box_a, box_b, config, floor, without)
                for without in ((1, 0), (0, 1))
            ),
            key=lambda found: found[0],
        )
        if value >= _value(a, b, window, config, floor) + config.reeval_min_gain:
            if lo < p:
                out.pop()
            out.extend(local)
            p = hi
        else:
            out.append(spans[p])
            p += 1
    return out
