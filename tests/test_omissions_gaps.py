"""English sentences the aligner left without French (`OmissionCheck`): when a neighbouring
French covers one (a segmentation difference), when a French caption translates it, when the
French declares a cut (`<…>`, "À suivre."), and what each finding says.

Similarities are set by a designed encoder (tests/sentence_vectors.py), so every threshold is
tested at its edge: "at least 0.45" means that 0.45 covers and 0.4499 does not."""

from __future__ import annotations

import math

import pytest
from sentence_vectors import SentenceVectors, event, mix

from align.checks import CheckConfig
from align.checks.omissions import (
    OmissionCheck,
    elided_bead_positions,
    elision_neighbour_beads,
    loose_lines,
    truncated_tail,
)
from align.model import Finding, FindingType, Severity, finding_id

EN_BEFORE = "The President met with the Governor of the Kursk Region."
EN_GAP = "The Governor also reported on the restoration of housing in the border districts."
EN_AFTER = "They discussed support for the residents."
FR_BEFORE = "Le Président a rencontré le gouverneur de la région de Koursk."
FR_AFTER = "Ils ont discuté du soutien aux habitants."


def unit(**weights: float) -> list[float]:
    """`mix` completed to a unit vector on a spare component (a29)."""
    rest = 1.0 - sum(v * v for v in weights.values())
    return mix(**weights, a29=math.sqrt(max(rest, 0.0)))


def gap_event(
    before: float,
    after: float,
    merged_before: float = 0.0,
    merged_after: float = 0.0,
    config_fr: tuple = (),
):
    """The gap sentence is `before` similar to the French before it and `after` to the French
    after it; adding it to a neighbour's English brings that bead's similarity from 1.0 to
    `merged_before` / `merged_after` (its merge drop is 1 minus that)."""
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_AFTER: mix(a1=1.0),
        EN_AFTER: mix(a1=1.0),
        EN_GAP: mix(a0=before, a1=after, a2=math.sqrt(1 - before**2 - after**2)),
        f"{EN_BEFORE} {EN_GAP}": mix(a0=merged_before, a3=math.sqrt(1 - merged_before**2)),
        f"{EN_GAP} {EN_AFTER}": mix(a1=merged_after, a4=math.sqrt(1 - merged_after**2)),
    }
    return event(
        [FR_BEFORE, FR_AFTER, *config_fr],
        [EN_BEFORE, EN_GAP, EN_AFTER],
        [([0], [0]), ([], [1]), ([1], [2])],
        encoder=SentenceVectors(vectors),
    )


def omissions(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.type == FindingType.OMISSION]


def test_an_uncovered_sentence_is_an_omission_with_its_evidence():
    found = OmissionCheck().run(gap_event(before=0.40625, after=0.25, merged_before=0.5))
    assert found == [
        Finding(
            id=finding_id(FindingType.OMISSION, EN_GAP),
            type=FindingType.OMISSION,
            severity=Severity.MEDIUM,  # 13 words, one sentence
            confidence=0.744,  # 0.95 − (0.406 − 0.2): a closer neighbour lowers it
            fr=(),
            en=(1,),
            message="English sentence has no French translation: “The Governor also reported "
            "on the restoration of housing in the borde…”",
            details={
                "en_texts": [EN_GAP],
                "words": 13,
                "best_neighbour_similarity": 0.406,
                "neighbours": [{"fr": [0], "similarity": 0.406, "merge_drop": 0.5}],
                "covered_similarity_threshold": 0.45,
            },
        )
    ]


@pytest.mark.parametrize(
    ("similarity", "confidence"),
    [(0.0, 0.95), (0.25, 0.9), (0.2, 0.95), (0.4375, 0.712)],
)
def test_omission_confidence_falls_as_the_neighbour_gets_closer(similarity, confidence):
    found = OmissionCheck().run(gap_event(before=similarity, after=0.0))
    assert [f.confidence for f in found] == [confidence]


