"""Likely mistranslations: beads far less similar than their event's usual, negation on one
side only, and English left untranslated in the French."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import (
    bead_similarities,
    distribution,
    embed,
    en_text,
    fr_text,
    one_line,
    similarity,
    words,
)
from align.checks.spelling import lemmatiser_knows
from align.model import TRANSLATION_SENTENCE_KINDS, Finding, FindingType, Severity, finding_id
from align.words.lexicon import (
    english_acronyms,
    english_forms,
    french_forms,
    function_words,
    loanwords,
    wide_bilingual,
    zipf,
)
from align.words.tokens import Token, fold, short_quotes, tokenise

# --- similarity far below the event's own ----------------------------------------------------


class MistranslationCheck:
    """Beads whose similarity is an outlier of the event's distribution of bead similarities."""

    name = "mistranslation"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        scores = bead_similarities(data)
        stats = distribution(scores, self.config)
        findings = []
        for position, (bead, score) in enumerate(zip(data.beads, scores, strict=True)):
            if score is None:
                continue
            z = stats.z(score)
            if (
                z >= self.config.mistranslation_z
                or score >= stats.median - self.config.mistranslation_gap
            ):
                continue
            if self._part_is_translated(data, bead, stats):
                continue  # one sentence of the bead is fine: an omission, reported as such
            french, english = fr_text(data, bead), en_text(data, bead)
            orphan = self._orphan(data, position, bead)
            if orphan is not None:
                findings.append(orphan)
                continue
            severity = Severity.HIGH if score < 0.2 else Severity.MEDIUM
            confidence = min(0.95, 0.5 + 0.05 * (self.config.mistranslation_z - z))
            findings.append(
                Finding(
                    id=finding_id(FindingType.MISTRANSLATION, "similarity", french, english),
                    type=FindingType.MISTRANSLATION,
                    severity=severity,
                    confidence=round(confidence, 3),
                    fr=bead.fr,
                    en=bead.en,
                    message=f"French and English say different things here: similarity "
                    f"{score:.2f}, far below this event's median {stats.median:.2f} "
                    f"(robust z {z:.1f})",
                    details={
                        "reason": "low_similarity",
                        "similarity": round(score, 3),
                        "robust_z": round(z, 2),
                        "event_distribution": stats.to_json(),
                        "fr_text": french,
                        "en_text": english,
                        "z_threshold": self.config.mistranslation_z,
                    },
                )
            )
        return findings

    def _orphan(self, data: CheckInput, position: int, bead) -> Finding | None:
        """A badly matched bead whose English has no counterpart in any French nearby: the
        aligner paired an untranslated sentence with whatever was next, so it is an omission."""
        encoder = data.encoder
        if encoder is None or len(bead.en) != 1:
            return None
        english = en_text(data, bead)
        if len(words(english)) <= self.config.short_sentence_words:
            return None
        lo = max(0, position - self.config.neighbour_beads)
        hi = min(len(data.beads), position + self.config.neighbour_beads + 1)
        nearby = [i for b in data.beads[lo:hi] for i in b.fr]
        if not nearby:
            return None
        texts = [data.fr[i].text for i in nearby]
        texts += [f"{a} {b}" for a, b in itertools.pairwise(texts)]
        vectors = encoder.encode([english, *texts])
        best = float(np.max(vectors[1:] @ vectors[0]))
        if best >= self.config.covered_similarity:
            return None
        # and the bead's French belongs to another English sentence nearby: a shifted pairing
        others = [i for b in data.beads[lo:hi] for i in b.en if i not in bead.en]
        if not others:
            return None
        vectors = encoder.encode([fr_text(data, bead), *(data.en[i].text for i in others)])
        if float(np.max(vectors[1:] @ vectors[0])) < self.config.covered_similarity:
            return None  # the French is about something else entirely: a mistranslation
        return Finding(
            id=finding_id(FindingType.OMISSION, english),
            type=FindingType.OMISSION,
            severity=Severity.MEDIUM,
            confidence=round(min(0.9, 0.5 + (self.config.covered_similarity - best)), 3),
            fr=(),
            en=bead.en,
            message=f"English sentence has no French counterpart nearby (best similarity "
            f"{best:.2f}); the aligner paired it with unrelated French: "
            f"“{one_line(english, 60)}”",
            details={
                "reason": "no_counterpart_nearby",
                "best_nearby_similarity": round(best, 3),
                "paired_fr": list(bead.fr),
                "covered_similarity_threshold": self.config.covered_similarity,
            },
        )

    def _part_is_translated(self, data: CheckInput, bead, stats) -> bool:
        if data.encoder is None or (len(bead.fr) < 2 and len(bead.en) < 2):
            return False
        french, english = fr_text(data, bead), en_text(data, bead)
        pairs = [(french, data.en[i].text) for i in bead.en if len(bead.en) > 1]
        pairs += [(data.fr[i].text, english) for i in bead.fr if len(bead.fr) > 1]
        floor = stats.median - self.config.mistranslation_gap
        return any(similarity(data.encoder, a, b) >= floor for a, b in pairs)


