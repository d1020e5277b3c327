"""The word-level evaluation sets (bench/wordsets.py) resolve and keep tune apart from heldout.

They are built from ../shared (the real kremlin pages, TransRead): where it is absent these
tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "bench"))

import wordsets  # noqa: E402
from wordsets import CLASSES, SETS, WordSetError, WordSetUnavailable  # noqa: E402

KREMLIN_SETS = [s for s in SETS if s.startswith("kremlin")]
TRANSREAD_SETS = [s for s in SETS if s.startswith("transread")]
ROUND_TWO_HELDOUT = [s for s in SETS if s.endswith("-heldout2")]
ROUND_THREE_HELDOUT = [s for s in SETS if s.endswith("-heldout3")]
# Every kremlin page was used by some file before round 3: its set shares pages, not sentences.
KREMLIN_OWN_PAGES = [s for s in KREMLIN_SETS if s not in ROUND_THREE_HELDOUT]
# Classes whose injections bring in a word (false friend, wrong sense, typo, name): a fresh
# held-out set brings in words that no injection of the same class in another set brings in.
WORD_CLASSES = ("false_friend", "wrong_sense", "nonword", "garbled_name")
FUNCTION_WORDS = frozenset(
    ["le", "la", "les", "l", "un", "une", "de", "du", "des", "d", "en", "au", "aux", "à", "et"]
)


def _load(loader, set_name: str):
    try:
        return loader(set_name)
    except WordSetUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"word sets need ../shared under CI=true: {error}")
        pytest.skip(str(error))


@pytest.fixture(scope="module", params=SETS)
def set_name(request) -> str:
    return request.param


def test_every_pair_resolves_to_text_on_both_sides(set_name):
    pairs = _load(wordsets.load_pairs, set_name)
    assert len(pairs) >= 20
    assert len({p.id for p in pairs}) == len(pairs)
    for pair in pairs:
        assert pair.en.strip() and pair.fr.strip(), pair.id
        assert pair.en == pair.en.strip() and pair.fr == pair.fr.strip(), pair.id
        assert "\t" not in pair.fr and "\n" not in pair.fr, pair.id


def test_every_injection_is_one_edit_of_the_faithful_french(set_name):
    pairs = {p.id: p for p in _load(wordsets.load_pairs, set_name)}
    injections = _load(wordsets.load_injections, set_name)
    assert len(injections) >= 20
    for injection in injections:
        pair = pairs[injection.pair_id]
        assert injection.cls in CLASSES
        assert injection.fr_faithful == pair.fr and injection.en == pair.en
        assert pair.fr.count(injection.old) == 1, (injection.pair_id, injection.old)
        assert injection.fr_corrupted != pair.fr
        start = pair.fr.index(injection.old)
        assert injection.fr_corrupted == (
            pair.fr[:start] + injection.new + pair.fr[start + len(injection.old) :]
        )
        assert injection.note.strip(), injection.pair_id


def test_no_injection_repeats_a_word_pair_more_than_twice(set_name):
    injections = _load(wordsets.load_injections, set_name)
    edits = Counter((i.old, i.new) for i in injections)
    assert max(edits.values()) <= 2, edits.most_common(3)


@pytest.mark.parametrize("corpus", ["kremlin", "transread"])
def test_tune_and_heldout_share_no_pair_source_or_edit(corpus):
    tune = _load(wordsets.load_pairs, f"{corpus}-tune")
    heldout = _load(wordsets.load_pairs, f"{corpus}-heldout")
    assert not {p.id for p in tune} & {p.id for p in heldout}
    # Different pages (kremlin) or books (TransRead): the held-out set is new text.
    documents = [{p.source.split("#")[0] for p in pairs} for pairs in (tune, heldout)]
    assert documents[0] and documents[1] and not documents[0] & documents[1]
    # The held-out injections measure new words of each class, not the tuned ones.
    edits = [
        {(i.old, i.new) for i in _load(wordsets.load_injections, f"{corpus}-{half}")}
        for half in ("tune", "heldout")
    ]
    assert not edits[0] & edits[1]


def _book(pair) -> str:
    return pair.source.split("/")[1].split("#")[0]


def test_transread_halves_follow_the_check_bench_split():
    tune = _load(wordsets.load_pairs, "transread-tune")
    heldout = _load(wordsets.load_pairs, "transread-heldout")
    books = sorted({_book(p) for p in tune + heldout})
    assert {_book(p) for p in tune} <= set(books[0::2])
    assert {_book(p) for p in heldout} <= set(books[1::2])
    # Round 2 draws from the books of the same half: tune books stay tuning books.
    for set_name in TRANSREAD_SETS:
        half = books[0::2] if "-tune" in set_name else books[1::2]
        assert {_book(p) for p in _load(wordsets.load_pairs, set_name)} <= set(half), set_name


def test_no_two_sets_share_a_pair_id():
    owners: dict[str, str] = {}
    for set_name in SETS:
        for pair in _load(wordsets.load_pairs, set_name):
            assert pair.id not in owners, (pair.id, owners.get(pair.id), set_name)
            owners[pair.id] = set_name


def test_every_kremlin_set_has_pages_of_its_own():
    pages = {s: {p.source for p in _load(wordsets.load_pairs, s)} for s in KREMLIN_OWN_PAGES}
    for first, second in combinations(KREMLIN_OWN_PAGES, 2):
        assert not pages[first] & pages[second], (first, second, pages[first] & pages[second])


def test_no_two_transread_sets_share_a_bead():
    beads = {s: {p.source for p in _load(wordsets.load_pairs, s)} for s in TRANSREAD_SETS}
    for first, second in combinations(TRANSREAD_SETS, 2):
        assert not beads[first] & beads[second], (first, second, beads[first] & beads[second])


@pytest.mark.parametrize("heldout", ROUND_TWO_HELDOUT + ROUND_THREE_HELDOUT)
def test_later_heldout_edits_are_new_to_every_other_set(heldout):
    """*-heldout2 and *-heldout3 measure new words of each class: none of their edits appears in
    any other set (the sets their round may tune on, and the other held-out sets)."""
    edits = {(i.old, i.new) for i in _load(wordsets.load_injections, heldout)}
    for other in SETS:
        if other != heldout:
            reused = edits & {(i.old, i.new) for i in _load(wordsets.load_injections, other)}
            assert not reused, (heldout, other, sorted(reused)[:3])


@pytest.mark.parametrize("set_name", TRANSREAD_SETS)
def test_transread_files_are_the_seeded_selection(set_name):
    pairs = _load(wordsets.load_pairs, set_name)
    chosen = wordsets.select_transread_beads(set_name, len(pairs))
    assert [p.source for p in pairs] == [f"transread-fren/{b}#{i}" for b, i in chosen]


def test_kremlin_english_is_one_whole_sentence_or_label():
    for set_name in KREMLIN_SETS:
        for pair in _load(wordsets.load_pairs, set_name):
            # starts like a sentence and does not stop mid-word
            assert re.match(r"[A-Z0-9“‘\"(]", pair.en), (pair.id, pair.en)
            assert not re.search(r"\w-$", pair.en), pair.id


def test_kremlin_french_follows_french_typography():
    no_break = "\u00a0\u202f"
    for set_name in KREMLIN_SETS:
        for pair in _load(wordsets.load_pairs, set_name):
            fr = pair.fr
            assert "'" not in fr, (pair.id, "typographic apostrophe ’ expected")
            for mark in re.finditer(r"[:;?!»%]", fr):
                assert fr[mark.start() - 1] in no_break, (pair.id, "no-break space before", mark)
            for mark in re.finditer("«", fr):
                assert fr[mark.end()] in no_break, (pair.id, "no-break space after «")
            assert not re.search(r"\d\.\d", fr), (pair.id, "decimal comma expected")
            assert not re.search(r"\d,\d{3}\b|\d \d{3}\b", fr), (pair.id, "thousands: no-break")


def test_a_missing_anchor_names_the_item(monkeypatch):
    try:
        wordsets.page_texts("63123")
    except WordSetUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))
    with pytest.raises(WordSetError, match=r"kt-999.*not found in kremlin page 63123"):
        wordsets.resolve_english("63123", "No such sentence", "anywhere.", "kt-999")
    with pytest.raises(WordSetError, match=r"kt-998.*ambiguous"):
        wordsets.resolve_english("63123", "the", "Government", "kt-998")


def test_absent_shared_data_raises_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(wordsets, "KREMLIN_HTML", tmp_path / "kremlin-html")
    monkeypatch.setattr(wordsets, "TRANSREAD", tmp_path / "transread-fren")
    wordsets._load_pairs.cache_clear()
    wordsets.page_texts.cache_clear()
    wordsets.transread_book.cache_clear()
    try:
        for set_name in SETS:
            with pytest.raises(WordSetUnavailable, match="is absent"):
                wordsets.load_pairs(set_name)
            with pytest.raises(WordSetUnavailable, match="is absent"):
                wordsets.load_injections(set_name)
    finally:
        wordsets._load_pairs.cache_clear()
        wordsets.page_texts.cache_clear()
        wordsets.transread_book.cache_clear()


def test_an_unknown_set_is_refused():
    with pytest.raises(WordSetError, match="unknown word set"):
        wordsets.load_pairs("kremlin-test")


def test_every_class_is_present_in_every_set(set_name):
    injections = _load(wordsets.load_injections, set_name)
    assert {i.cls for i in injections} == set(CLASSES)


def test_kremlin_english_is_what_the_segmenter_cuts():
    """Each English span is a whole title, lead, label, or one sentence of split_sentences."""
    from align.segment import split_sentences

    for set_name in KREMLIN_SETS:
        for pair in _load(wordsets.load_pairs, set_name):
            texts = wordsets.page_texts(pair.source.split("/")[1])
            assert any(
                pair.en == text or pair.en in (text[a:b] for a, b in split_sentences(text, "en"))
                for text in texts
                if pair.en in text
            ), (pair.id, pair.en)


def _sentences(text: str) -> set[str]:
    from align.segment import split_sentences

    return {text[a:b].strip() for a, b in split_sentences(text, "en")} | {text.strip()}


def _other_kremlin_english() -> set[str]:
    """The English sentences of every other kremlin file of bench/data (word sets of rounds 1
    and 2, the terminology pairs, the held-out number pairs)."""
    english = [p.en for s in KREMLIN_OWN_PAGES for p in _load(wordsets.load_pairs, s)]
    for half in ("tune", "heldout"):
        path = PROJECT / "bench" / "data" / "terms" / f"{half}.pairs.tsv"
        for row in wordsets._rows(path, ("id", "page", "en_start", "en_end", "fr", "terms")):
            english.append(
                wordsets.resolve_english(row["page"], row["en_start"], row["en_end"], row["id"])
            )
    numbers = PROJECT / "bench" / "data" / "number_pairs_kremlin_heldout.tsv"
    columns = ("id", "page", "en", "fr", "fr_error", "error")
    english += [row["en"] for row in wordsets._rows(numbers, columns)]
    return {sentence for text in english for sentence in _sentences(text)}


@pytest.mark.parametrize("heldout", [s for s in ROUND_THREE_HELDOUT if s.startswith("kremlin")])
def test_round_three_kremlin_sentences_are_used_by_no_other_file(heldout):
    pairs = _load(wordsets.load_pairs, heldout)
    taken = _other_kremlin_english()
    for pair in pairs:
        reused = _sentences(pair.en) & taken
        assert not reused, (pair.id, sorted(reused)[:1])


def _words_brought_in(injection) -> set[str]:
    words = set(re.findall(r"\w+", injection.new.lower()))
    return words - set(re.findall(r"\w+", injection.old.lower())) - FUNCTION_WORDS


@pytest.mark.parametrize("heldout", ROUND_THREE_HELDOUT)
def test_round_three_heldout_brings_in_words_no_other_set_does(heldout):
    """A false friend, wrong sense, typo or name of *-heldout3 is new to every other set's
    injections of that class: the fresh held-out set measures words nobody tuned on."""
    earlier: dict[str, set[str]] = {c: set() for c in WORD_CLASSES}
    for other in SETS:
        if other != heldout:
            for injection in _load(wordsets.load_injections, other):
                if injection.cls in earlier:
                    earlier[injection.cls] |= _words_brought_in(injection)
    for injection in _load(wordsets.load_injections, heldout):
        if injection.cls in earlier:
            reused = _words_brought_in(injection) & earlier[injection.cls]
            assert not reused, (injection.pair_id, injection.cls, sorted(reused))


def test_round_three_draws_a_full_set_where_a_book_runs_short():
    """transread-heldout3 draws 100 beads, all the free ones of the book that runs short (Emma)."""
    pairs = _load(wordsets.load_pairs, "transread-heldout3")
    books = Counter(_book(p) for p in pairs)
    assert len(pairs) == 100 and len(books) == 5
    earlier = {
        f"{book}#{bead}"
        for name in wordsets.earlier_sets("transread-heldout3")
        for book, bead in wordsets.select_transread_beads(name, wordsets.TRANSREAD_PER_SET)
    }
    for book, drawn in books.items():
        free = [b for b in wordsets._one_to_one_beads(book) if f"{book}#{b}" not in earlier]
        assert drawn == min(len(free), 21), (book, drawn, len(free))


def test_earlier_sets_are_the_rounds_before_of_the_same_half():
    assert wordsets.earlier_sets("transread-heldout") == ()
    assert wordsets.earlier_sets("transread-tune2") == ("transread-tune",)
    assert wordsets.earlier_sets("transread-heldout3") == (
        "transread-heldout",
        "transread-heldout2",
    )


def test_even_shares_match_the_plain_split_until_a_book_is_full():
    # No book full: the first ones take the remainder, as rounds 1 and 2 were drawn.
    assert wordsets.even_shares(100, [600, 50, 83, 169, 494]) == [20, 20, 20, 20, 20]
    assert wordsets.even_shares(103, [600] * 5) == [21, 21, 21, 20, 20]
    # A full book gives what it cannot take to the others, shared the same way.
    assert wordsets.even_shares(100, [610, 16, 83, 169, 494]) == [21, 16, 21, 21, 21]
    assert wordsets.even_shares(10, [1, 2, 30]) == [1, 2, 7]
    assert wordsets.even_shares(33, [1, 2, 30]) == [1, 2, 30]
    with pytest.raises(WordSetError, match="only 33 are free"):
        wordsets.even_shares(34, [1, 2, 30])
