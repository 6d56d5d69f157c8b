"""The headline's common nouns, with title-case headlines read in sentence case."""

from __future__ import annotations

import pytest

from quiz.generate.headline import headline_nouns, is_title_case, sentence_case


def test_title_case_is_told_from_sentence_case() -> None:
    assert is_title_case("Why the Tarn Ferry Crossing Still Matters to Vell")
    assert not is_title_case("Vell approves a new harbour bridge for 2027")
    assert not is_title_case("Vell Wins")  # too short to tell


def test_words_the_article_writes_in_lower_case_are_lowered() -> None:
    text = "The winter solstice is the shortest day. Vell marks it with a festival."
    assert sentence_case("Why Vell Marks the Winter Solstice", text) == (
        "Why Vell marks the winter solstice"
    )


def test_a_sentence_case_headline_is_left_as_it_is() -> None:
    title = "Why the town of Vell marks the Solstice Fair every winter"
    assert sentence_case(title, "the solstice fair") == title


@pytest.mark.slow
def test_a_title_case_headline_gives_its_common_nouns(nlp: object) -> None:
    text = "The winter solstice brings Vell its longest night."
    lemmas = {lemma for lemma, _ in headline_nouns("How Vell Marks the Winter Solstice", text)}
    assert "solstice" in lemmas
