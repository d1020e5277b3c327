"""Direction: the French says the opposite direction of a change or a comparison.

"GDP rose" → "le PIB a diminué", "a record low" → "un niveau historiquement haut", "exports" →
"importations", "before the talks" → "après les entretiens", "ease the sanctions" → "durcir
les sanctions", "the youngest daughter" → "la fille aînée". Each side's words that give a
direction are read with the polarity lexicon (`align/lexicons/polarity.tsv`: lemmas, so one
entry covers "rose / risen / rising" and "a diminué / diminuent"); a word under negation
("did not rise", "ne baisse plus", "no longer growing") counts for neither direction.

Before comparing, each side's direction words are read in context:
- "more / less / plus / moins / peu" before a word of state make a comparative of it ("moins
  élevé" = lower, "peu profond" = shallow); before a word of change they only say how much
  ("a peu baissé" = fell a little: still down);
- a word copied as is from the other side is a name ("Nord Stream"), not a direction;
- with word links: a word that the dictionary (or the same spelling, lemma, cognate) pairs with
  a word of the other side that says nothing on its axis is used in another sense ("before the
  altar" = "devant l'autel"; "a little child" = "un petit enfant").

Evidence, strongest first:
- word links (when the pipeline computed them): the English word is linked to French words
  that say the opposite direction on the same axis, and to none that say the same: medium,
  or high when the rest of the bead agrees;
- the bead: on one axis the English says one direction only and the French the opposite one
  only: medium;
- counts: the English has more of one direction than the French, the French more of the other
  (a sentence with several changes, one of them flipped): low.
A flip that rests on weak words only — bare "more / less" (French also writes "plus" for an
English comparative in -er) or words with other common senses ("great", "since", "depuis",
"approach") — is low, whatever the evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from align.checks.antonyms import Antonym, dictionary_source, linked_antonyms
from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.phrases import Hit, lemma, read_lexicon
from align.model import Bead, Finding, FindingType, Sentence, Severity, WordLink, finding_id

LEXICON = "polarity.tsv"

#: How a reviewer says each direction of each axis.
AXIS_WORDS: dict[str, tuple[str, str]] = {
    "updown": ("up / higher", "down / lower"),
    "balance": ("a surplus", "a deficit"),
    "outcome": ("a gain", "a loss"),
    "time": ("after / later / next", "before / earlier / last"),
    "phase": ("the end", "the start"),
    "size": ("larger", "smaller"),
    "strength": ("stronger / tighter", "weaker / looser"),
    "speed": ("faster", "slower"),
    "quality": ("better", "worse"),
    "effect": ("fostering / stimulating", "hindering / holding back"),
    "burden": ("heavier / more complicated", "lighter / simpler"),
    "rank": ("last / final", "first / initial"),
    "trade": ("exports", "imports"),
    "deal": ("selling", "buying"),
    "permission": ("allowing", "banning"),
    "approval": ("accepting / approving", "rejecting / refusing"),
    "inout": ("joining / going in", "leaving / pulling out"),
    "access": ("opening", "closing"),
    "age": ("older", "younger"),
    "distance": ("farther / away", "nearer / closer"),
    "depth": ("deeper", "shallower"),
    "pushpull": ("pushing", "pulling"),
    "northsouth": ("north", "south"),
    "eastwest": ("east", "west"),
    "success": ("success", "failure"),
    "friendship": ("friendship / peace", "hostility / war"),
    "legality": ("legal", "illegal"),
    "possibility": ("possible", "impossible"),
    "necessity": ("necessary / useful", "unnecessary / useless"),
    "truth": ("true / correct", "false / wrong"),
    "safety": ("safe", "dangerous"),
    "ease": ("easy", "difficult"),
    "wealth": ("rich", "poor"),
    "activity": ("active", "passive"),
    "sector": ("public", "private"),
    "domain": ("domestic / internal", "foreign / external"),
    "novelty": ("new", "old / former"),
    "temperature": ("hot / warm", "cold"),
    "stance": ("offensive", "defensive"),
    "similarity": ("the same / alike", "different"),
    "inclusion": ("included", "excluded"),
    "formality": ("official", "unofficial"),
    "duration": ("permanent", "temporary"),
    "obligation": ("mandatory", "voluntary"),
    "guilt": ("guilty", "innocent"),
    "directness": ("direct", "indirect"),
    "sides": ("multilateral", "bilateral"),
}
#: "more" / "less" say a direction on the up/down axis ("400 more" = "an increase of 400"),
#: but French also uses them where English has none (comparatives: "plus grand" for
#: "larger"), so a flip that rests on them alone is weak evidence. Before a word of state
#: they turn it into a comparative of that word: "moins élevé" = lower, "less rapid" =
#: slower, "peu profond" = shallow; before a word of change they say how much, not which way.
COMPARATIVE_AXIS = "amount"
COMPARED_ON = {"amount": "updown"}
#: Axes that say more or less of one thing: "greatly strengthened the bad opinion" is
#: rendered "augmenta" (up), an injected "diminua" (down) is a flip across the two axes.
FAMILIES = {
    "magnitude": (
        frozenset({"updown", "strength", "size", "speed", "effect"}),
        ("more / stronger / faster", "less / weaker / slower"),
    )
}
#: Link evidence that says which word renders which (the encoder's similarity does not: it
#: scores antonyms high).
SURE_LINKS = frozenset({"identical", "lemma", "lexicon", "cognate", "name", "number"})
#: The start or end of a year is a time frame, the `qualifier` check's ("fin 2019").
_BEFORE_YEAR = re.compile(r"[^.;:!?,]{0,25}?\b(?:1[89]|20)\d\d\b")


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
    weak: bool = False  # a bare "more" / "plus" / "less" / "moins", or a word of many senses
    state: bool = False  # a level or position (high, élevé), not a movement (rise, baisser)
    amount: bool = False  # a bare "more" / "less", read on the up/down axis

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
    word of state make one comparative with it ("moins élevé": down), before a word of
    change they only say how much ("a peu baissé": down)."""
    text = sentence.text
    hits = _direct_first(read_lexicon(LEXICON).find(text, lang), lang)
    # one word may match several rows of one meaning ("baisse" the noun and "baisser")
    words = list(
        {(p.start, p.axis, p.sign): p for p in (_polar(sentence.index, h) for h in hits)}.values()
    )
    groups: list[list[Polar]] = []
    for word in sorted(words, key=lambda w: w.start):
        if groups and groups[-1][0].start == word.start:
            groups[-1].append(word)
        else:
            groups.append([word])
    out: list[Polar] = []
    i = 0
    while i < len(groups):
        group = groups[i]
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if (
            all(w.axis == COMPARATIVE_AXIS for w in group)
            and nxt is not None
            and any(w.axis != COMPARATIVE_AXIS for w in nxt)
            and not text[group[0].end : nxt[0].start].strip()
        ):
            amount = group[0]
            for word in nxt:
                if word.axis == COMPARATIVE_AXIS:
                    continue
                sign = amount.sign * word.sign if word.state else word.sign
                out.append(
                    Polar(
                        word.sentence,
                        amount.start,
                        word.end,
                        text[amount.start : word.end],
                        word.axis,
                        sign,
                        amount.negated or word.negated,
                        word.weak,
                        word.state,
                    )
                )
            i += 2
            continue
        for word in group:
            if word.axis == "phase" and _BEFORE_YEAR.match(text, word.end):
                continue  # "the end of 2019": a time frame
            if word.axis == "phase" and lang == "en" and _GERUND.match(text, word.end):
                continue  # "began running", "stopped talking": how an act goes, not events
            if word.weak and _told_next(word, groups[i + 1 :], text):
                continue  # "since last year", "depuis la veille": the point says it
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
                    state=word.state,
                    amount=True,
                )
            out.append(word)
        i += 1
    return out


