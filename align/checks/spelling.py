"""Spelling: French words that do not exist ("les réparations des navieres").

A word is a non-word when neither of two real French word lists knows it: wordfreq's large
French list (every word seen at least about once per hundred million words of web, news,
subtitles and books) and simplemma's French lemmatisation dictionary (inflected forms).
A rare word one edit away from a common one ("gouvernment", seen on the web, next to
"gouvernement") is a likely typo.

Left out, since a word list cannot judge them: names and transliterations (capitalised inside
a sentence), acronyms, numbers and ordinals (XXIe, 1er), English words (the untranslated
check's business), words that also appear on the English side (names, brands, terms kept as
they are), words in quotes, and short words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz import fuzz

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.model import (
    TRANSLATION_SENTENCE_KINDS,
    Finding,
    FindingType,
    Sentence,
    Severity,
    finding_id,
)
from align.words.lexicon import french_forms, zipf
from align.words.tokens import Token, fold, short_quotes, tokenise

_ROMAN = re.compile(r"^[IVXLCDM]+(?:e|er|re|ème|eme)?$", re.IGNORECASE)
#: Neighbours for a suggestion are searched among this many most frequent French words.
SUGGESTION_VOCABULARY = 100_000


@lru_cache(maxsize=65536)
def lemmatiser_knows(word: str) -> bool:
    """simplemma's French dictionary has the word: a form of a French word (a passé simple,
    a rare plural), however rare on the web."""
    import simplemma

    try:
        return bool(simplemma.is_known(word, lang="fr"))
    except (ValueError, KeyError):
        return False


def known_french(word: str) -> bool:
    """A word (lower case) of either French word list."""
    return zipf(word, "fr") > 0 or lemmatiser_knows(word)


#: Prefixes French glues to any word ("cybercriminalité", "hydrotechniques").
_PREFIXES = [
    "aéro",
    "agro",
    "anti",
    "audio",
    "auto",
    "bio",
    "contre",
    "cyber",
    "éco",
    "électro",
    "extra",
    "géo",
    "hydro",
    "hyper",
    "inter",
    "intra",
    "macro",
    "méga",
    "micro",
    "mini",
    "mono",
    "multi",
    "neuro",
    "néo",
    "non",
    "pan",
    "para",
    "péri",
    "photo",
    "poly",
    "post",
    "pré",
    "pro",
    "pseudo",
    "psycho",
    "radio",
    "re",
    "ré",
    "semi",
    "socio",
    "sous",
    "super",
    "supra",
    "sur",
    "techno",
    "télé",
    "thermo",
    "trans",
    "tri",
    "ultra",
    "vidéo",
]


@lru_cache(maxsize=65536)
def compound_of_known(word: str) -> bool:
    """A known prefix glued to a known word of at least four letters ("neurocognitives"),
    or a regular derivation of a known word: an adverb in -ment of a known adjective
    ("robustement"), a plural of a known singular."""
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and known_french(rest):
            return True
    if word.endswith("ment") and len(word) > 7:
        stem = word[: -len("ment")]
        if lemmatiser_knows(stem) or zipf(stem, "fr") >= 2.0:  # "robuste", "indiscrète"
            return True
    return word.endswith(("s", "x")) and len(word) > 5 and lemmatiser_knows(word[:-1])


#: A word the lemmatiser does not know is a misspelling of its accented twin (the same
#: letters, other accents) when the twin is this much more frequent (wordfreq Zipf).
ACCENT_TWIN_GAIN = 1.0


@cache
def _accent_twins() -> dict[str, str]:
    """Folded form -> the most frequent French word with it (the vocabulary is in order of
    frequency)."""
    twins: dict[str, str] = {}
    for word in _vocabulary():
        twins.setdefault(fold(word), word)
    return twins


def accent_twin(word: str) -> str | None:
    """The most frequent French word spelled like `word` but for its accents, if it is
    another word ("coûteux" for "couteux", "théâtres" for "théatres")."""
    twin = _accent_twins().get(fold(word))
    return twin if twin is not None and twin != word else None


def _common_compound(word: str) -> bool:
    """A known prefix glued to a common word ("hydro" + "techniques"), or an adverb of a
    known adjective ("indiscrètement")."""
    if word.endswith("ment") and len(word) > 7 and zipf(word[: -len("ment")], "fr") >= 2.0:
        return True
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= 4
        and zipf(word[len(prefix) :], "fr") >= 3.0
        for prefix in _PREFIXES
    )


#: A rare web spelling below this frequency (wordfreq Zipf) that follows the English word of
#: the bead rather than the French one next to it is a non-word.
ANGLICISED_MAX_ZIPF = 3.0


def _english_spelling(word: str, frequency: float, english_words: set[str]) -> str | None:
    """The French word a rare spelling should have been when it copies the spelling of an
    English word of the bead: "professionalisme" (professionalism) for "professionnalisme",
    "gouvernment" (government) for "gouvernement". None otherwise."""
    if frequency >= ANGLICISED_MAX_ZIPF or len(word) < 6:
        return None
    near = nearest_word(word)
    if near is None or near[1] != 1 or zipf(near[0], "fr") < frequency + 0.5:
        return None
    folded, right = fold(word), fold(near[0])
    if not _doubled_or_e(folded, right):
        return None  # "bibliographe" is no slip for "bibliographie"
    for english in english_words:
        if len(english) < 5:
            continue
        english = fold(english)
        to_word = fuzz.ratio(english, folded)
        if to_word >= 80 and to_word > fuzz.ratio(english, right):
            return near[0]
    return None


#: A web spelling no French dictionary knows is a slip when a word this much more common
#: (wordfreq Zipf) is one edit away (two for long words) and the dictionaries know it.
COMMON_SLIP_GAIN = 1.5


def _common_slip(word: str, frequency: float) -> str | None:
    """The word a web spelling should have been when neither French dictionary knows it
    (simplemma's, and Apertium's morphological one) and a much more common word they know
    is near: "acceuillir" (accueillir), "imposible" (impossible), "receuillir". The web
    repeats common slips, so the frequency list alone cannot tell them from words. None
    without Apertium, for English words, and for the rest."""
    forms = french_forms()
    if not forms or word in forms or zipf(word, "en") >= 2.0:
        return None
    near = nearest_word(word)
    if near is None or (near[1] > 1 and len(word) < 8):
        return None
    right = near[0]
    if right not in forms or zipf(right, "fr") < frequency + COMMON_SLIP_GAIN:
        return None
    folded, target = fold(word), fold(right)
    if not (_transposed(folded, target) or _doubling(folded, target)):
        return None  # another letter: as often a rare word ("lestement", "bibliographe")
    return right


def _transposed(one: str, other: str) -> bool:
    """Two adjacent letters swapped ("acceuillir" / "accueillir")."""
    if len(one) != len(other) or one == other:
        return False
    diff = [k for k, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and one[diff[0]] == other[diff[1]]
        and one[diff[1]] == other[diff[0]]
    )


def _doubling(one: str, other: str) -> bool:
    """One word doubles a letter the other writes once ("imposible" / "impossible")."""
    if abs(len(one) - len(other)) != 1:
        return False
    longer, shorter = (one, other) if len(one) > len(other) else (other, one)
    return any(
        longer[k] == longer[k + 1] and longer[:k] + longer[k + 1 :] == shorter
        for k in range(len(longer) - 1)
    )


def _doubled_or_e(one: str, other: str) -> bool:
    """The two words differ by one letter that doubles a consonant ("professionel" /
    "professionnel", "addresse" / "adresse") or by an "e" ("gouvernment"): the slips an
    English spelling makes in a French word."""
    if abs(len(one) - len(other)) != 1:
        return False
    longer, shorter = (one, other) if len(one) > len(other) else (other, one)
    i = next(
        (k for k, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter)
    )
    if longer[:i] + longer[i + 1 :] != shorter:
        return False
    letter = longer[i]
    if letter == "e":
        return True
    doubled = (i > 0 and longer[i - 1] == letter) or (
        i + 1 < len(longer) and longer[i + 1] == letter
    )
    return letter not in "aeiouy" and doubled


def _near_typo(word: str) -> bool:
    """A word one edit from a known French word ("provissions" → "provisions"), or two
    edits from one when it is long: a slip, even if it splits into a prefix and a word
    ("pro" + "vissions")."""
    near = nearest_word(word)
    return near is not None and (near[1] == 1 or len(word) >= 9)


@cache
def _vocabulary() -> tuple[str, ...]:
    from wordfreq import top_n_list

    return tuple(top_n_list("fr", SUGGESTION_VOCABULARY, wordlist="large"))


@lru_cache(maxsize=4096)
def nearest_word(word: str) -> tuple[str, int] | None:
    """The most frequent French word at the least edit distance (1 or 2) from `word`."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    limit = 1 if len(word) < 6 else 2
    found = extract(word, _vocabulary(), scorer=Levenshtein.distance, score_cutoff=limit, limit=20)
    candidates = [
        (candidate, int(distance)) for candidate, distance, _ in found if candidate != word
    ]
    if not candidates:
        return None
    best_distance = min(d for _, d in candidates)
    best = max((c for c, d in candidates if d == best_distance), key=lambda c: zipf(c, "fr"))
    return best, best_distance


