"""entity_kinds: a name's kind checked against the article and the name itself."""

from __future__ import annotations

import pytest

from quiz.generate.entity_kinds import as_labelled, names_a_body, part_of_a_person, people_of
from quiz.generate.facts import Fact


@pytest.mark.parametrize(
    "name",
    ["Vell Harbour Commission", "the Tarn Navy", "NHTSA", "Bank of Vell", "Lindqvist University"],
)
def test_a_name_that_says_it_is_a_body(name: str) -> None:
    assert names_a_body(name)


@pytest.mark.parametrize("name", ["Pathfinder", "Lindqvist", "Open Tide", "Inter Vell"])
def test_a_name_that_does_not_say_what_it_is(name: str) -> None:
    assert not names_a_body(name)


def fact(kind: str, answer: str, entities: tuple[tuple[str, str], ...] = ()) -> Fact:
    return Fact(kind, answer, f"{answer} led a letter in 2023.", 1, entities=entities)


def test_a_surname_labelled_an_organisation_is_the_person() -> None:
    facts = [
        fact("person", "Ada Lindqvist"),
        fact("organisation", "Lindqvist"),
        fact("organisation", "Vell Harbour Commission"),
    ]
    people = people_of(facts)
    assert people == {"Ada Lindqvist"}
    assert [as_labelled(f, people).type for f in facts] == ["person", "person", "organisation"]


def test_a_name_is_part_of_a_person_only_word_by_word() -> None:
    assert part_of_a_person("Lindqvist", {"Ada Lindqvist"})
    assert not part_of_a_person("Lind", {"Ada Lindqvist"})
    assert not part_of_a_person("Ada Lindqvist", {"Ada Lindqvist"})
