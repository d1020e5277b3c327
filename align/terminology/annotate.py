"""The terminology check over checked documents: findings, the per-post and corpus summaries.

It runs after every post of a run is checked (its evidence is the whole folder), on the JSON
documents: it removes the `terminology` findings an earlier run left, adds the new ones to
their events (ignored ids left out, summaries recounted), and gives each document a
"terminology" object; the batch index gets the same over all documents. docs/terminology.md
describes both shapes.
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from align.model import Finding, FindingType, Severity, event_keys, finding_id, occurrence_id
from align.terminology.cache import TermCache
from align.terminology.consistency import Deviation, TermReport, judge
from align.terminology.extract import document_key, post_words
from align.terminology.glossary import EMPTY, Glossary, GlossaryEntry
from align.terminology.glossary_check import GlossaryHit, glossary_hits
from align.terminology.model import DEFAULT_TERM_CONFIG, Occurrence, PostWords, TermConfig
from align.words.tokens import fold

TYPE = str(FindingType.TERMINOLOGY)


@dataclass(frozen=True)
class TermsOutcome:
    documents: list[dict[str, Any]]  # the documents given, with the check's results
    changed: list[str]  # documents whose terminology findings differ from what they held
    index: dict[str, Any]  # the corpus summary for the batch index
    reports: list[TermReport] = field(default_factory=list)
    hits: list[GlossaryHit] = field(default_factory=list)


@dataclass
class _Planned:
    occurrence: Occurrence
    finding: Finding
    content: str = ""


def _quote(text: str | None) -> str:
    return f"'{' '.join((text or '').split())}'"


def _letters(text: str | None) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", fold(text or "")))


def _left_in_english(o: Occurrence, expected: str | None) -> bool:
    """The French uses the English term's own words (and the expected rendering does not:
    "Constitution" is both)."""
    english = _letters(o.en_text)
    used = _letters(o.fr_text) if o.rendering else set()
    return bool(used) and used <= english and not _letters(expected) <= english


def _glossary_line(entry: GlossaryEntry) -> dict[str, Any]:
    return {
        "file": entry.source,
        "line": entry.line,
        "entry": entry.english + " → " + " | ".join(entry.accepted or ("—",)),
        "accepted": list(entry.accepted),
        "forbidden": list(entry.forbidden),
        "note": entry.note or None,
    }


def _counts(report: TermReport | None) -> dict[str, int]:
    if report is None:
        return {}
    return {(r.text or "(nothing linked)"): r.count for r in report.renderings}


def _spans(o: Occurrence) -> dict[str, Any]:
    spans: dict[str, Any] = {"en_span": [o.en_start, o.en_end]}
    if o.fr_sentence is not None:
        spans["fr_span"] = [o.fr_start, o.fr_end]
    return spans


def _sides(o: Occurrence) -> tuple[tuple[int, ...], tuple[int, ...]]:
    fr = (o.fr_sentence,) if o.fr_sentence is not None else tuple(s.id for s in o.bead.fr)
    return fr, (o.en_sentence,)


def _deviation_finding(report: TermReport, deviation: Deviation) -> Finding:
    o = deviation.occurrences[0]
    if deviation.shared:
        return _shared_finding(report, deviation)
    assert report.expected is not None
    expected = report.expected
    total = len(report.occurrences)
    english = _left_in_english(o, expected.text)
    head = (
        f"{_quote(report.text)} is rendered {_quote(expected.text)} {expected.count} times"
        f" out of {total} in the checked posts"
    )
    if english:
        tail = f"; here it is left in English ({_quote(o.fr_text)})"
    elif o.rendering:
        tail = f"; here {_quote(o.fr_text)}"
    else:
        tail = f"; here the French has no {_quote(expected.text)}"
    if deviation.other_terms:
        tail += f", which renders {_quote(deviation.other_terms[0])} elsewhere"
    # two signals: the corpus's majority, and the English itself or another term's rendering
    strong = english or bool(deviation.other_terms)
    details: dict[str, Any] = {
        "kind": "consistency",
        "term": o.en_text,
        "expected": expected.text,
        "used": o.fr_text,
        "counts": _counts(report),
        **_spans(o),
    }
    if deviation.in_bead > 1:
        details["in_bead"] = deviation.in_bead
    if deviation.other_terms:
        details["rendering_of"] = list(deviation.other_terms)
    fr, en = _sides(o)
    return Finding(
        id="",
        type=FindingType.TERMINOLOGY,
        severity=Severity.MEDIUM if strong else Severity.LOW,
        confidence=round(min(0.95, report.share * (0.9 if o.rendering else 0.7)), 3),
        fr=fr,
        en=en,
        message=head + tail,
        details=details,
    )


def _shared_finding(report: TermReport, deviation: Deviation) -> Finding:
    """One French rendering for two English terms the posts otherwise keep apart."""
    o = deviation.occurrences[0]
    other = deviation.other_terms[0]
    elsewhere = [r for r in report.renderings if r.keys and r.keys != o.rendering]
    message = (
        f"{_quote(report.text)} is rendered {_quote(o.fr_text)} here, the rendering of"
        f" {_quote(other)} in the checked posts"
    )
    if elsewhere:
        message += f"; elsewhere {_quote(report.text)} is {_quote(elsewhere[0].text)}"
    fr, en = _sides(o)
    return Finding(
        id="",
        type=FindingType.TERMINOLOGY,
        severity=Severity.LOW,
        confidence=0.6,
        fr=fr,
        en=en,
        message=message,
        details={
            "kind": "shared_rendering",
            "term": o.en_text,
            "used": o.fr_text,
            "rendering_of": [other],
            "counts": _counts(report),
            **_spans(o),
        },
    )


def _glossary_finding(hit: GlossaryHit, report: TermReport | None) -> Finding:
    o = hit.lacking[0]
    entry = hit.entry
    accepted = " or ".join(_quote(a) for a in entry.accepted)
    where = f"glossary line {entry.line}"
    if hit.forbidden:
        used = hit.forbidden[0].text
        message = (
            f"{_quote(o.en_text)} is rendered {_quote(used)}, which the glossary forbids"
            f" ({where})" + (f"; accepted: {accepted}" if entry.accepted else "")
        )
        severity, confidence = Severity.HIGH, 0.95
        fr_ids: tuple[int, ...] = (hit.forbidden[0].sentence,)
        fr_span = [hit.forbidden[0].start, hit.forbidden[0].end]
    else:
        used = o.fr_text if o.rendering else None
        message = f"{_quote(o.en_text)} should be {accepted} ({where})"
        if _left_in_english(o, entry.accepted[0] if entry.accepted else None):
            message += f"; here it is left in English ({_quote(used)})"
        elif used:
            message += f"; here {_quote(used)}"
        else:
            message += "; the French has none of them"
        severity, confidence = Severity.MEDIUM, 0.9
        fr_ids = _sides(o)[0]
        fr_span = [o.fr_start, o.fr_end] if o.fr_sentence is not None else None
    details: dict[str, Any] = {
        "kind": "glossary",
        "term": o.en_text,
        "expected": entry.accepted[0] if entry.accepted else None,
        "used": used,
        "glossary": _glossary_line(entry),
        "en_span": [o.en_start, o.en_end],
    }
    if fr_span is not None:
        details["fr_span"] = fr_span
    if len(hit.occurrences) > 1:
        details["in_bead"] = len(hit.occurrences)
    if report is not None and len(report.renderings) > 1:
        details["counts"] = _counts(report)
    return Finding(
        id="",
        type=FindingType.TERMINOLOGY,
        severity=severity,
        confidence=confidence,
        fr=fr_ids,
        en=(o.en_sentence,),
        message=message,
        details=details,
    )


def _overlaps(a: Occurrence, b: Occurrence) -> bool:
    return (
        a.place == b.place
        and a.en_sentence == b.en_sentence
        and a.en_start < b.en_end
        and b.en_start < a.en_end
    )


def _plan(reports: Sequence[TermReport], hits: Sequence[GlossaryHit]) -> list[_Planned]:
    """Every finding, the glossary's first: a consistency finding on an occurrence the
    glossary judges (either way) is not repeated."""
    by_term = {r.term: r for r in reports}
    planned: list[_Planned] = []
    judged = [o for hit in hits for o in hit.occurrences]
    for hit in hits:
        if hit.lacking:
            report = by_term.get(hit.lacking[0].term)
            planned.append(_Planned(hit.lacking[0], _glossary_finding(hit, report)))
    # of terms that share an English span, the longest that deviates speaks ("State Duma",
    # not "State"), then the most frequent
    for report in sorted(reports, key=lambda r: (-len(r.term.split()), -len(r.occurrences))):
        for deviation in report.deviations:
            o = deviation.occurrences[0]
            if any(_overlaps(o, g) for g in judged):
                continue
            judged.append(o)
            planned.append(_Planned(o, _deviation_finding(report, deviation)))
    return planned


def _with_ids(planned: Sequence[_Planned], documents: Sequence[Mapping[str, Any]]) -> None:
    """Final ids as every finding gets them (`align.pipeline.assign_finding_ids`): the
    event's key, the content key (type, term, the bead's texts) and the rank among identical
    findings of the event."""
    keys: dict[tuple[str, int], str] = {}
    for document in documents:
        events = list(document.get("events") or ())
        stem = str(document.get("stem") or document_key(document))
        for n, key in enumerate(event_keys(stem, [int(e.get("index") or 0) for e in events])):
            keys[(document_key(document), n)] = key
    seen: Counter[tuple[str, str]] = Counter()
    for item in planned:
        o, f = item.occurrence, item.finding
        content = finding_id(
            TYPE,
            str(f.details.get("kind")),
            o.term,
            o.en_text,
            " ".join(s.text for s in o.bead.en),
            " ".join(s.text for s in o.bead.fr),
        )
        event = keys.get((o.document, o.bead.event), f"{o.document}#{o.bead.event}")
        rank = seen[(event, content)]
        seen[(event, content)] += 1
        item.content = content
        item.finding = Finding(
            occurrence_id(event, content, rank),
            f.type,
            f.severity,
            f.confidence,
            f.fr,
            f.en,
            f.message,
            f.details,
        )


# --- documents ------------------------------------------------------------------------------


def _term_ids(document: Mapping[str, Any]) -> list[str]:
    return sorted(
        str(f.get("id"))
        for e in document.get("events") or ()
        for f in e.get("findings") or ()
        if f.get("type") == TYPE
    )


def _occurrence_json(o: Occurrence, label: str | None, finding: str | None) -> dict[str, Any]:
    return {
        "event": o.bead.event,
        "alignment": o.bead.alignment,
        "en": [o.en_sentence, [o.en_start, o.en_end]],
        "fr": None if o.fr_sentence is None else [o.fr_sentence, [o.fr_start, o.fr_end]],
        "rendering": label,
        "finding": finding,
    }


@dataclass
class _TermEntry:
    """One term of the summaries: a followed term, a glossary term, or both."""

    key: str
    text: str
    report: TermReport | None = None
    entry: GlossaryEntry | None = None
    occurrences: list[tuple[Occurrence, str | None]] = field(default_factory=list)

    @property
    def source(self) -> str:
        if self.report is not None and self.entry is not None:
            return "both"
        return "glossary" if self.entry is not None else "corpus"


def _term_entries(reports: Sequence[TermReport], hits: Sequence[GlossaryHit]) -> list[_TermEntry]:
    entries: dict[str, _TermEntry] = {}
    for report in reports:
        entry = entries.setdefault(report.term, _TermEntry(report.term, report.text))
        entry.report = report
        label_text = {r.keys: r.text for r in report.renderings}
        for o, label in zip(report.occurrences, report.labels, strict=True):
            entry.occurrences.append((o, label_text.get(label) if label else None))
    for hit in hits:
        first = hit.occurrences[0]
        entry = entries.setdefault(first.term, _TermEntry(first.term, first.en_text))
        entry.entry = hit.entry
        if entry.report is None:
            lacking = {id(o) for o in hit.lacking}
            shown = hit.entry.accepted[0] if hit.entry.accepted else None
            for o in hit.occurrences:
                entry.occurrences.append((o, o.fr_text if id(o) in lacking else shown))
    return sorted(entries.values(), key=lambda e: (-len(e.occurrences), e.key))


def _finding_at(planned: Sequence[_Planned]) -> dict[tuple[str, int, int, int, int], str]:
    return {
        (*item.occurrence.place, item.occurrence.en_sentence, item.occurrence.en_start): (
            item.finding.id
        )
        for item in planned
    }


def _term_json(
    entry: _TermEntry,
    occurrences: Sequence[tuple[Occurrence, str | None]],
    findings: Mapping[tuple[str, int, int, int, int], str],
    kept: set[str],
    corpus: Counter[str | None] | None = None,
) -> dict[str, Any]:
    """A term in a document (or, given all its occurrences, in the corpus); `corpus`: the
    counts of its renderings over all documents, when the caller has them."""
    report = entry.report
    local = Counter(label for _, label in occurrences)
    if corpus is None:
        corpus = Counter(label for _, label in entry.occurrences)
    expected = None
    if report is not None and report.expected is not None:
        expected = report.expected.text
    elif entry.entry is not None and entry.entry.accepted:
        expected = entry.entry.accepted[0]

    def finding(o: Occurrence) -> str | None:
        fid = findings.get((*o.place, o.en_sentence, o.en_start))
        return fid if fid in kept else None

    return {
        "term": entry.text,
        "key": entry.key,
        "source": entry.source,
        "count": len(occurrences),
        "corpus_count": len(entry.occurrences),
        "expected": expected,
        "glossary": _glossary_line(entry.entry) if entry.entry is not None else None,
        "renderings": [
            {"text": label, "count": local[label], "corpus_count": corpus[label]}
            for label, _ in corpus.most_common()
            if local[label]
        ],
        "occurrences": [_occurrence_json(o, label, finding(o)) for o, label in occurrences],
    }


def _annotate(
    documents: Sequence[Mapping[str, Any]],
    *,
    glossary: Glossary = EMPTY,
    config: TermConfig = DEFAULT_TERM_CONFIG,
    cache: TermCache | None = None,
    ignore_ids: Iterable[str] = (),
) -> TermsOutcome:
    """The terminology check over these documents (the corpus is exactly them)."""
    posts: list[PostWords] = [
        cache.post_words(d) if cache is not None else post_words(d) for d in documents
    ]
    reports = judge(posts, config)
    hits = glossary_hits(posts, glossary)
    planned = _plan(reports, hits)
    _with_ids(planned, documents)
    ignored = {i.lower() for i in ignore_ids}
    by_event: dict[tuple[str, int], list[_Planned]] = defaultdict(list)
    for item in planned:
        by_event[(item.occurrence.document, item.occurrence.bead.event)].append(item)
    kept_ids = {item.finding.id for item in planned if item.finding.id not in ignored}
    entries = _term_entries(reports, hits)
    at = _finding_at(planned)
    summaries = _document_summaries(entries, at, kept_ids)
    out: list[dict[str, Any]] = []
    changed: list[str] = []
    for document in documents:
        key = document_key(document)
        new = dict(document)
        new["events"], ignored_by_event = _events_with(document, by_event, ignored)
        new["terminology"] = dict(summaries[key])
        new["terminology"]["ignored_by_event"] = ignored_by_event
        if _term_ids(new) != _term_ids(document):
            changed.append(key)
        out.append(new)
    index = _index_summary(documents, entries, at, kept_ids, glossary, config)
    return TermsOutcome(out, changed, index, reports, hits)


def annotate(
    documents: Sequence[Mapping[str, Any]],
    *,
    glossary: Glossary = EMPTY,
    config: TermConfig = DEFAULT_TERM_CONFIG,
    cache: TermCache | None = None,
    ignore_ids: Iterable[str] = (),
) -> TermsOutcome:
    """The terminology check over these documents (the corpus is exactly them)."""
    # The cyclic garbage collector is paused while the words of the whole corpus are in
    # memory: nothing here makes reference cycles, and each collection would walk every
    # word of every post (measured: a third of a re-run's time on 500 beads).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _annotate(
            documents, glossary=glossary, config=config, cache=cache, ignore_ids=ignore_ids
        )
    finally:
        if paused:
            gc.enable()


def _events_with(
    document: Mapping[str, Any],
    by_event: Mapping[tuple[str, int], Sequence[_Planned]],
    ignored: set[str],
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The document's events with this run's terminology findings in place of the last
    run's; `summary.ignored` counts this check's ignored findings once."""
    key = document_key(document)
    previous = (document.get("terminology") or {}).get("ignored_by_event") or {}
    events = []
    ignored_by_event: dict[str, int] = {}
    for n, event in enumerate(document.get("events") or ()):
        findings = list(event.get("findings") or ())
        others = [f for f in findings if f.get("type") != TYPE]
        mine = sorted(by_event.get((key, n), []), key=lambda p: (min(p.finding.en), p.finding.id))
        live = [
            {**p.finding.to_json(), "content_id": p.content}
            for p in mine
            if p.finding.id not in ignored
        ]
        removed = len(mine) - len(live)
        was = int(previous.get(str(n), 0))
        if len(others) != len(findings) or live or removed or was:
            event = dict(event)
            event["findings"] = others + live
            summary = dict(event.get("summary") or {})
            if event.get("compared") is not False:
                kept = others + live
                summary["counts"] = dict(sorted(Counter(str(f["type"]) for f in kept).items()))
                summary["by_severity"] = dict(
                    sorted(Counter(str(f["severity"]) for f in kept).items())
                )
            if removed or was:
                summary["ignored"] = max(0, int(summary.get("ignored") or 0) - was + removed)
            event["summary"] = summary
        if removed:
            ignored_by_event[str(n)] = removed
        events.append(event)
    return events, ignored_by_event