def _direct_first(hits: Sequence[Hit], lang: str) -> list[Hit]:
    """Of the rows one word matches, those matched by the word or its lemma win over those
    matched only by undoing a regular ending: "excédent" is the surplus, not "excéder"."""
    by_start: dict[int, list[Hit]] = {}
    for hit in hits:
        by_start.setdefault(hit.start, []).append(hit)
    out = []
    for group in by_start.values():
        direct = [h for h in group if _directly(h, lang)]
        out += direct or group
    return out


def _directly(hit: Hit, lang: str) -> bool:
    if len(hit.entry.words) > 1:
        return True
    word = hit.text.casefold().replace("’", "'")
    word = word.split("'", 1)[-1] if lang == "fr" else word
    return hit.entry.words[0] in (word, lemma(word, lang))


def _told_next(word: Polar, later: Sequence[Sequence[Polar]], text: str) -> bool:
    """A strong word of the same axis follows a weak one closely, in its clause: "since last
    year" (the point, "last", says when; "since" only joins it)."""
    for group in later[:2]:
        gap = text[word.end : group[0].start]
        if len(gap) > 15 or _CLAUSE.search(gap):
            return False
        if any(w.axis == word.axis and not w.weak for w in group):
            return True
    return False


_GERUND = re.compile(r"\s+[a-z]+ing\b")
_CLAUSE = re.compile(r"[.;:!?,()«»\"“”—–]")


