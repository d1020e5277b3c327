"""The `fidelity demo` command: the worked example, offline, with real findings."""

from __future__ import annotations

from pathlib import Path

import typer

from align.demo import DEFAULT_OUTPUT, TEXTS_FOLDER, nothing_compared, run_demo, source
from align.report import ReportError

EXIT_OK, EXIT_ERROR = 0, 2


def demo(
    output: Path = typer.Option(
        DEFAULT_OUTPUT, "--output", "-o", metavar="FOLDER", help="Report folder [reports/demo]."
    ),
    if_nothing_compared: Path | None = typer.Option(
        None,
        "--if-nothing-compared",
        metavar="FOLDER",
        hidden=True,
        help="Only when no event of the reports in FOLDER was compared (used by make report).",
    ),
) -> None:
    """Check the worked example offline: a real kremlin.ru page and a French translation
    written for it with deliberate errors. Writes its report and a copy of both texts.

    The English original is © kremlin.ru, published under CC BY 4.0.
    """
    if if_nothing_compared is not None and not nothing_compared(if_nothing_compared):
        return
    info = source()
    typer.echo(
        f"Worked example: {info['title']} ({info['url']}, © kremlin.ru, {info['licence']}),"
        " and a French translation written for it with deliberate errors."
    )
    try:
        run = run_demo(output)
    except (ReportError, OSError, RuntimeError) as error:
        typer.echo(f"error: {' '.join(str(error).split())}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    found = [error for error, finding in run.found if finding is not None]
    typer.echo(
        f"{len(found)} of {len(run.found)} planted errors reported"
        f" (the list: {output / TEXTS_FOLDER / 'errors.tsv'})."
    )
    for error, finding in run.found:
        mark = "found  " if finding is not None else "missed "
        typer.echo(f"  {mark} {error.type:<17} {error.note}")
    if if_nothing_compared is not None:
        typer.echo(
            f"No event of {if_nothing_compared}/ could be compared with its English original;"
            " this example shows what a report with findings looks like."
        )
    typer.echo(f"Open {run.index} (the texts are in {output / TEXTS_FOLDER}/).")