def test_confidence_is_at_least_one_half():
    # a neighbour 0.8 similar that the merge rule still rejects: 0.95 − 0.6 < 0.5
    found = OmissionCheck().run(gap_event(before=0.8125, after=0.0, merged_before=0.5))
    assert [(f.confidence, f.details["best_neighbour_similarity"]) for f in found] == [(0.5, 0.812)]


def test_similarity_at_the_threshold_covers_just_below_it_does_not():
    assert OmissionCheck().run(gap_event(before=0.45, after=0.0, merged_before=1.0)) == []
    found = OmissionCheck().run(gap_event(before=0.4499, after=0.0, merged_before=1.0))
    assert [f.en for f in found] == [(1,)]
    assert found[0].details["neighbours"] == [{"fr": [0], "similarity": 0.45, "merge_drop": 0.0}]


def test_merge_drop_at_the_threshold_covers_just_above_it_does_not():
    config = CheckConfig(covered_merge_drop=0.25)
    assert OmissionCheck(config).run(gap_event(0.5, 0.0, merged_before=0.75)) == []
    found = OmissionCheck(config).run(gap_event(0.5, 0.0, merged_before=0.7421875))
    assert [f.details["neighbours"] for f in found] == [
        [{"fr": [0], "similarity": 0.5, "merge_drop": 0.258}]
    ]


def test_the_merge_is_tried_on_the_side_where_the_sentence_sits():
    # after the gap the neighbour's English follows the sentence: "gap + after"
    assert OmissionCheck().run(gap_event(0.0, 0.5, merged_after=1.0)) == []
    # the merge on the wrong side is not evidence: the before-bead's merge is unknown text
    found = OmissionCheck().run(gap_event(0.5, 0.0, merged_after=1.0))
    assert [f.en for f in found] == [(1,)]


def test_a_covering_neighbour_wins_over_a_closer_one_whose_merge_costs():
    # before: 0.6 similar but merging drops its bead by 0.5; after: 0.5 and free to merge
    assert OmissionCheck().run(gap_event(0.6, 0.5, merged_before=0.5, merged_after=1.0)) == []
    assert OmissionCheck().run(gap_event(0.5, 0.6, merged_before=1.0, merged_after=0.5)) == []


@pytest.mark.parametrize(
    ("before", "after", "best_fr", "best"),
    [(0.25, 0.40625, [1], 0.406), (0.40625, 0.25, [0], 0.406), (0.375, 0.375, [0], 0.375)],
)
def test_without_cover_the_closest_neighbour_is_the_evidence(before, after, best_fr, best):
    found = OmissionCheck().run(gap_event(before, after, merged_before=0.5, merged_after=0.5))
    assert [f.details["neighbours"] for f in found] == [
        [{"fr": best_fr, "similarity": best, "merge_drop": 0.5}]
    ]
    assert found[0].details["best_neighbour_similarity"] == best


def test_a_french_sentence_left_alone_beside_the_gap_covers_it_without_a_merge():
    # the aligner split a 1-1 pair into 1-0 and 0-1: the French-only bead has no English
    # whose similarity a merge could lower
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_AFTER: mix(a1=1.0),
        EN_GAP: mix(a1=0.5, a2=math.sqrt(0.75)),
    }
    data = event(
        [FR_BEFORE, FR_AFTER],
        [EN_BEFORE, EN_GAP],
        [([0], [0]), ([], [1]), ([1], [])],
        encoder=SentenceVectors(vectors),
    )
    assert OmissionCheck().run(data) == []


GAPS = [
    "The Governor reported on the restoration of housing.",
    "Schools reopened in all the border districts.",
    "Four new hospitals were built in the region this year.",
    "Roads and bridges are being repaired.",
    "The President asked about gas supplies to the villages.",
]


