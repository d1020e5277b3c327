"""Terminology benchmark: injected term inconsistencies in real kremlin.ru English, found or not.

Data (bench/data/terms/, UTF-8, tab-separated, one header line naming the columns, "#" lines
are comments), written by hand before any tuning:

  <half>.pairs.tsv        id  page  en_start  en_end  fr  terms
      `page`: a file stem of ../shared/kremlin-html/. The English is not stored: it is the span
      of the parsed page (fetch.parse.parse_page: title, lead, each block's text) that starts
      with `en_start` and ends with the first `en_end` after it, inside one of those texts; it
      must be whole sentences for align.segment.split_sentences and the anchors must pick
      exactly one span. `fr`: a faithful French translation in which every institutional term
      is rendered the same way throughout the half. `terms`: every term occurrence,
      "English as written=>French as written", " | "-separated.
  <half>.injections.tsv   pair_id  term  class  old  new  note
      One inconsistency each, an edit `old` -> `new` of the pair's faithful French (`old` occurs
      exactly once there). class: synonym (another plausible rendering), wrong_sense (a
      rendering that means something else), english (the term left in English).
  glossary.tsv            the user glossary of the "with glossary" runs (docs/terminology.md).

The halves use disjoint pages: tune (17173, 56378, 62998, 17586, 54705, 9200, 17389, 54452),
heldout (51716, 63123, 62309, 55882, 60886, 58727, 53016, 51737, 63624, 63329, 57608). Tune on
"tune" only; "heldout" is run once, at the end, for the docs.

    python bench/term_bench.py --data           # counts of pairs, term occurrences, injections
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

DATA = PROJECT / "bench" / "data" / "terms"
KREMLIN_HTML = PROJECT.parent / "shared" / "kremlin-html"
HALVES = ("tune", "heldout")
CLASSES = ("synonym", "wrong_sense", "english")


class TermDataUnavailable(FileNotFoundError):
    """../shared/kremlin-html, from which the English is read, is not on this machine."""


class TermDataError(ValueError):
    """A data file is malformed or an item does not resolve (the message names it)."""


@dataclass(frozen=True)
class TermMention:
    """One annotated term occurrence: the English as written and its French as written."""

    en: str
    fr: str


@dataclass(frozen=True)
class TermPair:
    id: str
    page: str
    en: str
    fr: str  # faithful: every finding on it is a false alarm
    mentions: tuple[TermMention, ...]


@dataclass(frozen=True)
class TermInjection:
    pair_id: str
    term: str  # the English term whose rendering is broken
    cls: str  # one of CLASSES
    old: str
    new: str
    note: str
    fr_corrupted: str


# --- files --------------------------------------------------------------------------------


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data line of a TSV file whose header names `columns`."""
    if not path.is_file():
        raise TermDataError(f"{path}: file is missing")
    numbered = [
        (number, line)
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise TermDataError(f"{path}: no header line")
    (_, header_line), *data = numbered
    header = tuple(header_line.split("\t"))
    if header != columns:
        raise TermDataError(f"{path}: header is {header}, expected {columns}")
    rows = []
    for number, line in data:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(columns):
            raise TermDataError(f"{path}:{number}: {len(cells)} columns, expected {len(columns)}")
        rows.append((number, dict(zip(columns, cells, strict=True))))
    return rows


@cache
def page_texts(page: str) -> tuple[str, ...]:
    """The texts of a parsed kremlin page in which an English span may lie."""
    from fetch.model import Provenance
    from fetch.parse import parse_page

    if not KREMLIN_HTML.is_dir():
        raise TermDataUnavailable(f"{KREMLIN_HTML} is absent: the English is read from it")
    path = KREMLIN_HTML / f"{page}.html"
    if not path.is_file():
        raise TermDataError(f"{path}: no such kremlin page")
    original = parse_page(
        path.read_bytes(),
        f"http://en.kremlin.ru/events/president/news/{page}",
        provenance=Provenance.FILE,
    )
    texts = [original.title, original.lead or "", *(b.text for b in original.blocks)]
    return tuple(t for t in texts if t)


def resolve_english(page: str, en_start: str, en_end: str, where: str) -> str:
    """The one run of whole sentences of the page from `en_start` to the first `en_end`."""
    from align.segment import split_sentences

    found: set[str] = set()
    for text in page_texts(page):
        starts = {s for s, _ in split_sentences(text, "en")}
        ends = {e for _, e in split_sentences(text, "en")}
        start = text.find(en_start)
        while start >= 0:
            end = text.find(en_end, start)
            if end >= 0 and start in starts and end + len(en_end) in ends:
                found.add(text[start : end + len(en_end)])
            start = text.find(en_start, start + 1)
    if len(found) != 1:
        problem = "not found" if not found else f"ambiguous ({len(found)} spans)"
        raise TermDataError(
            f"{where}: English {en_start!r} … {en_end!r} {problem} as whole sentences"
            f" of kremlin page {page}"
        )
    return found.pop()


def _word_count(term: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text))


