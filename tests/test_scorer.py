"""bench/scorer.py: the strict / lax definitions on small cases, and agreement with the
reference scorer of ../shared/bench on perturbed gold alignments."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest
from shared_data import absent

PROJECT = Path(__file__).resolve().parent.parent


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while building the class
    spec.loader.exec_module(module)
    return module


scorer = _load("fidelity_bench_scorer", PROJECT / "bench" / "scorer.py")


def beads(text: str):
    return scorer.parse_beads(text)


def test_parse_and_format():
    assert scorer.parse_bead_line("[0, 1]:[2]") == (frozenset({0, 1}), frozenset({2}))
    assert scorer.parse_bead_line("[]:[7]:0.31") == (frozenset(), frozenset({7}))
    assert scorer.parse_bead_line("   ") is None
    with pytest.raises(ValueError, match="line 2"):
        scorer.parse_beads("[0]:[0]\nnot a bead\n")
    assert scorer.format_bead((3, 4), ()) == "[3, 4]:[]"


def test_strict_and_lax_counts():
    gold = beads("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n")
    hyp = beads("[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3, 4]\n")
    c = scorer.count(gold, hyp)
    # precision over 5 hypothesis beads: [0]:[0] and []:[2] strict; [1]:[1], [3]:[3,4] lax only
    assert (c.hyp, c.hyp_strict, c.hyp_lax) == (5, 2, 4)
    # recall over the 3 gold beads with both sides: [0]:[0] strict; the other two lax
    assert (c.gold, c.gold_strict, c.gold_lax) == (3, 1, 3)
    s = scorer.scores(c)
    assert s.precision_strict == pytest.approx(0.4)
    assert s.recall_strict == pytest.approx(1 / 3)
    assert s.f1_strict == pytest.approx(2 * 0.4 * (1 / 3) / (0.4 + 1 / 3))
    assert s.recall_lax == pytest.approx(1.0)


def test_duplicates_count_once_and_empty_is_zero():
    c = scorer.count(beads("[0]:[0]\n"), beads("[0]:[0]\n[0]:[0]\n[]:[]\n"))
    assert (c.hyp, c.hyp_strict) == (1, 1)
    zero = scorer.scores(scorer.count([], []))
    assert zero.f1_strict == 0.0 and zero.precision_lax == 0.0


def test_micro_average_sums_counts_first():
    doc1 = (beads("[0]:[0]\n"), beads("[0]:[0]\n"))
    doc2 = (beads("[0]:[0]\n[1]:[1]\n[2]:[2]\n"), beads("[0, 1]:[0, 1]\n[2]:[2]\n"))
    s = scorer.score_documents([doc1, doc2])
    assert s.precision_strict == pytest.approx(2 / 3)  # 2 hits of 3 hypothesis beads
    assert s.recall_strict == pytest.approx(2 / 4)  # 2 hits of 4 gold beads


def perturb(gold, rng: random.Random):
    """A plausible wrong alignment: merges, splits, deletions turned to nulls, shifts."""
    out = []
    for src, tgt in gold:
        r = rng.random()
        if r < 0.1 and out and src and tgt and out[-1][0] and out[-1][1]:
            prev = out.pop()
            out.append((prev[0] | src, prev[1] | tgt))
        elif r < 0.2 and len(tgt) > 1:
            first = min(tgt)
            out.extend([(src, frozenset({first})), (frozenset(), tgt - {first})])
        elif r < 0.27 and src and tgt:
            out.extend([(src, frozenset()), (frozenset(), tgt)])
        elif r < 0.32 and src and tgt:
            out.append((frozenset({max(src) + 1}), tgt))
        else:
            out.append((src, tgt))
    return out


def test_agrees_with_the_reference_scorer(bench_dir):
    reference_path = bench_dir / "align_score.py"
    if not reference_path.is_file():
        absent(f"{reference_path} is absent")
    reference = _load("shared_align_score", reference_path)
    rng = random.Random(0)
    gold_files = sorted((bench_dir / "textberg-defr" / "gold").iterdir())
    gold_files += sorted((bench_dir / "transread-fren" / "gold").iterdir())[:4]
    for trial in range(30):
        chosen = rng.sample(gold_files, 3)
        golds = [scorer.parse_beads(p.read_text(encoding="utf-8")) for p in chosen]
        hyps = [perturb(g, rng) for g in golds]
        ours = scorer.score_documents(list(zip(golds, hyps, strict=True)))
        theirs = reference.score(golds, hyps)
        for name in ("precision", "recall", "f1"):
            for kind in ("strict", "lax"):
                key = f"{name}_{kind}"
                assert getattr(ours, key) == pytest.approx(theirs[key], abs=1e-12), (trial, key)
        assert ours.f1_strict < 1.0  # the perturbation did something
