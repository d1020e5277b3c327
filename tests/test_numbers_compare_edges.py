"""Edges of the number comparison that whole sentences reach rarely: each test pins one
decision of `align.numbers.compare` that the rest of the suite left free (found by mutation
testing, docs/development.md)."""

from __future__ import annotations

from align.numbers import compare_quantities, extract_quantities


def compare(fr: str, en: str):
    return compare_quantities(extract_quantities(fr, "fr"), extract_quantities(en, "en"))


def test_a_rough_value_beside_an_exact_one_it_rounds_to_is_no_repeat():
    # "environ 200" rounds 203, the value the French also states exactly: it is a value of
    # its own, which the English does not state, not the French saying 203 twice
    result = compare(
        "Le fonds finance 203 projets, soit environ 200 de plus qu’il y a cinq ans.",
        "The fund finances 203 projects.",
    )
    assert [q.raw for q in result.added] == ["200", "cinq ans"]
    assert [(f.raw, e.raw) for f, e in result.matched] == [("203", "203")]


def test_values_read_as_different_kinds_are_never_swapped():
    # two French counts equal to two English years, in the other order: paired by value,
    # but a count and a year are not the same sort of figure, so no swap is claimed
    result = compare(
        "Il compte 1 945 membres et 1 991 sympathisants.",
        "Founded in 1991 after the war of 1945.",
    )
    assert not result.swapped
    assert result.agrees


def test_a_value_a_time_happens_to_state_is_not_crossed_with_its_neighbours():
    # the French 7 is explained by the minutes of "10:07" (the time itself is missing); a
    # time is not a range, so the 7 is not linked to it as a range end: no swap with 40
    result = compare(
        "Il y avait 7 journalistes et 40 invités.",
        "There were 40 guests; the briefing began at 10:07.",
    )
    assert not result.swapped
    assert [q.raw for q in result.missing] == ["10:07"] and not result.added
