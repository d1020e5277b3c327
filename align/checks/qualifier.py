"""Qualifiers: what is attached to a figure differs, or the figure's time frame does.

Two families of evidence, both read with curated lexicons (`align/lexicons/`):

- what qualifies a figure (`qualifiers.tsv`): "more than 30 billion" → "environ 30 milliards",
  "up to 4,000" → "au moins 4 000", "only fifteen" → "au moins quinze". Figures are read by
  the number extractor (align.numbers) and paired across the sides by value, as the number
  check pairs them; qualifiers of different groups on one pair are reported (medium), a
  qualifier on one side only is a note (low).
- the time frame (`timeframes.tsv` and durations read in code): "120 flights a week" →
  "120 vols par mois", "annual summit" → "sommet semestriel", "this year" → "ce mois-ci",
  "late 2019" → "début 2019", "by 2030" → "en 2030", "23 years" → "23 mois", "in one day" →
  "en une semaine". Time frames of one kind that differ are reported (medium); a rate the
  French drops ("per year each" → "chacune") or a deadline turned into a date is a note (low).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.phrases import Hit, read_lexicon
from align.model import Bead, Finding, FindingType, Sentence, Severity, finding_id
from align.numbers.compare import same_quantity
from align.numbers.extract import extract_quantities
from align.numbers.lexicon import month_numbers, month_pattern
from align.numbers.quantity import Quantity, QuantityKind

K = QuantityKind
QUALIFIERS = "qualifiers.tsv"
TIMEFRAMES = "timeframes.tsv"
SCALES = "scales.tsv"

#: Kinds of qualifier a translator may use for one another, and how a reviewer says them.
GROUP = {
    "approx": "about",
    "almost": "about",
    "over": "more",
    "at_least": "more",
    "under": "less",
    "up_to": "less",
    "only": "only",
    "barely": "barely",
    "exactly": "exactly",
    "average": "average",
    "all": "all",
    "most": "most",
    "each": "each",
    "total": "total",
}
GROUP_WORDS = {
    "about": "about / nearly",
    "more": "more than / at least",
    "less": "less than / up to",
    "only": "only",
    "barely": "barely / just",
    "exactly": "exactly",
    "average": "on average",
    "all": "all of",
    "most": "most of",
    "each": "each",
    "total": "in total",
}
#: What each group says of its figure: a bound or estimate of it, how much of a whole it is,
#: how it is counted. Groups are compared within their family: "almost 16 billion … each" and
#: "au moins 16 milliards … chacune" differ in the bound, agree on the count.
FAMILY = {
    "about": "bound",
    "more": "bound",
    "less": "bound",
    "only": "bound",
    "barely": "bound",
    "exactly": "bound",
    "average": "bound",
    "all": "part",
    "most": "part",
    "each": "count",
    "total": "count",
}
#: Groups that say nearly the same: "barely 3 percent" is only 3 percent.
COMPATIBLE = frozenset({frozenset({"barely", "only"})})
#: Figures a qualifier may bear (a year, a date or a time is a point, not an amount).
_AMOUNTS = frozenset({K.INTEGER, K.DECIMAL, K.PERCENT, K.MONEY})
#: What may stand between a qualifier and its figure: articles, "de", currency signs.
_FILLER_BEFORE = re.compile(
    r"^[\s\u00a0\u202f$€£¥₽]*(?:(?i:the|a|an|de|d['’]|des|les|la|le|l['’]|un|une|some|à|a\s+total\s+of)"
    r"[\s\u00a0\u202f$€£¥₽]*)?$"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(r"[.;:!?()«»\"“”]")
#: "ne … que" before a figure: only.
_FR_ONLY = re.compile(r"\b(?:ne|n['’])\s*(?:[^\s.;:!?]+\s+){0,5}?qu(?:e\s+|['’]\s*)$", re.I)
#: English "over" / "under" before a duration is a time frame ("over 10 years"), not a bound.
#: The unit of a length told without one ("some time", "quelque temps", "a while").
VAGUE = "vague"
_TIME_UNITS = frozenset({"h", "min", "day", "week", "month", "year", "century"})
_VAGUE_TIME_TERMS = frozenset({"over", "under", "below", "above"})


@lru_cache(maxsize=4096)
def _hits(lexicon: str, column: str, text: str, lang: str, negation: bool) -> tuple[Hit, ...]:
    """A lexicon's terms in a text; each sentence is read by several steps of the check."""
    return tuple(read_lexicon(lexicon, column).find(text, lang, negation=negation))


@lru_cache(maxsize=4096)
def _quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    return tuple(extract_quantities(text, lang))