# --- negation on one side only -----------------------------------------------------------------

# "ne" and its second word within one clause of the sentence (never across . ; ! ?)
_FR_NE = re.compile(
    r"\b(?:ne|n[’'])\s*(?:[^\s.;!?]+\s+){0,4}?"
    r"(pas|jamais|plus|rien|aucune?|personne|nullement|guère|point|nulle\s+part)\b"
    # "pas mal", "pas moins" are not negations of the verb, nor the litote "ne serait pas de
    # trop" (would be welcome). ("Ne pas manquer de" stays one: English says "not fail to".)
    r"(?!\s+(?:mal|moins|de\s+trop)\b)",
    re.IGNORECASE,
)

# literary negation without "pas": "je ne pouvais me souvenir", "il n'osait répondre"
# (pouvoir in every tense: peut, peux, peuvent, pouvait, pourra, puis, puisse; savoir: sait,
# saurait, sache; oser; cesser)
_FR_NE_ALONE = re.compile(
    r"\b(?:ne|n[’'])\s*(?:[^\s.;!?]+\s+)?(pou|peu[tvx]|puis|sa|os|cess)\w*", re.IGNORECASE
)
_FR_ALONE = re.compile(r"\b(sans|aucune?|jamais|ni|non\s+plus|non)\b(?!-)", re.IGNORECASE)
_EN_NEG = re.compile(
    r"\b(not|never|none|nothing|nobody|nowhere|neither|nor|without|cannot|no|hardly|"
    r"scarcely|barely|less\s+than)\b(?!\.\s*\d)"
    r"|\b\w+(n\s?[’']\s?t)\b",
    re.IGNORECASE,
)
# Words that say "not" by their meaning: "unable", "fail to", "far from everyone";
# "impossible", "faute de". They answer a negation of the other side (no flip), but are no
# negation of the words after them (the direction and qualifier checks read the scopes of the
# grammatical ones only: "impossible" is itself the opposite of "possible").
_NEGATING_WORDS = {
    "en": re.compile(
        r"\b(?:unable|impossible|fail(?:s|ed|ing)?\s+to|lack(?:s|ed|ing)?"
        r"|far\s+from\s+(?:being|every\w*|all|it|perfect|ideal|easy|simple|clear|certain"
        r"|enough|sufficient|complete|over|the\s+(?:case|truth|only|best|end)))\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:impossibles?|incapables?)(?![\w-])|\bfaute\s+d(?:e\b|[’'])", re.IGNORECASE
    ),
}
# not a negation of the statement: "not only … but", "if not", "of course not", "no doubt"
_EN_NOT_NEGATION = re.compile(
    r"\bnot\s+only\b|\bif\s+not\b|\bno\s+doubt\b|\bnot\s+a\s+little\b", re.IGNORECASE
)


