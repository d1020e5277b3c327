"""Word links inside a bead (align.words): tokens, evidence kinds, terms, JSON, bad input."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from shared_data import absent

from align.corpus import read_post
from align.embed import get_encoder
from align.model import Bead, Side, WordLink
from align.pipeline import SourceInfo, check_event
from align.segment import sentences_from_blocks
from align.words import MAX_WORDS, link_event, tokenise
from align.words.lexicon import bilingual, read_dictd, wide_bilingual
from fetch import load_original_file

PROJECT = Path(__file__).resolve().parent.parent
EVIDENCE = {"identical", "cognate", "number", "name", "lexicon", "lemma", "encoder", "none"}


@pytest.fixture(scope="module")
def encoder():
    return get_encoder("use")


def one_bead(fr_text: str, en_text: str):
    fr = sentences_from_blocks([(fr_text, None, "body")], Side.FR, "fr")
    en = sentences_from_blocks([(en_text, None, "body")], Side.EN, "en")
    return fr, en, (Bead(tuple(s.index for s in fr), tuple(s.index for s in en), 1.0),)


def pairs(fr, en, links: tuple[WordLink, ...]) -> dict[str, tuple[str | None, str]]:
    """English text -> (French text, evidence) of each link."""
    out = {}
    for link in links:
        english = en[link.en_sentence].text[slice(*link.en_span)]
        french = None if link.fr_span is None else fr[link.fr_sentence].text[slice(*link.fr_span)]
        out[english] = (french, link.by)
    return out


# --- tokens ---------------------------------------------------------------------------------


def test_tokens_keep_their_spans_and_cut_elisions_and_clitics() -> None:
    text = "L’Union et Russia's partners qu’il a vus"
    fr = tokenise("l’Union économique d’Eurasie", "fr")
    assert [t.text for t in fr] == ["l’", "Union", "économique", "d’", "Eurasie"]
    assert all("l’Union économique d’Eurasie"[t.start : t.end] == t.text for t in fr)
    assert [t.function for t in fr] == [True, False, False, True, False]
    en = tokenise(text, "en")
    assert [t.text for t in en][:4] == ["L’Union", "et", "Russia", "'s"]
    assert next(t for t in en if t.text == "'s").function


def test_hyphenated_words_split_only_when_asked() -> None:
    assert [t.text for t in tokenise("le vice-Premier ministre", "fr")][1] == "vice-Premier"
    split = tokenise("le vice-Premier ministre", "fr", split_hyphens=True)
    assert [t.text for t in split] == ["le", "vice", "Premier", "ministre"]
    assert [(t.start, t.end) for t in split][1:3] == [(3, 7), (8, 15)]


# --- links on real kremlin-style sentences ---------------------------------------------------


def test_names_numbers_and_identical_words_link_without_an_encoder() -> None:
    fr, en, beads = one_bead(
        "Vladimir Poutine s’est entretenu avec le Président du Kazakhstan Kassym-Jomart Tokaïev.",
        "Vladimir Putin met with President of Kazakhstan Kassym-Jomart Tokayev.",
    )
    (links,) = link_event(fr, en, beads, None)
    found = pairs(fr, en, links)
    assert found["Putin"] == ("Poutine", "name")
    assert found["Tokayev"] == ("Tokaïev", "name")
    assert found["Kazakhstan"] == ("Kazakhstan", "identical")
    assert found["met"] == (None, "none")  # nothing cheap renders it and no encoder was given
    assert {link.by for link in links} <= EVIDENCE


def test_the_encoder_links_what_cheap_evidence_leaves(encoder) -> None:
    fr, en, beads = one_bead(
        "Les deux dirigeants ont discuté de la coopération au sein de l’Union économique "
        "eurasiatique et de l’OTSC.",
        "The two leaders discussed cooperation within the Eurasian Economic Union and the CSTO.",
    )
    (links,) = link_event(fr, en, beads, encoder)
    found = pairs(fr, en, links)
    assert found["two"] == ("deux", "number")
    # the encoder where no dictionary pairs them (FreeDict alone); the Apertium pivot pairs do
    known = "dirigeant" in wide_bilingual().renderings("leader")
    assert found["leaders"] == ("dirigeants", "lexicon" if known else "encoder")
    assert found["cooperation"] == ("coopération", "identical")  # accents ignored
    assert found["CSTO"] == ("OTSC", "name")  # acronym letters reordered
    encoder_scores = [link.score for link in links if link.by == "encoder"]
    assert encoder_scores and all(0.35 <= s <= 1.0 for s in encoder_scores)


def test_a_multi_word_term_is_one_link_over_both_phrases(encoder) -> None:
    fr, en, beads = one_bead(
        "Le vice-Premier ministre Alexandre Novak a évoqué la situation sur le marché des "
        "carburants.",
        "Deputy Prime Minister Alexander Novak spoke about the situation on the fuel market.",
    )
    (links,) = link_event(fr, en, beads, encoder)
    found = pairs(fr, en, links)
    known = "carburant" in wide_bilingual().renderings("fuel")  # the pivot pairs know it
    assert found["fuel market"] == ("marché des carburants", "lexicon" if known else "encoder")
    assert found["Deputy Prime Minister"][0] == "vice-Premier ministre"
    assert found["Alexander"] == ("Alexandre", "name")
    # one link per English word or term, in English order
    starts = [(link.en_sentence, link.en_span[0]) for link in links]
    assert starts == sorted(starts)


def test_reversed_adjective_noun_pairs_merge_into_one_link() -> None:
    fr, en, beads = one_bead(
        "Le Premier ministre a présenté un rapport sur l’exécution du budget fédéral.",
        "The Prime Minister presented a report on the execution of the federal budget.",
    )
    (links,) = link_event(fr, en, beads, None)
    assert pairs(fr, en, links)["federal budget"] == ("budget fédéral", "identical")


def test_the_dictionary_links_words_that_look_nothing_alike() -> None:
    if not bilingual():  # `make test` installs it; CI must have it
        absent("FreeDict English–French is not installed (apt-get install dict-freedict-eng-fra)")
    fr, en, beads = one_bead(
        "Le chef de l’État a tenu une réunion avec les membres du Gouvernement.",
        "The head of state held a meeting with Government members.",
    )
    (links,) = link_event(fr, en, beads, None)
    found = pairs(fr, en, links)
    assert found["meeting"] == ("réunion", "lexicon")
    assert found["held"] == ("tenu", "lexicon")


def test_gap_beads_have_no_links_and_the_result_is_parallel_to_the_beads() -> None:
    fr, en, _ = one_bead("Merci beaucoup.", "Thank you very much. Goodbye.")
    beads = (Bead((0,), (0,), 0.9), Bead((), (1,), 0.0))
    result = link_event(fr, en, beads, None)
    assert len(result) == 2 and result[1] == ()


# --- the JSON of a real event --------------------------------------------------------------


def test_every_alignment_entry_of_the_json_carries_its_links(encoder) -> None:
    post = read_post(PROJECT / "corpus" / "000_e6148732d891e308.txt")
    event = post.events[0]
    original = load_original_file(
        PROJECT / "tests" / "data" / "originals" / "71665.txt",
        "http://en.kremlin.ru/events/president/news/71665",
    )
    document = check_event(event, SourceInfo("file", original, "test file"), encoder)
    fr = {s["id"]: s["text"] for s in document["fr_sentences"]}
    en = {s["id"]: s["text"] for s in document["en_sentences"]}
    total = 0
    for entry in document["alignment"]:
        assert isinstance(entry["links"], list)
        if not (entry["fr"] and entry["en"]):
            assert entry["links"] == []
        for link in entry["links"]:
            total += 1
            assert set(link) == {"en", "fr", "score", "by"}
            sentence, (start, end) = link["en"]
            assert sentence in entry["en"] and 0 <= start < end <= len(en[sentence])
            assert link["by"] in EVIDENCE
            if link["fr"] is None:
                assert link["by"] == "none"
                continue
            fr_sentence, (fr_start, fr_end) = link["fr"]
            assert fr_sentence in entry["fr"] and 0 <= fr_start < fr_end <= len(fr[fr_sentence])
    assert total > 50
    kinds = {link["by"] for entry in document["alignment"] for link in entry["links"]}
    assert {"identical", "name", "encoder"} <= kinds


# --- bad input ------------------------------------------------------------------------------


class CountingEncoder:
    """The real encoder, counting the texts it is asked for."""

    def __init__(self, inner) -> None:
        self.inner, self.id, self.texts = inner, inner.id, 0

    def encode(self, texts):
        self.texts += len(texts)
        return self.inner.encode(texts)


def test_a_10000_character_bead_links_a_bounded_number_of_words(encoder) -> None:
    words = ["croissance", "économique", "régionale", "durable", "coopération", "internationale"]
    fr_text = " ".join(words[i % len(words)] + str(i) for i in range(1400))[:10_000]
    en_text = " ".join(f"growth{i} cooperation" for i in range(900))[:10_000]
    fr = sentences_from_blocks([(fr_text, None, "body")], Side.FR, "fr")
    en = sentences_from_blocks([(en_text, None, "body")], Side.EN, "en")
    beads = (Bead(tuple(s.index for s in fr), tuple(s.index for s in en), 0.5),)
    counting = CountingEncoder(encoder)
    started = time.perf_counter()
    (links,) = link_event(fr, en, beads, counting)
    assert counting.texts <= 2 * MAX_WORDS  # the encoder sees at most the capped words
    linked = [link for link in links if link.fr_span is not None]
    assert len(linked) <= MAX_WORDS
    assert len(links) >= MAX_WORDS  # the rest is listed, unlinked
    assert time.perf_counter() - started < 120  # a guard against a hang, not a benchmark


@pytest.mark.parametrize(
    ("fr_text", "en_text"),
    [
        ("Vladimir Poutine, Xi Jinping, 2023, 15,5 %.", "Vladimir Putin, Xi Jinping, 2023, 15.5%."),
        ("Владимир Путин встретился с Си Цзиньпином.", "Vladimir Putin met Xi Jinping."),
        ("Le Président Путин a dit « привет » 3 fois.", "President Путин said “привет” 3 times."),
        ("… — « » ; !", "..."),
    ],
)
def test_names_figures_and_other_scripts_link_without_error(encoder, fr_text, en_text) -> None:
    fr, en, beads = one_bead(fr_text, en_text)
    if not (fr and en):
        return
    (links,) = link_event(fr, en, beads, encoder)
    for link in links:
        assert link.by in EVIDENCE
        assert 0 <= link.en_span[0] < link.en_span[1] <= len(en[link.en_sentence].text)


# --- the dictionary reader ------------------------------------------------------------------


def _b64(number: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    digits = ""
    while True:
        digits = alphabet[number % 64] + digits
        number //= 64
        if number == 0:
            return digits


def test_dictd_files_are_read_entry_by_entry(tmp_path: Path) -> None:
    entries = [
        "board /bɔːd/\n1. conseil, panneau\n2. planche (de bois)\n",
        "increase /inkriːs/ <n>\naccroissement, augmentation\n",
    ]
    data, index, offset = b"", [], 0
    for entry in entries:
        raw = entry.encode("utf-8")
        head = entry.split(" ")[0]
        index.append(f"{head}\t{_b64(offset)}\t{_b64(len(raw))}")
        data += raw
        offset += len(raw)
    (tmp_path / "x.index").write_text("\n".join(index) + "\n", "utf-8")
    (tmp_path / "x.dict.dz").write_bytes(gzip.compress(data))
    read = read_dictd(tmp_path / "x.index", tmp_path / "x.dict.dz")
    assert read == {
        "board": {"conseil", "panneau", "planche"},
        "increase": {"accroissement", "augmentation"},
    }
