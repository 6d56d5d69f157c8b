"""Wrong numbers that the answer's own sentence neither rules out nor makes true as well."""

from __future__ import annotations

import random

import pytest

from quiz.generate.distractors import Pool, distractors
from quiz.generate.facts import Fact
from quiz.generate.grammar import GAP
from quiz.generate.values import parse_number


def number_fact(answer: str, sentence: str) -> Fact:
    """A number fact whose answer is `answer` as written in `sentence`."""
    return Fact(
        "number", answer, sentence, 1, detail="count",
        slots=(("context", sentence.replace(answer, GAP, 1)),),
    )  # fmt: skip


def option_values(answer: str, sentence: str, seeds: int = 30) -> list[set[float]]:
    """The values of the wrong options for `answer` under several seeds (an empty set: none)."""
    found = []
    for seed in range(seeds):
        options = distractors(
            number_fact(answer, sentence), answer, "answer", Pool(), random.Random(seed)
        )
        values = {n.value for o in options if (n := parse_number(o)) is not None}
        found.append(values)
    return found


def test_a_whole_is_never_smaller_than_its_part() -> None:
    # "in 17 of his _____ games": any option of 17 or fewer contradicts the sentence
    whole = option_values("21 games", "The striker scored in 17 of his 21 games for the club.")
    assert all(len(v) == 3 and min(v) > 17 for v in whole)
    part = option_values("17", "The striker scored in 17 of his 21 games for the club.")
    assert all(len(v) == 3 and max(v) < 21 for v in part)


@pytest.mark.parametrize(
    ("answer", "sentence", "side"),
    [
        ("300 people", "The storm left more than 300 people without homes.", "above"),
        ("40 doctors", "At least 40 doctors have left the clinic since May.", "above"),
        ("£2 million", "The fund raised over £2 million for the school.", "above"),
        ("12 hours", "In winter the valley sees less than 12 hours of light.", "below"),
        ("90 minutes", "Visitors may stay up to 90 minutes in the cave.", "below"),
        ("20 busiest ports", "Vell is among the 20 busiest ports in Europe.", "below"),
        ("10 towns", "Vell sits in the top 10 towns for clean air.", "below"),
    ],
)
def test_options_that_the_sentence_would_make_true_too_are_never_offered(
    answer: str, sentence: str, side: str
) -> None:
    # "more than 300": "more than 200" is true as well; "less than 12": so is "less than 16"
    key = parse_number(answer)
    assert key is not None
    for values in option_values(answer, sentence):
        assert len(values) == 3
        assert (
            all(v > key.value for v in values)
            if side == "above"
            else all(v < key.value for v in values)
        )


def test_no_option_is_a_number_the_sentence_already_gives() -> None:
    for values in option_values("3%", "Fewer than 3% of the town rides a bike and about 4% walks."):
        assert 4.0 not in values


def test_a_number_restated_in_brackets_gets_no_options() -> None:
    # the prompt gives the answer in other units: every wrong option is wrong at sight
    for answer, sentence in [
        ("3%", "The new fares add 300 basis points (or 3%) to costs."),
        ("30 metres", "The tower is 98 feet (30 metres) tall."),
        ("98 feet", "The tower is 98 feet (30 metres) tall."),
    ]:
        assert all(v == set() for v in option_values(answer, sentence, seeds=3))


def test_over_a_span_of_time_is_no_floor() -> None:
    # "over six weeks" is "during six weeks": shorter spans are as wrong as longer ones
    found = option_values("six weeks", "The repairs in Vell took over six weeks in 2021.")
    assert any(min(v) < 6 for v in found if v)


def test_a_count_of_the_names_listed_after_it_gets_no_options() -> None:
    sentence = "The film follows the coach and his three daughters Ana, Bea and Cleo on the road."
    assert all(v == set() for v in option_values("three daughters", sentence, seeds=3))
    other = "The film follows the coach and his three daughters on the road."
    assert all(len(v) == 3 for v in option_values("three daughters", other, seeds=3))


@pytest.mark.parametrize(
    ("answer", "sentence"),
    [
        ("50%", "The museum cut its entry fee by 50% in May, from $20 to $10."),
        ("25 percent", "Ticket sales fell 25 percent to 1,500 per week from 2,000 a year earlier."),
        (
            "four times",
            "Rent in the city is $2,000, about four times higher than the $500 of 1990.",
        ),
    ],
)
def test_a_number_the_sentence_lets_one_work_out_gets_no_options(
    answer: str, sentence: str
) -> None:
    assert all(v == set() for v in option_values(answer, sentence, seeds=3))


