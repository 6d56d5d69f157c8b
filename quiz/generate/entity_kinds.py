"""What kind of thing a name is, when the parser's label is not to be trusted.

A small parser labels a surname standing alone ("Merkley led a letter") or a product ("the
Pathfinder") as an organisation about as often as it is right. A question that says "Which
organisation ..." about a senator or a car is wrong before it is asked, so the label is checked
against the article and the name itself:

- a name that is part of a person's full name in the article ("Merkley" after "Jeff Merkley") is
  that person;
- an organisation is asked as "Which organisation" only when its name says so: an acronym
  ("NHTSA") or a word that names a body ("Federal Trade Commission", "Indian Navy"); any other is
  asked only as a cloze, where the sentence itself says what it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from quiz.generate.facts import Fact

BODY_WORDS: Final = frozenset(
    "university college school institute academy commission committee council court navy army "
    "force forces police party ministry department agency authority office bureau service "
    "services association federation league union club company corporation corp inc ltd llc "
    "plc group bank fund foundation trust society organisation organization network "
    "government administration parliament congress senate assembly board institution "
    "hospital museum laboratory lab centre center coalition alliance".split()
)
"""Words that make a name the name of a body ("... Commission", "... Navy", "Bank of ...")."""
_ACRONYM: Final = re.compile(r"[A-Z][A-Z&]{1,7}s?")


def names_a_body(name: str) -> bool:
    """Whether `name` says by itself that it is an organisation: an acronym, or a body's word."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if _ACRONYM.fullmatch(bare.replace(".", "")):
        return True
    return any(word.strip(".,’'").lower() in BODY_WORDS for word in bare.split())


def people_of(facts: Iterable[Fact]) -> set[str]:
    """The full names (two words or more) of the people the article names."""
    found = {name for f in facts for label, name in f.entities if label == "PERSON"}
    found |= {f.answer for f in facts if f.type == "person"}
    return {name for name in found if len(name.split()) >= 2}


def part_of_a_person(name: str, people: Iterable[str]) -> bool:
    """Whether `name` is a person's surname, first name or name ("Merkley" of "Jeff Merkley")."""
    padded = f" {name.casefold()} "
    return any(padded in f" {person.casefold()} " for person in people if person != name)


def as_labelled(fact: Fact, people: set[str]) -> Fact:
    """`fact` as the kind of name its answer is: an "organisation" that is part of a person's
    name becomes that person."""
    if fact.type == "organisation" and part_of_a_person(fact.answer, people):
        return replace(fact, type="person", detail="PERSON")
    return fact
