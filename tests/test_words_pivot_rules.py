"""The word checks' rules that stand on the Apertium resources (align/words/pivot.py): the
sure pairs and the analysers' lemmas of `wording` look-alikes, and the English and French
morphological dictionaries of `untranslated`. Real sentences (kremlin.ru, TransRead)."""

from __future__ import annotations

import pytest
from shared_data import absent

from align.checks import CheckInput
from align.checks.meaning import UntranslatedCheck
from align.checks.wording import WordingCheck, look_alikes_in
from align.model import Bead, Finding, FindingType, Sentence, Severity, Side
from align.words import pivot
from align.words.lexicon import pivot_lexicon


@pytest.fixture(autouse=True)
def apertium() -> None:
    if not pivot_lexicon():
        absent(f"Apertium is not installed (apt-get install {pivot.DEBIAN_PACKAGES})")


def sentences(side: Side, text: str) -> tuple[Sentence, ...]:
    return (Sentence(side, 0, text, 0, (0, len(text))),)


def one(fr: str, en: str, encoder=None) -> CheckInput:
    return CheckInput(
        fr=sentences(Side.FR, fr),
        en=sentences(Side.EN, en),
        beads=(Bead((0,), (0,), 0.8),),
        encoder=encoder,
    )


def look_alikes(fr: str, en: str) -> list[tuple[str, str]]:
    found = look_alikes_in(sentences(Side.EN, en), sentences(Side.FR, fr))
    return [(f.en.text, f.fr.text) for f in found]


def untranslated(fr: str, en: str) -> list[Finding]:
    return UntranslatedCheck().run(one(fr, en))


@pytest.fixture(scope="module")
def use_encoder():
    from align.embed import get_encoder

    return get_encoder("use")


# --- wording: look-alikes ---------------------------------------------------------------------


def test_a_french_word_means_only_what_two_pivot_languages_agree_on() -> None:
    # Esperanto alone gives "ethnie" as "population": no evidence that "ethnies" is wrong
    assert (
        look_alikes(
            "Des représentants de toutes les ethnies du pays ont pris part au forum.",
            "Representatives of all the country's ethnic groups took part in the forum.",
        )
        == []
    )


def test_the_analysers_lemmas_find_what_an_inflected_word_means() -> None:
    # kremlin.ru: "négatives" is "négatif" (negative), not "négative" (a refusal)
    assert (
        look_alikes(
            "Ces restrictions ont des conséquences négatives pour l’économie mondiale.",
            "These restrictions have negative consequences for the global economy.",
        )
        == []
    )


def test_a_look_alike_the_sure_pairs_give_other_meanings_is_found(use_encoder) -> None:
    # kremlin.ru: "we agreed that this was the most appropriate way"; "agréer" means to
    # accept formally, and no rendering of "agree" is in the French
    fr = (
        "Le ministère des Transports semble le plus proche, et nous avons agréé que c’était "
        "la manière la plus appropriée d’organiser ce travail."
    )
    en = (
        "The Ministry of Transport seems the closest, and we agreed that this was the most "
        "appropriate way to organise this work."
    )
    assert look_alikes(fr, en) == [("agreed", "agréé")]
    findings = WordingCheck().run(one(fr, en, use_encoder))
    assert [f.type for f in findings] == [FindingType.WORDING]
    assert "agréé" in findings[0].message
    # rendered right: nothing
    right = fr.replace("nous avons agréé", "nous sommes convenus")
    assert look_alikes(right, en) == []
    assert WordingCheck().run(one(right, en, use_encoder)) == []


def test_a_look_alike_the_encoder_finds_near_one_meaning_is_low(use_encoder) -> None:
    # kremlin.ru: "libraries" rendered as "librairies" (bookshops): the encoder finds
    # "libraries" far from "librairies" but near one of its meanings ("bookstore"): low
    fr = "Nous devons moderniser les librairies publiques des petites villes."
    en = "We must modernise the public libraries of small towns."
    check = WordingCheck()
    (found,) = look_alikes_in(sentences(Side.EN, en), sentences(Side.FR, fr))
    (similarities,) = check._word_similarities(one(fr, en, use_encoder), [found])
    word, meaning = similarities
    finding = check._look_alike_finding(one(fr, en, use_encoder), found, word, meaning)
    assert finding.details["meaning_similarity"] == round(meaning, 3)
    expected = Severity.MEDIUM if max(word, meaning) < 0.5 else Severity.LOW
    assert finding.severity == expected
    assert meaning >= 0.5 and finding.severity == Severity.LOW


# --- untranslated: the morphological dictionaries --------------------------------------------


