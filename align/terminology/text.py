"""Words as the terminology check compares them: lemmas without accents, function words out.

Two renderings are the same term when they have the same content words once inflected forms,
accents, articles and prepositions are set aside, in any order: "l’Assemblée fédérale",
"Assemblée fédérale", "assemblées fédérales" are one rendering; "Conseil de sécurité de l’ONU"
contains "Conseil de sécurité". A French adjective derived from the noun a rendering names
counts as that noun ("services gouvernementaux" renders "Government" as "gouvernement"
does), and nothing else does ("nationaliste" is not "national").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from align.words.tokens import Token, fold, tokenise

#: What may lie between two words of one term: spaces, a hyphen, a possessive "’s".
_GAP = re.compile(r"\s*(?:[’']s\b)?[\s\-‐]*")

#: Courtesy titles: not part of a term ("Mr Putin" is the name "Putin").
HONORIFICS = {
    "en": frozenset({"mr", "mrs", "ms", "dr", "messrs"}),
    "fr": frozenset({"m", "mm", "mme", "mmes", "mlle", "monsieur", "madame", "messieurs"}),
}
#: Endings that make a French adjective of a noun: gouvernement → gouvernemental,
#: constitution → constitutionnel, président → présidentiel (compared without accents).
ADJECTIVE_ENDINGS = ("al", "el", "nel", "iel", "aire", "ien")
#: A derived adjective counts only for nouns at least this long ("état" → "étatique" does not).
MIN_DERIVED_STEM = 6
#: A rendering is found when its content words lie in a run of this many more content words
#: ("ministère russe des Finances" holds "ministère des Finances").
WINDOW_SLACK = 1


class Word(NamedTuple):
    """A word of a sentence, with the key it is compared by. A named tuple: a corpus holds
    hundreds of thousands of them, and the garbage collector skips tuples of plain values
    (a dataclass would make every collection walk them all)."""

    start: int  # span in the sentence's text
    end: int
    key: str  # lemma, lower case, without accents
    content: bool  # not a function word, a number or a courtesy title
    capitalised: bool
    initial: bool  # first word of the sentence or of a quotation
    attached: bool = False  # only spaces, a hyphen or "’s" since the previous word


@lru_cache(maxsize=65536)
def words(text: str, lang: str) -> tuple[Word, ...]:
    """The words of one sentence (hyphenated words split, clitics and elisions apart)."""
    honorifics = HONORIFICS[lang]
    out: list[Word] = []
    for token in tokenise(text, lang, split_hyphens=True):
        if _clitic(token):
            continue  # "’s" of "Government’s", "l’" stays (a function word)
        key = fold(token.lemma).replace("'", "")
        content = token.content and key not in honorifics and token.lower not in honorifics
        attached = bool(out) and _GAP.fullmatch(text[out[-1].end : token.start]) is not None
        out.append(
            Word(
                token.start,
                token.end,
                key,
                content,
                token.capitalised,
                token.initial,
                attached,
            )
        )
    return tuple(out)


def _clitic(token: Token) -> bool:
    return token.lang == "en" and token.folded in ("'s", "'", "s'")


def content_keys(items: Iterable[Word]) -> tuple[str, ...]:
    """The sorted content keys of some words: a rendering's identity."""
    return tuple(sorted(w.key for w in items if w.content))


def phrase_keys(text: str, lang: str) -> tuple[str, ...]:
    """The content keys of a phrase (a glossary rendering, a term as written)."""
    return content_keys(words(text, lang))


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """French names of countries, as keys ("russie", "chine", "ukraine"), from babel."""
    from babel import Locale

    names = Locale("fr").territories.values()
    return frozenset(fold(n).replace("-", " ") for n in names if " " not in n and "-" not in n)


#: A country and its adjective share at least this many first letters (Russie / russe).
COUNTRY_STEM = 4


