"""The on-disk cache of originals: `<ID>.html` (or `.txt`), the raw bytes as obtained, and
`<ID>.json`, the parsed original with where, when and how it was obtained.

Writes are atomic (`fetch.io`: temporary file, fsync, rename), raw first and JSON last, so a
crash leaves either the old entry or the new one; the first write of a run removes the
temporary files a killed run left. An entry whose JSON does not load, or whose raw file is
missing or does not match the recorded hash, is reported as corrupt and treated as absent.

Reading never writes: an entry parsed by an older parser is parsed again in memory, and the
updated JSON is written back only when the cache folder is writable (a cache copied
read-only, or on a read-only disk, is read as it is).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from fetch.io import atomic_write_bytes, remove_stale_temporaries
from fetch.model import Original, Provenance
from fetch.parse import PARSER_VERSION, PageError, content_hash, looks_like_html, parse_saved

CACHE_FORMAT = 1


@dataclass(frozen=True)
class CacheEntry:
    original: Original | None
    problem: str | None  # why a present entry could not be used (corrupt, truncated...)


class OriginalCache:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._swept = False  # stale temporary files removed (on the first write)

    def json_path(self, event_id: str) -> Path:
        return self.directory / f"{event_id}.json"

    def raw_path(self, event_id: str, suffix: str = ".html") -> Path:
        return self.directory / f"{event_id}{suffix}"

    def load(self, event_id: str) -> CacheEntry:
        """The cached original, None when absent, or the problem when unusable."""
        meta_path = self.json_path(event_id)
        if not meta_path.exists():
            return CacheEntry(None, None)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            original = Original.from_json(meta["original"])
            raw_name = str(meta["raw_file"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            return CacheEntry(None, f"cache entry {meta_path.name} is corrupt ({_short(error)})")
        raw_path = self.directory / Path(raw_name).name
        try:
            raw = raw_path.read_bytes()
        except OSError:
            return CacheEntry(None, f"cache entry {event_id}: raw file {raw_path.name} is missing")
        if content_hash(raw) != original.content_hash:
            problem = f"cache entry {event_id}: {raw_path.name} does not match its hash"
            return CacheEntry(None, problem)
        if original.event_id != event_id:
            return CacheEntry(None, f"cache entry {meta_path.name} holds event {original.event_id}")
        if meta.get("parser_version") != PARSER_VERSION:
            original = self._reparse(original, raw, meta)
        return CacheEntry(original, None)

    def _reparse(self, original: Original, raw: bytes, meta: dict[str, Any]) -> Original:
        """Read the raw bytes again with today's parser, keeping how they were obtained."""
        try:
            fresh = parse_saved(raw, original.url, source_url=original.source_url or "")
        except PageError:
            return original
        updated = replace(
            fresh,
            provenance=original.provenance,
            fetched_at=original.fetched_at,
            source_url=original.source_url,
            http_status=original.http_status,
        )
        # a read-only cache: use the fresh parse, leave the file as it is
        with contextlib.suppress(OSError):
            self._write_meta(updated, str(meta["raw_file"]))
        return updated

    def store(self, original: Original, raw: bytes) -> None:
        suffix = ".txt" if original.provenance == Provenance.FILE and _is_text(raw) else ".html"
        raw_path = self.raw_path(original.event_id, suffix)
        self._write(raw_path, raw)
        self._write_meta(original, raw_path.name)

    def _write_meta(self, original: Original, raw_name: str) -> None:
        meta = {
            "format": CACHE_FORMAT,
            "parser_version": PARSER_VERSION,
            "url": original.url,
            "source": str(original.provenance),
            "source_url": original.source_url,
            "fetched_at": original.fetched_at,
            "http_status": original.http_status,
            "content_hash": original.content_hash,
            "raw_file": raw_name,
            "original": original.to_json(),
        }
        text = json.dumps(meta, ensure_ascii=False, indent=1)
        self._write(self.json_path(original.event_id), text.encode("utf-8"))

    def _write(self, path: Path, data: bytes) -> None:
        if not self._swept:
            remove_stale_temporaries(self.directory)
            self._swept = True
        atomic_write_bytes(path, data)


def _is_text(raw: bytes) -> bool:
    return not looks_like_html(raw)


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:120]
