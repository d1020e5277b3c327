"""From the JSON result to what a page shows: rows, finding items, plot geometry, index rows.

Pure functions over the result's plain dicts (the JSON contract), so the renderer can be tested
without a browser and stays tolerant of optional fields a producer leaves out.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from align.model import TRANSLATION_SENTENCE_KINDS
from align.report.evidence import (
    DetailItem,
    evidence_needles,
    find_spans,
    format_details,
    is_technical,
    plain_message,
    span_details,
)

TYPE_ORDER: tuple[str, ...] = (
    "omission",
    "partial_omission",
    "number",
    "name",
    "mistranslation",
    "wording",
    "direction",
    "qualifier",
    "terminology",
    "spelling",
    "untranslated",
    "addition",
    "elided",
)
TYPE_LABELS: Mapping[str, str] = {
    "omission": "Omission",
    "partial_omission": "Partial omission",
    "number": "Number",
    "name": "Name",
    "mistranslation": "Likely mistranslation",
    "wording": "Wrong word",
    "direction": "Direction",
    "qualifier": "Qualifier",
    "terminology": "Terminology",
    "spelling": "Non-word",
    "untranslated": "Untranslated",
    "addition": "Addition",
    "elided": "Elided <…>",
}
TYPE_SHORT: Mapping[str, str] = {
    "omission": "Omis.",
    "partial_omission": "Part.",
    "number": "Num.",
    "name": "Name",
    "mistranslation": "Mistr.",
    "wording": "Word",
    "direction": "Dir.",
    "qualifier": "Qual.",
    "terminology": "Term.",
    "spelling": "Spell.",
    "untranslated": "Untr.",
    "addition": "Add.",
    "elided": "Elided",
}
#: What each finding type means, in the reviewer's words (README "Reading a report").
TYPE_EXPLAIN: Mapping[str, str] = {
    "omission": "An English sentence has no French translation.",
    "partial_omission": "Part of an English sentence (a clause) is missing from its French.",
    "number": "A figure, date, amount or percentage differs, is missing or is added.",
    "name": "A person or place named on one side is missing or garbled on the other.",
    "mistranslation": "The French says something else than the English (a negation that is"
    " not in the English, or a sentence unusually far from its English).",
    "wording": "A term is rendered by a word that does not mean it (false friend, wrong sense).",
    "direction": "The French says the opposite direction: rise↔fall, more↔less, high↔low,"
    " before↔after.",
    "qualifier": "What qualifies a figure differs: about / more than / up to, or its time frame"
    " (per week ↔ per month).",
    "terminology": "A key term rendered differently from the rest of the corpus or from the"
    " glossary.",
    "spelling": "A French word that does not exist (typo or non-word).",
    "untranslated": "English left in the French.",
    "addition": "French text with no English counterpart.",
    "elided": "The translator marked a cut (<…>) or « À suivre » and the English goes on.",
}
SEVERITY_ORDER: tuple[str, ...] = ("high", "medium", "low", "info")
SEVERITY_RANK: Mapping[str, int] = {s: i for i, s in enumerate(SEVERITY_ORDER)}

EXTRA_LABELS: Mapping[str, str] = {
    "caption": "photo caption",
    "tag": "site tag",
    "note": "translator note",
    "elision": "elision <…> (cut by the translator)",
    "other": "not translation",
}
#: Finer labels for `other` French, from the corpus reader's block kind when it gives one.
BLOCK_KIND_LABELS: Mapping[str, str] = {
    "dateline": "dateline",
    "heading": "heading",
    "continued": "« À suivre » (to be continued)",
    "section_break": "section break",
    "furniture": "blog furniture",
    "addition": "blogger addition",
}
STATUS_LABELS: Mapping[str, str] = {
    "ok": "fetched",
    "cached": "from cache",
    "file": "from a saved file",
    "unavailable": "original unavailable",
    "no-source": "no source cited",
    "missing": "original unavailable",
    "failed": "original unavailable",
}
#: The status of an event that was not compared with an English original, and why.
NOT_CHECKED_LABELS: Mapping[str, str] = {
    "no-source": "not checked — no source cited",
}
NOT_CHECKED = "not checked — no original"
OUTSIDE_LABELS: Mapping[str, str] = {
    "furniture": "blog furniture",
    "addition": "blogger addition",
}


def event_compared(event: Mapping[str, Any]) -> bool:
    """True when an English original was aligned and checked: the event's `compared` field,
    or, for results written before it existed, an obtained original with sentences."""
    if "compared" in event:
        return bool(event["compared"])
    status = event.get("source_status")
    return status in ("ok", "cached", "file") and bool(event.get("en_sentences"))


def source_label(status: str, compared: bool) -> str:
    if not compared:
        return NOT_CHECKED_LABELS.get(status, NOT_CHECKED)
    return STATUS_LABELS.get(status, status)


def page_title(document: Mapping[str, Any]) -> str:
    """The page's title: the post's own header line; for a text without one (a check-pair
    translation, whose title would be its file name), the title of its one event."""
    stem = str(document.get("stem") or "")
    path_stem = re.sub(r"\.[^./]*$", "", str(document.get("path") or "").rsplit("/", 1)[-1])
    title = str(document.get("title") or "").strip()
    events = [e for e in document.get("events") or () if isinstance(e, Mapping)]
    generic = not title or title in (stem, path_stem) or title.startswith(f"{stem} · ")
    if generic and len(events) == 1 and str(events[0].get("title") or "").strip():
        return str(events[0]["title"]).strip()
    return title or stem or str(document.get("path") or "")


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind.replace("_", " ").capitalize())


def ordered_types(kinds: Iterable[str]) -> list[str]:
    """Known types in reviewer order, then any unknown ones alphabetically."""
    present = set(kinds)
    known = [t for t in TYPE_ORDER if t in present]
    return known + sorted(present - set(TYPE_ORDER))


def safe_href(url: Any) -> str | None:
    """Only http(s) addresses become links: a `javascript:` URL from a source never does."""
    if isinstance(url, str) and re.match(r"(?i)^https?://[^\s\"'<>]+$", url.strip()):
        return url.strip()
    return None


_LONG_DIGITS = re.compile(r"\d{5,}")


def _group_digits(match: re.Match[str]) -> str:
    digits = match.group(0)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return "\u202f".join(groups)


def number_title(number: Mapping[str, Any]) -> str:
    """The hover text of a highlighted number: its parsed value and kind."""
    value = _LONG_DIGITS.sub(_group_digits, str(number.get("value", "")))
    kind = number.get("kind")
    return f"value {value}" + (f" · {kind}" if kind else "")


@dataclass(frozen=True)
class Piece:
    """A run of a sentence's text with what covers it.

    `number`: the hover text when the run is a number; `links`: keys of the word links
    covering it (its counterpart on the other side carries the same keys); `link_head`: the
    first run of a link, where keyboard focus stops; `unlinked`: an English content word with
    no French counterpart; `evidence`: what a finding points at.
    """

    text: str
    number: str | None = None
    links: tuple[str, ...] = ()
    link_head: bool = False
    unlinked: bool = False
    evidence: bool = False

    @property
    def link_keys(self) -> str:
        return " ".join(self.links)


@dataclass(frozen=True)
class Span:
    """Something to mark in a text: kind `number` (value = hover text), `link` (value = link
    key), `unlinked` or `evidence`."""

    start: int
    end: int
    kind: str
    value: str = ""


@dataclass(frozen=True)
class SentenceView:
    side: str
    id: int
    text: str
    kind: str
    pieces: tuple[Piece, ...]
    speaker: str | None  # shown only where the speaker changes


def _number_spans(text: str, numbers: Sequence[Mapping[str, Any]]) -> list[Span]:
    """Number spans in order, bad or overlapping ones skipped."""
    spans = []
    for n in numbers or ():
        start, end = n.get("start"), n.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.append(Span(start, end, "number", number_title(n)))
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def segment(text: str, spans: Sequence[Span]) -> tuple[Piece, ...]:
    """Cut a text into runs at every span boundary; each run knows what covers it."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not valid:
        return (Piece(text),)
    numbers = [s for s in valid if s.kind == "number"]
    # A number stays one piece: a link or evidence edge inside it widens to the whole number.
    bounds = sorted(
        point
        for point in {0, len(text), *(s.start for s in valid), *(s.end for s in valid)}
        if not any(n.start < point < n.end for n in numbers)
    )
    pieces: list[Piece] = []
    seen_links: set[str] = set()
    for a, b in itertools.pairwise(bounds):
        covering = [s for s in valid if s.start < b and a < s.end]
        links = tuple(dict.fromkeys(s.value for s in covering if s.kind == "link"))
        piece = Piece(
            text[a:b],
            number=next((s.value for s in covering if s.kind == "number"), None),
            links=links,
            link_head=any(key not in seen_links for key in links),
            unlinked=any(s.kind == "unlinked" for s in covering),
            evidence=any(s.kind == "evidence" for s in covering),
        )
        seen_links.update(links)
        last = pieces[-1] if pieces else None
        plain = piece.number is None and not piece.links
        same = last is not None and (last.number, last.links, last.unlinked, last.evidence) == (
            piece.number,
            piece.links,
            piece.unlinked,
            piece.evidence,
        )
        if last is not None and same and plain:
            pieces[-1] = dataclasses.replace(last, text=last.text + piece.text)
        else:
            pieces.append(piece)
    return tuple(pieces)


