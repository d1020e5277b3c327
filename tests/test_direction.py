"""The direction check: one test per axis of align/lexicons/polarity.tsv on a real sentence of
the kremlin.ru pages (../shared/kremlin-html), faithful and with its direction flipped; negation,
"no longer" / "ne … plus", comparatives, word links, bad input."""

from __future__ import annotations

import time

import pytest
from shared_data import absent

from align.checks.base import CheckInput
from align.checks.direction import AXIS_WORDS, DirectionCheck, polar_words
from align.checks.phrases import read_lexicon
from align.model import Bead, Finding, Sentence, Side, WordLink
from align.words.lexicon import bilingual


def event(fr: str, en: str, links: tuple[WordLink, ...] | None = None) -> CheckInput:
    return CheckInput(
        fr=(Sentence(Side.FR, 0, fr, 0, (0, len(fr))),),
        en=(Sentence(Side.EN, 0, en, 0, (0, len(en))),),
        beads=(Bead((0,), (0,), 1.0),),
        links=() if links is None else (links,),
    )


def check(fr: str, en: str, links: tuple[WordLink, ...] | None = None) -> list[Finding]:
    return DirectionCheck().run(event(fr, en, links))


# (axis, English, faithful French, flipped French): the English is real kremlin.ru text (or,
# where said, a TransRead gold bead)
AXES = [
    (
        "updown",
        "Real disposable incomes increased by 0.4 percent.",
        "Les revenus réels disponibles ont augmenté de 0,4 %.",
        "Les revenus réels disponibles ont diminué de 0,4 %.",
    ),
    (
        "updown",
        "Incomes in Central Russia are much lower.",
        "Les revenus en Russie centrale sont bien plus bas.",
        "Les revenus en Russie centrale sont bien plus élevés.",
    ),
    (
        "updown",  # "more" / "less" as an amount, compared on the up/down axis
        "There are 2,700 cases, an increase of 400 since yesterday.",
        "On compte 2 700 cas, soit 400 de plus que la veille.",
        "On compte 2 700 cas, soit 400 de moins que la veille.",
    ),
    (
        "balance",
        "The trade balance showed a surplus of 12 billion dollars.",
        "La balance commerciale a été excédentaire de 12 milliards de dollars.",
        "La balance commerciale a été déficitaire de 12 milliards de dollars.",
    ),
    (
        "outcome",
        "Could this result in a loss of Russian influence in the Middle East?",
        "Cela pourrait-il entraîner une perte d’influence de la Russie au Moyen-Orient ?",
        "Cela pourrait-il entraîner un gain d’influence de la Russie au Moyen-Orient ?",
    ),
    (
        "time",
        "I will talk about it a little later.",
        "J’en parlerai un peu plus tard.",
        "J’en ai parlé un peu plus tôt.",
    ),
    (
        "size",
        "We are discussing the possibility of larger volumes.",
        "Nous discutons de la possibilité de volumes plus grands.",
        "Nous discutons de la possibilité de volumes plus petits.",
    ),
    (
        "strength",
        "How does Russia intend to strengthen its cooperation with China?",
        "Comment la Russie entend-elle renforcer sa coopération avec la Chine ?",
        "Comment la Russie entend-elle affaiblir sa coopération avec la Chine ?",
    ),
    (
        "speed",
        "This slowed down the pace of economic growth in the 3rd and 4th quarter.",
        "Cela a ralenti le rythme de la croissance économique aux 3e et 4e trimestres.",
        "Cela a accéléré le rythme de la croissance économique aux 3e et 4e trimestres.",
    ),
    (
        "quality",
        "Our political cooperation is better than ever before.",
        "Notre coopération politique est meilleure que jamais.",
        "Notre coopération politique est pire que jamais.",
    ),
    (
        "trade",
        "Perhaps in order to reduce exports somewhat?",
        "Peut-être afin de réduire quelque peu les exportations ?",
        "Peut-être afin de réduire quelque peu les importations ?",
    ),
    (
        "phase",
        "The economic crisis began soon afterwards and all the money was returned to the budget.",
        "La crise économique a commencé peu après et tout l’argent a été restitué au budget.",
        "La crise économique s’est achevée peu après et tout l’argent a été restitué au budget.",
    ),
    (
        "effect",
        "All this hinders collaboration.",
        "Tout cela entrave la collaboration.",
        "Tout cela favorise la collaboration.",
    ),
    (
        "deal",
        "But we still have to sell these pills at prices fixed in 2009.",
        "Mais nous devons encore vendre ces comprimés à des prix fixés en 2009.",
        "Mais nous devons encore acheter ces comprimés à des prix fixés en 2009.",
    ),
    (
        "permission",
        "Do we need to ban any contacts at all?",
        "Faut-il interdire tout contact ?",
        "Faut-il autoriser tout contact ?",
    ),
    (
        "approval",
        "I remind you that we approved the National Policy Strategy last December.",
        "Je vous rappelle que nous avons approuvé la Stratégie de politique nationale en "
        "décembre dernier.",
        "Je vous rappelle que nous avons rejeté la Stratégie de politique nationale en "
        "décembre dernier.",
    ),
    (
        "inout",
        "As is known, in 2002 the United States pulled out of the Anti-Ballistic Missile Treaty.",
        "Comme on le sait, en 2002, les États-Unis se sont retirés du traité sur les missiles "
        "antibalistiques.",
        "Comme on le sait, en 2002, les États-Unis ont adhéré au traité sur les missiles "
        "antibalistiques.",
    ),
    (
        "access",
        "The Defence Ministry’s decision to close the airport there was very controversial.",
        "La décision du ministère de la Défense de fermer l’aéroport y a été très controversée.",
        "La décision du ministère de la Défense de rouvrir l’aéroport y a été très controversée.",
    ),
    (
        "age",
        "Could you share this experience with the public and the younger generation?",
        "Pourriez-vous partager cette expérience avec le public et la jeune génération ?",
        "Pourriez-vous partager cette expérience avec le public et les plus âgés ?",
    ),
    (
        "distance",
        "Industrial construction of this kind is closer to the Transport Ministry.",
        "Ce type de construction industrielle est plus proche du ministère des Transports.",
        "Ce type de construction industrielle est plus éloigné du ministère des Transports.",
    ),
    (
        "depth",
        "It is work that requires talent and deep knowledge of one’s subject.",
        "C’est un travail qui exige du talent et une connaissance approfondie de son sujet.",
        "C’est un travail qui exige du talent et une connaissance superficielle de son sujet.",
    ),
    (
        "burden",
        "Therefore, it would not be right to simplify procedures here.",
        "Il ne serait donc pas juste de simplifier les procédures dans ce domaine.",
        "Il ne serait donc pas juste de compliquer les procédures dans ce domaine.",
    ),
    (
        "rank",
        "This is the first time I hear about a meeting with Mr Ivanishvili.",
        "C’est la première fois que j’entends parler d’une rencontre avec M. Ivanichvili.",
        "C’est la dernière fois que j’entends parler d’une rencontre avec M. Ivanichvili.",
    ),
    (
        "pushpull",  # TransRead (Vingt mille lieues sous les mers), a gold bead
        "Long horizontal pistons groaned and pushed the tie rods of the drive shaft.",
        "Les longs pistons horizontaux gémirent et poussèrent les bielles de l'arbre.",
        "Les longs pistons horizontaux gémirent et tirèrent les bielles de l'arbre.",
    ),
    (
        "northsouth",
        "You were in the northern town of Tiksi and you know the situation there.",
        "Vous étiez à Tiksi, dans le Nord, et vous connaissez la situation sur place.",
        "Vous étiez à Tiksi, dans le Sud, et vous connaissez la situation sur place.",
    ),
    (
        "eastwest",
        "In Georgia there is a special wine culture, quite different from that in western Europe.",
        "En Géorgie, il existe une culture du vin particulière, bien différente de celle "
        "d’Europe occidentale.",
        "En Géorgie, il existe une culture du vin particulière, bien différente de celle "
        "d’Europe de l’Est.",
    ),
]


