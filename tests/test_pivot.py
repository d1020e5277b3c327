"""The English–French lexicon triangulated from Apertium (align/words/pivot.py): where it is
cached and under which key, what it finds through the real dictionaries, and what the
links and checks do without it."""

from __future__ import annotations

import gzip
import os
import time
import warnings
from pathlib import Path

import pytest
from shared_data import absent

from align.words import lexicon, pivot


def fake_apertium(folder: Path) -> list[pivot.Route]:
    """Empty files where one route's dictionaries go: enough for the cache key."""
    route = pivot.ROUTES[0]
    for part in (route.analyser, route.first, route.pivot_analyser, route.second):
        (folder / part).parent.mkdir(parents=True, exist_ok=True)
        (folder / part).write_bytes(b"x")
    return [route]


def test_the_cache_lies_in_the_fidelity_cache_folder_keyed_by_the_dictionaries(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "apertium"
    routes = fake_apertium(folder)
    path = pivot.cache_path(folder, routes, tmp_path / "cache")
    assert path.parent == tmp_path / "cache" / pivot.CACHE_FOLDER
    assert path.name == f"apertium-en-fr-{pivot.cache_key(folder, routes)}.tsv.gz"
    # the same files: the same key; a dictionary that changes (size or time): a new key
    assert pivot.cache_path(folder, routes, tmp_path / "cache") == path
    bidix = folder / routes[0].first
    bidix.write_bytes(b"xy")
    assert pivot.cache_path(folder, routes, tmp_path / "cache") != path
    changed = pivot.cache_path(folder, routes, tmp_path / "cache")
    os.utime(bidix, (time.time() + 100, time.time() + 100))
    assert pivot.cache_path(folder, routes, tmp_path / "cache") != changed


def test_the_build_version_and_the_word_count_are_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    routes = fake_apertium(tmp_path)
    key = pivot.cache_key(tmp_path, routes)
    monkeypatch.setattr(pivot, "BUILD_VERSION", pivot.BUILD_VERSION + 1)
    assert pivot.cache_key(tmp_path, routes) != key
    monkeypatch.setattr(pivot, "BUILD_VERSION", pivot.BUILD_VERSION - 1)
    monkeypatch.setattr(pivot, "WORDS", pivot.WORDS + 1)
    assert pivot.cache_key(tmp_path, routes) != key


def test_the_cache_file_reads_back_what_was_written() -> None:
    built = pivot.PivotLexicon(
        pairs={
            ("unemployment", "chômage"): frozenset({"es-fwd", "ca-rev"}),
            ("power station", "centrale"): frozenset({"es-fwd"}),
        },
        french_forms={"négatives": frozenset({"négatif", "négative"})},
        english_forms={"ran": frozenset({"run"})},
        routes=("es-fwd", "ca-rev"),
    )
    assert pivot.parse(pivot.dump(built)) == built


def test_a_cached_lexicon_is_read_not_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "apertium"
    routes = fake_apertium(folder)
    monkeypatch.setenv(pivot.APERTIUM_ENV, str(folder))
    monkeypatch.setattr(pivot.shutil, "which", lambda name: "/usr/bin/" + name)
    cached = pivot.PivotLexicon({("fuel", "carburant"): frozenset({"es-fwd"})}, {}, {}, ("es-fwd",))
    path = pivot.cache_path(folder, routes, tmp_path / "cache")
    path.parent.mkdir(parents=True)
    path.write_bytes(gzip.compress(pivot.dump(cached).encode("utf-8")))

    def no_build(*args, **kwargs):
        raise AssertionError("built although cached")

    monkeypatch.setattr(pivot, "build", no_build)
    assert pivot.load_or_build(tmp_path / "cache") == cached


def test_without_apertium_the_lexicon_is_freedict_alone_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pivot.APERTIUM_ENV, str(tmp_path))  # a folder with no dictionaries
    caches = (lexicon.pivot_lexicon, lexicon.wide_bilingual, lexicon.sure_bilingual)
    for cached in caches:
        cached.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert not lexicon.pivot_lexicon()
            assert lexicon.wide_bilingual() is lexicon.bilingual()
            assert lexicon.sure_bilingual() is lexicon.bilingual()
            assert lexicon.analyser_lemmas("négatives", "fr") == frozenset()
            lexicon.pivot_lexicon()
        said = [str(w.message) for w in caught if issubclass(w.category, lexicon.LexiconWarning)]
        apertium = [m for m in said if "Apertium" in m]
        assert len(apertium) == 1
        assert "apt-get install apertium-eng-spa" in apertium[0]
    finally:
        for cached in caches:
            cached.cache_clear()


