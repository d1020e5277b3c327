"""What a test does when data from ../shared is not there."""

from __future__ import annotations

import os

import pytest


def absent(message: str) -> None:
    """Skip on a developer's machine; FAIL under CI=true, where the data must be there (a
    skipped test would pass silently)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: the data must be there)", pytrace=False)
    pytest.skip(message)
