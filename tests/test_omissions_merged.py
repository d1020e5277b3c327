"""An untranslated English sentence the aligner merged into a neighbour's bead (1-2, 1-3):
`merged_orphans`, `orphan_call` and the omission finding `OmissionCheck` makes of it.

Similarities come from a designed encoder (tests/sentence_vectors.py): the event has seven
ordinary beads scoring exactly 0.7578125 (its median bead similarity) and one bead
whose English carries a sentence the French does not translate."""

from __future__ import annotations

import math
import statistics

import pytest
from sentence_vectors import SentenceVectors, event, mix

from align.checks import CheckConfig
from align.checks.omissions import (
    OmissionCheck,
    Orphan,
    french_parts,
    merged_orphans,
    orphan_call,
    rendered_words,
)
from align.checks.word_coverage import WordCover
from align.model import Finding, FindingType, Severity, WordLink, finding_id

FILLERS = [
    (
        "Le Président a tenu une réunion avec les membres du Gouvernement.",
        "The President held a meeting with members of the Government.",
    ),
    (
        "Les participants ont discuté du budget fédéral pour les trois prochaines années.",
        "The participants discussed the federal budget for the next three years.",
    ),
    (
        "Le ministre des Finances a présenté les principaux paramètres du budget.",
        "The Finance Minister presented the main parameters of the budget.",
    ),
    (
        "Les dépenses sociales augmenteront l’an prochain.",
        "Social spending will increase next year.",
    ),
    (
        "Le Président a demandé que les régions reçoivent leurs transferts à temps.",
        "The President asked that the regions receive their transfers on time.",
    ),
    (
        "La ministre de la Santé a rendu compte de la campagne de vaccination.",
        "The Health Minister reported on the vaccination campaign.",
    ),
    (
        "Le Président a remercié les médecins pour leur travail.",
        "The President thanked the doctors for their work.",
    ),
]

FR_T = "Le Président a également évoqué les perspectives de développement de la région arctique."
EN_A = "The President also spoke about the development of the Arctic."
EN_X = "He noted that the Northern Sea Route was gaining in importance."
EN_Y = "Shipping along it has grown fourfold in ten years, he added."
EN_B = "He also visited the port of Murmansk."


MEDIAN = 0.7578125  # 0.758 shown


def filler_vectors() -> dict[str, list[float]]:
    """Each ordinary bead scores exactly MEDIAN and is unrelated to the others."""
    vectors: dict[str, list[float]] = {}
    for k, (fr, en) in enumerate(FILLERS):
        vectors[en] = mix(**{f"a{12 + k}": 1.0})
        vectors[fr] = mix(**{f"a{12 + k}": MEDIAN, f"a{20 + k}": math.sqrt(1 - MEDIAN**2)})
    return vectors


def with_fillers(fr_tail, en_tail, beads_tail, vectors, pieces=None, **kw):
    """The seven ordinary beads, then the beads under test (indices after the fillers)."""
    n = len(FILLERS)
    fr = [f for f, _ in FILLERS] + list(fr_tail)
    en = [e for _, e in FILLERS] + list(en_tail)
    beads = [([k], [k]) for k in range(n)]
    beads += [([n + i for i in f], [n + i for i in e]) for f, e in beads_tail]
    encoder = SentenceVectors(filler_vectors() | vectors, pieces)
    return event(fr, en, beads, encoder=encoder, **kw)


def pair_vectors(own: float, others: float, full: float) -> dict[str, list[float]]:
    """French a9; EN_X is `own` similar to it, EN_A `others`, the two together `full`."""
    return {
        FR_T: mix(a9=1.0),
        EN_A: mix(a9=others, a3=math.sqrt(1 - others**2)),
        EN_X: mix(a9=own, a4=math.sqrt(1 - own**2)),
        f"{EN_A} {EN_X}": mix(a9=full, a5=math.sqrt(1 - full**2)),
    }


