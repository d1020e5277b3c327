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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OriginalBlock:
        """Inverse of `to_json`; KeyError/ValueError on a malformed record."""
        speaker = data.get("speaker")
        return cls(
            kind=OriginalBlockKind(data["kind"]),
            text=str(data["text"]),
            speaker=str(speaker) if speaker is not None else None,
        )


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Original:
        """Inverse of `to_json`; KeyError/ValueError/TypeError on a malformed record."""

        def optional(name: str) -> str | None:
            value = data.get(name)
            return str(value) if value is not None else None

        status = data.get("http_status")
        return cls(
            url=str(data["url"]),
            event_id=str(data["event_id"]),
            title=str(data["title"]),
            date=optional("date"),
            time=optional("time"),
            place=optional("place"),
            lead=optional("lead"),
            blocks=tuple(OriginalBlock.from_json(block) for block in data["blocks"]),
            provenance=Provenance(data["provenance"]),
            fetched_at=str(data["fetched_at"]),
            content_hash=str(data["content_hash"]),
            source_url=optional("source_url"),
            http_status=int(status) if status is not None else None,
        )
