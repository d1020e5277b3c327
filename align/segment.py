"""Sentence segmentation: pysbd's boundaries, corrected for what it gets wrong in this corpus.

A sentence is a character span of its block's text, so every later stage can point back at
the words a reviewer reads. The method, per block:

1. candidate boundaries from pysbd (located in the original text, never trusted as text),
   plus boundaries pysbd misses: inside «guillemets» and "quotes", after an ellipsis before a
   capital, and on both sides of a `<…>` elision marker;
2. vetoes: no boundary after a title or abbreviation (M., MM., Mme, Mr., Dr, cf., p. 5,
   janv. 2023), after an initial ("V. Poutine", "D. Kisseliov", "É.-U."), before a lowercase
   word, inside [notes] or (parentheses), and never where there is no whitespace (URLs,
   7.598, 28,2 and "300 000" keep their pieces together) except a full stop glued to a
   capitalised word ("promise.En outre"), outside URLs;
3. a translator note "[… — NdT]" right after a sentence stays with that sentence;
4. every piece is stripped; a piece longer than `MAX_SENTENCE_CHARS` is cut at a clause or
   word boundary, so a 100,000-character line costs linear time and bounded memory.

Blocks longer than `PYSBD_MAX_CHARS` skip pysbd and use the rule candidates alone (pysbd is
about 20 µs a character); the vetoes are the same, so results differ only at the margins.
"""

from __future__ import annotations

import functools
import logging
import re
import warnings
from collections.abc import Sequence

import pysbd
from pysbd.languages import LANGUAGE_CODES

from align.model import Sentence, Side

log = logging.getLogger(__name__)


class SegmentationWarning(UserWarning):
    """pysbd failed on a block; that block's sentences come from the punctuation rules."""


_surfaced = False  # whether a pysbd failure was already shown as a warning in this process


def _pysbd_failed(text: str, error: Exception) -> None:
    """Log every failure; show the first one of the process as a warning (not one per block:
    a run over a corpus would repeat it hundreds of times)."""
    global _surfaced
    what = f"{type(error).__name__}: {' '.join(str(error).split())[:120]}"
    log.warning(
        "pysbd failed (%s) on a block starting %r; split by the rules alone", what, text[:60]
    )
    if not _surfaced:
        _surfaced = True
        warnings.warn(
            f"the sentence splitter pysbd failed ({what}) on a block starting {text[:40]!r};"
            " such blocks are split by punctuation rules alone (further failures are logged"
            " by align.segment)",
            SegmentationWarning,
            stacklevel=4,
        )


#: A sentence longer than this is cut at a clause or word boundary (characters).
MAX_SENTENCE_CHARS = 2000
#: Blocks longer than this are split by the rules alone, without pysbd (characters).
PYSBD_MAX_CHARS = 20_000
#: Brackets and parentheses that close within this many characters protect their inside.
MAX_PROTECTED_CHARS = 1000

_FALLBACK_LANGUAGE = "en"

# Words after which a full stop does not end a sentence (compared without the stop, case
# sensitive). One list for every language: the French posts write "Mr." and the English
# originals quote French names.
_TITLE_WORDS = """
    M MM Mme Mmes Mlle Mlles Me Mgr Dr Drs Pr Pre Sr St Ste Mr Mrs Ms Messrs Prof Gen Col
    Lt Sgt Capt Gov Sen Rep Rev Hon Mt Ft cf Cf vs al ex Ex env resp
"""
_TITLES = frozenset(_TITLE_WORDS.split())
# Abbreviations that do not end a sentence when a number follows ("p. 5", "janv. 2023").
_BEFORE_NUMBER_WORDS = """
    p pp P n N no No nos Nos nº art Art vol Vol chap ch fig Fig éd ed Ed tél tel Tel réf
    janv jan Jan févr fév fev Feb Mar mar avr Apr apr juil Jul jul Aug août sept Sept Sep
    oct Oct nov Nov déc Dec dec env approx ca
"""
_BEFORE_NUMBER = frozenset(_BEFORE_NUMBER_WORDS.split())
# "promise.En outre": a full stop glued to the next sentence, as blog posts often have it.
_GLUED = re.compile(r"(?<=[a-zà-öø-ÿœ]{3}[.!?])(?=[A-ZÀ-ÖØ-ÞŒ][a-zà-öø-ÿœ])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)*[^\W\d_]")
_ELISION = re.compile(r"<\s*(?:…|\.\.\.)\s*>")
_OPENERS = "«“\"'‘([{"
# Sentence-final punctuation, closing quotes or brackets, whitespace, then what may start a
# sentence: an optional opener and a letter or digit. Group 1 is the final punctuation.
_CANDIDATE = re.compile(r"([.!?…]+)[»”\"’)\]]*(?:\s*[»”])?\s+(?=[«“\"(\[]?[\s*]*\w)")


