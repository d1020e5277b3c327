"""French without English (`AdditionCheck`): a French sentence split off its neighbour's
translation is covered, a translator's addition is reported, captions and tags are one info
per run, and an English original that stops early (or starts late) is one `english_stops`
finding, not one addition per French sentence.

Similarities are set by a designed encoder (tests/sentence_vectors.py), so each threshold is
tested at its edge."""

from __future__ import annotations

import math

import pytest
from sentence_vectors import SentenceVectors, event, mix

from align.checks import CheckConfig
from align.checks.omissions import (
    AdditionCheck,
    EnglishEdge,
    english_edges,
    english_stops_finding,
)
from align.model import Finding, FindingType, Severity, finding_id

FR_BEFORE = "Le Président a rencontré le gouverneur de la région de Koursk."
FR_ADDED = "Rappelons que la région de Koursk a été attaquée en août 2024."
FR_AFTER = "Ils ont discuté du soutien aux habitants."
EN_BEFORE = "The President met with the Governor of the Kursk Region."
EN_AFTER = "They discussed support for the residents."


def added_event(before: float, after: float, merged_before=0.0, merged_after=0.0):
    """The French sentence without English is `before` similar to the English before it and
    `after` to the English after; adding it to a neighbour's French brings that bead's
    similarity from 1.0 to `merged_before` / `merged_after`."""
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_AFTER: mix(a1=1.0),
        EN_AFTER: mix(a1=1.0),
        FR_ADDED: mix(a0=before, a1=after, a2=math.sqrt(1 - before**2 - after**2)),
        f"{FR_BEFORE} {FR_ADDED}": mix(a0=merged_before, a3=math.sqrt(1 - merged_before**2)),
        f"{FR_ADDED} {FR_AFTER}": mix(a1=merged_after, a4=math.sqrt(1 - merged_after**2)),
    }
    return event(
        [FR_BEFORE, FR_ADDED, FR_AFTER],
        [EN_BEFORE, EN_AFTER],
        [([0], [0]), ([1], []), ([2], [1])],
        encoder=SentenceVectors(vectors),
    )


def test_a_french_sentence_without_english_is_an_addition():
    assert AdditionCheck().run(added_event(0.25, 0.125, merged_before=0.5)) == [
        Finding(
            id=finding_id(FindingType.ADDITION, FR_ADDED),
            type=FindingType.ADDITION,
            severity=Severity.MEDIUM,
            confidence=0.7,
            fr=(1,),
            en=(),
            message="French sentence has no English counterpart: “Rappelons que la région de "
            "Koursk a été attaquée en août 2024.”",
            details={"fr_texts": [FR_ADDED], "words": 12},
        )
    ]


def test_without_an_encoder_the_addition_rests_on_the_aligner():
    data = event(
        [FR_BEFORE, FR_ADDED, FR_AFTER], [EN_BEFORE, EN_AFTER], [([0], [0]), ([1], []), ([2], [1])]
    )
    assert [(f.fr, f.confidence) for f in AdditionCheck().run(data)] == [((1,), 0.55)]


def test_similarity_at_the_threshold_covers_just_below_it_does_not():
    assert AdditionCheck().run(added_event(0.45, 0.0, merged_before=1.0)) == []
    found = AdditionCheck().run(added_event(0.4499, 0.0, merged_before=1.0))
    assert [f.fr for f in found] == [(1,)]


def test_merge_drop_at_the_threshold_covers_just_above_it_does_not():
    config = CheckConfig(covered_merge_drop=0.25)
    assert AdditionCheck(config).run(added_event(0.5, 0.0, merged_before=0.75)) == []
    found = AdditionCheck(config).run(added_event(0.5, 0.0, merged_before=0.7421875))
    assert [f.fr for f in found] == [(1,)]
    assert AdditionCheck(CheckConfig(covered_similarity=0.6)).run(
        added_event(0.5, 0.0, merged_before=1.0)
    ) == [AdditionCheck().run(added_event(0.0, 0.0))[0]]


def test_the_merge_is_tried_on_the_side_where_the_sentence_sits():
    assert AdditionCheck().run(added_event(0.0, 0.5, merged_after=1.0)) == []
    assert [f.fr for f in AdditionCheck().run(added_event(0.5, 0.0, merged_after=1.0))] == [(1,)]
    assert [f.fr for f in AdditionCheck().run(added_event(0.0, 0.5, merged_before=1.0))] == [(1,)]


