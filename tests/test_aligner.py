"""The aligner on hand-made embeddings: known answers, invariants, the DP pieces alone."""

from __future__ import annotations

import dataclasses
import hashlib
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.aligner import AlignConfig, align_texts, align_vectors, bead_types
from align.aligner.dp import (
    Band,
    _fold_row_skips,
    band_around_path,
    banded_dp,
    path_to_beads,
    predecessors,
)
from align.aligner.scores import band_dot
from align.aligner.windows import anchor_bits, side_from_vectors
from align.model import Bead

DIM = 64


def unit(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def noisy(x: np.ndarray, rng: np.random.Generator, scale: float = 0.3) -> np.ndarray:
    y = x + scale * rng.standard_normal(x.shape).astype(np.float32) / np.sqrt(DIM)
    return y / np.linalg.norm(y, axis=1, keepdims=True)


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.fr, b.en) for b in beads]


def assert_partition(beads: list[Bead], n_a: int, n_b: int) -> None:
    """Monotone, in order, and every index of both sides exactly once."""
    a_ids = [i for b in beads for i in b.fr]
    b_ids = [j for b in beads for j in b.en]
    assert a_ids == list(range(n_a))
    assert b_ids == list(range(n_b))
    for bead in beads:
        assert bead.fr or bead.en


class BagOfWords:
    """A deterministic stand-in encoder: a text's vector is the sum of its words' vectors."""

    id = "test-bow"

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            for word in text.lower().split():
                seed = int.from_bytes(hashlib.sha1(word.encode()).digest()[:4], "little")
                out[k] += np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def test_identity_diagonal_is_recovered():
    rng = np.random.default_rng(1)
    a = unit(rng, 30)
    beads = align_vectors(a, noisy(a, rng))
    assert pairs(beads) == [((i,), (i,)) for i in range(30)]
    assert all(b.score > 0.8 for b in beads)


def test_two_to_one_merge_is_recovered():
    rng = np.random.default_rng(2)
    a = unit(rng, 8)
    merged = a[3] + a[4]
    b = np.vstack([a[:3], merged / np.linalg.norm(merged), a[5:]])
    beads = align_vectors(a, noisy(b, rng, 0.1))
    assert ((3, 4), (3,)) in pairs(beads)
    assert ((2,), (2,)) in pairs(beads) and ((5,), (4,)) in pairs(beads)
    assert_partition(beads, 8, 7)


def test_one_to_three_split_is_recovered():
    rng = np.random.default_rng(3)
    b = unit(rng, 9)
    whole = b[2] + b[3] + b[4]
    a = np.vstack([b[:2], whole / np.linalg.norm(whole), b[5:]])
    beads = align_vectors(a, noisy(b, rng, 0.1))
    assert ((2,), (2, 3, 4)) in pairs(beads)


def test_omission_and_insertion_become_null_beads():
    rng = np.random.default_rng(4)
    a = unit(rng, 12)
    extra = unit(rng, 1)
    # B drops A's sentence 5 and carries an unrelated sentence after A's sentence 8.
    b = np.vstack([a[:5], a[6:9], extra, a[9:]])
    beads = align_vectors(a, noisy(b, rng, 0.1))
    got = pairs(beads)
    assert ((5,), ()) in got
    assert ((), (8,)) in got
    assert ((4,), (4,)) in got and ((6,), (5,)) in got and ((9,), (9,)) in got
    null = [b for b in beads if not b.fr or not b.en]
    assert all(b.score == 0.0 for b in null)


def test_empty_sides():
    rng = np.random.default_rng(5)
    a = unit(rng, 3)
    assert pairs(align_vectors(a, np.zeros((0, DIM)))) == [((0,), ()), ((1,), ()), ((2,), ())]
    assert pairs(align_vectors(np.zeros((0, DIM)), a)) == [((), (0,)), ((), (1,)), ((), (2,))]
    assert align_vectors(np.zeros((0, DIM)), np.zeros((0, DIM))) == []


