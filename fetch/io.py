"""Atomic file writes, the one helper every writer of the project uses (reports, the state
file, JSON results, ignore files, the cache of originals).

A write goes to a temporary file in the target's folder, is flushed to disk, then renamed
over the target: a reader sees the old file or the new one, never half of one. The
temporary file is created with mode 0666 minus the umask — the permissions any new file
gets — not the private 0600 of `tempfile.mkstemp`.

A run killed between creating and renaming leaves its temporary file behind. The name says
which process wrote it (`.<target>.<pid>.<random>.tmp`), so `remove_stale_temporaries` can
remove those of processes that are gone without touching a live run's.

It lives in `fetch` because `fetch` never imports `align`; `align.io` re-exports it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from pathlib import Path
from typing import Any

#: A temporary file of ours whose process is still alive is removed only past this age.
STALE_AFTER_S = 24 * 3600
#: Temporary files named by older versions (tempfile's 8 random characters, no process id)
#: are removed past this age: no write takes an hour.
LEGACY_STALE_AFTER_S = 3600

_OURS = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$")
_LEGACY = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


def _temporary_path(path: Path) -> Path:
    return path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` atomically; on any error the target is unchanged and the
    temporary file removed. Creates the folder if needed. Raises OSError."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = _temporary_path(path)
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:  # 32 random bits collided: draw again
            continue
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """`atomic_write_bytes` of the UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: Path, data: Any) -> None:
    """The data as indented UTF-8 JSON (non-ASCII kept), written atomically."""
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def is_stale_temporary(path: Path, *, now: float | None = None) -> bool:
    """Whether `path` is a temporary file left by a write that will never finish."""
    name = Path(path).name
    ours, legacy = _OURS.match(name), _LEGACY.match(name)
    if ours is None and legacy is None:
        return False
    try:
        age = (time.time() if now is None else now) - Path(path).stat().st_mtime
    except OSError:
        return False
    if ours is not None:
        pid = int(ours["pid"])
        if pid == os.getpid():
            return False  # ours, being written now
        return not _alive(pid) or age > STALE_AFTER_S
    return age > LEGACY_STALE_AFTER_S


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs left in `folder`; the paths removed.

    Never raises: a folder that cannot be listed or a file that cannot be removed is left.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if entry.name.endswith(".tmp") and is_stale_temporary(entry, now=now):
            try:
                entry.unlink()
            except OSError:
                continue
            removed.append(entry)
    return removed
