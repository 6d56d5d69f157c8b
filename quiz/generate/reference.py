"""What a bare description in a sentence's subject refers to: "the plan" after "the Open Harbour
plan", "the school" after "the Sorbonne school".

News writing names a thing once and then calls it by its common noun. A question made from a
later sentence must name it again, or the reader cannot tell which plan is meant. The article's
named descriptions are remembered by their head noun as it is read; a later subject made of a
determiner and that noun alone ("the plan", "this plan", "its plan") is replaced by the one named
description of that noun. When there is none or more than one, a subject with a demonstrative or
a possessive pronoun ("this delay", "their family") cannot be resolved and the sentence gives
no question; "the" with a noun and nothing earlier to point to is a generic subject ("the winter
solstice") and stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from quiz.generate.facts import Fact

POINTING: Final = frozenset({"this", "that", "these", "those", "his", "her", "its", "their"})
"""Determiners that point back at something said before."""
AMBIGUOUS: Final = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What to do with the facts of one sentence."""

    subject: str = ""
    """The subject's words as written ("The plan"), when they are to be replaced."""
    named: str = ""
    """What replaces them ("the Open Harbour plan")."""
    drop: bool = False
    """The subject points back at something that cannot be found: ask nothing of the sentence."""


def bare_subject(sent: Span) -> Token | None:
    """The main clause's subject when it is a determiner and a common noun and nothing more."""
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].pos_ != "NOUN":
        return None
    subject = subjects[0]
    words = [t for t in subject.subtree]
    if len(words) != 2 or words[1].i != subject.i:
        return None
    if words[0].lower_ not in POINTING | {"the"}:
        return None
    return subject


def resolve(sent: Span, named: dict[str, str]) -> Resolution:
    """How the sentence's subject reads on its own, given the descriptions named so far."""
    subject = bare_subject(sent)
    if subject is None:
        return Resolution()
    determiner = subject.doc[subject.i - 1]
    found = named.get(subject.lemma_.lower())
    text = subject.doc[determiner.i : subject.i + 1].text
    if found:
        return Resolution(subject=text, named=found)
    if determiner.lower_ in POINTING:
        return Resolution(drop=True)
    return Resolution()


def remember(sent: Span, named: dict[str, str]) -> None:
    """Add the sentence's named descriptions ("the Open Harbour plan": a common noun with a name
    before it) to `named`, keyed by the noun; a noun named two ways becomes ambiguous."""
    if not sent.doc.has_annotation("DEP"):
        return
    for noun, person in _described_people(sent):
        key = noun.lemma_.lower()
        named[key] = person if named.get(key, person) == person else AMBIGUOUS
    for chunk in sent.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN":
            continue
        before = [t for t in chunk if t.i < head.i and t.lower_ not in {"the", "a", "an"}]
        if not before or not any(t.pos_ == "PROPN" for t in before):
            continue
        if any(t.pos_ in {"PRON", "DET"} or t.tag_ == "POS" for t in before):
            continue
        phrase = "the " + " ".join(t.text for t in before) + " " + head.text
        key = head.lemma_.lower()
        if named.get(key, phrase) != phrase:
            named[key] = AMBIGUOUS
        else:
            named[key] = phrase


def _described_people(sent: Span) -> list[tuple[Token, str]]:
    """(common noun, person's name) for a person the sentence describes by a noun: "Katie
    Price, the reality star," "reality star Katie Price", "the victim, Ada Lindqvist,"."""
    found: list[tuple[Token, str]] = []
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        head = ent.root
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i:
                found.append((child, ent.text))
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < ent.start:
                found.append((child, ent.text))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            found.append((head.head, ent.text))
    return found


def apply(fact: Fact, resolution: Resolution) -> Fact:
    """`fact` with the subject named in every slot that quotes it."""
    if not resolution.subject:
        return fact
    pattern = re.compile(rf"(?i)(?<!\w){re.escape(resolution.subject)}(?!\w)")
    slots: list[tuple[str, str]] = []
    for key, value in fact.slots:
        match = pattern.search(value)
        if match is not None:
            new = resolution.named
            if match.start() == 0 or value[: match.start()].strip() in {"", "“", '"'}:
                new = new[:1].upper() + new[1:] if value[match.start()].isupper() else new
            value = value[: match.start()] + new + value[match.end() :]
        slots.append((key, value))
    return replace(fact, slots=tuple(slots))
