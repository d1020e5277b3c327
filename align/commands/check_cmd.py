"""The `fidelity check` command: the main job, over files or folders of French posts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from align.cli import app
from align.config import ConfigError, Settings, load_settings
from align.model import SEVERITY_RANK, Severity

if TYPE_CHECKING:
    from align.batch import BatchOptions, BatchResult

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

HOW_TO_SUPPLY = """\
How to supply the missing originals:
  - on a machine that reaches kremlin.ru: fidelity fetch corpus/   (then re-run offline)
  - through a mirror or proxy: --mirror URL, or --base-url URL / FIDELITY_BASE_URL
  - from a page saved in your browser: fidelity fetch --from-file page.html --url URL
  - for one run only: fidelity check … --en URL=FILE   (saved page or plain text)"""


class _RichProgress:
    """Progress of the batch's stages as rich bars on stderr."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bar = RichProgress(
            TextColumn("{task.description:<6}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[label]}", style="dim"),
            console=console,
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def stage(self, name: str, total: int) -> None:
        self.tasks[name] = self.bar.add_task(name, total=total, label="")

    def advance(self, name: str, label: str = "") -> None:
        self.bar.update(self.tasks[name], advance=1, label=label[-50:])

    def warn(self, message: str) -> None:
        self.console.print(f"[yellow]warning[/]: {message}", highlight=False)


def _parse_en(values: list[str]) -> tuple[tuple[str, Path], ...]:
    pairs = []
    for value in values:
        url, sep, file = value.partition("=")
        if not sep or not url or not file:
            raise typer.BadParameter(f"expected URL=FILE, got {value!r}", param_hint="--en")
        if not Path(file).is_file():
            raise typer.BadParameter(f"{file}: no such file", param_hint="--en")
        pairs.append((url, Path(file)))
    return tuple(pairs)


def _summary_table(outcome: BatchResult) -> Table:
    table = Table(title="fidelity check", show_lines=False)
    for column in ("post", "status", "events", "originals", "high", "medium", "low", "info"):
        table.add_column(column, justify="left" if column in ("post", "status") else "right")
    for post in outcome.posts:
        document = post.document
        if document is None:
            table.add_row(post.path.name, f"[red]error[/]: {post.message}", "", "", "", "", "", "")
            continue
        events = document["events"]
        have = sum(1 for e in events if e["original"] is not None)
        cited = sum(1 for e in events if e["source_url"])
        severities = {s: 0 for s in ("high", "medium", "low", "info")}
        for event in events:
            for finding in event["findings"]:
                if not finding.get("ignored"):
                    severities[finding["severity"]] += 1
        table.add_row(
            post.path.name,
            post.status,
            str(len(events)),
            f"{have}/{cited}",
            *(str(severities[s]) for s in ("high", "medium", "low", "info")),
        )
    return table


