"""The worked example (`fidelity demo`): offline, and it finds the errors planted in it."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from align.checks.registry import default_checks
from align.cli import app
from align.demo import parse_manifest, planted_errors, source

DEMO = Path(__file__).resolve().parent.parent / "align" / "demo"

#: The finding type each registered check reports, where its name says otherwise.
TYPE_OF_CHECK = {"negation": "mistranslation"}

#: Planted errors whose check was not registered when this test was written (the word-level
#: checks being built now; "untranslated" here is one English word in a French sentence,
#: which the sentence-level check does not report). Not required yet, neither for recall nor
#: for precision below; the lead removes each type from this list when its check lands.
NOT_YET_REGISTERED = {
    "wording",
    "terminology",
    "untranslated",
}


def registered_types() -> set[str]:
    return {TYPE_OF_CHECK.get(check.name, check.name) for check in default_checks()}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("demo") / "reports"

    def refuse(*args, **kwargs):  # the example must not need the network
        raise AssertionError(f"network access attempted: {args!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket.socket, "connect", refuse)
        result = CliRunner().invoke(app, ["demo", "--output", str(out)])
    return out, result


def _document(out: Path) -> dict:
    twins = [p for p in out.glob("*.json") if not p.name.startswith(".")]
    assert len(twins) == 1, twins
    return json.loads(twins[0].read_text(encoding="utf-8"))["documents"][0]


def _sentences(event: dict, side: str, ids: list[int]) -> list[str]:
    texts = {s["id"]: s["text"] for s in event[f"{side}_sentences"]}
    return [texts[i] for i in ids]


def _names(event: dict, finding: dict, error) -> bool:
    """The finding names a sentence holding the error's English or French excerpt."""
    english = _sentences(event, "en", finding["en"])
    french = _sentences(event, "fr", finding["fr"])
    return bool(
        (error.english and any(error.english in t for t in english))
        or (error.french and any(error.french in t for t in french))
    )


def test_the_manifest_excerpts_are_in_the_texts():
    french = (DEMO / "turkstream.fr.txt").read_text(encoding="utf-8")
    english = (DEMO / "turkstream.en.txt").read_text(encoding="utf-8")
    errors = planted_errors()
    kinds = {e.type for e in errors}
    # one of each kind the tool reports, sentence level and word level
    assert kinds >= {
        "omission",
        "number",
        "partial_omission",
        "mistranslation",
        "name",
        "wording",
        "direction",
        "qualifier",
        "spelling",
        "untranslated",
    }
    for error in errors:
        assert error.french in french, error
        assert error.english in english, error
    omission = next(e for e in errors if e.type == "omission")
    sentence = "Despite the complex international situation, and the attempts"
    assert sentence in english and "Malgré" not in french and omission.french == ""


def test_a_bad_manifest_is_one_clear_error():
    with pytest.raises(ValueError, match="header"):
        parse_manifest("kind\tfr\ten\n")
    with pytest.raises(ValueError, match="row 2"):
        parse_manifest("type\tfrench\tenglish\tnote\nnumber\t\t\tno excerpt\n")


def test_the_english_is_attributed():
    info = source()
    assert info["url"] == "http://en.kremlin.ru/events/president/news/62553"
    assert (
        info["licence"] == "CC BY 4.0"
        and "creativecommons.org/licenses/by/4.0" in (info["licence_url"])
    )
    english = (DEMO / "turkstream.en.txt").read_text(encoding="utf-8")
    assert english.splitlines()[0] == info["title"]
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert info["url"] in readme and "CC BY 4.0" in readme


def test_demo_runs_offline_and_writes_a_labelled_report(demo_run):
    out, result = demo_run
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    document = _document(out)
    page = (out / f"{document['stem']}.html").read_text(encoding="utf-8")
    assert "Worked example" in page and "CC BY 4.0" in page
    assert "http://en.kremlin.ru/events/president/news/62553" in page
    for name in ("turkstream.fr.txt", "turkstream.en.txt", "errors.tsv"):
        assert (out / "texts" / name).is_file()
    [event] = document["events"]
    assert event["source_status"] == "file" and event["en_sentences"]
    assert "planted errors reported" in result.output


def test_demo_finds_every_planted_error_whose_check_is_registered(demo_run):
    out, _ = demo_run
    [event] = _document(out)["events"]
    required = [e for e in planted_errors() if e.type not in NOT_YET_REGISTERED]
    assert {e.type for e in required} <= registered_types()
    assert {e.type for e in required} == {
        "omission",
        "number",
        "partial_omission",
        "mistranslation",
        "name",
        "direction",
        "qualifier",
        "spelling",
    }
    missed = []
    for error in required:
        hits = [f for f in event["findings"] if f["type"] == error.type and _names(event, f, error)]
        if not hits:
            missed.append(error)
    assert not missed, missed


def test_demo_raises_no_medium_or_high_finding_beyond_the_planted_errors(demo_run):
    out, _ = demo_run
    [event] = _document(out)["events"]
    errors = planted_errors()
    unexplained = []
    for f in event["findings"]:
        if f["type"] in NOT_YET_REGISTERED:
            continue
        if f["severity"] in ("high", "medium") and not any(_names(event, f, e) for e in errors):
            unexplained.append((f["type"], f["message"]))
    assert not unexplained, unexplained


def test_if_nothing_compared_runs_the_example_only_then(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    uncompared = {"documents": [{"events": [{"source_status": "unavailable", "en_sentences": []}]}]}
    (reports / "post.json").write_text(json.dumps(uncompared), encoding="utf-8")
    out = reports / "demo"
    args = ["demo", "--output", str(out), "--if-nothing-compared", str(reports)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and "could be compared" in result.output

    compared = {"documents": [{"events": [{"compared": True, "source_status": "cached"}]}]}
    (reports / "post.json").write_text(json.dumps(compared), encoding="utf-8")
    other = tmp_path / "other"
    result = CliRunner().invoke(
        app, ["demo", "-o", str(other), "--if-nothing-compared", str(reports)]
    )
    assert result.exit_code == 0 and not other.exists()
