"""Text of a post to its events and blocks: pure, one pass, every non-blank line kept.

A post is read in three steps:
1. its non-blank lines (`split_lines`);
2. where events start (`find_headings`): "N°/Title – date" headings, minus the list of the
   day's events at the top; in a post without numbered headings (a blog archive page), the
   titles of the blog posts it holds;
3. one walk that gives every line to exactly one block: outside any event (blog header,
   day list), in an event's body (heading, dateline, paragraphs, turns, captions, …) or in
   its extras (what the blogger added after the event's source URL).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.corpus import lines as rules
from align.model import Block, BlockKind, Event, Post
from align.plural import counted

#: How many lines after the heading a dateline may come (the lead often comes first).
_DATELINE_WINDOW = 4
_CAPTION_OPENERS = ("Avec ", "Lors d", "Au cours d", "Pendant ")
_MAX_CAPTION_TEXT = 400


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the file
    raw: str  # as read, without its line end
    text: str  # stripped of surrounding white space (NBSP included)
    blank_before: bool  # a blank line (or the start of the file) comes right before
    blank_after: bool


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of a post, numbered as in the file."""
    raw_lines = text.split("\n")
    out: list[Line] = []
    for index, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if not stripped:
            continue
        before = index == 0 or not raw_lines[index - 1].strip()
        after = index + 1 >= len(raw_lines) or not raw_lines[index + 1].strip()
        out.append(Line(index + 1, raw, stripped, before, after))
    return out


@dataclass(frozen=True)
class Structure:
    """Where events start, by index into the non-blank lines."""

    headings: dict[int, rules.Heading]  # numbered events: "N°/Title – …"
    sections: frozenset[int]  # unnumbered events: blog post titles in an archive page
    day_list: frozenset[int]  # "- N°/…" entries listing the day's events

    @property
    def starts(self) -> frozenset[int]:
        return frozenset(self.headings) | self.sections


def find_headings(lines: Sequence[Line]) -> Structure:
    parsed = {i: h for i, line in enumerate(lines) if (h := rules.parse_heading(line.text))}
    if not parsed:
        parsed = _loose_headings(lines)
    day_list = {i for i, h in parsed.items() if h.in_day_list}
    # Without dashes, the day's list looks like headings: a run of adjacent heading lines
    # whose numbering restarts. Every increasing stretch but the last is the list.
    run: list[int] = []
    for i in [*sorted(set(parsed) - day_list), -2]:  # -2: a sentinel that ends the last run
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        stretches: list[list[int]] = []
        for j in run:
            if stretches and parsed[j].number > parsed[stretches[-1][-1]].number:
                stretches[-1].append(j)
            else:
                stretches.append([j])
        for stretch in stretches[:-1]:
            day_list.update(stretch)
        run = [i]
    headings = {i: h for i, h in parsed.items() if i not in day_list}
    sections: set[int] = set()
    if not headings:
        sections = _section_titles(lines)
    return Structure(headings, frozenset(sections), frozenset(day_list))


def _loose_headings(lines: Sequence[Line]) -> dict[int, rules.Heading]:
    """Events numbered otherwise than "N°/" ("1/ Title – 19:10", "2. Title", "3°) Title").

    Such a line also starts an item of an ordinary list or a section of an essay, so it is
    a heading only when the post says so in one more way: it ends with the event's date or
    time, it is listed twice (the day's list, then the event), or a kremlin.ru source URL
    closes it before the next such line. And the headings so found count up from 1 in the
    file, as events do; otherwise the post has none of this kind.
    """
    candidates = {
        i: h for i, line in enumerate(lines) if (h := rules.parse_loose_heading(line.text))
    }
    if not candidates:
        return {}
    titles = Counter((h.number, rules.fold(h.title)) for h in candidates.values())
    order = sorted(candidates)
    accepted: dict[int, rules.Heading] = {}
    for position, i in enumerate(order):
        heading = candidates[i]
        end = order[position + 1] if position + 1 < len(order) else len(lines)
        cited = any(_cites_kremlin(line.text) for line in lines[i + 1 : end])
        listed_twice = titles[(heading.number, rules.fold(heading.title))] > 1
        if heading.dated or listed_twice or cited:
            accepted[i] = heading
    # Each run of numbers starts at 1 (the day's list, when written without dashes, is a
    # run of its own; find_headings sets it apart): a lone "3." is not the third event.
    numbers = [h.number for h in accepted.values() if not h.in_day_list]
    runs_start_at_one = all(n == 1 for k, n in enumerate(numbers) if k == 0 or n <= numbers[k - 1])
    return accepted if numbers and runs_start_at_one else {}


