"""A place's kind and what contains it come from the gazetteer, not from a hand list."""

from __future__ import annotations

import pytest

from quiz.generate.gazetteer import fold
from quiz.generate.places import (
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    abbreviates,
    capitals_near,
    contains,
    neighbours,
    place,
    region_cities,
    region_of,
    related,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("France", COUNTRY),
        ("the Netherlands", COUNTRY),
        ("U.S.", COUNTRY),
        ("Britain", COUNTRY),
        ("Scotland", COUNTRY),
        ("Texas", REGION),
        ("Ontario", REGION),
        ("Kyiv", CITY),
        ("Tartu", CITY),
        ("São Paulo", CITY),
        ("Sao Paulo", CITY),
        ("Europe", CONTINENT),
    ],
)
def test_the_gazetteer_tells_a_places_kind(name: str, kind: str) -> None:
    found = place(name)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "name", ["Vaskemaeki", "Georgia", "Tidewell Water Services", "", "West Coast", "North East"]
)
def test_unknown_or_ambiguous_names_have_no_kind(name: str) -> None:
    # "Georgia" is a country and a US state: uncertain, so no options are offered beside it;
    # "West Coast" names a region of one country, but in a text it is rarely that one
    assert place(name) is None


def test_other_names_of_one_country_are_one_place() -> None:
    assert place("UK") == place("United Kingdom") == place("Great Britain")
    assert place("USA") == place("United States")


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        ("Great Britain", "Scotland"),
        ("United Kingdom", "Wales"),
        ("United States", "Texas"),
        ("United States", "Seattle"),
        ("Europe", "France"),
        ("Asia", "Tehran"),
    ],
)
def test_containment(outer: str, inner: str) -> None:
    a, b = place(outer), place(inner)
    assert a is not None and b is not None
    assert contains(a, b) and related(a, b) and related(b, a)
    assert not contains(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("Scotland", "England"), ("France", "Germany"), ("Texas", "Ohio")]
)
def test_siblings_do_not_contain_each_other(a: str, b: str) -> None:
    pa, pb = place(a), place(b)
    assert pa is not None and pb is not None and not related(pa, pb)


def test_neighbours_and_nearby_capitals() -> None:
    estonia, tartu = place("Estonia"), place("Tartu")
    assert estonia is not None and tartu is not None
    assert set(neighbours(estonia)) == {"Latvia", "Russia"}
    assert capitals_near(tartu)[0] == "Tallinn"
    assert {"Riga", "Moscow"} <= set(capitals_near(tartu))


def test_lookup_keys_ignore_case_accents_and_the() -> None:
    assert fold("The Hague") == "hague"
    assert fold("Côte d’Ivoire") == "cote d ivoire"


def test_a_borough_is_one_place_with_its_city_but_a_suburb_is_not() -> None:
    manhattan, new_york = place("Manhattan"), place("New York City")
    tempe, phoenix = place("Tempe"), place("Phoenix")
    assert manhattan and new_york and tempe and phoenix
    assert related(manhattan, new_york)
    assert not related(tempe, phoenix)


@pytest.mark.parametrize(
    ("city", "short", "expected"),
    [
        ("Nashville", "Tenn.", True),
        ("Nashville", "TN", True),
        ("Tempe", "Ariz.", True),
        ("Raleigh", "N.C.", True),
        ("Tampa", "Fla.", True),
        ("Nashville", "Tex.", False),
        ("Nashville", "Tenn", False),  # no full stop: a word, not an abbreviation
        ("Tampa", "Ga.", False),
    ],
)
def test_a_state_abbreviation_is_read_against_the_citys_own_state(
    city: str, short: str, expected: bool
) -> None:
    home = place(city)
    assert home is not None
    region = region_of(home)
    assert region is not None and abbreviates(short, region) is expected


def test_a_regions_biggest_cities_leave_out_parts_of_a_city() -> None:
    home = place("Nashville")
    region = region_of(home) if home is not None else None
    assert region is not None
    cities = region_cities(region)
    assert cities[:2] == ("Nashville", "Memphis") and "Knoxville" in cities
    assert not any(name.endswith(" Memphis") for name in cities)
