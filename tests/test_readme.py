"""Every command of the README's shell blocks runs as written.

The `fidelity …` lines run in a scratch folder holding the files they name (the project's
corpus, a saved English original, the worked example's two texts, an ignore file) with the
installed `fidelity` on PATH; a `fidelity.toml` there keeps them offline and their caches
inside the folder. `make …` lines name a target of the Makefile that runs `fidelity` (or,
for `make test`, the test suite).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
README = PROJECT / "README.md"
BIN = Path(sys.executable).parent
#: Exit statuses a command may end with, by an option it carries: with --fail-on, findings
#: (1) or originals that could not be obtained offline (3) are the point of the example.
EXPECTED_EXIT = {"--fail-on": {0, 1, 3}}
#: What a command that did not run "as written" prints.
BROKEN = re.compile(r"No such (option|command)|Usage: fidelity|Missing argument|no such file")


def shell_lines(markdown: str) -> list[str]:
    """The command lines of the ```sh blocks (comments and blank lines left out)."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", markdown, flags=re.S):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


COMMANDS = shell_lines(README.read_text(encoding="utf-8"))


def test_the_readme_has_commands_and_no_development_data():
    text = README.read_text(encoding="utf-8")
    assert len(COMMANDS) >= 10
    assert any(c.startswith("fidelity check-pair") for c in COMMANDS)
    assert "../shared" not in text  # development data lives in docs/development.md only
    assert len(text.splitlines()) < 200
    assert (PROJECT / "docs" / "demo-report.png").is_file() and "docs/demo-report.png" in text
    for link in re.findall(r"\]\((docs/[^)#]+)", text):
        assert (PROJECT / link).is_file(), link


def test_every_documentation_page_the_index_lists_exists_or_is_announced():
    index = (PROJECT / "docs" / "index.md").read_text(encoding="utf-8")
    pages = re.findall(r"\]\(([a-z-]+\.md)\)", index)
    assert {"batch.md", "report.md", "checks.md", "benchmarks.md", "development.md"} <= set(pages)
    # words.md and terminology.md are written by the word-level and terminology work
    missing = [p for p in pages if not (PROJECT / "docs" / p).is_file()]
    assert set(missing) <= {"words.md", "terminology.md"}, missing


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("make ")])
def test_make_targets_exist_and_run_fidelity(command):
    target = command.split()[1]
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, flags=re.M)
    assert recipe, f"no target {target} in the Makefile"
    # the test target runs the suite; every other target the README names runs fidelity
    assert ("pytest" if target == "test" else "fidelity ") in recipe.group(1)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(PROJECT / "corpus", folder / "corpus", ignore=shutil.ignore_patterns(".*"))
    shutil.copyfile(PROJECT / "tests/data/originals/71665.txt", folder / "saved.html")
    shutil.copyfile(PROJECT / "align/demo/turkstream.fr.txt", folder / "traduction.txt")
    shutil.copyfile(PROJECT / "align/demo/turkstream.en.txt", folder / "original.txt")
    for side in ("fr", "en"):  # `fidelity align fr/ en/`: files paired by name
        (folder / side).mkdir()
        shutil.copyfile(
            PROJECT / f"align/demo/turkstream.{side}.txt", folder / side / "turkstream.txt"
        )
    ignore = {"tool": "fidelity", "ignored": []}
    (folder / "fidelity-ignore.json").write_text(json.dumps(ignore), encoding="utf-8")
    (folder / "fidelity.toml").write_text('offline = true\ncache_dir = "cache"\n')
    return folder


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("fidelity")])
def test_fidelity_commands_run_as_written(command, scratch):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("FIDELITY_CACHE", None)
    done = subprocess.run(
        shlex.split(command),
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    allowed = {0}
    for option, codes in EXPECTED_EXIT.items():
        if option in command:
            allowed = codes
    assert done.returncode in allowed, output[-2000:]
    if "--help" not in command:  # a help text shows its usage line on purpose
        assert not BROKEN.search(output), output[-2000:]
    else:
        assert "check-pair" in output and "demo" in output
