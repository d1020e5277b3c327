"""Number check benchmark: false alarms on correct translations, recall on errors — and the
same figures for pofilter (translate-toolkit's `numbers` test), run on the same pairs in the
same run.

Sources:
1. `bench/data/number_pairs.tsv`: hand-written French–English pairs, correct translations,
   covering every number form of DESIGN.md (one bead per pair), written with the extractor;
1b. `bench/data/number_pairs_kremlin_dev.tsv`: kremlin-style pairs written apart at first
   (once called "held-out"), then used to fix the extractor and now required by the tests:
   a DEVELOPMENT set;
1c. `bench/data/number_pairs_kremlin_heldout.tsv`: the held-out set — real kremlin.ru English
   sentences, a faithful French translation and a French variant with one wrong number,
   all written before anything was run on them; never used to tune;
2. the French–English gold beads of ../shared/bench/transread-fren (literary, tokenised),
   checked book by book with the gold alignment.
In 1, 1b and 2 errors are injected in the French with plain regular expressions,
independent of the extractor: change a digit, milliard -> million, drop a number, swap two
numbers, change a percentage, move a date by a day, change an ordinal, change a number word.
An injection is caught when the check raises a finding it did not raise on the correct text,
on the French sentence that was changed; pofilter's is caught when pofilter fails the
changed pair and passed the correct one.

Run: python bench/numbers_bench.py [--seed N] [--show-alarms] [--pairs-only]
"""

from __future__ import annotations

import argparse
import ast
import csv
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from align.checks.base import CheckInput  # noqa: E402
from align.checks.numbers import NumberCheck  # noqa: E402
from align.model import Bead, Finding, Sentence, Severity, Side  # noqa: E402
from align.numbers import extract_quantities  # noqa: E402

PAIRS = PROJECT / "bench" / "data" / "number_pairs.tsv"
#: kremlin-style, written apart but since used to fix the extractor: a development set
KREMLIN_DEV = PROJECT / "bench" / "data" / "number_pairs_kremlin_dev.tsv"
#: real kremlin.ru English, French written before any run: the held-out figure
KREMLIN_HELDOUT = PROJECT / "bench" / "data" / "number_pairs_kremlin_heldout.tsv"
TRANSREAD = PROJECT.parent / "shared" / "bench" / "transread-fren"


def pofilter_numbers() -> tuple[Callable[[str, str], bool] | None, str]:
    """pofilter's `numbers` test (translate-toolkit's StandardChecker.numbers, the function
    `pofilter --test=numbers` runs) as flags(english, french) -> bool, and its version."""
    try:
        from translate.__version__ import sver
        from translate.filters import checks
    except ImportError:
        return None, "translate-toolkit is not installed (pip install -e '.[test]')"
    checker = checks.StandardChecker()

    def flags(english: str, french: str) -> bool:
        try:
            return not checker.numbers(english, french)
        except checks.FilterFailure:
            return True

    return flags, f"translate-toolkit {sver}"


POFILTER, POFILTER_VERSION = pofilter_numbers()

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
FR_WORDS = [
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "dix",
    "douze",
    "vingt",
    "cent",
]
FR_ORDINAL_WORDS = {
    "premier": "deuxième",
    "première": "deuxième",
    "deuxième": "troisième",
    "troisième": "quatrième",
    "quatrième": "cinquième",
    "dixième": "onzième",
    "huitième": "neuvième",
    "vingtième": "trentième",
}

Injection = Callable[[str, random.Random], str | None]


def _sub_one(pattern: str, text: str, rng: random.Random, make: Callable[[re.Match[str]], str]):
    matches = list(re.finditer(pattern, text))
    if not matches:
        return None
    m = rng.choice(matches)
    new = make(m)
    if new == m.group():
        return None
    return text[: m.start()] + new + text[m.end() :]


def _other_digit(digit: str, rng: random.Random) -> str:
    return rng.choice([d for d in "0123456789" if d != digit])


def change_digit(text: str, rng: random.Random) -> str | None:
    def make(m: re.Match[str]) -> str:
        run = m.group()
        positions = [i for i, c in enumerate(run) if c.isdigit()]
        i = rng.choice(positions)
        new_digit = _other_digit(run[i], rng)
        if i == 0 and new_digit == "0":
            new_digit = "9" if run[i] != "9" else "8"
        return run[:i] + new_digit + run[i + 1 :]

    return _sub_one(r"(?<![\w])\d+(?:[.,\u00a0\u202f ]\d+)*", text, rng, make)


def change_scale(text: str, rng: random.Random) -> str | None:
    swap = {"milliard": "million", "million": "milliard", "billion": "milliard", "mille": "million"}
    return _sub_one(
        r"\b(milliard|million|billion)(s?)\b|(?<=\d )mille\b",
        text,
        rng,
        lambda m: swap[m.group(1) or "mille"] + (m.group(2) or ""),
    )


