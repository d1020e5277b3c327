"""A `fidelity check --jobs N` killed with SIGKILL leaves no worker process behind.

The pool's workers wait for work on a pipe whose other ends their siblings also hold: with
the batch gone they would wait forever (each holding an encoder in memory). Found while
running the kill-and-resume test 50 times: every run left two such workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from check_cli_support import en_options

from tests.batch_posts import write_batch

FIDELITY = str(Path(sys.executable).parent / "fidelity")

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


def test_the_workers_of_a_killed_batch_end_too(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 4, sentences=250)
    command = [
        FIDELITY, "check", str(posts), "--offline", "--jobs", "2", "--out", "rep",
        *en_options(en_args),
    ]  # fmt: skip
    batch = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 240
        workers: set[int] = set()
        while len(workers) < 2:
            assert batch.poll() is None, "the batch ended before starting its workers"
            assert time.monotonic() < deadline, "no worker started"
            workers = children(batch.pid)
            time.sleep(0.05)
        time.sleep(1.0)  # the workers are loading their encoder or checking a post
        batch.send_signal(signal.SIGKILL)
    finally:
        batch.wait(timeout=60)
    deadline = time.monotonic() + 20
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if alive(w)]
    for worker in left:  # never leave them running after the test
        os.kill(worker, signal.SIGKILL)
    assert left == [], f"{len(left)} worker(s) still running 20 s after the batch was killed"
