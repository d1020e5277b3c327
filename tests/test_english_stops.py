"""An English original shorter than its translation: one finding where it stops (or starts)."""

from __future__ import annotations

import pytest

from align.checks import CheckConfig, CheckInput, run_checks
from align.checks.omissions import AdditionCheck, english_edges
from align.model import Bead, FindingType, Sentence, Side

FR = [
    "Le Président a tenu une réunion avec les membres du Gouvernement.",
    "Il a été question du budget fédéral pour les trois prochaines années.",
    "Le ministre des Finances a présenté les principaux paramètres du budget.",
    "Les dépenses sociales augmenteront de 7 % l’an prochain.",
    "Le Président a demandé que les régions reçoivent leurs transferts à temps.",
    "La ministre de la Santé a rendu compte de la campagne de vaccination.",
    "Plus de 40 millions de personnes ont été vaccinées cette année.",
    "Le Président a remercié les médecins pour leur travail.",
]
EN = [
    "The President held a meeting with Government members.",
    "They discussed the federal budget for the next three years.",
    "The Finance Minister presented the budget’s main parameters.",
]


def make(fr, en, beads) -> CheckInput:
    return CheckInput(
        tuple(Sentence(Side.FR, i, t, 0, (0, len(t))) for i, t in enumerate(fr)),
        tuple(Sentence(Side.EN, i, t, 0, (0, len(t))) for i, t in enumerate(en)),
        tuple(Bead(tuple(f), tuple(e), 0.8 if f and e else 0.0) for f, e in beads),
    )


def test_french_after_the_last_english_is_one_finding_with_the_count():
    beads = [([0], [0]), ([1], [1]), ([2], [2])] + [([i], []) for i in range(3, 8)]
    findings = AdditionCheck().run(make(FR, EN, beads))
    assert len(findings) == 1
    stop = findings[0]
    assert stop.type == FindingType.ADDITION
    assert stop.details["kind"] == "english_stops"
    assert stop.details["where"] == "end"
    assert stop.details["french_not_compared"] == 5
    assert stop.fr == (3, 4, 5, 6, 7) and stop.en == (2,)
    assert "stops here" in stop.message and "5 French sentences" in stop.message


def test_french_before_the_first_english_is_one_finding_too():
    en = [
        "The Health Minister reported on the vaccination campaign.",
        "More than 40 million people were vaccinated this year.",
        "The President thanked the doctors for their work.",
    ]
    beads = [([i], []) for i in range(5)] + [([5], [0]), ([6], [1]), ([7], [2])]
    findings = AdditionCheck().run(make(FR, en, beads))
    assert [(f.details.get("kind"), f.details.get("where")) for f in findings] == [
        ("english_stops", "start")
    ]
    assert findings[0].details["french_not_compared"] == 5
    assert "starts later" in findings[0].message


def titled(fr, en, beads) -> CheckInput:
    """Sentence 0 of each side is its title (block 0); the rest one paragraph each."""
    return CheckInput(
        tuple(Sentence(Side.FR, i, t, i, (0, len(t))) for i, t in enumerate(fr)),
        tuple(Sentence(Side.EN, i, t, i, (0, len(t))) for i, t in enumerate(en)),
        tuple(Bead(tuple(f), tuple(e), 0.8 if f and e else 0.0) for f, e in beads),
    )


def test_an_excerpt_after_the_paired_titles_is_a_start_edge():
    fr = ["Réunion avec les membres du Gouvernement", *FR]
    en = [
        "Meeting with Government members",
        "The Health Minister reported on the vaccination campaign.",
        "More than 40 million people were vaccinated this year.",
        "The President thanked the doctors for their work.",
    ]
    beads = [([0], [0])] + [([i], []) for i in range(1, 6)] + [([6], [1]), ([7], [2]), ([8], [3])]
    findings = AdditionCheck().run(titled(fr, en, beads))
    assert [(f.details.get("where"), f.details.get("french_not_compared")) for f in findings] == [
        ("start", 5)
    ]
    assert findings[0].fr == (1, 2, 3, 4, 5) and findings[0].en == (1,)
    assert "starts later" in findings[0].message


def test_a_short_closing_run_stays_ordinary_additions():
    fr = FR[:5]
    beads = [([0], [0]), ([1], [1]), ([2], [2]), ([3], []), ([4], [])]
    data = make(fr, EN, beads)
    assert english_edges(data) == []
    findings = AdditionCheck().run(data)
    assert [f.details.get("kind") for f in findings] == [None, None]
    assert all(f.type == FindingType.ADDITION for f in findings)
    # the length of a run that counts is a threshold of the config
    assert len(english_edges(data, CheckConfig(english_edge_min_sentences=2))) == 1


def test_french_without_english_in_the_middle_is_not_an_edge():
    beads = [([0], [0]), ([1], []), ([2], []), ([3], []), ([4], [1]), ([5, 6, 7], [2])]
    data = make(FR, EN, beads)
    assert english_edges(data) == []
    assert all(f.details.get("kind") != "english_stops" for f in AdditionCheck().run(data))


def test_no_english_at_all_is_not_an_edge():
    data = make(FR[:3], [], [([0], []), ([1], []), ([2], [])])
    assert english_edges(data) == []


def test_run_checks_reports_one_finding_not_one_per_sentence():
    beads = [([0], [0]), ([1], [1]), ([2], [2])] + [([i], []) for i in range(3, 8)]
    findings = run_checks(make(FR, EN, beads))
    additions = [f for f in findings if f.type == FindingType.ADDITION]
    assert len(additions) == 1 and additions[0].details["french_not_compared"] == 5


@pytest.mark.slow
def test_real_aligner_and_encoder_leave_the_french_after_a_truncated_original_unpaired():
    """A saved excerpt of the original: its first three paragraphs only. The aligner must not
    pull the last English sentence onto a later French one, and the check says it once."""
    from align.embed.use import UseEncoder
    from align.pipeline import align_event

    fr_units = [("Réunion avec les membres du Gouvernement", None, "body")]
    fr_units += [(text, None, "body") for text in FR]
    en_units = [("Meeting with Government members", None, "body")]
    en_units += [(text, None, "body") for text in EN]
    event = align_event(fr_units, en_units, UseEncoder(threads=1))
    pairs = [(b.fr, b.en) for b in event.beads]
    assert pairs[:4] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    additions = [f for f in event.findings if f.type == FindingType.ADDITION]
    assert len(additions) == 1
    assert additions[0].details["kind"] == "english_stops"
    assert additions[0].details["french_not_compared"] == 5
    assert not [f for f in event.findings if f.type == FindingType.OMISSION]


@pytest.mark.slow
def test_real_aligner_and_encoder_on_an_excerpt_that_starts_later():
    from align.embed.use import UseEncoder
    from align.pipeline import align_event

    en = [
        "The Health Minister reported on the vaccination campaign.",
        "More than 40 million people were vaccinated this year.",
        "The President thanked the doctors for their work.",
    ]
    fr_units = [("Réunion avec les membres du Gouvernement", None, "body")]
    fr_units += [(text, None, "body") for text in FR]
    en_units = [("Meeting with Government members", None, "body")]
    en_units += [(text, None, "body") for text in en]
    event = align_event(fr_units, en_units, UseEncoder(threads=1))
    assert [(b.fr, b.en) for b in event.beads][-3:] == [((6,), (1,)), ((7,), (2,)), ((8,), (3,))]
    additions = [f for f in event.findings if f.type == FindingType.ADDITION]
    assert [(f.details.get("where"), f.details.get("french_not_compared")) for f in additions] == [
        ("start", 5)
    ]
