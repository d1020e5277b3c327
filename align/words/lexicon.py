"""Word lists and dictionaries the links and word checks stand on.

- Curated lists shipped as package data in `align/lexicons/` (TSV, `#` comments, a header
  line naming the columns): function words, false friends, loanwords.
- The FreeDict English–French and French–English dictionaries (GPL-2+, from the Debian
  packages `dict-freedict-eng-fra` and `dict-freedict-fra-eng`, read where dictd keeps them):
  the bilingual lexicon of the links. Without them the links fall back on the other
  evidence (identical strings, cognates, names, numbers, the encoder) and one warning says
  how to install them.
- An English–French lexicon triangulated from Apertium's bilingual dictionaries through
  Spanish, Catalan and Esperanto (GPL, Debian `apertium-*` packages, `align.words.pivot`),
  merged with FreeDict in `wide_bilingual()`: the lexicon of the links and word checks.
  Without Apertium, FreeDict alone (one warning).
- Word frequencies of English and French from wordfreq (its "large" lists), which tell a
  French word from a non-word and an English word from a French one.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from align.words.pivot import PivotLexicon

#: Where dictd dictionaries are looked for, after $FIDELITY_DICT_DIR.
DICT_DIRS = (Path("/usr/share/dictd"), Path("/usr/local/share/dictd"))
DICT_ENV = "FIDELITY_DICT_DIR"
DEBIAN_PACKAGES = "dict-freedict-eng-fra dict-freedict-fra-eng"


class LexiconWarning(UserWarning):
    """A dictionary the links use is missing; they work with less evidence."""


# --- curated TSV lists ----------------------------------------------------------------------


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a package-data TSV of `align/lexicons/`, keyed by its header's columns."""
    text = files("align").joinpath("lexicons", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
    return rows


@cache
def function_words(lang: str) -> frozenset[str]:
    """Articles, pronouns, prepositions, conjunctions, auxiliaries … of `lang` (lower case,
    plain apostrophes)."""
    return frozenset(r["word"].lower() for r in read_tsv("function_words.tsv") if r["lang"] == lang)


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(f.strip().lower() for f in cell.split("|") if f.strip())


@dataclass(frozen=True)
class FalseFriend:
    english: tuple[str, ...]  # lemmas of the English word ("realise", "realize")
    false_friend: tuple[str, ...]  # lemmas of the French look-alike
    right: tuple[str, ...]  # right renderings (words or phrases)
    legit_when: tuple[str, ...]  # English words the look-alike does translate
    kind: str  # "false" (strong evidence) or "partial" (weak)
    note: str

    def line(self) -> str:
        """The entry as the reviewer's evidence: english → look-alike (right: …)."""
        return (
            f"{'/'.join(self.english)} ≠ {'/'.join(self.false_friend)} "
            f"(right: {', '.join(self.right)}) — {self.note}"
        )


@cache
def false_friends() -> tuple[FalseFriend, ...]:
    return tuple(
        FalseFriend(
            english=_forms(r["english"]),
            false_friend=_forms(r["false_friend"]),
            right=_forms(r["right"]),
            legit_when=_forms(r["legit_when"]),
            kind=r["kind"],
            note=r["note"],
        )
        for r in read_tsv("false_friends.tsv")
    )


@dataclass(frozen=True)
class Sense:
    """An English word whose usual French rendering is wrong in a context (senses.tsv)."""

    english: tuple[str, ...]  # the word or phrase, lemmas or forms
    cue: tuple[str, ...]  # English context words that select the sense (empty: always)
    wrong: tuple[str, ...]  # French renderings wrong in that sense
    right: tuple[str, ...]  # French renderings right in that sense
    unless: tuple[str, ...]  # English words that select another sense
    kind: str  # "strong" or "weak"
    note: str

    def line(self) -> str:
        cue = f" (with {', '.join(self.cue[:4])}…)" if self.cue else ""
        return (
            f"{'/'.join(self.english)}{cue}: {', '.join(self.right)}, "
            f"not {', '.join(self.wrong)} — {self.note}"
        )


@cache
def senses() -> tuple[Sense, ...]:
    return tuple(
        Sense(
            english=_forms(r["english"]),
            cue=_forms(r["cue"]),
            wrong=_forms(r["wrong"]),
            right=_forms(r["right"]),
            unless=_forms(r["unless"]),
            kind=r["kind"],
            note=r["note"],
        )
        for r in read_tsv("senses.tsv")
    )


@cache
def loanwords() -> frozenset[str]:
    """English words French uses as its own (lower case)."""
    return frozenset(r["word"].lower() for r in read_tsv("loanwords.tsv"))


@cache
def english_acronyms() -> Mapping[str, str]:
    """English acronyms French replaces by its own (GDP -> PIB), as written."""
    return {
        r["english"]: r["french"] for r in read_tsv("acronyms.tsv") if r["english"] != r["french"]
    }


# --- word frequencies -----------------------------------------------------------------------


@lru_cache(maxsize=262144)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of `word` in `lang` (0 when it is not in the list; a word
    seen once per billion words is 0–1, a common word 4–7)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="large")


