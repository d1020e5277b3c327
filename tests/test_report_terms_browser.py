"""The Terminology panel in headless Chromium (see tests/browser.py): rows as in the JSON,
links that land on the pair (term and rendering marked) and on the finding's card, the
filters acting on it as on the cards, nothing wider than the window; on the fixture, on a
real `fidelity check-pair --glossary` and on the worked example's batch run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from report_data import load_result
from typer.testing import CliRunner

from align.cli import app
from align.report.render import write_reports

pytestmark = pytest.mark.browser

PROJECT = Path(__file__).resolve().parent.parent
MANY_EVENTS = "000_e6148732d891e308"  # terms in two events, none flagged
CONSISTENCY = "001_daf1f553d76443ac"  # 'President' rendered otherwise: a low finding
GLOSSARY = "002_2ca614c197997517"  # two glossary findings (medium)
WIDTHS = (1400, 800)
#: The glossary of the real run: the demo's French says "Parlement" for the Turkish
#: parliament, which this house style wants as "Grande Assemblée nationale".
HOUSE_GLOSSARY = (
    "english\tfrench\tforbidden\tnote\n"
    "Parliament\tGrande Assemblée nationale\t\tthe Turkish parliament\n"
    "strategic partnership\tpartenariat stratégique\t\t\n"
)


def _url(path: Path) -> str:
    return path.resolve().as_uri()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("terms") / "reports"
    write_reports(load_result(), out)
    return out


@pytest.fixture(scope="module")
def glossary_site(tmp_path_factory) -> Path:
    """`fidelity check-pair --glossary` on the worked example's texts: a real run whose
    glossary raises a terminology finding."""
    root = tmp_path_factory.mktemp("pair-glossary")
    french = root / "traduction.txt"
    lines = (PROJECT / "align/demo/turkstream.fr.txt").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[3:] if not line.startswith("http")]
    french.write_text("Cérémonie de lancement du gazoduc TurkStream\n" + "\n".join(body) + "\n")
    glossary = root / "house.tsv"
    glossary.write_text(HOUSE_GLOSSARY, encoding="utf-8")
    english = PROJECT / "align/demo/turkstream.en.txt"
    out = root / "out"
    args = ["check-pair", str(french), str(english), "--glossary", str(glossary), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The worked example (`fidelity demo`): a batch run, whose index gets the run's terms."""
    from align.demo import run_demo

    out = tmp_path_factory.mktemp("demo") / "reports"
    run_demo(out)
    return out


def _document(folder: Path, stem: str) -> dict[str, Any]:
    return json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))["documents"][0]


def _notable(term: dict[str, Any]) -> bool:
    flagged = any(o["finding"] for o in term["occurrences"])
    return len(term["renderings"]) > 1 or term["glossary"] is not None or flagged


def _shown_terms(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-term-row]", "rows => rows.filter(r => r.checkVisibility()).map(r => r.dataset.term)"
    )


def _show_all(page) -> None:
    button = page.locator(".terms-all")
    if button.get_attribute("aria-pressed") != "true":
        button.click()


def _marked(page) -> list[str] | None:
    """The texts the page marked for the occurrence last opened (CSS Custom Highlight)."""
    return page.evaluate(
        "() => { const h = CSS.highlights.get('term-occurrence');"
        " return h ? Array.from(h).map(r => r.toString()) : null; }"
    )


def _in_view(page, element_id: str) -> bool:
    return page.evaluate(
        """id => { const e = document.getElementById(id); if (!e || !e.checkVisibility())
            return false; const r = e.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight; }""",
        element_id,
    )


def _texts(document: dict[str, Any], occurrence: dict[str, Any]) -> list[str]:
    """The English term and its French rendering as the occurrence's spans cut them."""
    event = document["events"][occurrence["event"]]
    out = []
    for side in ("en", "fr"):
        if occurrence[side] is None:
            continue
        sid, (start, end) = occurrence[side]
        text = next(s["text"] for s in event[f"{side}_sentences"] if s["id"] == sid)
        out.append(text[start:end])
    return out


