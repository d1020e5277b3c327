"""The curated word lists of align/lexicons: their format, and each entry class at work on a
real sentence (kremlin.ru English and its French translation)."""

from __future__ import annotations

import pytest

from align.checks import CheckInput
from align.checks.meaning import UntranslatedCheck
from align.checks.wording import WordingCheck
from align.model import Bead, Finding, Sentence, Severity, Side
from align.words.lexicon import (
    english_acronyms,
    false_friends,
    function_words,
    loanwords,
    read_tsv,
    senses,
    zipf,
)

LISTS = {
    "function_words.tsv": ("lang", "word", "class"),
    "false_friends.tsv": ("english", "false_friend", "right", "legit_when", "kind", "note"),
    "senses.tsv": ("english", "cue", "wrong", "right", "unless", "kind", "note"),
    "loanwords.tsv": ("word", "note"),
    "acronyms.tsv": ("english", "french", "meaning"),
}


def bead(fr: str, en: str) -> CheckInput:
    return CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 0.8),),
    )


def wording(fr: str, en: str) -> list[Finding]:
    return WordingCheck().run(bead(fr, en))


def untranslated(fr: str, en: str) -> list[Finding]:
    return UntranslatedCheck().run(bead(fr, en))


# --- format -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "columns"), LISTS.items())
def test_each_list_has_its_columns_and_a_source_line(name: str, columns: tuple[str, ...]) -> None:
    from importlib.resources import files

    text = files("align").joinpath("lexicons", name).read_text("utf-8")
    comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Source" in comments and "Licence" in comments
    rows = read_tsv(name)
    assert rows and all(tuple(row) == columns for row in rows)
    first = columns[0]
    assert all(row[first] for row in rows)


def test_function_words_are_frequent_words_of_their_language() -> None:
    """A closed class is made of the most frequent words: every entry is common (wordfreq)."""
    for lang in ("en", "fr"):
        words = function_words(lang)
        assert len(words) > 100
        rare = [w for w in words if zipf(w.replace("'", ""), lang) < 2.5]
        assert rare == [], rare
    # content words the links need are not function words
    assert not {"higher", "billion", "sensible", "present", "system"} & function_words("en")
    assert not {"sûr", "hausse", "baisse"} & function_words("fr")


def test_loanwords_are_words_of_french() -> None:
    assert {"leader", "week-end", "business"} <= loanwords()
    assert [w for w in loanwords() if zipf(w, "fr") < 2.0] == []


def test_every_entry_kind_is_known() -> None:
    assert {f.kind for f in false_friends()} == {"false", "partial"}
    assert {s.kind for s in senses()} == {"strong", "weak"}
    assert all(f.right and f.false_friend and f.english for f in false_friends())
    assert all(s.right and s.wrong and s.english for s in senses())


# --- false friends, each kind on a real sentence ---------------------------------------------

# kremlin.ru, 2020-03-25 (Address to the citizens)
EN_EVENTUALLY = "Eventually, all of us will have to work together to overcome this threat."


def test_a_false_friend_of_kind_false_is_medium() -> None:
    (finding,) = wording(
        "Éventuellement, nous devrons tous travailler ensemble pour surmonter cette menace.",
        EN_EVENTUALLY,
    )
    assert finding.severity == Severity.MEDIUM
    assert finding.details["reason"] == "false_friend"
    assert finding.details["fr_word"]["text"] == "Éventuellement"
    assert "finalement" in finding.details["lexicon_line"]
    assert "“Eventually” is rendered as “Éventuellement”" in finding.message


def test_the_right_rendering_or_a_legit_source_word_clears_a_false_friend() -> None:
    assert (
        wording(
            "Finalement, nous devrons tous travailler ensemble pour surmonter cette menace.",
            EN_EVENTUALLY,
        )
        == []
    )
    # "actuellement" translates "currently" in the same bead: no error
    assert (
        wording(
            "Actuellement, ces régions comptent en fait plus de cas qu’ailleurs.",
            "Currently, these regions actually have more cases than elsewhere.",
        )
        == []
    )