def drop_number(text: str, rng: random.Random) -> str | None:
    dropped = _sub_one(
        r"(?<![\w])\d+(?:[.,\u00a0\u202f ]\d{3})*(?:,\d+)?\s?", text, rng, lambda m: ""
    )
    return dropped


def swap_numbers(text: str, rng: random.Random) -> str | None:
    matches = list(re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])", text))
    distinct = [
        (a, b) for i, a in enumerate(matches) for b in matches[i + 1 :] if a.group() != b.group()
    ]
    if not distinct:
        return None
    a, b = rng.choice(distinct)
    return text[: a.start()] + b.group() + text[a.end() : b.start()] + a.group() + text[b.end() :]


def change_percent(text: str, rng: random.Random) -> str | None:
    def make(m: re.Match[str]) -> str:
        number = m.group(1)
        last = number[-1]
        return number[:-1] + str((int(last) + rng.randint(1, 8)) % 10) + m.group(2)

    return _sub_one(r"(\d+(?:,\d+)?)(\s?%|\s+pour\s+cent)", text, rng, make)


def change_day(text: str, rng: random.Random) -> str | None:
    def make(m: re.Match[str]) -> str:
        day = 1 if m.group(1) == "1er" else int(m.group(1))
        new = day + 1 if day < 28 else day - 1
        return f"{new}{m.group(2)}"

    return _sub_one(rf"\b(1er|\d{{1,2}})(\s+(?:{MONTHS}))\b", text, rng, make)


def change_ordinal(text: str, rng: random.Random) -> str | None:
    def make(m: re.Match[str]) -> str:
        if m.group("n"):
            return f"{int(m.group('n')) + rng.randint(1, 3)}{m.group('suf')}"
        word = m.group("w")
        new = FR_ORDINAL_WORDS[word.lower()]
        return new.capitalize() if word[0].isupper() else new

    words = "|".join(FR_ORDINAL_WORDS)
    return _sub_one(rf"\b(?:(?P<n>\d+)(?P<suf>e|ème|er|ᵉ)|(?P<w>(?i:{words})))\b", text, rng, make)


def change_word(text: str, rng: random.Random) -> str | None:
    def make(m: re.Match[str]) -> str:
        word = m.group()
        new = rng.choice([w for w in FR_WORDS if w != word.lower()])
        return new.capitalize() if word[0].isupper() else new

    return _sub_one(rf"\b(?i:{'|'.join(FR_WORDS)})\b", text, rng, make)


INJECTIONS: dict[str, Injection] = {
    "digit": change_digit,
    "scale": change_scale,
    "drop": drop_number,
    "swap": swap_numbers,
    "percent": change_percent,
    "date_day": change_day,
    "ordinal": change_ordinal,
    "number_word": change_word,
}


# -- documents -------------------------------------------------------------------------------


def _sentences(side: Side, texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(side=side, index=i, text=t, block_index=i, span=(0, len(t)))
        for i, t in enumerate(texts)
    )


def check_input(fr: list[str], en: list[str], beads: list[Bead]) -> CheckInput:
    return CheckInput(fr=_sentences(Side.FR, fr), en=_sentences(Side.EN, en), beads=tuple(beads))


def pair_documents(path: Path = PAIRS) -> list[tuple[list[str], list[str], list[Bead]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [([r["fr"]], [r["en"]], [Bead((0,), (0,), 1.0)]) for r in rows]


def transread_documents() -> Iterator[tuple[str, list[str], list[str], list[Bead]]]:
    for gold in sorted((TRANSREAD / "gold").iterdir()):
        fr = (TRANSREAD / "fr" / gold.name).read_text(encoding="utf-8").splitlines()
        en = (TRANSREAD / "en" / gold.name).read_text(encoding="utf-8").splitlines()
        beads = []
        for line in gold.read_text(encoding="utf-8").splitlines():
            left, right = line.split(":")
            beads.append(Bead(tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right)), 1.0))
        yield gold.name, fr, en, beads


# -- measuring -------------------------------------------------------------------------------

CHECK = NumberCheck()


def _alarms(findings: list[Finding]) -> tuple[int, int]:
    medium = sum(f.severity in (Severity.MEDIUM, Severity.HIGH) for f in findings)
    return len(findings), medium


def _window(beads: list[Bead], i: int, reach: int = 2) -> list[Bead]:
    return beads[max(0, i - reach) : i + reach + 1]


def _caught(before: list[Finding], after: list[Finding], sentence: int) -> bool:
    known = {f.id for f in before}
    return any(f.id not in known and sentence in f.fr for f in after)