def split_numbers(text: str, numbers: Sequence[Mapping[str, Any]]) -> tuple[Piece, ...]:
    """Cut a sentence into plain and number pieces (bad or overlapping spans are skipped)."""
    return segment(text, _number_spans(text, numbers))


@dataclass(frozen=True)
class Marker:
    """A finding shown on a row of the alignment."""

    id: str
    type: str
    severity: str
    anchor: str
    label: str
    message: str


@dataclass(frozen=True)
class Row:
    """One line of the side-by-side view.

    kind: `bead` (both sides), `gap-fr` (English with no French: a gap on the French side),
    `gap-en` (French with no English), `extra` (French that is not translation: caption, tag,
    note, elision…), `fr-only` (translation text with no alignment, e.g. original missing).
    """

    key: str
    kind: str
    number: int | None  # 1-based bead number, for beads and gaps
    score: float | None
    en: tuple[SentenceView, ...]
    fr: tuple[SentenceView, ...]
    extra_kind: str | None = None
    markers: tuple[Marker, ...] = ()

    @property
    def extra_label(self) -> str:
        kind = self.extra_kind or ""
        return EXTRA_LABELS.get(kind) or BLOCK_KIND_LABELS.get(kind) or kind.replace("_", " ")

    @property
    def finding_ids(self) -> str:
        return " ".join(dict.fromkeys(m.id for m in self.markers))

    @property
    def finding_types(self) -> str:
        return " ".join(dict.fromkeys(m.type for m in self.markers))


