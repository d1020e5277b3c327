"""Clauses of an aligned bead that its French leaves out (`PartialOmissionCheck`), each rule
tested at its edges with a designed encoder (tests/sentence_vectors.py).

The event: eight ordinary one-to-one beads (similarities 0.70 … 0.84, the French a set share
of the English's length) and, in the middle, one bead whose English sentence has two clauses.
The vectors of the bead's French, its English, and each clause are chosen, so the bead's
similarity, each clause's similarity to the French, the bead's similarity without each clause
(its gain) and each clause's best match among the French's clauses (its coverage) are exact.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import pytest
from sentence_vectors import SentenceVectors, event, mix

from align.checks import CheckConfig
from align.checks.omissions import (
    OmissionCheck,
    PartialOmissionCheck,
    candidate_spans,
    elision_neighbour_beads,
    split_clauses,
)
from align.model import Finding, FindingType, Severity, WordLink, finding_id

EN = (
    "The President met the Governor of the Kursk Region on Monday, and they discussed the"
    " support for refugees from the border areas."
)
KEPT, DROPPED = split_clauses(EN, 4)
FR = "Le Président a rencontré lundi le gouverneur de la région de Koursk."
# a French of two clauses, the second rendering the dropped clause loosely
FR_KEPT = "Le Président a rencontré lundi le gouverneur de la région de Koursk,"
FR_OTHER = "et ils ont parlé des habitants."
FR_TWO = f"{FR_KEPT} {FR_OTHER}"
TARGET = 4  # the bead's position


def ordinary(k: int, ratio: float) -> tuple[str, str]:
    english = f"Ordinary sentence {k} of the event says something plain enough here."
    french = f"Phrase {k} " + "x" * max(1, round(ratio * len(english)) - 9)
    return french, english


def partial_event(
    bead: float = 0.625,
    kept: float = 0.75,
    dropped: float = 0.125,
    *,
    french: str = FR,
    english: tuple[str, ...] = (EN,),
    other_run: float | None = None,
    ratio: float | None = None,
    base: float = 0.70,
    elision: bool = False,
    links: Sequence[WordLink] | None = None,
):
    """`bead`: the bead's similarity; `kept` / `dropped`: the first / last clause of its
    English against the French (the bead without the other clause scores that much, so
    leaving the last out gains kept - bead); `other_run`: FR_OTHER against the last clause
    when the French has two clauses; `ratio`: the ordinary beads' French length over English
    length (default: the bead's own, so the French is not short); `base`: the ordinary beads'
    lowest similarity; `elision`: a French cut (<…>) right after the bead's French; `links`:
    the bead's word links (the other beads get none)."""
    whole = " ".join(english)
    clauses = [c for sentence in english for c in split_clauses(sentence, 4)]
    first, last = clauses[0], clauses[-1]
    own_ratio = len(french) / len(whole)
    ratio = own_ratio if ratio is None else ratio
    fr_texts: list[str | tuple[str, str]] = []
    en_texts: list[str] = []
    vectors: dict[str, list[float]] = {}
    for k in range(8):
        f, e = ordinary(k, ratio)
        similarity = base + 0.02 * k
        vectors[f] = mix(**{f"a{10 + k}": 1.0})
        vectors[e] = mix(**{f"a{10 + k}": similarity, f"a{20 + k}": math.sqrt(1 - similarity**2)})
        fr_texts.append(f)
        en_texts.append(e)
    fr_texts.insert(TARGET, french)
    en_texts[TARGET:TARGET] = list(english)
    if elision:
        fr_texts.insert(TARGET + 1, ("<…>", "elision"))
    other = other_run or 0.0
    vectors[french] = mix(a0=1.0)
    vectors[whole] = mix(a0=bead, a1=math.sqrt(1 - bead**2))
    vectors[first] = mix(a0=kept, a2=math.sqrt(1 - kept**2))
    vectors[last] = mix(a0=dropped, a3=other, a4=math.sqrt(1 - dropped**2 - other**2))
    if french == FR_TWO:
        vectors[FR_KEPT] = mix(a5=1.0)  # the kept clause's French: far from the last clause
        vectors[FR_OTHER] = mix(a3=1.0)  # the last clause against it: `other_run`
    n = len(english)
    beads: list[tuple[list[int], list[int]]] = []
    for k in range(9):
        fr = k + (1 if elision and k > TARGET else 0)
        en = [k] if k < TARGET else list(range(TARGET, TARGET + n)) if k == TARGET else [k + n - 1]
        beads.append(([fr], en))
    every = [[] for _ in beads]
    if links is not None:
        every[TARGET] = list(links)
    return event(
        fr_texts,
        en_texts,
        beads,
        encoder=SentenceVectors(vectors),
        links=every if links is not None else (),
    )


def found(data, config: CheckConfig | None = None) -> list[Finding]:
    return PartialOmissionCheck(config or CheckConfig()).run(data)


def test_a_dropped_clause_is_a_partial_omission_with_its_evidence():
    data = partial_event(bead=0.625, kept=0.75, dropped=0.125)
    (finding,) = found(data)
    # gain 0.75 - 0.625; strength = gain + (0.35 - coverage); confidence 0.5 + 1.5 strength
    strength = 0.125 + (0.35 - 0.125)
    assert finding == Finding(
        id=finding_id(FindingType.PARTIAL_OMISSION, FR, DROPPED),
        type=FindingType.PARTIAL_OMISSION,
        severity=Severity.MEDIUM,  # eleven words
        confidence=round(min(0.95, 0.5 + 1.5 * strength), 3),
        fr=(TARGET,),
        en=(TARGET,),
        message="Part of the English is not in the French (best French clause match 0.12; "
        "the bead scores +0.12 better without it): “and they discussed the support for "
        "refugees from the border…”",
        details=finding.details,
    )
    details = finding.details
    assert details["en_span"] == DROPPED
    assert details["span_similarity"] == 0.125
    assert details["span_coverage"] == 0.125
    assert details["gain_without_span"] == 0.125
    assert details["bead_similarity"] == 0.625
    assert details["french_length_shortfall"] == pytest.approx(0.0, abs=0.005)
    assert details["length_shortfall_limit"] == 0.35
    assert details["called_by"] == "similarity"
    assert details["span_word_coverage"] is None
    assert details["fr_text"] == FR
    assert details["missing_terms"] == []
    assert details["thresholds"] == {
        "min_gain": 0.1,
        "max_similarity": 0.35,
        "max_coverage": 0.35,
        "alone_max_coverage": 0.25,
        "min_gain_when_short": -0.02,
    }
    assert details["event_distribution"]["beads"] == 9
    assert details["event_distribution"]["calibrated"] is True


# --- (b) the similarity rule: gain, similarity, coverage ------------------------------------


def test_the_gain_must_reach_the_minimum():
    config = CheckConfig(span_min_gain=0.125)
    assert [f.en for f in found(partial_event(kept=0.75), config)] == [(TARGET,)]  # 0.125
    assert found(partial_event(kept=0.7499), config) == []
    assert found(partial_event(kept=0.7), CheckConfig()) == []  # 0.075 < 0.1
    assert [f.en for f in found(partial_event(kept=0.7), replace(config, span_min_gain=0.07))]


def test_the_clause_must_be_far_from_the_french():
    # the coverage limit set high, so the similarity limit alone decides
    config = CheckConfig(span_max_similarity=0.125, span_alone_max_coverage=0.5)
    assert [f.en for f in found(partial_event(dropped=0.125), config)] == [(TARGET,)]
    assert found(partial_event(dropped=0.1251), config) == []


def test_a_french_clause_close_to_it_covers_it():
    # DROPPED is 0.125 from the whole French but `other_run` from its second clause
    reported = found(partial_event(french=FR_TWO, other_run=0.2499))
    assert [f.details["span_coverage"] for f in reported] == [0.25]
    assert found(partial_event(french=FR_TWO, other_run=0.25)) == []
    config = CheckConfig(span_alone_max_coverage=0.375)
    assert [f.en for f in found(partial_event(french=FR_TWO, other_run=0.3), config)]


def test_a_clause_too_short_is_not_judged():
    # DROPPED has eleven words: a minimum of twelve leaves nothing to report
    assert found(partial_event(), CheckConfig(span_min_words=12)) == []
    assert [f.en for f in found(partial_event(), CheckConfig(span_min_words=11))]


def test_the_kept_clause_is_no_omission_even_when_far():
    # KEPT far from the French too, but leaving it out makes the bead worse
    assert [f.details["en_span"] for f in found(partial_event(dropped=0.125))] == [DROPPED]


# --- (a) the length rule: a French short for its English ----------------------------------


def short_event(**kwargs):
    """The ordinary beads' French as long as their English: this bead's French, about half
    its English, falls short of the event's ratio by about log(1.9) = 0.63."""
    return partial_event(ratio=1.0, **kwargs)


def test_a_short_french_needs_no_gain():
    reported = found(short_event(kept=0.625, dropped=0.3))  # no gain, similarity 0.3
    (finding,) = reported
    assert finding.details["called_by"] == "short_french"
    assert finding.details["french_length_shortfall"] == pytest.approx(0.63, abs=0.01)
    assert finding.message == (
        "Part of the English is not in the French (best French clause match 0.30; the bead "
        "scores +0.00 better without it; the French is 1.9× shorter than this event's ratio "
        "predicts): “and they discussed the support for refugees from the border…”"
    )
    assert found(partial_event(kept=0.625, dropped=0.3)) == []  # not short: no gain, none


def test_a_short_french_still_needs_a_gain_above_the_floor():
    config = CheckConfig(span_min_gain_when_short=-0.03125)
    assert [f.en for f in found(short_event(kept=0.59375, dropped=0.3), config)]
    assert found(short_event(kept=0.5937, dropped=0.3), config) == []
    assert found(short_event(kept=0.6, dropped=0.3)) == []  # -0.025 < -0.02


def test_a_short_french_still_needs_a_low_coverage():
    config = CheckConfig(span_max_coverage=0.375, span_alone_max_coverage=0.25)
    assert [f.en for f in found(short_event(kept=0.625, dropped=0.3749), config)]
    assert found(short_event(kept=0.625, dropped=0.375), config) == []


def test_the_shortfall_limit_is_the_larger_of_a_drop_and_a_spread():
    data = short_event(kept=0.625, dropped=0.3)
    shortfall = found(data)[0].details["french_length_shortfall"]
    assert found(data, CheckConfig(partial_length_drop=shortfall + 0.01)) == []
    (finding,) = found(data, CheckConfig(partial_length_drop=shortfall - 0.01))
    assert finding.details["length_shortfall_limit"] == round(shortfall - 0.01, 3)


def test_a_spread_of_length_ratios_raises_the_limit():
    # ordinary beads with length ratios 0.6 … 1.3: a MAD of log ratios well above zero
    spread = spread_event(kept=0.625, dropped=0.3)
    (finding,) = found(spread, CheckConfig(partial_length_mads=0.0))
    assert finding.details["length_shortfall_limit"] == 0.35  # the drop alone
    shortfall = finding.details["french_length_shortfall"]
    (by_mads,) = found(spread, CheckConfig(partial_length_mads=1.0, partial_length_drop=0.0))
    mad = by_mads.details["length_shortfall_limit"]
    assert 0.1 < mad < shortfall
    # a factor that lifts the limit just above the shortfall: no longer short, no finding
    config = CheckConfig(partial_length_mads=(shortfall + 0.02) / mad, partial_length_drop=0.0)
    assert found(spread, config) == []


def spread_event(**kwargs):
    data = partial_event(ratio=1.0, **kwargs)
    english = [s.text for s in data.en]
    french = [s.text for s in data.fr]
    encoder = data.encoder
    for k in range(8):
        position = k if k < TARGET else k + 1
        ratio = 0.6 + 0.1 * k
        f, _ = ordinary(k, ratio)
        encoder.whole[f] = encoder.whole.pop(french[position])  # type: ignore[union-attr]
        french[position] = f
    return event(french, english, [([k], [k]) for k in range(9)], encoder=encoder)


# --- what is reported: a whole sentence, a cut, the severity --------------------------------

S1 = "The President met the Governor of the Kursk Region on Monday."
S2 = "They also discussed refugee support."  # five words: too short for the omission check


def test_a_whole_english_sentence_left_out_is_an_omission():
    data = partial_event(english=(S1, S2))
    (finding,) = found(data)
    assert finding.type == FindingType.OMISSION
    assert finding.severity == Severity.MEDIUM
    assert finding.id == finding_id(FindingType.OMISSION, FR, S2)
    assert (finding.fr, finding.en) == ((TARGET,), (TARGET + 1,))
    assert finding.message == (
        "English sentence aligned here is not translated (best French clause match 0.12; the "
        "bead scores +0.12 better without it): “They also discussed refugee support.”"
    )


def test_english_beside_a_french_cut_is_elided_not_omitted():
    (finding,) = found(partial_event(english=(S1, S2), elision=True))
    assert (finding.type, finding.severity) == (FindingType.ELIDED, Severity.INFO)
    assert finding.message == (
        "English beside a French cut (<…>) is not translated: “They also discussed refugee "
        "support.”"
    )
    # a part of a sentence beside the cut is still a partial omission
    (part,) = found(partial_event(elision=True))
    assert part.type == FindingType.PARTIAL_OMISSION


@pytest.mark.parametrize(
    ("clause", "severity", "missing"),
    [
        ("and they discussed refugee support.", Severity.LOW, []),  # five words
        ("and they discussed the support for all refugees.", Severity.MEDIUM, []),  # eight
        ("and they discussed the Belgorod refugees.", Severity.MEDIUM, ["belgorod"]),
        ("and they discussed 300 refugees.", Severity.MEDIUM, ["300"]),
    ],
)
def test_a_short_part_is_low_unless_it_names_what_the_french_lacks(clause, severity, missing):
    english = f"The President met the Governor of the Kursk Region on Monday, {clause}"
    (finding,) = found(partial_event(kept=0.7375, dropped=0.2, english=(english,)))
    assert finding.severity == severity
    assert finding.details["missing_terms"] == missing
    strength = 0.1125 + (0.35 - 0.2)  # each missing term adds 0.05
    expected = 0.5 + 1.5 * strength + 0.05 * len(missing)
    assert finding.confidence == pytest.approx(expected, abs=0.002)  # gain rounded first


def test_the_confidence_rises_with_gain_and_distance_and_is_capped():
    (weak,) = found(partial_event(kept=0.75, dropped=0.2))
    assert weak.confidence == pytest.approx(0.5 + 1.5 * (0.125 + 0.15), abs=0.0011)
    (strong,) = found(partial_event(kept=0.875, dropped=0.0))
    assert strong.confidence == 0.95
    # a coverage above the limit adds nothing (never less than the gain alone)
    config = CheckConfig(span_max_coverage=0.1, span_alone_max_coverage=0.25)
    (edge,) = found(partial_event(kept=0.75, dropped=0.125), config)
    assert edge.confidence == pytest.approx(0.5 + 1.5 * 0.125, abs=0.0011)


# --- a bead far off as a whole ----------------------------------------------------------------


def test_a_bead_far_off_as_a_whole_is_left_to_the_mistranslation_check():
    # z = (0.375 - 0.76) / 0.06 < -3.5: the whole bead is off, not a part of it
    assert found(partial_event(bead=0.375, kept=0.5)) == []
    assert found(partial_event(bead=0.375, kept=0.5), CheckConfig(mistranslation_z=-7.0))


def test_an_off_bead_with_a_short_french_is_judged_if_the_rest_is_ordinary():
    # rest floor: the median 0.76 minus the gap 0.3; the rest scores `kept`
    assert [f.en for f in found(partial_event(bead=0.375, kept=0.5, ratio=1.0))]
    assert found(partial_event(bead=0.375, kept=0.45, ratio=1.0)) == []
    lower = CheckConfig(mistranslation_gap=0.35)
    assert [f.en for f in found(partial_event(bead=0.375, kept=0.45, ratio=1.0), lower)]


def test_a_bead_of_two_english_sentences_is_judged_however_low():
    # the off rule is for one-sentence beads: the sentence the French leaves out is found
    assert [f.en for f in found(partial_event(bead=0.375, kept=0.5, english=(S1, S2)))] == [
        (TARGET + 1,)
    ]


# --- of two candidate parts, the strongest ------------------------------------------------


def test_of_two_parts_the_one_with_more_gain_over_its_coverage_is_reported():
    # every bead low (median 0.28), the French short: both clauses pass the length rule
    low = {"base": 0.2, "bead": 0.3, "ratio": 1.0}
    (last,) = found(partial_event(kept=0.33, dropped=0.3, **low))
    assert last.details["en_span"] == DROPPED
    (first,) = found(partial_event(kept=0.3, dropped=0.33, **low))
    assert first.details["en_span"] == KEPT


# --- with word links ------------------------------------------------------------------------

RENDERED = ("President", "Governor", "Kursk", "Region", "Monday")  # in KEPT
UNRENDERED = ("discussed", "support", "refugees", "border", "areas")  # in DROPPED


def word_links(rendered=RENDERED, unrendered=UNRENDERED) -> list[WordLink]:
    def one(word: str, by: str) -> WordLink:
        start = EN.index(word)
        fr = None if by == "none" else (0, 5)
        return WordLink(TARGET, (start, start + len(word)), TARGET if fr else None, fr, 0.9, by)

    return [one(w, "lexicon") for w in rendered] + [one(w, "none") for w in unrendered]


def test_a_clause_whose_words_the_french_does_not_render_is_called_by_the_words():
    # coverage 0.375: too close for the similarity rule, close enough for the word rule
    data = partial_event(dropped=0.375, links=word_links())
    (finding,) = found(data)
    assert finding.details["called_by"] == "word_coverage"
    assert finding.details["span_word_coverage"] == {"content_words": 5, "lexical_share": 0.0}
    assert finding.message == (
        "Part of the English is not in the French (none of its 5 content words has a "
        "dictionary, name, number or cognate match; best French clause match 0.38): “and they "
        "discussed the support for refugees from the border…”"
    )
    assert found(partial_event(dropped=0.375)) == []  # without links: none


def test_a_clause_called_by_the_cosines_says_so_even_with_word_links():
    # two links only: too little word weight for the word rule, the cosines decide
    data = partial_event(links=word_links(RENDERED[:1], UNRENDERED[:1]))
    (finding,) = found(data)
    assert finding.details["called_by"] == "similarity"
    assert finding.details["span_word_coverage"] == {"content_words": 1, "lexical_share": 0.0}
    assert "the bead scores +0.12 better without it" in finding.message


def test_a_clause_whose_words_the_french_renders_is_never_reported():
    data = partial_event(links=word_links(RENDERED + UNRENDERED, ()))
    assert found(data) == []


# --- the pieces -----------------------------------------------------------------------------


def test_a_short_last_piece_joins_the_one_before():
    assert split_clauses("The President met the Governor on Monday, and then left.", 4) == [
        "The President met the Governor on Monday, and then left."
    ]
    assert split_clauses("The President met the Governor, and they then left.", 4) == [
        "The President met the Governor,",
        "and they then left.",
    ]


def test_heads_and_tails_of_any_length_are_candidates():
    clauses = [(0, f"clause {k}") for k in range(6)]
    spans = candidate_spans(clauses, max_clauses=2)
    assert (0, 3) in spans and (0, 4) in spans  # heads longer than two clauses
    assert (2, 5) in spans and (1, 5) in spans  # tails
    assert (1, 3) not in spans  # a middle run of three
    assert (0, 5) not in spans  # never the whole bead
    assert all(first <= last for first, last in spans)


def test_a_bead_holding_the_cut_itself_is_not_its_neighbour():
    data = event(
        ["Avant.", ("<…>", "elision"), "Après."],
        ["Before.", "After."],
        [([0], [0]), ([1], []), ([2], [1])],
    )
    assert elision_neighbour_beads(data) == {0, 2}


# --- a sentence the omission check reports whole -------------------------------------------

S_MAIN = EN
S_ORPHAN = "The talks were attended by the heads of several federal ministries."


def orphan_event():
    """The target bead's English: EN (two clauses, the last dropped) then S_ORPHAN, which the
    French does not translate at all (0.125). With both sentences the bead scores 0.5, with EN
    alone 0.625; EN's first clause, alone, 0.75; its dropped clause is far (0)."""
    data = partial_event(bead=0.5, english=(S_MAIN, S_ORPHAN))
    data.encoder.whole[S_MAIN] = SentenceVectors._row(mix(a0=0.625, a6=math.sqrt(1 - 0.625**2)))
    return data


def test_the_rest_of_a_bead_is_judged_without_the_sentence_reported_whole():
    data = orphan_event()
    assert [f.en for f in OmissionCheck().run(data)] == [(TARGET + 1,)]
    (finding,) = found(data)
    assert finding.type == FindingType.PARTIAL_OMISSION
    assert finding.details["en_span"] == DROPPED
    assert finding.details["bead_similarity"] == 0.625  # without S_ORPHAN
    assert finding.details["gain_without_span"] == 0.125


def test_the_word_rule_needs_the_rest_of_the_bead_rendered():
    # KEPT's words rendered in part: Kursk alone weighs 37 % of them (enough, >= 30 %),
    # Region alone 16 % (not enough: the French may render little of anything)
    rest = ("President", "Governor", "Region", "Monday")
    data = partial_event(dropped=0.375, links=word_links(("Kursk",), rest + UNRENDERED))
    assert [f.details["called_by"] for f in found(data)] == ["word_coverage"]
    rest = ("President", "Governor", "Kursk", "Monday")
    data = partial_event(dropped=0.375, links=word_links(("Region",), rest + UNRENDERED))
    assert found(data) == []


def test_the_length_rule_needs_a_french_clause_run_below_the_coverage_limit():
    # the dropped clause is 0.3 from the whole French but 0.375 from its second clause: at a
    # coverage limit of 0.375 it is covered, just above it is not
    at = CheckConfig(span_max_coverage=0.375, span_alone_max_coverage=0.25)
    data = partial_event(kept=0.625, dropped=0.3, french=FR_TWO, other_run=0.375, ratio=1.6)
    assert found(data, at) == []
    above = replace(at, span_max_coverage=0.376)
    (finding,) = found(data, above)
    assert finding.details["called_by"] == "short_french"
    assert finding.details["span_coverage"] == 0.375
