"""The Terminology panel's view model and markup, without a browser (align/report/terms.py)."""

from __future__ import annotations

import copy
from typing import Any

import lxml.html
import pytest
from report_data import SCRIPT_PAYLOAD, load_result

from align.report import terms, view
from align.report.render import render_index, render_post, write_reports


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return load_result()


def _links(result: dict[str, Any]) -> dict[str, str]:
    return {d["stem"]: f"{d['stem']}.html" for d in result["documents"]}


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _notable(term: dict[str, Any]) -> bool:
    """What the panel shows before "Show all terms", from the JSON alone."""
    flagged = any(o["finding"] for o in term["occurrences"])
    return len(term["renderings"]) > 1 or term["glossary"] is not None or flagged


def test_the_fixture_has_terms_findings_and_a_glossary(result):
    # the fixture exercises what the panel shows: several renderings, a finding of each
    # kind the check writes, an occurrence with nothing linked, a post of several events
    index = result["terminology"]
    kinds = {
        f["details"]["kind"]
        for d in result["documents"]
        for e in d["events"]
        for f in e["findings"]
        if f["type"] == "terminology"
    }
    assert kinds == {"glossary", "consistency"} and index["findings"] == 3
    assert any(len(t["renderings"]) > 1 for t in index["terms"])
    assert any(o["fr"] is None for t in index["terms"] for o in t["occurrences"])
    assert index["glossary"]["problems"]
    # the index's counts are the sums of the posts'
    for term in index["terms"]:
        per_post = [
            t
            for d in result["documents"]
            for t in d["terminology"]["terms"]
            if t["key"] == term["key"]
        ]
        assert sum(t["count"] for t in per_post) == term["corpus_count"] == len(term["occurrences"])
        assert len(per_post) == term["documents"]


def test_post_panel_has_one_row_per_term_of_the_json(result):
    for document in result["documents"]:
        panel = terms.post_panel(document)
        expected = document["terminology"]["terms"]
        assert panel is not None
        assert sorted(t.term for t in panel.terms) == sorted(t["term"] for t in expected)
        by_term = {t["term"]: t for t in expected}
        for t in panel.terms:
            data = by_term[t.term]
            assert (t.count, t.corpus_count, t.expected) == (
                data["count"],
                data["corpus_count"],
                data["expected"],
            )
            assert [(r.text, r.count, r.corpus_count) for r in t.renderings] == [
                (r["text"], r["count"], r["corpus_count"]) for r in data["renderings"]
            ]
            assert t.notable == _notable(data)
            places = [p for r in t.renderings for g in r.groups for p in g.places]
            assert len(places) == len(data["occurrences"])
        # those that deviate come first
        deviates = [t.deviates for t in panel.terms]
        assert deviates == sorted(deviates, reverse=True)


def test_each_occurrence_links_to_the_row_holding_its_sentences(result):
    for document in result["documents"]:
        events = view.build_events(document)
        rows = {r.key: r for e in events for r in e.rows}
        panel = terms.post_panel(document)
        occurrences = {
            (o["en"][0], o["en"][1][0], o["fr"][0] if o["fr"] else None): o
            for t in document["terminology"]["terms"]
            for o in t["occurrences"]
        }
        for t in panel.terms:
            for r in t.renderings:
                for place in (p for g in r.groups for p in g.places):
                    row = rows[place.href.removeprefix("#")]
                    en_id, start, _ = map(int, place.en.split(":"))
                    fr_id = int(place.fr.split(":")[0]) if place.fr else None
                    assert en_id in [s.id for s in row.en]
                    if fr_id is not None:
                        assert fr_id in [s.id for s in row.fr]
                    occurrence = occurrences[(en_id, start, fr_id)]
                    assert row.number == occurrence["alignment"] + 1
                    assert place.label.endswith(f"#{row.number}")