def french_negations(text: str) -> list[str]:
    cleaned = re.sub(r"\bn[’']est-ce\s+pas\b|\bn[’']importe\b", " ", text, flags=re.IGNORECASE)
    found = [m.group(0) for m in _FR_NE.finditer(cleaned)]
    rest = _FR_NE.sub(" ", cleaned)
    # "ne … que" (only) is restrictive, not a negation; what is left of "ne" is literary
    rest_no_que = re.sub(r"\b(?:ne|n[’'])\s[^.;!?]{0,60}?\bque?\b", " ", rest, flags=re.I)
    found += [m.group(0) for m in _FR_NE_ALONE.finditer(rest_no_que)]
    found += [m.group(0) for m in _FR_ALONE.finditer(_FR_NE_ALONE.sub(" ", rest_no_que))]
    return found


def english_negations(text: str) -> list[str]:
    cleaned = _EN_NOT_NEGATION.sub(" ", text)
    return [m.group(0) for m in _EN_NEG.finditer(cleaned)]


def negating_words(text: str, lang: str) -> list[str]:
    """Words that negate by their meaning (`_NEGATING_WORDS`): they answer a negation of the
    other side in the negation check."""
    return [m.group(0) for m in _NEGATING_WORDS[lang].finditer(text)]


_EN_VERBAL = re.compile(r"\b(not|never|cannot)\b|\w(n\s?[’']\s?t)\b", re.IGNORECASE)


def verbal_negations(text: str, side: str) -> list[str]:
    """Negations of a verb ("ne … pas", "not", "n't"): what a flip changes. Words like "no",
    "sans", "aucun" count as negation on the other side but do not raise a finding alone,
    being too often rendered by a positive paraphrase."""
    if side == "fr":
        cleaned = re.sub(r"\bn[’']est-ce\s+pas\b", " ", text, flags=re.IGNORECASE)
        return [m.group(0) for m in _FR_NE.finditer(cleaned)]
    return [m.group(0) for m in _EN_VERBAL.finditer(_EN_NOT_NEGATION.sub(" ", text))]


class NegationCheck:
    """A negation on one side of a bead and none on the other."""

    name = "negation"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        findings = []
        scores = bead_similarities(data)
        stats = distribution(scores, self.config)
        for bead, score in zip(data.beads, scores, strict=True):
            if not (bead.fr and bead.en):
                continue
            french, english = fr_text(data, bead), en_text(data, bead)
            fr_neg = french_negations(french) + negating_words(french, "fr")
            en_neg = english_negations(english) + negating_words(english, "en")
            if bool(fr_neg) == bool(en_neg):
                continue
            if not (verbal_negations(french, "fr") or verbal_negations(english, "en")):
                continue
            match = self._clause_match(data, french, english, bool(fr_neg))
            if match is not None and match[0] < self.config.negation_clause_similarity:
                z = stats.z(score) if score is not None else 0.0
                if z > self.config.negation_low_z:
                    continue  # a loose paraphrase, not a flipped statement
            if fr_neg:
                message = f"The French negates (“{fr_neg[0]}”) where the English does not"
            else:
                message = f"The English negates (“{en_neg[0]}”) where the French does not"
            findings.append(
                Finding(
                    id=finding_id(FindingType.MISTRANSLATION, "negation", french, english),
                    type=FindingType.MISTRANSLATION,
                    severity=Severity.MEDIUM,
                    confidence=0.6,
                    fr=bead.fr,
                    en=bead.en,
                    message=message,
                    details={
                        "reason": "negation",
                        "fr_negations": fr_neg,
                        "en_negations": en_neg,
                        "fr_text": french,
                        "en_text": english,
                        "negated_clause_match": None if match is None else round(match[0], 3),
                        "negated_clause": None if match is None else match[1],
                        "bead_similarity": None if score is None else round(score, 3),
                    },
                )
            )
        return findings

    def _clause_match(
        self, data: CheckInput, french: str, english: str, french_negates: bool
    ) -> tuple[float, str] | None:
        """How well the clause carrying the negation matches its best run of clauses on the
        other side: a flipped statement keeps the rest of the clause, so it matches well; a
        loose paraphrase does not. None without an encoder or a clause to judge."""
        from align.checks.omissions import french_parts, french_runs, split_clauses

        if data.encoder is None or self.config.negation_clause_similarity <= 0:
            return None
        if french_negates:
            clauses = french_parts(french, 1) or [french]
            runs = [
                " ".join(c[a:z])
                for c in [split_clauses(english, self.config.clause_min_words)]
                for a in range(len(c))
                for z in range(a + 1, len(c) + 1)
            ]
            side = "fr"
        else:
            clauses = split_clauses(english, self.config.clause_min_words)
            runs = french_runs(french)
            side = "en"
        negated = next((c for c in clauses if verbal_negations(c, side)), None)
        if negated is None or not runs:
            return None
        vectors = embed(data.encoder, [negated, *runs])
        best = max(float(vectors[negated] @ vectors[r]) for r in runs)
        return best, negated


