"""WordNet (Debian `wordnet-base`) as a resource of the `direction` check: antonyms of
adjectives, French words whose dictionary meanings give a direction of the polarity lexicon,
each on a real kremlin.ru sentence; behaviour without WordNet; "sans X" negates X only."""

from __future__ import annotations

import warnings

import pytest
from shared_data import absent

from align.checks import antonyms
from align.checks import wordnet as wordnet_module
from align.checks.antonyms import french_directions, linked_antonyms
from align.checks.base import CheckInput
from align.checks.direction import DirectionCheck
from align.checks.phrases import negation_scopes
from align.checks.wordnet import WordNet, WordNetWarning, wordnet
from align.model import Bead, Sentence, Severity, Side, WordLink
from align.words import lexicon as words_lexicon


def needs_wordnet() -> WordNet:
    net = wordnet()
    if not net:  # the Makefile's `dictionaries` target installs it; CI must have it
        absent("English WordNet is not installed (apt-get install wordnet-base)")
    return net


def needs_dictionary() -> None:
    """The wide lexicon of the word links: FreeDict and the Apertium pivot pairs (FreeDict
    alone has none of "restreindre", "restriction", "instable")."""
    if not antonyms._dictionary():
        absent("FreeDict English–French is not installed (apt-get install dict-freedict-eng-fra)")
    if not words_lexicon.pivot_lexicon():
        absent("the Apertium dictionaries are not installed (align/words/pivot.py names them)")


def sentence(side: Side, text: str) -> Sentence:
    return Sentence(side, 0, text, 0, (0, len(text)))


def link(en: str, en_word: str, fr: str, fr_word: str, by: str) -> WordLink:
    e, f = en.index(en_word), fr.index(fr_word)
    return WordLink(0, (e, e + len(en_word)), 0, (f, f + len(fr_word)), 0.9, by)


def run(en: str, fr: str, links: tuple[WordLink, ...]):
    data = CheckInput(
        fr=(sentence(Side.FR, fr),),
        en=(sentence(Side.EN, en),),
        beads=(Bead((0,), (0,), 1.0),),
        links=(links,),
    )
    return DirectionCheck().run(data)


def test_antonyms_reach_through_adjective_clusters_and_derived_forms() -> None:
    net = needs_wordnet()
    assert "contract" in net.meaning("expand")[1]  # a verb's direct antonym
    assert "small" in net.meaning("enormous", "a")[1]  # satellite → head "large" → "small"
    assert "unstable" in net.meaning("stable", "a")[1]
    assert "decrease" in net.meaning("increase")[1]
    assert "curb" in net.synonyms("restrict")  # first sense only, not widened
    assert "large" not in net.meaning("enormous", "a")[1]


def test_a_french_word_takes_the_direction_its_dictionary_meanings_give() -> None:
    needs_wordnet()
    needs_dictionary()
    # "restreindre" is in no lexicon row: the dictionary says "restrict", WordNet's first
    # sense of it "curb, curtail, cut back", which the lexicon reads as down
    directions, listed = french_directions("restreindre")
    assert ("updown", -1) in directions and not listed
    assert french_directions("augmenter") == (frozenset({("updown", 1)}), True)


EN_EXPAND = (
    "With regards to the economy, we must focus primarily on expanding our cooperation in the "
    "high-tech sector."
)


def test_a_linked_french_word_whose_meanings_say_the_opposite_is_a_flip() -> None:
    needs_wordnet()
    needs_dictionary()
    faithful = (
        "En ce qui concerne l’économie, nous devons nous concentrer avant tout sur "
        "l’élargissement de notre coopération dans le secteur des hautes technologies."
    )
    flipped = faithful.replace("l’élargissement", "la restriction")
    assert (
        run(
            EN_EXPAND,
            faithful,
            (link(EN_EXPAND, "expanding", faithful, "élargissement", "encoder"),),
        )
        == []
    )
    (finding,) = run(
        EN_EXPAND, flipped, (link(EN_EXPAND, "expanding", flipped, "restriction", "encoder"),)
    )
    assert finding.details["axis"] == "updown"
    assert finding.details["evidence"] == "dictionary"
    assert finding.severity is Severity.LOW  # an encoder link alone: a note
    assert "(“restriction”), which the dictionary renders “" in finding.message
    assert finding.details["antonym"] in antonyms.french_meanings("restriction")


EN_STABLE = "I can report that the situation in the food market is stable."