def length_gain(french: str, english: str, rest: str, paired: list[tuple[str, str]]) -> float:
    """How much closer the bead's length ratio comes to the event's median without a run."""
    shift = statistics.median(math.log(len(f) / len(e)) for f, e in paired)
    misfit = lambda en: abs(math.log(len(french) / len(en)) - shift)  # noqa: E731
    return misfit(english) - misfit(rest)


def merged_pair(own=0.5, others=0.75, full=0.625, **kw):
    return with_fillers(
        [FR_T], [EN_A, EN_X], [([0], [0, 1])], pair_vectors(own, others, full), **kw
    )


PAIRED = [*FILLERS, (FR_T, f"{EN_A} {EN_X}")]


def test_an_untranslated_sentence_merged_into_a_bead_is_found_with_its_measures():
    fit = length_gain(FR_T, f"{EN_A} {EN_X}", EN_A, PAIRED)
    (orphan,) = merged_orphans(merged_pair())
    assert orphan == Orphan(
        position=7,
        en=(8,),
        similarity=0.5,
        best_part=0.5,  # the French is one clause: the run is compared with all of it
        others=0.75,
        gain=0.125,
        length_gain=pytest.approx(fit, abs=1e-12),
        median=MEDIAN,
        words=None,
        called_by="similarity",
    )
    # the French is as long as one English sentence, not two; the event's own length ratio
    # lies between the bead's with and without the sentence, so it counts
    assert 0 < fit < length_gain(FR_T, f"{EN_A} {EN_X}", EN_A, [(FR_T, EN_A)])


def test_the_omission_finding_shows_the_evidence():
    own, others, full = 0.53125, 0.78125, 0.6484375
    fit = length_gain(FR_T, f"{EN_A} {EN_X}", EN_A, PAIRED)
    (found,) = OmissionCheck().run(merged_pair(own, others, full))
    gain = others - full
    evidence = gain + 0.1 * fit
    assert found == Finding(
        id=finding_id(FindingType.OMISSION, EN_X),
        type=FindingType.OMISSION,
        severity=Severity.MEDIUM,
        confidence=round(0.5 + (MEDIAN - own) + evidence, 3),
        fr=(7,),
        en=(8,),
        message="English sentence aligned here is not translated (similarity 0.53 against this "
        "event's median 0.76; the bead scores +0.13 without it): “He noted that the Northern "
        "Sea Route was gaining in importa…”",
        details={
            "reason": "merged_into_bead",
            "en_texts": [EN_X],
            "words": 11,
            "similarity": 0.531,
            "best_french_part_similarity": 0.531,
            "other_english_similarity": 0.781,
            "gain_without_it": 0.133,
            "length_fit_gain_without_it": round(fit, 3),
            "event_median": 0.758,
            "fr_text": FR_T,
            "called_by": "similarity",
        },
    )
    assert 0.5 < found.confidence < 0.95


def test_the_omission_settings_reach_the_merged_sentences():
    assert len(OmissionCheck().run(merged_pair())) == 1
    assert OmissionCheck(CheckConfig(orphan_min_words=12)).run(merged_pair()) == []


def test_the_confidence_of_a_merged_omission_is_capped():
    (found,) = OmissionCheck().run(merged_pair(own=0.0, others=0.875, full=0.5))
    assert found.confidence == 0.95
    assert found.message.startswith(
        "English sentence aligned here is not translated (similarity 0.00 against this event's "
        "median 0.76; the bead scores +0.38 without it)"
    )


def test_a_translated_pair_of_sentences_is_no_omission():
    # both English sentences are close to the French: it translates both
    assert merged_orphans(merged_pair(own=0.75, others=0.75, full=0.875)) == []
    assert OmissionCheck().run(merged_pair(own=0.75, others=0.75, full=0.875)) == []


def test_the_sentence_must_be_clearly_further_from_the_french_than_the_other():
    assert merged_orphans(merged_pair(own=0.5, others=0.625, full=0.5)) == []  # margin 0.125
    assert len(merged_orphans(merged_pair(own=0.5, others=0.65, full=0.5))) == 1


