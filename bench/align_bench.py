"""Alignment benchmark: Text+Berg de→fr and TransRead fr→en gold sets, plus a 10k-sentence
synthetic pair for time and memory. Not part of the test suite.

    python bench/align_bench.py --set SET [--encoder use|st:NAME] [--cold]
                                [--param NAME=VALUE ...] [--synthetic 10000]
    python bench/align_bench.py --versus-bertalign --set SET [--runs 1]

SET: textberg (7 test docs), transread (11 novels), transread-tune / transread-test (its
even / odd novels in name order), dev (Text+Berg dev), all (textberg + transread), tune (dev +
transread-tune). Tune only on dev and transread-tune.

Hypotheses go to bench/out/hyp/<set>/ in the gold format and are scored with bench/scorer.py.
Embeddings are cached in bench/out/emb-<encoder>.npz, so the second run measures alignment
alone; `--cold` ignores the cache and reports what the embeddings really cost.

`--versus-bertalign` times both aligners as a user runs them, cold, in the same run: each set
once as `fidelity align --presplit --pairs LIST -o DIR` (batch mode: one process, the encoder
loaded once, no embedding cache) and once as bertalign 2.0.1's two passes fed the same USE
encoder (one thread, no cache) in a child process of its own; wall and CPU seconds of each
child from outside, then both scored. Bertalign needs Python 3.12 to import as a package; its
numba kernels (`bertalign/corelib.py`) load on 3.11, so install it beside the bench with
    pip install --target bench/out/peer --no-deps --ignore-requires-python \
        numba==0.68.1 llvmlite==0.50.0 bertalign==2.0.1
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib.util
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "bench"
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from align.aligner import AlignConfig, align_texts  # noqa: E402
from bench.scorer import format_bead, parse_beads, score_documents  # noqa: E402

PEER = OUT / "peer"  # bertalign 2.0.1 + numba, installed with pip --target (see above)
FIDELITY = Path(sys.executable).parent / "fidelity"

Doc = tuple[str, list[str], list[str], Path]  # name, A sentences, B sentences, gold file


def textberg_test() -> list[Doc]:
    base = SHARED / "textberg-defr"
    return [
        (p.name, _lines(base / "de" / p.name), _lines(base / "fr" / p.name), p)
        for p in sorted((base / "gold").iterdir())
    ]


def textberg_dev() -> list[Doc]:
    base = SHARED / "textberg-defr" / "dev"
    return [("dev", _lines(base / "dev.de"), _lines(base / "dev.fr"), base / "dev.defr")]


def transread() -> list[Doc]:
    base = SHARED / "transread-fren"
    return [
        (p.name, _lines(base / "fr" / p.name), _lines(base / "en" / p.name), p)
        for p in sorted((base / "gold").iterdir())
    ]


def transread_tune() -> list[Doc]:
    """The tuning half of TransRead: the even-numbered novels in name order (as check_bench)."""
    return transread()[0::2]


def transread_test() -> list[Doc]:
    """The held-out half: the odd-numbered novels."""
    return transread()[1::2]


SETS = {
    "dev": textberg_dev,
    "textberg": textberg_test,
    "transread": transread,
    "transread-tune": transread_tune,
    "transread-test": transread_test,
}

#: Per set, the folders of its A and B sentence files (one sentence per line).
SHARED_FILES = {
    "textberg": (SHARED / "textberg-defr" / "de", SHARED / "textberg-defr" / "fr"),
    **{
        k: (SHARED / "transread-fren" / "fr", SHARED / "transread-fren" / "en")
        for k in ("transread", "transread-tune", "transread-test")
    },
}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


class TimedCache:
    """An encoder wrapper that caches vectors by text hash (npz) and times the real encoding."""

    def __init__(self, encoder, path: Path | None, *, load: bool = True):
        self.encoder = encoder
        self.id = encoder.id
        self.path = path
        self.seconds = 0.0  # wall time in the encoder
        self.cpu_seconds = 0.0  # CPU time of this process in the encoder
        self.encoded = 0
        self.requested = 0  # texts asked for, cached or not: what a cold run would encode
        self.vectors: dict[bytes, np.ndarray] = {}
        if load and path is not None and path.exists():
            data = np.load(path)
            self.vectors = dict(zip((bytes(k) for k in data["keys"]), data["vectors"], strict=True))

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8")).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        self.requested += len(texts)
        missing = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self.vectors:
                missing[key] = text
        if missing:
            start, cpu = time.perf_counter(), time.process_time()
            vecs = self.encoder.encode(list(missing.values()))
            self.seconds += time.perf_counter() - start
            self.cpu_seconds += time.process_time() - cpu
            self.encoded += len(missing)
            self.vectors.update(
                zip(missing.keys(), np.asarray(vecs, dtype=np.float32), strict=True)
            )
        return np.stack([self.vectors[k] for k in keys])

    def save(self) -> None:
        if self.path is None or not self.vectors:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        merged = {}
        if self.path.exists():  # keep what other runs (other sets, a --cold run) stored
            data = np.load(self.path)
            merged = dict(zip((bytes(k) for k in data["keys"]), data["vectors"], strict=True))
        merged.update(self.vectors)
        keys = np.array([np.frombuffer(k, dtype=np.uint8) for k in merged])
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=np.stack(list(merged.values())))
        tmp.replace(self.path)


def make_encoder(spec: str):
    """The project's encoder for `spec`, USE with one BLAS thread as in the peers' figures."""
    os.environ.setdefault("FIDELITY_ENCODER_THREADS", "1")
    from align.embed import get_encoder

    return get_encoder(spec)


def run_set(
    name: str,
    encoder: TimedCache,
    config: AlignConfig,
    quiet: bool = False,
    second: TimedCache | None = None,
) -> dict:
    docs = SETS[name]()
    out_dir = OUT / "hyp" / name
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    embed_before, embed_cpu_before = encoder.seconds, encoder.cpu_seconds
    requested_before = encoder.requested
    second_before = (second.requested, second.cpu_seconds) if second else (0, 0.0)
    align_seconds = align_cpu = 0.0
    for doc, a, b, gold in docs:
        embed_doc, embed_cpu = _embed_time(encoder, second)
        start, cpu = time.perf_counter(), time.process_time()
        beads = align_texts(a, b, encoder, config=config, second=second)
        embed_after, embed_cpu_after = _embed_time(encoder, second)
        align_seconds += time.perf_counter() - start - (embed_after - embed_doc)
        align_cpu += time.process_time() - cpu - (embed_cpu_after - embed_cpu)
        text = "".join(format_bead(bd.fr, bd.en) + "\n" for bd in beads)
        (out_dir / doc).write_text(text, encoding="utf-8")
        pairs.append((parse_beads(gold.read_text(encoding="utf-8")), parse_beads(text)))
    s = score_documents(pairs)
    row = {
        "set": name,
        "docs": len(docs),
        "strict": (s.precision_strict, s.recall_strict, s.f1_strict),
        "lax": (s.precision_lax, s.recall_lax, s.f1_lax),
        "embed_s": encoder.seconds - embed_before,
        "embed_cpu_s": encoder.cpu_seconds - embed_cpu_before,
        "align_s": align_seconds,
        "align_cpu_s": align_cpu,
        "texts": encoder.requested - requested_before,
        "second_texts": second.requested - second_before[0] if second else 0,
        "second_cpu_s": second.cpu_seconds - second_before[1] if second else 0.0,
    }
    if not quiet:
        print(
            f"{name:10s} strict P/R/F1 {_fmt(row['strict'])}  lax P/R/F1 {_fmt(row['lax'])}"
            f"  embed {row['embed_s']:.1f} s (CPU {row['embed_cpu_s']:.1f} s)"
            f"  align {row['align_s']:.1f} s (CPU {row['align_cpu_s']:.1f} s)"
            f"  texts embedded {row['texts']}"
            + (
                f"  second encoder: {row['second_texts']} texts"
                f" (CPU {row['second_cpu_s']:.1f} s for those not cached)"
                if second
                else ""
            )
        )
    return row


def _embed_time(encoder: TimedCache, second: TimedCache | None) -> tuple[float, float]:
    """Wall and CPU seconds spent in the encoders so far."""
    if second is None:
        return encoder.seconds, encoder.cpu_seconds
    return encoder.seconds + second.seconds, encoder.cpu_seconds + second.cpu_seconds


def _fmt(prf: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.3f}" for x in prf)


class _HashedWords:
    """Deterministic stand-in embeddings for the synthetic run: +-1 per word at a hashed
    coordinate, so a joined window is the sum of its sentences, as with a real encoder."""

    id = "synthetic"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 128), dtype=np.float32)
        for k, text in enumerate(texts):
            for word in text.split():
                h = zlib.crc32(word.encode())
                out[k, h % 128] += 1.0 if (h >> 16) & 1 else -1.0
        return out


def synthetic(n: int, config: AlignConfig) -> None:
    """A 10k-like pair: B is A with some sentences dropped, merged and inserted."""
    rng = np.random.default_rng(0)
    vocab = [f"w{k}" for k in range(5000)]
    a = [" ".join(rng.choice(vocab, size=rng.integers(5, 20))) for _ in range(n)]
    b: list[str] = []
    k = 0
    while k < n:
        r = rng.random()
        if r < 0.03:
            k += 1  # dropped
        elif r < 0.08 and k + 1 < n:
            b.append(a[k] + " " + a[k + 1])
            k += 2
        elif r < 0.1:
            b.append(" ".join(rng.choice(vocab, size=8)))  # inserted
        else:
            b.append(a[k])
            k += 1
    encoder = TimedCache(_HashedWords(), None)
    tracemalloc.start()
    start = time.perf_counter()
    beads = align_texts(a, b, encoder, config=config)
    total = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"synthetic {len(a)} x {len(b)} sentences: {len(beads)} beads, embed {encoder.seconds:.1f}"
        f" s, align {total - encoder.seconds:.1f} s, peak traced {peak / 2**20:.0f} MiB,"
        f" max RSS {rss:.0f} MiB"
    )


# --- the same-run comparison with bertalign -------------------------------------------------


def _bertalign_core():
    """bertalign's numba kernels, loaded from their file (its package needs Python 3.12)."""
    path = PEER / "bertalign" / "corelib.py"
    if not path.exists():
        raise SystemExit(
            f"error: {path} is absent; install bertalign as this file's docstring says"
        )
    sys.path.insert(0, str(PEER))  # numba, llvmlite
    spec = importlib.util.spec_from_file_location("bertalign_corelib", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # numba's on-disk cache finds its module by name
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _overlaps(sentences: Sequence[str], num_overlaps: int) -> list[str]:
    """Bertalign's encoder input: for k = 1 … num_overlaps, the window of k sentences ending
    at each position ("PAD" before the first full one), empty lines as "BLANK_LINE"."""
    lines = [s.strip() or "BLANK_LINE" for s in sentences]
    texts = []
    for k in range(1, num_overlaps + 1):
        texts += ["PAD"] * min(k - 1, len(lines))
        texts += [" ".join(lines[i : i + k])[:10_000] for i in range(len(lines) - k + 1)]
    return texts


def bertalign_align(core, encoder, src: Sequence[str], tgt: Sequence[str]) -> list[tuple]:
    """Bertalign 2.0.1's defaults (max_align 5, top_k 3, win 5, skip -0.1, margin, length
    penalty) with `encoder` in place of LaBSE: its two passes, called as its aligner does."""
    max_align, top_k, win, skip = 5, 3, 5, -0.1

    def transform(sentences):
        texts = _overlaps(sentences, max_align - 1)
        vecs = np.asarray(encoder.encode(texts), dtype=np.float32)
        vecs = vecs.reshape(max_align - 1, len(sentences), -1)
        lens = np.array([len(t.encode("utf-8")) for t in texts], dtype=np.int64)
        return vecs, lens.reshape(max_align - 1, len(sentences))

    src_vecs, src_lens = transform(src)
    tgt_vecs, tgt_lens = transform(tgt)
    char_ratio = float(np.sum(src_lens[0]) / np.sum(tgt_lens[0]))
    n, m = len(src), len(tgt)
    scores, indices = core.find_top_k_sents(src_vecs[0], tgt_vecs[0], k=top_k)
    types = core.get_alignment_types(2)
    w, path = core.find_first_search_path(n, m)
    pointers = core.first_pass_align(n, m, w, path, types, scores, indices)
    first = core.first_back_track(n, m, pointers, path, types)
    types = core.get_alignment_types(max_align)
    w, path = core.find_second_search_path(first, win, n, m)
    pointers = core.second_pass_align(
        src_vecs, tgt_vecs, src_lens, tgt_lens, w, path, types, char_ratio, skip,
        margin=True, len_penalty=True,
    )  # fmt: skip
    return core.second_back_track(n, m, pointers, path, types)


def bertalign_worker(list_file: Path, out_dir: Path) -> int:
    """Child process of --versus-bertalign: align every pair of a list file with bertalign."""
    core = _bertalign_core()
    from align.embed import get_encoder

    encoder = get_encoder("use")  # one thread, no cache: what a user's first run pays
    out_dir.mkdir(parents=True, exist_ok=True)
    for line in list_file.read_text(encoding="utf-8").splitlines():
        a, b, name = line.split("\t")
        beads = bertalign_align(core, encoder, _lines(Path(a)), _lines(Path(b)))
        text = "".join(format_bead(x, y) + "\n" for x, y in beads)
        (out_dir / name).write_text(text, encoding="utf-8")
    return 0


def _timed_child(command: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of a child process, measured from outside."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _score_dir(docs: Sequence[Doc], hyp_dir: Path):
    return score_documents(
        (
            parse_beads(gold.read_text(encoding="utf-8")),
            parse_beads((hyp_dir / name).read_text(encoding="utf-8")),
        )
        for name, _, _, gold in docs
    )


def versus_bertalign(names: Sequence[str], runs: int) -> None:
    """Both aligners on each set, cold, alternating, as a user would run them."""
    print("set            aligner     strict P/R/F1        lax P/R/F1       wall s   CPU s")
    for name in names:
        docs = SETS[name]()
        work = Path(tempfile.mkdtemp(prefix=f"versus-{name}-"))
        base = SHARED_FILES[name]
        listing = work / "pairs.tsv"
        listing.write_text(
            "".join(f"{base[0] / d}\t{base[1] / d}\t{d}\n" for d, *_ in docs), "utf-8"
        )
        ours_cmd = [str(FIDELITY), "align", "--presplit", "--pairs", str(listing), "-o"]
        peer_cmd = [sys.executable, str(Path(__file__)), "--bertalign-worker", str(listing)]
        times: dict[str, list[tuple[float, float]]] = {"fidelity": [], "bertalign": []}
        for run in range(runs):
            for label, command in (("fidelity", ours_cmd), ("bertalign", peer_cmd)):
                out = work / f"{label}-{run}"
                times[label].append(_timed_child([*command, str(out)]))
        for label in ("fidelity", "bertalign"):
            s = _score_dir(docs, work / f"{label}-0")
            wall = float(np.median([t[0] for t in times[label]]))
            cpu = float(np.median([t[1] for t in times[label]]))
            print(
                f"{name:14s} {label:10s} {_fmt((s.precision_strict, s.recall_strict, s.f1_strict))}"
                f"  {_fmt((s.precision_lax, s.recall_lax, s.f1_lax))}  {wall:7.1f} {cpu:7.1f}"
            )
        ratio_wall = np.median([o[0] / p[0] for o, p in zip(*times.values(), strict=True)])
        ratio_cpu = np.median([o[1] / p[1] for o, p in zip(*times.values(), strict=True)])
        print(f"{name:14s} time fidelity / bertalign: wall {ratio_wall:.2f}, CPU {ratio_cpu:.2f}")


# --- does a second encoder separate right from wrong pairings where the aligner is unsure? --


def unsure_beads(beads, share: float = 0.15) -> list[int]:
    """Indices of the beads the aligner is unsure of: every bead that is not 1-1, and the
    1-1 beads whose cosine is in the document's lowest `share`."""
    ones = [k for k, bd in enumerate(beads) if len(bd.fr) == 1 == len(bd.en)]
    cut = np.quantile([beads[k].score for k in ones], share) if ones else -np.inf
    return [
        k for k, bd in enumerate(beads) if not (len(bd.fr) == 1 == len(bd.en)) or bd.score <= cut
    ]


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """P(a positive scores above a negative), ties half (Mann-Whitney)."""
    pos, neg = np.asarray(positive, float), np.asarray(negative, float)
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def _pair_scores(encoder, a: Sequence[str], b: Sequence[str], pairs) -> np.ndarray:
    """Per pairing (A ids, B ids): its cosine and Bertalign's margin-adjusted cosine (minus
    the mean cosine of each window with the sentences just outside its partner)."""
    texts: dict[str, None] = {}
    for ia, ib in pairs:
        texts[" ".join(a[i] for i in ia)] = None
        texts[" ".join(b[i] for i in ib)] = None
        for i in (ia[0] - 1, ia[-1] + 1):
            if 0 <= i < len(a):
                texts[a[i]] = None
        for i in (ib[0] - 1, ib[-1] + 1):
            if 0 <= i < len(b):
                texts[b[i]] = None
    keys = list(texts)
    vectors = dict(zip(keys, encoder.encode(keys), strict=True))
    out = []
    for ia, ib in pairs:
        x = vectors[" ".join(a[i] for i in ia)]
        y = vectors[" ".join(b[i] for i in ib)]
        near_b = [vectors[b[i]] for i in (ib[0] - 1, ib[-1] + 1) if 0 <= i < len(b)]
        near_a = [vectors[a[i]] for i in (ia[0] - 1, ia[-1] + 1) if 0 <= i < len(a)]
        near = (
            np.mean([float(x @ v) for v in near_b] or [0.0]) / 2
            + np.mean([float(y @ v) for v in near_a] or [0.0]) / 2
        )
        cos = float(x @ y)
        out.append((cos, cos - near))
    return np.array(out)


def separation(
    names: Sequence[str], second_spec: str, config: AlignConfig, docs: Sequence[str]
) -> None:
    """Where the aligner is unsure: AUC of gold pairings against its own wrong ones, by USE
    and by the second encoder (cosine, and cosine minus Bertalign's neighbour margin)."""
    first = TimedCache(make_encoder("use"), OUT / "emb-use-m3_0.2.1.npz")
    inner = _second_encoder(second_spec)
    safe = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in inner.id)
    second = TimedCache(inner, OUT / f"emb-{safe}.npz")
    print(
        "set             gold  wrong   AUC cos USE / 2nd   AUC margin USE / 2nd   2nd texts (CPU s)"
    )
    for name in names:
        labels: list[int] = []
        rows_first, rows_second = [], []
        encoded_before, cpu_before = second.encoded, second.cpu_seconds
        for doc, a, b, gold_path in SETS[name]():
            if docs and doc not in docs:
                continue
            beads = align_texts(a, b, first, config=config)
            gold = parse_beads(gold_path.read_text(encoding="utf-8"))
            gold_set = {(tuple(x), tuple(y)) for x, y in gold}
            region_a: set[int] = set()
            region_b: set[int] = set()
            for k in unsure_beads(beads):
                bd = beads[k]
                region_a.update(range(min(bd.fr, default=0) - 1, max(bd.fr, default=-2) + 2))
                region_b.update(range(min(bd.en, default=0) - 1, max(bd.en, default=-2) + 2))
            pairs, doc_labels = [], []
            for x, y in gold:
                if x and y and (region_a & set(x) or region_b & set(y)):
                    pairs.append((tuple(x), tuple(y)))
                    doc_labels.append(1)
            for bd in beads:
                wrong = bd.fr and bd.en and (bd.fr, bd.en) not in gold_set
                if wrong and (region_a & set(bd.fr) or region_b & set(bd.en)):
                    pairs.append((bd.fr, bd.en))
                    doc_labels.append(0)
            if not pairs:
                continue
            labels += doc_labels
            rows_first.append(_pair_scores(first, a, b, pairs))
            rows_second.append(_pair_scores(second, a, b, pairs))
            first.save()
            second.save()
        lab = np.array(labels)
        s1, s2 = np.concatenate(rows_first), np.concatenate(rows_second)
        aucs = [auc(s[lab == 1, c], s[lab == 0, c]) for c in (0, 1) for s in (s1, s2)]
        print(
            f"{name:14s} {int(lab.sum()):5d} {int((lab == 0).sum()):6d}"
            f"   {aucs[0]:.3f} / {aucs[1]:.3f}       {aucs[2]:.3f} / {aucs[3]:.3f}"
            f"        {second.encoded - encoded_before}"
            f" ({second.cpu_seconds - cpu_before:.1f})",
            flush=True,
        )


def encoder_rates(second_spec: str, rounds: int = 2, count: int = 120) -> None:
    """Texts per CPU second of USE and of the second encoder on Text+Berg dev sentences, both
    loaded and warm, interleaved (ratios measured in the same run)."""
    sentences = [s for s in _lines(SHARED / "textberg-defr" / "dev" / "dev.de") if s.strip()]
    sample = sentences[200 : 200 + count]
    encoders = (("use", make_encoder("use")), (second_spec, _second_encoder(second_spec)))
    for _, encoder in encoders:
        encoder.encode(["warm up"])
    for run in range(rounds):
        for label, encoder in encoders:
            cpu = time.process_time()
            encoder.encode(sample)
            spent = time.process_time() - cpu
            rate = len(sample) / spent
            print(f"round {run + 1} {label:4s} {len(sample)} texts: {rate:.1f} / CPU s")


def _second_encoder(spec: str):
    os.environ.setdefault("FIDELITY_ENCODER_THREADS", "1")
    if spec == "e5":
        from align.embed.e5 import E5Encoder

        return E5Encoder()
    return make_encoder(spec)


def parse_params(items: Sequence[str]) -> AlignConfig:
    config = AlignConfig()
    fields = {f.name: f.type for f in dataclasses.fields(AlignConfig)}
    changes = {}
    for item in items:
        key, _, value = item.partition("=")
        if key not in fields:
            raise SystemExit(f"unknown parameter {key!r}; known: {', '.join(fields)}")
        changes[key] = int(value) if fields[key] in ("int", int) else float(value)
    return dataclasses.replace(config, **changes)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    ap.add_argument("--set", default="all", choices=[*SETS, "all", "tune"])
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--cold", action="store_true", help="ignore the embedding cache")
    ap.add_argument("--param", action="append", default=[], help="AlignConfig NAME=VALUE")
    ap.add_argument("--synthetic", type=int, default=0, help="align a synthetic N-sentence pair")
    ap.add_argument("--versus-bertalign", action="store_true", help="same-run timing, cold")
    ap.add_argument("--runs", type=int, default=1, help="runs of each aligner (--versus-bertalign)")
    ap.add_argument(
        "--separation",
        metavar="ENCODER",
        help="AUC of gold vs wrong pairings at unsure beads, USE against ENCODER (e5)",
    )
    ap.add_argument(
        "--second",
        metavar="ENCODER",
        help="second encoder for the unsure beads (e5); needs --param second_weight=W",
    )
    ap.add_argument("--rate", metavar="ENCODER", help="texts per CPU second, USE vs ENCODER")
    ap.add_argument("--docs", default="", help="--separation: only these documents (a,b,...)")
    ap.add_argument("--bertalign-worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.bertalign_worker:
        return bertalign_worker(*args.bertalign_worker)
    config = parse_params(args.param)
    if args.synthetic:
        synthetic(args.synthetic, config)
        return 0
    if not SHARED.is_dir():
        print(f"error: {SHARED} is absent: no benchmark data", file=sys.stderr)
        return 1
    names = {"all": ["textberg", "transread"], "tune": ["dev", "transread-tune"]}.get(
        args.set, [args.set]
    )
    if args.rate:
        encoder_rates(args.rate)
        return 0
    if args.separation:
        separation(names, args.separation, config, [d for d in args.docs.split(",") if d])
        return 0
    if args.versus_bertalign:
        versus_bertalign([n for n in names if n != "dev"], args.runs)
        return 0
    inner = make_encoder(args.encoder)
    safe = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in inner.id)
    cache_path = OUT / f"emb-{safe}.npz"
    encoder = TimedCache(inner, cache_path, load=not args.cold)
    second = None
    if args.second:
        inner2 = _second_encoder(args.second)
        safe2 = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in inner2.id)
        second = TimedCache(inner2, OUT / f"emb-{safe2}.npz", load=not args.cold)
    for name in names:
        run_set(name, encoder, config, second=second)
        if second is not None:
            second.save()
    encoder.save()
    print(f"(embedding seconds are for {encoder.encoded} texts not found in the cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