def _mentions(cell: str, en: str, fr: str, where: str) -> tuple[TermMention, ...]:
    mentions = []
    for part in cell.split(" | "):
        english, sep, french = part.partition("=>")
        if not sep or not english.strip() or not french.strip():
            raise TermDataError(f"{where}: term {part!r} is not 'English=>French'")
        mentions.append(TermMention(english.strip(), french.strip()))
    for term, count in Counter(m.en for m in mentions).items():
        if _word_count(term, en) != count:
            raise TermDataError(f"{where}: {term!r} annotated {count}×, not so in the English")
    for rendering, count in Counter(m.fr for m in mentions).items():
        if fr.count(rendering) < count:
            raise TermDataError(f"{where}: {rendering!r} annotated {count}×, not so in the French")
    return tuple(mentions)


def _check_half(half: str) -> None:
    if half not in HALVES:
        raise TermDataError(f"unknown half {half!r}; known: {', '.join(HALVES)}")


@cache
def load_pairs(half: str) -> tuple[TermPair, ...]:
    """The faithful pairs of a half, their English resolved from the kremlin pages."""
    _check_half(half)
    path = DATA / f"{half}.pairs.tsv"
    pairs = []
    seen: set[str] = set()
    for number, row in _rows(path, ("id", "page", "en_start", "en_end", "fr", "terms")):
        where = f"{path}:{number}"
        if row["id"] in seen:
            raise TermDataError(f"{where}: duplicate id {row['id']}")
        seen.add(row["id"])
        en = resolve_english(row["page"], row["en_start"], row["en_end"], where)
        mentions = _mentions(row["terms"], en, row["fr"], where)
        pairs.append(TermPair(row["id"], row["page"], en, row["fr"], mentions))
    return tuple(pairs)


@cache
def load_injections(half: str) -> tuple[TermInjection, ...]:
    """The injected inconsistencies of a half, each applied to its pair's faithful French."""
    _check_half(half)
    path = DATA / f"{half}.injections.tsv"
    pairs = {p.id: p for p in load_pairs(half)}
    injections = []
    columns = ("pair_id", "term", "class", "old", "new", "note")
    for number, row in _rows(path, columns):
        where = f"{path}:{number}"
        pair = pairs.get(row["pair_id"])
        if pair is None:
            raise TermDataError(f"{where}: no pair {row['pair_id']}")
        if row["class"] not in CLASSES:
            raise TermDataError(f"{where}: class {row['class']!r} not one of {CLASSES}")
        if pair.fr.count(row["old"]) != 1:
            raise TermDataError(f"{where}: {row['old']!r} does not occur exactly once")
        if not any(m.en == row["term"] for m in pair.mentions):
            raise TermDataError(f"{where}: {row['term']!r} is not an annotated term of the pair")
        corrupted = pair.fr.replace(row["old"], row["new"])
        injections.append(
            TermInjection(
                row["pair_id"],
                row["term"],
                row["class"],
                row["old"],
                row["new"],
                row["note"],
                corrupted,
            )
        )
    return tuple(injections)


def describe_data() -> str:
    lines = []
    for half in HALVES:
        pairs = load_pairs(half)
        injections = load_injections(half)
        mentions = [m for p in pairs for m in p.mentions]
        terms = Counter(m.en for m in mentions)
        classes = Counter(i.cls for i in injections)
        lines.append(
            f"{half}: {len(pairs)} pairs from {len({p.page for p in pairs})} pages,"
            f" {len(mentions)} term occurrences of {len(terms)} terms"
            f" ({sum(1 for c in terms.values() if c >= 3)} occurring 3+ times),"
            f" {len(injections)} injections ("
            + ", ".join(f"{c} {classes[c]}" for c in CLASSES)
            + ")"
        )
    return "\n".join(lines)


