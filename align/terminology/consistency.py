"""One term, one rendering: the renderings of every followed term across the checked posts.

For each term that recurs, the renderings its links give are candidates; a candidate's support
is the number of the term's occurrences whose bead holds it (found in the French whatever the
links say, so a missed link does not count against it). The most specific candidate that
dominates (enough support, a large enough share) is the term's rendering; a bead where the
term appears without it is a deviation, reported with what the links show in its place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from align.terminology.model import BeadWords, Occurrence, PostWords, TermConfig
from align.terminology.terms import Candidate, candidates, occurrence
from align.terminology.text import Match, find_rendering, same_word, shortened


@dataclass(frozen=True)
class Rendering:
    keys: tuple[str, ...] | None  # None: nothing linked and the expected rendering absent
    text: str  # as most often written ("" when keys is None)
    count: int


@dataclass(frozen=True)
class Deviation:
    """A bead where a term appears without its rendering."""

    occurrences: tuple[Occurrence, ...]  # those not rendered as expected (first is shown)
    in_bead: int  # occurrences of the term in the bead
    found: int  # times the expected rendering is found in the bead's French
    other_terms: tuple[str, ...]  # terms (as written) whose rendering the French used here
    shared: bool = False  # a term with no dominant rendering, rendered as another term is


@dataclass(frozen=True)
class TermReport:
    term: str  # key
    text: str  # the English as most often written
    occurrences: tuple[Occurrence, ...]
    expected: Rendering | None  # the dominant rendering, if one dominates
    renderings: tuple[Rendering, ...]  # how the occurrences are rendered, most frequent first
    labels: tuple[tuple[str, ...] | None, ...]  # per occurrence, the rendering it counts as
    deviations: tuple[Deviation, ...]

    @property
    def share(self) -> float:
        return self.expected.count / len(self.occurrences) if self.expected else 0.0


def followed_occurrences(posts: Sequence[PostWords], config: TermConfig) -> list[Occurrence]:
    """Every occurrence of every term that recurs in the posts. A term seen (almost) only
    inside a longer followed term is not followed on its own ("Prosecutor General" inside
    "Prosecutor General’s Office"); one that also recurs alone is followed everywhere
    ("Government", inside "Government of the Russian Federation" too)."""
    found = [
        (post.document, bead, candidates(sentence, config.max_term_words))
        for post in posts
        for bead in post.beads
        for sentence in bead.en
    ]
    counts = Counter(c.key for _, _, cs in found for c in cs)
    inside: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for n, (_, _, cs) in enumerate(found):
        for c in cs:
            inside[c.key].append((n, c))
    kept: set[str] = set()
    for key in sorted(counts, key=lambda k: (-len(k.split()), k)):
        if counts[key] < config.min_occurrences:
            continue
        alone = sum(
            1
            for n, c in inside[key]
            if not any(
                longer.key in kept
                and longer.size > c.size
                and longer.first <= c.first
                and c.last <= longer.last
                for longer in found[n][2]
            )
        )
        if alone >= config.min_occurrences:
            kept.add(key)
    return [
        occurrence(document, bead, c) for document, bead, cs in found for c in cs if c.key in kept
    ]


class _Finder:
    """Where a rendering is found in a bead's French, memoised per (bead, rendering)."""

    def __init__(self) -> None:
        self.memo: dict[tuple[int, tuple[str, ...]], list[Match]] = {}

    def __call__(self, bead: BeadWords, keys: tuple[str, ...]) -> list[Match]:
        key = (id(bead), keys)
        if key not in self.memo:
            self.memo[key] = find_rendering(bead.french(), keys)
        return self.memo[key]


def _fits(keys: Iterable[str], expected: Sequence[str]) -> bool:
    return all(any(same_word(k, e) for e in expected) for k in keys)


def _by_bead(occurrences: Sequence[Occurrence]) -> dict[tuple[str, int, int], list[int]]:
    groups: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for n, o in enumerate(occurrences):
        groups[o.place].append(n)
    return groups


