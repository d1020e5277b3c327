"""Stage 1 of the aligner: windows and their vectors.

One side of a bitext as arrays: sentence vectors, overlap windows and cheap evidence.
A *window* (s, k) is k consecutive sentences starting at s. A bead of type (m, n) pairs a window
of m sentences of A with a window of n sentences of B; its embedding is either the encoder's
vector of the joined text (sizes up to `concat_max`, Vecalign's "overlaps"; larger ones only
where the path is unsure, see `windows_around`) or the normalised sum of its sentence vectors.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

Embed = Callable[[Sequence[str]], np.ndarray]

# Tokens that carry over untranslated: numbers and capitalised words (names).
_TOKEN = re.compile(r"\w+", re.UNICODE)
_N_ANCHOR_BITS = 64


def normalise_rows(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


def window_texts(sentences: Sequence[str], size: int) -> list[str]:
    return [" ".join(sentences[s : s + size]) for s in range(len(sentences) - size + 1)]


@dataclass(frozen=True)
class SideArrays:
    """Everything the aligner needs to know about one side, as arrays over its sentences."""

    vectors: np.ndarray  # (n, d) float32 unit rows, one per sentence
    joined: dict[int, np.ndarray] = field(default_factory=dict)  # size k -> (n - k + 1, d)
    # size k -> (sorted window starts, their vectors): the few windows embedded on demand
    partial: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    lengths: np.ndarray | None = None  # characters per sentence
    blocks: np.ndarray | None = None  # paragraph / turn index per sentence
    anchors: np.ndarray | None = None  # uint64 bit set of shared names and numbers per sentence

    @property
    def n(self) -> int:
        return int(self.vectors.shape[0])

    def window_vectors(self, size: int, starts: np.ndarray) -> np.ndarray:
        """Unit vectors of the windows (starts[k], size)."""
        if size == 1:
            return self.vectors[starts]
        if size in self.joined:
            return self.joined[size][starts]
        # Compose from the largest embedded windows: 4 = 2 + 2, 3 = 2 + 1, …
        chunk = max((k for k in self.joined if k < size), default=1)
        total = np.zeros((len(starts), self.vectors.shape[1]), dtype=np.float32)
        offset = 0
        while offset < size:
            part = min(chunk, size - offset)
            total += self.window_vectors(part, starts + offset)
            offset += part
        total = normalise_rows(total)
        if size in self.partial and len(starts) and len(self.partial[size][0]):
            known, vectors = self.partial[size]
            pos = np.minimum(np.searchsorted(known, starts), len(known) - 1)
            hit = known[pos] == starts
            total[hit] = vectors[pos[hit]]
        return total

    def windows(self, size: int) -> WindowView:
        return WindowView(self, size)

    def part(self, start: int, stop: int) -> SideArrays:
        """Sentences start … stop - 1 as a side of their own (windows inside it only)."""
        n = stop - start
        partial = {}
        for size, (known, vectors) in self.partial.items():
            keep = (known >= start) & (known + size <= stop)
            partial[size] = (known[keep] - start, vectors[keep])
        return SideArrays(
            vectors=self.vectors[start:stop],
            joined={k: v[start : start + max(n - k + 1, 0)] for k, v in self.joined.items()},
            partial=partial,
            lengths=None if self.lengths is None else self.lengths[start:stop],
            blocks=None if self.blocks is None else self.blocks[start:stop],
            anchors=None if self.anchors is None else self.anchors[start:stop],
        )

    def window_lengths(self, size: int, starts: np.ndarray) -> np.ndarray:
        lengths = self.lengths if self.lengths is not None else np.ones(self.n)
        cum = np.concatenate([[0.0], np.cumsum(lengths, dtype=np.float64)])
        return cum[starts + size] - cum[starts] + (size - 1)

    def window_spans_blocks(self, size: int, starts: np.ndarray) -> np.ndarray:
        if self.blocks is None or size == 1:
            return np.zeros(len(starts), dtype=bool)
        return self.blocks[starts] != self.blocks[starts + size - 1]

    def window_anchors(self, size: int, starts: np.ndarray) -> np.ndarray:
        if self.anchors is None:
            return np.zeros(len(starts), dtype=np.uint64)
        bits = self.anchors[starts].copy()
        for offset in range(1, size):
            bits |= self.anchors[starts + offset]
        return bits


@dataclass(frozen=True)
class WindowView:
    """The windows of `size` sentences of a side, built a block of rows at a time."""

    side: SideArrays
    size: int
    matrix: np.ndarray | None = None  # every window's vector, when computed once up front

    def __len__(self) -> int:
        return max(self.side.n - self.size + 1, 0)

    def rows(self, start: int, stop: int) -> np.ndarray:
        if self.matrix is not None:
            return self.matrix[start:stop]
        return self.side.window_vectors(self.size, np.arange(start, stop))

    def materialised(self) -> WindowView:
        """The same windows with every vector computed now (memory: one row per window)."""
        if self.matrix is not None:
            return self
        return WindowView(self.side, self.size, self.rows(0, len(self)))


def side_from_vectors(
    vectors: np.ndarray,
    *,
    lengths: Sequence[int] | None = None,
    blocks: Sequence[int] | None = None,
    anchors: np.ndarray | None = None,
    joined: dict[int, np.ndarray] | None = None,
) -> SideArrays:
    """A side from hand-made (or precomputed) sentence vectors; rows are normalised."""
    array = np.asarray(vectors, dtype=np.float32)
    vecs = normalise_rows(array.reshape(len(array), -1) if len(array) else array.reshape(0, 1))
    return SideArrays(
        vectors=vecs,
        joined={k: normalise_rows(v) for k, v in (joined or {}).items()},
        lengths=None if lengths is None else np.asarray(lengths, dtype=np.float64),
        blocks=None if blocks is None else np.asarray(blocks, dtype=np.int64),
        anchors=anchors,
    )


def _fold(token: str) -> str:
    return unicodedata.normalize("NFKC", token)


def _candidate_anchors(sentence: str) -> set[str]:
    """Numbers and capitalised words of a sentence, the tokens a translation keeps as is."""
    found = set()
    for tok in _TOKEN.findall(sentence):
        if any(ch.isdigit() for ch in tok) or (len(tok) >= 3 and tok[0].isupper()):
            found.add(_fold(tok))
    return found


def anchor_bits(
    a: Sequence[str], b: Sequence[str], *, max_share: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, a 64-bit set of the names and numbers that occur on BOTH sides.

    Tokens in more than `max_share` of the sentences of a side (e.g. a ubiquitous name) say
    little about which sentence goes with which, and are left out. Distinct tokens may share
    a bit; the aligner only reads how much two windows' sets overlap, so rare collisions cost
    little.
    """
    tok_a = [_candidate_anchors(s) for s in a]
    tok_b = [_candidate_anchors(s) for s in b]
    freq_a = Counter(t for toks in tok_a for t in toks)
    freq_b = Counter(t for toks in tok_b for t in toks)
    limit_a = max(2.0, max_share * len(a))
    limit_b = max(2.0, max_share * len(b))
    shared = sorted(t for t in freq_a.keys() & freq_b.keys() if freq_a[t] <= limit_a)
    shared = [t for t in shared if freq_b[t] <= limit_b]
    bit_of = {t: np.uint64(1) << np.uint64(k % _N_ANCHOR_BITS) for k, t in enumerate(shared)}

    def bits(toks: list[set[str]]) -> np.ndarray:
        out = np.zeros(len(toks), dtype=np.uint64)
        for k, ts in enumerate(toks):
            for t in ts:
                if t in bit_of:
                    out[k] |= bit_of[t]
        return out

    return bits(tok_a), bits(tok_b)


