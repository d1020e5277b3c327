"""What several checks share: a memoising encoder, bead texts and similarities, and the
event's own distribution of bead similarities that thresholds are calibrated against."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from align.checks.base import CheckInput
from align.checks.config import CheckConfig
from align.embed.base import Encoder
from align.model import Bead

WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


class MemoEncoder:
    """Wraps an encoder so that each distinct text is embedded once per run of the checks."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.id = inner.id
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            vectors = np.asarray(self.inner.encode(missing), dtype=np.float32)
            self._memo.update(zip(missing, vectors, strict=True))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])


def embed(encoder: Encoder, texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Every distinct text embedded in one encoder call (a memoising encoder makes repeats
    free): the checks collect what they need for a whole event first, then look it up."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return {}
    vectors = encoder.encode(unique)
    return dict(zip(unique, vectors, strict=True))


def memoised(encoder: Encoder | None) -> Encoder | None:
    if encoder is None or isinstance(encoder, MemoEncoder):
        return encoder
    return MemoEncoder(encoder)


def side_text(sentences: Sequence, indices: Sequence[int]) -> str:
    return " ".join(sentences[i].text for i in indices)


def fr_text(data: CheckInput, bead: Bead) -> str:
    return side_text(data.fr, bead.fr)


def en_text(data: CheckInput, bead: Bead) -> str:
    return side_text(data.en, bead.en)


def similarity(encoder: Encoder, a: str, b: str) -> float:
    va, vb = encoder.encode([a, b])
    return float(np.dot(va, vb))


def bead_similarities(data: CheckInput) -> list[float | None]:
    """Similarity of each bead's French and English (None for a gap bead).

    With an encoder the texts are re-embedded, so every aligner's beads are scored alike;
    without one the aligner's own score is used.
    """
    paired = [b for b in data.beads if b.fr and b.en]
    if data.encoder is None or not paired:
        return [b.score if (b.fr and b.en) else None for b in data.beads]
    fr = data.encoder.encode([fr_text(data, b) for b in paired])
    en = data.encoder.encode([en_text(data, b) for b in paired])
    scores = iter(np.sum(fr * en, axis=1).tolist())
    return [next(scores) if (b.fr and b.en) else None for b in data.beads]


@dataclass(frozen=True)
class Distribution:
    """Robust location and spread of an event's bead similarities.

    With fewer than `min_beads_for_calibration` beads the event's own statistics are blended
    with a prior (weights by bead count), so a three-sentence greeting is not calibrated on
    three numbers alone.
    """

    median: float
    mad: float  # scaled (×1.4826), floored
    count: int
    calibrated: bool  # True when the event had enough beads to stand on its own

    def z(self, score: float) -> float:
        return (score - self.median) / self.mad

    def to_json(self) -> dict[str, float | int | bool]:
        return {
            "median": round(self.median, 3),
            "mad": round(self.mad, 3),
            "beads": self.count,
            "calibrated": self.calibrated,
        }


def distribution(scores: Sequence[float], config: CheckConfig) -> Distribution:
    values = np.asarray([s for s in scores if s is not None], dtype=float)
    count = len(values)
    if count == 0:
        return Distribution(config.prior_median, config.prior_mad, 0, False)
    median = float(np.median(values))
    mad = float(np.median(np.abs(values - median))) * 1.4826
    enough = count >= config.min_beads_for_calibration
    if not enough:
        weight = count / config.min_beads_for_calibration
        median = weight * median + (1 - weight) * config.prior_median
        mad = weight * mad + (1 - weight) * config.prior_mad
    return Distribution(median, max(mad, config.mad_floor), count, enough)


def one_line(text: str, limit: int = 80) -> str:
    """A sentence shortened for a one-line message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
