"""A whole `fidelity check` run: read posts, obtain originals, check, write reports.

The order of the pipeline is fixed (corpus → fetch → segment → embed → align → check →
report); this module only orchestrates it, keeps re-runs incremental, and makes sure a bad
file or a crash never costs finished work:
- each post's report is written (atomically) as soon as the post is done, and the state
  file that makes re-runs incremental is updated only after that;
- a post that cannot be read is reported with its reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from align import TOOL_NAME, __version__
from align.checks import CheckConfig
from align.corpus import CorpusError, iter_posts
from align.embed import get_encoder
from align.embed.base import Encoder
from align.model import Post
from align.pipeline import SOURCE_STATUS, SourceInfo, check_post

STATE_FILE = ".fidelity-state.json"


class BatchError(Exception):
    """A problem that stops the whole run (bad option, unwritable output folder)."""


@dataclass(frozen=True)
class BatchOptions:
    paths: tuple[Path, ...]
    out_dir: Path = Path("reports")
    encoder_spec: str = "use"
    cache_dir: Path = Path("corpus/.cache")
    offline: bool = False
    base_url: str | None = None
    mirrors: tuple[str, ...] = ()
    en_files: tuple[tuple[str, Path], ...] = ()  # (URL, file) pairs from --en URL=FILE
    ignore_file: Path | None = None
    jobs: int = 1
    force: bool = False
    thresholds: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class PostOutcome:
    path: Path
    status: str  # checked | unchanged | error
    message: str | None = None
    document: dict[str, Any] | None = None


@dataclass(frozen=True)
class OriginalOutcome:
    url: str
    status: str  # cached | fetched | mirror | wayback | file | failed | missing | invalid
    reason: str | None = None


@dataclass
class BatchResult:
    posts: list[PostOutcome]
    originals: list[OriginalOutcome]
    result: dict[str, Any]
    written: list[Path]

    @property
    def documents(self) -> list[dict[str, Any]]:
        return [p.document for p in self.posts if p.document is not None]

    @property
    def missing(self) -> list[OriginalOutcome]:
        return [o for o in self.originals if SOURCE_STATUS.get(o.status) in (None, "unavailable")]


class Progress:
    """Callbacks for progress display; the CLI passes a rich-backed one."""

    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, name: str, label: str = "") -> None:
        pass

    def warn(self, message: str) -> None:
        pass


def check_config_from(thresholds: Mapping[str, float]) -> CheckConfig:
    """A CheckConfig with the given thresholds; unknown names are a one-line error."""
    known = {f.name for f in fields(CheckConfig)}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise BatchError(
            f"unknown threshold(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return replace(CheckConfig(), **dict(thresholds))


def config_json(config: CheckConfig) -> dict[str, Any]:
    return {f.name: getattr(config, f.name) for f in fields(config)}


# --- originals -----------------------------------------------------------------------------


def _event_key(url: str) -> str:
    from fetch import normalise_url

    return normalise_url(url).event_id


def obtain_originals(
    urls: Sequence[str], options: BatchOptions, progress: Progress
) -> tuple[dict[str, SourceInfo], list[OriginalOutcome]]:
    """Each cited URL's original: --en files first, then the fetcher (cache → live → …)."""
    from fetch import FetchConfig, Fetcher, UrlError, load_original_file

    overrides: dict[str, tuple[str, Path]] = {}
    for url, path in options.en_files:
        try:
            overrides[_event_key(url)] = (url, path)
        except UrlError as error:
            raise BatchError(f"--en {url}={path}: {error}") from None
    config = FetchConfig.from_env(
        cache_dir=options.cache_dir / "originals",
        offline=options.offline,
        mirrors=options.mirrors or None,  # None: keep FIDELITY_MIRRORS
        **({"base_url": options.base_url} if options.base_url else {}),
    )
    fetcher = Fetcher(config)
    sources: dict[str, SourceInfo] = {}
    outcomes: list[OriginalOutcome] = []
    progress.stage("fetch", len(urls))
    for url in urls:
        try:
            key = _event_key(url)
        except UrlError as error:
            sources[url] = SourceInfo("unavailable", None, str(error))
            outcomes.append(OriginalOutcome(url, "invalid", str(error)))
            progress.advance("fetch", url)
            continue
        if key in overrides:
            _, path = overrides[key]
            try:
                original = load_original_file(path, url)
            except Exception as error:  # a bad user file is reported, the batch goes on
                reason = str(error) if str(path) in str(error) else f"{path}: {error}"
                sources[url] = SourceInfo("unavailable", None, reason)
                outcomes.append(OriginalOutcome(url, "failed", reason))
            else:
                sources[url] = SourceInfo("file", original, f"read from {path}")
                outcomes.append(OriginalOutcome(url, "file", None))
        else:
            outcome = fetcher.get(url)
            status = SOURCE_STATUS.get(outcome.status, "unavailable")
            detail = outcome.reason or _provenance_detail(outcome)
            sources[url] = SourceInfo(status, outcome.original, detail)
            outcomes.append(OriginalOutcome(url, outcome.status, outcome.reason))
        progress.advance("fetch", url)
    return sources, outcomes