def test_block_boundary_keeps_an_ambiguous_merge_inside_its_paragraph():
    # B's sentence 2 is equally like A's 2 + 3 and A's 3 + 4 (A's 2 and 4 are alike);
    # A's paragraphs break between 2 and 3, so the merge must be 3 + 4.
    rng = np.random.default_rng(6)
    base = unit(rng, 6)
    a = base.copy()
    a[4] = noisy(base[2:3], rng, 0.05)[0]
    merged = a[2] + a[3]
    b = np.vstack([a[:2], merged / np.linalg.norm(merged), base[5:]])
    config = AlignConfig(block_penalty=0.3)
    beads = align_vectors(a, b, a_blocks=[0, 0, 0, 1, 1, 1], config=config)
    assert ((3, 4), (2,)) in pairs(beads) or ((2,), ()) in pairs(beads)
    assert ((2, 3), (2,)) not in pairs(beads)


def test_long_document_goes_through_the_coarse_band_and_stays_right():
    rng = np.random.default_rng(7)
    a = unit(rng, 900)
    b = np.vstack([a[:400], a[401:]])  # one omission in the middle
    config = AlignConfig(full_dp_nodes=10_000, band_radius=6)
    beads = align_vectors(a, noisy(b, rng, 0.2), config=config)
    got = pairs(beads)
    assert ((400,), ()) in got
    assert sum(1 for fr, en in got if len(fr) == 1 and len(en) == 1 and fr[0] in (en[0], en[0] + 1))
    assert len(got) == 900
    assert_partition(beads, 900, 899)


@settings(max_examples=40, deadline=None)
@given(
    n_a=st.integers(0, 25),
    n_b=st.integers(0, 25),
    seed=st.integers(0, 10_000),
    radius=st.integers(2, 5),
    full=st.sampled_from([20, 1_000_000]),
)
def test_beads_always_partition_both_sides(n_a, n_b, seed, radius, full):
    rng = np.random.default_rng(seed)
    config = AlignConfig(full_dp_nodes=full, band_radius=radius)
    beads = align_vectors(unit(rng, n_a), unit(rng, n_b), config=config)
    assert_partition(beads, n_a, n_b)
    allowed = set(bead_types(config))
    assert all((len(b.fr), len(b.en)) in allowed for b in beads)
    assert all(-1.0 <= b.score <= 1.0 for b in beads)


def test_bead_types_respect_the_limits():
    types = bead_types(AlignConfig(max_side=3, max_bead_sum=5))
    assert (1, 1) in types and (1, 0) in types and (0, 1) in types
    assert (2, 3) in types and (3, 2) in types
    assert (1, 4) not in types and (3, 3) not in types


def test_fold_row_skips_matches_the_plain_recurrence():
    rng = np.random.default_rng(8)
    best = rng.standard_normal(50)
    best[rng.random(50) < 0.3] = -np.inf
    skip = -rng.random(50)
    folded, from_left = _fold_row_skips(best, skip)
    expect = best.copy()
    for j in range(1, 50):
        expect[j] = max(expect[j], expect[j - 1] + skip[j])
    assert np.allclose(folded, expect)
    assert not from_left[0]


def test_banded_dp_on_a_hand_made_gain_table():
    # Three sentences on each side: the gains favour 1-1, then a 1-0, then 0-1... no: a 2-2.
    types = [(1, 1), (1, 0), (0, 1), (2, 2)]
    band = Band.full(3, 3)
    rows, cols = band.nodes()
    gains = np.full((4, band.size), -np.inf)
    gains[1][rows >= 1] = -1.0
    gains[2][cols >= 1] = -1.0
    at = (rows * 4 + cols).tolist()
    gains[0][at.index(1 * 4 + 1)] = 1.0  # a0-b0
    gains[3][at.index(3 * 4 + 3)] = 1.5  # a1 a2 - b1 b2
    gains[0][at.index(2 * 4 + 2)] = 0.5  # a1-b1 …
    gains[0][at.index(3 * 4 + 3)] = 0.5  # … and a2-b2 would earn 1.0 < 1.5
    path = banded_dp(gains, types, band, 3, 3)
    assert path_to_beads(path) == [(range(0, 1), range(0, 1)), (range(1, 3), range(1, 3))]


