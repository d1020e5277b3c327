"""The report as a reviewer uses it, in real headless Chromium (see tests/browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import ARTIFACTS
from report_data import HOSTILE, SCRIPT_PAYLOAD, all_findings, hostile_result, load_result

from align.ignore import apply_ignore, load_ignore
from align.report.render import write_reports

pytestmark = pytest.mark.browser

POST = "002_2ca614c197997517"  # cached original with four findings + an unavailable one


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    write_reports(load_result(), out)
    return out


def _url(path: Path) -> str:
    return path.resolve().as_uri()


def _visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector,
        "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.findingId || e.id)",
    )


def test_pages_make_no_request_and_log_no_error(site, page_factory):
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 4
    for page_path in pages:
        watch = page_factory(_url(page_path))
        watch.page.keyboard.press("j")  # exercise the scripts a little
        assert watch.requests == [_url(page_path)], page_path.name
        assert watch.console_errors == [] and watch.page_errors == [], page_path.name


def test_finding_elements_match_the_json(site, page_factory):
    result = load_result()
    for doc in result["documents"]:
        watch = page_factory(_url(site / f"{doc['stem']}.html"))
        ids = watch.page.eval_on_selector_all(
            "[data-finding-id]", "els => els.map(e => e.dataset.findingId)"
        )
        expected = [f["id"] for e in doc["events"] for f in e["findings"]]
        assert sorted(ids) == sorted(expected)


def test_clicking_a_type_filter_hides_the_other_types(site, page_factory):
    page = page_factory(_url(site / f"{POST}.html")).page
    types = page.eval_on_selector_all("[data-finding-id]", "els => els.map(e => e.dataset.type)")
    assert len(set(types)) > 1
    page.locator("#filters label.t-omission").click()
    shown = page.eval_on_selector_all(
        "[data-finding-id], [data-finding-ref]",
        "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.type)",
    )
    hidden = page.eval_on_selector_all(
        "[data-finding-id], [data-finding-ref]",
        "els => els.filter(e => !e.checkVisibility()).map(e => e.dataset.type)",
    )
    assert shown and set(shown) == {"omission"}
    assert hidden and "omission" not in hidden
    page.locator("#filters label.t-omission").click()  # unchecked: all types again
    assert len(_visible(page, "[data-finding-id]")) == len(types)


def test_severity_confidence_rows_and_search_filters(site, page_factory):
    page = page_factory(_url(site / f"{POST}.html")).page
    total = len(_visible(page, "[data-finding-id]"))
    page.locator("#filters label.sev-high").click()
    assert page.eval_on_selector_all(
        "[data-finding-id]",
        "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.severity)",
    ) == ["high"]
    page.locator("#filters label.sev-high").click()
    page.eval_on_selector(
        "input[name=confidence]",
        "el => { el.value = '0.8'; el.dispatchEvent(new Event('input', {bubbles: true})); }",
    )
    confidences = page.eval_on_selector_all(
        "[data-finding-id]",
        "els => els.filter(e => e.checkVisibility()).map(e => parseFloat(e.dataset.confidence))",
    )
    assert confidences and min(confidences) >= 0.8 and len(confidences) < total
    page.eval_on_selector(
        "input[name=confidence]",
        "el => { el.value = '0'; el.dispatchEvent(new Event('input', {bubbles: true})); }",
    )
    page.locator("input[name=only-findings]").check()
    rows = page.eval_on_selector_all(
        "[data-row]", "els => els.filter(e => e.checkVisibility()).map(e => !!e.dataset.findings)"
    )
    assert rows and all(rows)
    page.locator("input[name=only-findings]").uncheck()
    page.locator("input[name=q]").fill("Turkestan")
    texts = page.eval_on_selector_all(
        "[data-row]", "els => els.filter(e => e.checkVisibility()).map(e => e.textContent)"
    )
    assert len(texts) == 1 and "Turkestan" in texts[0]


def test_j_and_k_move_focus_between_findings(site, page_factory):
    page = page_factory(_url(site / f"{POST}.html")).page
    order = page.eval_on_selector_all(
        "[data-finding-ref]", "els => [...new Set(els.map(e => e.dataset.findingRef))]"
    )
    assert len(order) >= 3

    def focused() -> str | None:
        return page.evaluate("document.activeElement.dataset.findingRef || null")

    page.keyboard.press("j")
    assert focused() == order[0]
    page.keyboard.press("j")
    assert focused() == order[1]
    page.keyboard.press("j")
    assert focused() == order[2]
    page.keyboard.press("k")
    assert focused() == order[1]
    current = page.eval_on_selector_all(".row.is-current", "els => els.length")
    assert current == 1


def test_false_alarm_round_trips_through_the_exported_ignore_file(site, page_factory, tmp_path):
    result = load_result()
    watch = page_factory(_url(site / f"{POST}.html"))
    page = watch.page
    item = page.locator("[data-finding-id]").first
    target = item.get_attribute("data-finding-id")
    item.locator("button.fa-toggle").click()
    assert item.locator("button.fa-toggle").get_attribute("aria-pressed") == "true"
    item.locator("input.fa-note").fill("the dates agree")
    page.reload()  # kept in the browser
    item = page.locator(f"[data-finding-id='{target}']")
    assert item.locator("button.fa-toggle").get_attribute("aria-pressed") == "true"
    assert "is-false-alarm" in (item.get_attribute("class") or "")

    with page.expect_download() as info:
        page.locator("button.export-ignore").click()
    download = info.value
    assert download.suggested_filename == "fidelity-ignore.json"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert watch.requests.count(_url(site / f"{POST}.html")) == 2 and all(
        r.startswith(("file:", "blob:")) for r in watch.requests
    )

    ids = load_ignore(saved)
    assert ids == frozenset({target})
    assert '"note": "the dates agree"' in saved.read_text(encoding="utf-8")
    rerun = tmp_path / "rerun"
    write_reports(apply_ignore(result, ids), rerun)
    again = page_factory(_url(rerun / f"{POST}.html")).page
    shown = again.eval_on_selector_all(
        "[data-finding-id]", "els => els.map(e => e.dataset.findingId)"
    )
    assert target not in shown
    assert len(shown) == sum(len(e["findings"]) for e in result["documents"][2]["events"]) - 1
    assert again.locator(f"[data-finding-ref='{target}']").count() == 0


def test_hostile_text_stays_inert_and_shows_as_text(tmp_path, page_factory):
    out = tmp_path / "hostile"
    write_reports(hostile_result(), out)
    for page_path in sorted(out.glob("*.html")):
        watch = page_factory(_url(page_path))
        page = watch.page
        page.keyboard.press("j")
        assert watch.dialogs == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert watch.requests == [_url(page_path)]
        assert watch.console_errors == [] and watch.page_errors == []
    page = page_factory(_url(out / "000_e6148732d891e308.html")).page
    assert page.locator("img").count() == 0
    fr = page.locator("[data-s='fr-0']").first.inner_text()
    en = page.locator("[data-s='en-0']").first.inner_text()
    assert HOSTILE in fr and HOSTILE in en
    assert SCRIPT_PAYLOAD in page.locator("h1").inner_text()
    link = page.locator("#event-2 .source a")
    assert link.count() == 0 or all(
        not (h or "").startswith("javascript")
        for h in link.evaluate_all("els => els.map(e => e.href)")
    )


def test_without_javascript_everything_is_visible(site, page_factory):
    watch = page_factory(_url(site / f"{POST}.html"), java_script_enabled=False)
    page = watch.page
    assert page.locator("#filters").is_hidden()
    total = sum(len(e["findings"]) for e in load_result()["documents"][2]["events"])
    assert len(_visible(page, "[data-finding-id]")) == total
    rows = page.locator("[data-row]")
    assert rows.count() > 0 and all(rows.nth(i).is_visible() for i in range(rows.count()))


def test_print_shows_all_rows_and_hides_the_controls(site, page_factory):
    page = page_factory(_url(site / f"{POST}.html")).page
    page.locator("input[name=q]").fill("Turkestan")
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    rows = page.locator("[data-row]")
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    page.emulate_media(media="screen")


def test_index_sorts_by_a_column(site, page_factory):
    page = page_factory(_url(site / "index.html")).page
    heads = page.eval_on_selector_all(
        "#index-table thead th", "els => els.map(e => e.textContent.trim())"
    )
    col = heads.index("Total")

    def cells() -> list[str]:
        return page.eval_on_selector_all(
            "#index-table tbody tr", f"rows => rows.map(r => r.cells[{col}].textContent.trim())"
        )

    def totals() -> list[int]:
        return [int(t) for t in cells() if t != "—"]  # "—": not compared, no count

    page.locator("#index-table thead th").nth(col).locator("button").click()
    assert totals() == sorted(totals(), reverse=True)
    page.locator("#index-table thead th").nth(col).locator("button").click()
    assert totals() == sorted(totals())
    # events that were not compared sort last either way
    assert "—" in cells() and cells()[-cells().count("—") :] == ["—"] * cells().count("—")
    assert page.locator("#index-table thead th").nth(col).get_attribute("aria-sort") == "ascending"
    assert page.locator("#index-table tbody tr").count() == sum(
        len(d["events"]) for d in load_result()["documents"]
    )
    assert len(all_findings(load_result())) == sum(totals())


def test_screenshot_of_a_post_page(site, page_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    page = page_factory(_url(site / f"{POST}.html"), viewport={"width": 1360, "height": 1500}).page
    shot = ARTIFACTS / "post-page.png"
    page.screenshot(path=str(shot))
    page.screenshot(path=str(ARTIFACTS / "post-page-full.png"), full_page=True)
    assert shot.stat().st_size > 20_000
    index = page_factory(_url(site / "index.html"), viewport={"width": 1360, "height": 900}).page
    index.screenshot(path=str(ARTIFACTS / "index-page.png"), full_page=True)
    assert (ARTIFACTS / "index-page.png").stat().st_size > 20_000
