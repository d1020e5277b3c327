"""The thresholds of the checks, in one frozen place that travels with every result."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class CheckConfig:
    """Thresholds of the omission, name and meaning checks.

    Similarities are cosines of the encoder's unit vectors (USE-multilingual: a translation
    scores ~0.6–0.9, unrelated text ~0.0–0.3). Where a threshold is relative it is measured
    against the event's own distribution of bead similarities, so a loose translation is not
    flagged everywhere and a tight one does not hide a bad bead.
    """

    # omission: an English sentence with no French is "covered" (a segmentation difference,
    # not an omission) when it is at least this similar to a neighbouring French bead and
    # adding it to that bead's English does not lower the bead's similarity by more than
    # `covered_merge_drop`.
    covered_similarity: float = 0.45
    covered_merge_drop: float = 0.03
    neighbour_beads: int = 2  # how many beads either side may cover an unmatched sentence
    # French beyond either end of the English original (it starts later or stops earlier):
    # a run of at least this many sentences is one `addition` ("english_stops"), not one
    # per sentence; a shorter run (a translator's closing note) stays ordinary additions.
    english_edge_min_sentences: int = 3
    short_sentence_words: int = 4  # "Thank you." and the like: low severity

    # a French line kept out of the alignment (caption, tag, dateline, unaligned heading)
    # excuses an English sentence only as a near-translation of it: similarity at least
    # `loose_similarity`, the line's best match among all English sentences, and at least
    # `loose_margin` closer to it than any aligned French bead is.
    loose_similarity: float = 0.6
    loose_margin: float = 0.1

    # omission inside a bead: the aligner often merges an untranslated English sentence
    # into a neighbour's bead (1-2, 2-3 …). A sentence (or run) at either end of a bead with
    # two or more English sentences is untranslated when it has at least `orphan_min_words`
    # words (shorter ones are too noisy to judge); its own similarity to the bead's French
    # and to the French's best run of clauses lie at least `orphan_below_median` /
    # `orphan_part_below_median` under the event's median bead similarity; the bead's other
    # English is at least `orphan_margin` more similar to the French than it is; and leaving
    # it out does not make the bead worse: gain in similarity + `orphan_length_weight` × gain
    # in length fit (|log length ratio − the event's median log ratio|) ≥ `orphan_min_evidence`.
    orphan_min_words: int = 6
    orphan_min_evidence: float = 0.0
    orphan_length_weight: float = 0.1
    orphan_below_median: float = 0.12
    orphan_part_below_median: float = 0.12
    orphan_margin: float = 0.15
    orphan_max_run: int = 2  # longest run of English sentences tested as one
    # ... word coverage (align.checks.word_coverage: the rarity-weighted share of a run's
    # content words that the bead's word links tie to French words by lexical evidence) is a
    # second, independent signal where the links were computed. A run that carries at least
    # `coverage_min_weight` of word weight (about four ordinary content words) and has at
    # most `orphan_word_share` of it rendered is untranslated on looser cosine evidence:
    # its own and its best clause-run similarity still lie `orphan_below_median` /
    # `orphan_part_below_median` under the median, but the margin over the bead's other
    # English is not required and leaving it out may cost the bead up to
    # -`orphan_words_min_evidence`. A run with at least `orphan_veto_share` rendered is
    # translated, whatever the cosines say. Tuned on the check bench's tuning novels.
    coverage_min_weight: float = 12.0
    orphan_word_share: float = 0.05
    orphan_words_min_evidence: float = -0.1
    orphan_veto_share: float = 0.4

    # partial omission: a run of clauses of a bead's English is not covered by its French
    # when leaving it out raises the bead's similarity by at least `span_min_gain` and the
    # run itself is no more similar to the French than `span_max_similarity`.
    clause_min_words: int = 4  # shorter pieces are merged into their neighbour
    span_max_clauses: int = 3  # longest run tried in the middle of a bead (heads/tails: any)
    span_min_words: int = 5
    span_min_gain: float = 0.1
    span_max_similarity: float = 0.35
    # ... and a run is uncovered when no run of the French's clauses (the whole French
    # included) is more similar to it than `span_max_coverage`. Two ways to call it an
    # omission: (a) the French is short for its English — its log length ratio lies more
    # than max(`partial_length_drop`, `partial_length_mads` × the event's MAD of log
    # ratios) below the event's median — and leaving the run out costs the bead at most
    # -`span_min_gain_when_short`; (b) without length evidence (a short clause), the gain is
    # at least `span_min_gain`, the run's similarity at most `span_max_similarity` and its
    # coverage below `span_alone_max_coverage`. Tuned on the bench's tuning novels.
    span_max_coverage: float = 0.35
    span_alone_max_coverage: float = 0.25
    span_min_gain_when_short: float = -0.02
    partial_length_drop: float = 0.35
    partial_length_mads: float = 1.5
    # (c) with word links: a run carrying at least `span_words_min_weight` of word weight, of
    # which the French renders at most `span_max_word_share`, while it renders at least
    # `span_rest_min_word_share` of the rest of the bead's English, is a dropped clause when
    # no French clause run is closer to it than `span_words_max_coverage` and the gain is
    # what (a) or (b) asks; a run with `span_veto_word_share` of its words rendered is never
    # one. Tuned on the tuning novels and the kremlin-tune pages.
    span_words_min_weight: float = 10.0
    span_max_word_share: float = 0.1
    span_rest_min_word_share: float = 0.3
    span_words_max_coverage: float = 0.5
    span_veto_word_share: float = 0.4

    # mistranslation: robust z-score of a bead's similarity against the event's median and
    # MAD of bead similarities; the MAD is floored so short or uniform events do not flag
    # ordinary noise, and a bead must also lie `mistranslation_gap` below the median.
    mistranslation_z: float = -3.5
    mistranslation_gap: float = 0.3
    mad_floor: float = 0.06
    min_beads_for_calibration: int = 8
    prior_median: float = 0.7  # used, blended, when the event has fewer beads than that
    prior_mad: float = 0.08

    # negation on one side only: the clause carrying the negation must match its best run of
    # clauses on the other side at least this well (a flip leaves the rest of the clause
    # intact; a loose paraphrase does not), unless the bead's similarity is lowish for the
    # event (robust z at most `negation_low_z`). Off (0) by default: on the tuning novels
    # every level tried (0.25–0.65) cut as much recall as false alarms.
    negation_clause_similarity: float = 0.0
    negation_low_z: float = -1.0

    # untranslated: a French sentence whose words are English (stopword evidence)
    untranslated_min_words: int = 5
    untranslated_english_ratio: float = 0.2

    # names: transliteration-normalised fuzzy match score (rapidfuzz 0–100)
    name_match_score: float = 84.0
    name_near_score: float = 70.0
    # ... a word that matches below `name_same_score` is a name spelled differently (a note):
    # transliterations normalise to ≥ 90 (Mishustin / Michoustine 94.7), a garbled name
    # lands in between (Patrushev / Patrouchine 84.2). A capitalised word of the language's
    # dictionary with a wordfreq Zipf of at least `name_common_zipf` ("Treaty", "Board") is a
    # common word that translators translate, not a name compared by spelling.
    name_same_score: float = 90.0
    name_common_zipf: float = 3.0

    # wording (word links, align.words): an English word linked by the encoder alone whose
    # cosine lies at most `wording_max_score` and at a robust z of at most `wording_z` against
    # the event's encoder links (median/MAD blended with the prior below until the event has
    # `wording_min_links` of them; the MAD floored at `wording_mad_floor`).
    wording_z: float = -2.5
    wording_max_score: float = 0.45
    wording_prior_median: float = 0.8
    wording_prior_mad: float = 0.12
    wording_min_links: int = 12
    wording_mad_floor: float = 0.08
    wording_min_chars: int = 3
    # ... and the bead's French gets at least this much closer to its English (cosine) when
    # the French word is replaced by the English one (a right word or a paraphrase does not)
    wording_substitution_gain: float = 0.03
    # a look-alike the dictionary does not pair (wording, reason look_alike) is medium when
    # the encoder finds the two words at most this similar (a second signal), low otherwise
    wording_look_alike_max: float = 0.5
    # ... and it is no finding when the encoder finds the two words (or the English word and
    # one of the French word's dictionary meanings) at least this similar: where the encoder
    # finds a look-alike close, the dictionary's silence is a gap in the dictionary ("major" /
    # "majeur"), not evidence. With FreeDict alone the check uses the bound above (0.5: one
    # catch of 75 lost, the low look-alike false alarms on faithful text gone); 0.7 with the
    # Apertium pivot pairs and the analysers' lemmas (fewer gaps), measured on every
    # word-bench set but *-heldout3: look-alikes on 20 injections and 8 faithful pairs, 12
    # and 2 of them below 0.7.
    wording_look_alike_same: float = 0.7

    # untranslated words: a French-side word whose English frequency (wordfreq Zipf) is at
    # least `untranslated_word_zipf` and exceeds its French frequency by
    # `untranslated_word_margin`, not an established loanword.
    untranslated_word_zipf: float = 3.0
    untranslated_word_margin: float = 1.0

    # spelling: French words of at least `spelling_min_chars` letters that no French word list
    # knows; a rare word (Zipf below `spelling_rare_zipf`) one edit away from a common one
    # (Zipf `spelling_neighbour_gain` higher) is a likely typo.
    spelling_min_chars: int = 4
    spelling_rare_zipf: float = 2.5
    spelling_neighbour_gain: float = 1.5

    def signature(self) -> dict[str, Any]:
        """The thresholds as a plain mapping, for a result's signature."""
        return asdict(self)


DEFAULT_CONFIG = CheckConfig()
