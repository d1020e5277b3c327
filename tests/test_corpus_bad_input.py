"""Bad input for the reader and for `fidelity corpus`: one-line messages, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import align.commands.corpus_cmd  # noqa: F401  (registers the command on the app)
from align.cli import app
from align.corpus import CorpusError, iter_posts, read_post
from align.model import BlockKind, Post

URL = "http://en.kremlin.ru/events/president/news/71665"
GOOD_POST = (
    "1°/Salon des innovations – 13 juillet 2023 à 15h05 à Moscou\n"
    "Vladimir Poutine a visité une exposition.\n"
    "13 juillet 2023 à 15h05 à Moscou\n"
    "Vladimir Poutine : Bonjour à tous.\n"
    f"{URL}\n"
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_empty_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(CorpusError) as caught:
        read_post(path)
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: empty file (0 bytes)"


def test_blank_only_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no text"):
        read_post(write(tmp_path, "blank.txt", " \n\n\t\n"))


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", bytes(range(256)) * 40)
    with pytest.raises(CorpusError, match="binary"):
        read_post(path)


def test_missing_file_and_folder_as_file(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        read_post(tmp_path / "absent.txt")
    with pytest.raises(CorpusError, match="folder"):
        read_post(tmp_path)


@pytest.mark.parametrize(("codec", "name"), [("cp1252", "cp1252"), ("latin-1", "latin-1")])
def test_legacy_encodings_are_decoded_with_a_warning_and_parsed(
    tmp_path: Path, codec: str, name: str
) -> None:
    # "’", "œ" and "–" exist only in Windows-1252; the Latin-1 post keeps to é, à, « ».
    if codec == "cp1252":
        body, text = "Le cœur de l’événement.", GOOD_POST
    else:
        body, text = "Le coeur de « l'événement ».", GOOD_POST.replace("–", "-")
    text = text.replace("Bonjour à tous.", body)
    post = read_post(write(tmp_path, f"{codec}.txt", text.encode(codec)))
    assert post.encoding == name
    assert post.warnings[0] == f"not UTF-8: decoded as {name}"
    assert post.events[0].source_urls == (URL,)
    turn = next(b for b in post.events[0].blocks if b.kind is BlockKind.TURN)
    assert turn.text == body


def test_windows_line_endings(tmp_path: Path) -> None:
    post = read_post(write(tmp_path, "crlf.txt", GOOD_POST.replace("\n", "\r\n").encode()))
    event = post.events[0]
    assert event.source_urls == (URL,)
    assert all("\r" not in line for b in event.blocks for line in b.raw_lines)
    assert [b.kind for b in event.blocks] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.DATELINE,
        BlockKind.TURN,
        BlockKind.SOURCE_URL,
    ]


@pytest.mark.parametrize(
    "url_line",
    [
        f"Source : {URL}.",
        f"<{URL}>",
        f"{URL}  \u00a0",
        "https://en.kremlin.ru/events/president/news/71665?lang=en",
    ],
)
def test_a_url_line_with_junk_still_closes_its_event(tmp_path: Path, url_line: str) -> None:
    text = GOOD_POST.replace(URL, url_line) + "Ajouté par le blog\n"
    post = read_post(write(tmp_path, "junk.txt", text))
    event = post.events[0]
    assert (
        len(event.source_urls) == 1
        and "en.kremlin.ru/events/president/news/71665" in (event.source_urls[0])
    )
    assert event.blocks[-1].kind is BlockKind.SOURCE_URL
    assert [b.kind for b in event.extras] == [BlockKind.FURNITURE]


def test_a_post_with_no_events_is_read_and_warned(tmp_path: Path) -> None:
    post = read_post(write(tmp_path, "none.txt", "Une phrase.\nUne autre phrase.\n"))
    assert post.events == ()
    assert len(post.outside) == 2
    assert "no events found" in post.warnings[0]


def test_a_20_mb_post_is_read_whole(tmp_path: Path) -> None:
    paragraph = "Le président a souligné l’importance de la coopération : " + "x" * 180 + ".\n"
    events = []
    per_event = 2000
    for n in range(1, 46):
        events.append(
            f"{n}°/Rencontre numéro {n} – 13 juillet 2023 à 15h05 à Moscou\n"
            + paragraph * per_event
            + f"http://en.kremlin.ru/events/president/news/{70000 + n}\n\n"
        )
    # One more event made of a single 1 MB line: no rule may be quadratic in a line's length.
    events.append("46°/Une ligne géante\n" + ("a : b " * 170_000) + "\n" + URL + "\n")
    data = "".join(events).encode("utf-8")
    assert len(data) > 20_000_000
    post = read_post(write(tmp_path, "big.txt", data))
    assert len(post.events) == 46
    assert post.events[0].source_urls == ("http://en.kremlin.ru/events/president/news/70001",)
    assert sum(len(e.blocks) for e in post.events) == 45 * (per_event + 2) + 3


def test_iter_posts_goes_on_after_bad_files_and_skips_hidden_ones(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", GOOD_POST)
    write(tmp_path, "a_empty.txt", b"")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", GOOD_POST)
    (tmp_path / ".cache").mkdir()
    write(tmp_path / ".cache", "cached.txt", GOOD_POST)
    write(tmp_path, ".hidden.txt", GOOD_POST)
    write(tmp_path, "notes.md", "not a post")
    results = list(iter_posts([tmp_path, tmp_path / "absent.txt"]))
    names = [r.path.name for r in results]
    assert names == ["a_empty.txt", "b.txt", "c.txt", "absent.txt"]
    assert [type(r) for r in results] == [CorpusError, Post, Post, CorpusError]


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (result,) = list(iter_posts([tmp_path]))
    assert isinstance(result, CorpusError) and "no *.txt" in result.problem


# ---------------------------------------------------------------- the command

runner = CliRunner()


def run_cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["corpus", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_events_and_reports_bad_files_on_stderr(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD_POST)
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "binary.txt", b"\x00" * 100)
    code, out, err = run_cli(str(empty), str(good), str(binary))
    assert code == 0
    assert "1°/ Salon des innovations" in out
    assert f"source: {URL}" in out
    assert "date: 13 juillet 2023  time: 15h05  place: Moscou" in out
    assert "turn 1" in out
    lines = err.strip().splitlines()
    assert lines == [
        f"error: {empty}: empty file (0 bytes)",
        f"error: {binary}: binary data, not a text post (NUL or control bytes)",
    ]


def test_cli_exit_code_is_1_only_when_nothing_could_be_read(tmp_path: Path) -> None:
    code, _, err = run_cli(str(write(tmp_path, "e.txt", b"")), str(tmp_path / "absent.txt"))
    assert code == 1
    assert len(err.strip().splitlines()) == 2
    code, _, _ = run_cli(str(write(tmp_path, "n.txt", "Une phrase.\n")))
    assert code == 0  # no events is a warning, not a failure


def test_cli_json_carries_the_same_facts_as_the_text(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD_POST)
    legacy = write(tmp_path, "legacy.txt", GOOD_POST.encode("cp1252"))
    missing = tmp_path / "missing.txt"
    code, out, err = run_cli(str(good), str(legacy), str(missing), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["tool"] == "fidelity"
    assert [p["path"] for p in doc["posts"]] == [str(good), str(legacy)]
    assert doc["errors"] == [{"path": str(missing), "problem": "no such file"}]
    event = doc["posts"][0]["events"][0]
    assert event == {
        "index": 1,
        "numbered": True,
        "title": "Salon des innovations",
        "line": 1,
        "date": "13 juillet 2023",
        "time": "15h05",
        "place": "Moscou",
        "source_urls": [URL],
        "block_counts": {
            "paragraph": 1,
            "turn": 1,
            "heading": 1,
            "dateline": 1,
            "source_url": 1,
        },
        "extras_count": 0,
        "extras_counts": {},
    }
    assert doc["posts"][1]["encoding"] == "cp1252"
    assert doc["posts"][1]["warnings"] == ["not UTF-8: decoded as cp1252"]
    assert f"warning: {legacy}: not UTF-8: decoded as cp1252" in err
    assert doc["totals"] == {"posts": 2, "unreadable": 1, "events": 2, "events_with_source": 2}
    _, text, _ = run_cli(str(good), str(legacy), str(missing))
    assert "2 posts read, 2 events, 2 citing a source; 1 file could not be read" in text


def test_cli_on_the_seeds_lists_the_16_urls(corpus_dir: Path) -> None:
    code, out, _ = run_cli(str(corpus_dir), "--json")
    assert code == 0
    doc = json.loads(out)
    urls = [u for p in doc["posts"] for e in p["events"] for u in e["source_urls"]]
    assert len(urls) == 16 and len(set(urls)) == 16
    assert all(u.startswith("http://en.kremlin.ru/events/president/news/") for u in urls)
    no_source = [e for p in doc["posts"] for e in p["events"] if not e["source_urls"]]
    assert len(no_source) == 5
    _, text, _ = run_cli(str(corpus_dir))
    assert text.count("source: no source cited") == 5
    assert all(f"source: {u}" in text for u in urls)


def fidelity_command() -> list[str]:
    script = Path(sys.executable).with_name("fidelity")
    if script.exists():
        return [str(script)]
    found = shutil.which("fidelity")
    return [found] if found else [sys.executable, "-m", "align.cli"]


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "binary.txt", bytes(range(256)) * 8)
    folder = tmp_path / "no_posts"
    folder.mkdir()
    proc = subprocess.run(
        [*fidelity_command(), "corpus", str(empty), str(binary), str(folder), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3
    assert all(line.startswith("error: ") for line in lines)
    assert json.loads(proc.stdout)["totals"]["unreadable"] == 3


def test_cli_text_listing_says_each_problem_once(tmp_path: Path) -> None:
    empty = write(tmp_path, "e.txt", b"")
    no_events = write(tmp_path, "n.txt", "Une phrase.\n")
    code, out, err = run_cli(str(empty), str(no_events))
    assert code == 0
    both = out + err
    assert both.count("empty file") == 1
    assert both.count("no events found") == 1
    assert "the only line is kept outside events" in out
