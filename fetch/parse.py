"""kremlin.ru article pages (and plain-text originals) → `Original`.

The markup (see DESIGN.md, "kremlin.ru pages"): `article.read__in` holds the title
(`h1.entry-title`), the lead (`div.read__lead`), the meta line (`time.read__published`,
`div.read__time`, `div.read__place`) and the body (`div.read__internal_content`). The body
also carries things that are not the text: a photo slider, inline media with captions,
"See also" boxes, hidden tooltips inside person links, and a bottom block of tags and
publication status. Those are dropped before the paragraphs are read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree, html

from fetch.model import Original, OriginalBlock, OriginalBlockKind, Provenance
from fetch.urls import normalise_url

# Bump when parsing changes: cached originals made by an older parser are re-parsed from
# their raw HTML (no network needed). 2: quoted paragraphs judged one by one.
PARSER_VERSION = 2

_NOT_TEXT_CLASSES = (
    "masha-ignore",  # the site's own "not part of the text" marker
    "slider",  # photo slider with captions
    "media",  # inline photo/video with caption
    "read__cut",  # "See also"
    "read__bottommeta",  # Geography / Topics / Persons tags, "Published in sections"
    "read__tooltip",  # hidden person/term card inside a link
    "tooltip",
)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009\u200a\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SECTION_BREAK = re.compile(r"^\*(?:\s*\*){2,}$")
_ELISION = re.compile(r"^[<\[(]\s*(?:…|\.\s*\.\s*\.)\s*[>\])]$")
_PAREN = re.compile(r"\([^()]*\)")
# Remarks a label may carry inside its bold text: "(retranslated)", "(in English)".
_REMARK = re.compile(r"\((?:re-?translated|translated|in [A-Z][a-z]+|via interpreter)\)", re.I)
_MAX_LABEL_CHARS = 200
_MAX_LABEL_WORDS = 24


class PageError(ValueError):
    """A page or file that holds no readable article (the message is one line)."""


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def clean_text(text: str) -> str:
    """One line of text: no-break and odd spaces made plain, runs collapsed, ends trimmed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def decode_page(raw: bytes) -> str:
    """UTF-8, the site's encoding; a stray invalid byte becomes U+FFFD, never an error."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8", errors="replace")


def _document(raw: bytes) -> html.HtmlElement:
    text = decode_page(raw)
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise PageError(f"not an HTML page ({error})") from None


def _first(root: html.HtmlElement, xpath: str) -> html.HtmlElement | None:
    found = root.xpath(xpath)
    return found[0] if found else None


def _drop_non_text(body: html.HtmlElement) -> None:
    for name in _NOT_TEXT_CLASSES:
        for element in body.xpath(f".//*[{_has_class(name)}]"):
            # drop_tree keeps the element's tail text ("Merkel<span tooltip/>, and ...").
            if element.getparent() is not None:
                element.drop_tree()
    for element in body.xpath(".//script | .//style | .//noscript | .//figure | .//img"):
        if element.getparent() is not None:
            element.drop_tree()
    for br in body.iter("br"):
        br.tail = " " + (br.tail or "")


# --- speaker labels -------------------------------------------------------------------


def _runs(element: etree._Element, bold: bool = False) -> Iterator[tuple[str, bool]]:
    """The element's text as (piece, is_bold) in reading order."""
    inside = bold or element.tag in ("b", "strong")
    if element.text:
        yield element.text, inside
    for child in element:
        if isinstance(child.tag, str):
            yield from _runs(child, inside)
        if child.tail:
            yield child.tail, inside