# --- English left in the French -------------------------------------------------------------


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN_STOP = _word_set(
    """the and of to is are was were that this these those with for from have has had will
    would we our you your they their it its be been not but which who what there here on in
    at by as an or also can should must shall very more about into than then them us my he
    she his her do does did been being just only all any every such"""
)
_FR_STOP = _word_set(
    """le la les de des du et est sont était que qui nous vous ils elles il elle une un dans
    pour avec sur par au aux ce cette ces son sa ses leur leurs notre nos votre vos pas ne
    plus mais ou donc car je tu on se sont été être avoir ont fait comme très tout tous
    aussi entre où dont lui même"""
)
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class LanguageEvidence:
    english: list[str]
    french: list[str]
    counted: int


def language_evidence(text: str) -> LanguageEvidence:
    """Stopwords of each language among the lower-case words, quotes and names left out."""

    def short_quote(match: re.Match[str]) -> str:
        return " " if len(words(match.group(0))) <= 8 else match.group(0)

    stripped = _QUOTED.sub(short_quote, text)
    tokens = [w.casefold() for w in words(stripped) if w[:1].islower()]
    return LanguageEvidence(
        english=[t for t in tokens if t in _EN_STOP],
        french=[t for t in tokens if t in _FR_STOP or "’" in t or "'" in t],
        counted=len(tokens),
    )


class UntranslatedCheck:
    """French translation sentences that are in fact English, and English words left inside
    a French sentence ("le Board a décidé")."""

    name = "untranslated"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG) -> None:
        self.config = config

    def run(self, data: CheckInput) -> list[Finding]:
        partner: dict[int, str] = {}
        for bead in data.beads:
            for i in bead.fr:
                partner[i] = en_text(data, bead)
        findings = []
        for sentence in data.fr:
            if sentence.kind not in TRANSLATION_SENTENCE_KINDS:
                continue
            evidence = language_evidence(sentence.text)
            english = partner.get(sentence.index, "")
            copied = (
                bool(english)
                and fuzz.ratio(sentence.text, english) >= 90
                and not _only_names(sentence.text)
            )
            english_like = (
                evidence.counted >= self.config.untranslated_min_words
                and len(evidence.english) >= 3
                and len(evidence.english)
                >= self.config.untranslated_english_ratio * evidence.counted
                and len(evidence.english) > 2 * len(evidence.french)
            )
            en_ids = tuple(b for bead in data.beads if sentence.index in bead.fr for b in bead.en)
            if not (copied or english_like):
                findings += self._words(sentence, english, en_ids)
                continue
            findings.append(
                Finding(
                    id=finding_id(FindingType.UNTRANSLATED, sentence.text),
                    type=FindingType.UNTRANSLATED,
                    severity=Severity.MEDIUM,
                    confidence=0.9 if copied else 0.75,
                    fr=(sentence.index,),
                    en=en_ids,
                    message="English left untranslated in the French: "
                    f"“{one_line(sentence.text, 70)}”",
                    details={
                        "english_stopwords": evidence.english,
                        "french_stopwords": evidence.french,
                        "words_counted": evidence.counted,
                        "copied_from_english": copied,
                    },
                )
            )
        return findings

    def _words(self, sentence, english: str, en_ids: tuple[int, ...]) -> list[Finding]:
        """English words inside a French sentence, one finding per run of them."""
        findings = []
        for run in english_word_runs(sentence.text, english, self.config):
            words = " ".join(w.token.text for w in run)
            strong = run_is_strong(run)
            first, last = run[0].token, run[-1].token
            findings.append(
                Finding(
                    id=finding_id(FindingType.UNTRANSLATED, "words", words, sentence.text),
                    type=FindingType.UNTRANSLATED,
                    severity=Severity.MEDIUM if strong else Severity.LOW,
                    confidence=0.7 if strong else 0.4,
                    fr=(sentence.index,),
                    en=en_ids,
                    message=_untranslated_message(run, words),
                    details={
                        "reason": "english_words",
                        "fr_word": {
                            "sentence": sentence.index,
                            "span": [first.start, last.end],
                            "text": sentence.text[first.start : last.end],
                        },
                        "words": [
                            {
                                "text": w.token.text,
                                "en_zipf": round(w.en_zipf, 2),
                                "fr_zipf": round(w.fr_zipf, 2),
                                "in_english_sentence": w.copied,
                                "loanword": w.loanword,
                                "french_acronym": w.acronym_fr,
                            }
                            for w in run
                        ],
                        "word_lists": "wordfreq en/fr (large); align/lexicons/loanwords.tsv",
                        "zipf_threshold": self.config.untranslated_word_zipf,
                        "zipf_margin": self.config.untranslated_word_margin,
                    },
                )
            )
        return findings


