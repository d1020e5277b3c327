"""The `fidelity glossary` command: a glossary learned from the renderings a corpus uses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from align.commands.guidance import labelled
from align.plural import counted

EXIT_OK, EXIT_INPUT = 0, 2


class ReportsError(Exception):
    """A path that holds no usable report; str() is one line naming it."""


def _report_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.glob("*.json") if not p.name.startswith("."))
        if files:
            return files
        if any(path.rglob("*.txt")):
            raise ReportsError(
                f"{path}: holds posts, not reports: run `fidelity check {path}` first, then"
                " `fidelity glossary` on its report folder"
            )
        raise ReportsError(f"{path}: no report (*.json) in this folder")
    raise ReportsError(f"{path}: no such file or folder")


def read_documents(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The checked documents of report JSON files (or folders of them), each post once."""
    documents: dict[str, dict[str, Any]] = {}
    for given in paths:
        for file in _report_files(Path(given)):
            if file.suffix.lower() == ".txt":
                raise ReportsError(
                    f"{file}: a post, not a report: run `fidelity check` on it first"
                )
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as error:
                raise ReportsError(f"{file}: cannot be read ({error})") from None
            except ValueError as error:
                raise ReportsError(f"{file}: not JSON ({error})") from None
            found = data.get("documents") if isinstance(data, dict) else None
            if not isinstance(found, list):
                raise ReportsError(f'{file}: not a fidelity report (no "documents" list)')
            for document in found:
                if isinstance(document, dict):
                    key = str(document.get("path") or document.get("stem") or file)
                    documents.setdefault(key, document)
    return list(documents.values())


def glossary(
    paths: list[Path] = typer.Argument(
        ...,
        help="Reports of `fidelity check`: JSON files or report folders.",
    ),
    min_count: int = typer.Option(
        3,
        "--min-count",
        min=1,
        metavar="N",
        help="Keep a term whose rendering is found at least N times.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the glossary here [standard output].",
    ),
) -> None:
    """Write a glossary of the renderings the checked posts use consistently.

    Each line is a term, its rendering, and a note with its counts and one example; terms
    whose renderings compete are listed as comments. Edit it, then pass it back with
    `fidelity check --glossary FILE` (format: docs/terminology.md).

    Exit codes: 0 written; 2 a path holds no usable report, or the file cannot be written.
    """
    err = Console(stderr=True, soft_wrap=True, markup=False)
    from align.io import atomic_write_text
    from align.terminology.learn import learn_glossary

    try:
        documents = read_documents(paths)
    except ReportsError as error:
        err.print(labelled("error", "red", str(error)), highlight=False)
        raise typer.Exit(EXIT_INPUT) from None
    learned = learn_glossary(documents, min_count=min_count)
    if output is None:
        typer.echo(learned.text, nl=False)
    else:
        try:
            atomic_write_text(output, learned.text)
        except OSError as error:
            message = f"{output}: cannot be written ({error.strerror or error})"
            err.print(labelled("error", "red", message), highlight=False)
            raise typer.Exit(EXIT_INPUT) from None
    err.print(
        f"{counted(learned.terms, 'term')} with a consistent rendering,"
        f" {counted(learned.mixed, 'term')} with competing renderings (as comments),"
        f" from {counted(len(documents), 'post')}" + (f"; written to {output}" if output else ""),
        highlight=False,
    )
