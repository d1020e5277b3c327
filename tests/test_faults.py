"""Fault matrix: a batch killed mid-way, caches cut short by hand, a full disk on writing."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from check_cli_support import _clean_env, en_options, server  # noqa: F401 - fixtures
from check_cli_support import run_check as run
from kremlin_server import KremlinServer, page

import align.batch
import align.io
import align.report.render
from tests.batch_posts import EVENT_BASE, write_batch

FIDELITY = str(Path(sys.executable).parent / "fidelity")
NEWS = "/events/president/news/"


def state_names(out_dir: Path) -> set[str]:
    state = json.loads((out_dir / ".fidelity-state.json").read_text("utf-8"))
    return {Path(k).name for k in state["posts"]}


def assert_nothing_corrupt(out_dir: Path) -> set[str]:
    """Every visible report is whole; returns the stems with a page and a twin."""
    stems = set()
    for twin in out_dir.glob("[!.]*.json"):
        data = json.loads(twin.read_text("utf-8"))  # raises if cut short
        assert len(data["documents"]) == 1
        stems.add(twin.stem)
    for page_file in out_dir.glob("[!.]*.html"):
        text = page_file.read_text("utf-8")
        assert text.rstrip().endswith("</html>"), page_file
    state = out_dir / ".fidelity-state.json"
    if state.exists():
        json.loads(state.read_text("utf-8"))
    return stems


# --- killed in the middle -----------------------------------------------------------------


def test_a_batch_killed_midway_keeps_finished_posts_and_finishes_on_rerun(
    tmp_path: Path,
) -> None:
    posts, en_args = write_batch(tmp_path, 6, sentences=250)
    command = [FIDELITY, "check", str(posts), "--offline", "--out", "rep", *en_options(en_args)]
    child = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    out_dir = tmp_path / "rep"
    deadline = time.monotonic() + 240
    try:
        while not list(out_dir.glob("post*.html")):
            assert child.poll() is None, "the batch ended before writing a report"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    done_at_kill = state_names(out_dir) if (out_dir / ".fidelity-state.json").exists() else set()
    stems = assert_nothing_corrupt(out_dir)
    assert 1 <= len(stems) < 6, "killed too late to test anything"
    assert not (out_dir / "index.html").exists()  # the index comes last

    rerun = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    flat = " ".join(rerun.stderr.split())
    kept = len(done_at_kill)
    assert f"{6 - kept} post{'' if 6 - kept == 1 else 's'} read, {kept} unchanged" in flat
    assert assert_nothing_corrupt(out_dir) == {f"post{n:02d}" for n in range(1, 7)}
    assert state_names(out_dir) == {f"post{n:02d}.txt" for n in range(1, 7)}
    assert not list(out_dir.glob(".*.tmp"))


# --- caches cut short by hand ---------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "problem"), [(".json", "corrupt"), (".html", "hash")])
def test_a_truncated_original_in_the_cache_is_detected_and_refetched(
    tmp_path: Path, server: KremlinServer, suffix: str, problem: str, private_cache: Path
) -> None:
    event_id = str(EVENT_BASE + 1)
    server.route(NEWS + event_id, page(event_id))
    posts, _ = write_batch(tmp_path, 1)
    code, _, err = run(str(posts), "--out", "rep", "--base-url", server.base_url)
    assert code == 0, err
    cached = private_cache / "originals" / f"{event_id}{suffix}"
    data = cached.read_bytes()
    cached.write_bytes(data[: len(data) // 2])

    code, _, err = run(str(posts), "--out", "rep", "--offline")
    assert code == 0
    assert problem in err and event_id in err  # reported, not a crash
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    assert twin["documents"][0]["events"][0]["source_status"] == "unavailable"

    code, _, err = run(str(posts), "--out", "rep", "--base-url", server.base_url)
    assert code == 0, err
    assert len(server.script.requests) == 2  # fetched again
    meta = json.loads((cached.parent / f"{event_id}.json").read_text("utf-8"))
    assert meta["original"]["event_id"] == event_id
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    assert twin["documents"][0]["events"][0]["source_status"] == "ok"


def test_a_truncated_embedding_cache_is_rebuilt_and_results_unchanged(
    tmp_path: Path, private_cache: Path
) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    common = [str(posts), "--offline", "--out", "rep", *en_options(en_args)]
    assert run(*common)[0] == 0
    before = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))["documents"]
    database = private_cache / "embeddings.sqlite"
    size = database.stat().st_size
    assert size > 0
    with database.open("r+b") as handle:
        handle.truncate(size // 3)

    code, _, err = run(*common, "--force")
    assert code == 0, err
    after = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))["documents"]
    for documents in (before, after):
        documents[0]["events"][0]["original"].pop("fetched_at")
    assert after == before
    with sqlite3.connect(database) as connection:  # usable again
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- a full disk ----------------------------------------------------------------------------


def _full_disk_for(monkeypatch: pytest.MonkeyPatch, module: object, name_part: str) -> None:
    """Every rename onto a file whose name contains `name_part` fails as on a full disk
    (`module` names the writer, for the reader of the test)."""
    real = os.replace

    def replace(source: object, target: object, *args: object, **kwargs: object) -> None:
        if name_part in Path(str(target)).name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        real(source, target, *args, **kwargs)  # type: ignore[arg-type]

    # os.replace is looked up at call time, so patching it anywhere patches it for align.io
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("target", ["post02.html", "post02.json"])
def test_a_full_disk_on_report_writing_stops_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    posts, en_args = write_batch(tmp_path, 3)
    # one worker: posts finish in order, so exactly post01 is done when post02's write fails
    common = [str(posts), "--offline", "--jobs", "1", "--out", "rep", *en_options(en_args)]
    out_dir = tmp_path / "rep"
    with monkeypatch.context() as patch:
        _full_disk_for(patch, align.io, target)  # the writer of every report
        code, out, err = run(*common)
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0] and target in errors[0]
    assert "Traceback" not in out + err
    assert assert_nothing_corrupt(out_dir) == {"post01"}
    assert not (out_dir / "post02.html").exists() and not (out_dir / "post02.json").exists()
    assert not list(out_dir.glob(".*.tmp"))
    assert state_names(out_dir) == {"post01.txt"}  # post02 is not claimed done

    code, _, err = run(*common)
    assert code == 0, err
    assert "2 posts read, 1 unchanged" in " ".join(err.split())
    assert assert_nothing_corrupt(out_dir) == {"post01", "post02", "post03"}


def test_a_full_disk_on_the_state_file_leaves_the_post_unclaimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    common = [str(posts), "--offline", "--out", "rep", *en_options(en_args)]
    with monkeypatch.context() as patch:
        _full_disk_for(patch, align.batch, ".fidelity-state.json")
        code, _, err = run(*common)
    assert code == 2
    assert "No space left on device" in err and ".fidelity-state.json" in err
    assert not (tmp_path / "rep" / ".fidelity-state.json").exists()
    code, _, err = run(*common)
    assert code == 0 and "2 posts read, 0 unchanged" in " ".join(err.split())
