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
from dataclasses import dataclass, field, replace

import numpy as np

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import (
    bead_similarities,
    distribution,
    embed,
    en_text,
    fr_text,
    one_line,
    side_text,
    words,
)
from align.checks.word_coverage import WordCover, combined, sentence_covers
from align.checks.word_coverage import cover as word_cover
from align.embed.base import Encoder
from align.model import Bead, Finding, FindingType, Severity, WordLink, finding_id

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
    loose: bool = False  # the French is a line kept out of the alignment (caption, heading…)


def _sim(vectors: dict[str, np.ndarray], a: str, b: str) -> float:
    return float(np.dot(vectors[a], vectors[b]))


def _neighbours(data: CheckInput, position: int, config: CheckConfig) -> list[tuple[Bead, bool]]:
    """Beads with French within `neighbour_beads` of a gap, and whether they lie before it."""
    lo = max(0, position - config.neighbour_beads)
    hi = min(len(data.beads), position + config.neighbour_beads + 1)
    return [
        (data.beads[p], p < position) for p in range(lo, hi) if p != position and data.beads[p].fr
    ]


def _merged(own: str, sentence: str, before: bool) -> str:
    return f"{own} {sentence}" if before else f"{sentence} {own}"


def loose_lines(data: CheckInput) -> list[int]:
    """French lines kept out of the alignment: captions, tags, datelines, unaligned headings."""
    aligned = {i for b in data.beads for i in b.fr}
    return [s.index for s in data.fr if s.index not in aligned and s.kind != "elision"]


class _CoverageJudge:
    """Coverage of the English sentences of 0-1 beads, with every embedding of the event
    computed in one encoder call."""

    def __init__(self, data: CheckInput, gaps: Sequence[tuple[int, int]], config: CheckConfig):
        self.data, self.config = data, config
        self.loose = loose_lines(data)
        self.bead_french = [fr_text(data, b) for b in data.beads if b.fr]
        texts: list[str] = [s.text for s in data.en]
        texts += [data.fr[i].text for i in self.loose] + self.bead_french
        for position, en_index in gaps:
            sentence = data.en[en_index].text
            for bead, before in _neighbours(data, position, config):
                texts.append(fr_text(data, bead))
                if bead.en:
                    own = en_text(data, bead)
                    texts += [own, _merged(own, sentence, before)]
        assert data.encoder is not None
        self.vectors = embed(data.encoder, texts)
        if self.loose:
            english = np.stack([self.vectors[s.text] for s in data.en])
            lines = np.stack([self.vectors[data.fr[i].text] for i in self.loose])
            self.line_best = dict(
                zip(self.loose, np.argmax(lines @ english.T, axis=1), strict=True)
            )

    def coverage(self, position: int, en_index: int) -> Coverage:
        data, config, vectors = self.data, self.config, self.vectors
        sentence = data.en[en_index].text
        best: Coverage | None = None
        for bead, before in _neighbours(data, position, config):
            fr = fr_text(data, bead)
            sim = _sim(vectors, sentence, fr)
            drop = 0.0
            if bead.en:
                own = en_text(data, bead)
                drop = _sim(vectors, fr, own) - _sim(vectors, fr, _merged(own, sentence, before))
            covered = sim >= config.covered_similarity and drop <= config.covered_merge_drop
            candidate = Coverage(round(sim, 3), round(drop, 3), bead.fr, covered)
            if best is None or (candidate.covered, sim) > (best.covered, best.similarity):
                best = candidate
        loose = self._loose_cover(en_index)
        if loose is not None and (best is None or not best.covered):
            return loose
        return best or Coverage(0.0, 0.0, (), False)

    def _loose_cover(self, en_index: int) -> Coverage | None:
        """A loose French line excuses an English sentence only as its near-translation: very
        similar, the line's best English match, and clearly closer than any aligned French."""
        if not self.loose:
            return None
        data, config, vectors = self.data, self.config, self.vectors
        sentence = data.en[en_index].text
        aligned_best = max((_sim(vectors, sentence, f) for f in self.bead_french), default=0.0)
        best: Coverage | None = None
        for line in self.loose:
            sim = _sim(vectors, sentence, data.fr[line].text)
            covered = (
                sim >= config.loose_similarity
                and self.line_best[line] == en_index
                and sim >= aligned_best + config.loose_margin
            )
            candidate = Coverage(round(sim, 3), 0.0, (line,), covered, loose=True)
            if best is None or (candidate.covered, sim) > (best.covered, best.similarity):
                best = candidate
        return best if best is not None and best.covered else None


# --- English merged into a neighbour's bead --------------------------------------------------