def test_the_bead_must_not_be_worse_without_the_sentence():
    # leaving it out costs 0.125 of similarity; the better length fit does not make up for it
    assert merged_orphans(merged_pair(own=0.5, others=0.75, full=0.875)) == []


def test_short_sentences_are_not_judged():
    short = "He spoke about the sea route."  # 6 words
    shorter = "He spoke about sea routes."  # 5 words
    for text, found in ((short, 1), (shorter, 0)):
        vectors = {
            FR_T: mix(a9=1.0),
            EN_A: mix(a9=0.75, a3=math.sqrt(1 - 0.75**2)),
            text: mix(a4=1.0),
            f"{EN_A} {text}": mix(a9=0.5, a5=math.sqrt(0.75)),
        }
        data = with_fillers([FR_T], [EN_A, text], [([0], [0, 1])], vectors)
        assert len(merged_orphans(data)) == found
    data = with_fillers([FR_T], [EN_A, shorter], [([0], [0, 1])], vectors)
    assert len(merged_orphans(data, CheckConfig(orphan_min_words=5))) == 1


def test_without_an_encoder_nothing_is_judged_inside_beads():
    data = merged_pair()
    data = type(data)(data.fr, data.en, data.beads)
    assert merged_orphans(data) == []


# --- runs of sentences at the edges of a bead --------------------------------------------------

PIECES_3 = {
    EN_A: mix(a9=1.0),
    EN_X: mix(a4=1.0),
    EN_Y: mix(a6=1.0),
    EN_B: mix(a9=1.0),
}


def three(order: list[str]):
    return with_fillers([FR_T], order, [([0], [0, 1, 2])], {FR_T: mix(a9=1.0)}, pieces=PIECES_3)


def test_two_untranslated_sentences_at_the_end_of_a_bead_are_one_high_omission():
    found = OmissionCheck().run(three([EN_A, EN_X, EN_Y]))
    assert [(f.en, f.severity) for f in found] == [((8, 9), Severity.HIGH)]
    assert found[0].message.startswith("2 English sentences aligned here")
    assert found[0].details["en_texts"] == [EN_X, EN_Y]
    assert found[0].id == finding_id(FindingType.OMISSION, EN_X, EN_Y)


def test_untranslated_sentences_at_both_ends_are_two_omissions():
    found = OmissionCheck().run(three([EN_X, EN_A, EN_Y]))
    assert [(f.en, f.severity) for f in found] == [((7,), Severity.MEDIUM), ((9,), Severity.MEDIUM)]


def test_a_sentence_in_the_middle_of_a_bead_is_not_judged():
    assert merged_orphans(three([EN_Y, EN_X, EN_A])) != []  # at the edge: found
    assert [o.en for o in merged_orphans(three([EN_A, EN_X, EN_B]))] == []


def test_the_longest_run_tested_is_a_setting():
    found = merged_orphans(three([EN_A, EN_X, EN_Y]), CheckConfig(orphan_max_run=1))
    assert [o.en for o in found] == [(9,)]


def test_a_long_untranslated_sentence_is_high():
    long = (
        "He noted that the Northern Sea Route was gaining in importance for the whole country "
        "and for its partners."
    )
    vectors = {
        FR_T: mix(a9=1.0),
        EN_A: mix(a9=0.75, a3=math.sqrt(1 - 0.75**2)),
        long: mix(a4=1.0),
        f"{EN_A} {long}": mix(a9=0.5, a5=math.sqrt(0.75)),
    }
    (found,) = OmissionCheck().run(with_fillers([FR_T], [EN_A, long], [([0], [0, 1])], vectors))
    assert (found.severity, found.details["words"]) == (Severity.HIGH, 19)
    assert found.message.endswith("“He noted that the Northern Sea Route was gaining in importa…”")


# --- beside a French cut, in a truncated translation ---------------------------------------------


