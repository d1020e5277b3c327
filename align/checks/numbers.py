"""The number check: values that differ, are missing or are added, bead by bead.

A bead is compared with its own English (or French) first; what it leaves unexplained is then
looked for among what the neighbouring beads leave unexplained, so a number that landed one
bead away after a 2-1 split raises nothing, while a number a neighbour already pairs with its
own counterpart excuses nothing (a value stated twice in English and once in French has lost
one mention: reported, low, "stated nearby"). A French number and an English number left
over in adjacent beads, of one family, are reported together as one altered value. Numbers
of a bead with one side empty (a whole sentence omitted or added) are the omission check's
business: they are used to explain their neighbours and never reported on their own.

Severity follows the strength of the evidence: an altered value written in digits is high;
values in words on both sides are medium (translators of literature take liberties); weak
evidence is low, worth a glance: small numbers in words (deux, three), first/second, vague
quantities (des milliers, hundreds of, a bare "mille fois"), Roman heading numerals, and a
value stated nearby.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from align.checks.base import CheckInput
from align.model import Bead, Finding, FindingType, Sentence, Severity, finding_id
from align.numbers.compare import (
    compare_quantities,
    explained_by,
    pair_alterations,
)
from align.numbers.extract import extract_quantities
from align.numbers.quantity import Quantity, QuantityKind

K = QuantityKind

#: Spelled-out numbers up to this value ("deux", "three") are often idiom ("les deux" = "both",
#: "a couple of"): one-sided, they are low-severity notes.
SMALL_SPELLED = 12


@dataclass(frozen=True)
class _Located:
    """A quantity and the sentence and bead it was read from."""

    quantity: Quantity
    sentence: int
    bead: int


def _locate(q: Quantity, found: list[_Located]) -> _Located:
    """The located quantity `q` is, or was derived from (a date's year is at the date)."""
    for x in found:
        if x.quantity is q:
            return x
    for x in found:
        if (x.quantity.start, x.quantity.end, x.quantity.raw) == (q.start, q.end, q.raw):
            return _Located(q, x.sentence, x.bead)
    raise LookupError(f"quantity {q.raw!r} not found among its bead's quantities")


def _is_trivial(q: Quantity) -> bool:
    """Weak evidence on its own: "first"/"premier", "Ier", "two"/"deux" in words, a vague
    quantity ("des milliers", "a thousand times"), a heading's Roman numeral."""
    if not q.is_scalar:
        return q.spelled  # noon, minuit, New Year's Day: said in words
    if q.vague:
        return True
    if q.kind is K.ORDINAL and float(q.value) <= 2:  # type: ignore[arg-type]
        return True
    if q.kind is K.INTEGER and q.raw.isalpha() and set(q.raw) <= set("IVXLCDM"):
        return True  # CHAPITRE XXIX, "II ." alone: structure, not content
    if not q.spelled:
        return False
    return float(q.value) <= SMALL_SPELLED  # type: ignore[arg-type]


def _altered_severity(fq: Quantity, eq: Quantity) -> Severity:
    """High when digits differ; medium for words on both sides or a vague side; low when
    both sides are weak evidence."""
    if _is_trivial(fq) and _is_trivial(eq):
        return Severity.LOW
    gap = _relative_gap(fq, eq)
    if (fq.approximate or eq.approximate) and gap is not None and gap <= 0.1:
        return Severity.MEDIUM
    if (fq.spelled and eq.spelled) or fq.vague or eq.vague:
        return Severity.MEDIUM
    return Severity.HIGH


def _relative_gap(a: Quantity, b: Quantity) -> float | None:
    if not (a.is_scalar and b.is_scalar):
        return None
    x, y = float(a.value), float(b.value)  # type: ignore[arg-type]
    if max(abs(x), abs(y)) == 0:
        return 0.0
    return abs(x - y) / max(abs(x), abs(y))


class NumberCheck:
    """Finds quantities whose value differs, is missing or is added (DESIGN.md, Numbers)."""

    name = "number"

    def __init__(self, window: int = 1) -> None:
        self.window = window  # how many beads either side may explain a number

    def run(self, data: CheckInput) -> list[Finding]:
        fr_by_id = {s.index: s for s in data.fr}
        en_by_id = {s.index: s for s in data.en}
        fr = [self._read(bead.fr, fr_by_id, "fr", i) for i, bead in enumerate(data.beads)]
        en = [self._read(bead.en, en_by_id, "en", i) for i, bead in enumerate(data.beads)]
        comparisons = [
            compare_quantities([x.quantity for x in f], [x.quantity for x in e])
            for f, e in zip(fr, en, strict=True)
        ]
        # what each bead leaves unexplained: the only values that may explain a neighbour's
        left_fr = [
            [_locate(q, fr[i]) for q in (*c.added, *(f for f, _ in c.altered))]
            for i, c in enumerate(comparisons)
        ]
        left_en = [
            [_locate(q, en[i]) for q in (*c.missing, *(e for _, e in c.altered))]
            for i, c in enumerate(comparisons)
        ]

        altered: list[tuple[_Located, _Located, bool]] = []  # (fr, en, across beads)
        added: list[_Located] = []
        missing: list[_Located] = []
        swapped: list[tuple[_Located, _Located, _Located, _Located]] = []
        for i, comparison in enumerate(comparisons):
            french, english = fr[i], en[i]
            if not french and not english:
                continue
            near_en = self._window(left_en, i, own=False)
            near_fr = self._window(left_fr, i, own=False)
            lone_fr = [_locate(q, french) for q in comparison.added]
            lone_en = [_locate(q, english) for q in comparison.missing]
            swapped += [
                (
                    _locate(f1, french),
                    _locate(e1, english),
                    _locate(f2, french),
                    _locate(e2, english),
                )
                for (f1, e1), (f2, e2) in comparison.swapped
            ]
            for f, e in comparison.altered:
                f_loc, e_loc = _locate(f, french), _locate(e, english)
                f_seen = self._explained(f_loc, near_en)
                e_seen = self._explained(e_loc, near_fr)
                if not f_seen and not e_seen:
                    altered.append((f_loc, e_loc, False))
                elif not e_seen:
                    lone_en.append(e_loc)
                elif not f_seen:
                    lone_fr.append(f_loc)
            added += [x for x in lone_fr if not self._explained(x, near_en)]
            missing += [x for x in lone_en if not self._explained(x, near_fr)]

        altered += self._pair_across_beads(added, missing)
        paired = {id(x) for f, e, _ in altered for x in (f, e)}
        beads = data.beads
        findings = [self._altered(f, e, across, data) for f, e, across in altered]
        findings += [self._swapped(*four, data) for four in swapped]
        findings += [
            self._one_sided(x, "added", data, self._explained(x, self._window(en, x.bead)))
            for x in added
            if id(x) not in paired and beads[x.bead].en
        ]
        findings += [
            self._one_sided(x, "missing", data, self._explained(x, self._window(fr, x.bead)))
            for x in missing
            if id(x) not in paired and beads[x.bead].fr
        ]
        findings.sort(key=lambda f: (min(f.en or f.fr or (0,)), min(f.fr or (0,)), f.id))
        return findings

    # -- reading and explaining ------------------------------------------------------------

    @staticmethod
    def _read(
        ids: Sequence[int], sentences: dict[int, Sentence], lang: str, bead: int
    ) -> list[_Located]:
        found = []
        for sentence_id in ids:
            sentence = sentences.get(sentence_id)
            if sentence is None:
                continue
            for q in extract_quantities(sentence.text, lang):
                found.append(_Located(q, sentence_id, bead))
        return found

    def _window(self, side: list[list[_Located]], i: int, own: bool = True) -> list[_Located]:
        lo, hi = max(0, i - self.window), min(len(side), i + self.window + 1)
        return [x for j in range(lo, hi) if own or j != i for x in side[j]]

    @staticmethod
    def _explained(x: _Located, others: list[_Located]) -> bool:
        return explained_by(x.quantity, [o.quantity for o in others]) is not None

    def _pair_across_beads(
        self, added: list[_Located], missing: list[_Located]
    ) -> list[tuple[_Located, _Located, bool]]:
        """A French value left in one bead and an English one left next door: one alteration."""
        pairs: list[tuple[_Located, _Located, bool]] = []
        taken: set[int] = set()
        for f in added:
            near = [
                e for e in missing if id(e) not in taken and 0 < abs(e.bead - f.bead) <= self.window
            ]
            if not near:
                continue
            found, _, _ = pair_alterations([f.quantity], [e.quantity for e in near])
            if found:
                e = next(e for e in near if e.quantity is found[0][1])
                taken.add(id(e))
                pairs.append((f, e, True))
        return [(f, e, across) for f, e, across in pairs]

    # -- findings --------------------------------------------------------------------------

    def _finding(
        self,
        data: CheckInput,
        fr_ids: tuple[int, ...],
        en_ids: tuple[int, ...],
        raws: tuple[str, ...],
        severity: Severity,
        confidence: float,
        message: str,
        details: dict[str, Any],
    ) -> Finding:
        """A number finding; its id hangs on the change, both sides' texts and the raw numbers."""
        texts = (self._texts(fr_ids, data.fr), self._texts(en_ids, data.en))
        return Finding(
            id=finding_id(FindingType.NUMBER, details["change"], *texts, *raws),
            type=FindingType.NUMBER,
            severity=severity,
            confidence=round(confidence, 3),
            fr=fr_ids,
            en=en_ids,
            message=message,
            details=details,
        )

    @staticmethod
    def _texts(ids: Sequence[int], sentences: Sequence[Sentence]) -> str:
        by_id = {s.index: s.text for s in sentences}
        return " ".join(by_id.get(i, "") for i in ids)

    def _altered(self, f: _Located, e: _Located, across: bool, data: CheckInput) -> Finding:
        fq, eq = f.quantity, e.quantity
        rough = fq.approximate or eq.approximate
        severity = _altered_severity(fq, eq)
        confidence = 0.9
        if fq.spelled or eq.spelled:
            confidence -= 0.15
        if rough:
            confidence -= 0.15
        if across:
            confidence -= 0.2
        fr_ids = (f.sentence,)
        en_ids = (e.sentence,)
        message = f"French says {fq.raw} ({fq.describe()}), English says {eq.raw} ({eq.describe()})"
        details = {"change": "altered", "fr": fq.to_json(), "en": eq.to_json()}
        return self._finding(
            data, fr_ids, en_ids, (fq.raw, eq.raw), severity, confidence, message, details
        )

    def _swapped(
        self, f1: _Located, e1: _Located, f2: _Located, e2: _Located, data: CheckInput
    ) -> Finding:
        a, b = f1.quantity, f2.quantity
        fr_ids = tuple(sorted({f1.sentence, f2.sentence}))
        en_ids = tuple(sorted({e1.sentence, e2.sentence}))
        if e1.quantity.raw == e2.quantity.raw and e1.quantity.start == e2.quantity.start:
            message = f"French gives {a.raw} before {b.raw}; English has the range "
            message += e1.quantity.raw
        elif a.raw == b.raw and a.start == b.start:
            message = f"French has the range {a.raw}; English gives {e1.quantity.raw} before "
            message += f"{e2.quantity.raw}"
        else:
            message = (
                f"French gives {a.raw} before {b.raw}; English gives {e2.quantity.raw} before "
                f"{e1.quantity.raw}: values swapped?"
            )
        details = {
            "change": "swapped",
            "fr": [a.to_json(), b.to_json()],
            "en": [e1.quantity.to_json(), e2.quantity.to_json()],
        }
        return self._finding(
            data, fr_ids, en_ids, (a.raw, b.raw), Severity.MEDIUM, 0.5, message, details
        )

    def _one_sided(self, x: _Located, change: str, data: CheckInput, nearby: bool) -> Finding:
        q = x.quantity
        bead: Bead = data.beads[x.bead]
        weak = _is_trivial(q) or nearby
        severity = Severity.LOW if weak else Severity.MEDIUM
        confidence = 0.5 if weak else (0.65 if q.spelled or q.approximate else 0.8)
        note = " (the value is stated nearby: a repeat dropped?)" if nearby else ""
        if change == "added":
            fr_ids, en_ids = (x.sentence,), tuple(bead.en)
            message = f"French says {q.raw} ({q.describe()}); the English has no such number{note}"
            details = {"change": "added", "fr": q.to_json(), "en": None, "stated_nearby": nearby}
        else:
            fr_ids, en_ids = tuple(bead.fr), (x.sentence,)
            message = f"English says {q.raw} ({q.describe()}); the French has no such number{note}"
            details = {"change": "missing", "fr": None, "en": q.to_json(), "stated_nearby": nearby}
        return self._finding(data, fr_ids, en_ids, (q.raw,), severity, confidence, message, details)
