"""Stage 5b of the aligner: a second encoder's opinion on the beads the path is unsure of.

Where the first path is unsure (a bead that is not 1-1, or a 1-1 bead whose cosine is among
the document's lowest), the box of beads around it is aligned again with every window's
vector made of both encoders: [sqrt(1 - w) * first, sqrt(w) * second]. The cosine of two such
vectors is (1 - w) * cos_first + w * cos_second, so the whole gain (Bertalign's margin, the
length factor, the skip cost) keeps its meaning and the second encoder only moves the
cosines. The box's corners lie on the first path, so outside the boxes nothing changes, and
the second encoder embeds only the boxes' sentences and windows (it is ~15x slower than USE).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from align.aligner.beads import Span
from align.aligner.config import AlignConfig, bead_types
from align.aligner.dp import Band, banded_dp, path_to_beads
from align.aligner.scores import band_gains
from align.aligner.windows import SideArrays, normalise_rows, side_from_vectors

Embed = Callable[[Sequence[str]], np.ndarray]


def unsure_beads(
    cosines: Sequence[float], sizes: Sequence[tuple[int, int]], share: float
) -> list[int]:
    """Beads that are not 1-1, and the floor(share x their number) 1-1 beads of lowest
    cosine (a share of the document's own beads: no constant threshold)."""
    ones = [k for k, (m, n) in enumerate(sizes) if m == 1 == n]
    lowest = sorted(ones, key=lambda k: cosines[k])[: int(share * len(ones))]
    keep = set(lowest) | {k for k, (m, n) in enumerate(sizes) if not (m == 1 == n)}
    return sorted(keep)


def boxes_around(unsure: Sequence[int], n_beads: int, radius: int) -> list[tuple[int, int]]:
    """Runs of bead indices [first, last] covering each unsure bead ± `radius` beads, merged
    where they touch."""
    boxes: list[tuple[int, int]] = []
    for k in sorted(unsure):
        lo, hi = max(k - radius, 0), min(k + radius, n_beads - 1)
        if boxes and lo <= boxes[-1][1] + 1:
            boxes[-1] = (boxes[-1][0], max(boxes[-1][1], hi))
        else:
            boxes.append((lo, hi))
    return boxes


def mixed_side(
    first: SideArrays, second: dict[int, np.ndarray], weight: float, max_size: int
) -> SideArrays:
    """`first` (a box's part) with every window of 1 … max_size sentences made of both
    encoders' vectors; `second[size]` holds the second encoder's vectors of every window."""
    a, b = np.sqrt(1.0 - weight), np.sqrt(weight)

    def mix(size: int) -> np.ndarray:
        starts = np.arange(max(first.n - size + 1, 0))
        own = first.window_vectors(size, starts)
        return np.hstack([a * own, b * normalise_rows(second[size])]).astype(np.float32)

    joined = {size: mix(size) for size in range(2, max_size + 1) if first.n >= size}
    return side_from_vectors(
        mix(1),
        lengths=first.lengths,
        blocks=first.blocks,
        anchors=first.anchors,
        joined=joined,
    )


def window_texts_of(sentences: Sequence[str], max_size: int) -> dict[int, list[str]]:
    return {
        size: [" ".join(sentences[s : s + size]) for s in range(len(sentences) - size + 1)]
        for size in range(1, max_size + 1)
    }


def second_opinion(
    spans: Sequence[Span],
    a: SideArrays,
    b: SideArrays,
    *,
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    embed: Embed,
    config: AlignConfig,
    char_ratio: float,
) -> list[Span]:
    """The spans, re-aligned inside each unsure box with both encoders' cosines."""
    if config.second_weight <= 0 or not spans:
        return list(spans)
    cosines = [_cosine(a, b, ra, rb) for ra, rb in spans]
    sizes = [(len(ra), len(rb)) for ra, rb in spans]
    unsure = unsure_beads(cosines, sizes, config.second_share)
    boxes = boxes_around(unsure, len(spans), config.second_radius)
    if not boxes:
        return list(spans)
    max_size = config.max_side
    # One call to the second encoder for every window of every box (it is slow per call too).
    wanted: list[str] = []
    plans = []
    for first, last in boxes:
        ra = range(spans[first][0].start, spans[last][0].stop)
        rb = range(spans[first][1].start, spans[last][1].stop)
        wa = window_texts_of(texts_a[ra.start : ra.stop], max_size)
        wb = window_texts_of(texts_b[rb.start : rb.stop], max_size)
        plans.append((first, last, ra, rb, wa, wb))
        for windows in (wa, wb):
            for texts in windows.values():
                wanted += texts
    unique = list(dict.fromkeys(wanted))
    vectors = dict(zip(unique, embed(unique), strict=True)) if unique else {}
    types = bead_types(config)
    out: list[Span] = []
    done = 0
    for first, last, ra, rb, wa, wb in plans:
        out += spans[done:first]
        done = last + 1
        if len(ra) == 0 or len(rb) == 0:
            out += spans[first : last + 1]
            continue
        second_a = {k: _stack(vectors, t) for k, t in wa.items() if t}
        second_b = {k: _stack(vectors, t) for k, t in wb.items() if t}
        part_a = mixed_side(a.part(ra.start, ra.stop), second_a, config.second_weight, max_size)
        part_b = mixed_side(b.part(rb.start, rb.stop), second_b, config.second_weight, max_size)
        band = Band.full(part_a.n, part_b.n)
        gains = band_gains(part_a, part_b, band, types, config.weights, char_ratio=char_ratio)
        local = path_to_beads(banded_dp(gains, types, band, part_a.n, part_b.n))
        out += [
            (
                range(ra.start + x.start, ra.start + x.stop),
                range(rb.start + y.start, rb.start + y.stop),
            )
            for x, y in local
        ]
    out += spans[done:]
    return out


def _stack(vectors: dict[str, np.ndarray], texts: Sequence[str]) -> np.ndarray:
    return np.stack([vectors[t] for t in texts]).astype(np.float32)


def _cosine(a: SideArrays, b: SideArrays, ra: range, rb: range) -> float:
    if len(ra) == 0 or len(rb) == 0:
        return 0.0
    xa = a.window_vectors(len(ra), np.array([ra.start]))[0]
    xb = b.window_vectors(len(rb), np.array([rb.start]))[0]
    return float(xa @ xb)
