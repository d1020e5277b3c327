"""The corpus reader on the four real posts of corpus/: events, URLs, every line kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.corpus import decode_post, iter_posts, read_post
from align.model import Block, BlockKind, Post

K = BlockKind
NEWS = "http://en.kremlin.ru/events/president/news/"

# (event number, kremlin.ru id) in file order: the URL line closes its event.
EXPECTED_SOURCES = {
    "000": [(1, 71665), (2, 71664), (3, 71666), (4, 71667), (5, 71685), (6, 71671)],
    "002": [(1, 72682), (2, 72683), (3, 72686), (4, 72687), (5, 72692)],
    "003": [(1, 76428), (2, 76442), (3, 76446), (4, 76448), (5, 76450)],
}


@pytest.fixture(scope="module")
def posts(corpus_dir: Path) -> dict[str, Post]:
    read = {}
    for result in iter_posts([corpus_dir]):
        assert isinstance(result, Post), str(result)
        read[result.path.name[:3]] = result
    assert sorted(read) == ["000", "001", "002", "003"]
    return read


def all_blocks(post: Post) -> list[Block]:
    blocks = list(post.outside)
    for event in post.events:
        blocks.extend(event.blocks)
        blocks.extend(event.extras)
    return sorted(blocks, key=lambda b: b.first_line)


def block_at(post: Post, line: int) -> Block:
    found = [b for b in all_blocks(post) if b.first_line == line]
    assert len(found) == 1, f"no block starts at line {line} of {post.path.name}"
    return found[0]


def test_the_16_cited_events_with_the_right_url_on_the_right_event(
    posts: dict[str, Post],
) -> None:
    cited = {
        name: [(e.index, e.source_urls) for e in post.events if e.source_urls]
        for name, post in posts.items()
    }
    expected = {
        name: [(index, (f"{NEWS}{news_id}",)) for index, news_id in pairs]
        for name, pairs in EXPECTED_SOURCES.items()
    }
    expected["001"] = []
    assert cited == expected
    assert sum(len(v) for v in cited.values()) == 16


def test_each_url_closes_its_event(posts: dict[str, Post]) -> None:
    for name in EXPECTED_SOURCES:
        for event in posts[name].events:
            kinds = [b.kind for b in event.blocks]
            assert kinds[0] is K.HEADING
            assert kinds[-1] is K.SOURCE_URL, (name, event.index)
            assert kinds.count(K.SOURCE_URL) == 1


def test_post_001_sections_cite_no_source(posts: dict[str, Post]) -> None:
    post = posts["001"]
    assert [e.index for e in post.events] == [1, 2, 3, 4, 5]
    assert all(e.source_urls == () for e in post.events)
    assert [e.title for e in post.events][:2] == [
        "discours de Vladimir Poutine au Forum AI Journey – Sberbank",
        "Discours de Vladimir Poutine au club Valdai 2024",
    ]
    kisseliov = post.events[4]
    assert kisseliov.title.startswith("Vladimir Poutine répond aux questions de Dmitry Kisseliov")
    # Its "Publié le …" line is the dateline.
    assert (kisseliov.date_text, kisseliov.time_text, kisseliov.place_text) == (
        "13 mars 2024",
        "10:00",
        "Moscou, Kremlin",
    )


@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_every_non_blank_line_lands_in_exactly_one_block(
    posts: dict[str, Post], corpus_dir: Path, name: str
) -> None:
    path = next(corpus_dir.glob(f"{name}_*.txt"))
    text, _ = decode_post(path.read_bytes(), path)
    non_blank = [line for line in text.split("\n") if line.strip()]
    post = posts[name]
    raw = [line for block in all_blocks(post) for line in block.raw_lines]
    assert raw == non_blank
    # And in file order inside every event, its extras after its blocks.
    for event in post.events:
        firsts = [b.first_line for b in (*event.blocks, *event.extras)]
        assert firsts == sorted(firsts)


def test_the_day_list_and_post_header_stay_outside_events(posts: dict[str, Post]) -> None:
    assert [b.kind for b in posts["000"].outside] == [K.FURNITURE] * 6
    assert posts["000"].outside[0].text.startswith("- 1°/Salutations")
    # Without dashes the list looks like headings; its numbering restarts at the first event.
    outside = posts["002"].outside
    assert outside[0].text.startswith("5724 – Russie")
    assert [b.first_line for b in outside] == [1, 4, 5, 6, 7, 8]
    assert {b.kind for b in outside} == {K.FURNITURE}
    assert [b.first_line for b in posts["003"].outside] == [2, 3, 4, 5, 6]
    assert posts["001"].outside[0].text == "Category Archives: Poutine"


def test_event_headings_as_written(posts: dict[str, Post]) -> None:
    def fields(name: str, index: int) -> tuple[str, str | None, str | None, str | None]:
        event = next(e for e in posts[name].events if e.index == index)
        return event.title, event.date_text, event.time_text, event.place_text

    assert fields("000", 1) == (
        "Salutations aux participants à l’inauguration d’un monument au prince Alexandre "
        "Nevski à Almaty",
        "13 juillet 2023",
        "11h00",
        None,
    )
    assert fields("000", 2)[1:] == ("13 juillet 2023", "15h05", "Moscou")
    assert fields("000", 4) == (
        "Réponses aux questions des journalistes",
        "13 juillet 2023",
        "18h55",
        "Moscou",
    )
    assert fields("002", 1) == (
        "Interview au journal Kazakhstanskaya Pravda",
        "8 novembre 2023",
        None,
        None,
    )
    assert fields("003", 1)[1:] == ("10 mars 2025", "13H40", "Kremlin-Moscou")
    assert fields("003", 3) == (
        "Visite d’un poste de commandement du groupe de forces à Kursk",
        "12 mars 2025",
        "21h40",
        "Région de Kursk",
    )


# (post, line, kind, speaker): real lines of the seeds, one or more per block kind.
REAL_LINES = [
    ("000", 2, K.FURNITURE, None),  # "- 1°/…": the day's list
    ("000", 9, K.HEADING, None),
    ("000", 10, K.PARAGRAPH, None),  # the lead
    ("000", 11, K.DATELINE, None),  # "13 juillet 2023 à 11h00"
    ("000", 13, K.CAPTION, None),  # an image's alt text under the dateline
    ("000", 14, K.PARAGRAPH, None),  # "Le message lit, en partie:" is no speaker
    ("000", 20, K.TAG, None),  # "Géographie"
    ("000", 21, K.SOURCE_URL, None),
    ("000", 26, K.CAPTION, None),  # "1 sur 10 Avec le co-fondateur …"
    ("000", 61, K.SECTION_BREAK, None),  # "* * *"
    (
        "000",
        65,
        K.TURN,
        "Modérateur de la session plénière, co-fondateur du Centre quantique russe Ruslan Yunusov",
    ),
    ("000", 79, K.CAPTION, None),  # "2 sur 12" over a turn: the counter alone
    ("000", 80, K.TURN, "Président de la Russie Vladimir Poutine"),
    ("000", 170, K.CAPTION, None),  # "Ruslan Yunusov" alone, over his turn
    ("000", 171, K.TURN, "Ruslan Yunusov"),
    ("000", 209, K.ELISION, None),  # "<…>"
    ("000", 210, K.TAG, None),  # "Les sujets"
    ("000", 216, K.CAPTION, None),  # "1/5"
    ("000", 217, K.TURN, "Question 1"),
    ("000", 243, K.PARAGRAPH, None),  # "Comme l’une des options : …"
    ("000", 247, K.TURN, "Question 4"),  # "Question 4: …" (no space before the colon)
    ("000", 250, K.TURN, "Question 5"),
    ("000", 251, K.TURN, "Vladimir Poutine"),
    ("000", 258, K.CAPTION, None),  # an image file name
    ("001", 1, K.FURNITURE, None),  # "Category Archives: Poutine"
    ("001", 3, K.HEADING, None),
    ("001", 15, K.PARAGRAPH, None),  # "Le message clé du discours :"
    ("001", 113, K.PARAGRAPH, None),  # "Poutine a rappelé :"
    ("001", 208, K.FURNITURE, None),  # "Continue reading"
    ("001", 262, K.FURNITURE, None),  # "Source"
    ("001", 266, K.DATELINE, None),  # "Publié le 13 mars 2024 10:00 Moscou, Kremlin"
    ("001", 268, K.TURN, "D. Kisseliov"),
    ("001", 272, K.TURN, "V. Poutine"),
    ("001", 274, K.PARAGRAPH, None),  # "Plus que cela : tout d’abord, …"
    ("002", 1, K.FURNITURE, None),  # "5724 – Russie… La journée du 8 Novembre …"
    ("002", 4, K.FURNITURE, None),  # "1°/…" of the day's list, without a dash
    ("002", 14, K.FURNITURE, None),  # "1": the number of the interview's first question
    ("002", 15, K.TURN, "Question"),
    ("002", 17, K.TURN, "Vladimir Poutine"),
    ("002", 140, K.FURNITURE, None),  # "Ajouté par SANS A PRIORI", after the URL
    ("002", 142, K.ADDITION, None),
    ("002", 159, K.ADDITION, None),  # the addition's own fr.wikipedia.org URL
    ("002", 164, K.CAPTION, None),  # "1 Vladimir Poutine au Centre national …"
    ("002", 177, K.CAPTION, None),  # "5 DITO … 13"
    ("002", 179, K.CAPTION, None),  # "6": a photo without its caption
    (
        "002",
        237,
        K.TURN,
        "Zhang Youxia, vice-président de la Commission militaire centrale chinoise (retraduit)",
    ),
    ("002", 258, K.PARAGRAPH, None),  # "La réunion s’est déroulée en présence"
    ("002", 281, K.CONTINUED, None),  # "À suivre."
    ("003", 12, K.TAG, None),  # "Territoire de Perm", under the dateline
    ("003", 13, K.CAPTION, None),  # "1 sur 4" over body text
    ("003", 14, K.PARAGRAPH, None),
    (
        "003",
        75,
        K.TURN,
        "Chef d’état-major général des forces armées de la Russie – Premier "
        "vice-ministre de la Défense Valery Gerasimov",
    ),
    ("003", 199, K.TURN, "Natalya Breus"),
    ("003", 248, K.PARAGRAPH, None),  # "Imaginez: près de 2 000 km."
]


@pytest.mark.parametrize(("name", "line", "kind", "speaker"), REAL_LINES)
def test_real_lines_get_their_kind(
    posts: dict[str, Post], name: str, line: int, kind: BlockKind, speaker: str | None
) -> None:
    block = block_at(posts[name], line)
    assert block.kind is kind, block.raw_lines
    assert block.speaker == speaker


def test_every_kind_but_note_is_met_in_the_seeds(posts: dict[str, Post]) -> None:
    # The seeds hold translator notes only inside paragraphs; test_corpus_parse has one alone.
    seen = {b.kind for post in posts.values() for b in all_blocks(post)}
    assert seen == set(BlockKind) - {K.NOTE}


def test_a_label_alone_is_one_turn_with_the_next_line(posts: dict[str, Post]) -> None:
    block = block_at(posts["001"], 280)  # "V. Poutine :" then " Exactement. …"
    assert block.kind is K.TURN and block.speaker == "V. Poutine"
    assert len(block.raw_lines) == 2
    assert block.text.startswith("Exactement. Nous parlons d’une période de six ans.")


def test_turn_text_is_the_speech_without_label_nor_table_border(posts: dict[str, Post]) -> None:
    block = block_at(posts["000"], 217)
    assert block.text.startswith("Une question sur le récent sommet de l’OTAN.")
    assert block.text.endswith("la sécurité de la Russie et de l’Ukraine ?")


def test_inline_translator_notes_stay_in_their_turn(posts: dict[str, Post]) -> None:
    block = block_at(posts["001"], 268)
    assert "[Tel un magicien — NdT]" in block.text


def test_a_bare_counter_takes_the_caption_that_follows(posts: dict[str, Post]) -> None:
    block = block_at(posts["000"], 27)  # "2 sur 10" / "Vladimir Poutine a visité …"
    assert block.kind is K.CAPTION and len(block.raw_lines) == 2
    assert block.text.startswith("Vladimir Poutine a visité une exposition")
    with_credit = block_at(posts["000"], 55)  # "1 sur 12" / "… Photo : Sergueï Karpoukhine, TASS"
    assert len(with_credit.raw_lines) == 2 and with_credit.text.endswith("TASS")
    # …but not the body text after a counter.
    assert len(block_at(posts["003"], 13).raw_lines) == 1
    assert len(block_at(posts["000"], 88).raw_lines) == 1  # "3 sur 12" / "Premièrement, …"


def test_the_wikipedia_addition_belongs_to_event_2_extras(posts: dict[str, Post]) -> None:
    event = posts["002"].events[1]
    assert event.source_urls == (f"{NEWS}72683",)
    assert event.extras[0].text == "Ajouté par SANS A PRIORI"
    assert event.extras[-1].text.startswith("https://fr.wikipedia.org/wiki/Communaut")
    assert {b.kind for b in event.extras} == {K.FURNITURE, K.ADDITION}
    assert all(b.kind not in (K.PARAGRAPH, K.TURN) for b in event.extras)


def test_read_post_reports_utf8_and_no_warning(corpus_dir: Path) -> None:
    post = read_post(next(corpus_dir.glob("000_*.txt")))
    assert post.encoding == "utf-8"
    assert post.warnings == ()