_FR_CLAUSE_BREAK = re.compile(
    r"(?<=[,;:.!?…])\s+|\s+(?=[—–]\s)|\s+(?=\()"
    r"|\s+(?=(?:et|mais|car|puis|où|qui|lorsque|quand|tandis|donc|alors|dont)\s)",
    re.IGNORECASE,
)


def french_parts(text: str, max_clauses: int = 6) -> list[str]:
    """Every run of up to `max_clauses` consecutive clauses of a French text, short of the
    whole: where one French sentence translates two English ones, each English sentence has
    its own run of clauses; an untranslated one has none."""
    clauses = [c.strip() for c in _FR_CLAUSE_BREAK.split(text) if c and c.strip()]
    n = len(clauses)
    return [
        " ".join(clauses[a:z])
        for a in range(n)
        for z in range(a + 1, min(n, a + max_clauses) + 1)
        if (a, z) != (0, n)
    ]


@dataclass(frozen=True)
class Orphan:
    """English sentences of an aligned bead that its French does not translate."""

    position: int  # of the bead
    en: tuple[int, ...]
    similarity: float  # the sentences vs the bead's French
    best_part: float  # vs the most similar run of the French's clauses
    others: float  # the most similar other English sentence of the bead vs the French
    gain: float  # the bead's similarity without them, minus with them
    length_gain: float  # how much better the bead's lengths fit the event's without them
    median: float  # the event's median bead similarity
    words: WordCover | None = None  # the sentences' word coverage (None: no word links)
    called_by: str = "similarity"  # or "word_coverage": the looser rule with word evidence

    def evidence(self, config: CheckConfig) -> float:
        return self.gain + config.orphan_length_weight * self.length_gain


def _edge_runs(en: tuple[int, ...], longest: int) -> list[tuple[int, ...]]:
    """Runs at either end of a bead's English, never all of it: a sentence the French left
    out sits where the aligner attached it, at the edge of a neighbour's bead."""
    sizes = range(1, min(longest, len(en) - 1) + 1)
    return list(dict.fromkeys(run for size in sizes for run in (en[:size], en[-size:])))


def length_shift(data: CheckInput) -> float:
    """The event's median log ratio of French to English length over its paired beads."""
    ratios = [
        np.log(max(1, len(fr_text(data, b))) / max(1, len(en_text(data, b))))
        for b in data.beads
        if b.fr and b.en
    ]
    return float(np.median(ratios)) if ratios else 0.0


def _length_misfit(french: str, english: str, shift: float) -> float:
    return abs(float(np.log(max(1, len(french)) / max(1, len(english)))) - shift)


def bead_word_covers(data: CheckInput, position: int) -> dict[int, WordCover] | None:
    """Word coverage of each English sentence of a bead; None when the event has no links."""
    if position >= len(data.links):
        return None
    bead = data.beads[position]
    return sentence_covers(data.links[position], {i: data.en[i].text for i in bead.en})


def orphan_call(orphan: Orphan, config: CheckConfig) -> str | None:
    """Which rule calls a run of a bead's English untranslated, if any.

    "similarity": the cosines alone — the run is far from the French and from its best run
    of clauses, the bead's other English is clearly closer, the bead is no worse without it.
    "word_coverage": the French renders (almost) none of the run's content words, and the
    run is far from the French and its clauses; the margin is not needed. A run whose words
    the French renders for a good part is never called (the links say it is translated).
    """
    words = orphan.words
    far = (
        orphan.similarity <= orphan.median - config.orphan_below_median
        and orphan.best_part <= orphan.median - config.orphan_part_below_median
    )
    share = words.share if words is not None else None
    weighty = words is not None and words.weight >= config.coverage_min_weight
    if weighty and share is not None and share >= config.orphan_veto_share:
        return None
    if (
        far
        and orphan.evidence(config) >= config.orphan_min_evidence
        and orphan.others - orphan.similarity >= config.orphan_margin
    ):
        return "similarity"
    if (
        far
        and weighty
        and (share or 0.0) <= config.orphan_word_share
        and orphan.evidence(config) >= config.orphan_words_min_evidence
    ):
        return "word_coverage"
    return None


def rendered_words(words: WordCover) -> str:
    """The word evidence in plain words: how much of the English the French renders."""
    share = words.share or 0.0
    noun = "content word" if words.words == 1 else "content words"
    if share == 0.0:
        return f"none of its {words.words} {noun} has a dictionary, name, number or cognate match"
    return f"{share:.0%} of its {noun} (by rarity) match the French"


