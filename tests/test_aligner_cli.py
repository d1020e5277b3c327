"""`fidelity align`: formats, bad input, large input, and one run with the real USE encoder."""

from __future__ import annotations

import json
import re
import tracemalloc
import zlib

import numpy as np
import pytest
from typer.testing import CliRunner

import align.embed
from align.cli import _register_commands, app
from align.commands.align_cmd import guess_language

_register_commands()
BEAD_LINE = re.compile(r"^\[(\d+(, \d+)*)?\]:\[(\d+(, \d+)*)?\]$")
DIM = 96


class HashedWords:
    """A fast deterministic stand-in encoder: each word adds +-1 at a hashed coordinate."""

    id = "test-hashed-words"

    def encode(self, texts):
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            for word in text.lower().split()[:200]:
                h = zlib.crc32(word.encode())
                out[k, h % DIM] += 1.0 if (h >> 16) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out[:, 0] += (norms[:, 0] == 0).astype(np.float32)  # empty text: still a unit vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def fake_encoder(monkeypatch):
    monkeypatch.setattr(align.embed, "get_encoder", lambda spec, cache_path=None: HashedWords())


def run(*args: str):
    return CliRunner().invoke(app, ["align", *args])


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def parse(stdout: str) -> list[tuple[list[int], list[int]]]:
    beads = []
    for line in stdout.splitlines():
        assert BEAD_LINE.match(line), line
        left, right = line.split(":")
        beads.append((json.loads(left), json.loads(right)))
    return beads


def covers(beads, n_a: int, n_b: int) -> bool:
    return [i for a, _ in beads for i in a] == list(range(n_a)) and [
        j for _, b in beads for j in b
    ] == list(range(n_b))


SENTENCES = [
    "alpha bravo charlie delta",
    "echo foxtrot golf hotel",
    "india juliet kilo lima",
    "mike november oscar papa",
    "quebec romeo sierra tango",
]


def test_presplit_beads_format(tmp_path, fake_encoder):
    a = write(tmp_path / "a.txt", SENTENCES)
    b = write(tmp_path / "b.txt", [*SENTENCES[:2], "uniform victor", *SENTENCES[2:]])
    result = run(a, b, "--presplit")
    assert result.exit_code == 0, result.output
    beads = parse(result.stdout)
    assert beads == [([0], [0]), ([1], [1]), ([], [2]), ([2], [3]), ([3], [4]), ([4], [5])]


