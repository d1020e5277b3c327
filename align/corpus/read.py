"""The reader's edges: files and folders to posts, problems to `CorpusError` values."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from align.corpus.decode import decode_post
from align.corpus.errors import CorpusError
from align.corpus.parse import parse_post
from align.model import Post


def read_post(path: Path) -> Post:
    """Read and parse one post; raise `CorpusError` when it cannot be read at all."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(path, "no such file") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a folder, not a file") from None
    except OSError as err:
        raise CorpusError(path, f"cannot read: {err.strerror or err}") from None
    text, encoding = decode_post(data, path)
    if not text.strip():
        raise CorpusError(path, "no text (only blank lines)")
    post = parse_post(text, path)
    warnings = list(post.warnings)
    if encoding in ("cp1252", "latin-1"):
        warnings.insert(0, f"not UTF-8: decoded as {encoding}")
    return dataclasses.replace(post, encoding=encoding, warnings=tuple(warnings))


def posts_in(folder: Path) -> list[Path]:
    """The `*.txt` files under a folder, sorted by path, hidden files and folders skipped."""
    found = []
    for path in folder.rglob("*.txt"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def iter_posts(paths: Sequence[Path]) -> Iterator[Post | CorpusError]:
    """Each post of the given files and folders, or the error that kept it from being read.

    One bad file never stops the others: its problem is yielded in its place.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            try:
                files = posts_in(path)
            except OSError as err:
                yield CorpusError(path, f"cannot list folder: {err.strerror or err}")
                continue
            if not files:
                yield CorpusError(path, "folder holds no *.txt post")
            for file in files:
                yield _read_or_error(file)
        else:
            yield _read_or_error(path)


def _read_or_error(path: Path) -> Post | CorpusError:
    try:
        return read_post(path)
    except CorpusError as err:
        return err