def _split_label(paragraph: etree._Element) -> tuple[str, str] | None:
    """(speaker, speech) when the paragraph opens with a bold "Name:" label.

    Accepted: `<b>Name:</b> text`, `<b>Name</b>: text`, a label split over several `<b>`,
    a person link inside the label, and a non-bold remark in brackets before the colon
    ("<b>Narendra Modi</b> (<i>retranslated</i>)<b>:</b>"), which is left out of the name.
    """
    chars: list[str] = []
    bold_flags: list[bool] = []
    for piece, is_bold in _runs(paragraph):
        chars.extend(piece)
        bold_flags.extend([is_bold] * len(piece))
    depth = 0  # inside brackets
    remark = False  # inside brackets opened outside the bold label: a remark, not the name
    seen_bold = False
    speaker_chars: list[str] = []
    for index, char in enumerate(chars):
        if index > _MAX_LABEL_CHARS:
            return None
        if char == ":" and depth == 0:
            if not seen_bold:
                return None
            speaker = clean_text(_REMARK.sub(" ", "".join(speaker_chars)))
            speech = clean_text("".join(chars[index + 1 :]))
            if not speaker or len(speaker.split()) > _MAX_LABEL_WORDS:
                return None
            if not any(c.isalpha() for c in speaker):
                return None
            return speaker, speech
        if char == "(":
            if depth == 0:
                remark = not bold_flags[index]
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
            if remark:
                if depth == 0:
                    remark = False
                continue
        elif depth == 0 and not char.isspace():
            if not bold_flags[index]:
                return None
            seen_bold = True
        if not remark:
            speaker_chars.append(char)
    return None


# --- blockquotes ----------------------------------------------------------------------

# An editor's insertion inside a quotation: "the region [Syria]", "[in Catalonia]".
_INSERTION = re.compile(r"\[[^\[\]]{0,80}\]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»]?\s+")
# Share of a quoted sentence's word trigrams that must stand in one paragraph elsewhere for
# the sentence to be a repeat. On the real pages pull quotes share 87-100 % of their
# trigrams with the body (shortened, bracketed or in quotation marks); text of its own
# shares little.
_REPEAT_SHARE = 0.8


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _comparable(text).split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _repeats(quote: str, elsewhere: list[set[tuple[str, ...]]]) -> bool:
    """Whether a quoted paragraph only repeats text found elsewhere on the page.

    Every sentence of it must stand, nearly word for word, in one paragraph elsewhere (a
    pull quote may join sentences of two paragraphs). A sentence of its own keeps the whole
    paragraph: repeating a sentence costs less than losing one.
    """
    for sentence in _SENTENCE_END.split(_INSERTION.sub(" ", quote)):
        grams = _trigrams(sentence)
        if not grams:
            continue  # one or two words ("Thank you.") prove nothing either way
        if not any(len(grams & other) >= _REPEAT_SHARE * len(grams) for other in elsewhere):
            return False
    return True  # also a quote of one or two words: a decoration, not text of its own


def _quoted_parts(body: html.HtmlElement) -> list[etree._Element]:
    """The paragraphs of every blockquote (the blockquote itself when it has none)."""
    parts: list[etree._Element] = []
    for quote in body.iter("blockquote"):
        if any(True for _ in quote.iterancestors("blockquote")):
            continue  # a nested quote is judged with its outer one's paragraphs
        paragraphs = list(quote.iter("p"))
        parts.extend(paragraphs or [quote])
    return parts


def _drop_repeated_quotes(body: html.HtmlElement, lead: str | None) -> None:
    """Drop the quoted paragraphs that repeat the page (pull quotes); keep the others in place.

    A blockquote on kremlin.ru is either a pull quote, repeating a few sentences of the
    body, or the only copy of what it quotes (a message, a speech). Longer parts are judged
    first, so a pull quote that repeats another quote is dropped and the full copy kept.
    """
    plain = [p for p in body.iter("p") if not any(True for _ in p.iterancestors("blockquote"))]
    elsewhere = [_trigrams(p.text_content()) for p in plain]
    if lead:
        elsewhere.append(_trigrams(lead))
    parts = _quoted_parts(body)
    texts = {id(part): clean_text(part.text_content()) for part in parts}
    for part in sorted(parts, key=lambda element: -len(texts[id(element)])):
        if _repeats(texts[id(part)], elsewhere):
            if part.getparent() is not None:
                part.drop_tree()
        else:
            elsewhere.append(_trigrams(texts[id(part)]))
    for quote in list(body.iter("blockquote")):  # quotes left without a paragraph
        if not clean_text(quote.text_content()) and quote.getparent() is not None:
            quote.drop_tree()


# --- body ----------------------------------------------------------------------------


def _paragraphs(body: html.HtmlElement, lead: str | None = None) -> list[etree._Element]:
    """`p` elements in reading order, with the quoted text that is not a repeat in its place."""
    _drop_repeated_quotes(body, lead)
    kept = []
    for element in body.iter("p", "blockquote"):
        if element.tag == "p" or not any(True for _ in element.iter("p")):
            kept.append(element)
    return kept