def test_only_french_within_two_beads_may_cover_a_gap():
    # every English sentence is 0.5 similar to both French lines, which stand alone at the
    # ends; the middle one is three beads from each
    vectors = {FR_BEFORE: mix(a0=1.0), FR_AFTER: mix(a0=1.0)}
    vectors |= {t: mix(a0=0.5, a1=math.sqrt(0.75)) for t in GAPS}
    beads = [([0], []), *[([], [i]) for i in range(5)], ([1], [])]
    data = event([FR_BEFORE, FR_AFTER], GAPS, beads, encoder=SentenceVectors(vectors))
    found = OmissionCheck().run(data)
    assert [(f.en, f.severity, f.confidence) for f in found] == [((2,), Severity.MEDIUM, 0.95)]
    assert found[0].details["neighbours"] == [{"fr": [], "similarity": 0.0, "merge_drop": 0.0}]
    assert found[0].details["best_neighbour_similarity"] == 0.0
    assert OmissionCheck(CheckConfig(neighbour_beads=3)).run(data) == []
    narrow = OmissionCheck(CheckConfig(neighbour_beads=1)).run(data)
    assert [f.en for f in narrow] == [(1, 2, 3)]


def test_a_covered_sentence_splits_a_run_of_omissions():
    vectors = {FR_BEFORE: mix(a0=1.0), FR_AFTER: mix(a0=1.0)}
    vectors |= {t: mix(a1=1.0) for t in GAPS}
    vectors[GAPS[2]] = mix(a0=1.0)  # close to both French lines
    beads = [([0], []), *[([], [i]) for i in range(5)], ([1], [])]
    data = event([FR_BEFORE, FR_AFTER], GAPS, beads, encoder=SentenceVectors(vectors))
    found = OmissionCheck(CheckConfig(neighbour_beads=3)).run(data)
    assert [(f.en, f.severity) for f in found] == [((0, 1), Severity.HIGH), ((3, 4), Severity.HIGH)]
    assert found[0].message == (
        "2 English sentences have no French translation: “The Governor reported on the "
        "restoration of housing.”"
    )
    assert found[0].details["neighbours"] == [
        {"fr": [0], "similarity": 0.0, "merge_drop": 0.0},
        {"fr": [0], "similarity": 0.0, "merge_drop": 0.0},
    ]
    assert found[0].details["en_texts"] == GAPS[:2]
    assert found[0].details["words"] == 15
    assert found[0].id == finding_id(FindingType.OMISSION, *GAPS[:2])


def test_a_bead_with_french_ends_a_run_of_omissions():
    fr = ["Le gouverneur a parlé du logement.", "Les routes sont en réparation."]
    en = [GAPS[1], GAPS[2], GAPS[0], GAPS[3], GAPS[4]]
    vectors = {fr[0]: mix(a0=1.0), GAPS[0]: mix(a0=1.0), fr[1]: mix(a1=1.0)}
    vectors[GAPS[4]] = mix(a1=1.0)
    beads = [([], [0]), ([], [1]), ([0], [2]), ([], [3]), ([1], [4])]
    found = OmissionCheck().run(event(fr, en, beads, encoder=SentenceVectors(vectors)))
    assert [f.en for f in found] == [(0, 1), (3,)]


# --- the confidence and severity of an omission without an encoder -------------------------


def test_without_an_encoder_an_omission_rests_on_the_aligner_alone():
    data = event(
        [FR_BEFORE, FR_AFTER], [EN_BEFORE, EN_GAP, EN_AFTER], [([0], [0]), ([], [1]), ([1], [2])]
    )
    (found,) = OmissionCheck().run(data)
    assert found.confidence == 0.6
    assert found.details == {
        "en_texts": [EN_GAP],
        "words": 13,
        "best_neighbour_similarity": None,
        "neighbours": [],
        "covered_similarity_threshold": 0.45,
    }


