"""The glossary applied to a bead: an English glossary term whose accepted rendering is not
in the bead's French."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from align.terminology.glossary import Glossary, GlossaryEntry
from align.terminology.model import BeadWords, Occurrence, PostWords, SentenceWords
from align.terminology.terms import Candidate, occurrence, term_key
from align.terminology.text import Match, find_rendering, same_word, shortened


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary term in a bead and what the bead's French does with it."""

    entry: GlossaryEntry
    occurrences: tuple[Occurrence, ...]  # every occurrence of the term in the bead
    accepted: tuple[Match, ...]  # accepted renderings found in the bead's French
    forbidden: tuple[Match, ...]  # forbidden renderings found there
    lacking: tuple[Occurrence, ...]  # occurrences reported (empty: the bead is fine)


def _matches(entry: GlossaryEntry, sentence: SentenceWords) -> list[tuple[int, int]]:
    """(first, last) word indices where the entry's English term occurs in the sentence."""
    pattern = entry.pattern
    words = sentence.words
    found = []
    for i in range(len(words) - len(pattern) + 1):
        window = words[i : i + len(pattern)]
        if all(
            key == word.key
            and (capitalised is None or capitalised == word.capitalised)
            and (n == 0 or word.attached)  # punctuation inside: not the term
            for n, ((key, capitalised), word) in enumerate(zip(pattern, window, strict=True))
        ):
            found.append((i, i + len(pattern) - 1))
    return found


def _all(bead: BeadWords, renderings: Sequence[tuple[str, ...]]) -> list[Match]:
    """Non-overlapping places of any of the renderings (the longest first)."""
    taken: list[Match] = []
    for keys in sorted(renderings, key=len, reverse=True):
        for match in find_rendering(bead.french(), keys):
            if not any(
                m.sentence == match.sentence and m.start < match.end and match.start < m.end
                for m in taken
            ):
                taken.append(match)
    return taken


def _fits_any(keys: Sequence[str], renderings: Sequence[tuple[str, ...]]) -> bool:
    return any(all(any(same_word(k, r) for r in option) for k in keys) for option in renderings)


def bead_hits(document: str, bead: BeadWords, glossary: Glossary) -> list[GlossaryHit]:
    """The glossary terms of one bead, longest terms first where they overlap."""
    spans: list[tuple[GlossaryEntry, SentenceWords, int, int]] = []
    for sentence in bead.en:
        taken: set[int] = set()
        options = [
            (entry, first, last)
            for entry in glossary.entries
            for first, last in _matches(entry, sentence)
        ]
        for entry, first, last in sorted(options, key=lambda o: (o[1] - o[2], o[1])):
            indices = set(range(first, last + 1))
            if not indices & taken:
                taken |= indices
                spans.append((entry, sentence, first, last))
    hits = []
    for entry in dict.fromkeys(e for e, *_ in spans):
        found = [
            occurrence(
                document,
                bead,
                Candidate(s, a, b, term_key(s.words[a : b + 1])),
            )
            for e, s, a, b in spans
            if e is entry
        ]
        accepted = _all(bead, entry.accepted_keys)
        forbidden = _all(bead, entry.forbidden_keys)
        lacking: list[Occurrence] = []
        if forbidden and len(accepted) < len(found):
            lacking = found[: len(found) - len(accepted)]
        elif entry.accepted and not accepted:
            lacking = found
        elif len(accepted) < len(found):
            # some rendered as accepted: report only those linked to something else
            # (a shortened second mention, "la Douma" after "la Douma d’État", is fine)
            short = max(shortened(bead.french(), k, accepted) for k in entry.accepted_keys)
            lacking = [o for o in found if o.core and not _fits_any(o.core, entry.accepted_keys)][
                : max(0, len(found) - len(accepted) - short)
            ]
        hits.append(
            GlossaryHit(entry, tuple(found), tuple(accepted), tuple(forbidden), tuple(lacking))
        )
    return hits


def glossary_hits(posts: Sequence[PostWords], glossary: Glossary) -> list[GlossaryHit]:
    if not glossary:
        return []
    return [
        hit
        for post in posts
        for bead in post.beads
        for hit in bead_hits(post.document, bead, glossary)
    ]