def _polar(sentence: int, hit: Hit) -> Polar:
    return Polar(
        sentence,
        hit.start,
        hit.end,
        hit.text,
        hit.entry["axis"],
        1 if hit.entry["polarity"] == "+" else -1,
        hit.negated,
        weak=hit.entry["weight"] == "weak",
        state=hit.entry["form"] == "state",
    )


_SURFACE = re.compile(r"[^\W\d_]+")


def _words(texts: Iterable[str], lang: str) -> frozenset[str]:
    """The words of a side as written (case aside): what a copied name is compared with."""
    return frozenset(w.casefold() for text in texts for w in _SURFACE.findall(text))


def copied_from(words: Sequence[Polar], other: frozenset[str], lang: str) -> list[Polar]:
    """The direction words that are not copied as is from the other side: "Nord" in "Nord
    Stream" next to the English "Nord Stream" is a name, not the north."""
    return [w for w in words if not all(t.casefold() in other for t in _SURFACE.findall(w.text))]


def in_other_senses(
    en: Sequence[Polar], fr: Sequence[Polar], links: Sequence[WordLink]
) -> tuple[list[Polar], list[Polar]]:
    """Drop the direction words that a sure link (dictionary, same spelling, lemma, cognate)
    pairs with a word of the other side that says nothing on their axis: the word is used in
    another sense ("before the altar" → "devant l'autel", "little" → "petit")."""
    sure = [link for link in links if link.linked and link.by in SURE_LINKS]
    if not sure:
        return list(en), list(fr)

    def on_axis(word: Polar, others: Sequence[Polar], english: bool) -> bool:
        spans = [
            (link.fr_sentence, link.fr_span) if english else (link.en_sentence, link.en_span)
            for link in sure
            if _overlaps(link.en_span if english else link.fr_span, word.start, word.end)  # type: ignore[arg-type]
            and (link.en_sentence if english else link.fr_sentence) == word.sentence
        ]
        if not spans:
            return True  # no sure link: nothing says otherwise
        return any(
            o.axis == word.axis and o.sentence == sentence and _overlaps(span, o.start, o.end)  # type: ignore[arg-type]
            for sentence, span in spans
            for o in others
        )

    return (
        [w for w in en if on_axis(w, fr, True)],
        [w for w in fr if on_axis(w, en, False)],
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
    negated: bool = False  # both sides' words are under a negation ("without any loss")
    antonym: str = ""  # the French word's meaning that WordNet gives as the English's antonym


def _overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return a[0] < end and start < a[1]


#: Where each sentence of a bead side starts in the side's text, and the side's length: a
#: word's place in the bead, from 0 to 1.
Places = Mapping[int, tuple[int, int]]


def _place(word: Polar, places: Places) -> float:
    offset, total = places.get(word.sentence, (0, 1))
    return (offset + word.start) / max(total, 1)


def linked_flips(
    en: Sequence[Polar],
    fr: Sequence[Polar],
    links: Sequence[WordLink],
    places: tuple[Places, Places] = ({}, {}),
) -> list[Flip]:
    """English direction words whose linked French says the opposite on the same axis. When
    the French also says the English word's direction, as often as the English does, and
    nearer to the word's place, the encoder linked the wrong word ("the youngest of the two
    daughters" → "Fille cadette …, sa sœur aînée": "youngest" linked to "aînée")."""
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
        if not opposite or any(f.sign == word.sign for f in rendered):
            continue
        if _saying(fr, word.axis, word.sign) >= _saying(en, word.axis, word.sign):
            here = _place(word, places[0])
            alike = [
                abs(_place(f, places[1]) - here)
                for f in fr
                if f.axis == word.axis and f.sign == word.sign and not f.negated
            ]
            if min(alike) < min(abs(_place(f, places[1]) - here) for f in opposite):
                continue
        weak = word.weak or all(f.weak for f in opposite)
        severity = Severity.LOW if weak else Severity.MEDIUM
        flips.append(Flip(word.axis, word.sign, (word,), tuple(opposite), "link", severity, 0.85))
    return flips


def _saying(words: Sequence[Polar], axis: str, sign: int) -> int:
    return sum(1 for w in words if w.axis == axis and w.sign == sign and not w.negated)


def bead_flips(
    en: Sequence[Polar], fr: Sequence[Polar], places: tuple[Places, Places] = ({}, {})
) -> list[Flip]:
    """Per axis, affirmative direction words of the English against those of the French, and
    negated ones against negated ones ("without any loss" → "sans aucun gain")."""
    return [
        flip
        for negated in (False, True)
        for flip in _counted_flips(
            [w for w in en if w.negated == negated],
            [w for w in fr if w.negated == negated],
            places,
        )
    ]


#: How far apart (share of the bead) the English and French words of a flip may stand and
#: still be taken for one word and its rendering: beyond, the two sides say the direction of
#: different things (a long literary sentence reordered), a note.
FAR_APART = 0.35


def _counted_flips(
    en: Sequence[Polar], fr: Sequence[Polar], places: tuple[Places, Places] = ({}, {})
) -> list[Flip]:
    flips = []
    for axis in sorted({w.axis for w in en} & {w.axis for w in fr}):
        en_words = [w for w in en if w.axis == axis]
        fr_words = [w for w in fr if w.axis == axis]
        e = Counter(w.sign for w in en_words)
        f = Counter(w.sign for w in fr_words)
        for sign in (1, -1):
            if not (e[sign] > f[sign] and f[-sign] > e[-sign]):
                continue
            said_en = tuple(w for w in en_words if w.sign == sign)
            said_fr = tuple(w for w in fr_words if w.sign == -sign)
            weak = all(w.weak for w in said_en) or all(w.weak for w in said_fr)
            apart = min(
                abs(_place(a, places[0]) - _place(b, places[1])) for a in said_en for b in said_fr
            )
            if e[-sign] == 0 and f[sign] == 0:  # each side says one direction only
                weak = weak or (bool(places[0]) and apart > FAR_APART)
                severity = Severity.LOW if weak else Severity.MEDIUM
                evidence, confidence = "bead", 0.55 if weak else 0.7
            else:
                severity, evidence, confidence = Severity.LOW, "count", 0.45
            negated = said_en[0].negated
            flips.append(
                Flip(axis, sign, said_en, said_fr, evidence, severity, confidence, negated)
            )
    return flips


def family_flips(en: Sequence[Polar], fr: Sequence[Polar]) -> list[Flip]:
    """Across the axes of a family, counted word by word: the English says one way more
    often than the French, and the French the other way more often than the English
    ("strengthened" → "diminua", "promoting development" → "freinent le développement",
    "greater demand" → "moins"). A note: the words are not translations of each other."""
    flips = []
    for family, (axes, _) in FAMILIES.items():
        e = _family_words(en, axes)
        f = _family_words(fr, axes)
        if not e or not f:
            continue
        e_count = Counter(w.sign for w in e)
        f_count = Counter(w.sign for w in f)
        for sign in (1, -1):
            if e_count[sign] > f_count[sign] and f_count[-sign] > e_count[-sign]:
                said_en = tuple(w for w in e if w.sign == sign)
                said_fr = tuple(w for w in f if w.sign == -sign)
                flips.append(Flip(family, sign, said_en, said_fr, "family", Severity.LOW, 0.4))
    return flips


def _family_words(words: Sequence[Polar], axes: frozenset[str]) -> list[Polar]:
    """The affirmative strong words on the axes of a family, one per place: a word read on
    several axes ("faible": low, weak, poor) counts once, and not at all when its axes
    disagree; words of many senses ("long", "great", bare "more") do not count."""
    by_place: dict[tuple[int, int], list[Polar]] = {}
    for w in words:
        if w.axis in axes and not w.negated and not w.weak:
            by_place.setdefault((w.sentence, w.start), []).append(w)
    return [group[0] for group in by_place.values() if len({w.sign for w in group}) == 1]


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
            en_s = [en_by_id[i] for i in bead.en if i in en_by_id]
            fr_s = [fr_by_id[i] for i in bead.fr if i in fr_by_id]
            links = data.links[position] if position < len(data.links) else ()
            en = [w for s in en_s for w in polar_words(s, "en")]
            fr = [w for s in fr_s for w in polar_words(s, "fr")]
            flips: list[Flip] = []
            if en and fr:
                en = copied_from(en, _words([s.text for s in fr_s], "fr"), "en")
                fr = copied_from(fr, _words([s.text for s in en_s], "en"), "fr")
                en, fr = in_other_senses(en, fr, links)
                if en and fr:
                    places = (_places(bead.en, en_by_id), _places(bead.fr, fr_by_id))
                    flips = self._flips(en, fr, links, places)
            if links:
                found = linked_antonyms(en_s, fr_s, links)
                flips = with_antonyms(flips, [a for a in found if not _said(fr, a)])
            findings += [self._finding(data, bead, flip, en, fr) for flip in flips]
        return findings

    @staticmethod
    def _flips(
        en: list[Polar],
        fr: list[Polar],
        links: Sequence[WordLink],
        places: tuple[Places, Places] = ({}, {}),
    ) -> list[Flip]:
        by_bead = {(f.axis, f.en_sign, f.negated): f for f in bead_flips(en, fr, places)}
        flips: dict[tuple[str, int, bool], Flip] = {}
        for flip in linked_flips(en, fr, links, places) if links else []:
            key = (flip.axis, flip.en_sign, False)
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
        flipped = {axis for axis, _, _ in flips}
        for flip in family_flips(en, fr):
            if not flipped & FAMILIES[flip.axis][0]:
                flips[(flip.axis, flip.en_sign, False)] = flip
        return list(flips.values())

    def _finding(
        self, data: CheckInput, bead: Bead, flip: Flip, en: list[Polar], fr: list[Polar]
    ) -> Finding:
        if flip.axis == ANTONYM_AXIS:
            return self._antonym_finding(data, bead, flip, en, fr)
        plus, minus = AXIS_WORDS.get(flip.axis) or FAMILIES[flip.axis][1]
        if all(w.amount for w in (*flip.en, *flip.fr)):
            plus, minus = "more", "less"
        en_says, fr_says = (plus, minus) if flip.en_sign > 0 else (minus, plus)
        en_words = ", ".join(f"“{w.text}”" for w in flip.en)
        fr_words = ", ".join(f"“{w.text}”" for w in flip.fr)
        message = f"English says {en_says} ({en_words}); the French says {fr_says} ({fr_words})"
        if flip.negated:
            message = (
                f"Under a negation, English says {en_says} ({en_words}); the French says "
                f"{fr_says} ({fr_words})"
            )
        if flip.evidence == "dictionary" and flip.antonym and flip.antonym != flip.fr[0].text:
            message += f", which the dictionary renders “{flip.antonym}”"
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
                "negated": flip.negated,
                "en_words": [w.to_json() for w in flip.en],
                "fr_words": [w.to_json() for w in flip.fr],
                "en_direction_words": [w.to_json() for w in en],
                "fr_direction_words": [w.to_json() for w in fr],
                "lexicon": LEXICON,
                "antonym": flip.antonym or None,
            },
        )

    def _antonym_finding(
        self, data: CheckInput, bead: Bead, flip: Flip, en: list[Polar], fr: list[Polar]
    ) -> Finding:
        e, f = flip.en[0], flip.fr[0]
        message = (
            f"English says “{e.text}”; the French says “{f.text}”, which means “{flip.antonym}”"
            f", the opposite (WordNet gives “{flip.antonym}” as an antonym of “{e.text}”)"
        )
        fr_text = " ".join(s.text for s in data.fr if s.index in bead.fr)
        en_text = " ".join(s.text for s in data.en if s.index in bead.en)
        return Finding(
            id=finding_id(FindingType.DIRECTION, ANTONYM_AXIS, e.text, f.text, fr_text, en_text),
            type=FindingType.DIRECTION,
            severity=flip.severity,
            confidence=flip.confidence,
            fr=(f.sentence,),
            en=(e.sentence,),
            message=message,
            details={
                "axis": ANTONYM_AXIS,
                "evidence": flip.evidence,
                "negated": flip.negated,
                "en_words": [e.to_json()],
                "fr_words": [f.to_json()],
                "antonym": flip.antonym,
                "resources": ["WordNet 3.0 (wordnet-base)", dictionary_source()],
            },
        )


