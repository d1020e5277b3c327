"""Where the caches are: one documented place, whatever folder a command runs from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from check_cli_support import _clean_env, en_options, server  # noqa: F401 - fixtures
from check_cli_support import run_check as run
from kremlin_server import KremlinServer, page
from typer.testing import CliRunner

from align.cli import app
from align.config import legacy_cache_note
from fetch.config import ENV_CACHE, FetchConfig, cache_root, default_cache_root
from tests.batch_posts import EVENT_BASE, english_original, french_post, write_batch

NEWS = "/events/president/news/"


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No FIDELITY_CACHE: the platform's user cache folder, moved under tmp_path."""
    monkeypatch.delenv(ENV_CACHE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "fidelity"


def test_the_cache_folder_is_the_flag_then_the_file_then_the_environment_then_the_user_cache(
    tmp_path: Path, user_cache: Path
) -> None:
    assert default_cache_root() == user_cache
    assert cache_root() == user_cache
    env = {ENV_CACHE: str(tmp_path / "env")}
    assert cache_root(environ=env) == tmp_path / "env"
    assert cache_root(configured=tmp_path / "file", environ=env) == tmp_path / "file"
    assert cache_root(tmp_path / "flag", configured=tmp_path / "file", environ=env) == (
        tmp_path / "flag"
    )
    assert cache_root(environ={ENV_CACHE: "  "}) == user_cache  # blank is not set
    assert FetchConfig().cache_dir == user_cache / "originals"


def test_check_pair_in_a_scratch_folder_leaves_nothing_there(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "fr.txt").write_text(french_post(1), "utf-8")
    (scratch / "en.txt").write_text(english_original(1), "utf-8")
    monkeypatch.chdir(scratch)
    result = CliRunner(env={"COLUMNS": "300"}).invoke(
        app, ["check-pair", "fr.txt", "en.txt", "--format", "json", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in scratch.iterdir()) == ["en.txt", "fr.txt"]  # no corpus/.cache
    assert (user_cache / "embeddings.sqlite").is_file()
    assert str(user_cache / "embeddings.sqlite") in " ".join(result.stderr.split())


def test_check_finds_the_same_cache_from_any_folder(
    tmp_path: Path, user_cache: Path, server: KremlinServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    event_id = str(EVENT_BASE + 1)
    server.route(NEWS + event_id, page(event_id))
    posts, _ = write_batch(tmp_path, 1)
    first, second = tmp_path / "here", tmp_path / "elsewhere"
    first.mkdir(), second.mkdir()
    monkeypatch.chdir(first)
    code, _, err = run(str(posts.resolve()), "--out", "rep", "--base-url", server.base_url)
    assert code == 0, err
    assert f"Caches: {user_cache}" in " ".join(err.split())
    monkeypatch.chdir(second)
    code, _, err = run(str(posts.resolve()), "--out", "rep", "--offline")
    assert code == 0, err
    assert "missing" not in err  # the original fetched from the other folder is found
    assert len(server.script.requests) == 1
    assert not (first / "corpus").exists() and not (second / "corpus").exists()


def test_cache_flag_moves_every_cache_and_fetch_and_check_agree(
    tmp_path: Path, server: KremlinServer
) -> None:
    event_id = str(EVENT_BASE + 1)
    server.route(NEWS + event_id, page(event_id))
    posts, _ = write_batch(tmp_path, 1)
    chosen = tmp_path / "my cache"
    fetched = CliRunner().invoke(
        app, ["fetch", str(posts), "--base-url", server.base_url, "--cache", str(chosen)]
    )
    assert fetched.exit_code == 0, fetched.stderr
    assert (chosen / "originals" / f"{event_id}.json").is_file()
    code, _, err = run(str(posts), "--out", "rep", "--offline", "--cache", str(chosen))
    assert code == 0, err
    assert "missing" not in err
    assert (chosen / "embeddings.sqlite").is_file()
    assert f"Caches: {chosen}" in " ".join(err.split())


def test_an_older_corpus_cache_is_named_not_read(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (tmp_path / "corpus" / ".cache" / "originals").mkdir(parents=True)
    code, _, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 0, err
    flat = " ".join(err.split())
    assert "corpus/.cache (the cache of older versions) is not read" in flat
    assert "--cache corpus/.cache" in flat
    assert legacy_cache_note(tmp_path / "corpus" / ".cache", cwd=tmp_path) is None
    assert legacy_cache_note(tmp_path / "c", cwd=tmp_path / "nothing-here") is None
    assert os.listdir(tmp_path / "corpus" / ".cache" / "originals") == []  # not written either
