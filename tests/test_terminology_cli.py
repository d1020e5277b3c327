"""Terminology end to end: `fidelity check --glossary`, fidelity.toml, `fidelity glossary`,
`fidelity check-pair --glossary`, on real kremlin.ru English with faithful and faulty French."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from check_cli_support import _clean_env  # noqa: F401  (autouse: a clean working folder)
from typer.testing import CliRunner

from align.cli import app

URL = "http://en.kremlin.ru/events/president/news/{page}"
TERMS = ("State Duma", "Central Bank", "Investigative Committee", "Eurasian Economic Union")


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def pairs():
    from bench import term_bench

    try:
        chosen = [
            p
            for p in term_bench.load_pairs("tune")
            if any(m.en in TERMS for m in p.mentions) and len(p.mentions) == 1
        ]
        return chosen, {i.pair_id: i for i in term_bench.load_injections("tune")}
    except term_bench.TermDataUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the terminology bench needs ../shared under CI=true: {error}")
        pytest.skip(str(error))


def _write_posts(root: Path, pairs, replace: dict[str, str]) -> list[str]:
    """One post per kremlin page (one event, a paragraph per pair), its English beside it."""
    by_page: dict[str, list] = {}
    for pair in pairs:
        by_page.setdefault(pair.page, []).append(pair)
    (root / "posts").mkdir(parents=True, exist_ok=True)
    (root / "en").mkdir(exist_ok=True)
    en_args = []
    for page, members in by_page.items():
        url = URL.format(page=page)
        lines = ["1°/Réunion de travail – 13 juillet 2023 à 15h05 à Moscou"]
        lines += [replace.get(p.id, p.fr) for p in members] + [url]
        (root / "posts" / f"p{page}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        english = root / "en" / f"{page}.txt"
        english.write_text("Working meeting\n\n" + "\n\n".join(p.en for p in members) + "\n")
        en_args += ["--en", f"{url}={english}"]
    return en_args


def _terminology(reports: Path) -> list[dict]:
    found = []
    for path in sorted(reports.glob("[!.]*.json")):  # not the state and cache files
        for document in json.loads(path.read_text("utf-8"))["documents"]:
            for event in document["events"]:
                found += [f for f in event["findings"] if f["type"] == "terminology"]
    return found


@pytest.mark.slow
def test_check_with_a_glossary_then_learn_one_and_pass_it_back(tmp_path: Path, pairs) -> None:
    chosen, injections = pairs
    synonym = injections["tt-040"]  # "Banque centrale" → "Banque de Russie"
    en_args = _write_posts(tmp_path, chosen, {synonym.pair_id: synonym.fr_corrupted})
    glossary = tmp_path / "house.tsv"
    glossary.write_text(
        "State Duma\tDouma d’État\nCentral Bank\n"  # the second line has no rendering
        "Central Bank\tBanque centrale\n",
        "utf-8",
    )
    (tmp_path / "fidelity.toml").write_text('glossary = "house.tsv"\n', "utf-8")
    code, _, err = _invoke("check", "posts", *en_args, "--offline", "--out", "reports")
    assert code == 0, err
    assert f"{glossary.name}:2: no tab between the English term" in err
    assert "terminology: 1 finding across the checked posts" in err
    (finding,) = _terminology(tmp_path / "reports")
    assert finding["message"].startswith("'Central Bank' should be 'Banque centrale'")
    assert "Banque de Russie" in finding["message"]
    assert finding["details"]["glossary"]["line"] == 3

    # the glossary learned from the reports, edited by nobody, is accepted back
    code, _, err = _invoke("glossary", "reports", "--min-count", "3", "-o", "learned.tsv")
    assert code == 0, err
    learned = (tmp_path / "learned.tsv").read_text("utf-8")
    lines = {line.split("\t")[0]: line.split("\t") for line in learned.splitlines() if "\t" in line}
    assert lines["State Duma"][1] == "Douma d’État"
    assert lines["Investigative Committee"][1] == "Comité d’enquête"
    assert "of" in lines["State Duma"][3] and "e.g." in lines["State Duma"][3]
    code, _, err = _invoke(
        "check", "posts", *en_args, "--offline", "--out", "reports", "--glossary", "learned.tsv"
    )
    assert code == 0, err
    assert "learned.tsv:" not in err  # no bad line
    assert "0 posts read" in err  # nothing to redo but the terminology
    findings = _terminology(tmp_path / "reports")
    assert [f["details"]["term"] for f in findings] == ["Central Bank"]


def test_a_missing_glossary_stops_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text("1°/Titre\nUn texte.\n", "utf-8")
    code, _, err = _invoke("check", "post.txt", "--glossary", "nope.tsv", "--offline")
    assert code == 2
    assert "nope.tsv: no such file" in err


def test_the_glossary_command_wants_reports_not_posts(tmp_path: Path) -> None:
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "post.txt").write_text("1°/Titre\nUn texte.\n", "utf-8")
    code, _, err = _invoke("glossary", "posts")
    assert code == 2
    assert "posts: holds posts, not reports: run `fidelity check posts` first" in err
    (tmp_path / "bad.json").write_text("[1, 2]", "utf-8")
    code, _, err = _invoke("glossary", "bad.json")
    assert code == 2 and 'bad.json: not a fidelity report (no "documents" list)' in err


@pytest.mark.slow
def test_check_pair_applies_the_glossary(tmp_path: Path, pairs) -> None:
    chosen, injections = pairs
    english_left = injections["tt-030"]  # "la State Duma"
    pair = next(p for p in chosen if p.id == english_left.pair_id)
    (tmp_path / "fr.txt").write_text(f"Réunion\n\n{english_left.fr_corrupted}\n", "utf-8")
    (tmp_path / "en.txt").write_text(f"Meeting\n\n{pair.en}\n", "utf-8")
    (tmp_path / "g.tsv").write_text("State Duma\tDouma d’État\n", "utf-8")
    code, _, err = _invoke(
        "check-pair", "fr.txt", "en.txt", "--glossary", "g.tsv", "--format", "json", "-o", "out"
    )
    assert code == 0, err
    (finding,) = _terminology(tmp_path / "out")
    assert "left in English ('State Duma')" in finding["message"]
