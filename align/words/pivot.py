"""An English–French lexicon triangulated from Apertium's bilingual dictionaries.

FreeDict's English–French dictionary (about 17,000 pairs) misses common words of official
texts (*unemployment*, *fuel*, *chômage*, *carburant*). Debian packages no English–French
Apertium pair, but it packages English–Spanish, English–Catalan and English–Esperanto, and
French–Spanish, French–Catalan and French–Esperanto: an English word reaches French through
each of these pivot languages. A pair reached through one pivot only is often a wrong turn
of a polysemous pivot word (*house* → *cámara* → *caméra*); a pair several routes agree on
is rarely wrong. Each pair keeps the routes that found it, so that a reader can weigh it.

Routes, each run with Apertium's own tools (`lt-proc`) on the compiled dictionaries where
Debian installs them (`/usr/share/apertium`, or `$FIDELITY_APERTIUM_DIR`):

  es-fwd  English words → English analyser → English–Spanish bidix → Spanish–French bidix
  ca-fwd  the same through Catalan
  es-rev  French words → French analyser → French–Spanish bidix → Spanish–English bidix
  ca-rev  the same through Catalan
  eo-rev  the same through Esperanto (Debian's Esperanto–French pair goes one way only)

The words read are the most frequent ones of wordfreq's English and French lists; each is
analysed into lemmas by the pair's own analyser, so the lexicon pairs lemmas with their part
of speech. The French and English word forms the analysers know are kept too: a curated
morphological dictionary of each language, which tells a French word from an English one
better than web frequency lists do (the French web writes *team* and *cow*).

Building runs about 500,000 lookups through `lt-proc` (measured: 90 s wall, 32 s of CPU, on
a shared 2-core machine); the result (0.5 MB) is cached in the fidelity cache folder
(`fetch.config.cache_root()/lexicons/`), keyed by the dictionaries' files, and read from
there afterwards (about half a second). `python -m align.words.pivot` builds it ahead.
Without Apertium (or `lt-proc`) the lexicon is empty and the links use
FreeDict alone (`align.words.lexicon` warns once).

Licences: the Apertium dictionaries are GPL (read in place from the Debian install; only
the pairs derived from them are cached on the user's machine, never shipped).
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Where Debian installs the Apertium data, after $FIDELITY_APERTIUM_DIR.
APERTIUM_DIRS = (Path("/usr/share/apertium"), Path("/usr/local/share/apertium"))
APERTIUM_ENV = "FIDELITY_APERTIUM_DIR"
DEBIAN_PACKAGES = (
    "apertium-eng-spa apertium-fr-es apertium-eng-cat apertium-fra-cat apertium-eo-en "
    "apertium-eo-fr lttoolbox"
)
#: The most frequent words of each language read through the analysers.
WORDS = 80_000
#: Bumped when the build changes what it writes: an older cache is then rebuilt.
BUILD_VERSION = 1
CACHE_FOLDER = "lexicons"


@dataclass(frozen=True)
class Route:
    """One way from a source language to the other through a pivot language: the source
    analyser, the source → pivot bidix, the pivot analyser, the pivot → target bidix."""

    name: str
    source: str  # "en" or "fr": the language whose words are read
    analyser: str
    first: str
    pivot_analyser: str
    second: str


ROUTES = (
    Route(
        "es-fwd",
        "en",
        "apertium-eng-spa/eng-spa.automorf.bin",
        "apertium-eng-spa/eng-spa.autobil.bin",
        "apertium-fr-es/es-fr.automorf.bin",
        "apertium-fr-es/es-fr.autobil.bin",
    ),
    Route(
        "ca-fwd",
        "en",
        "apertium-eng-cat/eng-cat.automorf.bin",
        "apertium-eng-cat/eng-cat.autobil.bin",
        "apertium-fra-cat/cat-fra.automorf.bin",
        "apertium-fra-cat/cat-fra.autobil.bin",
    ),
    Route(
        "es-rev",
        "fr",
        "apertium-fr-es/fr-es.automorf.bin",
        "apertium-fr-es/fr-es.autobil.bin",
        "apertium-eng-spa/spa-eng.automorf.bin",
        "apertium-eng-spa/spa-eng.autobil.bin",
    ),
    Route(
        "ca-rev",
        "fr",
        "apertium-fra-cat/fra-cat.automorf.bin",
        "apertium-fra-cat/fra-cat.autobil.bin",
        "apertium-eng-cat/cat-eng.automorf.bin",
        "apertium-eng-cat/cat-eng.autobil.bin",
    ),
    Route(
        "eo-rev",
        "fr",
        "apertium-eo-fr/fr-eo.automorf.bin",
        "apertium-eo-fr/fr-eo.autobil.bin",
        "apertium-eo-en/eo-en.automorf.bin",
        "apertium-eo-en/eo-en.autobil.bin",
    ),
)


@dataclass(frozen=True)
class PivotLexicon:
    """English lemma ↔ French lemma pairs with the routes that found them, and the word
    forms each language's analysers know (form -> lemmas)."""

    pairs: Mapping[tuple[str, str], frozenset[str]]  # (english, french) -> route names
    french_forms: Mapping[str, frozenset[str]]
    english_forms: Mapping[str, frozenset[str]]
    routes: tuple[str, ...]  # the routes that were available when it was built

    def __bool__(self) -> bool:
        return bool(self.pairs)