def test_panel_rows_are_the_json_terms_notable_first_all_on_demand(site, page_factory):
    for document in load_result()["documents"]:
        watch = page_factory(_url(site / f"{document['stem']}.html"))
        page = watch.page
        data = document["terminology"]["terms"]
        assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data if _notable(t))
        status = page.locator(".terms-status").inner_text()
        assert status == f"{sum(map(_notable, data))} of {len(data)} terms shown"
        _show_all(page)
        assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data)
        for term in data:  # the counts of each rendering, here / in all posts
            row = page.locator(f"tr[data-term='{term['term']}']")
            counts = row.locator(".r-n").all_inner_texts()
            assert counts == [f"{r['count']} / {r['corpus_count']}" for r in term["renderings"]]
        page.locator(".terms-all").click()  # back to the notable ones
        assert len(_shown_terms(page)) == sum(map(_notable, data))
        assert watch.requests == [_url(site / f"{document['stem']}.html")]
        assert watch.console_errors == [] and watch.page_errors == []


def test_a_pair_number_opens_the_pair_with_the_term_and_its_rendering_marked(site, page_factory):
    document = next(d for d in load_result()["documents"] if d["stem"] == MANY_EVENTS)
    watch = page_factory(
        _url(site / f"{MANY_EVENTS}.html"), viewport={"width": 1400, "height": 900}
    )
    page = watch.page
    _show_all(page)
    opened = 0
    for term in document["terminology"]["terms"]:
        links = page.locator(f"tr[data-term='{term['term']}'] a.place")
        by_place = {}
        for occurrence in term["occurrences"]:
            by_place.setdefault((occurrence["event"], occurrence["alignment"]), occurrence)
        assert links.count() == len(term["occurrences"])
        for i in range(links.count()):
            link = links.nth(i)
            href = link.get_attribute("href")
            page.locator("#terminology").scroll_into_view_if_needed()
            link.click()
            row_id = href.removeprefix("#")
            assert page.evaluate("location.hash") == href
            assert _in_view(page, row_id), href
            marked = _marked(page)
            # the marks are the term and its rendering, inside the row the link opened
            matching = [o for o in term["occurrences"] if _texts(document, o) == marked]
            assert matching, (term["term"], marked)
            assert page.evaluate(
                "id => Array.from(CSS.highlights.get('term-occurrence'))"
                ".every(r => document.getElementById(id).contains(r.startContainer))",
                row_id,
            )
            opened += 1
    assert opened == sum(len(t["occurrences"]) for t in document["terminology"]["terms"])
    assert watch.console_errors == [] and watch.page_errors == []


def test_a_finding_link_lands_on_its_card(site, page_factory):
    document = next(d for d in load_result()["documents"] if d["stem"] == GLOSSARY)
    page = page_factory(_url(site / f"{GLOSSARY}.html")).page
    links = page.locator("#terminology a[data-term-finding]")
    flagged = [o["finding"] for t in document["terminology"]["terms"] for o in t["occurrences"]]
    assert sorted(links.evaluate_all("ls => ls.map(l => l.dataset.termFinding)")) == sorted(
        f for f in flagged if f
    )
    for i in range(links.count()):
        fid = links.nth(i).get_attribute("data-term-finding")
        links.nth(i).click()
        card = page.locator(f"[data-finding-id='{fid}']")
        assert card.evaluate("c => c.matches(':target')")
        assert card.get_attribute("data-type") == "terminology" and card.is_visible()
        assert _in_view(page, card.get_attribute("id"))
        page.locator("#terminology").scroll_into_view_if_needed()


def _link_shown(page, fid: str) -> bool:
    return page.locator(f"#terminology a[data-term-finding='{fid}']").is_visible()


def test_the_filters_treat_the_panels_findings_as_their_cards(site, page_factory):
    page = page_factory(_url(site / f"{GLOSSARY}.html")).page
    ids = page.locator("#terminology a[data-term-finding]").evaluate_all(
        "ls => ls.map(l => l.dataset.termFinding)"
    )
    assert len(ids) == 2 and all(_link_shown(page, f) for f in ids)
    # another type only: the terminology cards go, and so do their links in the panel …
    page.locator("#filters label.t-number").click()
    assert not any(_link_shown(page, f) for f in ids)
    assert not any(page.locator(f"[data-finding-id='{f}']").is_visible() for f in ids)
    # … while the terms stay: the panel is the post's terminology, not a list of findings
    assert len(_shown_terms(page)) == 2
    # "only rows with findings" then leaves no term with a finding still shown
    page.locator("input[name=only-findings]").check()
    assert _shown_terms(page) == []
    page.locator("#filters label.t-number").click()  # all types again
    assert sorted(_shown_terms(page)) == ["law enforcement", "strategic partnership"]
    assert all(_link_shown(page, f) for f in ids)
    page.locator("input[name=only-findings]").uncheck()
    # the terminology type: its cards and links stay
    page.locator("#filters label.t-terminology").click()
    assert all(_link_shown(page, f) for f in ids)
    page.locator("#filters label.t-terminology").click()
    # severity: these findings are medium
    page.locator("#filters label.sev-high").click()
    assert not any(_link_shown(page, f) for f in ids)
    page.locator("#filters label.sev-medium").click()  # high or medium
    assert all(_link_shown(page, f) for f in ids)
    page.locator("#filters label.sev-high").click()
    page.locator("#filters label.sev-medium").click()
    # a finding marked as false alarm and hidden: its link goes with its card
    page.locator(f"[data-finding-id='{ids[0]}'] button.fa-toggle").click()
    page.locator("input[name=hide-false-alarms]").check()
    assert not _link_shown(page, ids[0]) and _link_shown(page, ids[1])
    # the search narrows the terms too
    page.locator("input[name=hide-false-alarms]").uncheck()
    page.locator("input[name=q]").fill("coopération")
    assert _shown_terms(page) == ["strategic partnership"]


