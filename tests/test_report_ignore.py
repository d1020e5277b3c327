"""Ignore files: reading both formats, clear errors, and removing the ignored findings."""

from __future__ import annotations

import json

import pytest
from report_data import all_findings, load_result

from align.ignore import IgnoreFileError, apply_ignore, load_ignore, write_ignore

A, B = "0123456789abcdef", "fedcba9876543210"


def test_reads_the_json_the_page_exports(tmp_path):
    path = tmp_path / "fidelity-ignore.json"
    path.write_text(
        json.dumps(
            {
                "tool": "fidelity",
                "ignored": [
                    {"id": A, "type": "number", "message": "m", "note": "ok"},
                    {"id": B.upper(), "type": "name", "message": "", "note": ""},
                ],
            }
        ),
        encoding="utf-8",
    )
    assert load_ignore(path) == frozenset({A, B})


def test_reads_a_text_file_with_comments(tmp_path):
    path = tmp_path / "ignore.txt"
    path.write_text(
        f"# reviewed 2025-11-21\n{A}  # a date, not a quantity\n\n  {B}\n", encoding="utf-8"
    )
    assert load_ignore(path) == frozenset({A, B})


def test_empty_text_file_ignores_nothing(tmp_path):
    path = tmp_path / "ignore.txt"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_ignore(path) == frozenset()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not-an-id\n", "line 1: not a finding id"),
        ('{"tool": "fidelity", "ignored": [{"id": 12}]}', "entry 1: not a finding id"),
        ('{"tool": "fidelity", "ignored": ', "invalid JSON at line 1"),
        ('{"tool": "other", "ignored": []}', "not a fidelity ignore file"),
        ('{"tool": "fidelity"}', '"ignored" list'),
    ],
)
def test_bad_files_give_one_line_errors_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IgnoreFileError) as info:
        load_ignore(path)
    message = str(info.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_missing_and_binary_files_give_clear_errors(tmp_path):
    with pytest.raises(IgnoreFileError, match="no such ignore file"):
        load_ignore(tmp_path / "absent.json")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(IgnoreFileError, match="not UTF-8"):
        load_ignore(binary)


def test_write_then_load_round_trips(tmp_path):
    path = tmp_path / "ignore.json"
    write_ignore(path, [{"id": B, "type": "name", "message": "x"}, {"id": A, "type": "number"}])
    assert load_ignore(path) == frozenset({A, B})
    assert [e["id"] for e in json.loads(path.read_text(encoding="utf-8"))["ignored"]] == [A, B]


def test_apply_ignore_removes_findings_and_recounts_without_touching_the_input():
    result = load_result()
    before = json.dumps(result, sort_keys=True)
    event = result["documents"][2]["events"][0]
    target = next(f for f in event["findings"] if f["type"] == "omission")
    out = apply_ignore(result, frozenset({target["id"]}))
    assert json.dumps(result, sort_keys=True) == before
    assert len(all_findings(out)) == len(all_findings(result)) - 1
    new_event = out["documents"][2]["events"][0]
    assert target["id"] not in {f["id"] for f in new_event["findings"]}
    assert "omission" not in new_event["summary"]["counts"]
    assert new_event["summary"]["by_severity"].get("high", 0) == 0
    assert new_event["summary"]["ignored"] == 1
    assert new_event["summary"]["coverage"] == event["summary"]["coverage"]
    untouched = out["documents"][0]["events"][0]
    assert untouched["summary"]["ignored"] == 0
    assert untouched["findings"] == result["documents"][0]["events"][0]["findings"]


def test_apply_ignore_with_unknown_ids_changes_no_finding():
    result = load_result()
    out = apply_ignore(result, frozenset({"ffffffffffffffff"}))
    assert all_findings(out) == all_findings(result)