def _orphan_reason(orphan: Orphan) -> str:
    if orphan.called_by == "word_coverage" and orphan.words is not None:
        return rendered_words(orphan.words)
    return f"the bead scores {orphan.gain:+.2f} without it"


def merged_orphans(data: CheckInput, config: CheckConfig = DEFAULT_CONFIG) -> list[Orphan]:
    """Untranslated English sentences that the aligner merged into a neighbour's bead.

    For each bead with French and two or more English sentences, each sentence (and each
    run of up to `orphan_max_run`) is judged by the bead's similarity without it, its own
    similarity to the French and to the French's best run of clauses — both against the
    event's median bead similarity — the margin by which the bead's other English is
    closer to the French, and, where the word links were computed, the share of its
    content words the French renders (`orphan_call`). Where a French sentence translates
    two English ones, both are close to some part of it and leaving either out lowers the
    bead's similarity; and the words of both are rendered.
    """
    encoder = data.encoder
    beads = [(p, b) for p, b in enumerate(data.beads) if b.fr and len(b.en) >= 2]
    if encoder is None or not beads:
        return []
    median = distribution(bead_similarities(data), config).median
    shift = length_shift(data)
    plans = []
    texts: list[str] = []
    for position, bead in beads:
        french, english = fr_text(data, bead), en_text(data, bead)
        parts = french_parts(french)
        units = [
            (run, side_text(data.en, run), side_text(data.en, [i for i in bead.en if i not in run]))
            for run in _edge_runs(bead.en, config.orphan_max_run)
        ]
        texts += [french, english, *parts, *(data.en[i].text for i in bead.en)]
        texts += [t for _, text, rest in units for t in (text, rest)]
        plans.append((position, bead, french, english, parts, units))
    vectors = embed(encoder, texts)
    found: list[Orphan] = []
    for position, bead, french, english, parts, units in plans:
        covers = bead_word_covers(data, position)
        vf = vectors[french]
        full = float(vf @ vectors[english])
        part_matrix = np.stack([vectors[t] for t in parts]) if parts else None
        single = {i: float(vf @ vectors[data.en[i].text]) for i in bead.en}
        flagged: list[Orphan] = []
        for run, text, rest in units:
            if sum(len(words(data.en[i].text)) for i in run) < config.orphan_min_words:
                continue
            own = float(vf @ vectors[text])
            part = float(np.max(part_matrix @ vectors[text])) if part_matrix is not None else own
            others = max(v for i, v in single.items() if i not in run)
            gain = float(vf @ vectors[rest]) - full
            fit = _length_misfit(french, english, shift) - _length_misfit(french, rest, shift)
            lexical = combined(covers[i] for i in run) if covers is not None else None
            orphan = Orphan(position, run, own, part, others, gain, fit, median, lexical)
            call = orphan_call(orphan, config)
            if call is not None:
                flagged.append(replace(orphan, called_by=call))
        taken: set[int] = set()
        for orphan in sorted(flagged, key=lambda o: -o.evidence(config)):
            if not taken & set(orphan.en):
                taken |= set(orphan.en)
                found.append(orphan)
    return sorted(found, key=lambda o: o.en)


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
        gaps = [
            (position, i)
            for position, bead in enumerate(data.beads)
            if not bead.fr and position not in elided
            for i in bead.en
            if i not in tail
        ]
        judge = _CoverageJudge(data, gaps, self.config) if data.encoder and gaps else None
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
                coverage = judge.coverage(position, i) if judge is not None else None
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
        near_elision = elision_neighbour_beads(data)
        findings.extend(
            self._merged(data, orphan, orphan.position in near_elision)
            for orphan in merged_orphans(data, self.config)
            if not set(orphan.en) & tail
        )
        return findings

    def _merged(self, data: CheckInput, orphan: Orphan, near_elision: bool) -> Finding:
        bead = data.beads[orphan.position]
        texts = [data.en[i].text for i in orphan.en]
        word_count = sum(len(words(t)) for t in texts)
        details = {
            "reason": "merged_into_bead",
            "en_texts": texts,
            "words": word_count,
            "similarity": round(orphan.similarity, 3),
            "best_french_part_similarity": round(orphan.best_part, 3),
            "other_english_similarity": round(orphan.others, 3),
            "gain_without_it": round(orphan.gain, 3),
            "length_fit_gain_without_it": round(orphan.length_gain, 3),
            "event_median": round(orphan.median, 3),
            "fr_text": fr_text(data, bead),
            "called_by": orphan.called_by,
        }
        if orphan.words is not None:
            details["word_coverage"] = orphan.words.to_json()
        quote = one_line(texts[0], 60)
        if near_elision:
            return Finding(
                id=finding_id(FindingType.ELIDED, *texts),
                type=FindingType.ELIDED,
                severity=Severity.INFO,
                confidence=0.7,
                fr=bead.fr,
                en=orphan.en,
                message=f"English beside a French cut (<…>) is not translated: “{quote}”",
                details=details,
            )
        severity = Severity.HIGH if word_count >= 15 or len(texts) >= 2 else Severity.MEDIUM
        margin = orphan.median - orphan.similarity
        confidence = float(
            np.clip(0.5 + margin + max(0.0, orphan.evidence(self.config)), 0.5, 0.95)
        )
        what = "English sentence" if len(texts) == 1 else f"{len(texts)} English sentences"
        return Finding(
            id=finding_id(FindingType.OMISSION, *texts),
            type=FindingType.OMISSION,
            severity=severity,
            confidence=round(confidence, 3),
            fr=bead.fr,
            en=orphan.en,
            message=f"{what} aligned here is not translated (similarity "
            f"{orphan.similarity:.2f} against this event's median {orphan.median:.2f}; "
            f"{_orphan_reason(orphan)}): “{quote}”",
            details=details,
        )

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


