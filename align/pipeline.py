"""One post in, one JSON document out: segment → embed → align → check.

Pure apart from the encoder (which may read its on-disk cache): the originals are fetched
beforehand by the caller and passed in, so this module never touches the network.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from align.aligner import align_texts
from align.checks import CheckConfig, run_checks
from align.checks.base import CheckInput
from align.corpus.lines import parse_heading, parse_loose_heading
from align.embed.base import Encoder
from align.model import (
    SEVERITY_RANK,
    TRANSLATION_SENTENCE_KINDS,
    Bead,
    Block,
    BlockKind,
    Event,
    Finding,
    Post,
    Sentence,
    Severity,
    Side,
    WordLink,
    event_keys,
    occurrence_id,
)
from align.numbers import extract_quantities
from align.segment import sentences_from_blocks
from align.words import link_event
from fetch.model import Original, OriginalBlockKind

#: How each French block kind appears among the JSON's fr_sentences.
JSON_KIND: Mapping[BlockKind, str] = {
    BlockKind.PARAGRAPH: "body",
    BlockKind.TURN: "turn",
    BlockKind.CAPTION: "caption",
    BlockKind.TAG: "tag",
    BlockKind.NOTE: "note",
    BlockKind.ELISION: "elision",
}

#: source_status values of the JSON result, from the fetcher's outcome status.
SOURCE_STATUS: Mapping[str, str] = {
    "cached": "cached",
    "fetched": "ok",
    "mirror": "ok",
    "wayback": "ok",
    "file": "file",
    "failed": "unavailable",
    "missing": "unavailable",
}


@dataclass(frozen=True)
class SourceInfo:
    """What the caller knows about an event's English original."""

    status: str  # a key of SOURCE_STATUS, or "no-source"
    original: Original | None
    detail: str | None = None  # how it was obtained, or why it is unavailable


@dataclass(frozen=True)
class AlignedEvent:
    fr: tuple[Sentence, ...]
    en: tuple[Sentence, ...]
    beads: tuple[Bead, ...]
    findings: tuple[Finding, ...]
    truncated: bool
    links: tuple[tuple[WordLink, ...], ...] = ()  # word links of each bead (parallel to beads)


def french_units(event: Event) -> tuple[list[tuple[str, str | None, str]], list[Block], bool]:
    """The event's French blocks as (text, speaker, kind) units for segmentation.

    The title comes first (it translates the English title); every other block keeps its
    place so non-translation kinds show where they stand. Returns the units, the blocks
    they came from (None for the title) and whether the translation is declared unfinished.
    """
    units: list[tuple[str, str | None, str]] = [(event.title, None, "body")]
    sources: list[Block] = []
    truncated = False
    for block in event.blocks:
        if block.kind in (BlockKind.HEADING, BlockKind.SOURCE_URL):
            continue
        if block.kind is BlockKind.CONTINUED:
            truncated = True
        if not block.text.strip():
            continue
        units.append((block.text, block.speaker, JSON_KIND.get(block.kind, "other")))
        sources.append(block)
    return units, sources, truncated


def english_units(original: Original) -> list[tuple[str, str | None, str]]:
    """The original as (text, speaker, kind) units: title, lead, then the body."""
    units: list[tuple[str, str | None, str]] = [(original.title, None, "body")]
    if original.lead and original.lead.strip():
        units.append((original.lead, None, "body"))
    for block in original.blocks:
        if block.kind is OriginalBlockKind.SECTION_BREAK or not block.text.strip():
            continue
        kind = {
            OriginalBlockKind.TURN: "turn",
            OriginalBlockKind.ELISION: "elision",
        }.get(block.kind, "body")
        units.append((block.text, block.speaker, kind))
    return units


