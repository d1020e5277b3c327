"""The word-level checks on real sentences: spelling (non-words, typos), English words left in
the French, outlier word links (wording), and their place among all checks."""

from __future__ import annotations

import pytest

from align.checks import CheckInput, run_checks
from align.checks.meaning import UntranslatedCheck
from align.checks.spelling import SpellingCheck
from align.checks.wording import WordingCheck
from align.model import Bead, Finding, FindingType, Sentence, Severity, Side, WordLink
from align.words.lexicon import pivot_lexicon


def sentences(side: Side, texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(side, i, t, 0, (0, len(t))) for i, t in enumerate(texts))


def one(fr: str, en: str) -> CheckInput:
    return CheckInput(
        fr=sentences(Side.FR, [fr]), en=sentences(Side.EN, [en]), beads=(Bead((0,), (0,), 0.8),)
    )


def spelling(fr: str, en: str) -> list[Finding]:
    return SpellingCheck().run(one(fr, en))


def untranslated(fr: str, en: str) -> list[Finding]:
    return UntranslatedCheck().run(one(fr, en))


# --- spelling -------------------------------------------------------------------------------


def test_a_french_non_word_is_medium_with_a_suggestion() -> None:
    # kremlin.ru: "the first line will deliver gas…" — the repairs of the ships
    (finding,) = spelling(
        "Les réparations des navieres ont commencé au chantier naval de Kertch.",
        "Repairs of the ships have begun at the Kerch shipyard.",
    )
    assert finding.type == FindingType.SPELLING and finding.severity == Severity.MEDIUM
    assert finding.details["reason"] == "non_word"
    assert finding.details["fr_word"]["text"] == "navieres"
    assert finding.details["suggestion"] == "navires"
    assert "“navieres” is not a French word" in finding.message


def test_a_rare_misspelling_next_to_a_common_word_is_a_low_typo() -> None:
    # a wrong accent is no French word at all (medium), however often the web has it
    (finding,) = spelling(
        "Je dois tout d’abord vous féliciter sincérement pour les bons résultats des élections.",
        "To begin with, I must sincerely congratulate you on the good results of the elections.",
    )
    assert finding.details["reason"] == "non_word" and finding.severity == Severity.MEDIUM
    assert finding.details["suggestion"] == "sincèrement"
    # a rare web spelling one edit from a much commoner word: a likely typo, low
    (finding,) = spelling("Le gouvernment a adopté le budget.", "The cabinet adopted the budget.")
    assert finding.details["reason"] == "typo" and finding.severity == Severity.LOW
    assert finding.details["suggestion"] == "gouvernement"
    # … a non-word when it copies the spelling of the English word of the bead
    (finding,) = spelling(
        "Le gouvernment a adopté le budget.", "The government has adopted the budget."
    )
    assert finding.details["reason"] == "non_word" and finding.severity == Severity.MEDIUM
    # kremlin.ru (the worked example): "professionalism" → "professionnalisme"
    (finding,) = spelling(
        "Je salue le professionalisme des équipes.", "I commend the teams' professionalism."
    )
    assert finding.details["suggestion"] == "professionnalisme"


def test_names_acronyms_figures_compounds_and_literary_forms_are_not_spelling_errors() -> None:
    assert (
        spelling(
            "Vladimir Poutine et Kassym-Jomart Tokaïev ont évoqué l’OTSC, la cybercriminalité, "
            "les ouvrages hydrotechniques et les relations russo-kazakhstanaises au XXIe siècle.",
            "Vladimir Putin and Kassym-Jomart Tokayev discussed the CSTO, cybercrime, "
            "hydro-technical constructions and Russian-Kazakhstan relations in the 21st century.",
        )
        == []
    )
    # passé simple and subjonctif imparfait are French, however rare on the web
    assert spelling("Nous nous assîmes et il examina la lettre.", "We sat; he examined it.") == []
    # a word the English side has too (a brand, a term kept as it is)
    assert spelling("Le projet Vostochny avance.", "The Vostochny project is progressing.") == []


def test_a_short_quotation_is_kept_as_written_but_dialogue_is_checked() -> None:
    assert spelling("Il a cité « navieres » pour s’en moquer.", "He quoted “navieres”.") == []
    (finding,) = spelling(
        '" Je ne pourrai pas vous l\'expliqer, dit Alice, car je ne suis plus moi-même. "',
        "' I can't explain myself, I'm afraid, sir, ' said Alice, ' because I'm not myself. '",
    )
    assert finding.details["suggestion"] == "expliquer"


