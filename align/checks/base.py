"""The contract of a check: aligned event in, findings out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from align.embed.base import Encoder
from align.model import Bead, Finding, Sentence, WordLink


@dataclass(frozen=True)
class CheckInput:
    """One aligned event, as every check sees it.

    `fr` holds every French sentence of the event, with its kind (body, turn, caption, tag,
    note, elision, other); only body and turn sentences take part in the alignment, so the
    other kinds appear in no bead. `en` holds the English sentences (title, lead, body).
    Beads are in document order and cover every aligned sentence exactly once.
    """

    fr: tuple[Sentence, ...]
    en: tuple[Sentence, ...]
    beads: tuple[Bead, ...]
    encoder: Encoder | None = None  # for clause-level similarity; None disables those checks
    truncated: bool = False  # the French ends with "À suivre." (to be continued)
    # word links of each bead, parallel to `beads` (empty when the links were not computed)
    links: tuple[tuple[WordLink, ...], ...] = ()


class Check(Protocol):
    name: str

    def run(self, data: CheckInput) -> list[Finding]: ...