def align_event(
    fr_units: Sequence[tuple[str, str | None, str]],
    en_units: Sequence[tuple[str, str | None, str]],
    encoder: Encoder,
    *,
    truncated: bool = False,
    check_config: CheckConfig | None = None,
) -> AlignedEvent:
    """Segment both sides, align the translation sentences, run the checks."""
    fr = sentences_from_blocks(fr_units, Side.FR, "fr")
    en = sentences_from_blocks(en_units, Side.EN, "en")
    fr_ids = [s.index for s in fr if s.kind in TRANSLATION_SENTENCE_KINDS]
    en_ids = [s.index for s in en if s.kind in TRANSLATION_SENTENCE_KINDS]
    local = align_texts(
        [fr[i].text for i in fr_ids],
        [en[i].text for i in en_ids],
        encoder,
        a_blocks=[fr[i].block_index for i in fr_ids],
        b_blocks=[en[i].block_index for i in en_ids],
    )
    beads = tuple(
        Bead(
            fr=tuple(fr_ids[i] for i in bead.fr),
            en=tuple(en_ids[j] for j in bead.en),
            score=bead.score,
        )
        for bead in local
    )
    links = link_event(fr, en, beads, encoder)
    data = CheckInput(fr=fr, en=en, beads=beads, encoder=encoder, truncated=truncated, links=links)
    findings = tuple(run_checks(data, config=check_config))
    return AlignedEvent(
        fr=fr, en=en, beads=beads, findings=findings, truncated=truncated, links=links
    )


def _numbers_json(text: str, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "start": q.start,
            "end": q.end,
            "raw": q.raw,
            "value": str(q.value),
            "kind": str(q.kind),
        }
        for q in extract_quantities(text, lang)
    ]


def _sentence_json(sentence: Sentence, lang: str, block_kind: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": sentence.index,
        "text": sentence.text,
        "kind": sentence.kind,
        "block": sentence.block_index,
        "speaker": sentence.speaker,
        "numbers": _numbers_json(sentence.text, lang),
    }
    if block_kind is not None:
        data["block_kind"] = block_kind
    return data


def summarise(findings: Sequence[dict[str, Any]], en_count: int, covered_en: int) -> dict[str, Any]:
    counts = Counter(f["type"] for f in findings)
    by_severity = Counter(f["severity"] for f in findings)
    return {
        "coverage": round(covered_en / en_count, 4) if en_count else None,
        "counts": dict(sorted(counts.items())),
        "by_severity": dict(sorted(by_severity.items())),
    }


def not_compared() -> dict[str, Any]:
    """The summary of an event that was not compared: no counts at all, not zero counts."""
    return {"coverage": None, "counts": None, "by_severity": None}


#: Why an event without a cited kremlin.ru address was not compared.
NO_SOURCE_DETAIL = "no kremlin.ru address is cited for this event"


def _original_json(original: Original) -> dict[str, Any]:
    return {
        "url": original.url,
        "title": original.title,
        "date": original.date,
        "time": original.time,
        "place": original.place,
        "lead": original.lead,
        "provenance": str(original.provenance),
        "fetched_at": original.fetched_at,
        "content_hash": original.content_hash,
    }


def check_event(
    event: Event,
    source: SourceInfo,
    encoder: Encoder | None,
    *,
    check_config: CheckConfig | None = None,
) -> dict[str, Any]:
    """The JSON of one event; without an original, the French side alone."""
    units, blocks, truncated = french_units(event)
    block_kinds = [None, *(str(b.kind) for b in blocks)]
    original = source.original
    if original is not None and encoder is not None:
        aligned = align_event(
            units,
            english_units(original),
            encoder,
            truncated=truncated,
            check_config=check_config,
        )
        fr, en, beads, findings = aligned.fr, aligned.en, aligned.beads, aligned.findings
        links = aligned.links
    else:
        fr = sentences_from_blocks(units, Side.FR, "fr")
        en, beads, findings, links = (), (), (), ()
    findings_json = [f.to_json() for f in findings]
    covered = sum(len(b.en) for b in beads if b.fr)
    # Compared: an English original was aligned and checked. Without one there is nothing
    # to count: the summary says so (None), never zero findings, which would read as a pass.
    compared = original is not None and encoder is not None
    return {
        "index": event.index,
        "title": event.title,
        "title_en": original.title if original else None,
        "date": event.date_text,
        "time": event.time_text,
        "place": event.place_text,
        "source_url": event.source_url,
        "source_status": source.status,
        "source_detail": source.detail,
        "compared": compared,
        "original": _original_json(original) if original else None,
        "truncated": truncated,
        "fr_sentences": [_sentence_json(s, "fr", block_kinds[s.block_index]) for s in fr],
        "en_sentences": [_sentence_json(s, "en", None) for s in en],
        "alignment": [
            {
                "fr": list(b.fr),
                "en": list(b.en),
                "score": round(float(b.score), 4),
                "links": [link.to_json() for link in bead_links],
            }
            for b, bead_links in zip(beads, links or [()] * len(beads), strict=True)
        ],
        "findings": findings_json,
        "summary": summarise(findings_json, len(en), covered) if compared else not_compared(),
        "extras": [_block_json(b) for b in event.extras],
    }


