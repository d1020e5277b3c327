"""A finding in the reviewer's words: its plain message, the evidence to highlight in both
texts, and its technical details as a readable key/value list.

Generic on purpose: every check puts what it likes in `details`, and new finding types must
read well without code here knowing them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Words that make a clause technical: scores, thresholds and the aligner's own vocabulary.
_TECHNICAL = re.compile(
    r"(?i)\b(similarit(?:y|ies)|median|bead|beads|robust|z|mad|scores?|coverage|threshold|"
    r"clause match|ratio|cosine|calibrat\w*|gain|limit|embedding|encoder|typically|"
    r"word links?|percentile)\b|[+−-]\d+\.\d+|\b[01]\.\d{2}\b"
)
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_QUOTED = re.compile(r"[“«\"]\s*([^”»\"]{2,200}?)\s*[”»\"]")


def is_technical(text: str) -> bool:
    """Does the text still speak of scores, thresholds or the aligner's vocabulary?"""
    return bool(_TECHNICAL.search(_QUOTED.sub("", text)))


def plain_message(message: str) -> str:
    """The check's message without its technical asides.

    Parenthesised asides that carry scores or thresholds go (they are in the details), and
    so does a trailing ": …" or "; …" clause made of them. Quotes stay.
    """
    text = " ".join(str(message).split())
    text = _PARENTHESES.sub(lambda m: "" if _TECHNICAL.search(m.group(1)) else m.group(0), text)
    parts = re.split(r"(?<=[:;])\s+", text)
    kept = [parts[0]]
    for part in parts[1:]:
        if _TECHNICAL.search(part) and not _QUOTED.search(part):
            break
        kept.append(part)
    text = " ".join(kept).strip()
    text = re.sub(r"\s*[:;,]\s*$", "", text)
    text = re.sub(r"\s+([:;,.])", r"\1", text)
    return text[:1].upper() + text[1:] if text else text


# ---------------------------------------------------------------- details, humanised

#: Keys whose value is a text the card already shows in full.
TEXT_KEYS = frozenset(
    {"fr_text", "en_text", "other_text", "fr_texts", "en_texts", "text", "texts", "sentence"}
)
#: Keys naming a method or a category, not evidence: shown in details, never highlighted.
META_KEYS = frozenset(
    {
        "kind",
        "kinds",
        "called_by",
        "reason",
        "by",
        "method",
        "source",
        "side",
        "type",
        "severity",
        "level",
        "status",
        "change",
        "relation",
        "language",
        "present_in",
        "unit",
    }
)
_WORDS = {
    "en": "English",
    "fr": "French",
    "bead": "pair",
    "beads": "pairs",
    "sim": "similarity",
    "mad": "spread (MAD)",
    "z": "robust z",
    "pct": "%",
    "ids": "sentences",
    "id": "sentence",
    "max": "at most",
    "min": "at least",
    "url": "URL",
    "english": "English",
    "french": "French",
}
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def humanise_key(key: Any) -> str:
    """`best_neighbour_similarity` → "Best neighbour similarity"; `en_span` → "English span"."""
    words = [w for w in re.split(r"[_\s]+", str(key)) if w]
    words = [_WORDS.get(w.lower(), w) for w in words]
    text = " ".join(words) or str(key)
    return text[:1].upper() + text[1:]


_LONG_DIGITS = re.compile(r"\d{5,}")
_SIDES = {"en": "English", "fr": "French"}


def _group(match: re.Match[str]) -> str:
    digits = match.group(0)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return "\u202f".join(groups)


def format_scalar(value: Any) -> str:
    """A value as a reviewer reads it: yes/no, rounded numbers, grouped digits."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return _LONG_DIGITS.sub(_group, str(value))
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer() and abs(value) >= 1:
            return _LONG_DIGITS.sub(_group, str(int(value)))
        if abs(value) >= 100:
            return _LONG_DIGITS.sub(_group, f"{value:.0f}")
        return f"{value:.2f}" if abs(value) >= 0.01 or value == 0 else f"{value:.3g}"
    if value is None:
        return "—"
    if value in _SIDES:
        return _SIDES[value]
    if isinstance(value, str) and _IDENTIFIER.match(value):  # a category: english_stops
        return humanise_key(value)
    return _LONG_DIGITS.sub(_group, str(value)) if str(value).isdigit() else str(value)


@dataclass(frozen=True)
class DetailItem:
    """One line of a finding's details: a label and a value, or a label and sub-items."""

    label: str
    value: str | None = None
    items: tuple[DetailItem, ...] = ()


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def _compact(mapping: Mapping[str, Any]) -> str:
    """A small flat mapping on one line: "word Vucic · closest Vukotic · score 66.7"."""
    return " · ".join(
        f"{humanise_key(k).lower()} {format_scalar(v)}"
        for k, v in mapping.items()
        if v is not None and _is_scalar(v)
    )


