"""The atomic writes every writer of `align` uses (reports, the state file, JSON results,
ignore files, `align --output`): temporary file in the same folder, fsync, rename, the
permissions of any new file (umask honoured), and removal of the temporary files a killed
run left. The implementation is `fetch.io` (fetch never imports align, so it lives there).
"""

from __future__ import annotations

from fetch.io import (
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_text,
    is_stale_temporary,
    remove_stale_temporaries,
)

__all__ = [
    "atomic_write_bytes",
    "atomic_write_json",
    "atomic_write_text",
    "is_stale_temporary",
    "remove_stale_temporaries",
]