def test_a_false_friend_of_kind_partial_is_low() -> None:
    # kremlin.ru: "Deputy Prime Minister Alexander Novak" — a deputy minister is a vice-ministre
    (finding,) = wording(
        "Le député Premier ministre Alexandre Novak a évoqué la situation du marché.",
        "Deputy Prime Minister Alexander Novak spoke about the market situation.",
    )
    assert finding.severity == Severity.LOW
    assert finding.details["lexicon_kind"] == "partial"
    # a Duma deputy is a député: the legit-when word clears it
    assert (
        wording(
            "Le député de la Douma d’État a évoqué la situation.",
            "The State Duma deputy spoke about the situation.",
        )
        == []
    )


# --- wrong senses, each kind --------------------------------------------------------------

EN_PLANT = "You have mentioned another major project, the Akkuyu Nuclear Power Plant."


def test_a_strong_wrong_sense_is_medium_and_needs_its_cue() -> None:
    (finding,) = wording(
        "Vous avez évoqué un autre grand projet, l’usine nucléaire d’Akkuyu.", EN_PLANT
    )
    assert finding.severity == Severity.MEDIUM
    assert finding.details["reason"] == "wrong_sense"
    assert "centrale" in finding.message
    assert (
        wording("Vous avez évoqué un autre grand projet, la centrale nucléaire d’Akkuyu.", EN_PLANT)
        == []
    )
    # an industrial plant (no power cue) may be an usine
    assert (
        wording(
            "Les ouvriers de l’usine automobile ont reçu une prime.",
            "The workers of the car plant received a bonus.",
        )
        == []
    )


def test_a_weak_wrong_sense_is_low_and_an_unless_word_clears_it() -> None:
    (finding,) = wording(
        "Le gaz proviendra des champs de Sibérie occidentale.",
        "The gas will come from the fields in western Siberia, where production is growing.",
    )
    assert finding.severity == Severity.LOW
    assert finding.details["lexicon_kind"] == "weak"
    assert (
        wording(
            "Les champs agricoles de Sibérie occidentale produisent du blé et du gaz.",
            "The agricultural fields of western Siberia produce wheat, and gas production grows.",
        )
        == []
    )


def test_a_phrase_entry_matches_the_whole_phrase() -> None:
    # kremlin.ru: support for large families
    (finding,) = wording(
        "Le Président a souligné la nécessité de soutenir les grandes familles.",
        "The President stressed the need to further support programmes for large families.",
    )
    assert finding.details["fr_word"]["text"] == "grandes familles"
    assert (
        wording(
            "Le Président a souligné la nécessité de soutenir les familles nombreuses.",
            "The President stressed the need to further support programmes for large families.",
        )
        == []
    )


# --- loanwords and acronyms --------------------------------------------------------------


def test_a_lone_loanword_is_no_error_but_an_english_phrase_is() -> None:
    assert (
        untranslated(
            "Le leader du parti a rencontré les électeurs.",
            "The party leader met the voters.",
        )
        == []
    )
    (finding,) = untranslated(
        "Quelque 900 business leaders des deux pays se réuniront aujourd’hui.",
        "As many as 900 business leaders on both sides will meet today.",
    )
    assert finding.details["fr_word"]["text"] == "business leaders"
    assert finding.severity == Severity.MEDIUM


def test_an_english_acronym_left_in_the_french_names_the_french_one() -> None:
    # kremlin.ru, 2020-03-25: "a considerable decline in GDP"
    (finding,) = untranslated(
        "Nous pouvons nous attendre à une baisse considérable du GDP, entre 3 et 5 %.",
        "We can expect a considerable decline in GDP – between 3 and 5 percent.",
    )
    assert "PIB" in finding.message and finding.severity == Severity.MEDIUM
    assert english_acronyms()["GDP"] == "PIB"
    # acronyms French keeps as they are raise nothing
    assert (
        untranslated(
            "Les pays des BRICS ont tenu leur sommet.", "The BRICS countries held their summit."
        )
        == []
    )


