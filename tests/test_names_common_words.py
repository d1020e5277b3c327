"""Names compared by spelling are people, places and organisations that are transliterated or
kept; capitalised common words of titles (treaties, agreements, laws), currency codes and
translated acronyms are not. English sentences are from the kremlin.ru pages in
../shared/kremlin-html; the French is a faithful rendering."""

from __future__ import annotations

import time

import pytest

from align.checks.base import CheckInput
from align.checks.config import CheckConfig
from align.checks.names import NameCheck, is_checkable, is_common_word, token_match
from align.model import Bead, Finding, Sentence, Side


def check(fr: str, en: str) -> list[Finding]:
    data = CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
    )
    return NameCheck().run(data)


@pytest.mark.parametrize(
    ("en", "fr"),
    [
        # titles of treaties and agreements: translated, not spelled alike
        (
            "You were right to say that 2002, when the US withdrew from the Anti-Ballistic "
            "Missile Treaty, was like opening Pandora’s box.",
            "Vous avez eu raison de dire que 2002, quand les États-Unis se sont retirés du "
            "Traité sur la limitation des systèmes antimissiles, a été comme ouvrir la boîte "
            "de Pandore.",
        ),
        (
            "I want to thank you for keeping your promise on the Comprehensive Test Ban Treaty.",
            "Je veux vous remercier d’avoir tenu votre promesse sur le Traité d’interdiction "
            "complète des essais nucléaires.",
        ),
        (
            "The President signed the Federal Law On Amendments to the Law On Equal Rights.",
            "Le Président a signé la loi fédérale portant modification de la loi sur l’égalité "
            "des droits.",
        ),
        # a currency code and a Cold War-era adjective
        (
            "The loan amounts to 10 billion USD, a Cold War-era figure.",
            "Le prêt s’élève à 10 milliards de dollars, un chiffre de l’époque de la guerre "
            "froide.",
        ),
        # institutions French translates
        (
            "Vladimir Putin attended the expanded meeting of the Prosecutor General’s Office "
            "Board.",
            "Vladimir Poutine a participé à la réunion élargie du collège du Parquet général.",
        ),
        # "World" in an institution's or event's name: CLDR's region 001 is a common noun
        (
            "According to the World Food Organisation, over 9 million Syrians, which is a half"
            " of the population, need food aid.",
            "Selon l’Organisation mondiale de l’alimentation, plus de 9 millions de Syriens,"
            " soit la moitié de la population, ont besoin d’une aide alimentaire.",
        ),
        (
            "Meeting participants discussed Russia's bid to host the 2020 World EXPO in"
            " Yekaterinburg.",
            "Les participants ont évoqué la candidature de la Russie à l’organisation de"
            " l’Exposition universelle de 2020 à Iekaterinbourg.",
        ),
        # a speaker label
        (
            "President of Russia Vladimir Putin: Good afternoon, colleagues.",
            "Le Président de la Russie Vladimir Poutine : Bonjour, chers collègues.",
        ),
    ],
)
def test_capitalised_common_words_raise_nothing_medium(en: str, fr: str) -> None:
    assert [f for f in check(fr, en) if f.severity in ("medium", "high")] == []


def test_translated_acronyms_are_at_most_a_note() -> None:
    en = "Or the situation can become similar to 2009, when our GDP plunged by nearly 8 percent."
    fr = "Ou la situation peut devenir semblable à 2009, quand notre PIB a chuté de près de 8 %."
    assert all(f.severity == "low" for f in check(fr, en))


@pytest.mark.parametrize(
    ("word", "lang", "common"),
    [
        ("Treaty", "en", True),
        ("Amendments", "en", True),
        ("Board", "en", True),
        ("Parquet", "fr", True),
        ("Palais", "fr", True),  # invariable: missing from simplemma's table
        ("Putin", "en", False),
        ("Novichkova", "en", False),
        ("Hatter", "en", False),  # a rare word: a character's name in Alice
    ],
)
def test_common_words_come_from_the_dictionary_and_frequencies(
    word: str, lang: str, common: bool
) -> None:
    assert is_common_word(word.casefold(), lang) is common


@pytest.mark.parametrize(
    ("word", "checkable"),
    [
        ("Treaty", False),
        ("USD", False),
        ("Putin", True),
        ("Valdai", True),
        ("Moscow", True),  # a common word that is a place: the gazetteer keeps it
        ("Turkish", True),  # CLDR language name ≈ nationality adjective (turc, turque)
    ],
)
def test_checkable_names(word: str, checkable: bool) -> None:
    assert is_checkable(word) is checkable


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("Turkish", "turque"),
        ("Armenia", "Arménie"),
        ("Yevgeny", "Evgueni"),
        ("Gerasimov", "Guerassimov"),
        ("Dyumin", "Dioumine"),
    ],
)
def test_gazetteer_and_transliteration_rules_match(english: str, french: str) -> None:
    _, score = token_match(english, ["de", french], CheckConfig())
    assert score >= CheckConfig().name_same_score


@pytest.mark.parametrize(
    ("en", "faithful", "garbled"),
    [
        (
            "Prime Minister Mikhail Mishustin",
            "Le Premier ministre Mikhaïl Michoustine",
            "Le Premier ministre Mikhaïl Michoutkine",
        ),
        (
            "Minister of Agriculture Dmitry Patrushev",
            "Le ministre de l’Agriculture Dmitri Patrouchev",
            "Le ministre de l’Agriculture Dmitri Patrouchine",
        ),
    ],
)
def test_a_garbled_name_close_to_the_right_one_is_a_note(
    en: str, faithful: str, garbled: str
) -> None:
    assert check(faithful, en) == []
    [finding] = check(garbled, en)
    assert finding.severity == "low"
    assert "spelled differently" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Владимир Путин встретился с Токаевым. " * 300,
        "Novichkova Overchuk Putin " * 400,
        " and ".join(
            f"Na{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}ov"
            for i in range(1500)
        ),
        "12 345 " * 1500,
    ],
)
def test_bad_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    check(text[::-1], text)
    assert time.perf_counter() - start < 30  # generous: a hang, not a benchmark
