"""The `fidelity check` command: the main job, over files or folders of French posts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from align.commands.guidance import how_to_supply_originals, labelled
from align.config import (
    SEVERITY_NAMES,
    ConfigError,
    Settings,
    legacy_cache_note,
    load_settings,
)
from align.model import SEVERITY_RANK, Severity
from align.plural import counted
from fetch.config import cache_root

if TYPE_CHECKING:
    from align.batch import BatchOptions, BatchResult

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_NOT_COMPARED = 0, 1, 2, 3
SEVERITIES = ("high", "medium", "low", "info")


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
        self.console.print(labelled("warning", "yellow", message), highlight=False)


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


def post_state(document: dict[str, Any]) -> str:
    """Whether a post's events were compared with their originals, in the reviewer's words."""
    events = document["events"]
    compared = sum(1 for e in events if e.get("compared"))
    if events and compared == len(events):
        return "checked"
    if compared:
        return "partly checked"
    if events and all(e.get("source_status") == "no-source" for e in events):
        return "not checked — no source cited"
    return "not checked — no original"


def _summary_table(outcome: BatchResult) -> Table:
    table = Table(title="fidelity check", show_lines=False)
    for column in ("post", "status", "events compared", *SEVERITIES):
        table.add_column(column, justify="left" if column in ("post", "status") else "right")
    for post in outcome.posts:
        document = post.document
        if document is None:
            error = Text("error (below)", style="red")
            table.add_row(Text(post.path.name), error, *[""] * (1 + len(SEVERITIES)))
            continue
        events = document["events"]
        compared = [e for e in events if e.get("compared")]
        severities = dict.fromkeys(SEVERITIES, 0)
        for event in compared:
            for finding in event["findings"]:
                if not finding.get("ignored"):
                    severities[finding["severity"]] += 1
        state = post_state(document)
        if post.status == "unchanged":
            state += " · unchanged"
        table.add_row(
            Text(post.path.name),
            Text(state, style="" if compared else "yellow"),
            f"{len(compared)} of {len(events)}",
            # Nothing compared: nothing was counted, which is not the same as zero findings.
            *(str(severities[s]) if compared else "—" for s in SEVERITIES),
        )
    return table


def compared_line(documents: list[dict[str, Any]]) -> str:
    """The run's last word: how many events were compared with an English original."""
    events = [e for document in documents for e in document["events"]]
    compared = sum(1 for e in events if e.get("compared"))
    line = f"{compared} of {counted(len(events), 'event')} compared with an English original"
    if compared == len(events):
        return line + "."
    no_source = sum(
        1 for e in events if not e.get("compared") and e["source_status"] == "no-source"
    )
    no_original = len(events) - compared - no_source
    reasons = [f"{no_original} without an original", f"{no_source} without a cited source"]
    reasons = [r for r in reasons if not r.startswith("0 ")]
    unchecked = "nothing was checked" if compared == 0 else "the others were not checked"
    return f"{line}: {unchecked} ({', '.join(reasons)})."


