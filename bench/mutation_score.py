"""The mutation score of each module `make mutation` ran: killed / tested mutants, and the
names of the survivors (`mutmut show NAME` prints one).

Reads mutmut's results in mutants/ (after `mutmut run`); prints nothing it did not measure.
Run: python bench/mutation_score.py [--survivors]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def verdict(code: int | None) -> str:
    """mutmut's own reading of a mutant's exit code (killed, survived, no tests, timeout…)."""
    from mutmut.stats import status_by_exit_code

    return str(status_by_exit_code[code])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    args = parser.parse_args()
    metas = sorted((PROJECT / "mutants").glob("**/*.py.meta"))
    if not metas:
        print("no mutmut results: run `make mutation` (or `mutmut run`) first")
        return
    for meta in metas:
        codes = json.loads(meta.read_text("utf-8")).get("exit_code_by_key", {})
        verdicts = Counter(verdict(code) for code in codes.values())
        verdicts["not run"] = verdicts.pop("not checked", 0)
        module = str(meta.relative_to(PROJECT / "mutants")).removesuffix(".meta")
        # killed over every mutant a test ran against (timeouts count as killed, as mutmut
        # counts them); "no tests" mutants are listed apart: no selected test reaches them
        tested = verdicts["killed"] + verdicts["timeout"] + verdicts["survived"]
        score = (verdicts["killed"] + verdicts["timeout"]) / tested if tested else 0.0
        print(
            f"{module}: {score:.1%} killed ({verdicts['killed'] + verdicts['timeout']} of "
            f"{tested} tested; {verdicts['survived']} survived, {verdicts['no tests']} reached"
            f" by no selected test, {verdicts['not run']} not run)"
        )
        if args.survivors:
            for name, code in sorted(codes.items()):
                if verdict(code) == "survived":
                    print(f"    {name}")


if __name__ == "__main__":
    main()
