"""Wording: an English term rendered by a French word that does not mean it.

Two kinds of evidence, from the word links of each bead (`align.words`):

- a false friend from the curated list (`align/lexicons/false_friends.tsv`): the English word
  in the bead, its French look-alike in the French, none of the right renderings there and
  no other English word the look-alike would translate ("actually" → "actuellement").
  A list entry of kind "false" is strong evidence (medium); "partial" is weak (low);
- an outlier link: an English word whose only evidence is the encoder and whose score lies
  far below this event's own encoder links (robust z-score, blended with a prior when the
  event has few links, like `mistranslation`) — "'board' is rendered as 'planche' (0.58;
  this document's word links are typically 0.90)" — and the bead's French gets closer to its
  English when that word is replaced by the English one. The encoder's word similarity is
  weak evidence (measured: right and wrong words overlap, bench/word_bench.py), so this is
  always low; the dictionary's renderings, when it has some and none is in the French, are
  shown as context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import embed, en_text, fr_text, one_line
from align.model import Bead, Finding, FindingType, Sentence, Severity, WordLink, finding_id
from align.words.lexicon import (
    FalseFriend,
    Sense,
    analyser_lemmas,
    false_friends,
    pivot_lexicon,
    senses,
    sure_bilingual,
    wide_bilingual,
)
from align.words.tokens import Token, fold, tokenise


@dataclass(frozen=True)
class LinkStats:
    """Robust centre and spread of an event's encoder link scores (prior-blended)."""

    median: float
    mad: float
    count: int

    def z(self, score: float) -> float:
        return (score - self.median) / self.mad

    def to_json(self) -> dict[str, float | int]:
        return {"median": round(self.median, 3), "mad": round(self.mad, 3), "links": self.count}


def link_stats(scores: Sequence[float], config: CheckConfig) -> LinkStats:
    values = np.asarray(scores, dtype=float)
    count = len(values)
    prior_median, prior_mad = config.wording_prior_median, config.wording_prior_mad
    if count == 0:
        return LinkStats(prior_median, prior_mad, 0)
    median = float(np.median(values))
    mad = float(np.median(np.abs(values - median))) * 1.4826
    weight = min(1.0, count / config.wording_min_links)
    median = weight * median + (1 - weight) * prior_median
    mad = weight * mad + (1 - weight) * prior_mad
    return LinkStats(median, max(mad, config.wording_mad_floor), count)


def _replaced(text: str, span: Sequence[int], word: str) -> str:
    return text[: span[0]] + word + text[span[1] :]


def _word_json(sentence: int, span: Sequence[int], text: str) -> dict[str, object]:
    return {"sentence": sentence, "span": list(span), "text": text}


@dataclass(frozen=True)
class Mention:
    """Where a word or phrase of a lexicon entry stands in a bead."""

    sentence: int
    span: tuple[int, int]
    text: str


