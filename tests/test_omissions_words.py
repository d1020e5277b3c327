"""The word-link pieces of the partial-omission check, alone: which clause owns which word
link, and what a span's word coverage says (`clause_word_covers`, `span_word_call`)."""

from __future__ import annotations

from align.checks import CheckConfig
from align.checks.omissions import (
    _content_terms,
    clause_word_covers,
    span_word_call,
    split_clauses,
)
from align.checks.word_coverage import WordCover, link_weight
from align.model import WordLink

CONFIG = CheckConfig()


def link(sentence: int, text: str, word: str, by: str = "lexicon") -> WordLink:
    start = text.index(word)
    return WordLink(sentence, (start, start + len(word)), 0, (0, 1), 0.9, by)


def test_a_clause_written_with_other_spacing_still_owns_its_words():
    # "Well," is too short to stand alone: split_clauses joins it to the next piece with one
    # space, so the clause ("Well, the President…") is not in the sentence verbatim
    # ("Well,  the President…"); it is found whatever the spacing, in its own sentence
    text = "Well,  the President met the Governor on Monday, and they discussed refugee support."
    clauses = [(5, c) for c in split_clauses(text, 4)]
    assert clauses[0][1].startswith("Well, the President") and clauses[0][1] not in text
    links = [link(5, text, "Well", by="none"), link(5, text, "Governor")]
    links.append(link(5, text, "refugee", by="none"))
    first, second = clause_word_covers(links, clauses, {5: text})
    assert (first.words, second.words) == (2, 1)
    assert first.lexical == link_weight(links[1], text) and second.lexical == 0.0


def test_a_later_clause_with_other_spacing_starts_where_it_is():
    # "in short," is joined to the next piece with one space; the sentence has two there:
    # the second clause is found where it is, not one character after the first clause's
    # start (which would hand it the first clause's words)
    text = "The President met the Governor on Monday; in short,  they discussed refugee support."
    clauses = [(4, c) for c in split_clauses(text, 4)]
    assert len(clauses) == 2 and clauses[1][1][:20] not in text
    links = [link(4, text, "Governor"), link(4, text, "refugee", by="none")]
    first, second = clause_word_covers(links, clauses, {4: text})
    assert (first.words, second.words) == (1, 1)
    assert first.share == 1.0 and second.share == 0.0


def test_each_clause_owns_the_links_from_its_start_to_the_next_clause():
    text = "The President met the Governor on Monday, and they discussed refugee support."
    clauses = [(2, c) for c in split_clauses(text, 4)]
    links = [link(2, text, "Governor"), link(2, text, "refugee", by="none")]
    first, second = clause_word_covers(links, clauses, {2: text})
    assert (first.words, second.words) == (1, 1)
    assert first.share == 1.0 and second.share == 0.0


def weighty(weight: float, share: float) -> WordCover:
    return WordCover(3, weight, share * weight, 0.0)


def test_a_span_with_too_little_word_weight_says_nothing():
    rest = weighty(20.0, 1.0)
    below = CONFIG.span_words_min_weight - 0.5
    assert span_word_call((weighty(below, 1.0), rest), 0.0, 1.0, False, CONFIG) is None
    assert span_word_call((weighty(below, 0.0), rest), 0.0, 1.0, False, CONFIG) is None
    at = CONFIG.span_words_min_weight
    assert span_word_call((weighty(at, 1.0), rest), 0.0, 1.0, False, CONFIG) == "rendered"
    assert span_word_call((weighty(at, 0.0), rest), 0.0, 1.0, False, CONFIG) == "unrendered"
    assert span_word_call(None, 0.0, 1.0, False, CONFIG) is None


def test_a_clause_that_repeats_the_start_of_the_one_before_is_found_after_it():
    # both clauses start with the same twenty characters: the second is looked for after
    # the first one's start, in its own sentence (index 3)
    text = "Russia will help the regions of the border; Russia will help the regions again."
    clauses = [(3, c) for c in split_clauses(text, 4)]
    assert len(clauses) == 2 and clauses[0][1][:20] == clauses[1][1][:20]
    links = [link(3, text, "border"), link(3, text, "again", by="none")]
    first, second = clause_word_covers(links, clauses, {3: text})
    assert (first.words, second.words) == (1, 1)
    assert first.share == 1.0 and second.share == 0.0


def test_a_span_with_the_veto_share_of_its_words_rendered_is_rendered():
    rest = weighty(20.0, 1.0)
    veto = CONFIG.span_veto_word_share
    at = weighty(20.0, veto)
    assert at.share == veto
    assert span_word_call((at, rest), 0.0, 1.0, False, CONFIG) == "rendered"
    assert span_word_call((weighty(20.0, veto - 0.01), rest), 0.0, 1.0, False, CONFIG) is None


def test_a_capitalised_word_after_the_first_is_a_term_the_french_must_keep():
    assert _content_terms("In Belgorod the talks went on") == {"belgorod"}
    assert _content_terms("Belgorod and Kursk") == {"kursk"}  # the first word: any sentence
    assert _content_terms("In Ufa") == set()  # three letters or fewer: too short to tell
    assert _content_terms("In 2024 some 300 people came") == {"2024", "300"}
