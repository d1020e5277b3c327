"""Property-based tests of the corpus reader: any text is read without an exception, and every
non-blank line of a post lands in exactly one block.

(The number extractor's own property tests are in tests/test_numbers_extract.py.)
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from align.corpus import CorpusError, decode_post, parse_post
from align.corpus.decode import normalise_newlines
from align.model import Post

PATH = Path("post.txt")

# Lines that look like the blog's own: headings, datelines, turns, captions, tags, URLs,
# elisions, notes — mixed with arbitrary text, so the rules meet both.
_SHAPES = st.sampled_from(
    [
        "1°/Réunion sur le port – 13 juillet 2023 à 15h05 à Moscou",
        "- 2°/Salon des innovations – 13 juillet 2023 à 18h15 à Moscou",
        "3°/Titre sans date",
        "13 juillet 2023 à 15h05 à Moscou",
        "Vladimir Poutine : Bonjour, chers collègues.",
        "V. Poutine :",
        "Question 5 : Combien ?",
        "1 sur 10",
        "Géographie",
        "Les sujets",
        "<…>",
        "[Texte ajouté — NdT]",
        "À suivre.",
        "* * *",
        "Ajouté par Blogueur",
        "Continue reading",
        "http://en.kremlin.ru/events/president/news/71665",
        "Source : http://kremlin.ru/events/president/news/1",
        "5724 – Russie… La journée du 8 Novembre",
        "Le gouverneur a indiqué que le port avait traité 61,5 millions de tonnes.",
        "",
        "   ",
    ]
)
_LINE = st.one_of(
    _SHAPES, st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=80)
)
_POSTS = st.lists(_LINE, max_size=40).map("\n".join)


def _blocks(post: Post) -> list:
    blocks = list(post.outside)
    for event in post.events:
        blocks += [*event.blocks, *event.extras]
    return blocks


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_parses_without_an_exception(text: str) -> None:
    post = parse_post(text, PATH)
    assert isinstance(post, Post)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_text_or_a_one_line_corpus_error(data: bytes) -> None:
    try:
        text, encoding = decode_post(data, PATH)
    except CorpusError as error:
        assert "\n" not in str(error) and str(error).startswith(str(PATH))
    else:
        assert isinstance(text, str) and encoding
        assert "\r" not in text
        parse_post(text, PATH)


@settings(max_examples=400, deadline=None)
@given(_POSTS)
def test_every_non_blank_line_lands_in_exactly_one_block(text: str) -> None:
    text = normalise_newlines(text)
    post = parse_post(text, PATH)
    lines = [line for line in text.split("\n") if line.strip()]
    placed = [raw for block in _blocks(post) for raw in block.raw_lines]
    assert Counter(raw for raw in placed if raw.strip()) == Counter(lines)
    # and each block says where it starts: its first raw line is that line of the file
    numbered = text.split("\n")
    for block in _blocks(post):
        if block.raw_lines:
            assert numbered[block.first_line - 1] == block.raw_lines[0]


@settings(max_examples=200, deadline=None)
@given(_POSTS)
def test_events_keep_file_order_and_cite_what_the_text_cites(text: str) -> None:
    post = parse_post(normalise_newlines(text), PATH)
    starts = [e.blocks[0].first_line for e in post.events if e.blocks]
    assert starts == sorted(starts)
    for event in post.events:
        for cited in event.source_urls:
            assert cited in text