EMPTY = PivotLexicon({}, {}, {}, ())


# --- where the data is ----------------------------------------------------------------------


def apertium_dir() -> Path | None:
    """The folder holding the Apertium pairs, or None."""
    configured = os.environ.get(APERTIUM_ENV, "").strip()
    for folder in ([Path(configured)] if configured else []) + list(APERTIUM_DIRS):
        if folder.is_dir():
            return folder
    return None


def usable_routes(folder: Path | None) -> list[Route]:
    """The routes whose four dictionaries are installed (none without `lt-proc`)."""
    if folder is None or shutil.which("lt-proc") is None:
        return []
    return [
        route
        for route in ROUTES
        if all(
            (folder / part).is_file()
            for part in (route.analyser, route.first, route.pivot_analyser, route.second)
        )
    ]


def cache_key(folder: Path, routes: Sequence[Route]) -> str:
    """A digest of what the build reads: the dictionaries' files (size and time), the word
    lists' size and the build's version."""
    digest = hashlib.sha256(f"{BUILD_VERSION}:{WORDS}".encode())
    for route in routes:
        for part in (route.analyser, route.first, route.pivot_analyser, route.second):
            stat = (folder / part).stat()
            digest.update(f"{part}:{stat.st_size}:{int(stat.st_mtime)}".encode())
    return digest.hexdigest()[:16]


# --- Apertium's tools ----------------------------------------------------------------------

_UNIT = re.compile(r"\^(.*?)\$")
_ANALYSIS = re.compile(r"([^<]+)((?:<[^>]+>)+)$")
_TRANSLATION = re.compile(r"([^<]+)((?:<[^>]+>)*)")


