"""Name comparison: aliases, containment and each name's fine kind."""

from __future__ import annotations

import pytest

from quiz.generate.names import fine_kind, initials_of, is_alias, org_kind, overlaps


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("UN", "United Nations"),
        ("the UN", "the United Nations"),
        ("NTSB", "National Transportation Safety Board"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("the Netherlands", "Netherlands"),
    ],
)
def test_two_names_of_one_thing_are_aliases(a: str, b: str) -> None:
    assert is_alias(a, b) and is_alias(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("UN", "Union Bank"), ("Austria", "Australia"), ("Scotland", "Ireland")]
)
def test_different_things_are_no_aliases(a: str, b: str) -> None:
    assert not is_alias(a, b)


def test_initials_need_one_capital_per_word() -> None:
    assert initials_of("IMF", "International Monetary Fund")
    assert not initials_of("IMF", "International Fund")
    assert not initials_of("imf", "International Monetary Fund")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Scotland", "Great Britain"),
        ("Texas", "United States"),
        ("Europe", "Spain"),
        # a territory the gazetteer lists as a country and its country lists as a part
        ("Hong Kong", "China"),
        ("Puerto Rico", "United States"),
    ],
)
def test_a_place_within_another_overlaps_it(a: str, b: str) -> None:
    assert overlaps(a, b) and overlaps(b, a)
    assert not is_alias(a, b)


def test_a_country_is_no_part_of_a_region_that_only_begins_like_it() -> None:
    assert not overlaps("India", "United States")  # "Indiana" is US-IN


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Supreme Court", "court"),
        ("International Criminal Court", "court"),
        ("The Harbour Times", "outlet"),
        ("Daily Courier", "outlet"),
        ("Green Party", "party"),
        ("University of Lessany", "university"),
        ("Velsa Motors", "company"),
        ("Ministry of Water", "government"),
        ("Seattle Pumas", "team"),
        ("GMT", "time zone"),
        ("EST", "time zone"),
        ("Tidewell Water Services", ""),
        ("Orsa", ""),
    ],
)
def test_an_organisations_kind_comes_from_its_words(name: str, kind: str) -> None:
    assert org_kind(name) == kind


@pytest.mark.parametrize(
    ("name", "label", "cue", "kind"),
    [
        ("Mikkel Strand", "PERSON", "", "person"),
        ("Chicago", "PERSON", "", ""),  # a city the parser took for a person
        ("Oslo", "GPE", "", "city"),
        ("Oslo", "GPE", "local", "city"),
        ("Korppi", "GPE", "asteroid", "asteroid"),
        ("Vaskemaeki", "GPE", "local", ""),
        ("Denmark", "ORG", "", ""),  # a country as an organisation: uncertain
        ("Treaty of Lessany", "LAW", "", "law"),
    ],
)
def test_fine_kinds(name: str, label: str, cue: str, kind: str) -> None:
    assert fine_kind(name, label, cue) == kind