@pytest.mark.parametrize(
    ("dropped", "severity"),
    [
        ("Thank you.", Severity.LOW),
        ("Thank you very much.", Severity.LOW),  # 4 words
        ("Thank you very much, colleagues.", Severity.MEDIUM),
        (
            "The Governor reported on the progress of the construction of the new bridge today.",
            Severity.MEDIUM,
        ),  # 14
        (
            "The Governor reported on the progress of the construction of the new bridge"
            " this week.",
            Severity.HIGH,
        ),  # 15
    ],
)
def test_severity_by_length(dropped, severity):
    data = event(
        [FR_BEFORE, FR_AFTER], [EN_BEFORE, dropped, EN_AFTER], [([0], [0]), ([], [1]), ([1], [2])]
    )
    assert [f.severity for f in OmissionCheck().run(data)] == [severity]


def test_the_short_sentence_limit_is_a_setting():
    data = event(
        [FR_BEFORE, FR_AFTER],
        [EN_BEFORE, "Thank you very much, colleagues.", EN_AFTER],
        [([0], [0]), ([], [1]), ([1], [2])],
    )
    found = OmissionCheck(CheckConfig(short_sentence_words=5)).run(data)
    assert [f.severity for f in found] == [Severity.LOW]


# --- a French line kept out of the alignment (caption, heading) ------------------------------

CAPTION = "Le gouverneur de la région de Koursk Alexander Khinshtein."
EN_NAMED = "Governor of the Kursk Region Alexander Khinshtein."


def caption_event(caption: float, aligned: float = 0.0, other: float = 0.0):
    """A gap English sentence `caption` similar to a French caption and `aligned` to the
    aligned French before it; the caption is `other` similar to the English after."""
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_AFTER: mix(a1=1.0),
        EN_AFTER: mix(a1=1.0, a5=0.0),
        CAPTION: mix(a5=1.0),
        EN_NAMED: mix(a5=caption, a0=aligned, a6=math.sqrt(1 - caption**2 - aligned**2)),
    }
    vectors[EN_AFTER] = mix(a1=math.sqrt(1 - other**2), a5=other)
    return event(
        [FR_BEFORE, (CAPTION, "caption"), FR_AFTER],
        [EN_BEFORE, EN_NAMED, EN_AFTER],
        [([0], [0]), ([], [1]), ([2], [2])],
        encoder=SentenceVectors(vectors),
    )


def test_a_caption_that_translates_the_sentence_excuses_it():
    assert loose_lines(caption_event(0.8)) == [1]
    assert OmissionCheck().run(caption_event(0.8)) == []
    assert OmissionCheck().run(caption_event(0.6)) == []  # the limit is inclusive
    found = OmissionCheck().run(caption_event(0.59375))
    assert [f.en for f in found] == [(1,)]


def test_the_caption_must_be_clearly_closer_than_the_aligned_french():
    assert OmissionCheck().run(caption_event(0.75, aligned=0.25)) == []
    assert OmissionCheck().run(caption_event(0.75, aligned=0.65)) == []  # 0.75 ≥ 0.65 + 0.1
    found = OmissionCheck().run(caption_event(0.7, aligned=0.625))  # 0.7 < 0.725
    assert [f.en for f in found] == [(1,)]
    # the evidence shown is the aligned French, not the caption
    assert found[0].details["neighbours"] == [
        {
            "fr": [0],
            "similarity": 0.625,
            "merge_drop": found[0].details["neighbours"][0]["merge_drop"],
        }
    ]


def test_the_caption_must_be_closest_to_this_sentence():
    # the caption is closer to the English after the gap (its own sentence)
    found = OmissionCheck().run(caption_event(0.75, other=0.8))
    assert [f.en for f in found] == [(1,)]
    assert OmissionCheck().run(caption_event(0.75, other=0.7)) == []


