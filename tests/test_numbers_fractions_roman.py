"""Two ways real kremlin.ru English states a figure that the number reader used to misread.

* A fraction said before a scale word: "half a trillion rubles" is 500 billion (the reader
  saw "a trillion"), "a quarter of a billion", "two thirds of a million"; and in French "deux
  tiers d'un milliard".
* The rank of a recurring event or a century as an English Roman numeral before its name:
  "the XXVII Summer World University Games" is the French "XXVIIe Universiade"; a regnal
  number after a name stays a name (Peter I, World War II, Alexander II Street).
"""

from __future__ import annotations

import pytest

from align.numbers import compare_quantities, extract_quantities


def values(text: str, lang: str) -> list[float]:
    return [q.value for q in extract_quantities(text, lang)]


def compare(fr: str, en: str):
    return compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("a loan portfolio totalling about half a trillion rubles", "en", 5e11, "RUB"),
        ("about half a million rubles", "en", 5e5, "RUB"),
        ("a quarter of a billion dollars", "en", 2.5e8, "USD"),
        ("three quarters of a million tonnes", "en", 7.5e5, None),
        ("two-thirds of a million people", "en", 666_666.667, None),
        ("deux tiers d’un milliard de dollars", "fr", 666_666_667.0, "USD"),
        ("un quart d’un million de personnes", "fr", 2.5e5, None),
    ],
)
def test_a_fraction_before_a_scale_word_scales_the_fraction(text, lang, value, unit) -> None:
    (quantity,) = [q for q in extract_quantities(text, lang) if q.value > 1000]
    assert quantity.value == pytest.approx(value, rel=1e-6)
    if unit is not None:
        assert quantity.unit == unit


def test_a_fraction_of_something_else_is_left_alone() -> None:
    # no scale word follows: "two thirds of the deputies" keeps its two as before
    assert values("two thirds of the deputies voted for it", "en") == [2.0]
    assert values("a million rubles", "en") == [1e6]


def test_half_a_trillion_is_the_french_500_billion() -> None:
    # kremlin.ru: the French translation said the figure in figures
    fr = "Ce programme couvrira un portefeuille de prêts d’environ 500 milliards de roubles."
    en = "This programme will cover a loan portfolio totalling about half a trillion rubles."
    assert compare(fr, en).agrees
    wrong = fr.replace("500 milliards", "1 000 milliards")
    assert not compare(wrong, en).agrees


def test_an_event_rank_in_roman_numerals_is_the_french_ordinal() -> None:
    en = (
        "Vladimir Putin inspected preparations for the XXVII Summer World University Games"
        " to be held in 2013."
    )
    fr = (
        "Vladimir Poutine a inspecté les préparatifs de la XXVIIe Universiade d’été, qui se"
        " tiendra en 2013."
    )
    assert 27.0 in values(en, "en")
    assert compare(fr, en).agrees
    assert not compare(fr.replace("XXVIIe", "XXVIe"), en).agrees


@pytest.mark.parametrize(
    "text",
    [
        "Peter I founded the city.",
        "After World War II ended, the city was rebuilt.",
        "Nicholas II of Russia signed it.",
        "The office is on Alexander II Street.",
        "Pope John Paul II Foundation",
    ],
)
def test_a_regnal_or_war_number_after_a_name_is_no_rank(text: str) -> None:
    assert values(text, "en") == []


def test_a_century_in_roman_numerals_is_a_century() -> None:
    assert compare("au XXe siècle", "in the XX century").agrees


@pytest.mark.parametrize("text", ["th", "the 5 th of May", "Th. Smith wrote it."])
def test_a_lone_ordinal_suffix_is_no_crash(text: str) -> None:
    # "th" alone used to reach the number-word reader as an empty string (IndexError)
    assert all(q.value != 0 for q in extract_quantities(text, "en"))
