"""How the fetcher reaches the site: where, how politely, how patiently."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

#: The environment variable that moves every cache (originals and embeddings).
ENV_CACHE = "FIDELITY_CACHE"
#: The folder of the cache root that holds the originals.
ORIGINALS = "originals"


def default_cache_root() -> Path:
    """The platform's user cache folder for fidelity (~/.cache/fidelity on Linux,
    ~/Library/Caches/fidelity on macOS, %LOCALAPPDATA%\\fidelity\\Cache on Windows)."""
    return platformdirs.user_cache_path("fidelity", appauthor=False)


def cache_root(
    given: Path | None = None,
    *,
    configured: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Where the caches live: `--cache` if given, else the settings file's `cache_dir`,
    else $FIDELITY_CACHE, else the platform's user cache folder — the order every setting
    follows here (command line, settings file, environment, default). Never relative to
    where the command happens to run unless the user wrote a relative path."""
    if given is not None:
        return Path(given).expanduser()
    if configured is not None:
        return Path(configured).expanduser()
    env = os.environ if environ is None else environ
    from_env = env.get(ENV_CACHE, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_cache_root()


#: Shown in help texts; the folder actually used is `cache_root()` / ORIGINALS.
DEFAULT_CACHE_DIR = default_cache_root() / ORIGINALS
# The site answers browsers; a library's default User-Agent is refused.
BROWSER_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
WAYBACK_BASE_URL = "http://web.archive.org"

ENV_BASE_URL = "FIDELITY_BASE_URL"
ENV_MIRRORS = "FIDELITY_MIRRORS"


@dataclass(frozen=True)
class FetchConfig:
    cache_dir: Path = field(default_factory=lambda: cache_root() / ORIGINALS)
    base_url: str | None = None  # replaces http(s)://en.kremlin.ru, e.g. http://127.0.0.1:8000
    mirrors: tuple[str, ...] = ()  # base URLs serving /events/president/news/<ID>
    use_wayback: bool = True
    offline: bool = False  # never touch the network
    refresh: bool = False  # refetch even what the cache holds
    min_interval_s: float = 2.0  # between two requests to one host
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0
    retries: int = 4  # further tries after the first, on 403/429/5xx and network errors
    backoff_s: float = 2.0  # first retry delay; doubles each time
    max_backoff_s: float = 60.0
    max_retry_after_s: float = 120.0  # a longer Retry-After is cut to this
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = BROWSER_USER_AGENT
    wayback_base_url: str = WAYBACK_BASE_URL

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> FetchConfig:
        """Defaults, then FIDELITY_BASE_URL / FIDELITY_MIRRORS, then explicit overrides.

        An override of None means "not given" and leaves the value from the environment.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        base_url = env.get(ENV_BASE_URL, "").strip()
        if base_url:
            values["base_url"] = base_url
        mirrors = tuple(m.strip() for m in env.get(ENV_MIRRORS, "").split(",") if m.strip())
        if mirrors:
            values["mirrors"] = mirrors
        values.update({name: value for name, value in overrides.items() if value is not None})
        if "mirrors" in values:
            values["mirrors"] = tuple(values["mirrors"])
        if "cache_dir" in values:
            values["cache_dir"] = Path(values["cache_dir"])
        return replace(cls(), **values)
