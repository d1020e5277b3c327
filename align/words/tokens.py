"""Words of a sentence with their character spans, lemmas and the facts the links need.

A token keeps its span in `Sentence.text`, so every link and finding points back at what the
reviewer reads. French elisions ("l’Union", "qu’il") and English clitics ("Russia's",
"wouldn't") are cut off the word they lean on; hyphenated words stay whole
("Kassym-Jomart", "vice-Premier"). Lemmas come from simplemma; function words from the
curated closed-class list in `align/lexicons/function_words.tsv`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from align.words.lexicon import function_words

#: A word: letters and digits, joined by apostrophes or hyphens (U+2010 is the dictionary's).
_WORD = re.compile(r"[^\W_]+(?:[’'\-‐][^\W_]+)*")
#: French elided words that lean on the next one: l’, d’, qu’, jusqu’ …
_FR_ELISION = re.compile(
    r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)[’']", re.IGNORECASE
)
#: English clitics: Russia's, wouldn't, we're, I'll
_EN_CLITIC = re.compile(r"(?:n[’']t|[’'](?:s|ll|re|ve|d|m))$", re.IGNORECASE)
#: Where a new sentence or a quotation starts inside a sentence: capitals after it are not
#: evidence of a name.
_OPENERS = re.compile(r"(?:^|[.!?«»\"“”:(\[—–])\s*")


_QUOTE = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
#: A quotation of at most this many words is a title or a cited phrase, kept as written.
SHORT_QUOTE_WORDS = 8


def short_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of the short quotations of a sentence (« New START », "the end of history"):
    a title or a cited phrase is kept as written; a long one is dialogue, checked as text."""
    content = len(text.strip(" \"«»“”'"))
    return [
        (m.start(), m.end())
        for m in _QUOTE.finditer(text)
        if len(_WORD.findall(m.group(0))) <= SHORT_QUOTE_WORDS
        and len(m.group(0)) < 0.8 * content  # a whole quoted sentence is dialogue
        # speech cut by "dit Alice" ends on its punctuation inside the quotes; a title not
        and not m.group(0)[1:-1].rstrip().endswith((",", ".", "!", "?", ";", "…"))
    ]


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "’‘`´":
        return "'"
    if char in "‐‑–":
        return "-"
    base = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in base if not unicodedata.combining(c)).lower()
    return kept if len(kept) == 1 else (char.lower()[:1] or char)


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and hyphens made plain; one
    character out for each character in, so spans carry over."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=262144)
def lemma(word: str, lang: str) -> str:
    """simplemma's lemma of one word, lower case (the word itself when it knows none)."""
    import simplemma

    try:
        found = simplemma.lemmatize(word, lang=lang)
    except (ValueError, KeyError):  # a language or a string it cannot take
        found = word
    return (found or word).lower()


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence."""

    text: str  # as written
    start: int  # span in the sentence's text
    end: int
    sentence: int  # Sentence.index
    lang: str  # "en" or "fr"
    lower: str
    folded: str  # lower case without accents ("économique" -> "economique")
    lemma: str  # lower case lemma
    capitalised: bool
    initial: bool  # first word of the sentence or of a quotation: its capital says nothing
    function: bool  # article, pronoun, preposition, auxiliary …
    numeric: bool  # has a digit ("2030", "64e", "G20")
    acronym: bool  # two or more letters, all capitals ("CSTO", "G20")

    @property
    def content(self) -> bool:
        return not self.function and not self.numeric

    @property
    def name_like(self) -> bool:
        """Capitalised inside the sentence, or an acronym: a name, a title, an institution."""
        return (self.capitalised and not self.initial) or self.acronym


def _pieces(word: str, start: int, lang: str) -> list[tuple[str, int]]:
    """A word cut into its elided article / clitic and its core."""
    if lang == "fr":
        match = _FR_ELISION.match(word)
        if match and match.end() < len(word):
            return [(word[: match.end()], start), (word[match.end() :], start + match.end())]
        return [(word, start)]
    match = _EN_CLITIC.search(word)
    if match and match.start() > 0:
        cut = match.start()
        return [(word[:cut], start), (word[cut:], start + cut)]
    return [(word, start)]


def _hyphen_parts(word: str, start: int) -> list[tuple[str, int]]:
    parts, offset = [], 0
    for part in re.split(r"([\-‐])", word):
        if part and part not in "-‐":
            parts.append((part, start + offset))
        offset += len(part)
    return parts


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenise(
    text: str, lang: str, sentence: int = 0, *, split_hyphens: bool = False
) -> tuple[Token, ...]:
    """The words of one sentence, in order; with `split_hyphens`, each part of a hyphenated
    word is a word of its own ("vice-Premier" → "vice", "Premier"). Cached: the links and
    every word check read the same sentences."""
    return _tokenise(text, lang, sentence, split_hyphens)


@lru_cache(maxsize=8192)
def _tokenise(text: str, lang: str, sentence: int, split_hyphens: bool) -> tuple[Token, ...]:
    openers = {m.end() for m in _OPENERS.finditer(text)}
    functions = function_words(lang)
    tokens: list[Token] = []
    for match in _WORD.finditer(text):
        pieces = _pieces(match.group(0), match.start(), lang)
        if split_hyphens and ("-" in match.group(0) or "‐" in match.group(0)):
            pieces = [p for word, start in pieces for p in _hyphen_parts(word, start)]
        for word, start in pieces:
            lower = word.lower()
            folded = fold(word)
            numeric = any(c.isdigit() for c in word)
            is_function = lower.replace("’", "'") in functions
            tokens.append(
                Token(
                    text=word,
                    start=start,
                    end=start + len(word),
                    sentence=sentence,
                    lang=lang,
                    lower=lower,
                    folded=folded,
                    lemma=lower if numeric else lemma(lower, lang),
                    capitalised=word[:1].isupper(),
                    initial=start in openers,
                    function=is_function,
                    numeric=numeric,
                    acronym=word[:1].isupper() and _is_acronym(word),
                )
            )
    return tuple(tokens)
