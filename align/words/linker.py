"""Word links inside a bead: which French word or phrase renders each English term.

Per bead, the English content words (function words dropped, numbers read as quantities)
are linked to French content words on the strongest evidence available, cheapest first:

1. numbers: the same quantity on both sides (`align.numbers`);
2. identical strings (accent-insensitive) and the same lemma;
3. names: the transliteration-tolerant name match of `align.checks.names` (Tokayev /
   Tokaïev, Moscow / Moscou, CSTO / OTSC);
4. the FreeDict bilingual dictionary, on words and lemmas, phrases included ("actually" →
   "en réalité");
5. cognates: accent-free lemmas that agree up to the usual English/French endings
   (economic / économique, cooperation / coopération), by rapidfuzz;
6. the multilingual encoder on the words left over: every such word of the event is embedded
   in one call (the embedding cache makes re-runs free), and pairs are scored by cosine.

Each stage assigns one to one, greedily by score, with the word's relative position in the
bead as a weak prior. Afterwards, English multi-word terms become one link: capitalised
institutional names ("Federal Assembly" → "Assemblée fédérale") and noun compounds that
French renders in reverse order ("fuel market" → "marché des carburants").

English content words that nothing renders are kept as links without French (by "none").
A bead's work is bounded: at most `MAX_WORDS` content words a side are linked (the rest of a
very long bead is listed unlinked), so a 10,000-character bead costs what a long one does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from align.checks.names import token_match
from align.embed.base import Encoder
from align.model import Bead, Sentence, WordLink
from align.numbers import extract_quantities, same_quantity
from align.words.lexicon import Bilingual, wide_bilingual, zipf
from align.words.tokens import Token, fold, tokenise

#: Content words linked per side of a bead; further words are listed unlinked.
MAX_WORDS = 150
#: Scores of the evidence kinds that do not come with their own.
IDENTICAL_SCORE = 1.0
NUMBER_SCORE = 1.0
LEMMA_SCORE = 0.97
LEXICON_SCORE = 0.95
#: A cognate needs this rapidfuzz ratio (0–1) between the words once endings are mapped.
COGNATE_MIN = 0.82
#: A name link needs this score of `names.token_match` (0–100).
NAME_MIN = 84.0
#: Encoder links below this cosine are not made (the English word stays unlinked).
ENCODER_MIN = 0.35
#: Weight of the position prior: a pair's score loses this much per unit of relative
#: position difference (0 = same place in the bead, 1 = opposite ends).
POSITION_WEIGHT = 0.1
#: A French phrase linked to an English term spans at most this many words per English word
#: plus this slack ("fuel market" → "marché des carburants").
TERM_SPAN_PER_WORD = 2
TERM_SPAN_SLACK = 2
#: An English capitalised word is part of an institutional term when its lower-case form is
#: a common English word (wordfreq Zipf at least this): "Federal", "Assembly", not "Lavrov".
TERM_COMMON_ZIPF = 3.5

# English endings and the French ones they usually become, tried before the cognate ratio.
_ENDINGS = (
    ("ically", "iquement"),
    ("ally", "alement"),
    ("ical", "ique"),
    ("ic", "ique"),
    ("ity", "ite"),
    ("ism", "isme"),
    ("ist", "iste"),
    ("ive", "if"),
    ("ize", "iser"),
    ("ise", "iser"),
    ("ized", "ise"),
    ("ised", "ise"),
    ("tion", "tion"),
    ("ary", "aire"),
    ("ory", "oire"),
    ("y", "ie"),
    ("ly", "ment"),
    ("ed", "e"),
    ("er", "eur"),
    ("or", "eur"),
    ("ous", "eux"),
    ("al", "el"),
)


@dataclass
class _Side:
    """The content words of one side of a bead and what the quantities covered."""

    tokens: list[Token]
    positions: list[float]  # relative position 0–1 in the bead
    overflow: list[Token] = field(default_factory=list)  # beyond MAX_WORDS: not linked


@dataclass
class _Candidate:
    score: float
    by: str
    en: int  # index into the English content words
    fr: tuple[int, int]  # first and last French content word (a phrase spans several)


@dataclass
class BeadWork:
    """One bead between the cheap stages and the encoder stage."""

    en_sentences: tuple[Sentence, ...]
    fr_sentences: tuple[Sentence, ...]
    en: _Side
    fr: _Side
    number_links: list[WordLink]
    links: dict[int, _Candidate]  # English word index -> its link
    fr_used: set[int]

    def open_english(self) -> list[int]:
        return [i for i in range(len(self.en.tokens)) if i not in self.links]

    def open_french(self) -> list[int]:
        return [j for j in range(len(self.fr.tokens)) if j not in self.fr_used]


# --- tokens and quantities ----------------------------------------------------------------

#: A sentence the number reader may find something in: a digit, a Roman numeral, or a number
#: word of either language ("un"/"une" alone are articles). The reader costs a tenth of a
#: millisecond a sentence; most sentences need none of it.
_MAY_COUNT = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|trillions?|dozens?|half|twice|first|second|third|\w+th|zéro|deux|trois|"
    r"quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|"
    r"trente|quarante|cinquante|soixante|cents?|mille|milliers?|milliards?|moitié|"
    r"douzaines?|demie?|doubl\w*|tripl\w*|quadrupl\w*|premi[eè]re?s?|seconde?s?|\w+ièmes?|"
    r"\w+iers?)\b",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"\b[IVXLC]{2,}")  # XXIe siècle, the XXI century


def _may_count(text: str) -> bool:
    return _MAY_COUNT.search(text) is not None or _ROMAN.search(text) is not None


def _side(sentences: Sequence[Sentence], lang: str) -> tuple[_Side, list, list[Token]]:
    """Content words of a side (quantities taken out) and its quantities with sentence ids."""
    words: list[Token] = []
    quantities: list[tuple[int, object]] = []
    for sentence in sentences:
        found = extract_quantities(sentence.text, lang) if _may_count(sentence.text) else []
        covered = [(q.start, q.end) for q in found]
        quantities += [(sentence.index, q) for q in found]
        for token in tokenise(sentence.text, lang, sentence.index, split_hyphens=True):
            if any(a <= token.start < b or a < token.end <= b for a, b in covered):
                continue
            if token.content:
                words.append(token)
    kept, overflow = words[:MAX_WORDS], words[MAX_WORDS:]
    n = max(1, len(kept) - 1)
    return _Side(kept, [i / n for i in range(len(kept))], overflow), quantities, words


def _number_links(en_q: list, fr_q: list) -> list[WordLink]:
    links = []
    used: set[int] = set()
    for en_sentence, quantity in en_q:
        match = next(
            (
                k
                for k, (_, other) in enumerate(fr_q)
                if k not in used and same_quantity(quantity, other)
            ),
            None,
        )
        if match is None:
            links.append(
                WordLink(en_sentence, (quantity.start, quantity.end), None, None, 0.0, "none")
            )
            continue
        used.add(match)
        fr_sentence, other = fr_q[match]
        links.append(
            WordLink(
                en_sentence,
                (quantity.start, quantity.end),
                fr_sentence,
                (other.start, other.end),
                NUMBER_SCORE,
                "number",
            )
        )
    return links


# --- cheap evidence -------------------------------------------------------------------------


def _with_french_ending(word: str) -> str:
    for english, french in _ENDINGS:
        if word.endswith(english) and len(word) - len(english) >= 3:
            return word[: -len(english)] + french
    return word


def cognate_matrix(en: Sequence[Token], fr: Sequence[Token]) -> np.ndarray:
    """rapidfuzz ratio (0–1) of every English × French word, the English mapped to French
    endings first; pairs of short words or with different first letters score 0."""
    if not en or not fr:
        return np.zeros((len(en), len(fr)), dtype=np.float32)
    en_forms = [_with_french_ending(fold(t.lemma)) for t in en]
    en_plain = [fold(t.lower) for t in en]
    fr_forms = [fold(t.lemma) for t in fr]
    fr_plain = [t.folded for t in fr]
    scores = np.maximum(
        cdist(en_forms, fr_forms, scorer=fuzz.ratio, dtype=np.float32),
        cdist(en_plain, fr_plain, scorer=fuzz.ratio, dtype=np.float32),
    )
    scores /= 100.0
    en_long = np.array([len(e) >= 4 for e in en_plain])
    fr_long = np.array([len(f) >= 4 for f in fr_plain])
    en_first = np.array([e[:1] for e in en_plain])
    fr_first = np.array([f[:1] for f in fr_plain])
    usable = np.outer(en_long, fr_long) & (en_first[:, None] == fr_first[None, :])
    return np.where(usable, scores, np.float32(0.0))


def _lexicon_candidates(
    en: Sequence[Token], fr: Sequence[Token], lexicon: Bilingual
) -> list[_Candidate]:
    """Dictionary evidence: a French word or phrase among an English word's renderings."""
    if not lexicon:
        return []
    fr_words = [(fold(t.lower), fold(t.lemma)) for t in fr]
    found = []
    for i, token in enumerate(en):
        renderings = lexicon.renderings(token.lemma, token.lower)
        if not renderings:
            continue
        singles = {fold(r) for r in renderings if " " not in r and "'" not in r}
        for j, (surface, lemma_form) in enumerate(fr_words):
            if surface in singles or lemma_form in singles:
                found.append(_Candidate(LEXICON_SCORE, "lexicon", i, (j, j)))
        for phrase in renderings:
            words = [w for w in fold(phrase).replace("'", "' ").split() if w]
            if len(words) < 2:
                continue
            span = _find_phrase(words, fr)
            if span is not None:
                found.append(_Candidate(LEXICON_SCORE, "lexicon", i, span))
    return found