@pytest.mark.parametrize(("axis", "en", "faithful", "flipped"), AXES)
def test_each_axis_faithful_is_quiet_and_flip_is_found(
    axis: str, en: str, faithful: str, flipped: str
) -> None:
    assert check(faithful, en) == []
    found = check(flipped, en)
    assert [f.details["axis"] for f in found] == [axis]
    assert found[0].type == "direction"


# Axes of opposite pairs (one axis per pair of meanings), each on a real kremlin.ru sentence:
# (axis, English, faithful French, French with the opposite word)
PAIRS = [
    (
        "success",
        "We have created a network of free trade zones, and some of them are very successful.",
        "Nous avons créé un réseau de zones de libre-échange, dont certaines sont très "
        "fructueuses.",
        "Nous avons créé un réseau de zones de libre-échange, dont certaines sont des échecs.",
    ),
    (
        "friendship",
        "We do not consider you an enemy, so we don’t care.",
        "Nous ne vous considérons pas comme un ennemi, donc cela nous est égal.",
        "Nous ne vous considérons pas comme un allié, donc cela nous est égal.",
    ),
    (
        "legality",
        "Yes, I came here illegally: I pretended to be a journalist.",
        "Oui, je suis venu ici illégalement : je me suis fait passer pour un journaliste.",
        "Oui, je suis venu ici légalement : je me suis fait passer pour un journaliste.",
    ),
    (
        "possibility",
        "Selling them to anyone is simply impossible.",
        "Les vendre à qui que ce soit est tout simplement impossible.",
        "Les vendre à qui que ce soit est tout simplement possible.",
    ),
    (
        "necessity",
        "Many experts now say it was expensive and mostly unnecessary.",
        "Beaucoup d’experts disent aujourd’hui que c’était coûteux et le plus souvent inutile.",
        "Beaucoup d’experts disent aujourd’hui que c’était coûteux et le plus souvent nécessaire.",
    ),
    (
        "truth",
        "It is true that we must work to enhance our system.",
        "Il est vrai que nous devons travailler à améliorer notre système.",
        "Il est faux que nous devions travailler à améliorer notre système.",
    ),
    (
        "safety",
        "This is confusing and it can even be dangerous.",
        "C’est déroutant et cela peut même être dangereux.",
        "C’est déroutant et cela peut même être sans danger.",
    ),
    (
        "ease",
        "The second measure is more difficult, but I think it is more important.",
        "La seconde mesure est plus difficile, mais je pense qu’elle est plus importante.",
        "La seconde mesure est plus facile, mais je pense qu’elle est plus importante.",
    ),
    (
        "wealth",
        "Some regions that are rich in raw materials have incomes as high as 50,000 rubles.",
        "Certaines régions riches en matières premières ont des revenus atteignant 50 000 roubles.",
        "Certaines régions pauvres en matières premières ont des revenus atteignant 50 000 "
        "roubles.",
    ),
    (
        "activity",
        "We must promote them more actively together with the regional authorities.",
        "Nous devons les promouvoir plus activement avec les autorités régionales.",
        "Nous devons les promouvoir plus passivement avec les autorités régionales.",
    ),
    (
        "sector",
        "But the government has pulled out of the project, leaving one private investor.",
        "Mais l’État s’est retiré du projet, laissant un seul investisseur privé.",
        "Mais l’État s’est retiré du projet, laissant un seul investisseur public.",
    ),
    (
        "domain",
        "Over 1,000 Russian and 200 foreign journalists were accredited.",
        "Plus de 1 000 journalistes russes et 200 journalistes étrangers ont été accrédités.",
        "Plus de 1 000 journalistes russes et 200 journalistes intérieurs ont été accrédités.",
    ),
    (
        "novelty",
        "It is important that new law On Education allows for the development of this sector.",
        "Il est important que la nouvelle loi sur l’éducation permette de développer ce secteur.",
        "Il est important que l’ancienne loi sur l’éducation permette de développer ce secteur.",
    ),
    (
        "temperature",
        "A year has gone by and it’s still as cold: minus 46C.",
        "Une année a passé et il fait toujours aussi froid : moins 46 °C.",
        "Une année a passé et il fait toujours aussi chaud : moins 46 °C.",
    ),
    (
        "stance",
        "This attack simply represents the desire to make oneself known and scare people.",
        "Cette attaque traduit simplement le désir de se faire connaître et d’effrayer les gens.",
        "Cette défense traduit simplement le désir de se faire connaître et d’effrayer les gens.",
    ),
    (
        "similarity",
        "He expected it to be a little bit different.",
        "Il s’attendait à ce que ce soit un peu différent.",
        "Il s’attendait à ce que ce soit un peu identique.",
    ),
    (
        "inclusion",
        "Visas are not included in World Trade Organisation rules.",
        "Les visas ne sont pas inclus dans les règles de l’Organisation mondiale du commerce.",
        "Les visas ne sont pas exclus des règles de l’Organisation mondiale du commerce.",
    ),
    (
        "formality",
        "The number of officially registered unemployed is 1%.",
        "Le nombre de chômeurs officiellement enregistrés est de 1 %.",
        "Le nombre de chômeurs officieusement enregistrés est de 1 %.",
    ),
    (
        "duration",
        "I think we will discuss this at a meeting with permanent members of the Security Council.",
        "Je pense que nous en discuterons lors d’une réunion avec les membres permanents du "
        "Conseil de sécurité.",
        "Je pense que nous en discuterons lors d’une réunion avec les membres temporaires du "
        "Conseil de sécurité.",
    ),
    (
        "obligation",
        "Of course, this is all voluntary, and we need to have full consensus on this matter.",
        "Bien sûr, tout cela est volontaire, et il nous faut un plein consensus sur cette "
        "question.",
        "Bien sûr, tout cela est obligatoire, et il nous faut un plein consensus sur cette "
        "question.",
    ),
    (
        "guilt",
        "I am guilty, perhaps I should not have said this.",
        "Je suis coupable, je n’aurais peut-être pas dû dire cela.",
        "Je suis innocent, je n’aurais peut-être pas dû dire cela.",
    ),
    (
        "directness",
        "I don’t think this is directly related to the issues you mentioned.",
        "Je ne pense pas que cela soit directement lié aux questions que vous avez évoquées.",
        "Je ne pense pas que cela soit indirectement lié aux questions que vous avez évoquées.",
    ),
    (
        "sides",
        "The meeting covered the development of bilateral relations and border cooperation.",
        "La rencontre a porté sur le développement des relations bilatérales et de la coopération "
        "frontalière.",
        "La rencontre a porté sur le développement des relations multilatérales et de la "
        "coopération frontalière.",
    ),
]


