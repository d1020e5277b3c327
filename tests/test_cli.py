"""The command line as a whole."""

import subprocess
import sys


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "align.cli", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    for command in ("check", "corpus", "fetch", "align"):
        assert command in done.stdout
