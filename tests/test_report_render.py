"""Fast tests of the HTML renderer, without a browser: escaping, counts, gaps, index data."""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
import re
from pathlib import Path

import lxml.html
import pytest
from report_data import (
    HOSTILE,
    IMG_PAYLOAD,
    SCRIPT_PAYLOAD,
    all_findings,
    hostile_result,
    load_result,
)

from align.report import render, view
from align.report.render import ReportError, render_index, render_post, write_reports


@pytest.fixture(scope="module")
def result() -> dict:
    return load_result()


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def _post(result: dict, n: int) -> lxml.html.HtmlElement:
    return _tree(render_post(result["documents"][n], signature=result["signature"]))


def test_every_finding_has_exactly_one_element_with_its_id_and_type(result):
    for n, doc in enumerate(result["documents"]):
        tree = _post(result, n)
        elements = tree.xpath("//*[@data-finding-id]")
        expected = [f for e in doc["events"] for f in e["findings"]]
        assert sorted(e.get("data-finding-id") for e in elements) == sorted(
            f["id"] for f in expected
        )
        by_id = {f["id"]: f["type"] for f in expected}
        assert all(e.get("data-type") == by_id[e.get("data-finding-id")] for e in elements)
        # every finding also has its stable anchor
        for f in expected:
            assert tree.xpath(f"//*[@id='f-{f['id']}']"), f["id"]


def test_inline_markers_sit_on_the_rows_holding_the_findings_sentences(result):
    tree = _post(result, 2)
    event = result["documents"][2]["events"][0]
    for f in event["findings"]:
        markers = tree.xpath(f"//*[@data-finding-ref='{f['id']}']")
        assert markers, f["type"]
        for marker in markers:
            row = marker.xpath("ancestor::*[@data-row]")[0]
            ids = {s.get("data-s") for s in row.xpath(".//*[@data-s]")}
            wanted = {f"fr-{i}" for i in f["fr"]} | {f"en-{i}" for i in f["en"]}
            assert ids & wanted


def test_no_sentence_of_either_side_is_dropped_and_french_keeps_document_order(result):
    for n, doc in enumerate(result["documents"]):
        tree = _post(result, n)
        for event, section in zip(doc["events"], tree.xpath("//section[@data-event]"), strict=True):
            shown = [s.get("data-s") for s in section.xpath(".//*[@data-s]")]
            fr_shown = [int(s[3:]) for s in shown if s.startswith("fr-")]
            en_shown = [int(s[3:]) for s in shown if s.startswith("en-")]
            assert sorted(fr_shown) == [s["id"] for s in event["fr_sentences"]]
            assert sorted(en_shown) == [s["id"] for s in event["en_sentences"]]
            assert fr_shown == sorted(fr_shown)


def test_non_translation_french_is_marked_with_its_kind():
    event = load_result()["documents"][0]["events"][1]  # forum: captions, elision, tag
    rows = view.build_rows(event, "e3")
    extras = [(r.extra_kind, r.fr[0].id) for r in rows if r.kind == "extra"]
    assert extras == [("caption", 2), ("caption", 3), ("elision", 9), ("tag", 10)]
    # the captions come after bead 1 (French 0-1) and before bead 2 (French 4)
    kinds = [r.kind for r in rows]
    assert kinds[:4] == ["bead", "extra", "extra", "bead"]
    labels = {r.extra_label for r in rows if r.kind == "extra"}
    assert "photo caption" in labels
    assert any("elision" in label for label in labels)


def test_gaps_are_rows_with_an_empty_side(result):
    tree = _post(result, 0)
    gap_fr = tree.xpath("//*[contains(@class,'row-gap-fr')]")
    gap_en = tree.xpath("//*[contains(@class,'row-gap-en')]")
    assert len(gap_fr) == 1 and len(gap_en) == 1  # elided English, French-only addition
    assert gap_fr[0].xpath(".//*[contains(@class,'cell fr') and contains(@class,'gap')]")
    assert "no French counterpart" in gap_fr[0].text_content()
    assert "no English counterpart" in gap_en[0].text_content()