def test_low_severity_consistency_finding_and_search_over_all_terms(site, page_factory):
    page = page_factory(_url(site / f"{CONSISTENCY}.html")).page
    (fid,) = page.locator("#terminology a[data-term-finding]").evaluate_all(
        "ls => ls.map(l => l.dataset.termFinding)"
    )
    assert page.locator(f"[data-finding-id='{fid}']").get_attribute("data-severity") == "low"
    page.locator("#filters label.sev-low").click()
    assert _link_shown(page, fid)
    page.locator("#filters label.sev-low").click()
    page.locator("#filters label.sev-high").click()
    assert not _link_shown(page, fid)
    # a term hidden as not notable is found by the search all the same
    page = page_factory(_url(site / f"{MANY_EVENTS}.html")).page
    assert "Rosatom" not in _shown_terms(page)
    page.locator("input[name=q]").fill("rosatom")
    assert _shown_terms(page) == ["Rosatom"]


def test_a_pair_opened_by_a_link_shows_even_when_the_filters_hide_its_row(site, page_factory):
    page = page_factory(_url(site / f"{MANY_EVENTS}.html")).page
    # the search finds the term by its glossary note, which the text itself does not hold
    page.locator("input[name=q]").fill("ukaz")
    assert _shown_terms(page) == ["executive order"]
    link = page.locator("tr[data-term='executive order'] a.place")
    row_id = link.get_attribute("href").removeprefix("#")
    row = page.locator(f"[id='{row_id}']")
    assert row.get_attribute("data-row") is not None and not row.is_visible()
    link.click()
    assert row.is_visible() and _in_view(page, row_id)
    assert page.evaluate(  # and not under the sticky filter bar
        "id => document.getElementById(id).getBoundingClientRect().top >="
        " document.getElementById('filters').getBoundingClientRect().bottom - 1",
        row_id,
    )
    assert _marked(page) == ["Executive Order", "décret exécutif"]
    page.locator("input[name=q]").fill("ukaz ")  # the filters apply again: it stays shown
    assert row.is_visible()


def test_without_javascript_every_term_is_shown(site, page_factory):
    document = next(d for d in load_result()["documents"] if d["stem"] == MANY_EVENTS)
    page = page_factory(_url(site / f"{MANY_EVENTS}.html"), java_script_enabled=False).page
    assert sorted(_shown_terms(page)) == sorted(t["term"] for t in document["terminology"]["terms"])
    assert page.locator(".terms-tools").is_hidden()
    index = page_factory(_url(site / "index.html"), java_script_enabled=False).page
    assert len(_shown_terms(index)) == len(load_result()["terminology"]["terms"])


def test_index_panel_lists_the_runs_terms_and_links_into_the_posts(site, page_factory):
    result = load_result()
    index = page_factory(_url(site / "index.html"))
    page = index.page
    data = result["terminology"]["terms"]
    assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data if _notable(t))
    _show_all(page)
    assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data)
    # deviating terms first, then the most frequent
    order = [next(t for t in data if t["term"] == name) for name in _shown_terms(page)]
    keys = [(not (t["findings"] or len(t["renderings"]) > 1), -t["corpus_count"]) for t in order]
    assert keys == sorted(keys)
    president = page.locator("tr[data-term='President']")
    assert president.locator(".t-n").inner_text() == "4 in 2 posts"
    assert president.locator(".r-n").all_inner_texts() == ["3", "1"]
    assert index.console_errors == [] and index.page_errors == []
    # every occurrence link opens its post at the pair; every finding link at the card
    links = page.locator("#terminology a.place, #terminology a[data-term-finding]")
    hrefs = links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
    assert len([h for h in hrefs if "#f-" not in h]) == sum(len(t["occurrences"]) for t in data)
    for href in hrefs:
        name, anchor = href.split("#")
        watch = page_factory(_url(site / name) + "#" + anchor)
        target = watch.page.locator(f"[id='{anchor}']")
        assert target.count() == 1 and target.is_visible(), href
        assert _in_view(watch.page, anchor), href
        if anchor.startswith("f-"):
            assert target.get_attribute("data-type") == "terminology"
        else:
            assert target.get_attribute("data-row") is not None
        assert watch.console_errors == [] and watch.page_errors == []


