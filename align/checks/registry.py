"""Running every check on an aligned event: one sorted, de-duplicated list of findings."""

from __future__ import annotations

import dataclasses
import logging
import warnings
from collections.abc import Sequence

from align.checks.base import Check, CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import embed, en_text, fr_text, memoised
from align.model import Finding

log = logging.getLogger(__name__)


def default_checks(config: CheckConfig = DEFAULT_CONFIG) -> list[Check]:
    """Every check, in a fixed order; the number check joins when its module is present."""
    from align.checks.direction import DirectionCheck
    from align.checks.meaning import MistranslationCheck, NegationCheck, UntranslatedCheck
    from align.checks.names import NameCheck
    from align.checks.omissions import AdditionCheck, OmissionCheck, PartialOmissionCheck
    from align.checks.qualifier import QualifierCheck
    from align.checks.spelling import SpellingCheck
    from align.checks.wording import WordingCheck

    checks: list[Check] = [
        OmissionCheck(config),
        PartialOmissionCheck(config),
        AdditionCheck(config),
        NameCheck(config),
        MistranslationCheck(config),
        NegationCheck(config),
        UntranslatedCheck(config),
        DirectionCheck(config),
        QualifierCheck(config),
        WordingCheck(config),
        SpellingCheck(config),
    ]
    number = _number_check()
    if number is not None:
        checks.insert(3, number)
    return checks


def _number_check() -> Check | None:
    try:
        from align.checks.numbers import NumberCheck
    except ImportError as error:  # built by another hand; never block the other checks on it
        warnings.warn(f"number check unavailable, skipped: {error}", stacklevel=3)
        return None
    return NumberCheck()


def _position(finding: Finding) -> tuple[float, float, str, str]:
    en = min(finding.en) if finding.en else float("inf")
    fr = min(finding.fr) if finding.fr else float("inf")
    return (en if finding.en else fr + 0.5, fr, str(finding.type), finding.id)


def _common_texts(data: CheckInput) -> list[str]:
    texts = [s.text for s in data.fr] + [s.text for s in data.en]
    for bead in data.beads:
        if bead.fr and bead.en:
            texts += [fr_text(data, bead), en_text(data, bead)]
    return texts


def run_checks(
    data: CheckInput,
    *,
    config: CheckConfig | None = None,
    checks: Sequence[Check] | None = None,
) -> list[Finding]:
    """Every check on one aligned event, findings sorted by position.

    A finding reported twice (same content key, same sentences) is kept once; identical
    findings at different places (the English "Thank you." dropped twice) are all kept —
    the pipeline then gives each its own id (`align.model.occurrence_id`)."""
    config = config or DEFAULT_CONFIG
    data = dataclasses.replace(data, encoder=memoised(data.encoder))
    if data.encoder is not None:
        # what every check needs, in one encoder call: sentences and bead texts
        embed(data.encoder, _common_texts(data))
    chosen = list(checks) if checks is not None else default_checks(config)
    found: dict[tuple[str, tuple[int, ...], tuple[int, ...]], Finding] = {}
    for check in chosen:
        for finding in check.run(data):
            found.setdefault((finding.id, finding.fr, finding.en), finding)
    return sorted(found.values(), key=_position)