def test_event_without_original_shows_french_and_how_to_supply_it(result):
    tree = _post(result, 2)
    section = tree.xpath("//section[@id='event-4']")[0]
    text = section.text_content()
    assert "http://en.kremlin.ru/events/president/news/72687" in text
    assert "fidelity fetch --from-file" in text
    assert "--en http://en.kremlin.ru/events/president/news/72687=PAGE.html" in text
    fr = section.xpath(".//*[starts-with(@data-s,'fr-')]")
    assert len(fr) == len(result["documents"][2]["events"][1]["fr_sentences"])


def test_numbers_are_highlighted_with_their_values_on_hover(result):
    for n, doc in enumerate(result["documents"]):
        tree = _post(result, n)
        # in the side-by-side text, each number once (finding cards repeat their sentences)
        marks = tree.xpath("//*[@data-row]//mark[contains(@class,'num')]")
        sentences = [s for e in doc["events"] for s in e["fr_sentences"] + e["en_sentences"]]
        assert len({(m.text_content(), m.get("title")) for m in marks}) <= len(marks)
        assert len(marks) == sum(len(s["numbers"]) for s in sentences)
    tree = _post(result, 2)
    titles = {m.text_content(): m.get("title") for m in tree.xpath("//mark[@title]")}
    assert (
        titles["28,2 milliards de dollars"] == "value 28\u202f200\u202f000\u202f000 USD · currency"
    )
    assert titles["7,6%"] == "value 7.6 · percent"


def test_split_numbers_skips_bad_and_overlapping_spans():
    numbers = [
        {"start": 0, "end": 2, "value": "12"},
        {"start": 1, "end": 3, "value": "overlap"},
        {"start": 5, "end": 99, "value": "out of range"},
    ]
    pieces = view.split_numbers("12 et 34", numbers)
    assert "".join(p.text for p in pieces) == "12 et 34"
    assert [p.text for p in pieces if p.number] == ["12"]


