"""The qualifier check: one test per kind of align/lexicons/qualifiers.tsv and timeframes.tsv on a
real sentence of the kremlin.ru pages (../shared/kremlin-html), faithful and altered; durations,
spans of months, bad input."""

from __future__ import annotations

import time

import pytest

from align.checks.base import CheckInput
from align.checks.phrases import read_lexicon
from align.checks.qualifier import QualifierCheck
from align.model import Bead, Finding, Sentence, Side


def check(fr: str, en: str) -> list[Finding]:
    data = CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
    )
    return QualifierCheck().run(data)


# (kind, English, faithful French, altered French); the English is real kremlin.ru text
QUALIFIERS = [
    (
        "approx",
        "The volume of mortgage loans issued increased by about 40% last year.",
        "Le volume des prêts hypothécaires a augmenté d’environ 40 % l’an dernier.",
        "Le volume des prêts hypothécaires a augmenté de plus de 40 % l’an dernier.",
    ),
    (
        "almost",
        "Mortgage loans increased by almost 16 billion rubles.",
        "Les prêts hypothécaires ont augmenté de près de 16 milliards de roubles.",
        "Les prêts hypothécaires ont augmenté d’au moins 16 milliards de roubles.",
    ),
    (
        "over",
        "In the Caucasus, the unemployment rate is over 15 percent.",
        "Dans le Caucase, le taux de chômage dépasse 15 %.",
        "Dans le Caucase, le taux de chômage approche 15 %.",
    ),
    (
        "at_least",
        "We will pump at least 16 billion cubic metres.",
        "Nous pomperons au moins 16 milliards de mètres cubes.",
        "Nous pomperons au plus 16 milliards de mètres cubes.",
    ),
    (
        "under",
        "Other WTO members have a level of less than 5 percent.",
        "Les autres membres de l’OMC ont un niveau inférieur à 5 %.",
        "Les autres membres de l’OMC ont un niveau d’environ 5 %.",
    ),
    (
        "up_to",
        "They are getting up to 40,000 rubles now.",
        "Ils touchent désormais jusqu’à 40 000 roubles.",
        "Ils touchent désormais plus de 40 000 roubles.",
    ),
    (
        "only",
        "Only 1 percent of the funds was spent.",
        "Seul 1 % des fonds a été dépensé.",
        "Au moins 1 % des fonds a été dépensé.",
    ),
    (
        "exactly",
        "It was exactly 5,200 rubles.",
        "Elle s’élevait exactement à 5 200 roubles.",
        "Elle s’élevait environ à 5 200 roubles.",
    ),
]


@pytest.mark.parametrize(("kind", "en", "faithful", "altered"), QUALIFIERS)
def test_each_qualifier_kind(kind: str, en: str, faithful: str, altered: str) -> None:
    assert check(faithful, en) == []
    found = check(altered, en)
    assert found and found[0].details["kind"] in ("qualifier", "added_qualifier")
    assert kind in {w["kind"] for w in found[0].details["en_words"]}


def test_every_qualifier_kind_is_tested() -> None:
    kinds = {e["kind"] for e in read_lexicon("qualifiers.tsv", "kind").entries if not e.blocker}
    assert kinds == {kind for kind, *_ in QUALIFIERS}


def test_changed_qualifier_message_and_severity() -> None:
    en = "Russia invested more than 30 billion euros in India."
    [finding] = check("La Russie a investi environ 30 milliards d’euros en Inde.", en)
    assert finding.severity == "medium"
    assert finding.message.startswith(
        "English qualifies the figure as more than / at least (“more than”); the French as "
        "about / nearly (“environ”)"
    )


def test_a_dropped_qualifier_is_a_note() -> None:
    en = "The amount reached almost $8 billion."
    [finding] = check("Le montant a atteint 8 milliards de dollars.", en)
    assert (finding.severity, finding.details["kind"]) == ("low", "lost_qualifier")


def test_ne_que_is_only() -> None:
    en = "They will receive only fifteen."
    assert check("Ils n’en recevront que quinze.", en) == []
    assert check("Ils en recevront au moins quinze.", en)


def test_a_qualifier_without_a_figure() -> None:
    en = "The Court would address the two houses at least once every five years."
    assert (
        check("La Cour s’adresserait aux deux chambres au moins une fois tous les cinq ans.", en)
        == []
    )
    assert check("La Cour s’adresserait aux deux chambres au plus une fois tous les cinq ans.", en)