@app.command("check")
def check(
    paths: list[Path] = typer.Argument(..., help="French posts: files or folders of *.txt."),
    out: Path | None = typer.Option(None, "--out", "-o", help="Report folder [reports/]."),
    offline: bool = typer.Option(False, "--offline", help="Never touch the network."),
    mirror: list[str] = typer.Option([], "--mirror", help="Mirror base URL (repeatable)."),
    base_url: str | None = typer.Option(
        None, "--base-url", help="Replace the site's base URL (also FIDELITY_BASE_URL)."
    ),
    en: list[str] = typer.Option(
        [], "--en", help="URL=FILE: the original of the event citing URL (repeatable)."
    ),
    encoder: str | None = typer.Option(None, "--encoder", help="use | st:<name-or-path>."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Posts in parallel."),
    ignore: Path | None = typer.Option(None, "--ignore", help="Ignore file of finding ids."),
    fail_on: str | None = typer.Option(
        None, "--fail-on", help="Exit 1 when findings at or above high|medium|low remain."
    ),
    force: bool = typer.Option(False, "--force", help="Redo every post, even unchanged ones."),
    config: Path | None = typer.Option(
        None, "--config", help="Settings file [fidelity.toml or pyproject [tool.fidelity]]."
    ),
) -> None:
    """Align every event with its English original, check it, write HTML + JSON reports.

    Exit codes: 0 done; 1 findings at or above --fail-on remain; 2 usage or input error
    (a post could not be read — the others are still checked — or nothing could be done).
    """
    err = Console(stderr=True, soft_wrap=True)
    try:
        settings = load_settings(explicit=config) if config else load_settings()
    except ConfigError as error:
        err.print(f"[red]error[/]: {error}", highlight=False)
        raise typer.Exit(EXIT_INPUT) from None
    if fail_on is not None and fail_on not in ("high", "medium", "low"):
        raise typer.BadParameter("must be high, medium or low", param_hint="--fail-on")
    options = _options(
        settings, paths, out, offline, mirror, base_url, en, encoder, jobs, ignore, force
    )
    threshold = fail_on or settings.fail_on
    for path in options.paths:
        if not path.exists():
            err.print(f"[red]error[/]: {path}: no such file or folder", highlight=False)
            raise typer.Exit(EXIT_INPUT)

    # Imported here so that `fidelity --help` and the other commands start fast.
    from align.batch import BatchError, run_batch
    from align.embed.base import EncoderError
    from align.pipeline import worst_severity
    from align.report import ReportError

    progress = _RichProgress(err)
    try:
        with progress.bar:
            outcome = run_batch(options, progress)
    except (BatchError, EncoderError, ReportError, OSError) as error:
        err.print(f"[red]error[/]: {error}", highlight=False)
        raise typer.Exit(EXIT_INPUT) from None
    except ValueError as error:  # e.g. a bad ignore file or encoder spec
        err.print(f"[red]error[/]: {error}", highlight=False)
        raise typer.Exit(EXIT_INPUT) from None

    Console().print(_summary_table(outcome))
    unchanged = sum(1 for p in outcome.posts if p.status == "unchanged")
    if unchanged:
        err.print(f"{unchanged} post(s) unchanged since the last run, kept (use --force to redo)")
    if outcome.missing:
        err.print(f"\n{len(outcome.missing)} original(s) missing:", highlight=False)
        for original in outcome.missing:
            err.print(f"  {original.url}: {original.reason or original.status}", highlight=False)
        err.print(HOW_TO_SUPPLY, highlight=False)
    index = options.out_dir / "index.html"
    err.print(f"\nReports: {index}", highlight=False)

    errors = [p for p in outcome.posts if p.status == "error"]
    if errors:
        raise typer.Exit(EXIT_INPUT)
    worst = worst_severity(outcome.documents)
    if threshold and worst and SEVERITY_RANK[worst] >= SEVERITY_RANK[Severity(threshold)]:
        err.print(f"findings at or above {threshold} remain (worst: {worst})")
        raise typer.Exit(EXIT_FINDINGS)


def _options(
    settings: Settings,
    paths: list[Path],
    out: Path | None,
    offline: bool,
    mirror: list[str],
    base_url: str | None,
    en: list[str],
    encoder: str | None,
    jobs: int | None,
    ignore: Path | None,
    force: bool,
) -> BatchOptions:
    ignore_file = ignore or settings.ignore
    if ignore_file is not None and not ignore_file.is_file():
        raise typer.BadParameter(f"{ignore_file}: no such file", param_hint="--ignore")
    from align.batch import BatchOptions

    return BatchOptions(
        paths=tuple(paths),
        out_dir=out or settings.out,
        encoder_spec=encoder or settings.encoder,
        cache_dir=settings.cache_dir,
        offline=offline or settings.offline,
        base_url=base_url or settings.base_url,
        mirrors=tuple(mirror) or settings.mirrors,
        en_files=_parse_en(en),
        ignore_file=ignore_file,
        jobs=jobs or settings.jobs,
        force=force,
        thresholds=settings.thresholds,
    )
