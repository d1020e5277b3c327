"""Each stage of the aligner alone, on hand-made arrays."""

from __future__ import annotations

import numpy as np
import pytest

from align.aligner import AlignConfig
from align.aligner.beads import bead_cosines, gap_beads, to_beads
from align.aligner.dp import path_to_beads
from align.aligner.reevaluate import (
    band_with_boxes,
    document_floor,
    resolve_unsure,
    spans_to_path,
    unsure_regions,
)
from align.aligner.windows import side_from_vectors, windows_in

DIM = 48


def unit(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def near(x: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    y = x + noise * rng.standard_normal(x.shape).astype(np.float32) / np.sqrt(DIM)
    return y / np.linalg.norm(y, axis=1, keepdims=True)


def spans(*beads: tuple[list[int], list[int]]) -> list[tuple[range, range]]:
    out = []
    for a, b in beads:
        ra = range(a[0], a[-1] + 1) if a else range(0, 0)
        rb = range(b[0], b[-1] + 1) if b else range(0, 0)
        out.append((ra, rb))
    # empty ranges start where the side stands
    fixed, i, j = [], 0, 0
    for ra, rb in out:
        ra = ra if len(ra) else range(i, i)
        rb = rb if len(rb) else range(j, j)
        fixed.append((ra, rb))
        i, j = ra.stop, rb.stop
    return fixed


def test_part_of_a_side_is_the_same_sentences_and_windows():
    rng = np.random.default_rng(1)
    side = side_from_vectors(unit(rng, 10), lengths=range(10, 20), blocks=[0] * 5 + [1] * 5)
    part = side.part(3, 8)
    assert part.n == 5
    assert np.array_equal(part.vectors, side.vectors[3:8])
    assert part.lengths.tolist() == list(range(13, 18))
    starts = np.arange(0, 3)
    assert np.allclose(part.window_vectors(2, starts), side.window_vectors(2, starts + 3))


def test_windows_in_lists_the_windows_inside_each_region():
    got = windows_in([range(0, 3), range(5, 9)], [2, 4])
    assert got[2].tolist() == [0, 1, 5, 6, 7]
    assert got[4].tolist() == [5]


def test_spans_and_path_are_inverse():
    beads = spans(([0], [0]), ([1, 2], [1]), ([], [2]), ([3], []), ([4], [3, 4]))
    path = spans_to_path(beads)
    assert path == [(0, 0), (1, 1), (3, 2), (3, 3), (4, 3), (5, 5)]
    assert path_to_beads(path) == beads


def test_unsure_regions_surround_every_bead_that_is_not_one_to_one():
    beads = spans(([0], [0]), ([1], [1]), ([2, 3], [2]), ([4], [3]), ([5], [4]))
    regions_a, regions_b = unsure_regions(beads, radius=1)
    assert regions_a == [range(1, 5)] and regions_b == [range(1, 4)]


def test_band_with_boxes_holds_the_path_and_every_box_node():
    path = [(0, 0), (1, 1), (2, 2), (4, 3), (5, 5), (6, 6)]
    band = band_with_boxes(path, [(range(1, 4), range(1, 5))], 6, 6)
    for i, j in path:
        assert band.lo[i] <= j < band.hi[i]
    for i in range(1, 5):
        assert band.lo[i] <= 1 and band.hi[i] >= 6
    assert band.lo[0] == 0 and band.hi[6] == 7
    assert band.hi[0] == 2 and band.lo[6] == 5  # outside the box: the path and its steps


def test_document_floor_is_robust_to_outliers():
    cosines = [0.7, 0.72, 0.68, 0.71, 0.69, 0.05]
    floor = document_floor(cosines, mads=3.0)
    assert 0.3 < floor < 0.68
    assert document_floor([], 3.0) == 0.0


def shifted_case(rng):
    """English 0 … 19; the French lost the translation of English 10. A first path paired
    French 10 (English 11's translation) with English 10 and merged English 11-12 onto
    French 11."""
    en = unit(rng, 20)
    fr = near(np.vstack([en[:10], en[11:]]), rng, 0.4)
    first = spans(
        *[([i], [i]) for i in range(10)],
        ([10], [10]),
        ([11], [11, 12]),
        *[([i - 1], [i]) for i in range(13, 20)],
    )
    return side_from_vectors(fr), side_from_vectors(en), first


CONFIG = AlignConfig(reeval_mads=3.0)  # re-evaluation on (it is off by default)


def test_a_shifted_pairing_becomes_the_omission_and_the_right_pairs():
    a, b, first = shifted_case(np.random.default_rng(2))
    fixed = resolve_unsure(first, a, b, CONFIG)
    pairs = [(list(ra), list(rb)) for ra, rb in fixed]
    assert ([], [10]) in pairs
    assert ([10], [11]) in pairs and ([11], [12]) in pairs
    assert pairs[:10] == [([i], [i]) for i in range(10)]


def test_re_evaluation_is_off_for_plain_alignment():
    a, b, first = shifted_case(np.random.default_rng(2))
    assert AlignConfig().reeval_mads == 0
    assert resolve_unsure(first, a, b, AlignConfig()) == first


def test_beads_at_or_above_the_document_floor_are_left_alone():
    rng = np.random.default_rng(3)
    en = unit(rng, 20)
    fr = near(en, rng, 0.6)  # every pair alike: nothing is unusual for this document
    first = spans(*[([i], [i]) for i in range(20)])
    a, b = side_from_vectors(fr), side_from_vectors(en)
    assert min(bead_cosines(a, b, first)) >= document_floor(bead_cosines(a, b, first), 3.0)
    assert resolve_unsure(first, a, b, CONFIG) == first


def test_unpaired_sentences_stay_on_one_side():
    """Two unrelated sentences paired in the middle of good pairs: one side's sentence is
    left unpaired, the other joins a neighbour — never both unpaired."""
    rng = np.random.default_rng(5)
    en = unit(rng, 20)
    fr = near(en, rng, 0.4)
    fr[9] = unit(rng, 1)[0]
    first = spans(*[([i], [i]) for i in range(20)])
    fixed = resolve_unsure(first, side_from_vectors(fr), side_from_vectors(en), CONFIG)
    unpaired_a = [ra for ra, rb in fixed if not len(rb)]
    unpaired_b = [rb for ra, rb in fixed if not len(ra)]
    assert not (unpaired_a and unpaired_b)
    assert [i for ra, _ in fixed for i in ra] == list(range(20))
    assert [j for _, rb in fixed for j in rb] == list(range(20))


def test_to_beads_scores_pairs_by_cosine_and_gaps_by_zero():
    rng = np.random.default_rng(4)
    x = unit(rng, 3)
    a, b = side_from_vectors(x), side_from_vectors(x[:2])
    beads = to_beads(spans(([0], [0]), ([1], [1]), ([2], [])), a, b)
    assert [(bd.fr, bd.en) for bd in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    assert beads[0].score == pytest.approx(1.0, abs=1e-5) and beads[2].score == 0.0
    assert [(bd.fr, bd.en) for bd in gap_beads(1, 2)] == [((0,), ()), ((), (0,)), ((), (1,))]