@dataclass(frozen=True)
class Mark:
    """A qualifier or time-frame word of one sentence."""

    sentence: int
    start: int
    end: int
    text: str
    kind: str  # approx … exactly; rate, period, compare, phase, deadline; duration
    unit: str  # the group of a qualifier; the unit of a time frame

    def to_json(self) -> dict[str, object]:
        return {
            "sentence": self.sentence,
            "span": [self.start, self.end],
            "text": self.text,
            "kind": self.kind,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class Figure:
    """A figure of one sentence and the qualifiers attached to it."""

    sentence: int
    quantity: Quantity
    marks: tuple[Mark, ...]  # qualifiers, then the phase or deadline of a year
    vague: bool = False  # "over 10 years": a bound or the time it took, nobody can tell

    @property
    def groups(self) -> frozenset[str]:
        return frozenset(m.unit for m in self.marks if m.kind in GROUP)

    def of_kind(self, kind: str) -> tuple[Mark, ...]:
        return tuple(m for m in self.marks if m.kind == kind)


# -- reading one side ---------------------------------------------------------------------


def _mark(sentence: int, hit: Hit, kind: str, unit: str) -> Mark:
    return Mark(sentence, hit.start, hit.end, hit.text, kind, unit)


def qualifier_marks(sentence: Sentence, lang: str) -> list[tuple[Mark, str, bool]]:
    """Qualifier words of a sentence, each with its position (before / after) and whether it
    qualifies without a figure too ("at least once")."""
    hits = _hits(QUALIFIERS, "kind", sentence.text, lang, False)
    found = {
        (h.start, h.entry["kind"], h.entry["position"]): (
            _mark(sentence.index, h, h.entry["kind"], GROUP[h.entry["kind"]]),
            h.entry["position"],
            h.entry["alone"] == "yes",
        )
        for h in hits
    }
    return list(found.values())


#: "all", "every", "tous", "la quasi-totalité": a figure without digits ("nearly every area").
_ALL = {
    "en": re.compile(r"(?i)\b(?:all|every|everyone|everybody|everything|entire|whole)\b"),
    "fr": re.compile(
        r"(?i)(?<![\w-])(?:tous|toutes|chaque|chacun|chacune|totalité|ensemble|entier|entière"
        r"|quasi-totalité)(?![\w-])"
    ),
}


#: How many times, in words: "no less than once every four years" → "au moins une fois".
_TIMES = {
    "en": re.compile(r"(?i)\b(?P<n>once|twice|thrice)\b"),
    "fr": re.compile(r"(?i)(?<![\w-])(?P<n>une|deux|trois)\s+fois\b"),
}
_TIMES_VALUE = {"once": 1, "twice": 2, "thrice": 3, "une": 1, "deux": 2, "trois": 3}
#: "above all", "after all", "at all", "first of all": no figure.
_ALL_IDIOM = re.compile(r"(?i)\b(?:above|after|at|first\s+of)\s+$")


def _all_figure(m: re.Match[str]) -> Quantity:
    return Quantity(m.group(), m.start(), m.end(), K.INTEGER, float("inf"))


def _before(text: str, mark: Mark, q: Quantity) -> bool:
    return mark.end <= q.start and bool(_FILLER_BEFORE.match(text[mark.end : q.start]))


def _after(text: str, mark: Mark, q: Quantity) -> bool:
    """The mark follows the figure closely: two words between ("17 ans environ"), four for a
    count that closes the phrase ("1,200 megawatts per year each")."""
    gap = text[q.end : mark.start]
    reach = 4 if FAMILY.get(mark.unit) == "count" else 2
    return (
        mark.start >= q.end
        and not _CLAUSE_BREAK.search(gap)
        and "," not in gap
        and len(_WORD.findall(gap)) <= reach
    )


def figures(sentence: Sentence, lang: str) -> list[Figure]:
    """The figures of a sentence with their qualifiers, phases and deadlines."""
    text = sentence.text
    quantities = list(_quantities(text, lang))
    quantities += [
        _all_figure(m)
        for m in _ALL[lang].finditer(text)
        if not _ALL_IDIOM.search(text, max(0, m.start() - 20), m.start())
    ]
    quantities += [
        Quantity(m.group(), m.start(), m.end(), K.INTEGER, float(_TIMES_VALUE[m["n"].casefold()]))
        for m in _TIMES[lang].finditer(text)
        if not any(q.start < m.end() and m.start() < q.end for q in quantities)
    ]
    if not quantities:
        return []
    marks = sorted(qualifier_marks(sentence, lang), key=lambda x: x[0].start)
    starts = [mark.start for mark, _, _ in marks]
    frames = [m for m in time_marks(sentence, lang) if m.kind in ("phase", "deadline")]
    found = []
    for q in quantities:
        attached: list[Mark] = []
        vague = False
        if q.raw.casefold() == "quasi-totalité":
            attached.append(Mark(sentence.index, q.start, q.end, q.raw, "almost", "about"))
        if q.kind in _AMOUNTS:
            for mark, position, _ in _near(marks, starts, q):
                if mark.text.casefold() in _VAGUE_TIME_TERMS and q.unit in _TIME_UNITS:
                    vague = True
                    continue  # "over 10 years": the time it took, not a bound
                if (position == "before" and _before(text, mark, q)) or (
                    position == "after"
                    and _after(text, mark, q)
                    and not any(q.end <= o.start < mark.start for o in quantities)
                ):
                    attached.append(mark)
            if lang == "fr" and _FR_ONLY.search(text[max(0, q.start - 80) : q.start]):
                start = text.rfind("qu", 0, q.start)
                attached.append(Mark(sentence.index, start, q.start, "ne … que", "only", "only"))
            if q.approximate and not any(m.unit == "about" for m in attached):
                # "une quarantaine", "a dozen or so": the extractor's reading
                attached.append(Mark(sentence.index, q.start, q.end, q.raw, "approx", "about"))
        if q.kind in (K.YEAR, K.DATE) or (q.kind is K.RANGE and q.range_of is K.DATE):
            spanned = bool(_SPAN_AFTER.match(text, q.end))  # "from 2012 to 2016": a span
            attached += [
                m for m in frames if _frames_year(text, m, q) and not (m.unit == "from" and spanned)
            ]
        found.append(Figure(sentence.index, q, tuple(attached), vague))
    return _joined(text, found)


_SPAN_AFTER = re.compile(r"\s*(?:-|–|—|to\b|through\b|till\b|until\b|à\b|au\b|jusqu)", re.I)

#: Figures told together share their qualifiers: "only two or three" = "deux ou trois seulement".
_JOINED = re.compile(r"^\s*(?:or|ou|to|à|and|et|-|–|—)\s*$", re.I)


def _joined(text: str, found: list[Figure]) -> list[Figure]:
    ordered = sorted(found, key=lambda f: f.quantity.start)
    groups: list[list[Figure]] = []
    for figure in ordered:
        if groups and _JOINED.match(text[groups[-1][-1].quantity.end : figure.quantity.start]):
            groups[-1].append(figure)
        else:
            groups.append([figure])
    out = []
    for group in groups:
        shared = tuple(dict.fromkeys(m for f in group for m in f.marks if m.kind in GROUP))
        for f in group:
            own = tuple(m for m in f.marks if m.kind not in GROUP)
            out.append(Figure(f.sentence, f.quantity, shared + own, any(g.vague for g in group)))
    return out


#: How far from a figure its qualifier may stand (characters): "a little over", "ou plus".
_REACH = 60


def _near(
    marks: Sequence[tuple[Mark, str, bool]], starts: Sequence[int], q: Quantity
) -> Sequence[tuple[Mark, str, bool]]:
    """The marks that start within `_REACH` characters of the figure (bounded work on long
    lines full of figures)."""
    return marks[bisect_left(starts, q.start - _REACH) : bisect_right(starts, q.end + _REACH)]


def _frames_year(text: str, mark: Mark, q: Quantity) -> bool:
    """A phase or deadline word stands before the year: "late 2019", "fin 2019", "by the end
    of 2019", "d'ici à 2030", "au début de l'année 2019", "mid-2019"."""
    if mark.end > q.start:
        return False
    gap = text[mark.end : q.start]
    if mark.kind == "deadline" and (
        any(c.isdigit() or c in ",–—" for c in gap) or len(_WORD.findall(gap)) > 3
    ):
        return False  # "grew by 12 percent in 2024": "by" is the amount's
    return len(gap) <= 30 and not _CLAUSE_BREAK.search(gap) and len(_WORD.findall(gap)) <= 5


# time frames --------------------------------------------------------------------------------

_PERIOD_WORDS = re.compile(
    r"(?i:year|month|week|quarter|decade|season|century|ann[ée]e|\ban\b|mois|semaine|"
    r"trimestre|semestre|d[ée]cennie|saison|si[èe]cle|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|janvier|f[ée]vrier|mars|avril|mai|juin|"
    r"juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|\d{4})"
)
_RATE_ANCHOR = re.compile(r"(?i:\d|once|twice|times|fois|\bone\b|\bun\b|\bune\b)[^.;:!?,]{0,25}$")
#: "in a year", "within a day": a duration, not a rate.
_DURATION_BEFORE = re.compile(r"(?i:\b(?:in|within|for|over|during|after|per)\s+)$")


def time_marks(sentence: Sentence, lang: str) -> list[Mark]:
    """The time-frame words of a sentence (rates, periods, comparisons, phases, deadlines),
    each kept only where it frames something: a phase before a period or a year, a
    deadline before a year or a date, a rate like "a week" after a figure."""
    text = sentence.text
    marks = []
    for hit in _hits(TIMEFRAMES, "kind", text, lang, False):
        kind, unit = hit.entry["kind"], hit.entry["unit"]
        anchored = _RATE_ANCHOR.search(text[max(0, hit.start - 40) : hit.start])
        if (
            kind == "rate"
            and hit.entry["anchor"] == "figure"
            and (not anchored or _DURATION_BEFORE.search(text[max(0, hit.start - 12) : hit.start]))
        ):
            continue  # "in a week": a duration, read as such
        if kind in ("phase", "deadline"):
            after = text[hit.end : hit.end + 40]
            stop = _CLAUSE_BREAK.search(after)
            if not _PERIOD_WORDS.search(after[: stop.start()] if stop else after):
                continue  # "early elections", "by the President"
        marks.append(_mark(sentence.index, hit, kind, unit))
    return list({(m.start, m.kind, m.unit): m for m in marks}.values())


#: Length in days of each unit a duration may be told in.
_UNIT_DAYS = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.4,
    "quarter": 91.3,
    "half": 182.6,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}
