"""run_batch: incremental re-runs, --force, parallel results, report names, bad input."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import align.batch as batch
from align.batch import STATE_FILE, BatchOptions, fingerprint, read_state, run_batch
from align.pipeline import SourceInfo
from tests.batch_posts import en_pairs, english_original, french_post, url, write_batch


def _options(tmp_path: Path, paths: list[Path], en_args: list[str], **kw) -> BatchOptions:
    return BatchOptions(
        paths=tuple(paths),
        out_dir=tmp_path / "out",
        cache_dir=tmp_path / "cache",
        offline=True,
        en_files=en_pairs(en_args),
        **kw,
    )


def _timeless(documents: list[dict]) -> list[dict]:
    """The documents without the time each original was read (the only thing that differs)."""
    documents = json.loads(json.dumps(documents))
    for document in documents:
        for event in document["events"]:
            if event["original"]:
                event["original"].pop("fetched_at")
    return documents


def _statuses(result: batch.BatchResult) -> dict[str, str]:
    return {p.path.name: p.status for p in result.posts}


@pytest.fixture()
def three(tmp_path: Path) -> tuple[Path, list[str]]:
    return write_batch(tmp_path, 3)


def test_rerun_skips_unchanged_and_redoes_only_the_changed_post(tmp_path: Path, three) -> None:
    posts, en_args = three
    options = _options(tmp_path, [posts], en_args)
    first = run_batch(options)
    assert _statuses(first) == dict.fromkeys(["post01.txt", "post02.txt", "post03.txt"], "checked")
    pages = sorted(p.name for p in (tmp_path / "out").glob("*.html"))
    assert pages == ["index.html", "post01.html", "post02.html", "post03.html"]

    second = run_batch(options)
    assert set(_statuses(second).values()) == {"unchanged"}
    assert second.documents == first.documents  # the kept reports are read back whole

    (posts / "post02.txt").write_text(french_post(2, tonnes=999), "utf-8")
    third = run_batch(options)
    assert _statuses(third) == {
        "post01.txt": "unchanged",
        "post02.txt": "checked",
        "post03.txt": "unchanged",
    }
    numbers = [f for e in third.documents[1]["events"] for f in e["findings"]]
    assert any(f["type"] == "number" for f in numbers)

    forced = run_batch(replace(options, force=True))
    assert set(_statuses(forced).values()) == {"checked"}


def test_a_changed_original_redoes_only_the_post_citing_it(tmp_path: Path, three) -> None:
    posts, en_args = three
    options = _options(tmp_path, [posts], en_args)
    run_batch(options)
    original = Path(en_args[2].split("=", 1)[1])
    original.write_text(english_original(3) + "\nOne more English sentence here.\n", "utf-8")
    again = run_batch(options)
    assert _statuses(again) == {
        "post01.txt": "unchanged",
        "post02.txt": "unchanged",
        "post03.txt": "checked",
    }


def test_fingerprint_depends_on_everything_the_report_depends_on() -> None:
    source = SourceInfo("file", None)
    base = fingerprint(b"post", [source], "use-m3", {"z": 1.0}, [])
    assert fingerprint(b"post", [source], "use-m3", {"z": 1.0}, []) == base
    assert fingerprint(b"post!", [source], "use-m3", {"z": 1.0}, []) != base
    assert fingerprint(b"post", [SourceInfo("no-source", None)], "use-m3", {"z": 1.0}, []) != base
    assert fingerprint(b"post", [source], "st:labse", {"z": 1.0}, []) != base
    assert fingerprint(b"post", [source], "use-m3", {"z": 2.0}, []) != base
    assert fingerprint(b"post", [source], "use-m3", {"z": 1.0}, ["0123456789abcdef"]) != base


def test_fingerprint_changes_with_the_tool_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint(b"post", [], "use", {}, [])
    monkeypatch.setattr(batch, "__version__", "999.0")
    assert fingerprint(b"post", [], "use", {}, []) != before


def test_parallel_results_equal_serial_results(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 4)
    (posts / "post03.txt").write_text(french_post(3, tonnes=77), "utf-8")
    serial = run_batch(_options(tmp_path, [posts], en_args, jobs=1))
    parallel = run_batch(
        replace(_options(tmp_path, [posts], en_args, jobs=2), out_dir=tmp_path / "out2")
    )
    assert [p.status for p in parallel.posts] == ["checked"] * 4
    assert _timeless(parallel.documents) == _timeless(serial.documents)
    assert any(f["type"] == "number" for e in serial.documents[2]["events"] for f in e["findings"])
    for name in ("post01.json", "post04.json"):
        one = json.loads((tmp_path / "out" / name).read_text("utf-8"))["documents"]
        two = json.loads((tmp_path / "out2" / name).read_text("utf-8"))["documents"]
        assert _timeless(one) == _timeless(two)


def test_posts_with_one_name_in_two_folders_get_two_reports(tmp_path: Path) -> None:
    for folder, n in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(french_post(n), "utf-8")
    _, en_args = write_batch(tmp_path / "orig", 2)
    options = _options(tmp_path, [tmp_path / "a", tmp_path / "b"], en_args)
    first = run_batch(options)
    assert [p.status for p in first.posts] == ["checked", "checked"]
    twins = sorted(p.name for p in (tmp_path / "out").glob("[!.]*.json"))
    assert twins == ["same-2.json", "same.json"]
    titles = {
        name: json.loads((tmp_path / "out" / name).read_text("utf-8"))["documents"][0]["path"]
        for name in twins
    }
    assert titles["same.json"].endswith("a/same.txt") and titles["same-2.json"].endswith(
        "b/same.txt"
    )
    assert [p.status for p in run_batch(options).posts] == ["unchanged", "unchanged"]


def test_a_post_named_twice_is_checked_once(tmp_path: Path, three) -> None:
    posts, en_args = three
    result = run_batch(_options(tmp_path, [posts, posts / "post01.txt"], en_args))
    assert [p.path.name for p in result.posts] == ["post01.txt", "post02.txt", "post03.txt"]


def test_damaged_state_or_missing_report_means_redo(tmp_path: Path, three) -> None:
    posts, en_args = three
    options = _options(tmp_path, [posts], en_args)
    run_batch(options)
    state = tmp_path / "out" / STATE_FILE
    state.write_text(state.read_text("utf-8")[:40], "utf-8")  # cut short by hand
    assert read_state(tmp_path / "out") == {}
    assert set(_statuses(run_batch(options)).values()) == {"checked"}
    (tmp_path / "out" / "post01.json").write_text('{"documents": [', "utf-8")
    (tmp_path / "out" / "post02.html").unlink()
    assert _statuses(run_batch(options)) == {
        "post01.txt": "checked",
        "post02.txt": "checked",
        "post03.txt": "unchanged",
    }


def test_a_check_that_fails_costs_only_its_own_post(
    tmp_path: Path, three, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts, en_args = three
    real = batch.check_post

    def flaky(post, *args, **kwargs):
        if post.path.name == "post02.txt":
            raise RuntimeError("aligner bug")
        return real(post, *args, **kwargs)

    monkeypatch.setattr(batch, "check_post", flaky)
    result = run_batch(_options(tmp_path, [posts], en_args))
    assert _statuses(result) == {
        "post01.txt": "checked",
        "post02.txt": "error",
        "post03.txt": "checked",
    }
    assert "RuntimeError: aligner bug" in (result.posts[1].message or "")
    state = read_state(tmp_path / "out")
    assert sorted(Path(k).name for k in state) == ["post01.txt", "post03.txt"]
    assert not (tmp_path / "out" / "post02.json").exists()


# --- bad input in the same batch as good posts ------------------------------------------


def test_bad_posts_are_reported_and_good_ones_checked(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    (posts / "empty.txt").write_bytes(b"")
    (posts / "binary.txt").write_bytes(bytes(range(256)) * 40)
    latin = french_post(3).replace("–", "-").replace("Réunion", "Réunion élargie")
    (posts / "latin1.txt").write_bytes(latin.encode("latin-1"))
    (posts / "noevent.txt").write_text("Juste une ligne de blog sans événement.\n", "utf-8")
    with (posts / "huge.txt").open("wb") as handle:  # 50 MB
        line = ("Une phrase française assez longue pour remplir le fichier. " * 16 + "\n").encode()
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    original3 = tmp_path / "en" / "90004.txt"
    original3.write_text(english_original(3), "utf-8")
    warnings: list[str] = []

    class Collect(batch.Progress):
        def warn(self, message: str) -> None:
            warnings.append(message)

    result = run_batch(_options(tmp_path, [posts], [*en_args, f"{url(3)}={original3}"]), Collect())
    by_name = {p.path.name: p for p in result.posts}
    assert {n: p.status for n, p in by_name.items()} == {
        "binary.txt": "error",
        "empty.txt": "error",
        "huge.txt": "error",
        "latin1.txt": "checked",
        "noevent.txt": "error",
        "post01.txt": "checked",
        "post02.txt": "checked",
    }
    assert "empty" in by_name["empty.txt"].message
    assert "binary" in by_name["binary.txt"].message
    assert "too large" in by_name["huge.txt"].message
    assert "no events" in by_name["noevent.txt"].message
    assert any("latin1.txt" in w and "not UTF-8" in w for w in warnings)
    assert by_name["latin1.txt"].document["encoding"] in ("latin-1", "cp1252")
    for name in ("post01", "post02", "latin1"):
        assert (tmp_path / "out" / f"{name}.html").is_file()
    for name in ("empty", "binary", "huge", "noevent"):
        assert not (tmp_path / "out" / f"{name}.html").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [("", "empty"), ("Just a title\n", "no body text"), ("\n\n  \n", "empty")],
)
def test_an_original_with_no_body_is_reported_not_checked(
    tmp_path: Path, content: str, reason: str
) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    hollow = tmp_path / "hollow.txt"
    hollow.write_text(content, "utf-8")
    en_args[1] = f"{url(2)}={hollow}"
    result = run_batch(_options(tmp_path, [posts], en_args))
    assert [p.status for p in result.posts] == ["checked", "checked"]
    assert [o.url for o in result.missing] == [url(2)]
    assert reason in (result.missing[0].reason or "")
    assert str(hollow) in (result.missing[0].reason or "")
    event = result.documents[1]["events"][0]
    assert event["source_status"] == "unavailable" and event["alignment"] == []
    assert result.documents[0]["events"][0]["source_status"] == "file"


def test_the_result_counts_events_compared_and_old_reports_are_redone(
    tmp_path: Path, three
) -> None:
    posts, en_args = three
    options = _options(tmp_path, [posts], en_args[:2])  # post03's original is missing
    first = run_batch(options)
    assert (first.result["events_total"], first.result["events_compared"]) == (3, 2)
    assert [d["events_compared"] for d in first.documents] == [1, 1, 0]
    missing = first.documents[2]["events"][0]
    assert missing["compared"] is False and missing["summary"]["counts"] is None

    # A report written before events said whether they were compared is not reused.
    twin = tmp_path / "out" / "post01.json"
    data = json.loads(twin.read_text("utf-8"))
    for key in ("events_total", "events_compared"):
        del data["documents"][0][key]
    twin.write_text(json.dumps(data), "utf-8")
    second = run_batch(options)
    assert _statuses(second) == {
        "post01.txt": "checked",
        "post02.txt": "unchanged",
        "post03.txt": "unchanged",
    }
    assert second.result["events_compared"] == 2
