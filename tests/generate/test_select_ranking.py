"""Ranking cues of the selection step."""

from __future__ import annotations

import pytest

from quiz.generate.select import (
    date_span,
    holds_a_named_place,
    in_headline,
    in_long_list,
    listed,
    locating_place,
)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("Norland", "Norland and Ostmark signed the treaty."),
        ("Ostmark", "Norland and Ostmark signed the treaty."),
        ("Vessa", "Trade grew with Arlen, Vessa and Dorn."),
        ("Dorn", "Trade grew with Arlen, Vessa and Dorn."),
        ("Arlen", "Trade grew with Arlen, Vessa and Dorn."),
    ],
)
def test_a_name_among_other_names_is_listed(name: str, sentence: str) -> None:
    assert listed(name, sentence)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("Tarsby", "Engineers in Tarsby, Norland, confirmed the landing."),
        ("Harbour Hall", "The bomb hit the old station and Harbour Hall in May."),
        ("Kell Air", "Kell Air, which is based in Dorn, lost money."),
    ],
)
def test_a_name_on_its_own_is_not_listed(name: str, sentence: str) -> None:
    assert not listed(name, sentence)


@pytest.mark.parametrize(
    ("answer", "span"),
    [("between 2021 and 2024", True), ("from 2019 to 2022", True), ("June 2024", False)],
)
def test_a_span_of_years_is_told_apart_from_a_date(answer: str, span: bool) -> None:
    assert date_span(answer) is span


@pytest.mark.parametrize(
    ("answer", "headline", "named"),
    [
        ("Ada Moen", "If Ada Moen isn't player of the year, who will be?", True),
        ("Moen", "If Ada Moen isn't player of the year, who will be?", True),
        ("Ada Lindqvist", "If Ada Moen isn't player of the year, who will be?", False),
        ("Vell Otters", "Vell Otters sign a new coach", True),
        ("2023", "Vell Otters sign a new coach", False),
    ],
)
def test_an_answer_the_headline_names_is_the_topic(answer: str, headline: str, named: bool) -> None:
    assert in_headline(answer, headline) is named


@pytest.mark.parametrize(
    ("answer", "sentence", "locating"),
    [
        ("Texas", "Crowds gathered from Maine to El Paso, Texas, on Monday.", True),
        ("Estonia", "The ferry left Tartu, Estonia, on Monday.", True),
        ("Texas", "Texas crews worked in Austin, Texas, on Monday.", True),
        ("Texas", "The storm moved from Texas to Oregon on Monday.", False),
        ("Austin", "Jobs grew in Dallas, Austin and Tulsa last year.", False),
        # a county the gazetteer lacks, whose name is also a city in another country
        ("Kent", "A van hit a boy near Folkestone, Kent, on Monday.", True),
        ("Paris", "Flights left London, Paris and Rome late.", False),
        ("Rome", "Flights left London, Paris, Rome and Oslo late.", False),
    ],
)
def test_a_place_that_only_locates_the_one_before_it(
    answer: str, sentence: str, locating: bool
) -> None:
    assert locating_place(answer, sentence) is locating


@pytest.mark.parametrize(
    ("name", "sentence", "listed_long"),
    [
        ("Vienna", "Rome, Vienna and Lyon planted trees while Vell did not.", True),
        ("Lena Holm", "Ada Moen, Lena Holm and Tomas Berg sail for Vell.", True),
        ("Vell", "The ferry from Vell and Tarn sailed in 2021.", False),
        ("Estonia", "The ferry left Tartu, Estonia, on Monday.", False),
        ("Cal, Stanford and SMU", "The league added Cal, Stanford and SMU in 2024.", False),
    ],
)
def test_a_name_among_three_or_more_is_an_example(
    name: str, sentence: str, listed_long: bool
) -> None:
    assert in_long_list(name, sentence) is listed_long


@pytest.mark.parametrize(
    ("answer", "names", "given_away"),
    [
        ("Belgium", ["Brussels", "Belgium"], False),  # a capital stands for its government
        ("Texas", ["Dallas", "Texas"], True),
        ("Texas", ["Oregon", "Texas"], False),
        ("Brussels", ["Brussels", "Belgium"], False),
    ],
)
def test_a_place_that_holds_another_the_sentence_names(
    answer: str, names: list[str], given_away: bool
) -> None:
    assert holds_a_named_place(answer, names) is given_away