def test_an_untranslated_sentence_beside_a_french_cut_is_elided():
    data = with_fillers(
        [FR_T, ("<…>", "elision")],
        [EN_A, EN_X],
        [([0], [0, 1])],
        pair_vectors(0.5, 0.75, 0.625),
    )
    (found,) = OmissionCheck().run(data)
    assert found == Finding(
        id=finding_id(FindingType.ELIDED, EN_X),
        type=FindingType.ELIDED,
        severity=Severity.INFO,
        confidence=0.7,
        fr=(7,),
        en=(8,),
        message="English beside a French cut (<…>) is not translated: “He noted that the "
        "Northern Sea Route was gaining in importa…”",
        details=found.details,
    )
    assert found.details["called_by"] == "similarity"
    assert found.details["reason"] == "merged_into_bead"


# --- the rule, at its edges ---------------------------------------------------------------------


def orphan(**kw) -> Orphan:
    values = dict(
        position=3,
        en=(4,),
        similarity=0.5,
        best_part=0.5,
        others=0.75,
        gain=0.0,
        length_gain=0.0,
        median=0.75,
        words=None,
    )
    return Orphan(**(values | kw))


def covers(share: float, weight: float = 16.0, words: int = 6) -> WordCover:
    return WordCover(words, weight, share * weight, 0.0)


C = CheckConfig()


def test_the_similarity_rule_at_each_edge():
    assert orphan_call(orphan(), C) == "similarity"
    edge = 0.75 - C.orphan_below_median
    assert orphan_call(orphan(similarity=edge, others=0.9), C) == "similarity"
    assert orphan_call(orphan(similarity=edge + 1e-9, others=0.9), C) is None
    edge = 0.75 - C.orphan_part_below_median
    assert orphan_call(orphan(best_part=edge), C) == "similarity"
    assert orphan_call(orphan(best_part=edge + 1e-9), C) is None
    # the margin over the bead's other English
    config = CheckConfig(orphan_margin=0.25)
    assert orphan_call(orphan(others=0.75), config) == "similarity"
    assert orphan_call(orphan(others=0.75 - 1e-9), config) is None
    # the evidence: similarity gain plus a tenth of the length-fit gain
    assert orphan_call(orphan(gain=-1e-9), C) is None
    assert orphan_call(orphan(gain=-0.25, length_gain=2.5), C) == "similarity"
    assert orphan_call(orphan(gain=-0.25, length_gain=2.0), C) is None
    assert (
        orphan_call(orphan(gain=-0.25, length_gain=2.0), CheckConfig(orphan_min_evidence=-0.05))
        == "similarity"
    )


def test_the_thresholds_are_read_from_the_config():
    assert (
        orphan_call(orphan(similarity=0.6, others=0.9), CheckConfig(orphan_below_median=0.2))
        is None
    )
    assert orphan_call(orphan(best_part=0.6), CheckConfig(orphan_part_below_median=0.2)) is None
    assert (
        orphan_call(orphan(gain=-0.25, length_gain=2.5), CheckConfig(orphan_length_weight=0.0))
        is None
    )


def test_the_evidence_weighs_the_length_fit():
    assert orphan(gain=0.125, length_gain=0.5).evidence(C) == pytest.approx(0.175)
    assert (
        orphan(gain=0.125, length_gain=0.5).evidence(CheckConfig(orphan_length_weight=0.5)) == 0.375
    )


def test_the_word_rule_needs_no_margin_but_unrendered_words():
    close = dict(others=0.5)  # the other English is no closer: the similarity rule fails
    assert orphan_call(orphan(**close), C) is None
    assert orphan_call(orphan(**close, words=covers(0.0)), C) == "word_coverage"
    assert orphan_call(orphan(**close, words=covers(C.orphan_word_share)), C) == "word_coverage"
    assert orphan_call(orphan(**close, words=covers(C.orphan_word_share + 1e-6)), C) is None
    # enough words to judge: 12 of weight (about four ordinary content words)
    assert orphan_call(orphan(**close, words=covers(0.0, weight=12.0)), C) == "word_coverage"
    assert orphan_call(orphan(**close, words=covers(0.0, weight=11.99)), C) is None
    # it may cost the bead a little (−0.1), not more
    assert orphan_call(orphan(**close, gain=-0.1, words=covers(0.0)), C) == "word_coverage"
    assert orphan_call(orphan(**close, gain=-0.1 - 1e-9, words=covers(0.0)), C) is None
    # it must still be far from the French
    assert orphan_call(orphan(**close, similarity=0.7, words=covers(0.0)), C) is None
    assert orphan_call(orphan(**close, best_part=0.7, words=covers(0.0)), C) is None