class _Unlinked:
    """French words no link explains, and in how many beads each word appears: where a
    term's links are missing (a rendering no dictionary knows, "Address" → "Message"), a
    word that comes with the term and rarely without it is its candidate rendering."""

    def __init__(self, posts: Sequence[PostWords]) -> None:
        self.beads: dict[int, set[str]] = {}
        self.frequency: Counter[str] = Counter()
        for post in posts:
            for bead in post.beads:
                self.frequency.update({w.key for s in bead.fr for w in s.words if w.content})

    def of(self, bead: BeadWords) -> set[str]:
        if id(bead) not in self.beads:
            taken = [(k.fr_sentence, k.fr_start, k.fr_end) for k in bead.links if k.linked]
            self.beads[id(bead)] = {
                w.key
                for s in bead.fr
                for w in s.words
                if w.content
                and not any(i == s.id and a < w.end and w.start < b for i, a, b in taken)
            }
        return self.beads[id(bead)]

    def candidates(self, beads: Sequence[BeadWords], least: int) -> set[tuple[str, ...]]:
        together = Counter(key for bead in beads for key in self.of(bead))
        return {
            (key,)
            for key, n in together.items()
            if n >= least and 2 * n / (len(beads) + self.frequency[key]) >= MIN_ASSOCIATION
        }


#: How strongly an unlinked French word must go with a term to be its candidate rendering:
#: the Dice coefficient of the beads holding the term and the beads holding the word; and
#: in how many beads at least. Only for a term whose occurrences are mostly unlinked.
MIN_ASSOCIATION = 0.6
MIN_TOGETHER = 3


def _dominant(
    occurrences: Sequence[Occurrence],
    config: TermConfig,
    find: _Finder,
    unlinked: _Unlinked | None = None,
) -> tuple[tuple[str, ...], int] | None:
    groups = _by_bead(occurrences)
    options = {k for o in occurrences for k in (o.rendering, o.core) if k}
    best = _best(options, occurrences, groups, config, find)
    linked = sum(1 for o in occurrences if o.rendering)
    if best is None and unlinked is not None and linked < len(occurrences) / 2:
        beads = [occurrences[members[0]].bead for members in groups.values()]
        least = max(config.min_support, MIN_TOGETHER)
        best = _best(unlinked.candidates(beads, least), occurrences, groups, config, find)
    return best


def _best(
    options: Iterable[tuple[str, ...]],
    occurrences: Sequence[Occurrence],
    groups: dict[tuple[str, int, int], list[int]],
    config: TermConfig,
    find: _Finder,
) -> tuple[tuple[str, ...], int] | None:
    """The most specific rendering that dominates, with its support."""
    best: tuple[tuple[int, int, tuple[str, ...]], tuple[str, ...], int] | None = None
    for keys in options:
        support = sum(
            min(len(members), len(find(occurrences[members[0]].bead, keys)))
            for members in groups.values()
        )
        if support < config.min_support or support < config.min_share * len(occurrences):
            continue
        keys = tuple(sorted(keys))
        rank = (len(keys), support, keys)
        if best is None or rank > best[0]:
            best = (rank, keys, support)
    return None if best is None else (best[1], best[2])


def judge_term(
    occurrences: Sequence[Occurrence],
    config: TermConfig,
    find: _Finder,
    dominant_of: dict[str, tuple[tuple[str, ...], str]] | None = None,
    unlinked: _Unlinked | None = None,
) -> TermReport:
    """The renderings of one term, its dominant rendering and the beads that lack it."""
    term = occurrences[0].term
    text = Counter(o.en_text for o in occurrences).most_common(1)[0][0]
    dominant = _dominant(occurrences, config, find, unlinked)
    labels: list[tuple[str, ...] | None] = [o.rendering for o in occurrences]
    expected_texts: Counter[str] = Counter()
    deviations: list[Deviation] = []
    if dominant is not None:
        expected, _ = dominant
        for members in _by_bead(occurrences).values():
            bead = occurrences[members[0]].bead
            matches = find(bead, expected)
            expected_texts.update(m.text for m in matches)
            for n in members[: len(matches)]:
                labels[n] = expected
            if len(matches) >= len(members):
                continue
            lacking = [occurrences[n] for n in members]
            if matches:  # some rendered: report only occurrences linked to something else,
                # and not those a shortened second mention accounts for
                short = shortened(bead.french(), expected, matches)
                lacking = [o for o in lacking if o.core and not _fits(o.core, expected)]
                lacking = lacking[: max(0, len(members) - len(matches) - short)]
                for o in lacking:
                    labels[occurrences.index(o)] = o.rendering
            if lacking:
                deviations.append(
                    Deviation(
                        tuple(lacking),
                        len(members),
                        len(matches),
                        _others(lacking[0], term, dominant_of or {}),
                    )
                )
    renderings = _renderings(occurrences, labels, dominant[0] if dominant else None, expected_texts)
    expected_rendering = None
    if dominant is not None:
        expected_rendering = next(r for r in renderings if r.keys == dominant[0])
    return TermReport(
        term=term,
        text=text,
        occurrences=tuple(occurrences),
        expected=expected_rendering,
        renderings=renderings,
        labels=tuple(labels),
        deviations=tuple(deviations),
    )