def embed_side(
    sentences: Sequence[str],
    embed: Embed,
    *,
    concat_max: int,
    blocks: Sequence[int] | None = None,
    anchors: np.ndarray | None = None,
) -> SideArrays:
    """Embed the sentences and their joined windows of 2 … concat_max sentences.

    Windows that cross a block boundary are not embedded as text (they get the normalised
    sum), as the aligner avoids such beads anyway and they would cost encoder time.
    """
    n = len(sentences)
    vectors = normalise_rows(embed(list(sentences))) if n else np.zeros((0, 1), np.float32)
    joined: dict[int, np.ndarray] = {}
    block_arr = None if blocks is None else np.asarray(blocks, dtype=np.int64)
    side = SideArrays(vectors=vectors, blocks=block_arr)
    for size in range(2, concat_max + 1):
        if n < size:
            break
        starts = np.arange(n - size + 1)
        crossing = side.window_spans_blocks(size, starts)
        texts = window_texts(sentences, size)
        inside = [s for s in starts if not crossing[s]]
        windows = side.window_vectors(size, starts)  # the sums, replaced where embedded
        if inside:
            windows[inside] = normalise_rows(embed([texts[s] for s in inside]))
        joined[size] = windows
    return SideArrays(
        vectors=vectors,
        joined=joined,
        lengths=np.array([len(s) for s in sentences], dtype=np.float64),
        blocks=block_arr,
        anchors=anchors,
    )


def with_embedded_windows(
    side: SideArrays,
    sentences: Sequence[str],
    embed: Embed,
    wanted: dict[int, np.ndarray],
) -> SideArrays:
    """`side` plus the joined-text vectors of the windows `wanted` (size -> starts).

    Windows that cross a block boundary are left composed, as in `embed_side`.
    """
    partial = dict(side.partial)
    for size, starts in wanted.items():
        starts = np.unique(starts)
        starts = starts[(starts >= 0) & (starts + size <= side.n)]
        starts = starts[~side.window_spans_blocks(size, starts)]
        if len(starts) == 0 or size in side.joined:
            continue
        texts = [" ".join(sentences[s : s + size]) for s in starts]
        partial[size] = (starts, normalise_rows(embed(texts)))
    return dataclasses.replace(side, partial=partial)


def downsample(vectors: np.ndarray) -> np.ndarray:
    """Pairs of consecutive sentence vectors summed and normalised (half the rows, rounded up)."""
    if len(vectors) % 2:
        vectors = np.concatenate([vectors, vectors[-1:]])
    return normalise_rows(vectors[0::2] + vectors[1::2])


def windows_in(regions: Sequence[range], sizes: Sequence[int]) -> dict[int, np.ndarray]:
    """For each size, the starts of every window lying inside one of the regions."""
    wanted: dict[int, np.ndarray] = {}
    for size in sizes:
        starts = [np.arange(r.start, r.stop - size + 1) for r in regions if len(r) >= size]
        wanted[size] = np.concatenate(starts) if starts else np.zeros(0, dtype=np.int64)
    return wanted


def char_ratio_of(a: SideArrays, b: SideArrays) -> float:
    """Characters of A per character of B. From the totals when the sides have similar
    sentence counts; otherwise one side has much text the other lacks, and the totals would
    make a long window of it look the right length, so the median sentences decide."""
    if a.lengths is None or b.lengths is None or a.n == 0 or b.n == 0:
        return 1.0
    if 2 / 3 <= a.n / b.n <= 3 / 2:
        return float((a.lengths.sum() + 1.0) / (b.lengths.sum() + 1.0))
    return float((np.median(a.lengths) + 1.0) / (np.median(b.lengths) + 1.0))