def test_any_neighbour_that_covers_it_is_enough():
    # the English before is closer but its bead loses 0.5 when the sentence joins it
    assert AdditionCheck().run(added_event(0.6, 0.5, merged_before=0.5, merged_after=1.0)) == []
    assert AdditionCheck().run(added_event(0.5, 0.6, merged_before=1.0, merged_after=0.5)) == []


def test_english_left_alone_beside_it_covers_it_without_a_merge():
    # the aligner split a 1-1 pair into 1-0 and 0-1
    en_split = "The Kursk Region was attacked in August 2024, we recall."
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        FR_ADDED: mix(a5=0.5, a2=math.sqrt(0.75)),
        en_split: mix(a5=1.0),
    }
    data = event(
        [FR_BEFORE, FR_ADDED],
        [EN_BEFORE, en_split],
        [([0], [0]), ([1], []), ([], [1])],
        encoder=SentenceVectors(vectors),
    )
    assert AdditionCheck().run(data) == []
    vectors[FR_ADDED] = mix(a5=0.4375, a2=math.sqrt(1 - 0.4375**2))
    data = event(
        [FR_BEFORE, FR_ADDED],
        [EN_BEFORE, en_split],
        [([0], [0]), ([1], []), ([], [1])],
        encoder=SentenceVectors(vectors),
    )
    assert [f.fr for f in AdditionCheck().run(data)] == [(1,)]


NOTES = [
    "Rappelons que la région de Koursk a été attaquée en août 2024.",
    "Plus de cent mille habitants ont dû quitter leur foyer.",
    "Le gouverneur a été nommé en décembre.",
    "Il avait auparavant dirigé une commission de la Douma.",
    "La reconstruction doit durer plusieurs années.",
]


def test_only_english_within_two_beads_may_cover_it():
    # English lines at both ends, each 0.5 similar to every French line between them
    en = ["Residents of the border districts were evacuated.", "Reconstruction will take years."]
    vectors = {t: mix(a0=0.5, a1=math.sqrt(0.75)) for t in NOTES}
    vectors |= {en[0]: mix(a0=1.0), en[1]: mix(a0=1.0)}
    beads = [([], [0]), *[([i], []) for i in range(5)], ([], [1])]
    data = event(NOTES, en, beads, encoder=SentenceVectors(vectors))
    assert [f.fr for f in AdditionCheck().run(data)] == [(2,)]
    assert AdditionCheck(CheckConfig(neighbour_beads=3)).run(data) == []
    assert [f.fr for f in AdditionCheck(CheckConfig(neighbour_beads=1)).run(data)] == [
        (1,),
        (2,),
        (3,),
    ]


def test_a_bead_of_french_keeps_the_sentences_no_neighbour_covers():
    vectors = {
        FR_BEFORE: mix(a0=1.0),
        EN_BEFORE: mix(a0=1.0),
        NOTES[1]: mix(a6=1.0),
        NOTES[2]: mix(a7=1.0),
        f"{FR_BEFORE} {NOTES[0]}": mix(a0=1.0),
        NOTES[0]: mix(a0=0.5, a2=math.sqrt(0.75)),
    }
    data = event(
        [FR_BEFORE, *NOTES[:3], FR_AFTER],
        [EN_BEFORE, EN_AFTER],
        [([0], [0]), ([1, 2, 3], []), ([4], [1])],
        encoder=SentenceVectors(vectors | {FR_AFTER: mix(a1=1.0), EN_AFTER: mix(a1=1.0)}),
    )
    (found,) = AdditionCheck().run(data)
    assert found.fr == (2, 3)
    assert found.message == (
        "2 French sentences have no English counterpart: “Plus de cent mille habitants ont dû "
        "quitter leur foyer.”"
    )
    assert found.details == {"fr_texts": NOTES[1:3], "words": 17}
    assert found.id == finding_id(FindingType.ADDITION, *NOTES[1:3])


@pytest.mark.parametrize(
    ("added", "severity"),
    [("Merci beaucoup à tous.", Severity.LOW), ("Merci beaucoup à vous tous.", Severity.MEDIUM)],
)
def test_a_short_addition_is_low(added, severity):
    data = event(
        [FR_BEFORE, added, FR_AFTER], [EN_BEFORE, EN_AFTER], [([0], [0]), ([1], []), ([2], [1])]
    )
    assert [f.severity for f in AdditionCheck().run(data)] == [severity]
    lenient = AdditionCheck(CheckConfig(short_sentence_words=5))
    assert [f.severity for f in lenient.run(data)] == [Severity.LOW]


