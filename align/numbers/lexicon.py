"""Words and signs of quantities in French and English; month names come from babel."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel.dates import get_month_names

LANGS = ("fr", "en")

#: Scale words after a number written in digits (or before, for words: "deux millions").
#: French billion is 10¹², its milliard is English billion.
SCALES: dict[str, dict[str, float]] = {
    "fr": {
        "mille": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
        "billion": 1e12,
        "billions": 1e12,
        "billiard": 1e15,
        "billiards": 1e15,
        "trillion": 1e18,
        "trillions": 1e18,
        "md": 1e9,
        "mds": 1e9,
        "mrd": 1e9,
        "mrds": 1e9,
        "mln": 1e6,
    },
    "en": {
        "thousand": 1e3,
        "million": 1e6,
        "billion": 1e9,
        "trillion": 1e12,
        "quadrillion": 1e15,
        "millions": 1e6,  # "five or six millions" (older English)
        "billions": 1e9,
        "trillions": 1e12,
        "quadrillions": 1e15,
        "bn": 1e9,
        "mn": 1e6,
        "mln": 1e6,
        "tn": 1e12,
    },
}

#: Cardinal number words text2num reads inside a run (scale words above a thousand are not
#: here: they are read as scales so that "1,5 milliard" and "un milliard" share one path).
CARDINAL_WORDS: dict[str, tuple[str, ...]] = {
    "fr": tuple(
        re.split(
            r"\s+",
            "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
            "quatorze quinze seize vingt vingts trente quarante cinquante soixante cent cents "
            "mille",
        )
    ),
    "en": tuple(
        re.split(
            r"\s+",
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
            "seventy eighty ninety hundred thousand",
        )
    ),
}

#: (pattern, unit) in the order they are tried: longer first (km² before km before m).
_UNITS: dict[str, list[tuple[str, str]]] = {
    "fr": [
        (r"%", "%"),
        (r"pour\s?cent|pourcent|p\.\s?100", "%"),
        (r"points?\s+de\s+pourcentage", "pp"),
        (r"US\s?\$|\$|dollars?(?:\s+(?:américains|US))?|USD", "USD"),
        (r"€|euros?|EUR", "EUR"),
        (r"₽|roubles?|rbl|RUB", "RUB"),
        (r"yuans?|CNY", "CNY"),
        (r"tenge|tengués?|KZT", "KZT"),
        (r"km²|km2|kilom[èe]tres?\s+carrés", "km2"),
        (r"m²|m2|m[èe]tres?\s+carrés", "m2"),
        (r"m³|m3|m[èe]tres?\s+cubes", "m3"),
        (r"km|kilom[èe]tres?", "km"),
        (r"m[èe]tres?|m", "m"),
        (r"hectares?|ha", "ha"),
        (r"tonnes?|t", "t"),
        (r"kg|kilogrammes?|kilos?", "kg"),
        (r"heures?", "h"),
        (r"minutes?|min", "min"),
        (r"jours?", "day"),
        (r"semaines?", "week"),
        (r"mois", "month"),
        (r"ans|années", "year"),
        (r"si[èe]cles", "century"),
        (r"milles", "mi"),  # "mille" never takes an s as a number: "milles" are miles
        (r"n[œo]euds", "kn"),
    ],
    "en": [
        (r"%", "%"),
        (r"per\s?cent|pc", "%"),
        (r"percentage\s+points?", "pp"),
        (r"US\s?\$|\$|(?:US\s+)?dollars?|USD", "USD"),
        (r"€|euros?|EUR", "EUR"),
        (r"₽|roubles?|rubles?|RUB", "RUB"),
        (r"yuan|CNY", "CNY"),
        (r"tenge|KZT", "KZT"),
        (r"km²|km2|sq\.?\s?km|square\s+kilomet(?:re|er)s?", "km2"),
        (r"m²|m2|sq\.?\s?m|square\s+met(?:re|er)s?", "m2"),
        (r"m³|m3|cubic\s+met(?:re|er)s?", "m3"),
        (r"km|kilomet(?:re|er)s?", "km"),
        (r"met(?:re|er)s?|m", "m"),
        (r"hectares?|ha", "ha"),
        (r"(?:metric\s+)?tonnes?|(?:metric\s+)?tons?|t", "t"),
        (r"kg|kilograms?|kilos?", "kg"),
        (r"hours?", "h"),
        (r"minutes?|min", "min"),
        (r"days?", "day"),
        (r"weeks?", "week"),
        (r"months?", "month"),
        (r"years?", "year"),
        (r"centuries", "century"),
        (r"miles?", "mi"),
        (r"knots?", "kn"),
    ],
}

#: Currency signs and codes written before the number ($28.2 billion, Rb 120 billion).
CURRENCY_BEFORE = re.compile(
    r"(?:(?P<usd>US\s?\$|\$|USD\s)|(?P<eur>€|EUR\s)|(?P<rub>₽|Rb\.?\s?|RUB\s)|(?P<gbp>£)"
    r"|(?P<cny>¥|CNY\s))\s?$"
)
CURRENCY_GROUPS = {"usd": "USD", "eur": "EUR", "rub": "RUB", "gbp": "GBP", "cny": "CNY"}

APPROX_BEFORE = {
    "fr": re.compile(
        r"(?:\benviron|\bprès\s+d(?:e\s+|['’]\s*)|\bpresque|\bquasi(?:ment)?|\bapproximativement"
        r"|\bà\s+peu\s+près|\bautour\s+d(?:e\s+|['’]\s*)|\bquelque|\bpratiquement|\bgrosso\s+modo"
        r"|\bde\s+l['’]ordre\s+d(?:e\s+|['’]\s*)|\benv\.|\bvers|\baux\s+alentours\s+d(?:e\s+|['’]\s*)"
        r")\s*(?:les\s+|la\s+|le\s+|l['’])?$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:\babout|\baround|\bapproximately|\bapprox\.|\bsome|\bnearly|\balmost|\broughly"
        r"|\bclose\s+to|\bcirca|\bc\.|\bmore\s+or\s+less|\ban\s+estimated|\bin\s+the\s+region\s+of"
        r"|\bupwards\s+of)\s*(?:the\s+)?$",
        re.IGNORECASE,
    ),
}
APPROX_AFTER = {
    "fr": re.compile(r"\s*(?:environ|à\s+peu\s+près)\b", re.IGNORECASE),
    "en": re.compile(r"\s*(?:or\s+so|approximately)\b", re.IGNORECASE),
}


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


@cache
def month_numbers(lang: str) -> dict[str, int]:
    """Lower-case month name -> number, wide and abbreviated, with and without accents."""
    names: dict[str, int] = {}
    # French abbreviations are left out: "sept" is also seven, "mar" and "mai" are words.
    for width in ("wide", "abbreviated") if lang == "en" else ("wide",):
        for number, name in get_month_names(width, locale=lang).items():
            name = name.lower().rstrip(".")
            if len(name) < 3:
                continue
            names[name] = number
            names[strip_accents(name)] = number
    if lang == "en":
        names["sept"] = 9
    return names


@cache
def month_pattern(lang: str) -> str:
    """An alternation of month names; English ones capitalised so "may" and "march" stay verbs."""
    names = sorted(month_numbers(lang), key=len, reverse=True)
    if lang == "en":
        return "(?:" + "|".join(re.escape(n.capitalize()) for n in names) + r")\.?"
    return "(?i:" + "|".join(re.escape(n) for n in names) + ")"


@cache
def unit_patterns(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?:{pattern})(?![^\W\d_])", re.IGNORECASE), unit)
        for pattern, unit in _UNITS[lang]
    )


@cache
def scale_pattern(lang: str) -> re.Pattern[str]:
    words = sorted(SCALES[lang], key=len, reverse=True)
    return re.compile(r"\s*(" + "|".join(words) + r")(?![^\W\d_])", re.IGNORECASE)
