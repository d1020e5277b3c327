"""The mutation score of each module `make mutation` ran: killed / tested mutants, and the
names of the survivors (`mutmut show NAME` prints one).

Reads mutmut's results in mutants/ (after `mutmut run`); prints nothing it did not measure.
A full run of a large module takes hours on a shared machine, so a module can be measured on
a seeded random sample of its mutants instead: `--sample N --seed S --module M` picks the
sample (the same names for the same seed and mutants), `--run` runs mutmut on them, and the
score is then read over the sample alone, with a 95 % Wilson interval for the whole module.

Run: python bench/mutation_score.py [--survivors]
     python bench/mutation_score.py --module align.checks.omissions --sample 300 --seed 13 \
         [--run] [--survivors]
(mutmut must have generated the mutants first: `mutmut run` with any name does it.)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
BATCH = 50  # mutants per mutmut call when running a sample


def verdict(code: int | None) -> str:
    """mutmut's own reading of a mutant's exit code (killed, survived, no tests, timeout…)."""
    from mutmut.stats import status_by_exit_code

    return str(status_by_exit_code[code])


def wilson(killed: int, tested: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion killed / tested (sound near 0 and 1,
    where the normal approximation is not)."""
    if tested == 0:
        return 0.0, 1.0
    p = killed / tested
    centre = (p + z * z / (2 * tested)) / (1 + z * z / tested)
    spread = math.sqrt(p * (1 - p) / tested + z * z / (4 * tested * tested))
    half = z * spread / (1 + z * z / tested)
    return max(0.0, centre - half), min(1.0, centre + half)


def sample_names(codes: dict[str, int | None], size: int, seed: int) -> list[str]:
    """A seeded random sample of the module's mutants: the first `size` of the sorted names
    shuffled by `random.Random(seed)`. The same seed and mutants give the same names, and a
    larger sample extends a smaller one (any prefix is itself a random sample)."""
    names = sorted(codes)
    random.Random(seed).shuffle(names)
    return names[:size]


def module_meta(module: str) -> Path:
    return PROJECT / "mutants" / (module.replace(".", "/") + ".py.meta")


def report(module: str, codes: dict[str, int | None], survivors: bool, sample: str = "") -> None:
    verdicts = Counter(verdict(code) for code in codes.values())
    verdicts["not run"] = verdicts.pop("not checked", 0)
    # killed over every mutant a test ran against (timeouts count as killed, as mutmut counts
    # them); "no tests" mutants are listed apart: no selected test reaches them
    killed = verdicts["killed"] + verdicts["timeout"]
    tested = killed + verdicts["survived"]
    score = killed / tested if tested else 0.0
    interval = ""
    if sample:
        low, high = wilson(killed, tested)
        interval = f"; 95 % interval for the module {low:.1%}–{high:.1%}"
    print(
        f"{module}{sample}: {score:.1%} killed ({killed} of {tested} tested; "
        f"{verdicts['survived']} survived, {verdicts['no tests']} reached by no selected test, "
        f"{verdicts['not run']} not run{interval})"
    )
    if survivors:
        for name, code in sorted(codes.items()):
            if verdict(code) == "survived":
                print(f"    {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    parser.add_argument("--module", help="one module, dotted (align.checks.omissions)")
    parser.add_argument("--sample", type=int, help="score a seeded random sample of N mutants")
    parser.add_argument("--seed", type=int, default=13, help="the sample's seed (default 13)")
    parser.add_argument("--run", action="store_true", help="run mutmut on the sample first")
    parser.add_argument("--names", action="store_true", help="print the sample's names only")
    args = parser.parse_args()
    if args.sample is not None:
        if not args.module:
            parser.error("--sample needs --module")
        meta = module_meta(args.module)
        if not meta.exists():
            print(f"{meta}: no mutants generated yet; run `mutmut run` once first")
            sys.exit(1)
        codes = json.loads(meta.read_text("utf-8")).get("exit_code_by_key", {})
        names = sample_names(codes, args.sample, args.seed)
        if args.names:
            print("\n".join(names))
            return
        if args.run:
            # In batches, in the sample's order: mutmut runs the mutants of one call fastest
            # first, so a run stopped early leaves at most one batch's slow ones untested.
            mutmut = Path(sys.executable).with_name("mutmut")
            for start in range(0, len(names), BATCH):
                batch = [n for n in names[start : start + BATCH] if codes[n] is None]
                if batch:
                    command = ["nice", "-n", "10", str(mutmut), "run", "--max-children", "1"]
                    if subprocess.run([*command, *batch], cwd=PROJECT, check=False).returncode:
                        print(f"mutmut stopped on the batch from mutant {start}: see above")
                        break
                    codes = json.loads(meta.read_text("utf-8")).get("exit_code_by_key", {})
        print(f"sample: {len(names)} of {len(codes)} mutants, seed {args.seed}")
        label = f" (random sample of {len(names)} of {len(codes)}, seed {args.seed})"
        report(args.module, {name: codes[name] for name in names}, args.survivors, label)
        return
    metas = sorted((PROJECT / "mutants").glob("**/*.py.meta"))
    if not metas:
        print("no mutmut results: run `make mutation` (or `mutmut run`) first")
        return
    for meta in metas:
        codes = json.loads(meta.read_text("utf-8")).get("exit_code_by_key", {})
        module = str(meta.relative_to(PROJECT / "mutants")).removesuffix(".py.meta")
        if args.module and module.replace("/", ".") != args.module:
            continue
        report(module.replace("/", ".") if args.module else module + ".py", codes, args.survivors)


if __name__ == "__main__":
    main()