_DURATION_UNITS = {
    "en": {
        "hour": "hour",
        "hours": "hour",
        "day": "day",
        "days": "day",
        "week": "week",
        "weeks": "week",
        "fortnight": "fortnight",
        "month": "month",
        "months": "month",
        "quarter": "quarter",
        "quarters": "quarter",
        "year": "year",
        "years": "year",
        "decade": "decade",
        "decades": "decade",
        "century": "century",
        "centuries": "century",
    },
    "fr": {
        "heure": "hour",
        "heures": "hour",
        "jour": "day",
        "jours": "day",
        "journée": "day",
        "journées": "day",
        "semaine": "week",
        "semaines": "week",
        "quinzaine": "fortnight",
        "mois": "month",
        "trimestre": "quarter",
        "trimestres": "quarter",
        "semestre": "half",
        "semestres": "half",
        "an": "year",
        "ans": "year",
        "année": "year",
        "années": "year",
        "décennie": "decade",
        "décennies": "decade",
        "siècle": "century",
        "siècles": "century",
    },
}
_NUMBER_WORDS = {
    "en": {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "hundred": 100,
        "few": None,
        "several": None,
        "couple": 2,
        "half a": 0.5,
        "half an": 0.5,
    },
    "fr": {
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "cent": 100,
        "quelques": None,
        "plusieurs": None,
        "demi": 0.5,
    },
}
_DURATION = {
    lang: re.compile(
        r"(?<![\w-])(?P<n>\d+(?:[.,]\d+)?|(?i:"
        + "|".join(sorted(words, key=len, reverse=True))
        + r"))(?:\s+(?i:single|seul|seule|whole|entire|full|short|long|petites?|courtes?"
        + r"|longues?|derni(?:er|ère)s?|prochaine?s?|premi(?:er|ère)s?|past|last|next|first"
        + r"|consecutive|cons[ée]cutive?s?))?"
        + r"[\s-]+(?P<u>(?i:"
        + "|".join(sorted(_DURATION_UNITS[lang], key=len, reverse=True))
        + r"))(?![\w-])"
    )
    for lang, words in _NUMBER_WORDS.items()
}
#: An article or "one" counts a duration only after a preposition of time ("in a week",
#: "en une journée"); elsewhere it is a rate ("twice a year") or an idiom ("one day").
_DURATION_PREPOSITION = {
    "en": re.compile(
        r"(?i:\b(?:in|within|for|over|during|after|of|past|last|next))"
        r"\s+(?:(?i:just|only|barely|about|around|another)\s+)?$"
    ),
    "fr": re.compile(
        r"(?i:\b(?:en|dans|pendant|depuis|sur|après|durant|pour|d['’]|de|il\s+y\s+a))"
        r"\s*(?:(?i:seulement|à\s+peine|environ|encore)\s+)?$"
    ),
}


def durations(sentence: Sentence, lang: str) -> list[Mark]:
    """Lengths of time stated with a number: "23 years", "in one day", "en une semaine",
    "quelques mois". `unit` is the unit; `kind` "duration"; the count is in `text`."""
    text = sentence.text
    found = []
    for m in _DURATION[lang].finditer(text):
        number = m["n"].casefold()
        if number in ("a", "an", "one", "un", "une") and not _DURATION_PREPOSITION[lang].search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        found.append(
            Mark(
                sentence.index,
                m.start(),
                m.end(),
                m.group(),
                "duration",
                _DURATION_UNITS[lang][m["u"].casefold()],
            )
        )
    return found


def _duration_value(mark: Mark, lang: str) -> float | None:
    number = _DURATION[lang].match(mark.text)
    if number is None:
        return None
    raw = number["n"].casefold()
    if raw[0].isdigit():
        return float(raw.replace(",", "."))
    value = _NUMBER_WORDS[lang].get(raw)
    return None if value is None else float(value)


# -- comparing the sides --------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    kind: str  # qualifier | lost_qualifier | added_qualifier | rate | period | compare | phase |
    #            deadline | lost_rate | duration
    en: tuple[Mark, ...]
    fr: tuple[Mark, ...]
    severity: Severity
    confidence: float
    figure: tuple[str, str] | None = None  # the paired figures as written (en, fr)


def _is_all(q: Quantity) -> bool:
    return isinstance(q.value, float) and math.isinf(q.value)


def _same_figure(e: Quantity, f: Quantity) -> bool:
    if _is_all(e) or _is_all(f):
        return _is_all(e) and _is_all(f)  # "every" ~ "tous"
    return same_quantity(f, e)


#: At most this many figures (or durations) of a bead are compared, side by side: a bead of
#: hundreds of figures is a table, not a sentence, and pairing is quadratic.
MAX_PER_BEAD = 200


def _pair_figures(en: list[Figure], fr: list[Figure]) -> list[tuple[Figure, Figure]]:
    pairs, used = [], set()
    en, fr = en[:MAX_PER_BEAD], fr[:MAX_PER_BEAD]
    for e in en:
        for j, f in enumerate(fr):
            if j not in used and _same_figure(e.quantity, f.quantity):
                pairs.append((e, f))
                used.add(j)
                break
    return pairs


def figure_differences(en: list[Figure], fr: list[Figure]) -> list[Difference]:
    out = []
    for e, f in _pair_figures(en, fr):
        figure = (e.quantity.raw, f.quantity.raw)
        for family in dict.fromkeys(FAMILY.values()):
            e_q = tuple(m for m in e.marks if FAMILY.get(m.unit) == family and m.kind in GROUP)
            f_q = tuple(m for m in f.marks if FAMILY.get(m.unit) == family and m.kind in GROUP)
            eg, fg = frozenset(m.unit for m in e_q), frozenset(m.unit for m in f_q)
            if eg and fg and not (eg & fg) and not _compatible(eg, fg):
                out.append(Difference("qualifier", e_q, f_q, Severity.MEDIUM, 0.8, figure))
            elif eg and fg:
                pass
            elif e.vague or f.vague:
                pass  # "in over five years" / "en plus de cinq ans": a bound or a span
            elif eg and not fg:
                out.append(Difference("lost_qualifier", e_q, (), Severity.LOW, 0.5, figure))
            elif fg and not eg:
                out.append(Difference("added_qualifier", (), f_q, Severity.LOW, 0.45, figure))
        ek, fk = e.of_kind("phase"), f.of_kind("phase")
        if ek and fk and not ({m.unit for m in ek} & {m.unit for m in fk}):
            out.append(Difference("phase", ek, fk, Severity.MEDIUM, 0.75, figure))
        ek, fk = e.of_kind("deadline"), f.of_kind("deadline")
        if ek and fk and not ({m.unit for m in ek} & {m.unit for m in fk}):
            out.append(Difference("deadline", ek, fk, Severity.MEDIUM, 0.7, figure))
        elif ek and not fk and not f.of_kind("phase"):
            out.append(Difference("deadline", ek, (), Severity.LOW, 0.5, figure))
        elif fk and not ek and not e.of_kind("phase"):
            out.append(Difference("deadline", (), fk, Severity.LOW, 0.45, figure))
    return out


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(frozenset({x, y}) in COMPATIBLE for x in a for y in b)


def unattached_bounds(sentence: Sentence, lang: str, figures_: list[Figure]) -> list[Mark]:
    """Qualifiers that need no figure ("at least once", "au plus égal") and qualify none."""
    attached = {(m.sentence, m.start) for f in figures_ for m in f.marks}
    return [
        mark
        for mark, _, alone in qualifier_marks(sentence, lang)
        if alone and (mark.sentence, mark.start) not in attached
    ]


