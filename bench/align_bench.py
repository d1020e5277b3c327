"""Alignment benchmark: Text+Berg de→fr and TransRead fr→en gold sets, plus a 10k-sentence
synthetic pair for time and memory. Not part of the test suite.

    python bench/align_bench.py --set textberg|transread|dev|all [--encoder use|st:NAME]
                                [--cold] [--param NAME=VALUE ...] [--synthetic 10000]

Hypotheses go to bench/out/hyp/<set>/ in the gold format and are scored with bench/scorer.py.
Embeddings are cached in bench/out/emb-<encoder>.npz, so the second run measures alignment
alone; `--cold` ignores the cache and reports what the embeddings really cost.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import resource
import sys
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


SETS = {"dev": textberg_dev, "textberg": textberg_test, "transread": transread}


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


def run_set(name: str, encoder: TimedCache, config: AlignConfig, quiet: bool = False) -> dict:
    docs = SETS[name]()
    out_dir = OUT / "hyp" / name
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    embed_before, embed_cpu_before = encoder.seconds, encoder.cpu_seconds
    requested_before = encoder.requested
    align_seconds = align_cpu = 0.0
    for doc, a, b, gold in docs:
        embed_doc, embed_cpu = encoder.seconds, encoder.cpu_seconds
        start, cpu = time.perf_counter(), time.process_time()
        beads = align_texts(a, b, encoder, config=config)
        align_seconds += time.perf_counter() - start - (encoder.seconds - embed_doc)
        align_cpu += time.process_time() - cpu - (encoder.cpu_seconds - embed_cpu)
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
    }
    if not quiet:
        print(
            f"{name:10s} strict P/R/F1 {_fmt(row['strict'])}  lax P/R/F1 {_fmt(row['lax'])}"
            f"  embed {row['embed_s']:.1f} s (CPU {row['embed_cpu_s']:.1f} s)"
            f"  align {row['align_s']:.1f} s (CPU {row['align_cpu_s']:.1f} s)"
            f"  texts embedded {row['texts']}"
        )
    return row


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
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default="all", choices=["textberg", "transread", "dev", "all"])
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--cold", action="store_true", help="ignore the embedding cache")
    ap.add_argument("--param", action="append", default=[], help="AlignConfig NAME=VALUE")
    ap.add_argument("--synthetic", type=int, default=0, help="align a synthetic N-sentence pair")
    args = ap.parse_args(argv)
    config = parse_params(args.param)
    if args.synthetic:
        synthetic(args.synthetic, config)
        return 0
    if not SHARED.is_dir():
        print(f"error: {SHARED} is absent: no benchmark data", file=sys.stderr)
        return 1
    inner = make_encoder(args.encoder)
    safe = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in inner.id)
    cache_path = OUT / f"emb-{safe}.npz"
    encoder = TimedCache(inner, cache_path, load=not args.cold)
    names = ["textberg", "transread"] if args.set == "all" else [args.set]
    for name in names:
        run_set(name, encoder, config)
    encoder.save()
    print(f"(embedding seconds are for {encoder.encoded} texts not found in the cache)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