def _only_names(text: str) -> bool:
    """A sentence of names alone ("Dmitri Peskov", a speaker label): the same in both
    languages, so copying it leaves no English in the French."""
    tokens = [t for t in tokenise(text, "fr") if not t.numeric]
    return all(t.capitalised and zipf(t.lower, "en") < 3.5 for t in tokens)


def _untranslated_message(run: Sequence[EnglishWord], words: str) -> str:
    if len(run) == 1 and run[0].acronym_fr:
        return f"English acronym “{words}” left in the French (French: “{run[0].acronym_fr}”)"
    plural = "words" if len(run) > 1 else "word"
    message = f"English {plural} “{words}” left untranslated in the French"
    if not run[0].copied:
        message += " (not in the English sentence: check it)"
    return message


@dataclass(frozen=True)
class EnglishWord:
    token: Token
    en_zipf: float
    fr_zipf: float
    copied: bool  # the same word is in the bead's English
    loanword: bool = False  # French uses it too: an error only inside a longer English run
    acronym_fr: str | None = None  # an English acronym: the French one it should be


def english_word_runs(french: str, english: str, config: CheckConfig) -> list[list[EnglishWord]]:
    """Runs of consecutive English words in a French sentence: English acronyms French
    replaces ("du GDP"), common English words that are not French ones ("le Board"),
    established loanwords when they stand inside a longer English run ("business leaders"),
    and English names copied from the English ("le Security Council", "Channel One",
    "Secretary-General"). Short quotations, names and acronyms French keeps are left out."""
    english_tokens = (
        *tokenise(english, "en"),
        *tokenise(english, "en", split_hyphens=True),
    )
    english_words = {t.folded for t in english_tokens} | {fold(t.lemma) for t in english_tokens}
    english_as_written = {t.text for t in english_tokens}
    # words the English only writes as names (capitalised inside the sentence)
    english_names = frozenset(
        {t.folded for t in english_tokens if t.name_like}
        - {t.folded for t in english_tokens if not t.name_like}
    )
    english_folded = _phrase_form(english)
    quoted = short_quotes(french)
    tokens = french_words(french, english_words)
    # stretches of two or more English words inside capitalised runs are names; a lone
    # capitalised English word ("Ô Mouse") is judged as a word
    stretches = [
        stretch
        for first, last in _capitalised_runs(tokens)
        for stretch in _english_parts(tokens, first, last, config)
        if sum(t.lower not in _JOINERS for t in tokens[stretch[0] : stretch[1] + 1]) >= 2
    ]
    in_runs = {k for first, last in stretches for k in range(first, last + 1)}
    runs: list[list[EnglishWord]] = []
    current: list[EnglishWord] = []
    for position, token in enumerate(tokens):
        word = None
        if position not in in_runs:
            determined = (
                position > 0 and tokens[position - 1].lower.replace("’", "'") in _DETERMINERS
            )
            word = _english_word(
                token,
                english_words,
                english_as_written,
                quoted,
                config,
                english_names,
                determined,
            )
        if word is not None:
            current.append(word)
            continue
        if current and token.lower in _JOINERS:
            continue  # English function words join a run
        runs.append(current)
        current = []
    runs.append(current)
    found = [run for run in runs if _is_error(run)]
    for start, end in stretches:
        name = _english_name(french, tokens, start, end, english_folded, quoted, config)
        if name:
            found.append(name)
    return sorted(found, key=lambda run: run[0].token.start)