def bound_differences(en: list[Mark], fr: list[Mark]) -> list[Difference]:
    """A bound on one side ("at least"), another kind of bound on the other ("au plus"), or
    none ("has almost halved" → "a été divisé par deux"): notes."""
    e_groups, f_groups = {m.unit for m in en}, {m.unit for m in fr}
    e_only = tuple(m for m in en if m.unit not in f_groups)
    f_only = tuple(m for m in fr if m.unit not in e_groups)
    if e_only and f_only:
        return [Difference("qualifier", e_only, f_only, Severity.LOW, 0.5)]
    # a bound dropped or added changes what is said ("has almost halved" → "a été divisé par
    # deux", "one from each chamber" → "au moins un par chambre", "as great a victory" →
    # "une victoire presque aussi grande"); "hardly" / "à peine" alone are mostly turns of
    # phrase (an added "presque" was taken for one in round 2; measured again in round 3 on
    # the 1,148 1-1 gold beads of the TransRead tuning books, it adds no note)
    dropped = tuple(m for m in e_only if m.unit != "barely")
    added = tuple(m for m in f_only if m.unit in ("more", "less", "about"))
    if dropped and not fr:
        return [Difference("lost_qualifier", dropped, (), Severity.LOW, 0.4)]
    if added and not en:
        return [Difference("added_qualifier", (), added, Severity.LOW, 0.4)]
    return []


def frame_differences(en: list[Mark], fr: list[Mark]) -> list[Difference]:
    """Rates, periods and comparisons of the bead: one kind, different units."""
    out = []
    for kind in ("rate", "period", "span", "compare"):
        # a length not told ("some time", "quelque temps") fits any span: compared by unit
        e = [m for m in en if m.kind == kind and m.unit != VAGUE]
        f = [m for m in fr if m.kind == kind and m.unit != VAGUE]
        e_units, f_units = Counter(m.unit for m in e), Counter(m.unit for m in f)
        e_only = [m for m in e if e_units[m.unit] > f_units[m.unit]]
        f_only = [m for m in f if f_units[m.unit] > e_units[m.unit]]
        if kind == "period":  # "soon" / "prochaine": the future, told loosely, is one
            e_only = [m for m in e_only if not _soon(m, f_only)]
            f_only = [m for m in f_only if not _soon(m, e_only)]
        if e_only and f_only:
            # "now" is also a word of narration ("Now, …", "or"): a note; "future" told
            # for "next month" (or "demain" for "the future"): how precise, a note
            loose = any(all(m.unit in units for m in e_only) for units in _LOOSE_PERIODS) or any(
                all(m.unit in units for m in f_only) for units in _LOOSE_PERIODS
            )
            severity = Severity.LOW if kind == "period" and loose else Severity.MEDIUM
            out.append(Difference(kind, tuple(e_only), tuple(f_only), severity, 0.75))
        elif kind == "rate" and e_only and not f:
            out.append(Difference("lost_rate", tuple(e_only), (), Severity.LOW, 0.5))
        elif kind == "rate" and f_only and not e:
            out.append(Difference("added_rate", (), tuple(f_only), Severity.LOW, 0.45))
    return out


def phase_differences(en: list[Mark], fr: list[Mark]) -> list[Difference]:
    """The part of a period that no year figure holds: "the early twentieth century" → "la
    fin du XXe siècle", "at the end of the month" → "au début du mois" (medium)."""
    e_units, f_units = {m.unit for m in en}, {m.unit for m in fr}
    e_only = tuple(m for m in en if m.unit not in f_units)
    f_only = tuple(m for m in fr if m.unit not in e_units)
    if e_only and f_only:
        return [Difference("phase", e_only, f_only, Severity.MEDIUM, 0.7)]
    return []


#: Periods told loosely: a difference that rests on them alone is a note.
_LOOSE_PERIODS = (frozenset({"now"}), frozenset({"future"}))


def _soon(mark: Mark, others: Sequence[Mark]) -> bool:
    """The future told loosely ("upcoming", "prochain") against the near or the far future
    ("soon", "in the long run"): one; the near and the far future are not."""
    units = {mark.unit, *(o.unit for o in others)}
    return "future" in units and units <= {"future", "near", "far"}


def same_durations(en: list[Mark], fr: list[Mark]) -> list[Mark]:
    """The durations of both sides told alike ("six months" ~ "half a year"): every mark of
    both sides that found its counterpart."""
    left_en, left_fr = _unpaired_durations(en, fr)
    return [m for m in (*en, *fr) if m not in left_en and m not in left_fr]


def _unpaired_durations(en: list[Mark], fr: list[Mark]) -> tuple[list[Mark], list[Mark]]:
    left_en, left_fr = list(en[:MAX_PER_BEAD]), list(fr[:MAX_PER_BEAD])
    for e in list(left_en):  # the same length told alike, or in other units: fine
        e_days = _days(e, "en")
        for f in left_fr:
            f_days = _days(f, "fr")
            if e_days and f_days and abs(e_days - f_days) <= 0.1 * max(e_days, f_days):
                left_en.remove(e)
                left_fr.remove(f)
                break
            if e_days is None and f_days is None and e.unit == f.unit:  # "a few months"
                left_en.remove(e)
                left_fr.remove(f)
                break
    return left_en, left_fr


def duration_differences(en: list[Mark], fr: list[Mark]) -> list[Difference]:
    """Durations: "23 years" ~ "23 mois", "in one day" ~ "en une semaine", "for half a year"
    ~ "pour un an" (lengths differ)."""
    left_en, left_fr = _unpaired_durations(en, fr)
    out = []
    for e in list(left_en):  # one count, another unit: "23 years" → "23 mois"
        value = _duration_value(e, "en")
        for f in left_fr:
            if value is not None and _duration_value(f, "fr") == value and f.unit != e.unit:
                out.append(Difference("duration", (e,), (f,), Severity.MEDIUM, 0.8))
                left_en.remove(e)
                left_fr.remove(f)
                break
    if len(left_en) == 1 and len(left_fr) == 1:
        e, f = left_en[0], left_fr[0]
        # the same unit with other counts is the number check's ("23 years" / "25 ans"),
        # unless a count is a word the number check does not read ("half a year", "un an")
        worded = not (e.text[0].isdigit() and f.text[0].isdigit())
        if e.unit != f.unit or (worded and _days(e, "en") and _days(f, "fr")):
            out.append(Difference("duration", (e,), (f,), Severity.MEDIUM, 0.65))
    return out


_SPAN_JOIN = {
    "en": r"\s*(?:-|–|—|to|through|till|until)\s*",
    "fr": r"\s*(?:-|–|—|à|au|jusqu['’]à|jusqu['’]en)\s*",
}


@cache
def _month_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    month = month_pattern(lang)
    single = re.compile(rf"(?<![\w-])(?P<m>{month})(?![\w-])")
    span = re.compile(rf"(?<![\w-])(?P<a>{month}){_SPAN_JOIN[lang]}(?P<b>{month})(?![\w-])")
    return single, span