@pytest.mark.parametrize(("axis", "en", "faithful", "flipped"), PAIRS)
def test_each_pair_axis_faithful_is_quiet_and_flip_is_found(
    axis: str, en: str, faithful: str, flipped: str
) -> None:
    assert check(faithful, en) == []
    assert axis in {f.details["axis"] for f in check(flipped, en)}


def test_every_axis_says_its_directions_in_plain_words() -> None:
    axes = {e["axis"] for e in read_lexicon("polarity.tsv").entries if not e.blocker}
    assert axes - {"amount"} <= set(AXIS_WORDS)


def test_every_axis_of_the_lexicon_is_tested() -> None:
    axes = {e["axis"] for e in read_lexicon("polarity.tsv").entries if not e.blocker}
    assert axes == {axis for axis, *_ in AXES} | {axis for axis, *_ in PAIRS} | {"amount"}


def test_message_names_both_words_in_plain_words() -> None:
    [finding] = check("Le PIB a diminué de 3 %.", "GDP rose by 3 percent.")
    assert (
        finding.message
        == "English says up / higher (“rose”); the French says down / lower (“diminué”)"
    )
    assert finding.severity == "medium"
    assert finding.details["en_words"][0]["text"] == "rose"
    assert finding.details["evidence"] == "bead"


