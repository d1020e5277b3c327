"""Strict and lax precision / recall / F1 of sentence alignments (the Bleualign definitions).

A bead is a pair (source ids, target ids). Written one per line as ``[1, 2]:[3]``, 0-based,
``[]`` for an empty side; anything after the second list (a score) is ignored.

* strict hit: the very same bead is in the other alignment;
* lax hit: some bead of the other alignment shares a source AND a target sentence with it;
* precision counts every hypothesis bead, null beads (1-0, 0-1) included; a null bead can only
  hit strictly;
* recall counts the gold beads that have both sides, against the hypothesis beads that have
  both sides;
* several documents: hits and totals are summed over documents, then divided (micro-average).

Beads are compared as sets: a repeated bead counts once, a bead empty on both sides not at all.

Usage: ``python bench/scorer.py GOLD_DIR HYP_DIR`` (files paired by name).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: (source sentence ids, target sentence ids)
Pair = tuple[frozenset[int], frozenset[int]]

_ID_LIST = re.compile(r"\[([^\]]*)\]")


def parse_bead_line(line: str) -> Pair | None:
    """``[0, 1]:[2]`` -> ({0, 1}, {2}); None for a blank line; ValueError for anything else."""
    if not line.strip():
        return None
    lists = _ID_LIST.findall(line)
    if len(lists) < 2:
        raise ValueError(f"not a bead: {line.strip()!r}")
    sides = []
    for text in lists[:2]:
        ids = [tok for tok in text.replace(",", " ").split()]
        sides.append(frozenset(int(tok) for tok in ids))
    return sides[0], sides[1]


def parse_beads(text: str) -> list[Pair]:
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            pair = parse_bead_line(line)
        except ValueError as err:
            raise ValueError(f"line {number}: {err}") from None
        if pair is not None:
            pairs.append(pair)
    return pairs


def format_bead(a_ids: Iterable[int], b_ids: Iterable[int]) -> str:
    """The gold-file spelling of one bead: ``[3, 4]:[5]``."""
    return f"[{', '.join(str(i) for i in a_ids)}]:[{', '.join(str(i) for i in b_ids)}]"


@dataclass(frozen=True)
class Counts:
    hyp: int = 0  # hypothesis beads (the precision denominator)
    hyp_strict: int = 0
    hyp_lax: int = 0
    gold: int = 0  # gold beads with both sides (the recall denominator)
    gold_strict: int = 0
    gold_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.hyp + other.hyp,
            self.hyp_strict + other.hyp_strict,
            self.hyp_lax + other.hyp_lax,
            self.gold + other.gold,
            self.gold_strict + other.gold_strict,
            self.gold_lax + other.gold_lax,
        )


@dataclass(frozen=True)
class Scores:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def _matches(beads: set[Pair], other: set[Pair]) -> tuple[int, int]:
    """How many of `beads` are in `other` identically, and how many overlap one of its beads."""
    linked = {(s, t) for src, tgt in other for s in src for t in tgt}
    strict = lax = 0
    for bead in beads:
        if bead in other:
            strict += 1
            lax += 1
        elif any((s, t) in linked for s in bead[0] for t in bead[1]):
            lax += 1
    return strict, lax


def count(gold: Sequence[Pair], hyp: Sequence[Pair]) -> Counts:
    gold_set = {b for b in gold if b[0] or b[1]}
    hyp_set = {b for b in hyp if b[0] or b[1]}
    p_strict, p_lax = _matches(hyp_set, gold_set)
    gold_full = {b for b in gold_set if b[0] and b[1]}
    hyp_full = {b for b in hyp_set if b[0] and b[1]}
    r_strict, r_lax = _matches(gold_full, hyp_full)
    return Counts(len(hyp_set), p_strict, p_lax, len(gold_full), r_strict, r_lax)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def scores(counts: Counts) -> Scores:
    ps, rs = _ratio(counts.hyp_strict, counts.hyp), _ratio(counts.gold_strict, counts.gold)
    pl, rl = _ratio(counts.hyp_lax, counts.hyp), _ratio(counts.gold_lax, counts.gold)
    return Scores(ps, rs, _ratio(2 * ps * rs, ps + rs), pl, rl, _ratio(2 * pl * rl, pl + rl))


def score_documents(docs: Iterable[tuple[Sequence[Pair], Sequence[Pair]]]) -> Scores:
    """Micro-averaged scores over (gold, hypothesis) pairs of documents."""
    total = Counts()
    for gold, hyp in docs:
        total = total + count(gold, hyp)
    return scores(total)


def score_dirs(gold_dir: Path, hyp_dir: Path) -> Scores:
    docs = []
    for gold_file in sorted(p for p in gold_dir.iterdir() if p.is_file()):
        hyp_file = hyp_dir / gold_file.name
        if not hyp_file.is_file():
            raise FileNotFoundError(f"{hyp_file}: no hypothesis for gold {gold_file.name}")
        docs.append(
            (
                parse_beads(gold_file.read_text(encoding="utf-8")),
                parse_beads(hyp_file.read_text(encoding="utf-8")),
            )
        )
    return score_documents(docs)


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print("usage: python bench/scorer.py GOLD_DIR HYP_DIR", file=sys.stderr)
        return 2
    try:
        s = score_dirs(Path(argv[0]), Path(argv[1]))
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"strict P {s.precision_strict:.3f} R {s.recall_strict:.3f} F1 {s.f1_strict:.3f}")
    print(f"lax    P {s.precision_lax:.3f} R {s.recall_lax:.3f} F1 {s.f1_lax:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