def month_spans(sentence: Sentence, lang: str) -> tuple[list[Mark], list[Mark]]:
    """Spans of months ("January-October", "de janvier à octobre") and lone months."""
    single, span = _month_patterns(lang)
    names = month_numbers(lang)
    spans, taken = [], []
    for m in span.finditer(sentence.text):
        a, b = names[m["a"].casefold().rstrip(".")], names[m["b"].casefold().rstrip(".")]
        spans.append(Mark(sentence.index, m.start(), m.end(), m.group(), "period", f"{a}-{b}"))
        taken.append((m.start(), m.end()))
    lone = [
        Mark(
            sentence.index,
            m.start(),
            m.end(),
            m.group(),
            "period",
            str(names[m["m"].casefold().rstrip(".")]),
        )
        for m in single.finditer(sentence.text)
        if not any(s <= m.start() < e for s, e in taken)
    ]
    return spans, lone


def month_span_differences(en_s: Sequence[Sentence], fr_s: Sequence[Sentence]) -> list[Difference]:
    """A span of months on one side told as one of its months on the other: "January-October
    2012" → "octobre 2012"."""
    en_spans, en_lone = _all_months(en_s, "en")
    fr_spans, fr_lone = _all_months(fr_s, "fr")
    out = []
    for spans, other_spans, other_lone, english in (
        (en_spans, fr_spans, fr_lone, True),
        (fr_spans, en_spans, en_lone, False),
    ):
        other_units = {m.unit for m in other_spans}
        for span in spans:
            ends = set(span.unit.split("-"))
            told = tuple(m for m in other_lone if m.unit in ends)
            if span.unit in other_units or not told:
                continue
            en, fr = ((span,), told) if english else (told, (span,))
            out.append(Difference("period", en, fr, Severity.MEDIUM, 0.7))
    return out


#: Day numbers told with a month: "4 February", "14 to 16 March", "March 14-16", "le 1er
#: octobre", "du 14 au 16 mars".
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
_DAY_JOIN = {"en": r"\s*(?:-|–|—|to|and|through)\s*", "fr": r"\s*(?:-|–|—|au|et|à)\s*"}


@cache
def _dated_month(lang: str) -> re.Pattern[str]:
    day, join, month = _DAY, _DAY_JOIN[lang], month_pattern(lang)
    days = rf"{day}(?:{join}{day})?"
    return re.compile(
        rf"(?<![\w.,])(?P<before>{days})\s+(?:of\s+)?(?P<m>{month})(?![\w-])"
        rf"|(?<![\w-])(?P<m2>{month})\s+(?P<after>{days})(?![\w.,]*\d)"
        rf"|(?<![\w-])(?P<m3>{month})(?![\w-])"
    )


def calendar_dates(sentence: Sentence, lang: str) -> list[Mark]:
    """The months a sentence names, each with the days told with it: unit "month:days"
    ("3:14,16" for "14 to 16 March", "6:" for "June")."""
    names = month_numbers(lang)
    out = []
    for m in _dated_month(lang).finditer(sentence.text):
        name = m["m"] or m["m2"] or m["m3"]
        told = m["before"] or m["after"] or ""
        days = sorted({int(d) for d in re.findall(r"\d+", told)})
        month = names[name.casefold().rstrip(".")]
        unit = f"{month}:{','.join(map(str, days))}"
        text = m.group().rstrip(".")  # "April." ends a sentence
        out.append(Mark(sentence.index, m.start(), m.start() + len(text), text, "date", unit))
    return out


_YEAR = re.compile(r"(?<![\w.,])(?:1[89]|20)\d\d(?![\w.,]*\d)")
#: Parts of a year named without a month: told for a month, the date is coarser or finer.
_YEAR_PARTS = frozenset({"quarter", "half", "quarter0", "quarter-1", "quarter+1"})


def calendar_differences(
    en_s: Sequence[Sentence],
    fr_s: Sequence[Sentence],
    en_frames: Sequence[Mark],
    fr_frames: Sequence[Mark],
) -> list[Difference]:
    """Dates told at another precision: a month on one side, only a quarter or a half-year on
    the other ("in June 2018" → "au premier semestre 2018"): medium; the same month with days
    on one side only, or other days ("on 4 February 2003" → "en février 2003", "from 14 to 16
    March" → "le 16 mars"): a note (the number check reads the days themselves)."""
    en = [m for s in en_s for m in calendar_dates(s, "en")]
    fr = [m for s in fr_s for m in calendar_dates(s, "fr")]
    out = []
    en_parts = tuple(m for m in en_frames if m.kind == "period" and m.unit in _YEAR_PARTS)
    fr_parts = tuple(m for m in fr_frames if m.kind == "period" and m.unit in _YEAR_PARTS)
    for dates, others, parts, english in ((en, fr, fr_parts, True), (fr, en, en_parts, False)):
        if dates and not others and parts:
            e, f = (tuple(dates), parts) if english else (parts, tuple(dates))
            out.append(Difference("period", e, f, Severity.MEDIUM, 0.65))
    # a year told alone on one side, a part of it on the other ("in 2013" → "au premier
    # semestre 2013"), where the side of the year names no month nor unit of time
    for years, parts, sentences, lang, english in (
        (en_s, fr_parts, en_s, "en", True),
        (fr_s, en_parts, fr_s, "fr", False),
    ):
        own_parts = en_parts if english else fr_parts
        if not parts or own_parts or (en if english else fr):
            continue
        texts = [s.text for s in sentences]
        if any(_UNIT_RE[lang].search(t) for t in texts):
            continue
        said = [
            Mark(s.index, m.start(), m.end(), m.group(), "year", m.group())
            for s in years
            for m in _YEAR.finditer(s.text)
        ]
        if said:
            e, f = (tuple(said), parts) if english else (parts, tuple(said))
            out.append(Difference("period", e, f, Severity.MEDIUM, 0.6))
    by_month_fr: dict[str, list[Mark]] = {}
    for m in fr:
        by_month_fr.setdefault(m.unit.split(":")[0], []).append(m)
    for e in en:
        month, days = e.unit.split(":")
        told = by_month_fr.get(month, [])
        if not told or any(f.unit == e.unit for f in told):
            continue
        fr_days = {f.unit.split(":")[1] for f in told}
        if days or fr_days - {""}:
            out.append(Difference("period", (e,), tuple(told), Severity.LOW, 0.5))
    return out


def _all_months(sentences: Sequence[Sentence], lang: str) -> tuple[list[Mark], list[Mark]]:
    spans: list[Mark] = []
    lone: list[Mark] = []
    for sentence in sentences:
        found = month_spans(sentence, lang)
        spans += found[0]
        lone += found[1]
    return spans, lone


def _days(mark: Mark, lang: str) -> float | None:
    value = _duration_value(mark, lang)
    return None if value is None else value * _UNIT_DAYS[mark.unit]


# -- scales: how often, how many ---------------------------------------------------------------

#: How far apart two steps of a scale must be to be reported, and to be more than a note.
#: How often is precise ("souvent" for "often"), how many is vague ("quelques" for "several").
SCALE_GAP = {"frequency": 1, "degree": 2, "certainty": 2, "quantity": 2, "focus": 1}
SCALE_GAP_MEDIUM = {"frequency": 2, "degree": 2}


def scale_marks(sentence: Sentence, lang: str) -> list[Mark]:
    """Words of `scales.tsv` that are not negated: kind = the scale, unit = the step."""
    hits = _hits(SCALES, "scale", sentence.text, lang, True)
    found = {
        (h.start, h.entry["scale"]): _mark(sentence.index, h, h.entry["scale"], h.entry["level"])
        for h in hits
        if not h.negated
    }
    return list(found.values())


