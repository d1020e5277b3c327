"""Negation said without "ne … pas" / "not", and French negations that negate nothing.

Each raised a `mistranslation` (negation on one side only) on a faithful pair of the word
benchmark's tuning sets (real kremlin.ru English, French written by hand):

* "ne" alone before pouvoir in the present ("Elle ne peut toutefois dépasser …" for "it does
  not exceed"): the literary negation was read for the imperfect ("ne pouvait") only;
* English says it with a word rather than "not": "unable", "fail to", "far from everyone",
  "lack of"; French with "impossible", "faute de";
* a French litote that says something positive: "ce qui ne serait pas de trop" (which we
  could do with). "Ne pas manquer de" stays a negation: English says "did not fail to" too.
"""

from __future__ import annotations

import pytest

from align.checks.base import CheckInput
from align.checks.meaning import NegationCheck, french_negations, negating_words
from align.model import Bead, Sentence, Side


def one_bead(fr: str, en: str) -> CheckInput:
    return CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Elle ne peut toutefois dépasser un plafond fixé à 40 600 roubles.",
        "Nous ne pouvons ignorer ces chiffres.",
        "Ils ne peuvent prétendre à cette aide.",
        "Je ne sais que vous répondre ? Non : je ne saurais vous le dire.",
        "Je ne puis accepter ces conditions.",
    ],
)
def test_literary_ne_before_pouvoir_and_savoir_negates(text: str) -> None:
    assert french_negations(text)


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        (
            "Elle ne peut toutefois dépasser un plafond fixé à 40 600 roubles.",
            "However, it does not exceed a certain amount, which is set at 40,600 rubles.",
        ),
        (
            "Tout le monde, loin de là, n’est pas fait pour ce travail.",
            "Far from everyone is suited to this work.",
        ),
        (
            "Les régions n’ont pas pu achever les travaux à temps.",
            "The regions were unable to complete the work on time.",
        ),
        (
            "Les entreprises n’ont pas réussi à obtenir les crédits.",
            "The companies failed to obtain the loans.",
        ),
        (
            "Cela nous aidera aussi à alléger la bureaucratie, ce qui ne serait pas de trop"
            " dans la situation actuelle.",
            "This will also help us streamline bureaucracy, which is something we could do"
            " with in the current situation.",
        ),
        (
            "Il est impossible de régler ce problème en un an.",
            "This problem cannot be solved in a year.",
        ),
    ],
)
def test_a_negation_said_another_way_is_no_flip(fr: str, en: str) -> None:
    assert NegationCheck().run(one_bead(fr, en)) == []


def test_words_that_negate_by_their_meaning() -> None:
    assert negating_words("The regions were unable to complete the work.", "en")
    assert negating_words("The companies failed to obtain the loans.", "en")
    assert negating_words("Far from everyone is suited to this work.", "en")
    assert negating_words("The lack of funds slowed the project.", "en")
    assert negating_words("Il est impossible de régler ce problème.", "fr")
    assert negating_words("Faute d’argent, le projet a été gelé.", "fr")
    # a distance is no negation
    assert not negating_words("The plant stands far from the city.", "en")
    # and they are no grammatical negation: "impossible" is itself the opposite of "possible"
    assert not french_negations("Il est impossible de régler ce problème.")


def test_french_litotes_are_no_negation() -> None:
    assert not french_negations("Un peu d’aide ne serait pas de trop.")
    # ... but the plain negation still is one
    assert french_negations("Les délégués ne visiteront pas la centrale.")


def test_a_real_flip_still_fires() -> None:
    fr = "Elle peut toutefois dépasser un plafond fixé à 40 600 roubles."
    en = "However, it does not exceed a certain amount, which is set at 40,600 rubles."
    assert len(NegationCheck().run(one_bead(fr, en))) == 1
    fr = "Les régions ont pu achever les travaux à temps."
    en = "The regions were not able to complete the work on time."
    assert len(NegationCheck().run(one_bead(fr, en))) == 1
