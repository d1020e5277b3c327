"""Finding ids: unique within a run, stable across runs; ignore files old and new."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from check_cli_support import _clean_env, en_options  # noqa: F401 - fixtures
from check_cli_support import run_check as run
from test_checks import make

from align.checks import run_checks
from align.ignore import apply_ignore, old_style_ids
from align.model import FindingType, event_keys, finding_id, occurrence_id
from align.pipeline import assign_finding_ids
from tests.batch_posts import write_batch

HEX16 = re.compile(r"^[0-9a-f]{16}$")

FR = [
    "Le Président a ouvert la séance.",
    "Nous avons discuté du budget de la région pour l’année prochaine.",
    "La séance est levée.",
]
EN = [
    "The President opened the meeting.",
    "Thank you.",
    "We discussed the region’s budget for next year.",
    "Thank you.",
    "The meeting is closed.",
]
BEADS = [([0], [0]), ([], [1]), ([1], [2]), ([], [3]), ([2], [4])]


def test_the_same_sentence_dropped_twice_is_two_findings() -> None:
    found = run_checks(make(FR, EN, BEADS))
    omissions = [f for f in found if f.type == FindingType.OMISSION]
    assert [f.en for f in omissions] == [(1,), (3,)]  # the second one used to be lost
    assert omissions[0].id == omissions[1].id == finding_id(FindingType.OMISSION, "Thank you.")


def test_a_finding_reported_twice_at_one_place_is_kept_once() -> None:
    data = make(FR, EN, BEADS)
    once = run_checks(data)
    from align.checks.registry import default_checks

    twice = run_checks(data, checks=[*default_checks(), *default_checks()])
    assert [(f.id, f.en) for f in twice] == [(f.id, f.en) for f in once]


def _document(stem: str = "post") -> dict:
    tag = {"id": finding_id("addition", "Géographie"), "type": "addition", "fr": [5], "en": []}
    thanks = {"id": finding_id("omission", "Thank you."), "type": "omission", "fr": [], "en": []}
    return {
        "stem": stem,
        "events": [
            {"index": 1, "findings": [dict(tag), dict(thanks), dict(thanks)]},
            {"index": 2, "findings": [dict(tag)]},
            {"index": 2, "findings": [dict(tag)]},  # a post may number two sections alike
        ],
    }


def _ids(document: dict) -> list[str]:
    return [f["id"] for e in document["events"] for f in e["findings"]]


def test_ids_are_unique_in_a_run_and_the_same_on_every_run() -> None:
    first, again = _document(), _document()
    assign_finding_ids(first, "post")
    assign_finding_ids(again, "post")
    ids = _ids(first)
    assert len(set(ids)) == len(ids) == 5  # the tag of three events, the two "Thank you."
    assert all(HEX16.match(i) for i in ids)
    assert ids == _ids(again)  # stable
    assign_finding_ids(again, "post")
    assert _ids(again) == ids  # idempotent: the content key is kept and used again
    assert first["events"][0]["findings"][0]["content_id"] == finding_id("addition", "Géographie")
    other = _document()
    assign_finding_ids(other, "post-2")  # same texts in another post: other ids
    assert not set(_ids(other)) & set(ids)
    assert event_keys("p", [1, 2, 2, 3]) == ["p#1", "p#2", "p#2~1", "p#3"]
    assert occurrence_id("p#1", "a" * 16, 0) != occurrence_id("p#1", "a" * 16, 1)


def test_a_new_id_hides_one_finding_an_old_id_hides_all_its_twins() -> None:
    document = _document()
    assign_finding_ids(document, "post")
    result = {"documents": [document]}
    one = _ids(document)[1]
    kept = apply_ignore(result, frozenset({one}))
    assert len(_ids(kept["documents"][0])) == 4
    assert old_style_ids(result, frozenset({one})) == frozenset()

    old = finding_id("addition", "Géographie")  # what an ignore file of 0.1 holds
    kept = apply_ignore(result, frozenset({old}))
    assert [f["type"] for e in kept["documents"][0]["events"] for f in e["findings"]] == [
        "omission",
        "omission",
    ]
    assert old_style_ids(result, frozenset({old, one})) == frozenset({old})


def test_two_posts_named_alike_get_their_own_ids_and_old_ignore_files_still_work(
    tmp_path: Path,
) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    text = (posts / "post01.txt").read_text("utf-8").replace("11 millions", "12 millions")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "post01.txt").write_text(text, "utf-8")
    common = [str(tmp_path / "a"), str(tmp_path / "b"), "--offline", *en_options(en_args)]
    code, _, err = run(*common, "--out", "rep")
    assert code == 0, err
    twins = sorted((tmp_path / "rep").glob("post01*.json"))
    assert len(twins) == 2
    findings = [
        [
            f
            for e in json.loads(t.read_text("utf-8"))["documents"][0]["events"]
            for f in e["findings"]
        ]
        for t in twins
    ]
    assert findings[0] and [f["content_id"] for f in findings[0]] == [
        f["content_id"] for f in findings[1]
    ]
    assert not {f["id"] for f in findings[0]} & {f["id"] for f in findings[1]}

    old = findings[0][0]["content_id"]  # an ignore file written by an older version
    (tmp_path / "old.txt").write_text(f"{old}\n", "utf-8")
    shutil.rmtree(tmp_path / "rep")
    code, _, err = run(*common, "--out", "rep", "--ignore", "old.txt")
    assert code == 0, err
    flat = " ".join(err.split())
    assert flat.count("id(s) of the kind written before fidelity 0.2") == 1
    for twin in sorted((tmp_path / "rep").glob("post01*.json")):
        events = json.loads(twin.read_text("utf-8"))["documents"][0]["events"]
        assert old not in {f["content_id"] for e in events for f in e["findings"]}
