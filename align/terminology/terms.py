"""English terms in a bead, and the French the word links give each of them.

A term is a name, title or institution as English writes them: a run of capitalised words
inside the sentence, "of", "for", "on" or "the" allowed between them ("Federal
Assembly", "Prosecutor General’s Office", "Ministry of the Interior", "BRICS"). Any part of
such a run that recurs in the checked posts is followed; where parts overlap the longest
recurring one is followed, and a shorter one only if it also recurs on its own. A word
that only starts the sentence is not evidence of a name ("Thank you"), and a nationality word
is not a term of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from align.terminology.model import BeadWords, Link, Occurrence, SentenceWords
from align.terminology.text import Word, content_keys

#: Function words allowed inside a term ("Ministry of the Interior").
CONNECTORS = frozenset({"of", "for", "on", "the"})
#: Nationality words, which French renders as adjective, noun or country as the sentence
#: needs ("Russian": "russe", "de Russie", "les Russes"): part of a term ("Russian
#: Railways"), never a term alone. Continents are not among them ("European Union").
_DEMONYM_WORDS = (
    "afghan american arab argentine armenian australian austrian azerbaijani belarusian "
    "belgian brazilian british bulgarian canadian chilean chinese cuban czech danish dutch "
    "egyptian emirati estonian finnish french georgian german greek hungarian indian "
    "indonesian iranian iraqi irish israeli italian japanese jordanian kazakh korean kyrgyz "
    "latvian lebanese libyan lithuanian malaysian mexican moldovan mongolian norwegian "
    "pakistani palestinian polish portuguese qatari romanian russian saudi serbian slovak "
    "soviet spanish swedish swiss syrian tajik thai turkish turkmen ukrainian uzbek "
    "venezuelan vietnamese"
)
DEMONYMS = frozenset(_DEMONYM_WORDS.split())
#: Adjectives of general language: a pair of words they start is not a term ("last year",
#: "new programmes", "great deal") and French varies it freely ("l’an dernier", "l’année
#: dernière").
_GENERAL_WORDS = (
    "last next first second third previous following coming recent current new old same "
    "other many few much more most long short big small large great good bad whole high low "
    "early late main major certain real huge full important different various possible "
    "necessary serious young own entire further additional particular general common "
    "simple clear true best better"
)
GENERAL_MODIFIERS = frozenset(_GENERAL_WORDS.split())
#: Words of quantities and units: the number check compares those ("24 billion cubic
#: metres"), and French writes them many ways ("milliards de m³").
_QUANTITY_WORDS = (
    "hundred thousand million billion trillion percent cent per cubic square metre meter"
    " kilometre kilometer tonne ton dollar euro rouble ruble"
)
QUANTITY_WORDS = frozenset(_QUANTITY_WORDS.split())
#: Usual English names that CLDR lists under another one ("Türkiye").
OTHER_PLACE_NAMES = frozenset({"turkey", "britain", "england", "america", "holland", "burma"})


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """English names of countries and regions ("Turkey", "Europe"), lower case, from babel:
    French renders them as noun or adjective ("Turquie", "turc"), not a term of their own."""
    from babel import Locale

    names = {n.casefold() for n in Locale("en").territories.values() if " " not in n}
    return frozenset(names | OTHER_PLACE_NAMES)


#: Punctuation that ends a French rendering when its span is widened.
_BREAKS = set(',.;:!?()[]«»"“”…')
#: The only function words a widened rendering may take in: those inside French names of
#: institutions ("Comité d’enquête", "ministère de l’Intérieur"; not "et", "à", "ne").
_INSIDE_NAMES = frozenset({"de", "du", "des", "d", "la", "le", "l", "les", "un"})


@dataclass(frozen=True)
class Candidate:
    """A possible term: words `first`..`last` of one English sentence of a bead."""

    sentence: SentenceWords
    first: int
    last: int
    key: str

    @property
    def span(self) -> tuple[int, int]:
        return self.sentence.words[self.first].start, self.sentence.words[self.last].end

    @property
    def size(self) -> int:
        return sum(1 for w in self.sentence.words[self.first : self.last + 1] if w.content)


def demonym(word: Word) -> bool:
    return word.key in DEMONYMS


def term_key(items: Iterable[Word]) -> str:
    """How a term is compared: its content lemmas without articles or "of", in any order
    ("Interior Ministry" is "Ministry of the Interior"). A single word keeps its capital
    ("Government", the cabinet, is not "government")."""
    content = [w for w in items if w.content]
    if len(content) == 1:
        word = content[0]
        return word.key.capitalize() if word.capitalised and not word.initial else word.key
    return " ".join(sorted(w.key for w in content))


def _runs(sentence: SentenceWords) -> list[list[int]]:
    """Runs of capitalised content words (connectors inside), as word indices."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, word in enumerate(sentence.words):
        if word.content and word.capitalised:
            if current and word.attached:
                current.append(i)
            else:
                runs.append(current)
                current = [i]
        elif current and word.attached and not word.content and word.key in CONNECTORS:
            current.append(i)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    out = []
    for run in runs:
        while run and not sentence.words[run[-1]].content:
            run = run[:-1]
        if run:
            out.append(run)
    return out


