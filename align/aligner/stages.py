"""The aligner, top to bottom: `align_texts` runs the stages in this order.

1. `windows`   : sentence vectors (windows of several sentences start as normalised sums),
                 lengths, paragraph / turn indices, names and numbers both sides share.
2. `band`      : where the DP looks (a band around the best path one level coarser).
3. `scores`    : the gain of every bead type at every node of the band.
4. `dp`        : the best monotone path through the band.
5. `reevaluate`: around unsure beads, joined-text windows and a local re-alignment.
   `second`  : optional, off by default: a second encoder's cosines mixed in around the
               unsure beads, and the local DP run again there.
6. `beads`     : the path's sentence ranges as `Bead`s, scored by their cosine.

`band` and `reevaluate` reuse `scores` and `dp` on smaller lattices (coarser copies of the
document; boxes around unsure beads).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from threadpoolctl import threadpool_limits

from align.aligner.band import search_band
from align.aligner.beads import gap_beads, to_beads
from align.aligner.config import AlignConfig, bead_types
from align.aligner.dp import banded_dp, path_to_beads
from align.aligner.reevaluate import Embed, reevaluate, resolve_unsure
from align.aligner.scores import band_gains
from align.aligner.second import second_opinion
from align.aligner.windows import (
    SideArrays,
    anchor_bits,
    char_ratio_of,
    embed_side,
    side_from_vectors,
)
from align.embed.base import Encoder
from align.model import Bead


def align_texts(
    a: Sequence[str],
    b: Sequence[str],
    encoder: Encoder,
    *,
    a_blocks: Sequence[int] | None = None,
    b_blocks: Sequence[int] | None = None,
    config: AlignConfig | None = None,
    second: Encoder | None = None,
) -> list[Bead]:
    """Align the sentences of `a` with those of `b` (Bead.fr indexes `a`, Bead.en `b`).

    Beads are monotone, in order, and cover every sentence of both sides exactly once. A
    bead's score is the cosine of its two sides' embeddings (0.0 for a 1-0 / 0-1 bead).
    `second`: an encoder consulted on the unsure beads when `config.second_weight` > 0.
    """
    config = config or AlignConfig()
    for name, blocks, sents in (("a_blocks", a_blocks, a), ("b_blocks", b_blocks, b)):
        if blocks is not None and len(blocks) != len(sents):
            raise ValueError(f"{name} has {len(blocks)} entries for {len(sents)} sentences")
    if not a or not b:
        return gap_beads(len(a), len(b))
    bits_a, bits_b = anchor_bits(a, b, max_share=config.anchor_max_share)
    side_a = embed_side(
        a, encoder.encode, concat_max=config.concat_max, blocks=a_blocks, anchors=bits_a
    )
    side_b = embed_side(
        b, encoder.encode, concat_max=config.concat_max, blocks=b_blocks, anchors=bits_b
    )
    second_embed = second.encode if second is not None else None
    return _align(
        side_a, side_b, config, texts=(a, b), embed=encoder.encode, second_embed=second_embed
    )


def align_sides(a: SideArrays, b: SideArrays, config: AlignConfig | None = None) -> list[Bead]:
    """Align two sides given as arrays (no texts: windows stay normalised sums)."""
    return _align(a, b, config or AlignConfig(), texts=None, embed=None)


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


def _align(
    a: SideArrays,
    b: SideArrays,
    config: AlignConfig,
    *,
    texts: tuple[Sequence[str], Sequence[str]] | None,
    embed: Embed | None,
    second_embed: Embed | None = None,
) -> list[Bead]:
    if a.n == 0 or b.n == 0:
        return gap_beads(a.n, b.n)
    with threadpool_limits(limits=config.blas_threads, user_api="blas"):
        types = bead_types(config)
        char_ratio = char_ratio_of(a, b)
        band = search_band(a.vectors, b.vectors, config)
        gains = band_gains(a, b, band, types, config.weights, char_ratio=char_ratio)
        spans = path_to_beads(banded_dp(gains, types, band, a.n, b.n))
        if texts is not None and embed is not None:
            again = reevaluate(
                spans,
                a,
                b,
                texts_a=texts[0],
                texts_b=texts[1],
                embed=embed,
                config=config,
                char_ratio=char_ratio,
            )
            spans, a, b = again.spans, again.a, again.b
            spans = resolve_unsure(spans, a, b, config)
            if second_embed is not None:
                spans = second_opinion(
                    spans,
                    a,
                    b,
                    texts_a=texts[0],
                    texts_b=texts[1],
                    embed=second_embed,
                    config=config,
                    char_ratio=char_ratio,
                )
        return to_beads(spans, a, b)