def test_a_long_addition_is_shortened_in_the_message():
    long = (
        "Rappelons que la région de Koursk a été envahie en août 2024 par des unités "
        "venues d’Ukraine."
    )
    data = event(
        [FR_BEFORE, long, FR_AFTER], [EN_BEFORE, EN_AFTER], [([0], [0]), ([1], []), ([2], [1])]
    )
    (found,) = AdditionCheck().run(data)
    assert found.message == (
        "French sentence has no English counterpart: “Rappelons que la région de Koursk a été "
        "envahie en août 2024 par des…”"
    )


# --- captions, tags, notes: one info per run ---------------------------------------------------


def test_lines_that_are_not_translation_are_one_info_per_run():
    fr = [
        ("Vladimir Poutine et Alexandre Khinchtein à Koursk. Photo : kremlin.ru", "caption"),
        ("Région de Koursk", "tag"),
        FR_BEFORE,
        ("NdT : la région a été attaquée en août 2024.", "note"),
        FR_AFTER,
        ("Source : kremlin.ru", "other"),
    ]
    data = event(fr, [EN_BEFORE, EN_AFTER], [([2], [0]), ([4], [1])])
    assert AdditionCheck().run(data) == [
        Finding(
            id=finding_id(FindingType.ADDITION, "classified", fr[0][0], fr[1][0]),
            type=FindingType.ADDITION,
            severity=Severity.INFO,
            confidence=0.9,
            fr=(0, 1),
            en=(),
            message="2 French lines classified as photo caption, site tag, not compared with the "
            "English: “Vladimir Poutine et Alexandre Khinchtein à Koursk…”",
            details={"kinds": ["caption", "tag"], "fr_texts": [fr[0][0], fr[1][0]]},
        ),
        Finding(
            id=finding_id(FindingType.ADDITION, "classified", fr[3][0]),
            type=FindingType.ADDITION,
            severity=Severity.INFO,
            confidence=0.9,
            fr=(3,),
            en=(),
            message="1 French line classified as translator note, not compared with the "
            "English: “NdT : la région a été attaquée en août 2024.”",
            details={"kinds": ["note"], "fr_texts": [fr[3][0]]},
        ),
        Finding(
            id=finding_id(FindingType.ADDITION, "classified", fr[5][0]),
            type=FindingType.ADDITION,
            severity=Severity.INFO,
            confidence=0.9,
            fr=(5,),
            en=(),
            message="1 French line classified as other, not compared with the English: "
            "“Source : kremlin.ru”",
            details={"kinds": ["other"], "fr_texts": [fr[5][0]]},
        ),
    ]


def test_kinds_are_named_once_in_order():
    fr = [
        ("Région de Koursk", "tag"),
        ("Photo : kremlin.ru", "caption"),
        ("Gouverneur", "tag"),
        FR_BEFORE,
    ]
    (found,) = AdditionCheck().run(event(fr, [EN_BEFORE], [([3], [0])]))
    assert found.details["kinds"] == ["caption", "tag"]
    assert found.message.startswith(
        "3 French lines classified as photo caption, site tag, not compared"
    )


def test_a_cut_is_not_a_classified_line():
    fr = [FR_BEFORE, ("<…>", "elision"), FR_AFTER]
    data = event(fr, [EN_BEFORE, EN_AFTER], [([0], [0]), ([2], [1])])
    assert AdditionCheck().run(data) == []


# --- the English original stops early or starts late -------------------------------------------

FR_MEETING = [
    "Le Président a tenu une réunion avec les membres du Gouvernement.",
    "Il a été question du budget fédéral pour les trois prochaines années.",
    "Le ministre des Finances a présenté les principaux paramètres du budget.",
    "Les dépenses sociales augmenteront de 7 % l’an prochain.",
    "Le Président a demandé que les régions reçoivent leurs transferts à temps.",
    "La ministre de la Santé a rendu compte de la campagne de vaccination.",
    "Plus de 40 millions de personnes ont été vaccinées cette année.",
    "Le Président a remercié les médecins pour leur travail.",
]
EN_MEETING = [
    "The President held a meeting with Government members.",
    "They discussed the federal budget for the next three years.",
    "The Finance Minister presented the budget’s main parameters.",
]