def candidates(sentence: SentenceWords, max_words: int) -> list[Candidate]:
    """Every part of every capitalised run that may be a term, and every pair of adjacent
    lower-case content words ("national projects", "key rate")."""
    words = sentence.words
    found = []
    for run in _runs(sentence):
        heads = [i for i in run if words[i].content]
        for a, start in enumerate(heads):
            if words[start].initial and not _name_starts(sentence, start):
                continue
            for end in heads[a:]:
                if start == end and (demonym(words[start]) or _place(sentence, start)):
                    continue
                candidate = Candidate(sentence, start, end, term_key(words[start : end + 1]))
                if candidate.size > max_words:
                    break
                found.append(candidate)
    for i in range(len(words) - 1):
        first, second = words[i], words[i + 1]
        if (
            first.content
            and second.content
            and second.attached
            and not (first.capitalised and not first.initial)
            and not second.capitalised
            and not demonym(first)
            and first.key not in GENERAL_MODIFIERS
            and not {first.key, second.key} & QUANTITY_WORDS
        ):
            found.append(Candidate(sentence, i, i + 1, term_key((first, second))))
    return found


def _place(sentence: SentenceWords, index: int) -> bool:
    word = sentence.words[index]
    return sentence.text[word.start : word.end].casefold() in place_names()


def _name_starts(sentence: SentenceWords, start: int) -> bool:
    """A sentence's first word is part of a name when another capitalised word follows it
    directly ("State Duma deputies …", not "Thank you" nor "Candidates for Governor")."""
    following = sentence.words[start + 1 : start + 2]
    return bool(following) and following[0].attached and following[0].capitalised


# --- the French the links give a term --------------------------------------------------------


def occurrence(document: str, bead: BeadWords, candidate: Candidate) -> Occurrence:
    """The term occurrence with its linked French (widened over unlinked neighbours)."""
    sentence = candidate.sentence
    start, end = candidate.span
    rendered = _rendering(bead, sentence, candidate)
    if rendered is None:
        fr_sentence, fr_start, fr_end, keys, core, fr_text = None, 0, 0, None, None, None
    else:
        fr_sentence, fr_start, fr_end, keys, core, fr_text = rendered
    return Occurrence(
        document=document,
        bead=bead,
        term=candidate.key,
        en_sentence=sentence.id,
        en_start=start,
        en_end=end,
        en_text=sentence.text[start:end],
        rendering=keys,
        core=core,
        fr_sentence=fr_sentence,
        fr_start=fr_start,
        fr_end=fr_end,
        fr_text=fr_text,
    )


def _rendering(
    bead: BeadWords, sentence: SentenceWords, candidate: Candidate
) -> tuple[int, int, int, tuple[str, ...], tuple[str, ...], str] | None:
    """The French of a term: what its links cover (the core), widened over unlinked
    neighbours when some of its words have no link."""
    start, end = candidate.span
    # a link reaching beyond the term (a longer term linked as one) does not say which of
    # its French words render this part
    linked = [
        k
        for k in bead.links
        if k.linked and k.en_sentence == sentence.id and start <= k.en_start and k.en_end <= end
    ]
    if not linked:
        return None
    by_sentence: dict[int, list[Link]] = {}
    for k in linked:
        by_sentence.setdefault(int(k.fr_sentence or 0), []).append(k)
    fr_id, in_sentence = max(by_sentence.items(), key=lambda item: len(item[1]))
    french = next((s for s in bead.fr if s.id == fr_id), None)
    if french is None:
        return None
    chosen = _cluster(french, in_sentence)
    fr_start = min(k.fr_start for k in chosen)
    fr_end = max(k.fr_end for k in chosen)
    en_words = [w for w in sentence.words[candidate.first : candidate.last + 1] if w.content]
    covered = sum(
        1 for w in en_words if any(k.en_start <= w.start and w.end <= k.en_end for k in chosen)
    )
    core = content_keys(w for w in french.words if fr_start <= w.start and w.end <= fr_end)
    fr_start, fr_end = _widen(bead, french, fr_start, fr_end, len(en_words) - covered)
    keys = content_keys(w for w in french.words if fr_start <= w.start and w.end <= fr_end)
    if not core:
        return None
    return fr_id, fr_start, fr_end, keys, core, french.text[fr_start:fr_end]


#: Linked French words further apart than this many content words are not one rendering.
MAX_RENDERING_GAP = 2


def _cluster(french: SentenceWords, links: Sequence[Link]) -> list[Link]:
    """The links whose French lies together; of several groups, the one with most links."""
    ordered = sorted(links, key=lambda k: k.fr_start)
    starts = [w.start for w in french.words if w.content]
    groups: list[list[Link]] = [[ordered[0]]]
    for link in ordered[1:]:
        previous_end = max(k.fr_end for k in groups[-1])
        between = sum(1 for s in starts if previous_end <= s < link.fr_start)
        if between > MAX_RENDERING_GAP:
            groups.append([link])
        else:
            groups[-1].append(link)
    return max(groups, key=len)


def _widen(
    bead: BeadWords, french: SentenceWords, start: int, end: int, missing: int
) -> tuple[int, int]:
    """Take in up to `missing` unlinked content words next to the span, right then left,
    over the function words French names hold ("Comité" linked, "d’enquête" not)."""
    if missing <= 0:
        return start, end
    used = [
        (k.fr_start, k.fr_end)
        for k in bead.links
        if k.linked and k.fr_sentence == french.id and not (start <= k.fr_start < end)
    ]
    text, words = french.text, french.words

    def take(candidates: Sequence[Word], edge: int, right: bool) -> int:
        nonlocal missing
        for word in candidates:
            gap = text[edge : word.start] if right else text[word.end : edge]
            if missing <= 0 or _BREAKS & set(gap):
                break
            if not word.content:
                if word.key in _INSIDE_NAMES:
                    continue
                break
            if any(a < word.end and word.start < b for a, b in used):
                break
            edge = word.end if right else word.start
            missing -= 1
        return edge

    end = take([w for w in words if w.start >= end], end, True)
    start = take([w for w in reversed(words) if w.end <= start], start, False)
    return start, end
