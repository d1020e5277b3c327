"""Checks turn an aligned event into findings; one module per finding family."""

from align.checks.base import Check, CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.registry import default_checks, run_checks

__all__ = ["DEFAULT_CONFIG", "Check", "CheckConfig", "CheckInput", "default_checks", "run_checks"]