def test_the_term_and_its_rendering_are_in_the_hover_text(result):
    document = result["documents"][1]
    (president,) = [t for t in terms.post_panel(document).terms if t.term == "President"]
    (place,) = [p for r in president.renderings for g in r.groups for p in g.places]
    english, french = place.title.split("\n")
    assert "⟦President⟧" in english and english.startswith("English: Mr")
    assert "⟦Vladimir Vladimirovitch⟧" in french


def test_finding_links_go_to_cards_shown_on_the_page(result):
    document = result["documents"][2]
    panel = terms.post_panel(document)
    cards = {f.id: f for e in view.build_events(document) for f in e.findings}
    linked = [p for t in panel.terms for r in t.renderings for g in r.groups for p in g.places]
    with_finding = [p for p in linked if p.finding_id]
    assert len(with_finding) == 2 == panel.findings
    for place in with_finding:
        card = cards[place.finding_id]
        assert card.type == "terminology"
        assert place.finding_href == f"#{card.anchor}"
        assert place.finding_severity == card.severity
    # a finding the producer marked ignored has no card, so no link either
    ignored = copy.deepcopy(document)
    for finding in ignored["events"][0]["findings"]:
        if finding["id"] == with_finding[0].finding_id:
            finding["ignored"] = True
    panel = terms.post_panel(ignored)
    assert panel.findings == 1
    assert with_finding[0].finding_id not in {fid for t in panel.terms for fid in t.finding_ids}


def test_renderings_say_which_is_expected_which_differs_and_which_is_flagged(result):
    by_term = {t.term: t for d in result["documents"] for t in (terms.post_panel(d) or ()).terms}
    css = {t: {r.text: r.css for r in v.renderings} for t, v in by_term.items()}
    assert css["strategic partnership"] == {"coopération stratégique": "flagged"}
    assert css["law enforcement"] == {None: "flagged"}  # nothing linked, with its finding
    assert css["executive order"] == {"décret exécutif": "differs"}  # no finding: accepted
    assert css["quantum computer"] == {"ordinateur quantique": "expected"}
    # no rendering dominates: neither is "expected", neither "differs"
    assert set(css["Future Technologies Forum"].values()) == {"plain"}
    assert by_term["Future Technologies Forum"].expected is None


def test_a_capitalised_or_apostrophe_variant_is_the_expected_rendering():
    assert terms.fold("Douma d’État") == terms.fold("douma  d'état")
    term = {
        "term": "State Duma",
        "key": "duma state",
        "count": 1,
        "corpus_count": 1,
        "expected": "Douma d’État",
        "renderings": [{"text": "douma d'État", "count": 1, "corpus_count": 1}],
        "occurrences": [],
    }
    panel = terms.post_panel({"events": [], "terminology": {"terms": [term]}})
    assert panel.terms[0].renderings[0].css == "expected"


def test_page_anchors_are_the_anchors_the_page_gives(result):
    for document in result["documents"]:
        anchors = view.page_anchors(document)
        events = view.build_events(document)
        assert [p.anchor for p in anchors.events.values()] == [e.anchor for e in events]
        for place, event in zip(anchors.events.values(), events, strict=True):
            by_number = {r.number: r.key for r in event.rows if r.number is not None}
            assert {place.numbers[a]: key for a, key in place.rows.items()} == by_number
        cards = {f.id: f.anchor for e in events for f in e.findings}
        assert {fid: p.anchor for fid, p in anchors.findings.items()} == cards


def test_page_anchors_follow_duplicate_event_numbers_and_finding_ids(result):
    document = copy.deepcopy(result["documents"][0])
    for event in document["events"]:
        event["index"] = 1  # three events numbered 1: event-1, event-1-2, event-1-3
    twin = copy.deepcopy(document["events"][0]["findings"][0])
    document["events"][1]["findings"].append(twin)  # the same id twice: f-<id>, f-<id>-2
    anchors = view.page_anchors(document)
    events = view.build_events(document)
    assert [p.anchor for p in anchors.events.values()] == ["event-1", "event-1-2", "event-1-3"]
    assert [p.anchor for p in anchors.events.values()] == [e.anchor for e in events]
    first = next(f for e in events for f in e.findings if f.id == twin["id"])
    assert anchors.findings[twin["id"]].anchor == first.anchor == f"f-{twin['id']}"