def body_blocks(body: html.HtmlElement, lead: str | None = None) -> tuple[OriginalBlock, ...]:
    """The body's paragraphs as blocks: turns, paragraphs, section breaks, elisions.

    `lead`: the page's lead, which a pull quote may repeat too.
    """
    blocks: list[OriginalBlock] = []
    pending_speaker: str | None = None
    for paragraph in _paragraphs(body, lead):
        text = clean_text(paragraph.text_content())
        if not text:
            continue
        if _SECTION_BREAK.match(text):
            block = OriginalBlock(OriginalBlockKind.SECTION_BREAK, "* * *")
        elif _ELISION.match(text):
            block = OriginalBlock(OriginalBlockKind.ELISION, "<…>")
        elif (label := _split_label(paragraph)) is not None:
            speaker, speech = label
            if not speech:  # the label stands alone; the speech is the next paragraph
                if pending_speaker is not None:
                    blocks.append(OriginalBlock(OriginalBlockKind.PARAGRAPH, pending_speaker + ":"))
                pending_speaker = speaker
                continue
            block = OriginalBlock(OriginalBlockKind.TURN, speech, speaker)
        elif pending_speaker is not None:
            block = OriginalBlock(OriginalBlockKind.TURN, text, pending_speaker)
            pending_speaker = None
        else:
            block = OriginalBlock(OriginalBlockKind.PARAGRAPH, text)
        if pending_speaker is not None:  # a lone label followed by a break: keep it as text
            blocks.append(OriginalBlock(OriginalBlockKind.PARAGRAPH, pending_speaker + ":"))
            pending_speaker = None
        blocks.append(block)
    if pending_speaker is not None:
        blocks.append(OriginalBlock(OriginalBlockKind.PARAGRAPH, pending_speaker + ":"))
    return tuple(blocks)


# --- page ----------------------------------------------------------------------------


def _text_of(root: html.HtmlElement, xpath: str) -> str | None:
    element = _first(root, xpath)
    if element is None:
        return None
    return clean_text(" ".join(element.itertext())) or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else None


def _time(value: str | None) -> str | None:
    match = re.search(r"\b(\d{1,2}):(\d{2})\b", value or "")
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def parse_page(
    raw: bytes,
    url: str,
    *,
    provenance: Provenance,
    fetched_at: str | None = None,
    source_url: str | None = None,
    http_status: int | None = None,
    require_complete: bool = False,
) -> Original:
    """Parse one kremlin.ru article page. `PageError` when it holds no article.

    `url` names the event (any form `normalise_url` accepts). With `require_complete`, a page
    cut short in transit (no closing `</html>`) is refused rather than read in part.
    """
    key = normalise_url(url)
    if require_complete and b"</html" not in raw[-65536:].lower():
        raise PageError("page is truncated (no closing </html>)")
    root = _document(raw)
    article = _first(root, f"//article[{_has_class('read__in')}]")
    if article is None:
        article = _first(root, "//article[starts-with(@id, 'event-')]")
    scope = article if article is not None else root
    body = _first(scope, f".//*[{_has_class('read__internal_content')}]")
    if body is None:
        body = _first(scope, f".//*[@itemprop='articleBody' or {_has_class('entry-content')}]")
    title = _text_of(scope, f".//h1[{_has_class('entry-title')}]")
    if article is None and body is None:
        raise PageError("no article on the page (blocked, an error page, or not an event page)")
    page_id = (article.get("id") or "") if article is not None else ""
    if page_id.startswith("event-") and page_id[6:] != key.event_id:
        raise PageError(f"page is event {page_id[6:]}, not {key.event_id}")
    if title is None:
        title = _text_of(scope, ".//h1") or _text_of(root, "//title") or ""
    published = _first(scope, f".//time[{_has_class('read__published')}]")
    date = _iso_date(published.get("datetime") if published is not None else None)
    if date is None and published is not None:
        date = _date_from_words(clean_text(published.text_content()))
    lead = _lead(scope)
    if body is not None:
        _drop_non_text(body)
    return Original(
        url=key.canonical_url,
        event_id=key.event_id,
        title=title,
        date=date,
        time=_time(_text_of(scope, f".//*[{_has_class('read__time')}]")),
        place=_text_of(scope, f".//*[{_has_class('read__place')}]"),
        lead=lead,
        blocks=body_blocks(body, lead) if body is not None else (),
        provenance=provenance,
        fetched_at=fetched_at or now_iso(),
        content_hash=content_hash(raw),
        source_url=source_url,
        http_status=http_status,
    )