def _find_phrase(words: list[str], fr: Sequence[Token]) -> tuple[int, int] | None:
    """First and last content-word index of a dictionary phrase in the French content
    words, matching its content words in order ("en réalité" → "réalité")."""
    content = [w for w in words if w not in {"en", "de", "d'", "la", "le", "les", "l'", "a"}]
    if not content:
        return None
    folded = [t.folded for t in fr]
    for start in range(len(folded) - len(content) + 1):
        if folded[start : start + len(content)] == content:
            return start, start + len(content) - 1
    return None


def _cheap_candidates(en: _Side, fr: _Side, lexicon: Bilingual) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    cognates = cognate_matrix(en.tokens, fr.tokens)
    fr_names = [t.text for t in fr.tokens if t.capitalised or t.acronym]
    for i, e in enumerate(en.tokens):
        for j, f in enumerate(fr.tokens):
            if len(e.folded) >= 2 and e.folded == f.folded:
                candidates.append(_Candidate(IDENTICAL_SCORE, "identical", i, (j, j)))
            elif fold(e.lemma) == fold(f.lemma) and len(e.lemma) >= 3:
                candidates.append(_Candidate(LEMMA_SCORE, "lemma", i, (j, j)))
            elif cognates[i, j] >= COGNATE_MIN:
                candidates.append(_Candidate(float(cognates[i, j]), "cognate", i, (j, j)))
        if (e.capitalised or e.acronym) and fr_names:
            best, score = token_match(e.text, fr_names, _NAME_CONFIG)
            if score >= NAME_MIN:
                for j, f in enumerate(fr.tokens):
                    if f.text == best:
                        candidates.append(_Candidate(score / 100.0, "name", i, (j, j)))
    candidates += _lexicon_candidates(en.tokens, fr.tokens, lexicon)
    return candidates


