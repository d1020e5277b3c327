"""The words of each checked post, kept between runs in the report folder.

Keyed by a hash of what the terminology check reads of a document (its beads' texts and
links), so an unchanged post is read back instead of tokenised again, and a changed one is
redone. A missing or damaged cache only costs time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from align.io import atomic_write_text
from align.terminology.extract import content_hash, document_key, post_words
from align.terminology.model import PostWords, post_words_from_json, post_words_json

CACHE_FILE = ".fidelity-terms.json"
CACHE_FORMAT = 1


class TermCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stamp: str | None = None
        self.stored: dict[str, Any] = self._read() if path else {}
        self.used: dict[str, Any] = {}
        self.hits = 0
        self.misses = 0

    def _read(self) -> dict[str, Any]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
            return {}
        stamp = data.get("settings")
        self.stamp = stamp if isinstance(stamp, str) else None
        posts = data.get("posts")
        return posts if isinstance(posts, dict) else {}

    def post_words(self, document: Mapping[str, Any]) -> PostWords:
        """The document's words, from the cache when its content is unchanged."""
        digest = content_hash(document)
        stored = self.stored.get(digest)
        if isinstance(stored, dict):
            try:
                words = post_words_from_json(stored)
            except (KeyError, TypeError, ValueError):
                words = None
            if words is not None:
                self.hits += 1
                self.used[digest] = stored
                # the same content under another path (a renamed post) keeps its new name
                return PostWords(document_key(document), words.beads)
        self.misses += 1
        words = post_words(document)
        self.used[digest] = post_words_json(words)
        return words

    def save(self, stamp: str | None = None) -> None:
        """Write the entries of this run (those of posts no longer checked are dropped),
        and `stamp`, what the findings also depend on (the glossary, the thresholds)."""
        unchanged = not self.misses and self.used.keys() == self.stored.keys()
        if self.path is None or (unchanged and stamp == self.stamp):
            return  # what the file holds already
        data: dict[str, Any] = {"format": CACHE_FORMAT, "settings": stamp, "posts": self.used}
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    def previous_stamp(self) -> str | None:
        """The stamp the last run saved (None: no cache, or none saved)."""
        return self.stamp