class BeadSide:
    """One side of a bead, searchable for lexicon forms by word, lemma or phrase (accents
    and case ignored)."""

    def __init__(self, sentences: Sequence[Sentence], lang: str) -> None:
        self.sentences = list(sentences)
        # whole words and the parts of hyphenated ones ("résumeront-ils" → "résumeront")
        self.tokens = [
            t
            for s in sentences
            for t in dict.fromkeys(
                (
                    *tokenise(s.text, lang, s.index),
                    *tokenise(s.text, lang, s.index, split_hyphens=True),
                )
            )
        ]
        self.folded = {s.index: fold(s.text) for s in sentences}
        # word form or lemma (folded) -> its mentions in order: a lookup per form, not a scan
        self.index: dict[str, list[Token]] = {}
        for token in self.tokens:
            self.index.setdefault(token.folded, []).append(token)
            lemma_form = fold(token.lemma)
            if lemma_form != token.folded:
                self.index.setdefault(lemma_form, []).append(token)

    def find(self, forms: Sequence[str]) -> Mention | None:
        for form in forms:
            folded_form = fold(form)
            if " " in folded_form or "'" in folded_form or "-" in folded_form:
                for sentence in self.sentences:
                    match = re.search(
                        rf"(?<!\w){re.escape(folded_form)}(?!\w)", self.folded[sentence.index]
                    )
                    if match:
                        span = (match.start(), match.end())
                        return Mention(sentence.index, span, sentence.text[slice(*span)])
                continue
            found = self.index.get(folded_form)
            if found:
                token = min(found, key=lambda t: (t.sentence, t.start))
                return Mention(token.sentence, (token.start, token.end), token.text)
        return None

    def has(self, forms: Sequence[str]) -> bool:
        return self.find(forms) is not None

    def find_all(self, forms: Sequence[str]) -> list[Mention]:
        """Every mention of any of the forms (single words; phrases once each)."""
        found: list[Mention] = []
        for form in forms:
            folded_form = fold(form)
            if " " in folded_form or "'" in folded_form or "-" in folded_form:
                mention = self.find([form])
                if mention is not None:
                    found.append(mention)
                continue
            found += [
                Mention(t.sentence, (t.start, t.end), t.text)
                for t in self.index.get(folded_form, ())
            ]
        return found


def _renders_another(mention: Mention, english: BeadSide, word: Mention) -> bool:
    """The French word renders another English word of the bead, by the dictionary or as a
    cognate ("problème" for "problem"): it says nothing of how `word` was rendered."""
    from align.words.linker import cognate_matrix

    french = tokenise(mention.text, "fr")
    if len(french) != 1:
        return False
    lexicon = wide_bilingual()
    others = [
        t
        for t in english.tokens
        if t.content and (t.sentence, (t.start, t.end)) != (word.sentence, word.span)
    ]
    target = {fold(french[0].lemma), french[0].folded}
    if any(target & {fold(r) for r in lexicon.renderings(t.lemma, t.lower)} for t in others):
        return True
    return bool(others) and bool((cognate_matrix(others, french) >= 0.82).any())