# --- the bilingual dictionary ---------------------------------------------------------------

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}
_GRAMMAR = re.compile(r"\s*<[^>]*>")
_PHONETIC = re.compile(r"\s*/[^/]*/\s*$")
_NUMBERED = re.compile(r"^\s*\d+\.\s*")
_PARENTHESES = re.compile(r"\([^)]*\)")


def _b64(value: str) -> int:
    number = 0
    for char in value:
        number = number * 64 + _B64_VALUE[char]
    return number


def _clean(text: str) -> str:
    text = text.replace("‐", "-").replace("’", "'")
    text = _PARENTHESES.sub(" ", text)
    return " ".join(text.split()).strip(" .;:").lower()


def read_dictd(index: Path, data: Path) -> dict[str, set[str]]:
    """Headword -> translations of a dictd dictionary (index + dictzip'ed data)."""
    raw = gzip.decompress(data.read_bytes())
    entries: dict[str, set[str]] = {}
    for line in index.read_text("utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        try:
            start, length = _b64(parts[1]), _b64(parts[2])
        except KeyError:
            continue
        body = raw[start : start + length].decode("utf-8", errors="replace").splitlines()
        if not body:
            continue
        head = _clean(_PHONETIC.sub("", _GRAMMAR.sub("", body[0])))
        for sense in body[1:]:
            for translation in _NUMBERED.sub("", sense).split(","):
                cleaned = _clean(_PHONETIC.sub("", _GRAMMAR.sub("", translation)))
                if cleaned and head:
                    entries.setdefault(head, set()).add(cleaned)
    return entries


@dataclass(frozen=True)
class Bilingual:
    """English lemma -> French renderings, both directions of FreeDict merged."""

    en_fr: Mapping[str, frozenset[str]]
    source: str  # what was read, for the evidence ("FreeDict eng-fra + fra-eng")

    def renderings(self, *english: str) -> frozenset[str]:
        found: set[str] = set()
        for word in english:
            found |= self.en_fr.get(word, frozenset())
        return frozenset(found)

    def translations(self, *french: str) -> frozenset[str]:
        """English words the dictionary gives for French words or lemmas (the reverse
        direction: what a French word means)."""
        found: set[str] = set()
        for word in french:
            found |= self.fr_en.get(word, frozenset())
        return frozenset(found)

    @cached_property
    def fr_en(self) -> Mapping[str, frozenset[str]]:
        """French -> English, built on first use."""
        merged: dict[str, set[str]] = {}
        for english, renderings in self.en_fr.items():
            for french in renderings:
                merged.setdefault(french, set()).add(english)
        return {k: frozenset(v) for k, v in merged.items()}

    def __bool__(self) -> bool:
        return bool(self.en_fr)


def _dict_dirs() -> list[Path]:
    configured = os.environ.get(DICT_ENV, "").strip()
    return ([Path(configured)] if configured else []) + list(DICT_DIRS)


def _find(name: str) -> tuple[Path, Path] | None:
    for folder in _dict_dirs():
        index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
        if index.is_file() and data.is_file():
            return index, data
    return None


def _merge(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    merged: dict[str, set[str]] = {}
    for english, french in pairs:
        merged.setdefault(english, set()).add(french)
    return {k: frozenset(v) for k, v in merged.items()}


@cache
def bilingual() -> Bilingual:
    """The FreeDict dictionaries, read once per process; empty (with one warning) when the
    Debian packages are not installed."""
    pairs: list[tuple[str, str]] = []
    read = []
    for name, english_first in (("freedict-eng-fra", True), ("freedict-fra-eng", False)):
        found = _find(name)
        if found is None:
            continue
        try:
            entries = read_dictd(*found)
        except (OSError, ValueError, EOFError) as error:
            warnings.warn(f"{found[1]}: unreadable ({error}); skipped", LexiconWarning, 2)
            continue
        read.append(name.removeprefix("freedict-"))
        for head, translations in entries.items():
            for translation in translations:
                pairs.append((head, translation) if english_first else (translation, head))
    if not read:
        warnings.warn(
            "word links: the FreeDict English–French dictionary is not installed; links use "
            f"identical words, cognates, names, numbers and the encoder only. Install it "
            f"with `apt-get install {DEBIAN_PACKAGES}` (or set ${DICT_ENV} to a folder "
            "holding freedict-eng-fra.index and .dict.dz).",
            LexiconWarning,
            stacklevel=2,
        )
    return Bilingual(en_fr=_merge(pairs), source="FreeDict " + " + ".join(read) if read else "")


@cache
def pivot_lexicon() -> PivotLexicon:
    """The Apertium pivot lexicon (`align.words.pivot`), read from its cache or built once;
    empty, with one warning, when Apertium is not installed."""
    from align.words import pivot

    try:
        lexicon = pivot.load_or_build()
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        warnings.warn(
            f"word links: the Apertium dictionaries could not be read ({error}); the lexicon "
            "is FreeDict alone",
            LexiconWarning,
            stacklevel=2,
        )
        return pivot.EMPTY
    if not lexicon:
        warnings.warn(
            "word links: the Apertium dictionaries are not installed; the lexicon is FreeDict "
            f"alone (fewer words linked and checked). Install them with `apt-get install "
            f"{pivot.DEBIAN_PACKAGES}` (or set ${pivot.APERTIUM_ENV}).",
            LexiconWarning,
            stacklevel=2,
        )
    return lexicon


#: A pivot pair is sure when this many pivot languages agree on it (Spanish, Catalan,
#: Esperanto): one pivot alone is often a wrong turn of a polysemous pivot word
#: ("population" → Esperanto → "ethnie").
SURE_PIVOTS = 2


@cache
def _pivot_languages(routes: frozenset[str]) -> int:
    """How many pivot languages a pair's routes go through ("es-fwd", "es-rev": one)."""
    return len({route.split("-", 1)[0] for route in routes})


@cache
def wide_bilingual() -> Bilingual:
    """FreeDict's pairs and the Apertium pivot pairs together: the lexicon of the word
    links and word checks (FreeDict alone where Apertium is absent)."""
    return _with_pivot(sure_only=False)


@cache
def sure_bilingual() -> Bilingual:
    """FreeDict's pairs and the pivot pairs at least `SURE_PIVOTS` pivot languages agree on:
    what a word means when its meanings are evidence against a rendering (a look-alike)."""
    return _with_pivot(sure_only=True)


def _with_pivot(sure_only: bool) -> Bilingual:
    freedict = bilingual()
    pivot = pivot_lexicon()
    if not pivot:
        return freedict
    merged: dict[str, set[str]] = {k: set(v) for k, v in freedict.en_fr.items()}
    for (english, french), routes in pivot.pairs.items():
        if not sure_only or _pivot_languages(routes) >= SURE_PIVOTS:
            merged.setdefault(english, set()).add(french)
    source = " + ".join(
        part for part in (freedict.source, f"Apertium ({', '.join(pivot.routes)})") if part
    )
    return Bilingual(en_fr={k: frozenset(v) for k, v in merged.items()}, source=source)


def analyser_lemmas(word: str, lang: str) -> frozenset[str]:
    """The lemmas Apertium's analysers give a word form ("négatives" → "négatif",
    "invités" → "inviter", "invité"); empty without Apertium or for an unknown form."""
    forms = french_forms() if lang == "fr" else english_forms()
    return forms.get(word.lower(), frozenset())


def french_forms() -> Mapping[str, frozenset[str]]:
    """French word forms Apertium's French analysers know (form -> lemmas); empty without
    Apertium."""
    return pivot_lexicon().french_forms


def english_forms() -> Mapping[str, frozenset[str]]:
    """English word forms Apertium's English analysers know (form -> lemmas)."""
    return pivot_lexicon().english_forms
