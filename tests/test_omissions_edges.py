"""Edges of `align.checks.omissions` that whole events reach rarely, each found by mutation
testing (docs/development.md): where a French cut's gap starts, and lengths of one
character in the event's length ratio."""

from __future__ import annotations

import math

import pytest
from sentence_vectors import event

from align.checks.omissions import elided_bead_positions, length_fit, length_shift


def test_english_cut_before_the_bead_holding_the_cut_is_in_its_gap():
    # the cut (<…>, French 1) sits in a French-only bead after the English it cut
    data = event(
        ["Avant la coupure.", ("<…>", "elision"), "Après la coupure."],
        ["Before the cut.", "The part the French cut.", "After the cut."],
        [([0], [0]), ([], [1]), ([1], []), ([2], [2])],
    )
    assert elided_bead_positions(data) == {1: 1}


@pytest.mark.parametrize(("fr", "en"), [("Oui.", "I"), ("I", "Yes.")])
def test_a_one_character_side_counts_its_one_character(fr, en):
    data = event([fr], [en], [([0], [0])])
    ratio = math.log(len(fr) / len(en))
    assert length_shift(data) == pytest.approx(ratio)
    assert length_fit(data).median == pytest.approx(ratio)


def test_an_empty_side_counts_as_one_character():
    data = event(["Oui."], [""], [([0], [0])])
    assert length_shift(data) == pytest.approx(math.log(4))
    assert length_fit(data).median == pytest.approx(math.log(4))