def scale_differences(en: list[Mark], fr: list[Mark]) -> list[Difference]:
    """A step of a scale on one side, only steps far from it on the other: "almost always" →
    "parfois" (how often: medium when each side says one step), "some acres" → "de
    nombreuses vergées" (how many: vague words, a note)."""
    out = []
    for scale, gap in SCALE_GAP.items():
        e = [m for m in en if m.kind == scale]
        f = [m for m in fr if m.kind == scale]
        e_steps, f_steps = {float(m.unit) for m in e}, {float(m.unit) for m in f}
        if not e or not f or e_steps & f_steps:
            continue
        apart = min(abs(a - b) for a in e_steps for b in f_steps)
        if apart < gap:
            continue
        one_each = len(e_steps) == 1 and len(f_steps) == 1
        medium = one_each and apart >= SCALE_GAP_MEDIUM.get(scale, 99)
        out.append(
            Difference(scale, tuple(e), tuple(f), Severity.MEDIUM if medium else Severity.LOW, 0.6)
        )
    return out


# -- time units left loose: "at the end of the year" → "à la fin du mois" ----------------------

_UNIT_WORDS = {
    "en": {
        "hour": "hour",
        "hours": "hour",
        "hourly": "hour",
        "day": "day",
        "days": "day",
        "daily": "day",
        "minute": "minute",
        "minutes": "minute",
        "afternoon": "afternoon",
        "afternoons": "afternoon",
        "night": "night",
        "nights": "night",
        "nightly": "night",
        "evening": "night",
        "evenings": "night",
        "morning": "morning",
        "mornings": "morning",
        "week": "week",
        "weeks": "week",
        "weekly": "week",
        "fortnight": "fortnight",
        "month": "month",
        "months": "month",
        "monthly": "month",
        "year": "year",
        "years": "year",
        "yearly": "year",
        "annual": "year",
        "annually": "year",
        "decade": "decade",
        "decades": "decade",
        "century": "century",
        "centuries": "century",
    },
    "fr": {
        "heure": "hour",
        "heures": "hour",
        "jour": "day",
        "jours": "day",
        "journée": "day",
        "journées": "day",
        "quotidien": "day",
        "quotidienne": "day",
        "quotidiens": "day",
        "quotidiennes": "day",
        "quotidiennement": "day",
        "minute": "minute",
        "minutes": "minute",
        "après-midi": "afternoon",
        "nuit": "night",
        "nuits": "night",
        "soir": "night",
        "soirs": "night",
        "soirée": "night",
        "soirées": "night",
        "matin": "morning",
        "matins": "morning",
        "matinée": "morning",
        "matinées": "morning",
        "semaine": "week",
        "semaines": "week",
        "hebdomadaire": "week",
        "hebdomadaires": "week",
        "mois": "month",
        "mensuel": "month",
        "mensuelle": "month",
        "mensuels": "month",
        "mensuelles": "month",
        "an": "year",
        "ans": "year",
        "année": "year",
        "années": "year",
        "annuel": "year",
        "annuelle": "year",
        "annuels": "year",
        "annuelles": "year",
        "annuellement": "year",
        "décennie": "decade",
        "décennies": "decade",
        "siècle": "century",
        "siècles": "century",
    },
}
_UNIT_RE = {
    lang: re.compile(
        r"(?<![\w’'-])(?P<u>" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])",
        re.I,
    )
    for lang, words in _UNIT_WORDS.items()
}
#: Unit words that name no time frame: "the agenda" (l'ordre du jour), "up to date", "early"
#: (de bonne heure), "at present" (à l'heure actuelle), "day and night".
_NOT_A_FRAME = {
    "en": re.compile(
        r"(?i:these\s+days|the\s+other\s+day|one\s+day|day\s+and\s+night|night\s+and\s+day"
        r"|day-to-day|day\s+to\s+day|good\s+(?:morning|evening|night|day)|all\s+day\s+long)"
    ),
    "fr": re.compile(
        r"(?i:ordre\s+du\s+jour|à\s+jour|de\s+nos\s+jours|au\s+jour\s+le\s+jour|un\s+jour"
        r"|jour\s+et\s+nuit|nuit\s+et\s+jour|bonne\s+heure|à\s+l['’]heure|tout\s+à\s+l['’]heure"
        r"|heure\s+actuelle|au\s+quotidien|vie\s+quotidienne|quotidien\s+(?:russe|national)"
        r"|bonsoir|bonjour|à\s+ce\s+jour|ce\s+jour\s+même)"
    ),
}
#: Units a translator may use for one another ("the first half of the year" = "le premier
#: semestre"; "tonight" = "ce soir"; "a decade" = "dix ans").
_NEAR_UNITS = frozenset(
    frozenset(pair)
    for pair in (
        ("night", "day"),
        ("morning", "day"),
        ("fortnight", "week"),
        ("afternoon", "day"),
        ("afternoon", "night"),
        ("moment", "minute"),
        ("long", "year"),
        ("long", "decade"),
        ("long", "century"),
        ("long", "month"),
        (VAGUE, "moment"),
        (VAGUE, "minute"),
        (VAGUE, "long"),
    )
)
#: A unit said as a count of another: "a decade" = "dix ans", "a century" = "cent ans".
_COUNTED_UNITS = {frozenset({"decade", "year"}): 10.0, frozenset({"century", "year"}): 100.0}


def loose_units(
    sentence: Sentence, lang: str, taken: Sequence[Mark], counted: Sequence[Mark] = ()
) -> list[Mark]:
    """Time-unit words of a sentence that no rate, period, duration or phrase of the lexicons
    has read, nor an idiom ("l'ordre du jour"); names count ("Culture Professionals' Day" is
    a day, not a week)."""
    text = sentence.text
    if not _UNIT_RE[lang].search(text):
        return []
    # an idiom is one unless a duration reads it ("pendant un jour ou deux")
    durations_here = [(m.start, m.end) for m in counted if m.sentence == sentence.index]
    skip = [
        (m.start(), m.end())
        for m in _NOT_A_FRAME[lang].finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in durations_here)
    ]
    skip += [(m.start, m.end) for m in taken if m.sentence == sentence.index]
    out = []
    for m in _UNIT_RE[lang].finditer(text):
        word = m["u"]
        if any(s <= m.start() < e or s < m.end() <= e for s, e in skip):
            continue
        unit = _UNIT_WORDS[lang][word.casefold()]
        out.append(Mark(sentence.index, m.start(), m.end(), word, "unit", unit))
    return out


def unit_differences(
    en: list[Mark], fr: list[Mark], counts: Sequence[Mark] = ()
) -> list[Difference]:
    """The English names one unit of time, the French another, and neither names the other's
    (nor a unit a translator uses for it: "tonight" = "ce soir", "a decade" = "dix ans"): a
    note. `counts`: the durations of both sides ("dix ans")."""
    e_units, f_units = {m.unit for m in en}, {m.unit for m in fr}
    e_only = [m for m in en if m.unit not in f_units]
    f_only = [m for m in fr if m.unit not in e_units]
    if not e_only or not f_only:
        return []

    def near(a: str, b: str) -> bool:
        pair = frozenset({a, b})
        if pair in _NEAR_UNITS:
            return True
        per = _COUNTED_UNITS.get(pair)
        return per is not None and any(
            m.unit in pair and (_count(m) or 0) % per == 0 and _count(m) for m in counts
        )

    if all(any(near(e.unit, f.unit) for f in f_only) for e in e_only):
        return []
    return [Difference("unit", tuple(e_only), tuple(f_only), Severity.LOW, 0.45)]


def _on(mark: Mark, others: Sequence[Mark]) -> bool:
    """The mark overlaps one of `others` (of the same side: sentence ids are per side)."""
    return any(
        o.sentence == mark.sentence and o.start < mark.end and mark.start < o.end for o in others
    )


