"""Word coverage (align.checks.word_coverage) and the omission rules that use it, on real
sentences: kremlin-style pairs and a TransRead passage (Rousseau's Confessions, the French
original and its English translation, aligned by the real aligner after one French sentence
was dropped: the check bench's tuning half)."""

from __future__ import annotations

import pytest

from align.checks import CheckConfig, CheckInput
from align.checks.evidence import bead_similarities, similarity
from align.checks.omissions import (
    OmissionCheck,
    Orphan,
    PartialOmissionCheck,
    merged_orphans,
    orphan_call,
    span_word_call,
)
from align.checks.word_coverage import (
    MAX_WEIGHT,
    MIN_WEIGHT,
    WordCover,
    combined,
    cover,
    sentence_covers,
    word_weight,
)
from align.embed.use import UseEncoder
from align.model import Bead, FindingType, Sentence, Side, WordLink
from align.words import link_event

CONFESSIONS_FR = [
    (
        "Quand je lis les cruautés d'un tyran féroce, les subtiles noirceurs d'un fourbe de "
        "prêtre, je partirais volontiers pour aller poignarder ces misérables, dussé -je cent"
        " fois y périr."
    ),
    (
        "Je me suis souvent mis en nage à poursuivre à la course ou à coups de pierre un coq,"
        " une vache, un chien, un animal que je voyais en tourmenter un autre, uniquement "
        "parce qu' il se sentait le plus fort."
    ),
    (
        "Ce mouvement peut m'être naturel, et je crois qu' il l'est; mais le souvenir profond"
        " de la première injustice que j'ai soufferte y fut trop longtemps et trop fortement "
        "lié pour ne l'avoir pas beaucoup renforcé."
    ),
    "Là fut le terme de la sérénité de ma vie enfantine.",
    (
        "Dès ce moment je cessai de jouir d'un bonheur pur, et je sens aujourd'hui même que "
        "le souvenir des charmes de mon enfance s'arrête là."
    ),
    "Nous restâmes encore à Bossey quelques mois.",
    (
        "Nous y fûmes comme on nous représente le premier homme encore dans le paradis "
        "terrestre, mais ayant cessé d'en jouir: c'était en apparence la même situation, et "
        "en effet une tout autre manière d'être."
    ),
    (
        "L'attachement, le respect, l'intimité, la confiance, ne liaient plus les élèves à "
        "leurs guides; nous ne les regardions plus comme des dieux qui lisaient dans nos "
        "coeurs: nous étions moins honteux de mal faire et plus craintifs d'être accusés: "
        "nous commencions à nous cacher, à nous mutiner, à mentir."
    ),
    "Tous les vices de notre âge corrompaient notre innocence et enlaidissaient nos jeux.",
    (
        "La campagne même perdit à nos yeux cet attrait de douceur et de simplicité qui va au"
        " coeur: elle nous semblait déserte et sombre; elle s'était comme couverte d'un voile"
        " qui nous en cachait les beautés."
    ),
    (
        "Nous n'allions plus gratter légèrement la terre, et crier de joie en découvrant le "
        "germe du grain que nous avions semé."
    ),
    (
        "Nous nous dégoûtâmes de cette vie; on se dégoûta de nous; mon oncle nous retira, et "
        "nous nous séparâmes de M. et mademoiselle Lambercier, rassasiés les uns des autres, "
        "et regrettant peu de nous quitter."
    ),
    (
        "Près de trente ans se sont passés depuis ma sortie de Bossey, sans que je m'en sois "
        "rappelé le séjour d'une manière agréable par des souvenirs un peu liés: mais depuis "
        "qu' ayant passé l'âge mûr je décline vers la vieillesse, je sens que ces mêmes "
        "souvenirs renaissent tandis que les autres s'effacent, et se gravent dans ma mémoire"
        " avec des traits dont le charme et la force augmentent de jour en jour; comme si, "
        "sentant déjà la vie qui s'échappe, je cherchais à la ressaisir par ses "
        "commencements."
    ),
    "Les moindres faits de ce temps -là me plaisent par cela seul qu' ils sont de ce temps-là.",
    "Je me rappelle toutes les circonstances des lieux, des personnes, des heures.",
    (
        "Je vois la servante ou le valet agissant dans la chambre, une hirondelle entrant par"
        " la fenêtre, une mouche se poser sur ma main tandis que je récitais ma leçon: je "
        "vois tout l'arrangement de la chambre où nous étions; le cabinet de M. Lambercier à "
        "main droite, une estampe représentant tous les papes, un baromètre, un grand "
        "calendrier, des framboisiers qui, d'un jardin fort élevé dans lequel la maison "
        "s'enfonçait sur le derrière, venaient ombrager la fenêtre et passaient quelquefois "
        "jusqu' en dedans."
    ),
    (
        "Je sais bien que le lecteur n'a pas grand besoin de savoir tout cela, mais j'ai "
        "besoin moi de le lui dire."
    ),
    (
        "Que n'osé -je lui raconter de même toutes les petites anecdotes de cet heureux âge, "
        "qui me font encore tressaillir d'aise quand je me les rappelle!"
    ),
    "cinq ou six surtout...",
    "Composons.",
    (
        "Je vous fais grâce des cinq; mais j'en veux une, une seule, pourvu qu' on me la "
        "laisse conter le plus longuement qu' il me sera possible, pour prolonger mon "
        "plaisir."
    ),
]
CONFESSIONS_EN = [
    (
        "When I read the history of a merciless tyrant, or the dark and the subtle "
        "machination of a knavish designing priest, I could on the instant set off to stab "
        "the miscreants, though I was certain to perish in the attempt."
    ),
    (
        "I have frequently fatigued myself by running after and stoning a cock, a cow, a dog,"
        " or any animal I saw tormenting another, only because it was conscious of possessing"
        " superior strength."
    ),
    (
        "This may be natural to me, and I am inclined to believe it is, though the lively "
        "impression of the first injustice I became the victim of was too long and too "
        "powerfully remembered not to have added considerable force to it."
    ),
    (
        "This occurrence terminated my infantine serenity; from that moment I ceased to enjoy"
        " a pure unadulterated happiness, and on a retrospection of the pleasure of my "
        "childhood, I yet feel they ended here."
    ),
    (
        "We continue at Bossey some months after this event, but were like our first parents "
        "in the Garden of Eden after they had lost their innocence; in appearance our "
        "situation was the same, in effect it was totally different."
    ),
    (
        "Affection, respect; intimacy, confidence, no longer attached the pupils to their "
        "guides; we beheld them no longer as divinities, who could read the secrets of our "
        "hearts; we were less ashamed of committing faults, more afraid of being accused of "
        "them: we learned to dissemble, to rebel, to lie: all the vices common to our years "
        "began to corrupt our happy innocence, mingle with our sports, and embitter our "
        "amusements."
    ),
    (
        "The country itself, losing those sweet and simple charms which captivate the heart, "
        "appeared a gloomy desert, or covered with a veil that concealed its beauties."
    ),
    "We cultivated our little gardens no more: our flowers were neglected.",
    (
        "We no longer scratched away the mould, and broke out into exclamations of delight, "
        "on discovering that the grain we had sown began to shoot."
    ),
    "We were disgusted with our situation; our preceptors were weary of us.",
    (
        "In a word, my uncle wrote for our return, and we left Mr. and Miss Lambercier "
        "without feeling any regret at the separation."
    ),
    (
        "Near thirty years passed away from my leaving Bossey, without once recalling the "
        "place to my mind with any degree of satisfaction; but after having passed the prime "
        "of life, as I decline into old age (while more recent occurrences are wearing out "
        "apace) I feel these remembrances revive and imprint themselves on my heart, with a "
        "force and charm that every day acquires fresh strength; as if, feeling life fleet "
        "from me, I endeavored to catch it again by its commencement."
    ),
    (
        "The most trifling incident of those happy days delight me, for no other reason than "
        "being of those days."
    ),
    (
        "I recall every circumstance of time, place, and persons; I see the maid or footman "
        "busy in the chamber, a swallow entering the window, a fly settling on my hand while "
        "repeating my lessons."
    ),
    (
        "I see the whole economy of the apartment; on the right hand Mr. Lambercier's closet,"
        " with a print representing all the popes, a barometer, a large almanac, the windows "
        "of the house (which stood in a hollow at the bottom of the garden) shaded by "
        "raspberry shrubs, whose shoots sometimes found entrance; I am sensible the reader "
        "has no occasion to know all this, but I feel a kind of necessity for relating it."
    ),
    (
        "Why am I not permitted to recount all the little anecdotes of that thrice happy age,"
        " at the recollection of whose joys I ever tremble with delight?"
    ),
    (
        "Five or six particularly -- let us compromise the matter -- I will give up five, but"
        " then I must have one, and only one, provided I may draw it out to its utmost "
        "length, in order to prolong my satisfaction."
    ),
]
# as the aligner paired them; English 7 has no French (its French sentence was dropped)
CONFESSIONS_BEADS = [
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2,)),
    ((3, 4), (3,)),
    ((5, 6), (4,)),
    ((7, 8), (5,)),
    ((9,), (6, 7)),
    ((10,), (8,)),
    ((11,), (9, 10)),
    ((12,), (11,)),
    ((13,), (12,)),
    ((14, 15, 16), (13, 14)),
    ((17,), (15,)),
    ((18, 19, 20), (16,)),
]