@functools.cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def _language(lang: str) -> str:
    """The pysbd language for a code like "fr", "fr-FR" or "EN"; English when unknown."""
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGE_CODES else _FALLBACK_LANGUAGE


def _pysbd_boundaries(text: str, language: str) -> set[int] | None:
    """Start offsets of pysbd's sentences after the first, found in `text` itself; None when
    pysbd fails (logged, and shown once: `_pysbd_failed`).

    pysbd may return text that differs from its input; a piece that cannot be found is
    dropped (losing one boundary is safer than inventing a wrong span).
    """
    try:
        # process() gives pysbd's sentences without its own span search, which rescans the
        # whole text with a fresh regex per sentence (quadratic, and it drops mangled ones)
        pieces = _segmenter(language).processor(text).process()
    except Exception as error:  # pysbd bug on odd input: the rules still apply, and we say so
        _pysbd_failed(text, error)
        return None
    starts: set[int] = set()
    cursor = 0
    for piece in pieces:
        key = str(piece).strip()
        if not key:
            continue
        found = text.find(key, cursor)
        if found < 0:
            head = key[:24].strip()
            found = text.find(head, cursor) if head else -1
            if found < 0:
                continue
            cursor = found + len(head)
        else:
            cursor = found + len(key)
        if found > 0:
            starts.add(found)
    return starts


def _balanced_regions(text: str, opener: str, closer: str) -> list[tuple[int, int]]:
    """(open, close) offsets of balanced pairs no longer than MAX_PROTECTED_CHARS."""
    regions: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, char in enumerate(text):
        if char == opener:
            stack.append(i)
        elif char == closer and stack:
            start = stack.pop()
            if i - start <= MAX_PROTECTED_CHARS:
                regions.append((start, i))
    return regions


def _protected(text: str) -> tuple[bytearray, list[tuple[int, int]]]:
    """A mask of offsets no boundary may fall on, and the [bracket] regions."""
    mask = bytearray(len(text))
    brackets = _balanced_regions(text, "[", "]") if "[" in text else []
    parens = _balanced_regions(text, "(", ")") if "(" in text else []
    for start, end in (*brackets, *parens):
        mask[start + 1 : end + 1] = b"\x01" * (end - start)
    for match in _ELISION.finditer(text):
        mask[match.start() + 1 : match.end()] = b"\x01" * (match.end() - match.start() - 1)
    return mask, brackets


def _quote_depth(text: str) -> list[int]:
    """Quotation depth at each offset (« “ open, » ” close, " toggles)."""
    depth, straight = 0, False
    out = [0] * (len(text) + 1)
    for i, char in enumerate(text):
        if char in "«“":
            depth += 1
        elif char in "»”":
            depth = max(0, depth - 1)
        elif char == '"':
            straight = not straight
        out[i + 1] = depth + straight
    return out


def _rule_boundaries(text: str, *, accept_all: bool) -> set[int]:
    """Boundaries from the punctuation rule: all of them, or only where pysbd is weak."""
    found: set[int] = set()
    depth = _quote_depth(text) if not accept_all and any(q in text for q in '«»“”"') else None
    for match in _CANDIDATE.finditer(text):
        boundary = match.end()
        if accept_all:
            found.add(boundary)
            continue
        final = match.group(1)
        stretch = text[match.start() : boundary + 1]
        ellipsis = ("…" in final or "..." in final) and _first_word_char(text, boundary).isupper()
        quoted = any(q in stretch for q in '«»“”"') or (
            depth is not None and depth[match.start()] > 0
        )
        if ellipsis or quoted:
            found.add(boundary)
    return found


def _first_word_char(text: str, start: int) -> str:
    for char in text[start : start + 8]:
        if char.isalnum():
            return char
        if not (char in _OPENERS or char.isspace()):
            return char
    return ""


def _vetoed(text: str, boundary: int, mask: bytearray) -> bool:
    """Whether a candidate boundary (start of the next sentence) must be dropped."""
    if boundary <= 0 or boundary >= len(text) or mask[boundary]:
        return True
    if not text[boundary - 1].isspace():
        return True
    first = _first_word_char(text, boundary)
    if first and first.islower():
        return True
    words = text[max(0, boundary - 64) : boundary].split()
    token = words[-1].lstrip(_OPENERS) if words else ""
    if not token.endswith(".") or token.endswith(".."):
        return False
    core = token[:-1]
    if core in _TITLES or _INITIALS.fullmatch(core):
        return True
    return core in _BEFORE_NUMBER and first.isdigit()


