"""The one error the corpus reader raises: a file that could not be read at all."""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """A corpus file that could not be read; `str()` is one line: "<path>: <problem>"."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = Path(path)
        # One line whatever the cause: messages from the OS may carry newlines.
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{self.path}: {self.problem}")