# kremlin.ru/events/president/news/54860 (bench/data/words kremlin-tune2: real English, French
# written by hand for the benchmark)
PIPELINE_EN = [
    "Telephone conversation with President of Turkey Recep Tayyip Erdogan",
    (
        "The President of Russia was on board a pipe-laying ship that is involved in the "
        "construction of the Turkish Stream gas pipeline."
    ),
    (
        "Mr Putin said the first leg of the pipeline will be ready next year and the second "
        "one in late 2019."
    ),
    "I am calling you from a pipe-laying vessel in the Black Sea.",
    (
        "Mr President, I would like to congratulate you on this launch and say that Russia "
        "has been more effective in implementing joint projects with Turkey than with many of"
        " our other partners."
    ),
    (
        "It would be no exaggeration for me to say that where we spend years with our other "
        "partners on securing various administrative approvals, with Turkey we have been able"
        " to do it within just a few months."
    ),
    "There is no doubt that this is attributable to your direct and personal support.",
    (
        "Russia and Turkey signed an intergovernmental agreement on the Turkish Stream in "
        "autumn 2016."
    ),
    "Seven months later, the work is already underway.",
    (
        "The first leg will be ready in 2018, and by the end of 2019 the second leg will be "
        "completed."
    ),
    (
        "We will be ready to supply gas to southern and southeastern Europe through Turkish "
        "territory, should our partners so desire."
    ),
    (
        "Only recently the Turkish regulator issued a licence to the Russian operator for "
        "selling electricity until 2066, and I would like to thank you for that."
    ),
    "You have mentioned another major project, the Akkuyu Nuclear Power Plant.",
]
PIPELINE_FR = [
    "Entretien téléphonique avec le Président de la Turquie Recep Tayyip Erdogan",
    (
        "Le Président de la Russie se trouvait à bord d’un navire poseur de canalisations "
        "participant à la construction du gazoduc Turkish Stream."
    ),
    (
        "M. Poutine a indiqué que la première ligne du gazoduc serait prête l’an prochain et "
        "la seconde fin 2019."
    ),
    "Je vous appelle depuis un navire poseur de canalisations en mer Noire.",
    (
        "Monsieur le Président, je voudrais vous féliciter pour ce lancement et dire que la "
        "Russie a été plus efficace dans la réalisation de projets communs avec la Turquie "
        "qu’avec beaucoup de nos autres partenaires."
    ),
    (
        "Je n’exagère pas en disant que, là où nous passons des années à obtenir diverses "
        "autorisations administratives avec d’autres partenaires, avec la Turquie nous y "
        "sommes parvenus en quelques mois seulement."
    ),
    "Nul doute que nous le devons à votre soutien direct et personnel.",
    (
        "La Russie et la Turquie ont signé un accord intergouvernemental sur le Turkish "
        "Stream à l’automne 2016."
    ),
    "Sept mois plus tard, les travaux ont déjà commencé.",
    "La première ligne sera prête en 2018, et la seconde sera achevée d’ici la fin de 2019.",
    (
        "Nous serons prêts à livrer du gaz à l’Europe du Sud et du Sud-Est via le territoire "
        "turc, si nos partenaires le souhaitent."
    ),
    (
        "Tout récemment, le régulateur turc a délivré à l’exploitant russe une licence de "
        "vente d’électricité jusqu’en 2066, et je tiens à vous en remercier."
    ),
    "Vous avez évoqué un autre grand projet, la centrale nucléaire d’Akkuyu.",
]