def test_index_panel_links_land_on_anchors_of_the_post_pages(result, tmp_path):
    write_reports(result, tmp_path)
    index = _tree((tmp_path / "index.html").read_text(encoding="utf-8"))
    rows = index.xpath("//table[contains(@class,'terms')]/tbody/tr")
    assert sorted(r.get("data-term") for r in rows) == sorted(
        t["term"] for t in result["terminology"]["terms"]
    )
    pages: dict[str, lxml.html.HtmlElement] = {}
    hrefs = index.xpath("//table[contains(@class,'terms')]//a[@href]/@href")
    places = [h for h in hrefs if "#" in h]
    total = sum(len(t["occurrences"]) for t in result["terminology"]["terms"])
    assert len([h for h in places if "#f-" not in h]) == total
    for href in places:
        page, anchor = href.split("#")
        if page not in pages:
            pages[page] = _tree((tmp_path / page).read_text(encoding="utf-8"))
        (target,) = pages[page].xpath(f"//*[@id='{anchor}']")
        if anchor.startswith("f-"):
            assert target.get("data-type") == "terminology"
        else:
            assert target.get("data-row") is not None
    assert len(index.xpath("//a[@data-term-finding]")) == result["terminology"]["findings"]


def test_index_panel_shows_the_glossary_and_its_skipped_lines(result):
    html = render_index(
        result["documents"],
        signature={},
        links=_links(result),
        terminology=result["terminology"],
    )
    panel = _tree(html).xpath("//*[@id='terminology']")[0]
    text = panel.text_content()
    assert "house.tsv" in text and "4 entries" in text and "no tab between" in text
    assert "min_share" in text  # the thresholds, in a collapsed block
    assert panel.xpath(".//details[contains(@class,'terms-settings')]")[0].get("open") is None


def test_index_panel_puts_deviating_terms_first_then_the_most_frequent(result):
    panel = terms.index_panel(result["terminology"], result["documents"], _links(result))
    keys = [(not t.deviates, -t.corpus_count) for t in panel.terms]
    assert keys == sorted(keys)
    assert panel.terms[0].term == "President" and panel.terms[0].documents == 2


def test_without_the_runs_terminology_the_index_gathers_the_posts(result):
    gathered = terms.gather(result["documents"])
    wanted = {t["key"]: t for t in result["terminology"]["terms"]}
    assert {t["key"] for t in gathered["terms"]} == set(wanted)
    for term in gathered["terms"]:
        full = wanted[term["key"]]
        assert term["corpus_count"] == full["corpus_count"]
        assert term["documents"] == full["documents"] and term["findings"] == full["findings"]
        assert sorted((r["text"] or "", r["corpus_count"]) for r in term["renderings"]) == sorted(
            (r["text"] or "", r["corpus_count"]) for r in full["renderings"]
        )
        assert sorted(o["document"] for o in term["occurrences"]) == sorted(
            o["document"] for o in full["occurrences"]
        )
    assert gathered["findings"] == result["terminology"]["findings"]
    # and the page says the same either way
    links = _links(result)
    with_result = render_index(
        result["documents"], signature={}, links=links, terminology=result["terminology"]
    )
    without = render_index(result["documents"], signature={}, links=links)
    rows = "//table[contains(@class,'terms')]/tbody/tr/@data-term"
    assert sorted(_tree(with_result).xpath(rows)) == sorted(_tree(without).xpath(rows))


