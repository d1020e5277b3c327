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


# -- ordinal words that rank nothing ---------------------------------------------------------
# "First, …", "first of all", "at first", "tackle this first", "first-hand", "matières
# premières", "de premier plan", "les premières mesures": discourse markers, adverbs and fixed
# vocabulary. A translator renders them freely ("Tout d'abord", "d'emblée", "initial",
# "leading"), so read as numbers they only raise false alarms. An ordinal that does count
# ("the first reading", "la troisième lecture") keeps its determiner and its noun.

_EN_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_FR_ORDINALS = (
    "premier|première|premiere|second|seconde|deuxième|deuxieme|troisième|troisieme"
    "|quatrième|quatrieme|cinquième|cinquieme|sixième|sixieme|septième|septieme"
    "|huitième|huitieme|neuvième|neuvieme|dixième|dixieme"
)
#: Where a clause opens: text start, strong punctuation, an opening quote or bracket, or a
#: coordinating word right after one ("And second, …", "Et deuxième, …").
_CLAUSE_OPENING = r"(?:^|[.!?;:—–(\[«\"“]\s*)(?:(?i:and|but|so|then|et|puis|ensuite|enfin)\s+)?"

#: Ordinal words that are never a rank, as patterns around the word (the group `o`).
_ORDINAL_IDIOMS: dict[str, tuple[str, ...]] = {
    "en": (
        # enumeration markers: "First, Russia joined the WTO. Second, …", "Third. We must …"
        rf"{_CLAUSE_OPENING}(?P<o>(?i:{_EN_ORDINALS}))(?=\s*(?:[,:;.—–]|$))",
        r"(?P<o>(?i:first))(?=\s+(?i:of\s+all|and\s+foremost|off)\b)",
        r"\b(?i:at)\s+(?P<o>(?i:first))\b",  # at first, at first sight
        # vocabulary
        r"(?P<o>(?i:first|second))(?=[-\s]?(?i:hand(?:ed)?)\b)",  # first-hand, second-hand
        rf"(?P<o>(?i:{_EN_ORDINALS}))(?=[-\s](?i:class|rate|tier)\b)",  # second-class, first-rate
        r"(?P<o>(?i:first))(?=\s+(?i:aid|lad(?:y|ies)|names?|nations?|responders?)\b)",
        r"(?P<o>(?i:second))(?=[-\s](?i:guess\w*|to\s+none|nature|opinions?)\b)",
        r"(?P<o>(?i:third))(?=[-\s](?i:countr(?:y|ies)|part(?:y|ies)|world)\b)",
        r"\b(?i:the)\s+(?P<o>(?i:first))(?=\s+(?i:time)\b)",  # (for) the first time
    ),
    "fr": (
        rf"{_CLAUSE_OPENING}(?P<o>(?i:{_FR_ORDINALS}))(?=\s*(?:[,:;.—–]|$))",
        rf"\b(?i:en)\s+(?P<o>(?i:{_FR_ORDINALS}))(?=\s+(?i:lieu)\b)",  # en premier lieu
        rf"\b(?i:dans\s+un)\s+(?P<o>(?i:{_FR_ORDINALS}))(?=\s+(?i:temps)\b)",
        r"\b(?i:en)\s+(?P<o>(?i:premier|première|premiere|dernier))\b(?!\s+(?i:lieu)\b)",
        r"\b(?i:au)\s+(?P<o>(?i:premier))(?=\s+(?i:abord|chef|rang)\b)",
        # vocabulary
        r"\b(?i:mati[èe]res?)\s+(?P<o>(?i:premi[èe]res?))\b",  # raw materials
        r"\b(?i:de)\s+(?P<o>(?i:premi[èe]re|seconde))(?=\s+(?i:main|n[ée]cessit[ée]|importance"
        r"|urgence|classe|qualit[ée])\b)",
        r"\b(?i:de|au|du)\s+(?P<o>(?i:premier|second))(?=\s+(?i:plan|ordre|rang)\b)",
        r"\b(?i:en)\s+(?P<o>(?i:premi[èe]re|seconde))(?=\s+(?i:ligne)\b)",
        r"(?P<o>(?i:premi[èe]re))(?=\s+(?i:dame)\b)",
        r"(?P<o>(?i:premier))(?=\s+(?i:venu)\b)",
        r"\b(?i:la)\s+(?P<o>(?i:premi[èe]re))(?=\s+(?i:fois)\b)",  # (pour) la première fois
        # "le premier partenaire commercial" = "the largest trading partner"
        r"(?P<o>(?i:premier|première|premiere))(?=\s+(?i:partenaire|exportateur|exportatrice"
        r"|importateur|importatrice|producteur|productrice|fournisseur|investisseur"
        r"|consommateur|acheteur|client|employeur|puissance)s?\b)",
        # plurals: "les premières mesures", "les premiers résultats" mean initial, early
        r"(?<![\w-])(?P<o>(?i:premiers|premi[èe]res))(?![\w-])",
    ),
}