def sentences(side: Side, texts) -> tuple[Sentence, ...]:
    return tuple(Sentence(side, i, t, 0, (0, len(t))) for i, t in enumerate(texts))


def event(fr, en, beads, encoder=None, *, links: bool = True) -> CheckInput:
    fr_s, en_s = sentences(Side.FR, fr), sentences(Side.EN, en)
    made = tuple(Bead(tuple(f), tuple(e), 0.8) for f, e in beads)
    # links as the pipeline computes them (the encoder links the words the rest left open)
    computed = link_event(fr_s, en_s, made, encoder) if links else ()
    return CheckInput(fr_s, en_s, made, encoder=encoder, links=computed)


# --- the signal, without an encoder ------------------------------------------------------


def test_rarer_words_weigh_more_and_unknown_lower_case_words_least():
    assert word_weight("the") == MIN_WEIGHT
    assert MIN_WEIGHT < word_weight("gardens") < word_weight("tariff") < MAX_WEIGHT
    assert word_weight("Lambercier") == MAX_WEIGHT  # a name nobody's word list knows
    assert word_weight("esrevel") == MIN_WEIGHT  # Verne's cipher: no evidence either way


def test_only_lexical_links_count_as_rendered():
    text = "We cultivated our little gardens no more: our flowers were neglected."

    def link(word: str, by: str) -> WordLink:
        start = text.index(word)
        fr = None if by == "none" else (0, (0, 4))
        return WordLink(0, (start, start + len(word)), *(fr or (None, None)), 0.9, by)

    links = [link("cultivated", "encoder"), link("gardens", "lexicon"), link("flowers", "none")]
    found = cover(links, text)
    assert found.words == 3
    assert found.lexical == pytest.approx(word_weight("gardens"))
    assert found.encoder == pytest.approx(word_weight("cultivated"))
    assert found.share == pytest.approx(found.lexical / found.weight)
    # a span counts the links that start inside it
    assert cover(links, text, (0, text.index(":"))).words == 2
    assert WordCover(0, 0.0, 0.0, 0.0).share is None
    assert combined([found, found]).share == pytest.approx(found.share)