class _NameConfig:
    """What `names.token_match` reads of a CheckConfig (it only passes it on)."""

    name_match_score = NAME_MIN


_NAME_CONFIG = _NameConfig()


# --- assignment ---------------------------------------------------------------------------


def _assign(work: BeadWork, candidates: list[_Candidate]) -> None:
    """Greedy one-to-one: best score (position prior included) first."""

    def priority(c: _Candidate) -> float:
        en_position = work.en.positions[c.en]
        fr_position = work.fr.positions[c.fr[0]]
        return c.score - POSITION_WEIGHT * abs(en_position - fr_position)

    for candidate in sorted(candidates, key=priority, reverse=True):
        span = range(candidate.fr[0], candidate.fr[1] + 1)
        if candidate.en in work.links or any(j in work.fr_used for j in span):
            continue
        work.links[candidate.en] = candidate
        work.fr_used.update(span)


def start_bead(
    fr: Sequence[Sentence], en: Sequence[Sentence], lexicon: Bilingual | None = None
) -> BeadWork:
    """Numbers and every cheap kind of evidence for one bead."""
    lexicon = wide_bilingual() if lexicon is None else lexicon
    en_side, en_q, _ = _side(en, "en")
    fr_side, fr_q, _ = _side(fr, "fr")
    work = BeadWork(
        en_sentences=tuple(en),
        fr_sentences=tuple(fr),
        en=en_side,
        fr=fr_side,
        number_links=_number_links(en_q, fr_q),
        links={},
        fr_used=set(),
    )
    _assign(work, _cheap_candidates(en_side, fr_side, lexicon))
    return work