def _others(
    o: Occurrence, term: str, dominant_of: dict[str, tuple[tuple[str, ...], str]]
) -> tuple[str, ...]:
    """Terms (as written) whose dominant rendering is what this occurrence's French says."""
    if not o.rendering:
        return ()
    return tuple(
        text
        for other, (keys, text) in dominant_of.items()
        if other != term
        and not _nested(other, term)
        and _fits(keys, o.rendering)
        and _fits(o.rendering, keys)
    )


def _nested(a: str, b: str) -> bool:
    """One term's words are all in the other ("Executive Office", "Presidential Executive
    Office"): their renderings may share words without confusing them."""
    left, right = set(a.casefold().split()), set(b.casefold().split())
    return left <= right or right <= left


def _renderings(
    occurrences: Sequence[Occurrence],
    labels: Sequence[tuple[str, ...] | None],
    expected: tuple[str, ...] | None,
    expected_texts: Counter[str],
) -> tuple[Rendering, ...]:
    """Each rendering with its count, written as most often seen (the expected one as found
    in the French, the others as their links cover them)."""
    texts: dict[tuple[str, ...] | None, Counter[str]] = defaultdict(Counter)
    for o, label in zip(occurrences, labels, strict=True):
        if label is not None and label != expected and o.fr_text:
            texts[label][o.fr_text] += 1
    if expected is not None:
        texts[expected] = expected_texts
    return tuple(
        Rendering(keys, texts[keys].most_common(1)[0][0] if texts.get(keys) else "", count)
        for keys, count in Counter(labels).most_common()
    )


def _shared(report: TermReport, reports: Sequence[TermReport]) -> TermReport:
    """The other direction, for a term no rendering of which dominates: an occurrence
    rendered as another term is ("Conseil d’État", the rendering of "State Council", for
    "State Duma"), while the term's other occurrences say something else, so the posts
    do keep the two apart."""
    if report.expected is not None:
        return report
    deviations = list(report.deviations)
    for o in report.occurrences:
        if not o.rendering:
            continue
        for other in reports:
            expected = other.expected
            if (
                other is report
                or expected is None
                or expected.keys is None
                or _nested(other.term, report.term)
                or not (_fits(expected.keys, o.rendering) and _fits(o.rendering, expected.keys))
            ):
                continue
            apart = any(
                p.rendering and not _fits(p.rendering, expected.keys)
                for p in report.occurrences
                if p is not o
            )
            if apart:
                deviations.append(Deviation((o,), 1, 0, (other.text,), shared=True))
                break
    return replace(report, deviations=tuple(deviations))


def judge(posts: Sequence[PostWords], config: TermConfig) -> list[TermReport]:
    """A report for every followed term of the posts, most frequent first."""
    occurrences = followed_occurrences(posts, config)
    by_term: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occurrences:
        by_term[o.term].append(o)
    find = _Finder()
    unlinked = _Unlinked(posts)
    # first pass: each term's dominant rendering, so a deviation can say whose rendering it
    # borrowed ("Conseil d’État" for "State Duma" is the rendering of "State Council")
    dominant_of = {}
    for term, found in by_term.items():
        dominant = _dominant(found, config, find, unlinked)
        if dominant is not None:
            text = Counter(o.en_text for o in found).most_common(1)[0][0]
            dominant_of[term] = (dominant[0], text)
    reports = [judge_term(found, config, find, dominant_of, unlinked) for found in by_term.values()]
    reports = [_shared(report, reports) for report in reports]
    return sorted(reports, key=lambda r: (-len(r.occurrences), r.term))