class Tally:
    def __init__(self) -> None:
        self.injected: Counter[str] = Counter()
        self.caught: Counter[str] = Counter()
        self.peer_caught: Counter[str] = Counter()  # pofilter, on the same injections
        self.missed: dict[str, list[str]] = defaultdict(list)

    def report(self, title: str) -> None:
        peer = POFILTER is not None
        print(f"  {title}: recall per injected error type" + ("  (pofilter)" if peer else ""))
        total_i = total_c = total_p = 0
        for name in INJECTIONS:
            n, c, p = self.injected[name], self.caught[name], self.peer_caught[name]
            total_i, total_c, total_p = total_i + n, total_c + c, total_p + p
            rate = f"{c / n:.3f}" if n else "  n/a"
            versus = (f"  ({p / n:.3f})" if n else "") if peer else ""
            print(f"    {name:<12} {c:>4} / {n:<4} recall {rate}{versus}")
        if total_i:
            versus = f"  ({total_p / total_i:.3f})" if peer else ""
            print(
                f"    {'all':<12} {total_c:>4} / {total_i:<4} recall {total_c / total_i:.3f}"
                f"{versus}"
            )


def inject_everywhere(
    fr: list[str],
    en: list[str],
    beads: list[Bead],
    rng: random.Random,
    tally: Tally,
    cap: int | None = None,
) -> None:
    sites = [(i, s) for i, bead in enumerate(beads) for s in bead.fr]
    rng.shuffle(sites)
    for name, inject in INJECTIONS.items():
        for i, s in sites:
            if cap is not None and tally.injected[name] >= cap:
                break
            changed = inject(fr[s], rng)
            if changed is None:
                continue
            window = _window(beads, i)
            before = CHECK.run(check_input(fr, en, window))
            mutated = list(fr)
            mutated[s] = changed
            after = CHECK.run(check_input(mutated, en, window))
            tally.injected[name] += 1
            if _caught(before, after, s):
                tally.caught[name] += 1
            else:
                tally.missed[name].append(f"{fr[s]}  ->  {changed}")
            if POFILTER is not None:
                english = " ".join(en[j] for b in beads if s in b.fr for j in b.en)
                if POFILTER(english, changed) and not POFILTER(english, fr[s]):
                    tally.peer_caught[name] += 1


def count_numbers(en: list[str], beads: list[Bead]) -> int:
    return sum(len(extract_quantities(en[j], "en")) for bead in beads for j in bead.en)


def bench_pairs(rng: random.Random, show: bool, path: Path, title: str) -> None:
    docs = pair_documents(path)
    numbers = alarms = medium = pairs_flagged = peer_flagged = 0
    shown = []
    tally = Tally()
    for fr, en, beads in docs:
        findings = CHECK.run(check_input(fr, en, beads))
        a, m = _alarms(findings)
        numbers += count_numbers(en, beads)
        alarms += a
        medium += m
        pairs_flagged += bool(findings)
        peer_flagged += POFILTER is not None and POFILTER(en[0], fr[0])
        shown += [f"{f.severity}: {f.message}" for f in findings]
        inject_everywhere(fr, en, beads, rng, tally)
    print(f"{title} ({path.relative_to(PROJECT)}): {len(docs)} pairs, {numbers} English quantities")
    print(
        f"  false alarms on correct pairs: {alarms} (medium/high: {medium}) = "
        f"{1000 * alarms / max(numbers, 1):.2f} per 1,000 correct numbers"
    )
    print(f"  correct pairs flagged: fidelity {pairs_flagged} of {len(docs)}", end="")
    print(f", pofilter {peer_flagged} of {len(docs)}" if POFILTER is not None else "")
    if show:
        for line in shown:
            print("    ", line)
    tally.report("pairs")
    if show:
        for name, lines in tally.missed.items():
            for line in lines:
                print(f"    missed {name}: {line}")


