"""From a checked document (its JSON) to the words of its beads and their links."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from align.terminology.model import BeadWords, Link, PostWords, SentenceWords
from align.terminology.text import words


def document_key(document: Mapping[str, Any]) -> str:
    return str(document.get("path") or document.get("stem") or "")


def content_hash(document: Mapping[str, Any]) -> str:
    """What the terminology check reads of a document: its beads' texts and links."""
    parts = []
    for event in document.get("events") or ():
        parts.append(
            [
                [s.get("text") for s in event.get("fr_sentences") or ()],
                [s.get("text") for s in event.get("en_sentences") or ()],
                event.get("alignment") or [],
            ]
        )
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sentences(
    ids: Sequence[Any], by_id: Mapping[int, str], lang: str
) -> tuple[SentenceWords, ...]:
    out = []
    for value in ids:
        sid = int(value)
        if sid in by_id:
            text = by_id[sid]
            out.append(SentenceWords(sid, text, words(text, lang)))
    return tuple(out)


def _link(data: Any) -> Link | None:
    """A link of the JSON ({"en": [id, [s, e]], "fr": [id, [s, e]] | null, "by": …})."""
    try:
        en_sentence, (en_start, en_end) = data["en"]
        fr = data.get("fr")
        if fr is None:
            return Link(int(en_sentence), int(en_start), int(en_end), None, 0, 0, "none")
        fr_sentence, (fr_start, fr_end) = fr
        return Link(
            int(en_sentence),
            int(en_start),
            int(en_end),
            int(fr_sentence),
            int(fr_start),
            int(fr_end),
            str(data.get("by", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None  # a damaged link is not evidence


def post_words(document: Mapping[str, Any]) -> PostWords:
    """The words of every bead with both sides, in every compared event of the document."""
    beads = []
    for position, event in enumerate(document.get("events") or ()):
        fr_by_id = {int(s["id"]): str(s["text"]) for s in event.get("fr_sentences") or ()}
        en_by_id = {int(s["id"]): str(s["text"]) for s in event.get("en_sentences") or ()}
        for index, entry in enumerate(event.get("alignment") or ()):
            if not entry.get("fr") or not entry.get("en"):
                continue
            links = tuple(k for k in (_link(d) for d in entry.get("links") or ()) if k)
            beads.append(
                BeadWords(
                    position,
                    index,
                    _sentences(entry["en"], en_by_id, "en"),
                    _sentences(entry["fr"], fr_by_id, "fr"),
                    links,
                )
            )
    return PostWords(document_key(document), tuple(beads))
