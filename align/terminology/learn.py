"""A glossary learned from checked documents: each term the posts render consistently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from align.terminology.consistency import TermReport, judge
from align.terminology.extract import post_words
from align.terminology.glossary import format_glossary
from align.terminology.model import DEFAULT_TERM_CONFIG, Occurrence, TermConfig

#: Longest example sentence quoted in a note, in characters.
EXAMPLE_CHARS = 90


@dataclass(frozen=True)
class LearnedGlossary:
    text: str  # the glossary file's text
    terms: int  # entries written
    mixed: int  # terms listed as comments: no rendering dominates


def _excerpt(text: str, start: int, end: int) -> str:
    """The sentence around [start, end), cut to EXAMPLE_CHARS at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= EXAMPLE_CHARS:
        return text
    left = max(0, min(start, len(text)) - EXAMPLE_CHARS // 3)
    piece = text[left : left + EXAMPLE_CHARS]
    if left:
        piece = "…" + piece.split(" ", 1)[-1]
    if left + EXAMPLE_CHARS < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return piece


def _example(report: TermReport) -> Occurrence:
    """An occurrence rendered as expected, from the shortest such sentence."""
    expected = report.expected.keys if report.expected else None
    chosen = [
        o for o, label in zip(report.occurrences, report.labels, strict=True) if label == expected
    ]
    return min(chosen or report.occurrences, key=lambda o: len(o.bead.en[0].text))


def _note(report: TermReport) -> str:
    assert report.expected is not None
    total = len(report.occurrences)
    others = [r for r in report.renderings if r.keys != report.expected.keys and r.keys]
    o = _example(report)
    english = next(s.text for s in o.bead.en if s.id == o.en_sentence)
    french = " ".join(s.text for s in o.bead.fr)
    parts = [f"{report.expected.count} of {total} occurrences"]
    if others:
        parts.append("also " + ", ".join(f"'{r.text}' {r.count}×" for r in others[:3]))
    parts.append(
        f"e.g. {o.document}: “{_excerpt(english, o.en_start, o.en_end)}” →"
        f" “{_excerpt(french, o.fr_start, o.fr_end)}”"
    )
    return "; ".join(parts)


#: A term is left out when at least this share of its occurrences lie inside a longer
#: learned term ("State" inside "State Duma"): the longer line says it.
INSIDE_SHARE = 0.8


def _inside_longer(report: TermReport, learned: Sequence[TermReport]) -> bool:
    spans: dict[tuple[str, int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for longer in learned:
        if len(longer.term.split()) > len(report.term.split()):
            for o in longer.occurrences:
                spans[(*o.place, o.en_sentence)].append((o.en_start, o.en_end))
    inside = sum(
        any(a <= o.en_start and o.en_end <= b for a, b in spans.get((*o.place, o.en_sentence), ()))
        for o in report.occurrences
    )
    return inside >= INSIDE_SHARE * len(report.occurrences)


def learn_glossary(
    documents: Sequence[Mapping[str, Any]],
    *,
    min_count: int = 3,
    config: TermConfig = DEFAULT_TERM_CONFIG,
) -> LearnedGlossary:
    """The glossary of the documents' consistent renderings, most frequent terms first;
    terms whose renderings compete are comments for the reviewer to settle."""
    reports = judge([post_words(d) for d in documents], config)
    learned = [
        r
        for r in reports
        if r.expected is not None and r.expected.count >= min_count and r.expected.text
    ]
    rows = [
        (report.text, report.expected.text, "", _note(report))
        for report in learned
        if report.expected is not None and not _inside_longer(report, learned)
    ]
    mixed = []
    for report in reports:
        seen = [r for r in report.renderings if r.keys and r.text]
        if report.expected is None and len(report.occurrences) >= min_count and len(seen) > 1:
            listed = ", ".join(f"'{r.text}' {r.count}×" for r in seen)
            mixed.append(f"{report.text}: no rendering dominates ({listed})")
    header = "\n".join(
        [
            "fidelity glossary, learned from the renderings the checked posts use.",
            "Columns: English term, accepted French renderings (separated by |), forbidden",
            "renderings, note. Edit freely, then: fidelity check --glossary FILE",
            "(format: docs/terminology.md).",
            *(
                ["", "Terms whose renderings compete (settle them, then add a line):"]
                if mixed
                else []
            ),
            *mixed,
        ]
    )
    return LearnedGlossary(format_glossary(rows, header), len(rows), len(mixed))
