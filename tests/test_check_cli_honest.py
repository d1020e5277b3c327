"""`fidelity check` says what it did not compare: statuses, counts, warnings, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from check_cli_support import _clean_env, en_options  # noqa: F401 - fixtures
from check_cli_support import run_check as run

from align.commands.check_cmd import compared_line
from tests.batch_posts import french_post, url, write_batch


def last_line(err: str) -> str:
    return [line for line in err.splitlines() if line.strip()][-1]


def twin(out: Path, stem: str) -> dict:
    return json.loads((out / f"{stem}.json").read_text("utf-8"))["documents"][0]


def test_without_originals_nothing_reads_as_a_pass(tmp_path: Path) -> None:
    posts, _ = write_batch(tmp_path, 2)
    code, out, err = run(str(posts), "--offline", "--out", "rep")
    assert code == 0  # without --fail-on or --require-originals, a run that could not compare
    rows = [line for line in out.splitlines() if "post0" in line]
    assert len(rows) == 2
    for row in rows:
        assert "not checked — no original" in row and "0 of 1" in row
        assert row.count("—") >= 5  # the status's dash and one per severity column
        assert " 0 " not in row.split("0 of 1")[1]  # no zero counts: nothing was counted
    assert last_line(err) == (
        "0 of 2 events compared with an English original: nothing was checked "
        "(2 without an original)."
    )
    document = twin(tmp_path / "rep", "post01")
    assert (document["events_total"], document["events_compared"]) == (1, 0)
    event = document["events"][0]
    assert event["compared"] is False
    assert event["summary"]["counts"] is None and event["summary"]["by_severity"] is None
    assert event["summary"]["coverage"] is None
    assert event["source_status"] == "unavailable" and event["source_detail"]


def test_a_compared_run_ends_with_the_full_count(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    code, out, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 0, err
    assert last_line(err) == "2 of 2 events compared with an English original."
    assert "1 of 1" in out and "checked" in out
    document = twin(tmp_path / "rep", "post02")
    assert (document["events_total"], document["events_compared"]) == (1, 1)
    assert document["events"][0]["compared"] is True
    assert isinstance(document["events"][0]["summary"]["counts"], dict)


def test_an_event_without_a_cited_source_is_not_checked_and_said_so(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    text = french_post(1).replace(url(1), "https://tass.com/politics/1234")
    (posts / "post01.txt").write_text(text, "utf-8")
    code, out, err = run(str(posts), "--offline", "--out", "rep")
    assert code == 0
    flat = " ".join(err.split())
    # The reader names the foreign address once; the --en file no post cites is named too.
    assert flat.count("https://tass.com/politics/1234") == 1
    assert "not a kremlin.ru event page" in flat
    assert "not checked — no source cited" in out
    assert last_line(err).startswith("0 of 1 event compared")
    assert "1 without a cited source" in last_line(err)
    event = twin(tmp_path / "rep", "post01")["events"][0]
    assert event["source_status"] == "no-source" and event["compared"] is False
    assert "kremlin.ru" in event["source_detail"]

    code, _, err = run(str(posts), "--offline", "--out", "rep", "--en", en_args[0])
    assert code == 0
    warnings = [line for line in err.splitlines() if "no post cites this address" in line]
    assert len(warnings) == 1 and url(1) in warnings[0]


def test_fail_on_never_passes_when_nothing_was_compared(tmp_path: Path) -> None:
    posts, _ = write_batch(tmp_path, 1)
    (posts / "post01.txt").write_text(french_post(1).replace(url(1), ""), "utf-8")
    code, _, err = run(str(posts), "--offline", "--out", "rep", "--fail-on", "high")
    assert code == 3
    assert "--fail-on high: no event could be compared" in err
    assert last_line(err).startswith("0 of 1 event compared")


def test_require_originals_fails_on_any_event_not_compared(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    common = [str(posts), "--offline", "--out", "rep"]
    code, _, err = run(*common, *en_options(en_args), "--require-originals")
    assert code == 0, err
    code, _, err = run(*common, "--en", en_args[0], "--require-originals")
    assert code == 3
    assert "--require-originals: 1 event could not be compared" in err
    assert last_line(err).startswith("1 of 2 events compared")
    assert "the others were not checked (1 without an original)" in last_line(err)


def test_findings_come_before_not_compared_in_the_exit_code(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    (posts / "post01.txt").write_text(french_post(1, tonnes=555), "utf-8")  # a number alarm
    code, _, err = run(
        str(posts), "--offline", "--out", "rep", "--en", en_args[0], "--fail-on", "low"
    )
    assert code == 1 and "findings at or above low remain" in err


def test_an_unreadable_post_is_reported_once(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (posts / "empty.txt").write_bytes(b"")
    code, out, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 2
    assert (out + err).count("empty file") == 1
    assert "empty.txt" in out  # its row in the table points below


def test_compared_line_words() -> None:
    def event(compared: bool, status: str) -> dict:
        return {"compared": compared, "source_status": status}

    documents = [
        {"events": [event(True, "file"), event(False, "no-source")]},
        {"events": [event(False, "unavailable")]},
    ]
    assert compared_line(documents) == (
        "1 of 3 events compared with an English original: the others were not checked "
        "(1 without an original, 1 without a cited source)."
    )
    assert compared_line([{"events": [event(True, "ok")]}]) == (
        "1 of 1 event compared with an English original."
    )


def test_bracketed_text_in_messages_is_printed_as_written(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (posts / "notes[v2].txt").write_bytes(b"")  # Rich markup would swallow "[v2]"
    code, out, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 2
    assert "notes[v2].txt: empty file" in err
    assert "notes[v2].txt" in out
