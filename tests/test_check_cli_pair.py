"""`fidelity check-pair FR EN`: one translation against one original, outside the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kremlin_server import article_page
from typer.testing import CliRunner

from align.cli import app
from align.commands.check_pair_cmd import plain_event
from align.model import BlockKind
from tests.batch_posts import english_original, french_post, url

DATA = Path(__file__).parent / "data" / "batch"


@pytest.fixture(autouse=True)
def _scratch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'scratch'\n", "utf-8")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["check-pair", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout + result.stderr


def findings(twin: Path) -> list[dict]:
    data = json.loads(twin.read_text("utf-8"))
    return [f for e in data["documents"][0]["events"] for f in e["findings"]]


def test_plain_french_against_plain_english_finds_the_changed_number_and_the_omission(
    tmp_path: Path,
) -> None:
    code, out = run(str(DATA / "pair_fr.txt"), str(DATA / "pair_en.txt"), "--out", "rep")
    assert code == 0, out
    assert (tmp_path / "rep" / "pair_fr.html").is_file()
    found = findings(tmp_path / "rep" / "pair_fr.json")
    numbers = [f for f in found if f["type"] == "number"]
    assert numbers and "24" in numbers[0]["message"] and "42" in numbers[0]["message"]
    omissions = [f for f in found if f["type"] == "omission"]
    assert any("Velikaya" in f["message"] for f in omissions)
    event = json.loads((tmp_path / "rep" / "pair_fr.json").read_text("utf-8"))["documents"][0][
        "events"
    ][0]
    assert event["source_status"] == "file"
    assert any(s["speaker"] == "Vladimir Poutine" for s in event["fr_sentences"])

    code, out = run(str(DATA / "pair_fr.txt"), str(DATA / "pair_en.txt"), "--fail-on", "high")
    assert code == 1 and "findings at or above high remain" in out


def test_json_format_writes_the_json_alone(tmp_path: Path) -> None:
    code, out = run(
        str(DATA / "pair_fr.txt"), str(DATA / "pair_en.txt"), "--format", "json", "-o", "rep"
    )
    assert code == 0, out
    assert sorted(p.name for p in (tmp_path / "rep").iterdir()) == ["pair_fr.json"]
    data = json.loads((tmp_path / "rep" / "pair_fr.json").read_text("utf-8"))
    assert data["tool"] == "fidelity" and data["encoder"].startswith("use")


def test_a_corpus_post_against_a_saved_kremlin_page(tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text(french_post(7), "utf-8")
    event_id = url(7).rsplit("/", 1)[1]
    saved = tmp_path / "saved.html"
    body = "".join(f"<p>{p}</p>" for p in english_original(7).split("\n\n")[1:])
    saved.write_text(article_page(event_id, title="Meeting on port number 7", body=body))
    code, out = run(str(post), str(saved), "--out", "rep")
    assert code == 0, out
    data = json.loads((tmp_path / "rep" / "post.json").read_text("utf-8"))
    event = data["documents"][0]["events"][0]
    assert event["original"]["url"] == url(7)
    assert len(event["alignment"]) >= 4

    other = tmp_path / "other.html"
    other.write_text(article_page("12345", body=body))
    code, out = run(str(post), str(other), "--out", "rep")
    assert code == 2 and "page is event 12345, not" in out


def test_plain_french_gets_paragraphs_from_blank_lines_or_from_lines() -> None:
    by_blank = plain_event("Titre\n\nPremière ligne\nsuite de la phrase.\n\nV. Poutine : Oui.\n")
    assert by_blank is not None and by_blank.title == "Titre"
    assert [b.text for b in by_blank.blocks] == ["Première ligne suite de la phrase.", "Oui."]
    assert by_blank.blocks[1].kind is BlockKind.TURN and by_blank.blocks[1].speaker == "V. Poutine"
    by_line = plain_event("Titre\nUne phrase.\n<…>\nAutre phrase.\n")
    assert by_line is not None
    assert [b.kind for b in by_line.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.ELISION,
        BlockKind.PARAGRAPH,
    ]


@pytest.mark.parametrize(
    ("fr", "en", "message"),
    [
        ("", "Title\n\nBody text.\n", "empty file"),
        ("Titre\nTexte.\n", "", "the text file is empty"),
        ("Titre\nTexte.\n", "Only a title\n", "no English body text"),
        (None, "Title\n\nBody.\n", "holds 2 events"),
    ],
)
def test_unusable_files_exit_2_with_one_line(
    tmp_path: Path, fr: str | None, en: str, message: str
) -> None:
    fr_path, en_path = tmp_path / "fr.txt", tmp_path / "en.txt"
    if fr is None:
        fr = french_post(1) + "\n" + french_post(2).replace("1°/", "2°/")
    fr_path.write_text(fr, "utf-8")
    en_path.write_text(en, "utf-8")
    code, out = run(str(fr_path), str(en_path))
    assert code == 2
    assert message in " ".join(out.split())
    assert "Traceback" not in out


def test_usage_errors(tmp_path: Path) -> None:
    code, out = run(str(DATA / "pair_fr.txt"), "missing.txt")
    assert code == 2 and "missing.txt: no such file" in out
    code, out = run(str(DATA / "pair_fr.txt"), str(DATA / "pair_en.txt"), "--format", "pdf")
    assert code == 2 and "must be html or json" in " ".join(out.split())
