"""English WordNet (Princeton WordNet 3.0, Debian package `wordnet-base`): antonyms and the
words that say the same, read from the database files where Debian puts them.

Used by the `direction` check as a resource that no hand-written list replaces: an English
word of the bead, a French word linked to it whose dictionary meanings hold an antonym of the
English word ("expand" / "contract", "early" / "late", "gain" / "loss"), and none of the English
word's own meanings. Antonymy in WordNet is a relation between words; it is widened the way
WordNet itself defines indirect antonyms: through the adjective clusters (a satellite such as
"enormous" is similar to the head "large", whose antonym is "small", similar to "tiny"), and
through the derivationally related forms ("increase" the noun ↔ "increase" the verb ↔
"decrease").

Without the package the check works from its lexicon alone and says so once (a warning).
WordNet licence: the Princeton WordNet licence (free to use, copy and distribute, with its
notice); the files are read in place, not shipped.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

#: Where the database files are looked for, after $FIDELITY_WORDNET_DIR.
WORDNET_DIRS = (Path("/usr/share/wordnet"), Path("/usr/local/share/wordnet"))
WORDNET_ENV = "FIDELITY_WORDNET_DIR"
DEBIAN_PACKAGE = "wordnet-base"
#: The parts of speech read, with the file suffix of each.
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: How many senses of a word are read, most frequent first (WordNet's index order): rarer
#: senses bring antonyms a text almost never means ("rise" as a hill: "fall" still fits, but
#: "run" as a stocking's ladder does not).
SENSES = 4


class WordNetWarning(UserWarning):
    """WordNet is not installed; the direction check reads its lexicon alone."""


Key = tuple[str, int]  # (part of speech, synset offset); satellites "s" are read as "a"
Word = tuple[Key, str]  # a lemma in one synset


@dataclass(frozen=True)
class Synset:
    lemmas: tuple[str, ...]
    antonyms: tuple[tuple[int, Key, int], ...]  # (source word, target synset, target word)
    related: tuple[tuple[int, Key, int], ...]  # derived forms ("+"), pertainyms ("\\")
    similar: tuple[Key, ...]  # adjective clusters ("&")


class WordNet:
    """The database of one folder, read lazily: a word's index line when it is first asked
    for, a synset's line (at its byte offset in data.*) when it is first reached."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._data: dict[str, bytes] = {}
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._exceptions: dict[str, str] | None = None

    def __bool__(self) -> bool:
        return self.folder is not None

    def _file(self, pos: str) -> bytes:
        if pos not in self._data:
            assert self.folder is not None
            self._data[pos] = (self.folder / f"data.{_FILES[pos]}").read_bytes()
        return self._data[pos]

    def senses(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Synset offsets of a lemma in one part of speech, most frequent sense first."""
        if pos not in self._index:
            assert self.folder is not None
            table: dict[str, tuple[int, ...]] = {}
            with open(self.folder / f"index.{_FILES[pos]}", encoding="utf-8") as index:
                for line in index:
                    if line.startswith(" "):
                        continue
                    fields = line.split()
                    count = int(fields[2])
                    table[fields[0]] = tuple(int(o) for o in fields[-count:])
            self._index[pos] = table
        return self._index[pos].get(lemma, ())

    @lru_cache(maxsize=65536)  # noqa: B019 - one WordNet per process
    def synset(self, key: Key) -> Synset:
        data = self._file(key[0])
        end = data.find(b"\n", key[1])
        fields = data[key[1] : end].decode("utf-8", "replace").split(" | ", 1)[0].split()
        count = int(fields[3], 16)
        lemmas = tuple(fields[4 + 2 * i].casefold().split("(", 1)[0] for i in range(count))
        at = 4 + 2 * count
        antonyms, related, similar = [], [], []
        for p in range(int(fields[at])):
            symbol, offset, target_pos, ends = fields[at + 1 + 4 * p : at + 5 + 4 * p]
            target: Key = ("a" if target_pos == "s" else target_pos, int(offset))
            if symbol == "&":
                similar.append(target)
            elif symbol in ("!", "+", "\\"):
                source, goal = int(ends[:2], 16), int(ends[2:], 16)
                if source and goal:
                    (antonyms if symbol == "!" else related).append((source, target, goal))
        return Synset(lemmas, tuple(antonyms), tuple(related), tuple(similar))

    def _words(self, key: Key, lemma: str, links: str) -> list[Word]:
        synset = self.synset(key)
        out = []
        for source, target, goal in getattr(synset, links):
            if synset.lemmas[source - 1] == lemma:
                names = self.synset(target).lemmas
                if goal <= len(names):
                    out.append((target, names[goal - 1]))
        return out

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The word as WordNet lists it: itself, its irregular base, its regular base."""
        word = word.casefold().replace(" ", "_")
        if self._exceptions is None:
            self._exceptions = {}
            assert self.folder is not None
            for name in _FILES.values():
                path = self.folder / f"{name}.exc"
                if path.is_file():
                    for line in path.read_text("utf-8", errors="replace").splitlines():
                        parts = line.split()
                        if len(parts) >= 2:
                            self._exceptions.setdefault(parts[0], parts[1])
        found = [word]
        if word in self._exceptions:
            found.append(self._exceptions[word])
        for ending, base in _ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                found.append(word[: -len(ending)] + base)
        return tuple(w for w in dict.fromkeys(found) if any(self.senses(w, p) for p in _FILES))

    @lru_cache(maxsize=16384)  # noqa: B019 - one WordNet per process
    def synonyms(self, word: str, senses: int = 1, parts: str = "nvar") -> frozenset[str]:
        """The words of the `senses` most frequent synsets of `word` in each part of speech of
        `parts`, lower case with spaces: "restrict" → limit, curb, curtail (not widened)."""
        if not self:
            return frozenset()
        found: set[str] = set()
        for lemma in self.lemmas(word):
            for pos in parts:
                for offset in self.senses(lemma, pos)[:senses]:
                    found.update(self.synset((pos, offset)).lemmas)
        return frozenset(w.replace("_", " ") for w in found)

    @lru_cache(maxsize=16384)  # noqa: B019 - one WordNet per process
    def meaning(self, word: str, parts: str = "nvar") -> tuple[frozenset[str], frozenset[str]]:
        """(words that say what `word` says, words that say the opposite), lower case with
        spaces: the word's most frequent senses in the parts of speech `parts` (n, v, a, r)
        widened by their adjective clusters and derived forms of those parts, and the
        antonyms of all of these widened the same way."""
        if not self:
            return frozenset(), frozenset()
        words: set[Word] = set()
        for lemma in self.lemmas(word):
            for pos in parts:
                for offset in self.senses(lemma, pos)[:SENSES]:
                    words.add(((pos, offset), lemma))
        for key, lemma in list(words):
            words.update(w for w in self._words(key, lemma, "related") if w[0][0] in parts)
        heads = {key for key, _ in words}
        for key in list(heads):
            heads.update(self.synset(key).similar)
        opposite_words: set[Word] = set()
        for key in heads:
            for lemma in self.synset(key).lemmas:
                opposite_words.update(self._words(key, lemma, "antonyms"))
        opposite: set[Key] = set()
        for key, lemma in opposite_words:
            opposite.add(key)
            opposite.update(self.synset(key).similar)
            opposite.update(k for k, _ in self._words(key, lemma, "related") if k[0] in parts)
        same_words = {w for key in heads for w in self.synset(key).lemmas}
        opposite_lemmas = {w for key in opposite for w in self.synset(key).lemmas}
        return (
            frozenset(w.replace("_", " ") for w in same_words),
            frozenset(w.replace("_", " ") for w in opposite_lemmas - same_words),
        )


_ENDINGS = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ier", "y"),
    ("iest", "y"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
    ("ly", ""),
    ("ily", "y"),
)


def _folders() -> list[Path]:
    configured = os.environ.get(WORDNET_ENV, "").strip()
    return ([Path(configured)] if configured else []) + list(WORDNET_DIRS)


def _find() -> Path | None:
    for folder in _folders():
        if all((folder / f"data.{name}").is_file() for name in _FILES.values()):
            return folder
    return None


@cache
def wordnet() -> WordNet:
    """WordNet, read once per process; empty (with one warning) when it is not installed."""
    folder = _find()
    if folder is None:
        warnings.warn(
            "direction: English WordNet is not installed; antonyms come from the polarity "
            f"lexicon only. Install it with `apt-get install {DEBIAN_PACKAGE}` (or set "
            f"${WORDNET_ENV} to a folder holding its data.* and index.* files).",
            WordNetWarning,
            stacklevel=2,
        )
    return WordNet(folder)
