"""The `fidelity fetch` command: obtain the English originals the corpus cites, and cache them."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from align.commands.guidance import how_to_supply_originals, labelled
from align.config import ConfigError, load_settings
from align.plural import counted
from fetch import (
    OBTAINED,
    FetchConfig,
    Fetcher,
    FetchOutcome,
    UrlError,
    find_kremlin_urls,
    normalise_url,
)
from fetch.config import ORIGINALS, cache_root

EXIT_OK, EXIT_SOME_MISSING, EXIT_USAGE = 0, 1, 2

STATUS_STYLE = {
    "cached": "green",
    "fetched": "green",
    "mirror": "green",
    "wayback": "green",
    "file": "green",
    "failed": "red",
    "missing": "yellow",
}


def _usage_error(console: Console, message: str) -> typer.Exit:
    console.print(labelled("error", "red", message), highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def _looks_like_url(target: str) -> bool:
    return "://" in target or "kremlin.ru" in target.lower()


def _scan(path: Path) -> list[str]:
    """kremlin.ru addresses written in a file, or in a folder's *.txt posts."""
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*.txt")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    else:
        files = [path]
    urls: list[str] = []
    for file in files:
        urls.extend(find_kremlin_urls(file.read_text(encoding="utf-8", errors="replace")))
    return urls


def collect_urls(targets: list[str], console: Console) -> tuple[list[str], list[str]]:
    """(event URLs to fetch, one per event, in order; addresses skipped as not events)."""
    wanted: dict[str, str] = {}  # event id -> the URL as first written
    ignored: list[str] = []
    for target in targets:
        path = Path(target)
        if path.exists():
            try:
                found = _scan(path)
            except OSError as error:
                raise _usage_error(console, f"{path}: cannot read ({error.strerror})") from None
            for url in found:
                try:
                    wanted.setdefault(normalise_url(url).event_id, url)
                except UrlError:
                    ignored.append(url)
        elif _looks_like_url(target):
            try:
                wanted.setdefault(normalise_url(target).event_id, target)
            except UrlError as error:
                raise _usage_error(console, str(error)) from None
        else:
            raise _usage_error(console, f"{target}: no such file or folder, and not a URL")
    return list(wanted.values()), ignored


def _table(outcomes: list[FetchOutcome]) -> Table:
    table = Table(title="English originals", title_justify="left")
    table.add_column("URL", overflow="fold")
    table.add_column("status")
    table.add_column("title / reason", overflow="fold")
    for outcome in outcomes:
        style = STATUS_STYLE.get(outcome.status, "")
        if outcome.original is not None:
            detail = Text(outcome.original.title)
            if outcome.reason:
                detail.append(f"  ({outcome.reason})", style="dim")
        else:
            detail = Text(outcome.reason or "")
        url = outcome.key.canonical_url if outcome.key else outcome.url
        table.add_row(Text(url), Text(outcome.status, style=style), detail)
    return table


def _json(outcomes: list[FetchOutcome]) -> str:
    originals = []
    unavailable = []
    for outcome in outcomes:
        if outcome.original is not None:
            originals.append({"status": outcome.status, **outcome.original.to_json()})
        else:
            unavailable.append(outcome.to_json())
    data = {"tool": "fidelity", "originals": originals, "unavailable": unavailable}
    return json.dumps(data, ensure_ascii=False, indent=2)


def fetch_command(
    targets: list[str] = typer.Argument(
        None, help="Files or folders of French posts (their kremlin.ru URLs), or URLs."
    ),
    offline: bool = typer.Option(False, "--offline", help="Read the cache only; no network."),
    refresh: bool = typer.Option(False, "--refresh", help="Fetch again what is cached."),
    base_url: str | None = typer.Option(
        None,
        "--base-url",
        metavar="URL",
        help="Replace http(s)://en.kremlin.ru by this base URL (env FIDELITY_BASE_URL).",
    ),
    mirror: list[str] = typer.Option(
        None,
        "--mirror",
        metavar="URL",
        help="A mirror base URL to try after the site (repeatable) "
        "(env FIDELITY_MIRRORS, comma-separated).",
    ),
    no_wayback: bool = typer.Option(False, "--no-wayback", help="Do not ask the Wayback Machine."),
    cache: Path | None = typer.Option(
        None,
        "--cache",
        metavar="FOLDER",
        help="Cache folder (originals go in FOLDER/originals) "
        "[cache_dir of fidelity.toml, else FIDELITY_CACHE, else the user cache].",
    ),
    delay: float | None = typer.Option(
        None,
        "--delay",
        min=0.0,
        metavar="SECONDS",
        help="Seconds between two requests to one host (default 2).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the originals as JSON on stdout."),
    from_file: Path | None = typer.Option(
        None,
        "--from-file",
        metavar="FILE",
        help="Import a page saved from a browser (or English text).",
    ),
    url: str | None = typer.Option(
        None, "--url", metavar="URL", help="The kremlin.ru URL of --from-file."
    ),
) -> None:
    """Fetch the English originals (cache → kremlin.ru → mirrors → Wayback) into the cache."""
    err = Console(stderr=True, markup=False)
    out = err if as_json else Console(markup=False)
    for base in [base_url, *(mirror or [])]:
        if base is not None and not base.strip().lower().startswith(("http://", "https://")):
            raise _usage_error(err, f"not an http(s) base URL: {base!r}")
    try:  # the same cache as `fidelity check` run from here
        configured = load_settings().cache_dir
    except ConfigError as error:
        raise _usage_error(err, str(error)) from None
    config = FetchConfig.from_env(
        cache_dir=cache_root(cache, configured=configured) / ORIGINALS,
        base_url=base_url,
        mirrors=tuple(mirror) if mirror else None,
        use_wayback=False if no_wayback else None,
        offline=offline or None,
        refresh=refresh or None,
        min_interval_s=delay,
    )
    fetcher = Fetcher(config)

    if from_file is not None or url is not None:
        if from_file is None or url is None:
            raise _usage_error(err, "--from-file and --url go together")
        if targets:
            raise _usage_error(err, "--from-file takes no other files or URLs")
        try:
            normalise_url(url)
        except UrlError as error:
            raise _usage_error(err, f"--url: {error}") from None
        outcomes = [fetcher.import_file(from_file, url)]
    else:
        if not targets:
            raise _usage_error(err, "give files, folders or URLs to fetch (or --from-file)")
        urls, ignored = collect_urls(targets, err)
        if ignored:
            err.print(
                f"note: {counted(len(ignored), 'kremlin.ru link')} that "
                f"{'is not an event page' if len(ignored) == 1 else 'are not event pages'}"
                f" skipped, e.g. {ignored[0]}",
                highlight=False,
            )
        outcomes = []
        with Progress(
            TextColumn("fetch"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[label]}", style="dim"),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("fetch", total=len(urls), label="")
            for target in urls:
                progress.update(task, label=target[-60:])
                outcomes.append(fetcher.get(target))
                progress.advance(task)

    out.print(_table(outcomes))
    obtained = sum(outcome.status in OBTAINED for outcome in outcomes)
    out.print(
        f"{obtained} of {counted(len(outcomes), 'original')} obtained; cache: {config.cache_dir}"
    )
    if as_json:
        typer.echo(_json(outcomes))
    if obtained < len(outcomes):
        err.print(how_to_supply_originals(config.cache_dir), highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_SOME_MISSING)