def test_a_faithful_kremlin_pair_is_covered_and_an_unrelated_french_is_not():
    en = ["The two leaders discussed cooperation within the Eurasian Economic Union and the CSTO."]
    faithful = [
        "Les deux dirigeants ont discuté de la coopération au sein de l’Union économique "
        "eurasiatique et de l’OTSC."
    ]
    unrelated = ["Le temps sera pluvieux demain dans toute la région de Moscou."]
    for fr, low, high in ((faithful, 0.5, 1.0), (unrelated, 0.0, 0.05)):
        data = event(fr, en, [((0,), (0,))])
        share = sentence_covers(data.links[0], {0: en[0]})[0].share
        assert share is not None and low <= share <= high


def test_the_cosines_call_an_orphan_unless_the_french_renders_its_words():
    orphan = Orphan(
        position=3,
        en=(4,),
        similarity=0.2,
        best_part=0.25,
        others=0.7,
        gain=0.05,
        length_gain=0.0,
        median=0.68,
    )
    config = CheckConfig()
    assert orphan_call(orphan, config) == "similarity"  # no links: the cosines alone
    rendered = WordCover(words=8, weight=20.0, lexical=12.0, encoder=0.0)
    assert orphan_call(Orphan(**{**orphan.__dict__, "words": rendered}), config) is None
    unrendered = WordCover(words=8, weight=20.0, lexical=0.0, encoder=6.0)
    assert orphan_call(Orphan(**{**orphan.__dict__, "words": unrendered}), config) == "similarity"
    # without the margin over the bead's other English, only the words can call it
    close = {**orphan.__dict__, "others": 0.3, "gain": -0.05}
    assert orphan_call(Orphan(**close), config) is None
    assert orphan_call(Orphan(**{**close, "words": unrendered}), config) == "word_coverage"
    # ... and not with too few words to judge
    few = WordCover(words=3, weight=6.0, lexical=0.0, encoder=0.0)
    assert orphan_call(Orphan(**{**close, "words": few}), config) is None


# --- with the encoder (USE-multilingual, bundled weights) --------------------------------


@pytest.fixture(scope="module")
def encoder() -> UseEncoder:
    return UseEncoder(threads=1)  # the project's encoder, without the embedding cache


