"""Defaults for `fidelity check` from `fidelity.toml` or `[tool.fidelity]` in pyproject.toml.

Command-line options win over the file; the file wins over built-in defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KNOWN_KEYS = frozenset(
    {
        "out",
        "offline",
        "mirrors",
        "base_url",
        "encoder",
        "jobs",
        "ignore",
        "glossary",
        "fail_on",
        "cache_dir",
        "thresholds",
    }
)
SEVERITY_NAMES = ("high", "medium", "low")


def default_jobs() -> int:
    """Posts checked in parallel by default: one per usable core, at most 4.

    Measured on 2 cores (bench/speed_bench.py): the corpus cold in 24.5 s with 2 workers
    against 38.0 s with 1, because each worker's encoder runs on one thread.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


class ConfigError(Exception):
    """A configuration file that cannot be used; str() is one line naming the file."""


@dataclass(frozen=True)
class Settings:
    out: Path = Path("reports")
    offline: bool = False
    mirrors: tuple[str, ...] = ()
    base_url: str | None = None
    encoder: str = "use"
    jobs: int = field(default_factory=lambda: default_jobs())
    ignore: Path | None = None
    glossary: Path | None = None  # terminology glossary (docs/terminology.md)
    fail_on: str | None = None
    cache_dir: Path | None = None  # None: $FIDELITY_CACHE or the user cache folder
    thresholds: dict[str, int | float] = field(default_factory=dict)
    source: Path | None = None  # the file these came from, if any


#: Where versions before 0.2 kept their caches, relative to the working folder.
LEGACY_CACHE = Path("corpus/.cache")


def legacy_cache_note(root: Path, cwd: Path | None = None) -> str | None:
    """A one-line note when the working folder holds an older `corpus/.cache` that the run
    does not read (caches now live in one place, `fetch.config.cache_root`), else None."""
    legacy = (cwd or Path.cwd()) / LEGACY_CACHE
    has_content = (legacy / "originals").is_dir() or (legacy / "embeddings.sqlite").is_file()
    if not has_content:
        return None
    try:
        if legacy.resolve() == Path(root).resolve():
            return None
    except OSError:
        return None
    return (
        f"note: {LEGACY_CACHE} (the cache of older versions) is not read; "
        f"use --cache {LEGACY_CACHE}, or move its contents to {root}"
    )


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest fidelity.toml, or pyproject.toml with a [tool.fidelity] table."""
    for folder in (start, *start.parents):
        own = folder / "fidelity.toml"
        if own.is_file():
            return own, _load(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            # A project root ends the search: a parent's settings belong to another project.
            table = _load(pyproject).get("tool", {}).get("fidelity")
            return (pyproject, table) if table is not None else None
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None


def settings_from_table(table: dict[str, Any], source: Path | None = None) -> Settings:
    """Validate a config table; relative paths are taken from the file's folder."""
    where = f"{source}: " if source else ""
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}unknown setting(s) {', '.join(unknown)}")
    base = source.parent if source else Path(".")

    def path_of(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ConfigError(f"{where}{key} must be a path string")
        return base / value

    fail_on = table.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITY_NAMES:
        raise ConfigError(f"{where}fail_on must be one of {', '.join(SEVERITY_NAMES)}")
    jobs = table.get("jobs", default_jobs())
    if not isinstance(jobs, int) or jobs < 1:
        raise ConfigError(f"{where}jobs must be a whole number ≥ 1")
    mirrors = table.get("mirrors", [])
    if isinstance(mirrors, str):
        mirrors = [mirrors]
    thresholds = table.get("thresholds", {})
    if not isinstance(thresholds, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in thresholds.values()
    ):
        raise ConfigError(f"{where}thresholds must be a table of numbers")
    defaults = Settings()
    return Settings(
        out=path_of("out") or defaults.out,
        offline=bool(table.get("offline", False)),
        mirrors=tuple(str(m) for m in mirrors),
        base_url=table.get("base_url"),
        encoder=str(table.get("encoder", defaults.encoder)),
        jobs=jobs,
        ignore=path_of("ignore"),
        glossary=path_of("glossary"),
        fail_on=fail_on,
        cache_dir=path_of("cache_dir"),
        # Kept as written: some thresholds are counts (whole numbers), the rest fractions.
        thresholds={str(k): v for k, v in thresholds.items()},
        source=source,
    )


def load_settings(start: Path | None = None, explicit: Path | None = None) -> Settings:
    """Settings from an explicit file, else the nearest config file, else the defaults."""
    if explicit is not None:
        data = _load(explicit)
        table = (
            data.get("tool", {}).get("fidelity", data)
            if explicit.name == "pyproject.toml"
            else data
        )
        return settings_from_table(table, explicit)
    found = find_config(start or Path.cwd())
    if found is None:
        return Settings()
    path, table = found
    return settings_from_table(table, path)