def test_rendered_words_veto_the_similarity_rule():
    assert orphan_call(orphan(words=covers(0.39)), C) == "similarity"
    assert orphan_call(orphan(words=covers(C.orphan_veto_share)), C) is None
    assert orphan_call(orphan(words=covers(1.0)), C) is None
    # too few words to judge by: no veto
    assert orphan_call(orphan(words=covers(1.0, weight=8.0)), C) == "similarity"
    assert (
        orphan_call(orphan(words=covers(0.5)), CheckConfig(orphan_veto_share=0.6)) == "similarity"
    )


def test_word_rule_settings():
    close = dict(others=0.5, words=covers(0.0, weight=12.0))
    assert orphan_call(orphan(**close), CheckConfig(coverage_min_weight=13.0)) is None
    assert (
        orphan_call(orphan(**close, gain=-0.2), CheckConfig(orphan_words_min_evidence=-0.25))
        == "word_coverage"
    )
    half = dict(others=0.5, words=covers(0.25))
    assert orphan_call(orphan(**half), CheckConfig(orphan_word_share=0.3)) == "word_coverage"


def test_rendered_words_in_plain_words():
    assert rendered_words(WordCover(5, 14.0, 0.0, 3.0)) == (
        "none of its 5 content words has a dictionary, name, number or cognate match"
    )
    assert rendered_words(WordCover(1, 4.0, 0.0, 0.0)) == (
        "none of its 1 content word has a dictionary, name, number or cognate match"
    )
    assert (
        rendered_words(WordCover(6, 16.0, 4.0, 0.0))
        == "25% of its content words (by rarity) match the French"
    )
    assert rendered_words(WordCover(0, 0.0, 0.0, 0.0)).startswith("none of its 0 content words")


# --- with word links: the word rule in a whole event -------------------------------------------


def unrendered_links(sentence: int, text: str) -> list[WordLink]:
    """Every content word of the sentence linked to nothing."""
    from align.checks.evidence import WORD

    stop = {"he", "that", "the", "was", "in"}
    return [
        WordLink(sentence, (m.start(), m.end()), None, None, 0.0, "none")
        for m in WORD.finditer(text)
        if m.group().lower() not in stop
    ]


def rendered_links(sentence: int, text: str, fr_sentence: int) -> list[WordLink]:
    from align.checks.evidence import WORD

    stop = {"the", "also", "about", "of"}
    return [
        WordLink(sentence, (m.start(), m.end()), fr_sentence, (0, 2), 1.0, "lexicon")
        for m in WORD.finditer(text)
        if m.group().lower() not in stop
    ]


def test_a_sentence_whose_words_the_french_does_not_render_is_untranslated_without_the_margin():
    # the other English is only 0.625 similar: 0.125 < the 0.15 margin of the cosine rule
    links = [[] for _ in FILLERS] + [rendered_links(7, EN_A, 7) + unrendered_links(8, EN_X)]
    data = merged_pair(own=0.5, others=0.625, full=0.625, links=links)
    assert merged_orphans(merged_pair(own=0.5, others=0.625, full=0.625)) == []
    (found,) = OmissionCheck().run(data)
    assert found.details["called_by"] == "word_coverage"
    assert found.details["word_coverage"] == {"content_words": 6, "lexical_share": 0.0}
    assert found.message == (
        "English sentence aligned here is not translated (similarity 0.50 against this event's "
        "median 0.76; none of its 6 content words has a dictionary, name, number or cognate "
        "match): “He noted that the Northern Sea Route was gaining in importa…”"
    )