class SpellingCheck:
    """French non-words and likely typos in the translation text."""

    name = "spelling"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        english_words = {t.lower for s in data.en for t in tokenise(s.text, "en")}
        # names of the event (both sides): a lower-case word built on one is an adjective or
        # a demonym of it ("russo-kazakhstanaises", "poutinien")
        stems = {
            t.lower
            for s in (*data.en, *data.fr)
            for t in tokenise(s.text, s.side.value, split_hyphens=True)
            if t.capitalised and len(t.folded) >= 5
        }
        partners: dict[int, tuple[int, ...]] = {}
        for bead in data.beads:
            for i in bead.fr:
                partners[i] = bead.en
        findings = []
        for sentence in data.fr:
            if sentence.kind not in TRANSLATION_SENTENCE_KINDS:
                continue
            quoted = short_quotes(sentence.text)
            # a hyphenated name ("Thunder-ten-tronckh", "Saint-Clément"): its lower-case
            # parts are part of the name
            quoted += [
                (t.start, t.end)
                for t in tokenise(sentence.text, "fr", sentence.index)
                if t.capitalised and ("-" in t.text or "‐" in t.text)
            ]
            for token in tokenise(sentence.text, "fr", sentence.index, split_hyphens=True):
                if any(a <= token.start < b for a, b in quoted):
                    continue
                if any(token.lower.startswith(stem) for stem in stems):
                    continue
                verdict = self._judge(token, english_words)
                if verdict is None:
                    continue
                findings.append(self._finding(sentence, partners, token, verdict))
        return findings

    def _judge(self, token: Token, english_words: set[str]) -> tuple[str, str | None] | None:
        """("non_word" | "typo" | "unknown", suggestion) for a word the lists do not know;
        None for the rest."""
        word = token.lower
        if (
            len(word) < self.config.spelling_min_chars
            or token.function
            or token.numeric
            or not word.replace("-", "").replace("'", "").replace("’", "").isalpha()
            or token.acronym
            or token.capitalised  # names, even where they open a sentence
            or _ROMAN.match(token.text)
            or token.lower in english_words  # with its accents: "sécrétariat" is no copy
        ):
            return None
        if lemmatiser_knows(word):
            return None
        twin = accent_twin(word)
        if twin is not None and zipf(twin, "fr") >= zipf(word, "fr") + ACCENT_TWIN_GAIN:
            return "non_word", twin  # "couteux" for "coûteux", "réproches" (no "ré" + word)
        if (
            not known_french(word)
            and compound_of_known(word)
            and (_common_compound(word) or not _near_typo(word))
        ):
            return None
        if known_french(word):  # only the web's frequency list has it: a rare spelling
            frequency = zipf(word, "fr")
            anglicised = _english_spelling(word, frequency, english_words)
            if anglicised is not None:
                return "non_word", anglicised  # "professionalisme" after "professionalism"
            common = _common_slip(word, frequency)
            if common is not None:
                return "non_word", common  # "acceuillir", "imposible": the web's slips
            if frequency >= self.config.spelling_rare_zipf or zipf(word, "en") > 0:
                return None
            near = nearest_word(word)
            if (
                near is not None
                and near[1] == 1
                and zipf(near[0], "fr") >= frequency + self.config.spelling_neighbour_gain
            ):
                return "typo", near[0]
            return None
        if zipf(word, "en") >= 2.0:
            return None  # an English word: the untranslated check's business
        near = nearest_word(word)
        if near is None:
            # no French word is one or two edits away: a rare word no list has
            # ("purificatoire", "babiroussa") as often as a slip; worth a look, no more
            return "unknown", None
        return "non_word", near[0]

    def _finding(
        self,
        sentence: Sentence,
        partners: dict[int, tuple[int, ...]],
        token: Token,
        verdict: tuple[str, str | None],
    ) -> Finding:
        kind, suggestion = verdict
        strong = kind == "non_word"
        if strong:
            message = f"“{token.text}” is not a French word"
        elif kind == "unknown":
            message = f"“{token.text}” is in no French word list (a rare word, or a slip?)"
        else:
            message = f"“{token.text}” looks like a typo"
        if suggestion:
            message += f" (did you mean “{suggestion}”?)"
        return Finding(
            id=finding_id(FindingType.SPELLING, token.text, sentence.text),
            type=FindingType.SPELLING,
            severity=Severity.MEDIUM if strong else Severity.LOW,
            confidence=0.75 if strong else 0.45,
            fr=(sentence.index,),
            en=partners.get(sentence.index, ()),
            message=message,
            details={
                "reason": kind,
                "fr_word": {
                    "sentence": sentence.index,
                    "span": [token.start, token.end],
                    "text": token.text,
                },
                "suggestion": suggestion,
                "fr_zipf": round(zipf(token.lower, "fr"), 2),
                "en_zipf": round(zipf(token.lower, "en"), 2),
                "word_lists": "wordfreq fr (large), simplemma fr",
            },
        )
