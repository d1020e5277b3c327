"""The Fetcher against a real HTTP server on 127.0.0.1 that plays the site's habits."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from kremlin_server import KremlinServer, Reply, article_page, page

from fetch import FetchConfig, Fetcher, Provenance, normalise_url
from fetch.cache import OriginalCache

NEWS = "/events/president/news/"


def url(event_id: str) -> str:
    return f"http://en.kremlin.ru/events/president/news/{event_id}"


@pytest.fixture
def server() -> Iterator[KremlinServer]:
    running = KremlinServer()
    yield running
    running.close()


@pytest.fixture
def config(tmp_path: Path, server: KremlinServer) -> FetchConfig:
    return FetchConfig(
        cache_dir=tmp_path / "cache",
        base_url=server.base_url,
        use_wayback=False,
        min_interval_s=0.0,
        retries=3,
        backoff_s=0.5,
        connect_timeout_s=2.0,
        read_timeout_s=2.0,
    )


class Sleeps(list[float]):
    """An injected sleep: records the delays instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_a_page_is_fetched_parsed_and_cached(server, config) -> None:
    server.route(NEWS + "71665", page("71665"))
    outcome = Fetcher(config, sleep=Sleeps()).get("https://en.kremlin.ru/d/71665/print")
    assert outcome.status == "fetched" and outcome.reason is None
    original = outcome.original
    assert original is not None and original.provenance == Provenance.LIVE
    assert original.url == url("71665") and original.http_status == 200
    assert original.source_url == server.base_url + NEWS + "71665"
    assert [(a.status, a.error) for a in outcome.attempts] == [(200, None)]
    headers = server.script.requests[0][1]
    assert headers["User-Agent"].startswith("Mozilla/5.0")

    cache = config.cache_dir
    assert (cache / "71665.html").read_bytes() == article_page("71665").encode()
    meta = json.loads((cache / "71665.json").read_text(encoding="utf-8"))
    assert meta["url"] == url("71665") and meta["source"] == "live"
    assert meta["http_status"] == 200 and len(meta["content_hash"]) == 64
    assert meta["original"]["blocks"][2]["speaker"] == "President of Russia Vladimir Putin"


def test_the_cache_answers_the_second_time_and_offline(server, config) -> None:
    server.route(NEWS + "1", page("1"))
    first = Fetcher(config).get(url("1"))
    again = Fetcher(config).get(url("1"))
    offline = Fetcher(replace(config, offline=True)).get(url("1"))
    assert (first.status, again.status, offline.status) == ("fetched", "cached", "cached")
    assert again.original == first.original == offline.original
    assert server.script.hits(NEWS + "1") == 1
    refreshed = Fetcher(replace(config, refresh=True)).get(url("1"))
    assert refreshed.status == "fetched" and server.script.hits(NEWS + "1") == 2


def test_offline_never_touches_the_network_and_says_what_is_missing(server, config) -> None:
    server.route(NEWS + "2", page("2"))
    outcome = Fetcher(replace(config, offline=True)).get(url("2"))
    assert outcome.status == "missing" and outcome.original is None
    assert outcome.reason == "not in the cache (offline)"
    assert server.script.requests == []


def test_403_then_200_backs_off_and_succeeds(server, config) -> None:
    server.route(NEWS + "3", Reply(status=403), page("3"))
    sleeps = Sleeps()
    outcome = Fetcher(config, sleep=sleeps).get(url("3"))
    assert outcome.status == "fetched"
    assert [a.status for a in outcome.attempts] == [403, 200]
    assert sleeps == [0.5]


def test_429_retry_after_is_honoured_and_capped(server, config) -> None:
    server.route(NEWS + "4", Reply(status=429, headers=(("Retry-After", "7"),)), page("4"))
    server.route(NEWS + "5", Reply(status=429, headers=(("Retry-After", "86400"),)), page("5"))
    sleeps = Sleeps()
    fetcher = Fetcher(replace(config, max_retry_after_s=30.0), sleep=sleeps)
    assert fetcher.get(url("4")).status == "fetched"
    assert fetcher.get(url("5")).status == "fetched"
    assert sleeps == [7.0, 30.0]


