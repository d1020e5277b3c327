"""The DP with bead types in any order, with and without the horizontal (0, 1) edge.

`bead_types` always lists (1, 1), (1, 0), (0, 1) in that order, so the rest of the suite only
ever sees the (0, 1) edge at index 2. `banded_dp` promises more: any list of types, (0, 1)
anywhere or absent. These tests hold it to that.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_aligner import band_around_path, band_nodes, flat_gains, random_path, reference_dp

from align.aligner import AlignConfig, bead_types
from align.aligner.dp import Band, _fold_row_skips, banded_dp


def steps(path: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(i1 - i0, j1 - j0) for (i0, j0), (i1, j1) in pairwise(path)]


def test_types_without_a_horizontal_edge_never_step_sideways():
    # 3 x 2 lattice, types (1, 1), (1, 0), (2, 1): the best path is 1-1, 1-0, 1-1 (gains
    # 1 + 0.5 + 1); no type moves along a row, so no (0, 1) step may appear.
    types = [(1, 1), (1, 0), (2, 1)]
    band = Band.full(3, 2)
    dense = np.full((3, 4, 3), -np.inf)
    dense[0, 1, 1] = 1.0
    dense[1, 2, 1] = 0.5
    dense[0, 3, 2] = 1.0
    dense[2, 3, 2] = 0.2  # (1, 1) then (2, 1): 1.2, worse than 2.5
    dense[2, 2, 1] = 0.1  # (2, 1) then (1, 1): 1.1
    path = banded_dp(flat_gains(dense, band), types, band, 3, 2)
    assert path == [(0, 0), (1, 1), (2, 1), (3, 2)]


def test_types_without_a_horizontal_edge_use_every_type_as_given():
    # The second type, (1, 0), must stay a row step: read as a skip it would move sideways.
    types = [(1, 1), (1, 0)]
    band = Band.full(2, 1)
    dense = np.full((2, 3, 2), -np.inf)
    dense[1, 1, 0] = 2.0  # drop the first English sentence …
    dense[0, 2, 1] = 2.0  # … then pair the second
    dense[0, 1, 1] = 0.0
    dense[1, 2, 1] = 0.0
    path = banded_dp(flat_gains(dense, band), types, band, 2, 1)
    assert path == [(0, 0), (1, 0), (2, 1)]
    assert steps(path) == [(1, 0), (1, 1)]


def test_the_horizontal_edge_listed_first_still_moves_along_rows():
    # (0, 1) first: the skip on row 0 and on a later row must both be folded in.
    types = [(0, 1), (1, 1), (1, 0)]
    band = Band.full(2, 3)
    dense = np.full((3, 3, 4), -np.inf)
    dense[0, :, 1:] = -2.0
    dense[0, 0, 1] = 0.5  # skip the first French sentence on row 0
    dense[1, 1, 2] = 1.0
    dense[0, 1, 3] = 0.5  # skip the third French sentence after the first pair
    dense[2, 2, 3] = 0.5
    path = banded_dp(flat_gains(dense, band), types, band, 2, 3)
    assert path == [(0, 0), (0, 1), (1, 2), (1, 3), (2, 3)]
    assert steps(path)[0] == (0, 1)


def test_the_horizontal_edge_listed_first_competes_with_the_other_types():
    # On row 1 the skip (0.5 + 0.5) beats the 1-1 bead ending at (1, 2) (gain 0.2).
    types = [(0, 1), (1, 1), (1, 0)]
    band = Band.full(1, 2)
    dense = np.full((3, 2, 3), -np.inf)
    dense[0, :, 1:] = -2.0
    dense[1, 1, 1] = 0.5
    dense[0, 1, 2] = 0.5
    dense[1, 1, 2] = 0.2
    dense[0, 0, 1] = -1.0
    path = banded_dp(flat_gains(dense, band), types, band, 1, 2)
    assert path == [(0, 0), (1, 1), (1, 2)]


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(1, 8),
    m=st.integers(1, 8),
    seed=st.integers(0, 2**31),
    radius=st.integers(0, 3),
    max_side=st.integers(1, 3),
)
def test_any_order_of_the_types_gives_the_reference_path(n, m, seed, radius, max_side):
    rng = np.random.default_rng(seed)
    types = list(bead_types(AlignConfig(max_side=max_side, max_bead_sum=max_side + 1)))
    types = [types[k] for k in rng.permutation(len(types))]
    dense = rng.standard_normal((len(types), n + 1, m + 1))
    dense[rng.random(dense.shape) < 0.15] = -np.inf
    for t, (di, dj) in enumerate(types):
        dense[t, :di, :] = -np.inf
        dense[t, :, :dj] = -np.inf
    dense[types.index((1, 0)), 1:, :] = -0.5  # a path always exists
    dense[types.index((0, 1)), :, 1:] = -0.5
    band = band_around_path(random_path(rng, n, m), n, m, radius)
    got = banded_dp(flat_gains(dense, band), types, band, n, m)
    _, want = reference_dp(dense, types, band_nodes(band), n, m)
    assert got == want


@settings(max_examples=150, deadline=None)
@given(n=st.integers(1, 8), extra=st.integers(0, 4), seed=st.integers(0, 2**31))
def test_types_without_the_horizontal_edge_give_the_reference_path(n, extra, seed):
    # m <= n and (1, 1), (1, 0) always possible: a path exists without any row step.
    m = max(1, n - extra)
    rng = np.random.default_rng(seed)
    types = [t for t in bead_types(AlignConfig(max_side=2, max_bead_sum=3)) if t != (0, 1)]
    types = [types[k] for k in rng.permutation(len(types))]
    dense = rng.standard_normal((len(types), n + 1, m + 1))
    for t, (di, dj) in enumerate(types):
        dense[t, :di, :] = -np.inf
        dense[t, :, :dj] = -np.inf
    band = Band.full(n, m)
    got = banded_dp(flat_gains(dense, band), types, band, n, m)
    _, want = reference_dp(dense, types, band_nodes(band), n, m)
    assert got == want
    assert (0, 1) not in steps(got)


def test_a_lattice_no_type_can_cross_has_no_path():
    # Without (0, 1) nothing reaches (0, 1): more French than English and only 1-0 / 1-1
    # beads cannot end at (1, 2); the DP says so instead of inventing a path.
    types = [(1, 1), (1, 0)]
    band = Band.full(1, 2)
    dense = np.zeros((2, 2, 3))
    with pytest.raises(RuntimeError, match="no path"):
        banded_dp(flat_gains(dense, band), types, band, 1, 2)


def test_a_node_no_skip_may_end_at_does_not_cut_off_the_rest_of_the_row():
    # D[j] = max(best[j], D[j - 1] + g[j]); g[2] = -inf only stops the chain at node 2.
    best = np.array([1.0, -np.inf, 0.0, -np.inf, -np.inf])
    folded, from_left = _fold_row_skips(best, np.array([-np.inf, -0.25, -np.inf, -0.5, -0.5]))
    assert folded.tolist() == [1.0, 0.75, 0.0, -0.5, -1.0]
    assert from_left.tolist() == [False, True, False, True, True]


def test_a_row_with_a_node_no_skip_may_end_at_still_reaches_the_corner():
    # (0, 1) gains: -inf into (1, 1), finite into (1, 2), (1, 3); the best path pairs the
    # English sentence with the first French one, then skips the two others.
    types = [(1, 1), (1, 0), (0, 1)]
    band = Band.full(1, 3)
    dense = np.full((3, 2, 4), -np.inf)
    dense[0, 1, 1] = 1.0
    dense[2, 1, 2] = -0.1
    dense[2, 1, 3] = -0.1
    dense[2, 0, 1:] = -0.5
    dense[0, 1, 3] = 0.0  # skip twice on row 0, then pair: -1.0
    path = banded_dp(flat_gains(dense, band), types, band, 1, 3)
    assert path == [(0, 0), (1, 1), (1, 2), (1, 3)]