def test_nearly_every_lost() -> None:
    en = "We are cooperating in nearly every area."
    assert check("Nous coopérons dans presque tous les domaines.", en) == []
    assert check("Nous coopérons dans la quasi-totalité des domaines.", en) == []
    assert check("Nous coopérons dans tous les domaines.", en)


# (kind, English, faithful French, altered French) of timeframes.tsv
TIMEFRAMES = [
    (
        "rate",
        "There are 120 flights a week between the two capitals.",
        "Il y a 120 vols par semaine entre les deux capitales.",
        "Il y a 120 vols par mois entre les deux capitales.",
    ),
    (
        "period",
        "At the moment we are discussing the fuel market.",
        "En ce moment, nous discutons du marché des carburants.",
        "Cette semaine, nous discutons du marché des carburants.",
    ),
    (
        "period",
        "This year (as of December 17), inflation rose slightly.",
        "Cette année (au 17 décembre), l’inflation a légèrement augmenté.",
        "Ce mois-ci (au 17 décembre), l’inflation a légèrement augmenté.",
    ),
    (
        "span",
        "He examined the paper attentively for a long time.",
        "Il examina longtemps le papier avec attention.",
        "Il examina un instant le papier avec attention.",
    ),
    (
        "compare",
        "Industrial output grew 3 percent year-on-year.",
        "La production industrielle a progressé de 3 % en glissement annuel.",
        "La production industrielle a progressé de 3 % en glissement mensuel.",
    ),
    (
        "phase",
        "The maternity capital will be increased in late 2013.",
        "Le capital maternel sera augmenté fin 2013.",
        "Le capital maternel sera augmenté début 2013.",
    ),
    (
        "deadline",
        "We will resettle the residents by 2015.",
        "Nous relogerons les habitants d’ici 2015.",
        "Nous relogerons les habitants en 2015.",
    ),
]


@pytest.mark.parametrize(("kind", "en", "faithful", "altered"), TIMEFRAMES)
def test_each_time_frame_kind(kind: str, en: str, faithful: str, altered: str) -> None:
    assert check(faithful, en) == []
    found = check(altered, en)
    assert [f.details["kind"] for f in found] == [kind]


def test_every_time_frame_kind_is_tested() -> None:
    kinds = {e["kind"] for e in read_lexicon("timeframes.tsv", "kind").entries if not e.blocker}
    assert kinds == {kind for kind, *_ in TIMEFRAMES}


def test_a_rate_dropped_is_a_note() -> None:
    en = "Two reactors of 1,200 megawatts per year each."
    [finding] = check("Deux réacteurs de 1 200 mégawatts chacun.", en)
    assert (finding.severity, finding.details["kind"]) == ("low", "lost_rate")


@pytest.mark.parametrize(
    ("en", "faithful", "altered"),
    [
        (
            "You have been working as President for seven months now.",
            "Vous êtes Président depuis sept mois.",
            "Vous êtes Président depuis sept ans.",
        ),
        (
            "We formulated the amendments within just one day.",
            "Nous avons rédigé les amendements en une seule journée.",
            "Nous avons rédigé les amendements en une seule semaine.",
        ),
        (
            "The tests came back in 24 hours.",
            "Les tests sont revenus en une journée.",
            "Les tests sont revenus en un mois.",
        ),
    ],
)
def test_durations_compare_by_length(en: str, faithful: str, altered: str) -> None:
    assert check(faithful, en) == []
    [finding] = check(altered, en)
    assert (finding.details["kind"], finding.severity) == ("duration", "medium")


def test_a_span_of_months_told_as_one_month() -> None:
    en = "I have the data for January-October 2012: growth was 3.7%."
    assert (
        check("J’ai les chiffres de janvier à octobre 2012 : la croissance a été de 3,7 %.", en)
        == []
    )
    [finding] = check("J’ai les chiffres pour octobre 2012 : la croissance a été de 3,7 %.", en)
    assert finding.details["kind"] == "period"


@pytest.mark.parametrize(
    "text",
    [
        "environ 5 " * 2000,
        "1 2 3 4 5 " * 2000,
        "Около 5 процентов в год. " * 300,
        "plus de " * 1500,
    ],
)
def test_bad_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    check(text, text)
    assert time.perf_counter() - start < 30  # generous: a hang, not a benchmark