def same_word(found: str, wanted: str) -> bool:
    """Whether the key `found` stands for `wanted`: equal, its derived adjective, or a
    country and its adjective (the English "Russian" is "russe" or "de Russie")."""
    if found == wanted:
        return True
    countries = country_keys()
    if (
        (found in countries or wanted in countries)
        and len(found) >= COUNTRY_STEM
        and found[:COUNTRY_STEM] == wanted[:COUNTRY_STEM]
    ):
        return True
    return (
        len(wanted) >= MIN_DERIVED_STEM
        and found.startswith(wanted)
        and found[len(wanted) :] in ADJECTIVE_ENDINGS
    ) or (
        # "présidentiel" from "président": the noun's final letter is kept before -iel
        len(wanted) >= MIN_DERIVED_STEM
        and found.startswith(wanted[:-1])
        and found[len(wanted) - 1 :] in ("tiel", "ciel")
    )


@dataclass(frozen=True)
class Match:
    """Where a rendering was found: the sentence index and character span of its words."""

    sentence: int
    start: int
    end: int
    text: str


def find_rendering(
    sentences: Iterable[tuple[int, str, Sequence[Word]]], wanted: Sequence[str]
) -> list[Match]:
    """Non-overlapping places where every content key of `wanted` occurs in a short run of
    content words (any order, inflection and derived adjectives tolerated). `sentences`
    are (sentence id, text, its words)."""
    if not wanted:
        return []
    found: list[Match] = []
    for index, text, sentence_words in sentences:
        content = [w for w in sentence_words if w.content]
        i = 0
        while i < len(content):
            end = _covering_run(text, content, i, wanted)
            if end is None:
                i += 1
                continue
            run = content[i:end]
            found.append(Match(index, run[0].start, run[-1].end, text[run[0].start : run[-1].end]))
            i = end
        # a run is tried from each start, so "Conseil de sécurité" is found in "du Conseil …"
    return found


def _covering_run(
    text: str, content: Sequence[Word], start: int, wanted: Sequence[str]
) -> int | None:
    """The end of the shortest run from `start` holding all of `wanted`, if one is short
    enough and one phrase; the run's first word must be one of them (so runs do not start on
    filler)."""
    if not any(same_word(content[start].key, w) for w in wanted):
        return None
    limit = min(len(content), start + len(wanted) + WINDOW_SLACK)
    for end in range(start + len(wanted), limit + 1):
        between = (text, content[start].end, content[end - 1].start)
        if _PUNCTUATION.search(*between):
            return None
        if end - start > len(wanted) and _CONJUNCTION.search(*between):
            # a word more, across "et": "la Russie et les États-Unis" is not "Russie unie"
            # (a rendering's own "et" is fine: "ministère de l’Industrie et du Commerce")
            return None
        if _covers([w.key for w in content[start:end]], wanted):
            return end
    return None


_PUNCTUATION = re.compile(r"[,;:.!?()«»\[\]…]")
_CONJUNCTION = re.compile(r"\b(?:et|ou|ni|mais)\b", re.IGNORECASE)


def _covers(keys: Sequence[str], wanted: Sequence[str]) -> bool:
    """Each wanted key matched by a distinct key of the run."""
    free = list(keys)
    for want in sorted(wanted, key=len, reverse=True):
        for n, key in enumerate(free):
            if same_word(key, want):
                del free[n]
                break
        else:
            return False
    return True


def shortened(
    sentences: Iterable[tuple[int, str, Sequence[Word]]],
    wanted: Sequence[str],
    found: Sequence[Match],
) -> int:
    """How many words of `wanted` stand alone outside the places it was found: a rendering
    shortened on a second mention ("la Douma" after "la Douma d’État")."""
    count = 0
    for index, _, sentence_words in sentences:
        for word in sentence_words:
            if not word.content or word.key not in wanted:  # the very word, repeated
                continue
            inside = any(
                m.sentence == index and m.start <= word.start and word.end <= m.end for m in found
            )
            count += not inside
    return count