def _cites_kremlin(text: str) -> bool:
    url = rules.url_line(text)
    return url is not None and rules.is_kremlin(url)


def _section_titles(lines: Sequence[Line]) -> set[int]:
    """Blog post titles: after "Continue reading"/"Source", or a title-like line alone."""
    titles: set[int] = set()
    for i, line in enumerate(lines):
        if (
            _is_marker(line.text)
            or rules.parse_dateline(line.text) is not None
            or rules.parse_turn(line.text) is not None
        ):
            continue
        after_closer = i > 0 and rules.is_section_closer(lines[i - 1].text)
        alone = line.blank_before and line.blank_after
        if after_closer or (alone and rules.is_title_like(line.text)):
            titles.add(i)
    return titles


def _is_marker(text: str) -> bool:
    """Lines whose kind never depends on where they stand."""
    return (
        rules.is_furniture(text)
        or rules.is_tag(text)
        or rules.is_elision(text)
        or rules.is_section_break(text)
        or rules.is_continued(text)
        or rules.is_note(text)
        or rules.url_line(text) is not None
        or rules.parse_gallery(text) is not None
    )


# ---------------------------------------------------------------- the walk


@dataclass
class _EventDraft:
    index: int
    heading: rules.Heading | None
    title: str
    blocks: list[Block] = field(default_factory=list)
    extras: list[Block] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    dateline: rules.Dateline | None = None
    lead: str | None = None
    next_caption: int = 1  # the number a "1 Vladimir Poutine au …" caption would have now
    captions: set[str] = field(default_factory=set)
    closed: bool = False  # its source URL has been read: what follows is extras
    other_sources: list[tuple[int, str]] = field(default_factory=list)  # (line, non-kremlin URL)

    def uncompared_source(self) -> str | None:
        """A warning when the event cites an address, but no kremlin.ru one: not compared."""
        if self.urls or not self.other_sources:
            return None
        line, url = self.other_sources[0]
        return (
            f"line {line}: event {self.index} cites {url}, not a kremlin.ru event page,"
            " so it has no original to be compared with"
        )

    def add(self, block: Block) -> None:
        (self.extras if self.closed else self.blocks).append(block)

    def finish(self) -> Event:
        heading, dateline = self.heading, self.dateline
        return Event(
            index=self.index,
            title=self.title,
            date_text=(heading and heading.date_text) or (dateline and dateline.date_text),
            time_text=(heading and heading.time_text) or (dateline and dateline.time_text),
            place_text=(heading and heading.place_text) or (dateline and dateline.place_text),
            blocks=tuple(self.blocks),
            source_urls=tuple(self.urls),
            extras=tuple(self.extras),
        )


def _block(kind: BlockKind, text: str, *lines: Line, speaker: str | None = None) -> Block:
    return Block(kind, text, lines[0].number, tuple(line.raw for line in lines), speaker)


def parse_post(text: str, path: Path) -> Post:
    """The events of a post's text and everything outside them. Pure: no I/O."""
    lines = split_lines(text)
    structure = find_headings(lines)
    numbered = bool(structure.headings)
    events: list[Event] = []
    uncompared: list[str | None] = []  # per event: why it cannot be compared, if it cannot
    outside: list[Block] = []
    draft: _EventDraft | None = None
    starts = structure.starts
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in starts:
            if draft is not None:
                events.append(draft.finish())
                uncompared.append(draft.uncompared_source())
            heading = structure.headings.get(i)
            index = heading.number if heading else len(events) + 1
            draft = _EventDraft(index, heading, heading.title if heading else line.text)
            draft.add(_block(BlockKind.HEADING, line.text, line))
            i += 1
            continue
        if i in structure.day_list or (i == 0 and rules.is_post_header(line.text)):
            (outside if draft is None else draft.blocks).append(
                _block(BlockKind.FURNITURE, line.text, line)
            )
            i += 1
            continue
        if draft is None:
            outside.append(_classify_outside(line))
            i += 1
            continue
        if draft.closed:
            extra = _classify_extra(line, draft)
            # A second source cited right after the first still closes the event's body.
            (draft.blocks if extra.kind is BlockKind.SOURCE_URL else draft.extras).append(extra)
            i += 1
            continue
        block, used = _classify_body(lines, i, draft, numbered)
        draft.add(block)
        if block.kind is BlockKind.SOURCE_URL:
            draft.urls.append(block.text)
            draft.closed = True
        elif not numbered and rules.is_section_closer(line.text):
            events.append(draft.finish())
            uncompared.append(draft.uncompared_source())
            draft = None
        i += used
    if draft is not None:
        events.append(draft.finish())
        uncompared.append(draft.uncompared_source())
    return Post(
        path=path,
        events=tuple(events),
        outside=tuple(outside),
        warnings=_warnings(events, outside, lines) + tuple(w for w in uncompared if w),
    )


