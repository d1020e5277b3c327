"""Comparing quantities by value, and the number check on aligned beads."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.checks.base import CheckInput
from align.checks.numbers import NumberCheck
from align.model import Bead, FindingType, Sentence, Severity, Side
from align.numbers import compare_quantities, extract_quantities

PAIRS = Path(__file__).resolve().parents[1] / "bench" / "data" / "number_pairs.tsv"


def compare(fr: str, en: str):
    return compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))


# Correct renderings of the seeds' numbers: nothing to report.
SEED_PAIRS = [
    (
        "L’année dernière, il a augmenté de 10,2% pour atteindre 28,2 milliards de dollars. record,"
        " et en janvier-août, il a augmenté de 7,6% de plus pour atteindre 18,9 milliards de"
        " dollars.",
        "Last year, it grew by 10.2 percent to reach a record $28.2 billion, and in January–August"
        " it grew by another 7.6 percent to $18.9 billion.",
    ),
    (
        "Le territoire abrite 300.000 familles avec enfants, dont 40.000 grandes familles.",
        "The territory is home to 300,000 families with children, including 40,000 large families.",
    ),
    (
        "La frontière terrestre la plus longue du monde (7.598 km) nous aide à interagir avec"
        " succès. Par exemple, 76 des 89 sujets de la Fédération de Russie développent une"
        " coopération efficace.",
        "The world’s longest land border (7,598 km) helps us interact successfully. For example,"
        " 76 of the 89 constituent entities of the Russian Federation cooperate effectively.",
    ),
    (
        "Les investissements russes accumulés au Kazakhstan s’élèvent à environ 17 milliards de"
        " dollars. Environ 6.000 entreprises à participation russe opèrent dans la République.",
        "Accumulated Russian investment in Kazakhstan amounts to some $17 billion. About 6,000"
        " companies with Russian participation operate in the republic.",
    ),
    (
        "Sa réunion régulière a eu lieu il y a une semaine (30 et 31 octobre) dans l’ancienne"
        " ville du Turkestan.",
        "Its regular meeting took place a week ago (October 30–31) in the ancient city of"
        " Turkestan.",
    ),
    (
        "En plus de cinq ans, le GRP a augmenté de 50%, entre 550 et 834 milliards de roubles.",
        "In more than five years, GRP has grown by 50 percent, from 550 to 834 billion rubles.",
    ),
    (
        "Le commerce bilatéral a augmenté d’environ 6% – en particulier de 5,7% – dépassant 50"
        " milliards de dollars.",
        "Bilateral trade grew by about 6 percent – 5.7 percent to be exact – exceeding"
        " $50 billion.",
    ),
    (
        "nous marquons le dixième anniversaire de la signature de l’Accord sur les relations et"
        " l’alliance de bon voisinage au XXIe siècle.",
        "we are marking the 10th anniversary of the signing of the Treaty on Good-Neighbourliness"
        " and Alliance in the 21st Century.",
    ),
    ("13 juillet 2023 à 18h15 à Moscou", "July 13, 2023, 18:15, Moscow"),
    ("10 mars 2025 à 13H40 au Kremlin-Moscou", "March 10, 2025, 1:40 pm, The Kremlin, Moscow"),
    (
        "En 2018, nous avions prévu d’allouer 8 billions supplémentaires.",
        "In 2018, we planned to allocate an additional 8 trillion.",
    ),
    (
        "Le président a annoncé 2022-2031 la Décennie de la science et de la technologie.",
        "The President declared 2022–2031 the Decade of Science and Technology.",
    ),
    (
        "Salutations à l’équipe qui a participé à la 64e Olympiade internationale de"
        " mathématiques.",
        "Greetings to the team that took part in the 64th International Mathematical Olympiad.",
    ),
    (
        "Je me souviens qu’il y a dix ans, nous parlions d’un ordinateur quantique.",
        "I remember that 10 years ago we were talking about a quantum computer.",
    ),
]


@pytest.mark.parametrize(("fr", "en"), SEED_PAIRS)
def test_seed_numbers_raise_nothing(fr: str, en: str) -> None:
    result = compare(fr, en)
    assert result.agrees, (result.altered, result.missing, result.added, result.swapped)


def test_hand_written_pairs_raise_nothing() -> None:
    lines = PAIRS.read_text(encoding="utf-8").splitlines()[1:]
    assert len(lines) >= 150
    alarms = []
    for line in lines:
        fr, en = line.split("\t")
        if not compare(fr, en).agrees:
            alarms.append(line)
    assert alarms == []


def test_altered_scale_word_is_caught_with_both_values() -> None:
    result = compare(
        "il a augmenté de 10,2% pour atteindre 28,2 millions de dollars",
        "it grew by 10.2 percent to $28.2 billion",
    )
    [(fr, en)] = result.altered
    assert (fr.value, en.value) == (28.2e6, 28.2e9)


def test_french_milliard_is_not_english_trillion() -> None:
    assert not compare("8 milliards de roubles", "8 trillion rubles").agrees


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        ("la 64e Olympiade", "the 65th Olympiad"),
        ("le 13 juillet 2023", "on July 14, 2023"),
        ("à 18h15", "at 6.30 pm"),
        ("au XXe siècle", "in the 21st century"),
        ("une croissance de 10,2 %", "growth of 10.3 percent"),
        ("deux ou trois entreprises", "two or four companies"),
    ],
)
def test_alterations_of_every_kind(fr: str, en: str) -> None:
    assert compare(fr, en).altered


def test_missing_and_added_values() -> None:
    missing = compare("311 chars ont été détruits", "Since June 4, 311 tanks have been destroyed.")
    assert [q.raw for q in missing.missing] == ["June 4"]
    added = compare("Depuis le 4 juin, 311 chars ont été détruits.", "311 tanks were destroyed.")
    assert [q.raw for q in added.added] == ["4 juin"]


def test_a_dropped_year_is_missing() -> None:
    result = compare("adoptée le 28 août", "adopted on August 28, 2023")
    assert [q.value for q in result.missing] == [2023]


def test_one_sided_approximation_is_not_an_alteration() -> None:
    assert compare("environ 17 milliards de dollars", "$17 billion").agrees
    assert compare("environ 6 %", "5.7 percent").agrees
    assert not compare("environ 150.000 familles", "140,000 families").agrees


def test_swapped_values_are_reported() -> None:
    result = compare("89 des 76 sujets", "76 of the 89 constituent entities")
    assert result.swapped


# -- the check on beads ------------------------------------------------------------------------


def sentences(side: Side, texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(side=side, index=i, text=t, block_index=0, span=(0, len(t)))
        for i, t in enumerate(texts)
    )


def check(fr: list[str], en: list[str], beads: list[tuple[tuple[int, ...], tuple[int, ...]]]):
    data = CheckInput(
        fr=sentences(Side.FR, fr),
        en=sentences(Side.EN, en),
        beads=tuple(Bead(f, e, 0.8) for f, e in beads),
    )
    return NumberCheck().run(data)


def test_check_reports_an_altered_value_in_the_reviewers_words() -> None:
    [finding] = check(
        ["L’année dernière, il a atteint 28,2 milliards de dollars."],
        ["Last year, it reached $26.2 billion."],
        [((0,), (0,))],
    )
    assert finding.type is FindingType.NUMBER
    assert finding.severity is Severity.HIGH
    assert (finding.fr, finding.en) == ((0,), (0,))
    assert finding.message == (
        "French says 28,2 milliards de dollars (28.2×10⁹ $), English says $26.2 billion"
        " (26.2×10⁹ $)"
    )
    assert finding.details["fr"]["raw"] == "28,2 milliards de dollars"
    assert finding.details["en"]["value"] == 26200000000


def test_check_ids_are_stable_and_distinct() -> None:
    args = (["Il y a 36 écoles."], ["There are 38 schools."], [((0,), (0,))])
    first, second = check(*args), check(*args)
    assert [f.id for f in first] == [f.id for f in second]
    other = check(["Il y a 36 écoles."], ["There are 39 schools."], [((0,), (0,))])
    assert first[0].id != other[0].id


def test_check_missing_value_is_medium_and_points_at_the_english() -> None:
    [finding] = check(
        ["Des chars ont été détruits."], ["311 tanks have been destroyed."], [((0,), (0,))]
    )
    assert finding.severity is Severity.MEDIUM
    assert finding.details["change"] == "missing"
    assert finding.en == (0,)


def test_check_small_spelled_number_alone_is_low() -> None:
    [finding] = check(["Les deux pays coopèrent."], ["Both countries cooperate."], [((0,), (0,))])
    assert finding.severity is Severity.LOW


def test_a_number_one_bead_away_raises_nothing() -> None:
    # a 2-1 split aligned as 1-1 + 1-1: the figure sits in the neighbouring bead
    fr = ["Le commerce a augmenté.", "Il a atteint 28,2 milliards de dollars, soit 10,2 % de plus."]
    en = ["Trade grew by 10.2 percent to $28.2 billion.", "This is a record."]
    assert check(fr, en, [((0,), (0,)), ((1,), (1,))]) == []


def test_values_altered_across_neighbouring_beads_are_one_finding() -> None:
    fr = ["Le commerce a augmenté.", "Il a atteint 28,2 millions de dollars."]
    en = ["Trade grew to $28.2 billion.", "This is a record."]
    [finding] = check(fr, en, [((0,), (0,)), ((1,), (1,))])
    assert finding.details["change"] == "altered"
    assert (finding.fr, finding.en) == ((1,), (0,))


def test_numbers_of_an_omitted_sentence_are_left_to_the_omission_check() -> None:
    fr = ["Le commerce a augmenté de 10,2 %."]
    en = ["Trade grew by 10.2 percent.", "About 6,000 companies operate here."]
    assert check(fr, en, [((0,), (0,)), ((), (1,))]) == []


def test_sentences_outside_beads_are_ignored() -> None:
    fr = ["1 sur 10 Une photo.", "Le commerce a augmenté de 10,2 %."]
    en = ["Trade grew by 10.2 percent."]
    assert check(fr, en, [((1,), (0,))]) == []


def test_finding_json_is_plain() -> None:
    [finding] = check(["Il y a 36 écoles."], ["There are 38 schools."], [((0,), (0,))])
    payload = finding.to_json()
    assert payload["type"] == "number"
    assert payload["details"]["fr"]["value"] == 36