def heldout_pairs(path: Path = KREMLIN_HELDOUT) -> list[dict[str, str]]:
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def bench_heldout(show: bool, path: Path = KREMLIN_HELDOUT) -> None:
    """Faithful pairs (every finding is a false alarm) and their hand-made wrong variants
    (caught: a finding on the wrong French that the faithful one did not get)."""
    rows = heldout_pairs(path)
    ours = {"flagged": 0, "caught": 0}
    peer = {"flagged": 0, "caught": 0}
    by_class: Counter[str] = Counter()
    caught_by_class: Counter[str] = Counter()
    peer_by_class: Counter[str] = Counter()
    lines = []
    for row in rows:
        bead = [Bead((0,), (0,), 1.0)]
        right = CHECK.run(check_input([row["fr"]], [row["en"]], bead))
        wrong = CHECK.run(check_input([row["fr_error"]], [row["en"]], bead))
        ours["flagged"] += bool(right)
        hit = _caught(right, wrong, 0)
        ours["caught"] += hit
        by_class[row["error"]] += 1
        caught_by_class[row["error"]] += hit
        if POFILTER is not None:
            peer_right = POFILTER(row["en"], row["fr"])
            peer_hit = POFILTER(row["en"], row["fr_error"]) and not peer_right
            peer["flagged"] += peer_right
            peer["caught"] += peer_hit
            peer_by_class[row["error"]] += peer_hit
        lines += [f"{row['id']} false alarm: {f.message}" for f in right]
        if not hit:
            lines.append(f"{row['id']} missed {row['error']}: {row['fr_error']}")
    n = len(rows)
    print(f"1c. held-out kremlin pairs ({path.relative_to(PROJECT)}): {n} real English sentences")
    print(
        f"  faithful pairs flagged: fidelity {ours['flagged']} of {n}"
        + (f", pofilter {peer['flagged']} of {n}" if POFILTER is not None else "")
    )
    print(
        f"  wrong numbers caught:   fidelity {ours['caught']} of {n}"
        + (f", pofilter {peer['caught']} of {n}" if POFILTER is not None else "")
    )
    for name in sorted(by_class):
        versus = f"  (pofilter {peer_by_class[name]})" if POFILTER is not None else ""
        print(f"    {name:<12} {caught_by_class[name]:>3} / {by_class[name]:<3}{versus}")
    if show:
        for line in lines:
            print("    ", line)


def bench_transread(rng: random.Random, show: bool, cap: int) -> None:
    if not TRANSREAD.is_dir():
        print(f"2. {TRANSREAD} is absent: TransRead part skipped")
        return
    numbers = alarms = medium = 0
    by_severity: Counter[str] = Counter()
    shown = []
    tally = Tally()
    bead_pairs = ours_flagged = ours_flagged_medium = peer_flagged = 0
    for name, fr, en, beads in transread_documents():
        findings = CHECK.run(check_input(fr, en, beads))
        a, m = _alarms(findings)
        alarms += a
        medium += m
        by_severity.update(str(f.severity) for f in findings)
        numbers += count_numbers(en, beads)
        numbered = [
            b for b in beads if b.fr and b.en and any(extract_quantities(en[j], "en") for j in b.en)
        ]
        bead_pairs += len(numbered)
        flagged_fr = {i for f in findings for i in f.fr}
        flagged_medium = {i for f in findings if f.severity != Severity.LOW for i in f.fr}
        ours_flagged += sum(1 for b in numbered if flagged_fr & set(b.fr))
        ours_flagged_medium += sum(1 for b in numbered if flagged_medium & set(b.fr))
        if POFILTER is not None:
            peer_flagged += sum(
                POFILTER(" ".join(en[j] for j in b.en), " ".join(fr[i] for i in b.fr))
                for b in numbered
            )
        shown += [f"{name}: {f.severity}: {f.message}" for f in findings]
        number_beads = [b for b in beads if any(extract_quantities(fr[s], "fr") for s in b.fr)]
        if number_beads:
            inject_everywhere(fr, en, beads, rng, tally, cap=cap)
    print(
        f"2. TransRead fr-en gold beads: {bead_pairs} bead pairs with English numbers, "
        f"{numbers} English quantities"
    )
    print(
        f"  false alarms on the gold (correct) beads: {alarms} "
        f"(medium/high: {medium}; by severity {dict(by_severity)})"
    )
    print(
        f"    = {1000 * alarms / max(numbers, 1):.2f} per 1,000 correct numbers, "
        f"{1000 * medium / max(numbers, 1):.2f} counting medium/high only"
    )
    print(
        f"  gold bead pairs with numbers flagged: fidelity {ours_flagged} of {bead_pairs}"
        f" (medium/high: {ours_flagged_medium})"
        + (f", pofilter {peer_flagged} of {bead_pairs}" if POFILTER is not None else "")
    )
    if show:
        for line in shown:
            print("    ", line)
    tally.report("TransRead")
    if show:
        for kind, lines in tally.missed.items():
            for line in lines[:15]:
                print(f"    missed {kind}: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--cap", type=int, default=200, help="injections per type, TransRead")
    parser.add_argument("--show-alarms", action="store_true")
    parser.add_argument("--pairs-only", action="store_true", help="skip TransRead")
    args = parser.parse_args()
    started = time.perf_counter()
    print(f"peer: pofilter --test=numbers ({POFILTER_VERSION}), on the same pairs in this run")
    bench_pairs(random.Random(args.seed), args.show_alarms, PAIRS, "1. development pairs")
    bench_pairs(
        random.Random(args.seed), args.show_alarms, KREMLIN_DEV, "1b. kremlin-style development"
    )
    bench_heldout(args.show_alarms)
    if not args.pairs_only:
        bench_transread(random.Random(args.seed), args.show_alarms, args.cap)
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
