"""Curated word lexicons matched on lemmas: the shared reader of the `direction` and
`qualifier` checks.

A lexicon is a TSV file of `align/lexicons/` whose first columns are `lang` and `term`; a term
is one word or a phrase (space-separated words); "#" in a phrase stands for a number. A word of
the text matches a word of a term when any of its forms does: the word itself (lower-cased,
with the French elided article or pronoun dropped: "l'augmentation" → "augmentation"), its
lemma (simplemma) and the regular inflections a lemmatiser misses ("reculé" → "reculer").
Rows whose `polarity` (or `kind`) is "0" are blockers: phrases whose words say nothing the
lexicon means ("au moins", "d'après"); their words are never read alone.

Matching is greedy, longest term first, left to right, so each word belongs to at most one
term; time is linear in the text's length (terms are a handful of words).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from align.checks.meaning import english_negations, french_negations
from align.numbers.lexicon import CARDINAL_WORDS, SCALES
from align.words.tokens import lemma as words_lemma

#: A number ("5", "1 000", "28,2") or a word (with its elided article, apostrophes and
#: hyphens: "l'augmentation", "aujourd'hui", "record-high", "Pays-Bas").
_TOKEN = re.compile(
    r"\d+(?:[.,\u00a0\u202f ]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*"
)
_ELISION = re.compile(r"^(?:l|d|s|n|j|m|t|c|qu|jusqu|lorsqu|puisqu)'(?=[^\W_])")
#: English hyphen prefixes that turn the word after them around: never read the part alone.
_EN_TURNING_PREFIXES = frozenset({"de", "non", "anti", "counter", "un", "dis", "in", "il", "ir"})
_NUMBER_WORDS = {
    lang: frozenset(CARDINAL_WORDS[lang]) | frozenset(SCALES[lang]) for lang in ("en", "fr")
}
NUMBER = "#"

_FR_VERB_ENDINGS = (
    ("issaient", "ir"),
    ("issait", "ir"),
    ("issent", "ir"),
    ("issons", "ir"),
    ("issez", "ir"),
    ("eraient", "er"),
    ("erait", "er"),
    ("eront", "er"),
    ("aient", "er"),
    ("erons", "er"),
    ("ées", "er"),
    ("ait", "er"),
    ("ent", "er"),
    ("era", "er"),
    ("ons", "er"),
    ("és", "er"),
    ("ée", "er"),
    ("ez", "er"),
    ("é", "er"),
    ("es", "er"),  # present tense: il abaisse, tu baisses
    ("e", "er"),
    ("ies", "ir"),
    ("ie", "ir"),
    ("is", "ir"),
    ("it", "ir"),
    ("i", "ir"),
    ("uit", "uire"),
    ("uits", "uire"),
    ("uite", "uire"),
    ("uites", "uire"),
)


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'")


def lemma(word: str, lang: str) -> str:
    """simplemma's lemma of a word (folded), or the word where simplemma cannot read it. The
    word links' cache (`align.words.tokens.lemma`): the links have read these words already."""
    return _fold(words_lemma(word, lang))


@lru_cache(maxsize=65536)
def word_forms(word: str, lang: str) -> frozenset[str]:
    """The forms a lexicon term may use for one word of the text: itself, without its
    elided article, its lemma, and regular inflections undone."""
    folded = _fold(word)
    bare = _ELISION.sub("", folded) if lang == "fr" else re.sub(r"'s$|s'$", "", folded)
    forms = {folded, bare}
    for form in (folded, bare):
        forms.add(lemma(form, lang))  # an odd script or character: the word itself
    for form in list(forms):
        forms.update(_deinflect(form, lang))
    return frozenset(f for f in forms if f)


