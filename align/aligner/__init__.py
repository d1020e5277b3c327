"""Sentence alignment: monotone beads (1-1, m-n, 1-0, 0-1) from multilingual embeddings.

The method, top to bottom (each step a small function over numpy arrays):

1. `overlaps`: embed every sentence and every window of 2 … `concat_max` consecutive
   sentences of a side (larger windows: normalised sums); collect the names and numbers
   both sides share, lengths and paragraph / turn indices.
2. `coarse band`: halve both sides (sum pairs of vectors) until the lattice is small, find the
   best path there, and keep only the nodes near it one level finer, down to the sentences.
   Time and memory grow linearly with the document.
3. `cost`: in that band, the gain of every bead type at every node: normalised cosine plus
   evidence (shared names/numbers, length ratio, block boundaries).
4. `dp`: the best monotone path through the band, traced back into beads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from align.aligner.cost import GainWeights, band_gains, bead_cosines, downsample, hubness
from align.aligner.dp import Band, BeadType, Path, band_around_path, banded_dp, path_to_beads
from align.aligner.overlaps import (
    SideArrays,
    anchor_bits,
    embed_side,
    side_from_vectors,
    with_embedded_windows,
)
from align.embed.base import Encoder
from align.model import Bead

__all__ = [
    "AlignConfig",
    "SideArrays",
    "align_sides",
    "align_texts",
    "align_vectors",
    "bead_types",
    "side_from_vectors",
]

#: Bead types of the coarse passes, where a "sentence" is a group of 2, 4, … sentences.
COARSE_TYPES: tuple[BeadType, ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


@dataclass(frozen=True)
class AlignConfig:
    """Parameters of the aligner.

    The objective is Bertalign's (its published defaults: skip 0.1, neighbour margin, length
    factor), chosen because it transfers between corpora; the evidence weights were checked on
    the Text+Berg dev set (see bench/align_log.md).
    """

    max_side: int = 4  # most sentences on one side of a bead
    max_bead_sum: int = 5  # most sentences in a bead, both sides together
    concat_max: int = 1  # windows up to this size are all embedded as joined text
    lazy_max: int = 4  # larger windows up to this size: embedded only where the path is unsure
    lazy_radius: int = 2  # sentences around an unsure bead whose windows get embedded
    neighbour_weight: float = 1.0  # Bertalign's margin: cosine with the partner's neighbours
    hub_weight: float = 0.0  # Vecalign's margin: mean cosine with random other-side sentences
    length_weight: float = 1.0  # exponent of the log2(1 + length ratio) factor
    skip_cost: float = 0.1
    short_chars: float = 0.0  # skipping a sentence shorter than this costs proportionally less
    merge_cost: float = 0.0  # per sentence beyond the first on each side of a bead
    many_many_cost: float = 0.0  # extra for beads with two or more sentences on both sides
    anchor_weight: float = 0.0  # off: its dev gain was within noise (see bench/align_log.md)
    anchor_neutral: float = 0.6  # Dice of shared names/numbers that neither helps nor hurts
    anchor_max_share: float = 0.05
    block_penalty: float = 0.1
    hub_samples: int = 64
    band_radius: int = 12  # nodes kept on each side of a coarse path
    full_dp_nodes: int = 250_000  # below this lattice size, no coarse pass
    blas_threads: int = 1  # the products are small: more threads only contend for cores

    @property
    def weights(self) -> GainWeights:
        return GainWeights(
            neighbour_weight=self.neighbour_weight,
            hub_weight=self.hub_weight,
            length_weight=self.length_weight,
            skip_cost=self.skip_cost,
            short_chars=self.short_chars,
            merge_cost=self.merge_cost,
            many_many_cost=self.many_many_cost,
            anchor_weight=self.anchor_weight,
            anchor_neutral=self.anchor_neutral,
            block_penalty=self.block_penalty,
        )


def bead_types(config: AlignConfig) -> tuple[BeadType, ...]:
    """(1, 1) first, then skips, then every m-n bead the config allows."""
    many = [
        (m, n)
        for total in range(3, config.max_bead_sum + 1)
        for m in range(1, total)
        if (n := total - m) >= 1 and max(m, n) <= config.max_side
    ]
    return ((1, 1), (1, 0), (0, 1), *many)


def _hubs(side: SideArrays, other: SideArrays, sizes: Sequence[int], config: AlignConfig):
    if not config.hub_weight:  # the gains never read them
        return {}
    samples = config.hub_samples
    return {k: hubness(side, k, other.vectors, samples) for k in sizes}


def _path_for(va: np.ndarray, vb: np.ndarray, config: AlignConfig) -> Path:
    """Best path over the coarse bead types, through a band found one level coarser."""
    a, b = side_from_vectors(va), side_from_vectors(vb)
    band = _band_for(va, vb, config)
    hub_a = _hubs(a, b, (1, 2), config)
    hub_b = _hubs(b, a, (1, 2), config)
    gains = band_gains(
        a, b, band, COARSE_TYPES, config.weights, hub_a=hub_a, hub_b=hub_b, use_evidence=False
    )
    return banded_dp(gains, COARSE_TYPES, band, a.n, b.n)


def _band_for(va: np.ndarray, vb: np.ndarray, config: AlignConfig) -> Band:
    n_rows, n_cols = len(va), len(vb)
    if (n_rows + 1) * (n_cols + 1) <= config.full_dp_nodes or min(n_rows, n_cols) < 8:
        return Band.full(n_rows, n_cols)
    coarse = _path_for(downsample(va), downsample(vb), config)
    fine = [(min(2 * i, n_rows), min(2 * j, n_cols)) for i, j in coarse]
    return band_around_path(fine, n_rows, n_cols, config.band_radius)


def _gap_beads(n_a: int, n_b: int) -> list[Bead]:
    return [Bead((i,), (), 0.0) for i in range(n_a)] + [Bead((), (j,), 0.0) for j in range(n_b)]


def align_sides(a: SideArrays, b: SideArrays, config: AlignConfig | None = None) -> list[Bead]:
    """Align two sides given as arrays (the pure core of `align_texts`)."""
    config = config or AlignConfig()
    if a.n == 0 or b.n == 0:
        return _gap_beads(a.n, b.n)
    with threadpool_limits(limits=config.blas_threads, user_api="blas"):
        return _align_sides(a, b, config)


def _align_sides(a: SideArrays, b: SideArrays, config: AlignConfig) -> list[Bead]:
    types = bead_types(config)
    sizes_a = sorted({1} | {m for m, _ in types if m})
    sizes_b = sorted({1} | {n for _, n in types if n})
    band = _band_for(a.vectors, b.vectors, config)
    gains = band_gains(
        a,
        b,
        band,
        types,
        config.weights,
        hub_a=_hubs(a, b, sizes_a, config),
        hub_b=_hubs(b, a, sizes_b, config),
    )
    spans = path_to_beads(banded_dp(gains, types, band, a.n, b.n))
    scores = bead_cosines(a, b, spans)
    return [Bead(tuple(ra), tuple(rb), float(s)) for (ra, rb), s in zip(spans, scores, strict=True)]


def align_vectors(
    a_vectors: np.ndarray,
    b_vectors: np.ndarray,
    *,
    a_blocks: Sequence[int] | None = None,
    b_blocks: Sequence[int] | None = None,
    config: AlignConfig | None = None,
) -> list[Bead]:
    """Align from sentence vectors alone (windows are normalised sums); for hand-made tests."""
    return align_sides(
        side_from_vectors(a_vectors, blocks=a_blocks),
        side_from_vectors(b_vectors, blocks=b_blocks),
        config,
    )


def align_texts(
    a: Sequence[str],
    b: Sequence[str],
    encoder: Encoder,
    *,
    a_blocks: Sequence[int] | None = None,
    b_blocks: Sequence[int] | None = None,
    config: AlignConfig | None = None,
) -> list[Bead]:
    """Align the sentences of `a` with those of `b` (Bead.fr indexes `a`, Bead.en `b`).

    Beads are monotone, in order, and cover every sentence of both sides exactly once. A
    bead's score is the cosine of its two sides' embeddings (0.0 for a 1-0 / 0-1 bead).
    """
    config = config or AlignConfig()
    for name, blocks, sents in (("a_blocks", a_blocks, a), ("b_blocks", b_blocks, b)):
        if blocks is not None and len(blocks) != len(sents):
            raise ValueError(f"{name} has {len(blocks)} entries for {len(sents)} sentences")
    if not a or not b:
        return _gap_beads(len(a), len(b))
    bits_a, bits_b = anchor_bits(a, b, max_share=config.anchor_max_share)
    side_a = embed_side(
        a, encoder.encode, concat_max=config.concat_max, blocks=a_blocks, anchors=bits_a
    )
    side_b = embed_side(
        b, encoder.encode, concat_max=config.concat_max, blocks=b_blocks, anchors=bits_b
    )
    beads = align_sides(side_a, side_b, config)
    sizes = range(config.concat_max + 1, config.lazy_max + 1)
    if not sizes:
        return beads
    # Second pass: embed the larger windows only around beads that are not a plain 1-1,
    # where merging or splitting is in question; elsewhere they stay composed.
    unsure_a, unsure_b = unsure_regions(beads, config.lazy_radius)
    side_a = with_embedded_windows(side_a, a, encoder.encode, _windows_in(unsure_a, sizes))
    side_b = with_embedded_windows(side_b, b, encoder.encode, _windows_in(unsure_b, sizes))
    return align_sides(side_a, side_b, config)


def unsure_regions(beads: Sequence[Bead], radius: int) -> tuple[list[range], list[range]]:
    """Sentence ranges of each side around every bead that is not 1-1."""
    regions_a: list[range] = []
    regions_b: list[range] = []
    next_a = next_b = 0
    for bead in beads:
        if len(bead.fr) != 1 or len(bead.en) != 1:
            regions_a.append(range(max(next_a - radius, 0), next_a + len(bead.fr) + radius))
            regions_b.append(range(max(next_b - radius, 0), next_b + len(bead.en) + radius))
        next_a += len(bead.fr)
        next_b += len(bead.en)
    return regions_a, regions_b


def _windows_in(regions: Sequence[range], sizes: Sequence[int]) -> dict[int, np.ndarray]:
    """For each size, the starts of every window lying inside one of the regions."""
    wanted: dict[int, np.ndarray] = {}
    for size in sizes:
        starts = [np.arange(r.start, r.stop - size + 1) for r in regions if len(r) >= size]
        wanted[size] = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)
    return wanted