def test_a_change_the_sentence_does_not_give_in_full_gets_options() -> None:
    sentence = "The museum cut its entry fee by 50% in May, to $10."
    assert all(len(v) == 3 for v in option_values("50%", sentence, seeds=3))


def test_times_and_dates_in_the_sentence_do_not_bar_options() -> None:
    sentence = "At 04:12 on 2 March 2024 the probe settled about 3 kilometres above the rock."
    found = option_values("3 kilometres", sentence, seeds=5)
    assert all(len(v) == 3 for v in found) and any(4.0 in v for v in found)


def test_a_measured_value_gets_options_near_it() -> None:
    for values in option_values("70.5 years", "People there live 70.5 years on average."):
        assert len(values) == 3 and all(0.69 * 70.5 <= v <= 1.31 * 70.5 for v in values)


def test_a_majority_is_more_than_half_and_a_range_ends_above_its_start() -> None:
    majority = "A majority of Vell's voters (64%) backed the new bridge, the count shows."
    assert all(len(v) == 3 and min(v) > 50 for v in option_values("64%", majority))
    span = "The fee is expected to be $30 to $45 million per school."
    assert all(len(v) == 3 and min(v) > 30 for v in option_values("$45 million", span))


def test_a_size_with_a_unit_gets_options_near_it() -> None:
    import random

    from quiz.generate.grammar import GAP
    from quiz.generate.number_options import number_options

    for answer, context in (
        ("9-inch", f"A {GAP} screen comes with the dearer Vell model."),
        ("12 feet", f"The harbour wall in Vell stands {GAP} tall."),
    ):
        value = float(answer.split("-")[0].split()[0])
        for seed in range(5):
            for option in number_options(answer, context, random.Random(seed)):
                size = float(option.split("-")[0].split()[0])
                assert 0.6 * value <= size <= 1.4 * value, (answer, option)


def test_a_length_in_centimetres_is_no_percentage() -> None:
    found = option_values(
        "150 centimetres", "The new Vell pier stands 150 centimetres above the tide."
    )
    assert all(len(v) == 3 for v in found) and any(max(v) > 100 for v in found)


def test_a_star_rating_stays_within_its_scale() -> None:
    # the sentence sets the top at five: a rating of eight stars is wrong at sight
    sentence = "Testers gave the Vell van's brakes four out of five stars and its grip three stars."
    for values in option_values("three stars", sentence):
        assert len(values) == 3 and max(values) <= 5
    # with no top given, a star rating is out of five
    for values in option_values("four stars", "The harbour inn in Vell earned four stars."):
        assert len(values) == 3 and max(values) <= 5
    # a count of stars is no rating
    sky = "On a clear night about 2,500 stars can be seen from the Vell hills."
    assert all(len(v) == 3 for v in option_values("2,500 stars", sky))
    # a ten-star scale lets the options go past five
    ten = "On the club's ten-star scale the Vell ferry earned seven stars."
    assert any(max(v) > 5 for v in option_values("seven stars", ten) if v)


def test_the_top_of_a_rating_scale_gets_no_options() -> None:
    # "five out of _____": six, seven or eight stars are no scales anyone rates on
    sentence = "Testers gave the Vell van's brakes four out of five stars."
    assert all(v == set() for v in option_values("five stars", sentence, seeds=3))


def test_a_size_gets_its_nearest_neighbours_on_its_own_grid() -> None:
    # wheels of 20 inches: 16 to 24 inches, never 14 or 26
    for values in option_values("20-inch", "The dearer trim rolls on 20-inch alloy wheels."):
        assert len(values) == 3 and values <= {16.0, 18.0, 22.0, 24.0}
    for values in option_values("9-inch", "A 9-inch display sits in the dash of the Vell van."):
        assert len(values) == 3 and values <= {7.0, 8.0, 10.0, 11.0}


def test_a_round_distance_keeps_its_roundness() -> None:
    # "10 miles" is a round figure: 11, 12 or 13 miles are no real alternatives to it
    for values in option_values("10 miles", "The lighthouse stands 10 miles from Vell harbour."):
        assert len(values) == 3 and all(v % 5 == 0 for v in values)


def test_a_value_counted_in_halves_gets_options_in_halves() -> None:
    for values in option_values("24.5 sacks", "The Vell end finished the year with 24.5 sacks."):
        assert len(values) == 3 and all(v % 1 == 0.5 for v in values)