def _provenance_detail(outcome: Any) -> str | None:
    original = outcome.original
    if original is None:
        return None
    where = original.source_url or original.url
    return f"{original.provenance} from {where} at {original.fetched_at}"


# --- incremental state ---------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(
    post_bytes: bytes,
    sources: Sequence[SourceInfo],
    encoder_id: str,
    config: Mapping[str, Any],
    ignore_ids: Iterable[str],
) -> str:
    """Everything a post's report depends on; equal fingerprints mean nothing to redo."""
    payload = {
        "tool": __version__,
        "post": _sha256(post_bytes),
        "sources": [[s.status, s.original.content_hash if s.original else None] for s in sources],
        "encoder": encoder_id,
        "config": config,
        "ignore": sorted(ignore_ids),
    }
    return _sha256(json.dumps(payload, sort_keys=True, default=str).encode())


def read_state(out_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no state, or a state file cut short: everything is redone
    return data if isinstance(data, dict) else {}


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- checking posts ------------------------------------------------------------------------

_WORKER_ENCODER: Encoder | None = None


def _init_worker(spec: str, cache_path: str, threads: int) -> None:
    global _WORKER_ENCODER
    os.environ["FIDELITY_ENCODER_THREADS"] = str(threads)
    _WORKER_ENCODER = get_encoder(spec, cache_path=Path(cache_path))


def _check_in_worker(
    post: Post, sources: dict[int, SourceInfo], config: CheckConfig, display: str
) -> dict[str, Any]:
    return check_post(post, sources, _WORKER_ENCODER, check_config=config, display_path=display)


def run_batch(
    options: BatchOptions,
    progress: Progress | None = None,
    write_document: Callable[[dict[str, Any], dict[str, Any], Path], list[Path]] | None = None,
    write_index: Callable[[dict[str, Any], Path], list[Path]] | None = None,
) -> BatchResult:
    """Run the whole check; returns what happened to each post and original."""
    from align.ignore import apply_ignore, load_ignore
    from align.report import write_document as default_write_document
    from align.report import write_index as default_write_index

    progress = progress or Progress()
    write_document = write_document or default_write_document
    write_index = write_index or default_write_index
    config = check_config_from(options.thresholds)
    ignore_ids = load_ignore(options.ignore_file) if options.ignore_file else frozenset()
    # Made before any work so a bad --encoder fails at once; its id keys the incremental state.
    cache_path = options.cache_dir / "embeddings.sqlite"
    encoder = get_encoder(options.encoder_spec, cache_path=cache_path)
    encoder_id = encoder.id

    outcomes: list[PostOutcome] = []
    posts: list[tuple[Post, bytes]] = []
    for item in iter_posts(list(options.paths)):
        if isinstance(item, CorpusError):
            outcomes.append(PostOutcome(item.path, "error", str(item)))
            progress.warn(str(item))
            continue
        for warning in item.warnings:
            progress.warn(f"{item.path}: {warning}")
        posts.append((item, item.path.read_bytes()))

    urls = list(dict.fromkeys(u for post, _ in posts for e in post.events if (u := e.source_url)))
    sources_by_url, originals = obtain_originals(urls, options, progress)

    header = result_header(encoder_id, config, options.ignore_file)
    options.out_dir.mkdir(parents=True, exist_ok=True)
    state = {} if options.force else read_state(options.out_dir)
    new_state: dict[str, Any] = dict(state)
    written: list[Path] = []

    todo: list[tuple[Post, dict[int, SourceInfo], str]] = []
    for post, data in posts:
        sources = {
            i: sources_by_url[e.source_url] for i, e in enumerate(post.events) if e.source_url
        }
        print_path = _display_path(post.path)
        stamp = fingerprint(
            data, list(sources.values()), encoder_id, config_json(config), ignore_ids
        )
        previous = state.get(print_path)
        twin = options.out_dir / f"{post.path.stem}.json"
        if previous and previous.get("fingerprint") == stamp and twin.is_file():
            document = _load_twin(twin)
            if document is not None:
                outcomes.append(
                    PostOutcome(post.path, "unchanged", "unchanged since last run", document)
                )
                continue
        todo.append((post, sources, stamp))

    progress.stage("check", len(todo))

    def finish(post: Post, stamp: str, document: dict[str, Any]) -> None:
        document = apply_ignore({"documents": [document]}, ignore_ids)["documents"][0]
        written.extend(write_document(header, document, options.out_dir))
        new_state[_display_path(post.path)] = {"fingerprint": stamp, "finished": _now()}
        write_json_atomic(options.out_dir / STATE_FILE, new_state)
        outcomes.append(PostOutcome(post.path, "checked", None, document))
        progress.advance("check", post.path.name)

    if options.jobs > 1 and len(todo) > 1:
        threads = 1  # measured: one BLAS thread per worker is fastest on small machines
        with ProcessPoolExecutor(
            max_workers=options.jobs,
            initializer=_init_worker,
            initargs=(options.encoder_spec, str(cache_path), threads),
        ) as pool:
            futures = {
                pool.submit(_check_in_worker, post, sources, config, _display_path(post.path)): (
                    post,
                    stamp,
                )
                for post, sources, stamp in todo
            }
            for future in as_completed(futures):
                post, stamp = futures[future]
                finish(post, stamp, future.result())
    else:
        for post, sources, stamp in todo:
            document = check_post(
                post, sources, encoder, check_config=config, display_path=_display_path(post.path)
            )
            finish(post, stamp, document)

    order = {p: i for i, p in enumerate(options_order(posts))}
    outcomes.sort(key=lambda o: order.get(o.path, len(order)))
    documents = [o.document for o in outcomes if o.document is not None]
    result = {**header, "documents": documents}
    written.extend(write_index(result, options.out_dir))
    return BatchResult(posts=outcomes, originals=originals, result=result, written=written)


def options_order(posts: Sequence[tuple[Post, bytes]]) -> list[Path]:
    return [post.path for post, _ in posts]


def _load_twin(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged report is simply redone
    documents = data.get("documents") if isinstance(data, dict) else None
    if isinstance(documents, list) and len(documents) == 1 and isinstance(documents[0], dict):
        return documents[0]
    return None


def result_header(encoder_id: str, config: CheckConfig, ignore_file: Path | None) -> dict[str, Any]:
    return {
        "tool": TOOL_NAME,
        "version": __version__,
        "encoder": encoder_id,
        "signature": {
            "tool_version": __version__,
            "encoder": encoder_id,
            "thresholds": config_json(config),
            "ignore_file": str(ignore_file) if ignore_file else None,
            "created": _now(),
        },
    }


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