# --- the benchmark ------------------------------------------------------------------------


def _links(pair_id: str, fr: str, en: str, encoder: Any, memo: dict) -> list[dict[str, Any]]:
    """The word links of a one-bead pair (align.words.link_event), as the JSON holds them."""
    key = (fr, en)
    if key not in memo:
        from align.model import Bead, Sentence, Side
        from align.words import link_event

        fr_sentence = Sentence(Side.FR, 0, fr, 0, (0, len(fr)))
        en_sentence = Sentence(Side.EN, 0, en, 0, (0, len(en)))
        links = link_event((fr_sentence,), (en_sentence,), (Bead((0,), (0,), 0.8),), encoder)[0]
        memo[key] = [link.to_json() for link in links]
    return memo[key]


def documents(
    pairs: Sequence[TermPair], encoder: Any, memo: dict, replace: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The pairs as checked documents, one per kremlin page and one event per pair (each a
    single bead with its links), the French of `replace`d pairs swapped in."""
    replace = replace or {}
    by_page: dict[str, list[TermPair]] = {}
    for pair in pairs:
        by_page.setdefault(pair.page, []).append(pair)
    out = []
    for page, members in by_page.items():
        events = []
        for pair in members:
            fr = replace.get(pair.id, pair.fr)
            events.append(
                {
                    "index": len(events) + 1,
                    "title": pair.id,
                    "source_url": f"http://en.kremlin.ru/events/president/news/{page}#{pair.id}",
                    "compared": True,
                    "fr_sentences": [{"id": 0, "text": fr, "kind": "body"}],
                    "en_sentences": [{"id": 0, "text": pair.en, "kind": "body"}],
                    "alignment": [
                        {
                            "fr": [0],
                            "en": [0],
                            "score": 0.8,
                            "links": _links(pair.id, fr, pair.en, encoder, memo),
                        }
                    ],
                    "findings": [],
                    "summary": {"counts": {}, "by_severity": {}},
                }
            )
        out.append({"path": f"kremlin-{page}", "stem": f"kremlin-{page}", "events": events})
    return out


def _findings(docs: Sequence[Mapping[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(pair id, finding) for every terminology finding of the documents."""
    return [
        (event["title"], finding)
        for d in docs
        for event in d["events"]
        for finding in event["findings"]
        if finding["type"] == "terminology"
    ]


@dataclass(frozen=True)
class Score:
    occurrences: int
    false_alarms: int
    injections: int
    caught: int
    missed: tuple[TermInjection, ...]
    alarms: tuple[tuple[str, str], ...]  # (pair id, message) of each false alarm
    by_class: dict[str, tuple[int, int]]  # class -> (caught, total)

    @property
    def recall(self) -> float:
        return self.caught / self.injections if self.injections else 0.0

    @property
    def false_per_100(self) -> float:
        return 100 * self.false_alarms / self.occurrences if self.occurrences else 0.0


def score(half: str, glossary: Any, encoder: Any, memo: dict, config: Any = None) -> Score:
    """Recall on the injections (one at a time, the rest of the half faithful) and false
    alarms on the faithful half, per 100 annotated term occurrences."""
    from align.terminology import DEFAULT_TERM_CONFIG, annotate

    config = config or DEFAULT_TERM_CONFIG
    pairs = load_pairs(half)
    occurrences = sum(len(p.mentions) for p in pairs)
    faithful = annotate(documents(pairs, encoder, memo), glossary=glossary, config=config)
    alarms = _findings(faithful.documents)
    caught = 0
    missed = []
    by_class: dict[str, list[int]] = {c: [0, 0] for c in CLASSES}
    for injection in load_injections(half):
        docs = documents(pairs, encoder, memo, {injection.pair_id: injection.fr_corrupted})
        outcome = annotate(docs, glossary=glossary, config=config)
        hit = any(
            pair_id == injection.pair_id
            and _term_matches(finding.get("details", {}).get("term", ""), injection.term)
            for pair_id, finding in _findings(outcome.documents)
        )
        by_class[injection.cls][1] += 1
        if hit:
            caught += 1
            by_class[injection.cls][0] += 1
        else:
            missed.append(injection)
    return Score(
        occurrences=occurrences,
        false_alarms=len(alarms),
        injections=len(load_injections(half)),
        caught=caught,
        missed=tuple(missed),
        alarms=tuple((pair_id, f["message"]) for pair_id, f in alarms),
        by_class={c: (v[0], v[1]) for c, v in by_class.items()},
    )


@dataclass(frozen=True)
class SecondScore:
    occurrences: int  # term occurrences the check followed (corpus terms and glossary terms)
    false_alarms: int
    alarms: tuple[tuple[str, str], ...]

    @property
    def false_per_100(self) -> float:
        return 100 * self.false_alarms / self.occurrences if self.occurrences else 0.0


def second_translator(
    set_name: str, glossary: Any, encoder: Any, memo: dict, config: Any = None
) -> SecondScore:
    """False alarms on another hand's faithful kremlin translations (bench/wordsets.py, by
    helper H0, written for the word checks without a thought for terminology): every
    finding is a false alarm; occurrences are those of the terms the check followed."""
    from align.terminology import DEFAULT_TERM_CONFIG, annotate
    from bench.wordsets import load_pairs as word_pairs

    pairs = [
        TermPair(p.id, p.source.rsplit("/", 1)[-1].split("#")[0], p.en, p.fr, ())
        for p in word_pairs(set_name)
    ]
    outcome = annotate(
        documents(pairs, encoder, memo), glossary=glossary, config=config or DEFAULT_TERM_CONFIG
    )
    places = {
        (*o.place, o.en_sentence, o.en_start) for r in outcome.reports for o in r.occurrences
    } | {(*o.place, o.en_sentence, o.en_start) for h in outcome.hits for o in h.occurrences}
    alarms = _findings(outcome.documents)
    return SecondScore(
        len(places), len(alarms), tuple((pair_id, f["message"]) for pair_id, f in alarms)
    )


def speed(encoder: Any, memo: dict, rounds: int = 3) -> str:
    """Time of the terminology step over every pair of the data (both halves, and the word
    sets' kremlin pairs) as one corpus: first run (words tokenised) against a re-run (words
    read from the cache), interleaved, medians of `rounds`."""
    import statistics
    import tempfile
    import time

    from align.terminology import TermCache, annotate
    from align.terminology.text import words
    from bench.wordsets import load_pairs as word_pairs

    pairs = [p for half in HALVES for p in load_pairs(half)]
    for set_name in ("kremlin-tune", "kremlin-heldout"):
        pairs += [
            TermPair(p.id, p.source.rsplit("/", 1)[-1], p.en, p.fr, ())
            for p in word_pairs(set_name)
        ]
    docs = documents(pairs, encoder, memo)
    cold, warm = [], []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(rounds):
            path = Path(folder) / f"terms{n}.json"
            words.cache_clear()
            start = time.perf_counter()
            cache = TermCache(path)
            annotate(docs, cache=cache)
            cache.save()
            cold.append(time.perf_counter() - start)
            words.cache_clear()
            start = time.perf_counter()
            cache = TermCache(path)
            annotate(docs, cache=cache)
            cache.save()
            warm.append(time.perf_counter() - start)
            assert cache.hits == len(docs) and cache.misses == 0
    first, again = statistics.median(cold), statistics.median(warm)
    return (
        f"speed: {len(pairs)} beads in {len(docs)} posts: first run {first:.2f} s, re-run from"
        f" the cache {again:.2f} s ({first / again:.1f}x faster; medians of {rounds},"
        " interleaved in one process)"
    )


def bundled_corpus(top: int = 10) -> str:
    """The bundled corpus (corpus/*.txt) has French only: its originals are not offline, so
    `fidelity check` compares nothing there and the terminology check has no bead to read.
    What can be counted honestly: the glossary terms most frequent in the real English of
    ../shared/kremlin-html (standing in for the missing originals, for counting only) and how
    often the bundled French uses each accepted rendering, in whatever inflection."""
    from align.corpus import read_post
    from align.terminology import load_glossary
    from align.terminology.glossary_check import _matches
    from align.terminology.model import SentenceWords
    from align.terminology.text import find_rendering, phrase_keys, words

    glossary = load_glossary(DATA / "glossary.tsv")
    english: Counter[str] = Counter()
    for page in sorted(p.stem for p in KREMLIN_HTML.glob("*.html")):
        for text in page_texts(page):
            sentence = SentenceWords(0, text, words(text, "en"))
            for entry in glossary.entries:
                english[entry.english] += len(_matches(entry, sentence))
    french_sentences = []
    for path in sorted((PROJECT / "corpus").glob("*.txt")):
        post = read_post(path)
        for event in post.events:
            for block in event.blocks:
                french_sentences.append((0, block.text, words(block.text, "fr")))
    lines = [
        f"{'English term':32} {'in kremlin-html':>15}  renderings in the bundled French corpus",
    ]
    for entry in sorted(glossary.entries, key=lambda e: -english[e.english])[:top]:
        found = []
        for rendering in entry.accepted:
            matches = find_rendering(french_sentences, phrase_keys(rendering, "fr"))
            written = Counter(m.text for m in matches).most_common(3)
            found.append(
                f"{rendering} {len(matches)}"
                + (f" (as {', '.join(f'{t} {n}' for t, n in written)})" if matches else "")
            )
        lines.append(f"{entry.english:32} {english[entry.english]:>15}  {'; '.join(found)}")
    return "\n".join(lines)


def _term_matches(found: str, injected: str) -> bool:
    """The finding names the injected term (or a term that contains it, or inside it)."""
    a, b = found.casefold(), injected.casefold()
    return bool(a) and (a in b or b in a)


def _encoder(name: str) -> Any:
    if name == "none":
        return None
    from align.embed import get_encoder

    return get_encoder(name, cache_path=PROJECT / "bench" / "out" / "term_bench.sqlite")


def _config(settings: Sequence[str]) -> Any:
    from dataclasses import replace

    from align.terminology import DEFAULT_TERM_CONFIG

    values: dict[str, Any] = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        default = getattr(DEFAULT_TERM_CONFIG, name)
        values[name] = type(default)(value)
    return replace(DEFAULT_TERM_CONFIG, **values)


def _report(half: str, label: str, result: Score, verbose: bool) -> None:
    classes = ", ".join(f"{c} {k}/{n}" for c, (k, n) in result.by_class.items())
    print(
        f"{half:8} {label:17} recall {result.recall:.2f} ({result.caught}/{result.injections};"
        f" {classes})  false alarms {result.false_alarms}"
        f" = {result.false_per_100:.2f} per 100 term occurrences ({result.occurrences})"
    )
    if verbose:
        for injection in result.missed:
            print(f"    missed {injection.pair_id} [{injection.cls}] {injection.note}")
        for pair_id, message in result.alarms:
            print(f"    false alarm {pair_id}: {message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", action="store_true", help="describe the data and stop")
    parser.add_argument("--half", choices=HALVES, default="tune")
    parser.add_argument("--encoder", default="use", help="use | none | st:<model>")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and alarms")
    parser.add_argument(
        "--second",
        action="store_true",
        help="also false alarms on bench/wordsets.py's kremlin-<half> translations",
    )
    parser.add_argument(
        "--speed", action="store_true", help="time a first run against a re-run and stop"
    )
    parser.add_argument(
        "--corpus", action="store_true", help="count terms for the bundled corpus and stop"
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a TermConfig field"
    )
    args = parser.parse_args(argv)
    try:
        if args.data:
            print(describe_data())
            return 0
        if args.corpus:
            print(bundled_corpus())
            return 0
        load_pairs(args.half)
    except TermDataUnavailable as error:
        print(f"skipped: {error}")
        return 1 if os.environ.get("CI") == "true" else 0
    from align.terminology import load_glossary

    glossary = load_glossary(DATA / "glossary.tsv")
    encoder = _encoder(args.encoder)
    config = _config(args.set)
    memo: dict = {}
    if args.speed:
        print(speed(encoder, memo))
        return 0
    for label, chosen in (("without glossary", None), ("with glossary", glossary)):
        from align.terminology import EMPTY

        result = score(args.half, chosen or EMPTY, encoder, memo, config)
        _report(args.half, label, result, args.verbose)
        if args.second:
            for corpus in (f"kremlin-{args.half}", f"transread-{args.half}"):
                second = second_translator(corpus, chosen or EMPTY, encoder, memo, config)
                print(
                    f"{'':8} {label:17} other translators (bench/wordsets {corpus}):"
                    f" false alarms {second.false_alarms} = {second.false_per_100:.2f} per 100"
                    f" term occurrences ({second.occurrences})"
                )
                if args.verbose:
                    for pair_id, message in second.alarms:
                        print(f"    false alarm {pair_id}: {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
