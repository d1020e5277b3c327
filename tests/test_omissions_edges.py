"""Edges of `align.checks.omissions` that whole events reach rarely, each found by mutation
testing (docs/development.md): where a French cut's gap starts, and lengths of one
character in the event's length ratio."""

from __future__ import annotations

import math

import pytest
from sentence_vectors import SentenceVectors, event, mix

from align.checks.omissions import (
    LengthFit,
    OmissionCheck,
    _length_misfit,
    elided_bead_positions,
    length_fit,
    length_shift,
    merged_orphans,
)


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


@pytest.mark.parametrize(("fr", "en"), [("Oui.", "I"), ("I", "Yes."), ("", "Yes.")])
def test_a_bead_length_misfit_counts_one_character_sides_as_they_are(fr, en):
    expected = abs(math.log(max(1, len(fr)) / len(en)) - 0.25)
    assert _length_misfit(fr, en, 0.25) == pytest.approx(expected)


def test_an_english_only_bead_is_never_judged_for_merged_sentences():
    # two English sentences without French: the gap check's, even when one of them is far
    # from the (empty) French and the other close to it
    kept = "The President opened the meeting of the Security Council."
    dropped = "The talks were attended by the heads of several federal ministries."
    encoder = SentenceVectors(
        {
            "": mix(a0=1.0),
            kept: mix(a0=0.9, a1=math.sqrt(1 - 0.81)),
            dropped: mix(a2=1.0),
            f"{kept} {dropped}": mix(a0=0.5, a3=math.sqrt(0.75)),
            "Bonjour à tous.": mix(a4=1.0),
            "Hello everyone.": mix(a4=0.8, a5=0.6),
        }
    )
    data = event(
        ["Bonjour à tous."],
        ["Hello everyone.", kept, dropped],
        [([0], [0]), ([], [1, 2])],
        encoder=encoder,
    )
    assert merged_orphans(data) == []


def test_an_event_without_paired_beads_has_a_neutral_length_ratio():
    data = event(["Bonjour."], ["Hello.", "Thank you."], [([0], []), ([], [0, 1])])
    assert length_fit(data) == LengthFit(0.0, 0.0)
    assert length_shift(data) == 0.0


def test_a_sentence_no_caption_translates_is_an_omission_whatever_the_order():
    # two loose lines, neither close enough to excuse the sentence: it is still omitted
    caption = "Le gouverneur de la région de Koursk Alexander Khinshtein."
    tag = "Région de Koursk"
    before_fr = "Le Président a rencontré le gouverneur de la région de Koursk."
    before_en = "The President met with the Governor of the Kursk Region."
    named = "Governor of the Kursk Region Alexander Khinshtein."
    vectors = {
        caption: mix(a5=1.0),
        tag: mix(a7=1.0),
        named: mix(a5=0.5, a7=0.36, a6=math.sqrt(1 - 0.25 - 0.36**2)),
        before_fr: mix(a0=1.0),
        before_en: mix(a0=1.0),
    }
    for order in ([(tag, "tag"), (caption, "caption")], [(caption, "caption"), (tag, "tag")]):
        data = event(
            [before_fr, *order],
            [before_en, named],
            [([0], [0]), ([], [1])],
            encoder=SentenceVectors(vectors),
        )
        assert [f.en for f in OmissionCheck().run(data)] == [(1,)]