def test_json_and_tsv_formats(tmp_path, fake_encoder):
    a = write(tmp_path / "a.txt", SENTENCES)
    b = write(tmp_path / "b.txt", SENTENCES)
    data = json.loads(run(a, b, "--presplit", "--format", "json").stdout)
    assert data["encoder"] == "test-hashed-words"
    assert data["a"]["sentences"] == 5
    assert data["beads"][1] == {
        "a": [1],
        "b": [1],
        "score": pytest.approx(1.0, abs=1e-3),
        "a_text": SENTENCES[1],
        "b_text": SENTENCES[1],
    }
    tsv = run(a, b, "--presplit", "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "a\tb\tscore"
    assert tsv[3].split("\t")[:2] == [SENTENCES[2], SENTENCES[2]]
    assert len(tsv) == 6


def test_paragraphs_and_sentences_are_split_without_presplit(tmp_path, fake_encoder):
    (tmp_path / "a.txt").write_text(
        "Alpha bravo charlie. Delta echo foxtrot.\n\nGolf hotel india.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Alpha bravo charlie.\nDelta echo foxtrot.\n\nGolf hotel india.\n", encoding="utf-8"
    )
    data = json.loads(
        run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json").stdout
    )
    assert [(bd["a"], bd["b"]) for bd in data["beads"]] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert data["beads"][2]["a_text"] == "Golf hotel india."


def test_empty_side_gives_unpaired_beads_and_a_warning(tmp_path, fake_encoder):
    a = write(tmp_path / "a.txt", SENTENCES[:3])
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run(a, str(tmp_path / "empty.txt"), "--presplit")
    assert result.exit_code == 0
    assert parse(result.stdout) == [([0], []), ([1], []), ([2], [])]
    assert "empty.txt: no sentences" in result.stderr


def test_one_side_much_longer(tmp_path, fake_encoder):
    long_side = [f"word{k} other{k} thing{k}" for k in range(60)]
    a = write(tmp_path / "a.txt", long_side[20:25])
    b = write(tmp_path / "b.txt", long_side)
    result = run(a, b, "--presplit")
    assert result.exit_code == 0
    beads = parse(result.stdout)
    assert covers(beads, 5, 60)
    # the middle pairs exactly; the tuned defaults may absorb a neighbour into the end beads
    assert ([1], [21]) in beads and ([2], [22]) in beads and ([3], [23]) in beads
    assert any(a == [0] and 20 in b for a, b in beads)
    assert any(a == [4] and 24 in b for a, b in beads)
    assert sum(len(b) for a, b in beads if not a) >= 45  # most of the 55 extra stay 0-1
    assert "expect many unpaired sentences" in result.stderr


def test_document_of_only_numbers(tmp_path, fake_encoder):
    numbers = [str(k * 7) for k in range(30)]
    a = write(tmp_path / "a.txt", numbers)
    b = write(tmp_path / "b.txt", numbers[:10] + numbers[11:])
    result = run(a, b, "--presplit")
    assert result.exit_code == 0
    beads = parse(result.stdout)
    assert covers(beads, 30, 29)
    assert ([9], [9]) in beads and ([12], [11]) in beads


def test_mixed_languages_and_huge_lines(tmp_path, fake_encoder):
    huge = "mot " * 25_000  # 100,000 characters
    a = write(tmp_path / "a.txt", ["Bonjour tout le monde.", "Hello world.", huge, "Ende."])
    b = write(tmp_path / "b.txt", ["Hello everyone.", huge, "Привет мир.", "End."])
    for extra in ([], ["--presplit"]):
        result = run(a, b, *extra)
        assert result.exit_code == 0, result.output
        assert parse(result.stdout)


@pytest.mark.slow  # ~3.5 min on the shared 2-core machine: 50,000 x 49,999 sentences, two passes
def test_fifty_thousand_lines_in_bounded_memory(tmp_path, fake_encoder):
    rng = np.random.default_rng(0)
    vocab = [f"w{k}" for k in range(3000)]
    lines = [" ".join(rng.choice(vocab, size=6)) for _ in range(50_000)]
    a = write(tmp_path / "a.txt", lines)
    b = write(tmp_path / "b.txt", lines[:30_000] + lines[30_001:])
    tracemalloc.start()
    result = run(a, b, "--presplit")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.exit_code == 0
    beads = parse(result.stdout)
    assert covers(beads, 50_000, 49_999)
    assert ([30_000], []) in beads
    assert peak < 1024 * 2**20


def test_bad_input_is_one_line(tmp_path, fake_encoder):
    good = write(tmp_path / "a.txt", SENTENCES)
    (tmp_path / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path / "latin1.txt"): "not UTF-8",
        str(tmp_path): "is a folder",
    }
    for path, words in cases.items():
        result = run(path, good)
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and path in lines[0]


def test_unknown_encoder_is_one_line(tmp_path):
    good = write(tmp_path / "a.txt", SENTENCES)
    result = run(good, good, "--encoder", "nonsense")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1


def test_guess_language():
    assert guess_language("Le chat est sur la table et il dort.") == "fr"
    assert guess_language("The cat is on the table and it sleeps.") == "en"
    assert guess_language("Der Hund ist nicht auf dem Tisch.") == "de"
    assert guess_language("12 34 56") == "en"


@pytest.mark.slow
def test_real_use_encoder_on_a_small_real_pair(tmp_path):
    fr = [
        "Le président a rencontré les gouverneurs des régions.",
        "Ils ont parlé du budget pour 2024 et des routes.",
        "La réunion a duré trois heures.",
        "Ensuite, il a visité une école.",
    ]
    en = [
        "The President met with the regional governors.",
        "They discussed the 2024 budget.",
        "They also talked about roads.",
        "The meeting lasted three hours.",
        "He then visited a school.",
    ]
    a = write(tmp_path / "fr.txt", fr)
    b = write(tmp_path / "en.txt", en)
    result = run(a, b, "--presplit", "--cache", str(tmp_path / "emb.sqlite"))
    assert result.exit_code == 0, result.output
    assert parse(result.stdout) == [([0], [0]), ([1], [1, 2]), ([2], [3]), ([3], [4])]