@dataclass(frozen=True)
class EnglishEdge:
    """French translation text lying before the English starts or after it stops."""

    where: str  # "start": the original starts later than the French; "end": it stops earlier
    fr: tuple[int, ...]  # the French sentences not compared
    en_neighbour: int  # the first (start) or last (end) English sentence


def english_edges(data: CheckInput, config: CheckConfig = DEFAULT_CONFIG) -> list[EnglishEdge]:
    """Runs of French without English before the first bead with English, or after the last.

    An original that is shorter than its translation (a partial page, a saved excerpt, a
    truncated archived copy) leaves every later French sentence unpaired; reported once, as
    where the English stops, not as one addition per sentence. A run shorter than
    `english_edge_min_sentences` is left to the ordinary addition check (a translator's note).
    """
    with_en = [p for p, b in enumerate(data.beads) if b.en]
    if not with_en:
        return []
    # The titles come first on both sides and pair with each other even when the original
    # is an excerpt: the English "starts" at its first sentence after the title.
    first = with_en[0]
    if _is_title_bead(data, data.beads[first]) and len(with_en) > 1:
        first = with_en[1]
    start_run = [b for b in data.beads[:first] if not b.en]
    edges = []
    runs = (
        ("start", start_run, min(data.beads[first].en)),
        ("end", data.beads[with_en[-1] + 1 :], max(data.beads[with_en[-1]].en)),
    )
    for where, beads, neighbour in runs:
        fr = tuple(i for b in beads for i in b.fr)
        if len(fr) >= config.english_edge_min_sentences:
            edges.append(EnglishEdge(where, fr, neighbour))
    return edges


def _is_title_bead(data: CheckInput, bead: Bead) -> bool:
    """The bead pairs the two titles: the first block of each side, a block of its own."""
    if not bead.fr or not bead.en or not data.fr or not data.en:
        return False
    for sentences, ids in ((data.fr, bead.fr), (data.en, bead.en)):
        title_block = sentences[0].block_index
        in_title = {s.index for s in sentences if s.block_index == title_block}
        if set(ids) != in_title or len(in_title) == len(sentences):
            return False
    return True


def english_stops_finding(data: CheckInput, edge: EnglishEdge) -> Finding:
    """One `addition` for a whole run of French the English original does not reach."""
    count = len(edge.fr)
    texts = [data.fr[i].text for i in edge.fr]
    neighbour = data.en[edge.en_neighbour].text
    if edge.where == "end":
        message = (
            f"The English original stops here; the {count} French sentences after it were not "
            f"compared (is the original a partial page or an excerpt?). Last English sentence: "
            f"“{one_line(neighbour, 60)}”"
        )
    else:
        message = (
            f"The English original starts later than the French: the {count} French sentences "
            f"before its first sentence were not compared (is the original an excerpt?). First "
            f"English sentence: “{one_line(neighbour, 60)}”"
        )
    return Finding(
        id=finding_id(FindingType.ADDITION, f"english_stops:{edge.where}", texts[0], texts[-1]),
        type=FindingType.ADDITION,
        severity=Severity.MEDIUM,
        confidence=0.8,
        fr=edge.fr,
        en=(edge.en_neighbour,),
        message=message,
        details={
            "kind": "english_stops",
            "where": edge.where,
            "french_not_compared": count,
            "first_not_compared": texts[0],
            "last_not_compared": texts[-1],
            "english_neighbour": neighbour,
        },
    )