#: Words before "first" that make it an adjective of a noun phrase ("the first meeting",
#: "Russia's first"); without one, "first" is an adverb ("we must first agree").
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EN_DETERMINERS = _word_set(
    "the a an this that these those its his her their our my your whose every each very"
)
#: Nouns an undetermined "first" still ranks ("adopted in first reading", "took first place").
_EN_RANK_NOUNS = _word_set(
    "reading readings place prize round stage phase half quarter term degree instance rank "
    "division league grade class"
)
#: Words that end in s and are no plural noun (after "first").
_EN_NOT_PLURAL = _word_set(
    "is was has does this its his hers as us thus always perhaps unless less across yes "
    "whereas besides news series means"
)
_EN_WORD_AFTER = re.compile(r"[\s-]+([^\W_]+(?:['’][^\W_]+)?)")
_EN_WORD_BEFORE = re.compile(r"([^\W_]+(?:['’][^\W_]*)?)\s+$")
_NUMBER_AFTER = {
    "en": re.compile(
        r"\s+(?:\d|(?i:two|three|four|five|six|seven|eight|nine|ten|dozen|few|hundred)\b)"
    ),
    "fr": re.compile(r"$^"),  # French puts the count first: "les deux premiers"
}


@cache
def _ordinal_idioms(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _ORDINAL_IDIOMS[lang])


def ordinal_idiom_starts(text: str, lang: str) -> frozenset[int]:
    """Where an ordinal word of `text` is a discourse marker or fixed vocabulary, not a rank."""
    return frozenset(m.start("o") for p in _ordinal_idioms(lang) for m in p.finditer(text))


def _en_adverbial_first(text: str, start: int, end: int) -> bool:
    """ "we must first agree", "read it first", "First it marked …", "the first two", "the
    first steps": an English "first" that is an adverb or means "initial", not a rank."""
    after = _EN_WORD_AFTER.match(text, end)
    nxt = after.group(1) if after else ""
    if _NUMBER_AFTER["en"].match(text, end):
        return True  # the first two, the first 100 days: "initial", the count is the number
    plural = nxt.endswith("s") and not nxt.endswith(("ss", "us", "is", "'s", "’s"))
    if nxt[:1].islower() and plural and nxt.lower() not in _EN_NOT_PLURAL:
        return True  # the first steps, first results: initial, early
    before = _EN_WORD_BEFORE.search(text, max(0, start - 40), start)
    prev = before.group(1).lower() if before else ""
    if prev in _EN_DETERMINERS or prev.endswith(("'s", "’s", "s'")) or prev.isdigit():
        return False
    if text[end : end + 1] == "-":
        return False  # first-quarter, first-ever
    if nxt[:1].isupper():
        return False  # a title: First Deputy Prime Minister
    return nxt.lower() not in _EN_RANK_NOUNS


def is_ordinal_idiom(
    text: str, start: int, end: int, lang: str, idioms: frozenset[int] | None = None
) -> bool:
    """The ordinal word at text[start:end] ranks nothing; `idioms` is
    `ordinal_idiom_starts(text, lang)` when the caller has it already."""
    if start in (ordinal_idiom_starts(text, lang) if idioms is None else idioms):
        return True
    return (
        lang == "en"
        and text[start:end].lower() == "first"
        and _en_adverbial_first(text, start, end)
    )