def test_band_around_path_holds_the_path_and_is_connected():
    path = [(0, 0), (1, 1), (1, 5), (2, 6), (6, 7), (8, 9)]
    band = band_around_path(path, 8, 9, radius=1)
    for i, j in path:
        assert band.lo[i] <= j < band.hi[i]
    assert band.lo[0] == 0 and band.hi[-1] == 10
    assert all(band.lo[i + 1] <= band.hi[i] for i in range(8))


def test_band_dot_equals_the_dense_product():
    rng = np.random.default_rng(9)
    x, y = unit(rng, 40), unit(rng, 37)
    band = band_around_path([(0, 0), (20, 18), (41, 39)], 41, 39, radius=3)
    rows, cols = band.nodes()
    got, ok = band_dot(
        side_from_vectors(x).windows(1), side_from_vectors(y).windows(1), 2, 1, band, rows, cols
    )
    dense = x @ y.T
    for k in np.flatnonzero(ok)[::7]:
        assert got[k] == pytest.approx(dense[rows[k] - 2, cols[k] - 1], abs=1e-5)
    assert not ok[(rows < 2) | (cols < 1)].any()


def test_anchor_bits_mark_shared_names_and_numbers_only():
    a = ["Le Cervin mesure 4478 m .", "Il fait beau ."]
    b = ["Das Matterhorn misst 4478 m .", "Der Cervin ist schön ."]
    bits_a, bits_b = anchor_bits(a, b, max_share=1.0)
    assert bits_a[0] & bits_b[0]  # 4478
    assert bits_a[0] & bits_b[1]  # Cervin
    assert bits_a[1] == 0  # "Il" is too short, "beau" not capitalised


def test_align_texts_with_a_stand_in_encoder():
    a = [
        "the red fox runs",
        "a quiet river bends",
        "old stones remember rain",
        "seven birds sing at dawn",
    ]
    b = [
        "the red fox runs",
        "a quiet river",
        "bends",
        "old stones remember rain",
        "seven birds sing at dawn",
    ]
    beads = align_texts(a, b, BagOfWords())
    assert pairs(beads) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]
    assert beads[0].score == pytest.approx(1.0, abs=1e-5)


def test_align_texts_rejects_mismatched_blocks():
    with pytest.raises(ValueError, match="a_blocks"):
        align_texts(["x"], ["y"], BagOfWords(), a_blocks=[0, 1])


def test_config_is_frozen():
    config = AlignConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.skip_cost = 1.0  # type: ignore[misc]


# --- the DP against a plain reference -------------------------------------------------------


def band_nodes(band: Band) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(band.lo)) for j in range(band.lo[i], band.hi[i])}


def reference_dp(
    dense: np.ndarray, types: list[tuple[int, int]], nodes: set[tuple[int, int]], n: int, m: int
) -> tuple[float, list[tuple[int, int]]]:
    """Best score and path over `nodes`, node by node in plain Python (ties: first type wins,
    a 0-1 skip only when strictly better), as the banded DP documents them."""
    score = {(0, 0): 0.0}
    back: dict[tuple[int, int], int] = {}
    skip = types.index((0, 1)) if (0, 1) in types else -1
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in nodes or (i, j) == (0, 0):
                continue
            best, arg = -np.inf, -1
            for t, (di, dj) in enumerate(types):
                if t == skip:
                    continue
                prev = (i - di, j - dj)
                if prev in score and score[prev] + dense[t, i, j] > best:
                    best, arg = score[prev] + dense[t, i, j], t
            if skip >= 0 and (i, j - 1) in score:
                via_skip = score[(i, j - 1)] + dense[skip, i, j]
                if via_skip > best + 1e-9:
                    best, arg = via_skip, skip
            if arg >= 0 and np.isfinite(best):
                score[(i, j)], back[(i, j)] = best, arg
    path = [(n, m)]
    while path[-1] != (0, 0):
        di, dj = types[back[path[-1]]]
        path.append((path[-1][0] - di, path[-1][1] - dj))
    return score[(n, m)], path[::-1]


