"""Find the quantities of a French or English sentence and read their values.

Recognisers run from the most specific form to the least (dates before times before
ordinals before plain amounts); each claims the characters it reads, so "13 juillet 2023"
is one date and not a day plus a year. Every pattern is anchored on a digit, a month or a
number word and reads a bounded stretch after it, so a line is read in linear time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from itertools import pairwise

from text_to_num import text2num

from align.numbers.lexicon import (
    APPROX_AFTER,
    APPROX_BEFORE,
    CARDINAL_WORDS,
    CURRENCY_BEFORE,
    CURRENCY_GROUPS,
    LANGS,
    SCALES,
    is_ordinal_idiom,
    month_numbers,
    month_pattern,
    ordinal_idiom_starts,
    scale_pattern,
    unit_patterns,
)
from align.numbers.quantity import Quantity, QuantityKind, normalise_number

K = QuantityKind

# Digits as each language groups them. French: decimal comma; thousands grouped by spaces
# (U+00A0, U+202F) or, in this blog, by a dot followed by exactly three digits.
_DIGITS = {
    "fr": r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?:,\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?"
    r"|\d+(?:[,.]\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?",
}
_NOT_AFTER_NUMBER = r"(?:(?<![\w.,])|(?<=Rb))"
_NO_LETTER = r"(?![^\W\d_])"
_ORDINAL_SUFFIX = {
    "fr": r"ièmes?|iemes?|èmes?|emes?|ères?|eres?|ers?|res?|ndes?|nds?|ᵉʳ|ʳᵉ|ᵉ|è|es?|th|st|rd",
    "en": r"st|nd|rd|th",
}
_CENTURY_AFTER = {
    "fr": re.compile(r"\s+si[èe]cles?(?![^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"\s+centur(?:y|ies)(?![^\W\d_])", re.IGNORECASE),
}
_HALF = {
    "fr": re.compile(r"\s+et\s+demie?(?![^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"(?:\s+|-)and(?:\s+|-)an?(?:\s+|-)half(?![^\W\d_])", re.IGNORECASE),
}
#: A fraction said before "a"/"un" and a scale word: "half a trillion", "a quarter of a
#: million", "two thirds of a billion", "deux tiers d'un milliard" (the article's count is
#: scaled). French "un demi-million" is a phrase below.
_FRACTION_BEFORE_ARTICLE = {
    "en": re.compile(
        r"(?<![\w-])(?P<f>half|(?:a|one)[\s-]quarter|three[\s-]quarters|(?:a|one)[\s-]third"
        r"|two[\s-]thirds)\s+(?:of\s+)?$",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"(?<![\w-])(?P<f>un\s+quart|trois\s+quarts|un\s+tiers|deux\s+tiers)\s+d[e’']\s*$"
    ),
}
#: What follows the numerator of such a fraction ("two| thirds of a million").
_FRACTION_NUMERATOR_END = re.compile(
    r"[\s-](?:thirds|quarters|tiers|quarts)\s+(?:of\s+|d[e’']\s*)(?:an?|une?)\s", re.IGNORECASE
)
_NUMERATORS = {"two": 2, "three": 3, "deux": 2, "trois": 3}
_FRACTION_PARTS = {"half": 1 / 2, "quarter": 1 / 4, "third": 1 / 3, "quart": 1 / 4, "tiers": 1 / 3}
_NOUN_AND_HALF = {
    "fr": re.compile(r"\s+[^\W\d_]+\s+et\s+demie?(?![^\W\d_])", re.IGNORECASE),
    "en": re.compile(r"$^"),  # English puts the half before the noun: "two and a half years"
}
_UNIT_JOIN_AFTER_SCALE = {
    "fr": re.compile(r"\s*(?:de\s+|d['’]\s*)?", re.IGNORECASE),
    "en": re.compile(r"\s*(?:of\s+)?", re.IGNORECASE),
}
_LIST_JOIN = {
    "fr": re.compile(r"\s*(?:et|à|au|ou|-|–|—)\s*", re.IGNORECASE),
    "en": re.compile(r"\s*(?:and|to|or|-|–|—)\s*", re.IGNORECASE),
}
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
_ROMAN = re.compile(r"(?<![\w-])(?P<n>[MDCLXVI]+)(?P<suf>ème|ᵉʳ|ᵉ|er|ère|re|e)?(?![^\W\d_])")
#: A Roman numeral of two letters or more before a capitalised word or "century".
_EN_ROMAN_RANK = re.compile(
    r"(?<![\w-])(?P<n>[CLXVI]{2,})(?=\s+(?:[A-Z][a-z]|centur(?:y|ies)(?![^\W\d_])))"
)
_CHAPTER_ROMAN = re.compile(
    r"(?:(?<![\w-])(?P<label>(?i:chapitre|livre|tome|partie|chapter|book|part|volume|act|acte"
    r"|num[ée]ro|number)"
    r"\s+)|^\s*)(?P<n>[MDCLXVI]+)(?![\w])"
)
_COLLECTIVE = {
    "fr": re.compile(
        r"(?<![\w-])(?i:une|la|sa|leur)\s+(?P<w>(?i:dizaine|douzaine|quinzaine|vingtaine|trentaine"
        r"|quarantaine|cinquantaine|soixantaine|quatre-vingtaine|centaine))(?![\w-])(?P<k>\s+de\s+mille(?![\w-]))?"
        r"|(?<![\w-])(?i:un)\s+(?P<m>(?i:millier))(?![\w-])"
    ),
    "en": re.compile(r"(?<![\w-])(?i:a)\s+(?P<w>(?i:dozen|score))(?![\w-])"),
}
_COLLECTIVE_VALUES = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "quatre-vingtaine": 80,
    "centaine": 100,
    "millier": 1000,
    "dozen": 12,
    "score": 20,
}
_VAGUE_BEFORE = {
    "fr": re.compile(r"(?:\bplusieurs|\bquelques|\bdes|\bd['’]|\bun)\s*$", re.IGNORECASE),
    "en": re.compile(r"(?:\bseveral|\ba\s+few|\bmany|\bsome)\s+$", re.IGNORECASE),
}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CURRENCIES = frozenset({"USD", "EUR", "RUB", "GBP", "CNY", "KZT"})
_NEUF_ADJECTIVE = re.compile(r"(?:\bde|\bdu|\btout|\bflambant|\bà|\ben|\bremis)\s+$", re.IGNORECASE)
_PRIME_MINISTER = re.compile(r"\s+ministre\b", re.IGNORECASE)
_SECOND_AS_TIME = {
    "fr": re.compile(r"(?:\bune|\bchaque|\bpar|\bla\s+même)\s+$", re.IGNORECASE),
    "en": re.compile(r"(?:\ba|\bone|\bper|\beach|\bevery|\bsplit|\bthis)\s+$", re.IGNORECASE),
}
_FR_ORDINAL_WORDS = {"premier": 1, "première": 1, "premiere": 1, "second": 2, "seconde": 2}
_EN_ORDINAL_LAST = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}

#: The longest run of number words read as one number ("mille neuf cent quatre-vingt-dix").
_MAX_RUN_WORDS = 10

#: Not quantities: footnote calls "[ 1 ]" and the digits of names like M-12, MS-21, Su-57,
#: COVID-19 (a capitalised word, a hyphen, digits; "mid-2024" and "mi-2024" are years).
_NOT_QUANTITY = re.compile(
    r"\[\s*\d{1,3}\s*\]"
    r"|(?<![\w-])(?!(?i:mid|mi|pre|pré|post|fin|début|late|early)-)[A-Z][A-Za-z]{0,5}-(?=\d)"
    r"\d+(?![\d,.]\d)"
)
_UNITS_EN = {"ones": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_UNITS_EN |= {"eight": 8, "nine": 9}
_TENS_EN = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70}
_TENS_EN |= {"eight": 80, "ninet": 90}
_TEENS_EN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
#: Old English counting: "four and twenty", "six-and-thirtieth", "threescore and ten".
_ARCHAIC_EN = re.compile(
    r"(?<![\w-])(?P<u>(?i:one|two|three|four|five|six|seven|eight|nine))(?:\s+and\s+|-and-)"
    r"(?P<t>(?i:twent|thirt|fort|fift|sixt|sevent|eight|ninet))(?P<end>(?i:y|ieth))(?![\w-])"
    r"|(?<![\w-])(?P<s>(?i:two|three|four))[\s-]*(?i:score)(?:\s+and\s+"
    r"(?P<su>(?i:one|two|three|four|five|six|seven|eight|nine|" + _TEENS_EN + r")))?(?![\w-])"
)
_MULTIPLIERS = {
    "en": re.compile(
        r"(?<![\w-])(?P<w>(?i:twice|thrice|doubled|tripled|trebled|quadrupled"
        r"|(?:two|three|four|five|six|seven|eight|nine|ten)fold))(?![\w-])"
    ),
    "fr": re.compile(r"(?<![\w-])(?P<w>(?i:doubl|tripl|quadrupl)(?:ée?s?|er))(?![\w-])"),
}
_MULTIPLIER_VALUES = {"twice": 2, "thrice": 3, "doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4}
_MULTIPLIER_VALUES |= {w + "fold": v for w, v in _UNITS_EN.items() if w != "ones"} | {"tenfold": 10}
#: Fixed phrases that are numbers: a fortnight, half a dozen, half an hour, at noon.
_PHRASES: dict[str, list[tuple[re.Pattern[str], QuantityKind, object, str | None]]] = {
    "en": [
        (re.compile(r"(?<![\w-])(?i:fortnight)(?![\w-])"), K.INTEGER, 14.0, "day"),
        (re.compile(r"(?<![\w-])(?i:half\s+a\s+dozen)(?![\w-])"), K.INTEGER, 6.0, None),
        (re.compile(r"(?<![\w-])(?i:half\s+an\s+hour)(?![\w-])"), K.DECIMAL, 0.5, "h"),
        (re.compile(r"(?<![\w-])(?i:half\s+a\s+century)(?![\w-])"), K.INTEGER, 50.0, "year"),
        (re.compile(r"(?<![\w-])(?i:half\s+a\s+year)(?![\w-])"), K.DECIMAL, 0.5, "year"),
        (
            re.compile(
                r"\b(?i:at|by|until|till|before|after|from|to|around|about)\s+"
                r"(?P<q>(?i:noon|midday))(?![\w-])"
            ),
            K.TIME,
            (12, 0),
            None,
        ),
        (
            re.compile(
                r"\b(?i:at|by|until|till|before|after|from|to|around|about)\s+"
                r"(?P<q>(?i:midnight))(?![\w-])"
            ),
            K.TIME,
            (0, 0),
            None,
        ),
        (re.compile(r"(?<![\w-])New\s+Year\s?['’]\s?s\s+Day(?![\w-])"), K.DATE, (None, 1, 1), None),
    ],
    "fr": [
        (re.compile(r"(?<![\w-])(?i:demi-douzaine)(?![\w-])"), K.INTEGER, 6.0, None),
        (re.compile(r"(?<![\w-])(?i:demi-heure)(?![\w-])"), K.DECIMAL, 0.5, "h"),
        (re.compile(r"(?<![\w-])(?i:demi-si[èe]cle)(?![\w-])"), K.INTEGER, 50.0, "year"),
        (re.compile(r"(?<![\w-])(?i:demi-million)(?![\w-])"), K.INTEGER, 5e5, None),
        (re.compile(r"(?<![\w-])(?i:demi-milliard)(?![\w-])"), K.INTEGER, 5e8, None),
        (
            re.compile(
                r"(?:\b(?i:à|vers|avant|après|dès|de)|(?i:jusqu['’]à))\s+(?P<q>(?i:midi))(?![\w-])"
            ),
            K.TIME,
            (12, 0),
            None,
        ),
        (
            re.compile(
                r"(?:\b(?i:à|vers|avant|après|dès|de)|(?i:jusqu['’]à))\s+(?P<q>(?i:minuit))(?![\w-])"
            ),
            K.TIME,
            (0, 0),
            None,
        ),
        (re.compile(r"(?<![\w-])(?i:jour\s+de\s+l['’]an)(?![\w-])"), K.DATE, (None, 1, 1), None),
    ],
}
_AND_A_HALF_EN = re.compile(
    r"(?<![\w-])(?i:a|an|one)\s+(?P<noun>(?i:year|hour|mile|day|month|week|century|minute))"
    r"\s+and\s+a\s+half(?![\w-])"
)
_NOUN_UNITS = {"year": "year", "hour": "h", "mile": "mi", "day": "day", "month": "month"}
_NOUN_UNITS |= {"week": "week", "century": "century", "minute": "min"}
#: Decades: "les années 90", "les années quatre-vingt", "the '90s", "the 90s".
_DECADE = {
    "fr": re.compile(
        r"(?<=\b(?i:années)\s)(?:(?P<d>[1-9]0)(?!\d)|(?P<w>(?i:vingt|trente|quarante|cinquante"
        r"|soixante(?:-dix)?|quatre-vingts?(?:-dix)?))(?![\w-]))"
    ),
    "en": re.compile(r"(?<![\w'’])['’]?(?P<d>[1-9]0)['’]?s(?![\w])"),
}
#: Orders of magnitude, not counts: "des milliers", "des dizaines de milliers",
#: "hundreds of", "tens of thousands of".
_VAGUE_PLURAL = {
    "fr": re.compile(
        r"(?:\b(?i:des|de|plusieurs|quelques|par)\s+|\b(?i:d)['’]\s*)(?P<a>(?i:dizaines|centaines|milliers"
        r"|millions|milliards|billions))(?:\s+(?:de\s+|d['’]\s*)(?P<b>(?i:milliers|millions"
        r"|milliards)))?(?![\w-])"
    ),
    "en": re.compile(
        r"(?<![\w-])(?P<a>(?i:tens|dozens|scores|hundreds|thousands|millions|billions|trillions))"
        r"(?:\s+of\s+(?P<b>(?i:thousands|millions|billions)))?(?=\s+of\b)"
    ),
}
_VAGUE_VALUES = {
    "fr": {"dizaines": 10, "centaines": 100, "milliers": 1e3, "millions": 1e6, "milliards": 1e9},
    "en": {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3},
}
_VAGUE_VALUES["fr"] |= {"billions": 1e12}
_VAGUE_VALUES["en"] |= {"millions": 1e6, "billions": 1e9, "trillions": 1e12}
#: A bare round word is as often hyperbole as a count ("mille pardons", "cent fois",
#: "a thousand times"): weak evidence on its own.
_HYPERBOLE = frozenset({"cent", "mille", "hundred", "thousand", "a hundred", "a thousand"})
#: Ordinal words that are fractions here: "un cinquième de", "a third of", "by a third."
_FRACTION_BEFORE = {
    "fr": re.compile(r"\b(?i:un|deux|trois|quatre|cinq)\s+$"),
    "en": re.compile(r"\b(?i:a|one|two|three|four|five)\s+$"),
}
_FRACTION_AFTER = {
    "fr": re.compile(r"\s+(?i:de|des|du|d['’])(?![\w-])|\s*(?:[^\w\s]|$)"),
    "en": re.compile(r"\s+(?i:of)(?![\w-])|\s*(?:[^\w\s]|$)"),
}
#: "the seventh-largest trading partner": the ordinal is the first half of the word.
_EN_RANKED = re.compile(r"(?P<o>[^\W\d_]+)-(?i:largest|biggest|highest|lowest|most|best|ranked)$")
#: Decimals and sub-units said in words after a number: "dix-huit milles cinq dixièmes",
#: "treize noeuds quarante-trois centièmes", "trois virgule cinq", "six mètres soixante-dix".
_FRACTION_DIGITS = {"dixième": 10, "centième": 100, "millième": 1000}


@cache
def _patterns(lang: str) -> dict[str, re.Pattern[str]]:
    digits = _DIGITS[lang]
    month = month_pattern(lang)
    words = "|".join(sorted(CARDINAL_WORDS[lang], key=len, reverse=True))
    word = rf"(?:{words})(?:-(?:et-|and-)?(?:{words}))*"
    big_scales = "|".join(w for w in SCALES[lang] if SCALES[lang][w] >= 1e6 and len(w) > 3)
    if lang == "fr":
        run = rf"(?<![\w-])(?:{word})(?:\s+(?:et\s+)?(?:{word}))*(?![\w-])"
        article = rf"(?<![\w-])une?(?=\s+(?:{big_scales})\b)"
    else:
        run = rf"(?<![\w-])(?:{word})(?:(?:\s+and\s+|\s+)(?:{word}))*(?![\w-])"
        article = rf"(?<![\w-])an?(?=\s+(?:{big_scales}|hundred|thousand)\b)"
    p: dict[str, str] = {
        "amount": rf"{_NOT_AFTER_NUMBER}(?P<dig>{digits})"
        rf"|(?P<words>(?i:{run}))|(?P<art>(?i:{article}))",
        "word_run": rf"(?i:{run})",
        "words_before": rf"(?i:(?:{word})(?:\s+(?:et\s+|and\s+)?(?:{word}))*)[\s-]+(?:et[\s-]+)?$",
        "ordinal": rf"{_NOT_AFTER_NUMBER}(?P<n>\d+)(?P<suf>{_ORDINAL_SUFFIX[lang]}){_NO_LETTER}",
        "dash_range": rf"{_NOT_AFTER_NUMBER}(?P<a>{digits})(?P<pa>\s?%)?\s?[-–—]\s?"
        rf"(?P<b>{digits})(?![\d])",
        "year_slash": r"(?<![\w.,/])(?P<a>\d{4})/(?P<b>\d{4}|\d{2})(?![\w/])",
        "iso_date": r"(?<![\w.,-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])",
        "colon_time": r"(?<![\w.,:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])",
    }
    if lang == "fr":
        day = r"(?P<d>\d{1,2}|1er|premier)"
        p |= {
            "numeric_date": r"(?<![\w.,/])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"
            r"(?![\w/]|\.\d)",
            "day_range": rf"(?<![\w.,])(?P<d1>\d{{1,2}})(?:er)?\s*(?:et|-|–|—|au|à)\s*"
            rf"(?P<d2>\d{{1,2}})\s+(?P<m>{month})(?:\s+(?P<y>\d{{4}}))?(?!\w)",
            "date": rf"(?<![\w.,])(?:{day}\s+)?(?P<m>{month})(?:\s+(?P<y>\d{{4}}))?(?!\w)",
            "time": r"(?<![\w.,])(?P<h>[01]?\d|2[0-4])\s?[hH]\s?(?P<mi>[0-5]\d)?(?![^\W_])",
        }
    else:
        suffix = r"(?:st|nd|rd|th)?"
        p |= {
            "numeric_date": r"(?<![\w.,/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\w/])",
            "day_range": rf"(?<![\w.,])(?:(?P<m>{month})\s+(?P<d1>\d{{1,2}}){suffix}\s*"
            rf"(?:-|–|—|and|to|through)\s*(?P<d2>\d{{1,2}}){suffix}(?![\w])"
            rf"|(?P<e1>\d{{1,2}}){suffix}\s*(?:-|–|—|and|to)\s*(?P<e2>\d{{1,2}}){suffix}\s+"
            rf"(?:of\s+)?(?P<n>{month}))(?:\s*,?\s*(?P<y>\d{{4}})(?![\w]))?",
            "date": rf"(?<![\w.,])(?:(?P<m>{month})\s+(?P<d>\d{{1,2}}){suffix}(?![\w])"
            rf"|(?P<e>\d{{1,2}}){suffix}\s+(?:of\s+)?(?P<n>{month})|(?P<o>{month}))"
            rf"(?:\s*,?\s*(?P<y>\d{{4}})(?![\w]))?",
            "time": r"(?<![\w.,:])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s?"
            r"(?P<ap>[aApP])\.?\s?[mM]\.?(?![^\W\d_])",
            "oclock": r"(?<![\w.,])(?P<h>1[0-2]|[1-9])\s+o['’]clock",
        }
    if lang == "fr":
        number = rf"(?:\d+|(?i:{run}))"
        p |= {
            "word_decimal": rf"\s+(?:(?P<unit>(?i:milles|n[œo]euds|m[èe]tres|pieds|lieues|degrés"
            rf"|kilom[èe]tres|heures))\s+)?(?:(?i:et)\s+)?(?P<num>{number})\s+"
            r"(?P<frac>(?i:dixièmes?|centièmes?|millièmes?))(?![\w-])",
            "virgule": rf"\s+(?i:virgule)\s+(?P<num>\d+|(?i:{run}))",
            "sub_unit": rf"\s+(?:(?i:et)\s+)?(?P<num>\d{{1,2}}|(?i:{run}))"
            r"(?:\s+(?P<cm>(?i:centim[èe]tres?))|(?=\s*[^\w\s]|\s*$))",
        }
    return {name: re.compile(pattern) for name, pattern in p.items()}


def parse_digits(raw: str, lang: str) -> float | None:
    """'7.598' (fr) -> 7598; '28,2' (fr) -> 28.2; '1,100' (en) -> 1100; '6.000' (fr) -> 6000."""
    text = re.sub(r"[ \u00a0\u202f]", "", raw)
    if lang == "fr":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
            text = text.replace(".", "")
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        value = float(Decimal(text))
    except (InvalidOperation, ValueError):
        return None
    return value if math.isfinite(value) else None


def words_value(text: str, lang: str) -> float | None:
    """Number words read by text2num, with the forms it refuses ("one hundred", "a thousand")."""
    words = " ".join(text.lower().split())
    candidates = [words]
    if lang == "en":
        for article in ("one ", "a ", "an "):
            if words.startswith(article):
                rest = words[len(article) :]
                candidates += [rest, "one " + rest]
        if words.split()[:1] == ["hundred"]:
            candidates.append(words.replace("hundred", "one hundred", 1))
    for candidate in candidates:
        if candidate == "hundred":
            return 100.0
        try:
            return float(text2num(candidate, lang))
        except (ValueError, IndexError, KeyError, TypeError):
            continue
    return None


def roman_value(numeral: str) -> int | None:
    """Canonical Roman numerals only (XXI, XIX, IV); 'IIII' or 'VX' are not numbers."""
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if 0 < total < 4000 and _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    pairs = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for number, letters in pairs:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def ordinal_word_value(word: str, lang: str) -> int | None:
    """dixième -> 10, vingt-et-unième -> 21, première -> 1; tenth -> 10, twenty-first -> 21."""
    lower = word.lower()
    if lang == "fr":
        if lower.rstrip("s") in _FR_ORDINAL_WORDS:
            return _FR_ORDINAL_WORDS[lower.rstrip("s")]
        match = re.fullmatch(r"(.+)i[èe]mes?", lower)
        if not match:
            return None
        stem = match.group(1)
        head, last = re.fullmatch(r"(.*?)([^\s-]*)", stem).groups()  # type: ignore[union-attr]
        options = [last, last + "e", last[:-1] + "f" if last.endswith("v") else None]
        if last.endswith("qu"):
            options.append(last[:-1])
        for option in filter(None, options):
            value = words_value(head + option, "fr")
            if value is not None and value >= 1:
                return int(value)
        return None
    head, last = re.fullmatch(r"(.*?)([^\s-]*)", lower).groups()  # type: ignore[union-attr]
    if last in _EN_ORDINAL_LAST:
        cardinal = _EN_ORDINAL_LAST[last]
    elif last.endswith("ieth"):
        cardinal = last[:-4] + "y"
    elif last.endswith("th"):
        cardinal = last[:-2]
    else:
        return None
    value = words_value(head + cardinal, "en")
    return int(value) if value is not None and value >= 1 else None


@dataclass(frozen=True)
class _Tail:
    """What follows a number: scale word, a half, unit; and where it ends."""

    end: int
    scale: float
    half: bool
    unit: str | None


class _Extractor:
    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.p = _patterns(lang)
        self.free = bytearray(b"\x01") * len(text)
        self.found: list[Quantity] = []

    # -- bookkeeping ---------------------------------------------------------------------

    def is_free(self, start: int, end: int) -> bool:
        return start < end and self.free.find(0, start, end) == -1

    def add(
        self,
        start: int,
        end: int,
        kind: QuantityKind,
        value: object,
        *,
        unit: str | None = None,
        spelled: bool = False,
        range_of: QuantityKind | None = None,
    ) -> Quantity | None:
        if not self.is_free(start, end):
            return None
        quantity = Quantity(
            raw=self.text[start:end],
            start=start,
            end=end,
            kind=kind,
            value=value,  # type: ignore[arg-type]
            unit=unit,
            approximate=self.approximate(start, end),
            spelled=spelled,
            range_of=range_of,
        )
        self.found.append(quantity)
        self.free[start:end] = bytes(end - start)
        return quantity

    def approximate(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 40) : start]
        return bool(
            APPROX_BEFORE[self.lang].search(before) or APPROX_AFTER[self.lang].match(self.text, end)
        )

    def run(self) -> list[Quantity]:
        recognisers: tuple[Callable[[], None], ...] = (
            self.not_quantities,
            self.numeric_dates,
            self.day_ranges,
            self.dates,
            self.times,
            self.phrases,
            self.roman_ordinals,
            self.chapter_numerals,
            self.digit_ordinals,
            self.word_ordinals,
            self.dash_ranges,
            self.collectives,
            self.vague_plurals,
            self.amounts,
        )
        for recognise in recognisers:
            recognise()
        return sorted(self.found, key=lambda q: (q.start, q.end))

    def claim(self, start: int, end: int) -> None:
        """Characters that hold no quantity (a footnote call, a name's digits)."""
        self.free[start:end] = bytes(end - start)

    def add_found(self, quantity: Quantity | None, **changes: object) -> None:
        """Change the quantity just added (spelled, vague…), if it was added."""
        if quantity is not None:
            self.found[-1] = replace(quantity, **changes)  # type: ignore[arg-type]

    def not_quantities(self) -> None:
        for m in _NOT_QUANTITY.finditer(self.text):
            self.claim(*m.span())

    def phrases(self) -> None:
        """Idioms that state a number: four and twenty, a fortnight, twice, doublé, à midi,
        half a dozen, a year and a half, the 1990s said "les années 90"."""
        for pattern, kind, value, unit in _PHRASES[self.lang]:
            for m in pattern.finditer(self.text):
                span = m.span("q") if "q" in pattern.groupindex else m.span()
                self.add_found(self.add(*span, kind, value, unit=unit), spelled=True)
        for m in _MULTIPLIERS[self.lang].finditer(self.text):
            word = m["w"].lower()
            key = next(k for k in _MULTIPLIER_VALUES if word.startswith(k))
            value = float(_MULTIPLIER_VALUES[key])
            self.add_found(self.add(*m.span(), K.INTEGER, value), spelled=True)
        if self.lang == "en":
            self.archaic_numbers()
            for m in _AND_A_HALF_EN.finditer(self.text):
                unit = _NOUN_UNITS[m["noun"].lower()]
                self.add_found(self.add(*m.span(), K.DECIMAL, 1.5, unit=unit), spelled=True)
        for m in _DECADE[self.lang].finditer(self.text):
            spelled = m.groupdict().get("w")
            if spelled is None:
                value = 1900.0 + int(m["d"])
            else:
                words = words_value(spelled.replace("vingts", "vingt"), "fr")
                if words is None or words < 20:
                    continue
                value = 1900.0 + words
            self.add_found(self.add(*m.span(), K.YEAR, value), spelled=spelled is not None)

    def archaic_numbers(self) -> None:
        for m in _ARCHAIC_EN.finditer(self.text):
            if m["s"]:
                value = 20 * _UNITS_EN[m["s"].lower()]
                if m["su"]:
                    value += int(words_value(m["su"], "en") or 0)
                self.add_found(self.add(*m.span(), K.INTEGER, float(value)), spelled=True)
                continue
            value = _TENS_EN[m["t"].lower()] + _UNITS_EN[m["u"].lower()]
            if m["end"].lower() == "ieth":
                self.add_ordinal(m.start(), m.end(), value, spelled=True)
            else:
                self.add_found(self.add(*m.span(), K.INTEGER, float(value)), spelled=True)

    def vague_plurals(self) -> None:
        for m in _VAGUE_PLURAL[self.lang].finditer(self.text):
            values = _VAGUE_VALUES[self.lang]
            value = values[m["a"].lower()] * (values[m["b"].lower()] if m["b"] else 1)
            start = m.start("a")
            quantity = self.add(start, m.end(), K.INTEGER, float(value))
            self.add_found(quantity, spelled=True, approximate=True, vague=True)

    # -- dates and times -----------------------------------------------------------------

    def month(self, name: str | None) -> int | None:
        if name is None:
            return None
        return month_numbers(self.lang).get(name.lower().rstrip("."))

    @staticmethod
    def day(text: str | None) -> int | None:
        if text is None:
            return None
        if text.lower() in {"1er", "premier"}:
            return 1
        return int(text)

    @staticmethod
    def valid_date(year: int | None, month: int | None, day: int | None) -> bool:
        return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)

    def numeric_dates(self) -> None:
        for name in ("iso_date", "numeric_date"):
            for m in self.p[name].finditer(self.text):
                year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
                if self.valid_date(year, month, day):
                    self.add(*m.span(), K.DATE, (year, month, day))

    def day_ranges(self) -> None:
        for m in self.p["day_range"].finditer(self.text):
            groups = m.groupdict()
            month = self.month(groups.get("m") or groups.get("n"))
            first = int(groups.get("d1") or groups["e1"])
            last = int(groups.get("d2") or groups["e2"])
            year = int(m["y"]) if m["y"] else None
            if month and first < last <= 31 and self.valid_date(year, month, first):
                self.add(
                    *m.span(),
                    K.RANGE,
                    ((year, month, first), (year, month, last)),
                    range_of=K.DATE,
                )

    def dates(self) -> None:
        for m in self.p["date"].finditer(self.text):
            groups = m.groupdict()
            month = self.month(groups.get("m") or groups.get("n") or groups.get("o"))
            day = self.day(groups.get("d") or groups.get("e"))
            year = int(m["y"]) if m["y"] else None
            if month is None or (day is None and year is None):
                continue
            if self.valid_date(year, month, day):
                self.add(*m.span(), K.DATE, (year, month, day))

    def times(self) -> None:
        for m in self.p["time"].finditer(self.text):  # 18h15; 6.15 pm before 18:15
            hour, minute = int(m["h"]), int(m["mi"] or 0)
            if self.lang == "en":
                hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
            self.add(*m.span(), K.TIME, (hour, minute))
        for m in self.p["colon_time"].finditer(self.text):
            self.add(*m.span(), K.TIME, (int(m["h"]), int(m["mi"])))
        if "oclock" in self.p:
            for m in self.p["oclock"].finditer(self.text):
                self.add(*m.span(), K.TIME, (int(m["h"]), 0))

    # -- ordinals and centuries ----------------------------------------------------------

    def add_ordinal(self, start: int, end: int, value: int, *, spelled: bool = False) -> None:
        century = _CENTURY_AFTER[self.lang].match(self.text, end)
        if century:
            self.add(start, century.end(), K.CENTURY, float(value), spelled=spelled)
        else:
            self.add(start, end, K.ORDINAL, float(value), spelled=spelled)

    def roman_ordinals(self) -> None:
        if self.lang != "fr":
            self.english_roman_ordinals()
            return
        for m in _ROMAN.finditer(self.text):
            numeral = m["n"]
            if len(numeral) == 1 and numeral in "CDLM":
                continue  # "Ce", "Le", "De", "Me" are words
            value = roman_value(numeral)
            if value is None:
                continue
            if m["suf"] in ("er", "re", "ère") and numeral != "I":
                continue  # "Ver", "Mer": words; only "Ier" is 1st this way
            if m["suf"] is None and not _CENTURY_AFTER["fr"].match(self.text, m.end()):
                continue
            self.add_ordinal(m.start(), m.end(), value)

    def english_roman_ordinals(self) -> None:
        """English Roman numerals are names (Peter I, World War II, Nicholas II of Russia),
        except the rank of a recurring event or of a century, said before it: "the XXVII
        Summer Universiade", "the XX century" (French: "la XXVIIe Universiade")."""
        for m in _EN_ROMAN_RANK.finditer(self.text):
            before = self.text[: m.start()].split()
            if before and before[-1][:1].isupper():
                continue  # Alexander II Street, Pope John Paul II Foundation: a name's number
            value = roman_value(m["n"])
            if value is not None and value > 1:
                self.add_ordinal(m.start("n"), m.end("n"), value)

    def chapter_numerals(self) -> None:
        """CHAPITRE XXIX, LIVRE II, a heading line "IV": Roman numerals that count."""
        for m in _CHAPTER_ROMAN.finditer(self.text):
            value = roman_value(m["n"])
            rest = self.text[m.end() :].strip(" .")
            alone = not self.text[: m.start()].strip() and not rest
            # "V À L' AVENTURE !": a numeral opening a heading in capitals
            heading = self.lang == "fr" and not m["label"] and rest.isupper() and m["n"] != "I"
            if m["label"] and self.lang == "en" and m["n"] == "I" and m["label"][0].islower():
                continue  # "for my part I own": the pronoun
            if value is not None and (m["label"] or alone or heading):
                self.add(m.start("n"), m.end("n"), K.INTEGER, float(value))

    def digit_ordinals(self) -> None:
        for m in self.p["ordinal"].finditer(self.text):
            value = int(m["n"])
            if value > 0:
                self.add_ordinal(m.start(), m.end(), value)

    def word_ordinals(self) -> None:
        endings = ("ième", "ieme", "premi", "second")
        idioms: frozenset[int] | None = None  # read once, at the first ordinal word
        for m in _WORD.finditer(self.text):
            word = m.group()
            end = m.end()
            ranked = _EN_RANKED.match(word) if self.lang == "en" else None
            if ranked:  # seventh-largest
                word = ranked["o"]
                end = m.start() + len(word)
            lower = word.lower()
            if self.lang == "fr":
                if not (lower.endswith(endings[:2]) or lower.startswith(endings[2:])):
                    continue  # plural "dixièmes" are fractions (trois dixièmes), not ranks
                if lower in ("secondes", "seconds"):
                    continue
            elif not lower.endswith(("first", "second", "third", "th")):
                continue
            start = m.start()
            before = self.p["words_before"].search(self.text, max(0, start - 80), start)
            if before and ordinal_word_value(self.text[before.start() : end], self.lang):
                start = before.start()  # vingt et unième, twenty first
            value = ordinal_word_value(self.text[start:end], self.lang)
            if value is None:
                continue
            if value >= 3 and self.is_fraction(start, end):
                continue  # un cinquième des voix, a third of the budget, fell by a third.
            if lower.startswith("premi") and _PRIME_MINISTER.match(self.text, m.end()):
                continue  # premier ministre: Prime Minister, not "first"
            if lower.startswith("second") and _SECOND_AS_TIME[self.lang].search(
                self.text[max(0, m.start() - 20) : m.start()]
            ):
                continue
            if idioms is None:
                idioms = ordinal_idiom_starts(self.text, self.lang)
            if start == m.start() and is_ordinal_idiom(self.text, start, end, self.lang, idioms):
                continue  # "First, …", "at first", "matières premières": no rank
            self.add_ordinal(start, end, value, spelled=True)

    def is_fraction(self, start: int, end: int) -> bool:
        before = self.text[max(0, start - 12) : start]
        return bool(
            _FRACTION_BEFORE[self.lang].search(before)
            and _FRACTION_AFTER[self.lang].match(self.text, end)
        )

    # -- amounts -------------------------------------------------------------------------

    def collectives(self) -> None:
        """une centaine, une dizaine, a dozen: approximate counts (a dozen is exact)."""
        for m in _COLLECTIVE[self.lang].finditer(self.text):
            word = (m["w"] or m["m"]).lower()
            start = m.start("w") if m["w"] else m.start("m")
            value = float(_COLLECTIVE_VALUES[word]) * (1000 if m.groupdict().get("k") else 1)
            quantity = self.add(start, m.end(), K.INTEGER, value)  # une trentaine de mille
            if quantity is not None and word != "dozen":
                self.found[-1] = replace(quantity, approximate=True, spelled=True)
            elif quantity is not None:
                self.found[-1] = replace(quantity, spelled=True)

    def tail(self, end: int, *, spelled_scale: bool) -> _Tail:
        """Scale word, "et demi" and unit after a number ending at `end`."""
        scale, half, unit = 1.0, False, None
        position = end
        found = scale_pattern(self.lang).match(self.text, position)
        if found and not (spelled_scale and SCALES[self.lang][found[1].lower()] < 1e6):
            scale = SCALES[self.lang][found[1].lower()]
            position = found.end()
        if scale > 1:
            halved = _HALF[self.lang].match(self.text, position)
            if halved:
                half, position = True, halved.end()
            join = _UNIT_JOIN_AFTER_SCALE[self.lang].match(self.text, position)
            unit_start = join.end() if join else position
        else:
            unit_start = position
            while unit_start < len(self.text) and self.text[unit_start].isspace():
                unit_start += 1
        for pattern, name in unit_patterns(self.lang):
            found_unit = pattern.match(self.text, unit_start)
            if found_unit:
                unit, position = name, found_unit.end()
                break
        return _Tail(position, scale, half, unit)

    def fraction_before(self, start: int) -> tuple[int, float] | None:
        """(start, value) of a fraction said right before the count that starts here
        ("half a", "a quarter of a", "deux tiers d'un"), or None."""
        found = _FRACTION_BEFORE_ARTICLE[self.lang].search(self.text, max(0, start - 24), start)
        if not found or not self.is_free(found.start(), found.end()):
            return None
        words = re.split(r"[\s-]+", found["f"].lower())
        part = words[-1] if words[-1] in _FRACTION_PARTS else words[-1].removesuffix("s")
        return found.start(), _NUMERATORS.get(words[0], 1) * _FRACTION_PARTS[part]

    def currency_before(self, start: int) -> tuple[int, str] | None:
        before = self.text[max(0, start - 6) : start]
        found = CURRENCY_BEFORE.search(before)
        if not found:
            return None
        group = next(name for name, value in found.groupdict().items() if value)
        return start - (len(before) - found.start()), CURRENCY_GROUPS[group]

    def number_matches(self) -> Iterator[tuple[int, int, float, bool]]:
        """(start, end, value, spelled) of every number written in digits or words."""
        for m in self.p["amount"].finditer(self.text):
            if m["dig"] is not None:
                value = parse_digits(m["dig"], self.lang)
                if value is not None:
                    yield m.start(), m.end(), value, False
            elif m["art"] is not None:
                yield m.start(), m.end(), 1.0, True
            else:
                yield from self.word_pieces(m.start(), m.end())

    def word_pieces(self, start: int, end: int) -> Iterator[tuple[int, int, float, bool]]:
        """A run of number words as numbers: whole when it reads as one, else greedy pieces."""
        tokens = [
            t
            for t in re.finditer(r"\S+", self.text[start:end])
            if t[0].lower() not in ("et", "and")
        ]
        pieces = list(self._greedy_pieces(start, tokens))
        if self.lang == "en" and len(pieces) == 2 and len(tokens) == 2:
            (first_start, _, high, _), (_, last_end, low, _) = pieces
            if 11 <= high <= 99 and 1 <= low <= 99:  # nineteen forty-five: a year, spoken
                yield first_start, last_end, high * 100 + low, True
                return
        yield from pieces

    def _greedy_pieces(
        self, start: int, tokens: list[re.Match[str]]
    ) -> Iterator[tuple[int, int, float, bool]]:
        i = 0
        while i < len(tokens):
            for j in range(min(len(tokens), i + _MAX_RUN_WORDS), i, -1):
                piece_start, piece_end = start + tokens[i].start(), start + tokens[j - 1].end()
                value = words_value(self.text[piece_start:piece_end], self.lang)
                if value is not None:
                    yield piece_start, piece_end, value, True
                    i = j
                    break
            else:
                i += 1

    def amounts(self) -> None:
        placed: list[tuple[int, Quantity, float, _Tail]] = []
        for start, end, value, spelled in self.number_matches():
            if not self.is_free(start, end):
                continue
            word = self.text[start:end].lower()
            if spelled and self.skip_word(start, word):
                continue
            if word in _NUMERATORS and _FRACTION_NUMERATOR_END.match(self.text, end):
                continue  # "two thirds of a million": read with the scale below
            tail = self.tail(end, spelled_scale=spelled)
            glued = not spelled and tail.end == end and _letter_at(self.text, end)
            if glued and not self.is_decade(start, end):
                continue  # "3D", "5G": a digit glued to letters is a name, not a quantity
            number = value + (0.5 if tail.half else 0.0)
            stop = tail.end
            if tail.scale == 1 and not tail.half:
                halved = _HALF[self.lang].match(self.text, end) or _NOUN_AND_HALF[self.lang].match(
                    self.text, end
                )
                if halved and tail.unit is None:
                    number, stop = value + 0.5, halved.end()
                    tail = replace(tail, scale=1.0, end=stop)
                    rescaled = self.tail(stop, spelled_scale=True)
                    if rescaled.scale > 1:
                        tail, stop = rescaled, rescaled.end
            if tail.scale == 1:
                number, tail = self.said_fraction(end, number, tail)
                stop = tail.end
            unit, begin = tail.unit, start
            if unit is None or unit in _CURRENCIES:
                currency = self.currency_before(start)
                if currency and (unit is None or unit == currency[1]):
                    begin, unit = currency
            if spelled and number == 1 and tail.scale == 1 and unit not in ("%", "pp"):
                continue  # un, une, one, a: articles far more often than counts
            if spelled and number == 1 and tail.scale >= 100:
                fraction = self.fraction_before(start)
                if fraction is not None:  # half a trillion: the scale counts a fraction
                    number, begin = fraction[1], min(begin, fraction[0])
            kind, stop = self.amount_kind(start, end, number, tail, unit, spelled, stop)
            value_scaled = normalise_number(number * tail.scale)
            quantity = self.add(begin, stop, kind, value_scaled, unit=unit, spelled=spelled)
            if quantity is not None:
                hyperbole = " ".join(self.text[start:end].lower().split()) in _HYPERBOLE
                if spelled and hyperbole and tail.scale == 1:
                    self.add_found(quantity, vague=True)  # mille fois, a thousand times
                placed.append((len(self.found) - 1, self.found[-1], number, tail))
        self.share_scale(placed)
        self.join_scaled_words(placed)

    def said_fraction(self, end: int, number: float, tail: _Tail) -> tuple[float, _Tail]:
        """What follows a whole number and completes it: "dix-huit milles cinq dixièmes",
        "trois virgule cinq", "six mètres soixante-dix centimètres", "deux mètres et demi"."""
        if self.lang == "fr":
            said = self.p["word_decimal"].match(self.text, end)
            if said:
                part = self.number_in(said["num"])
                denominator = _FRACTION_DIGITS[said["frac"].lower().rstrip("s")]
                if part is not None and part < denominator:
                    unit = self.unit_of(said["unit"]) if said["unit"] else tail.unit
                    return number + part / denominator, replace(tail, end=said.end(), unit=unit)
            said = self.p["virgule"].match(self.text, end)
            if said:
                part = self.number_in(said["num"])
                if part is not None and part.is_integer():
                    decimals = float("0." + str(int(part)))
                    after = self.tail(said.end(), spelled_scale=True)
                    return number + decimals, replace(after, scale=1.0)
            if tail.unit == "m":
                said = self.p["sub_unit"].match(self.text, tail.end)
                if said:
                    part = self.number_in(said["num"])
                    if part is not None and part.is_integer() and 0 < part < 100:
                        return number + part / 100, replace(tail, end=said.end())
        if tail.unit and tail.unit not in _CURRENCIES and tail.unit not in ("%", "pp"):
            halved = _HALF[self.lang].match(self.text, tail.end)
            if halved and not tail.half:
                return number + 0.5, replace(tail, end=halved.end(), half=True)
        return number, tail

    def number_in(self, text: str) -> float | None:
        if text.isdigit():
            return float(text)
        return words_value(text, self.lang)

    def unit_of(self, word: str) -> str | None:
        for pattern, name in unit_patterns(self.lang):
            if pattern.fullmatch(word):
                return name
        return None

    def is_decade(self, start: int, end: int) -> bool:
        """The 1960s."""
        return (
            self.lang == "en"
            and re.fullmatch(r"\d{4}", self.text[start:end]) is not None
            and self.text[end] == "s"
            and not _letter_at(self.text, end + 1)
        )

    def skip_word(self, start: int, word: str) -> bool:
        before = self.text[max(0, start - 12) : start]
        if word in ("hundred", "thousand", "mille", "cent") and _VAGUE_BEFORE[self.lang].search(
            before
        ):
            return True  # several hundred, un mille (a mile), des cent: no count
        if self.lang != "fr":
            return False
        if word == "neuf" and _NEUF_ADJECTIVE.search(before):
            return True  # "du neuf", "tout neuf": new, not nine
        return word == "cent" and before.lower().endswith("pour ")

    def amount_kind(
        self,
        start: int,
        end: int,
        number: float,
        tail: _Tail,
        unit: str | None,
        spelled: bool,
        stop: int,
    ) -> tuple[QuantityKind, int]:
        if unit in ("%", "pp"):
            return K.PERCENT, stop
        if unit in _CURRENCIES:
            return K.MONEY, stop
        raw = self.text[start:end]
        if not spelled and tail.scale == 1 and unit is None and re.fullmatch(r"\d{4}", raw):
            if self.lang == "en" and self.text[end : end + 1] == "s":
                return K.YEAR, end + 1  # the 1960s
            if 1000 <= number <= 2100:
                return K.YEAR, stop
        scaled = normalise_number(number * tail.scale)
        return (K.INTEGER if float(scaled).is_integer() else K.DECIMAL), stop

    def join_scaled_words(self, placed: list[tuple[int, Quantity, float, _Tail]]) -> None:
        """'dix-sept millions cinq cent soixante-huit mille kilogrammes': one number, read in
        two pieces because scale words above a thousand end a run of number words."""
        gone: set[int] = set()
        for (i, first, _, tail), (j, second, _, _) in pairwise(placed):
            if i in gone or not (first.spelled and second.spelled) or first.unit is not None:
                continue
            if tail.scale < 1e6 or not first.is_scalar or not second.is_scalar:
                continue
            if float(second.value) >= tail.scale:  # type: ignore[arg-type]
                continue
            if self.text[first.end : second.start].strip().lower() not in ("", "et", "and"):
                continue
            joined = normalise_number(float(first.value) + float(second.value))  # type: ignore[arg-type]
            self.found[i] = replace(
                first,
                raw=self.text[first.start : second.end],
                end=second.end,
                value=joined,
                unit=second.unit,
                kind=second.kind if second.kind is not K.DECIMAL else K.DECIMAL,
            )
            self.found[j] = self.found[i]
            gone.add(j)
        if gone:
            keep = [q for k, q in enumerate(self.found) if k not in gone]
            self.found[:] = keep

    def share_scale(self, placed: list[tuple[int, Quantity, float, _Tail]]) -> None:
        """'entre 550 et 834 milliards de roubles': the first number shares the second's scale
        and unit when only a list word joins them and their sizes agree."""
        for (index, first, value, tail), (_, second, second_value, second_tail) in pairwise(placed):
            if tail.scale != 1 or first.unit is not None or first.kind is K.YEAR:
                continue
            if second_tail.scale == 1 and second.unit is None:
                continue
            if not _LIST_JOIN[self.lang].fullmatch(self.text, first.end, second.start):
                continue
            if not (second_value / 10 <= value <= second_value * 10):
                continue
            scaled = normalise_number(value * second_tail.scale)
            kind = second.kind
            if kind in (K.INTEGER, K.DECIMAL):
                kind = K.INTEGER if float(scaled).is_integer() else K.DECIMAL
            shared = replace(first, value=scaled, unit=second.unit, kind=kind)
            self.found[index] = shared

    # -- ranges written with a dash or slash ----------------------------------------------

    def dash_ranges(self) -> None:
        for m in self.p["dash_range"].finditer(self.text):
            lo = parse_digits(m["a"], self.lang)
            hi = parse_digits(m["b"], self.lang)
            if lo is None or hi is None or lo == hi:
                continue
            tail = self.tail(m.end(), spelled_scale=False)
            if tail.end == m.end() and _letter_at(self.text, m.end()):
                continue
            unit = tail.unit or ("%" if m["pa"] else None)
            kind = _range_kind(m["a"], m["b"], tail, unit)
            if kind is K.YEAR and hi - lo > 200:
                continue
            self.add(
                m.start(),
                tail.end,
                K.RANGE,
                (normalise_number(lo * tail.scale), normalise_number(hi * tail.scale)),
                unit=unit,
                range_of=kind,
            )
        for m in self.p["year_slash"].finditer(self.text):
            lo = int(m["a"])
            hi = int(m["b"]) if len(m["b"]) == 4 else lo // 100 * 100 + int(m["b"])
            if 1000 <= lo < hi <= lo + 10:
                self.add(*m.span(), K.RANGE, (float(lo), float(hi)), range_of=K.YEAR)


def _letter_at(text: str, position: int) -> bool:
    """True when a letter is glued to the number at `position` ("3D", "G7", "5G")."""
    return position < len(text) and (text[position].isalpha() or text[position] == "_")


def _range_kind(lo: str, hi: str, tail: _Tail, unit: str | None) -> QuantityKind:
    if unit in ("%", "pp"):
        return K.PERCENT
    if unit in _CURRENCIES:
        return K.MONEY
    if tail.scale == 1 and unit is None and re.fullmatch(r"\d{4}", lo) and len(hi) == 4:
        return K.YEAR
    return K.INTEGER


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity of `text` ("fr" or "en"), in order, each with `text[start:end] == raw`."""
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return _Extractor(text, lang).run()
