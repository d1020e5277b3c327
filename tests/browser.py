"""Headless Chromium for the report's browser tests (Debian's `chromium`, driven by playwright).

Import the fixtures from a test module: `from tests.browser import browser, page_factory`.
Playwright never downloads a browser here: it launches the system Chromium. Where none is
installed the tests skip with a clear message, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests need Chromium under CI=true: {reason}")
    pytest.skip(f"browser tests skipped: {reason} (install it with `make chromium`)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _unavailable("no chromium executable found (looked at $CHROMIUM, /usr/bin/chromium, PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as pw:
        try:
            instance = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as err:  # a broken install must read as one line, not a traceback
            _unavailable(f"chromium at {executable} did not start: {str(err).splitlines()[0]}")
        yield instance
        instance.close()


@dataclass
class PageWatch:
    """A page plus what it did: every request, console error, page error and dialog."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def page_factory(browser: Any) -> Iterator[Any]:
    """`open(url)` -> PageWatch, each in a fresh context (fresh localStorage, downloads on)."""
    contexts = []

    def open_page(url: str, **context_options: Any) -> PageWatch:
        context = browser.new_context(accept_downloads=True, **context_options)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page)
        page.on("request", lambda request: watch.requests.append(request.url))
        page.on(
            "console",
            lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda err: watch.page_errors.append(str(err)))

        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url, wait_until="load")
        return watch

    yield open_page
    for context in contexts:
        context.close()