def test_record_low_rendered_as_a_historic_high() -> None:
    en = "Unemployment fell to a record low of 2.3 percent."
    assert check("Le chômage est tombé à un niveau historiquement bas de 2,3 %.", en) == []
    [finding] = check("Le chômage est tombé à un niveau historiquement haut de 2,3 %.", en)
    assert "“haut”" in finding.message


def test_inflections_are_read_through_lemmas() -> None:
    en = "The social pension has also grown."
    assert check("La pension sociale a également progressé.", en) == []
    assert check("La pension sociale a également reculé.", en)
    assert check("Les pensions sociales reculaient également.", en)


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        # a negated direction word counts for neither direction
        ("Le chômage ne baisse plus.", "Unemployment is no longer rising."),
        ("Les prix n’ont pas baissé, ils ont augmenté.", "Prices did not fall, they rose."),
        # "ne … plus" is a negation, not "more"
        (
            "Nous ne pouvons plus attendre, le déficit se réduit.",
            "We cannot wait, the deficit is shrinking.",
        ),
        # blockers: "au moins", "d'après", "avant tout" say no direction
        (
            "D’après le ministère, au moins 5 % des écoles ferment.",
            "According to the ministry, some schools are closing before the summer.",
        ),
        # comparatives: "plus élevé" = higher; "moins cher" against nothing in English
        ("Les impôts sont plus élevés.", "Taxes are higher."),
        ("Le gaz est moins cher.", "Gas is cheaper."),
    ],
)
def test_faithful_renderings_raise_nothing(fr: str, en: str) -> None:
    assert check(fr, en) == []