def flat_gains(dense: np.ndarray, band: Band) -> np.ndarray:
    rows, cols = band.nodes()
    return dense[:, rows, cols]


def random_path(rng: np.random.Generator, n: int, m: int) -> list[tuple[int, int]]:
    """A monotone lattice path from (0, 0) to (n, m) in steps of 0-2 rows and columns."""
    path = [(0, 0)]
    while path[-1] != (n, m):
        i, j = path[-1]
        di, dj = (0, 0)
        while (di, dj) == (0, 0):
            di = int(rng.integers(0, min(2, n - i) + 1))
            dj = int(rng.integers(0, min(2, m - j) + 1))
        path.append((i + di, j + dj))
    return path


def path_score(path, dense, types) -> float:
    return sum(
        dense[types.index((i1 - i0, j1 - j0)), i1, j1] for (i0, j0), (i1, j1) in pairwise(path)
    )


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(1, 9),
    m=st.integers(1, 9),
    seed=st.integers(0, 2**31),
    radius=st.integers(0, 3),
    max_side=st.integers(1, 3),
)
def test_banded_dp_is_the_best_path_inside_its_band(n, m, seed, radius, max_side):
    rng = np.random.default_rng(seed)
    types = list(bead_types(AlignConfig(max_side=max_side, max_bead_sum=max_side + 1)))
    dense = rng.standard_normal((len(types), n + 1, m + 1))
    dense[rng.random(dense.shape) < 0.15] = -np.inf  # beads that may not end here
    for t, (di, dj) in enumerate(types):
        dense[t, :di, :] = -np.inf
        dense[t, :, :dj] = -np.inf
    dense[types.index((1, 0)), 1:, :] = -0.5  # skips always possible: a path always exists
    dense[types.index((0, 1)), :, 1:] = -0.5
    band = band_around_path(random_path(rng, n, m), n, m, radius)
    got = banded_dp(flat_gains(dense, band), types, band, n, m)
    best, want = reference_dp(dense, types, band_nodes(band), n, m)
    assert got == want
    assert path_score(got, dense, types) == pytest.approx(best)
    # The full lattice's best path, whenever it lies inside the band, is the band's too.
    full = Band.full(n, m)
    full_path = banded_dp(flat_gains(dense, full), types, full, n, m)
    if set(full_path) <= band_nodes(band):
        assert got == full_path


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 12), m=st.integers(1, 12), seed=st.integers(0, 2**31), radius=st.integers(0, 3)
)
def test_band_around_path_is_exactly_the_nodes_near_the_path(n, m, seed, radius):
    rng = np.random.default_rng(seed)
    path = random_path(rng, n, m)
    band = band_around_path(path, n, m, radius)
    near = set()
    for (i0, j0), (i1, j1) in pairwise(path):
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                for di in range(-radius, radius + 1):
                    for dj in range(-radius, radius + 1):
                        if 0 <= i + di <= n and 0 <= j + dj <= m:
                            near.add((i + di, j + dj))
    # each row is one run of columns: the nearest nodes, plus what joins them into a run
    for i in range(n + 1):
        cols = [j for (r, j) in near if r == i]
        assert band.lo[i] == min(cols) and band.hi[i] == max(cols) + 1


@settings(max_examples=200, deadline=None)
@given(
    n=st.integers(1, 10), m=st.integers(1, 10), seed=st.integers(0, 2**31), radius=st.integers(0, 2)
)
def test_predecessors_point_at_the_bead_start_or_the_sentinel(n, m, seed, radius):
    rng = np.random.default_rng(seed)
    band = band_around_path(random_path(rng, n, m), n, m, radius)
    types = list(bead_types(AlignConfig(max_side=3, max_bead_sum=4)))
    pred = predecessors(types, band)
    rows, cols = band.nodes()
    flat = {(int(i), int(j)): k for k, (i, j) in enumerate(zip(rows, cols, strict=True))}
    for t, (di, dj) in enumerate(types):
        for k, (i, j) in enumerate(zip(rows, cols, strict=True)):
            assert pred[t, k] == flat.get((int(i) - di, int(j) - dj), band.size)