def _spans_as_units(frames: Sequence[Mark]) -> list[Mark]:
    """ "A moment", "longtemps": lengths told without a unit, compared with units ("in an
    instant" → "en une heure")."""
    units = {"short": "moment", "long": "long", VAGUE: VAGUE}
    return [
        Mark(m.sentence, m.start, m.end, m.text, "unit", units[m.unit])
        for m in frames
        if m.kind == "span" and m.unit in units
    ]


def _count(mark: Mark) -> float | None:
    for lang in ("en", "fr"):
        value = _duration_value(mark, lang)
        if value is not None:
            return value
    return None


# -- spans of years: "in 2014-2016" → "en 2016" -------------------------------------------------

_YEAR_JOIN = {
    "en": re.compile(r"^\s*(?:-|–|—|to|through|till|until|and)\s*$", re.I),
    "fr": re.compile(r"^\s*(?:-|–|—|à|au|jusqu['’]à|jusqu['’]en|et)\s*$", re.I),
}


def year_spans(sentence: Sentence, lang: str) -> tuple[list[Mark], list[Mark]]:
    """Spans of years ("2014–2016", "from 2012 to 2016", "de 2012 à 2016") and lone years."""
    text = sentence.text
    if not re.search(r"\d{4}", text):
        return [], []
    quantities = sorted(_quantities(text, lang), key=lambda q: q.start)
    spans, lone = [], []
    years = [q for q in quantities if q.kind is K.YEAR]
    joined: set[int] = set()
    for a, b in pairwise(years):
        if _YEAR_JOIN[lang].match(text[a.end : b.start]) and a.value < b.value:
            unit = f"{int(a.value)}-{int(b.value)}"  # type: ignore[arg-type]
            spans.append(
                Mark(sentence.index, a.start, b.end, text[a.start : b.end], "period", unit)
            )
            joined |= {a.start, b.start}
    for q in quantities:
        if q.kind is K.RANGE and q.range_of is K.YEAR:
            low, high = q.value  # type: ignore[misc]
            spans.append(
                Mark(sentence.index, q.start, q.end, q.raw, "period", f"{int(low)}-{int(high)}")
            )
    lone = [
        Mark(sentence.index, q.start, q.end, q.raw, "period", str(int(q.value)))  # type: ignore[arg-type]
        for q in years
        if q.start not in joined
    ]
    return spans, lone


def year_span_differences(en_s: Sequence[Sentence], fr_s: Sequence[Sentence]) -> list[Difference]:
    """A span of years on one side told as one of its end years on the other."""
    en = [year_spans(s, "en") for s in en_s]
    fr = [year_spans(s, "fr") for s in fr_s]
    en_spans, en_lone = [m for x in en for m in x[0]], [m for x in en for m in x[1]]
    fr_spans, fr_lone = [m for x in fr for m in x[0]], [m for x in fr for m in x[1]]
    out = []
    for spans, other_spans, other_lone, english in (
        (en_spans, fr_spans, fr_lone, True),
        (fr_spans, en_spans, en_lone, False),
    ):
        other_units = {m.unit for m in other_spans}
        for span in spans:
            ends = set(span.unit.split("-"))
            told = tuple(m for m in other_lone if m.unit in ends)
            if span.unit in other_units or not told or len({m.unit for m in told}) == 2:
                continue
            en_m, fr_m = ((span,), told) if english else (told, (span,))
            out.append(Difference("period", en_m, fr_m, Severity.MEDIUM, 0.7))
    return out


# -- superlatives: "the largest" → "l'un des plus grands" -------------------------------------

#: Words in -est that are no superlatives.
_NOT_SUPERLATIVE = frozenset(
    {
        *("rest", "west", "interest", "test", "forest", "guest", "request", "protest"),
        *("contest", "quest", "chest", "nest", "crest", "harvest", "conquest", "honest"),
        *("modest", "earnest", "manifest", "arrest", "digest", "behest", "northwest"),
        *("southwest", "midwest", "inquest", "priest", "bequest", "lest", "unrest"),
        *("invest", "suggest", "attest", "detest"),
    }
)
_EN_SUPERLATIVE = r"(?:most|least|best|worst|[a-z]{2,}est)"
_SUPERLATIVE_FORMS = {
    "en": (
        # one of several
        re.compile(
            rf"(?i)\b(?:one\s+of\s+(?:the|our|its|their|his|her|my|your|these)"
            rf"|among\s+(?:the|our|its|their))\s+(?:\w+\s+)?(?P<w>{_EN_SUPERLATIVE})\b"
        ),
        # the only one
        re.compile(
            rf"(?i)\b(?:the|our|its|their|his|her|my|your)\s+(?:very\s+)?(?P<w>{_EN_SUPERLATIVE})\b"
        ),
    ),
    "fr": (
        re.compile(
            r"(?i)(?:\b(?:l['’])?(?:un|une)\s+(?:des|de\s+nos|de\s+ses|de\s+leurs)"
            r"|\bparmi\s+(?:les|nos|ses|leurs))\s+(?:[\w-]+\s+){0,3}?(?:les\s+)?"
            r"(?P<w>plus|moins|meilleur\w*|pires?)\b"
        ),
        re.compile(
            r"(?i)(?:\b(?:le|la|les|notre|nos|son|sa|ses|leur|leurs)\s+|\bl['’])"
            r"(?:\w+\s+)?(?P<w>plus\s+\w+|moins\s+\w+|meilleur\w*|pires?)\b"
        ),
    ),
}
#: French "le plus" before an adverb or "possible" is how, not which one.
_FR_NOT_SUPERLATIVE = re.compile(
    r"(?i)(?:plus|moins)\s+(?:souvent|tôt|tard|vite|possible|\w+ment)$"
)


def superlatives(sentence: Sentence, lang: str) -> tuple[list[Mark], list[Mark]]:
    """(superlatives of one among several: "one of the largest", "l'un des plus grands";
    superlatives of the only one: "the largest", "le plus grand")."""
    several_re, only_re = _SUPERLATIVE_FORMS[lang]
    text = sentence.text
    several = [
        Mark(sentence.index, m.start(), m.end(), m.group(), "superlative", "several")
        for m in several_re.finditer(text)
        if _superlative(m["w"], lang)
    ]
    taken = [(m.start, m.end) for m in several]
    only = [
        Mark(sentence.index, m.start(), m.end(), m.group(), "superlative", "only")
        for m in only_re.finditer(text)
        if _superlative(m["w"], lang)
        and not any(a <= m.start("w") < b for a, b in taken)
        and not (lang == "fr" and _FR_NOT_SUPERLATIVE.search(m["w"]))
    ]
    return several, only


def _superlative(word: str, lang: str) -> bool:
    return lang == "fr" or word.casefold() not in _NOT_SUPERLATIVE


def superlative_differences(en_s: Sequence[Sentence], fr_s: Sequence[Sentence]) -> list[Difference]:
    """The only one on one side, one among several on the other: "the largest joint project"
    → "l'un des plus grands projets communs" (medium)."""
    en_several, en_only = [], []
    fr_several, fr_only = [], []
    for sentence in en_s:
        several, only = superlatives(sentence, "en")
        en_several += several
        en_only += only
    for sentence in fr_s:
        several, only = superlatives(sentence, "fr")
        fr_several += several
        fr_only += only
    if len(fr_several) > len(en_several) and len(en_only) > len(fr_only):
        return [Difference("superlative", tuple(en_only), tuple(fr_several), Severity.MEDIUM, 0.6)]
    if len(en_several) > len(fr_several) and len(fr_only) > len(en_only):
        return [Difference("superlative", tuple(en_several), tuple(fr_only), Severity.MEDIUM, 0.6)]
    return []