def check(
    paths: list[Path] = typer.Argument(..., help="French posts: files or folders of *.txt."),
    out: Path | None = typer.Option(
        None, "--out", "-o", metavar="FOLDER", help="Report folder [reports/]."
    ),
    offline: bool | None = typer.Option(
        None, "--offline/--online", help="Never touch the network (cache and --en only)."
    ),
    mirror: list[str] = typer.Option(
        [], "--mirror", metavar="URL", help="Mirror base URL (repeatable)."
    ),
    base_url: str | None = typer.Option(
        None,
        "--base-url",
        metavar="URL",
        help="Replace the site's base URL (also FIDELITY_BASE_URL).",
    ),
    en: list[str] = typer.Option(
        [],
        "--en",
        metavar="URL=FILE",
        help="FILE is the original of the event citing URL (repeatable).",
    ),
    encoder: str | None = typer.Option(
        None,
        "--encoder",
        metavar="ENCODER",
        help="use (built in) or st:<name-or-path> (sentence-transformers).",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Posts in parallel [one per core, at most 4]."
    ),
    ignore: Path | None = typer.Option(
        None, "--ignore", metavar="FILE", help="Ignore file of finding ids."
    ),
    glossary: Path | None = typer.Option(
        None,
        "--glossary",
        metavar="FILE",
        help="Terminology glossary: English term, accepted French (docs/terminology.md).",
    ),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        metavar="high|medium|low",
        help="Exit 1 when findings of this severity or above remain, 3 when a cited original"
        " is missing or nothing was compared (for CI).",
    ),
    require_originals: bool = typer.Option(
        False,
        "--require-originals",
        help="Exit 3 when any event could not be compared (no original, or no source cited).",
    ),
    force: bool = typer.Option(False, "--force", help="Redo every post, even unchanged ones."),
    cache: Path | None = typer.Option(
        None,
        "--cache",
        metavar="FOLDER",
        help="Cache folder for originals and embeddings"
        " [cache_dir of fidelity.toml, else FIDELITY_CACHE, else the user cache].",
    ),
    config: Path | None = typer.Option(
        None,
        "--config",
        metavar="FILE",
        help="Settings file [fidelity.toml, or pyproject.toml].",
    ),
) -> None:
    """Align every event with its English original, check it, write HTML + JSON reports.

    Posts unchanged since the last run (same text, originals, encoder, settings and tool
    version) are kept, not redone; --force redoes them. Options not given come from
    fidelity.toml or [tool.fidelity] in pyproject.toml, then the built-in defaults.

    An event is compared when its English original could be obtained; the others are
    listed as "not checked", without counts, and the last line says how many were compared.

    Exit codes:
    0: done; no finding at or above --fail-on remains (always 0 without --fail-on or
    --require-originals).
    1: findings at or above --fail-on remain.
    2: usage or input error: a bad option or settings file, a post that could not be read
    (the others are still checked), or reports that could not be written.
    3: not everything could be compared: with --fail-on, a cited original could not be
    obtained or no event at all was compared (nothing compared is not a pass); with
    --require-originals, any event was not compared, its source cited or not.
    When several apply, 2 comes first, then 1, then 3.
    """
    err = Console(stderr=True, soft_wrap=True, markup=False)
    try:
        settings = load_settings(explicit=config) if config else load_settings()
    except ConfigError as error:
        err.print(labelled("error", "red", str(error)), highlight=False)
        raise typer.Exit(EXIT_INPUT) from None
    if fail_on is not None and fail_on not in SEVERITY_NAMES:
        raise typer.BadParameter("must be high, medium or low", param_hint="--fail-on")
    options = _options(
        settings, paths, out, offline, mirror, base_url, en, encoder, jobs, ignore, force, cache
    )
    options = _with_glossary(options, glossary or settings.glossary)
    threshold = fail_on or settings.fail_on
    for path in options.paths:
        if not path.exists():
            err.print(labelled("error", "red", f"{path}: no such file or folder"), highlight=False)
            raise typer.Exit(EXIT_INPUT)

    # Imported here so that `fidelity --help` and the other commands start fast.
    from align.batch import BatchError, run_batch
    from align.embed.base import EncoderError

    progress = _RichProgress(err)
    try:
        with progress.bar:
            outcome = run_batch(options, progress)
    except (BatchError, EncoderError, OSError, ValueError) as error:
        # ValueError: a bad ignore file; OSError: a cache or report folder not writable.
        err.print(labelled("error", "red", _one_line(error)), highlight=False)
        raise typer.Exit(EXIT_INPUT) from None
    except KeyboardInterrupt:
        err.print("interrupted: finished posts are kept; re-run to do the rest")
        raise typer.Exit(130) from None

    Console(markup=False).print(_summary_table(outcome))
    unchanged = sum(1 for p in outcome.posts if p.status == "unchanged")
    done = sum(1 for p in outcome.posts if p.status == "checked")
    err.print(
        f"{counted(done, 'post')} read, {unchanged} unchanged since the last run and kept"
        + (" (--force redoes them)" if unchanged else ""),
        highlight=False,
    )
    for post in outcome.errors:
        err.print(labelled("error", "red", f"{post.path}: {post.message}"), highlight=False)
    if outcome.missing:
        err.print(f"\n{counted(len(outcome.missing), 'original')} missing:", highlight=False)
        for original in outcome.missing:
            err.print(f"  {original.url}: {original.reason or original.status}", highlight=False)
        err.print(how_to_supply_originals(options.cache_dir / "originals"), highlight=False)
    for note in outcome.terminology_notes:
        err.print(note, highlight=False)
    index = options.out_dir / "index.html"
    err.print(f"\nReports: {index}", highlight=False)
    err.print(f"Caches: {options.cache_dir} (originals, embeddings)", highlight=False)
    note = legacy_cache_note(options.cache_dir)
    if note:
        err.print(note, highlight=False)

    code, reason = exit_decision(outcome, threshold, require_originals)
    if reason:
        err.print(reason, highlight=False)
    # Last, so that it is the line a reviewer sees: how much was compared at all.
    documents = outcome.documents
    line = compared_line(documents)
    everything = all(e.get("compared") for d in documents for e in d["events"])
    err.print(line, style=None if everything else "yellow", highlight=False)
    if code != EXIT_OK:
        raise typer.Exit(code)


