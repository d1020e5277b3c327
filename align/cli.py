"""The `fidelity` command line. Thin: it parses options and calls library functions."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="fidelity",
    help="Align French translations with their English originals and check their fidelity.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from align import __version__

        typer.echo(f"fidelity {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """Align French translations with their English originals and check their fidelity."""


def _register_commands() -> None:
    # Each command lives in its own module and registers itself on `app` when imported.
    from align.commands import align_cmd, check_cmd, check_pair_cmd, corpus_cmd, fetch_cmd  # noqa: F401


def main() -> None:
    # Run through the importable module: under `python -m align.cli` this file is __main__,
    # a second copy, and the commands register themselves on `align.cli.app`.
    from align import cli

    cli._register_commands()
    cli.app()


if __name__ == "__main__":
    main()
