"""The second-encoder stage (`align.aligner.second`) alone, on designed vectors."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np

from align.aligner import align_vectors
from align.aligner.config import AlignConfig
from align.aligner.second import boxes_around, second_opinion, unsure_beads
from align.aligner.windows import side_from_vectors

DIM = 12


def _unit(*dims: int) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    for d in dims:
        v[d] += 1.0
    return v / np.linalg.norm(v)


class DesignedEncoder:
    """A designed second encoder: a vector per sentence; a joined window is the normalised
    sum of its sentences' vectors. Remembers the texts it is asked for."""

    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors = vectors
        self.asked: list[str] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.asked += list(texts)
        sums = np.stack([sum(self.vectors[t] for t in text.split()) for text in texts])
        return sums / np.linalg.norm(sums, axis=1, keepdims=True)


TEXTS_A = ["a0", "a1", "a2", "a3", "a4", "a5"]
TEXTS_B = ["b0", "b1", "b2", "b3", "b4", "b5", "b6"]
# B says one sentence more than A (b3). a_i translates b_i for i < 3, then a3 translates b4,
# a4 b5, a5 b6. The first encoder is wrong about a3: it puts it mostly on b3's meaning.
FIRST_A = [_unit(0), _unit(1), _unit(2), _unit(3, 3, 4), _unit(5), _unit(6)]
FIRST_B = [_unit(k) for k in range(7)]
TRUE_A = [_unit(0), _unit(1), _unit(2), _unit(4), _unit(5), _unit(6)]


def _first_spans():
    beads = align_vectors(np.stack(FIRST_A), np.stack(FIRST_B))
    return [(_range(bd.fr), _range(bd.en)) for bd in beads]


def _range(ids: tuple[int, ...]) -> range:
    return range(ids[0], ids[-1] + 1) if ids else range(0)


def _second_opinion(spans, config: AlignConfig, encoder: DesignedEncoder):
    return second_opinion(
        spans,
        side_from_vectors(np.stack(FIRST_A)),
        side_from_vectors(np.stack(FIRST_B)),
        texts_a=TEXTS_A,
        texts_b=TEXTS_B,
        embed=encoder,
        config=config,
        char_ratio=1.0,
    )


def _encoder(a_vectors) -> DesignedEncoder:
    vectors = dict(zip(TEXTS_A, a_vectors, strict=True))
    return DesignedEncoder(vectors | dict(zip(TEXTS_B, FIRST_B, strict=True)))


def _pairs(spans) -> list[tuple[list[int], list[int]]]:
    return [(list(ra), list(rb)) for ra, rb in spans]


def test_second_encoder_repairs_a_wrong_merge_inside_the_box() -> None:
    first = _first_spans()
    assert ([3], [3, 4]) in _pairs(first)  # the first encoder merges b3 into a3's bead
    encoder = _encoder(TRUE_A)
    config = AlignConfig(second_weight=0.9, second_share=0.0, second_radius=1)
    pairs = _pairs(_second_opinion(first, config, encoder))
    assert pairs == [
        ([0], [0]),
        ([1], [1]),
        ([2], [2]),
        ([], [3]),  # said only in B: unpaired
        ([3], [4]),  # a3 with the sentence it translates
        ([4], [5]),
        ([5], [6]),
    ]
    # the second encoder saw only the box: the unsure bead and one bead on each side
    assert set(encoder.asked) >= {"a2", "a3", "a4", "b2", "b3", "b4", "b5"}
    assert not {"a0", "a5", "b0", "b6"} & set(encoder.asked)


def test_a_second_encoder_that_agrees_with_the_first_changes_nothing() -> None:
    first = _first_spans()
    config = AlignConfig(second_weight=0.9, second_share=0.0, second_radius=1)
    assert _second_opinion(first, config, _encoder(FIRST_A)) == first


def test_switched_off_the_spans_stay_and_the_second_encoder_is_not_called() -> None:
    first = _first_spans()
    encoder = _encoder(TRUE_A)
    assert _second_opinion(first, AlignConfig(second_weight=0.0), encoder) == first
    assert encoder.asked == []


def test_unsure_beads_and_their_boxes() -> None:
    cosines = [0.9, 0.8, 0.2, 0.85, 0.0, 0.7, 0.95, 0.9]
    sizes = [(1, 1), (1, 1), (1, 1), (1, 1), (0, 1), (2, 1), (1, 1), (1, 1)]
    # every bead that is not 1-1, and the lowest floor(share x 6) 1-1 cosines
    assert unsure_beads(cosines, sizes, 0.0) == [4, 5]
    assert unsure_beads(cosines, sizes, 0.1) == [4, 5]
    assert unsure_beads(cosines, sizes, 0.2) == [2, 4, 5]
    assert unsure_beads(cosines, sizes, 0.34) == [1, 2, 4, 5]
    assert boxes_around([2, 4, 5], 8, 1) == [(1, 6)]
    assert boxes_around([0, 7], 8, 1) == [(0, 1), (6, 7)]
    assert boxes_around([0, 3], 8, 0) == [(0, 0), (3, 3)]
    assert boxes_around([0, 2], 8, 0) == [(0, 0), (2, 2)]
    assert boxes_around([0, 1], 8, 0) == [(0, 1)]


def test_a_part_without_embedded_windows_of_a_size_composes_them() -> None:
    # `part` keeps only the embedded windows lying inside it; a size with none left must
    # fall back on composed windows (the stage cuts sides into boxes this way).
    side = side_from_vectors(np.stack(FIRST_B))
    joined = np.stack([_unit(0, 1), _unit(5, 6)])
    side = dataclasses.replace(side, partial={2: (np.array([0, 5]), joined)})
    box = side.part(2, 5)  # holds neither embedded window
    got = box.window_vectors(2, np.array([0, 1]))
    np.testing.assert_allclose(got[0], _unit(2, 3), atol=1e-6)
    np.testing.assert_allclose(got[1], _unit(3, 4), atol=1e-6)
    kept = side.part(0, 3).window_vectors(2, np.array([0]))
    np.testing.assert_allclose(kept[0], joined[0], atol=1e-6)