def _warnings(
    events: Sequence[Event], outside: Sequence[Block], lines: Sequence[Line]
) -> tuple[str, ...]:
    found: list[str] = []
    if not events:
        found.append(
            f'no events found (no numbered heading such as "1°/Title" or "1/ Title", and no '
            f"blog post title): "
            f"{'the only line is' if len(lines) == 1 else f'all {len(lines)} lines are'}"
            " kept outside events"
        )
    else:
        stray = [b for b in outside if b.kind in (BlockKind.PARAGRAPH, BlockKind.TURN)]
        if stray:
            where = ", ".join(str(b.first_line) for b in stray[:5]) + (
                ", …" if len(stray) > 5 else ""
            )
            lines_text = counted(len(stray), "line")
            found.append(f"{lines_text} of text outside any event (line {where})")
        counts = Counter(e.index for e in events)
        repeated = sorted(n for n, c in counts.items() if c > 1)
        if repeated:
            found.append("event numbers used twice: " + ", ".join(f"{n}°" for n in repeated))
    stray_urls = [b for b in outside if b.kind is BlockKind.SOURCE_URL]
    if stray_urls:
        found.append(
            f"{counted(len(stray_urls), 'kremlin.ru URL')} outside any event "
            f"(line {stray_urls[0].first_line})"
        )
    return tuple(found)


def _classify_outside(line: Line) -> Block:
    text = line.text
    url = rules.url_line(text)
    if url is not None and rules.is_kremlin(url):
        return _block(BlockKind.SOURCE_URL, url, line)
    kind = _marker_kind(text)
    if kind is not None:
        return _block(kind, text, line)
    if url is not None:
        return _block(BlockKind.FURNITURE, url, line)
    turn = rules.parse_turn(text)
    if turn is not None and turn.speech:
        return _block(BlockKind.TURN, turn.speech, line, speaker=turn.speaker)
    return _block(BlockKind.PARAGRAPH, rules.strip_pipe(text), line)


def _classify_extra(line: Line, draft: _EventDraft) -> Block:
    text = line.text
    url = rules.url_line(text)
    if url is not None and rules.is_kremlin(url) and not draft.extras:
        draft.urls.append(url)
        return _block(BlockKind.SOURCE_URL, url, line)
    if rules.is_furniture(text):
        return _block(BlockKind.FURNITURE, text, line)
    return _block(BlockKind.ADDITION, text, line)


def _marker_kind(text: str) -> BlockKind | None:
    if rules.is_elision(text):
        return BlockKind.ELISION
    if rules.is_section_break(text):
        return BlockKind.SECTION_BREAK
    if rules.is_continued(text):
        return BlockKind.CONTINUED
    if rules.is_tag(text):
        return BlockKind.TAG
    if rules.is_note(text):
        return BlockKind.NOTE
    if rules.is_furniture(text):
        return BlockKind.FURNITURE
    return None


def _is_plain(text: str) -> bool:
    """Text that no rule claims for itself: it can carry a label's speech or a caption."""
    return (
        not _is_marker(text)
        and rules.parse_heading(text) is None
        and rules.parse_turn(text) is None
        and rules.numbered_caption(text) is None
    )


