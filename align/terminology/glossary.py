"""The user's glossary: English terms and the French renderings a translation must use.

The format (UTF-8, tab-separated, one entry a line; docs/terminology.md has an example):

    # comments and blank lines are skipped
    english<TAB>french<TAB>forbidden<TAB>note
    State Duma<TAB>Douma d’État<TAB>Chambre basse | Parlement<TAB>lower house

- `english`: the term. Written with capitals ("Government") it matches only with those
  capitals; written in lower case ("national projects") it matches in any case. Plural and
  possessive forms match ("Executive Orders", "Government’s").
- `french`: the accepted renderings, separated by "|". Inflection, articles, elision and word
  order do not matter ("Assemblée fédérale" accepts "à l’Assemblée fédérale").
- `forbidden` (optional): renderings that must not be used, separated by "|".
- `note` (optional): shown with the finding.
A first line "english<TAB>french…" is a header. A bad line is reported (file and line) and
skipped; the rest of the glossary applies.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.terminology.text import phrase_keys, words

COLUMNS = ("english", "french", "forbidden", "note")
SEPARATOR = "|"


class GlossaryError(Exception):
    """A glossary that cannot be used at all (missing, unreadable); str() names the file."""


@dataclass(frozen=True)
class GlossaryEntry:
    english: str
    accepted: tuple[str, ...]
    forbidden: tuple[str, ...]
    note: str
    source: str  # the file, as given
    line: int  # 1-based line number in it
    text: str  # the line as written

    @property
    def pattern(self) -> tuple[tuple[str, bool | None], ...]:
        """The English term as (key, capitalised or None when any case goes) per word."""
        exact = self.english != self.english.lower()
        return tuple((w.key, w.capitalised if exact else None) for w in words(self.english, "en"))

    @property
    def accepted_keys(self) -> tuple[tuple[str, ...], ...]:
        return tuple(phrase_keys(r, "fr") for r in self.accepted)

    @property
    def forbidden_keys(self) -> tuple[tuple[str, ...], ...]:
        return tuple(phrase_keys(r, "fr") for r in self.forbidden)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]
    problems: tuple[str, ...] = ()  # one line each, "FILE:LINE: what is wrong"

    def __bool__(self) -> bool:
        return bool(self.entries)


EMPTY = Glossary(())


def _renderings(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(p.split()) for p in cell.split(SEPARATOR) if p.strip()))


def parse_glossary(text: str, source: str) -> Glossary:
    """Entries and one-line problems of a glossary file's text."""
    entries: list[GlossaryEntry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    first = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if first and cells[0].lower() == "english":
            first = False
            continue
        first = False
        where = f"{source}:{number}"
        problem = _problem(cells)
        if problem:
            problems.append(f"{where}: {problem}; line skipped")
            continue
        cells += [""] * (len(COLUMNS) - len(cells))
        english = " ".join(cells[0].split())
        accepted, forbidden = _renderings(cells[1]), _renderings(cells[2])
        bad = [r for r in (*accepted, *forbidden) if not phrase_keys(r, "fr")]
        if bad:
            problems.append(f"{where}: rendering {bad[0]!r} has no word to look for; line skipped")
            continue
        key = english.casefold()
        if key in seen:
            problems.append(
                f"{where}: {english!r} is already defined on line {seen[key]}; line skipped"
            )
            continue
        seen[key] = number
        entries.append(GlossaryEntry(english, accepted, forbidden, cells[3], source, number, line))
    return Glossary(tuple(entries), tuple(problems))


def _problem(cells: Sequence[str]) -> str | None:
    if len(cells) > len(COLUMNS):
        return f"{len(cells)} tab-separated columns, at most {len(COLUMNS)} ({', '.join(COLUMNS)})"
    if len(cells) < 2:
        return "no tab between the English term and its French rendering(s)"
    if not cells[0]:
        return "no English term"
    if not any(c.isalpha() for c in cells[0]):
        return f"English term {cells[0]!r} has no letters"
    if not _renderings(cells[1]) and not (len(cells) > 2 and _renderings(cells[2])):
        return "no accepted or forbidden French rendering"
    if not any(w.content for w in words(cells[0], "en")):
        return f"English term {cells[0]!r} has only function words"
    return None


def load_glossary(path: Path) -> Glossary:
    """A glossary file; GlossaryError when it cannot be read at all."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError(f"{path}: no such glossary file") from None
    except OSError as error:
        raise GlossaryError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GlossaryError(
            f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from None
    return parse_glossary(text, str(path))


def format_glossary(rows: Sequence[Sequence[str]], header_comment: str = "") -> str:
    """Glossary text from (english, french, forbidden, note) rows, comments first."""
    lines = [f"# {line}" if line else "#" for line in header_comment.splitlines()]
    lines.append("\t".join(COLUMNS))
    for row in rows:
        cells = [" ".join(str(c).replace("\t", " ").split()) for c in row]
        lines.append("\t".join(cells).rstrip("\t"))
    return "\n".join(lines) + "\n"