class AdditionCheck:
    """French translation text with no English (`addition`); other French lines are info."""

    name = "addition"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        edges = english_edges(data, self.config)
        findings = [english_stops_finding(data, edge) for edge in edges]
        beyond = {i for edge in edges for i in edge.fr}
        gaps = [
            (p, i)
            for p, b in enumerate(data.beads)
            if b.fr and not b.en
            for i in b.fr
            if i not in beyond
        ]
        vectors = self._vectors(data, gaps)
        for position, bead in enumerate(data.beads):
            if bead.fr and not bead.en and not set(bead.fr) <= beyond:
                kept = [i for i in bead.fr if not self._covered(data, vectors, position, i)]
                if kept:
                    findings.append(self._addition(data, kept))
        findings.extend(self._classified(data))
        return findings

    def _candidates(self, data: CheckInput, position: int) -> list[tuple[Bead, bool]]:
        lo = max(0, position - self.config.neighbour_beads)
        hi = min(len(data.beads), position + self.config.neighbour_beads + 1)
        return [(data.beads[p], p < position) for p in range(lo, hi) if p != position]

    def _vectors(self, data: CheckInput, gaps: list[tuple[int, int]]) -> dict[str, np.ndarray]:
        if data.encoder is None or not gaps:
            return {}
        texts: list[str] = []
        for position, fr_index in gaps:
            sentence = data.fr[fr_index].text
            texts.append(sentence)
            for bead, before in self._candidates(data, position):
                if bead.en:
                    texts.append(en_text(data, bead))
                    if bead.fr:
                        own = fr_text(data, bead)
                        texts += [own, _merged(own, sentence, before)]
        return embed(data.encoder, texts)

    def _covered(self, data: CheckInput, vectors, position: int, fr_index: int) -> bool:
        """A French sentence split off its neighbour's translation is not an addition."""
        if not vectors:
            return False
        sentence = data.fr[fr_index].text
        for bead, before in self._candidates(data, position):
            if not bead.en:
                continue
            english = en_text(data, bead)
            if _sim(vectors, sentence, english) < self.config.covered_similarity:
                continue
            if not bead.fr:
                return True
            own = fr_text(data, bead)
            merged = _merged(own, sentence, before)
            drop = _sim(vectors, english, own) - _sim(vectors, english, merged)
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
    coverage: float = 0.0  # the span against the French's most similar run of clauses
    reason: str = "similarity"  # "short_french": the length evidence called it
    # … "word_coverage": the word links (none of its words rendered, the rest's are)
    words: WordCover | None = None  # the span's word coverage (None: no word links)


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


def french_runs(text: str, max_clauses: int = 6) -> list[str]:
    """Every run of up to `max_clauses` consecutive clauses of a French text, and the whole
    text: an English clause the French translates is close to one of them."""
    return list(dict.fromkeys([*french_parts(text, max_clauses), text]))


@dataclass(frozen=True)
class LengthFit:
    """The event's own distribution of French/English log length ratios over paired beads."""

    median: float
    mad: float  # scaled (×1.4826)

    def shortfall(self, french: str, english: str) -> float:
        """How far the French falls short of the length the event's ratio predicts (log)."""
        ratio = float(np.log(max(1, len(french)) / max(1, len(english))))
        return self.median - ratio


def length_fit(data: CheckInput) -> LengthFit:
    ratios = np.asarray(
        [
            np.log(max(1, len(fr_text(data, b))) / max(1, len(en_text(data, b))))
            for b in data.beads
            if b.fr and b.en
        ],
        dtype=float,
    )
    if not len(ratios):
        return LengthFit(0.0, 0.0)
    median = float(np.median(ratios))
    return LengthFit(median, 1.4826 * float(np.median(np.abs(ratios - median))))


@dataclass(frozen=True)
class _SpanPlan:
    clauses: list[tuple[int, str]]  # (English sentence, clause text)
    french: str
    spans: list[tuple[int, int]]
    texts: list[str]  # each span's text
    rests: list[str]  # the bead's English without it
    runs: list[str]  # runs of the French's clauses
    shortfall: float  # the French's log length shortfall against the event's ratio
    words: list[WordCover] | None = None  # each clause's word coverage (None: no links)

    def span_words(self, first: int, last: int) -> tuple[WordCover, WordCover] | None:
        """Word coverage of a span of clauses and of the rest of the bead's English."""
        if self.words is None:
            return None
        return (
            combined(self.words[first : last + 1]),
            combined(self.words[:first] + self.words[last + 1 :]),
        )


