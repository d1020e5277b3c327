"""Ignore files: findings a reviewer marked as false alarms, suppressed on the next run.

Two formats are read:
- the JSON file the report page exports:
  `{"tool": "fidelity", "ignored": [{"id": "…", "type": "…", "message": "…", "note": "…"}]}`
  (entries may also be bare id strings);
- plain text, one finding id per line; `#` starts a comment, blank lines are skipped.

A finding id is 16 lowercase hex digits (`align.model.occurrence_id`): unique within a run,
stable across runs. Ignore files written before fidelity 0.2 hold the older ids, which were
the content key alone (`align.model.finding_id`, kept in each finding as "content_id"): they
are still honoured, and hide every finding with that content key (as they did then);
`old_style_ids` names them so the run can say so once.
`apply_ignore` REMOVES the ignored findings from the result (so every reader, counts and exit
codes included, sees only live findings) and records how many it removed per event in
`summary.ignored`.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from align.io import atomic_write_text

_ID = re.compile(r"^[0-9a-f]{16}$")


class IgnoreFileError(ValueError):
    """The ignore file cannot be used; the message is one line naming the file."""


def _check_id(value: Any, path: Path, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value.strip().lower()):
        shown = repr(value)[:60]
        raise IgnoreFileError(f"{path}: {where}: not a finding id (16 hex digits): {shown}")
    return value.strip().lower()


def _from_json(text: str, path: Path) -> frozenset[str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IgnoreFileError(f"{path}: invalid JSON at line {err.lineno}: {err.msg}") from err
    if isinstance(data, Mapping):
        if data.get("tool") not in (None, "fidelity"):
            raise IgnoreFileError(f"{path}: not a fidelity ignore file (tool={data['tool']!r})")
        entries = data.get("ignored")
        if not isinstance(entries, list):
            raise IgnoreFileError(f'{path}: expected an "ignored" list of findings')
    elif isinstance(data, list):
        entries = data
    else:
        raise IgnoreFileError(f'{path}: expected an object with an "ignored" list')
    ids = set()
    for n, entry in enumerate(entries):
        value = entry.get("id") if isinstance(entry, Mapping) else entry
        ids.add(_check_id(value, path, f"entry {n + 1}"))
    return frozenset(ids)


def _from_text(text: str, path: Path) -> frozenset[str]:
    ids = set()
    for lineno, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if content:
            ids.add(_check_id(content, path, f"line {lineno}"))
    return frozenset(ids)


def load_ignore(path: Path) -> frozenset[str]:
    """The finding ids listed in an ignore file (JSON as exported by the report, or text)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise IgnoreFileError(f"{path}: no such ignore file") from err
    except UnicodeDecodeError as err:
        raise IgnoreFileError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except OSError as err:
        raise IgnoreFileError(f"{path}: cannot read: {err.strerror or err}") from err
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return _from_json(text, path)
    return _from_text(text, path)


def write_ignore(path: Path, findings: list[Mapping[str, Any]]) -> None:
    """Write the JSON ignore file for these findings (same shape as the page's export)."""
    ignored = [
        {
            "id": str(f["id"]),
            "type": str(f.get("type", "")),
            "message": str(f.get("message", "")),
            "note": str(f.get("note", "")),
        }
        for f in sorted(findings, key=lambda f: str(f["id"]))
    ]
    payload = json.dumps({"tool": "fidelity", "ignored": ignored}, ensure_ascii=False, indent=1)
    atomic_write_text(Path(path), payload + "\n")


def _recount(findings: list[Mapping[str, Any]]) -> tuple[dict[str, int], dict[str, int]]:
    counts: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for f in findings:
        counts[str(f.get("type"))] = counts.get(str(f.get("type")), 0) + 1
        by_severity[str(f.get("severity"))] = by_severity.get(str(f.get("severity")), 0) + 1
    return counts, by_severity


def _ignored(finding: Mapping[str, Any], wanted: set[str]) -> bool:
    own = str(finding.get("id", "")).lower()
    content = str(finding.get("content_id") or "").lower()
    return own in wanted or (bool(content) and content in wanted)


def _findings(result: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [
        finding
        for document in result.get("documents") or ()
        for event in document.get("events") or ()
        for finding in event.get("findings") or ()
    ]


def old_style_ids(result: Mapping[str, Any], ids: frozenset[str]) -> frozenset[str]:
    """The ids of `ids` that match a finding only through its content key: ids written by
    an older version, each of which hides every finding with the same type and texts."""
    wanted = {i.lower() for i in ids}
    findings = _findings(result)
    own = {str(f.get("id", "")).lower() for f in findings}
    content = {str(f.get("content_id") or "").lower() for f in findings}
    return frozenset((wanted & content) - own)


def apply_ignore(result: Mapping[str, Any], ids: frozenset[str]) -> dict[str, Any]:
    """A copy of the result without the ignored findings; each event's summary counts are
    recomputed and `summary.ignored` says how many were removed. The input is not changed."""
    out = copy.deepcopy(dict(result))
    wanted = {i.lower() for i in ids}
    for document in out.get("documents") or ():
        for event in document.get("events") or ():
            findings = event.get("findings") or []
            kept = [f for f in findings if not _ignored(f, wanted)]
            removed = len(findings) - len(kept)
            event["findings"] = kept
            summary = event.setdefault("summary", {})
            if event.get("compared") is not False:  # not compared: no counts, not zero ones
                summary["counts"], summary["by_severity"] = _recount(kept)
            summary["ignored"] = int(summary.get("ignored") or 0) + removed
    return out
