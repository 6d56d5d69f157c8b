"""Dates and numbers: parsing, normalising, formatting."""

from __future__ import annotations

from datetime import date

import pytest

from quiz.generate.values import format_date, format_number, is_relative, parse_date, parse_number


@pytest.mark.parametrize(
    ("text", "granularity", "value"),
    [
        ("1997", "year", "1997"),
        ("in 1997", "year", "1997"),
        ("August 2021", "month", "2021-08"),
        ("Sept 2022", "month", "2022-09"),
        ("July 28, 2025", "day", "2025-07-28"),
        ("15 November 2024", "day", "2024-11-15"),
        ("1996 to 2001", "range", "1996/2001"),
        ("between 1996 and 2001", "range", "1996/2001"),
        ("the early 2010s", "decade", "2010s-early"),
        ("1990s", "decade", "1990s"),
    ],
)
def test_absolute_dates_are_normalised(text: str, granularity: str, value: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.granularity, parsed.value) == (granularity, value)


@pytest.mark.parametrize(
    "text",
    [
        "last week",
        "Thursday",
        "twenty years later",
        "next month",
        "2001 to 1996",
        "31 February 2020",
    ],
)
def test_relative_or_impossible_dates_are_not_answers(text: str) -> None:
    assert parse_date(text) is None


def test_relative_years_resolve_only_against_the_publication_date() -> None:
    assert parse_date("last year") is None
    resolved = parse_date("last year", date(2025, 7, 28))
    assert resolved is not None and resolved.value == "2024"
    assert (
        is_relative("last week") and is_relative("on Thursday") and not is_relative("August 2021")
    )


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("2021-08", "August 2021", "August 2021"),
        ("1996/2001", "1996 to 2001", "1996 to 2001"),
        ("1996/2001", "1996-2001", "1996-2001"),
        ("2024-11-15", "15 November 2024", "15 November 2024"),
        ("2024-11-15", "November 15, 2024", "November 15, 2024"),
    ],
)
def test_dates_are_written_like_the_original(text: str, style: str, expected: str) -> None:
    parsed = parse_date(style)
    assert parsed is not None and parsed.value == text
    assert format_date(parsed, style) == expected


@pytest.mark.parametrize(
    ("text", "value", "scaled", "expected"),
    [
        ("2,500", 2500, 2, "5,000"),
        ("$4.5 billion", 4.5, 2, "$9.0 billion"),
        ("34%", 34, 1.5, "51%"),
        ("400 litres per second", 400, 0.5, "200 litres per second"),
        ("twelve", 12, 2, "24"),
    ],
)
def test_numbers_keep_their_unit_and_format(
    text: str, value: float, scaled: float, expected: str
) -> None:
    number = parse_number(text)
    assert number is not None and number.value == value
    assert format_number(number, value * scaled) == expected


def test_words_are_not_numbers() -> None:
    assert parse_number("Taliban") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Dec. 14", date(2023, 12, 21), "2023-12-14"),
        ("December 6", date(2023, 12, 19), "2023-12-06"),
        ("6 December", date(2023, 12, 19), "2023-12-06"),
        ("Dec. 28", date(2024, 1, 3), "2023-12-28"),  # last week's news, across new year
        ("Jan. 5", date(2023, 12, 20), "2024-01-05"),  # a coming date, across new year
    ],
)
def test_a_day_without_its_year_takes_the_nearest_year_to_publication(
    text: str, published: date, value: str
) -> None:
    found = parse_date(text, published)
    assert found is not None and (found.granularity, found.value) == ("day", value)
    assert parse_date(text) is None  # without a publication date it stays unknown
    assert parse_date("Feb. 30", published) is None


def test_a_day_without_its_year_is_written_without_one() -> None:
    found = parse_date("Dec. 14", date(2023, 12, 21))
    assert found is not None
    assert format_date(found, "Dec. 14") == "December 14"
    assert format_date(found, "14 Dec") == "14 December"
    assert format_date(found, "Dec. 14, 2023") == "December 14, 2023"


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("October", date(2023, 12, 20), "2023-10"),
        ("in Oct.", date(2023, 12, 20), "2023-10"),
        ("January", date(2023, 12, 20), "2024-01"),  # a coming month, across new year
        ("November", date(2024, 2, 2), "2023-11"),  # last autumn, seen from winter
    ],
)
def test_a_month_without_its_year_takes_the_nearest_year_to_publication(
    text: str, published: date, value: str
) -> None:
    found = parse_date(text, published)
    assert found is not None and (found.granularity, found.value) == ("month", value)
    assert parse_date(text) is None
    written = format_date(found, text)
    assert (
        written.split() == [written] and written[:3].casefold() == text.split()[-1][:3].casefold()
    )


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("late 1998", "1998-late", "late 1998"),
        ("in early 2019", "2019-early", "early 2019"),
        ("mid-2021", "2021-mid", "mid-2021"),
    ],
)
def test_a_part_of_a_year_is_a_date(text: str, value: str, written: str) -> None:
    found = parse_date(text)
    assert found is not None and (found.granularity, found.value) == ("part", value)
    assert format_date(found, text) == written
