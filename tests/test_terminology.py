"""Terminology: matching renderings, finding terms, one rendering per term across posts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from align.terminology import annotate, parse_glossary
from align.terminology.cache import CACHE_FILE
from align.terminology.corpus import check_corpus
from align.terminology.model import SentenceWords
from align.terminology.terms import candidates, term_key
from align.terminology.text import find_rendering, phrase_keys, words

# --- renderings: inflection, articles, order ------------------------------------------------


def _found(french: str, rendering: str) -> list[str]:
    return [
        m.text
        for m in find_rendering([(0, french, words(french, "fr"))], phrase_keys(rendering, "fr"))
    ]


def test_articles_elision_inflection_and_order_are_tolerated() -> None:
    assert _found("Il a écrit à l’Assemblée fédérale.", "Assemblée fédérale") == [
        "Assemblée fédérale"
    ]
    assert _found("les assemblées fédérales se réunissent", "Assemblée fédérale") == [
        "assemblées fédérales"
    ]
    assert _found("la Douma d’État et la Douma d’État", "Douma d’État") == [
        "Douma d’État",
        "Douma d’État",
    ]
    # one inserted word, and the nation as adjective or country
    assert _found("le ministère russe des Finances", "ministère des Finances") == [
        "ministère russe des Finances"
    ]
    assert _found("le gouvernement de la Russie", "gouvernement russe") == [
        "gouvernement de la Russie"
    ]


def test_a_different_word_is_not_the_rendering() -> None:
    assert _found("le Conseil de sûreté", "Conseil de sécurité") == []
    assert _found("les projets nationalistes", "projets nationaux") == []
    assert _found("la Grande Guerre", "Grande Guerre patriotique") == []
    assert _found("le gouvernorat", "gouvernement") == []
    # two phrases are not one rendering; a rendering's own "et" is part of it
    assert _found("la Russie et les États-Unis", "Russie unie") == []
    assert _found("la Douma, l’État", "Douma d’État") == []
    assert _found(
        "au ministère de l’Industrie et du Commerce", "ministère de l’Industrie et du Commerce"
    )
    # derived adjectives stand for their noun, only for real suffixes
    assert _found("les services gouvernementaux", "gouvernement") == ["gouvernementaux"]
    assert _found("l’ordre constitutionnel", "Constitution") == ["constitutionnel"]


# --- terms in English --------------------------------------------------------------------------


def _terms(english: str) -> list[str]:
    sentence = SentenceWords(0, english, words(english, "en"))
    return [sentence.text[slice(*c.span)] for c in candidates(sentence, 6)]


def test_capitalised_runs_their_parts_and_lower_case_compounds() -> None:
    found = _terms(
        "I ask the Prosecutor General’s Office, the Interior Ministry and other concerned"
        " agencies to assess the efficiency of national projects."
    )
    for term in (
        "Prosecutor General’s Office",
        "Prosecutor General",
        "Office",
        "Interior Ministry",
        "national projects",
        "concerned agencies",
    ):
        assert term in found
    assert "Office, the Interior" not in found  # punctuation ends a run


def test_sentence_starts_nationalities_and_general_words_are_not_terms() -> None:
    found = _terms("Thank you. Last year the Russian Government adopted new programmes.")
    assert "Thank" not in found and "Russian" not in found
    assert "Government" in found and "Russian Government" in found
    assert "new programmes" not in found and "Last year" not in found
    assert _terms("State Duma deputies met.")[0] == "State"  # a name may start a sentence


def test_term_keys_ignore_order_and_articles_but_keep_a_single_words_capital() -> None:
    assert term_key(words("Interior Ministry", "en")) == term_key(
        words("Ministry of the Interior", "en")
    )
    assert term_key(words("the Government", "en")) != term_key(words("the government", "en"))


# --- one rendering per term, across posts ---------------------------------------------------


def _event(index: int, en: str, fr: str, links: list[tuple[str, str]]) -> dict:
    """An event of one bead; links given as (English words, French words) found in the texts."""
    found = []
    for english, french in links:
        start = en.index(english)
        fr_start = fr.index(french) if french else None
        found.append(
            {
                "en": [0, [start, start + len(english)]],
                "fr": None if fr_start is None else [0, [fr_start, fr_start + len(french)]],
                "score": 0.9,
                "by": "lexicon" if french else "none",
            }
        )
    return {
        "index": index,
        "title": f"event {index}",
        "compared": True,
        "fr_sentences": [{"id": 0, "text": fr, "kind": "body"}],
        "en_sentences": [{"id": 0, "text": en, "kind": "body"}],
        "alignment": [{"fr": [0], "en": [0], "score": 0.8, "links": found}],
        "findings": [{"id": "0" * 16, "type": "number", "severity": "low", "fr": [0], "en": [0]}],
        "summary": {"counts": {"number": 1}, "by_severity": {"low": 1}},
    }


# Real kremlin.ru English (17173, 17586, 56378), French as a consistent translator writes it.
DUMA = [
    (
        "In response to US Congress passing the Magnitsky Act, the State Duma adopted"
        " restrictive measures against US nationals who want to adopt Russian orphans.",
        "En réponse à l’adoption de la loi Magnitski par le Congrès américain, la Douma d’État"
        " a adopté des mesures restrictives visant les ressortissants américains.",
    ),
    (
        "First, more people got a better idea of what the State Duma stands for.",
        "Premièrement, davantage de gens ont mieux compris ce que représente la Douma d’État.",
    ),
    (
        "I would like to request the State Duma to accelerate the adoption of this law.",
        "Je voudrais demander à la Douma d’État d’accélérer l’adoption de cette loi.",
    ),
    (
        "And now the State Duma is preparing to discuss the abolition of such elections once"
        " again.",
        "Et voilà que la Douma d’État s’apprête à débattre de nouveau de la suppression de ces"
        " élections.",
    ),
]
LINKS = [("State", "État"), ("Duma", "Douma")]


def _post(name: str, pairs: list[tuple[str, str]], links: list[list[tuple[str, str]]]) -> dict:
    return {
        "path": f"{name}.txt",
        "stem": name,
        "events": [
            _event(
                n,
                en,
                fr,
                [link for link in chosen if link[1] in fr]
                + [(e, "") for e, f in chosen if f not in fr],
            )
            for n, ((en, fr), chosen) in enumerate(zip(pairs, links, strict=True), start=1)
        ],
    }


def _corpus(last_french: str) -> list[dict]:
    pairs = [*DUMA[:3], (DUMA[3][0], last_french)]
    return [
        _post("a", pairs[:2], [LINKS, LINKS]),
        _post("b", pairs[2:], [LINKS, [("State", "Chambre"), ("Duma", "basse")]]),
    ]


SYNONYM = (
    "Et voilà que la Chambre basse s’apprête à débattre de nouveau de la suppression de ces"
    " élections."
)


def _findings(documents: list[dict]) -> list[dict]:
    return [
        f
        for d in documents
        for e in d["events"]
        for f in e["findings"]
        if f["type"] == "terminology"
    ]


def test_a_minority_rendering_in_another_post_is_a_finding_with_the_counts() -> None:
    faithful = annotate(_corpus(DUMA[3][1]))
    assert _findings(faithful.documents) == []
    outcome = annotate(_corpus(SYNONYM))
    (finding,) = _findings(outcome.documents)
    assert finding["message"].startswith(
        "'State Duma' is rendered 'Douma d’État' 3 times out of 4 in the checked posts;"
        " here 'Chambre basse'"
    )
    assert finding["details"]["kind"] == "consistency"
    assert finding["details"]["counts"] == {"Douma d’État": 3, "Chambre basse": 1}
    assert finding["details"]["fr_span"] == [
        SYNONYM.index("Chambre"),
        SYNONYM.index("Chambre") + 13,
    ]
    # it sits in the second post's second event, whose summary now counts it
    event = outcome.documents[1]["events"][1]
    assert finding in event["findings"]
    assert event["summary"]["counts"] == {"number": 1, "terminology": 1}
    assert outcome.changed == ["b.txt"]


def test_the_english_left_in_the_french_is_named() -> None:
    left = "Et voilà que la State Duma s’apprête à débattre de nouveau de ces élections."
    documents = _corpus(left)
    documents[1]["events"][1]["alignment"][0]["links"] = [
        {
            "en": [0, [span[0], span[1]]],
            "fr": [0, [left.index("State"), left.index("State") + 10]],
            "score": 1.0,
            "by": "identical",
        }
        for span in [(DUMA[3][0].index("State Duma"), DUMA[3][0].index("State Duma") + 10)]
    ]
    (finding,) = _findings(annotate(documents).documents)
    assert "left in English ('State Duma')" in finding["message"]
    assert finding["severity"] == "medium"


def test_ids_are_stable_across_runs_and_ignored_ones_are_removed_and_counted() -> None:
    first = _findings(annotate(_corpus(SYNONYM)).documents)
    again = _findings(annotate(_corpus(SYNONYM)).documents)
    assert [f["id"] for f in first] == [f["id"] for f in again]
    ignored = annotate(_corpus(SYNONYM), ignore_ids=[first[0]["id"]])
    assert _findings(ignored.documents) == []
    event = ignored.documents[1]["events"][1]
    assert event["summary"]["ignored"] == 1 and event["summary"]["counts"] == {"number": 1}
    # a second run over the written result counts it once, not twice
    rerun = annotate(ignored.documents, ignore_ids=[first[0]["id"]])
    assert rerun.documents[1]["events"][1]["summary"]["ignored"] == 1


def test_document_and_index_summaries() -> None:
    outcome = annotate(_corpus(SYNONYM))
    terms = {t["term"]: t for t in outcome.documents[1]["terminology"]["terms"]}
    duma = terms["State Duma"]
    assert duma["count"] == 2 and duma["corpus_count"] == 4 and duma["source"] == "corpus"
    assert duma["expected"] == "Douma d’État"
    assert duma["renderings"] == [
        {"text": "Douma d’État", "count": 1, "corpus_count": 3},
        {"text": "Chambre basse", "count": 1, "corpus_count": 1},
    ]
    finding = _findings(outcome.documents)[0]
    assert [o["finding"] for o in duma["occurrences"]] == [None, finding["id"]]
    assert duma["occurrences"][1]["event"] == 1 and duma["occurrences"][1]["alignment"] == 0
    index = {t["term"]: t for t in outcome.index["terms"]}["State Duma"]
    assert index["documents"] == 2 and index["findings"] == 1 and index["corpus_count"] == 4
    assert {o["document"] for o in index["occurrences"]} == {"a", "b"}
    assert outcome.index["findings"] == 1
    json.dumps(outcome.index)  # plain JSON


def test_a_change_in_one_post_moves_findings_in_others_and_the_run_says_so(tmp_path: Path) -> None:
    # three posts say "Douma d’État" once each, a fourth "Chambre basse" twice: the fourth
    # is the exception; then two posts switch to "Chambre basse" and the majority flips
    def posts(switched: int) -> list[dict]:
        out = []
        for n, (en, fr) in enumerate(DUMA[:3]):
            if n < switched:
                fr = fr.replace("Douma d’État", "Chambre basse")
            out.append(_post(f"p{n}", [(en, fr)], [LINKS]))
        synonym = [DUMA[3][0], SYNONYM]
        out.append(_post("p3", [tuple(synonym)], [LINKS]))
        return out

    first = check_corpus(posts(0), [True] * 4, tmp_path)
    assert [d["path"] for d in first.outcome.documents if _findings([d])] == ["p3.txt"]
    assert (tmp_path / CACHE_FILE).is_file()
    # p0 and p1 changed; p2 and p3 did not, but their findings move
    second = check_corpus(
        [*posts(2)[:2], *first.outcome.documents[2:]], [True, True, False, False], tmp_path
    )
    assert [d["path"] for d in second.outcome.documents if _findings([d])] == ["p2.txt"]
    assert second.rewrite == [0, 1, 2, 3]
    assert any(
        "other posts changed" in note and "p2.txt" in note and "p3.txt" in note
        for note in second.notes
    )
    # the same again: nothing to write, and the unchanged posts' words come from the cache
    third = check_corpus(second.outcome.documents, [False] * 4, tmp_path)
    assert third.rewrite == [] and third.notes[:1] == [
        "terminology: 1 finding across the checked posts"
    ]


def test_a_damaged_cache_only_costs_time(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_text("{not json", "utf-8")
    outcome = check_corpus(_corpus(SYNONYM), [True, True], tmp_path).outcome
    assert len(_findings(outcome.documents)) == 1
    data = json.loads((tmp_path / CACHE_FILE).read_text("utf-8"))
    assert data["format"] == 1 and len(data["posts"]) == 2


def test_the_glossary_speaks_first_and_accepts_a_second_rendering() -> None:
    glossary = parse_glossary("State Duma\tDouma d’État | Chambre basse\n", "g.tsv")
    assert _findings(annotate(_corpus(SYNONYM), glossary=glossary).documents) == []
    strict = parse_glossary("State Duma\tDouma d’État\n", "g.tsv")
    (finding,) = _findings(annotate(_corpus(SYNONYM), glossary=strict).documents)
    assert finding["details"]["kind"] == "glossary"
    assert finding["details"]["counts"] == {"Douma d’État": 3, "Chambre basse": 1}


# --- on the benchmark's real sentences ----------------------------------------------------------


@pytest.fixture(scope="module")
def tune():
    from bench import term_bench

    try:
        return term_bench.load_pairs("tune"), term_bench.load_injections("tune")
    except term_bench.TermDataUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the terminology bench needs ../shared under CI=true: {error}")
        pytest.skip(str(error))


@pytest.mark.slow
def test_injected_inconsistencies_on_real_sentences_are_found(tune) -> None:
    """A sample of each class, word links without the encoder (the bench runs them all)."""
    from bench.term_bench import _findings as bench_findings
    from bench.term_bench import documents

    pairs, injections = tune
    memo: dict = {}
    assert bench_findings(annotate(documents(pairs, None, memo)).documents) == []
    chosen = {"tt-004", "tt-030", "tt-035", "tt-046", "tt-058", "tt-093"}
    for injection in (i for i in injections if i.pair_id in chosen):
        docs = documents(pairs, None, memo, {injection.pair_id: injection.fr_corrupted})
        found = [
            f
            for pair_id, f in bench_findings(annotate(docs).documents)
            if pair_id == injection.pair_id
        ]
        assert found, injection.note
        assert injection.term.casefold() in found[0]["details"]["term"].casefold() or (
            found[0]["details"]["term"].casefold() in injection.term.casefold()
        )


def test_one_french_term_for_two_english_terms_the_posts_keep_apart() -> None:
    council = [
        (
            "Just recently there was a State Council Presidium meeting on developing the Far"
            " East and the Trans-Baikal Territory.",
            "Tout récemment s’est tenue une réunion du Présidium du Conseil d’État sur le"
            " développement de l’Extrême-Orient.",
        ),
        (
            "The State Council proposed Federal Law 349 that “circumcises” your ideology by 75"
            " percent.",
            "Le Conseil d’État a proposé la loi fédérale 349 qui « ampute » votre idéologie de"
            " 75 %.",
        ),
        (
            "A representative of one ethnic group was president or State Council chairman.",
            "Un représentant d’un groupe ethnique était président ou président du Conseil d’État.",
        ),
    ]
    links = [("State", "État"), ("Council", "Conseil")]
    wrong = "Je voudrais demander au Conseil d’État d’accélérer l’adoption de cette loi."
    documents = [
        _post("a", council, [links] * 3),
        _post(
            "b",
            [DUMA[0], (DUMA[2][0], wrong)],
            [LINKS, [("State", "État"), ("Duma", "Conseil")]],
        ),
    ]
    (finding,) = _findings(annotate(documents).documents)
    assert finding["details"]["kind"] == "shared_rendering"
    assert finding["message"] == (
        "'State Duma' is rendered 'Conseil d’État' here, the rendering of 'State Council' in the"
        " checked posts; elsewhere 'State Duma' is 'Douma d’État'"
    )
    assert finding["severity"] == "low"


def test_a_shortened_second_mention_is_not_a_deviation() -> None:
    en = (
        "The 7th convocation of the State Duma is, I think, working effectively and we have"
        " streamlined cooperation between the parliamentary factions and have good relations"
        " with the State Duma’s heads."
    )
    short = (
        "La Douma d’État de la 7e législature travaille, je crois, efficacement ; nous avons"
        " de bonnes relations avec la direction de la Douma."
    )
    english = short.replace("de la Douma.", "de la State Duma.")
    second = en.rindex("State Duma")

    def corpus(french: str, used: str) -> list[dict]:
        event = _event(9, en, french, [])
        event["alignment"][0]["links"] = [
            {
                "en": [0, [en.index("State Duma"), en.index("State Duma") + 10]],
                "fr": [0, [french.index("Douma"), french.index("Douma") + 12]],
                "score": 1,
                "by": "x",
            },
            # the second mention linked to an unrelated word, as links sometimes are
            {
                "en": [0, [second, second + 10]],
                "fr": [0, [french.rindex(used), french.rindex(used) + len(used)]],
                "score": 1,
                "by": "encoder",
            },
        ]
        post = _post("a", DUMA, [LINKS] * 4)
        post["events"].append(event)
        return [post]

    assert _findings(annotate(corpus(short, "relations")).documents) == []
    (finding,) = _findings(annotate(corpus(english, "State Duma")).documents)
    assert "left in English" in finding["message"]


def test_the_learned_glossary_lists_consistent_terms_and_comments_on_competing_ones() -> None:
    from align.terminology.learn import learn_glossary

    assembly_en = [
        "I mentioned this in my Address to the Federal Assembly recently.",
        "I spoke about it at length in the Address to the Federal Assembly.",
        "I said this in the Address to the Federal Assembly and I want to reiterate it.",
        "In your Address to the Federal Assembly you spoke about compassion.",
    ]
    french = [
        "J’en ai parlé récemment dans mon Message à l’Assemblée fédérale.",
        "J’en ai longuement parlé dans le Message au Parlement fédéral.",
        "Je l’ai dit dans le Message à l’Assemblée fédérale et je tiens à le répéter.",
        "Dans votre Message au Parlement fédéral, vous avez parlé de compassion.",
    ]
    links = [
        [("Federal", "fédérale"), ("Assembly", "Assemblée"), ("Address", "Message")],
        [("Federal", "fédéral"), ("Assembly", "Parlement"), ("Address", "Message")],
    ] * 2
    documents = [
        _post("a", DUMA, [LINKS] * 4),
        _post("b", list(zip(assembly_en, french, strict=True)), links),
    ]
    learned = learn_glossary(documents, min_count=3)
    lines = [line.split("\t") for line in learned.text.splitlines() if "\t" in line]
    assert lines[0] == ["english", "french", "forbidden", "note"]
    entries = {row[0]: row for row in lines[1:]}
    assert entries["State Duma"][1] == "Douma d’État"
    assert entries["State Duma"][3].startswith("4 of 4 occurrences; e.g. a.txt: “")
    assert entries["Address"][1] == "Message"
    assert "Federal Assembly" not in entries  # two renderings, two times each
    assert (
        "# Federal Assembly: no rendering dominates ('Assemblée fédérale' 2×, 'Parlement"
        " fédéral' 2×)" in learned.text
    )
    assert (learned.terms, learned.mixed) == (len(entries), 1)
    # what it writes is a glossary the check reads
    assert parse_glossary(learned.text, "learned.tsv").problems == ()
