"""Answers reduced for comparison: what is dropped and what is kept."""

from __future__ import annotations

import pytest

from quiz.answer_form import graded_text


def test_case_accents_punctuation_and_articles_go() -> None:
    assert graded_text("  The  Café-Bar!  ") == "cafe bar"
    assert graded_text("2,500") == graded_text("2 500") == graded_text("2500") == "2500"
    assert graded_text("the") == "the"  # an article alone is kept


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("five.six", "5.6"),
        ("zero-sum", "zero sum"),
        ("U.S.", "us"),
        ("O’Brien’s", "obrien"),
        ("Zürich", "zurich"),
        ("naïve  café!", "naive cafe"),
        ("Mr. Smith_Jones", "mr smith jones"),
        ("the 15th of May", "15 of may"),
        ("$2.5 billion", "2500000000"),
    ],
)
def test_graded_text(text: str, normalised: str) -> None:
    assert graded_text(text) == normalised
