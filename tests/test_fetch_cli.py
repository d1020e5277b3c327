"""`fidelity fetch` end to end: the real CLI against a local stand-in for the site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from kremlin_server import KremlinServer, Reply, article_page, page
from typer.testing import CliRunner

from align.cli import app

NEWS = "/events/president/news/"


@pytest.fixture
def server() -> Iterator[KremlinServer]:
    running = KremlinServer()
    yield running
    running.close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIDELITY_BASE_URL", raising=False)
    monkeypatch.delenv("FIDELITY_MIRRORS", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    runner = CliRunner(env={"COLUMNS": "300"})  # a wide terminal: table cells stay whole
    result = runner.invoke(app, ["fetch", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _post(folder: Path, *ids: str) -> Path:
    lines = ["Le blog du jour", ""]
    for event_id in ids:
        lines += [f"Événement {event_id}", "Vladimir Poutine : Bonjour.", ""]
        lines += [f"http://en.kremlin.ru/events/president/news/{event_id}", ""]
    lines.append("Voir aussi http://en.kremlin.ru/ et http://en.kremlin.ru/d/" + ids[0] + ".")
    path = folder / "post.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_batch_with_failures_completes_and_reports_each(
    tmp_path: Path, server: KremlinServer, env: None
) -> None:
    server.route(NEWS + "1", page("1"))
    server.route(NEWS + "2", Reply(status=410))
    server.route(NEWS + "3", Reply(status=302, headers=(("Location", "http://evil.test/"),)))
    server.route(NEWS + "4", Reply(body=b"<html><body>Access denied</body></html>"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _post(corpus, "1", "2", "3", "4")
    cache = tmp_path / "cache"
    code, out, err = run(
        str(corpus),
        "--base-url",
        server.base_url,
        "--no-wayback",
        "--cache",
        str(cache),
        "--delay",
        "0",
    )
    assert code == 1
    flat = " ".join(out.split())
    assert "1 of 4 originals obtained" in flat
    for expected in (
        "fetched",
        "HTTP 410",
        "redirect to another host refused: evil.test",
        "no article on the page",
    ):
        assert expected in flat, expected
    assert "fidelity fetch --from-file page.html --url URL" in err
    assert "1 kremlin.ru link that is not an event page skipped" in err
    assert server.script.hits(NEWS + "1") == 1  # /news/1 and /d/1 are one event
    originals = cache / "originals"  # --cache FOLDER holds FOLDER/originals
    assert (originals / "1.json").exists() and not (originals / "2.json").exists()

    code, out, _ = run(str(corpus), "--offline", "--cache", str(cache), "--json")
    assert code == 1
    data = json.loads(out)
    assert [o["event_id"] for o in data["originals"]] == ["1"]
    assert data["originals"][0]["status"] == "cached"
    assert {u["status"] for u in data["unavailable"]} == {"missing"}
    first = data["originals"][0]
    assert set(first) >= {"url", "title", "date", "time", "place", "lead", "blocks"}
    assert first["blocks"][2] == {
        "kind": "turn",
        "speaker": "President of Russia Vladimir Putin",
        "text": "Good afternoon, colleagues.",
    }


def test_all_obtained_exits_0_and_the_base_url_comes_from_the_environment(
    tmp_path: Path, server: KremlinServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.route(NEWS + "5", page("5"))
    monkeypatch.setenv("FIDELITY_BASE_URL", server.base_url)
    code, out, _ = run(
        "http://en.kremlin.ru/d/5", "--cache", str(tmp_path), "--no-wayback", "--delay", "0"
    )
    assert code == 0
    assert "fetched" in out and "1 of 1 original obtained" in " ".join(out.split())


def test_import_from_a_saved_page(tmp_path: Path, env: None) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_page("6"), encoding="utf-8")
    cache = tmp_path / "cache"
    code, out, _ = run(
        "--from-file", str(saved), "--url", "http://en.kremlin.ru/d/6", "--cache", str(cache)
    )
    assert code == 0 and "file" in out
    code, out, _ = run(
        "http://en.kremlin.ru/events/president/news/6", "--offline", "--cache", str(cache), "--json"
    )
    assert code == 0
    assert json.loads(out)["originals"][0]["provenance"] == "file"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["http://example.com/events/president/news/1"], "not a kremlin.ru URL"),
        (["no-such-folder"], "no such file or folder"),
        (["--from-file", "x.html"], "--from-file and --url go together"),
        (["--from-file", "x.html", "--url", "http://example.com/1"], "--url: not a kremlin"),
        (["http://en.kremlin.ru/d/1", "--base-url", "127.0.0.1:8000"], "not an http(s) base"),
        ([], "give files, folders or URLs"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str, env: None) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
