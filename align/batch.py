"""A whole `fidelity check` run: read posts, obtain originals, check, write reports.

The order of the pipeline is fixed (corpus → fetch → segment → embed → align → check →
report); this module only orchestrates it, keeps re-runs incremental, and makes sure a bad
file or a crash never costs finished work:
- each post's report is written (atomically) as soon as the post is done, and the state
  file that makes re-runs incremental is updated only after that;
- a post that cannot be read, or whose check fails, is reported with its reason and the
  batch goes on;
- a report that cannot be written (a full disk) stops the batch with a one-line error; the
  post's half-written files are removed and the state does not claim it done.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from align import TOOL_NAME, __version__
from align.checks import CheckConfig
from align.corpus import CorpusError, posts_in, read_post
from align.embed import get_encoder
from align.embed.base import Encoder
from align.io import atomic_write_json, remove_stale_temporaries
from align.model import Post
from align.pipeline import (
    SOURCE_STATUS,
    SourceInfo,
    assign_finding_ids,
    check_post,
    compared_counts,
)
from fetch.config import ORIGINALS, cache_root

STATE_FILE = ".fidelity-state.json"
STATE_FORMAT = 2
#: Posts above this size are refused unread: the blog's largest post is ~65 kB; a file a
#: thousand times larger is a mistake (a dump, a log) and would hold the batch for minutes.
MAX_POST_BYTES = 10 * 1024 * 1024


class BatchError(Exception):
    """A problem that stops the whole run (bad option, unwritable output folder)."""


@dataclass(frozen=True)
class BatchOptions:
    paths: tuple[Path, ...]
    out_dir: Path = Path("reports")
    encoder_spec: str = "use"
    cache_dir: Path = field(default_factory=cache_root)  # originals/ and embeddings.sqlite
    offline: bool = False
    base_url: str | None = None
    mirrors: tuple[str, ...] = ()
    en_files: tuple[tuple[str, Path], ...] = ()  # (URL, file) pairs from --en URL=FILE
    ignore_file: Path | None = None
    glossary_file: Path | None = None  # terminology glossary (align.terminology.glossary)
    jobs: int = 1
    force: bool = False
    thresholds: Mapping[str, int | float] = field(default_factory=dict)


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
    terminology_notes: list[str] = field(default_factory=list)  # for the run's summary

    @property
    def documents(self) -> list[dict[str, Any]]:
        return [p.document for p in self.posts if p.document is not None]

    @property
    def missing(self) -> list[OriginalOutcome]:
        return [o for o in self.originals if SOURCE_STATUS.get(o.status) in (None, "unavailable")]

    @property
    def errors(self) -> list[PostOutcome]:
        return [p for p in self.posts if p.status == "error"]


class Progress:
    """Callbacks for progress display; the CLI passes a rich-backed one."""

    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, name: str, label: str = "") -> None:
        pass

    def warn(self, message: str) -> None:
        pass


def check_config_from(thresholds: Mapping[str, int | float]) -> CheckConfig:
    """A CheckConfig with the given thresholds; unknown names are a one-line error."""
    known = {f.name for f in fields(CheckConfig)}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise BatchError(
            f"unknown threshold(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    defaults = CheckConfig()
    values: dict[str, int | float] = {}
    for name, value in thresholds.items():
        default = getattr(defaults, name)
        if isinstance(default, int) and not isinstance(default, bool):
            if float(value) != int(value):
                raise BatchError(f"threshold {name} must be a whole number, not {value}")
            values[name] = int(value)
        else:
            values[name] = float(value)
    return replace(defaults, **values)


# --- reading posts -------------------------------------------------------------------------


def post_files(paths: Sequence[Path]) -> list[Path | CorpusError]:
    """The post files the given files and folders name, each once, in the order given."""
    found: list[Path | CorpusError] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                files = posts_in(path)
            except OSError as error:
                found.append(CorpusError(path, f"cannot list folder: {error.strerror or error}"))
                continue
            if not files:
                found.append(CorpusError(path, "folder holds no *.txt post"))
        else:
            files = [path]
        for file in files:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def read_one(path: Path) -> tuple[Post, bytes] | CorpusError:
    """A post and its bytes (for the fingerprint), or why it cannot be checked."""
    try:
        size = path.stat().st_size
    except OSError as error:
        problem = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
        return CorpusError(path, str(problem or error))
    if size > MAX_POST_BYTES:
        return CorpusError(
            path,
            f"too large ({size / 1e6:.1f} MB; the limit is {MAX_POST_BYTES / 1e6:.0f} MB):"
            " split it into posts",
        )
    try:
        post = read_post(path)
        data = path.read_bytes()
    except CorpusError as error:
        return error
    except OSError as error:
        return CorpusError(path, f"cannot read: {error.strerror or error}")
    except Exception as error:  # a reader bug must not cost the other posts
        return CorpusError(path, f"cannot be parsed ({type(error).__name__}: {error})")
    if not post.events:
        return CorpusError(
            path,
            "no events found: nothing to check (no numbered heading such as '1°/Title' or"
            " '1/ Title', and no post title)",
        )
    return post, data


def read_posts(
    paths: Sequence[Path], progress: Progress
) -> tuple[list[tuple[Post, bytes]], list[PostOutcome], list[Path]]:
    """The readable posts, the outcome of each unreadable one, and every path in order."""
    files = post_files(paths)
    posts: list[tuple[Post, bytes]] = []
    errors: list[PostOutcome] = []
    order: list[Path] = []
    progress.stage("read", len(files))
    for item in files:
        read = item if isinstance(item, CorpusError) else read_one(item)
        if isinstance(read, CorpusError):  # said once, in the run's summary
            errors.append(PostOutcome(read.path, "error", read.problem))
            order.append(read.path)
        else:
            post, data = read
            for warning in post.warnings:
                progress.warn(f"{post.path}: {warning}")
            posts.append((post, data))
            order.append(post.path)
        progress.advance("read", (item.path if isinstance(item, CorpusError) else item).name)
    return posts, errors, order


# --- originals -----------------------------------------------------------------------------


def _event_key(url: str) -> str:
    from fetch import normalise_url

    return normalise_url(url).event_id


def has_body(original: Any) -> bool:
    """Whether an original holds any text beyond its title (paragraphs or turns)."""
    from fetch import OriginalBlockKind

    return any(
        block.text.strip()
        for block in original.blocks
        if block.kind in (OriginalBlockKind.PARAGRAPH, OriginalBlockKind.TURN)
    )


def obtain_originals(
    urls: Sequence[str], options: BatchOptions, progress: Progress
) -> tuple[dict[str, SourceInfo], list[OriginalOutcome]]:
    """Each cited URL's original: --en files first, then the fetcher (cache → live → …).

    An original without body text (an empty page or a title-only file) is unavailable: a
    check against it would call every French sentence an addition.
    """
    from fetch import FetchConfig, Fetcher, UrlError, load_original_file

    overrides: dict[str, tuple[str, Path]] = {}
    for url, path in options.en_files:
        try:
            overrides[_event_key(url)] = (url, path)
        except UrlError as error:
            raise BatchError(f"--en {url}={path}: {error}") from None
    config = FetchConfig.from_env(
        cache_dir=options.cache_dir / ORIGINALS,
        offline=options.offline,
        mirrors=options.mirrors or None,  # None: keep FIDELITY_MIRRORS
        **({"base_url": options.base_url} if options.base_url else {}),
    )
    fetcher = Fetcher(config)
    sources: dict[str, SourceInfo] = {}
    outcomes: list[OriginalOutcome] = []
    cited: set[str] = set()
    progress.stage("fetch", len(urls))
    for url in urls:
        try:
            key = _event_key(url)
            cited.add(key)
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
                if has_body(original):
                    sources[url] = SourceInfo("file", original, f"read from {path}")
                    outcomes.append(OriginalOutcome(url, "file", None))
                else:
                    reason = f"{path}: no body text (a title at most)"
                    sources[url] = SourceInfo("unavailable", None, reason)
                    outcomes.append(OriginalOutcome(url, "failed", reason))
        else:
            outcome = fetcher.get(url)
            original = outcome.original
            if original is not None and not has_body(original):
                reason = f"the original of event {key} has no body text"
                sources[url] = SourceInfo("unavailable", None, reason)
                outcomes.append(OriginalOutcome(url, "failed", reason))
            else:
                status = SOURCE_STATUS.get(outcome.status, "unavailable")
                detail = outcome.reason or _provenance_detail(outcome)
                sources[url] = SourceInfo(status, original, detail)
                outcomes.append(OriginalOutcome(url, outcome.status, outcome.reason))
        progress.advance("fetch", url)
    for key, (url, path) in overrides.items():
        if key not in cited:
            progress.warn(f"--en {url}={path}: no post cites this address; {path} is not used")
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
    """The posts finished by earlier runs, keyed by absolute path; {} when unusable."""
    try:
        data = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no state, or a state file cut short: everything is redone
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return {}
    posts = data.get("posts")
    return (
        {k: v for k, v in posts.items() if isinstance(v, dict)} if isinstance(posts, dict) else {}
    )


def write_state(out_dir: Path, posts: Mapping[str, Any]) -> None:
    write_json_atomic(out_dir / STATE_FILE, {"format": STATE_FORMAT, "posts": dict(posts)})


#: The name check-pair imports; every JSON write goes through align.io.
write_json_atomic = atomic_write_json


def state_key(path: Path) -> str:
    return str(path.resolve())


# --- checking posts ------------------------------------------------------------------------

_WORKER_ENCODER: Encoder | None = None


def _end_with_parent(parent: int) -> None:
    """End this worker when the batch that started it is gone.

    A batch killed outright (SIGKILL, the OOM killer) cannot stop its pool, and a worker
    waits for work on a pipe its siblings also hold open, so it would wait forever, holding
    an encoder in memory. A daemon thread checks once a second that the batch process and
    this worker's own parent (the batch, or a fork server under other start methods) are
    still there, and ends the process otherwise (the work of a dead batch is lost anyway)."""
    own_parent = os.getppid()

    def batch_alive() -> bool:
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # exists, not ours to signal
        return True

    def watch() -> None:
        while os.getppid() == own_parent and batch_alive():
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(spec: str, cache_path: str, threads: int, parent: int) -> None:
    global _WORKER_ENCODER
    _end_with_parent(parent)
    os.environ["FIDELITY_ENCODER_THREADS"] = str(threads)
    _WORKER_ENCODER = get_encoder(spec, cache_path=Path(cache_path))


def _check_in_worker(
    post: Post, sources: dict[int, SourceInfo], config: CheckConfig, display: str
) -> dict[str, Any]:
    return check_post(post, sources, _WORKER_ENCODER, check_config=config, display_path=display)


@dataclass(frozen=True)
class _Job:
    post: Post
    sources: dict[int, SourceInfo]
    stamp: str
    stem: str


def _failure(error: BaseException) -> str:
    text = " ".join(str(error).split()) or "no message"
    return f"check failed ({type(error).__name__}: {text[:200]})"


def run_batch(
    options: BatchOptions,
    progress: Progress | None = None,
    write_document: Callable[[dict[str, Any], dict[str, Any], Path], list[Path]] | None = None,
    write_index: Callable[[dict[str, Any], Path], list[Path]] | None = None,
) -> BatchResult:
    """Run the whole check; returns what happened to each post and original.

    Raises `BatchError` when the run cannot go on (bad settings, reports not writable).
    """
    from align.ignore import apply_ignore, load_ignore, old_style_ids
    from align.report import ReportError
    from align.report import write_document as default_write_document
    from align.report import write_index as default_write_index
    from align.report.render import page_stems

    progress = progress or Progress()
    write_document = write_document or default_write_document
    write_index = write_index or default_write_index
    config = check_config_from(options.thresholds)
    ignore_ids = load_ignore(options.ignore_file) if options.ignore_file else frozenset()
    glossary = _load_glossary(options.glossary_file, progress)
    # Made before any work so a bad --encoder fails at once; its id keys the incremental state.
    cache_path = options.cache_dir / "embeddings.sqlite"
    encoder = get_encoder(options.encoder_spec, cache_path=cache_path)
    encoder_id = encoder.id
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BatchError(f"{options.out_dir}: cannot create the report folder ({error})") from None
    remove_stale_temporaries(options.out_dir)  # left by a run killed while writing

    posts, errors, order = read_posts(options.paths, progress)
    urls = list(dict.fromkeys(u for post, _ in posts for e in post.events if (u := e.source_url)))
    sources_by_url, originals = obtain_originals(urls, options, progress)

    thresholds = config.signature()
    header = result_header(encoder_id, thresholds, options.ignore_file)
    state = {} if options.force else read_state(options.out_dir)
    new_state: dict[str, Any] = dict(state)
    written: list[Path] = []
    # One page per post, never two posts on one file name (a/x.txt and b/x.txt).
    stems = page_stems([{"stem": post.path.stem} for post, _ in posts])

    outcomes: list[PostOutcome] = list(errors)
    todo: list[_Job] = []
    for (post, data), stem in zip(posts, stems, strict=True):
        sources = {
            i: sources_by_url[e.source_url] for i, e in enumerate(post.events) if e.source_url
        }
        stamp = fingerprint(data, list(sources.values()), encoder_id, thresholds, ignore_ids)
        previous = state.get(state_key(post.path))
        twin = options.out_dir / f"{stem}.json"
        if (
            previous
            and previous.get("fingerprint") == stamp
            and previous.get("stem") == stem
            and (options.out_dir / f"{stem}.html").is_file()
        ):
            document = _load_twin(twin)
            if document is not None:
                outcomes.append(
                    PostOutcome(post.path, "unchanged", "unchanged since the last run", document)
                )
                continue
        todo.append(_Job(post, sources, stamp, stem))

    progress.stage("check", len(todo))

    old_ids: set[str] = set()  # ignore-file ids of the kind older versions wrote

    def finish(job: _Job, document: dict[str, Any]) -> None:
        if job.stem != document.get("stem"):
            assign_finding_ids(document, job.stem)  # ids follow the page name: unique
        old_ids.update(old_style_ids({"documents": [document]}, ignore_ids))
        document = apply_ignore({"documents": [document]}, ignore_ids)["documents"][0]
        document["stem"] = job.stem
        try:
            written.extend(write_document(header, document, options.out_dir))
        except (ReportError, OSError) as error:
            _discard_report(options.out_dir, job.stem)
            new_state.pop(state_key(job.post.path), None)
            with contextlib.suppress(OSError):
                write_state(options.out_dir, new_state)
            raise BatchError(
                f"{error}; reports finished before it are kept, re-run to do the rest"
            ) from None
        new_state[state_key(job.post.path)] = {
            "fingerprint": job.stamp,
            "stem": job.stem,
            "finished": _now(),
        }
        try:
            write_state(options.out_dir, new_state)
        except OSError as error:
            raise BatchError(
                f"cannot write {options.out_dir / STATE_FILE}: {error.strerror or error}"
            ) from None
        outcomes.append(PostOutcome(job.post.path, "checked", None, document))
        progress.advance("check", job.post.path.name)

    def failed(job: _Job, error: BaseException) -> None:
        message = _failure(error)  # said once, in the run's summary
        outcomes.append(PostOutcome(job.post.path, "error", message))
        progress.advance("check", job.post.path.name)

    if options.jobs > 1 and len(todo) > 1:
        _check_in_pool(todo, options, config, cache_path, finish, failed)
    else:
        for job in todo:
            try:
                document = check_post(
                    job.post,
                    job.sources,
                    encoder,
                    check_config=config,
                    display_path=_display_path(job.post.path),
                )
            except Exception as error:  # one post's failure must not cost the others
                failed(job, error)
                continue
            finish(job, document)

    if old_ids:
        progress.warn(
            f"{options.ignore_file}: {len(old_ids)} id(s) of the kind written before fidelity"
            " 0.2 (type and texts only): each hides every identical finding; export the"
            " ignore file again from the report to pin them to one finding"
        )
    rank = {path: i for i, path in enumerate(order)}
    outcomes.sort(key=lambda o: rank.get(o.path, len(rank)))
    terminology, notes = _terminology(
        outcomes,
        glossary,
        ignore_ids,
        options.out_dir,
        lambda document: write_document(header, document, options.out_dir),
    )
    documents = [o.document for o in outcomes if o.document is not None]
    events = [event for document in documents for event in document["events"]]
    result = {**header, **compared_counts(events), "documents": documents}
    result["terminology"] = terminology
    try:
        written.extend(write_index(result, options.out_dir))
    except (ReportError, OSError) as error:
        raise BatchError(f"{error}; the posts' own reports are complete") from None
    return BatchResult(
        posts=outcomes, originals=originals, result=result, written=written, terminology_notes=notes
    )


def _load_glossary(path: Path | None, progress: Progress) -> Any:
    """The terminology glossary; its bad lines are warnings, an unreadable file an error."""
    from align.terminology import EMPTY, GlossaryError, load_glossary

    if path is None:
        return EMPTY
    try:
        glossary = load_glossary(path)
    except GlossaryError as error:
        raise BatchError(str(error)) from None
    for problem in glossary.problems:
        progress.warn(problem)
    return glossary


def _terminology(
    outcomes: list[PostOutcome],
    glossary: Any,
    ignore_ids: frozenset[str],
    out_dir: Path,
    write: Callable[[dict[str, Any]], list[Path]],
) -> tuple[dict[str, Any], list[str]]:
    """The terminology check over every post of the run (its evidence is the whole folder):
    documents whose result changed are written again. Returns the index summary and notes."""
    from align.report import ReportError
    from align.terminology.corpus import check_corpus

    present = [n for n, o in enumerate(outcomes) if o.document is not None]
    documents = [outcomes[n].document or {} for n in present]
    fresh = [outcomes[n].status == "checked" for n in present]
    terms = check_corpus(documents, fresh, out_dir, glossary=glossary, ignore_ids=ignore_ids)
    for k in terms.rewrite:
        document = terms.outcome.documents[k]
        try:
            write(document)
        except (ReportError, OSError) as error:
            raise BatchError(f"{error}; re-run to finish the terminology check") from None
        outcomes[present[k]] = replace(outcomes[present[k]], document=document)
    return terms.outcome.index, terms.notes


def _check_in_pool(
    todo: Sequence[_Job],
    options: BatchOptions,
    config: CheckConfig,
    cache_path: Path,
    finish: Callable[[_Job, dict[str, Any]], None],
    failed: Callable[[_Job, BaseException], None],
) -> None:
    """Check posts in worker processes; each result is written as soon as it comes back."""
    threads = 1  # measured: one BLAS thread per worker is fastest on small machines
    pool = ProcessPoolExecutor(
        max_workers=min(options.jobs, len(todo)),
        initializer=_init_worker,
        initargs=(options.encoder_spec, str(cache_path), threads, os.getpid()),
    )
    try:
        futures: dict[Future[dict[str, Any]], _Job] = {
            pool.submit(
                _check_in_worker, job.post, job.sources, config, _display_path(job.post.path)
            ): job
            for job in todo
        }
        for future in as_completed(futures):
            job = futures[future]
            try:
                document = future.result()
            except BrokenProcessPool:
                failed(job, RuntimeError("a worker process died (out of memory?)"))
                continue
            except Exception as error:
                failed(job, error)
                continue
            finish(job, document)
    finally:
        # On an error (or Ctrl-C) do not start the posts still queued.
        pool.shutdown(wait=True, cancel_futures=True)


def _discard_report(out_dir: Path, stem: str) -> None:
    """Remove a post's page and twin after a failed write: no half report may look done."""
    for suffix in (".json", ".html"):
        with contextlib.suppress(OSError):
            (out_dir / f"{stem}{suffix}").unlink(missing_ok=True)


def _load_twin(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged report is simply redone
    documents = data.get("documents") if isinstance(data, dict) else None
    if isinstance(documents, list) and len(documents) == 1 and isinstance(documents[0], dict):
        # A report written before events said whether they were compared is redone.
        return documents[0] if "events_compared" in documents[0] else None
    return None


def result_header(
    encoder_id: str, thresholds: Mapping[str, Any], ignore_file: Path | None
) -> dict[str, Any]:
    return {
        "tool": TOOL_NAME,
        "version": __version__,
        "encoder": encoder_id,
        "signature": {
            "tool_version": __version__,
            "encoder": encoder_id,
            "thresholds": dict(thresholds),
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
