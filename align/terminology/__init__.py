"""Terminology: one term, one rendering — across the checked posts and against a glossary."""

from align.terminology.annotate import TermsOutcome, annotate
from align.terminology.cache import CACHE_FILE, TermCache
from align.terminology.glossary import (
    EMPTY,
    Glossary,
    GlossaryEntry,
    GlossaryError,
    load_glossary,
    parse_glossary,
)
from align.terminology.model import DEFAULT_TERM_CONFIG, TermConfig

__all__ = [
    "CACHE_FILE",
    "DEFAULT_TERM_CONFIG",
    "EMPTY",
    "Glossary",
    "GlossaryEntry",
    "GlossaryError",
    "TermCache",
    "TermConfig",
    "TermsOutcome",
    "annotate",
    "load_glossary",
    "parse_glossary",
]