class WordingCheck:
    """False friends and outlier word links."""

    name = "wording"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        findings: list[Finding] = []
        flagged: set[tuple[int, tuple[int, int]]] = set()  # English words already reported
        look_alikes: list[LookAlike] = []
        for bead in data.beads:
            if bead.fr and bead.en:
                for finding, key in self._lexical(data, bead):
                    findings.append(finding)
                    flagged.add(key)
                look_alikes += [
                    found
                    for found in look_alikes_in(
                        [data.en[i] for i in bead.en], [data.fr[i] for i in bead.fr]
                    )
                    if (found.en.sentence, (found.en.start, found.en.end)) not in flagged
                ]
        config = self.config
        # with FreeDict alone the dictionary's gaps are many: where the encoder finds the two
        # words even mildly alike, the silence is more likely a gap than evidence
        same = config.wording_look_alike_same if pivot_lexicon() else config.wording_look_alike_max
        for found, similarities in zip(
            look_alikes, self._word_similarities(data, look_alikes), strict=True
        ):
            similarity = synonym = None
            if similarities is not None:
                similarity, synonym = similarities
                if similarity >= same or synonym >= same:
                    continue  # the encoder says the word, or one of its meanings, is it
            findings.append(self._look_alike_finding(data, found, similarity, synonym))
            flagged.add((found.en.sentence, (found.en.start, found.en.end)))
        if data.links:
            findings += self._outliers(data, flagged)
        return findings

    # --- false friends ----------------------------------------------------------------------

    def _lexical(self, data: CheckInput, bead: Bead):
        """False friends and wrong senses from the curated lists: (finding, English word)."""
        english = BeadSide([data.en[i] for i in bead.en], "en")
        french = BeadSide([data.fr[i] for i in bead.fr], "fr")
        for entry in false_friends():
            word = english.find(entry.english)
            look_alike = french.find(entry.false_friend) if word else None
            if word is None or look_alike is None:
                continue
            rights = [m for m in french.find_all(entry.right) if m.span != look_alike.span]
            if english.has(entry.legit_when) or any(
                not _renders_another(m, english, word) for m in rights
            ):
                continue  # rendered right as well, or the look-alike renders another word
            finding = self._false_friend_finding(data, bead, entry, word, look_alike)
            yield finding, (word.sentence, word.span)
        for sense in senses():
            word = english.find(sense.english)
            if word is None or (sense.cue and not english.has(sense.cue)):
                continue
            wrong = french.find(sense.wrong)
            if wrong is None or french.has(sense.right) or english.has(sense.unless):
                continue
            yield self._sense_finding(data, bead, sense, word, wrong), (word.sentence, word.span)

    def _false_friend_finding(
        self, data: CheckInput, bead: Bead, entry: FalseFriend, english: Mention, french: Mention
    ) -> Finding:
        strong = entry.kind == "false"
        rights = ", ".join(f"“{r}”" for r in entry.right[:3])
        return Finding(
            id=finding_id(
                FindingType.WORDING,
                "false_friend",
                english.text,
                french.text,
                fr_text(data, bead),
            ),
            type=FindingType.WORDING,
            severity=Severity.MEDIUM if strong else Severity.LOW,
            confidence=0.8 if strong else 0.45,
            fr=bead.fr,
            en=bead.en,
            message=f"“{english.text}” is rendered as “{french.text}”, a false friend: "
            f"{entry.note}; the usual renderings are {rights}",
            details={
                "reason": "false_friend",
                "en_word": _word_json(english.sentence, english.span, english.text),
                "fr_word": _word_json(french.sentence, french.span, french.text),
                "lexicon": "align/lexicons/false_friends.tsv",
                "lexicon_line": entry.line(),
                "lexicon_kind": entry.kind,
            },
        )

    def _sense_finding(
        self, data: CheckInput, bead: Bead, sense: Sense, english: Mention, french: Mention
    ) -> Finding:
        strong = sense.kind == "strong"
        rights = ", ".join(f"“{r}”" for r in sense.right[:3])
        return Finding(
            id=finding_id(
                FindingType.WORDING, "wrong_sense", english.text, french.text, fr_text(data, bead)
            ),
            type=FindingType.WORDING,
            severity=Severity.MEDIUM if strong else Severity.LOW,
            confidence=0.75 if strong else 0.45,
            fr=bead.fr,
            en=bead.en,
            message=f"“{english.text}” is rendered as “{french.text}”, the wrong sense here: "
            f"{sense.note} (usual: {rights})",
            details={
                "reason": "wrong_sense",
                "en_word": _word_json(english.sentence, english.span, english.text),
                "fr_word": _word_json(french.sentence, french.span, french.text),
                "lexicon": "align/lexicons/senses.tsv",
                "lexicon_line": sense.line(),
                "lexicon_kind": sense.kind,
            },
        )

    # --- look-alikes the dictionary does not pair --------------------------------------------

    def _word_similarities(
        self, data: CheckInput, found: Sequence[LookAlike]
    ) -> list[tuple[float, float] | None]:
        """For each look-alike, the encoder's similarity of the English word and the French
        one, and of the English word and the closest of the French word's meanings (English
        to English: "preceding" / "previous"), all in one call; None without an encoder."""
        if data.encoder is None or not found:
            return [None] * len(found)
        texts = [t for f in found for t in (f.en.lemma, f.fr.lemma, *f.meanings)]
        vectors = embed(data.encoder, texts)
        return [
            (
                float(vectors[f.en.lemma] @ vectors[f.fr.lemma]),
                max(float(vectors[f.en.lemma] @ vectors[m]) for m in f.meanings),
            )
            for f in found
        ]

    def _look_alike_finding(
        self,
        data: CheckInput,
        found: LookAlike,
        similarity: float | None,
        synonym: float | None = None,
    ) -> Finding:
        # two independent signals: the dictionary (both directions) and the encoder, which
        # finds the two words apart although they look alike — and finds the English word
        # apart from every meaning the dictionary gives the French one
        bound = self.config.wording_look_alike_max
        strong = (
            similarity is not None and similarity < bound and (synonym is None or synonym < bound)
        )
        beads = [b for b in data.beads if found.fr.sentence in b.fr and found.en.sentence in b.en]
        bead = beads[0] if beads else Bead((found.fr.sentence,), (found.en.sentence,), 0.0)
        means = ", ".join(f"“{w}”" for w in found.meanings[:4])
        rights = ", ".join(f"“{w}”" for w in found.renderings[:4])
        return Finding(
            id=finding_id(
                FindingType.WORDING,
                "look_alike",
                found.en.text,
                found.fr.text,
                fr_text(data, bead),
            ),
            type=FindingType.WORDING,
            severity=Severity.MEDIUM if strong else Severity.LOW,
            confidence=0.7 if strong else 0.4,
            fr=bead.fr,
            en=bead.en,
            message=f"“{found.en.text}” is rendered as “{found.fr.text}”, a look-alike that "
            f"means something else: the dictionary gives “{found.fr.lemma}” as {means}, and "
            f"“{found.en.lemma}” as {rights}, absent here",
            details={
                "reason": "look_alike",
                "en_word": _word_json(
                    found.en.sentence, (found.en.start, found.en.end), found.en.text
                ),
                "fr_word": _word_json(
                    found.fr.sentence, (found.fr.start, found.fr.end), found.fr.text
                ),
                "fr_meanings": list(found.meanings),
                "en_renderings": list(found.renderings),
                "spelling_similarity": round(found.resemblance, 3),
                "word_similarity": None if similarity is None else round(similarity, 3),
                "meaning_similarity": None if synonym is None else round(synonym, 3),
                "word_similarity_threshold": self.config.wording_look_alike_max,
                "dictionary": wide_bilingual().source or None,
            },
        )

    # --- outlier links ----------------------------------------------------------------------

    def _outliers(self, data: CheckInput, flagged: set) -> list[Finding]:
        config = self.config
        encoder_links = [
            (bead, link)
            for bead, links in zip(data.beads, data.links, strict=False)
            for link in links
            if link.by == "encoder" and link.fr_span is not None
        ]
        stats = link_stats([link.score for _, link in encoder_links], config)
        candidates = []
        for bead, link in encoder_links:
            if (link.en_sentence, link.en_span) in flagged:
                continue
            z = stats.z(link.score)
            if z > config.wording_z or link.score > config.wording_max_score:
                continue
            english = data.en[link.en_sentence].text[slice(*link.en_span)]
            french = data.fr[link.fr_sentence].text[slice(*link.fr_span)]
            if self._judgeable(english, french):
                candidates.append((bead, link, english, french, z))
        gains = self._substitution_gains(data, [(b, lk, e) for b, lk, e, _, _ in candidates])
        findings = []
        for (bead, link, english, french, z), gain in zip(candidates, gains, strict=True):
            if gain is not None and gain < config.wording_substitution_gain:
                continue  # the French word serves the sentence as well as the English would
            missing = self._dictionary_disagrees(data, bead, english, french)
            findings.append(
                self._outlier_finding(data, bead, link, english, french, z, stats, missing, gain)
            )
        return findings

    def _substitution_gains(
        self, data: CheckInput, candidates: Sequence[tuple[Bead, WordLink, str]]
    ) -> list[float | None]:
        """How much closer the bead's French gets to its English when the linked French
        word is replaced by the English word itself: a wrong word gains, a right one (or a
        paraphrase) does not. None without an encoder."""
        if data.encoder is None or not candidates:
            return [None] * len(candidates)
        texts: list[str] = []
        pairs = []
        for bead, link, english in candidates:
            french = fr_text(data, bead)
            replaced = " ".join(
                _replaced(data.fr[i].text, link.fr_span, english)
                if i == link.fr_sentence
                else data.fr[i].text
                for i in bead.fr
            )
            source = en_text(data, bead)
            texts += [source, french, replaced]
            pairs.append((source, french, replaced))
        vectors = embed(data.encoder, texts)
        return [
            float(vectors[source] @ vectors[replaced]) - float(vectors[source] @ vectors[french])
            for source, french, replaced in pairs
        ]

    def _judgeable(self, english: str, french: str) -> bool:
        """Words a reviewer can judge alone: not a name, not a short particle."""
        words = english.split()
        if any(w[:1].isupper() for w in words) and len(words) == 1:
            return False  # a name or a title, the name check's business
        return min(len(english), len(french)) >= self.config.wording_min_chars

    def _dictionary_disagrees(
        self, data: CheckInput, bead: Bead, english: str, french: str
    ) -> list[str] | None:
        """The dictionary's renderings of a one-word English term when none of them is in
        the French of the bead (a second, independent signal); None otherwise."""
        lexicon = wide_bilingual()
        tokens = tokenise(english, "en")
        if not lexicon or len(tokens) != 1:
            return None
        renderings = lexicon.renderings(tokens[0].lemma, tokens[0].lower)
        singles = sorted(r for r in renderings if " " not in r)
        if not singles:
            return None
        if BeadSide([data.fr[i] for i in bead.fr], "fr").has(sorted(renderings)):
            return None
        return singles

    def _outlier_finding(
        self,
        data: CheckInput,
        bead: Bead,
        link: WordLink,
        english: str,
        french: str,
        z: float,
        stats: LinkStats,
        dictionary: list[str] | None,
        gain: float | None,
    ) -> Finding:
        message = (
            f"“{english}” is rendered as “{french}” ({link.score:.2f}; this document's word "
            f"links are typically {stats.median:.2f})"
        )
        if dictionary:
            shown = ", ".join(f"“{r}”" for r in dictionary[:4])
            message += f"; the dictionary renders “{english}” as {shown}, absent here"
        return Finding(
            id=finding_id(
                FindingType.WORDING, "outlier", english, french, one_line(fr_text(data, bead), 500)
            ),
            type=FindingType.WORDING,
            severity=Severity.LOW,  # the encoder's word: never more than low alone
            confidence=round(min(0.6, 0.3 + 0.05 * (self.config.wording_z - z)), 3),
            fr=bead.fr,
            en=bead.en,
            message=message,
            details={
                "reason": "outlier_link",
                "en_word": _word_json(link.en_sentence, link.en_span, english),
                "fr_word": _word_json(link.fr_sentence, link.fr_span, french),
                "link_score": round(link.score, 3),
                "robust_z": round(z, 2),
                "event_links": stats.to_json(),
                "z_threshold": self.config.wording_z,
                "max_score": self.config.wording_max_score,
                "substitution_gain": None if gain is None else round(gain, 3),
                "substitution_gain_threshold": self.config.wording_substitution_gain,
                "dictionary_renderings": dictionary,
                "dictionary": wide_bilingual().source or None,
            },
        )