def encoder_text(token: Token) -> str:
    """What the encoder sees of a word: its lemma, so that the inflected forms of a word
    share one vector (fewer texts to embed, the same meaning)."""
    return token.lemma


def _for_encoder(tokens: Sequence[Token], indices: Sequence[int]) -> list[int]:
    """The open words the encoder may link: names are left to the name evidence (a vector of
    an unknown name says little), and so are acronyms and words of one letter; capitalised
    common words ("Prime Minister", "Conseil") are terms and go to the encoder."""
    return [i for i in indices if _encodable(tokens[i])]


def _encodable(token: Token) -> bool:
    if len(token.lemma) < 2 or token.acronym:
        return False
    return not token.name_like or zipf(token.lower, token.lang) >= TERM_COMMON_ZIPF


def finish_bead(work: BeadWork, vectors: dict[str, np.ndarray] | None) -> tuple[WordLink, ...]:
    """Encoder links for the words left, multi-word terms, then the bead's links in order."""
    open_en = _for_encoder(work.en.tokens, work.open_english())
    open_fr = _for_encoder(work.fr.tokens, work.open_french())
    if vectors is not None and open_en and open_fr:
        en_vectors = np.stack([vectors[encoder_text(work.en.tokens[i])] for i in open_en])
        fr_vectors = np.stack([vectors[encoder_text(work.fr.tokens[j])] for j in open_fr])
        similarity = en_vectors @ fr_vectors.T
        candidates = [
            _Candidate(float(similarity[a, b]), "encoder", i, (j, j))
            for a, i in enumerate(open_en)
            for b, j in enumerate(open_fr)
            if similarity[a, b] >= ENCODER_MIN
        ]
        _assign(work, candidates)
    return _links(work)