@dataclass(frozen=True)
class FindingView:
    """A finding card: what is wrong in plain words, both texts with the evidence
    highlighted, and the technical details for the collapsed block."""

    id: str
    anchor: str
    type: str
    type_label: str
    severity: str
    confidence: float
    message: str  # in plain words
    details: tuple[DetailItem, ...]
    row_key: str | None
    fr: tuple[int, ...]
    en: tuple[int, ...]
    explain: str = ""
    full_message: str | None = None  # the check's own message when it says more
    en_texts: tuple[SentenceView, ...] = ()
    fr_texts: tuple[SentenceView, ...] = ()
    en_more: int = 0  # sentences not shown on the card
    fr_more: int = 0


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    y: float
    height: float
    css: str  # ok | weak | low | gap | flagged
    title: str
    href: str


@dataclass(frozen=True)
class Plot:
    width: int
    height: int
    bars: tuple[Bar, ...]
    median_y: float | None
    median: float | None
    weak_spans: tuple[tuple[float, float], ...]  # x ranges of runs of weak beads or gaps


@dataclass(frozen=True)
class EventView:
    anchor: str
    index: Any
    title: str
    title_en: str | None
    date: str | None
    time: str | None
    place: str | None
    source_url: str | None
    source_href: str | None
    source_status: str
    source_label: str
    source_detail: str | None
    original: Mapping[str, Any] | None
    rows: tuple[Row, ...]
    findings: tuple[FindingView, ...]
    plot: Plot | None
    coverage: float | None
    counts: tuple[tuple[str, int], ...]  # (type, count) in reviewer order
    by_severity: tuple[tuple[str, int], ...]
    fr_count: int
    en_count: int
    bead_count: int
    gap_count: int
    ignored: int
    truncated: bool = False  # the French declares itself unfinished (« À suivre »)
    extras: tuple[Mapping[str, Any], ...] = ()  # after the source URL: not translation
    compared: bool = True  # an English original was aligned and checked

    @property
    def has_original(self) -> bool:
        return bool(self.original) or any(r.en for r in self.rows)

    @property
    def has_links(self) -> bool:
        return any(p.links for r in self.rows for s in r.en for p in s.pieces)