def test_no_longer_is_not_a_rise() -> None:
    words = polar_words(Sentence(Side.EN, 0, "Inflation is no longer rising.", 0, (0, 30)), "en")
    assert [(w.text, w.negated) for w in words] == [("rising", True)]
    fr = polar_words(Sentence(Side.FR, 0, "L’inflation ne baisse plus.", 0, (0, 27)), "fr")
    assert [(w.text, w.negated) for w in fr] == [("baisse", True), ("plus", True)]


def test_a_less_comparative_turns_the_adjective_around() -> None:
    en = "The number of unsolved crimes is higher than the year before."
    [finding] = check(
        "Le nombre de crimes non élucidés est moins élevé que l’année précédente.", en
    )
    assert finding.details["axis"] == "updown"
    assert "moins élevé" in finding.message


def test_more_against_less_alone_is_weak_evidence() -> None:
    [finding] = check(
        "Cela rend le système moins efficace.", "This makes the system more effective."
    )
    assert finding.severity == "low"
    assert finding.message.startswith("English says more")


def test_mixed_directions_are_counted() -> None:
    en = "Exports rose while imports fell."
    assert check("Les exportations ont augmenté tandis que les importations ont baissé.", en) == []
    found = check("Les exportations ont baissé tandis que les importations ont baissé.", en)
    assert [(f.details["axis"], f.severity, f.details["evidence"]) for f in found] == [
        ("updown", "low", "count")
    ]


def _link(en: str, en_word: str, fr: str, fr_word: str, by: str = "encoder") -> WordLink:
    e, f = en.index(en_word), fr.index(fr_word)
    return WordLink(0, (e, e + len(en_word)), 0, (f, f + len(fr_word)), 0.8, by)


def test_a_link_to_the_opposite_word_is_strong_evidence() -> None:
    en = "Exports rose while imports fell."
    fr = "Les exportations ont baissé tandis que les importations ont baissé."
    links = (_link(en, "rose", fr, "baissé"),)
    [finding] = check(fr, en, links)
    assert finding.details["evidence"] == "link"
    assert finding.severity == "medium"
    assert finding.details["en_words"][0]["text"] == "rose"


