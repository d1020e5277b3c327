"""The aligner's parameters and the bead types they allow."""

from __future__ import annotations

from dataclasses import dataclass

BeadType = tuple[int, int]  # (sentences of A, sentences of B) in one bead

#: Bead types of the coarse passes, where a "sentence" is a group of 2, 4, … sentences.
COARSE_TYPES: tuple[BeadType, ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))


@dataclass(frozen=True)
class GainWeights:
    """The terms of a bead's gain (see `align.aligner.scores`)."""

    neighbour_weight: float
    hub_weight: float
    length_weight: float
    skip_cost: float
    short_chars: float  # sentences shorter than this cost proportionally less to skip
    merge_cost: float
    many_many_cost: float
    anchor_weight: float
    anchor_neutral: float
    block_penalty: float
    hub_samples: int = 64


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
    lazy_radius: int = 1  # sentences around an unsure bead whose windows get embedded
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
    # re-evaluation (align.aligner.reevaluate.resolve_unsure): a bead whose cosine lies this
    # many robust MADs below the document's median 1-1 cosine is re-paired with its
    # neighbours when that gains at least `reeval_min_gain`. Off (0): on the tuning sets it
    # cost strict F1 (loose literary 1-1 pairs split) and bought dropped-sentence recall only
    # with false additions (bench/align_log.md, steps 28-35).
    reeval_mads: float = 0.0
    reeval_min_gain: float = 0.05
    blas_threads: int = 1  # the products are small: more threads only contend for cores
    # second encoder (align.aligner.second.second_opinion), used only when align_texts gets
    # one: boxes of beads around the unsure ones (not 1-1, or 1-1 with a cosine in the
    # document's lowest `second_share`) are re-aligned with cosines mixed
    # (1 - second_weight) * first + second_weight * second. Off (0): see bench/align_log.md,
    # fifth round.
    second_weight: float = 0.0
    second_share: float = 0.05
    second_radius: int = 1  # beads on each side of an unsure bead inside its box

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
            hub_samples=self.hub_samples,
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
