"""Direction: the French says the opposite direction of a change or a comparison.

"GDP rose" → "le PIB a diminué", "a record low" → "un niveau historiquement haut", "exports" →
"importations", "before the talks" → "après les entretiens". Each side's words that give a
direction are read with the polarity lexicon (`align/lexicons/polarity.tsv`: lemmas, so one
entry covers "rose / risen / rising" and "a diminué / diminuent"); a word under negation
("did not rise", "ne baisse plus", "no longer growing") counts for neither direction.

Evidence, strongest first:
- word links (when the pipeline computed them): the English word is linked to French words
  that say the opposite direction on the same axis, and to none that say the same: medium,
  or high when the rest of the bead agrees;
- the bead: on one axis the English says one direction only and the French the opposite one
  only: medium (low for more/less, which French also uses for English comparatives);
- counts: the English has more of one direction than the French, the French more of the other
  (a sentence with several changes, one of them flipped): low.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.phrases import Hit, read_lexicon
from align.model import Bead, Finding, FindingType, Sentence, Severity, WordLink, finding_id

LEXICON = "polarity.tsv"

#: How a reviewer says each direction of each axis.
AXIS_WORDS: dict[str, tuple[str, str]] = {
    "updown": ("up / higher", "down / lower"),
    "balance": ("a surplus", "a deficit"),
    "outcome": ("a gain", "a loss"),
    "time": ("after / later / next", "before / earlier / last"),
    "size": ("larger", "smaller"),
    "strength": ("stronger", "weaker"),
    "speed": ("faster", "slower"),
    "quality": ("better", "worse"),
    "trade": ("exports", "imports"),
}
#: "more" / "less" say a direction on the up/down axis ("400 more" = "an increase of 400"),
#: but French also uses them where English has none (comparatives: "plus grand" for
#: "larger"), so a flip that rests on them alone is weak evidence. Before a direction word
#: they turn it into a comparative of that word: "moins élevé" = lower, "less rapid" = slower.
COMPARATIVE_AXIS = "amount"
COMPARED_ON = {"amount": "updown"}


@dataclass(frozen=True)
class Polar:
    """A word or phrase of one sentence that gives a direction on an axis."""

    sentence: int
    start: int
    end: int
    text: str
    axis: str
    sign: int  # +1 or -1
    negated: bool
    weak: bool = False  # a bare "more" / "plus" / "less" / "moins"

    def to_json(self) -> dict[str, object]:
        return {
            "sentence": self.sentence,
            "span": [self.start, self.end],
            "text": self.text,
            "axis": self.axis,
            "direction": "+" if self.sign > 0 else "-",
            "negated": self.negated,
        }


def polar_words(sentence: Sentence, lang: str) -> list[Polar]:
    """The direction words of one sentence, with their negation; "more" / "less" before a
    direction word make one comparative with it ("moins élevé": down)."""
    text = sentence.text
    hits = read_lexicon(LEXICON).find(text, lang)
    # one word may match several rows of one meaning ("baisse" the noun and "baisser")
    words = list(
        {(p.start, p.axis, p.sign): p for p in (_polar(sentence.index, h) for h in hits)}.values()
    )
    out: list[Polar] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (
            word.axis == COMPARATIVE_AXIS
            and nxt is not None
            and nxt.axis != COMPARATIVE_AXIS
            and not text[word.end : nxt.start].strip()
        ):
            out.append(
                Polar(
                    word.sentence,
                    word.start,
                    nxt.end,
                    text[word.start : nxt.end],
                    nxt.axis,
                    word.sign * nxt.sign,
                    word.negated or nxt.negated,
                )
            )
            i += 2
            continue
        if word.axis in COMPARED_ON:
            word = Polar(
                word.sentence,
                word.start,
                word.end,
                word.text,
                COMPARED_ON[word.axis],
                word.sign,
                word.negated,
                weak=True,
            )
        out.append(word)
        i += 1
    return out


def _polar(sentence: int, hit: Hit) -> Polar:
    return Polar(
        sentence,
        hit.start,
        hit.end,
        hit.text,
        hit.entry["axis"],
        1 if hit.entry["polarity"] == "+" else -1,
        hit.negated,
    )


@dataclass(frozen=True)
class Flip:
    """English words saying one direction on an axis, French words saying the other."""

    axis: str
    en_sign: int
    en: tuple[Polar, ...]
    fr: tuple[Polar, ...]
    evidence: str  # link | bead | count
    severity: Severity
    confidence: float


def _overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return a[0] < end and start < a[1]


def linked_flips(en: Sequence[Polar], fr: Sequence[Polar], links: Sequence[WordLink]) -> list[Flip]:
    """English direction words whose linked French says the opposite on the same axis."""
    flips = []
    for word in en:
        if word.negated:
            continue
        counterparts = [
            link
            for link in links
            if link.linked
            and link.en_sentence == word.sentence
            and _overlaps(link.en_span, word.start, word.end)
        ]
        rendered = [
            f
            for f in fr
            if f.axis == word.axis
            and not f.negated
            and any(
                link.fr_sentence == f.sentence and _overlaps(link.fr_span, f.start, f.end)  # type: ignore[arg-type]
                for link in counterparts
            )
        ]
        opposite = [f for f in rendered if f.sign != word.sign]
        if opposite and not any(f.sign == word.sign for f in rendered):
            weak = word.weak or all(f.weak for f in opposite)
            severity = Severity.LOW if weak else Severity.MEDIUM
            flips.append(
                Flip(word.axis, word.sign, (word,), tuple(opposite), "link", severity, 0.85)
            )
    return flips


def bead_flips(en: Sequence[Polar], fr: Sequence[Polar]) -> list[Flip]:
    """Per axis, affirmative direction words of the English against those of the French."""
    flips = []
    for axis in sorted({w.axis for w in en} & {w.axis for w in fr}):
        en_words = [w for w in en if w.axis == axis and not w.negated]
        fr_words = [w for w in fr if w.axis == axis and not w.negated]
        e = Counter(w.sign for w in en_words)
        f = Counter(w.sign for w in fr_words)
        for sign in (1, -1):
            if not (e[sign] > f[sign] and f[-sign] > e[-sign]):
                continue
            said_en = tuple(w for w in en_words if w.sign == sign)
            said_fr = tuple(w for w in fr_words if w.sign == -sign)
            weak = all(w.weak for w in said_en) or all(w.weak for w in said_fr)
            if e[-sign] == 0 and f[sign] == 0:  # each side says one direction only
                severity = Severity.LOW if weak else Severity.MEDIUM
                evidence, confidence = "bead", 0.55 if weak else 0.7
            else:
                severity, evidence, confidence = Severity.LOW, "count", 0.45
            flips.append(Flip(axis, sign, said_en, said_fr, evidence, severity, confidence))
    return flips


class DirectionCheck:
    """A bead whose French says the opposite direction of its English on some axis."""

    name = "direction"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        fr_by_id = {s.index: s for s in data.fr}
        en_by_id = {s.index: s for s in data.en}
        findings: list[Finding] = []
        for position, bead in enumerate(data.beads):
            if not (bead.fr and bead.en):
                continue
            en = [w for i in bead.en if i in en_by_id for w in polar_words(en_by_id[i], "en")]
            fr = [w for i in bead.fr if i in fr_by_id for w in polar_words(fr_by_id[i], "fr")]
            if not en or not fr:
                continue
            links = data.links[position] if position < len(data.links) else ()
            flips = self._flips(en, fr, links)
            findings += [self._finding(data, bead, flip, en, fr) for flip in flips]
        return findings

    @staticmethod
    def _flips(en: list[Polar], fr: list[Polar], links: Sequence[WordLink]) -> list[Flip]:
        by_bead = {(f.axis, f.en_sign): f for f in bead_flips(en, fr)}
        flips: dict[tuple[str, int], Flip] = {}
        for flip in linked_flips(en, fr, links) if links else []:
            key = (flip.axis, flip.en_sign)
            agreed = by_bead.get(key)
            if (
                agreed is not None
                and agreed.evidence == "bead"
                and agreed.severity is Severity.MEDIUM
            ):
                # the link and the whole bead agree: two independent signals
                flip = Flip(flip.axis, flip.en_sign, flip.en, flip.fr, "link", Severity.HIGH, 0.9)
            if key not in flips:
                flips[key] = flip
        for key, flip in by_bead.items():
            if key in flips:
                continue
            if links and _all_linked_alike(flip, fr, links):
                continue  # the links pair these words with French words of their direction
            flips[key] = flip
        return list(flips.values())

    def _finding(
        self, data: CheckInput, bead: Bead, flip: Flip, en: list[Polar], fr: list[Polar]
    ) -> Finding:
        plus, minus = AXIS_WORDS.get(flip.axis, ("one way", "the other way"))
        if all(w.weak for w in (*flip.en, *flip.fr)):
            plus, minus = "more", "less"
        en_says, fr_says = (plus, minus) if flip.en_sign > 0 else (minus, plus)
        en_words = ", ".join(f"“{w.text}”" for w in flip.en)
        fr_words = ", ".join(f"“{w.text}”" for w in flip.fr)
        message = f"English says {en_says} ({en_words}); the French says {fr_says} ({fr_words})"
        fr_text = " ".join(s.text for s in data.fr if s.index in bead.fr)
        en_text = " ".join(s.text for s in data.en if s.index in bead.en)
        return Finding(
            id=finding_id(FindingType.DIRECTION, flip.axis, str(flip.en_sign), fr_text, en_text),
            type=FindingType.DIRECTION,
            severity=flip.severity,
            confidence=flip.confidence,
            fr=tuple(sorted({w.sentence for w in flip.fr})),
            en=tuple(sorted({w.sentence for w in flip.en})),
            message=message,
            details={
                "axis": flip.axis,
                "english_direction": en_says,
                "french_direction": fr_says,
                "evidence": flip.evidence,
                "en_words": [w.to_json() for w in flip.en],
                "fr_words": [w.to_json() for w in flip.fr],
                "en_direction_words": [w.to_json() for w in en],
                "fr_direction_words": [w.to_json() for w in fr],
                "lexicon": LEXICON,
            },
        )


def _all_linked_alike(flip: Flip, fr: Sequence[Polar], links: Sequence[WordLink]) -> bool:
    """Every English word of a bead-level flip is linked to French words of its own direction:
    the word alignment explains the bead (the opposite French word renders something else)."""
    for word in flip.en:
        rendered = [
            f
            for link in links
            if link.linked
            and link.en_sentence == word.sentence
            and _overlaps(link.en_span, word.start, word.end)
            for f in fr
            if f.axis == word.axis
            and link.fr_sentence == f.sentence
            and _overlaps(link.fr_span, f.start, f.end)  # type: ignore[arg-type]
        ]
        if not rendered or any(f.sign != word.sign for f in rendered):
            return False
    return True