def _lt_proc(binary: Path, lines: Sequence[str], bilingual: bool = False) -> list[str]:
    """One call of `lt-proc` on many units, one per line; the output keeps the lines."""
    command = ["lt-proc", *(["-b"] if bilingual else []), str(binary)]
    done = subprocess.run(
        command,
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout.split("\n")


def analyse(binary: Path, words: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Word -> its analyses (lemma, tags) by an Apertium analyser; unknown words, joined
    words ("del" = de + el) and multi-word verbs left out."""
    found: dict[str, list[tuple[str, str]]] = {}
    for word, line in zip(words, _lt_proc(binary, words), strict=False):
        analyses = []
        for unit in _UNIT.finditer(line):
            for reading in unit.group(1).split("/")[1:]:
                if reading.startswith("*") or "+" in reading or "#" in reading:
                    continue
                match = _ANALYSIS.match(reading)
                if match:
                    analyses.append((match.group(1), match.group(2)))
        if analyses:
            found[word] = analyses
    return found


def translate(binary: Path, items: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """(lemma, tags) -> [(lemma, tags)] by an Apertium bilingual dictionary (every
    translation it lists, lexical-selection alternatives included)."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    lines = [f"^{lemma}{tags}$" for lemma, tags in items]
    for item, line in zip(items, _lt_proc(binary, lines, bilingual=True), strict=False):
        unit = _UNIT.search(line)
        if unit is None:
            continue
        out = []
        for reading in unit.group(1).split("/")[1:]:
            if reading.startswith(("@", "*", "#")):
                continue
            match = _TRANSLATION.match(reading)
            if match:
                out.append((match.group(1).replace("#", "").strip(), match.group(2)))
        if out:
            found[item] = out
    return found


def _pos(tags: str) -> str:
    return tags[1:].split(">", 1)[0]


def _plain(word: str) -> bool:
    """A lemma worth pairing: letters, with inner spaces, hyphens or apostrophes."""
    return bool(re.fullmatch(r"[^\W\d_]+(?:[ '’\-][^\W\d_]+)*", word))


def run_route(
    folder: Path, route: Route, words: Sequence[str]
) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """The (english, french) pairs one route finds from `words`, and the source-language
    forms its analyser knows (form -> lemmas)."""
    analyses = analyse(folder / route.analyser, words)
    forms = {word: {lemma.lower() for lemma, _ in found} for word, found in analyses.items()}
    sources = sorted({a for found in analyses.values() for a in found})
    first = translate(folder / route.first, sources)
    pivots = sorted({p for found in first.values() for p in found})
    # the pivot bidix may want the full tags of a word (gender, number): the pivot analyser
    # gives them for the lemma's citation form
    pivot_words = sorted({lemma for lemma, _ in pivots if " " not in lemma})
    pivot_analyses = analyse(folder / route.pivot_analyser, pivot_words)
    expanded: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for lemma, tags in pivots:
        full = [
            a
            for a in pivot_analyses.get(lemma, ())
            if a[0] == lemma and _pos(a[1]) == _pos(tags) and a != (lemma, tags)
        ]
        expanded[lemma, tags] = [(lemma, tags), *full]
    second = translate(folder / route.second, sorted({a for v in expanded.values() for a in v}))
    pairs: set[tuple[str, str]] = set()
    for (lemma, _), via in first.items():
        for pivot in via:
            for item in expanded[pivot]:
                for target, _ in second.get(item, ()):
                    source_word, target_word = lemma.lower(), target.lower()
                    if not (_plain(source_word) and _plain(target_word)):
                        continue
                    pairs.add(
                        (source_word, target_word)
                        if route.source == "en"
                        else (target_word, source_word)
                    )
    return pairs, forms


def frequent_words(lang: str, count: int = WORDS) -> list[str]:
    """The `count` most frequent words of wordfreq's list, letters only."""
    from wordfreq import iter_wordlist

    return [
        word
        for word in itertools.islice(iter_wordlist(lang, wordlist="large"), count)
        if _plain(word) and " " not in word
    ]


def build(folder: Path, routes: Sequence[Route], count: int = WORDS) -> PivotLexicon:
    """Run every route (in parallel: `lt-proc` does the work) and merge what they find."""
    words = {lang: frequent_words(lang, count) for lang in ("en", "fr")}
    with ThreadPoolExecutor(max_workers=min(4, len(routes) or 1)) as pool:
        results = list(pool.map(lambda r: run_route(folder, r, words[r.source]), routes))
    pairs: dict[tuple[str, str], set[str]] = {}
    forms: dict[str, dict[str, set[str]]] = {"en": {}, "fr": {}}
    for route, (found, known) in zip(routes, results, strict=True):
        for pair in found:
            pairs.setdefault(pair, set()).add(route.name)
        for form, lemmas in known.items():
            forms[route.source].setdefault(form, set()).update(lemmas)
    return PivotLexicon(
        pairs={k: frozenset(v) for k, v in pairs.items()},
        french_forms={k: frozenset(v) for k, v in forms["fr"].items()},
        english_forms={k: frozenset(v) for k, v in forms["en"].items()},
        routes=tuple(r.name for r in routes),
    )


# --- the cache file ------------------------------------------------------------------------

_HEADER = "# fidelity: English–French pairs triangulated from Apertium (GPL data)"


def dump(lexicon: PivotLexicon) -> str:
    lines = [_HEADER, "R\t" + ",".join(lexicon.routes)]
    lines += [
        f"P\t{en}\t{fr}\t{','.join(sorted(r))}" for (en, fr), r in sorted(lexicon.pairs.items())
    ]
    for tag, forms in (("F", lexicon.french_forms), ("E", lexicon.english_forms)):
        lines += [
            f"{tag}\t{form}\t{'|'.join(sorted(lemmas))}" for form, lemmas in sorted(forms.items())
        ]
    return "\n".join(lines) + "\n"


def parse(text: str) -> PivotLexicon:
    pairs: dict[tuple[str, str], frozenset[str]] = {}
    forms: dict[str, dict[str, frozenset[str]]] = {"F": {}, "E": {}}
    routes: tuple[str, ...] = ()
    # the same cell ("es-fwd,es-rev", a lemma) recurs thousands of times: one set each
    shared: dict[str, frozenset[str]] = {}

    def as_set(cell: str, separator: str) -> frozenset[str]:
        found = shared.get(cell)
        if found is None:
            found = shared[cell] = frozenset(cell.split(separator))
        return found

    for line in text.splitlines():
        cells = line.split("\t")
        kind = cells[0]
        if kind in forms and len(cells) == 3:
            forms[kind][cells[1]] = as_set(cells[2], "|")
        elif kind == "P" and len(cells) == 4:
            pairs[cells[1], cells[2]] = as_set(cells[3], ",")
        elif kind == "R" and len(cells) == 2:
            routes = tuple(r for r in cells[1].split(",") if r)
    return PivotLexicon(pairs, forms["F"], forms["E"], routes)


def cache_path(folder: Path, routes: Sequence[Route], root: Path | None = None) -> Path:
    from fetch.config import cache_root

    base = cache_root() if root is None else root
    return base / CACHE_FOLDER / f"apertium-en-fr-{cache_key(folder, routes)}.tsv.gz"


def load_or_build(root: Path | None = None) -> PivotLexicon:
    """The pivot lexicon from the cache, built (and cached) when the cache has none for the
    installed dictionaries; EMPTY without Apertium. A cache that cannot be written (a
    read-only folder) only costs the build on the next run."""
    folder = apertium_dir()
    routes = usable_routes(folder)
    if folder is None or not routes:
        return EMPTY
    from fetch.config import default_cache_root

    path = cache_path(folder, routes, root)
    # the same file in the user's cache folder serves too (read only): the lexicon depends
    # on the installed dictionaries alone, so a run with its own cache folder (tests,
    # `--cache`) need not build it again
    candidates = tuple(dict.fromkeys((path, cache_path(folder, routes, default_cache_root()))))
    cached = _read(candidates)
    if cached is not None:
        return cached
    # one build at a time: parallel workers (`--jobs 2`) wait for the first one's file
    with _build_lock(path):
        cached = _read(candidates)
        if cached is not None:
            return cached
        lexicon = build(folder, routes)
        try:
            from align.io import atomic_write_bytes

            atomic_write_bytes(path, gzip.compress(dump(lexicon).encode("utf-8"), mtime=0))
        except OSError:
            pass
    return lexicon


def _read(candidates: Sequence[Path]) -> PivotLexicon | None:
    for candidate in candidates:
        try:
            return parse(gzip.decompress(candidate.read_bytes()).decode("utf-8"))
        except (OSError, EOFError, UnicodeDecodeError):
            continue  # absent or damaged: the next, or build it again
    return None


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on a file next to the cache (none where it cannot be made: a
    read-only folder, a system without `fcntl`)."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path.with_name(path.name + ".lock"), "w")  # noqa: SIM115
    except (ImportError, OSError):
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def english_french(lexicon: PivotLexicon) -> Iterable[tuple[str, str]]:
    """Every (english, french) pair of the lexicon."""
    return lexicon.pairs.keys()


def main() -> int:
    """`python -m align.words.pivot`: build (or read) the cached lexicon and say where it is;
    `make dictionaries` runs it once so that the first check does not pay the build."""
    import time

    folder = apertium_dir()
    routes = usable_routes(folder)
    if folder is None or not routes:
        print(
            "Apertium is not installed: the word links use FreeDict alone "
            f"(apt-get install {DEBIAN_PACKAGES})"
        )
        return 0
    started = time.perf_counter()
    lexicon = load_or_build()
    print(
        f"{cache_path(folder, routes)}: {len(lexicon.pairs)} English–French pairs, "
        f"{len(lexicon.french_forms)} French and {len(lexicon.english_forms)} English word "
        f"forms, routes {', '.join(lexicon.routes)} ({time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