@pytest.fixture(scope="module")
def installed() -> tuple[Path, list[pivot.Route]]:
    folder = pivot.apertium_dir()
    routes = pivot.usable_routes(folder)
    if folder is None or len(routes) < len(pivot.ROUTES):
        absent(f"Apertium is not installed (apt-get install {pivot.DEBIAN_PACKAGES})")
    assert folder is not None
    return folder, routes


def test_each_route_reaches_french_through_its_pivot(installed) -> None:
    folder, routes = installed
    by_name = {route.name: route for route in routes}
    # English words read forward through Spanish and Catalan
    for name in ("es-fwd", "ca-fwd"):
        pairs, forms = pivot.run_route(folder, by_name[name], ["unemployment", "fuel", "ran"])
        assert ("unemployment", "chômage") in pairs, name
        assert {("fuel", "combustible"), ("fuel", "carburant")} & pairs, name
        assert "run" in forms["ran"]
    # French words read backward through Spanish, Catalan and Esperanto
    for name in ("es-rev", "ca-rev", "eo-rev"):
        pairs, forms = pivot.run_route(folder, by_name[name], ["chômage", "négatives"])
        assert ("unemployment", "chômage") in pairs, name
        assert "négatif" in forms["négatives"]


def test_the_lexicon_keeps_the_routes_and_the_sure_pairs_need_two_pivots() -> None:
    if not lexicon.pivot_lexicon():
        absent(f"Apertium is not installed (apt-get install {pivot.DEBIAN_PACKAGES})")
    pairs = lexicon.pivot_lexicon().pairs
    assert {"es-fwd", "ca-fwd", "es-rev"} <= pairs["unemployment", "chômage"]
    # "population" → Esperanto "popolo" / "etno" → "ethnie": one pivot language only
    assert lexicon._pivot_languages(pairs["population", "ethnie"]) == 1
    assert "ethnie" in lexicon.wide_bilingual().renderings("population")
    assert "ethnie" not in lexicon.sure_bilingual().renderings("population")
    # words FreeDict misses, known now
    assert "chômage" in lexicon.wide_bilingual().renderings("unemployment")
    assert "chômage" not in lexicon.bilingual().renderings("unemployment")
    # the analysers' lemmas
    assert "négatif" in lexicon.analyser_lemmas("négatives", "fr")
    assert "run" in lexicon.analyser_lemmas("ran", "en")


def test_the_build_command_says_when_apertium_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(pivot.APERTIUM_ENV, str(tmp_path))
    assert pivot.main() == 0
    said = capsys.readouterr().out
    assert "Apertium is not installed" in said and "apt-get install" in said


def test_parallel_workers_build_the_lexicon_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    folder = tmp_path / "apertium"
    fake_apertium(folder)
    monkeypatch.setenv(pivot.APERTIUM_ENV, str(folder))
    monkeypatch.setattr(pivot.shutil, "which", lambda name: "/usr/bin/" + name)
    built = pivot.PivotLexicon({("fuel", "carburant"): frozenset({"es-fwd"})}, {}, {}, ("es-fwd",))
    calls = []

    def slow_build(*args, **kwargs):
        calls.append(1)
        time.sleep(0.3)
        return built

    monkeypatch.setattr(pivot, "build", slow_build)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: pivot.load_or_build(tmp_path / "cache"), range(2)))
    assert results == [built, built]
    assert len(calls) == 1  # the second waited for the first one's file