def test_link_and_bead_agreeing_make_it_high() -> None:
    en, fr = "GDP rose by 3 percent.", "Le PIB a diminué de 3 %."
    [finding] = check(fr, en, (_link(en, "rose", fr, "diminué"),))
    assert (finding.severity, finding.details["evidence"]) == ("high", "link")


def test_links_that_pair_alike_words_silence_a_count() -> None:
    en = "Prices rose and wages rose, but fewer people bought cars."
    fr = "Les prix ont augmenté et les salaires aussi, mais moins de gens ont acheté des voitures."
    links = (_link(en, "rose", fr, "augmenté"), _link(en, "fewer", fr, "moins"))
    assert check(fr, en, links) == []


@pytest.mark.parametrize(
    "text",
    [
        "augmentation " * 1500,
        "1 2 3 4 5 " * 2000,
        "Цены выросли на 5 процентов. " * 300,
        "Ω" * 10000,
    ],
)
def test_bad_input_is_bounded(text: str) -> None:
    start = time.perf_counter()
    check(text, text)
    assert time.perf_counter() - start < 20  # generous: a hang, not a benchmark


def _french_directions(text: str) -> set[tuple[str, int]]:
    words = polar_words(Sentence(Side.FR, 0, text, 0, (0, len(text))), "fr")
    return {("updown" if w.axis == "amount" else w.axis, w.sign) for w in words}


def _english_words() -> list[tuple[str, str, int]]:
    return [
        (
            e.term,
            "updown" if e["axis"] == "amount" else e["axis"],
            1 if e["polarity"] == "+" else -1,
        )
        for e in read_lexicon("polarity.tsv").entries
        if e.lang == "en" and not e.blocker and len(e.words) == 1
    ]


def test_the_dictionary_never_renders_an_english_direction_word_by_an_opposite_french_one() -> None:
    """Every FreeDict rendering of every one-word English entry that the French lexicon reads
    on the same axis carries the same direction there."""
    if not bilingual():  # `make test` installs it; CI must have it
        absent("FreeDict English–French is not installed (apt-get install dict-freedict-eng-fra)")
    contradictions = [
        (term, rendering)
        for term, axis, sign in _english_words()
        for rendering in bilingual().renderings(term)
        if (axis, -sign) in (said := _french_directions(rendering)) and (axis, sign) not in said
    ]
    assert contradictions == []


#: Core words of each axis whose dictionary renderings the French lexicon must cover (where
#: FreeDict has the word; "east" is "est", which the lexicon reads only as "l'est", "à l'est").
CORE = (
    *("increase", "decrease", "rise", "decline", "high", "low", "gain", "loss", "after"),
    *("before", "later", "end", "begin", "large", "small", "weaken", "accelerate", "slow"),
    *("improve", "stimulate", "hinder", "import", "sell", "buy", "allow", "ban", "approve"),
    *("reject", "withdraw", "open", "young", "old", "near", "far", "deep", "north", "south"),
    "west",
)


def test_the_french_lexicon_covers_the_dictionary_renderings_of_core_words() -> None:
    if not bilingual():
        absent("FreeDict English–French is not installed (apt-get install dict-freedict-eng-fra)")
    axes = {term: (axis, sign) for term, axis, sign in _english_words()}
    uncovered = [
        word
        for word in CORE
        if bilingual().renderings(word)
        and not any(axes[word] in _french_directions(r) for r in bilingual().renderings(word))
    ]
    assert uncovered == []