def span_word_call(
    lexical: tuple[WordCover, WordCover] | None,
    coverage: float,
    gain: float,
    french_short: bool,
    config: CheckConfig,
) -> str | None:
    """What the word links say of a span of a bead's English (`lexical`: the span's and the
    rest's word coverage): "rendered" when the French renders a good part of its words (never
    an omission, whatever the cosines say), "unrendered" when it renders (almost) none of
    them while rendering the rest of the bead's English — a dropped clause — and the cosines
    agree loosely: no French clause run is close to it and the bead is better without it
    (or no worse, where the French is short for its English). None: no word evidence."""
    if lexical is None:
        return None
    span, rest = lexical
    if span.weight < config.span_words_min_weight or span.share is None:
        return None
    if span.share >= config.span_veto_word_share:
        return "rendered"
    least_gain = config.span_min_gain_when_short if french_short else config.span_min_gain
    if (
        span.share <= config.span_max_word_share
        and (rest.share or 0.0) >= config.span_rest_min_word_share
        and coverage < config.span_words_max_coverage
        and gain >= least_gain
    ):
        return "unrendered"
    return None


def _find_spaced(text: str, piece: str, start: int) -> int:
    """Where `piece` starts in `text` from `start`, whatever the spacing between its words
    (a clause is joined with single spaces; its sentence may hold a line break or two
    spaces there); -1 if it is not there."""
    words = piece.split()
    if not words:
        return -1
    found = re.compile(r"\s+".join(map(re.escape, words))).search(text, start)
    return found.start() if found else -1


def clause_word_covers(
    links: Sequence[WordLink], clauses: Sequence[tuple[int, str]], texts: dict[int, str]
) -> list[WordCover]:
    """Word coverage of each clause: a clause owns the links from where it starts in its
    sentence up to where the next clause starts."""
    starts: list[int] = []
    position: dict[int, int] = {}
    for sentence, clause in clauses:
        found = _find_spaced(texts[sentence], clause[:20], position.get(sentence, 0))
        start = found if found >= 0 else position.get(sentence, 0)
        starts.append(start)
        position[sentence] = start + 1
    covers = []
    for k, (sentence, _) in enumerate(clauses):
        same = k + 1 < len(clauses) and clauses[k + 1][0] == sentence
        end = starts[k + 1] if same else len(texts[sentence]) + 1
        own = [link for link in links if link.en_sentence == sentence]
        covers.append(word_cover(own, texts[sentence], (starts[k], end)))
    return covers


def _only(plan: _SpanPlan, keep: list[int]) -> _SpanPlan:
    """The plan with only the spans at the given positions."""
    return replace(
        plan,
        spans=[plan.spans[k] for k in keep],
        texts=[plan.texts[k] for k in keep],
        rests=[plan.rests[k] for k in keep],
    )


