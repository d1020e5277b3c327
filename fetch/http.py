"""A polite, bounded HTTP GET: one host at a time, backoff, size cap, no strange redirects.

Every request goes through `PoliteClient.get`, which never raises for network trouble: it
returns the body or a one-line reason, plus one `Attempt` per request made (or skipped).
Two circuit breakers keep a batch fast when a host is out of reach:
- a host that fails at the connection level (DNS, refused, connect timeout) is skipped for
  the rest of the run, without retries;
- a host that still answers 403/429 after every retry is taken as blocking us and skipped.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions

from fetch.config import FetchConfig

RETRY_STATUSES = frozenset({403, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
BLOCKING_STATUSES = frozenset({403, 429})


@dataclass(frozen=True)
class Attempt:
    """One request (or one skipped because its host is out of reach)."""

    source: str  # "live", "mirror", "wayback"
    address: str
    status: int | None  # HTTP status when the server answered
    error: str | None  # one line when it did not, or the answer was unusable
    seconds: float

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "address": self.address,
            "status": self.status,
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Response:
    address: str  # after redirects
    status: int
    body: bytes
    retry_after: str | None = None


@dataclass
class GetResult:
    response: Response | None
    reason: str | None  # why there is no usable response
    attempts: list[Attempt] = field(default_factory=list)
    definitive: bool = False  # the server said the page is not there (404, 410...)


def host_of(address: str) -> str:
    return (urlsplit(address).hostname or "").lower()


def _origin(address: str) -> tuple[str, str, int | None]:
    parts = urlsplit(address)
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port)


def _connection_failure(error: BaseException) -> str | None:
    """A one-line reason when the host cannot be reached at all, else None."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.NameResolutionError):
            return "DNS lookup failed"
        # NewConnectionError subclasses ConnectTimeoutError in urllib3: test it first.
        if isinstance(current, urllib3.exceptions.NewConnectionError):
            text = str(current).lower()
            if "name or service" in text or "resolve" in text or "nodename" in text:
                return "DNS lookup failed"
            if "refused" in text:
                return "connection refused"
            return "cannot connect"
        if isinstance(current, urllib3.exceptions.ConnectTimeoutError | requests.ConnectTimeout):
            return "connect timed out"
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        pending.extend([getattr(current, "reason", None), current.__cause__, current.__context__])
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
    return None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PoliteClient:
    def __init__(
        self,
        config: FetchConfig,
        session: requests.Session | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.session = session or requests.Session()
        self.clock = clock
        self.sleep = sleep
        self._last_request: dict[str, float] = {}
        self._unreachable: dict[tuple[str, str, int | None], str] = {}
        self._blocked: dict[str, str] = {}
        self._unresolvable: set[str] = set()

    # -- politeness ---------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.config.min_interval_s - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _backoff(self, retry: int, retry_after: float | None) -> float:
        delay = min(self.config.backoff_s * (2**retry), self.config.max_backoff_s)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.config.max_retry_after_s))
        return delay

    def skip_reason(self, address: str) -> str | None:
        """Why a request to this address would not be made now, if it would not."""
        origin = _origin(address)
        if origin[1] in self._unresolvable:
            return f"{origin[1]} unreachable (DNS lookup failed)"
        if origin in self._unreachable:
            return f"{origin[1]} unreachable ({self._unreachable[origin]})"
        if origin[1] in self._blocked:
            return f"{origin[1]} is refusing us ({self._blocked[origin[1]]})"
        return None

    # -- one address, with retries ------------------------------------------------------

    def get(self, source: str, address: str, allowed_hosts: Callable[[str], bool]) -> GetResult:
        result = GetResult(response=None, reason=None)
        last_reason = "no attempt made"
        status: int | None = None
        for retry in range(self.config.retries + 1):
            skip = self.skip_reason(address)
            if skip is not None:
                result.attempts.append(Attempt(source, address, None, "skipped: " + skip, 0.0))
                result.reason = skip
                return result
            outcome = self._follow(source, address, allowed_hosts, result.attempts)
            if isinstance(outcome, Response):
                if outcome.status == 200:
                    result.response = outcome
                    return result
                status = outcome.status
                last_reason = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    result.reason = last_reason
                    result.definitive = status in (404, 410)
                    return result
                retry_after = retry_after_seconds(outcome.retry_after)
            else:
                kind, last_reason = outcome
                if kind != "retry":
                    result.reason = last_reason
                    return result
                retry_after = None
                status = None
            if retry < self.config.retries:
                self.sleep(self._backoff(retry, retry_after))
        tries = self.config.retries + 1
        result.reason = f"{last_reason} after {tries} tr{'y' if tries == 1 else 'ies'}"
        if status in BLOCKING_STATUSES:
            self._blocked[host_of(address)] = f"HTTP {status} after {tries} tries"
        return result

    def _follow(
        self,
        source: str,
        address: str,
        allowed_hosts: Callable[[str], bool],
        attempts: list[Attempt],
    ) -> Response | tuple[str, str]:
        """One request and its redirects. A Response, or ("retry"|"fail", reason)."""
        current = address
        for _ in range(self.config.max_redirects + 1):
            skip = self.skip_reason(current)
            if skip is not None:
                attempts.append(Attempt(source, current, None, "skipped: " + skip, 0.0))
                return ("fail", skip)
            outcome = self._request(source, current, attempts)
            if not isinstance(outcome, tuple) or outcome[0] != "redirect":
                return outcome
            target = urljoin(current, outcome[1])
            if urlsplit(target).scheme not in ("http", "https"):
                return ("fail", f"redirect to a non-web address refused: {target}")
            if not allowed_hosts(host_of(target)):
                return (
                    "fail",
                    f"redirect to another host refused: {host_of(target) or target}",
                )
            current = target
        return ("fail", f"more than {self.config.max_redirects} redirects")

    def _request(
        self, source: str, address: str, attempts: list[Attempt]
    ) -> Response | tuple[str, str]:
        host = host_of(address)
        self._wait_turn(host)
        started = self.clock()
        headers = {
            "User-Agent": self.config.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en-GB,en;q=0.9",
        }

        def record(status: int | None, error: str | None) -> None:
            attempts.append(Attempt(source, address, status, error, self.clock() - started))

        try:
            response = self.session.get(
                address,
                headers=headers,
                timeout=(self.config.connect_timeout_s, self.config.read_timeout_s),
                stream=True,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            unreachable = _connection_failure(error)
            if unreachable is not None:
                # nothing reached the server, so this request costs it no politeness delay
                self._last_request.pop(host, None)
                if unreachable == "DNS lookup failed":
                    self._unresolvable.add(host)
                self._unreachable[_origin(address)] = unreachable
                record(None, unreachable)
                return ("fail", f"{host} unreachable ({unreachable})")
            reason = "read timed out" if isinstance(error, requests.Timeout) else _one_line(error)
            record(None, reason)
            return ("retry", reason)
        with response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                record(status, None)
                return ("redirect", response.headers["Location"])
            if status != 200:
                record(status, None)
                return Response(address, status, b"", response.headers.get("Retry-After"))
            body = self._read_capped(response)
            if isinstance(body, tuple):
                record(status, body[1])
                return body
            record(status, None)
            return Response(address, status, body)

    def _read_capped(self, response: requests.Response) -> bytes | tuple[str, str]:
        cap = self.config.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            return ("fail", f"response too large ({int(declared):,} bytes > cap of {cap:,})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(chunk_size=65536):
                size += len(chunk)
                if size > cap:
                    return ("fail", f"response larger than the cap of {cap:,} bytes; stopped")
                chunks.append(chunk)
        except requests.RequestException as error:
            if isinstance(error, requests.Timeout) or "timed out" in str(error).lower():
                return ("retry", "read timed out")
            return ("retry", f"connection broken while reading ({_one_line(error)})")
        return b"".join(chunks)
