"""Word coverage: how much of an English sentence or clause the French renders, word by word.

A second kind of evidence for the omission checks, independent of the sentence encoder. The
word links of a bead (`align.words.link_event`) tie each English content word to the French
word that renders it, by lexical evidence (the same number, an identical word, the same
lemma, a name, the dictionary, a cognate) or by the encoder's word vectors. An English
sentence the French does not translate keeps its content words unlinked by lexical
evidence, even when it shares the topic of its neighbours (where cosines blur); a dropped
clause leaves a run of them. The share is weighted by the word's rarity (wordfreq Zipf): a
rare word rendered is strong evidence, "said" rendered as "dit" is weak.

Pure functions over links and texts; no encoder. With no links (the pipeline did not compute
them) every coverage is `None` and the checks fall back on their cosines alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from align.model import WordLink

#: Evidence kinds that do not come from the sentence encoder.
LEXICAL = frozenset({"number", "identical", "lemma", "name", "lexicon", "cognate"})
#: A word's weight: (`RARE_ZIPF` − its Zipf frequency), kept within [`MIN_WEIGHT`, `MAX_WEIGHT`]
#: — "the", "said" (Zipf 6–7) weigh 1, "tariff" (3.5) 3.5, an unknown name 5.
RARE_ZIPF = 7.0
MIN_WEIGHT = 1.0
MAX_WEIGHT = 5.0

_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")


@lru_cache(maxsize=65536)
def word_weight(word: str) -> float:
    """How much rendering this English word tells: rarer words weigh more. A lower-case word
    the English word list does not know at all (OCR debris, a cipher, a foreign word) tells
    little either way and weighs the least; an unknown capitalised word is a name."""
    from align.words.lexicon import zipf

    frequency = zipf(word.lower(), "en")
    if frequency == 0.0:
        return MAX_WEIGHT if word[:1].isupper() else MIN_WEIGHT
    return min(MAX_WEIGHT, max(MIN_WEIGHT, RARE_ZIPF - frequency))


def link_weight(link: WordLink, text: str) -> float:
    """The weight of one link: its rarest word (a term counts once, as a name does)."""
    piece = text[link.en_span[0] : link.en_span[1]]
    found = _WORD.findall(piece)
    if not found:  # a number
        return MAX_WEIGHT
    return max(word_weight(w) for w in found)


@dataclass(frozen=True)
class WordCover:
    """Content words of a piece of English and the weight of those the French renders."""

    words: int  # links counted (content words and terms)
    weight: float  # their total rarity weight
    lexical: float  # weight linked by lexical evidence
    encoder: float  # weight linked by the encoder only

    @property
    def share(self) -> float | None:
        """Share of the weight rendered by lexical evidence; None with no content word."""
        return self.lexical / self.weight if self.weight else None

    def to_json(self) -> dict[str, float | int | None]:
        share = self.share
        return {
            "content_words": self.words,
            "lexical_share": None if share is None else round(share, 3),
        }


def cover(links: Iterable[WordLink], text: str, span: tuple[int, int] | None = None) -> WordCover:
    """Coverage of the links of one English sentence (`text`), or of a span of it."""
    count, weight, lexical, encoder = 0, 0.0, 0.0, 0.0
    for link in links:
        if span is not None and not (span[0] <= link.en_span[0] < span[1]):
            continue
        w = link_weight(link, text)
        count += 1
        weight += w
        if link.by in LEXICAL:
            lexical += w
        elif link.by == "encoder":
            encoder += w
    return WordCover(count, weight, lexical, encoder)


def sentence_covers(links: Sequence[WordLink], texts: dict[int, str]) -> dict[int, WordCover]:
    """Coverage of each English sentence of a bead (`texts`: sentence index → text)."""
    by_sentence: dict[int, list[WordLink]] = {i: [] for i in texts}
    for link in links:
        if link.en_sentence in by_sentence:
            by_sentence[link.en_sentence].append(link)
    return {i: cover(found, texts[i]) for i, found in by_sentence.items()}


def combined(covers: Iterable[WordCover]) -> WordCover:
    """The coverage of several pieces together."""
    found = list(covers)
    return WordCover(
        sum(c.words for c in found),
        sum(c.weight for c in found),
        sum(c.lexical for c in found),
        sum(c.encoder for c in found),
    )