def test_the_loose_thresholds_are_settings():
    strict = OmissionCheck(CheckConfig(loose_similarity=0.8))
    assert [f.en for f in strict.run(caption_event(0.75))] == [(1,)]
    wide = OmissionCheck(CheckConfig(loose_margin=0.6))
    assert [f.en for f in wide.run(caption_event(0.75, aligned=0.25))] == [(1,)]


def test_a_french_cut_is_no_loose_line():
    data = event(
        [FR_BEFORE, ("<…>", "elision"), ("Photo : kremlin.ru", "caption"), FR_AFTER],
        [EN_BEFORE, EN_AFTER],
        [([0], [0]), ([3], [1])],
    )
    assert loose_lines(data) == [2]


# --- where the French declares a cut ---------------------------------------------------------

FR_CUT = [
    "J’ai eu le grand honneur de vous rencontrer à deux reprises en 2013 et 2017.",
    ("<…>", "elision"),
    "Cette fois-ci, nous sommes ici en Russie pour mettre en œuvre les accords conclus.",
]
EN_CUT = [
    "I had the great honour of meeting you twice, in 2013 and 2017.",
    "Under your leadership, the Russian Federation has stood firm against Western sanctions.",
    "You have China’s respect for this.",
    "This time we are here in Russia to implement the agreements that were reached.",
]


def test_english_cut_at_a_french_elision_is_one_elided_finding():
    data = event(FR_CUT, EN_CUT, [([0], [0]), ([], [1]), ([], [2]), ([2], [3])])
    assert elided_bead_positions(data) == {1: 1, 2: 1}
    assert elision_neighbour_beads(data) == {0, 3}
    assert OmissionCheck().run(data) == [
        Finding(
            id=finding_id(FindingType.ELIDED, "<…>", EN_CUT[1], EN_CUT[2]),
            type=FindingType.ELIDED,
            severity=Severity.INFO,
            confidence=0.9,
            fr=(1,),
            en=(1, 2),
            message="The French marks a cut (<…>) here; 2 English sentences left out: “Under "
            "your leadership, the Russian Federation has stood fir…”",
            details={"en_texts": EN_CUT[1:3], "reason": "elision"},
        )
    ]


def test_one_sentence_cut_is_said_in_the_singular():
    data = event(FR_CUT, [EN_CUT[0], EN_CUT[2], EN_CUT[3]], [([0], [0]), ([], [1]), ([2], [2])])
    (found,) = OmissionCheck().run(data)
    assert found.message == (
        "The French marks a cut (<…>) here; 1 English sentence left out: “You have China’s "
        "respect for this.”"
    )


def test_a_cut_at_the_start_or_end_of_the_french_takes_the_english_up_to_that_edge():
    start = event(
        [("<…>", "elision"), FR_CUT[2]], EN_CUT, [([], [0]), ([], [1]), ([], [2]), ([1], [3])]
    )
    assert elided_bead_positions(start) == {0: 0, 1: 0, 2: 0}
    assert elision_neighbour_beads(start) == {3}
    end = event(
        [FR_CUT[0], ("<…>", "elision")], EN_CUT, [([0], [0]), ([], [1]), ([], [2]), ([], [3])]
    )
    assert elided_bead_positions(end) == {1: 1, 2: 1, 3: 1}
    assert elision_neighbour_beads(end) == {0}
    assert [(f.type, f.en, f.fr) for f in OmissionCheck().run(end)] == [
        (FindingType.ELIDED, (1, 2, 3), (1,))
    ]


def test_english_beyond_the_cut_gap_is_not_elided():
    fr = [FR_CUT[0], ("<…>", "elision"), FR_CUT[2], "Merci."]
    en = [*EN_CUT, "Thank you very much, colleagues."]
    data = event(fr, en, [([0], [0]), ([], [1]), ([2], [3]), ([], [4]), ([3], [])])
    assert elided_bead_positions(data) == {1: 1}
    found = OmissionCheck().run(data)
    assert [(f.type, f.en) for f in found] == [
        (FindingType.ELIDED, (1,)),
        (FindingType.OMISSION, (4,)),
    ]