# --- multi-word terms ---------------------------------------------------------------------


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Only spaces (or a hyphen) between two words of the same sentence."""
    return left.sentence == right.sentence and text[left.end : right.start].strip(" -") == ""


def _terms(work: BeadWork) -> list[list[int]]:
    """Runs of English content-word indices that form one term."""
    tokens = work.en.tokens
    texts = {s.index: s.text for s in work.en_sentences}

    def institutional(i: int) -> bool:
        token, link = tokens[i], work.links.get(i)
        if not token.capitalised or token.acronym or link is None or link.by == "name":
            return False
        if link.by == "identical" and not _dictionary_word(token.lower):
            return False  # a name kept as it is: "Anton", "Vladimir"
        return zipf(token.lower, "en") >= TERM_COMMON_ZIPF

    def joined(i: int, k: int) -> bool:
        text = texts[tokens[k].sentence]
        return _adjacent(text, tokens[i], tokens[k]) or _joined_by_of(text, tokens[i], tokens[k])

    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(len(tokens)):
        if institutional(i) and current and joined(current[-1], i):
            current.append(i)
            continue
        runs.append(current)
        current = [i] if institutional(i) else []
    runs.append(current)
    # a term was translated: at least one of its words is rendered by other means than an
    # identical string ("President Vladimir" is two words kept as they are, not a term)
    runs = [
        run
        for run in runs
        if len(run) >= 2 and any(work.links[i].by not in ("identical", "name") for i in run)
    ]
    in_runs = {i for run in runs for i in run}
    # noun compounds: two adjacent lower-case words whose French counterparts come in the
    # reverse order, close together ("fuel market" → "marché des carburants")
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if i in in_runs or i + 1 in in_runs or a.capitalised or b.capitalised:
            continue
        la, lb = work.links.get(i), work.links.get(i + 1)
        if la is None or lb is None or not _adjacent(texts[a.sentence], a, b):
            continue
        fa, fb = work.fr.tokens[la.fr[0]], work.fr.tokens[lb.fr[0]]
        if fa.sentence == fb.sentence and 0 < la.fr[0] - lb.fr[1] <= 3:
            runs.append([i, i + 1])
            in_runs |= {i, i + 1}
    return runs


def _dictionary_word(word: str) -> bool:
    """An English word of the dictionary (or, without it, a very common one): "union",
    "council" — not a given name such as "anton"."""
    return word in wide_bilingual().en_fr or zipf(word, "en") >= 4.5


def _joined_by_of(text: str, left: Token, right: Token) -> bool:
    """ "Ministry of Foreign Affairs", "Council for Strategic Development"."""
    between = text[left.end : right.start].strip().lower()
    return left.sentence == right.sentence and between in {"of", "for", "of the", "and"}


def _term_link(work: BeadWork, run: list[int]) -> WordLink | None:
    tokens = work.en.tokens
    linked = [work.links[i] for i in run if i in work.links]
    if len(linked) < len(run):
        return None
    fr_first = min(c.fr[0] for c in linked)
    fr_last = max(c.fr[1] for c in linked)
    first, last = work.fr.tokens[fr_first], work.fr.tokens[fr_last]
    if first.sentence != last.sentence:
        return None
    if fr_last - fr_first + 1 > TERM_SPAN_PER_WORD * len(run) + TERM_SPAN_SLACK:
        return None
    strength = ["identical", "number", "lemma", "name", "lexicon", "cognate", "encoder"]
    weakest = max(linked, key=lambda c: strength.index(c.by))
    score = sum(c.score for c in linked) / len(linked)
    return WordLink(
        tokens[run[0]].sentence,
        (tokens[run[0]].start, tokens[run[-1]].end),
        first.sentence,
        (first.start, last.end),
        score,
        weakest.by,
    )


# --- output -------------------------------------------------------------------------------


def _links(work: BeadWork) -> tuple[WordLink, ...]:
    out: list[WordLink] = list(work.number_links)
    merged: set[int] = set()
    for run in _terms(work):
        term = _term_link(work, run)
        if term is not None:
            out.append(term)
            merged.update(run)
    for i, token in enumerate(work.en.tokens):
        if i in merged:
            continue
        candidate = work.links.get(i)
        if candidate is None:
            out.append(WordLink(token.sentence, (token.start, token.end), None, None, 0.0, "none"))
            continue
        first = work.fr.tokens[candidate.fr[0]]
        last = work.fr.tokens[candidate.fr[1]]
        out.append(
            WordLink(
                token.sentence,
                (token.start, token.end),
                first.sentence,
                (first.start, last.end if last.sentence == first.sentence else first.end),
                candidate.score,
                candidate.by,
            )
        )
    for token in work.en.overflow:
        out.append(WordLink(token.sentence, (token.start, token.end), None, None, 0.0, "none"))
    return tuple(sorted(out, key=lambda link: (link.en_sentence, link.en_span)))


def link_event(
    fr: Sequence[Sentence],
    en: Sequence[Sentence],
    beads: Sequence[Bead],
    encoder: Encoder | None,
) -> tuple[tuple[WordLink, ...], ...]:
    """The word links of every bead of an event (an empty tuple for a gap bead)."""
    lexicon = wide_bilingual()
    works: list[BeadWork | None] = []
    for bead in beads:
        if not (bead.fr and bead.en):
            works.append(None)
            continue
        works.append(
            start_bead([fr[i] for i in bead.fr], [en[i] for i in bead.en], lexicon=lexicon)
        )
    vectors = _embed_open_words([w for w in works if w is not None], encoder)
    return tuple(() if work is None else finish_bead(work, vectors) for work in works)


def _embed_open_words(
    works: Sequence[BeadWork], encoder: Encoder | None
) -> dict[str, np.ndarray] | None:
    """Every word the cheap evidence left open, of every bead, in one encoder call."""
    if encoder is None:
        return None
    texts: list[str] = []
    for work in works:
        open_en = _for_encoder(work.en.tokens, work.open_english())
        open_fr = _for_encoder(work.fr.tokens, work.open_french())
        if open_en and open_fr:
            texts += [encoder_text(work.en.tokens[i]) for i in open_en]
            texts += [encoder_text(work.fr.tokens[j]) for j in open_fr]
    unique = list(dict.fromkeys(texts))
    if not unique:
        return {}
    vectors = np.asarray(encoder.encode(unique), dtype=np.float32)
    return dict(zip(unique, vectors, strict=True))