def _phrase_form(text: str) -> str:
    """A text folded for phrase comparison: accents, case and punctuation away
    ("Secretary-General" and "secretary general" are the same phrase)."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def french_words(
    french: str, english_words: set[str] | frozenset[str] = frozenset()
) -> list[Token]:
    """The words of a French sentence, a hyphenated word cut into its parts when it is no
    French word or loanword and each part is a word of its own ("Secretary-General",
    "Anti-Monopoly", "chestnut-tree"); French compounds ("cessez-le-feu", "week-end") and
    hyphenated names ("Thunder-ten-tronckh", "Kassym-Jomart") stay whole."""
    whole = tokenise(french, "fr")
    if not any("-" in t.text or "‐" in t.text for t in whole):
        return list(whole)
    parts = tokenise(french, "fr", split_hyphens=True)
    out: list[Token] = []
    for token in whole:
        if "-" not in token.text and "‐" not in token.text:
            out.append(token)
            continue
        inside = [p for p in parts if token.start <= p.start and p.end <= token.end]
        lower = token.lower
        french_compound = (
            lower in loanwords() or token.lemma in loanwords() or lemmatiser_knows(lower)
        )
        # a name: written with a capital or copied, and not every part a common English word
        name = (token.capitalised or token.folded in english_words) and not all(
            zipf(p.lower, "en") >= _ENGLISH_PART_ZIPF for p in inside
        )
        out.extend([token] if french_compound or name or len(inside) < 2 else inside)
    return out


#: A part of a hyphenated word counts as an English word from this English frequency.
_ENGLISH_PART_ZIPF = 3.0


_JOINERS = frozenset({"of", "and", "the", "for", "&"})
#: French determiners: a capitalised word right after one is a noun of the sentence ("la
#: Caterpillar", "le Footman"), not a name of its own ("Modi", "Gazprom").
_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "du", "des", "au", "aux", "un", "une", "son", "sa", "ses"}
    | {"ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "votre", "notre"}
)
#: French words after which a capitalised English phrase is a name the translation should
#: have rendered: "le Security Council", "du Federation Council", "les Russian Railways".
_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l'", "du", "des", "au", "aux"})


def _capitalised_runs(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, last) token positions of runs of two or more capitalised words (joined by
    "of", "and" …); a run may start with the sentence's first word."""
    runs = []
    position = 0
    while position < len(tokens):
        if not tokens[position].capitalised or tokens[position].function:
            position += 1
            continue
        last = position
        k = position + 1
        while k < len(tokens):
            if tokens[k].capitalised and not tokens[k].initial:
                last = k
                k += 1
            elif tokens[k].lower in _JOINERS and k + 1 < len(tokens) and tokens[k + 1].capitalised:
                k += 1
            else:
                break
        if last > position:
            runs.append((position, last))
        position = last + 1
    return runs


