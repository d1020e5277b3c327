"""Omissions, partial omissions, declared elisions and additions.

An English sentence without French is an `omission` unless a neighbouring French sentence
covers it (a segmentation difference) or the French declares a cut there (`<…>`, "À suivre."),
which makes it `elided`. Inside an aligned bead, English clauses that the French does not
cover are `partial_omission`s (or an `omission` when they make up a whole English sentence).
French translation text without English is an `addition`; captions, tags and notes are info.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import (
    bead_similarities,
    distribution,
    en_text,
    fr_text,
    one_line,
    side_text,
    words,
)
from align.model import Bead, Finding, FindingType, Severity, finding_id

TRANSLATION = frozenset({"body", "turn"})
NOT_TRANSLATION = frozenset({"caption", "tag", "note", "other"})


# --- where the French declares a cut -----------------------------------------------------


def _fr_position(bead: Bead) -> int | None:
    return max(bead.fr) if bead.fr else None


def elided_bead_positions(data: CheckInput) -> dict[int, int]:
    """Bead positions whose English was cut by a French `<…>` → the elision's fr index.

    These are the English-only beads lying in the gap where the elision sits, i.e. between
    the last bead with French before the elision and the first bead with French after it.
    """
    result: dict[int, int] = {}
    for sentence in data.fr:
        if sentence.kind != "elision":
            continue
        k = sentence.index
        before = [p for p, b in enumerate(data.beads) if b.fr and max(b.fr) < k]
        after = [p for p, b in enumerate(data.beads) if b.fr and min(b.fr) > k]
        start = before[-1] + 1 if before else 0
        stop = after[0] if after else len(data.beads)
        for p in range(start, stop):
            if data.beads[p].en and not data.beads[p].fr:
                result[p] = k
    return result


def elision_neighbour_beads(data: CheckInput) -> set[int]:
    """Positions of beads with French that touch an elision gap (their edge may be cut)."""
    touching: set[int] = set()
    for sentence in data.fr:
        if sentence.kind != "elision":
            continue
        k = sentence.index
        before = [p for p, b in enumerate(data.beads) if b.fr and max(b.fr) < k]
        after = [p for p, b in enumerate(data.beads) if b.fr and min(b.fr) > k]
        touching.update(before[-1:])
        touching.update(after[:1])
    return touching


def truncated_tail(data: CheckInput) -> list[int]:
    """English sentence indices after the last bead with French, when the French stops."""
    if not data.truncated:
        return []
    last = max((p for p, b in enumerate(data.beads) if b.fr), default=-1)
    return [i for b in data.beads[last + 1 :] for i in b.en]


# --- whole English sentences ---------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """How well the best neighbouring French covers an English sentence without French."""

    similarity: float  # English sentence vs that French
    merge_drop: float  # how much adding it to the neighbour bead's English lowers its score
    fr: tuple[int, ...]
    covered: bool


def _coverage(
    data: CheckInput, position: int, en_index: int, config: CheckConfig
) -> Coverage | None:
    encoder = data.encoder
    if encoder is None:
        return None
    sentence = data.en[en_index].text
    candidates: list[tuple[Bead, bool]] = []  # (bead, neighbour lies before the gap)
    lo = max(0, position - config.neighbour_beads)
    hi = min(len(data.beads), position + config.neighbour_beads + 1)
    for p in range(lo, hi):
        if p != position and data.beads[p].fr:
            candidates.append((data.beads[p], p < position))
    loose = [s for s in data.fr if s.kind in NOT_TRANSLATION | {"body", "turn"}]
    aligned = {i for b in data.beads for i in b.fr}
    # French lines kept out of the alignment (a heading, a caption) may carry the sentence
    for s in loose:
        if s.index not in aligned:
            candidates.append((Bead((s.index,), (), 0.0), True))
    best: Coverage | None = None
    for bead, before in candidates:
        fr = fr_text(data, bead)
        sim = _sim(encoder, sentence, fr)
        drop = 0.0
        if bead.en:
            own = en_text(data, bead)
            merged = f"{own} {sentence}" if before else f"{sentence} {own}"
            drop = _sim(encoder, fr, own) - _sim(encoder, fr, merged)
        covered = sim >= config.covered_similarity and drop <= config.covered_merge_drop
        candidate = Coverage(round(sim, 3), round(drop, 3), bead.fr, covered)
        if best is None or (candidate.covered, sim) > (best.covered, best.similarity):
            best = candidate
    return best


def _sim(encoder, a: str, b: str) -> float:
    va, vb = encoder.encode([a, b])
    return float(np.dot(va, vb))


@dataclass
class _Run:
    en: list[int] = field(default_factory=list)
    coverage: list[Coverage | None] = field(default_factory=list)


class OmissionCheck:
    """English sentences with no French: `omission`, or `elided` where the French cut them."""

    name = "omission"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        findings: list[Finding] = []
        elided = elided_bead_positions(data)
        tail = set(truncated_tail(data))
        if tail:
            findings.append(self._truncated(data, sorted(tail)))
        by_elision: dict[int, list[int]] = {}
        runs: list[_Run] = []
        current = _Run()
        for position, bead in enumerate(data.beads):
            if bead.fr or not bead.en:
                if current.en:
                    runs.append(current)
                    current = _Run()
                continue
            if position in elided:
                by_elision.setdefault(elided[position], []).extend(bead.en)
                continue
            for i in bead.en:
                if i in tail:
                    continue
                coverage = _coverage(data, position, i, self.config)
                if coverage is not None and coverage.covered:
                    if current.en:
                        runs.append(current)
                        current = _Run()
                    continue
                current.en.append(i)
                current.coverage.append(coverage)
        if current.en:
            runs.append(current)
        findings.extend(self._elided(data, k, en) for k, en in by_elision.items())
        findings.extend(self._omission(data, run) for run in runs)
        return findings

    def _omission(self, data: CheckInput, run: _Run) -> Finding:
        texts = [data.en[i].text for i in run.en]
        word_count = sum(len(words(t)) for t in texts)
        if word_count <= self.config.short_sentence_words:
            severity = Severity.LOW
        elif len(run.en) >= 2 or word_count >= 15:
            severity = Severity.HIGH
        else:
            severity = Severity.MEDIUM
        known = [c for c in run.coverage if c is not None]
        if known:
            best = max(c.similarity for c in known)
            confidence = float(np.clip(0.95 - max(0.0, best - 0.2), 0.5, 0.95))
        else:
            best = None
            confidence = 0.6  # no encoder: the aligner's word alone
        count = len(run.en)
        what = "English sentence has" if count == 1 else f"{count} English sentences have"
        message = f"{what} no French translation: “{one_line(texts[0], 70)}”"
        details = {
            "en_texts": texts,
            "words": word_count,
            "best_neighbour_similarity": best,
            "neighbours": [
                {"fr": list(c.fr), "similarity": c.similarity, "merge_drop": c.merge_drop}
                for c in known
            ],
            "covered_similarity_threshold": self.config.covered_similarity,
        }
        return Finding(
            id=finding_id(FindingType.OMISSION, *texts),
            type=FindingType.OMISSION,
            severity=severity,
            confidence=round(confidence, 3),
            fr=(),
            en=tuple(run.en),
            message=message,
            details=details,
        )

    def _elided(self, data: CheckInput, elision: int, en: list[int]) -> Finding:
        texts = [data.en[i].text for i in en]
        count = len(en)
        noun = "sentence" if count == 1 else "sentences"
        return Finding(
            id=finding_id(FindingType.ELIDED, data.fr[elision].text, *texts),
            type=FindingType.ELIDED,
            severity=Severity.INFO,
            confidence=0.9,
            fr=(elision,),
            en=tuple(en),
            message=f"The French marks a cut (<…>) here; {count} English {noun} left out: "
            f"“{one_line(texts[0], 60)}”",
            details={"en_texts": texts, "reason": "elision"},
        )

    def _truncated(self, data: CheckInput, en: list[int]) -> Finding:
        texts = [data.en[i].text for i in en]
        count = len(en)
        noun = "sentence remains" if count == 1 else "sentences remain"
        word_count = sum(len(words(t)) for t in texts)
        continued = [s.index for s in data.fr if s.kind == "other"][-1:]
        return Finding(
            id=finding_id(FindingType.ELIDED, "à suivre", *texts),
            type=FindingType.ELIDED,
            severity=Severity.INFO,
            confidence=0.95,
            fr=tuple(continued),
            en=tuple(en),
            message=f"Translation stops here (“À suivre.”); {count} English {noun} "
            f"({word_count} words), from “{one_line(texts[0], 50)}”",
            details={
                "reason": "truncated",
                "remaining_sentences": count,
                "remaining_words": word_count,
                "first_remaining": texts[0],
                "last_remaining": texts[-1],
            },
        )


# --- French without English ----------------------------------------------------------------


class AdditionCheck:
    """French translation text with no English (`addition`); other French lines are info."""

    name = "addition"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        findings: list[Finding] = []
        for position, bead in enumerate(data.beads):
            if bead.fr and not bead.en:
                kept = [i for i in bead.fr if not self._covered(data, position, i)]
                if kept:
                    findings.append(self._addition(data, kept))
        findings.extend(self._classified(data))
        return findings

    def _covered(self, data: CheckInput, position: int, fr_index: int) -> bool:
        """A French sentence split off its neighbour's translation is not an addition."""
        encoder = data.encoder
        if encoder is None:
            return False
        sentence = data.fr[fr_index].text
        lo = max(0, position - self.config.neighbour_beads)
        hi = min(len(data.beads), position + self.config.neighbour_beads + 1)
        for p in range(lo, hi):
            bead = data.beads[p]
            if p == position or not bead.en:
                continue
            english = en_text(data, bead)
            sim = _sim(encoder, sentence, english)
            if sim < self.config.covered_similarity:
                continue
            if not bead.fr:
                return True
            own = fr_text(data, bead)
            merged = f"{own} {sentence}" if p < position else f"{sentence} {own}"
            drop = _sim(encoder, english, own) - _sim(encoder, english, merged)
            if drop <= self.config.covered_merge_drop:
                return True
        return False

    def _addition(self, data: CheckInput, fr: list[int]) -> Finding:
        texts = [data.fr[i].text for i in fr]
        word_count = sum(len(words(t)) for t in texts)
        severity = (
            Severity.LOW if word_count <= self.config.short_sentence_words else Severity.MEDIUM
        )
        count = len(fr)
        what = "French sentence has" if count == 1 else f"{count} French sentences have"
        return Finding(
            id=finding_id(FindingType.ADDITION, *texts),
            type=FindingType.ADDITION,
            severity=severity,
            confidence=0.7 if data.encoder is not None else 0.55,
            fr=tuple(fr),
            en=(),
            message=f"{what} no English counterpart: “{one_line(texts[0], 70)}”",
            details={"fr_texts": texts, "words": word_count},
        )

    def _classified(self, data: CheckInput) -> list[Finding]:
        """One info finding per run of captions, tags, notes and other non-translation lines."""
        findings: list[Finding] = []
        run: list[int] = []
        for sentence in [*data.fr, None]:
            inside = sentence is not None and sentence.kind in NOT_TRANSLATION
            if inside and (not run or run[-1] == sentence.index - 1):
                run.append(sentence.index)
                continue
            if run:
                findings.append(self._info(data, run))
                run = []
            if sentence is not None and sentence.kind in NOT_TRANSLATION:
                run = [sentence.index]
        return findings

    def _info(self, data: CheckInput, fr: list[int]) -> Finding:
        kinds = sorted({data.fr[i].kind for i in fr})
        texts = [data.fr[i].text for i in fr]
        label = {"caption": "photo caption", "tag": "site tag", "note": "translator note"}
        names = ", ".join(label.get(k, k) for k in kinds)
        count = len(fr)
        lines = "line" if count == 1 else "lines"
        return Finding(
            id=finding_id(FindingType.ADDITION, "classified", *texts),
            type=FindingType.ADDITION,
            severity=Severity.INFO,
            confidence=0.9,
            fr=tuple(fr),
            en=(),
            message=f"{count} French {lines} classified as {names}, not compared with the "
            f"English: “{one_line(texts[0], 50)}”",
            details={"kinds": kinds, "fr_texts": texts},
        )


