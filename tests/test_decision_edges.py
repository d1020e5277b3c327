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
from align.numbers.compare import (
    compare_quantities,
    explained_by,
    numbers_agree,
    same_quantity,
)
from align.numbers.quantity import Quantity
from align.numbers.quantity import QuantityKind as K

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


# --- number comparison: the rules a mutation run found untested ------------------------------


def qs(text: str, lang: str) -> list:
    return extract_quantities(text, lang)


def compared(french: str, english: str):
    return compare_quantities(qs(french, "fr"), qs(english, "en"))


def values(quantities) -> list:
    return [q.value for q in quantities]


def test_numbers_agree_only_where_one_side_is_approximate() -> None:
    assert not numbers_agree(6.0, 5.7)  # both exact (the defaults)
    assert not numbers_agree(5.7, 6.0)
    assert numbers_agree(6.0, 5.7, True, False)  # "environ 6 %" for "5.7 percent"
    assert numbers_agree(5.7, 6.0, False, True)
    assert numbers_agree(5.7, 5.74, True, False)  # rounded at its last digit, 0.1
    assert not numbers_agree(5.7, 5.76, True, False)
    assert not numbers_agree(0.0, 0.4, True, False)  # "about zero" agrees with nothing else
    assert numbers_agree(140000.0, 137500.0, True, False)


def test_same_quantity_respects_units_and_the_side_that_is_approximate() -> None:
    assert not same_quantity(one("10 kilomètres", "fr"), one("10 kilograms", "en"))
    assert same_quantity(one("5,7 %", "fr"), one("about 6 percent", "en"))
    assert same_quantity(one("environ 6 %", "fr"), one("5.7 percent", "en"))


def test_a_week_in_french_words_is_eight_days_only_when_spelled() -> None:
    assert same_quantity(one("huit jours", "fr"), one("7 days", "en"))
    assert not same_quantity(one("8 jours", "fr"), one("7 days", "en"))


def test_dates_agree_only_when_both_give_the_month_or_neither() -> None:
    assert same_quantity(one("en mars 2020", "fr"), one("in March 2020", "en"))
    assert same_quantity(one("le 28 août", "fr"), one("August 28, 2023", "en"))
    assert not same_quantity(one("en mars 2020", "fr"), one("in 2020", "en"))


def test_a_date_that_loses_or_gains_its_year_is_reported() -> None:
    lost = compared("Le sommet a eu lieu le 28 août.", "The summit took place on August 28, 2023.")
    assert [(q.kind, q.value) for q in lost.missing] == [(K.YEAR, 2023.0)]
    assert lost.added == ()
    gained = compared("Le sommet a eu lieu le 28 août 2023.", "The summit took place on August 28.")
    assert [(q.kind, q.value) for q in gained.added] == [(K.YEAR, 2023.0)]
    assert gained.missing == ()
    # stated elsewhere in the English: not added
    told = compared(
        "Le sommet a eu lieu le 28 août 2023.", "In 2023, the summit took place on August 28."
    )
    assert told.added == ()
    # two dates, each without its year: both reported
    both = compared(
        "Les réunions ont eu lieu le 28 août et le 5 septembre.",
        "The meetings took place on August 28, 2023 and September 5, 2024.",
    )
    assert sorted(q.value for q in both.missing) == [2023.0, 2024.0]
    more = compared(
        "Les réunions ont eu lieu le 28 août 2023 et le 5 septembre 2024.",
        "The meetings took place on August 28 and September 5.",
    )
    assert sorted(q.value for q in more.added) == [2023.0, 2024.0]


def test_a_year_is_explained_by_a_date_that_states_it() -> None:
    date = one("le 28 août 2023", "fr")
    assert explained_by(one("in 2023", "en"), [date]) is date
    month_only = Quantity("mars", 0, 4, K.DATE, (None, 3, None))  # no day, no year
    assert explained_by(month_only, []) is None


def test_identical_units_pair_first() -> None:
    result = compared("10 kg puis 10 tonnes", "10 tonnes then 10 kg")
    assert result.agrees
    assert [(f.unit, e.unit) for f, e in result.matched] == [("kg", "kg"), ("t", "t")]


def test_values_swapped_between_their_places_are_reported() -> None:
    result = compared("Sur les 89 régions, 76 ont répondu.", "Of the 76 regions, 89 responded.")
    assert [(a[0].value, b[0].value) for a, b in result.swapped] == [(89.0, 76.0)]
    assert not compared(
        "Sur les 76 régions, 89 ont répondu.", "Of the 76 regions, 89 responded."
    ).swapped


@pytest.mark.parametrize(
    ("french", "english", "swaps"),
    [
        (  # a value in words between the two crossed ones
            "Sur les 89 régions, deux ont refusé et 76 ont répondu.",
            "Of the 76 regions, two refused and 89 responded.",
            [(89.0, 76.0)],
        ),
        (  # a value of another kind between them
            "Sur les 89 régions, en 2023, 76 ont répondu.",
            "Of the 76 regions, in 2023, 89 responded.",
            [(89.0, 76.0)],
        ),
        (  # the same figure twice, then the crossed one
            "Sur les 89 régions, 89 maires et 76 ont répondu.",
            "Of the 76 regions, 89 mayors and 89 responded.",
            [(89.0, 76.0), (89.0, 76.0)],
        ),
    ],
)
def test_a_swap_is_found_past_the_pairs_that_are_skipped(
    french: str, english: str, swaps: list
) -> None:
    result = compared(french, english)
    assert [(a[0].value, b[0].value) for a, b in result.swapped] == swaps


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("259 localités et 24 km2", "24 localities and 259 sq km"),  # the English unit moved
        ("259 km2 et 24 localités", "259 localities and 24 sq km"),  # the French unit moved
    ],
)
def test_a_unit_that_moved_to_the_other_value_is_a_swap(french: str, english: str) -> None:
    result = compared(french, english)
    assert len(result.swapped) == 1 and all(isinstance(p, tuple) for p in result.swapped[0])
    assert not compared("259 localités et 24 km2", "259 localities and 24 sq km").swapped


