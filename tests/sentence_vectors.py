"""A sentence encoder whose similarities the test sets, and an event builder, for the unit
tests of the omission, partial-omission and addition rules (tests/test_omissions_*.py).

The real encoder (USE) makes every similarity a measurement: a test can say "a dropped
sentence is reported" but not "at 0.45 it is covered, just below it is not". Here each
similarity is chosen, so each threshold of `align.checks.omissions` can be tested at its
edge, and a test runs in milliseconds (the mutation run, `make mutation`, runs them for
every changed line).

- `whole`: a text listed whole gets exactly its vector (not normalised: the test picks
  components whose dot products are exact, such as 0.45 against an axis).
- `pieces`: any other text is the normalised sum of the vectors of the listed pieces it
  contains, so a bead's merged English, a run of clauses or an English sentence without one
  of its clauses is composed like its parts, as a sentence encoder roughly does.
- Any text with neither gets a fixed pseudo-random direction of its own, orthogonal to every
  designed direction (the first `DESIGNED` components are zero) and nearly orthogonal to the
  other such texts (|cosine| ≲ 0.25 in 256 dimensions).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np

from align.checks.base import CheckInput
from align.model import Bead, Sentence, Side, WordLink

DIMS = 256
DESIGNED = 32


class SentenceVectors:
    id = "sentence-vectors"

    def __init__(
        self,
        whole: Mapping[str, Sequence[float]] | None = None,
        pieces: Mapping[str, Sequence[float]] | None = None,
    ) -> None:
        self.whole = {t: self._row(v) for t, v in (whole or {}).items()}
        self.pieces = {t: self._row(v) for t, v in (pieces or {}).items()}
        self.calls = 0

    @staticmethod
    def _row(values: Sequence[float]) -> np.ndarray:
        assert len(values) <= DESIGNED
        row = np.zeros(DIMS)
        row[: len(values)] = values
        return row

    def vector(self, text: str) -> np.ndarray:
        if text in self.whole:
            return self.whole[text]
        found = [v for piece, v in self.pieces.items() if piece in text]
        if found:
            total = np.sum(found, axis=0)
            return total / np.linalg.norm(total)
        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
        row = np.random.default_rng(seed).standard_normal(DIMS)
        row[:DESIGNED] = 0.0
        return row / np.linalg.norm(row)

    def similarity(self, a: str, b: str) -> float:
        return float(np.dot(self.vector(a), self.vector(b)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, DIMS))


def axis(k: int, value: float = 1.0) -> list[float]:
    """`value` on component k, zero elsewhere."""
    row = [0.0] * (k + 1)
    row[k] = value
    return row


def mix(**weights: float) -> list[float]:
    """A vector from named components a0, a1, …: mix(a0=0.45, a5=0.8)."""
    row = [0.0] * DESIGNED
    for name, value in weights.items():
        row[int(name[1:])] = value
    return row


def event(
    fr: Sequence[str | tuple[str, str]],
    en: Sequence[str],
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    *,
    encoder: SentenceVectors | None = None,
    truncated: bool = False,
    links: Sequence[Sequence[WordLink]] = (),
    fr_blocks: Sequence[int] | None = None,
    en_blocks: Sequence[int] | None = None,
) -> CheckInput:
    """An aligned event. fr: texts or (text, kind); beads: (French indices, English indices);
    blocks: each sentence's paragraph (default: one paragraph for the whole side)."""
    fr_items = [(t, "body") if isinstance(t, str) else t for t in fr]
    fr_blocks = list(fr_blocks) if fr_blocks is not None else [0] * len(fr)
    en_blocks = list(en_blocks) if en_blocks is not None else [0] * len(en)
    return CheckInput(
        tuple(
            Sentence(Side.FR, i, text, fr_blocks[i], (0, len(text)), kind=kind)
            for i, (text, kind) in enumerate(fr_items)
        ),
        tuple(Sentence(Side.EN, i, t, en_blocks[i], (0, len(t))) for i, t in enumerate(en)),
        tuple(Bead(tuple(f), tuple(e), 0.8 if f and e else 0.0) for f, e in beads),
        encoder=encoder,
        truncated=truncated,
        links=tuple(tuple(b) for b in links),
    )
