"""The page parser, on pages written in the site's markup and on the 51 real pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kremlin_server import article_page, person
from lxml import html

from fetch import (
    OriginalBlockKind,
    PageError,
    Provenance,
    load_original_file,
    parse_page,
)
from fetch.parse import clean_text

URL = "http://en.kremlin.ru/events/president/news/71665"
P, T = OriginalBlockKind.PARAGRAPH, OriginalBlockKind.TURN


def _parse(page: str | bytes, url: str = URL):
    raw = page.encode("utf-8") if isinstance(page, str) else page
    return parse_page(raw, url, provenance=Provenance.LIVE)


def test_a_transcript_page_becomes_clean_ordered_blocks() -> None:
    original = _parse(article_page("71665"))
    assert original.event_id == "71665" and original.url == URL
    assert original.title == "Meeting on the development of the port of Murmansk"
    assert (original.date, original.time) == ("2023-07-13", "15:05")
    assert original.place == "The Kremlin, Moscow"
    assert original.lead == "Vladimir Putin held a meeting on the development of the port."
    got = [(b.kind, b.speaker, b.text) for b in original.blocks]
    assert got == [
        (
            P,
            None,
            "The meeting was attended by Governor Dmitry Makhonin and the heads of the ports.",
        ),
        (OriginalBlockKind.SECTION_BREAK, None, "* * *"),
        (T, "President of Russia Vladimir Putin", "Good afternoon, colleagues."),
        (P, None, "The port handled 61.5 million tonnes of cargo last year."),
        (OriginalBlockKind.ELISION, None, "<…>"),
        (
            T,
            "Acting Governor of Perm Territory Dmitry Makhonin",
            "Mr President, the railway is ready.",
        ),
        (T, "Vladimir Putin", "Thank you. Let us continue."),
        (P, None, "A quotation that the body does not contain anywhere else at all."),
        (P, None, "End of the meeting."),
    ]


def test_nothing_but_the_text_is_kept() -> None:
    original = _parse(article_page("71665"))
    everything = " ".join([original.title, original.lead or ""] + [b.text for b in original.blocks])
    everything += " ".join(b.speaker or "" for b in original.blocks)
    for noise in (
        "SLIDER CAPTION",
        "MEDIA CAPTION",
        "SEE ALSO",
        "See also",
        "Published in sections",
        "Publication date",
        "Murmansk Region",
        "Transport",
        "Makhonin Dmitry",  # the tooltip's surname-first title
        "Acting Governor of Perm Territory Mr",
        "\u00a0",
        "Direct link",
    ):
        assert noise not in everything, noise


def test_label_forms_and_remarks_before_the_colon() -> None:
    body = (
        "<p><b>Dmitry Peskov</b><b>:</b> First.</p>"
        "<p><b>Prime Minister of India Narendra Modi</b> (<i>retranslated</i>)<b>:</b> Second.</p>"
        "<p> <b>Vladimir\nPutin: </b>Third.</p>"
        f"<p><b>Governor {person('Andrei', 'Chibis', 'Governor')}</b>: Fourth.</p>"
        "<p><b>Remark</b>: Fifth.</p>"
        "<p>The <b>important</b> point: not a label.</p>"
        "<p><b>Opening remarks</b></p>"
    )
    blocks = _parse(article_page("71665", body=body)).blocks
    assert [(b.kind, b.speaker, b.text) for b in blocks] == [
        (T, "Dmitry Peskov", "First."),
        (T, "Prime Minister of India Narendra Modi", "Second."),
        (T, "Vladimir Putin", "Third."),
        (T, "Governor Andrei Chibis", "Fourth."),
        (T, "Remark", "Fifth."),
        (P, None, "The important point: not a label."),
        (P, None, "Opening remarks"),
    ]


def test_empty_lead_no_place_and_a_page_without_text() -> None:
    original = _parse(article_page("71665", lead="", place=None, body=""))
    assert original.lead is None and original.place is None
    assert original.blocks == ()
    assert original.title and original.date == "2023-07-13"


def test_an_invalid_utf8_byte_is_replaced_not_fatal() -> None:
    raw = article_page("71665", body="<p>have de@lared a state of emergency</p>").encode()
    raw = raw.replace(b"de@lared", b"de\xe3lared")
    original = _parse(raw)
    assert original.blocks[0].text == "have de\ufffdlared a state of emergency"


def test_pages_without_an_article_or_of_another_event_are_refused() -> None:
    with pytest.raises(PageError, match="no article"):
        _parse("<html><body><h1>403 Forbidden</h1></body></html>")
    with pytest.raises(PageError, match="event 5, not 71665"):
        _parse(article_page("5"))


def test_a_saved_html_page_and_a_plain_text_file_load(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(article_page("71665", closing=False), encoding="utf-8")
    original = load_original_file(saved, "http://en.kremlin.ru/d/71665")
    assert original.provenance == Provenance.FILE and original.source_url == str(saved)
    assert original.blocks[2].speaker == "President of Russia Vladimir Putin"

    text = tmp_path / "page.txt"
    text.write_text(
        "Meeting with Government members\n\n"
        "Vladimir Putin held a meeting\nwith members of the Government.\n\n"
        "Vladimir Putin: Good afternoon, colleagues.\n\n"
        "Let us begin.\n\n* * *\n\n<…>\n\n"
        "Deputy Prime Minister Tatyana Golikova: Mr President, colleagues.\n\n"
        "At 10:30 the session began.\n",
        encoding="utf-8",
    )
    original = load_original_file(text, URL)
    assert original.title == "Meeting with Government members"
    assert [(b.kind, b.speaker, b.text) for b in original.blocks] == [
        (P, None, "Vladimir Putin held a meeting with members of the Government."),
        (T, "Vladimir Putin", "Good afternoon, colleagues."),
        (P, None, "Let us begin."),
        (OriginalBlockKind.SECTION_BREAK, None, "* * *"),
        (OriginalBlockKind.ELISION, None, "<…>"),
        (T, "Deputy Prime Minister Tatyana Golikova", "Mr President, colleagues."),
        (P, None, "At 10:30 the session began."),
    ]


def test_unreadable_files_give_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    for name, content in (("empty.txt", b""), ("page.mht", b"MIME-Version: 1.0\r\n")):
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(PageError) as raised:
            load_original_file(path, URL)
        assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)
    with pytest.raises(PageError, match="cannot read"):
        load_original_file(tmp_path / "absent.html", URL)


# --- the real pages ------------------------------------------------------------------------


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _real_pages(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.html"), key=lambda path: int(path.stem))


def _body_without(root: html.HtmlElement, *classes: str) -> html.HtmlElement:
    body = root.xpath(f"//*[{_has_class('read__internal_content')}]")[0]
    for name in classes:
        for element in body.xpath(f".//*[{_has_class(name)}]"):
            element.drop_tree()
    return body


def test_every_real_page_parses_with_its_properties(kremlin_html_dir: Path) -> None:
    pages = _real_pages(kremlin_html_dir)
    assert len(pages) >= 50
    for path in pages:
        raw = path.read_bytes()
        original = parse_page(
            raw, f"http://en.kremlin.ru/d/{path.stem}", provenance=Provenance.LIVE
        )
        where = path.name
        assert original.event_id == path.stem, where
        assert original.title, where
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", original.date or ""), where
        texts = [b.text for b in original.blocks] + [b.speaker or "" for b in original.blocks]
        joined = " ".join([*texts, original.title, original.lead or ""])
        assert "Published in section" not in joined, where
        assert "\u00a0" not in joined, where
        assert all(b.text or b.kind != OriginalBlockKind.PARAGRAPH for b in original.blocks)

        root = html.document_fromstring(raw.decode("utf-8", "replace").encode(), parser=None)
        plain = clean_text(_body_without(root, "read__tooltip", "media", "slider").text_content())
        # tooltip cards: their surname-first title never reaches the text
        for title in root.xpath(
            f"//*[{_has_class('read__tooltip')}]//*[{_has_class('tooltip_title')}]"
        ):
            name = clean_text(title.text_content())
            if name and name not in plain:
                assert name not in joined, (where, name)
        # captions of the slider and of inline media stay out of the text
        captions = root.xpath(
            f"//*[{_has_class('media__title')}]//text()"
            f" | //*[{_has_class('slide')}]/@data-cycle-desc"
        )
        for caption in {clean_text(c) for c in captions}:
            if len(caption) > 15 and caption not in plain:
                assert caption not in joined, (where, caption)


def test_every_bold_label_of_the_real_pages_becomes_a_speaker(kremlin_html_dir: Path) -> None:
    pages_with_labels = 0
    for path in _real_pages(kremlin_html_dir):
        raw = path.read_bytes()
        original = parse_page(
            raw, f"http://en.kremlin.ru/d/{path.stem}", provenance=Provenance.LIVE
        )
        speakers = {b.speaker for b in original.blocks if b.kind == OriginalBlockKind.TURN}
        root = html.document_fromstring(raw.decode("utf-8", "replace").encode())
        body = _body_without(root, "read__tooltip", "read__bottommeta")
        labels = set()
        for paragraph in body.iter("p"):
            first = paragraph.xpath("./node()[normalize-space()][1]")
            if first and getattr(first[0], "tag", None) == "b":
                # "<b>Name:</b> …" or "<b>Name</b>: …"
                label = clean_text(first[0].text_content() + (first[0].tail or "")[:1])
                if label.endswith(":") and len(label) > 2:
                    labels.add(label[:-1].strip())
        if labels:
            pages_with_labels += 1
            assert labels <= speakers, (path.name, labels - speakers)
    assert pages_with_labels >= 30


def test_the_page_with_an_invalid_byte_decodes(kremlin_html_dir: Path) -> None:
    raw = (kremlin_html_dir / "63123.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    original = parse_page(raw, "http://en.kremlin.ru/d/63123", provenance=Provenance.LIVE)
    damaged = [b.text for b in original.blocks if "\ufffd" in b.text]
    assert len(damaged) == 1 and "de\ufffdlared a state of emergency" in damaged[0]
