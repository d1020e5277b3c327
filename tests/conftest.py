"""Shared fixtures: paths to the project and to ../shared (read, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

# One headless Chromium for the whole session, shared by every browser test module (two
# modules importing the fixtures would each start Playwright, which it refuses).
from browser import browser, page_factory  # noqa: F401
from shared_data import absent

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"
SHARED = PROJECT.parent / "shared"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache folder (FIDELITY_CACHE), never the user's real one."""
    root = tmp_path / "user-cache"
    monkeypatch.setenv("FIDELITY_CACHE", str(root))
    return root


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def kremlin_html_dir() -> Path:
    path = SHARED / "kremlin-html"
    if not path.is_dir():
        absent(f"{path} is absent: the real kremlin.ru pages are not available here")
    return path


@pytest.fixture(scope="session")
def bench_dir() -> Path:
    path = SHARED / "bench"
    if not path.is_dir():
        absent(f"{path} is absent: the gold-aligned benchmark data are not available here")
    return path