@pytest.mark.parametrize(
    ("fr", "en"),
    [
        # "peu" before a verb of change says how much, not which way (kremlin.ru)
        (
            "Les salaires réels ont quelque peu baissé sous l’effet de la crise.",
            "Actual wages have somewhat declined as a result of the crisis developments.",
        ),
        # ... but before an adjective it turns it around
        ("Il y a là une eau peu profonde.", "The water at this spot is shallow."),
        # a word copied from the other side is a name
        (
            "Nord Stream et South Stream sont deux gazoducs.",
            "Nord Stream and South Stream are two pipelines.",
        ),
        # "shortly after": "peu" before a point in time says how far
        ("La crise a commencé peu après.", "The crisis began soon afterwards."),
        # a weak word joined to a point of time: "since yesterday" = "que la veille"
        (
            "On compte 2 700 cas, soit 400 de plus que la veille.",
            "There are 2,700 cases, an increase of 400 since yesterday.",
        ),
        # the start or end of a year is a time frame (the qualifier check's)
        ("Ce sera fait début 2019.", "It will be done by the end of 2019."),
    ],
)
def test_direction_words_read_in_context(fr: str, en: str) -> None:
    assert check(fr, en) == []


def test_a_sure_link_to_a_word_of_no_direction_shows_another_sense() -> None:
    # TransRead (La Faute de l'abbé Mouret), a gold bead: "before the altar" = "devant l'autel"
    en = "She came back breathless to give a hasty sweep before the altar."
    fr = "Après avoir ramené son bonnet, la Teuse revint donner un coup de balai devant l'autel."
    assert check(fr, en)  # alone, "before" against "Après" looks like a flip
    assert check(fr, en, (_link(en, "before", fr, "devant", "lexicon"),)) == []


def test_a_link_to_the_farther_opposite_word_is_not_taken() -> None:
    # TransRead (Emma), a gold bead: the encoder linked "youngest" to "aînée" (the sister)
    en = "She was the youngest of the two daughters; her sister married."
    fr = "Fille cadette d’un père affectueux, elle vit se marier sa sœur aînée."
    assert check(fr, en, (_link(en, "youngest", fr, "aînée"),)) == []
    flipped = "Fille aînée d’un père affectueux, elle vit se marier sa sœur aînée."
    assert check(flipped, en, (_link(en, "youngest", flipped, "aînée"),))


def test_weak_words_make_a_note() -> None:
    # TransRead (Du côté de chez Swann): "since" is also "because"; "depuis" also "for"
    en = "The unpleasantness my family had made Swann feel since his marriage."
    assert check("La peine qu’on avait faite à Swann depuis son mariage.", en) == []
    [finding] = check("La peine qu’on avait faite à Swann avant son mariage.", en)
    assert (finding.details["axis"], finding.severity) == ("time", "low")


def test_a_negated_word_against_a_negated_opposite_is_a_flip() -> None:
    # kremlin-tune2: "without any loss in quality" → "sans aucun gain de qualité"
    en = "The Transport Ministry could perform the same functions without any loss in quality."
    assert check("Le ministère des Transports pourrait assurer les mêmes fonctions sans "
                 "aucune perte de qualité.", en) == []  # fmt: skip
    [finding] = check(
        "Le ministère des Transports pourrait assurer les mêmes fonctions sans aucun gain de "
        "qualité.",
        en,
    )
    assert finding.details["negated"] and finding.message.startswith("Under a negation")
    assert check("Les prix n’ont pas augmenté.", "Prices did not fall.")


def test_an_act_that_begins_is_no_phase_of_events() -> None:
    # TransRead (Alice), a gold bead: "began running" = "partit"; "finirait" is the race's end
    en = "They began running when they liked, so it was not easy to know when the race was over."
    fr = "Chacun partit quand il voulut, si bien qu'on ne savait pas quand la course finirait."
    assert check(fr, en) == []


def test_words_far_apart_make_a_note() -> None:
    # TransRead (La Faute de l'abbé Mouret), a gold bead: the English word ends the sentence,
    # the French opposite starts it: the two say the direction of different things
    en = "Having set her cap straight, she came back breathless to sweep before the altar."
    fr = "Après avoir ramené son bonnet, essoufflée, la Teuse revint donner un coup de balai."
    [finding] = check(fr, en)
    assert (finding.details["axis"], finding.severity) == ("time", "low")