def exit_decision(
    outcome: BatchResult, threshold: str | None, require_originals: bool
) -> tuple[int, str | None]:
    """The exit code of a finished run and the line that explains it (None for 0)."""
    from align.pipeline import worst_severity

    if outcome.errors:
        return EXIT_INPUT, None  # each error is already printed
    worst = worst_severity(outcome.documents)
    if threshold and worst and SEVERITY_RANK[worst] >= SEVERITY_RANK[Severity(threshold)]:
        return EXIT_FINDINGS, f"findings at or above {threshold} remain (worst: {worst})"
    events = [e for d in outcome.documents for e in d["events"]]
    not_compared = sum(1 for e in events if not e.get("compared"))
    if require_originals and not_compared:
        return EXIT_NOT_COMPARED, (
            f"--require-originals: {counted(not_compared, 'event')} could not be compared"
        )
    if threshold and outcome.missing:
        return EXIT_NOT_COMPARED, (
            f"--fail-on {threshold}: {counted(len(outcome.missing), 'cited original')} could"
            " not be obtained, so their translations were not checked"
        )
    if threshold and events and not_compared == len(events):
        return EXIT_NOT_COMPARED, f"--fail-on {threshold}: no event could be compared"
    return EXIT_OK, None


def _with_glossary(options: BatchOptions, glossary: Path | None) -> BatchOptions:
    if glossary is not None and not glossary.is_file():
        raise typer.BadParameter(f"{glossary}: no such file", param_hint="--glossary")
    from dataclasses import replace

    return replace(options, glossary_file=glossary)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _options(
    settings: Settings,
    paths: list[Path],
    out: Path | None,
    offline: bool | None,
    mirror: list[str],
    base_url: str | None,
    en: list[str],
    encoder: str | None,
    jobs: int | None,
    ignore: Path | None,
    force: bool,
    cache: Path | None = None,
) -> BatchOptions:
    ignore_file = ignore or settings.ignore
    if ignore_file is not None and not ignore_file.is_file():
        raise typer.BadParameter(f"{ignore_file}: no such file", param_hint="--ignore")
    from align.batch import BatchOptions

    return BatchOptions(
        paths=tuple(paths),
        out_dir=out or settings.out,
        encoder_spec=encoder or settings.encoder,
        cache_dir=cache_root(cache, configured=settings.cache_dir),
        offline=settings.offline if offline is None else offline,
        base_url=base_url or settings.base_url,
        mirrors=tuple(mirror) or settings.mirrors,
        en_files=_parse_en(en),
        ignore_file=ignore_file,
        jobs=jobs or settings.jobs,
        force=force,
        thresholds=settings.thresholds,
    )
