"""A finding in the reviewer's words: plain messages, formatted details, evidence spans."""

from __future__ import annotations

import re

import pytest

from align.report.evidence import (
    DetailItem,
    evidence_needles,
    find_spans,
    format_details,
    format_scalar,
    humanise_key,
    is_technical,
    plain_message,
)


@pytest.mark.parametrize(
    ("message", "plain"),
    [
        (  # the partial-omission check's message, with its scores
            "Part of the English is not in the French (best French clause match 0.22; the bead"
            " scores +0.09 better without it; the French is 1.5× shorter than this event's ratio"
            " predicts): “as well as in a very hostile environment.”",
            "Part of the English is not in the French: “as well as in a very hostile environment.”",
        ),
        (
            "English sentence aligned here is not translated (similarity 0.20 against this"
            " event's median 0.70; the bead scores +0.10 without it): “Thank you.”",
            "English sentence aligned here is not translated: “Thank you.”",
        ),
        (
            "French and English say different things here: similarity 0.31, far below this"
            " event's median 0.70 (robust z -4.1)",
            "French and English say different things here",
        ),
        (
            "“modelling” is rendered as “montrent” (0.35; this document's word links are"
            " typically 0.72)",
            "“modelling” is rendered as “montrent”",
        ),
        # plain messages stay as they are, parenthesised figures included
        (
            "French says 21 milliards de mètres cubes (21×10⁹ m3), English says 24 billion"
            " cubic metres (24×10⁹ m3)",
            "French says 21 milliards de mètres cubes (21×10⁹ m3), English says 24 billion"
            " cubic metres (24×10⁹ m3)",
        ),
        (
            "English name “Serbia Aleksandar Vucic” has no counterpart in the French (Vucic"
            " not found)",
            "English name “Serbia Aleksandar Vucic” has no counterpart in the French (Vucic"
            " not found)",
        ),
    ],
)
def test_plain_message_drops_scores_and_keeps_quotes(message, plain):
    assert plain_message(message) == plain
    assert not is_technical(plain_message(message))


def test_a_message_that_is_all_scores_is_recognised_as_technical():
    assert is_technical(plain_message("Similarity 0.52 is unusually low (median 0.87)"))
    assert not is_technical("The French negates (“ne suis pas”) where the English does not")


def _flatten(items: tuple[DetailItem, ...]) -> list[str]:
    out = []
    for item in items:
        out.append(item.label)
        if item.value is not None:
            out.append(item.value)
        out += _flatten(item.items)
    return out


def test_details_are_humanised_rounded_and_never_python_reprs():
    details = {
        "change": "altered",
        "fr": {"raw": "21 milliards", "value": 21000000000, "approximate": False, "vague": None},
        "span_similarity": 0.17734,
        "event_distribution": {"median": 0.816, "mad": 0.0823, "beads": 38, "calibrated": True},
        "unmatched": [{"word": "Vucic", "closest": "Vukotic", "score": 66.7}],
        "missing_terms": [],
        "kind": "english_stops",
        "fr_text": "a text the card shows already",
        "neighbours": [{"fr": [11], "similarity": 0.223}],
    }
    items = format_details(details)
    shown = " | ".join(_flatten(items))
    assert not re.search(r"\{'|\['|\bTrue\b|\bFalse\b|\bNone\b", shown), shown
    labels = [i.label for i in items]
    assert labels == [
        "Change",
        "French",
        "Span similarity",
        "Event distribution",
        "Unmatched",
        "Kind",
        "Neighbours",
    ]  # empty lists and the card's own texts are left out
    french = items[1]
    assert [(i.label, i.value) for i in french.items] == [
        ("Raw", "21 milliards"),
        ("Value", "21\u202f000\u202f000\u202f000"),
        ("Approximate", "no"),
    ]
    assert items[2].value == "0.18"
    spread = {i.label: i.value for i in items[3].items}
    assert spread == {"Median": "0.82", "Spread (MAD)": "0.08", "Pairs": "38", "Calibrated": "yes"}
    assert items[4].items[0].value == "word Vucic · closest Vukotic · score 66.70"
    assert items[5].value == "English stops"
    neighbour = items[6].items[0]
    assert {i.label: i.value for i in neighbour.items} == {"French": "11", "Similarity": "0.22"}


def test_keys_and_scalars_read_as_words():
    assert humanise_key("best_neighbour_similarity") == "Best neighbour similarity"
    assert humanise_key("en_span") == "English span"
    assert humanise_key("bead_similarity") == "Pair similarity"
    assert format_scalar(0.0004) == "0.0004" and format_scalar(12.0) == "12"
    assert format_scalar(1234.567) == "1235" and format_scalar("fr") == "French"
    assert format_details("not a mapping") == ()


def test_evidence_is_found_as_whole_words_longest_first():
    needles = evidence_needles(
        "French says 21 milliards (…), English says 24 billion",
        {"fr": {"raw": "21 milliards de mètres cubes"}, "kind": "integer", "word": "de"},
    )
    assert needles[0] == "21 milliards de mètres cubes" and "integer" not in needles
    text = "Rien que l’année dernière, 21 milliards de mètres cubes de combustible"
    spans = find_spans(text, needles)
    assert [text[s:e] for s, e in spans] == ["21 milliards de mètres cubes", "de"]
    assert find_spans("modernisation", ("modern",)) == []  # whole words only


def test_a_quote_the_check_cut_short_runs_to_the_end_of_its_sentence():
    needles = evidence_needles(
        "English sentence has no French translation: “Despite the complex international"
        " situation, and the attempts of a nu…”",
        {},
    )
    text = "Despite the complex international situation, and the attempts of a number of x."
    assert find_spans(text, needles) == [(0, len(text))]


def test_identifiers_are_not_evidence():
    assert evidence_needles("", {"reason": "merged_into_bead", "called_by": "short"}) == ()