def test_a_right_rendering_of_another_english_word_does_not_clear_a_false_friend() -> None:
    # kremlin.ru: "The third issue is … the following problem" — "problème" renders
    # "problem", so it says nothing of how "issue" was rendered
    (finding,) = wording(
        "Troisième issue : les députés reçoivent des lettres sur le problème suivant.",
        "The third issue is that deputies are receiving letters on the following problem.",
    )
    assert finding.details["fr_word"]["text"] == "issue"
    assert (
        wording(
            "Troisième point : les députés reçoivent des lettres sur le problème suivant.",
            "The third issue is that deputies are receiving letters on the following problem.",
        )
        == []
    )


def test_a_false_friend_is_found_in_any_inflection_and_inside_an_inverted_verb() -> None:
    # kremlin.ru: "will the talks resume?" — "se résumeront-ils" (summarise) is one word
    (finding,) = wording(
        "Les pourparlers se résumeront-ils après la pause ?",
        "Will the talks resume after the break?",
    )
    assert finding.details["fr_word"]["text"] == "résumeront"
    # kremlin.ru: "their wages were delayed for months" — "délayer" is to dilute
    (finding,) = wording(
        "Leurs salaires ont été délayés pendant des mois.",
        "Their wages were delayed for months.",
    )
    assert finding.details["fr_word"]["text"] == "délayés"
    assert finding.severity == Severity.MEDIUM


def test_false_friends_of_everyday_lists_each_kind_on_a_real_sentence() -> None:
    # kind false: "currently" → "couramment" (commonly); "trust" → "confidence" (a secret)
    (finding,) = wording(
        "Le pays traverse couramment une période difficile.",
        "The country is currently going through a difficult period.",
    )
    assert finding.severity == Severity.MEDIUM and "couramment" in finding.message
    (finding,) = wording(
        "C’est la preuve de la confidence des investisseurs dans l’économie américaine.",
        "This is evidence of investors’ trust in the US economy.",
    )
    assert finding.details["fr_word"]["text"] == "confidence"
    # cleared by the legit-when word: "couramment" renders "fluently"
    assert (
        wording(
            "Il parle couramment le russe et travaille actuellement à Moscou.",
            "He speaks Russian fluently and currently works in Moscow.",
        )
        == []
    )
    # kind partial: "medicines" → "médecine" (the science) is low
    (finding,) = wording(
        "En plus des arriérés de salaires, la médecine est un autre sujet sensible.",
        "In addition to wage arrears, medicine is another sensitive issue.",
    )
    assert finding.severity == Severity.LOW and finding.details["lexicon_kind"] == "partial"


def test_homonym_senses_of_official_texts_with_and_without_a_cue() -> None:
    # kremlin.ru: "to further strengthen trade ties" — a cue word selects the sense
    (finding,) = wording(
        "Nous entendons renforcer encore nos cravates commerciales.",
        "We intend to further strengthen our trade ties.",
    )
    assert finding.details["reason"] == "wrong_sense" and finding.severity == Severity.MEDIUM
    assert finding.details["fr_word"]["text"] == "cravates"
    # the right rendering clears it; so does a word of the other sense ("wore a tie")
    assert (
        wording(
            "Nous entendons renforcer encore nos liens commerciaux.",
            "We intend to further strengthen our trade ties.",
        )
        == []
    )
    assert (
        wording(
            "Il portait une cravate pour renforcer les relations commerciales.",
            "He wore a tie to strengthen trade ties.",
        )
        == []
    )
    # an entry without a cue: "breakthrough" is never a "brèche" (a breach)
    (finding,) = wording("C’est une véritable brèche.", "This is a real breakthrough.")
    assert finding.details["fr_word"]["text"] == "brèche"
    # kind weak is low: works of art rendered as construction works
    (finding,) = wording(
        "L’exposition présente des travaux originaux de jeunes artistes.",
        "The exhibition presents original works by young artists.",
    )
    assert finding.severity == Severity.LOW