# --- English words left in the French --------------------------------------------------------


def test_an_english_word_inside_a_french_name_is_untranslated() -> None:
    (finding,) = untranslated(
        "Le Board du Parquet général a décidé de se réunir en session élargie.",
        "The Prosecutor General's Office Board decided to hold an expanded meeting.",
    )
    assert finding.type == FindingType.UNTRANSLATED and finding.severity == Severity.MEDIUM
    assert finding.details["fr_word"]["text"] == "Board"
    assert finding.details["words"][0]["in_english_sentence"] is True


def test_an_english_institution_after_a_french_article_is_low() -> None:
    # kremlin.ru: "the UN Security Council resolutions"
    (finding,) = untranslated(
        "Nous respectons pleinement les résolutions du Security Council de l’ONU.",
        "We fully comply with the UN Security Council resolutions.",
    )
    assert finding.details["fr_word"]["text"] == "Security Council"
    assert finding.severity == Severity.LOW


def test_names_titles_and_loanwords_are_not_untranslated() -> None:
    assert (
        untranslated(
            "Narendra Modi a reçu Vladimir Poutine ; le leader indien a parlé du Gazprom et du "
            "week-end.",
            "Narendra Modi received Vladimir Putin; the Indian leader spoke of Gazprom and the "
            "weekend.",
        )
        == []
    )
    assert (
        untranslated(
            "Session plénière du Future Technologies Forum, à Moscou.",
            "Plenary session of the Future Technologies Forum in Moscow.",
        )
        == []
    )


def test_an_english_word_not_in_the_english_sentence_is_low_and_says_so() -> None:
    (finding,) = untranslated(
        "Les entreprises ont signé un contrat pour la delivery de gaz naturel liquéfié.",
        "The companies signed a contract for supplies of liquefied natural gas.",
    )
    assert finding.severity == Severity.LOW
    assert "not in the English sentence" in finding.message


# --- outlier links (wording) -------------------------------------------------------------


def test_an_outlier_encoder_link_is_low_and_needs_the_links() -> None:
    fr = ["Les dirigeants ont discuté de la concurrence et des échanges commerciaux."] * 1
    en = ["The leaders discussed cooperation and trade exchanges."]
    text_fr, text_en = fr[0], en[0]

    def link(en_word: str, fr_word: str, score: float) -> WordLink:
        a, b = text_en.index(en_word), text_fr.index(fr_word)
        return WordLink(0, (a, a + len(en_word)), 0, (b, b + len(fr_word)), score, "encoder")

    links = (
        link("leaders", "dirigeants", 0.9),
        link("discussed", "discuté", 0.86),
        link("cooperation", "concurrence", 0.3),
        link("trade", "commerciaux", 0.84),
        link("exchanges", "échanges", 0.92),
    )
    data = CheckInput(
        fr=sentences(Side.FR, fr),
        en=sentences(Side.EN, en),
        beads=(Bead((0,), (0,), 0.8),),
        links=(links,),
    )
    (finding,) = WordingCheck().run(data)
    assert finding.severity == Severity.LOW
    assert finding.details["reason"] == "outlier_link"
    assert finding.details["en_word"]["text"] == "cooperation"
    assert finding.details["fr_word"]["text"] == "concurrence"
    assert "“cooperation” is rendered as “concurrence” (0.30" in finding.message
    # links not computed: the check copes and reports no outlier
    assert WordingCheck().run(CheckInput(fr=data.fr, en=data.en, beads=data.beads)) == []


def test_word_checks_run_among_all_checks_without_an_encoder() -> None:
    found = run_checks(
        one(
            "Éventuellement, les navieres du Board seront réparés.",
            "Eventually, the Board's ships will be repaired.",
        )
    )
    kinds = {(str(f.type), f.details.get("reason")) for f in found}
    assert ("wording", "false_friend") in kinds
    assert ("spelling", "non_word") in kinds
    assert ("untranslated", "english_words") in kinds


def test_a_short_sentence_wholly_in_quotes_is_dialogue_and_is_checked() -> None:
    # TransRead, Jane Eyre: a line of dialogue is no title kept as written
    (finding,) = untranslated(
        '" Elle est dans le window-seat, bien sûr, Jack. "',
        '" She is in the window-seat, to be sure, Jack. "',
    )
    assert finding.details["fr_word"]["text"] == "window-seat"


