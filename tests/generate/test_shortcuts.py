"""The generator's shortcuts (cached look-ups, skipped patterns, a leaner model) change no answer."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from quiz.generate import names, pipeline, select, values
from quiz.generate.nlp import UNUSED_COMPONENTS

DATES = (
    "1997",
    "in 1997",
    "1996 to 2001",
    "August 2021",
    "July 28, 2025",
    "28 July 2025",
    "the early 2010s",
    "last year",
    "next week",
    "",
)


@pytest.mark.parametrize("text", DATES)
def test_cached_dates_are_the_dates_parsed_afresh(text: str) -> None:
    for published in (None, date(2025, 7, 28)):
        # twice: the first call may fill the cache, the second surely reads it
        assert values.parse_date(text, published) == values.parse_date.__wrapped__(text, published)
        assert values.parse_date(text, published) == values.parse_date.__wrapped__(text, published)


@pytest.mark.parametrize("text", ["2,500", "$4.5 billion", "63%", "twelve trains", "none"])
def test_cached_numbers_are_the_numbers_parsed_afresh(text: str) -> None:
    assert values.parse_number(text) == values.parse_number.__wrapped__(text)


def test_aliases_given_as_a_list_or_a_tuple_agree() -> None:
    pairs = [("IEA", "International Energy Agency")]
    assert names.is_alias("IEA", "the International Energy Agency", pairs)
    assert names.is_alias("IEA", "the International Energy Agency", tuple(pairs))
    assert not names.is_alias("IEA", "World Bank", iter(pairs))


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        ("Uzbekistan", "Kazakhstan and Uzbekistan signed it.", True),
        ("Norway", "Norway, Finland and Sweden objected.", True),
        ("Norway", "Finland objected.", False),
        ("norway", "Norway, Finland and Sweden objected.", False),
    ],
)
def test_a_name_missing_from_its_sentence_is_not_listed(
    name: str, sentence: str, expected: bool
) -> None:
    assert select.listed(name, sentence) is expected
    assert select.listed.__wrapped__(name, sentence) is expected


def _listed_by_patterns(name: str, sentence: str) -> bool:
    """`select.listed` as first written: four patterns built around each name."""
    name = re.escape(name)
    item = r"(?:the )?[A-Z][\w'’.-]*"
    patterns = (
        rf"\b[A-Z][\w'’.-]*,? (?:and|or) (?:the )?{name}\b",
        rf"\b{name},? (?:and|or) {item}",
        rf", {name}, {item}",
        rf"\b{name}, (?:{item}, )*{item},? (?:and|or) {item}",
    )
    return any(re.search(p, sentence) for p in patterns)


def test_listed_agrees_with_the_patterns_built_per_name() -> None:
    rng = random.Random(7)
    parts = ["Norway", "Finland", "the ", "The ", "and ", "or ", ", ", ",", " ", "St. ", "Y-Z"]
    parts += ["’s", "a ", "O'Neil", "x", ".", "(", ")", "Ünited"]
    listed = 0
    for _ in range(5000):
        sentence = "".join(rng.choice(parts) for _ in range(rng.randint(1, 14)))
        start = rng.randint(0, len(sentence))
        name = sentence[start : rng.randint(start, min(len(sentence), start + 12))]
        expected = _listed_by_patterns(name, sentence)
        assert select.listed.__wrapped__(name, sentence) is expected, (name, sentence)
        listed += expected
    assert listed > 20  # the cases do reach the lists


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Trains", "The line will carry 64 trains a day.", True),
        ("Trains", "The line will carry 64 Trains a day.", False),
        ("Trains", "The line will carry 64 trainsets a day.", False),
        ("Oslo", "Oslo is the capital.", False),
    ],
)
def test_common_words_are_found_as_before(name: str, text: str, expected: bool) -> None:
    assert pipeline.common_word(name, text) is expected


def test_the_model_runs_every_component_it_loads(nlp: object) -> None:
    assert not set(UNUSED_COMPONENTS) & set(nlp.component_names)  # type: ignore[attr-defined]
    assert nlp.disabled == []  # type: ignore[attr-defined]
    assert {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"} <= set(
        nlp.pipe_names  # type: ignore[attr-defined]
    )