def _widths(page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
            const panel = document.getElementById('terminology');
            const box = panel.querySelector('.terms-scroll');
            const outside = Array.from(document.querySelectorAll('body *'))
              .filter(e => !e.closest('.table-scroll'))
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .map(e => e.tagName + '.' + e.className);
            return {page: document.documentElement.scrollWidth, window: window.innerWidth,
                    panel: panel.getBoundingClientRect().right,
                    box: box.getBoundingClientRect().right,
                    table: box.scrollWidth, boxWidth: box.clientWidth, outside: outside};
        }"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_panel_is_never_wider_than_the_window(site, glossary_site, width, page_factory):
    pages = sorted(site.glob("*.html")) + sorted(glossary_site.glob("*.html"))
    for path in pages:
        page = page_factory(_url(path), viewport={"width": width, "height": 900}).page
        _show_all(page)
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            measured = _widths(page)
            assert measured["page"] <= width and not measured["outside"], (path.name, measured)
            assert measured["panel"] <= width and measured["box"] <= width, (path.name, measured)
            if media == "print":  # on paper nothing scrolls: the table fits the page
                assert measured["table"] <= measured["boxWidth"] + 1, (path.name, measured)
        if width == 1400:  # a wide window needs no scrolling inside the box either
            page.emulate_media(media="screen")
            measured = _widths(page)
            assert measured["table"] <= measured["boxWidth"] + 1, (path.name, measured)


def test_a_real_check_pair_with_a_glossary(glossary_site, page_factory):
    document = _document(glossary_site, "traduction")
    data = document["terminology"]["terms"]
    findings = [f for e in document["events"] for f in e["findings"] if f["type"] == "terminology"]
    assert findings and findings[0]["details"]["kind"] == "glossary"
    watch = page_factory(_url(glossary_site / "traduction.html"))
    page = watch.page
    assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data if _notable(t))
    _show_all(page)
    assert sorted(_shown_terms(page)) == sorted(t["term"] for t in data)
    # the glossary's finding: its link in the panel lands on its card
    link = page.locator(f"#terminology a[data-term-finding='{findings[0]['id']}']")
    link.click()
    card = page.locator(f"[data-finding-id='{findings[0]['id']}']")
    assert card.evaluate("c => c.matches(':target')") and card.is_visible()
    # a pair opened from the panel shows the term and its rendering marked, as the JSON says
    term = max(data, key=lambda t: t["count"])
    occurrence = next(o for o in term["occurrences"] if o["fr"] is not None)
    page.locator("#terminology").scroll_into_view_if_needed()
    page.locator(f"tr[data-term='{term['term']}'] a.place").first.click()
    assert _marked(page) == _texts(document, occurrence)
    assert watch.requests == [_url(glossary_site / "traduction.html")]
    assert watch.console_errors == [] and watch.page_errors == []
    # its index (written by the lone post) gathers the same terms
    index = page_factory(_url(glossary_site / "index.html"))
    _show_all(index.page)
    assert sorted(_shown_terms(index.page)) == sorted(t["term"] for t in data)
    assert index.console_errors == [] and index.page_errors == []


def test_the_worked_example_shows_its_terms_on_both_pages(demo_site, page_factory):
    (twin,) = [p for p in demo_site.glob("*.json") if not p.name.startswith(".")]
    document = _document(demo_site, twin.stem)
    data = document["terminology"]["terms"]
    assert data
    for name in (f"{twin.stem}.html", "index.html"):
        watch = page_factory(_url(demo_site / name))
        _show_all(watch.page)
        assert sorted(_shown_terms(watch.page)) == sorted(t["term"] for t in data), name
        assert watch.requests == [_url(demo_site / name)], name
        assert watch.console_errors == [] and watch.page_errors == [], name