def test_an_english_word_the_french_web_knows_is_english_for_the_analysers() -> None:
    # TransRead (Les Travailleurs de la mer): "cow" is on the French web (wordfreq Zipf 3.4)
    # but no French analyser knows it; copied from the English: medium
    (finding,) = untranslated(
        "Ce n’est pas une bonne cow, dit-il.",
        "She is not a good cow, said he.",
    )
    assert finding.severity == Severity.MEDIUM
    assert finding.details["fr_word"]["text"] == "cow"
    # the French word, however English it looks on the web, is French for the analysers
    assert untranslated("Ce n’est pas une bonne vache, dit-il.", "She is not a good cow.") == []


def test_a_capitalised_english_noun_after_a_french_determiner_is_english() -> None:
    # TransRead (Alice): "said the Caterpillar" — a noun the English writes with a capital
    (finding,) = untranslated(
        "« Qui êtes-vous ? » dit la Caterpillar.",
        "“Who are you?” said the Caterpillar.",
    )
    assert finding.details["fr_word"]["text"] == "Caterpillar"
    assert finding.severity == Severity.MEDIUM
    # a name after a determiner is not English ("le Kremlin"), nor a capitalised word
    # that does not follow one ("Nord Stream")
    assert (
        untranslated(
            "Le Président s’est entretenu au Kremlin avec les dirigeants de Gazprom.",
            "The President met at the Kremlin with the heads of Gazprom.",
        )
        == []
    )


def test_an_english_name_counts_words_only_the_english_analyser_knows() -> None:
    # kremlin.ru: "the Inter-Parliamentary Union"; "Parliamentary" is rare on the English web
    # and on the French one alike, but only Apertium's English analyser knows it
    (finding,) = untranslated(
        "Les membres de l’Inter-Parliamentary Union sont venus à Saint-Pétersbourg.",
        "Members of the Inter-Parliamentary Union came to St Petersburg.",
    )
    assert finding.details["fr_word"]["text"] == "Inter-Parliamentary Union"
    # translated, nothing
    assert (
        untranslated(
            "Les membres de l’Union interparlementaire sont venus à Saint-Pétersbourg.",
            "Members of the Inter-Parliamentary Union came to St Petersburg.",
        )
        == []
    )


# --- spelling: slips the web repeats -----------------------------------------------------------


def spelling(fr: str, en: str) -> list[Finding]:
    from align.checks.spelling import SpellingCheck

    return SpellingCheck().run(one(fr, en))


def test_a_slip_the_web_repeats_is_a_non_word_when_no_dictionary_knows_it() -> None:
    # kremlin.ru: "I am absolutely delighted to welcome to the Russian capital all our guests"
    en = "I am absolutely delighted to welcome to the Russian capital all our guests."
    (finding,) = spelling("Je suis ravi d’acceuillir dans la capitale russe tous nos invités.", en)
    assert finding.severity == Severity.MEDIUM and finding.details["reason"] == "non_word"
    assert finding.details["suggestion"] == "accueillir"  # two letters swapped
    assert spelling("Je suis ravi d’accueillir dans la capitale russe tous nos invités.", en) == []
    # TransRead (Emma): a doubled letter written once
    (finding,) = spelling(
        "Il est imposible qu’Emma ne regrette pas une telle compagne, dit M. Knightley.",
        "It is impossible that Emma should not miss such a companion, said Mr. Knightley.",
    )
    assert finding.details["suggestion"] == "impossible" and finding.severity == Severity.MEDIUM


def test_a_rare_word_one_other_letter_from_a_common_one_is_no_non_word() -> None:
    # TransRead (La Faute de l'abbé Mouret): "lestement" (nimbly) is a word, not "lentement"
    found = spelling(
        "Il sauta lestement par-dessus le mur du jardin.",
        "He jumped nimbly over the garden wall.",
    )
    assert all(f.severity == Severity.LOW for f in found)


def test_a_name_with_an_english_only_word_and_words_english_shares_is_english() -> None:
    # kremlin.ru: "the Water Sports Palace and the Kazan Arena football stadium": "Water"
    # only English has; "Sports" and "Palace" French has too, but the English analyser
    # knows them: the phrase is English as written
    en = (
        "President Putin visited a number of sports facilities, including the Water Sports "
        "Palace and the Kazan Arena football stadium."
    )
    (finding,) = untranslated(
        "Le Président Poutine a visité plusieurs installations sportives, dont le Water "
        "Sports Palace et le stade de football Kazan Arena.",
        en,
    )
    assert finding.details["fr_word"]["text"] == "Water Sports Palace"
    # translated: the French "Palais" and "nautiques" are no English words
    assert (
        untranslated(
            "Le Président Poutine a visité plusieurs installations sportives, dont le Palais "
            "des sports nautiques et le stade de football Kazan Arena.",
            en,
        )
        == []
    )
