"""The glossary file: its format, its bad lines, and the glossary check on a bead."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.terminology import EMPTY, GlossaryError, annotate, load_glossary, parse_glossary
from align.terminology.glossary import format_glossary

GLOSSARY = """\
# house glossary of the blog
english\tfrench\tforbidden\tnote
State Duma\tDouma d’État\tChambre basse | Parlement\tlower house
Government\tgouvernement
national projects\tprojets nationaux
Eurasian Economic Union\tUnion économique eurasiatique | UEE
"""


def test_entries_columns_and_the_header_line() -> None:
    glossary = parse_glossary(GLOSSARY, "g.tsv")
    assert glossary.problems == ()
    assert [e.english for e in glossary.entries] == [
        "State Duma",
        "Government",
        "national projects",
        "Eurasian Economic Union",
    ]
    duma = glossary.entries[0]
    assert duma.accepted == ("Douma d’État",)
    assert duma.forbidden == ("Chambre basse", "Parlement")
    assert duma.note == "lower house"
    assert duma.line == 3 and duma.source == "g.tsv"
    assert glossary.entries[3].accepted == ("Union économique eurasiatique", "UEE")


def test_capitals_make_a_term_case_sensitive_lower_case_matches_any_case() -> None:
    government, projects = parse_glossary(GLOSSARY, "g.tsv").entries[1:3]
    assert government.pattern == (("government", True),)
    assert projects.pattern == (("national", None), ("project", None))


def test_each_bad_line_is_one_problem_naming_file_and_line_and_the_rest_applies() -> None:
    text = (
        "State Duma\tDouma d’État\n"
        "Federal Assembly\n"  # no tab
        "\tConseil\n"  # no English
        "Security Council\tConseil de sécurité\tx\ty\tz\n"  # five columns
        "Central Bank\tla\n"  # a rendering of function words only
        "State Duma\tDouma\n"  # the same term again
        "Investigative Committee\tComité d’enquête\n"
    )
    glossary = parse_glossary(text, "house.tsv")
    assert [e.english for e in glossary.entries] == ["State Duma", "Investigative Committee"]
    assert len(glossary.problems) == 5
    for problem, line in zip(glossary.problems, (2, 3, 4, 5, 6), strict=True):
        assert problem.startswith(f"house.tsv:{line}: ")
        assert "\n" not in problem and problem.endswith("line skipped")
    assert "already defined on line 1" in glossary.problems[4]


def test_an_entry_may_only_forbid() -> None:
    glossary = parse_glossary("Security Council\t\tConseil de sûreté\n", "g.tsv")
    assert glossary.problems == ()
    assert glossary.entries[0].accepted == ()
    assert glossary.entries[0].forbidden == ("Conseil de sûreté",)


def test_a_missing_or_non_utf8_file_is_one_line_naming_it(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"nope\.tsv: no such glossary file"):
        load_glossary(tmp_path / "nope.tsv")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("State Duma\tDouma d'État\n".encode("latin-1"))
    with pytest.raises(GlossaryError) as caught:
        load_glossary(latin)
    assert str(caught.value).startswith(f"{latin}: not UTF-8") and "\n" not in str(caught.value)


def test_a_utf8_bom_and_windows_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("\ufeffState Duma\tDouma d’État\r\nGovernment\tgouvernement\r\n".encode())
    glossary = load_glossary(path)
    assert glossary.problems == ()
    assert [e.accepted for e in glossary.entries] == [("Douma d’État",), ("gouvernement",)]


def test_written_glossary_reads_back() -> None:
    text = format_glossary(
        [("State Duma", "Douma d’État", "", "3 of 3; e.g. «…»"), ("BRICS", "BRICS", "", "")],
        "learned\nfrom two posts",
    )
    assert text.startswith("# learned\n# from two posts\nenglish\tfrench")
    glossary = parse_glossary(text, "learned.tsv")
    assert glossary.problems == ()
    assert [(e.english, e.accepted, e.note) for e in glossary.entries] == [
        ("State Duma", ("Douma d’État",), "3 of 3; e.g. «…»"),
        ("BRICS", ("BRICS",), ""),
    ]


# --- the glossary on a bead ------------------------------------------------------------------


def _document(pairs: list[tuple[str, str]]) -> dict:
    """One event per (English, French) pair, one bead each, no word links."""
    return {
        "path": "post.txt",
        "stem": "post",
        "events": [
            {
                "index": n,
                "title": f"event {n}",
                "compared": True,
                "fr_sentences": [{"id": 0, "text": fr, "kind": "body"}],
                "en_sentences": [{"id": 0, "text": en, "kind": "body"}],
                "alignment": [{"fr": [0], "en": [0], "score": 0.8, "links": []}],
                "findings": [],
                "summary": {"counts": {}, "by_severity": {}},
            }
            for n, (en, fr) in enumerate(pairs, start=1)
        ],
    }


def _terminology(document: dict, glossary_text: str) -> list[dict]:
    outcome = annotate([document], glossary=parse_glossary(glossary_text, "g.tsv"))
    return [f for e in outcome.documents[0]["events"] for f in e["findings"]]


# Real kremlin.ru English (17586, 62998) with faithful and faulty French.
DUMA_EN = "I would like to request the State Duma to accelerate the adoption of this law."
PROJECTS_EN = (
    "Fighting corruption is a highly relevant and extremely important part of your work,"
    " especially ensuring the security of the federal funds allocated for national projects,"
    " state and municipal programmes, and state defence order."
)


def test_inflection_articles_and_word_order_do_not_matter() -> None:
    document = _document(
        [
            (
                DUMA_EN,
                "Je voudrais demander à la Douma d’État d’accélérer l’adoption de cette loi.",
            ),
            (
                PROJECTS_EN,
                "La lutte contre la corruption est une part très importante de votre travail, en"
                " particulier la sécurité des fonds fédéraux alloués aux projets nationaux.",
            ),
        ]
    )
    assert _terminology(document, GLOSSARY) == []


def test_a_term_without_its_accepted_rendering_is_a_finding_naming_the_line() -> None:
    document = _document(
        [(DUMA_EN, "Je voudrais demander au Congrès russe d’accélérer l’adoption de cette loi.")]
    )
    (finding,) = _terminology(document, GLOSSARY)
    assert finding["type"] == "terminology" and finding["severity"] == "medium"
    assert "'State Duma' should be 'Douma d’État' (glossary line 3)" in finding["message"]
    details = finding["details"]
    assert details["kind"] == "glossary"
    assert details["glossary"]["line"] == 3 and details["glossary"]["file"] == "g.tsv"
    assert details["en_span"] == [DUMA_EN.index("State Duma"), DUMA_EN.index("State Duma") + 10]


def test_a_forbidden_rendering_is_high_and_named() -> None:
    fr = "Je voudrais demander à la Chambre basse d’accélérer l’adoption de cette loi."
    (finding,) = _terminology(_document([(DUMA_EN, fr)]), GLOSSARY)
    assert finding["severity"] == "high"
    assert "'Chambre basse', which the glossary forbids" in finding["message"]
    assert finding["details"]["fr_span"] == [fr.index("Chambre"), fr.index("Chambre") + 13]


def test_a_derived_adjective_renders_the_noun_but_a_near_word_does_not() -> None:
    en = "The related Government agencies even succeeded in lowering the final price."
    fine = "Les services gouvernementaux concernés ont même réussi à faire baisser le prix final."
    wrong = "La gouvernance concernée a même réussi à faire baisser le prix final."
    assert _terminology(_document([(en, fine)]), GLOSSARY) == []
    assert len(_terminology(_document([(en, wrong)]), GLOSSARY)) == 1
    nationalist = _document([(PROJECTS_EN, "… alloués aux projets nationalistes.")])
    assert len(_terminology(nationalist, GLOSSARY)) == 1


def test_a_capitalised_term_ignores_the_common_noun() -> None:
    en = (
        "I deliberately took up the second position, both to ensure the continuity of"
        " government and to show respect for the Constitution and our laws."
    )
    fr = (
        "J’ai délibérément pris le second poste, à la fois pour assurer la continuité du pouvoir"
        " et pour montrer mon respect de la Constitution et de nos lois."
    )
    assert _terminology(_document([(en, fr)]), GLOSSARY) == []
    lower = GLOSSARY.replace("Government\t", "government\t")
    assert len(_terminology(_document([(en, fr)]), lower)) == 1


def test_empty_glossary_adds_nothing_on_one_post() -> None:
    document = _document([(DUMA_EN, "Je voudrais demander au Parlement d’accélérer cette loi.")])
    outcome = annotate([document], glossary=EMPTY)
    assert outcome.index["findings"] == 0