FR_TRUNCATED = [
    "Je voudrais demander à M. Rechetnikov de parler de ce problème plus en détail.",
    ("À suivre.", "other"),
]
EN_TRUNCATED = [
    "I would like to ask Mr Reshetnikov to speak about this in more detail.",
    "Maxim Reshetnikov: Mr President, colleagues,",
    "In recent years, the Government has taken a number of measures to support exporters.",
    "Thank you.",
]


def test_a_translation_that_stops_says_what_the_english_still_has():
    data = event(
        FR_TRUNCATED,
        EN_TRUNCATED,
        [([0], [0]), ([], [1]), ([], [2]), ([], [3])],
        truncated=True,
    )
    assert truncated_tail(data) == [1, 2, 3]
    assert OmissionCheck().run(data) == [
        Finding(
            id=finding_id(FindingType.ELIDED, "à suivre", *EN_TRUNCATED[1:]),
            type=FindingType.ELIDED,
            severity=Severity.INFO,
            confidence=0.95,
            fr=(1,),
            en=(1, 2, 3),
            message="Translation stops here (“À suivre.”); 3 English sentences remain (21 "
            "words), from “Maxim Reshetnikov: Mr President, colleagues,”",
            details={
                "reason": "truncated",
                "remaining_sentences": 3,
                "remaining_words": 21,
                "first_remaining": EN_TRUNCATED[1],
                "last_remaining": EN_TRUNCATED[3],
            },
        )
    ]


def test_one_remaining_sentence_is_said_in_the_singular_and_a_long_one_shortened():
    en = [EN_TRUNCATED[0], EN_TRUNCATED[2]]
    data = event(FR_TRUNCATED, en, [([0], [0]), ([], [1])], truncated=True)
    (found,) = OmissionCheck().run(data)
    assert found.message == (
        "Translation stops here (“À suivre.”); 1 English sentence remains (14 words), from "
        "“In recent years, the Government has taken a numbe…”"
    )
    assert found.en == (1,) and found.fr == (1,)


def test_without_the_to_be_continued_mark_the_tail_is_omitted():
    data = event(FR_TRUNCATED[:1], EN_TRUNCATED, [([0], [0]), ([], [1]), ([], [2]), ([], [3])])
    assert truncated_tail(data) == []
    assert [(f.type, f.en) for f in OmissionCheck().run(data)] == [
        (FindingType.OMISSION, (1, 2, 3))
    ]


def test_english_before_the_last_french_is_no_tail():
    fr = [FR_TRUNCATED[0], "Merci.", ("À suivre.", "other")]
    data = event(fr, EN_TRUNCATED, [([0], [0]), ([], [1]), ([1], [2]), ([], [3])], truncated=True)
    assert truncated_tail(data) == [3]
    found = OmissionCheck().run(data)
    assert [(f.type, f.en, f.fr) for f in found] == [
        (FindingType.ELIDED, (3,), (2,)),
        (FindingType.OMISSION, (1,), ()),
    ]


def test_a_truncated_event_without_french_beads_is_all_tail():
    data = event([("À suivre.", "other")], EN_TRUNCATED[:2], [([], [0]), ([], [1])], truncated=True)
    assert truncated_tail(data) == [0, 1]


def test_only_the_beads_next_to_a_cut_touch_it():
    fr = ["Bonjour.", FR_CUT[0], ("<…>", "elision"), FR_CUT[2], "Merci."]
    en = ["Good afternoon.", *EN_CUT, "Thank you."]
    beads = [([0], [0]), ([1], [1]), ([], [2]), ([], [3]), ([3], [4]), ([4], [5])]
    assert elision_neighbour_beads(event(fr, en, beads)) == {1, 4}


