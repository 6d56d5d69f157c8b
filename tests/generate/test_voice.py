"""The writer's "I" told as "the author" (spaCy)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quiz.generate.facts import Fact
from quiz.generate.voice import third_person

Extract = Callable[..., list[Fact]]


@pytest.mark.parametrize(
    ("verb", "agreed"),
    [
        ("believe", "believes"),
        ("try", "tries"),
        ("play", "plays"),
        ("watch", "watches"),
        ("go", "goes"),
        ("have", "has"),
        ("am", "is"),
        ("miss", "misses"),
    ],
)
def test_a_verb_after_she(verb: str, agreed: str) -> None:
    assert third_person(verb) == agreed


def contexts(facts: list[Fact], answer: str) -> list[str]:
    return [f.slot("context").replace("\x00", "_____") for f in facts if f.answer == answer]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "answer", "context"),
    [
        (
            "On Monday I read all four rulings of the Vell Supreme Court from 2023.",
            "Vell Supreme Court",
            "On Monday the author read all four rulings of the _____ from 2023.",
        ),
        (
            "My father Erik Moen was a ferry captain in Vell for 30 years.",
            "Erik Moen",
            "The author’s father _____ was a ferry captain in Vell for 30 years.",
        ),
        (
            "I believe the Vell Harbour Board was wrong in 2021.",
            "2021",
            "The author believes the Vell Harbour Board was wrong in _____.",
        ),
        (
            "I don't think the Vell Harbour Board was right in 2021.",
            "2021",
            "The author doesn't think the Vell Harbour Board was right in _____.",
        ),
    ],
)
@pytest.mark.slow
def test_the_writers_i_is_the_author(
    article_facts: Extract, sentence: str, answer: str, context: str
) -> None:
    assert contexts(article_facts(sentence), answer) == [context]


@pytest.mark.slow
def test_someone_elses_i_is_left_alone(article_facts: Extract) -> None:
    facts = article_facts("This is all I have left of the Vell ferry, said Ada Moen in 2021.")
    assert all("the author" not in c for c in contexts(facts, "2021"))
    quoted = article_facts("“I sailed the Vell ferry for years,” Ada Moen said in 2021.")
    assert all("the author" not in c for c in contexts(quoted, "2021"))


@pytest.mark.slow
def test_a_sentence_all_about_the_writer_is_left_alone(article_facts: Extract) -> None:
    facts = article_facts("My aunt Ada said to me that as a boy I sailed to Vell in 1999 with her.")
    assert all("the author" not in c for c in contexts(facts, "1999"))
