"""The data of the terminology check: the words of each bead, term occurrences, thresholds.

The check runs over checked documents (the JSON of `align.pipeline.check_post`): it reads the
sentences, the beads and their word links, and keeps per post only what it needs (the words
of each bead and its links) so that a re-run reads unchanged posts from its cache instead of
tokenising them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from align.terminology.text import Word


@dataclass(frozen=True)
class TermConfig:
    """When a term's renderings count as inconsistent.

    A term (an English name or title, or a glossary term) is followed when it occurs at
    least `min_occurrences` times in the checked posts; one rendering dominates when it is
    found in at least `min_support` of the term's beads and in at least `min_share` of them;
    then each bead where the term appears without that rendering gets a finding.
    """

    min_occurrences: int = 2
    min_support: int = 2
    min_share: float = 0.65
    max_term_words: int = 6  # longest English term followed, in content words

    def signature(self) -> dict[str, Any]:
        return {
            "min_occurrences": self.min_occurrences,
            "min_support": self.min_support,
            "min_share": self.min_share,
            "max_term_words": self.max_term_words,
        }


DEFAULT_TERM_CONFIG = TermConfig()


@dataclass(frozen=True)
class SentenceWords:
    id: int  # the sentence's id in its event
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Link:
    """A word link of the bead (`align.model.WordLink` as the JSON holds it)."""

    en_sentence: int
    en_start: int
    en_end: int
    fr_sentence: int | None
    fr_start: int
    fr_end: int
    by: str

    @property
    def linked(self) -> bool:
        return self.fr_sentence is not None


@dataclass(frozen=True)
class BeadWords:
    """One bead with both sides: its sentences' words and its links."""

    event: int  # position of the event in the document's "events"
    alignment: int  # index of the bead in the event's "alignment"
    en: tuple[SentenceWords, ...]
    fr: tuple[SentenceWords, ...]
    links: tuple[Link, ...]

    def french(self) -> list[tuple[int, str, tuple[Word, ...]]]:
        return [(s.id, s.text, s.words) for s in self.fr]


@dataclass(frozen=True)
class PostWords:
    """Every bead of a document that has both sides."""

    document: str  # the document's path as shown
    beads: tuple[BeadWords, ...]


@dataclass(frozen=True)
class Occurrence:
    """One English term in one bead, and the French the links give it."""

    document: str
    bead: BeadWords
    term: str  # the term's key (see terms.term_key)
    en_sentence: int
    en_start: int
    en_end: int
    en_text: str  # as written
    rendering: tuple[str, ...] | None  # content keys of the linked French, None if unlinked
    core: tuple[str, ...] | None  # the same without the unlinked words taken in around it
    fr_sentence: int | None
    fr_start: int
    fr_end: int
    fr_text: str | None

    @property
    def place(self) -> tuple[str, int, int]:
        return (self.document, self.bead.event, self.bead.alignment)


# --- cache form -----------------------------------------------------------------------------

_CONTENT, _CAPITALISED, _INITIAL, _ATTACHED = 1, 2, 4, 8


def _word_json(word: Word) -> list[Any]:
    flags = (
        _CONTENT * word.content
        | _CAPITALISED * word.capitalised
        | _INITIAL * word.initial
        | _ATTACHED * word.attached
    )
    return [word.start, word.end, word.key, flags]


#: The flags of a cached word, by their value (0–15), decoded once.
_FLAGS = tuple(
    (bool(n & _CONTENT), bool(n & _CAPITALISED), bool(n & _INITIAL), bool(n & _ATTACHED))
    for n in range(16)
)


def _word(data: list[Any]) -> Word:
    start, end, key, flags = data
    return Word(start, end, key, *_FLAGS[flags])


def _sentences_json(sentences: tuple[SentenceWords, ...]) -> list[Any]:
    return [[s.id, s.text, [_word_json(w) for w in s.words]] for s in sentences]


def _sentences(data: list[Any]) -> tuple[SentenceWords, ...]:
    return tuple(SentenceWords(i, t, tuple(map(_word, ws))) for i, t, ws in data)


def post_words_json(post: PostWords) -> dict[str, Any]:
    return {
        "document": post.document,
        "beads": [
            [
                b.event,
                b.alignment,
                _sentences_json(b.en),
                _sentences_json(b.fr),
                [
                    [k.en_sentence, k.en_start, k.en_end, k.fr_sentence, k.fr_start, k.fr_end, k.by]
                    for k in b.links
                ],
            ]
            for b in post.beads
        ],
    }


def post_words_from_json(data: dict[str, Any]) -> PostWords:
    """The cached form back; ValueError/KeyError/TypeError when it is damaged."""
    beads = []
    for event, alignment, en, fr, links in data["beads"]:
        beads.append(
            BeadWords(
                int(event),
                int(alignment),
                _sentences(en),
                _sentences(fr),
                tuple(
                    Link(
                        int(a),
                        int(b),
                        int(c),
                        None if d is None else int(d),
                        int(e),
                        int(f),
                        str(g),
                    )
                    for a, b, c, d, e, f, g in links
                ),
            )
        )
    return PostWords(str(data["document"]), tuple(beads))
