"""Reading quantities from real French and English sentences, by value."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.numbers import Quantity, QuantityKind, extract_quantities

K = QuantityKind


def only(text: str, lang: str) -> Quantity:
    found = extract_quantities(text, lang)
    assert len(found) == 1, [q.raw for q in found]
    return found[0]


def values(text: str, lang: str) -> list[object]:
    return [q.value for q in extract_quantities(text, lang)]


# -- French digits ---------------------------------------------------------------------------


def test_french_decimal_comma_and_dollar_billions() -> None:
    q = only("il a augmenté pour atteindre 28,2 milliards de dollars.", "fr")
    assert q.raw == "28,2 milliards de dollars"
    assert (q.kind, q.value, q.unit) == (K.MONEY, 28.2e9, "USD")


@pytest.mark.parametrize(
    ("sentence", "raw", "value"),
    [
        ("La frontière terrestre la plus longue du monde (7.598 km) nous aide.", "7.598 km", 7598),
        ("Environ 6.000 entreprises à participation russe opèrent.", "6.000", 6000),
        ("Le territoire abrite 300.000 familles avec enfants.", "300.000", 300000),
        ("dans les conditions de près de 15 000 sanctions", "15 000", 15000),
        ("Le territoire abrite 300\u00a0000 familles.", "300\u00a0000", 300000),
        ("Le territoire abrite 300\u202f000 familles.", "300\u202f000", 300000),
        ("1.100 kilomètres carrés de notre territoire", "1.100 kilomètres carrés", 1100),
    ],
)
def test_french_thousands_grouping(sentence: str, raw: str, value: float) -> None:
    q = only(sentence, "fr")
    assert (q.raw, q.value) == (raw, value)


def test_dot_not_followed_by_three_digits_is_a_decimal_point() -> None:
    assert values("un taux de 2.5 fois", "fr") == [2.5]


@pytest.mark.parametrize(
    "sentence", ["il a augmenté de 10,2% cette année", "il a augmenté de 10,2 % cette année"]
)
def test_french_percent_with_or_without_space(sentence: str) -> None:
    q = only(sentence, "fr")
    assert (q.kind, q.value, q.unit) == (K.PERCENT, 10.2, "%")


def test_pour_cent_and_cent_pour_cent() -> None:
    assert only("une croissance de 3,6 pour cent", "fr").value == 3.6
    q = only("Il y restera, à cent pour cent.", "fr")
    assert (q.kind, q.value) == (K.PERCENT, 100)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Par exemple, il y a 20 mille participants.", 20e3),
        ("8,2 millions de m² de nouveaux logements", 8.2e6),
        ("Le volume d’investissement s’élève à 120 milliards d’aujourd’hui.", 120e9),
        ("nous avions prévu d’allouer 8 billions supplémentaires", 8e12),
        ("une dette de 2 billiards", 2e15),
        ("Un milliard et demi rien que pour les trois premières années", 1.5e9),
    ],
)
def test_french_scale_words(sentence: str, value: float) -> None:
    assert value in values(sentence, "fr")


def test_french_billion_is_english_trillion() -> None:
    fr = only("environ 12.000 billions d’opérations par seconde", "fr")
    en = only("about 12,000 trillion operations per second", "en")
    assert fr.value == en.value == 12e15


def test_scale_and_unit_are_shared_across_a_list() -> None:
    lo, hi = extract_quantities("entre 550 et 834 milliards de roubles", "fr")
    assert (lo.value, lo.unit) == (550e9, "RUB")
    assert (hi.raw, hi.value, hi.unit) == ("834 milliards de roubles", 834e9, "RUB")


def test_a_year_does_not_take_the_next_numbers_percent() -> None:
    found = extract_quantities("Poutine passe de 83% en 2018 a 10,8% en 2024", "fr")
    assert [(q.kind, q.value) for q in found] == [
        (K.PERCENT, 83),
        (K.YEAR, 2018),
        (K.PERCENT, 10.8),
        (K.YEAR, 2024),
    ]


# -- English digits ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("it grew to reach a record $28.2 billion.", 28.2e9, "USD"),
        ("The programme has Rb 120 billion.", 120e9, "RUB"),
        ("from 550 to 834 billion rubles", 834e9, "RUB"),
        ("The contract is valued at €2.3 billion.", 2.3e9, "EUR"),
        ("The world’s longest land border (7,598 km) helps us.", 7598, "km"),
        ("24 localities and 259 sq km of territory", 259, "km2"),
        ("8.2 million square metres of new housing", 8.2e6, "m2"),
        ("The port handled 45 million tonnes of cargo.", 45e6, "t"),
        ("The grain harvest reached 130 million tons.", 130e6, "t"),
        ("The area covers 30 hectares.", 30, "ha"),
    ],
)
def test_english_amounts_with_units(sentence: str, value: float, unit: str) -> None:
    found = [q for q in extract_quantities(sentence, "en") if q.unit == unit]
    assert found and found[-1].value == value


def test_english_percent_words() -> None:
    assert only("it grew by 10.2 percent", "en").value == 10.2
    assert only("it grew by 10.2 per cent", "en").kind is K.PERCENT


# -- ordinals, centuries -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("la 64e Olympiade internationale de mathématiques", "fr", 64),
        ("la 11ème réunion des secrétaires", "fr", 11),
        ("d’ici le 1er régiment", "fr", 1),
        ("le dixième anniversaire de la signature", "fr", 10),
        ("le vingt et unième congrès", "fr", 21),
        ("Pierre Ier a fondé la ville", "fr", 1),
        ("the 64th International Mathematical Olympiad", "en", 64),
        ("the 11th meeting", "en", 11),
        ("the tenth anniversary of the signing", "en", 10),
        ("the twenty-first congress", "en", 21),
    ],
)
def test_ordinals(text: str, lang: str, value: int) -> None:
    q = only(text, lang)
    assert (q.kind, q.value) == (K.ORDINAL, value)


def test_premier_ministre_is_not_an_ordinal() -> None:
    found = extract_quantities("le premier vice-Premier ministre du Kazakhstan", "fr")
    assert [q.raw for q in found] == ["premier"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("l’alliance de bon voisinage au XXIe siècle", "fr"),
        ("les défis du XXIᵉ siècle", "fr"),
        ("good-neighbourliness in the 21st century", "en"),
        ("the twenty-first century", "en"),
    ],
)
def test_twenty_first_century(text: str, lang: str) -> None:
    q = only(text, lang)
    assert (q.kind, q.value) == (K.CENTURY, 21)


def test_roman_letters_that_are_words_are_not_numbers() -> None:
    assert extract_quantities("Ce pays, Le monde, De plus, Ver dia !", "fr") == []


def test_chapter_numerals() -> None:
    assert only("CHAPITRE XXIX . Comment Candide retrouva Cunégonde", "fr").value == 29
    assert only("CHAPTER 29 In What Manner", "en").value == 29


# -- dates, times ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("13 juillet 2023 à Moscou", "fr", (2023, 7, 13)),
        ("veuillez le faire approuver d’ici le 1er septembre 2023", "fr", (2023, 9, 1)),
        ("L’accord expire le 18 juillet.", "fr", (None, 7, 18)),
        ("le 13/07/2023", "fr", (2023, 7, 13)),
        ("July 13, 2023", "en", (2023, 7, 13)),
        ("13 July 2023", "en", (2023, 7, 13)),
        ("on the 13th of July", "en", (None, 7, 13)),
        ("On March 5 , 1867 , the Moravian", "en", (1867, 3, 5)),
    ],
)
def test_dates(text: str, lang: str, value: tuple) -> None:
    q = only(text, lang)
    assert (q.kind, q.value) == (K.DATE, value)


def test_may_the_verb_is_not_a_month() -> None:
    assert extract_quantities("We may meet again soon.", "en") == []


def test_day_ranges() -> None:
    fr = only("Sa réunion a eu lieu il y a une semaine (30 et 31 octobre).", "fr")
    en = only("Its meeting took place a week ago (October 30–31).", "en")
    assert fr.kind is en.kind is K.RANGE
    assert fr.value == en.value == ((None, 10, 30), (None, 10, 31))


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("13 juillet 2023 à 18h15 à Moscou", "fr", (18, 15)),
        ("10 mars 2025 à 13H40 au Kremlin", "fr", (13, 40)),
        ("la session a commencé à 18 h 15", "fr", (18, 15)),
        ("at 18:15 Moscow time", "en", (18, 15)),
        ("at 6.15 pm", "en", (18, 15)),
        ("at 1:40 pm", "en", (13, 40)),
        ("at 9.30 am", "en", (9, 30)),
    ],
)
def test_times(text: str, lang: str, value: tuple) -> None:
    times = [q for q in extract_quantities(text, lang) if q.kind is K.TIME]
    assert [q.value for q in times] == [value]


# -- words, ranges, approximations -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Il y a dix ans, nous parlions d’un ordinateur quantique.", "fr", [10]),
        ("Deux ou trois entreprises seulement", "fr", [2, 3]),
        ("Quatre-vingt-dix pour cent des paiements", "fr", [90]),
        ("Vingt et un pays ont signé", "fr", [21]),
        ("Mille neuf cent quarante-cinq est l’année de la Victoire.", "fr", [1945]),
        ("Ten years ago, we talked", "en", [10]),
        ("Only two or three companies", "en", [2, 3]),
        ("Ninety percent of payments", "en", [90]),
        ("Twenty-one countries signed", "en", [21]),
        ("A hundred years ago", "en", [100]),
        ("one and a half billion rubles", "en", [1.5e9]),
        ("Nineteen forty-five is the year of Victory.", "en", [1945]),
    ],
)
def test_number_words(text: str, lang: str, expected: list[float]) -> None:
    assert values(text, lang) == expected


def test_articles_are_not_counts() -> None:
    assert extract_quantities("Un homme a parlé à une femme de l’un des projets.", "fr") == []
    assert extract_quantities("One of them is a good one.", "en") == []


def test_neuf_as_new_is_not_nine() -> None:
    assert extract_quantities("un ordinateur tout neuf", "fr") == []


def test_year_ranges() -> None:
    fr = only("Le président a annoncé 2022-2031 la Décennie de la science.", "fr")
    assert (fr.kind, fr.range_of, fr.value) == (K.RANGE, K.YEAR, (2022, 2031))
    assert only("for 2023/2024", "en").value == (2023, 2024)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Environ 6.000 entreprises", "fr"),
        ("près de 15 000 sanctions", "fr"),
        ("about $17 billion", "en"),
        ("around 140,000 families", "en"),
        ("some 300 delegates", "en"),
        ("nearly 15,000 sanctions", "en"),
    ],
)
def test_approximations(text: str, lang: str) -> None:
    assert only(text, lang).approximate


def test_glued_letters_are_names_not_quantities() -> None:
    assert extract_quantities("le G7 et la 5G", "fr") == []
    assert values("in the 1960s", "en") == [1960]


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="language"):
        extract_quantities("10", "de")


# -- robustness ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"0123456789 .,%$€₽-–/:hHeèrstmdk²\u00a0\u202fIVXCé",
        *["milliards", " de ", "dollars", "juillet", "July", "vingt", "et", "un", "pour cent"],
        *["XXIe", "siècle", "premier", "environ", "about", " pm", "billion", "Rb"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.sampled_from(["fr", "en"]))
def test_extractor_never_raises_and_spans_are_exact(text: str, lang: str) -> None:
    for q in extract_quantities(text, lang):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.raw


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["fr", "en"]))
def test_extractor_survives_any_text(text: str, lang: str) -> None:
    for q in extract_quantities(text, lang):
        assert text[q.start : q.end] == q.raw


def test_quantities_do_not_overlap_on_a_long_line() -> None:
    line = "Le 13 juillet 2023 à 18h15, 28,2 milliards de dollars (10,2 %) et 7.598 km. " * 300
    found = extract_quantities(line, "fr")
    assert len(found) == 5 * 300
    assert all(a.end <= b.start for a, b in pairwise(found))