def test_a_merged_sentence_none_of_whose_words_the_french_renders_is_an_omission(encoder):
    data = event(CONFESSIONS_FR, CONFESSIONS_EN, CONFESSIONS_BEADS, encoder)
    found = [f for f in OmissionCheck().run(data) if f.type == FindingType.OMISSION]
    assert [f.en for f in found] == [(7,)]
    assert found[0].fr == (9,)
    assert found[0].details["called_by"] == "word_coverage"
    assert found[0].details["word_coverage"]["lexical_share"] == 0.0
    assert "none of its" in found[0].message
    # English 9 (bead 8) has no word rendered either, but it is close to its French: the
    # cosines keep it (a loose literary rendering), the words alone never call an omission
    covers = sentence_covers(data.links[8], {9: CONFESSIONS_EN[9], 10: CONFESSIONS_EN[10]})
    assert covers[9].share == 0.0 and covers[10].share > 0.3


def test_without_word_links_the_cosines_alone_miss_it(encoder):
    data = event(CONFESSIONS_FR, CONFESSIONS_EN, CONFESSIONS_BEADS, encoder, links=False)
    assert not any(7 in o.en for o in merged_orphans(data))


def test_a_dropped_clause_whose_words_the_french_leaves_out_is_a_partial_omission(encoder):
    # "…, and by the end of 2019 the second leg will be completed." left out of the French
    fr = list(PIPELINE_FR)
    fr[9] = "La première ligne sera prête en 2018."
    beads = [((i,), (i,)) for i in range(len(PIPELINE_EN))]
    found = PartialOmissionCheck().run(event(fr, PIPELINE_EN, beads, encoder))
    assert [(f.type, f.en) for f in found] == [(FindingType.PARTIAL_OMISSION, (9,))]
    assert found[0].details["called_by"] == "word_coverage"
    assert "2019" in found[0].details["en_span"]
    assert found[0].details["span_word_coverage"]["lexical_share"] == 0.0
    # the cosines alone do not call it (the clause shares the sentence's topic)
    assert PartialOmissionCheck().run(event(fr, PIPELINE_EN, beads, encoder, links=False)) == []
    # and the faithful page raises nothing
    assert PartialOmissionCheck().run(event(PIPELINE_FR, PIPELINE_EN, beads, encoder)) == []


def test_a_span_whose_words_the_french_renders_is_never_a_partial_omission():
    config = CheckConfig()
    rest = WordCover(words=10, weight=25.0, lexical=15.0, encoder=0.0)
    unrendered = WordCover(words=5, weight=12.0, lexical=0.0, encoder=3.0)
    rendered = WordCover(words=5, weight=12.0, lexical=6.0, encoder=0.0)
    assert span_word_call((unrendered, rest), 0.4, 0.12, False, config) == "unrendered"
    assert span_word_call((rendered, rest), 0.1, 0.3, True, config) == "rendered"
    # the cosines must agree, loosely: a French clause run close to it, or no gain, vetoes
    assert span_word_call((unrendered, rest), 0.6, 0.12, False, config) is None
    assert span_word_call((unrendered, rest), 0.4, 0.0, False, config) is None
    assert span_word_call((unrendered, rest), 0.4, 0.0, True, config) == "unrendered"
    # a French that renders little of the rest either is no evidence (a loose rendering)
    loose = WordCover(words=10, weight=25.0, lexical=2.0, encoder=10.0)
    assert span_word_call((unrendered, loose), 0.4, 0.12, False, config) is None
    assert span_word_call(None, 0.4, 0.12, False, config) is None


def test_the_rest_of_an_orphans_bead_is_judged_without_it(encoder):
    data = event(CONFESSIONS_FR, CONFESSIONS_EN, CONFESSIONS_BEADS, encoder)
    scores = bead_similarities(data)
    rescored = PartialOmissionCheck._without(data, scores, {7})
    # bead 6 pairs French 9 with English 6 and the untranslated 7: it is scored as French 9
    # against English 6 alone, as an ordinary pair of the event
    assert rescored[6] == pytest.approx(similarity(encoder, CONFESSIONS_FR[9], CONFESSIONS_EN[6]))
    assert rescored[6] != pytest.approx(scores[6])
    assert [r for k, r in enumerate(rescored) if k != 6] == [
        s for k, s in enumerate(scores) if k != 6
    ]
    # and its English 6 (translated) gets no partial omission once 7 is reported
    found = PartialOmissionCheck().run(data)
    assert not any(set(f.en) & {6, 7} for f in found)