# --- batch: many pairs in one process -------------------------------------------------------


@pytest.fixture
def counting_encoder(monkeypatch):
    loads = []

    def get(spec, cache_path=None):
        loads.append(spec)
        return HashedWords()

    monkeypatch.setattr(align.embed, "get_encoder", get)
    return loads


def test_two_folders_align_every_shared_name_with_one_encoder(tmp_path, counting_encoder):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for name, k in (("one", 3), ("two", 5)):
        write(tmp_path / "a" / name, SENTENCES[:k])
        write(tmp_path / "b" / name, SENTENCES[:k])
    write(tmp_path / "a" / "lonely", SENTENCES[:2])
    out = tmp_path / "out"
    result = run(str(tmp_path / "a"), str(tmp_path / "b"), "--presplit", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["one", "two"]
    assert parse((out / "two").read_text()) == [([i], [i]) for i in range(5)]
    assert "lonely: in only one of" in result.stderr
    assert counting_encoder == ["use"]  # loaded once for both pairs


def test_a_list_file_names_pairs_and_outputs(tmp_path, counting_encoder):
    write(tmp_path / "x.fr", SENTENCES[:4])
    write(tmp_path / "x.en", SENTENCES[:4])
    write(tmp_path / "y.fr", SENTENCES[1:])
    write(tmp_path / "y.en", SENTENCES[1:])
    listing = tmp_path / "pairs.tsv"
    listing.write_text("# fr\ten\n x.fr\tx.en\tfirst.json\ny.fr\ty.en\n\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("--pairs", str(listing), "--presplit", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["first.json", "y.fr.json"]
    first = json.loads((out / "first.json").read_text())
    assert [bead["a"] for bead in first["beads"]] == [[0], [1], [2], [3]]
    assert len(counting_encoder) == 1


def test_a_bad_pair_in_a_batch_is_one_line_and_the_rest_is_aligned(tmp_path, counting_encoder):
    write(tmp_path / "good.fr", SENTENCES)
    write(tmp_path / "good.en", SENTENCES)
    (tmp_path / "bad.fr").write_bytes(b"\xff\xfe\x00binary")
    write(tmp_path / "bad.en", SENTENCES)
    listing = tmp_path / "pairs.tsv"
    listing.write_text("bad.fr\tbad.en\ngood.fr\tgood.en\nmissing.fr\tgood.en\n", "utf-8")
    out = tmp_path / "out"
    result = run("--pairs", str(listing), "--presplit", "-o", str(out))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "bad.fr" in errors[0] and "missing.fr" in errors[1]
    assert "2 of 3 pairs not aligned" in result.stderr
    assert "Traceback" not in result.output
    assert (out / "good.fr").exists() and not (out / "bad.fr").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{a}", "{f}"], "is a folder but"),
        (["{a}", "{a}"], "need --output FOLDER"),
        (["--pairs", "{f}"], "needs --output FOLDER"),
        (["--pairs", "{f}", "{f}", "{f}", "-o", "{a}"], "not both"),
        ([], "give two texts"),
    ],
)
def test_batch_usage_errors_are_one_line(tmp_path, counting_encoder, args, message):
    folder = tmp_path / "dir"
    folder.mkdir()
    listing = tmp_path / "list.tsv"
    listing.write_text("", encoding="utf-8")
    filled = [x.format(a=folder, f=listing) for x in args]
    result = run(*filled)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert counting_encoder == []  # nothing loaded for a usage error


def test_a_list_file_line_without_a_tab_names_its_line(tmp_path, counting_encoder):
    listing = tmp_path / "pairs.tsv"
    listing.write_text("a.fr b.en\n", encoding="utf-8")
    result = run("--pairs", str(listing), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{listing}:1:" in result.stderr
