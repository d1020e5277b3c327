"""What `fidelity corpus` reports about a post, as plain data (the JSON) and as text.

The text is rendered from the same dictionaries as the JSON, so both carry the same facts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from align import TOOL_NAME, __version__
from align.corpus.errors import CorpusError
from align.corpus.lines import parse_heading, parse_loose_heading
from align.model import Block, BlockKind, Event, Post
from align.plural import counted

NO_SOURCE = "no source cited"


def block_counts(blocks: Iterable[Block]) -> dict[str, int]:
    """Blocks counted by kind, in the order of `BlockKind`, kinds absent left out."""
    counts = Counter(block.kind for block in blocks)
    return {str(kind): counts[kind] for kind in BlockKind if counts[kind]}


def event_summary(event: Event) -> dict[str, Any]:
    return {
        "index": event.index,
        "numbered": _is_numbered(event),
        "title": event.title,
        "line": event.blocks[0].first_line if event.blocks else None,
        "date": event.date_text,
        "time": event.time_text,
        "place": event.place_text,
        "source_urls": list(event.source_urls),
        "block_counts": block_counts(event.blocks),
        "extras_count": len(event.extras),
        "extras_counts": block_counts(event.extras),
    }


def _is_numbered(event: Event) -> bool:
    """Whether the event's heading is numbered ("1°/Title", "1/ Title"), not a post's title."""
    first = event.blocks[0] if event.blocks else None
    return (
        first is not None
        and first.kind is BlockKind.HEADING
        and (parse_heading(first.text) or parse_loose_heading(first.text)) is not None
    )


def post_summary(post: Post) -> dict[str, Any]:
    return {
        "path": str(post.path),
        "encoding": post.encoding,
        "warnings": list(post.warnings),
        "events": [event_summary(event) for event in post.events],
        "outside": block_counts(post.outside),
    }


def corpus_summary(results: Sequence[Post | CorpusError]) -> dict[str, Any]:
    posts = [r for r in results if isinstance(r, Post)]
    errors = [r for r in results if isinstance(r, CorpusError)]
    events = [event for post in posts for event in post.events]
    return {
        "tool": TOOL_NAME,
        "version": __version__,
        "posts": [post_summary(post) for post in posts],
        "errors": [{"path": str(e.path), "problem": e.problem} for e in errors],
        "totals": {
            "posts": len(posts),
            "unreadable": len(errors),
            "events": len(events),
            "events_with_source": sum(1 for e in events if e.source_urls),
        },
    }


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items()) or "nothing"


def render_text(summary: dict[str, Any]) -> str:
    """The human view of `corpus_summary`: one paragraph per post, one block per event."""
    out: list[str] = []
    for post in summary["posts"]:
        events = post["events"]
        out.append(f"{post['path']}  ({post['encoding']}, {len(events)} events)")
        out.extend(f"  warning: {w}" for w in post["warnings"])
        for event in events:
            number = f"{event['index']}°/" if event["numbered"] else f"({event['index']})"
            out.append(f"  {number} {event['title']}  (line {event['line']})")
            when = [
                f"{label}: {event[key]}"
                for key, label in (("date", "date"), ("time", "time"), ("place", "place"))
                if event[key]
            ]
            if when:
                out.append("      " + "  ".join(when))
            for url in event["source_urls"] or [NO_SOURCE]:
                out.append(f"      source: {url}")
            out.append(f"      blocks: {_counts_text(event['block_counts'])}")
            if event["extras_count"]:
                out.append(
                    f"      after the source ({event['extras_count']}): "
                    f"{_counts_text(event['extras_counts'])}"
                )
        out.append(f"  outside events: {_counts_text(post['outside'])}")
        out.append("")
    totals = summary["totals"]
    out.append(
        f"{counted(totals['posts'], 'post')} read, {counted(totals['events'], 'event')}, "
        f"{totals['events_with_source']} citing a source; "
        f"{counted(totals['unreadable'], 'file')} could not be read"
    )
    return "\n".join(out)