def _classify_body(
    lines: Sequence[Line], i: int, draft: _EventDraft, numbered: bool
) -> tuple[Block, int]:
    """The block that starts at line i of an event's body, and how many lines it takes."""
    line = lines[i]
    text = line.text
    following = lines[i + 1] if i + 1 < len(lines) else None
    previous = draft.blocks[-1] if draft.blocks else None

    url = rules.url_line(text)
    if url is not None:
        kind = BlockKind.SOURCE_URL if rules.is_kremlin(url) else BlockKind.FURNITURE
        if kind is BlockKind.FURNITURE:
            draft.other_sources.append((line.number, url))
        return _block(kind, url, line), 1
    kind = _marker_kind(text)
    if kind is not None:
        return _block(kind, text, line), 1

    if draft.dateline is None and len(draft.blocks) <= _DATELINE_WINDOW:
        dateline = rules.parse_dateline(text)
        if dateline is not None:
            draft.dateline = dateline
            return _block(BlockKind.DATELINE, text, line), 1

    caption = _caption(lines, i, draft)
    if caption is not None:
        draft.captions.add(rules.fold(caption[0].text))
        return caption

    turn = rules.parse_turn(text)
    if turn is not None:
        if turn.speech or following is None or not _is_plain(following.text):
            return _block(BlockKind.TURN, turn.speech, line, speaker=turn.speaker), 1
        # The label alone on its line; the speech is the next line.
        speech = rules.strip_pipe(following.text)
        return _block(BlockKind.TURN, speech, line, following, speaker=turn.speaker), 2

    if previous is not None and previous.kind is BlockKind.DATELINE:
        # Under the dateline kremlin.ru shows the region ("Territoire de Perm"); the blog
        # sometimes leaves an image's alt text there ("monument au prince … à Almaty.").
        continues = following is not None and following.text[0].islower()
        # (not "La réunion s’est déroulée en présence" over "du Premier ministre …")
        short = rules.is_short_fragment(text) and len(text.split()) <= 6
        if short and text[0].isupper() and not continues:
            return _block(BlockKind.TAG, text, line), 1
        if text[0].islower():
            return _block(BlockKind.CAPTION, text, line), 1
    if (
        previous is not None
        and previous.kind in (BlockKind.TAG, BlockKind.DATELINE)
        and text.startswith(_CAPTION_OPENERS)
        and rules.sentence_count(text) == 1
        and len(text) <= _MAX_CAPTION_TEXT
    ):
        return _block(BlockKind.CAPTION, text, line), 1  # a caption whose counter was lost
    if rules.is_slug(text):
        return _block(BlockKind.CAPTION, text, line), 1
    if numbered and _is_inserted_label(text, previous, following):
        return _block(BlockKind.CAPTION, text, line), 1

    paragraph = rules.strip_pipe(text)
    if draft.lead is None:
        draft.lead = rules.fold(paragraph)
    return _block(BlockKind.PARAGRAPH, paragraph, line), 1


def _is_inserted_label(text: str, previous: Block | None, following: Line | None) -> bool:
    """A name or a few words the blog put under an image: "Ruslan Yunusov", "Carte de moscou"."""
    if rules.is_name_line(text):
        return True
    if not rules.is_short_fragment(text) or following is None:
        return False
    after_sentence = previous is None or (
        previous.kind not in (BlockKind.PARAGRAPH, BlockKind.TURN)
        or rules.ends_sentence(previous.raw_lines[-1].strip())
    )
    return after_sentence and following.text[0].isupper()


def _caption(lines: Sequence[Line], i: int, draft: _EventDraft) -> tuple[Block, int] | None:
    line = lines[i]
    text = line.text
    following = lines[i + 1] if i + 1 < len(lines) else None

    gallery = rules.parse_gallery(text)
    if gallery is not None:
        if gallery.text:
            return _block(BlockKind.CAPTION, gallery.text, line), 1
        if following is not None and _is_caption_text(lines, i + 1, draft):
            return _block(BlockKind.CAPTION, following.text, line, following), 2
        return _block(BlockKind.CAPTION, text, line), 1

    numbered = rules.numbered_caption(text)
    if numbered is not None and numbered[0] == draft.next_caption:
        draft.next_caption += 1
        caption = numbered[1]
        if caption:
            return _block(BlockKind.CAPTION, caption, line), 1
        if following is not None and rules.parse_turn(following.text) is not None:
            # "1" over "Question: …": the numbering of an interview's questions.
            return _block(BlockKind.FURNITURE, text, line), 1
        return _block(BlockKind.CAPTION, text, line), 1

    if rules.has_photo_credit(text):
        return _block(BlockKind.CAPTION, text, line), 1
    return None


def _is_caption_text(lines: Sequence[Line], j: int, draft: _EventDraft) -> bool:
    """Whether the line after a bare "N sur M" is that photo's caption or the body again."""
    text = lines[j].text
    if not _is_plain(text) or rules.parse_dateline(text) is not None:
        return False
    if rules.has_photo_credit(text):
        return True
    folded = rules.fold(text)
    if folded == draft.lead or folded in draft.captions:
        return True  # kremlin.ru repeats the lead, or one caption, under many photos
    one_short_sentence = rules.sentence_count(text) == 1 and len(text) <= _MAX_CAPTION_TEXT
    if not one_short_sentence:
        return False
    if text.startswith(_CAPTION_OPENERS):
        return True
    # Between two counters ("1 sur 9" / text / "2 sur 9") a sentence is a caption.
    after = lines[j + 1].text if j + 1 < len(lines) else ""
    return rules.parse_gallery(after) is not None
