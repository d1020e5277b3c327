"""Every way the blog numbers its events, and the numbered lines that are not events."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.corpus import parse_post
from align.corpus.lines import parse_heading, parse_loose_heading
from align.model import BlockKind, Post

K = BlockKind
NEWS = "http://en.kremlin.ru/events/president/news/"

# A daily digest written as the blog wrote them in 2020: "N/ Title – time", the day's list
# first (without dashes), each event closed by its kremlin.ru address.
DIGEST_2020 = f"""\
1234 – Russie… La journée du 19 mars 2020 de V.Poutine

1/ Instruction au Premier ministre sur les mesures contre la pandémie – 19:10
2/ Conversation téléphonique avec le Président de la France – 20:30

1/ Instruction au Premier ministre sur les mesures contre la pandémie – 19:10

Vladimir Poutine a chargé le Premier ministre de présenter des mesures avant lundi.
Le gouvernement doit :
1. soutenir les petites entreprises,
2. prolonger les délais de paiement.

{NEWS}63000

2/ Conversation téléphonique avec le Président de la France – 20:30

Les deux présidents ont parlé de la coopération face à l’épidémie.

{NEWS}63001
"""


def read(text: str) -> Post:
    return parse_post(text, Path("post.txt"))


def test_a_2020_digest_numbered_n_slash_is_read_event_by_event() -> None:
    post = read(DIGEST_2020)
    assert [(e.index, e.title, e.time_text, e.source_urls) for e in post.events] == [
        (
            1,
            "Instruction au Premier ministre sur les mesures contre la pandémie",
            "19:10",
            (f"{NEWS}63000",),
        ),
        (2, "Conversation téléphonique avec le Président de la France", "20:30", (f"{NEWS}63001",)),
    ]
    # The day's list stays outside the events; the numbered list inside event 1 is its text.
    assert [b.kind for b in post.outside] == [K.FURNITURE, K.FURNITURE, K.FURNITURE]
    texts = [b.text for b in post.events[0].blocks if b.kind is K.PARAGRAPH]
    assert "1. soutenir les petites entreprises," in texts
    assert not any("no events" in w for w in post.warnings)


@pytest.mark.parametrize(
    "mark", ["1/", "1/ ", "1 / ", "1°)", "1°) ", "1) ", "1 – ", "1- ", "1. ", "1°. ", "1° "]
)
def test_every_numbering_mark_starts_an_event_when_the_heading_is_dated(mark: str) -> None:
    second = mark.replace("1", "2", 1)
    post = read(
        f"{mark}Rencontre avec le gouverneur – 10 mars 2025 à 13h40 au Kremlin\n\n"
        "Le Président a reçu le gouverneur.\n\n"
        f"{second}Réunion avec les membres du gouvernement – 11 mars 2025 à 15h00\n\n"
        "Bonjour, chers collègues.\n"
    )
    assert [(e.index, e.title, e.date_text, e.time_text) for e in post.events] == [
        (1, "Rencontre avec le gouverneur", "10 mars 2025", "13h40"),
        (2, "Réunion avec les membres du gouvernement", "11 mars 2025", "15h00"),
    ]
    assert post.events[0].place_text == "Kremlin"


def test_an_undated_numbered_event_counts_when_its_source_closes_it() -> None:
    post = read(
        f"1) Rencontre avec le gouverneur\n\nTexte de la rencontre.\n{NEWS}76428\n\n"
        f"2) Réunion du Conseil de sécurité\n\nTexte de la réunion.\n{NEWS}76442\n"
    )
    assert [(e.index, e.title, len(e.source_urls)) for e in post.events] == [
        (1, "Rencontre avec le gouverneur", 1),
        (2, "Réunion du Conseil de sécurité", 1),
    ]


def test_an_undated_numbered_event_counts_when_the_day_list_names_it() -> None:
    post = read(
        "1. Rencontre avec le gouverneur\n2. Réunion du Conseil de sécurité\n\n"
        "1. Rencontre avec le gouverneur\n\nTexte.\n\n"
        "2. Réunion du Conseil de sécurité\n\nAutre texte.\n"
    )
    assert [(e.index, e.title) for e in post.events] == [
        (1, "Rencontre avec le gouverneur"),
        (2, "Réunion du Conseil de sécurité"),
    ]
    assert len(post.outside) == 2


def test_the_sections_of_an_essay_are_not_events() -> None:
    # Numbered, capitalised, undated, listed once, no source: the sections of one text (as
    # in corpus/001); the reader falls back to the blog post's title.
    post = read(
        "Category Archives: Poutine\n\nDiscours de Vladimir Poutine au Forum AI Journey\n\n"
        "1. L’IA comme priorité stratégique nationale\n\nPoutine a rappelé que l’IA compte.\n\n"
        "2. Passer du prototype à l’industrialisation\n\nLe message clé du discours.\n"
    )
    assert [e.title for e in post.events] == ["Discours de Vladimir Poutine au Forum AI Journey"]


def test_a_numbered_list_closed_by_a_source_is_not_a_series_of_events() -> None:
    # Only the last item is followed by the source: "2." alone is not the second event.
    post = read(
        "Entretien avec la presse\n\nLe Président a cité deux priorités.\n\n"
        "1. Renforcer la coopération économique\n2. Développer les liens culturels\n\n"
        f"{NEWS}72682\n"
    )
    assert all(e.index != 2 for e in post.events)
    assert all(b.kind is not K.HEADING or b.text[0] != "2" for e in post.events for b in e.blocks)


def test_the_blogs_own_mark_wins_over_other_numberings() -> None:
    # In a post numbered "N°/", a dated "1. …" line inside an event stays text.
    post = read(
        "1°/Rencontre – 13 juillet 2023 à 15h05 à Moscou\n\nTexte.\n"
        "1. Rapport au gouvernement – 1er juillet 2024\n\n"
        "2°/Réunion – 13 juillet 2023 à 18h15\n\nTexte.\n"
    )
    assert [e.index for e in post.events] == [1, 2]
    assert [b.kind for b in post.events[0].blocks][-1] is K.PARAGRAPH


@pytest.mark.parametrize(
    "line",
    [
        "1/5",  # a slide counter
        "3/4 des participants ont voté pour.",  # a fraction
        "2. l’élargissement des liens culturels et humanitaires,",  # a list item
        "1) la coopération économique ;",
        "1. Le gouvernement doit présenter :",
        "12 mars 2025 à 21h40",  # a dateline
        "1.5 million de personnes",
        "2024 – une année décisive",
    ],
)
def test_lines_that_are_never_headings(line: str) -> None:
    assert parse_loose_heading(line) is None
    assert parse_heading(line) is None


def test_a_heading_ending_with_a_time_only() -> None:
    heading = parse_loose_heading("1/ Instruction au Premier ministre – 19:10")
    assert heading is not None
    assert (heading.number, heading.title, heading.date_text, heading.time_text) == (
        1,
        "Instruction au Premier ministre",
        None,
        "19:10",
    )
    dashed = parse_loose_heading("- 2/ Conversation téléphonique – 20h30 au Kremlin")
    assert dashed is not None and dashed.in_day_list and dashed.place_text == "Kremlin"


def test_the_title_of_a_2020_digest_is_its_header_not_its_day_list() -> None:
    from align.pipeline import post_title

    without_header = DIGEST_2020.split("\n", 2)[2]  # the day's list comes first
    assert post_title(read(without_header)) == "post"  # the file's name, not "1/ Instruction…"
    assert post_title(read(DIGEST_2020)).startswith("1234 – Russie…")