def test_loose_values_in_the_other_order_than_a_range() -> None:
    result = compared("entre 5 et 7 %", "from 7 to 5 percent")  # no range: plain values
    assert result.swapped  # crossed values
    ranged = compared("de 5 à 7 %", "from 5 to 7 percent")
    assert ranged.agrees
    french_range = compare_quantities(
        [Quantity("5–7 %", 0, 5, K.RANGE, (5.0, 7.0), unit="%", range_of=K.PERCENT)],
        qs("from 7 to 5 percent", "en"),
    )
    assert len(french_range.swapped) == 1
    (first, second) = french_range.swapped[0]
    assert first[0].kind is K.RANGE and second[0].kind is K.RANGE  # (French, English) order
    assert (first[1].value, second[1].value) == (7.0, 5.0)


def test_a_value_repeated_on_one_side_is_explained_by_its_pair() -> None:
    result = compared(
        "La bataille a duré 200 jours et nuits.", "It lasted 200 days and 200 nights."
    )
    assert result.missing == () and len(result.matched) == 2
    assert all(isinstance(pair, tuple) and len(pair) == 2 for pair in result.matched)
    french = compared("Elle a duré 200 jours et 200 nuits.", "It lasted 200 days and nights.")
    assert french.added == () and len(french.matched) == 2
    assert all(isinstance(pair, tuple) and len(pair) == 2 for pair in french.matched)


def test_unexplained_values_pair_by_family_and_in_order() -> None:
    result = compared("La part a atteint 15 %.", "The share reached 10 percent and 20 percent.")
    assert [(f.value, e.value) for f, e in result.altered] == [(15.0, 10.0)]
    assert values(result.missing) == [20.0]
    years = compared("En 2023, le projet a démarré.", "In 2024, the project started.")
    assert [(f.value, e.value) for f, e in years.altered] == [(2023.0, 2024.0)]
    kinds = compared("Une hausse de 15 %.", "A rise of $5 million.")
    assert kinds.altered == () and kinds.missing and kinds.added  # percent is not money
    dates = compared("du 14 au 15 mai", "from 2 to 3 million")
    assert dates.altered == ()  # a range of dates is not a range of numbers
    year_money = compared("En 2023.", "$2,024.")
    assert year_money.altered == ()


def test_the_closest_kind_unit_and_notation_is_the_one_altered() -> None:
    # the French amount in tonnes pairs with the English amount in tonnes, not the bare one
    result = compared("Le port a traité 12 tonnes.", "The port had 3 berths and handled 11 tonnes.")
    assert [(f.value, e.value) for f, e in result.altered] == [(12.0, 11.0)]
    money = compared("Le prêt atteint 5 millions de dollars.", "The 4 banks lent $6 million.")
    assert [(f.value, e.value) for f, e in money.altered] == [(5e6, 6e6)]
    spelled = compared("Il y a dix régions.", "There are 4 districts and nine regions.")
    assert [(f.value, e.value) for f, e in spelled.altered] == [(10.0, 9.0)]


def test_a_year_is_never_an_amount_of_money_or_a_percentage() -> None:
    assert not same_quantity(one("en 2023", "fr"), one("$2,023", "en"))
    assert same_quantity(one("en 2023", "fr"), one("in 2023", "en"))


def test_a_range_of_dates_is_not_a_range_of_numbers() -> None:
    dates, numbers = one("du 14 au 15 mai", "fr"), one("14–15 percent", "en")
    assert not same_quantity(dates, numbers)
    assert compared("du 14 au 15 mai", "14–15 percent").altered == ()


@pytest.mark.parametrize(
    ("english", "paired_with"),
    [
        # kind alone (2) ties with unit and notation together (1 + 1): the first one wins
        ("In 2024, eleven tonnes were shipped.", 2024.0),
        ("Eleven tonnes were shipped in 2024.", 11.0),
    ],
)
def test_an_altered_value_pairs_with_the_closest_candidate_then_the_first(
    english: str, paired_with: float
) -> None:
    result = compared("12 ont été expédiées.", english)
    assert [e.value for _, e in result.altered] == [paired_with]


def test_loose_values_against_a_range_after_another_quantity() -> None:
    # the French year is left unpaired (2022 for 2023), so it comes first among the others
    crossed = compared(
        "En 2022, la hausse était de 5–7 %.", "In 2023, the rise was 7 percent, or 5 percent."
    )
    assert len(crossed.swapped) == 1
    assert [(f.value, e.value) for f, e in crossed.altered] == [(2022.0, 2023.0)]
    same_end_twice = compared("une hausse de 5–7 %", "a rise of 5 percent, then again 5 percent")
    assert same_end_twice.swapped == ()


def test_a_moved_unit_is_found_past_values_in_words() -> None:
    result = compared(
        "259 localités, deux villes et 24 km2", "24 localities, two towns and 259 sq km"
    )
    assert len(result.swapped) == 1