def _as_ids(values: Any) -> tuple[int, ...]:
    return tuple(v for v in (values or ()) if isinstance(v, int))


def _sentence_view(
    side: str, s: Mapping[str, Any], speaker: str | None, extra: Sequence[Span] = ()
) -> SentenceView:
    text = str(s.get("text", ""))
    return SentenceView(
        side=side,
        id=int(s.get("id", 0)),
        text=text,
        kind=str(s.get("kind") or "body"),
        pieces=segment(text, [*_number_spans(text, s.get("numbers") or ()), *extra]),
        speaker=speaker,
    )


def _link_end(value: Any) -> tuple[int, int, int] | None:
    """A link end `[sentence_id, [start, end]]` as (sentence id, start, end)."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    sid, span = value
    if not isinstance(sid, int) or not isinstance(span, list | tuple) or len(span) != 2:
        return None
    if not all(isinstance(v, int) for v in span):
        return None
    return sid, int(span[0]), int(span[1])


def link_spans(event: Mapping[str, Any], prefix: str) -> dict[tuple[str, int], list[Span]]:
    """Word-link spans per (side, sentence id), from each alignment entry's `links`: a link
    key shared by both ends; an English word linked to nothing (`by: none`) is `unlinked`."""
    out: dict[tuple[str, int], list[Span]] = {}
    for number, entry in enumerate(event.get("alignment") or (), start=1):
        if not isinstance(entry, Mapping):
            continue
        for n, link in enumerate(entry.get("links") or (), start=1):
            if not isinstance(link, Mapping):
                continue
            en, fr = _link_end(link.get("en")), _link_end(link.get("fr"))
            if en is None:
                continue
            if fr is None or link.get("by") == "none":
                out.setdefault(("en", en[0]), []).append(Span(en[1], en[2], "unlinked"))
                continue
            key = f"{prefix}-w{number}-{n}"
            out.setdefault(("en", en[0]), []).append(Span(en[1], en[2], "link", key))
            out.setdefault(("fr", fr[0]), []).append(Span(fr[1], fr[2], "link", key))
    return out


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in taken:
        n += 1
        candidate = f"{anchor}-{n}"
    taken.add(candidate)
    return candidate


#: A planned row: (kind, bead number, score, en ids, fr ids, extra kind); see `Row`.
PlannedRow = tuple[str, int | None, float | None, tuple[int, ...], tuple[int, ...], str | None]


def row_plan(event: Mapping[str, Any]) -> list[PlannedRow]:
    """The rows of an event's side-by-side view, in order, before any text is laid out: beads
    in order, with French non-translation sentences and any unaligned sentence put back at
    their place in the document (by id order). Row n (1-based) gets the key `<prefix>-r<n>`."""
    fr_by_id = {int(s["id"]): s for s in event.get("fr_sentences") or () if "id" in s}
    en_by_id = {int(s["id"]): s for s in event.get("en_sentences") or () if "id" in s}
    beads = [b for b in event.get("alignment") or () if isinstance(b, Mapping)]
    in_bead_fr = {i for b in beads for i in _as_ids(b.get("fr"))}
    in_bead_en = {i for b in beads for i in _as_ids(b.get("en"))}
    pending_fr = sorted(i for i in fr_by_id if i not in in_bead_fr)
    pending_en = sorted(i for i in en_by_id if i not in in_bead_en)
    plan: list[PlannedRow] = []

    def flush(fr_before: float, en_before: float) -> None:
        while pending_en and pending_en[0] < en_before:
            plan.append(("gap-fr", None, None, (pending_en.pop(0),), (), None))
        while pending_fr and pending_fr[0] < fr_before:
            i = pending_fr.pop(0)
            kind = str(fr_by_id[i].get("kind") or "body")
            if kind in TRANSLATION_SENTENCE_KINDS:
                plan.append(("fr-only", None, None, (), (i,), None))
            else:
                block_kind = fr_by_id[i].get("block_kind")
                if kind == "other" and block_kind in BLOCK_KIND_LABELS:
                    kind = str(block_kind)
                plan.append(("extra", None, None, (), (i,), kind))

    for number, bead in enumerate(beads, start=1):
        fr_ids = tuple(i for i in _as_ids(bead.get("fr")) if i in fr_by_id)
        en_ids = tuple(i for i in _as_ids(bead.get("en")) if i in en_by_id)
        if not fr_ids and not en_ids:
            continue
        flush(min(fr_ids) if fr_ids else -1, min(en_ids) if en_ids else -1)
        kind = "bead" if fr_ids and en_ids else ("gap-fr" if en_ids else "gap-en")
        score = bead.get("score")
        score = float(score) if isinstance(score, int | float) else None
        plan.append((kind, number, score, en_ids, fr_ids, None))
    flush(float("inf"), float("inf"))
    return plan


def bead_numbers(event: Mapping[str, Any]) -> dict[int, int]:
    """The bead number (as the gutter shows it) of each entry of the event's `alignment`."""
    numbers: dict[int, int] = {}
    for position, bead in enumerate(event.get("alignment") or ()):
        if isinstance(bead, Mapping):
            numbers[position] = len(numbers) + 1
    return numbers


