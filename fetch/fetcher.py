"""Obtain English originals: cache → live site → mirrors → Wayback Machine.

`Fetcher.get` never raises for network or page trouble: every outcome, good or bad, is a
`FetchOutcome` with a status, a one-line reason and every attempt made.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import requests

from fetch.cache import OriginalCache
from fetch.config import FetchConfig
from fetch.http import Attempt, PoliteClient, host_of
from fetch.model import Original, Provenance
from fetch.parse import PageError, load_original_file, now_iso, parse_page
from fetch.urls import KREMLIN_DOMAIN, EventKey, UrlError, normalise_url

Status = Literal["cached", "fetched", "mirror", "wayback", "file", "failed", "missing"]
OBTAINED: frozenset[str] = frozenset({"cached", "fetched", "mirror", "wayback", "file"})
LIVE_BASES = ("http://en.kremlin.ru", "https://en.kremlin.ru")


@dataclass(frozen=True)
class FetchOutcome:
    url: str  # as asked
    key: EventKey | None
    status: Status
    original: Original | None
    reason: str | None  # one line; why it failed or what was odd
    attempts: tuple[Attempt, ...] = ()

    @property
    def ok(self) -> bool:
        return self.original is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "event_id": self.key.event_id if self.key else None,
            "status": self.status,
            "reason": self.reason,
            "attempts": [attempt.to_json() for attempt in self.attempts],
        }


@dataclass(frozen=True)
class _Source:
    name: str  # "live", "mirror", "wayback"
    status: Status
    provenance: Provenance
    address: str


def _base(url: str) -> str:
    return url.strip().rstrip("/")


class Fetcher:
    def __init__(
        self,
        config: FetchConfig | None = None,
        session: requests.Session | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config or FetchConfig()
        self.cache = OriginalCache(self.config.cache_dir)
        self.client = PoliteClient(self.config, session, clock=clock, sleep=sleep)
        self._extra_hosts = {
            host_of(base)
            for base in (
                self.config.base_url or "",
                *self.config.mirrors,
                self.config.wayback_base_url if self.config.use_wayback else "",
            )
            if base
        }

    # -- public -------------------------------------------------------------------------

    def cached(self, url: str) -> Original | None:
        """The cached original for this URL, or None (absent, corrupt, or not an event)."""
        try:
            key = normalise_url(url)
        except UrlError:
            return None
        return self.cache.load(key.event_id).original

    def get(self, url: str) -> FetchOutcome:
        try:
            key = normalise_url(url)
        except UrlError as error:
            return FetchOutcome(url, None, "failed", None, str(error))
        entry = self.cache.load(key.event_id)
        if entry.original is not None and not self.config.refresh:
            return FetchOutcome(url, key, "cached", entry.original, None)
        if self.config.offline:
            reason = entry.problem or "not in the cache (offline)"
            if entry.original is not None:  # offline + refresh: the cache is all there is
                return FetchOutcome(url, key, "cached", entry.original, "offline: not refreshed")
            return FetchOutcome(url, key, "missing", None, reason)
        attempts: list[Attempt] = []
        failures: list[str] = []
        page_not_found = False
        for source in self._sources(key):
            if page_not_found and source.name == "live":
                continue  # the site said the page does not exist; the other scheme agrees
            result = self.client.get(source.name, source.address, self._allowed_host)
            attempts.extend(result.attempts)
            if result.response is None:
                failures.append(f"{source.name}: {result.reason}")
                page_not_found = page_not_found or (result.definitive and source.name == "live")
                continue
            try:
                original = parse_page(
                    result.response.body,
                    key.canonical_url,
                    provenance=source.provenance,
                    fetched_at=now_iso(),
                    source_url=result.response.address,
                    http_status=result.response.status,
                    require_complete=True,
                )
            except PageError as error:
                failures.append(f"{source.name}: {error}")
                last = attempts[-1] if attempts else None
                if last is not None:
                    attempts[-1] = replace(last, error=f"unusable page: {error}")
                continue
            note = self._store(original, result.response.body)
            return FetchOutcome(url, key, source.status, original, note, tuple(attempts))
        reason = "; ".join(_dedupe(failures)) or "no source to try"
        if entry.problem:
            reason = f"{entry.problem}; {reason}"
        if entry.original is not None:  # a refresh failed: keep what we had
            note = f"refresh failed, kept the cached copy: {reason}"
            return FetchOutcome(url, key, "cached", entry.original, note, tuple(attempts))
        return FetchOutcome(url, key, "failed", None, reason, tuple(attempts))

    def import_file(self, path: Path, url: str) -> FetchOutcome:
        """Read a page saved from a browser (or an English text file) into the cache."""
        try:
            key = normalise_url(url)
        except UrlError as error:
            return FetchOutcome(url, None, "failed", None, str(error))
        try:
            original = load_original_file(Path(path), url)
            raw = Path(path).read_bytes()
        except (PageError, OSError) as error:
            return FetchOutcome(url, key, "failed", None, str(error))
        return FetchOutcome(url, key, "file", original, self._store(original, raw))

    def _store(self, original: Original, raw: bytes) -> str | None:
        try:
            self.cache.store(original, raw)
        except OSError as error:
            return f"not cached: cannot write {self.cache.directory} ({error.strerror or error})"
        return None

    # -- sources ------------------------------------------------------------------------

    def _sources(self, key: EventKey) -> list[_Source]:
        path = key.path
        live_bases = (_base(self.config.base_url),) if self.config.base_url else LIVE_BASES
        sources = [_Source("live", "fetched", Provenance.LIVE, b + path) for b in live_bases]
        sources += [
            _Source("mirror", "mirror", Provenance.MIRROR, _base(m) + path)
            for m in self.config.mirrors
        ]
        if self.config.use_wayback:
            # "id_" asks for the page exactly as archived, without the archive's toolbar;
            # the timestamp "2" lets the archive pick its closest snapshot.
            address = f"{_base(self.config.wayback_base_url)}/web/2id_/{key.canonical_url}"
            sources.append(_Source("wayback", "wayback", Provenance.WAYBACK, address))
        return sources

    def _allowed_host(self, host: str) -> bool:
        return (
            host == KREMLIN_DOMAIN
            or host.endswith("." + KREMLIN_DOMAIN)
            or host in self._extra_hosts
        )


def _dedupe(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