def _block_json(block: Block) -> dict[str, Any]:
    return {"kind": str(block.kind), "text": block.text, "line": block.first_line}


def check_post(
    post: Post,
    sources: Mapping[int, SourceInfo],
    encoder: Encoder | None,
    *,
    check_config: CheckConfig | None = None,
    display_path: str | None = None,
) -> dict[str, Any]:
    """The JSON document of one post. `sources` is keyed by event position in the post."""
    events = [
        check_event(
            event,
            sources.get(position, SourceInfo("no-source", None, NO_SOURCE_DETAIL)),
            encoder,
            check_config=check_config,
        )
        for position, event in enumerate(post.events)
    ]
    document = {
        "path": display_path or str(post.path),
        "stem": post.path.stem,
        "title": post_title(post),
        "encoding": post.encoding,
        "warnings": list(post.warnings),
        "outside": [_block_json(b) for b in post.outside],
        "events": events,
        **compared_counts(events),
    }
    assign_finding_ids(document, post.path.stem)
    return document


def assign_finding_ids(document: dict[str, Any], stem: str) -> None:
    """Give every finding of a document JSON its final id, in place (`model.occurrence_id`):
    the event's key (the post's stem and the event's number), the finding's content key
    (kept as "content_id") and its rank among the identical findings of that event.

    Run again with another stem when the report's page name differs from the post's stem
    (two posts named alike in two folders): ids follow the page, so they stay unique."""
    events = [e for e in document.get("events") or () if isinstance(e, dict)]
    keys = event_keys(stem, [int(e.get("index") or 0) for e in events])
    for key, event in zip(keys, events, strict=True):
        seen: Counter[str] = Counter()
        for finding in event.get("findings") or ():
            content = str(finding.get("content_id") or finding["id"])
            finding["content_id"] = content
            finding["id"] = occurrence_id(key, content, seen[content])
            seen[content] += 1


def compared_counts(events: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """`events_total` and `events_compared` of a list of event JSONs."""
    return {
        "events_total": len(events),
        "events_compared": sum(1 for event in events if event.get("compared")),
    }


def _lists_an_event(text: str) -> bool:
    """A line of the list of the day's events ("- 1°/Title …", "1/ Title – 19:10")."""
    return parse_heading(text) is not None or parse_loose_heading(text) is not None


def post_title(post: Post) -> str:
    """The blog's own header line when the post has one, else the day its events are from."""
    for block in post.outside:
        text = block.text.strip()
        if text and not _lists_an_event(text):
            return text
    dates = [e.date_text for e in post.events if e.date_text]
    if dates:
        return f"{post.path.stem} · {dates[0]}"
    return post.path.stem


def worst_severity(documents: Sequence[dict[str, Any]]) -> Severity | None:
    """The most severe finding left in the documents (ignored findings excluded)."""
    worst: Severity | None = None
    for document in documents:
        for event in document["events"]:
            for finding in event["findings"]:
                if finding.get("ignored"):
                    continue
                severity = Severity(finding["severity"])
                if worst is None or SEVERITY_RANK[severity] > SEVERITY_RANK[worst]:
                    worst = severity
    return worst
