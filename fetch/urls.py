"""kremlin.ru event URLs: find them in text and reduce each to one key per event.

The site serves one event under many addresses (/events/president/news/ID,
/events/president/transcripts/ID, /catalog/.../events/ID, /d/ID, /ID/print, the
special. and en.special. mirrors); they all share the numeric event ID, so the ID is the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

CANONICAL_PREFIX = "http://en.kremlin.ru/events/president/news/"
KREMLIN_DOMAIN = "kremlin.ru"


class UrlError(ValueError):
    """A URL that is not a kremlin.ru event page (the message is one line)."""


@dataclass(frozen=True)
class EventKey:
    event_id: str  # "71665"
    canonical_url: str  # http://en.kremlin.ru/events/president/news/71665

    @property
    def path(self) -> str:
        """The path every mirror serves the event under."""
        return f"/events/president/news/{self.event_id}"


# Characters that end a URL in running text: whitespace (NBSP and narrow NBSP included),
# quotes and brackets of either language.
_URL_IN_TEXT = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)*kremlin\.ru(?:/[^\s<>\"'«»“”‘’\[\]{}|\\^`\u00a0\u202f]*)",
    re.IGNORECASE,
)
_TRAILING_JUNK = ".,;:!?)]}»\"'’”…"
# The event ID, then anything that is not part of it (a tab name, junk glued on by a typo).
_ID_TAIL = r"(\d+)(?:[^\d.].*|\.[^\d].*)?"
_EVENT_PATHS = (
    re.compile(
        r"^/events/(?!(?:.*/)?by-date/)(?:[a-z0-9_-]+/){1,3}(?:copy/)?" + _ID_TAIL + r"$",
        re.IGNORECASE,
    ),
    re.compile(r"^/catalog/(?:[^/]+/)+events/" + _ID_TAIL + r"$", re.IGNORECASE),
    re.compile(r"^/(?:d|transcripts)/" + _ID_TAIL + r"$", re.IGNORECASE),
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def find_kremlin_urls(text: str) -> list[str]:
    """Every kremlin.ru address with a path written in `text`, in order, as written."""
    found = []
    for match in _URL_IN_TEXT.finditer(text):
        start = match.start()
        # "foo.kremlin.ru" glued to a longer host such as "notkremlin.ru" is not ours.
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-."):
            continue
        url = match.group(0).rstrip(_TRAILING_JUNK)
        if "/" in url.split("kremlin.ru", 1)[-1]:
            found.append(url)
    return found


def _clean(url: str) -> str:
    # NBSP and other Unicode spaces count as whitespace for str.strip().
    return url.strip().strip("<>").strip().rstrip(_TRAILING_JUNK).strip()


def normalise_url(url: str) -> EventKey:
    """The event a kremlin.ru URL points to; `UrlError` for anything else."""
    cleaned = _clean(url)
    if not cleaned:
        raise UrlError("empty URL")
    if not _SCHEME.match(cleaned):
        cleaned = ("http:" if cleaned.startswith("//") else "http://") + cleaned
    try:
        parts = urlsplit(cleaned)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError as error:
        raise UrlError(f"not a valid URL: {url.strip()!r} ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UrlError(f"not an http(s) URL: {url.strip()!r}")
    if host != KREMLIN_DOMAIN and not host.endswith("." + KREMLIN_DOMAIN):
        raise UrlError(f"not a kremlin.ru URL (host {host or '?'}): {url.strip()!r}")
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    for pattern in _EVENT_PATHS:
        match = pattern.match(path)
        if match:
            event_id = match.group(1).lstrip("0") or "0"
            return EventKey(event_id=event_id, canonical_url=CANONICAL_PREFIX + event_id)
    raise UrlError(f"not a kremlin.ru event page (path {path}): {url.strip()!r}")