def test_hostile_text_is_escaped_everywhere():
    result = hostile_result()
    html = render_post(result["documents"][0], signature=result["signature"])
    tree = _tree(html)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].text_content()
    assert not tree.xpath("//img")
    handlers = [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    assert handlers == []
    body = tree.text_content()
    assert body.count(HOSTILE) >= 3  # a French and an English sentence, the message
    assert SCRIPT_PAYLOAD in body and IMG_PAYLOAD in body
    # a javascript: source never becomes a link
    assert not [h for h in tree.xpath("//@href") if h.lower().startswith("javascript")]


def test_csp_allows_only_the_page_script_and_no_network(result):
    html = render_post(result["documents"][0], signature=result["signature"])
    tree = _tree(html)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    script = tree.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_pages_reference_nothing_outside_themselves(result):
    pages = [render_post(d, signature=result["signature"]) for d in result["documents"]]
    pages.append(render_index(result["documents"], signature=result["signature"], links={}))
    for html in pages:
        tree = _tree(html)
        assert not tree.xpath("//@src")
        assert tree.xpath("//link/@href") == ["data:,"]
        styles = " ".join(s.text_content() for s in tree.xpath("//style"))
        assert not re.search(r"@import|url\(\s*['\"]?(https?:|//)", styles)
        assert "@media print" in styles


def test_signature_footer_names_tool_encoder_thresholds_and_ignore_file(result):
    signature = dict(result["signature"], ignore_file="reviews/ignore.json")
    tree = _tree(render_post(result["documents"][1], signature=signature))
    footer = tree.xpath("//footer[contains(@class,'signature')]")[0]
    for expected in ("fidelity 0.1.0", "use-m3/0.2.1", "reviews/ignore.json", "CC BY 4.0"):
        assert expected in footer.text_content()
    # the thresholds wrap in a collapsed block, one name/value pair each
    (settings,) = footer.xpath(".//details[contains(@class,'settings')]")
    pairs = {
        div.xpath("./dt")[0].text_content(): div.xpath("./dd")[0].text_content()
        for div in settings.xpath(".//div")
    }
    assert pairs["mistranslation_z"] == "-2.50"
    assert len(pairs) == len(result["signature"]["thresholds"])


def test_plot_has_one_bar_per_bead_and_marks_gaps():
    event = load_result()["documents"][2]["events"][0]
    rows = view.build_rows(event, "e1")
    plot = view.build_plot(rows, set())
    assert plot is not None
    assert len(plot.bars) == len(event["alignment"])
    assert [b.css for b in plot.bars].count("gap") == 1
    low = next(b for b in plot.bars if "0.52" in b.title)
    assert low.css == "weak" and low.height == pytest.approx(0.52 * plot.height)
    assert plot.weak_spans  # the weak bead and the gap are shaded


def test_plot_is_absent_without_an_alignment(result):
    event = result["documents"][2]["events"][1]
    assert view.build_plot(view.build_rows(event, "e4"), set()) is None


def test_index_rows_carry_counts_and_sort_keys(result):
    links = {d["path"]: f"{d['stem']}.html" for d in result["documents"]}
    html = render_index(result["documents"], signature=result["signature"], links=links)
    tree = _tree(html)
    body_rows = tree.xpath("//table[@id='index-table']/tbody/tr")
    events = [e for d in result["documents"] for e in d["events"]]
    assert len(body_rows) == len(events)
    heads = [th.text_content().strip() for th in tree.xpath("//table[@id='index-table']//th")]
    total_col, coverage_col = heads.index("Total"), heads.index("Coverage")
    for tr, event in zip(body_rows, events, strict=True):
        cells = tr.xpath("./td")
        if event["compared"]:
            assert cells[total_col].get("data-sort") == str(len(event["findings"]))
        else:  # not compared: no count at all, not a zero that reads as a pass
            assert cells[total_col].get("data-sort") == ""
            assert cells[total_col].text_content().strip() == "—"
        coverage = event["summary"]["coverage"]
        expected = "" if coverage is None else f"{coverage:.4f}"
        assert cells[coverage_col].get("data-sort") == expected
    hrefs = tree.xpath("//tbody//a/@href")
    assert "002_2ca614c197997517.html#event-4" in hrefs
    statuses = {s.text_content() for s in tree.xpath("//tbody//*[contains(@class,'status-')]")}
    assert {
        "fetched",
        "from cache",
        "not checked — no original",
        "not checked — no source cited",
    } <= statuses
    compared = sum(1 for e in events if e["compared"])
    headline = tree.xpath("//*[contains(@class,'compared-count')]")[0].text_content()
    assert headline == f"{compared} of {len(events)} events compared" and compared < len(events)


def test_write_reports_writes_pages_twins_and_index(tmp_path, result):
    written = write_reports(result, tmp_path)
    names = sorted(p.name for p in written)
    stems = [d["stem"] for d in result["documents"]]
    assert names == sorted(
        [f"{s}.html" for s in stems] + [f"{s}.json" for s in stems] + ["index.html"]
    )
    twin = json.loads((tmp_path / f"{stems[0]}.json").read_text(encoding="utf-8"))
    assert twin["documents"] == [result["documents"][0]]
    assert twin["signature"] == result["signature"]
    assert {"tool", "version", "encoder"} <= twin.keys()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left
    assert oct((tmp_path / "index.html").stat().st_mode & 0o777) != oct(0o600)


def test_a_failed_write_leaves_the_old_page_and_no_temp_file(tmp_path, monkeypatch, result):
    page = tmp_path / "index.html"
    page.write_text("old page", encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)  # every write goes through align.io
    with pytest.raises(ReportError) as info:
        write_reports(result, tmp_path)
    message = str(info.value)
    assert "\n" not in message and "No space left on device" in message
    assert str(tmp_path) in message
    assert page.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_write_reports_into_a_file_raises_one_line_error(tmp_path, result):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ReportError, match="cannot write"):
        write_reports(result, blocker)


def test_page_stems_are_distinct_safe_and_never_index():
    docs = [{"stem": "index"}, {"stem": "a b"}, {"stem": "a b"}, {"path": "x/../.hidden.txt"}, {}]
    stems = render.page_stems(docs)
    assert len(set(stems)) == len(stems)
    assert "index" not in stems
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", s) for s in stems)
    assert not any(os.sep in s for s in stems)