def _lead(scope: html.HtmlElement) -> str | None:
    lead = _first(scope, f".//*[{_has_class('read__lead')}]")
    if lead is None:
        return None
    _drop_non_text(lead)
    parts = [clean_text(p.text_content()) for p in lead.xpath(".//p")]
    text = " ".join(part for part in parts if part) or clean_text(lead.text_content())
    return text or None


_MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}


def _date_from_words(text: str) -> str | None:
    match = re.search(r"([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})", text)
    if not match or match.group(1).lower() not in _MONTHS:
        return None
    month = _MONTHS[match.group(1).lower()]
    return f"{int(match.group(3)):04d}-{month:02d}-{int(match.group(2)):02d}"


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- plain text and saved files ---------------------------------------------------------

_TEXT_LABEL = re.compile(
    r"^(?P<speaker>(?:[A-Z][\w’'\-]*\.?|of|the|and|de|von|van|al|bin)"
    r"(?:[ \u00a0](?:[A-Z][\w’'\-]*\.?|of|the|and|de|von|van|al|bin|\d+)){0,11}"
    r"(?:\s*\([^()]{1,40}\))?)\s*:(?:\s+|$)(?P<speech>.*)$",
    re.DOTALL,
)


def parse_plain_text(
    text: str, url: str, *, provenance: Provenance, raw: bytes, source_url: str | None = None
) -> Original:
    """An English original typed or pasted as text: first line the title, then paragraphs
    separated by blank lines; "Name: speech" paragraphs become turns."""
    key = normalise_url(url)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    title = clean_text(lines[0]) if lines else ""
    if not title:
        raise PageError("the text file is empty")
    paragraphs = [clean_text(chunk) for chunk in re.split(r"\n\s*\n", "\n".join(lines[1:]))]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    blocks: list[OriginalBlock] = []
    for paragraph in paragraphs:
        if _SECTION_BREAK.match(paragraph):
            blocks.append(OriginalBlock(OriginalBlockKind.SECTION_BREAK, "* * *"))
            continue
        if _ELISION.match(paragraph):
            blocks.append(OriginalBlock(OriginalBlockKind.ELISION, "<…>"))
            continue
        match = _TEXT_LABEL.match(paragraph)
        if match and match.group("speech") and not re.fullmatch(r"[\d\s]+", match["speaker"]):
            speaker = clean_text(_PAREN.sub(" ", match.group("speaker")))
            blocks.append(OriginalBlock(OriginalBlockKind.TURN, match.group("speech"), speaker))
        else:
            blocks.append(OriginalBlock(OriginalBlockKind.PARAGRAPH, paragraph))
    return Original(
        url=key.canonical_url,
        event_id=key.event_id,
        title=title,
        date=None,
        time=None,
        place=None,
        lead=None,
        blocks=tuple(blocks),
        provenance=provenance,
        fetched_at=now_iso(),
        content_hash=content_hash(raw),
        source_url=source_url,
        http_status=None,
    )


def looks_like_html(raw: bytes) -> bool:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<meta")) or (
        b"<html" in head or b"<article" in raw[:200000].lower()
    )


def parse_saved(raw: bytes, url: str, *, source_url: str) -> Original:
    """A page saved from a browser (HTML) or a plain-text English original."""
    if raw[:200].lstrip().lower().startswith(b"mime-version:"):
        raise PageError("an MHTML web archive; save the page as 'Web Page, HTML only' instead")
    if looks_like_html(raw):
        return parse_page(raw, url, provenance=Provenance.FILE, source_url=source_url)
    if b"\x00" in raw[:4096]:
        raise PageError("a binary file, not an HTML page or English text")
    return parse_plain_text(
        decode_page(raw), url, provenance=Provenance.FILE, raw=raw, source_url=source_url
    )


def load_original_file(path: Path, url: str) -> Original:
    """Read an original the user saved: HTML from a browser, or plain English text.

    Raises `PageError` (message naming the file) when it cannot be read or holds no text.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PageError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        return parse_saved(raw, url, source_url=str(path))
    except PageError as error:
        raise PageError(f"{path}: {error}") from None
