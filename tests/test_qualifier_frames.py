"""Time frames the qualifier check reads beyond its lexicon rows: dates told at another
precision (a month against a quarter or a half-year, a day dropped), a frame whose unit only
the other side's plain words say ("the past year" → "le mois écoulé"), lengths told without a
unit ("some time ago" → "il y a quelques semaines"), and terms (short / medium / long term,
the future told loosely). The English is real kremlin.ru text (../shared/kremlin-html)."""

from __future__ import annotations

import pytest

from align.checks.base import CheckInput
from align.checks.qualifier import QualifierCheck, calendar_dates
from align.model import Bead, Finding, Sentence, Severity, Side


def check(fr: str, en: str) -> list[Finding]:
    data = CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
    )
    return QualifierCheck().run(data)


# (English, faithful French, altered French, severity of the finding on the altered one)
FRAMES = [
    (  # a month told as a half-year
        "Ankara in September 2019.",
        "Ankara en septembre 2019.",
        "Ankara au second semestre 2019.",
        Severity.MEDIUM,
    ),
    (  # a year told as a part of it
        "Vladimir Putin inspected preparations for the XXVII Summer World University Games to "
        "be held in 2013.",
        "Vladimir Poutine a inspecté les préparatifs des XXVIIes Universiades d’été qui se "
        "tiendront en 2013.",
        "Vladimir Poutine a inspecté les préparatifs des XXVIIes Universiades d’été qui se "
        "tiendront au premier semestre 2013.",
        Severity.MEDIUM,
    ),
    (  # a day dropped from a date
        "Academy of Sciences and expect to make reliable conclusions regarding them by April 10 "
        "as well.",
        "Académie des sciences et comptons tirer des conclusions fiables à leur sujet d’ici le "
        "10 avril également.",
        "Académie des sciences et comptons tirer des conclusions fiables à leur sujet d’ici "
        "avril également.",
        Severity.LOW,
    ),
    (  # a span of days told as its last day
        "The talks took place in Astana on March 14–16.",
        "Les pourparlers se sont tenus à Astana du 14 au 16 mars.",
        "Les pourparlers se sont tenus à Astana le 16 mars.",
        Severity.LOW,
    ),
    (  # a period the lexicon reads on one side only: compared by its unit
        "Incomes may still be low but we can see that they have grown in the past year.",
        "Les revenus sont peut-être encore faibles, mais nous voyons qu’ils ont augmenté au "
        "cours de l’année écoulée.",
        "Les revenus sont peut-être encore faibles, mais nous voyons qu’ils ont augmenté au "
        "cours des derniers mois.",
        Severity.LOW,
    ),
    (  # the term of a contract
        "As for the gas issue, as you know, we have a long-term contract until 2019, I think.",
        "Quant à la question du gaz, comme vous le savez, nous avons un contrat à long terme "
        "jusqu’en 2019, je crois.",
        "Quant à la question du gaz, comme vous le savez, nous avons un contrat à court terme "
        "jusqu’en 2019, je crois.",
        Severity.MEDIUM,
    ),
    (
        "Mr Putin and Mr Nazarbayev also coordinated the schedule of short-term bilateral "
        "contacts at various levels.",
        "M. Poutine et M. Nazarbaïev ont également coordonné le calendrier des contacts "
        "bilatéraux à court terme à différents niveaux.",
        "M. Poutine et M. Nazarbaïev ont également coordonné le calendrier des contacts "
        "bilatéraux à moyen terme à différents niveaux.",
        Severity.MEDIUM,
    ),
    (  # the future told loosely, then as a month: how precise, a note
        "I have mentioned the upcoming national vote on amendments to the Constitution.",
        "J’ai évoqué le prochain vote national sur les amendements à la Constitution.",
        "J’ai évoqué le vote national du mois prochain sur les amendements à la Constitution.",
        Severity.LOW,
    ),
    (  # a length told without a unit, told with one
        "It was set up some time ago to provide construction technologies for the state border.",
        "Elle a été créée il y a quelque temps pour fournir des technologies de construction "
        "pour la frontière de l’État.",
        "Elle a été créée il y a quelques semaines pour fournir des technologies de "
        "construction pour la frontière de l’État.",
        Severity.LOW,
    ),
]


@pytest.mark.parametrize(("en", "faithful", "altered", "severity"), FRAMES)
def test_a_time_frame_told_otherwise_is_found(
    en: str, faithful: str, altered: str, severity: Severity
) -> None:
    assert check(faithful, en) == []
    found = check(altered, en)
    assert [f.severity for f in found] == [severity], [f.message for f in found]


def test_the_future_told_loosely_fits_the_near_and_the_far_future() -> None:
    en = "I have mentioned the upcoming national vote on amendments to the Constitution."
    assert check("J’ai évoqué le vote national qui aura lieu prochainement.", en) == []
    en = "As for the gas issue, we have a long-term contract."
    assert check("Quant au gaz, nous avons un contrat pour l’avenir.", en) == []
    found = check("Quant au gaz, nous avons un contrat à court terme.", en)
    assert [f.severity for f in found] == [Severity.MEDIUM]  # near against far


def test_a_length_not_told_fits_any_other_length_not_told() -> None:
    en = "It was set up some time ago to provide construction technologies."
    assert check("Elle a été créée il y a un moment pour fournir des technologies.", en) == []
    assert check("Elle a été créée il y a longtemps pour fournir des technologies.", en) == []