def test_an_adverb_needs_its_adjective_to_be_a_word() -> None:
    assert spelling("Il s’exprima robustement.", "He spoke robustly.") == []
    (finding,) = spelling("Un mot nouvelement inventé.", "A newly invented word.")
    assert finding.details["fr_word"]["text"] == "nouvelement"


def test_an_english_name_copied_whole_is_untranslated_hyphens_and_elisions_included() -> None:
    # kremlin.ru (heldout pages): the title of a UN post, a union after an elided article
    (finding,) = untranslated(
        "Je remercie le Secretary-General de l’ONU pour son message.",
        "I thank the UN Secretary-General for his message.",
    )
    assert finding.details["fr_word"]["text"] == "Secretary-General"
    (finding,) = untranslated(
        "Nous avons évoqué les perspectives de développement de l’Eurasian Economic Union.",
        "We discussed the Eurasian Economic Union’s development prospects.",
    )
    assert finding.details["fr_word"]["text"] == "Eurasian Economic Union"
    # half English after a French article: "la Central Bank"; no article, mostly English
    (finding,) = untranslated(
        "Nous avons demandé à la Central Bank d’agir.", "We asked the Central Bank to act."
    )
    assert finding.details["fr_word"]["text"] == "Central Bank"
    (finding,) = untranslated("Interview accordée à Channel One.", "Interview to Channel One.")
    assert finding.details["fr_word"]["text"] == "Channel One"
    # the English part of a name, cut at the person's name
    (finding,) = untranslated(
        "Rencontre avec le président de l’Eurasian Economic Commission Tigran Sarkissian.",
        "Meeting with Chairman of the Eurasian Economic Commission Tigran Sargsyan.",
    )
    assert finding.details["fr_word"]["text"] == "Eurasian Economic Commission"


def test_french_compounds_names_and_speaker_labels_are_not_untranslated() -> None:
    assert (
        untranslated(
            "Le cessez-le-feu tient depuis le week-end, a dit Kassym-Jomart Tokaïev.",
            "The ceasefire has held since the weekend, Kassym-Jomart Tokayev said.",
        )
        == []
    )
    # a speaker label is a name: the same in both languages
    assert untranslated("Dmitri Peskov", "Dmitry Peskov") == []
    # a name in the English ("the Sins") that the French writes in lower case
    assert (
        untranslated(
            "Elle a été mise là par les sarregousets, qui sont la même chose que les sins.",
            "It was placed there by the Sarregousets, who are the same as the Sins.",
        )
        == []
    )


def test_a_rare_english_word_copied_into_the_french_is_untranslated() -> None:
    # TransRead, Jane Eyre / Vingt mille lieues: rare words no French list knows
    (finding,) = untranslated(
        "Le lit était couvert d’une counterpane blanche comme la neige.",
        "The bed was spread with a snowy Marseilles counterpane.",
    )
    assert finding.details["fr_word"]["text"] == "counterpane"
    assert finding.severity == Severity.MEDIUM
    # the English says it in the singular: the lemma is copied
    (finding,) = untranslated(
        "Il voulait savoir comment on traitait les queens d’Angleterre en France.",
        "He wanted to know how a queen of England was treated in France.",
    )
    assert finding.details["fr_word"]["text"] == "queens"


# --- look-alikes the dictionary does not pair (wording) ----------------------------------------


def wording_with(fr: str, en: str, encoder=None) -> list[Finding]:
    data = one(fr, en)
    return WordingCheck().run(CheckInput(fr=data.fr, en=data.en, beads=data.beads, encoder=encoder))


def test_a_look_alike_the_dictionary_does_not_pair_is_a_wording_finding(use_encoder) -> None:
    # kremlin.ru: "the safety of OSCE observers on the line of contact" — "contrat" looks like
    # "contact" but means contract; no curated list has the pair
    fr = "Il s’agissait d’assurer la sécurité des observateurs de l’OSCE sur la ligne de contrat."
    en = "It was about ensuring the safety of OSCE observers on the line of contact."
    (finding,) = wording_with(fr, en)
    assert finding.details["reason"] == "look_alike"
    assert finding.details["fr_word"]["text"] == "contrat"
    assert "contract" in finding.details["fr_meanings"]
    assert finding.severity == Severity.LOW  # the dictionary alone
    # with the encoder agreeing that the two words differ: two signals, medium
    (finding,) = wording_with(fr, en, use_encoder)
    assert finding.severity == Severity.MEDIUM
    assert finding.details["word_similarity"] < 0.5
    # rendered right: nothing
    assert wording_with(fr.replace("contrat", "contact"), en, use_encoder) == []


