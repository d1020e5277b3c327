"""Bytes to text: UTF-8 first, then the legacy Western encodings, with a warning."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from align.corpus.errors import CorpusError

# Bytes 0x80–0x9F are C1 controls in Latin-1 but curly quotes, œ, € … in Windows-1252:
# a non-UTF-8 French file that uses them is Windows-1252; one that does not decodes the
# same either way, and we name it Latin-1.
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_SAMPLE = 8192


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample or data.count(b"\x00") > len(data) // 1000:
        return True
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D))
    return controls > len(sample) // 10


def _utf16(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return None


def normalise_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_post(data: bytes, path: Path) -> tuple[str, str]:
    """The text of a post and the name of the encoding it was read with.

    UTF-8 (with or without a byte-order mark) is expected; anything else is read as
    Windows-1252 or Latin-1 and the caller should warn. Empty or binary data raise
    `CorpusError`. Line ends are normalised to LF.
    """
    if not data:
        raise CorpusError(path, "empty file (0 bytes)")
    utf16 = _utf16(data)
    if utf16 is not None:
        return normalise_newlines(utf16.lstrip("\ufeff")), "utf-16"
    if _looks_binary(data):
        raise CorpusError(path, "binary data, not a text post (NUL or control bytes)")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return normalise_newlines(data[len(codecs.BOM_UTF8) :].decode("utf-8")), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return normalise_newlines(data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    if _CP1252_ONLY.search(data):
        try:
            return normalise_newlines(data.decode("cp1252")), "cp1252"
        except UnicodeDecodeError:
            pass  # a byte cp1252 leaves undefined: Latin-1 decodes every byte
    return normalise_newlines(data.decode("latin-1")), "latin-1"
