"""The `fidelity check-pair` command: one French translation against one English original.

For translations that are not from the corpus: the French side is plain text (one paragraph
per line, or paragraphs separated by blank lines; the first paragraph is the title) or a
corpus-format post with one event; the English side is plain text (first line the title,
then paragraphs separated by blank lines) or a page saved from a browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from align.commands.guidance import labelled
from align.config import SEVERITY_NAMES, ConfigError, load_settings
from align.corpus import CorpusError, decode_post, read_post
from align.corpus.lines import is_elision, is_note, parse_turn
from align.model import SEVERITY_RANK, Block, BlockKind, Event, Post, Severity
from fetch.config import cache_root

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
FORMATS = ("html", "json")
#: The URL an original gets when nothing names its kremlin.ru event (event id 0).
PSEUDO_URL = "http://en.kremlin.ru/events/president/news/0"
_EVENT_ID_IN_PAGE = re.compile(rb"""id=["']event-(\d+)["']""")


class PairError(Exception):
    """A file of the pair that cannot be used; str() is one line naming the file."""


def _paragraphs(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) per paragraph: blank-line separated when the text has blank
    lines between its paragraphs, else one paragraph per line."""
    lines = text.split("\n")
    chunks: list[tuple[int, list[str]]] = []
    has_blank_separators = any(not line.strip() for line in lines[:-1]) and any(
        line.strip() for line in lines
    )
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                chunks.append((start, current))
                current = []
            continue
        if not has_blank_separators:
            chunks.append((number, [line]))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        chunks.append((start, current))
    return chunks


def plain_event(text: str) -> Event | None:
    """The French plain text as one event: the first paragraph is its title."""
    blocks: list[Block] = []
    for first_line, lines in _paragraphs(text):
        joined = " ".join(" ".join(lines).split())
        raw = tuple(lines)
        if is_elision(joined):
            blocks.append(Block(BlockKind.ELISION, joined, first_line, raw))
        elif is_note(joined):
            blocks.append(Block(BlockKind.NOTE, joined, first_line, raw))
        elif (turn := parse_turn(joined)) is not None and turn.speech:
            blocks.append(Block(BlockKind.TURN, turn.speech, first_line, raw, turn.speaker))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, joined, first_line, raw))
    if not blocks:
        return None
    title, *rest = blocks
    return Event(
        index=1,
        title=title.text,
        date_text=None,
        time_text=None,
        place_text=None,
        blocks=tuple(rest),
        source_urls=(),
    )


def french_post(path: Path) -> Post:
    """The translation as a post of exactly one event."""
    try:
        post = read_post(path)
    except CorpusError as error:
        raise PairError(str(error)) from None
    if len(post.events) > 1:
        raise PairError(
            f"{path}: holds {len(post.events)} events; check-pair compares one translation"
            " with one original (use: fidelity check FILE --en URL=FILE)"
        )
    if post.events:
        return post
    text, _ = decode_post(path.read_bytes(), path)
    event = plain_event(text)
    if event is None or not (event.blocks or event.title.strip()):
        raise PairError(f"{path}: no French text")
    return Post(path=path, events=(event,), encoding=post.encoding)


def original_url(fr_event: Event, en_path: Path) -> str:
    """The cited URL, else the event id of a saved kremlin.ru page, else a pseudo URL."""
    if fr_event.source_url:
        return fr_event.source_url
    try:
        head = en_path.read_bytes()[:2_000_000]
    except OSError:
        return PSEUDO_URL
    match = _EVENT_ID_IN_PAGE.search(head)
    return PSEUDO_URL.rsplit("/", 1)[0] + f"/{match.group(1).decode()}" if match else PSEUDO_URL


def english_original(path: Path, url: str) -> Any:
    from align.batch import has_body
    from fetch import UrlError, load_original_file

    try:
        original = load_original_file(path, url)
    except UrlError as error:
        raise PairError(f"{path}: {error}") from None
    except ValueError as error:  # PageError: the message already names the file
        raise PairError(" ".join(str(error).split())) from None
    if not has_body(original):
        raise PairError(f"{path}: no English body text (a title at most)")
    return original


def check_pair(
    fr: Path = typer.Argument(..., help="The French translation (plain text or a post)."),
    en: Path = typer.Argument(..., help="The English original (plain text or saved HTML)."),
    out: Path | None = typer.Option(
        None, "--out", "-o", metavar="FOLDER", help="Report folder [reports/]."
    ),
    encoder: str | None = typer.Option(
        None,
        "--encoder",
        metavar="ENCODER",
        help="use (built in) or st:<name-or-path> (sentence-transformers).",
    ),
    output_format: str = typer.Option(
        "html",
        "--format",
        metavar="html|json",
        help="html: page and JSON twin; json: the JSON alone.",
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
        help="Exit 1 when findings of this severity or above remain (for CI).",
    ),
    cache: Path | None = typer.Option(
        None,
        "--cache",
        metavar="FOLDER",
        help="Cache folder for embeddings"
        " [cache_dir of fidelity.toml, else FIDELITY_CACHE, else the user cache].",
    ),
    config: Path | None = typer.Option(
        None, "--config", metavar="FILE", help="Settings file [fidelity.toml, or pyproject.toml]."
    ),
) -> None:
    """Check any French translation against any English original; write the same report.

    Exit codes: 0 done; 1 findings at or above --fail-on remain; 2 usage or input error.
    """
    err = Console(stderr=True, soft_wrap=True, markup=False)
    if output_format not in FORMATS:
        raise typer.BadParameter("must be html or json", param_hint="--format")
    if fail_on is not None and fail_on not in SEVERITY_NAMES:
        raise typer.BadParameter("must be high, medium or low", param_hint="--fail-on")

    def fail(message: str) -> typer.Exit:
        err.print(labelled("error", "red", message), highlight=False)
        return typer.Exit(EXIT_INPUT)

    try:
        settings = load_settings(explicit=config) if config else load_settings()
    except ConfigError as error:
        raise fail(str(error)) from None
    for path in (fr, en):
        if not path.is_file():
            raise fail(f"{path}: no such file")

    from align.batch import BatchError, check_config_from, result_header, write_json_atomic
    from align.embed import get_encoder
    from align.embed.base import EncoderError
    from align.ignore import apply_ignore, load_ignore
    from align.pipeline import SourceInfo, check_post, worst_severity
    from align.report import ReportError, write_document
    from align.terminology import EMPTY, GlossaryError, annotate, load_glossary

    ignore_file = ignore or settings.ignore
    glossary_file = glossary or settings.glossary
    try:
        terms = load_glossary(glossary_file) if glossary_file else EMPTY
        for problem in terms.problems:
            err.print(labelled("warning", "yellow", problem), highlight=False)
        post = french_post(fr)
        original = english_original(en, original_url(post.events[0], en))
        check_config = check_config_from(settings.thresholds)
        ignore_ids = load_ignore(ignore_file) if ignore_file else frozenset()
        cache_path = cache_root(cache, configured=settings.cache_dir) / "embeddings.sqlite"
        model = get_encoder(encoder or settings.encoder, cache_path=cache_path)
        with err.status("aligning and checking…"):
            document = check_post(
                post,
                {0: SourceInfo("file", original, f"read from {en}")},
                model,
                check_config=check_config,
                display_path=str(fr),
            )
    except (PairError, BatchError, EncoderError, ValueError, GlossaryError) as error:
        raise fail(" ".join(str(error).split())) from None

    header = result_header(model.id, check_config.signature(), ignore_file)
    document = apply_ignore({"documents": [document]}, ignore_ids)["documents"][0]
    # terminology: the glossary, and one rendering per term across the translation
    document = annotate([document], glossary=terms, ignore_ids=ignore_ids).documents[0]
    out_dir = out or settings.out
    try:
        if output_format == "html":
            written = write_document(header, document, out_dir)
        else:
            path = out_dir / f"{document['stem']}.json"
            write_json_atomic(path, {**header, "documents": [document]})
            written = [path]
    except (ReportError, OSError) as error:
        raise fail(" ".join(str(error).split())) from None

    counts = {name: 0 for name in ("high", "medium", "low", "info")}
    for event in document["events"]:
        for finding in event["findings"]:
            counts[finding["severity"]] += 1
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    err.print(f"{fr} against {en}: {summary}", highlight=False)
    for path in written:
        err.print(f"wrote {path}", highlight=False)
    err.print(f"embedding cache: {cache_path}", highlight=False)
    worst = worst_severity([document])
    if fail_on and worst and SEVERITY_RANK[worst] >= SEVERITY_RANK[Severity(fail_on)]:
        err.print(f"findings at or above {fail_on} remain (worst: {worst})", highlight=False)
        raise typer.Exit(EXIT_FINDINGS)