def test_look_alikes_of_one_family_numbers_and_synonyms_are_no_wording_finding(
    use_encoder,
) -> None:
    # "promotion" is the noun of "promoting"; "douze" renders "a dozen" (a number);
    # "précédentes" means "previous", which the encoder finds is "preceding"
    assert (
        wording_with(
            "Nous travaillons à la promotion des exportations russes.",
            "We are working on promoting Russian exports.",
            use_encoder,
        )
        == []
    )
    assert wording_with("Il avait douze enfants.", "He had a dozen children.", use_encoder) == []
    previous = (
        "Les chiffres sont meilleurs que ceux des années précédentes.",
        "The figures are better than those of the preceding years.",
    )
    assert wording_with(*previous, use_encoder) == []
    if pivot_lexicon():
        # the Apertium pivot pairs know "preceding" = "précédent": no hint at all
        assert wording_with(*previous) == []
    else:
        (alone,) = wording_with(*previous)  # FreeDict alone does not know it: a low hint
        assert alone.severity == Severity.LOW


@pytest.fixture(scope="module")
def use_encoder():
    from align.embed import get_encoder

    return get_encoder("use")


def test_a_wrong_accent_is_a_non_word_even_where_the_web_has_it() -> None:
    # kremlin.ru: "an expensive project"; "couteux" is common on the web, never French
    (finding,) = spelling("C’est un projet couteux.", "It is an expensive project.")
    assert finding.severity == Severity.MEDIUM and finding.details["suggestion"] == "coûteux"
    # the English word spelled without its accents is no copy of it
    (finding,) = spelling(
        "Il dirige le sécrétariat du Bureau.", "He heads the Secretariat of the Bureau."
    )
    assert finding.details["suggestion"] == "secrétariat"


def test_a_prefix_does_not_hide_a_slip_and_a_word_no_list_knows_is_low() -> None:
    # "pro" + "vissions" is no compound: one edit from "provisions"
    (finding,) = spelling(
        "Il emporta des provissions pour la route.", "He took provisions for the road."
    )
    assert finding.details["suggestion"] == "provisions"
    assert spelling("Les ouvrages hydrotechniques.", "Hydro-technical constructions.") == []
    # TransRead, Vingt mille lieues: a rare real word no list has, near no French word
    (finding,) = spelling(
        "Le babiroussa dormait dans sa cage.", "The babirusa was asleep in its cage."
    )
    assert finding.severity == Severity.LOW and finding.details["reason"] == "unknown"
    # the lower-case part of a hyphenated name is part of the name
    assert spelling("Le baron de Thunder-ten-tronckh.", "The Baron of Thunder-ten-Tronckh.") == []


def test_speech_cut_by_a_said_clause_is_checked() -> None:
    (finding,) = spelling(
        '" Je ne puis pas m\'expliqer, " dit Alice, " car je ne suis plus moi-même. "',
        "' I can't explain myself, ' said Alice, ' because I'm not myself. '",
    )
    assert finding.details["fr_word"]["text"] == "expliqer"


def test_a_lone_capitalised_english_word_copied_is_judged_as_a_word() -> None:
    # TransRead, Alice: "O Mouse, do you know the way out of this pool?"
    (finding,) = untranslated(
        "« Ô Mouse, savez-vous comment sortir de cette mare ? »",
        '"O Mouse, do you know the way out of this pool?"',
    )
    assert finding.details["fr_word"]["text"] == "Mouse"
    # an accent slip is not hidden by a prefix ("ré" + "proches")
    (finding,) = spelling("Il écouta ses réproches.", "He listened to her reproaches.")
    assert finding.details["suggestion"] == "reproches"


def test_an_inflected_french_form_is_no_english_word() -> None:
    # kremlin.ru: "candidates" is the feminine plural of "candidat" as well as English
    assert (
        untranslated(
            "Les villes candidates ont présenté leurs projets.",
            "The candidates presented their projects.",
        )
        == []
    )


def test_a_rare_real_word_like_the_english_one_is_no_anglicised_slip() -> None:
    # "bibliographe" (a bibliographer) is French, one letter from "bibliographie"
    found = spelling(
        "Le bibliographe a présenté son travail.", "The bibliographer presented his work."
    )
    assert all(f.severity == Severity.LOW for f in found)