def test_a_sentence_whose_words_the_french_renders_is_not_an_omission():
    links = [[] for _ in FILLERS] + [rendered_links(7, EN_A, 7) + rendered_links(8, EN_X, 7)]
    assert merged_orphans(merged_pair(links=links)) == []
    # the event's other beads having no links changes nothing
    assert len(merged_orphans(merged_pair(links=[[] for _ in FILLERS]))) == 1


def test_a_sentence_called_by_its_cosines_says_so_even_with_word_links():
    links = [[] for _ in FILLERS] + [rendered_links(7, EN_A, 7) + unrendered_links(8, EN_X)]
    (found,) = OmissionCheck().run(merged_pair(links=links))
    assert found.details["called_by"] == "similarity"
    assert "the bead scores +0.12 without it" in found.message
    assert found.details["word_coverage"] == {"content_words": 6, "lexical_share": 0.0}


# --- where one French sentence translates two English ones -----------------------------------

FR_TWO = (
    "Le Président a évoqué le développement de l’Arctique, et il a souligné que la route "
    "maritime du Nord gagnait en importance."
)
FR_CLAUSE_A = "Le Président a évoqué le développement de l’Arctique,"
FR_CLAUSE_X = "et il a souligné que la route maritime du Nord gagnait en importance."


def test_french_parts_are_the_runs_of_clauses_short_of_the_whole():
    assert french_parts(FR_TWO) == [FR_CLAUSE_A, FR_CLAUSE_X]
    three = "Il a parlé du budget ; il a cité des chiffres, puis il a remercié les ministres."
    assert french_parts(three) == [
        "Il a parlé du budget ;",
        "Il a parlé du budget ; il a cité des chiffres,",
        "il a cité des chiffres,",
        "il a cité des chiffres, puis il a remercié les ministres.",
        "puis il a remercié les ministres.",
    ]
    assert french_parts(three, max_clauses=1) == [
        "Il a parlé du budget ;",
        "il a cité des chiffres,",
        "puis il a remercié les ministres.",
    ]
    assert french_parts("Merci beaucoup.") == []
    eight = ", ".join(f"point {k}" for k in range(8)) + "."
    parts = french_parts(eight)
    assert max(len(p.split(", ")) for p in parts) == 6  # six clauses at most
    assert len(parts) == 8 + 7 + 6 + 5 + 4 + 3


def test_a_sentence_that_a_clause_of_the_french_translates_is_no_omission():
    vectors = {
        FR_TWO: mix(a9=0.8, a4=0.6),
        FR_CLAUSE_A: mix(a9=1.0),
        FR_CLAUSE_X: mix(a4=1.0),  # the clause says what EN_X says
        EN_A: mix(a9=1.0),
        EN_X: mix(a4=0.75, a5=math.sqrt(1 - 0.75**2)),
        f"{EN_A} {EN_X}": mix(a9=0.7, a4=0.3, a6=math.sqrt(1 - 0.49 - 0.09)),
    }
    data = with_fillers([FR_TWO], [EN_A, EN_X], [([0], [0, 1])], vectors)
    # far from the whole French (0.45) but 0.75 from its clause: translated
    assert merged_orphans(data) == []
    vectors[FR_CLAUSE_X] = mix(a7=1.0)  # the clause says something else
    data = with_fillers([FR_TWO], [EN_A, EN_X], [([0], [0, 1])], vectors)
    found = [(o.en, round(o.similarity, 9), o.best_part) for o in merged_orphans(data)]
    assert found == [((8,), 0.45, 0.0)]


# --- several beads, short neighbours, overlapping runs ---------------------------------------

FR_U = "Le ministre a rendu compte de la préparation de la saison de chauffage."
EN_U = "The Minister reported on preparations for the heating season."
EN_V = "He said that all boiler houses had been repaired ahead of schedule."