def test_french_after_the_last_english_is_one_finding_where_the_english_stops():
    beads = [([0], [0]), ([1], [1]), ([2], [2]), ([3], []), ([4, 5], []), ([6], []), ([7], [])]
    data = event(FR_MEETING, EN_MEETING, beads)
    assert english_edges(data) == [EnglishEdge("end", (3, 4, 5, 6, 7), 2)]
    assert AdditionCheck().run(data) == [
        Finding(
            id=finding_id(FindingType.ADDITION, "english_stops:end", FR_MEETING[3], FR_MEETING[7]),
            type=FindingType.ADDITION,
            severity=Severity.MEDIUM,
            confidence=0.8,
            fr=(3, 4, 5, 6, 7),
            en=(2,),
            message="The English original stops here; the 5 French sentences after it were not "
            "compared (is the original a partial page or an excerpt?). Last English sentence: "
            "“The Finance Minister presented the budget’s main parameters.”",
            details={
                "kind": "english_stops",
                "where": "end",
                "french_not_compared": 5,
                "first_not_compared": FR_MEETING[3],
                "last_not_compared": FR_MEETING[7],
                "english_neighbour": EN_MEETING[2],
            },
        )
    ]


def test_french_before_the_first_english_is_one_finding_where_the_english_starts():
    en = [
        "The Health Minister reported on the results of the vaccination campaign in the regions.",
        "More than 40 million people were vaccinated this year.",
        "The President thanked the doctors for their work.",
    ]
    beads = [([i], []) for i in range(5)] + [([5], [0]), ([6], [1]), ([7], [2])]
    data = event(FR_MEETING, en, beads)
    assert english_edges(data) == [EnglishEdge("start", (0, 1, 2, 3, 4), 0)]
    (found,) = AdditionCheck().run(data)
    assert found.message == (
        "The English original starts later than the French: the 5 French sentences before its "
        "first sentence were not compared (is the original an excerpt?). First English "
        "sentence: “The Health Minister reported on the results of the vaccinat…”"
    )
    assert found.id == finding_id(
        FindingType.ADDITION, "english_stops:start", FR_MEETING[0], FR_MEETING[4]
    )
    assert (found.details["where"], found.details["english_neighbour"]) == ("start", en[0])


def test_three_french_sentences_make_an_edge_two_stay_additions():
    three = [([0], [0]), ([1], [1]), ([2], [2]), ([3], []), ([4], []), ([5], [])]
    data = event(FR_MEETING[:6], EN_MEETING, three)
    assert [e.fr for e in english_edges(data)] == [(3, 4, 5)]
    two = event(FR_MEETING[:5], EN_MEETING, three[:5])
    assert english_edges(two) == []
    assert [(f.fr, f.details.get("kind")) for f in AdditionCheck().run(two)] == [
        ((3,), None),
        ((4,), None),
    ]
    assert [e.fr for e in english_edges(two, CheckConfig(english_edge_min_sentences=2))] == [(3, 4)]
    starts = event(
        FR_MEETING[:5], EN_MEETING[:2], [([0], []), ([1], []), ([2], []), ([3], [0]), ([4], [1])]
    )
    assert [(e.where, e.fr) for e in english_edges(starts)] == [("start", (0, 1, 2))]


def test_both_edges_at_once_and_additions_between_them():
    en = ["They discussed the federal budget for the next three years."]
    beads = [([0], []), ([1], []), ([2], []), ([3], [0]), ([4], []), ([5], []), ([6], [])]
    data = event(FR_MEETING[:7], en, beads)
    assert english_edges(data) == [
        EnglishEdge("start", (0, 1, 2), 0),
        EnglishEdge("end", (4, 5, 6), 0),
    ]
    assert [f.fr for f in AdditionCheck().run(data)] == [(0, 1, 2), (4, 5, 6)]


def test_french_only_in_the_middle_is_no_edge():
    beads = [([0], [0]), ([1], []), ([2], []), ([3], []), ([4], [1]), ([5, 6, 7], [2])]
    data = event(FR_MEETING, EN_MEETING, beads)
    assert english_edges(data) == []
    assert [f.fr for f in AdditionCheck().run(data)] == [(1,), (2,), (3,)]


def test_no_english_at_all_is_no_edge():
    assert english_edges(event(FR_MEETING[:3], [], [([0], []), ([1], []), ([2], [])])) == []