def test_no_terminology_no_panel(result):
    document = copy.deepcopy(result["documents"][0])
    del document["terminology"]
    assert terms.post_panel(document) is None
    assert 'id="terminology"' not in render_post(document, signature={})
    document["terminology"] = {"findings": 0, "terms": []}
    assert terms.post_panel(document) is None
    assert 'id="terminology"' not in render_index([document], signature={}, links={})


def test_a_panel_with_no_notable_term_starts_closed(result):
    document = copy.deepcopy(result["documents"][0])
    document["terminology"]["terms"] = [
        t for t in document["terminology"]["terms"] if not _notable(t)
    ]
    panel = _tree(render_post(document, signature={})).xpath("//*[@id='terminology']")[0]
    assert panel.tag == "details" and panel.get("open") is None
    panel = _tree(render_post(result["documents"][2], signature={}))
    assert panel.xpath("//*[@id='terminology']")[0].get("open") is not None


def test_bad_terminology_data_is_skipped_not_fatal(result):
    document = copy.deepcopy(result["documents"][2])
    good = document["terminology"]["terms"][0]
    bad_places = copy.deepcopy(good)
    bad_places["term"], bad_places["key"] = "Broken", "broken"
    bad_places["occurrences"] = [
        {"event": 9, "alignment": 0, "en": [0, [0, 3]], "fr": None},  # no such event
        {"event": 0, "alignment": 99, "en": [0, [0, 3]], "fr": None},  # no such bead
        {"event": "0", "alignment": None},
        "not an occurrence",
        {**good["occurrences"][0], "en": [0, [5, 2]], "fr": ["x", [0, 1]]},  # bad spans
    ]
    document["terminology"]["terms"] += [bad_places, "not a term", {"renderings": [None]}]
    panel = terms.post_panel(document)
    (broken,) = [t for t in panel.terms if t.term == "Broken"]
    (place,) = [p for r in broken.renderings for g in r.groups for p in g.places]
    assert place.en == "" and place.fr == "" and place.href.startswith("#e1-r")
    html = render_post(document, signature={})
    assert "Broken" in html


def test_term_texts_are_escaped(result):
    document = copy.deepcopy(result["documents"][2])
    term = document["terminology"]["terms"][0]
    term["term"] = "Term " + SCRIPT_PAYLOAD
    term["renderings"][0]["text"] = "Rendu " + SCRIPT_PAYLOAD
    term["glossary"]["note"] = SCRIPT_PAYLOAD
    html = render_post(document, signature={})
    tree = _tree(html)
    assert not [s for s in tree.xpath("//script") if "__pwned" in (s.text or "")]
    panel = tree.xpath("//*[@id='terminology']")[0].text_content()
    assert panel.count(SCRIPT_PAYLOAD) >= 3


def test_excerpt_marks_the_term_and_cuts_at_words():
    text = (
        "The President declared 2022–2031 the Decade of Science and Technology by Executive Order."
    )
    start = text.index("Executive Order")
    cut = terms.excerpt(text, start, start + len("Executive Order"), context=20)
    assert cut == "…and Technology by ⟦Executive Order⟧."
    assert terms.excerpt("short", 0, 5) == "⟦short⟧"
    assert terms.excerpt("short", 4, 99) == "short"  # a span outside the text: the text


def test_many_occurrences_are_listed_then_collapsed(result):
    document = copy.deepcopy(result["documents"][0])
    (president,) = [t for t in document["terminology"]["terms"] if t["term"] == "President"]
    president["occurrences"] = president["occurrences"] * 10  # 30 places
    tree = _tree(render_post(document, signature={}))
    row = tree.xpath("//tr[@data-term='President']")[0]
    shown = row.xpath(".//span[@class='places']/a[contains(@class,'place')]")
    more = row.xpath(".//details[@class='more-places']")
    assert len(shown) == terms.PLACES_SHOWN
    assert len(more) == 1 and more[0].xpath(".//a[contains(@class,'place')]")
    assert "and 18 more" in more[0].text_content()
