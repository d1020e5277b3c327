"""The `fidelity corpus` command: what the reader finds in each post."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from align.corpus import CorpusError, iter_posts
from align.corpus.summary import corpus_summary, render_text
from align.model import Post


def corpus(
    paths: list[Path] = typer.Argument(
        ..., help="Post files (.txt) or folders of posts (read recursively, hidden ones skipped)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document instead of text."),
) -> None:
    """List each post's events: number, title, date/time/place, cited URLs, blocks by kind.

    A file that cannot be read is named on stderr; a post's warnings are listed under it
    (with --json, inside the JSON and on stderr). Exit code 1 only when no file could be read.
    """
    results: list[Post | CorpusError] = []
    for result in iter_posts(paths):
        results.append(result)
        if isinstance(result, CorpusError):
            typer.echo(f"error: {result}", err=True)
        elif as_json:  # the text listing shows each post's warnings under its name
            for warning in result.warnings:
                typer.echo(f"warning: {result.path}: {warning}", err=True)
    summary = corpus_summary(results)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(summary))
    if not summary["posts"]:
        raise typer.Exit(code=1)
