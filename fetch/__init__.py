"""fetch: English originals from kremlin.ru as clean structured text, cached on disk.

This package knows nothing of `align`.
"""

from fetch.cache import OriginalCache
from fetch.config import ENV_BASE_URL, ENV_MIRRORS, FetchConfig
from fetch.fetcher import OBTAINED, Fetcher, FetchOutcome
from fetch.http import Attempt
from fetch.model import Original, OriginalBlock, OriginalBlockKind, Provenance
from fetch.parse import PageError, load_original_file, parse_page, parse_plain_text
from fetch.urls import EventKey, UrlError, find_kremlin_urls, normalise_url

__all__ = [
    "ENV_BASE_URL",
    "ENV_MIRRORS",
    "OBTAINED",
    "Attempt",
    "EventKey",
    "FetchConfig",
    "FetchOutcome",
    "Fetcher",
    "Original",
    "OriginalBlock",
    "OriginalBlockKind",
    "OriginalCache",
    "PageError",
    "Provenance",
    "UrlError",
    "find_kremlin_urls",
    "load_original_file",
    "normalise_url",
    "parse_page",
    "parse_plain_text",
]
