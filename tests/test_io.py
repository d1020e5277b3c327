"""Atomic writes (align.io / fetch.io): permissions, failures, temporary files of killed runs;
and the cache of originals read where it cannot be written."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import align.batch
from align.io import (
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_text,
    is_stale_temporary,
    remove_stale_temporaries,
)
from fetch.cache import OriginalCache
from fetch.model import Provenance
from fetch.parse import PARSER_VERSION, content_hash, parse_saved


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_get_the_permissions_of_any_new_file(tmp_path: Path, umask: None) -> None:
    atomic_write_text(tmp_path / "a.txt", "é")
    atomic_write_json(tmp_path / "b.json", {"é": 1})
    assert mode(tmp_path / "a.txt") == 0o644  # not mkstemp's 0600
    assert mode(tmp_path / "b.json") == 0o644
    os.umask(0o027)
    atomic_write_bytes(tmp_path / "c.bin", b"x")
    assert mode(tmp_path / "c.bin") == 0o640
    assert json.loads((tmp_path / "b.json").read_text("utf-8")) == {"é": 1}


def test_the_json_that_check_pair_writes_is_readable_by_others(tmp_path: Path, umask: None) -> None:
    # check-pair --format json writes through this name; it used to leave mode 0600
    align.batch.write_json_atomic(tmp_path / "result.json", {"documents": []})
    assert mode(tmp_path / "result.json") == 0o644


def test_a_failed_write_keeps_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def full_disk(source: object, destination: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporaries_of_dead_runs_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / f".post01.html.{_dead_pid()}.0123abcd.tmp"
    live = tmp_path / f".post02.html.{os.getppid()}.0123abcd.tmp"  # a live process
    mine = tmp_path / f".post03.html.{os.getpid()}.0123abcd.tmp"  # being written by us
    fresh_legacy = tmp_path / ".post04.html.k3j_9xq2.tmp"  # an older version's name, new
    old_legacy = tmp_path / ".post05.html.a8b7c6d5.tmp"  # same, two hours old
    other = [tmp_path / "post01.html", tmp_path / ".hidden.tmp", tmp_path / "notes.tmp"]
    for path in [dead, live, mine, fresh_legacy, old_legacy, *other]:
        path.write_text("x", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(old_legacy, (two_hours_ago, two_hours_ago))
    assert is_stale_temporary(dead) and not is_stale_temporary(live)
    removed = remove_stale_temporaries(tmp_path)
    assert sorted(removed) == sorted([dead, old_legacy])
    assert all(p.exists() for p in [live, mine, fresh_legacy, *other])
    assert remove_stale_temporaries(tmp_path / "absent") == []


def test_a_batch_removes_the_temporaries_a_killed_run_left(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    left = out / f".post01.html.{_dead_pid()}.0123abcd.tmp"
    left.write_text("<html>half a page", encoding="utf-8")
    options = align.batch.BatchOptions(
        paths=(tmp_path / "no-posts",), out_dir=out, cache_dir=tmp_path / "cache", offline=True
    )
    align.batch.run_batch(options)
    assert not left.exists()


# --- the cache of originals, read where it cannot be written ---------------------------------

PAGE = """<html><head><title>Meeting with the Governor</title></head><body>
<div class="read__top"><h1 class="entry-title p-name">Meeting with the Governor</h1>
<p class="read__lead">Vladimir Putin met with the Governor.</p></div>
<div class="entry-content e-content read__internal_content">
<p>The Governor reported on the region's economy.</p>
<p>Vladimir Putin: Good afternoon. Growth was 5.7 percent last year.</p></div>
</body></html>"""
URL = "http://en.kremlin.ru/events/president/news/70001"


def _stored_with_an_old_parser(folder: Path) -> OriginalCache:
    """A cached entry that the next load parses again (its parser version is an old one)."""
    raw = PAGE.encode("utf-8")
    original = parse_saved(raw, URL, source_url=URL)
    assert original.content_hash == content_hash(raw)
    cache = OriginalCache(folder)
    cache.store(original, raw)
    meta_path = cache.json_path(original.event_id)
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["parser_version"] = PARSER_VERSION - 1
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return cache


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_loading_from_a_cache_whose_writes_fail_parses_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only disk as root sees it: every write fails with EROFS (chmod would not)."""
    folder = tmp_path / "originals"
    _stored_with_an_old_parser(folder)
    before = _snapshot(folder)

    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr("fetch.cache.atomic_write_bytes", read_only)
    entry = OriginalCache(folder).load("70001")
    assert entry.problem is None and entry.original is not None
    assert entry.original.title == "Meeting with the Governor"
    assert entry.original.provenance == Provenance.FILE
    assert _snapshot(folder) == before


def _read_only_bind(source: Path, target: Path) -> bool:
    """Mount `source` read-only on `target` (root only); False when the system refuses."""
    target.mkdir()
    done = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if done.returncode != 0:
        return False
    remount = ["mount", "-o", "remount,ro,bind", str(target)]
    if subprocess.run(remount, capture_output=True).returncode != 0:
        subprocess.run(["umount", str(target)], capture_output=True)
        return False
    return True


def test_loading_from_a_really_read_only_cache(tmp_path: Path) -> None:
    """The same on a folder the system will not write: chmod for a user, a read-only bind
    mount for root (which ignores permission bits)."""
    folder = tmp_path / "originals"
    _stored_with_an_old_parser(folder)
    before = _snapshot(folder)
    root = os.geteuid() == 0
    if root:
        if shutil.which("mount") is None or not _read_only_bind(folder, tmp_path / "ro"):
            if os.environ.get("CI") == "true":
                pytest.fail("cannot make a read-only bind mount as root")
            pytest.skip("cannot make a read-only bind mount here (root ignores chmod)")
        where = tmp_path / "ro"
    else:
        for path in [folder, *folder.iterdir()]:
            path.chmod(path.stat().st_mode & ~0o222)
        where = folder
    try:
        with pytest.raises(OSError):
            (where / "probe").write_text("x")  # the folder really is read-only
        entry = OriginalCache(where).load("70001")
        assert entry.problem is None and entry.original is not None
        assert entry.original.title == "Meeting with the Governor"
        assert _snapshot(where) == before
    finally:
        if root:
            subprocess.run(["umount", str(where)], capture_output=True)
        else:
            for path in [folder, *folder.iterdir()]:
                path.chmod(path.stat().st_mode | 0o200)