def test_dates_are_read_with_their_days() -> None:
    text = "Ankara (April 2018), Tehran (September 2018), talks on March 14–16 and on July 18."
    units = [m.unit for m in calendar_dates(Sentence(Side.EN, 0, text, 0, (0, len(text))), "en")]
    assert units == ["4:", "9:", "3:14,16", "7:18"]
    text = "du 14 au 16 mars, le 1er octobre et en mai 2020"
    units = [m.unit for m in calendar_dates(Sentence(Side.FR, 0, text, 0, (0, len(text))), "fr")]
    assert units == ["3:14,16", "10:1", "5:"]
    # a year after a month is no day ("June 2018"), nor a verb ("may")
    text = "In June 2018 we may meet."
    units = [m.unit for m in calendar_dates(Sentence(Side.EN, 0, text, 0, (0, len(text))), "en")]
    assert units == ["6:"]


# (English, faithful French, altered French): focus (only this / this above all) and the
# whole against a part, said without a figure; the English is real kremlin.ru text
SCALES = [
    (
        "And what happens there depends above all on the Syrian people themselves.",
        "Et ce qui s’y passe dépend avant tout du peuple syrien lui-même.",
        "Et ce qui s’y passe dépend uniquement du peuple syrien lui-même.",
    ),
    (
        "They are ready for it, but only if it meets the interests of their people.",
        "Ils y sont prêts, mais seulement si cela répond aux intérêts de leur peuple.",
        "Ils y sont prêts, mais surtout si cela répond aux intérêts de leur peuple.",
    ),
    (
        "These threats must be recognised by the entire international community.",
        "Ces menaces doivent être reconnues par l’ensemble de la communauté internationale.",
        "Ces menaces doivent être reconnues par une partie de la communauté internationale.",
    ),
]


@pytest.mark.parametrize(("en", "faithful", "altered"), SCALES)
def test_focus_and_whole_against_part_are_compared(en: str, faithful: str, altered: str) -> None:
    assert check(faithful, en) == []
    (found,) = check(altered, en)
    assert found.severity is Severity.LOW
    assert found.details["kind"] in ("focus", "quantity")


def test_above_all_is_no_figure() -> None:
    # "all" after "above", "after", "at" is an idiom: no figure qualified by "above" (more)
    en = "I mean the economy above all."
    assert check("Je pense avant tout à l’économie.", en) == []
    assert check("Je pense surtout à l’économie.", en) == []
    en = "After all, the Direct Line programmes are above all a way to take a look at the issues."
    assert (
        check("Après tout, la Ligne directe est avant tout un moyen d’examiner les questions.", en)
        == []
    )


def test_not_only_is_no_focus() -> None:
    en = "It is not only the economy, but also security."
    assert check("Il ne s’agit pas seulement de l’économie, mais surtout de la sécurité.", en) == []


EN_AMONG = (
    "The Public Prosecutor’s Office are among the most important and influential parts of the "
    "state."
)


def test_the_only_one_against_one_among_several() -> None:
    faithful = "Le parquet est l’un des organes les plus importants et influents de l’État."
    altered = "Le parquet est l’organe le plus important et le plus influent de l’État."
    assert check(faithful, EN_AMONG) == []
    (found,) = check(altered, EN_AMONG)
    assert found.details["kind"] == "superlative"
    assert found.severity is Severity.MEDIUM
    assert "one among several" in found.message
    en = "They discussed the implementation of the largest joint project."
    assert check("Ils ont évoqué la mise en œuvre du plus grand projet commun.", en) == []
    (found,) = check("Ils ont évoqué la mise en œuvre de l’un des plus grands projets communs.", en)
    assert found.details["kind"] == "superlative"


def test_words_in_est_and_french_adverbs_are_no_superlatives() -> None:
    en = "We discussed the interest of our partners and the rest of the agenda."
    assert check("Nous avons évoqué l’un des plus grands intérêts de nos partenaires.", en) == []
    en = "One of the most important tasks is to act as soon as possible."
    assert (
        check("L’une des tâches les plus importantes est d’agir le plus vite possible.", en) == []
    )


def test_almost_added_without_a_figure_is_a_note() -> None:
    en = (
        "Naturally, this would lead to the improvement of infrastructure throughout the region, "
        "which would also improve residents’ quality of life."
    )
    faithful = (
        "Naturellement, cela conduirait à l’amélioration des infrastructures dans toute la "
        "région, ce qui améliorerait aussi la qualité de vie des habitants."
    )
    altered = faithful.replace("dans toute la région", "dans presque toute la région")
    assert check(faithful, en) == []
    (found,) = check(altered, en)
    assert found.details["kind"] == "added_qualifier"
    assert found.severity is Severity.LOW


def test_once_and_twice_are_figures_a_bound_qualifies() -> None:
    en = "The Supreme Council is summoned by the President no less than once every four years."
    faithful = (
        "Le Conseil suprême est convoqué par le Président au moins une fois tous les quatre ans."
    )
    altered = "Le Conseil suprême est convoqué par le Président une fois tous les quatre ans."
    assert check(faithful, en) == []
    (found,) = check(altered, en)
    assert found.details["kind"] == "lost_qualifier"
    assert found.details["figure"] == {"en": "once", "fr": "une fois"}


def test_the_part_of_a_century_is_compared_without_a_year() -> None:
    en = "We must remember the lessons of the dramatic events of the early twentieth century."
    faithful = "Nous devons retenir les leçons des événements dramatiques du début du XXe siècle."
    altered = "Nous devons retenir les leçons des événements dramatiques de la fin du XXe siècle."
    assert check(faithful, en) == []
    (found,) = check(altered, en)
    assert found.details["kind"] == "phase"
    assert found.severity is Severity.MEDIUM
    # a phase a year figure holds is the figure's: one finding, not two
    (found,) = check(
        "Les travaux s’achèveront début 2019.", "The works will be completed in late 2019."
    )
    assert found.details["kind"] == "phase"