def test_full_band_holds_every_node_and_no_more():
    band = Band.full(3, 5)
    assert band_nodes(band) == {(i, j) for i in range(4) for j in range(6)}
    assert band.size == 24
    rows, cols = band.nodes()
    assert list(zip(rows[:7].tolist(), cols[:7].tolist(), strict=True)) == [
        (0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 0),
    ]  # fmt: skip


def test_banded_dp_rejects_a_band_without_its_corners():
    band = Band.from_ranges(np.array([0, 0, 1]), np.array([2, 3, 3]))  # row 2 lacks (2, 3)
    types = [(1, 1), (1, 0), (0, 1)]
    with pytest.raises(ValueError, match="corners"):
        banded_dp(np.zeros((3, band.size)), types, band, 2, 3)


def test_ties_go_to_the_first_type_and_a_skip_must_be_strictly_better():
    types = [(1, 1), (1, 0), (0, 1)]
    band = Band.full(1, 1)
    # Node (1, 1): a 1-1 bead (gain 0) ties with 1-0 then 0-1 (-1 + 1) and with 0-1 then 1-0.
    dense = np.full((3, 2, 2), -np.inf)
    dense[0, 1, 1] = 0.0
    dense[1, 1, 0] = -1.0
    dense[1, 1, 1] = 1.0
    dense[2, 0, 1] = -1.0
    dense[2, 1, 1] = 1.0
    path = banded_dp(flat_gains(dense, band), types, band, 1, 1)
    assert path == [(0, 0), (1, 1)]
    dense[1, 1, 1] = 1.5  # now the 0-1 then 1-0 route is strictly better
    path = banded_dp(flat_gains(dense, band), types, band, 1, 1)
    assert path == [(0, 0), (0, 1), (1, 1)]
    dense[1, 1, 1] = -np.inf
    dense[2, 1, 1] = 1.5  # … and 1-0 then 0-1, through the row's skip
    path = banded_dp(flat_gains(dense, band), types, band, 1, 1)
    assert path == [(0, 0), (1, 0), (1, 1)]


def test_fold_row_skips_prefers_the_row_value_on_a_tie():
    best = np.array([0.0, 1.0, -np.inf])
    folded, from_left = _fold_row_skips(best, np.array([0.0, 1.0, -1.0]))
    assert folded.tolist() == [0.0, 1.0, 0.0]
    assert from_left.tolist() == [False, False, True]


def test_fold_row_skips_ignores_the_missing_skip_into_a_rows_first_node():
    # The first node of a row has no left neighbour: its skip gain is -inf in the tables.
    best = np.array([0.5, -np.inf, 2.0, -np.inf])
    folded, from_left = _fold_row_skips(best, np.array([-np.inf, -0.25, -0.25, -0.5]))
    assert folded.tolist() == [0.5, 0.25, 2.0, 1.5]
    assert from_left.tolist() == [False, True, False, True]


def test_banded_dp_on_a_lattice_too_large_for_small_indices():
    # 40,401 nodes: flat indices beyond 16 bits must still point at the right predecessor.
    n = 200
    types = [(1, 1), (1, 0), (0, 1)]
    band = Band.full(n, n)
    rows, cols = band.nodes()
    gains = np.full((3, band.size), -1.0)
    gains[0] = np.where(rows == cols, 1.0, -5.0)
    gains[0][(rows == 0) | (cols == 0)] = -np.inf
    gains[1][rows == 0] = -np.inf
    gains[2][cols == 0] = -np.inf
    path = banded_dp(gains, types, band, n, n)
    assert path == [(i, i) for i in range(n + 1)]
