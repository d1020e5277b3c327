"""The data model of the French side and of the results.

Every stage is a function from these frozen dataclasses to others; a reader should learn the
program from this file. The English original's types live in `fetch.model` (fetch never
imports align); this module may use them.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class BlockKind(StrEnum):
    """What one block (usually one line) of a French post is."""

    PARAGRAPH = "paragraph"  # translation text
    TURN = "turn"  # translation text spoken by a named speaker ("Vladimir Poutine : …")
    HEADING = "heading"  # the event's "N°/Title" line
    DATELINE = "dateline"  # "13 juillet 2023 à 15h05 à Moscou" as written under the title
    CAPTION = "caption"  # photo caption ("3 sur 10 …") and its text
    TAG = "tag"  # site tags copied from kremlin.ru ("Géographie", "Les sujets")
    ELISION = "elision"  # "<…>": the translator declares a cut
    NOTE = "note"  # translator note "[… — NdT]" standing alone
    CONTINUED = "continued"  # "À suivre." — the translation stops here
    SOURCE_URL = "source_url"  # the kremlin.ru URL that closes an event
    FURNITURE = "furniture"  # blog furniture: post header, list of the day, "Ajouté par", …
    ADDITION = "addition"  # blogger addition after an event's URL (not part of a translation)
    SECTION_BREAK = "section_break"  # "* * *"


#: Block kinds whose text is translation of the English original.
TRANSLATION_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.TURN})


@dataclass(frozen=True)
class Block:
    """A run of lines of a post with one meaning.

    `raw_lines` are the post's lines exactly as read (without line ends): concatenating the
    raw lines of every block of a post gives back every non-blank line of the file.
    `text` is the part that is translation or content (for a turn: the speech without its
    label); `speaker` is the label of a turn as written ("Vladimir Poutine", "Question 5").
    """

    kind: BlockKind
    text: str
    first_line: int  # 1-based line number in the file
    raw_lines: tuple[str, ...]
    speaker: str | None = None


@dataclass(frozen=True)
class Event:
    """One translated kremlin.ru item inside a post."""

    index: int  # number as written ("3°/" -> 3); sections without a number count from 1
    title: str
    date_text: str | None  # as written, e.g. "13 juillet 2023"
    time_text: str | None  # as written, e.g. "18h15" or "13H40"
    place_text: str | None  # as written, e.g. "Moscou", "Kremlin-Moscou"
    blocks: tuple[Block, ...]  # heading, dateline, paragraphs, turns, captions, tags, …
    source_urls: tuple[str, ...]  # cited kremlin.ru URLs, as written
    extras: tuple[Block, ...] = ()  # after the URL: blogger additions, not translation

    @property
    def source_url(self) -> str | None:
        return self.source_urls[0] if self.source_urls else None

    @property
    def translation_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in TRANSLATION_KINDS)


@dataclass(frozen=True)
class Post:
    """A corpus file: ordered events plus everything outside them."""

    path: Path
    events: tuple[Event, ...]
    outside: tuple[Block, ...] = ()  # header, day list, furniture not inside any event
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


class Side(StrEnum):
    FR = "fr"
    EN = "en"


#: Sentence kinds (the JSON's `kind`) that are translation text and take part in the
#: alignment; the other kinds (caption, tag, note, elision, other) are shown, never aligned.
TRANSLATION_SENTENCE_KINDS = frozenset({"body", "turn"})


@dataclass(frozen=True)
class Sentence:
    side: Side
    index: int
    text: str
    block_index: int  # index into the side's block list
    span: tuple[int, int]  # character span of `text` inside its block's text
    speaker: str | None = None
    kind: str = "body"  # JSON kinds: body|turn|caption|tag|note|elision|other


@dataclass(frozen=True)
class Bead:
    """French sentence indices paired with English sentence indices; either may be empty."""

    fr: tuple[int, ...]
    en: tuple[int, ...]
    score: float  # similarity of the pair (cosine-like, higher is better); 0.0 for gaps


@dataclass(frozen=True)
class WordLink:
    """An English word or term linked to the French word(s) that render it, inside one bead.

    Spans are character offsets into the text of the sentence they name (`Sentence.text`).
    An English content word that nothing renders has `fr_sentence` and `fr_span` None and
    `by` "none". `by` names the evidence: identical, cognate, number, name, lexicon, lemma,
    encoder (or none).
    """

    en_sentence: int
    en_span: tuple[int, int]
    fr_sentence: int | None
    fr_span: tuple[int, int] | None
    score: float  # 0–1, how sure the link is
    by: str

    @property
    def linked(self) -> bool:
        return self.fr_span is not None

    def to_json(self) -> dict[str, Any]:
        fr = None if self.fr_span is None else [self.fr_sentence, list(self.fr_span)]
        return {
            "en": [self.en_sentence, list(self.en_span)],
            "fr": fr,
            "score": round(float(self.score), 3),
            "by": self.by,
        }


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


SEVERITY_RANK: Mapping[Severity, int] = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.HIGH: 3,
}


class FindingType(StrEnum):
    OMISSION = "omission"
    PARTIAL_OMISSION = "partial_omission"
    ELIDED = "elided"
    ADDITION = "addition"
    NUMBER = "number"
    NAME = "name"
    MISTRANSLATION = "mistranslation"
    UNTRANSLATED = "untranslated"
    # word level: built on the word links inside a bead
    WORDING = "wording"  # a term rendered by something that does not mean it
    SPELLING = "spelling"  # a French non-word
    DIRECTION = "direction"  # rise/fall, more/less, high/low… disagree
    QUALIFIER = "qualifier"  # about / more than / up to, or a figure's time frame, differ
    TERMINOLOGY = "terminology"  # one term rendered several ways, or against the glossary


def _normalise_for_id(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


def finding_id(kind: FindingType | str, *texts: str) -> str:
    """The content key of a finding: its type and normalised texts (NFKC, case-folded,
    spaces collapsed). Checks give it as `Finding.id`; the pipeline then turns it into the
    final id (`occurrence_id`), so two identical findings never share one id.

    This content key was the whole id before fidelity 0.2: ignore files written then hold
    it, and are still honoured (`align.ignore`)."""
    payload = "\x1f".join([str(kind), *(_normalise_for_id(t) for t in texts)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def occurrence_id(event_key: str, content_id: str, occurrence: int) -> str:
    """The final id of a finding: where (the event's key), what (the content key) and which
    one among identical findings of that event (0, 1, … in report order).

    Unique within a run (event keys are unique, and occurrences number the identical ones)
    and stable across re-runs of the same texts: nothing in it depends on timing, on
    scores or on the folder the command runs from."""
    payload = "\x1f".join(["finding", event_key, content_id, str(occurrence)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def event_keys(stem: str, indices: Sequence[int]) -> list[str]:
    """A key per event of a post: the post's stem and the event's number as written, with
    `~k` added to the k-th repeat of a number (a post may number two sections alike)."""
    seen: dict[int, int] = {}
    keys = []
    for index in indices:
        repeat = seen.get(index, 0)
        seen[index] = repeat + 1
        keys.append(f"{stem}#{index}" + (f"~{repeat}" if repeat else ""))
    return keys


@dataclass(frozen=True)
class Finding:
    id: str
    type: FindingType
    severity: Severity
    confidence: float  # 0–1
    fr: tuple[int, ...]
    en: tuple[int, ...]
    message: str  # one line, in the reviewer's words
    details: Mapping[str, Any] = field(default_factory=dict)  # the evidence
    # The content key (`finding_id`) once `id` holds the final, per-occurrence id.
    content_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "content_id": self.content_id or self.id,
            "type": str(self.type),
            "severity": str(self.severity),
            "confidence": round(float(self.confidence), 3),
            "fr": list(self.fr),
            "en": list(self.en),
            "message": self.message,
            "details": dict(self.details),
        }
