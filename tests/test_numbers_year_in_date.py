"""A year one side tells apart and the other side's full date holds: no number is missing.

"Le 28 août 2023" for "In 2023 … on August 28": the two dates agree on the day, the French
date holds the year the English gives in another phrase. Before, the English 2023 was reported
missing (and, the other way round, a French "En 2023" added).
"""

from __future__ import annotations

import pytest

from align.numbers import compare_quantities, extract_quantities


def compare(fr: str, en: str):
    return compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        (
            "Le 28 août 2023, le Président a signé le décret sur la création du fonds.",
            "In 2023, the President signed several decrees; the one creating the fund was"
            " signed on August 28.",
        ),
        (
            "Le 4 février 2003, lors de leur précédente rencontre, MM. Poutine et Vajpayee"
            " étaient parvenus à des accords.",
            "In 2003, Mr Putin and Mr Vajpayee reached accords during their previous meeting,"
            " on February 4.",
        ),
    ],
)
def test_an_english_year_the_french_date_holds_is_not_missing(fr: str, en: str) -> None:
    result = compare(fr, en)
    assert result.agrees, result
    # the English year is paired with the French date that holds it
    (year,) = [e for e in extract_quantities(en, "en") if e.raw.isdigit()]
    assert any(e == year and f.raw.endswith(year.raw) for f, e in result.matched)


def test_a_french_year_the_english_date_holds_is_not_added() -> None:
    # kremlin.ru, 20 December 2012 (17173): the French tells 2013 apart from "1er janvier"
    en = (
        "If last year the maternity capital was 365,698 rubles, at present it is 387,640"
        " rubles, and on January 1, 2013 it will be increased to 408,961 rubles."
    )
    fr = (
        "Le capital maternité était de 365 698 roubles l’an dernier ; il est aujourd’hui de"
        " 387 640 roubles et, en 2013, il sera porté à 408 961 roubles au 1er janvier."
    )
    result = compare(fr, en)
    assert result.agrees, result
    assert any(f.raw == "2013" and e.raw == "January 1, 2013" for f, e in result.matched)


def test_a_year_no_date_holds_is_still_missing() -> None:
    result = compare(
        "Lors de leur précédente rencontre, le 4 février, MM. Poutine et Vajpayee étaient"
        " parvenus à des accords.",
        "In 2003, Mr Putin and Mr Vajpayee reached accords during their previous meeting,"
        " on February 4.",
    )
    assert [q.raw for q in result.missing] == ["2003"]
    assert not result.added


def test_a_date_holding_another_year_does_not_excuse_the_lost_one() -> None:
    result = compare(
        "Le 4 février 2004, lors de leur précédente rencontre, MM. Poutine et Vajpayee"
        " étaient parvenus à des accords.",
        "In 2003, Mr Putin and Mr Vajpayee reached accords during their previous meeting,"
        " on February 4.",
    )
    assert [q.raw for q in result.missing] == ["2003"]
    assert [q.value for q in result.added] == [2004.0]


def test_a_year_both_dates_give_does_not_excuse_a_third_one() -> None:
    # Both dates give 2003: the French date holds nothing its English partner lacks, so the
    # English sentence's second 2003, dropped by the French, is still missing.
    result = compare(
        "Le 4 février 2003, MM. Poutine et Vajpayee étaient parvenus à des accords.",
        "On February 4, 2003, Mr Putin and Mr Vajpayee reached accords; 2003 was a good year.",
    )
    assert [q.raw for q in result.missing] == ["2003"]


def test_a_year_held_by_the_first_of_two_dates_is_still_told() -> None:
    # two date pairs: the first French date holds the year, the second holds none; the year
    # the first holds is not forgotten when the second pair is read
    result = compare(
        "Le 28 août 2023, le Président a signé le décret ; il est entré en vigueur le 4 septembre.",
        "In 2023, the President signed the decree on August 28; it came into force on September 4.",
    )
    assert result.agrees, result


def test_a_year_held_by_the_first_of_two_english_dates_is_still_told() -> None:
    result = compare(
        "En 2023, le Président a signé le décret le 28 août ; il est entré en vigueur le"
        " 4 septembre.",
        "The President signed the decree on August 28, 2023; it came into force on September 4.",
    )
    assert result.agrees, result