def build_rows(event: Mapping[str, Any], prefix: str) -> tuple[Row, ...]:
    """Beads in order, with French non-translation sentences and any unaligned sentence put
    back at their place in the document (by id order): nothing of either side is dropped."""
    fr_by_id = {int(s["id"]): s for s in event.get("fr_sentences") or () if "id" in s}
    en_by_id = {int(s["id"]): s for s in event.get("en_sentences") or () if "id" in s}
    plan = row_plan(event)

    rows: list[Row] = []
    last_speaker = {"fr": None, "en": None}
    links = link_spans(event, prefix)

    def views(side: str, ids: tuple[int, ...], by_id: Mapping[int, Any]) -> tuple:
        out = []
        for i in ids:
            speaker = by_id[i].get("speaker") or None
            shown = speaker if speaker and speaker != last_speaker[side] else None
            last_speaker[side] = speaker
            out.append(_sentence_view(side, by_id[i], shown, links.get((side, i), ())))
        return tuple(out)

    for n, (kind, number, score, en_ids, fr_ids, extra) in enumerate(plan, start=1):
        rows.append(
            Row(
                key=f"{prefix}-r{n}",
                kind=kind,
                number=number,
                score=score,
                en=views("en", en_ids, en_by_id),
                fr=views("fr", fr_ids, fr_by_id),
                extra_kind=extra,
            )
        )
    return tuple(rows)


#: How many sentences of each side a finding card shows (the rest is counted).
CARD_SENTENCES = 3


#: Explanations for one kind of a finding type (`details.kind`), where it differs from the
#: type's own.
KIND_EXPLAIN: Mapping[tuple[str, str], str] = {
    ("addition", "english_stops"): "The English original ends before the French does: the"
    " French after that point was not compared (a partial page or a truncated copy?).",
    ("terminology", "glossary"): "A key term is not rendered as the glossary says.",
    ("terminology", "consistency"): "A key term is rendered here otherwise than in the rest of"
    " the checked posts.",
    ("terminology", "shared_rendering"): "A term is rendered here as the checked posts render"
    " another term.",
}


def explain(finding: Mapping[str, Any]) -> str:
    kind = str(finding.get("type", ""))
    details = finding.get("details")
    sub = details.get("kind") if isinstance(details, Mapping) else None
    return KIND_EXPLAIN.get((kind, str(sub)), TYPE_EXPLAIN.get(kind, ""))


def card_message(finding: Mapping[str, Any]) -> tuple[str, str | None]:
    """(what the card says, the check's own message when it said more).

    The check's message without its technical asides; where nothing plain is left, the
    type's own explanation."""
    kind = str(finding.get("type", ""))
    original = " ".join(str(finding.get("message", "")).split())
    plain = plain_message(original)
    if not plain or is_technical(plain):
        plain = explain(finding) or plain or type_label(kind)
    return plain, (original if original and original != plain else None)