def test_server_errors_are_retried_with_exponential_backoff(server, config) -> None:
    server.route(NEWS + "6", Reply(status=500), Reply(status=502), Reply(status=503), page("6"))
    server.route(NEWS + "7", Reply(status=500))
    sleeps = Sleeps()
    fetcher = Fetcher(config, sleep=sleeps)
    assert fetcher.get(url("6")).status == "fetched"
    assert sleeps == [0.5, 1.0, 2.0]
    failed = fetcher.get(url("7"))
    assert failed.status == "failed"
    assert failed.reason == "live: HTTP 500 after 4 tries"
    assert server.script.hits(NEWS + "7") == 4


def test_a_404_is_not_retried(server, config) -> None:
    sleeps = Sleeps()
    outcome = Fetcher(config, sleep=sleeps).get(url("8"))
    assert outcome.status == "failed" and outcome.reason == "live: HTTP 404"
    assert sleeps == [] and server.script.hits(NEWS + "8") == 1


def test_a_slow_server_times_out(server, config) -> None:
    server.route(NEWS + "9", Reply(delay_s=1.5, body=b"late"))
    fast = replace(config, read_timeout_s=0.3, retries=1)
    outcome = Fetcher(fast, sleep=Sleeps()).get(url("9"))
    assert outcome.status == "failed"
    assert outcome.reason == "live: read timed out after 2 tries"
    assert [a.error for a in outcome.attempts] == ["read timed out", "read timed out"]


def test_a_redirect_to_another_host_is_refused(server, config) -> None:
    server.route(NEWS + "10", Reply(status=302, headers=(("Location", "http://evil.test/x"),)))
    server.route(NEWS + "11", Reply(status=301, headers=(("Location", NEWS + "11/print"),)))
    server.route(NEWS + "11/print", page("11"))
    fetcher = Fetcher(config, sleep=Sleeps())
    refused = fetcher.get(url("10"))
    assert refused.status == "failed"
    assert refused.reason == "live: redirect to another host refused: evil.test"
    followed = fetcher.get(url("11"))
    assert followed.status == "fetched"
    assert followed.original.source_url == server.base_url + NEWS + "11/print"
    assert [a.status for a in followed.attempts] == [301, 200]


def test_a_huge_body_is_cut_at_the_cap(server, config) -> None:
    server.route(NEWS + "12", Reply(stream_bytes=30 * 1024 * 1024))
    big = "x" * (11 * 1024 * 1024)
    server.route(NEWS + "13", Reply(body=big.encode()))
    fetcher = Fetcher(config, sleep=Sleeps())
    streamed = fetcher.get(url("12"))
    assert streamed.status == "failed"
    assert streamed.reason == "live: response larger than the cap of 10,485,760 bytes; stopped"
    declared = fetcher.get(url("13"))
    assert declared.reason == ("live: response too large (11,534,336 bytes > cap of 10,485,760)")
    assert not (config.cache_dir / "12.html").exists()


def test_truncated_pages_are_retried_or_refused(server, config) -> None:
    whole = article_page("14").encode()
    server.route(
        NEWS + "14", Reply(body=whole[:2000], declare_length=len(whole)), Reply(body=whole)
    )
    cut = article_page("15", closing=False).encode()[:-300]
    server.route(NEWS + "15", Reply(body=cut))
    sleeps = Sleeps()
    fetcher = Fetcher(config, sleep=sleeps)
    retried = fetcher.get(url("14"))
    assert retried.status == "fetched" and len(retried.original.blocks) == 9
    assert retried.attempts[0].error.startswith("connection broken while reading")
    refused = fetcher.get(url("15"))
    assert refused.status == "failed"
    assert refused.reason == "live: page is truncated (no closing </html>)"


