"""Data types of the English originals. `fetch` knows nothing of `align`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class OriginalBlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    TURN = "turn"  # speech with its speaker separated
    ELISION = "elision"  # "<…>" in the English page
    SECTION_BREAK = "section_break"  # "* * *"


@dataclass(frozen=True)
class OriginalBlock:
    kind: OriginalBlockKind
    text: str  # for a turn: the speech without its label
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": str(self.kind), "speaker": self.speaker, "text": self.text}


class Provenance(StrEnum):
    """How the original was obtained."""

    CACHE = "cache"
    LIVE = "live"
    MIRROR = "mirror"
    WAYBACK = "wayback"
    FILE = "file"


@dataclass(frozen=True)
class Original:
    """An English original as clean structured text."""

    url: str  # canonical URL, e.g. http://en.kremlin.ru/events/president/news/71665
    event_id: str  # "71665"
    title: str
    date: str | None  # ISO date "2023-07-13" when known
    time: str | None  # "15:05" (Moscow) when known
    place: str | None
    lead: str | None
    blocks: tuple[OriginalBlock, ...]
    provenance: Provenance
    fetched_at: str  # ISO 8601 UTC
    content_hash: str  # sha256 of the raw page bytes (or file bytes)
    source_url: str | None = None  # the address actually read (mirror, wayback, file path)
    http_status: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "event_id": self.event_id,
            "title": self.title,
            "date": self.date,
            "time": self.time,
            "place": self.place,
            "lead": self.lead,
            "blocks": [b.to_json() for b in self.blocks],
            "provenance": str(self.provenance),
            "fetched_at": self.fetched_at,
            "content_hash": self.content_hash,
            "source_url": self.source_url,
            "http_status": self.http_status,
        }
