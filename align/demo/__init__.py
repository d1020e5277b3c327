"""The worked example: a real kremlin.ru page and a French translation with planted errors.

It runs offline (the English original is package data, given to the batch as an `--en`
file), so a newcomer sees real findings on the first run. `errors.tsv` lists what was
planted; `planted_errors_found` pairs each planted error with the finding that reports it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

#: Where the example's reports and inputs go by default.
DEFAULT_OUTPUT = Path("reports/demo")
#: The folder of the output that holds copies of the two texts and the error list.
TEXTS_FOLDER = "texts"


@dataclass(frozen=True)
class PlantedError:
    """One deliberate error of the example: the finding type that should report it, and an
    excerpt of the French and English sentences concerned ("" where a side has nothing)."""

    type: str
    french: str
    english: str
    note: str


@dataclass(frozen=True)
class DemoRun:
    out_dir: Path
    index: Path
    page: Path
    document: Mapping[str, Any]
    found: tuple[tuple[PlantedError, Mapping[str, Any] | None], ...]


def data_file(name: str) -> Any:
    return resources.files("align.demo") / name


def source() -> dict[str, Any]:
    """The attribution of the English original (URL, title, date, publisher, licence)."""
    return json.loads(data_file("source.json").read_text(encoding="utf-8"))


def parse_manifest(text: str) -> list[PlantedError]:
    """Rows of errors.tsv: `#` comments, one header line, then type / french / english / note."""
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0].split("\t")[:4] != ["type", "french", "english", "note"]:
        raise ValueError("errors.tsv: the header must be type, french, english, note")
    errors = []
    for number, line in enumerate(rows[1:], start=2):
        cells = line.split("\t")
        if len(cells) != 4 or not cells[0] or not (cells[1] or cells[2]):
            raise ValueError(f"errors.tsv: row {number} needs a type, an excerpt and a note")
        errors.append(PlantedError(*cells))
    return errors


def planted_errors() -> list[PlantedError]:
    return parse_manifest(data_file("errors.tsv").read_text(encoding="utf-8"))


def example_label(info: Mapping[str, Any]) -> dict[str, Any]:
    """What the report says about the example (banner and footer credit)."""
    return {
        "title": "Worked example",
        "text": (
            "This report checks a French translation written for the example, with deliberate "
            f"errors listed in {TEXTS_FOLDER}/errors.tsv, against a real English page of "
            "kremlin.ru."
        ),
        "source_url": info["url"],
        "source_title": info["title"],
        "source_date": info.get("date"),
        "publisher": info.get("publisher"),
        "licence": info.get("licence"),
        "licence_url": info.get("licence_url"),
        "french_note": info.get("french_note"),
    }


def copy_inputs(out_dir: Path) -> tuple[Path, Path]:
    """Copy the two texts, the error list and the attribution into OUT/texts/."""
    info = source()
    folder = out_dir / TEXTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in (info["french_file"], info["english_file"], info["errors_file"], "README.md"):
        with resources.as_file(data_file(name)) as path:
            shutil.copyfile(path, folder / name)
    return folder / info["french_file"], folder / info["english_file"]


def _sentences(event: Mapping[str, Any], side: str, ids: Sequence[Any]) -> list[str]:
    texts = {s.get("id"): str(s.get("text", "")) for s in event.get(f"{side}_sentences") or ()}
    return [texts[i] for i in ids or () if i in texts]


def finding_reports(error: PlantedError, event: Mapping[str, Any], finding: Mapping[str, Any]):
    """Does this finding report this planted error? Same type, and a sentence it names holds
    the error's French or English excerpt."""
    if finding.get("type") != error.type:
        return False
    french = _sentences(event, "fr", finding.get("fr") or ())
    english = _sentences(event, "en", finding.get("en") or ())
    return bool(
        (error.french and any(error.french in text for text in french))
        or (error.english and any(error.english in text for text in english))
    )


def planted_errors_found(
    document: Mapping[str, Any], errors: Sequence[PlantedError]
) -> tuple[tuple[PlantedError, Mapping[str, Any] | None], ...]:
    out = []
    for error in errors:
        match = next(
            (
                finding
                for event in document.get("events") or ()
                for finding in event.get("findings") or ()
                if finding_reports(error, event, finding)
            ),
            None,
        )
        out.append((error, match))
    return tuple(out)


def event_compared(event: Mapping[str, Any]) -> bool:
    """True when an English original was aligned and checked (the `compared` field, or
    derived from the source status for results written before it existed)."""
    if "compared" in event:
        return bool(event["compared"])
    return event.get("source_status") in ("ok", "cached", "file") and bool(
        event.get("en_sentences")
    )


def nothing_compared(report_dir: Path) -> bool:
    """True when the report folder holds post twins and none of their events was compared."""
    events = []
    for twin in sorted(report_dir.glob("*.json")):
        try:
            data = json.loads(twin.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for document in data.get("documents") or () if isinstance(data, dict) else ():
            events += [e for e in document.get("events") or () if isinstance(e, Mapping)]
    return bool(events) and not any(event_compared(e) for e in events)


def run_demo(out_dir: Path, progress: Any = None) -> DemoRun:
    """Check the example offline and write its report into OUT (inputs under OUT/texts/)."""
    from align.batch import BatchOptions, run_batch
    from align.report import write_document, write_index

    info = source()
    french, english = copy_inputs(out_dir)
    label = example_label(info)

    def write_labelled_document(header: Any, document: Any, folder: Path) -> list[Path]:
        return write_document({**header, "example": label}, document, folder)

    def write_labelled_index(result: Any, folder: Path) -> list[Path]:
        return write_index({**result, "example": label}, folder)

    options = BatchOptions(
        paths=(french,),
        out_dir=out_dir,
        cache_dir=out_dir / ".cache",
        offline=True,
        en_files=((info["url"], english),),
        force=True,
    )
    result = run_batch(options, progress, write_labelled_document, write_labelled_index)
    if not result.documents:
        problems = "; ".join(p.message or p.status for p in result.errors) or "no report"
        raise RuntimeError(f"the example could not be checked: {problems}")
    document = result.documents[0]
    stem = str(document.get("stem") or french.stem)
    return DemoRun(
        out_dir=out_dir,
        index=out_dir / "index.html",
        page=out_dir / f"{stem}.html",
        document=document,
        found=planted_errors_found(document, planted_errors()),
    )
