"""The edges of decisions that a mutation run (`make mutation`) found untested: each test here
fails when one rule of align/numbers/compare.py or align/checks/omissions.py is changed.

Sentences are written like the kremlin.ru transcripts and their French translations."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from test_checks import make

from align.checks import CheckConfig
from align.checks.numbers import NumberCheck
from align.checks.omissions import OmissionCheck
from align.model import FindingType, Severity
from align.numbers import extract_quantities
from align.numbers.compare import compare_quantities, same_quantity

# --- times: the French 24-hour clock against the English 12-hour one ------------------------


def one(text: str, lang: str):
    found = extract_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("french", "english", "same"),
    [
        ("à 15h05", "at 3:05 pm", True),
        ("à 15h05", "at 3:05", True),  # pages sometimes drop "pm": 15 and 3 are one hour
        ("à 13H40", "at 1:40", True),
        ("à 9h30", "at 9:30 am", True),
        ("à 15h05", "at 4:05 pm", False),
        ("à 15h05", "at 3:06 pm", False),
        ("à 15h05", "at 5:05", False),  # 15 mod 12 is 3, not 5
    ],
)
def test_times_agree_on_a_12_hour_clock(french: str, english: str, same: bool) -> None:
    fr, en = one(french, "fr"), one(english, "en")
    assert same_quantity(fr, en) is same
    assert same_quantity(en, fr) is same


def test_a_time_written_on_the_12_hour_clock_is_not_reported_as_altered() -> None:
    fr = "La réunion a commencé à 15h05 au Kremlin."
    en = "The meeting began at 3:05 in the Kremlin."
    comparison = compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))
    assert not comparison.altered and not comparison.missing and not comparison.added
    data = make([fr], [en], [([0], [0])])
    assert [f for f in NumberCheck().run(data) if f.type == FindingType.NUMBER] == []
    wrong = make(["La réunion a commencé à 16h05 au Kremlin."], [en], [([0], [0])])
    assert [f.type for f in NumberCheck().run(wrong)] == [FindingType.NUMBER]


# --- omissions: how long a dropped sentence is -----------------------------------------------

FR_AROUND = [
    "Le Président a tenu une réunion avec les membres du Conseil de sécurité.",
    "Ils ont discuté de la situation dans la région.",
]


@pytest.mark.parametrize(
    ("dropped", "severity"),
    [
        ("Thank you very much.", Severity.LOW),  # 4 words: the "Thank you." kind
        ("Thank you very much, colleagues.", Severity.MEDIUM),  # 5 words
        (
            "The Governor reported on the progress of the construction of the new bridge"
            " across the river.",  # 15 words
            Severity.HIGH,
        ),
    ],
)
def test_omission_severity_follows_the_length_of_what_was_dropped(
    dropped: str, severity: Severity
) -> None:
    en = [
        "The President held a meeting with the permanent members of the Security Council.",
        dropped,
        "They discussed the situation in the region.",
    ]
    data = make(FR_AROUND, en, [([0], [0]), ([], [1]), ([1], [2])])
    found = [f for f in OmissionCheck().run(data) if f.type == FindingType.OMISSION]
    assert [(f.en, f.severity) for f in found] == [((1,), severity)]
    assert found[0].details["words"] == len(dropped.split())


def test_two_short_sentences_dropped_together_are_high() -> None:
    en = [
        "The President held a meeting with the permanent members of the Security Council.",
        "Good afternoon.",
        "Thank you.",
        "They discussed the situation in the region.",
    ]
    data = make(FR_AROUND, en, [([0], [0]), ([], [1]), ([], [2]), ([1], [3])])
    found = [f for f in OmissionCheck().run(data) if f.type == FindingType.OMISSION]
    assert [(f.en, f.severity) for f in found] == [((1, 2), Severity.LOW)]  # 4 words in all
    longer = [*en[:2], "Thank you, colleagues, for coming today.", en[3]]
    data = make(FR_AROUND, longer, [([0], [0]), ([], [1]), ([], [2]), ([1], [3])])
    found = [f for f in OmissionCheck().run(data) if f.type == FindingType.OMISSION]
    assert [(f.en, f.severity) for f in found] == [((1, 2), Severity.HIGH)]


# --- omissions: the neighbour's French covers the sentence only if the merge costs nothing ---


class Designed:
    """An encoder whose vectors are chosen per text (unit rows); any other text gets a
    pseudo-random direction, nearly orthogonal to every other in 256 dimensions."""

    id = "designed"

    def __init__(self, vectors: Mapping[str, Sequence[float]]) -> None:
        self.vectors = {t: np.asarray(v, dtype=np.float32) for t, v in vectors.items()}

    def _vector(self, text: str) -> np.ndarray:
        if text in self.vectors:
            row = np.zeros(256, dtype=np.float32)
            row[: len(self.vectors[text])] = self.vectors[text]
            return row
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")
        row = np.random.default_rng(seed).standard_normal(256).astype(np.float32)
        row[:8] = 0.0  # away from the designed directions
        return row / np.linalg.norm(row)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, 256))


EN_BEFORE = "The President met with the Governor of the Kursk Region."
EN_GAP = "The Governor also reported on the restoration of housing in the border districts."
EN_AFTER = "They discussed support for the residents."
FR_BEFORE = "Le Président a rencontré le gouverneur de la région de Koursk."
FR_AFTER = "Ils ont discuté du soutien aux habitants."


def _gap_event(similarity: float, merged_score: float):
    """English gap sentence with `similarity` to both neighbours' French; adding it to a
    neighbour's English brings that bead's score from 1.0 down to `merged_score`."""
    side = float(np.sqrt(1 - similarity**2))
    merged = [merged_score, 0.0, float(np.sqrt(1 - merged_score**2))]
    vectors = {
        FR_BEFORE: [1.0, 0.0, 0.0],
        EN_BEFORE: [1.0, 0.0, 0.0],
        f"{EN_BEFORE} {EN_GAP}": merged,
        FR_AFTER: [0.0, 0.0, 0.0, 1.0],
        EN_AFTER: [0.0, 0.0, 0.0, 1.0],
        f"{EN_GAP} {EN_AFTER}": [0.0, 0.0, float(np.sqrt(1 - merged_score**2)), merged_score],
        EN_GAP: [similarity, side, 0.0, 0.0],
    }
    return make(
        [FR_BEFORE, FR_AFTER],
        [EN_BEFORE, EN_GAP, EN_AFTER],
        [([0], [0]), ([], [1]), ([1], [2])],
        encoder=Designed(vectors),
    )


def test_a_sentence_close_to_its_neighbour_is_still_an_omission_when_merging_it_costs() -> None:
    # 0.49 ≥ covered_similarity (0.45), but the neighbour bead's score drops by 0.20 when the
    # sentence is added to its English: the French does not say it
    found = OmissionCheck().run(_gap_event(similarity=0.49, merged_score=0.80))
    omissions = [f for f in found if f.type == FindingType.OMISSION]
    assert [f.en for f in omissions] == [(1,)]
    assert omissions[0].details["neighbours"][0]["merge_drop"] == pytest.approx(0.2, abs=1e-3)


def test_a_sentence_its_neighbour_covers_at_no_cost_is_not_an_omission() -> None:
    found = OmissionCheck().run(_gap_event(similarity=0.49, merged_score=0.99))
    assert [f for f in found if f.type == FindingType.OMISSION] == []
    # and below the similarity threshold it is an omission whatever the merge costs
    found = OmissionCheck().run(_gap_event(similarity=0.40, merged_score=0.99))
    assert [f.en for f in found if f.type == FindingType.OMISSION] == [(1,)]


def test_the_merge_drop_threshold_is_a_setting() -> None:
    lenient = OmissionCheck(CheckConfig(covered_merge_drop=0.25))
    found = lenient.run(_gap_event(similarity=0.49, merged_score=0.80))
    assert [f for f in found if f.type == FindingType.OMISSION] == []