def _glued_boundaries(text: str, mask: bytearray) -> set[int]:
    """Boundaries after a full stop with no space, outside URLs and e-mail addresses."""
    found: set[int] = set()
    for match in _GLUED.finditer(text):
        boundary = match.start()
        if mask[boundary]:
            continue
        words = text[max(0, boundary - 200) : boundary].split()
        word = words[-1] if words else ""
        if not any(mark in word for mark in ("://", "www.", "@", "/")):
            found.add(boundary)
    return found


def _elision_boundaries(text: str) -> set[int]:
    found: set[int] = set()
    for match in _ELISION.finditer(text):
        found.update((match.start(), match.end()))
    return found


def _attach_notes(text: str, boundaries: set[int], brackets: list[tuple[int, int]]) -> set[int]:
    """Move a boundary that falls before a "[… — NdT]" note to after it."""
    notes = {start: end for start, end in brackets if "NdT" in text[start:end]}
    if not notes:
        return boundaries
    moved: set[int] = set()
    for boundary in boundaries:
        end = notes.get(boundary)
        if end is None:
            moved.add(boundary)
            continue
        after = end + 1
        while after < len(text) and text[after].isspace():
            after += 1
        if after < len(text):
            moved.add(after)
    return moved


def _cut_overlong(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most MAX_SENTENCE_CHARS, at ; , or a space."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        floor = start + MAX_SENTENCE_CHARS // 2
        cut = -1
        for mark in ("; ", ": ", ", ", " "):
            at = text.rfind(mark, floor, limit)
            if at >= 0:
                cut = at + len(mark.rstrip())
                break
        if cut <= start:
            cut = limit
        pieces.append(_strip(text, start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return [p for p in pieces if p[1] > p[0]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split(text: str, language: str) -> tuple[tuple[int, int], ...]:
    mask, brackets = _protected(text)
    has_final = any(c in text for c in ".!?…")
    if not has_final or (_CANDIDATE.search(text) is None and "\n" not in text):
        candidates: set[int] = set()  # one sentence: spare pysbd's fixed cost
    elif len(text) > PYSBD_MAX_CHARS:
        candidates = _rule_boundaries(text, accept_all=True)
    else:
        found = _pysbd_boundaries(text, language)
        if found is None:  # pysbd failed: every rule candidate, as for an overlong block
            candidates = _rule_boundaries(text, accept_all=True)
        else:
            candidates = found | _rule_boundaries(text, accept_all=False)
    boundaries = {b for b in candidates if not _vetoed(text, b, mask)}
    if has_final:
        boundaries |= _glued_boundaries(text, mask)
    boundaries = _attach_notes(text, boundaries, brackets)
    boundaries |= _elision_boundaries(text)
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*sorted(b for b in boundaries if 0 < b < len(text)), len(text)]:
        start, end = _strip(text, previous, cut)
        previous = cut
        if end > start:
            spans.extend(_cut_overlong(text, start, end))
    return tuple(spans)


# Repeated short blocks (captions, "Photo : …", tags) are split once.
_CACHED_MAX_CHARS = 4096
_split_cached = functools.lru_cache(maxsize=8192)(_split)


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, in order, stripped of whitespace.

    The spans do not overlap and together cover every non-space character. `lang` is a
    language code ("fr", "en", "fr-FR"); codes pysbd does not know fall back to English
    rules, which suit most languages written in Latin script.
    """
    if not text or text.isspace():
        return []
    language = _language(lang)
    if len(text) > _CACHED_MAX_CHARS:
        return list(_split(text, language))
    return list(_split_cached(text, language))


def sentences_from_blocks(
    blocks: Sequence[tuple[str, str | None, str]], side: Side, lang: str
) -> tuple[Sentence, ...]:
    """The sentences of a side's blocks, each (text, speaker, kind); blocks never share one.

    Sentence indices run 0..n-1 in block order; `block_index` and `span` point back into
    the block's text, so `blocks[s.block_index][0][slice(*s.span)] == s.text`.
    """
    sentences: list[Sentence] = []
    for block_index, (text, speaker, kind) in enumerate(blocks):
        for start, end in split_sentences(text, lang):
            sentences.append(
                Sentence(
                    side=side,
                    index=len(sentences),
                    text=text[start:end],
                    block_index=block_index,
                    span=(start, end),
                    speaker=speaker,
                    kind=kind,
                )
            )
    return tuple(sentences)