#: The axis of a flip found through WordNet alone (no polarity-lexicon axis holds the words).
ANTONYM_AXIS = "antonym"


def with_antonyms(flips: Sequence[Flip], antonyms: Sequence[Antonym]) -> list[Flip]:
    """The lexicon's flips, one step more severe where a resource finds the same pair of
    words opposite (a third source agrees), and the opposite pairs no flip holds: medium when
    the dictionary (or a lemma, a cognate) links the two words, a note when only the encoder
    does (it links loose renderings: measured, most such pairs on faithful literary text rest
    on encoder links)."""
    out = list(flips)
    for antonym in antonyms:
        for i, flip in enumerate(out):
            if flip.axis == ANTONYM_AXIS:
                continue
            if any(
                w.sentence == antonym.en_sentence and _overlaps(antonym.en_span, w.start, w.end)
                for w in flip.en
            ) and any(
                w.sentence == antonym.fr_sentence and _overlaps(antonym.fr_span, w.start, w.end)
                for w in flip.fr
            ):
                # a third source agrees only where the dictionary itself links the words
                severity = _STRONGER[flip.severity] if antonym.sure else flip.severity
                out[i] = replace(flip, severity=severity, antonym=antonym.meaning)
                break
        else:
            if any(
                (f.axis, f.en_sign, f.negated) == (antonym.axis, antonym.en_sign, False)
                for f in out
            ):
                continue  # the lexicon already says this flip of the bead
            e = Polar(
                antonym.en_sentence,
                *antonym.en_span,
                antonym.en_text,
                antonym.axis,
                antonym.en_sign,
                False,
            )
            f = Polar(
                antonym.fr_sentence,
                *antonym.fr_span,
                antonym.fr_text,
                antonym.axis,
                -antonym.en_sign,
                False,
            )
            severity = Severity.MEDIUM if antonym.sure else Severity.LOW
            confidence = 0.65 if antonym.sure else 0.45
            out.append(
                Flip(
                    antonym.axis,
                    antonym.en_sign,
                    (e,),
                    (f,),
                    antonym.resource,
                    severity,
                    confidence,
                    False,
                    antonym.meaning,
                )
            )
    return out


def _said(fr: Sequence[Polar], antonym: Antonym) -> bool:
    """The French also says the English word's direction on the axis in the lexicon's words:
    the word the resources read as opposite renders something else."""
    return any(w.axis == antonym.axis and w.sign == antonym.en_sign and not w.negated for w in fr)


_STRONGER = {
    Severity.INFO: Severity.LOW,
    Severity.LOW: Severity.MEDIUM,
    Severity.MEDIUM: Severity.HIGH,
    Severity.HIGH: Severity.HIGH,
}


def _places(ids: Sequence[int], by_id: Mapping[int, Sentence]) -> Places:
    places, offset = {}, 0
    for i in ids:
        if i in by_id:
            places[i] = offset
            offset += len(by_id[i].text) + 1
    return {i: (start, offset) for i, start in places.items()}


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