# --- look-alikes ------------------------------------------------------------------------------

#: A French word resembles an English one from this cognate ratio (endings mapped, 0–1)…
LOOK_ALIKE_MIN = 0.8
#: … and both have at least this many letters ("song" / "sons" are too short to tell).
LOOK_ALIKE_MIN_CHARS = 5


@dataclass(frozen=True)
class LookAlike:
    """An English word and a French word spelled alike that the dictionary does not pair."""

    en: Token
    fr: Token
    resemblance: float  # cognate ratio, 0–1
    meanings: tuple[str, ...]  # the dictionary's English for the French word
    renderings: tuple[str, ...]  # the dictionary's French for the English word


def _same_family(one: str, other: str) -> bool:
    """Two words of one family share their start ("adolescence" / "adolescent",
    "politeness" / "polite"): the French word means a relative of the English one."""
    one, other = fold(one), fold(other)
    common = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        common += 1
    return common >= 5 or (common >= 4 and min(len(one), len(other)) <= 6)


def _is_number(token: Token) -> bool:
    """A number word ("douze" for "a dozen"): the number check's business."""
    from align.numbers import extract_quantities

    return bool(extract_quantities(token.text, token.lang))


def _content(sentences: Sequence[Sentence], lang: str) -> list[Token]:
    """The content words a look-alike may be, at most `MAX_WORDS` a side (as the links):
    a 10,000-character bead costs what a long sentence does."""
    from align.words.linker import MAX_WORDS

    return [
        t
        for s in sentences
        for t in tokenise(s.text, lang, s.index, split_hyphens=True)
        if t.content and len(t.lower) >= LOOK_ALIKE_MIN_CHARS and not t.name_like
    ][:MAX_WORDS]