def test_english_dropped_before_the_french_that_precedes_a_cut_is_an_omission():
    fr = ["Bonjour.", FR_CUT[0], ("<…>", "elision"), FR_CUT[2]]
    en = ["Good afternoon.", "Thank you very much, colleagues.", *EN_CUT]
    beads = [([0], [0]), ([], [1]), ([1], [2]), ([], [3]), ([], [4]), ([3], [5])]
    data = event(fr, en, beads)
    assert elided_bead_positions(data) == {3: 2, 4: 2}
    assert [(f.type, f.en) for f in OmissionCheck().run(data)] == [
        (FindingType.ELIDED, (3, 4)),
        (FindingType.OMISSION, (1,)),
    ]


def test_two_short_sentences_dropped_together_are_high():
    en = [EN_BEFORE, "Good afternoon, colleagues.", "Let us begin our meeting.", EN_AFTER]
    data = event([FR_BEFORE, FR_AFTER], en, [([0], [0]), ([], [1]), ([], [2]), ([1], [3])])
    assert [(f.en, f.severity, f.details["words"]) for f in OmissionCheck().run(data)] == [
        ((1, 2), Severity.HIGH, 8)
    ]


def test_a_gap_bead_of_two_sentences_keeps_the_one_its_neighbour_does_not_cover():
    # the neighbour French covers the first sentence of a 0-2 bead, not the second
    second = "Four new hospitals were built in the region this year."
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_AFTER: mix(a1=1.0),
        EN_GAP: mix(a1=1.0),
        second: mix(a2=1.0),
    }
    data = event(
        [FR_BEFORE, FR_AFTER],
        [EN_BEFORE, EN_GAP, second],
        [([0], [0]), ([], [1, 2]), ([1], [])],
        encoder=SentenceVectors(vectors),
    )
    assert [f.en for f in OmissionCheck().run(data)] == [(2,)]


def test_a_caption_may_excuse_a_sentence_that_no_aligned_french_is_near():
    # the French of this event is a photo caption alone: nothing aligned, nothing nearby
    vectors = {CAPTION: mix(a5=1.0), EN_NAMED: mix(a5=0.8, a6=0.6)}
    data = event([(CAPTION, "caption")], [EN_NAMED], [([], [0])], encoder=SentenceVectors(vectors))
    assert OmissionCheck().run(data) == []
    vectors[EN_NAMED] = mix(a5=0.5, a6=math.sqrt(0.75))
    data = event([(CAPTION, "caption")], [EN_NAMED], [([], [0])], encoder=SentenceVectors(vectors))
    assert [f.details["neighbours"] for f in OmissionCheck().run(data)] == [
        [{"fr": [], "similarity": 0.0, "merge_drop": 0.0}]
    ]


def test_of_two_captions_the_one_that_translates_the_sentence_excuses_it():
    tag = "Région de Koursk"
    for order in ([(tag, "tag"), (CAPTION, "caption")], [(CAPTION, "caption"), (tag, "tag")]):
        vectors = {
            CAPTION: mix(a5=1.0),
            tag: mix(a7=1.0),
            EN_NAMED: mix(a5=0.8, a7=0.36, a6=math.sqrt(1 - 0.64 - 0.36**2)),
        }
        data = event(
            [FR_BEFORE, *order],
            [EN_BEFORE, EN_NAMED],
            [([0], [0]), ([], [1])],
            encoder=SentenceVectors(vectors | {FR_BEFORE: mix(a0=1.0), EN_BEFORE: mix(a0=1.0)}),
        )
        assert OmissionCheck().run(data) == []


def test_the_finding_points_at_the_last_line_after_the_french():
    fr = [FR_TRUNCATED[0], ("Traduction : Le Courrier de Russie", "other"), ("À suivre.", "other")]
    data = event(fr, EN_TRUNCATED, [([0], [0]), ([], [1]), ([], [2]), ([], [3])], truncated=True)
    assert [(f.fr, f.en) for f in OmissionCheck().run(data)] == [((2,), (1, 2, 3))]