def test_an_adjective_rendered_by_its_wordnet_antonym_is_a_flip() -> None:
    needs_wordnet()
    needs_dictionary()
    faithful = "Je peux vous informer que la situation sur le marché alimentaire est stable."
    flipped = faithful.replace("est stable", "est instable")
    assert (
        run(EN_STABLE, faithful, (link(EN_STABLE, "stable", faithful, "stable", "identical"),))
        == []
    )
    (finding,) = run(
        EN_STABLE, flipped, (link(EN_STABLE, "stable", flipped, "instable", "lexicon"),)
    )
    assert finding.details["axis"] == "antonym"
    assert finding.details["antonym"] == "unstable"
    assert finding.severity is Severity.MEDIUM  # the dictionary links the two words
    (note,) = run(EN_STABLE, flipped, (link(EN_STABLE, "stable", flipped, "instable", "encoder"),))
    assert note.severity is Severity.LOW


def test_the_other_half_of_an_act_is_no_antonym() -> None:
    needs_wordnet()
    needs_dictionary()
    # "give" / "take": WordNet antonyms of verbs; "faire" means "take" among fifteen things
    en = "We have given instructions to the Government."
    fr = "Nous avons fait des recommandations au Gouvernement."
    assert (
        linked_antonyms(
            (sentence(Side.EN, en),),
            (sentence(Side.FR, fr),),
            (link(en, "given", fr, "fait", "encoder"),),
        )
        == []
    )


def test_without_wordnet_one_warning_and_the_lexicon_alone(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(wordnet_module.WORDNET_ENV, str(tmp_path))
    monkeypatch.setattr(wordnet_module, "WORDNET_DIRS", ())
    wordnet.cache_clear()
    antonyms.french_meanings.cache_clear()
    antonyms.french_directions.cache_clear()
    try:
        with pytest.warns(WordNetWarning, match="apt-get install wordnet-base"):
            net = wordnet()
        assert not net and net.meaning("expand") == (frozenset(), frozenset())
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # said once, not at every bead
            assert not wordnet()
            en = "Real disposable incomes increased by 0.4 percent."
            fr = "Les revenus réels disponibles ont diminué de 0,4 %."
            (finding,) = run(en, fr, (link(en, "increased", fr, "diminué", "encoder"),))
            assert finding.details["axis"] == "updown"  # the polarity lexicon still works
    finally:
        wordnet.cache_clear()
        antonyms.french_meanings.cache_clear()
        antonyms.french_directions.cache_clear()


def test_sans_negates_its_noun_not_the_verb_after_it() -> None:
    # "sans hésitation réduit": the cut is said, not negated (before: "réduit" was under it)
    text = "Le Gouvernement a sans hésitation réduit les tarifs."
    scopes = negation_scopes(text, "fr")
    assert [text[a:b] for a, b in scopes] == ["sans hésitation"]
    text = "Le Gouvernement a réduit sans aucun délai les tarifs."
    assert next(text[a:b] for a, b in negation_scopes(text, "fr")) == "sans aucun délai"
    text = "The Government cut the tariffs without delay."
    assert [text[a:b] for a, b in negation_scopes(text, "en")] == ["without delay"]
    # a verb's negation still reaches its verb
    text = "Les tarifs n’ont pas baissé."
    assert any("baissé" in text[a:b] for a, b in negation_scopes(text, "fr"))


def test_opposite_directions_across_axes_of_magnitude_are_a_note() -> None:
    # kremlin.ru: "promoting" (fostering) rendered "freinant" (slowing, the speed axis):
    # the two sides say more and less of one thing, counted word by word across the axes
    en = (
        "The media, especially in the Caucasus, play a critical role not only in promoting "
        "stability, but also in ensuring a positive outcome."
    )
    faithful = (
        "Les médias, en particulier dans le Caucase, jouent un rôle essentiel non seulement "
        "pour favoriser la stabilité, mais aussi pour garantir une issue positive."
    )
    altered = faithful.replace("pour favoriser", "en freinant")
    assert DirectionCheck().run(event(en, faithful)) == []
    (finding,) = DirectionCheck().run(event(en, altered))
    assert finding.details["axis"] == "magnitude"
    assert finding.severity is Severity.LOW
    # a word of many senses does not count: "tout le long" is all the way, not a size
    en = "A circumstance which greatly strengthened the bad opinion they had of me."
    fr = "Tout le long du chemin, une chose qui diminua la mauvaise opinion qu'ils avaient de moi."
    (finding,) = DirectionCheck().run(event(en, fr))
    assert finding.details["axis"] == "magnitude"


def event(en: str, fr: str) -> CheckInput:
    return CheckInput(
        fr=(sentence(Side.FR, fr),),
        en=(sentence(Side.EN, en),),
        beads=(Bead((0,), (0,), 1.0),),
    )
