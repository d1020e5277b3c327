"""The pipeline from a real seed event and an English original to the JSON document."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.corpus import read_post
from align.embed import get_encoder
from align.model import BlockKind, Event
from align.pipeline import (
    SourceInfo,
    check_event,
    check_post,
    english_units,
    french_units,
    post_title,
)
from fetch import load_original_file

PROJECT = Path(__file__).resolve().parent.parent
SEED = PROJECT / "corpus" / "000_e6148732d891e308.txt"
ORIGINAL = PROJECT / "tests" / "data" / "originals" / "71665.txt"
URL = "http://en.kremlin.ru/events/president/news/71665"


@pytest.fixture(scope="module")
def event() -> Event:
    post = read_post(SEED)
    first = post.events[0]
    assert first.source_url == URL
    return first


@pytest.fixture(scope="module")
def document(event: Event) -> dict:
    original = load_original_file(ORIGINAL, URL)
    encoder = get_encoder("use")
    return check_event(event, SourceInfo("file", original, "test file"), encoder)


def test_french_units_put_the_title_first_and_keep_every_content_block(event: Event) -> None:
    units, blocks, truncated = french_units(event)
    assert units[0] == (event.title, None, "body")
    assert not truncated
    kinds = [kind for _, _, kind in units]
    assert "tag" in kinds  # "Géographie" is shown, classified, not dropped
    assert all(b.kind not in (BlockKind.HEADING, BlockKind.SOURCE_URL) for b in blocks)
    assert len(blocks) == len(units) - 1


def test_continued_marks_the_translation_as_truncated() -> None:
    post = read_post(PROJECT / "corpus" / "002_2ca614c197997517.txt")
    last = post.events[-1]
    assert any(b.kind is BlockKind.CONTINUED for b in last.blocks)
    assert french_units(last)[2] is True


def test_english_units_start_with_title_and_lead() -> None:
    original = load_original_file(ORIGINAL, URL)
    units = english_units(original)
    assert units[0][0] == original.title
    assert "Prince Alexander Nevsky" in units[0][0]
    assert all(text.strip() for text, _, _ in units)


def test_alignment_covers_every_translation_sentence_once(document: dict) -> None:
    aligned_kinds = {"body", "turn"}
    fr_ids = [s["id"] for s in document["fr_sentences"] if s["kind"] in aligned_kinds]
    en_ids = [s["id"] for s in document["en_sentences"]]
    in_beads_fr = [i for bead in document["alignment"] for i in bead["fr"]]
    in_beads_en = [j for bead in document["alignment"] for j in bead["en"]]
    assert sorted(in_beads_fr) == fr_ids and in_beads_fr == sorted(in_beads_fr)
    assert sorted(in_beads_en) == en_ids and in_beads_en == sorted(in_beads_en)
    # the titles translate each other and come first
    assert document["alignment"][0] == {**document["alignment"][0], "fr": [0], "en": [0]}


def test_the_extra_english_sentence_is_left_without_french(document: dict) -> None:
    extra = next(s["id"] for s in document["en_sentences"] if "cast in bronze" in s["text"])
    bead = next(b for b in document["alignment"] if extra in b["en"])
    assert bead["fr"] == []


def test_findings_name_the_altered_anniversary_and_the_omission(document: dict) -> None:
    numbers = [f for f in document["findings"] if f["type"] == "number"]
    assert any("20" in f["message"] and "30" in f["message"] for f in numbers)
    extra = next(s["id"] for s in document["en_sentences"] if "cast in bronze" in s["text"])
    omissions = [f for f in document["findings"] if f["type"] == "omission"]
    assert any(extra in f["en"] for f in omissions)


def test_correct_numbers_raise_nothing(document: dict) -> None:
    # dixième = tenth and XXIe siècle = 21st century are right in this translation
    messages = " ".join(f["message"] for f in document["findings"] if f["type"] == "number")
    assert "21" not in messages and "10" not in messages


def test_document_has_the_design_keys(document: dict) -> None:
    for key in ("index", "title", "source_url", "source_status", "fr_sentences", "en_sentences"):
        assert key in document
    assert {"alignment", "findings", "summary"} <= set(document)
    assert document["source_status"] == "file"
    assert 0.9 <= document["summary"]["coverage"] <= 1.0
    sentence = document["fr_sentences"][0]
    assert {"id", "text", "kind"} <= set(sentence)


def test_without_an_original_the_french_side_is_still_reported(event: Event) -> None:
    data = check_event(event, SourceInfo("unavailable", None, "DNS lookup failed"), None)
    assert data["source_status"] == "unavailable"
    assert data["alignment"] == [] and data["findings"] == [] and data["en_sentences"] == []
    assert data["fr_sentences"] and data["source_detail"] == "DNS lookup failed"


def test_post_document_marks_events_without_source() -> None:
    post = read_post(PROJECT / "corpus" / "001_daf1f553d76443ac.txt")
    data = check_post(post, {}, None)
    assert data["events"] and all(e["source_status"] == "no-source" for e in data["events"])
    assert data["stem"] == "001_daf1f553d76443ac"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_e6148732d891e308.txt", "000_e6148732d891e308 · 13 juillet 2023"),
        ("002_2ca614c197997517.txt", "5724 – Russie"),
    ],
)
def test_post_title_is_the_blog_header_or_the_day(name: str, expected: str) -> None:
    post = read_post(PROJECT / "corpus" / name)
    assert post_title(post).startswith(expected)