def look_alikes_in(en: Sequence[Sentence], fr: Sequence[Sentence]) -> list[LookAlike]:
    """French words that look like an English word of the bead (the same string, or a
    cognate once endings are mapped) although the dictionary pairs them in neither
    direction, gives the French word other meanings none of which the English says, and
    gives the English word renderings none of which the French has: "actually" →
    "actuellement" (currently), "attend" → "attendre" (wait), "contact" → "contrat"
    (contract). Words of one family ("promoting" / "promotion") are left alone."""
    from align.words.linker import cognate_matrix

    lexicon, sure = wide_bilingual(), sure_bilingual()
    en_words, fr_words = _content(en, "en"), _content(fr, "fr")
    if not lexicon or not en_words or not fr_words:
        return []
    resemblance = cognate_matrix(en_words, fr_words)
    english_forms = {fold(t.lower) for t in en_words} | {fold(t.lemma) for t in en_words}
    english_forms |= {t.folded for s in en for t in tokenise(s.text, "en", s.index)}
    french_forms = {t.folded for t in fr_words} | {fold(t.lemma) for t in fr_words}
    french_text = " ".join(fold(" ".join(s.text for s in fr)).split())
    found: list[LookAlike] = []
    seen: set[tuple[int, int]] = set()
    for i, english in enumerate(en_words):
        english_lemmas = {english.lemma, english.lower, *analyser_lemmas(english.lower, "en")}
        renderings = lexicon.renderings(*english_lemmas)
        if not renderings or (english.sentence, english.start) in seen:
            continue
        folded = {fold(r) for r in renderings}
        if folded & french_forms or any(
            " " in r and f" {r} " in f" {french_text} " for r in folded
        ):
            continue  # rendered as the dictionary says
        for j, french in enumerate(fr_words):
            alike = float(resemblance[i, j])
            if alike < LOOK_ALIKE_MIN and english.folded != french.folded:
                continue
            french_lemmas = {french.lemma, french.lower, *analyser_lemmas(french.lower, "fr")}
            if {fold(w) for w in french_lemmas} & folded or _is_number(french):
                continue
            # what the French word means, on sure pairs only: a pair one pivot language
            # alone gives is too often a wrong turn to count as evidence against a rendering
            meanings = sure.translations(*french_lemmas)
            if (
                not meanings
                or english_lemmas & meanings
                or {fold(m) for m in meanings} & english_forms
                or any(_same_family(m, w) for m in meanings for w in english_lemmas)
            ):
                continue
            seen.add((english.sentence, english.start))
            found.append(
                LookAlike(
                    english,
                    french,
                    max(alike, 1.0 if english.folded == french.folded else 0.0),
                    tuple(sorted(meanings)),
                    tuple(sorted(renderings, key=lambda r: (" " in r, r))),
                )
            )
            break
    return found
