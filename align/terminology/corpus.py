"""The terminology check as the last step of a `fidelity check` run over a folder.

Its evidence is every post of the run, so it runs once all of them are checked (fresh or
read back unchanged); the words of each post come from the cache in the report folder, and
only the documents whose terminology findings changed are written again. When those include
posts that did not change themselves, the run says so: a change elsewhere (another post, the
glossary) moved their findings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.plural import counted
from align.terminology.annotate import TermsOutcome, annotate
from align.terminology.cache import CACHE_FILE, TermCache
from align.terminology.glossary import EMPTY, Glossary
from align.terminology.model import DEFAULT_TERM_CONFIG, TermConfig


@dataclass(frozen=True)
class CorpusTerms:
    outcome: TermsOutcome
    rewrite: list[int]  # positions of the documents to write again
    notes: list[str]  # for the run's summary


def _stamp(glossary: Glossary, config: TermConfig) -> str:
    payload = [
        [e.text for e in glossary.entries],
        config.signature(),
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()[:16]


def check_corpus(
    documents: Sequence[Mapping[str, Any]],
    fresh: Sequence[bool],
    out_dir: Path,
    *,
    glossary: Glossary = EMPTY,
    ignore_ids: Iterable[str] = (),
    config: TermConfig = DEFAULT_TERM_CONFIG,
) -> CorpusTerms:
    """The terminology findings of a run's documents. `fresh[i]`: document i was checked in
    this run (its report is being written anyway), not read back unchanged."""
    cache = TermCache(out_dir / CACHE_FILE)
    stamp = _stamp(glossary, config)
    settings_changed = cache.previous_stamp() not in (None, stamp)
    outcome = annotate(
        documents, glossary=glossary, config=config, cache=cache, ignore_ids=ignore_ids
    )
    changed = set(outcome.changed)
    rewrite = [
        n
        for n, (before, after) in enumerate(zip(documents, outcome.documents, strict=True))
        if fresh[n] or after["terminology"] != before.get("terminology") or _key(after) in changed
    ]
    moved = [
        str(outcome.documents[n].get("path"))
        for n in rewrite
        if not fresh[n] and _key(outcome.documents[n]) in changed
    ]
    notes = []
    findings = outcome.index["findings"]
    if findings:
        notes.append(f"terminology: {counted(findings, 'finding')} across the checked posts")
    if moved:
        cause = (
            "the glossary or the terminology settings changed"
            if settings_changed and not any(fresh)
            else "other posts changed"
            if not settings_changed
            else "other posts, the glossary or the terminology settings changed"
        )
        notes.append(
            f"terminology: {cause}, so the findings of {counted(len(moved), 'unchanged post')}"
            f" changed too: {', '.join(moved)}"
        )
    try:
        cache.save(stamp)
    except OSError as error:  # only costs time on the next run
        notes.append(f"terminology: cannot write its cache {cache.path}: {error.strerror}")
    return CorpusTerms(outcome, rewrite, notes)


def _key(document: Mapping[str, Any]) -> str:
    return str(document.get("path") or document.get("stem") or "")