def _document_summaries(
    entries: Sequence[_TermEntry],
    at: Mapping[tuple[str, int, int, int, int], str],
    kept: set[str],
) -> dict[str, dict[str, Any]]:
    """Each document's "terminology" object: its terms, in one pass over all of them."""
    summaries: dict[str, dict[str, Any]] = defaultdict(lambda: {"terms": [], "findings": 0})
    for entry in entries:
        by_document: dict[str, list[tuple[Occurrence, str | None]]] = defaultdict(list)
        for o, label in entry.occurrences:
            by_document[o.document].append((o, label))
        corpus = Counter(label for _, label in entry.occurrences)
        for key, mine in by_document.items():
            summaries[key]["terms"].append(_term_json(entry, mine, at, kept, corpus))
    for (key, *_), fid in at.items():
        if fid in kept:
            summaries[key]["findings"] += 1
    return summaries


def _index_summary(
    documents: Sequence[Mapping[str, Any]],
    entries: Sequence[_TermEntry],
    at: Mapping[tuple[str, int, int, int, int], str],
    kept: set[str],
    glossary: Glossary,
    config: TermConfig,
) -> dict[str, Any]:
    stems = {document_key(d): str(d.get("stem") or document_key(d)) for d in documents}
    terms = []
    for entry in entries:
        item = _term_json(entry, entry.occurrences, at, kept)
        item.pop("count")
        for occurrence_json, (o, _) in zip(item["occurrences"], entry.occurrences, strict=True):
            occurrence_json["document"] = stems.get(o.document, o.document)
        item["documents"] = len({o.document for o, _ in entry.occurrences})
        item["findings"] = sum(1 for o in item["occurrences"] if o["finding"])
        for rendering in item["renderings"]:
            rendering.pop("count")
        terms.append(item)
    return {
        "terms": terms,
        "findings": sum(1 for fid in at.values() if fid in kept),
        "glossary": (
            {
                "file": glossary.entries[0].source if glossary.entries else None,
                "entries": len(glossary.entries),
                "problems": list(glossary.problems),
            }
            if glossary.entries or glossary.problems
            else None
        ),
        "thresholds": config.signature(),
    }
