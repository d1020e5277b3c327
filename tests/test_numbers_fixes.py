"""Number forms and comparisons added after the TransRead and held-out measurements, each on
real sentences (TransRead's literary gold beads, kremlin-style held-out pairs)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from align.checks.base import CheckInput
from align.checks.numbers import NumberCheck
from align.model import Bead, Sentence, Severity, Side
from align.numbers import compare_quantities, extract_quantities

# kremlin-style pairs written apart at first; the tests now require them, so a development set
HELDOUT = Path(__file__).resolve().parents[1] / "bench" / "data" / "number_pairs_kremlin_dev.tsv"


def values(text: str, lang: str) -> list[tuple[str, object, str | None]]:
    return [(q.raw, q.value, q.unit) for q in extract_quantities(text, lang)]


def compare(fr: str, en: str):
    return compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))


def check(fr: list[str], en: list[str], beads: list[tuple[tuple[int, ...], tuple[int, ...]]]):
    def sentences(side: Side, texts: list[str]) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(side=side, index=i, text=t, block_index=i, span=(0, len(t)))
            for i, t in enumerate(texts)
        )

    data = CheckInput(
        fr=sentences(Side.FR, fr),
        en=sentences(Side.EN, en),
        beads=tuple(Bead(f, e, 0.8) for f, e in beads),
    )
    return NumberCheck().run(data)


# -- forms the extractor did not read -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("and instantly four and twenty soldiers drew up", "four and twenty", 24),
        ("to run the gauntlet six and thirty times", "six and thirty", 36),
        ("a man of six or seven-and-twenty can take care of himself", "seven-and-twenty", 27),
        ("no more than threescore and eleven quarterings", "threescore and eleven", 71),
        ("here are fourscore volumes of the memoirs", "fourscore", 80),
    ],
)
def test_archaic_english_numbers(text: str, raw: str, value: int) -> None:
    assert (raw, float(value), None) in values(text, "en")


def test_archaic_english_ordinal() -> None:
    found = extract_quantities("'Tis the six-and-twentieth edition, promulgated at Boston", "en")
    assert next((q.raw, q.kind.value, q.value) for q in found) == (
        "six-and-twentieth",
        "ordinal",
        26.0,
    )


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        (
            "Le loch jeté, on constata que l'Abraham-Lincoln marchait à raison de dix-huit milles"
            " cinq dixièmes à l'heure.",
            "Heaving the log, we verified that the Abraham Lincoln was going at the rate of 18.5"
            " miles per hour.",
        ),
        (
            "Il fila ses dix-neuf milles et trois dixièmes.",
            "It also did 19.3 miles.",
        ),
        (
            "Il marchait avec une vitesse de treize noeuds quarante-trois centièmes.",
            "It was traveling at a speed of 13.43 knots.",
        ),
        (
            "Son tirant d'eau était alors de six mètres soixante-dix centimètres.",
            "It was then drawing 6.7 meters of water.",
        ),
        (
            "Une de ces défenses longue de deux mètres vingt-cinq centimètres.",
            "One of these tusks with a length of 2.25 meters.",
        ),
        (
            "A deux mètres et demi au-dessous de la flottaison s'ouvrait une déchirure.",
            "Two and a half meters below its waterline, there gaped a gash.",
        ),
        ("La croissance a été de trois virgule cinq pour cent.", "Growth was 3.5 percent."),
    ],
)
def test_decimals_and_sub_units_in_french_words(fr: str, en: str) -> None:
    assert compare(fr, en).agrees


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        (
            "Je fus sur pied au bout de quinze jours.",
            "I was upon my legs in a fortnight's time.",
        ),
        ("Ils disputèrent quinze jours de suite.", "They disputed fourteen days successively."),
        (
            "Recevoir à-la-fois douze balles de plomb dans la cervelle.",
            "To have his brains blown out with a dozen musket-balls.",
        ),
        ("Il a acheté une demi-douzaine d'œufs.", "He bought half a dozen eggs."),
        ("Il y a un an et demi, nous en avons parlé.", "A year and a half ago, we discussed it."),
        ("Je l'ai rencontré deux fois.", "I met him twice."),
        ("Le commerce a doublé en cinq ans.", "Trade doubled in five years."),
        (
            "Des dizaines de milliers de volontaires ont aidé les habitants.",
            "Tens of thousands of volunteers helped residents.",
        ),
        ("Des centaines d'entreprises ont quitté notre marché.", "Hundreds of companies left."),
        ("La Ligne directe a commencé à 12h00.", "The Direct Line began at noon."),
        ("Nous nous verrons à midi.", "We shall meet at 12:00."),
        (
            "Le Kazakhstan est le 7e partenaire commercial de la Russie.",
            "Kazakhstan is Russia's seventh-largest trading partner.",
        ),
        ("Dans les années 90, notre industrie a souffert.", "In the 1990s, our industry suffered."),
        (
            "Le volume des investissements étrangers a diminué d'un tiers.",
            "Foreign investment fell by a third.",
        ),
        (
            "Le tout pouvait bien se monter à une trentaine de mille âmes.",
            "The whole might amount to thirty thousand souls.",
        ),
        (
            "Une pression de dix-sept millions cinq cent soixante-huit mille kilogrammes.",
            "A pressure of 17,568,000 kilograms.",
        ),
        (
            "Il existe sur la route, vis-à-vis le martello numéro I, trois pierres.",
            "Opposite the Martello tower, number 1, stand three stones.",
        ),
    ],
)
def test_idioms_agree(fr: str, en: str) -> None:
    assert compare(fr, en).agrees, compare(fr, en)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("il a chu de plus haut que ce grand pau [ 1 ] .", "fr"),  # footnote call
        ("La longueur totale de l'autoroute M-12 est longue.", "fr"),  # a name's digits
        ("Le contrat porte sur des avions MS-21 et Su-57.", "fr"),
        ("Well, in fact I did look better than I had expected.", "en"),  # the pronoun
        ("For my part I own frankly that neither of us is a king.", "en"),
        ("This figure fell by a third.", "en"),  # a fraction, not a rank
    ],
)
def test_not_quantities(text: str, lang: str) -> None:
    assert extract_quantities(text, lang) == []


def test_a_year_after_mid_is_still_a_year() -> None:
    assert values("Les travaux s'achèveront mi-2024.", "fr") == [("2024", 2024.0, None)]


def test_a_capitalised_heading_opens_with_its_numeral() -> None:
    assert values("V À L' AVENTURE !", "fr") == [("V", 5.0, None)]


def test_a_third_before_a_noun_is_a_rank() -> None:
    found = extract_quantities("He was re-elected for a third term.", "en")
    assert [(q.raw, q.kind.value) for q in found] == [("third", "ordinal")]


def test_vague_and_hyperbolic_words_are_marked() -> None:
    tempted = extract_quantities("J'ai été tenté cent fois de partir.", "fr")
    vague = {q.raw: q.vague for q in tempted}
    assert vague == {"cent": True}
    exact = {q.raw: q.vague for q in extract_quantities("Cent cinquante participants.", "fr")}
    assert exact == {"Cent cinquante": False}


# -- comparisons that were too lenient ------------------------------------------------------


def test_a_reversed_range_is_an_alteration() -> None:
    result = compare(
        "Le programme s'étend sur la période 2030-2025.",
        "The programme covers the 2025–2030 period.",
    )
    assert [(f.raw, e.raw) for f, e in result.altered] == [("2030-2025", "2025–2030")]


def test_loose_values_in_the_other_order_than_the_range_are_swapped() -> None:
    result = compare("Les dépenses ont augmenté de 7 à 5 % par an.", "Spending grew 5–7 percent.")
    assert result.swapped and not result.agrees


def test_swap_across_a_range_end_is_caught() -> None:
    result = compare(
        "Les recettes ont presque doublé, passant de 97 milliards à 55 à 98 milliards.",
        "Revenues almost doubled, from 55 billion to 97–98 billion.",
    )
    assert result.swapped


def test_a_unit_that_moved_to_the_other_value_is_a_swap() -> None:
    result = compare(
        "259 localités et 24 km2 du territoire ont été libérés.",
        "24 localities and 259 sq km of territory were liberated.",
    )
    assert len(result.swapped) == 1


def test_hours_and_minutes_keep_their_units() -> None:
    result = compare(
        "La conférence de presse a duré 27 heures et 4 minutes.",
        "The press conference lasted 4 hours and 27 minutes.",
    )
    assert len(result.altered) == 2


def test_a_paired_approximation_does_not_excuse_a_dropped_figure() -> None:
    result = compare(
        "Le commerce a augmenté d'environ 6%, plus précisément de %.",
        "Trade grew by about 6 percent, by 5.7 percent to be precise.",
    )
    assert [e.raw for e in result.missing] == ["5.7 percent"]


def test_a_repeat_of_the_writer_is_excused() -> None:
    assert compare(
        "La bataille de Stalingrad a duré 200 jours et 200 nuits.",
        "The Battle of Stalingrad lasted 200 days and nights.",
    ).agrees


def test_a_date_range_that_loses_its_year() -> None:
    result = compare("La conférence aura lieu les 14 et 15 mai.", "It is held on May 14–15, 2025.")
    assert [e.value for e in result.missing] == [2025.0]


# -- the check: neighbours and severity -----------------------------------------------------


def test_a_value_paired_in_the_next_bead_does_not_excuse_a_drop_but_is_low() -> None:
    findings = check(
        ["Le territoire abrite 300.000 familles.", "Ces familles reçoivent une aide."],
        ["The territory is home to 300,000 families.", "These 300,000 families receive support."],
        [((0,), (0,)), ((1,), (1,))],
    )
    assert [(f.severity, f.details["change"], f.en) for f in findings] == [
        (Severity.LOW, "missing", (1,))
    ]
    assert findings[0].details["stated_nearby"] is True


def test_a_number_split_into_the_next_bead_still_raises_nothing() -> None:
    findings = check(
        ["Nous avons construit 36 écoles et 30 autres le seront.", "C'est un record."],
        ["We built 36 schools.", "Another 30 will be built, a record."],
        [((0,), (0,)), ((1,), (1,))],
    )
    assert findings == []


@pytest.mark.parametrize(
    ("fr", "en", "severity"),
    [
        ("Les exportations ont atteint 3,4 milliards.", "Exports reached 3.9 billion.", "high"),
        ("Il avait passé là quatre ans.", "He had lived there for forty years.", "medium"),
        ("Candide embrassa cent fois le baron.", "Candide gave a thousand embraces.", "low"),
        ("Il prit deux pommes.", "He took three apples.", "low"),
    ],
)
def test_severity_follows_the_evidence(fr: str, en: str, severity: str) -> None:
    findings = check([fr], [en], [((0,), (0,))])
    assert [str(f.severity) for f in findings] == [severity]


def test_held_out_pairs_raise_nothing_medium_or_high() -> None:
    with HELDOUT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert len(rows) >= 100
    loud = []
    for row in rows:
        for finding in check([row["fr"]], [row["en"]], [((0,), (0,))]):
            if finding.severity in (Severity.MEDIUM, Severity.HIGH):
                loud.append(finding.message)
    assert loud == []