def card_texts(
    side: str,
    ids: Sequence[int],
    by_id: Mapping[int, Mapping[str, Any]],
    needles: Sequence[str],
    spans: Sequence[tuple[int, int]] = (),
) -> tuple[tuple[SentenceView, ...], int]:
    """The finding's sentences of one side, evidence highlighted; and how many are left out."""
    present = [i for i in ids if i in by_id]
    shown = []
    for i in present[:CARD_SENTENCES]:
        text = str(by_id[i].get("text", ""))
        found = find_spans(text, needles)
        if len(present) == 1:
            found += [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
        evidence = [Span(s, e, "evidence") for s, e in found]
        shown.append(_sentence_view(side, by_id[i], None, evidence))
    return tuple(shown), len(present) - len(shown)


def attach_findings(
    rows: tuple[Row, ...],
    findings: Sequence[Mapping[str, Any]],
    taken: set[str],
    event: Mapping[str, Any] | None = None,
) -> tuple[tuple[Row, ...], tuple[FindingView, ...]]:
    """Put a marker for each finding on every row holding one of its sentences, and build the
    finding cards in document order (then by severity)."""
    event = event or {}
    fr_by_id = {int(s["id"]): s for s in event.get("fr_sentences") or () if "id" in s}
    en_by_id = {int(s["id"]): s for s in event.get("en_sentences") or () if "id" in s}
    row_of_fr = {s.id: n for n, r in enumerate(rows) for s in r.fr}
    row_of_en = {s.id: n for n, r in enumerate(rows) for s in r.en}
    markers: dict[int, list[Marker]] = {}
    views: list[tuple[int, int, FindingView]] = []
    for f in findings:
        fid = str(f.get("id", ""))
        ftype = str(f.get("type", ""))
        severity = str(f.get("severity", "info"))
        anchor = _unique(f"f-{fid}", taken)
        fr_ids, en_ids = _as_ids(f.get("fr")), _as_ids(f.get("en"))
        touched = sorted(
            {row_of_fr[i] for i in fr_ids if i in row_of_fr}
            | {row_of_en[i] for i in en_ids if i in row_of_en}
        )
        message, full = card_message(f)
        marker = Marker(fid, ftype, severity, anchor, type_label(ftype), message)
        for n in touched:
            markers.setdefault(n, []).append(marker)
        confidence = f.get("confidence")
        needles = evidence_needles(str(f.get("message", "")), f.get("details"))
        direct = span_details(f.get("details"))
        en_texts, en_more = card_texts("en", en_ids, en_by_id, needles, direct.get("en", ()))
        fr_texts, fr_more = card_texts("fr", fr_ids, fr_by_id, needles, direct.get("fr", ()))
        views.append(
            (
                touched[0] if touched else len(rows),
                SEVERITY_RANK.get(severity, len(SEVERITY_RANK)),
                FindingView(
                    id=fid,
                    anchor=anchor,
                    type=ftype,
                    type_label=type_label(ftype),
                    severity=severity,
                    confidence=float(confidence) if isinstance(confidence, int | float) else 0.0,
                    message=message,
                    details=format_details(f.get("details")),
                    row_key=rows[touched[0]].key if touched else None,
                    fr=fr_ids,
                    en=en_ids,
                    explain=explain(f),
                    full_message=full,
                    en_texts=en_texts,
                    fr_texts=fr_texts,
                    en_more=en_more,
                    fr_more=fr_more,
                ),
            )
        )
    new_rows = tuple(
        Row(**{**r.__dict__, "markers": tuple(markers.get(n, ()))}) for n, r in enumerate(rows)
    )
    ordered = tuple(v for _, _, v in sorted(views, key=lambda t: (t[0], t[1])))
    return new_rows, ordered


PLOT_W, PLOT_H = 1000, 120
WEAK = 0.6  # below this a bead is drawn as weak; the plot is a picture, not a finding


def build_plot(rows: tuple[Row, ...], flagged: set[str]) -> Plot | None:
    """Bead similarity along the event: one bar per bead; gaps drawn full height in red."""
    beads = [r for r in rows if r.number is not None]
    if not beads or not any(r.kind == "bead" for r in beads):
        return None
    step = PLOT_W / len(beads)
    width = max(step * 0.8, 1.0)
    bars: list[Bar] = []
    weak_x: list[float] = []
    for i, r in enumerate(beads):
        x = i * step + (step - width) / 2
        is_flagged = any(m.id in flagged for m in r.markers)
        if r.kind != "bead":
            side = "no French" if r.kind == "gap-fr" else "no English"
            bars.append(Bar(x, width, 0, PLOT_H, "gap", f"#{r.number}: gap ({side})", r.key))
            weak_x.append(i * step)
            continue
        score = max(0.0, min(1.0, r.score or 0.0))
        height = max(score * PLOT_H, 2.0)
        css = "flagged" if is_flagged else ("weak" if score < WEAK else "ok")
        if score < WEAK:
            weak_x.append(i * step)
        bars.append(
            Bar(
                x,
                width,
                PLOT_H - height,
                height,
                css,
                f"#{r.number}: similarity {score:.2f}",
                r.key,
            )
        )
    median = statistics.median(r.score or 0.0 for r in beads if r.kind == "bead")
    spans: list[tuple[float, float]] = []
    for x in weak_x:
        if spans and abs(spans[-1][1] - x) < 1e-6:
            spans[-1] = (spans[-1][0], x + step)
        else:
            spans.append((x, x + step))
    return Plot(
        PLOT_W, PLOT_H, tuple(bars), PLOT_H - median * PLOT_H, round(median, 2), tuple(spans)
    )


def _counts(findings: Sequence[FindingView]) -> tuple[tuple[tuple[str, int], ...], ...]:
    by_type: dict[str, int] = {}
    by_sev: dict[str, int] = {}
    for f in findings:
        by_type[f.type] = by_type.get(f.type, 0) + 1
        by_sev[f.severity] = by_sev.get(f.severity, 0) + 1
    types = tuple((t, by_type[t]) for t in ordered_types(by_type))
    sevs = tuple((s, by_sev[s]) for s in SEVERITY_ORDER if s in by_sev)
    return types, sevs


def event_anchor(event: Mapping[str, Any], position: int, taken: set[str]) -> str:
    index = event.get("index")
    base = f"event-{index}" if isinstance(index, int) else f"event-{position}"
    return _unique(base, taken)


def build_event(event: Mapping[str, Any], anchor: str, taken: set[str]) -> EventView:
    rows = build_rows(event, row_prefix(anchor))
    # A producer may keep ignored findings marked `"ignored": true`: they are not shown.
    listed = [f for f in event.get("findings") or () if isinstance(f, Mapping)]
    findings_json = [f for f in listed if not f.get("ignored")]
    rows, findings = attach_findings(rows, findings_json, taken, event)
    flagged = {f.id for f in findings if f.severity in ("high", "medium")}
    counts, by_sev = _counts(findings)
    summary = event.get("summary") or {}
    coverage = summary.get("coverage")
    status = str(
        event.get("source_status") or ("no-source" if not event.get("source_url") else "ok")
    )
    original = event.get("original") if isinstance(event.get("original"), Mapping) else None
    title_en = event.get("title_en") or (original or {}).get("title") or None
    compared = event_compared(event)
    return EventView(
        anchor=anchor,
        index=event.get("index"),
        title=str(event.get("title") or "(untitled)"),
        title_en=str(title_en) if title_en else None,
        date=event.get("date") or None,
        time=event.get("time") or None,
        place=event.get("place") or None,
        source_url=event.get("source_url") or None,
        source_href=safe_href(event.get("source_url")),
        source_status=status,
        source_label=source_label(status, compared),
        source_detail=event.get("source_detail") or None,
        original=original,
        rows=rows,
        findings=findings,
        plot=build_plot(rows, flagged),
        coverage=float(coverage) if isinstance(coverage, int | float) else None,
        counts=counts,
        by_severity=by_sev,
        fr_count=len(event.get("fr_sentences") or ()),
        en_count=len(event.get("en_sentences") or ()),
        bead_count=sum(1 for r in rows if r.kind == "bead"),
        gap_count=sum(1 for r in rows if r.kind in ("gap-fr", "gap-en")),
        ignored=int(summary.get("ignored") or 0) + len(listed) - len(findings_json),
        truncated=bool(event.get("truncated")),
        extras=tuple(x for x in event.get("extras") or () if isinstance(x, Mapping)),
        compared=compared,
    )


def row_prefix(event_anchor: str) -> str:
    """The prefix of an event's row keys: `event-2` → `e2` (rows `e2-r1`, `e2-r2`…)."""
    return event_anchor.replace("event-", "e")


def build_events(document: Mapping[str, Any]) -> tuple[EventView, ...]:
    taken: set[str] = set()
    out = []
    for position, event in enumerate(document.get("events") or (), start=1):
        if isinstance(event, Mapping):
            out.append(build_event(event, event_anchor(event, position, taken), taken))
    return tuple(out)


@dataclass(frozen=True)
class EventPlace:
    """An event on its post page: its anchor, number, and the row key and gutter number of
    each bead (by the bead's position in the event's `alignment`)."""

    anchor: str
    index: Any
    rows: Mapping[int, str]
    numbers: Mapping[int, int]


@dataclass(frozen=True)
class FindingPlace:
    anchor: str
    type: str
    severity: str


@dataclass(frozen=True)
class PageAnchors:
    """Where things are on a post page, as `build_events` names them, computed without laying
    out any text (the index links into every post): events by their position in the
    document's `events` (0-based), finding cards by id (findings shown on the page only)."""

    events: Mapping[int, EventPlace]
    findings: Mapping[str, FindingPlace]


def page_anchors(document: Mapping[str, Any]) -> PageAnchors:
    taken: set[str] = set()
    events: dict[int, EventPlace] = {}
    findings: dict[str, FindingPlace] = {}
    for position, event in enumerate(document.get("events") or ()):
        if not isinstance(event, Mapping):
            continue
        anchor = event_anchor(event, position + 1, taken)
        # the same order as build_event: the event's anchor, then its cards' anchors
        for f in event.get("findings") or ():
            if isinstance(f, Mapping) and not f.get("ignored"):
                fid = str(f.get("id", ""))
                place = FindingPlace(
                    _unique(f"f-{fid}", taken),
                    str(f.get("type", "")),
                    str(f.get("severity", "info")),
                )
                findings.setdefault(fid, place)
        keys = {
            number: f"{row_prefix(anchor)}-r{n}"
            for n, (_, number, *_rest) in enumerate(row_plan(event), start=1)
            if number is not None
        }
        numbers = bead_numbers(event)
        rows = {at: keys[number] for at, number in numbers.items() if number in keys}
        events[position] = EventPlace(anchor, event.get("index"), rows, numbers)
    return PageAnchors(events, findings)


@dataclass(frozen=True)
class IndexRow:
    """One event of one post in the index; `sort` holds each column's sort key."""

    post_title: str
    post_path: str
    post_href: str | None
    event_href: str | None
    index: Any
    title: str
    title_en: str | None
    date: str | None
    source_status: str
    source_label: str
    coverage: float | None
    by_type: Mapping[str, int]
    by_severity: Mapping[str, int]
    total: int
    compared: bool = True


def index_rows(
    documents: Sequence[Mapping[str, Any]], links: Mapping[str, str]
) -> tuple[IndexRow, ...]:
    rows = []
    for doc in documents:
        path = str(doc.get("path", ""))
        stem = str(doc.get("stem", ""))
        href = links.get(path) or links.get(stem)
        taken: set[str] = set()
        events = [e for e in doc.get("events") or () if isinstance(e, Mapping)]
        for position, event in enumerate(events, start=1):
            anchor = event_anchor(event, position, taken)
            by_type: dict[str, int] = {}
            by_sev: dict[str, int] = {}
            for f in event.get("findings") or ():
                if not isinstance(f, Mapping) or f.get("ignored"):
                    continue
                by_type[str(f.get("type"))] = by_type.get(str(f.get("type")), 0) + 1
                by_sev[str(f.get("severity"))] = by_sev.get(str(f.get("severity")), 0) + 1
            status = str(event.get("source_status") or "no-source")
            coverage = (event.get("summary") or {}).get("coverage")
            compared = event_compared(event)
            rows.append(
                IndexRow(
                    post_title=page_title(doc),
                    post_path=path,
                    post_href=href,
                    event_href=f"{href}#{anchor}" if href else None,
                    index=event.get("index"),
                    title=str(event.get("title") or "(untitled)"),
                    title_en=event.get("title_en")
                    or ((event.get("original") or {}).get("title") or None),
                    date=event.get("date") or None,
                    source_status=status,
                    source_label=source_label(status, compared),
                    coverage=float(coverage)
                    if compared and isinstance(coverage, int | float)
                    else None,
                    by_type=by_type,
                    by_severity=by_sev,
                    total=sum(by_type.values()),
                    compared=compared,
                )
            )
    return tuple(rows)


def sort_key_coverage(coverage: float | None) -> str:
    """Sort keys are strings in data-sort attributes; a missing coverage sorts as empty."""
    return "" if coverage is None else f"{coverage:.4f}"