# --- clauses of aligned English the French does not cover -----------------------------------

_CLAUSE_BREAK = re.compile(
    r"(?<=[;:,])\s+|\s+(?=[—–]\s)|(?<=\s[—–])\s+|\s+(?=\()"
    r"|\s+(?=(?:and|but|which|while|whereas|because|although|though|as well as|so that"
    r"|where|who|whose|including|since|unless|if|when|or)\s)",
    re.IGNORECASE,
)


def split_clauses(sentence: str, min_words: int) -> list[str]:
    """Split an English sentence at punctuation and conjunctions; tiny pieces are merged
    into their neighbour so that every clause carries some content."""
    pieces = [p.strip() for p in _CLAUSE_BREAK.split(sentence) if p and p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and len(words(merged[-1])) < min_words:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    if len(merged) >= 2 and len(words(merged[-1])) < min_words:
        last = merged.pop()
        merged[-1] = f"{merged[-1]} {last}"
    return merged


def _content_terms(text: str) -> set[str]:
    """Digits and capitalised non-initial words: evidence that survives translation."""
    terms: set[str] = set()
    tokens = words(text)
    for position, token in enumerate(tokens):
        if any(c.isdigit() for c in token):
            terms.add(re.sub(r"\D", "", token))
        elif position > 0 and token[:1].isupper() and len(token) > 3:
            terms.add(token.casefold())
    return terms


def _missing_terms(clause: str, french: str) -> list[str]:
    from rapidfuzz import fuzz

    from align.checks.names import normalise_name

    fr_tokens = [normalise_name(t) for t in words(french)]
    fr_digits = re.sub(r"\D", " ", french).split()
    missing = []
    for term in sorted(_content_terms(clause)):
        if term.isdigit():
            if term not in fr_digits:
                missing.append(term)
            continue
        norm = normalise_name(term)
        if not any(fuzz.ratio(norm, t) >= 80 for t in fr_tokens):
            missing.append(term)
    return missing


@dataclass(frozen=True)
class Span:
    """A contiguous run of clauses of a bead's English, judged against the bead's French."""

    first: int  # clause indices, inclusive
    last: int
    text: str
    similarity: float  # the span against the French
    gain: float  # how much the bead's similarity rises when the span is left out
    en: tuple[int, ...]  # English sentences the span touches
    whole_sentences: bool  # the span is exactly one or more whole English sentences


def candidate_spans(clauses: Sequence[tuple[int, str]], max_clauses: int) -> list[tuple[int, int]]:
    """Every contiguous run of up to `max_clauses` clauses, plus every head and tail."""
    n = len(clauses)
    spans = {(i, j) for i in range(n) for j in range(i, min(n, i + max_clauses))}
    spans |= {(0, j) for j in range(n - 1)} | {(i, n - 1) for i in range(1, n)}
    # every whole sentence of a bead with several, wherever it sits
    for sentence in dict.fromkeys(i for i, _ in clauses):
        members = [k for k, (i, _) in enumerate(clauses) if i == sentence]
        spans.add((members[0], members[-1]))
    spans.discard((0, n - 1))
    return sorted(spans)


class PartialOmissionCheck:
    """Clauses of an aligned English bead that its French does not cover.

    Each run of clauses is judged by two measures: its own similarity to the French (low
    when the French lacks it) and the gain in the bead's similarity when it is left out of
    the English (positive when the French lacks it, negative when the French carries it).
    The second measure is what tells a dropped half-sentence from a short clause whose
    similarity is diluted by the rest of a long French sentence.
    """

    name = "partial_omission"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        encoder = data.encoder
        if encoder is None:
            return []
        scores = bead_similarities(data)
        stats = distribution(scores, self.config)
        near_elision = elision_neighbour_beads(data)
        findings: list[Finding] = []
        for position, (bead, score) in enumerate(zip(data.beads, scores, strict=True)):
            if not (bead.fr and bead.en) or score is None:
                continue
            if stats.z(score) < self.config.mistranslation_z and len(bead.en) == 1:
                continue  # the whole bead is off: the mistranslation check reports it
            span = self._worst_span(data, bead, score)
            if span is not None:
                findings.append(
                    self._finding(data, bead, score, stats, span, position in near_elision)
                )
        return findings

    def _worst_span(self, data: CheckInput, bead: Bead, score: float) -> Span | None:
        config = self.config
        encoder = data.encoder
        clauses = [
            (i, c) for i in bead.en for c in split_clauses(data.en[i].text, config.clause_min_words)
        ]
        if len(clauses) < 2:
            return None
        french = fr_text(data, bead)
        spans = candidate_spans(clauses, config.span_max_clauses)
        texts, rests = [], []
        for first, last in spans:
            texts.append(" ".join(c for _, c in clauses[first : last + 1]))
            rests.append(" ".join(c for _, c in clauses[:first] + clauses[last + 1 :]))
        vectors = encoder.encode([french, *texts, *rests])
        sims = vectors[1 : 1 + len(spans)] @ vectors[0]
        rest_sims = vectors[1 + len(spans) :] @ vectors[0]
        best: Span | None = None
        for (first, last), text, sim, rest_sim in zip(spans, texts, sims, rest_sims, strict=True):
            gain = float(rest_sim) - score
            if len(words(text)) < config.span_min_words:
                continue
            if gain < config.span_min_gain or sim > config.span_max_similarity:
                continue
            en = tuple(dict.fromkeys(i for i, _ in clauses[first : last + 1]))
            whole = all(
                sum(1 for i, _ in clauses[first : last + 1] if i == e)
                == sum(1 for i, _ in clauses if i == e)
                for e in en
            )
            span = Span(first, last, text, round(float(sim), 3), round(gain, 3), en, whole)
            # a whole untranslated sentence is reported as such, before any part of one
            rank = (span.whole_sentences, span.gain, -span.similarity)
            if best is None or rank > (best.whole_sentences, best.gain, -best.similarity):
                best = span
        return best

    def _finding(self, data, bead, score, stats, span: Span, near_elision: bool) -> Finding:
        french = fr_text(data, bead)
        missing = _missing_terms(span.text, french)
        confidence = float(np.clip(0.5 + span.gain * 2 + 0.05 * len(missing), 0.5, 0.95))
        details = {
            "en_span": span.text,
            "span_similarity": span.similarity,
            "gain_without_span": span.gain,
            "bead_similarity": round(score, 3),
            "event_distribution": stats.to_json(),
            "fr_text": french,
            "missing_terms": missing,
            "thresholds": {
                "min_gain": self.config.span_min_gain,
                "max_similarity": self.config.span_max_similarity,
            },
        }
        quote = one_line(span.text, 60)
        if span.whole_sentences and near_elision:
            kind, severity = FindingType.ELIDED, Severity.INFO
            message = f"English beside a French cut (<…>) is not translated: “{quote}”"
        elif span.whole_sentences:
            kind, severity = FindingType.OMISSION, Severity.MEDIUM
            message = (
                f"English sentence aligned here is not translated (similarity "
                f"{span.similarity:.2f}; the bead scores {span.gain:+.2f} better without it): "
                f"“{quote}”"
            )
        else:
            kind = FindingType.PARTIAL_OMISSION
            big = len(words(span.text)) >= 8 or missing
            severity = Severity.MEDIUM if big else Severity.LOW
            message = (
                f"Part of the English is not in the French (similarity {span.similarity:.2f}; "
                f"the bead scores {span.gain:+.2f} better without it): “{quote}”"
            )
        return Finding(
            id=finding_id(kind, french, span.text),
            type=kind,
            severity=severity,
            confidence=round(confidence, 3),
            fr=bead.fr,
            en=span.en,
            message=message,
            details=details,
        )


__all__ = [
    "AdditionCheck",
    "OmissionCheck",
    "PartialOmissionCheck",
    "elided_bead_positions",
    "side_text",
    "split_clauses",
    "truncated_tail",
]
