"""What the `fidelity check` CLI tests share: a clean environment, a local site, a runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kremlin_server import KremlinServer
from typer.testing import CliRunner

from align.cli import app


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FIDELITY_BASE_URL", raising=False)
    monkeypatch.delenv("FIDELITY_MIRRORS", raising=False)
    # Settings are looked up from the working folder; the project's own must not leak in.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'scratch'\n", "utf-8")


@pytest.fixture
def server() -> Iterator[KremlinServer]:
    running = KremlinServer()
    yield running
    running.close()


def run_check(*args: str) -> tuple[int, str, str]:
    """`fidelity check ARGS` in-process; an unexpected exception fails the test."""
    result = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def en_options(en_args: list[str]) -> list[str]:
    return [item for value in en_args for item in ("--en", value)]
