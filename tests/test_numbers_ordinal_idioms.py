"""Ordinal words that rank nothing — discourse markers, adverbs, fixed vocabulary — are not
numbers; ordinals that do rank something still are. English sentences are from the kremlin.ru
pages in ../shared/kremlin-html; the French ones are faithful renderings of the same style."""

from __future__ import annotations

import pytest

from align.checks.base import CheckInput
from align.checks.numbers import NumberCheck
from align.model import Bead, Sentence, Side
from align.numbers import extract_quantities


def ordinals(text: str, lang: str) -> list[tuple[str, float]]:
    return [(q.raw, float(q.value)) for q in extract_quantities(text, lang) if q.kind == "ordinal"]


@pytest.mark.parametrize(
    "text",
    [
        # enumeration markers
        "First, Russia joined the WTO. Second, we signed the free trade zone agreement in the "
        "CIS. Third, the Customs Union and the Common Economic Space are working.",
        "Second: I did not throw anybody out.",
        "And second, my question.",
        # first of all / first and foremost / at first
        "Vladimir Putin: First of all, I do not agree with the statement.",
        "Democracy is first and foremost about compliance with laws.",
        "At first everyone was silent.",
        # adverbial "first"
        "Therefore, we will first tackle this problem, and then gradually move on.",
        "I need to read it first.",
        "Let me first address the international part of your question.",
        # "first" meaning initial: before a plural or a count
        "The first steps in this direction have been taken.",
        "In the first two quarters growth was slow.",
        # vocabulary
        "reduce support for second-class carriages on long-distance trains",
        "not limiting their activity in third-country markets",
        "He has first-hand knowledge of the region.",
        "This is the first time I attend your news conference.",
    ],
)
def test_english_ordinals_that_rank_nothing(text: str) -> None:
    assert ordinals(text, "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "Premièrement, la Russie a adhéré à l’OMC. Deuxième : nous avons signé l’accord.",
        "En premier lieu, je voudrais remercier nos collègues.",
        "Dans un premier temps, nous réglerons ce problème.",
        "Je dois d’abord le lire ; je le lirai en premier.",
        "Au premier abord, la question paraît simple.",
        "Les prix des matières premières ont baissé.",
        "des produits de première nécessité",
        "La Chine est un partenaire de premier plan et le premier partenaire commercial de la "
        "Russie.",
        "Nos médecins sont en première ligne.",
        "La Première dame a visité l’hôpital.",
        "C’est la première fois que je participe à votre conférence de presse.",
        "Les premières mesures dans ce sens ont été prises.",
    ],
)
def test_french_ordinals_that_rank_nothing(text: str) -> None:
    assert ordinals(text, "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("I hope that in the first quarter of 2013 we will gather the data.", "en", 1.0),
        ("First Deputy Prime Minister Denis Manturov reported.", "en", 1.0),
        ("The bill was adopted in first reading.", "en", 1.0),
        ("Her first idea was that she had fallen.", "en", 1.0),
        ("This is probably the third question.", "en", 3.0),
        ("Romanov was the first secretary of the regional party committee.", "en", 1.0),
        ("La première réunion aura lieu à Moscou.", "fr", 1.0),
        ("La Douma a adopté la loi en troisième lecture.", "fr", 3.0),
        ("Le premier vice-Premier ministre a présenté le rapport.", "fr", 1.0),
    ],
)
def test_ordinals_that_rank_stay_numbers(text: str, lang: str, expected: float) -> None:
    assert expected in [value for _, value in ordinals(text, lang)]


def _check(fr: str, en: str):
    data = CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
    )
    return NumberCheck().run(data)


def test_a_faithful_enumeration_raises_no_number_finding() -> None:
    en = "First, Russia joined the WTO. Second, we signed the free trade zone agreement."
    fr = "Tout d’abord, la Russie a adhéré à l’OMC. Ensuite, nous avons signé l’accord."
    assert _check(fr, en) == []


def test_a_changed_rank_is_still_caught() -> None:
    en = "The State Duma adopted the law in the first reading."
    fr = "La Douma d’État a adopté la loi en troisième lecture."
    findings = _check(fr, en)
    assert findings and findings[0].details["change"] == "altered"


def test_an_idiom_replaced_by_a_rank_is_still_caught() -> None:
    en = "We will first tackle this problem."
    fr = "Nous nous attaquerons à ce problème en deuxième."
    assert _check(fr, en)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        # kremlin.ru: "more than half a million children were on the waiting lists"
        ("more than half a million children", "en", 5e5),
        ("plus d’un demi-million d’enfants", "fr", 5e5),
        ("half a billion dollars", "en", 5e8),
        ("un demi-milliard de dollars", "fr", 5e8),
        ("Une quatre-vingtaine de régions", "fr", 80.0),
    ],
)
def test_halves_and_collectives_are_read_whole(text: str, lang: str, value: float) -> None:
    assert [q.value for q in extract_quantities(text, lang)] == [value]


def test_half_a_million_is_not_a_million() -> None:
    en = "When we started out, more than half a million children were on the waiting lists."
    fr = "Au départ, plus d’un demi-million d’enfants étaient sur liste d’attente."
    assert _check(fr, en) == []
    assert _check("Au départ, plus d’un million d’enfants étaient sur liste d’attente.", en)