def _english_parts(
    tokens: Sequence[Token], first: int, last: int, config: CheckConfig
) -> list[tuple[int, int]]:
    """The stretches of a capitalised run made of common English words, cut at the names
    ("Eurasian Economic Commission" of "Eurasian Economic Commission Tigran Sarkissian");
    joiners ("of", "and") stay inside a stretch, never at its ends."""
    stretches: list[tuple[int, int]] = []
    start = None
    for k in range(first, last + 2):
        inside = k <= last and (
            tokens[k].lower in _JOINERS or zipf(tokens[k].lower, "en") >= _NAME_WORD_ZIPF
        )
        if inside and start is None and tokens[k].lower not in _JOINERS:
            start = k
        elif not inside and start is not None:
            end = k - 1
            while tokens[end].lower in _JOINERS:
                end -= 1
            stretches.append((start, end))
            start = None
    return stretches


#: A capitalised word counts as a common English word of a name from this English frequency
#: (wordfreq Zipf): "Eurasian", "Economic"; not "Tigran".
_NAME_WORD_ZIPF = 2.5


def _english_name(
    french: str,
    tokens: Sequence[Token],
    first: int,
    last: int,
    english_folded: str,
    quoted: list[tuple[int, int]],
    config: CheckConfig,
) -> list[EnglishWord] | None:
    """A stretch of capitalised words that is an English name the French should have
    translated: copied from the English, with no French word in it, and mostly English
    words — or half English words after a French article ("la Central Bank"); "Future
    Technologies Forum" (one English word in three) is a title kept as written."""
    words = [t for t in tokens[first : last + 1] if t.lower not in _JOINERS]
    if len(words) < 2 or any(a <= words[0].start < b for a, b in quoted):
        return None
    phrase = " ".join(_phrase_form(t.text) for t in tokens[first : last + 1])
    if f" {phrase} " not in f" {english_folded} ":
        return None
    frequencies = [(zipf(t.lower, "en"), zipf(t.lower, "fr")) for t in words]
    margin = config.untranslated_word_margin
    # English: far more common in English than in French, or a form Apertium's English
    # analyser knows and its French one does not ("Parliamentary", "Water", "Presidential")
    english_like = sum(
        (en >= _NAME_WORD_ZIPF and en - fr >= margin) or _english_not_french(t.lower)
        for t, (en, fr) in zip(words, frequencies, strict=True)
    )
    # a word only English has, and every other word one the English analyser knows as well
    # ("Presidential Aide", "Water Sports Palace"): the phrase is English as written
    english_forms_ = english_forms()
    if any(_english_not_french(t.lower) for t in words) and all(
        t.lower in english_forms_ for t in words
    ):
        english_like = len(words)
    elif any(fr - en >= margin for en, fr in frequencies):
        return None  # a French word in it: a French name ("la Banque Central")
    after_article = first > 0 and tokens[first - 1].lower.replace("’", "'") in _FRENCH_ARTICLES
    if 3 * english_like < 2 * len(words) and not (after_article and 2 * english_like >= len(words)):
        return None
    # inside the French sentence, right after a French word ("sur Channel One", "missiles
    # Intermediate-Range"); after a comma or a colon, or opening the sentence, it is a
    # title in apposition ("son nouveau monument, Worker and Collective Farm Woman")
    joined = first > 0 and french[tokens[first - 1].end : tokens[first].start].strip(" '’") == ""
    if not joined:
        return None
    return [EnglishWord(t, en, fr, True) for t, (en, fr) in zip(words, frequencies, strict=True)]


def _is_error(run: Sequence[EnglishWord]) -> bool:
    if not run:
        return False
    if len(run) == 1 and run[0].loanword:
        return False  # "le leader", "un week-end": French words of English origin
    return any(w.copied or not w.token.capitalised for w in run)