def test_a_non_utf8_byte_does_not_stop_the_page(server, config) -> None:
    raw = article_page("16", body="<p>de@lared</p>").encode().replace(b"@", b"\xe3")
    server.route(NEWS + "16", Reply(body=raw))
    outcome = Fetcher(config).get(url("16"))
    assert outcome.status == "fetched"
    assert outcome.original.blocks[0].text == "de\ufffdlared"


def test_politeness_spaces_requests_to_one_host(server, config) -> None:
    for event_id in ("20", "21", "22"):
        server.route(NEWS + event_id, page(event_id))
    now = [100.0]
    starts: list[float] = []

    class Recording(requests.Session):
        def get(self, *args, **kwargs):  # type: ignore[override]
            starts.append(now[0])
            return super().get(*args, **kwargs)

    def sleep(seconds: float) -> None:
        now[0] += seconds

    fetcher = Fetcher(
        replace(config, min_interval_s=2.0), Recording(), clock=lambda: now[0], sleep=sleep
    )
    for event_id in ("20", "21", "22"):
        assert fetcher.get(url(event_id)).status == "fetched"
    assert starts == [100.0, 102.0, 104.0]


def test_an_unreachable_host_is_tried_once_per_run(tmp_path, config) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    sleeps = Sleeps()
    fetcher = Fetcher(replace(config, base_url=closed), sleep=sleeps)
    outcomes = [fetcher.get(url(str(n))) for n in range(30, 46)]
    assert all(o.status == "failed" for o in outcomes)
    assert outcomes[0].attempts[0].error == "connection refused"
    assert all(o.reason == "live: 127.0.0.1 unreachable (connection refused)" for o in outcomes)
    assert all(a.error.startswith("skipped") for o in outcomes[1:] for a in o.attempts)
    assert sleeps == []


def test_a_host_that_keeps_refusing_us_is_skipped(server, config) -> None:
    server.route(NEWS + "50", Reply(status=403))
    server.route(NEWS + "51", page("51"))
    fetcher = Fetcher(replace(config, retries=1), sleep=Sleeps())
    assert fetcher.get(url("50")).reason == "live: HTTP 403 after 2 tries"
    skipped = fetcher.get(url("51"))
    assert skipped.status == "failed" and "is refusing us" in skipped.reason
    assert server.script.hits(NEWS + "51") == 0


def test_mirror_then_wayback_are_tried_in_order(server, config) -> None:
    mirror = KremlinServer()
    archive = KremlinServer()
    try:
        server.route(NEWS + "60", Reply(status=503))
        server.route(NEWS + "61", Reply(status=503))
        mirror.route(NEWS + "60", page("60"))
        archive.route(
            "/web/2id_/" + url("61"),
            Reply(status=302, headers=(("Location", "/web/20230713id_/" + url("61")),)),
        )
        archive.route("/web/20230713id_/" + url("61"), page("61"))
        setup = replace(
            config,
            retries=0,
            mirrors=(mirror.base_url + "/",),
            use_wayback=True,
            wayback_base_url=archive.base_url,
        )
        fetcher = Fetcher(setup, sleep=Sleeps())
        from_mirror = fetcher.get(url("60"))
        assert from_mirror.status == "mirror"
        assert from_mirror.original.provenance == Provenance.MIRROR
        assert [a.source for a in from_mirror.attempts] == ["live", "mirror"]
        from_archive = fetcher.get(url("61"))
        assert from_archive.status == "wayback"
        assert from_archive.original.provenance == Provenance.WAYBACK
        assert [a.source for a in from_archive.attempts] == ["live", "mirror", "wayback", "wayback"]
        assert OriginalCache(config.cache_dir).load("61").original == from_archive.original
    finally:
        mirror.close()
        archive.close()