def _deinflect(word: str, lang: str) -> Iterable[str]:
    if lang == "fr":
        if word.endswith(("es", "s", "x")) and len(word) > 4:
            yield word[:-2] if word.endswith("es") else word[:-1]
        if word.endswith("e") and len(word) > 4:
            yield word[:-1]  # élevée → élevé, forte → fort
        for ending, lemma_ending in _FR_VERB_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                yield word[: -len(ending)] + lemma_ending
        return
    if len(word) <= 3:
        return
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("ied"):
        yield word[:-3] + "y"
    for ending in ("es", "s", "ed", "ing", "er", "est"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            yield stem
            yield stem + "e"  # raised → raise
            if len(stem) > 3 and stem[-1] == stem[-2]:
                yield stem[:-1]  # dropped → drop


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    forms: frozenset[str]


@lru_cache(maxsize=8192)
def tokens(text: str, lang: str, heads: frozenset[str] = frozenset()) -> tuple[Token, ...]:
    """The words and numbers of `text`. English hyphenated words are read part by part
    ("record-high" → record, high) unless the whole is a term's first word (`heads`) or its
    first part turns the rest around ("de-escalation", "non-oil"). Cached: each check reads a
    sentence with several lexicons."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0].isdigit():
            out.append(Token(word, m.start(), m.end(), frozenset({NUMBER})))
            continue
        elided = _ELISION.match(_fold(word)) if lang == "fr" else None
        if elided:  # "d'un", "l'augmentation": the elided word is a word of its own
            cut = m.start() + elided.end()
            out.append(Token(word[: elided.end()], m.start(), cut, frozenset({elided.group()})))
            word = word[elided.end() :]
            m_start = cut
        else:
            m_start = m.start()
        forms = word_forms(word, lang)
        if word.casefold() in _NUMBER_WORDS[lang]:
            forms = forms | {NUMBER}
        hyphenated = "-" in word and lang == "en"
        if hyphenated and not (forms & heads):
            parts = word.split("-")
            if parts[0].casefold() not in _EN_TURNING_PREFIXES:
                offset = m_start
                for part in parts:
                    if part:
                        out.append(Token(part, offset, offset + len(part), word_forms(part, lang)))
                    offset += len(part) + 1
                continue
        out.append(Token(word, m_start, m.end(), forms))
    return tuple(out)


def term_words(term: str) -> tuple[str, ...]:
    """The words of a lexicon term, French elisions apart: "d'après" → ("d'", "après")."""
    words: list[str] = []
    for word in _fold(term).split():
        elided = _ELISION.match(word)
        if elided and len(word) > elided.end():
            words += [elided.group(), word[elided.end() :]]
        else:
            words.append(word)
    return tuple(words)


@dataclass(frozen=True, eq=False)  # compared by identity: one row, one entry
class Entry:
    """One row of a lexicon: the term's words and the row's other columns."""

    lang: str
    words: tuple[str, ...]
    fields: Mapping[str, str]
    blocker: bool

    @property
    def term(self) -> str:
        return " ".join(self.words)

    def __getitem__(self, column: str) -> str:
        return self.fields[column]


@dataclass(frozen=True)
class Hit:
    """Where a term of the lexicon occurs in a text."""

    entry: Entry
    start: int  # character span in the text
    end: int
    text: str  # the text's words as written
    negated: bool = False


class PhraseLexicon:
    """Terms of one lexicon indexed by language and first word."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        # one-word terms by their word; longer ones by their first two words, so that a word
        # many phrases start with ("en", "à", "the") costs no more than another
        single: dict[tuple[str, str], list[Entry]] = {}
        pairs: dict[tuple[str, str, str], list[Entry]] = {}
        for entry in entries:
            if len(entry.words) == 1:
                single.setdefault((entry.lang, entry.words[0]), []).append(entry)
            else:
                key = (entry.lang, entry.words[0], entry.words[1])
                pairs.setdefault(key, []).append(entry)
        self._single = single
        self._pairs = pairs
        self._seconds: dict[tuple[str, str], frozenset[str]] = {}
        for lang, first, second in pairs:
            self._seconds[lang, first] = self._seconds.get((lang, first), frozenset()) | {second}
        self._heads = {
            lang: frozenset({w for (lng, w) in single if lng == lang})
            | frozenset({w for (lng, w, _) in pairs if lng == lang})
            for lang in ("en", "fr")
        }

    def find(self, text: str, lang: str, *, negation: bool = True) -> list[Hit]:
        """Every term of `text` (blockers left out), longest first; with `negation`, a hit
        under a negation of the text ("did not rise", "ne baisse plus") is marked so."""
        # the heads matter only to English hyphenated words: other texts share one reading
        heads = self._heads.get(lang, frozenset()) if lang == "en" and "-" in text else frozenset()
        words = tokens(text, lang, heads)
        hits: list[Hit] = []
        i = 0
        while i < len(words):
            matched = self._match_at(words, i, lang)
            if not matched:
                i += 1
                continue
            length = len(matched[0].words)
            first, last = words[i], words[i + length - 1]
            for entry in matched:
                if not entry.blocker:
                    hits.append(Hit(entry, first.start, last.end, text[first.start : last.end]))
            i += length
        if negation and hits:
            covered = _merge(negation_scopes(text, lang))
            starts = [s for s, _ in covered]
            hits = [
                Hit(h.entry, h.start, h.end, h.text, True) if _overlap(covered, starts, h) else h
                for h in hits
            ]
        return hits

    def _match_at(self, words: Sequence[Token], i: int, lang: str) -> list[Entry]:
        """The entries of the longest term that starts at word i; a blocker among them wins."""
        first = words[i].forms
        candidates = [e for form in first for e in self._single.get((lang, form), ())]
        if i + 1 < len(words):
            second = words[i + 1].forms
            for form in first:
                follow = self._seconds.get((lang, form))
                if follow is None:
                    continue
                for form2 in follow & second:
                    candidates += self._pairs[lang, form, form2]
        matched = [
            e
            for e in dict.fromkeys(candidates)
            if i + len(e.words) <= len(words)
            and all(e.words[k] in words[i + k].forms for k in range(2, len(e.words)))
        ]
        if not matched:
            return []
        longest = max(len(e.words) for e in matched)
        matched = sorted(
            (e for e in matched if len(e.words) == longest), key=lambda e: tuple(e.fields.values())
        )
        blockers = [e for e in matched if e.blocker]
        return blockers[:1] if blockers else matched


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlap(covered: list[tuple[int, int]], starts: list[int], hit: Hit) -> bool:
    """Whether the hit overlaps a span of `covered` (disjoint, sorted; `starts` their starts)."""
    i = bisect_right(starts, hit.end - 1) - 1
    return i >= 0 and covered[i][1] > hit.start


# -- negation -----------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[,;:.!?()«»\"“”—–]")
#: How many words after a negation it reaches: "did not rise", "has not sharply increased",
#: "n'a pas augmenté"; not the object of a negated verb ("has never had such low inflation").
_NEGATION_REACH = {"en": 2, "fr": 2}
#: What meaning.py counts as negation but does not turn a direction around: a comparison
#: ("less than"), "sans doute" (probably), "sans cesse" (constantly).
_NOT_NEGATING = re.compile(r"(?i)^less\s+than$|^sans$")
_SANS_IDIOM = re.compile(
    r"(?i)\s*(?:aucun\s+)?(?:doute|cesse|arr[êe]t|relâche|danger|risque|précédent)\b"
)


#: Negations that are prepositions: they negate their noun phrase ("sans pitié atténuait":
#: the pity is absent, the verb is not negated).
_PREPOSITIONS = frozenset({"sans", "without"})
_DETERMINERS = frozenset(
    {"aucun", "aucune", "le", "la", "les", "l'", "l’", "un", "une", "de", "des", "d'", "d’"}
    | {"any", "a", "an", "the", "much", "some", "its", "their", "his", "her"}
)


def negation_scopes(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans under a negation (meaning.py's detection): the negation itself (for
    French "ne … plus", the verb inside it) and the next few words of its clause."""
    found = french_negations(text) if lang == "fr" else english_negations(text)
    scopes: list[tuple[int, int]] = []
    for negation in dict.fromkeys(found):
        for m in re.finditer(re.escape(negation), text):
            if _NOT_NEGATING.match(negation) and (
                negation.casefold() != "sans" or _SANS_IDIOM.match(text, m.end())
            ):
                continue
            end = m.end()
            reach = _NEGATION_REACH[lang]
            # "sans pitié", "without delay": a preposition negates its noun, not what follows
            noun_only = negation.casefold().strip() in _PREPOSITIONS
            for word in _TOKEN.finditer(text, m.end()):
                if reach == 0 or _CLAUSE_END.search(text, end, word.start()):
                    break
                end = word.end()
                reach -= 1
                if noun_only and word.group().casefold() not in _DETERMINERS:
                    break
            scopes.append((m.start(), end))
    return scopes


# -- reading the TSV files ----------------------------------------------------------------


@cache
def read_lexicon(name: str, blocker_column: str = "polarity") -> PhraseLexicon:
    """A lexicon of `align/lexicons/` (package data), parsed once."""
    text = files("align").joinpath("lexicons", name).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    entries = []
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        words = term_words(row["term"])
        if not words or row["lang"] not in ("en", "fr"):
            raise ValueError(f"{name}: bad row {row!r}")
        entries.append(Entry(row["lang"], words, row, row.get(blocker_column) == "0"))
    return PhraseLexicon(entries)