def _english_word(
    token: Token,
    english_words: set[str],
    english_as_written: set[str],
    quoted: list[tuple[int, int]],
    config: CheckConfig,
    english_names: frozenset[str] = frozenset(),
    determined: bool = False,
) -> EnglishWord | None:
    word = token.lower
    if any(a <= token.start < b for a, b in quoted) or token.numeric:
        return None
    if not token.capitalised and token.folded in english_names:
        return None  # a name in the English ("the Sins"), a common word in the French
    if token.acronym:
        french = english_acronyms().get(token.text)
        if french is None or not {token.text, token.text + "s"} & english_as_written:
            return None
        return EnglishWord(token, 0.0, 0.0, True, acronym_fr=french)
    if (
        len(word) < 3
        or token.function
        or word in function_words("en")  # joins a run ("Board of Directors"), never alone
        or not word.replace("-", "").isalpha()
    ):
        return None
    en_zipf, fr_zipf = zipf(word, "en"), zipf(word, "fr")
    loanword = word in loanwords() or token.lemma in loanwords()
    if (
        not loanword
        and token.lemma != word
        and zipf(token.lemma, "fr") >= 3.0
        and lemmatiser_knows(word)
    ):
        return None  # an inflected form of a French word ("candidates" of "candidat")
    copied = token.folded in english_words or fold(_english_lemma(word)) in english_words
    # Apertium's morphological dictionaries: a word form the English analyser knows and the
    # French one does not is English, however common on the French web ("team", "cow")
    analysed_english = (
        copied and len(word) >= 3 and _english_not_french(word) and not _compound_of_known(word)
    )
    # a lower-case word copied from the English that no French word list knows is English
    # however rare ("counterpane", "purificator"): the spelling check leaves it alone
    foreign = (
        copied
        and not token.capitalised
        and len(word) >= 4
        and (
            (en_zipf > 0 and fr_zipf < _RARE_IN_FRENCH and en_zipf >= fr_zipf)
            or (en_zipf >= config.untranslated_word_zipf and en_zipf - fr_zipf >= 0.3)
        )
        and not lemmatiser_knows(word)
        and not _compound_of_known(word)
    )
    foreign = foreign or (analysed_english and not token.capitalised)
    if (
        not loanword
        and not foreign
        and not (analysed_english and determined)
        and (
            en_zipf < config.untranslated_word_zipf
            or en_zipf - fr_zipf < config.untranslated_word_margin
        )
    ):
        return None
    if token.capitalised and not token.initial:
        # a capitalised word: an English common noun kept in a name ("le Board"), not a
        # name of its own ("Modi", "Gazprom")
        common_noun = copied and en_zipf >= 4.0 and _dictionary_word(word)
        # or after a French determiner, a word only the English analyser knows ("la
        # Caterpillar")
        if not (common_noun or (analysed_english and determined and _dictionary_word(word))):
            return None
    elif not copied and (
        loanword
        or en_zipf - fr_zipf < 2 * config.untranslated_word_margin
        or lemmatiser_knows(word)  # a French word too ("billion")
    ):
        return None  # not in the English sentence: only a clearly English common word counts
    return EnglishWord(token, en_zipf, fr_zipf, copied, loanword)


#: A word copied from the English and rarer than this in French (wordfreq Zipf) is no French
#: word ("goatee", "counterpane"); "coronavirus" is one.
_RARE_IN_FRENCH = 2.0


def _english_lemma(word: str) -> str:
    """The English lemma of a French-side word ("queens" → "queen")."""
    from align.words.tokens import lemma

    return lemma(word, "en")


def _compound_of_known(word: str) -> bool:
    from align.checks.spelling import compound_of_known

    return compound_of_known(word)


def _english_not_french(word: str) -> bool:
    """A form Apertium's English analysers know and its French ones do not (False without
    Apertium)."""
    french, english = french_forms(), english_forms()
    return bool(french) and word in english and word not in french


def _dictionary_word(word: str) -> bool:
    """A word of the English–French dictionary (without it: a very common English word)."""
    lexicon = wide_bilingual()
    return (bool(lexicon) and word in lexicon.en_fr) or zipf(word, "en") >= 4.5


def run_is_strong(run: Sequence[EnglishWord]) -> bool:
    """Medium severity: every word is in the English sentence, and the run is a single
    word or lower case ("le Board", "du GDP", "business leaders"); a capitalised run of
    several words may be a name kept in English ("le Financial Times")."""
    if not all(w.copied for w in run):
        return False
    return len(run) == 1 or not any(w.token.capitalised for w in run)
