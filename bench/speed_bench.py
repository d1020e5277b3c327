"""Speed benchmark of `fidelity check`: prints figures, asserts nothing.

    python bench/speed_bench.py [--corpus DIR] [--skip-corpus] [--skip-synthetic]
                                [--sentences 10000] [--synthetic-encoder hash|use]

1. The whole corpus, cold (empty embedding cache, no earlier reports) and warm (embedding
   cache filled; once re-checking everything with --force, once as an incremental re-run),
   with --jobs 1 and --jobs 2. Each run is the real command in a child process, timed from
   outside (start-up and imports included).
   The seeds' originals cannot be fetched here, so the run uses STAND-IN originals for
   timing only: real English kremlin.ru pages from ../shared/kremlin-html/ (parsed with
   fetch.parse_page, never copied into the project), one per cited event, chosen with a
   size close to the French event's, written into a temporary cache keyed by the cited
   ids. Findings against stand-ins mean nothing; only the times do.
2. The aligner on a synthetic pair of N sentences per side, in a child process: wall time
   and peak memory (ru_maxrss of the child). With `--synthetic-encoder hash` (default) the
   embeddings are deterministic pseudo-vectors, so the figure is the aligner's own cost;
   with `use` the real encoder runs too.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
FIDELITY = str(Path(sys.executable).parent / "fidelity")
_EVENT_ID = re.compile(rb"""id=["']event-(\d+)["']""")


# --- stand-in originals ---------------------------------------------------------------------


def french_sizes(corpus: Path) -> dict[str, int]:
    """Characters of translation text per cited event id, over the corpus."""
    from align.corpus import CorpusError, iter_posts
    from fetch import normalise_url

    sizes: dict[str, int] = {}
    for post in iter_posts([corpus]):
        if isinstance(post, CorpusError):
            continue
        for event in post.events:
            if not event.source_url:
                continue
            try:
                key = normalise_url(event.source_url).event_id
            except ValueError:
                continue
            chars = sum(len(b.text) for b in event.translation_blocks)
            sizes[key] = sizes.get(key, 0) + chars
    return sizes


def real_pages(folder: Path) -> list[tuple[int, bytes, object]]:
    """(body characters, raw bytes, Original) of every real page that parses."""
    from fetch import PageError, Provenance, parse_page

    pages = []
    for path in sorted(folder.glob("*.html")):
        raw = path.read_bytes()
        match = _EVENT_ID.search(raw)
        page_id = match.group(1).decode() if match else path.stem
        try:
            original = parse_page(
                raw, f"http://en.kremlin.ru/events/president/news/{page_id}",
                provenance=Provenance.CACHE,
            )  # fmt: skip
        except (PageError, ValueError):
            continue
        chars = sum(len(b.text) for b in original.blocks)
        if chars:
            pages.append((chars, raw, original))
    return pages


def build_stand_in_cache(corpus: Path, cache: Path) -> list[tuple[str, int, int]]:
    """Write a stand-in original per cited event into cache/originals; returns
    (event id, French chars, English chars) per event."""
    from fetch import OriginalCache, normalise_url

    pages = real_pages(SHARED / "kremlin-html")
    if not pages:
        raise SystemExit(f"no parsable page in {SHARED / 'kremlin-html'}")
    store = OriginalCache(cache / "originals")
    chosen = []
    unused = list(pages)
    for event_id, fr_chars in sorted(french_sizes(corpus).items(), key=lambda kv: -kv[1]):
        pool = unused or pages
        # An English page is usually ~10% shorter than its French translation.
        best = min(pool, key=lambda page: abs(page[0] - fr_chars * 0.9))
        if best in unused:
            unused.remove(best)
        chars, raw, original = best
        key = normalise_url(f"http://en.kremlin.ru/events/president/news/{event_id}")
        stand_in = dataclasses.replace(original, url=key.canonical_url, event_id=event_id)
        store.store(stand_in, raw)
        chosen.append((event_id, fr_chars, chars))
    return chosen


# --- corpus runs ----------------------------------------------------------------------------


def run_check(work: Path, corpus: Path, out: str, *extra: str) -> tuple[float, int, str]:
    """Run the real command; (wall seconds, exit code, last stderr line with a count)."""
    start = time.perf_counter()
    done = subprocess.run(
        [FIDELITY, "check", str(corpus), "--offline", "--out", out, *extra],
        cwd=work, capture_output=True, text=True,
        env={**os.environ, "COLUMNS": "200", "FIDELITY_ENCODER_THREADS": "1"},
    )  # fmt: skip
    seconds = time.perf_counter() - start
    counts = [line for line in done.stderr.splitlines() if "post(s) checked" in line]
    if done.returncode not in (0, 1):
        print(done.stderr[-2000:], file=sys.stderr)
    return seconds, done.returncode, counts[-1].strip() if counts else "?"


def corpus_runs(corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="fidelity-speed-") as scratch:
        work = Path(scratch)
        cache = work / "cache"
        (work / "fidelity.toml").write_text(f'cache_dir = "{cache}"\noffline = true\n', "utf-8")
        chosen = build_stand_in_cache(corpus, cache)
        fr_total = sum(c[1] for c in chosen)
        en_total = sum(c[2] for c in chosen)
        print(
            f"corpus {corpus}: {len(chosen)} cited events, {fr_total:,} French chars;"
            f" STAND-IN originals (real kremlin.ru pages, for timing only): {en_total:,} chars"
        )
        embeddings = cache / "embeddings.sqlite"
        for jobs in ("1", "2"):
            embeddings.unlink(missing_ok=True)
            for leftover in work.glob("out-*"):
                shutil.rmtree(leftover)
            rows = [
                ("cold (empty embedding cache)", f"out-{jobs}", ()),
                ("warm, --force (all re-checked)", f"out-{jobs}", ("--force",)),
                ("warm, incremental re-run", f"out-{jobs}", ()),
            ]
            for label, out, extra in rows:
                seconds, code, counts = run_check(work, corpus, out, "--jobs", jobs, *extra)
                print(f"  --jobs {jobs}  {label:<32} {seconds:6.1f} s  (exit {code}; {counts})")


# --- synthetic aligner run ------------------------------------------------------------------

_CHILD = r"""
import hashlib, resource, sys, time
import numpy as np
sys.path.insert(0, {root!r})
from align.aligner import align_texts

n, kind = {n}, {kind!r}
rng = np.random.default_rng(0)
fr_words = [f"mot{{k}}" for k in range(4000)]
fr = [" ".join(rng.choice(fr_words, size=rng.integers(6, 25))) + "." for _ in range(n)]
en, k = [], 0
while len(en) < n:  # the English side: same content, a few sentences merged, dropped, added
    r = rng.random()
    src = fr[k % n].replace("mot", "word")
    if r < 0.02:
        k += 1
        continue
    if r < 0.05:
        en.append(src + " " + fr[(k + 1) % n].replace("mot", "word")); k += 2; continue
    if r < 0.07:
        en.append(" ".join(rng.choice(fr_words, size=9)).replace("mot", "word") + ".")
        continue
    en.append(src); k += 1

class HashEncoder:
    id = "hash"
    def encode(self, texts):
        out = np.zeros((len(texts), 128), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in text.replace("word", "mot").rstrip(".").split():
                seed = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")
                out[i] += np.random.default_rng(seed).standard_normal(128, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)

if kind == "use":
    from align.embed import get_encoder
    encoder = get_encoder("use")
else:
    encoder = HashEncoder()
start = time.perf_counter()
beads = align_texts(fr, en, encoder)
seconds = time.perf_counter() - start
print(f"{{len(fr)}} {{len(en)}} {{len(beads)}} {{seconds:.2f}}")
"""


def synthetic_run(n: int, kind: str) -> None:
    code = _CHILD.format(root=str(ROOT), n=n, kind=kind)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "FIDELITY_ENCODER_THREADS": "1"},
    )  # fmt: skip
    stdout, stderr = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    # wait4 gives this one child's own peak resident memory (ru_maxrss, KiB on Linux).
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        print(stderr[-3000:], file=sys.stderr)
        raise SystemExit("synthetic run failed")
    fr_n, en_n, beads, align_s = stdout.split()
    print(
        f"aligner, synthetic {fr_n} x {en_n} sentences, {kind} embeddings: {beads} beads,"
        f" align_texts {float(align_s):.1f} s, child wall {wall:.1f} s,"
        f" child peak RSS {usage.ru_maxrss / 1024:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--synthetic-encoder", choices=("hash", "use"), default="hash")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    if not args.skip_corpus:
        if not (SHARED / "kremlin-html").is_dir():
            print(f"skipped the corpus runs: {SHARED / 'kremlin-html'} is absent")
        else:
            corpus_runs(args.corpus)
    if not args.skip_synthetic:
        synthetic_run(args.sentences, args.synthetic_encoder)


if __name__ == "__main__":
    main()
