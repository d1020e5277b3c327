"""The report as a newcomer reads it, in headless Chromium: nothing wider than the window,
finding cards in plain words, honest "not checked" events, word links, marks kept per folder,
and the check-pair page (see tests/browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_data import load_result
from typer.testing import CliRunner

from align.cli import app
from align.report.render import write_reports

pytestmark = pytest.mark.browser

PROJECT = Path(__file__).resolve().parent.parent
POST = "002_2ca614c197997517"
WORDS = "000_e6148732d891e308"  # its first event carries word links
WIDTHS = (1400, 800)
#: A Python repr leaking into a card: a dict, a list of quoted strings, True/False/None.
PYTHON_REPR = re.compile(r"\{'|\['|[:=]\s*(True|False|None)\b")


def _url(path: Path) -> str:
    return path.resolve().as_uri()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reader") / "reports"
    write_reports(load_result(), out)
    return out


@pytest.fixture(scope="module")
def pair_site(tmp_path_factory) -> Path:
    """`fidelity check-pair` on the worked example's two texts, into a fresh folder."""
    out = tmp_path_factory.mktemp("pair") / "out"
    french = tmp_path_factory.mktemp("texts") / "traduction.txt"
    lines = (PROJECT / "align/demo/turkstream.fr.txt").read_text(encoding="utf-8").splitlines()
    # plain text, as a reader would type it: the title, then the paragraphs (no post furniture)
    body = [line for line in lines[3:] if not line.startswith("http")]
    french.write_text("Cérémonie de lancement du gazoduc TurkStream\n" + "\n".join(body) + "\n")
    english = PROJECT / "align/demo/turkstream.en.txt"
    result = CliRunner().invoke(app, ["check-pair", str(french), str(english), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _widest(page) -> tuple[int, list[str]]:
    """The page's scroll width, and any element sticking out of the window (outside the
    boxes that scroll on their own)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    outside = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter(e => !e.closest('.table-scroll'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5).map(e => e.tagName + '.' + e.className)"""
    )
    return width, outside


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window(site, pair_site, width, page_factory):
    pages = sorted(site.glob("*.html")) + sorted(pair_site.glob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        page = page_factory(_url(path), viewport={"width": width, "height": 900}).page
        scroll_width, outside = _widest(page)
        assert scroll_width <= width and not outside, (path.name, scroll_width, outside)
        page.emulate_media(media="print")
        scroll_width, outside = _widest(page)
        assert scroll_width <= width and not outside, ("print", path.name, outside)


def test_a_wide_index_scrolls_inside_its_own_box(site, page_factory):
    page = page_factory(_url(site / "index.html"), viewport={"width": 800, "height": 900}).page
    box = page.locator(".table-scroll").filter(has=page.locator("#index-table"))
    inner, outer = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert inner > outer  # the table needs more room than 800 px…
    assert page.evaluate("document.documentElement.scrollWidth") <= 800  # …and takes it inside
    # the last column is reachable by scrolling the box
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    total = page.locator("#index-table thead th").last
    assert total.is_visible() and total.bounding_box()["x"] + 10 < 800


def test_cards_speak_plain_words_and_keep_the_evidence_in_details(site, page_factory):
    result = load_result()
    thresholds = list(result["signature"]["thresholds"])
    for doc in result["documents"]:
        page = page_factory(_url(site / f"{doc['stem']}.html")).page
        cards = page.locator("[data-finding-id]")
        assert cards.count() == sum(len(e["findings"]) for e in doc["events"])
        for i in range(cards.count()):
            card = cards.nth(i)
            body = card.evaluate(
                "c => { const k = c.cloneNode(true); k.querySelectorAll('details')"
                ".forEach(d => d.remove()); return k.innerText; }"
            )
            assert not PYTHON_REPR.search(body), body
            assert "bead" not in body.lower(), body
            assert not any(name in body for name in thresholds), body
            details = card.locator("details.f-details")
            assert details.count() == 1 and not details.evaluate("d => d.open")
            details.locator("summary").click()  # the evidence is one click away, formatted
            shown = details.inner_text()
            assert not PYTHON_REPR.search(shown), shown
            assert "Confidence" in shown
            # both texts are on the card, labelled
            sides = card.locator(".f-side").all_inner_texts()
            assert [s.upper() for s in sides] == ["ENGLISH", "FRENCH"], body


def test_the_evidence_is_highlighted_in_both_texts(site, page_factory):
    page = page_factory(_url(site / "001_daf1f553d76443ac.html")).page
    card = page.locator("[data-finding-id][data-type='number']").first
    english = card.locator(".f-en mark.ev").all_inner_texts()
    french = card.locator(".f-fr mark.ev").all_inner_texts()
    assert english == ["One and a half trillion"] and french == ["Un milliard et demi"]
    page = page_factory(_url(site / f"{WORDS}.html")).page
    card = page.locator("[data-finding-id][data-type='wording']")
    assert card.locator(".f-en mark.ev").all_inner_texts() == ["currently"]
    assert card.locator(".f-fr mark.ev").all_inner_texts() == ["éventuellement"]
    assert card.locator(".ftype").inner_text() == "Wrong word"


def test_a_card_for_the_english_that_stops_shows_a_few_sentences_and_counts_the_rest(
    site, page_factory
):
    page = page_factory(_url(site / f"{WORDS}.html")).page
    card = page.locator("[data-finding-id='6b3c9e1d4a7f2e66']")
    assert "stops here" in card.locator(".f-msg").inner_text()
    card.locator("details summary").click()
    details = card.locator("details").inner_text()
    assert "French not compared" in details and "english_stops" not in details.lower()
    assert "English stops" in details


def test_events_without_an_original_are_not_checked_not_clean(site, page_factory):
    result = load_result()
    events = [e for d in result["documents"] for e in d["events"]]
    compared = sum(1 for e in events if e["compared"])
    index = page_factory(_url(site / "index.html")).page
    headline = index.locator(".compared-count").inner_text()
    assert headline == f"{compared} of {len(events)} events compared"
    rows = index.locator("#index-table tbody tr.not-compared")
    assert rows.count() == len(events) - compared
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td.na").all_inner_texts()
        assert cells and set(cells) == {"—"}
        assert "not checked" in rows.nth(i).locator(".status").inner_text()
    page = page_factory(_url(site / f"{POST}.html")).page
    missing = page.locator("#event-4")
    assert "Not checked — no original" in missing.locator(".missing").inner_text()
    assert missing.locator(".status").inner_text() == "not checked — no original"
    stats = missing.locator(".stats").inner_text()
    assert "not checked" in stats and "0" not in stats.split("FINDINGS")[-1]
    assert "1 of 2 events compared" in page.locator(".compared-count").inner_text()


def test_hovering_or_focusing_a_word_lights_its_counterpart(site, page_factory):
    page = page_factory(_url(site / f"{WORDS}.html")).page
    row = page.locator("[data-row]").filter(has=page.locator("[data-s='en-0']")).first
    english = row.locator(".cell.en .w", has_text="exhibition")
    french = row.locator(".cell.fr .w", has_text="exposition")
    english.hover()
    assert "w-hi" in french.get_attribute("class")
    page.mouse.move(0, 0)
    assert "w-hi" not in french.get_attribute("class")
    french.focus()  # keyboard: the French word lights its English counterpart too
    assert "w-hi" in english.get_attribute("class")
    french.blur()
    assert "w-hi" not in english.get_attribute("class")
    # a multi-word term is one link on both sides
    term = row.locator(".cell.en .w", has_text="Russian Railways")
    term.hover()
    lit = row.locator(".cell.fr .w.w-hi").all_inner_texts()
    assert lit == ["chemins de fer russes"]
    # an English word with no French counterpart is marked, discreetly
    unlinked = page.locator(".cell.en .w-none").all_inner_texts()
    assert unlinked == ["shown"]


def test_false_alarm_marks_belong_to_their_report_folder(tmp_path, browser):
    first, second = tmp_path / "a", tmp_path / "b"
    write_reports(load_result(), first)
    write_reports(load_result(), second)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(_url(first / f"{POST}.html"))
        item = page.locator("[data-finding-id]").first
        target = item.get_attribute("data-finding-id")
        item.locator("button.fa-toggle").click()
        page.goto(_url(second / f"{POST}.html"))  # same browser, other folder: no mark
        other = page.locator(f"[data-finding-id='{target}'] button.fa-toggle")
        assert other.get_attribute("aria-pressed") == "false"
        assert page.locator(".fa-count").inner_text() == "0"
        page.goto(_url(first / "000_e6148732d891e308.html"))  # same folder: shared
        assert page.locator(".fa-count").inner_text() == "1"
    finally:
        context.close()


def test_the_check_pair_page_is_titled_from_the_text_and_links_a_real_index(
    pair_site, page_factory
):
    pages = sorted(p.name for p in pair_site.glob("*.html"))
    assert pages == ["index.html", "traduction.html"]
    page = page_factory(_url(pair_site / "traduction.html")).page
    assert page.locator("h1").inner_text() == "Cérémonie de lancement du gazoduc TurkStream"
    assert "traduction" not in page.title()
    link = page.locator(".crumbs a", has_text="All posts")
    assert link.count() == 1
    target = pair_site / link.get_attribute("href")
    assert target.is_file()
    index = page_factory(_url(target)).page
    assert index.locator("#index-table tbody tr").count() == 1
    assert "Cérémonie de lancement" in index.locator("#index-table tbody").inner_text()