def test_two_beads_each_with_an_untranslated_sentence():
    vectors = pair_vectors(0.5, 0.75, 0.625) | {
        FR_U: mix(a10=1.0),
        EN_U: mix(a10=0.75, a11=math.sqrt(1 - 0.75**2)),
        EN_V: mix(a8=1.0),
        f"{EN_U} {EN_V}": mix(a10=0.625, a7=math.sqrt(1 - 0.625**2)),
    }
    data = with_fillers(
        [FR_T, FR_U], [EN_A, EN_X, EN_U, EN_V], [([0], [0, 1]), ([1], [2, 3])], vectors
    )
    assert [(o.position, o.en) for o in merged_orphans(data)] == [(7, (8,)), (8, (10,))]


def test_a_short_sentence_first_in_the_bead_does_not_stop_the_judging():
    thanks = "Thank you, colleagues."
    vectors = {
        FR_T: mix(a9=1.0),
        thanks: mix(a9=0.75, a3=math.sqrt(1 - 0.75**2)),
        EN_X: mix(a4=1.0),
        f"{thanks} {EN_X}": mix(a9=0.5, a5=math.sqrt(0.75)),
    }
    data = with_fillers([FR_T], [thanks, EN_X], [([0], [0, 1])], vectors)
    assert [o.en for o in merged_orphans(data)] == [(8,)]


def test_overlapping_runs_give_way_to_the_strongest_one():
    # four sentences: the first two and the last are untranslated; the pair is reported
    # whole (the strongest), the last one alone, and the first never twice
    en_z = "Work on the new icebreakers will be completed next year, the President said."
    pieces = {
        EN_X: mix(a4=1.0),
        EN_Y: mix(a5=1.0),
        EN_A: mix(a9=1.0),
        en_z: mix(a9=-0.2, a6=math.sqrt(1 - 0.04)),
    }
    data = with_fillers(
        [FR_T], [EN_X, EN_Y, EN_A, en_z], [([0], [0, 1, 2, 3])], {FR_T: mix(a9=1.0)}, pieces=pieces
    )
    found = merged_orphans(data)
    assert [o.en for o in found] == [(7, 8), (10,)]
    assert found[0].evidence(C) > found[1].evidence(C)


@pytest.mark.parametrize(("extra", "severity"), [("", Severity.MEDIUM), (" today", Severity.HIGH)])
def test_an_untranslated_sentence_of_fifteen_words_is_high(extra, severity):
    text = (
        "He noted that the Northern Sea Route was gaining in importance for Russian "
        f"exporters{extra}."
    )
    vectors = {
        FR_T: mix(a9=1.0),
        EN_A: mix(a9=0.75, a3=math.sqrt(1 - 0.75**2)),
        text: mix(a4=1.0),
        f"{EN_A} {text}": mix(a9=0.5, a5=math.sqrt(0.75)),
    }
    (found,) = OmissionCheck().run(with_fillers([FR_T], [EN_A, text], [([0], [0, 1])], vectors))
    assert (found.severity, found.details["words"]) == (severity, 14 + len(extra.split()))


def test_two_short_untranslated_sentences_are_high():
    short_x = "He spoke about the sea route."
    short_y = "Shipping there has grown a lot."
    pieces = {EN_A: mix(a9=1.0), short_x: mix(a4=1.0), short_y: mix(a6=1.0)}
    data = with_fillers(
        [FR_T], [EN_A, short_x, short_y], [([0], [0, 1, 2])], {FR_T: mix(a9=1.0)}, pieces=pieces
    )
    (found,) = OmissionCheck().run(data)
    assert (found.en, found.severity, found.details["words"]) == ((8, 9), Severity.HIGH, 12)


def test_the_events_length_ratio_counts_paired_beads_only():
    # an English sentence left without French beside the bead does not move the event's
    # length ratio (it has none)
    gap = "The Governor of the Murmansk Region also took part in the meeting."
    with_gap = with_fillers(
        [FR_T], [EN_A, EN_X, gap], [([0], [0, 1]), ([], [2])], pair_vectors(0.5, 0.75, 0.625)
    )
    (orphan,) = merged_orphans(with_gap)
    fit = length_gain(FR_T, f"{EN_A} {EN_X}", EN_A, PAIRED)
    assert orphan.length_gain == pytest.approx(fit, abs=1e-12)