def test_a_measured_value_keeps_to_its_two_nearest_neighbours_each_side() -> None:
    for values in option_values("83.5 years", "Women in Vell live 83.5 years on average."):
        assert len(values) == 3 and all(75 <= v <= 92 for v in values)


@pytest.mark.parametrize(
    ("answer", "sentence", "low", "high"),
    [
        # "2.7% or more": "2.2% or more" is true as well
        ("2.7%", "Careful planning can add 2.7% or more to the yearly return.", 2.7, 100),
        ("1.5 metres", "Paths of 1.5 metres — or less — will be widened.", 0, 1.5),
        # a crew of 34 including 30 locals: the locals are no more than 34, the crew no fewer
        ("30 locals", "The ferry has a crew of 34 sailors including 30 locals.", 0, 34),
        ("34 sailors", "The ferry has a crew of 34 sailors including 30 locals.", 30, 1e9),
    ],
)
def test_or_more_or_less_and_including_bound_the_options(
    answer: str, sentence: str, low: float, high: float
) -> None:
    for values in option_values(answer, sentence):
        assert len(values) == 3 and all(low < v <= high for v in values), values


def test_a_count_of_the_items_listed_after_a_colon_gets_no_options() -> None:
    sentence = "The stew needs only three main ingredients: lentils, smoked paprika and onions."
    assert all(v == set() for v in option_values("three main ingredients", sentence, seeds=3))
    other = "The stew needs only three main ingredients and an hour on the stove."
    assert all(len(v) == 3 for v in option_values("three main ingredients", other, seeds=3))


@pytest.mark.parametrize(
    ("answer", "sentence", "low", "high"),
    [
        # "_____, well above the norm of 480 kilograms": no option of 480 or less
        (
            "520 kilograms",
            "The Vell trailer carries 520 kilograms, well above the norm of 480.",
            480,
            1e9,
        ),
        ("15%", "Vell's jobless rate fell to 15%, down from 19% a year before.", 0, 19),
        ("15%", "Vell's jobless rate rose to 15%, up from 9% a year before.", 9, 100),
    ],
)
def test_a_number_compared_after_the_gap_bounds_the_options(
    answer: str, sentence: str, low: float, high: float
) -> None:
    for values in option_values(answer, sentence):
        assert len(values) == 3 and all(low < v < high for v in values), values


def test_a_comparison_with_a_year_sets_no_bound() -> None:
    # "more than in 2019" compares with a year, not with a number of people
    sentence = "About 3,000 people came to the Vell fair, more than in 2019."
    found = option_values("3,000 people", sentence)
    assert all(len(v) == 3 for v in found) and any(min(v) < 3000 for v in found)


def test_or_more_than_a_share_is_no_floor() -> None:
    # "or more than half the town" restates the answer as a share: it bounds nothing
    sentence = "The storm cut power to 40,000 homes, or more than half the town of Vell."
    found = option_values("40,000 homes", sentence)
    assert all(len(v) == 3 for v in found) and any(min(v) < 40000 for v in found)


def test_a_comparison_with_another_unit_sets_no_bound() -> None:
    # the kilometres of paths say nothing of the hectares of woods
    sentence = "The Vell park covers 1,000 hectares of woods, with over 90 km of paths."
    found = option_values("1,000 hectares", sentence)
    assert all(len(v) == 3 and max(v) <= 2000 for v in found)


@pytest.mark.parametrize(
    ("answer", "sentence"),
    [
        ("500 firms", "The list ranks Vell Foods among the FTSE 500 firms this year."),
        ("ten picks", "The club holds three top-ten picks in the coming draft."),
    ],
)
def test_a_number_inside_a_name_or_a_compound_gets_no_options(answer: str, sentence: str) -> None:
    fact = Fact(
        "number", answer, sentence, 1, detail="count",
        slots=(("context", sentence.replace(answer, GAP)),),
    )  # fmt: skip
    assert distractors(fact, answer, "answer", Pool(), random.Random(3)) == []


def test_parts_that_add_up_to_the_answer_give_it_away() -> None:
    sentence = "Five rowers wait at the Vell slipway, three in yellow vests and two in red."
    assert all(v == set() for v in option_values("Five rowers", sentence, seeds=3))
    # parts that do not add up to it leave it to the reader
    other = "Five rowers wait at the Vell slipway, three in yellow vests."
    assert all(len(v) == 3 for v in option_values("Five rowers", other, seeds=3))
