"""Word-level benchmark: injected word errors found, and false alarms on faithful text.

Data: `bench/wordsets.py` (kremlin-style pairs from real kremlin.ru English with a faithful
French translation, and TransRead 1-1 gold beads; one hand-written error per injection).
Every pair, faithful and corrupted, goes through the real pipeline pieces as a one-bead
event: both sides segmented (`align.segment`), one bead holding every sentence, word links
(`align.words.link_event`), then every check (`align.checks.run_checks`).

Printed per set:
  recall per error class: the corrupted pair has a finding of an expected type (CONTRACTS.md,
    `wordsets.EXPECTED_FINDINGS`) that the faithful pair does not have (same type, reason and
    message once figures are blanked);
  false alarms per 100 faithful pairs: medium/high and low, all finding types and the
    word-level types alone (wording, spelling, untranslated, direction, qualifier).
And, on bench/data/kremlin_style_pairs.tsv (faithful multi-sentence kremlin-style events,
gold 1-1 beads), the word-level false alarms per 100 sentences.

The default sets are every set but the fresh held-out ones ("*-heldout3"): the earlier
held-out sets ("*-heldout", "*-heldout2") were read at the end of rounds 1 and 2 and are
tuning data now. Run "*-heldout3" once at the end of round 3, for the docs:

    python bench/word_bench.py                         # every set but *-heldout3
    python bench/word_bench.py --sets kremlin-tune transread-tune
    python bench/word_bench.py --show misses,alarms    # what was missed, what was raised

Without ../shared (the real English pages and TransRead), it says so and exits 0 (1 under
CI=true).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from align.checks import run_checks  # noqa: E402
from align.checks.base import CheckInput  # noqa: E402
from align.embed import get_encoder  # noqa: E402
from align.model import Bead, Finding, Side  # noqa: E402
from align.segment import sentences_from_blocks  # noqa: E402
from align.words import link_event  # noqa: E402
from bench import wordsets  # noqa: E402

WORD_TYPES = frozenset({"wording", "spelling", "untranslated", "direction", "qualifier"})
#: The sets tuned on by default: every set of `wordsets.SETS` but the fresh held-out ones
#: ("*-heldout3"), which are run once, at the end, by whoever did not tune on them.
TUNE_SETS = tuple(name for name in wordsets.SETS if "heldout3" not in name)
KREMLIN_STYLE = PROJECT / "bench" / "data" / "kremlin_style_pairs.tsv"
DEFAULT_CACHE = Path("/tmp/fidelity-word-bench/embeddings.sqlite")


@dataclass(frozen=True)
class Checked:
    findings: tuple[Finding, ...]
    seconds: float


def check_pair(fr_text: str, en_text: str, encoder) -> Checked:
    """One pair as a one-bead event through segmentation, links and every check."""
    start = time.perf_counter()
    fr = sentences_from_blocks([(fr_text, None, "body")], Side.FR, "fr")
    en = sentences_from_blocks([(en_text, None, "body")], Side.EN, "en")
    beads = (Bead(tuple(s.index for s in fr), tuple(s.index for s in en), 1.0),)
    links = link_event(fr, en, beads, encoder)
    data = CheckInput(fr=fr, en=en, beads=beads, encoder=encoder, links=links)
    findings = tuple(run_checks(data))
    return Checked(findings, time.perf_counter() - start)


def key(finding: Finding) -> tuple[str, str, str]:
    """What makes two findings "the same" between a faithful and a corrupted pair."""
    reason = str(finding.details.get("reason", ""))
    return str(finding.type), reason, re.sub(r"\d+(?:[.,]\d+)?", "#", finding.message)


def is_alarm(finding: Finding) -> bool:
    return str(finding.severity) != "info"


def serious(finding: Finding) -> bool:
    return str(finding.severity) in ("medium", "high")


@dataclass
class SetResult:
    name: str
    pairs: int
    caught: Counter
    total: Counter
    alarms: Counter  # (scope, level) -> count; scope all|word, level serious|low
    alarm_types: Counter  # (type, severity) -> count
    misses: list
    alarm_list: list
    seconds: float


def run_set(name: str, encoder, show: set[str]) -> SetResult:
    pairs = wordsets.load_pairs(name)
    injections = wordsets.load_injections(name)
    started = time.perf_counter()
    faithful: dict[str, Checked] = {}
    alarms: Counter = Counter()
    alarm_types: Counter = Counter()
    alarm_list = []
    for pair in pairs:
        checked = check_pair(pair.fr, pair.en, encoder)
        faithful[pair.id] = checked
        for finding in checked.findings:
            if not is_alarm(finding):
                continue
            level = "serious" if serious(finding) else "low"
            alarms["all", level] += 1
            if str(finding.type) in WORD_TYPES:
                alarms["word", level] += 1
            alarm_types[str(finding.type), str(finding.severity)] += 1
            alarm_list.append((pair, finding))
    caught: Counter = Counter()
    total: Counter = Counter()
    misses = []
    for injection in injections:
        expected = wordsets.EXPECTED_FINDINGS[injection.cls]
        before = {key(f) for f in faithful[injection.pair_id].findings}
        checked = check_pair(injection.fr_corrupted, injection.en, encoder)
        new = [f for f in checked.findings if str(f.type) in expected and key(f) not in before]
        total[injection.cls] += 1
        if new:
            caught[injection.cls] += 1
        else:
            misses.append((injection, checked.findings))
    return SetResult(
        name,
        len(pairs),
        caught,
        total,
        alarms,
        alarm_types,
        misses,
        alarm_list,
        time.perf_counter() - started,
    )


def kremlin_style_alarms(encoder) -> tuple[int, Counter, list]:
    """Word-level findings on the faithful multi-sentence kremlin-style events (gold 1-1
    beads): (sentences, counts by severity level, the findings)."""
    events: list[tuple[list[str], list[str]]] = [([], [])]
    for line in KREMLIN_STYLE.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if events[-1][0]:
                events.append(([], []))
            continue
        fr_text, en_text = line.split("\t")
        events[-1][0].append(fr_text)
        events[-1][1].append(en_text)
    sentences = 0
    counts: Counter = Counter()
    found = []
    for fr_texts, en_texts in events:
        if not fr_texts:
            continue
        fr = sentences_from_blocks([(t, None, "body") for t in fr_texts], Side.FR, "fr")
        en = sentences_from_blocks([(t, None, "body") for t in en_texts], Side.EN, "en")
        beads = tuple(
            Bead(
                tuple(s.index for s in fr if s.block_index == b),
                tuple(s.index for s in en if s.block_index == b),
                1.0,
            )
            for b in range(len(fr_texts))
        )
        links = link_event(fr, en, beads, encoder)
        data = CheckInput(fr=fr, en=en, beads=beads, encoder=encoder, links=links)
        sentences += len(en_texts)
        for finding in run_checks(data):
            if str(finding.type) in WORD_TYPES and is_alarm(finding):
                counts["serious" if serious(finding) else "low"] += 1
                found.append(finding)
    return sentences, counts, found


def per_100(count: int, base: int) -> str:
    return f"{100 * count / base:5.1f}" if base else "    -"


def print_set(result: SetResult) -> None:
    print(f"\n== {result.name}: {result.pairs} faithful pairs, "
          f"{sum(result.total.values())} injections, {result.seconds:.1f} s")  # fmt: skip
    print(f"  {'class':<14} {'found':>9} {'recall':>7}   (expected finding types)")
    for cls in wordsets.CLASSES:
        n = result.total[cls]
        if not n:
            print(f"  {cls:<14} {'-':>9} {'-':>7}")
            continue
        expected = "/".join(sorted(wordsets.EXPECTED_FINDINGS[cls]))
        recall = result.caught[cls] / n
        print(f"  {cls:<14} {result.caught[cls]:>4}/{n:<4} {recall:7.2f}   ({expected})")
    print("  false alarms per 100 faithful pairs    medium/high    low")
    for scope, label in (("all", "all finding types"), ("word", "word-level types")):
        serious_count = result.alarms[scope, "serious"]
        low_count = result.alarms[scope, "low"]
        print(f"    {label:<36} {per_100(serious_count, result.pairs)}  "
              f"{per_100(low_count, result.pairs)}   ({serious_count} / {low_count})")  # fmt: skip
    if result.alarm_types:
        shown = ", ".join(f"{t} {s} {c}" for (t, s), c in sorted(result.alarm_types.items()))
        print(f"    by type: {shown}")


def show_details(result: SetResult, show: set[str]) -> None:
    if "misses" in show:
        print(f"\n-- {result.name}: missed injections")
        for injection, findings in result.misses:
            print(f"  [{injection.cls}] {injection.pair_id}: {injection.old!r} → {injection.new!r}")
            print(f"      EN: {injection.en[:160]}")
            raised = [f"{f.type}/{f.severity}: {f.message[:100]}" for f in findings]
            for line in raised[:4]:
                print(f"      got {line}")
    if "alarms" in show:
        print(f"\n-- {result.name}: findings on faithful pairs")
        for pair, finding in result.alarm_list:
            print(f"  {pair.id} {finding.type}/{finding.severity}: {finding.message[:150]}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(TUNE_SETS), choices=wordsets.SETS)
    parser.add_argument("--show", default="", help="comma list: misses, alarms")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="embedding cache")
    parser.add_argument("--no-kremlin-style", action="store_true")
    args = parser.parse_args(argv)
    show = {s.strip() for s in args.show.split(",") if s.strip()}
    encoder = get_encoder("use", cache_path=args.cache)
    results = []
    for name in args.sets:
        try:
            result = run_set(name, encoder, show)
        except wordsets.WordSetUnavailable as error:
            print(f"word bench: {error}", file=sys.stderr)
            return 1 if os.environ.get("CI") == "true" else 0
        results.append(result)
        print_set(result)
        show_details(result, show)
    if not args.no_kremlin_style:
        sentences, counts, found = kremlin_style_alarms(encoder)
        print(f"\n== kremlin-style faithful events ({KREMLIN_STYLE.name}): {sentences} sentences")
        serious_rate = per_100(counts["serious"], sentences)
        low_rate = per_100(counts["low"], sentences)
        print(f"  word-level false alarms per 100 sentences: medium/high {serious_rate}", end="")
        print(f", low {low_rate}")
        if "alarms" in show:
            for finding in found:
                print(f"  {finding.type}/{finding.severity}: {finding.message[:150]}")
    classes = defaultdict(lambda: [0, 0])
    for result in results:
        for cls in wordsets.CLASSES:
            classes[cls][0] += result.caught[cls]
            classes[cls][1] += result.total[cls]
    if len(results) > 1:
        print("\n== all sets together: recall per class")
        for cls, (hit, n) in classes.items():
            print(f"  {cls:<14} {hit:>4}/{n:<4} {hit / n if n else 0:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
