"""The `fidelity` command line. Thin: it parses options and calls library functions.

Every command is a plain function in its own module under `align/commands/`; this module
imports them and registers them in one list, so imports run one way (cli → commands).
To add a command: write the function (its docstring is its help), add one line to COMMANDS.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

import typer
from rich.markup import escape
from typer import _click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from align.commands import (
    align_cmd,
    check_cmd,
    check_pair_cmd,
    corpus_cmd,
    demo_cmd,
    fetch_cmd,
    glossary_cmd,
)

#: (name, function) of every command, in the order `fidelity --help` lists them.
COMMANDS: tuple[tuple[str, Callable[..., Any]], ...] = (
    ("check", check_cmd.check),
    ("check-pair", check_pair_cmd.check_pair),
    ("fetch", fetch_cmd.fetch_command),
    ("corpus", corpus_cmd.corpus),
    ("align", align_cmd.align_command),
    ("demo", demo_cmd.demo),
    ("glossary", glossary_cmd.glossary),
)

# What typer's type labels (`<list[Path]>`, `<bool>`, …) say, in the words of a usage line.
# A label not listed here is shown as typer writes it (a choice list such as beads|json|tsv).
_PLAIN_TYPES = {
    "bool": "",
    "str": "TEXT",
    "path": "PATH",
    "file": "FILE",
    "directory": "FOLDER",
    "int": "N",
    "int range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
}


def plain_type(typer_label: str, *, many: bool) -> str:
    """A readable label for typer's type label: `<list[Path]>` → `PATH ...`, `<bool>` → ``.

    `many`: the parameter takes several values at once (an argument such as PATHS...); a
    repeatable option takes one value each time it is given, so its label has no "...".
    """
    label = typer_label.removeprefix("<").removesuffix(">")
    if label.startswith("list[") and label.endswith("]"):
        label = label.removeprefix("list[").removesuffix("]")
    plain = _PLAIN_TYPES.get(label.lower(), label)
    return f"{plain} ..." if plain and many else plain


class _PlainArgument(TyperArgument):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        return plain_type(self.display_type(ctx), many=self.nargs != 1)


class _PlainOption(TyperOption):
    def display_type_rich(self, ctx: _click.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        if self.is_flag or self.count:
            return ""
        return plain_type(self.display_type(ctx), many=False)


class _PlainHelp(_click.Command):
    """Help in plain text: no Rich markup, readable value labels.

    Help strings are written as the reader should see them: `[reports/]` stays
    `[reports/]` (Rich would swallow it as a markup tag), and the value column says
    PATH, TEXT, N or a metavar such as URL instead of Python types.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = escape(unwrap_paragraphs(self.help))
        if self.short_help:
            self.short_help = escape(self.short_help)
        for param in self.params:
            _make_plain(param)

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        for param in params:  # the --help option is created here, after __init__
            _make_plain(param)
        return params


class PlainHelpCommand(_PlainHelp, TyperCommand):
    """A `fidelity` subcommand (see _PlainHelp)."""


class PlainHelpGroup(_PlainHelp, TyperGroup):
    """The `fidelity` command itself (see _PlainHelp)."""


def unwrap_paragraphs(text: str) -> str:
    """A docstring's paragraphs as single lines, so the help wraps them to the terminal.

    Docstrings are wrapped at the source's width; shown as written, their sentences break
    in mid-line. Blank lines still separate paragraphs, and a line that starts a list item
    (`-`, `*`, `1.`) or is indented keeps its own line.
    """
    paragraphs = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        lines: list[str] = []
        for line in paragraph.splitlines():
            starts_item = re.match(r"\s|[-*•]\s|\d+[.):]\s", line) is not None
            if lines and not starts_item:
                lines[-1] = f"{lines[-1]} {line.strip()}"
            else:
                lines.append(line.rstrip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _make_plain(param: _click.Parameter) -> None:
    if isinstance(param, _PlainArgument | _PlainOption):
        return
    if isinstance(param, TyperArgument):
        param.__class__ = _PlainArgument
    elif isinstance(param, TyperOption):
        param.__class__ = _PlainOption
    else:
        return
    help_text = getattr(param, "help", None)
    if help_text:
        param.help = escape(help_text)  # type: ignore[attr-defined]


app = typer.Typer(
    name="fidelity",
    cls=PlainHelpGroup,
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


for _name, _function in COMMANDS:
    app.command(_name, cls=PlainHelpCommand)(_function)


def _register_commands() -> None:
    """Nothing to do: commands are registered when this module is imported.

    Kept while tests/test_aligner_cli.py still calls it.
    """


def main() -> None:
    app()


if __name__ == "__main__":
    main()