def test_the_default_sources_are_http_then_https_then_wayback(tmp_path) -> None:
    fetcher = Fetcher(FetchConfig(cache_dir=tmp_path))
    key_sources = fetcher._sources(normalise_url(url("71665")))
    assert [s.address for s in key_sources] == [
        url("71665"),
        "https://en.kremlin.ru/events/president/news/71665",
        "http://web.archive.org/web/2id_/" + url("71665"),
    ]


def test_a_corrupt_cache_entry_is_refetched_or_reported(server, config) -> None:
    server.route(NEWS + "70", page("70"))
    fetcher = Fetcher(config)
    assert fetcher.get(url("70")).status == "fetched"
    raw_path = config.cache_dir / "70.html"
    raw_path.write_bytes(raw_path.read_bytes()[:1000])  # truncated on disk
    offline = Fetcher(replace(config, offline=True)).get(url("70"))
    assert offline.status == "missing"
    assert offline.reason == "cache entry 70: 70.html does not match its hash"
    (config.cache_dir / "70.json").write_text('{"original": {"url": ', encoding="utf-8")
    assert Fetcher(config).cached(url("70")) is None
    again = Fetcher(config).get(url("70"))
    assert again.status == "fetched" and again.original.title
    assert Fetcher(config).cached(url("70")) == again.original


def test_cache_writes_are_atomic(server, config, monkeypatch) -> None:
    old = page("72", title="Old title")
    server.route(NEWS + "72", old)
    fetcher = Fetcher(replace(config, retries=0), sleep=Sleeps())
    assert fetcher.get(url("72")).status == "fetched"
    before = {p.name: p.read_bytes() for p in config.cache_dir.iterdir()}

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    server.route(NEWS + "72", page("72", title="New title"))
    monkeypatch.setattr(os, "replace", crash)
    outcome = Fetcher(replace(config, refresh=True)).get(url("72"))
    monkeypatch.undo()
    assert outcome.status == "fetched" and outcome.original.title == "New title"
    assert outcome.reason.startswith("not cached: cannot write")
    after = {p.name: p.read_bytes() for p in config.cache_dir.iterdir()}
    assert after == before  # the old entry, whole; no temporary file left behind
    assert Fetcher(config).cached(url("72")).title == "Old title"


def test_a_failed_refresh_keeps_the_cached_copy(server, config) -> None:
    server.route(NEWS + "73", page("73"), Reply(status=404))
    fetcher = Fetcher(config, sleep=Sleeps())
    assert fetcher.get(url("73")).status == "fetched"
    outcome = Fetcher(replace(config, refresh=True), sleep=Sleeps()).get(url("73"))
    assert outcome.status == "cached" and outcome.original is not None
    assert outcome.reason == "refresh failed, kept the cached copy: live: HTTP 404"


def test_import_from_file_goes_into_the_cache(tmp_path, config) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(article_page("80"), encoding="utf-8")
    text = tmp_path / "original.txt"
    text.write_text("A title\n\nVladimir Putin: Hello.\n", encoding="utf-8")
    fetcher = Fetcher(config)
    imported = fetcher.import_file(saved, "http://en.kremlin.ru/d/80")
    assert imported.status == "file" and imported.original.provenance == Provenance.FILE
    from_text = fetcher.import_file(text, url("81"))
    assert from_text.status == "file"
    assert (config.cache_dir / "81.txt").read_text(encoding="utf-8").startswith("A title")
    offline = Fetcher(replace(config, offline=True))
    assert offline.get(url("80")).original == imported.original
    assert offline.get(url("81")).original.blocks[0].speaker == "Vladimir Putin"
    bad = fetcher.import_file(tmp_path / "absent.html", url("82"))
    assert bad.status == "failed" and "cannot read" in bad.reason


def test_bad_urls_are_outcomes_not_exceptions(config) -> None:
    outcome = Fetcher(config).get("http://example.com/x")
    assert outcome.status == "failed" and outcome.key is None
    assert outcome.reason.startswith("not a kremlin.ru URL")
