"""Blockquotes on kremlin.ru pages: a pull quote is dropped, quoted text of its own is kept.

The real pages in ../shared/kremlin-html/ hold 21 blockquotes, all pull quotes; a page made
from one of them without the paragraphs its quotes repeat shows the other kind: quotes that
are the only copy of their text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kremlin_server import article_page
from lxml import html
from shared_data import absent

from fetch import OriginalBlockKind, Provenance, parse_page
from fetch.parse import PARSER_VERSION, _trigrams, clean_text

URL = "http://en.kremlin.ru/events/president/news/71665"
SHARED_PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "kremlin-html"
BODY = "read__internal_content"


def _texts(
    page: str, lead: str = "Vladimir Putin held a meeting on the development of the port."
) -> list[str]:
    original = parse_page(
        article_page("71665", body=page, lead=lead).encode("utf-8"), URL, provenance=Provenance.LIVE
    )
    return [b.text for b in original.blocks]


def _pages_with_quotes() -> list[Path]:
    if not SHARED_PAGES.is_dir():
        absent(f"{SHARED_PAGES} is absent: the real kremlin.ru pages are not available here")
    return sorted(p for p in SHARED_PAGES.glob("*.html") if b"<blockquote" in p.read_bytes())


def _body(root: html.HtmlElement) -> html.HtmlElement:
    return root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {BODY} ')]")[0]


def _copies(quote: str, texts: list[str]) -> int:
    grams = _trigrams(quote)
    return sum(1 for text in texts if len(grams & _trigrams(text)) >= 0.5 * len(grams))


def test_the_parser_version_is_bumped_so_cached_originals_are_read_again() -> None:
    assert PARSER_VERSION >= 2


def test_a_quoted_paragraph_of_its_own_stays_in_its_place() -> None:
    texts = _texts(
        "<p>The President sent a message of greetings to the forum.</p>"
        "<blockquote><p>Dear friends, your forum has become a fine tradition.</p>"
        "<p>I wish you every success and all the very best.</p></blockquote>"
        "<p>The forum opened in Kazan on Monday.</p>"
    )
    assert texts == [
        "The President sent a message of greetings to the forum.",
        "Dear friends, your forum has become a fine tradition.",
        "I wish you every success and all the very best.",
        "The forum opened in Kazan on Monday.",
    ]


def test_paragraphs_of_one_blockquote_are_judged_one_by_one() -> None:
    # The first quoted paragraph repeats the body, the second is the only copy of its text.
    texts = _texts(
        "<p>We must build new roads in every region of the country by 2030.</p>"
        "<blockquote><p>\u201cWe must build new roads in every region of the country.\u201d</p>"
        "<p>Schools and hospitals will follow them, and the budget has the funds.</p>"
        "</blockquote><p>End of the meeting.</p>"
    )
    assert texts == [
        "We must build new roads in every region of the country by 2030.",
        "Schools and hospitals will follow them, and the budget has the funds.",
        "End of the meeting.",
    ]


def test_a_pull_quote_of_another_quote_or_of_the_lead_is_dropped() -> None:
    lead = "Vladimir Putin said the new port terminal would open next spring as planned."
    texts = _texts(
        "<blockquote><p>The new port terminal will open next spring. It will double the "
        "cargo that the port can handle every year.</p></blockquote>"
        "<p>The meeting went on.</p>"
        "<blockquote><p>It will double the cargo that the port can handle.</p></blockquote>"
        "<blockquote><p>\u201cThe new port terminal would open next spring as planned.\u201d"
        "</p></blockquote>",
        lead=lead,
    )
    assert texts == [
        "The new port terminal will open next spring. It will double the cargo that the port "
        "can handle every year.",
        "The meeting went on.",
    ]


def test_a_quote_with_one_sentence_of_its_own_is_kept_whole() -> None:
    texts = _texts(
        "<p>The regions can raise wages gradually through to 2018.</p>"
        "<blockquote><p>The regions can raise wages gradually through to 2018. But we cannot "
        "allow big differences in the timetables.</p></blockquote>"
    )
    assert texts[-1].endswith("But we cannot allow big differences in the timetables.")


def test_every_quote_of_the_real_pages_is_a_pull_quote_read_once() -> None:
    pages = _pages_with_quotes()
    quotes = 0
    for path in pages:
        raw = path.read_bytes()
        original = parse_page(
            raw, f"http://en.kremlin.ru/d/{path.stem}", provenance=Provenance.LIVE
        )
        texts = [b.text for b in original.blocks]
        for quote in html.document_fromstring(raw).iter("blockquote"):
            quotes += 1
            assert _copies(clean_text(quote.text_content()), texts) == 1, (path.name, quote)
    assert quotes >= 20 and len(pages) >= 6


def test_quotes_that_are_the_only_copy_on_a_real_page_are_kept_in_place() -> None:
    # Page 55882 without the body paragraphs its seven pull quotes repeat: each quote is now
    # the only copy of its text, and must be read where it stands.
    path = next((p for p in _pages_with_quotes() if p.stem == "55882"), None)
    if path is None:
        pytest.skip("page 55882 is not among the real pages here")
    root = html.document_fromstring(path.read_bytes())
    body = _body(root)
    plain = [p for p in body.iter("p") if not any(True for _ in p.iterancestors("blockquote"))]
    quotes = list(body.iter("blockquote"))
    for quote in quotes:
        grams = _trigrams(quote.text_content())
        source = max(plain, key=lambda p: len(grams & _trigrams(p.text_content())))
        if source.getparent() is not None:
            source.drop_tree()
    expected_after = {}
    for quote in quotes:
        following = quote.getnext()
        while following is not None and not clean_text(following.text_content()):
            following = following.getnext()
        if following is not None and following.tag == "p":
            expected_after[clean_text(quote.text_content())] = clean_text(following.text_content())
    original = parse_page(
        html.tostring(root, encoding="utf-8"),
        URL.replace("71665", "55882"),
        provenance=Provenance.LIVE,
    )
    texts = [b.text for b in original.blocks]
    assert len(quotes) == 7
    for quote in quotes:
        text = clean_text(quote.text_content())
        assert _copies(text, texts) == 1, text
        at = texts.index(text)
        if text in expected_after:
            assert expected_after[text].endswith(texts[at + 1]), text
    assert all(b.kind is not OriginalBlockKind.TURN or b.speaker for b in original.blocks)


def test_a_quote_whose_words_are_scattered_over_the_body_is_text_of_its_own() -> None:
    # Most of its word trigrams occur in the body, but no paragraph says what it says.
    texts = _texts(
        "<p>We must support families with children.</p>"
        "<p>The state will raise wages in the public sector.</p>"
        "<blockquote><p>We must support families with children and raise wages in the public "
        "sector.</p></blockquote>"
    )
    assert texts[-1] == (
        "We must support families with children and raise wages in the public sector."
    )