TITLE_FR = "Réunion avec les membres du Gouvernement"
TITLE_EN = "Meeting with Government members"
EN_LATE = [
    "The Health Minister reported on the vaccination campaign.",
    "More than 40 million people were vaccinated this year.",
    "The President thanked the doctors for their work.",
]


def titled(beads, fr_blocks=range(9), en_blocks=range(4)):
    """The title is the first paragraph of each side, each later sentence a paragraph."""
    return event(
        [TITLE_FR, *FR_MEETING],
        [TITLE_EN, *EN_LATE],
        beads,
        fr_blocks=fr_blocks,
        en_blocks=en_blocks,
    )


EXCERPT = [([0], [0])] + [([i], []) for i in range(1, 6)] + [([6], [1]), ([7], [2]), ([8], [3])]


def test_an_excerpt_after_the_paired_titles_starts_after_the_title():
    assert english_edges(titled(EXCERPT)) == [EnglishEdge("start", (1, 2, 3, 4, 5), 1)]


def test_a_title_is_a_block_of_its_own_on_both_sides():
    # the French title block holds the first two sentences: the first bead is no title
    fr_blocks = [0, 0, *range(1, 8)]
    assert english_edges(titled(EXCERPT, fr_blocks=fr_blocks)) == []
    en_blocks = [0, 0, 1, 2]
    assert english_edges(titled(EXCERPT, en_blocks=en_blocks)) == []
    # one block for the whole text: no title to skip
    assert english_edges(titled(EXCERPT, fr_blocks=[0] * 9)) == []
    assert english_edges(titled(EXCERPT, en_blocks=[0] * 4)) == []


def test_a_title_bead_that_is_the_only_english_is_where_the_english_starts():
    data = event(
        [TITLE_FR, *FR_MEETING[:4]],
        [TITLE_EN],
        [([0], [0])] + [([i], []) for i in range(1, 5)],
        fr_blocks=range(5),
    )
    assert english_edges(data) == [EnglishEdge("end", (1, 2, 3, 4), 0)]


def test_english_stops_finding_names_the_sentences_left_out():
    data = event(FR_MEETING, EN_MEETING, [([0], [0])])
    found = english_stops_finding(data, EnglishEdge("end", (5, 6, 7), 1))
    assert found.fr == (5, 6, 7) and found.en == (1,)
    assert found.details == {
        "kind": "english_stops",
        "where": "end",
        "french_not_compared": 3,
        "first_not_compared": FR_MEETING[5],
        "last_not_compared": FR_MEETING[7],
        "english_neighbour": EN_MEETING[1],
    }
    assert "the 3 French sentences after it" in found.message


def test_the_edge_length_is_read_from_the_checks_config():
    beads = [([0], [0]), ([1], [1]), ([2], [2]), ([3], []), ([4], [])]
    data = event(FR_MEETING[:5], EN_MEETING, beads)
    found = AdditionCheck(CheckConfig(english_edge_min_sentences=2)).run(data)
    assert [(f.fr, f.details.get("kind")) for f in found] == [((3, 4), "english_stops")]


def test_one_bead_holding_all_the_french_after_the_english_is_the_edge_alone():
    beads = [([0], [0]), ([1], [1]), ([2], [2]), ([3, 4, 5], [])]
    found = AdditionCheck().run(event(FR_MEETING[:6], EN_MEETING, beads))
    assert [(f.fr, f.details.get("kind")) for f in found] == [((3, 4, 5), "english_stops")]


def test_after_the_title_one_english_bead_is_enough_to_start():
    beads = [([0], [0])] + [([i], []) for i in range(1, 6)] + [([6], [1])]
    data = event(
        [TITLE_FR, *FR_MEETING[:6]],
        [TITLE_EN, EN_LATE[0]],
        beads,
        fr_blocks=range(7),
        en_blocks=range(2),
    )
    assert english_edges(data) == [EnglishEdge("start", (1, 2, 3, 4, 5), 1)]


def test_a_long_last_english_sentence_is_shortened():
    last = "The Finance Minister presented the main parameters of the federal budget for 2025."
    data = event(FR_MEETING, [*EN_MEETING[:2], last], [([0], [0])])
    found = english_stops_finding(data, EnglishEdge("end", (5, 6, 7), 2))
    assert found.message.endswith(
        "Last English sentence: “The Finance Minister presented the main parameters of the f…”"
    )
