"""The command line as a whole."""

import subprocess
import sys


def test_cli_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "align.cli", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0
    for command in ("check", "corpus", "fetch", "align"):
        assert command in done.stdout


def _help(*command: str) -> str:
    from typer.testing import CliRunner

    from align.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_registered_once_from_one_list() -> None:
    from align.cli import COMMANDS, app

    names = [name for name, _ in COMMANDS]
    assert len(names) == len(set(names))
    assert sorted(info.name for info in app.registered_commands) == sorted(names)
    listing = _help()
    for name in names:
        assert name in listing


def test_command_modules_do_not_import_the_cli() -> None:
    # Imports run one way: align.cli imports the commands, never the reverse.
    import ast
    from pathlib import Path

    commands = Path(__file__).resolve().parents[1] / "align" / "commands"
    for module in commands.glob("*.py"):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "align.cli", module.name
                assert not (node.module == "align" and any(a.name == "cli" for a in node.names))


def test_bracketed_help_text_is_shown_as_written() -> None:
    check = _help("check")
    assert "Posts in parallel [one per core, at most 4]." in check
    assert "Report folder [reports/]." in check
    assert "[tool.fidelity] in pyproject.toml" in " ".join(check.split())  # wrapped anywhere
    assert "\\[" not in check
    assert "beads: [ids in A]:[ids in B]" in _help("align")


def test_value_labels_are_words_not_python_types() -> None:
    from align.cli import COMMANDS

    for name in ["", *(name for name, _ in COMMANDS)]:
        text = _help(name) if name else _help()
        for python_type in ("<bool>", "<str>", "<path>", "<int", "<float", "list[", "<list"):
            assert python_type not in text, (name, python_type)
    check = _help("check")
    assert "PATH ..." in check  # the posts argument takes several paths
    assert "URL=FILE" in check


def test_plain_type_labels() -> None:
    from align.cli import plain_type

    assert plain_type("<list[Path]>", many=True) == "PATH ..."
    assert plain_type("<list[str]>", many=False) == "TEXT"
    assert plain_type("<bool>", many=False) == ""
    assert plain_type("<int range>", many=False) == "N"
    assert plain_type("<beads|json|tsv>", many=False) == "beads|json|tsv"


def test_help_paragraphs_are_unwrapped_but_list_items_keep_their_lines() -> None:
    from align.cli import unwrap_paragraphs

    doc = """Summary line.

    A sentence wrapped at the
    source's width goes on here.

    Exit codes:
    0: done, and a reason wrapped
    onto a second line.
    1: findings remain.
    - an item
    """
    assert unwrap_paragraphs(doc).split("\n") == [
        "Summary line.",
        "",
        "A sentence wrapped at the source's width goes on here.",
        "",
        "Exit codes:",
        "0: done, and a reason wrapped onto a second line.",
        "1: findings remain.",
        "- an item",
    ]


def test_command_help_does_not_break_sentences_mid_line() -> None:
    from typer.testing import CliRunner

    from align.cli import app

    result = CliRunner().invoke(app, ["glossary", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # the docstring wraps "one\n    example; terms"; at 200 columns it must read on one line
    assert "one example; terms whose renderings compete" in result.output
