"""Sentence segmentation: the hazards of this corpus, block boundaries, and span invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.model import Side
from align.segment import MAX_SENTENCE_CHARS, sentences_from_blocks, split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


def assert_valid_spans(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    covered = [False] * len(text)
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered[start:end] = [True] * (end - start)
        previous_end = end
    missing = [i for i, char in enumerate(text) if not char.isspace() and not covered[i]]
    assert missing == []


# (language, text, expected sentences): lines taken from the seeds in corpus/ and realistic
# kremlin.ru English, one per hazard.
CASES = [
    pytest.param(
        "fr",
        "Je sais que le gouvernement de Moscou – Mr. Sergueï Sobianine est présent ici "
        "aujourd’hui. Monsieur Sobianine, je vous demanderais de nous donner plus de détails.",
        [
            "Je sais que le gouvernement de Moscou – Mr. Sergueï Sobianine est présent ici "
            "aujourd’hui.",
            "Monsieur Sobianine, je vous demanderais de nous donner plus de détails.",
        ],
        id="fr-mr-dot",
    ),
    pytest.param(
        "fr",
        "M. Dupont et Mme Durand sont venus. MM. Lavrov et Ouchakov aussi. Le Dr Martin est là.",
        [
            "M. Dupont et Mme Durand sont venus.",
            "MM. Lavrov et Ouchakov aussi.",
            "Le Dr Martin est là.",
        ],
        id="fr-titles",
    ),
    pytest.param(
        "fr",
        "Les É.-U. ont refusé. Le 3 janv. 2023, voir p. 5 et cf. Annexe. Il est parti.",
        ["Les É.-U. ont refusé.", "Le 3 janv. 2023, voir p. 5 et cf. Annexe.", "Il est parti."],
        id="fr-abbreviations",
    ),
    pytest.param(
        "fr",
        "Le 14 févr. 2024, le ministre a parlé, etc. Ensuite il est parti.",
        ["Le 14 févr. 2024, le ministre a parlé, etc.", "Ensuite il est parti."],
        id="fr-month-and-etc",
    ),
    pytest.param(
        "fr",
        "V. Poutine : Oui, bien sûr. D. Kisseliov : Nous parlons donc d’une période de six ans ?",
        [
            "V. Poutine : Oui, bien sûr.",
            "D. Kisseliov : Nous parlons donc d’une période de six ans ?",
        ],
        id="fr-initials",
    ),
    pytest.param(
        "fr",
        "Le commerce bilatéral a augmenté d’environ 5,7%, soit 28.2 milliards. La route fait "
        "7.598 km. Près de 300\u202f000 habitants et 15\u00a0000 sanctions. C’est tout.",
        [
            "Le commerce bilatéral a augmenté d’environ 5,7%, soit 28.2 milliards.",
            "La route fait 7.598 km.",
            "Près de 300\u202f000 habitants et 15\u00a0000 sanctions.",
            "C’est tout.",
        ],
        id="fr-numbers",
    ),
    pytest.param(
        "fr",
        "Nous n’avons jamais interdit l’entrée à une partie ni expulsé personne. À ceux qui "
        "souhaitent revenir, nous disons: « Vous êtes les bienvenus à tout moment. » Cependant, "
        "nous procéderons naturellement à des conditions existantes.",
        [
            "Nous n’avons jamais interdit l’entrée à une partie ni expulsé personne.",
            "À ceux qui souhaitent revenir, nous disons: « Vous êtes les bienvenus à tout "
            "moment. »",
            "Cependant, nous procéderons naturellement à des conditions existantes.",
        ],
        id="fr-guillemets-closing",
    ),
    pytest.param(
        "fr",
        "Parallèlement, j’ai également exhorté Vladimir Zelensky: «Ne cherchez pas les coupables "
        "maintenant – cela arrive plus tard. Cette guerre se déroule sur votre sol. » Je l’ai "
        "averti plus tard.",
        [
            "Parallèlement, j’ai également exhorté Vladimir Zelensky: «Ne cherchez pas les "
            "coupables maintenant – cela arrive plus tard.",
            "Cette guerre se déroule sur votre sol. »",
            "Je l’ai averti plus tard.",
        ],
        id="fr-guillemets-inside",
    ),
    pytest.param(
        "fr",
        "« Félicitations pour cet événement majeur. Les siècles passent mais l’image reste.",
        ["« Félicitations pour cet événement majeur.", "Les siècles passent mais l’image reste."],
        id="fr-guillemets-unclosed",
    ),
    pytest.param(
        "fr",
        "Mais s’ils nous disent qu’ils tiendront les promesses qui sont garanties par les "
        "Nations unies… Et je sais que le Secrétaire général s’efforce d’aider. Attendez... "
        "voilà. Ilya Yezhov: Bonjour…. Ilya Yezhov, Ria Novosti.",
        [
            "Mais s’ils nous disent qu’ils tiendront les promesses qui sont garanties par les "
            "Nations unies…",
            "Et je sais que le Secrétaire général s’efforce d’aider.",
            "Attendez... voilà.",
            "Ilya Yezhov: Bonjour….",
            "Ilya Yezhov, Ria Novosti.",
        ],
        id="fr-ellipses",
    ),
    pytest.param(
        "fr",
        "Nous avons travaillé. <…> Nous avons fini <…> et puis voilà.",
        ["Nous avons travaillé.", "<…>", "Nous avons fini", "<…>", "et puis voilà."],
        id="fr-elision-marker",
    ),
    pytest.param(
        "fr",
        "D. Kisseliov : Vladimir Vladimirovitch, vous avez sorti de votre manche [Tel un "
        "magicien — NdT] des billions [Billion : mille milliards. Appelé «trillion» en russe — "
        "NdT] et des billions. Vous avez proposé un plan.",
        [
            "D. Kisseliov : Vladimir Vladimirovitch, vous avez sorti de votre manche [Tel un "
            "magicien — NdT] des billions [Billion : mille milliards. Appelé «trillion» en russe "
            "— NdT] et des billions.",
            "Vous avez proposé un plan.",
        ],
        id="fr-translator-note-inline",
    ),
    pytest.param(
        "fr",
        "Cela me donne envie de vous poser votre question préférée de Vyssotsky: « Où prendre "
        "l’argent, Zine ? » [*Voir la note en bas — NdT] L’avons-nous vraiment gagné, cet "
        "argent ?",
        [
            "Cela me donne envie de vous poser votre question préférée de Vyssotsky: « Où "
            "prendre l’argent, Zine ? » [*Voir la note en bas — NdT]",
            "L’avons-nous vraiment gagné, cet argent ?",
        ],
        id="fr-translator-note-after-sentence",
    ),
    pytest.param(
        "fr",
        "Voir http://en.kremlin.ru/events/president/news/71665. Puis "
        "https://fr.wikipedia.org/wiki/Communaut%C3%A9_des_%C3%89tats_ind%C3%A9pendants. Fin.",
        [
            "Voir http://en.kremlin.ru/events/president/news/71665.",
            "Puis https://fr.wikipedia.org/wiki/Communaut%C3%A9_des_%C3%89tats_ind%C3%A9pendants.",
            "Fin.",
        ],
        id="fr-urls",
    ),
    pytest.param(
        "fr",
        "Mais encore, il semble qu’une version simplifiée ait été promise.En outre, le G7 a "
        "adopté une déclaration. La journée de V.Poutine continue.",
        [
            "Mais encore, il semble qu’une version simplifiée ait été promise.",
            "En outre, le G7 a adopté une déclaration.",
            "La journée de V.Poutine continue.",
        ],
        id="fr-glued-full-stop",
    ),
    pytest.param(
        "fr",
        "Question 2 : Monsieur le Président, puis-je vous poser une question ? J’entends dire "
        "que l’accord est menacé. Pouvez-vous éclaircir ces problèmes ?",
        [
            "Question 2 : Monsieur le Président, puis-je vous poser une question ?",
            "J’entends dire que l’accord est menacé.",
            "Pouvez-vous éclaircir ces problèmes ?",
        ],
        id="fr-spaced-question-mark",
    ),
    pytest.param(
        "en",
        "Mr Putin met Ms. Smith and Mrs. Jones. Mr. Lukashenko said: “We are ready. Really.” "
        "Trade grew by 5.7 percent to $28.2 billion.",
        [
            "Mr Putin met Ms. Smith and Mrs. Jones.",
            "Mr. Lukashenko said: “We are ready.",
            "Really.”",
            "Trade grew by 5.7 percent to $28.2 billion.",
        ],
        id="en-titles-and-quotes",
    ),
    pytest.param(
        "en",
        "Vladimir Putin: Good afternoon, colleagues. The road is 7,598 km long… We will see. "
        "<…> Let us move on to the main issue.",
        [
            "Vladimir Putin: Good afternoon, colleagues.",
            "The road is 7,598 km long…",
            "We will see.",
            "<…>",
            "Let us move on to the main issue.",
        ],
        id="en-ellipsis-and-elision",
    ),
    pytest.param(
        "en",
        "The meeting took place on Jan. 5 at 6.15 pm in St. Petersburg. Dr. Smith came. "
        "(Applause.) Thank you. The U.S. delegation arrived.",
        [
            "The meeting took place on Jan. 5 at 6.15 pm in St. Petersburg.",
            "Dr. Smith came.",
            "(Applause.)",
            "Thank you.",
            "The U.S. delegation arrived.",
        ],
        id="en-abbreviations",
    ),
    pytest.param(
        "en",
        "We allocated 300,000 roubles, or 1.5 trillion in total. V. Putin: Thank you.",
        ["We allocated 300,000 roubles, or 1.5 trillion in total.", "V. Putin: Thank you."],
        id="en-numbers-and-initial",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_hazards(lang: str, text: str, expected: list[str]) -> None:
    spans = split_sentences(text, lang)
    assert [text[start:end] for start, end in spans] == expected
    assert_valid_spans(text, spans)


def test_blank_text_has_no_sentence() -> None:
    assert split_sentences("", "fr") == []
    assert split_sentences(" \n\u00a0\t", "en") == []


def test_spans_are_stripped_of_surrounding_whitespace() -> None:
    text = "  \u00a0Première phrase.   Deuxième phrase.\n "
    assert split_sentences(text, "fr") == [(3, 19), (22, 38)]


@pytest.mark.parametrize("lang", ["de", "xx", "FR-fr", "en_GB", ""])
def test_other_language_codes_fall_back(lang: str) -> None:
    text = "Herr Dr. Müller kam an. Er sprach lange."
    assert sentences(text, lang) == ["Herr Dr. Müller kam an.", "Er sprach lange."]


def test_every_line_of_the_seeds_gives_valid_spans(corpus_dir: Path) -> None:
    lines = [
        line
        for path in sorted(corpus_dir.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 1000
    count = 0
    for line in lines:
        spans = split_sentences(line, "fr")
        assert_valid_spans(line, spans)
        count += len(spans)
    # the seeds hold many multi-sentence paragraphs: splitting must happen
    assert count > len([line for line in lines if line.strip()]) * 1.2


def test_overlong_line_is_cut_into_bounded_sentences() -> None:
    sentence = "Nous avons construit " + "une route, un pont, " * 40 + "et un tunnel. "
    text = sentence * 120 + "mot " * 20_000 + "x" * 30_000  # ~200,000 characters
    spans = split_sentences(text, "fr")
    assert_valid_spans(text, spans)
    assert max(end - start for start, end in spans) <= MAX_SENTENCE_CHARS
    # the normal sentences are still found, whole
    assert text[slice(*spans[0])] == sentence.strip()


def test_sentences_from_blocks_keep_block_span_speaker_and_kind() -> None:
    blocks = [
        ("Merci. Je suis ravi de vous voir.", "Vladimir Poutine", "turn"),
        ("Mr. Lukashenko a parlé", None, "body"),  # no final stop: still a sentence
        ("   ", None, "body"),  # blank block: no sentence, index kept for the next one
        ("<…>", None, "elision"),
        ("Photo : Sergueï Bobylev, TASS", None, "caption"),
    ]
    result = sentences_from_blocks(blocks, Side.FR, "fr")
    assert [s.index for s in result] == list(range(len(result)))
    assert [(s.text, s.block_index, s.speaker, s.kind) for s in result] == [
        ("Merci.", 0, "Vladimir Poutine", "turn"),
        ("Je suis ravi de vous voir.", 0, "Vladimir Poutine", "turn"),
        ("Mr. Lukashenko a parlé", 1, None, "body"),
        ("<…>", 3, None, "elision"),
        ("Photo : Sergueï Bobylev, TASS", 4, None, "caption"),
    ]
    assert all(s.side is Side.FR for s in result)
    for sentence in result:
        assert blocks[sentence.block_index][0][slice(*sentence.span)] == sentence.text


def test_block_boundaries_are_hard_boundaries() -> None:
    # "Mr." would glue these two lines into one sentence if they were one text
    blocks = [("Je remercie Mr.", None, "body"), ("Poutine est là.", None, "body")]
    result = sentences_from_blocks(blocks, Side.EN, "en")
    assert [(s.text, s.block_index) for s in result] == [
        ("Je remercie Mr.", 0),
        ("Poutine est là.", 1),
    ]


_PIECES = [*'abcXYZ .!?…,;:«»"“”()[]<>-—0123456789\n\t\u00a0\u202f', "Mr.", "M. ", "<…>", "NdT"]
_ALPHABET = st.sampled_from(_PIECES)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join), st.sampled_from(["fr", "en", "de"]))
def test_spans_are_ordered_disjoint_and_cover_every_visible_character(text: str, lang: str) -> None:
    assert_valid_spans(text, split_sentences(text, lang))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_spans_hold_for_arbitrary_unicode(text: str) -> None:
    assert_valid_spans(text, split_sentences(text, "fr"))


def test_a_pysbd_failure_is_logged_and_shown_once_and_the_rules_still_split(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import align.segment as segment

    class Broken:
        def processor(self, text: str) -> object:
            raise IndexError("list index out of range")

    monkeypatch.setattr(segment, "_segmenter", lambda language: Broken())
    monkeypatch.setattr(segment, "_surfaced", False)
    text = "Le port a traité 11 millions de tonnes. Les travaux commencent en mai."
    with pytest.warns(segment.SegmentationWarning, match="pysbd failed") as shown:
        spans = split_sentences(text, "fr")
        split_sentences("Une autre phrase. Et encore une autre.", "fr")
    assert len(shown) == 1  # once per process, not once per block
    assert [r.levelname for r in caplog.records if r.name == "align.segment"] == [
        "WARNING",
        "WARNING",
    ]
    assert [text[a:b] for a, b in spans] == [
        "Le port a traité 11 millions de tonnes.",
        "Les travaux commencent en mai.",
    ]