class PartialOmissionCheck:
    """Clauses of an aligned English bead that its French does not cover.

    Each run of clauses is judged by its coverage — its similarity to the French's most
    similar run of clauses (a clause-to-clause comparison: low when no French clause says
    it) — and by the gain in the bead's similarity when it is left out of the English
    (positive when the French lacks it, negative when the French carries it). Where the
    French is much shorter than the event's own French/English length ratio predicts, an
    uncovered run that costs the bead nothing is enough; otherwise it must also raise the
    bead's similarity clearly, which tells a dropped clause from a short one whose
    similarity is diluted by a long French sentence.
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
        fit = length_fit(data)
        limit = max(self.config.partial_length_drop, self.config.partial_length_mads * fit.mad)
        near_elision = elision_neighbour_beads(data)
        # sentences the omission check reports whole are not reported again in part, and
        # the rest of their bead is judged without them (against its French alone)
        reported = {i for o in merged_orphans(data, self.config) for i in o.en}
        scores = self._without(data, scores, reported)
        plans = []
        for position, (bead, score) in enumerate(zip(data.beads, scores, strict=True)):
            if not (bead.fr and bead.en) or score is None:
                continue
            bead = replace(bead, en=tuple(i for i in bead.en if i not in reported))
            if not bead.en:
                continue
            links = data.links[position] if position < len(data.links) else None
            plan = self._plan(data, bead, fit, links)
            if plan is None:
                continue
            off = stats.z(score) < self.config.mistranslation_z and len(bead.en) == 1
            if off and plan.shortfall <= limit:
                continue  # the whole bead is off: the mistranslation check reports it
            # an off bead with short French is a dropped part only if the rest of its
            # English, alone, is an ordinary match for the French
            rest_floor = stats.median - self.config.mistranslation_gap if off else -1.0
            plans.append((position, bead, score, plan, rest_floor))
        plans = self._narrow(encoder, plans, limit)
        # one encoder call for what is left of the whole event
        vectors = embed(
            encoder,
            [
                t
                for _, _, _, plan, _ in plans
                for t in (plan.french, *plan.texts, *plan.rests, *plan.runs)
            ],
        )
        findings: list[Finding] = []
        for position, bead, score, plan, rest_floor in plans:
            short = plan.shortfall > limit
            span = self._worst_span(plan, vectors, score, reported, short, rest_floor)
            if span is not None:
                findings.append(
                    self._finding(
                        data, bead, score, stats, span, position in near_elision, plan, limit
                    )
                )
        return findings

    @staticmethod
    def _without(
        data: CheckInput, scores: list[float | None], reported: set[int]
    ) -> list[float | None]:
        """Bead similarities with the reported orphans' English left out of their beads."""
        touched = [(p, b) for p, b in enumerate(data.beads) if b.fr and set(b.en) & reported]
        if not touched or data.encoder is None:
            return scores
        rests = {p: side_text(data.en, [i for i in b.en if i not in reported]) for p, b in touched}
        vectors = embed(
            data.encoder, [fr_text(data, b) for _, b in touched] + [r for r in rests.values() if r]
        )
        scores = list(scores)
        for p, b in touched:
            if rests[p]:
                scores[p] = float(vectors[fr_text(data, b)] @ vectors[rests[p]])
        return scores

    def _narrow(self, encoder: Encoder, plans: list, limit: float) -> list:
        """Keep only the spans that could be reported, before the costly embeddings.

        Two exact prunings, cheapest first. A span is reported only when its coverage is
        below the coverage limits, and its coverage is at least its similarity to the whole
        French (the whole French is one of the runs): a span already that similar, or too
        short, goes. Then a span also needs a gain (its bead's similarity without it, minus
        the bead's) above what either rule asks: that needs only the remainders. The French
        runs are embedded afterwards for the spans left — same decisions, a fraction of the
        encoder's work.
        """
        config = self.config
        ceiling = max(config.span_max_coverage, config.span_alone_max_coverage)
        # the word rule (c) looks at spans up to a higher coverage, where links exist
        with_words = max(ceiling, config.span_words_max_coverage)
        first = embed(
            encoder, [t for _, _, _, plan, _ in plans for t in (plan.french, *plan.texts)]
        )
        candidates = []
        for position, bead, score, plan, rest_floor in plans:
            french = first[plan.french]
            keep = [
                k
                for k, text in enumerate(plan.texts)
                if len(words(text)) >= config.span_min_words
                and float(first[text] @ french) < (ceiling if plan.words is None else with_words)
            ]
            if keep:
                candidates.append((position, bead, score, _only(plan, keep), rest_floor))
        rests = embed(encoder, [t for _, _, _, plan, _ in candidates for t in plan.rests])
        narrowed = []
        for position, bead, score, plan, rest_floor in candidates:
            french = first[plan.french]
            short = plan.shortfall > limit
            least_gain = (
                min(config.span_min_gain_when_short, config.span_min_gain)
                if short
                else config.span_min_gain
            )
            keep = []
            for k, rest in enumerate(plan.rests):
                rest_sim = float(rests[rest] @ french)
                if rest_sim >= rest_floor and rest_sim - score >= least_gain:
                    keep.append(k)
            if keep:
                narrowed.append((position, bead, score, _only(plan, keep), rest_floor))
        return narrowed

    def _plan(
        self,
        data: CheckInput,
        bead: Bead,
        fit: LengthFit,
        links: Sequence[WordLink] | None = None,
    ) -> _SpanPlan | None:
        """The clauses of a bead's English and every candidate span with its remainder."""
        config = self.config
        clauses = [
            (i, c) for i in bead.en for c in split_clauses(data.en[i].text, config.clause_min_words)
        ]
        if len(clauses) < 2:
            return None
        spans = candidate_spans(clauses, config.span_max_clauses)
        texts, rests = [], []
        for first, last in spans:
            texts.append(" ".join(c for _, c in clauses[first : last + 1]))
            rests.append(" ".join(c for _, c in clauses[:first] + clauses[last + 1 :]))
        french = fr_text(data, bead)
        shortfall = fit.shortfall(french, en_text(data, bead))
        covers = None
        if links is not None:
            covers = clause_word_covers(links, clauses, {i: data.en[i].text for i in bead.en})
        return _SpanPlan(
            clauses, french, spans, texts, rests, french_runs(french), shortfall, covers
        )

    def _worst_span(
        self,
        plan: _SpanPlan,
        vectors: dict[str, np.ndarray],
        score: float,
        reported: set[int],
        french_short: bool,
        rest_floor: float = -1.0,
    ) -> Span | None:
        config = self.config
        clauses = plan.clauses
        french = vectors[plan.french]
        sims = np.stack([vectors[t] for t in plan.texts]) @ french
        rest_sims = np.stack([vectors[t] for t in plan.rests]) @ french
        # clause-to-clause: each span against every run of the French's clauses
        coverage = np.max(
            np.stack([vectors[t] for t in plan.texts])
            @ np.stack([vectors[r] for r in plan.runs]).T,
            axis=1,
        )
        best: Span | None = None
        for (first, last), text, sim, rest_sim, cover in zip(
            plan.spans, plan.texts, sims, rest_sims, coverage, strict=True
        ):
            gain = float(rest_sim) - score
            if len(words(text)) < config.span_min_words or rest_sim < rest_floor:
                continue
            by_length = (
                french_short
                and cover < config.span_max_coverage
                and gain >= config.span_min_gain_when_short
            )
            by_similarity = (
                gain >= config.span_min_gain
                and sim <= config.span_max_similarity
                and cover < config.span_alone_max_coverage
            )
            lexical = plan.span_words(first, last)
            call = span_word_call(lexical, float(cover), gain, french_short, config)
            if call == "rendered" or not (by_length or by_similarity or call == "unrendered"):
                continue
            en = tuple(dict.fromkeys(i for i, _ in clauses[first : last + 1]))
            if set(en) & reported:
                continue
            whole = all(
                sum(1 for i, _ in clauses[first : last + 1] if i == e)
                == sum(1 for i, _ in clauses if i == e)
                for e in en
            )
            span = Span(
                first,
                last,
                text,
                round(float(sim), 3),
                round(gain, 3),
                en,
                whole,
                round(float(cover), 3),
                "short_french" if by_length else "similarity" if by_similarity else "word_coverage",
                None if lexical is None else lexical[0],
            )
            # a whole untranslated sentence is reported as such, before any part of one
            rank = (span.whole_sentences, span.gain - span.coverage)
            if best is None or rank > (best.whole_sentences, best.gain - best.coverage):
                best = span
        return best

    def _finding(
        self, data, bead, score, stats, span: Span, near_elision: bool, plan, limit
    ) -> Finding:
        french = fr_text(data, bead)
        missing = _missing_terms(span.text, french)
        strength = max(span.gain, 0.0) + max(0.0, self.config.span_max_coverage - span.coverage)
        confidence = float(np.clip(0.5 + strength * 1.5 + 0.05 * len(missing), 0.5, 0.95))
        details = {
            "en_span": span.text,
            "span_similarity": span.similarity,
            "span_coverage": span.coverage,
            "gain_without_span": span.gain,
            "bead_similarity": round(score, 3),
            "event_distribution": stats.to_json(),
            "french_length_shortfall": round(plan.shortfall, 3),
            "length_shortfall_limit": round(limit, 3),
            "called_by": span.reason,
            "span_word_coverage": None if span.words is None else span.words.to_json(),
            "fr_text": french,
            "missing_terms": missing,
            "thresholds": {
                "min_gain": self.config.span_min_gain,
                "max_similarity": self.config.span_max_similarity,
                "max_coverage": self.config.span_max_coverage,
                "alone_max_coverage": self.config.span_alone_max_coverage,
                "min_gain_when_short": self.config.span_min_gain_when_short,
            },
        }
        quote = one_line(span.text, 60)
        why = f"best French clause match {span.coverage:.2f}; the bead scores {span.gain:+.2f} "
        why += "better without it"
        if span.reason == "word_coverage" and span.words is not None:
            why = f"{rendered_words(span.words)}; best French clause match {span.coverage:.2f}"
        if span.reason == "short_french":
            why += f"; the French is {np.exp(plan.shortfall):.1f}× shorter than this event's "
            why += "ratio predicts"
        if span.whole_sentences and near_elision:
            kind, severity = FindingType.ELIDED, Severity.INFO
            message = f"English beside a French cut (<…>) is not translated: “{quote}”"
        elif span.whole_sentences:
            kind, severity = FindingType.OMISSION, Severity.MEDIUM
            message = f"English sentence aligned here is not translated ({why}): “{quote}”"
        else:
            kind = FindingType.PARTIAL_OMISSION
            big = len(words(span.text)) >= 8 or missing
            severity = Severity.MEDIUM if big else Severity.LOW
            message = f"Part of the English is not in the French ({why}): “{quote}”"
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
    "EnglishEdge",
    "OmissionCheck",
    "PartialOmissionCheck",
    "elided_bead_positions",
    "english_edges",
    "english_stops_finding",
    "side_text",
    "split_clauses",
    "truncated_tail",
]
