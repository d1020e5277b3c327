"""The reader's rules one by one: headings, speaker labels, source URLs, small block kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.corpus import CorpusError, decode_post, parse_post
from align.corpus.lines import is_speaker_label, parse_dateline, parse_heading, url_line
from align.model import BlockKind

K = BlockKind
URL = "http://en.kremlin.ru/events/president/news/71665"


@pytest.mark.parametrize(
    ("line", "title", "date", "time", "place"),
    [
        ("2°/Salon quantique – 13 juillet 2023 à 15h05 à Moscou",
         "Salon quantique", "13 juillet 2023", "15h05", "Moscou"),
        ("1°/Salutations à Almaty du 13 juillet 2023 à 11h00",
         "Salutations à Almaty", "13 juillet 2023", "11h00", None),
        ("4°/Réponses aux questions des journalistes le 13 juillet 2023 à 18h55 à Moscou",
         "Réponses aux questions des journalistes", "13 juillet 2023", "18h55", "Moscou"),
        ("1°/Rencontre avec Dmitry Makhonin – 10 mars 2025 à 13H40 au Kremlin-Moscou",
         "Rencontre avec Dmitry Makhonin", "10 mars 2025", "13H40", "Kremlin-Moscou"),
        ("3°/Visite à Kursk – 12 mars 2025 à 21h40 – Région de Kursk",
         "Visite à Kursk", "12 mars 2025", "21h40", "Région de Kursk"),
        ("1°/Interview au journal Kazakhstanskaya Pravda – 8 novembre 2023 – En 8 Questions",
         "Interview au journal Kazakhstanskaya Pravda", "8 novembre 2023", None, None),
        ("7°/Un titre sans date", "Un titre sans date", None, None, None),
    ],
)  # fmt: skip
def test_heading_fields_as_written(
    line: str, title: str, date: str | None, time: str | None, place: str | None
) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.title, heading.date_text, heading.time_text, heading.place_text) == (
        title,
        date,
        time,
        place,
    )
    assert not heading.in_day_list


def test_heading_number_and_day_list_entry() -> None:
    heading = parse_heading("- 12°/Salon – 13 juillet 2023")
    assert heading is not None and heading.number == 12 and heading.in_day_list
    assert parse_heading("12 mars 2025 à 21h40") is None
    assert parse_heading("Le 3° / jour") is None


def test_datelines() -> None:
    dateline = parse_dateline("13 juillet 2023 à 15h05 à Moscou")
    assert dateline is not None and dateline.place_text == "Moscou"
    assert parse_dateline("13 juillet 2023 nous avons signé l’accord.") is None
    assert parse_dateline("Le 13 juillet 2023 à 15h05") is None


@pytest.mark.parametrize(
    "label",
    [
        "Vladimir Poutine",
        "V. Poutine",
        "D. Kisseliov",
        "Question",
        "Question 5",
        "Mr. Gerasimov",
        "Natalya Breus",
        "Président de la Russie Vladimir Poutine",
        "Président de la République du Bélarus Alexander Lukashenko",
        "Modérateur de la session plénière, co-fondateur du Centre quantique russe Ruslan Yunusov",
        "Zhang Youxia, vice-président de la Commission militaire centrale chinoise (retraduit)",
        "Chef d’état-major général des forces armées de la Russie – Premier vice-ministre de la "
        "Défense Valery Gerasimov",
        "Journaliste",
    ],
)
def test_speaker_labels_accepted(label: str) -> None:
    assert is_speaker_label(label)


@pytest.mark.parametrize(
    "label",
    [
        "Le message lit, en partie",
        "Le message se lit, en partie",
        "Le message clé du discours",
        "Poutine a rappelé",
        "Poutine demande un passage à l’échelle",
        "Plus que cela",
        "Comme l’une des options",
        "Imaginez",
        "Cela implique",
        "Sur les autres projets Wikimedia",
        "Élection présidentielle russe de 2024",
        "Vladimir Poutine répond aux questions de Dmitry Kisseliov",
        "Vladimir Poutine, président de la Russie, a déclaré",
        "Premier point",
        "Photo",
        "Non. Vladimir Poutine",
    ],
)
def test_sentences_before_a_colon_are_not_speakers(label: str) -> None:
    assert not is_speaker_label(label)


@pytest.mark.parametrize(
    "line",
    [
        URL,
        f"Source : {URL}.",
        f"<{URL}>",
        f"{URL}   ",
        f"{URL}\u00a0",
        f"\u00a0{URL}\u00a0\u00a0",
        f"({URL})",
        f"Source: <{URL}>",
    ],
)
def test_url_lines_with_junk_around_are_recognised(line: str) -> None:
    assert url_line(line.strip()) == URL


def test_url_line_keeps_https_and_query_strings_as_written() -> None:
    line = "https://en.kremlin.ru/events/president/news/71665?utm_source=x&lang=fr"
    assert url_line(line) == line


def test_a_sentence_that_mentions_a_url_is_not_a_url_line() -> None:
    assert url_line(f"Voir le texte original sur {URL} pour la suite") is None
    assert url_line(f"{URL} {URL}") is None


def post(text: str) -> list[tuple[BlockKind, str]]:
    parsed = parse_post(text, Path("t.txt"))
    blocks = [*parsed.outside]
    for event in parsed.events:
        blocks.extend(event.blocks)
        blocks.extend(event.extras)
    return [(b.kind, b.text) for b in sorted(blocks, key=lambda b: b.first_line)]


def test_a_note_alone_is_a_note_and_an_inline_one_stays_in_its_paragraph() -> None:
    kinds = post(
        "1°/Titre – 13 juillet 2023\n"
        "Le texte traduit [Tel un magicien — NdT] continue.\n"
        "[Billion : mille milliards — NdT]\n"
        "(Vitebsk est en Biélorussie – NdT)\n"
        f"{URL}\n"
    )
    assert [k for k, _ in kinds] == [K.HEADING, K.PARAGRAPH, K.NOTE, K.NOTE, K.SOURCE_URL]


def test_small_kinds_alone_on_their_line() -> None:
    kinds = post(
        "1°/Titre – 13 juillet 2023 à 15h05 à Moscou\n"
        "Le président a reçu le gouverneur.\n"
        "13 juillet 2023 à 15h05 à Moscou\n"
        "* * *\n"
        "<…>\n"
        "À suivre.\n"
        "Les sujets\n"
        f"Source : {URL}.\n"
    )
    assert [k for k, _ in kinds] == [
        K.HEADING,
        K.PARAGRAPH,
        K.DATELINE,
        K.SECTION_BREAK,
        K.ELISION,
        K.CONTINUED,
        K.TAG,
        K.SOURCE_URL,
    ]
    assert kinds[-1][1] == URL


def test_two_urls_in_a_row_are_both_sources_and_a_third_party_one_is_an_addition() -> None:
    parsed = parse_post(
        f"1°/Titre\nTexte.\n{URL}\nhttp://en.kremlin.ru/events/president/news/71666\n\n"
        "Un extrait ajouté.\nhttps://fr.wikipedia.org/wiki/X\n2°/Suite\nTexte.\n",
        Path("t.txt"),
    )
    first, second = parsed.events
    assert first.source_urls == (URL, "http://en.kremlin.ru/events/president/news/71666")
    assert [b.kind for b in first.extras] == [K.ADDITION, K.ADDITION]
    assert second.index == 2 and second.source_urls == ()


def test_sections_of_a_blog_archive_are_numbered_from_one() -> None:
    parsed = parse_post(
        "Category Archives: Poutine\n\nDiscours de Vladimir Poutine au club Valdai\n\n"
        "Bonjour, mesdames et messieurs.\n\nContinue reading\n\nUn autre billet du blog\n\n"
        "Merci.\n",
        Path("t.txt"),
    )
    assert [(e.index, e.title, e.source_urls) for e in parsed.events] == [
        (1, "Discours de Vladimir Poutine au club Valdai", ()),
        (2, "Un autre billet du blog", ()),
    ]


def test_a_post_without_events_is_read_with_a_warning() -> None:
    parsed = parse_post("Juste une phrase.\nEt une autre.\n", Path("t.txt"))
    assert parsed.events == ()
    assert [b.kind for b in parsed.outside] == [K.PARAGRAPH, K.PARAGRAPH]
    assert any("no events found" in w for w in parsed.warnings)


def test_decode_post_encodings() -> None:
    path = Path("p.txt")
    text = "Élection – « oui » l’œuvre"
    assert decode_post(text.encode("utf-8"), path) == (text, "utf-8")
    assert decode_post(b"\xef\xbb\xbf" + text.encode("utf-8"), path) == (text, "utf-8-sig")
    assert decode_post(text.encode("cp1252"), path) == (text, "cp1252")
    assert decode_post("Élection à Moscou".encode("latin-1"), path) == (
        "Élection à Moscou",
        "latin-1",
    )
    assert decode_post(b"a\r\nb\rc\n", path)[0] == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"\x00\x01\x02PK\x03\x04" * 100, "binary")],
)
def test_decode_post_refuses_empty_and_binary_data(data: bytes, problem: str) -> None:
    with pytest.raises(CorpusError) as caught:
        decode_post(data, Path("bad.txt"))
    assert problem in caught.value.problem
    assert str(caught.value).startswith("bad.txt: ")
    assert "\n" not in str(caught.value)


def test_an_event_citing_only_another_site_is_named_in_one_warning() -> None:
    parsed = parse_post(
        "1°/Rencontre – 13 juillet 2023\nTexte.\nSource : https://tass.com/politics/1234\n"
        f"2°/Réunion – 13 juillet 2023\nTexte.\n{URL}\nhttps://fr.wikipedia.org/wiki/X\n"
        "3°/Sans source – 13 juillet 2023\nTexte.\n",
        Path("t.txt"),
    )
    assert [e.source_urls for e in parsed.events] == [(), (URL,), ()]
    assert parsed.warnings == (
        "line 3: event 1 cites https://tass.com/politics/1234, not a kremlin.ru event page, "
        "so it has no original to be compared with",
    )
