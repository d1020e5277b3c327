"""kremlin.ru URLs: one key per event, whatever form the blogger copied."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fetch import EventKey, UrlError, find_kremlin_urls, normalise_url

CANONICAL = "http://en.kremlin.ru/events/president/news/71665"


@pytest.mark.parametrize(
    "url",
    [
        "http://en.kremlin.ru/events/president/news/71665",
        "https://en.kremlin.ru/events/president/news/71665",
        "http://en.kremlin.ru/events/president/news/71665/print",
        "http://en.kremlin.ru/events/president/news/71665/photos",
        "http://en.kremlin.ru/events/president/news/71665/photos/64217",
        "http://en.kremlin.ru/events/president/news/71665/videos",
        "http://en.kremlin.ru/events/president/news/71665/",
        "http://en.kremlin.ru/events/president/news/71665.",
        "http://en.kremlin.ru/events/president/news/71665).",
        "http://en.kremlin.ru/events/president/news/71665»",
        "  http://en.kremlin.ru/events/president/news/71665\u00a0\n",
        "http://en.kremlin.ru/events/president/news/71665?utm_source=x#top",
        "http://EN.KREMLIN.RU/events/president/news/71665",
        "en.kremlin.ru/events/president/news/71665",
        "http://special.kremlin.ru/events/president/news/71665",
        "http://en.special.kremlin.ru/events/president/news/71665",
        "http://kremlin.ru/events/president/news/71665",
        "http://en.kremlin.ru/d/71665",
        "http://en.kremlin.ru/transcripts/71665",
        "http://en.kremlin.ru/events/president/transcripts/71665",
        "http://en.kremlin.ru/catalog/persons/37/events/71665",
        "http://en.kremlin.ru/catalog/regions/MUR/events/71665",
        "http://en.kremlin.ru/events/president/news/copy/71665",
    ],
)
def test_every_form_of_an_event_url_gives_one_key(url: str) -> None:
    assert normalise_url(url) == EventKey("71665", CANONICAL)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://example.com/events/president/news/71665", "not a kremlin.ru URL"),
        ("http://notkremlin.ru/d/71665", "not a kremlin.ru URL"),
        ("http://kremlin.ru.evil.com/d/71665", "not a kremlin.ru URL"),
        ("http://en.kremlin.ru/", "not a kremlin.ru event page"),
        ("http://en.kremlin.ru/events/president/news", "not a kremlin.ru event page"),
        ("http://en.kremlin.ru/events/president/news/by-date/09.07.2020", "not a kremlin"),
        ("ftp://en.kremlin.ru/d/71665", "not an http(s) URL"),
        ("", "empty URL"),
    ],
)
def test_anything_else_is_refused_with_one_line(url: str, words: str) -> None:
    with pytest.raises(UrlError) as raised:
        normalise_url(url)
    message = str(raised.value)
    assert words in message
    assert "\n" not in message


def test_urls_are_found_in_french_text_in_order() -> None:
    text = (
        "Vladimir Poutine : Bonjour.\n"
        "http://en.kremlin.ru/events/president/news/71665\n"
        "Voir aussi (http://en.kremlin.ru/d/71664), «https://kremlin.ru/events/president/"
        "transcripts/71666». Le site kremlin.ru et http://notkremlin.ru/d/1 ne comptent pas.\n"
        "Source\u00a0: en.kremlin.ru/events/president/news/71667\u00a0; fin."
    )
    assert find_kremlin_urls(text) == [
        "http://en.kremlin.ru/events/president/news/71665",
        "http://en.kremlin.ru/d/71664",
        "https://kremlin.ru/events/president/transcripts/71666",
        "en.kremlin.ru/events/president/news/71667",
    ]


def test_the_seed_corpus_cites_sixteen_events(corpus_dir) -> None:
    urls = []
    for path in sorted(corpus_dir.glob("*.txt")):
        urls += find_kremlin_urls(path.read_text(encoding="utf-8"))
    ids = {normalise_url(url).event_id for url in urls}
    assert len(ids) == 16


@given(
    event_id=st.integers(min_value=1, max_value=10**7),
    host=st.sampled_from(["en.", "", "special.", "en.special.", "www."]),
    scheme=st.sampled_from(["http://", "https://", ""]),
    tail=st.sampled_from(["", "/", "/print", "/photos", "/videos", ".", ")", "?a=1", "#x"]),
)
def test_any_spelling_round_trips_to_the_canonical_url(
    event_id: int, host: str, scheme: str, tail: str
) -> None:
    url = f"{scheme}{host}kremlin.ru/events/president/news/{event_id}{tail}"
    key = normalise_url(url)
    assert key.event_id == str(event_id)
    assert normalise_url(key.canonical_url) == key
    assert find_kremlin_urls(f"voir {url} ici")[0].rstrip(".)") == url.rstrip(".)")
