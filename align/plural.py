"""Counts in words, for messages a reviewer reads: "1 event", "2 events", never "event(s)"."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`number` with its noun in the right number ("1 event", "0 originals", "2 entries")."""
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"
