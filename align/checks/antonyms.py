"""Opposite words across the two sides of a bead, read through resources rather than lists:
an English word, the French word linked to it, and a French meaning of that word that says
the opposite of the English word. Two readings:

- directions through the dictionary: a French word that the polarity lexicon does not list
  takes the direction its dictionary meanings give there ("restreindre" → "restrict", whose
  first WordNet sense is "curb, curtail, cut back": down), so "expanding" linked to
  "restreindre" is a flip on the up/down axis;
- WordNet antonyms of adjectives and adverbs, for the English words the polarity lexicon does
  not list ("stable" → "instable" = "unstable"), reached through adjective clusters
  ("enormous" ~ "large" ↔ "small") and derived forms. Antonyms of verbs and nouns were tried
  and dropped: they name the other half of an act or a thing ("give" / "take", "come" / "go",
  "draft" / "release"), which loose renderings say all the time.

What a French word means: its translations in the widest bilingual lexicon of the word links
(FreeDict with the Apertium pivot pairs, `align.words.lexicon`), and the English words it is
a cognate of that WordNet knows ("atténuée" → "attenuate"). A pair is kept only when

- the French word says none of what the English word says (none of its meanings is the
  English word, a WordNet synonym of it, or one of its dictionary renderings),
- the French word renders no other English word of the bead, and the opposite meaning is not
  itself in the English ("opening and closing" → "d'ouverture"),
- the English word is not rendered elsewhere in the French (its dictionary renderings absent),
- neither word is a negation ("ever" → "jamais"), and both or neither are negated.
`direction.py` decides the severity: medium when the dictionary links the two words, a note
when only the encoder does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from align.checks.phrases import lemma, negation_scopes, read_lexicon, word_forms
from align.checks.wordnet import wordnet
from align.model import Sentence, WordLink
from align.words import lexicon as words_lexicon
from align.words.lexicon import Bilingual, function_words

POLARITY = "polarity.tsv"


def _dictionary() -> Bilingual:
    """The widest bilingual lexicon the word links have: FreeDict with the Apertium pivot
    pairs (`wide_bilingual`) where that lexicon is built, FreeDict alone otherwise."""
    return getattr(words_lexicon, "wide_bilingual", words_lexicon.bilingual)()


def dictionary_source() -> str:
    """What the French words' meanings were read in, for a finding's evidence."""
    return _dictionary().source


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ELIDED = re.compile(r"^(?:l|d|s|n|j|m|t|c|qu|jusqu|lorsqu|puisqu)'")
#: Words that are negations or their polarity items: "ever" is rendered "jamais" ("more than
#: ever" → "plus que jamais"), which the dictionary gives as "never".
_NEGATIONS = frozenset(
    {
        "never",
        "ever",
        "none",
        "nothing",
        "nobody",
        "whatsoever",
        "any",
        "jamais",
        "aucun",
        "aucune",
        "rien",
        "personne",
        "nul",
        "nulle",
    }
)
#: French endings and the English endings of their cognates ("atténuer" → "attenuate",
#: "accéléré" → "accelerated"): the regular correspondences of Latin-derived words.
_COGNATE_ENDINGS = (
    ("iser", ("ize", "ise")),
    ("ifier", ("ify",)),
    ("er", ("ate", "e", "")),
    ("ir", ("ish", "e", "")),
    ("ique", ("ic", "ical")),
    ("ité", ("ity",)),
    ("eux", ("ous",)),
    ("if", ("ive",)),
    ("tion", ("tion",)),
    ("ure", ("ure",)),
    ("ant", ("ant",)),
    ("ent", ("ent",)),
    ("el", ("al",)),
    ("al", ("al",)),
)
#: At most this many content words of a link's span are read on each side (a link may cover
#: a phrase; the bead's cost stays bounded).
MAX_SPAN_WORDS = 4
#: The axis of a pair of words that WordNet gives as antonyms (no lexicon axis holds them).
WORDNET_AXIS = "antonym"


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _french(word: str) -> tuple[str, str]:
    """The word folded without its elided article, and its lemma."""
    folded = _ELIDED.sub("", word.casefold().replace("’", "'"))
    return folded, lemma(folded, "fr")


@lru_cache(maxsize=16384)
def french_meanings(word: str) -> frozenset[str]:
    """English words a French word means: FreeDict's translations of the word and its lemma,
    and the English words it is a cognate of that WordNet knows."""
    folded, base = _french(word)
    found = set(_dictionary().translations(folded, base))
    net = wordnet()
    if net:
        for form in {folded, base}:
            for ending, english in _COGNATE_ENDINGS:
                if form.endswith(ending):
                    stem = _plain(form[: -len(ending)])
                    for end in english:
                        candidate = stem + end
                        if len(candidate) >= 5 and net.lemmas(candidate):
                            found.add(candidate)
    return frozenset(found)


@dataclass(frozen=True)
class Antonym:
    """An English word and the French word linked to it that means its opposite."""

    en_sentence: int
    en_span: tuple[int, int]
    en_text: str
    fr_sentence: int
    fr_span: tuple[int, int]
    fr_text: str
    meaning: str  # the French word's meaning that says the opposite of the English word
    sure: bool  # the link rests on the dictionary, a lemma or a cognate, not the encoder
    axis: str = WORDNET_AXIS  # the polarity lexicon's axis, or WordNet antonymy
    en_sign: int = 1  # the English word's direction on the axis
    resource: str = "wordnet"  # wordnet: an antonym; dictionary: directions through meanings


def _content(text: str, start: int, lang: str) -> list[tuple[int, int, str]]:
    words = function_words(lang)
    return [
        (start + m.start(), start + m.end(), m.group())
        for m in _WORD.finditer(text)
        if len(m.group()) > 2 and m.group().casefold() not in words
    ][:MAX_SPAN_WORDS]


def _negated(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _opposite_direction(english: str, french: str) -> tuple[str, int, str] | None:
    """(axis, English sign, the French meaning that says the other way) when the two words
    give opposite directions on one axis of the polarity lexicon and at least one of them is
    read through a resource (both in the lexicon is the lexicon rule's, `direction.py`)."""
    en_dirs, en_listed = english_directions(english)
    fr_dirs, fr_listed = french_directions(french)
    if not en_dirs or not fr_dirs or (en_listed and fr_listed):
        return None
    for axis, sign in sorted(en_dirs):
        if (
            (axis, -sign) in fr_dirs
            and (axis, sign) not in fr_dirs
            and (axis, -sign) not in en_dirs
        ):
            meaning = french
            if not fr_listed:
                meanings = french_meanings(french)
                said = [m for m in meanings if (axis, -sign) in english_directions(m)[0]]
                net = wordnet()
                said = said or [  # through the meaning's synonyms: "restreindre" → "restrict"
                    m
                    for m in meanings
                    if any(
                        (axis, -sign) in english_directions(x)[0]
                        for x in net.synonyms(m, parts="var")
                    )
                ]
                meaning = sorted(said, key=lambda w: (len(w), w))[0] if said else french
            return axis, sign, meaning
    return None


def linked_antonyms(
    en: Sequence[Sentence], fr: Sequence[Sentence], links: Sequence[WordLink]
) -> list[Antonym]:
    """The English words of a bead whose linked French word means their opposite: a WordNet
    antonym among its meanings, or opposite directions of the polarity lexicon read through
    WordNet (English) or the dictionary (French)."""
    net = wordnet()
    lexicon = _dictionary()
    if not lexicon or not links:
        return []
    en_by_id = {s.index: s for s in en}
    fr_by_id = {s.index: s for s in fr}
    en_words = {
        form
        for s in en
        for m in _WORD.finditer(s.text)
        for form in (m.group().casefold(), lemma(m.group().casefold(), "en"))
    }
    fr_words = {form for s in fr for m in _WORD.finditer(s.text) for form in _french(m.group())}
    negations: dict[tuple[str, int], list[tuple[int, int]]] = {}

    def negated(lang: str, sentence: Sentence, start: int, end: int) -> bool:
        if (lang, sentence.index) not in negations:
            negations[lang, sentence.index] = negation_scopes(sentence.text, lang)
        return _negated(negations[lang, sentence.index], start, end)

    found: dict[tuple[int, int, int, int], Antonym] = {}
    for link in links:
        if not link.linked or link.by in ("identical", "number", "name"):
            continue
        en_s = en_by_id.get(link.en_sentence)
        fr_s = fr_by_id.get(link.fr_sentence)  # type: ignore[arg-type]
        if en_s is None or fr_s is None:
            continue
        assert link.fr_span is not None
        en_span_text = en_s.text[link.en_span[0] : link.en_span[1]]
        fr_span_text = fr_s.text[link.fr_span[0] : link.fr_span[1]]
        for e_start, e_end, e in _content(en_span_text, link.en_span[0], "en"):
            key = e.casefold()
            if key in _NEGATIONS:
                continue
            base = lemma(key, "en")
            own = lexicon.renderings(key, base)
            if own & fr_words:
                continue  # the English word is rendered elsewhere in the French
            # WordNet speaks for the words the polarity lexicon does not list (a listed word
            # is read in context by the lexicon's rules), and only for adjectives and adverbs:
            # antonyms of verbs and nouns name the other half of an act or a thing ("give" /
            # "take", "come" / "go", "draft" / "release"), which loose renderings say often
            listed = english_directions(e)[1]
            for f_start, f_end, f in _content(fr_span_text, link.fr_span[0], "fr"):
                folded, f_base = _french(f)
                if folded in _NEGATIONS or f_base in _NEGATIONS or {folded, f_base} & own:
                    continue
                meanings = french_meanings(f)
                if {key, base} & meanings:
                    continue
                if listed:
                    flipped = _opposite_direction(e, f)
                    if flipped is None:
                        continue
                    axis, sign, meaning = flipped
                    resource = "dictionary"
                    if meaning in en_words:
                        continue  # the English says the opposite too: it renders that word
                elif meanings and net:
                    hit = meanings & net.meaning(key, "ar")[1]
                    if not hit or meanings & en_words:
                        continue
                    axis, sign, meaning = WORDNET_AXIS, 1, sorted(hit, key=lambda w: (len(w), w))[0]
                    resource = "wordnet"
                else:
                    continue
                if net and meanings & net.meaning(key)[0]:
                    continue  # the French word also says what the English word says
                if negated("en", en_s, e_start, e_end) != negated("fr", fr_s, f_start, f_end):
                    continue
                spot = (en_s.index, e_start, fr_s.index, f_start)
                found.setdefault(
                    spot,
                    Antonym(
                        en_s.index,
                        (e_start, e_end),
                        e,
                        fr_s.index,
                        (f_start, f_end),
                        f,
                        meaning,
                        link.by == "lexicon" if resource == "wordnet" else link.by != "encoder",
                        axis,
                        sign,
                        resource,
                    ),
                )
    return list(found.values())


# -- polarity through the resources ------------------------------------------------------

Direction = tuple[str, int]  # (axis of the polarity lexicon, +1 / -1)
#: Axes whose words are too many-sensed to be read through a dictionary or WordNet: the bare
#: comparatives ("plus", "moins") and blockers.
_UNREAD_AXES = frozenset({"-", "amount"})
#: A word's direction on an axis is taken from its synonyms or meanings when at least this
#: many of them say it and at most a third as many say the other way.
MIN_VOTES = 1


@cache
def _lexicon_rows(lang: str) -> Mapping[str, frozenset[tuple[str, int, bool]]]:
    """One-word terms of the polarity lexicon: word -> {(axis, sign, weak)}."""
    rows: dict[str, set[tuple[str, int, bool]]] = {}
    for entry in read_lexicon(POLARITY).entries:
        if entry.lang != lang or len(entry.words) != 1 or entry.blocker:
            continue
        if entry["axis"] in _UNREAD_AXES:
            continue
        sign = 1 if entry["polarity"] == "+" else -1
        rows.setdefault(entry.words[0], set()).add((entry["axis"], sign, entry["weight"] == "weak"))
    return {k: frozenset(v) for k, v in rows.items()}


def _rows(word: str, lang: str) -> frozenset[tuple[str, int, bool]]:
    table = _lexicon_rows(lang)
    found: set[tuple[str, int, bool]] = set()
    for form in word_forms(word, lang):
        found |= table.get(form, frozenset())
    return frozenset(found)


def _voted(votes: Counter[Direction]) -> frozenset[Direction]:
    """The directions that win their axis: said often enough, the other way at most a third
    as often."""
    return frozenset(
        (axis, sign)
        for (axis, sign), n in votes.items()
        if n >= MIN_VOTES and 3 * votes[axis, -sign] <= n
    )


@lru_cache(maxsize=16384)
def english_directions(word: str) -> tuple[frozenset[Direction], bool]:
    """What direction an English word gives in the polarity lexicon (its strong one-word
    rows): (directions, listed). WordNet's synonyms were tried as a second source and
    dropped: its senses are too wide ("actually" came out "impossible", "part" "leaving")."""
    rows = _rows(word, "en")
    return frozenset((a, s) for a, s, weak in rows if not weak), bool(rows)


@lru_cache(maxsize=16384)
def french_directions(word: str) -> tuple[frozenset[Direction], bool]:
    """What direction a French word gives: (directions, read in the lexicon itself). The
    lexicon's strong rows; else what its dictionary meanings give in the English lexicon
    ("restreindre" → "restrict", "atténuer" → "weaken"), each meaning read like an English
    word of the text (its rows, else its WordNet synonyms)."""
    rows = _rows(word, "fr")
    if rows:
        return frozenset((a, s) for a, s, weak in rows if not weak), True
    folded, base = _french(word)
    if folded in _NEGATIONS or base in _NEGATIONS:
        return frozenset(), False
    meanings = [m for m in french_meanings(word) if " " not in m]
    votes: Counter[Direction] = Counter()
    for meaning in meanings:
        votes.update(english_directions(meaning)[0])
    if not votes:  # the meanings' closest WordNet synonyms ("restrict" → "curb", "limit"),
        # of verbs, adjectives and adverbs: a noun's synonyms drift ("autumn" → "fall")
        net = wordnet()
        for meaning in meanings:
            for synonym in net.synonyms(meaning, parts="var") - {meaning}:
                votes.update(english_directions(synonym)[0])
    return _voted(votes), False