def _item(key: Any, value: Any, depth: int) -> DetailItem | None:
    label = humanise_key(key)
    if value is None or value == [] or value == {}:
        return None
    if _is_scalar(value):
        return DetailItem(label, format_scalar(value))
    if isinstance(value, Mapping):
        if depth >= 3 or (all(_is_scalar(v) for v in value.values()) and len(value) <= 3):
            return DetailItem(label, _compact(value))
        items = tuple(i for k, v in value.items() if (i := _item(k, v, depth + 1)) is not None)
        return DetailItem(label, None, items) if items else None
    if isinstance(value, list | tuple):
        if all(_is_scalar(v) for v in value):
            return DetailItem(label, ", ".join(format_scalar(v) for v in value))
        items = []
        for n, entry in enumerate(value, start=1):
            if isinstance(entry, Mapping) and all(_is_scalar(v) for v in entry.values()):
                items.append(DetailItem(str(n), _compact(entry)))
            elif (sub := _item(str(n), entry, depth + 1)) is not None:
                items.append(sub)
        return DetailItem(label, None, tuple(items)) if items else None
    return DetailItem(label, str(value))


def format_details(details: Any) -> tuple[DetailItem, ...]:
    """A finding's details as a humanised key/value list (texts the card shows are left out)."""
    if not isinstance(details, Mapping):
        return ()
    out = []
    for key, value in details.items():
        if str(key) in TEXT_KEYS:
            continue
        item = _item(key, value, 0)
        if item is not None:
            out.append(item)
    return tuple(out)


# ---------------------------------------------------------------- evidence to highlight


def _strings(value: Any, key: str = "") -> Iterable[str]:
    if key in META_KEYS or key in TEXT_KEYS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v, key)


def evidence_needles(message: str, details: Any) -> tuple[str, ...]:
    """Words and phrases a finding points at: quotes in its message and the short texts of
    its details (a number as written, a name, a clause), longest first."""
    found: list[str] = []
    for match in _QUOTED.finditer(message):
        quote = match.group(1).strip()
        if quote.endswith("…"):  # cut short by the check: its start, to the sentence's end
            quote = quote.rstrip("…").rsplit(" ", 1)[0] + "…"
        found.append(quote)
    if isinstance(details, Mapping):
        found += list(_strings(details))
    needles = []
    for text in found:
        text = " ".join(str(text).split()).strip()
        if len(text) < 2 or len(text) > 300 or not any(c.isalnum() for c in text):
            continue
        if "_" in text and " " not in text:  # an identifier, e.g. merged_into_bead
            continue
        needles.append(text)
    return tuple(sorted(dict.fromkeys(needles), key=len, reverse=True))


def find_spans(text: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """Where the needles occur in the text (case-insensitive, whole words), longest first,
    without overlaps; sorted by position."""
    taken: list[tuple[int, int]] = []
    folded = text.casefold()
    for needle in needles:
        truncated = needle.endswith("…") and len(needle) > 12
        core = needle.rstrip("…").strip() if truncated else needle
        tail = r"" if truncated else r"(?!\w)"
        pattern = re.compile(r"(?<!\w)" + re.escape(core.casefold()) + tail)
        for match in pattern.finditer(folded):
            start, end = match.span()
            if truncated:  # a quote the check cut short runs to the end of its sentence
                end = len(text)
            if len(folded) != len(text):  # casefold changed lengths (ß): give up on offsets
                return sorted(taken)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return sorted(taken)


def span_details(details: Any) -> dict[str, list[tuple[int, int]]]:
    """Character spans a check gives directly: `en_span` / `fr_span` as [start, end]."""
    out: dict[str, list[tuple[int, int]]] = {}
    if not isinstance(details, Mapping):
        return out
    for side in ("en", "fr"):
        value = details.get(f"{side}_span")
        if (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(isinstance(v, int) for v in value)
        ):
            out.setdefault(side, []).append((int(value[0]), int(value[1])))
    return out
