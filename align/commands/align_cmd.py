"""The `fidelity align` command: align the sentences of any two texts."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import typer

from align.io import atomic_write_text
from align.model import Bead

#: Above this many lines a side is still aligned, but the user is told it will take a while.
LONG_SIDE_WARNING = 20_000
#: One side with this many times the sentences of the other is worth a warning.
LENGTH_RATIO_WARNING = 3.0

# A few very common words per language: enough to tell the languages the encoders cover
# apart on a paragraph, no more.
_FUNCTION_WORDS = {
    "fr": "le la les des du un une et est que qui dans pour pas sur au avec ce il elle nous",
    "en": "the of and to in is that it for was on with as be by this are not have from",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch",
    "es": "el la los las de que y en un una por con para es se del al lo como más",
    "it": "il la di che e un una per non con del della sono si le da gli al nel",
    "ru": "и в не на что с по как это он она к из за то но был от",
}
_WORD = re.compile(r"\w+", re.UNICODE)


class OutputFormat(StrEnum):
    BEADS = "beads"
    JSON = "json"
    TSV = "tsv"


@dataclass(frozen=True)
class Document:
    path: Path
    lang: str
    sentences: tuple[str, ...]
    blocks: tuple[int, ...]  # paragraph index of each sentence


class InputError(Exception):
    """Bad input; the message is one line naming the file."""


def guess_language(text: str) -> str:
    """The language code whose common words are most frequent in `text` ("en" if unsure)."""
    words = Counter(w.lower() for w in _WORD.findall(text[:200_000]))
    scores = {lang: sum(words[w] for w in vocab.split()) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else "en"


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a text file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (bad byte at offset {err.start})") from None
    return text


def split_document(text: str, lang: str, *, presplit: bool) -> tuple[list[str], list[int]]:
    """Sentences and their paragraph indices: one per line, or paragraphs then sentences."""
    if presplit:
        lines = text.splitlines()
        return lines, [0] * len(lines)
    from align.segment import split_sentences

    sentences: list[str] = []
    blocks: list[int] = []
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        for start, end in split_sentences(paragraph, lang):
            sentence = " ".join(paragraph[start:end].split())
            if sentence:
                sentences.append(sentence)
                blocks.append(index)
    return sentences, blocks


def load_document(path: Path, lang: str | None, *, presplit: bool) -> Document:
    text = read_text(path)
    language = lang or guess_language(text)
    sentences, blocks = split_document(text, language, presplit=presplit)
    return Document(path, language, tuple(sentences), tuple(blocks))


def warnings_for(a: Document, b: Document) -> list[str]:
    notes = []
    for doc in (a, b):
        if not doc.sentences or all(not s.strip() for s in doc.sentences):
            notes.append(f"{doc.path}: no sentences; every sentence of the other text is unpaired")
        elif len(doc.sentences) > LONG_SIDE_WARNING:
            notes.append(f"{doc.path}: {len(doc.sentences)} sentences; this will take a while")
    small, large = sorted((a, b), key=lambda d: len(d.sentences))
    if small.sentences and len(large.sentences) > LENGTH_RATIO_WARNING * len(small.sentences):
        notes.append(
            f"{large.path} has {len(large.sentences)} sentences against {len(small.sentences)}"
            f" in {small.path}: expect many unpaired sentences"
        )
    return notes


def _ids(ids: Sequence[int]) -> str:
    return "[" + ", ".join(str(i) for i in ids) + "]"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(beads: Sequence[Bead], a: Document, b: Document, fmt: OutputFormat, encoder: str):
    """The beads as text in the chosen format (beads: the gold files' `[i, j]:[k]` lines)."""
    if fmt is OutputFormat.BEADS:
        return "".join(f"{_ids(bead.fr)}:{_ids(bead.en)}\n" for bead in beads)
    if fmt is OutputFormat.TSV:
        rows = ["a\tb\tscore"]
        for bead in beads:
            a_text = _one_line(" ".join(a.sentences[i] for i in bead.fr))
            b_text = _one_line(" ".join(b.sentences[j] for j in bead.en))
            rows.append(f"{a_text}\t{b_text}\t{bead.score:.3f}")
        return "\n".join(rows) + "\n"
    payload = {
        "encoder": encoder,
        "a": {"path": str(a.path), "lang": a.lang, "sentences": len(a.sentences)},
        "b": {"path": str(b.path), "lang": b.lang, "sentences": len(b.sentences)},
        "beads": [
            {
                "a": list(bead.fr),
                "b": list(bead.en),
                "score": round(bead.score, 4),
                "a_text": " ".join(a.sentences[i] for i in bead.fr),
                "b_text": " ".join(b.sentences[j] for j in bead.en),
            }
            for bead in beads
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


@dataclass(frozen=True)
class Pair:
    """Two texts to align and where their alignment goes (None: standard output)."""

    a: Path
    b: Path
    output: Path | None


def _suffix(fmt: OutputFormat) -> str:
    return "" if fmt is OutputFormat.BEADS else f".{fmt.value}"


def folder_pairs(a_dir: Path, b_dir: Path, out_dir: Path, fmt: OutputFormat):
    """Files of the same name in both folders (sorted), and the names found in one only."""
    names_a = {p.name for p in a_dir.iterdir() if p.is_file() and not p.name.startswith(".")}
    names_b = {p.name for p in b_dir.iterdir() if p.is_file() and not p.name.startswith(".")}
    pairs = [
        Pair(a_dir / name, b_dir / name, out_dir / f"{name}{_suffix(fmt)}")
        for name in sorted(names_a & names_b)
    ]
    return pairs, sorted(names_a ^ names_b)


def list_pairs(list_file: Path, out_dir: Path, fmt: OutputFormat) -> list[Pair]:
    """Pairs from a list file: one `A<TAB>B[<TAB>NAME]` per line (paths relative to the list
    file's folder; NAME, the output file's name, defaults to A's name); `#` starts a comment."""
    text = read_text(list_file)
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) not in (2, 3) or not all(fields):
            raise InputError(
                f"{list_file}:{number}: expected 'A<TAB>B' or 'A<TAB>B<TAB>NAME', got {line!r}"
            )
        a, b = (list_file.parent / f for f in fields[:2])
        name = fields[2] if len(fields) == 3 else f"{a.name}{_suffix(fmt)}"
        pairs.append(Pair(a, b, out_dir / name))
    return pairs


def _pairs_for(
    a_path: Path | None,
    b_path: Path | None,
    pairs_file: Path | None,
    output: Path | None,
    fmt: OutputFormat,
) -> list[Pair]:
    """What to align: one pair of files, two folders, or a list file."""
    if pairs_file is not None:
        if a_path is not None or b_path is not None:
            raise InputError("give either two texts (or folders) or --pairs FILE, not both")
        if output is None:
            raise InputError(f"{pairs_file}: --pairs needs --output FOLDER for the alignments")
        return list_pairs(pairs_file, output, fmt)
    if a_path is None or b_path is None:
        raise InputError("give two texts, two folders, or --pairs FILE")
    if a_path.is_dir() != b_path.is_dir():
        folder, text = (a_path, b_path) if a_path.is_dir() else (b_path, a_path)
        raise InputError(f"{folder} is a folder but {text} is not: give two files or two folders")
    if not a_path.is_dir():
        return [Pair(a_path, b_path, output)]
    if output is None:
        raise InputError(f"{a_path}, {b_path}: two folders need --output FOLDER")
    pairs, unmatched = folder_pairs(a_path, b_path, output, fmt)
    for name in unmatched:
        typer.echo(f"warning: {name}: in only one of {a_path}, {b_path}; skipped", err=True)
    if not pairs:
        raise InputError(f"{a_path}, {b_path}: no file name is in both folders")
    return pairs


def align_command(
    a_path: Path | None = typer.Argument(
        None, help="First text, or a folder of them (its ids are the left of each bead)."
    ),
    b_path: Path | None = typer.Argument(
        None, help="Second text, or a folder with files of the same names (the right)."
    ),
    pairs_file: Path | None = typer.Option(
        None,
        "--pairs",
        help="A list file: one 'A<TAB>B[<TAB>NAME]' per line, paths relative to it.",
    ),
    presplit: bool = typer.Option(
        False, "--presplit", help="Each line is one sentence (ids are 0-based line numbers)."
    ),
    fmt: OutputFormat = typer.Option(
        OutputFormat.BEADS, "--format", help="beads: [ids in A]:[ids in B]; json; tsv."
    ),
    encoder_spec: str = typer.Option(
        "use", "--encoder", help="'use' (bundled) or 'st:<model name or path>'."
    ),
    lang_a: str | None = typer.Option(None, "--lang-a", help="Language of A (default: guess)."),
    lang_b: str | None = typer.Option(None, "--lang-b", help="Language of B (default: guess)."),
    cache: Path | None = typer.Option(
        None, "--cache", help="SQLite file that keeps embeddings between runs."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here, not stdout; with folders or --pairs, the folder for every alignment.",
    ),
) -> None:
    """Align the sentences of two texts (any language pair the encoder covers).

    Batch: two folders (same file names) or --pairs; the encoder loads once, one file each.

    A pair that cannot be read is one error line and is skipped; the exit status is then 2.
    """
    from align.embed import EncoderError, get_encoder

    try:
        pairs = _pairs_for(a_path, b_path, pairs_file, output, fmt)
    except InputError as err:
        raise _fail(str(err)) from None
    batch = pairs_file is not None or (a_path is not None and a_path.is_dir())
    if batch:
        try:
            output.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        except OSError as err:
            raise _fail(f"{output}: cannot create the folder ({err.strerror or err})") from None
    encoder = None  # loaded once, when the first pair has been read
    failed = 0
    for pair in pairs:
        try:
            a = load_document(pair.a, lang_a, presplit=presplit)
            b = load_document(pair.b, lang_b, presplit=presplit)
            if encoder is None:
                encoder = get_encoder(encoder_spec, cache_path=cache)
            _align_pair(pair, a, b, encoder, fmt, getattr(encoder, "id", encoder_spec))
        except InputError as err:
            if not batch:
                raise _fail(str(err)) from None
            typer.echo(f"error: {err}", err=True)
            failed += 1
        except EncoderError as err:
            raise _fail(str(err)) from None
    if failed:
        typer.echo(f"{failed} of {len(pairs)} pairs not aligned", err=True)
        raise typer.Exit(2)


def _align_pair(
    pair: Pair, a: Document, b: Document, encoder, fmt: OutputFormat, encoder_id: str
) -> None:
    """Align and write one pair; a problem raises InputError naming the file."""
    from align.aligner import align_texts

    for note in warnings_for(a, b):
        typer.echo(f"warning: {note}", err=True)
    try:
        beads = align_texts(a.sentences, b.sentences, encoder, a_blocks=a.blocks, b_blocks=b.blocks)
    except MemoryError:
        raise InputError(f"{pair.a}, {pair.b}: out of memory; split the texts into parts") from None
    text = render(beads, a, b, fmt, encoder_id)
    if pair.output is None:
        sys.stdout.write(text)
        return
    try:
        atomic_write_text(pair.output, text)  # never half a file under the name asked for
    except OSError as err:
        raise InputError(f"{pair.output}: cannot write ({err.strerror or err})") from None