def test_renderer_tolerates_a_minimal_document():
    doc = {
        "path": "corpus/x.txt",
        "events": [
            {
                "index": 1,
                "title": "T",
                "fr_sentences": [{"id": 0, "text": "Bonjour."}],
                "alignment": [{"fr": [0], "en": [], "score": 0}],
            }
        ],
    }
    html = render_post(doc, signature={})
    assert "Bonjour." in html
    assert render_index([doc], signature={}, links={}).count("<tr") == 2


def test_fixture_findings_cover_every_type(result):
    assert {f["type"] for f in all_findings(result)} == set(view.TYPE_ORDER)


def test_post_page_path_is_relative_to_out_dir(tmp_path, result):
    write_reports(result, tmp_path)
    index = _tree((tmp_path / "index.html").read_text(encoding="utf-8"))
    for href in index.xpath("//tbody//a/@href"):
        assert (tmp_path / href.split("#")[0]).is_file()
    assert (
        Path(tmp_path / "002_2ca614c197997517.html")
        .read_text(encoding="utf-8")
        .startswith("<!DOCTYPE html>")
    )


def test_findings_marked_ignored_by_a_producer_are_not_shown(result):
    doc = json.loads(json.dumps(result["documents"][2]))
    target = doc["events"][0]["findings"][0]
    target["ignored"] = True
    tree = _tree(render_post(doc, signature={}))
    ids = tree.xpath("//@data-finding-id")
    assert target["id"] not in ids and len(ids) == len(doc["events"][0]["findings"]) - 1
    assert not tree.xpath(f"//*[@data-finding-ref='{target['id']}']")
    assert "1 by the ignore file" in tree.text_content()
    index = _tree(render_index([doc], signature={}, links={}))
    total = str(len(doc["events"][0]["findings"]) - 1)
    row = index.xpath("//table[@id='index-table']/tbody/tr[1]/td[last()]")[0]
    assert row.text_content().strip() == total


def test_a_missing_browser_skips_but_fails_under_ci(monkeypatch):
    import browser

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI=true"):
        browser._unavailable("no chromium")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="make chromium"):
        browser._unavailable("no chromium")


def test_write_document_then_write_index_link_up(tmp_path, result):
    from align.report import write_document, write_index

    header = {k: v for k, v in result.items() if k != "documents"}
    for doc in result["documents"]:
        first = not (tmp_path / "index.html").exists()
        paths = write_document(header, doc, tmp_path)
        # the first page of a folder also gets an index, so its "All posts" link works
        expected = [f"{doc['stem']}.html", f"{doc['stem']}.json"] + (
            ["index.html"] if first else []
        )
        assert [p.name for p in paths] == expected
        twin = json.loads(paths[1].read_text(encoding="utf-8"))
        assert twin["documents"] == [doc] and twin["signature"] == result["signature"]
    (index,) = write_index(result, tmp_path)
    hrefs = _tree(index.read_text(encoding="utf-8")).xpath("//tbody//a/@href")
    assert hrefs and all((tmp_path / h.split("#")[0]).is_file() for h in hrefs)


def test_blogger_additions_after_the_url_and_unfinished_translations_are_said(result):
    tree = _post(result, 2)
    extras = tree.xpath("//section[@id='event-4']//*[contains(@class,'event-extras')]")[0]
    text = extras.text_content()
    assert "Ajouté par SANS A PRIORI" in text and "blogger addition" in text
    notice = _post(result, 1).xpath("//section[@id='event-2']//*[@class='notice']")
    assert notice and "À suivre" in notice[0].text_content()


def test_other_french_is_labelled_by_its_block_kind_when_known():
    event = {
        "fr_sentences": [
            {"id": 0, "text": "Titre", "kind": "body"},
            {"id": 1, "text": "13 juillet 2023 à 11h00", "kind": "other", "block_kind": "dateline"},
            {"id": 2, "text": "Bonjour.", "kind": "body"},
        ],
        "en_sentences": [{"id": 0, "text": "Title"}, {"id": 1, "text": "Hello."}],
        "alignment": [{"fr": [0], "en": [0], "score": 0.9}, {"fr": [2], "en": [1], "score": 0.9}],
    }
    rows = view.build_rows(event, "e1")
    assert [r.kind for r in rows] == ["bead", "extra", "bead"]
    assert rows[1].extra_label == "dateline"