# -- the check ------------------------------------------------------------------------------

_KIND_WORDS = {
    "rate": "how often",
    "period": "which period",
    "span": "how long",
    "compare": "what the figure is compared with",
    "phase": "which part of the period",
    "duration": "how long",
    "unit": "the unit of time",
    "frequency": "how often",
    "degree": "how much",
    "certainty": "how sure",
    "quantity": "how many",
    "focus": "whether it holds for this alone or for this above all",
}


#: Differences of time frame that already say which unit changed.
_FRAME_KINDS = frozenset(
    {"rate", "period", "compare", "duration", "lost_rate", "added_rate", "span"}
)


class QualifierCheck:
    """A figure qualified differently on the two sides, or framed in another time."""

    name = "qualifier"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        fr_by_id = {s.index: s for s in data.fr}
        en_by_id = {s.index: s for s in data.en}
        findings: list[Finding] = []
        for bead in data.beads:
            if not (bead.fr and bead.en):
                continue
            en_s = [en_by_id[i] for i in bead.en if i in en_by_id]
            fr_s = [fr_by_id[i] for i in bead.fr if i in fr_by_id]
            en_figures = {s.index: figures(s, "en") for s in en_s}
            fr_figures = {s.index: figures(s, "fr") for s in fr_s}
            differences = figure_differences(
                [f for s in en_s for f in en_figures[s.index]],
                [f for s in fr_s for f in fr_figures[s.index]],
            )
            differences += bound_differences(
                [m for s in en_s for m in unattached_bounds(s, "en", en_figures[s.index])],
                [m for s in fr_s for m in unattached_bounds(s, "fr", fr_figures[s.index])],
            )
            differences += month_span_differences(en_s, fr_s)
            differences += year_span_differences(en_s, fr_s)
            en_frames = [m for s in en_s for m in time_marks(s, "en")]
            fr_frames = [m for s in fr_s for m in time_marks(s, "fr")]
            # a word that qualifies a figure is the figure's ("all 162 countries", "late 2019")
            on_figures = [
                [m for found in figs.values() for f in found for m in f.marks]
                for figs in (en_figures, fr_figures)
            ]
            differences += frame_differences(en_frames, fr_frames)
            differences += phase_differences(
                [m for m in en_frames if m.kind == "phase" and not _on(m, on_figures[0])],
                [m for m in fr_frames if m.kind == "phase" and not _on(m, on_figures[1])],
            )
            differences += calendar_differences(en_s, fr_s, en_frames, fr_frames)
            differences += superlative_differences(en_s, fr_s)
            en_durations = [m for s in en_s for m in durations(s, "en")]
            fr_durations = [m for s in fr_s for m in durations(s, "fr")]
            differences += duration_differences(en_durations, fr_durations)
            told_alike = same_durations(en_durations, fr_durations)
            if not any(d.kind in _FRAME_KINDS for d in differences):
                # a frame the other side has no frame of its kind for is compared by its unit
                # ("the past year" → "le mois écoulé", which the lexicon does not read)
                en_read = [m for m in en_frames if m.kind in {f.kind for f in fr_frames}]
                fr_read = [m for m in fr_frames if m.kind in {f.kind for f in en_frames}]
                differences += unit_differences(
                    [
                        m
                        for s in en_s
                        for m in loose_units(s, "en", en_read + told_alike, en_durations)
                    ]
                    + _spans_as_units(en_frames),
                    [
                        m
                        for s in fr_s
                        for m in loose_units(s, "fr", fr_read + told_alike, fr_durations)
                    ]
                    + _spans_as_units(fr_frames),
                    en_durations + fr_durations,
                )
            differences += scale_differences(
                [m for s in en_s for m in scale_marks(s, "en") if not _on(m, on_figures[0])],
                [m for s in fr_s for m in scale_marks(s, "fr") if not _on(m, on_figures[1])],
            )
            findings += [self._finding(data, bead, d) for d in differences]
        return findings

    @staticmethod
    def _message(d: Difference) -> str:
        en = ", ".join(f"“{m.text}”" for m in d.en)
        fr = ", ".join(f"“{m.text}”" for m in d.fr)
        on = f" on {d.figure[0]} / {d.figure[1]}" if d.figure else ""
        if d.kind == "qualifier":
            return (
                f"English qualifies the figure as {GROUP_WORDS[d.en[0].unit]} ({en}); the "
                f"French as {GROUP_WORDS[d.fr[0].unit]} ({fr}){on}"
            )
        if d.kind == "lost_qualifier" and not d.figure:
            return f"The French drops {en}; the English qualifies what it says with it"
        if d.kind == "lost_qualifier":
            return f"The French drops {en} before the figure{on}"
        if d.kind == "added_qualifier" and not d.figure:
            return f"The French adds {fr}; the English has no such word"
        if d.kind == "added_qualifier":
            return f"The French adds {fr} to the figure{on}; the English has no such word"
        if d.kind == "lost_rate":
            return f"The French drops the time frame {en}"
        if d.kind == "added_rate":
            return f"The French adds the time frame {fr}; the English has no such words"
        if d.kind == "superlative":
            return (
                f"English says {'the only one' if d.en[0].unit == 'only' else 'one among several'}"
                f" ({en}); the French says "
                f"{'the only one' if d.fr[0].unit == 'only' else 'one among several'} ({fr})"
            )
        if d.kind == "deadline":
            return QualifierCheck._deadline_message(d, en, fr, on)
        what = _KIND_WORDS.get(d.kind, "the time frame")
        if d.kind in SCALE_GAP:
            return f"The sides say {what} differently: English says {en}; the French says {fr}"
        return f"The time frame differs ({what}): English says {en}; the French says {fr}{on}"

    @staticmethod
    def _deadline_message(d: Difference, en: str, fr: str, on: str) -> str:
        def what(marks: tuple[Mark, ...]) -> str:
            return "a start" if all(m.unit == "from" for m in marks) else "a deadline"

        if d.en and d.fr:
            return f"English gives {what(d.en)} ({en}){on}; the French gives {what(d.fr)} ({fr})"
        if d.en:
            time = "a time from which" if what(d.en) == "a start" else "a time by which"
            return (
                f"English gives {what(d.en)} ({en}){on}; the French gives the date itself, "
                f"not {time}"
            )
        return f"The French gives {what(d.fr)} ({fr}){on}; the English gives the date itself"

    def _finding(self, data: CheckInput, bead: Bead, d: Difference) -> Finding:
        fr_text = " ".join(s.text for s in data.fr if s.index in bead.fr)
        en_text = " ".join(s.text for s in data.en if s.index in bead.en)
        marks_key = "|".join(m.text for m in (*d.en, *d.fr))
        return Finding(
            id=finding_id(FindingType.QUALIFIER, d.kind, marks_key, fr_text, en_text),
            type=FindingType.QUALIFIER,
            severity=d.severity,
            confidence=d.confidence,
            fr=tuple(sorted({m.sentence for m in d.fr})) or tuple(bead.fr),
            en=tuple(sorted({m.sentence for m in d.en})) or tuple(bead.en),
            message=self._message(d),
            details={
                "kind": d.kind,
                "en_words": [m.to_json() for m in d.en],
                "fr_words": [m.to_json() for m in d.fr],
                "figure": None if d.figure is None else {"en": d.figure[0], "fr": d.figure[1]},
                "lexicons": [QUALIFIERS, TIMEFRAMES],
            },
        )
