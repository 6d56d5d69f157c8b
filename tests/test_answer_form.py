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


def test_a_span_of_years_reads_in_full() -> None:
    full = graded_text("2020-2021")
    assert graded_text("2020/21") == graded_text("2020–21") == graded_text("2020 - 21") == full
    assert graded_text("the 2020/21 season") == f"{full} season"
    assert graded_text("1999-00") == graded_text("1999-2000")
    assert graded_text("2020-19") != graded_text("2020-2019")  # not a span of years: as written
    assert graded_text("2020/22") != graded_text("2020-2022")  # a slash joins only the next year
