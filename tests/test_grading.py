from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.grading import (
    AcronymTable,
    grade_choice,
    grade_order,
    grade_truefalse,
    grade_typed,
    order_hint,
    parse_order,
)
from quiz.model import FACT_TYPES, Question
from quiz.scheduling import Rating

ACRONYMS = AcronymTable(
    {
        "NATO": "North Atlantic Treaty Organization",
        "SCO": "Shanghai Cooperation Organisation",
        "ORF": "Observer Research Foundation",
    }
)


def short(answer: str, fact: str = "", accept: tuple[str, ...] = ()) -> Question:
    return Question(id="q", kind="short", prompt="?", answer=answer, accept=accept, fact=fact)


# (fact, answer, typed, rating): GOOD = right, HARD = right with a typo, AGAIN = wrong.
TABLE = [
    # date
    ("date", "15 August 1947", "15 August 1947", Rating.GOOD),
    ("date", "15 August 1947", "15 aug 1947", Rating.GOOD),
    ("date", "15 August 1947", "August 15th, 1947", Rating.GOOD),
    ("date", "15 August 1947", "16 August 1947", Rating.AGAIN),
    ("date", "15 August 1947", "1947", Rating.AGAIN),
    ("date", "15 August 1947", "15 1947", Rating.AGAIN),
    ("date", "1997", "in 1997", Rating.GOOD),
    ("date", "1997", "1998", Rating.AGAIN),
    ("date", "1997", "1997.", Rating.GOOD),
    ("date", "March 2021", "march 2021", Rating.GOOD),
    ("date", "March 2021", "May 2021", Rating.AGAIN),
    ("date", "the 1990s", "1990s", Rating.GOOD),
    ("date", "the 1990s", "1980s", Rating.AGAIN),
    # number
    ("number", "2,500", "2500", Rating.GOOD),
    ("number", "2,500", "2 500", Rating.GOOD),
    ("number", "2500", "2,500", Rating.GOOD),
    ("number", "2,500", "25,000", Rating.AGAIN),
    ("number", "2,500", "2,501", Rating.AGAIN),
    ("number", "five", "5", Rating.GOOD),
    ("number", "5", "Five", Rating.GOOD),
    ("number", "12", "twelve", Rating.GOOD),
    ("number", "5", "six", Rating.AGAIN),
    ("number", "40%", "40 per cent", Rating.GOOD),
    ("number", "40%", "40 percent", Rating.GOOD),
    ("number", "40%", "41%", Rating.AGAIN),
    ("number", "$2.5 billion", "2.5bn", Rating.GOOD),
    ("number", "$2.5 billion", "2,500,000,000", Rating.GOOD),
    ("number", "$2.5 billion", "2.5 million", Rating.AGAIN),
    ("number", "1.5 million", "1,500,000", Rating.GOOD),
    ("number", "2,500 troops", "2500", Rating.GOOD),
    ("number", "2,500 troops", "2500 soldiers", Rating.AGAIN),
    ("number", "about 300", "300", Rating.GOOD),
    ("number", "3.50", "3.5", Rating.GOOD),
    # person
    ("person", "Harsh V. Pant", "Harsh V. Pant", Rating.GOOD),
    ("person", "Harsh V. Pant", "Pant", Rating.GOOD),
    ("person", "Harsh V. Pant", "harsh pant", Rating.GOOD),
    ("person", "Harsh V. Pant", "H. Pant", Rating.GOOD),
    ("person", "Harsh V. Pant", "Harsh", Rating.AGAIN),
    ("person", "Harsh V. Pant", "Modi", Rating.AGAIN),
    ("person", "Harsh V. Pant", "Ravi Pant", Rating.AGAIN),
    ("person", "Vladimir Putin", "Putin", Rating.GOOD),
    ("person", "Vladimir Putin", "Puttin", Rating.HARD),
    ("person", "Vladimir Putin", "vladimir putn", Rating.HARD),
    ("person", "Vladimir Putin", "Vladimir", Rating.AGAIN),
    ("person", "Ashraf Ghani", "Ghani", Rating.GOOD),
    # place
    ("place", "Kabul", "kabul", Rating.GOOD),
    ("place", "Kabul", "Kabol", Rating.HARD),
    ("place", "Iran", "Iraq", Rating.AGAIN),
    ("place", "Afghanistan", "Afganistan", Rating.HARD),
    ("place", "Austria", "Australia", Rating.AGAIN),
    ("place", "São Paulo", "Sao Paulo", Rating.GOOD),
    ("place", "the United States", "United States", Rating.GOOD),
    ("place", "Doha, Qatar", "doha qatar", Rating.GOOD),
    # organisation
    ("organisation", "Observer Research Foundation", "ORF", Rating.GOOD),
    ("organisation", "Observer Research Foundation", "O.R.F.", Rating.GOOD),
    ("organisation", "Observer Research Foundation", "observer research foundaton", Rating.HARD),
    ("organisation", "Shanghai Cooperation Organisation", "SCO", Rating.GOOD),
    ("organisation", "Shanghai Cooperation Organisation", "SCA", Rating.AGAIN),
    ("organisation", "the Taliban", "Taliban", Rating.GOOD),
    ("organisation", "the Taliban", "al-Qaeda", Rating.AGAIN),
    ("organisation", "North Atlantic Treaty Organization", "NATO", Rating.GOOD),
    # acronym
    ("acronym", "SCO", "Shanghai Cooperation Organisation", Rating.GOOD),
    ("acronym", "SCO", "shanghai cooperation organization", Rating.GOOD),
    ("acronym", "ORF", "Observer Research Foundation", Rating.GOOD),
    ("acronym", "NATO", "North Atlantic Treaty Organization", Rating.GOOD),
    ("acronym", "NATO", "nato", Rating.GOOD),
    ("acronym", "NATO", "UN", Rating.AGAIN),
    ("acronym", "NATO", "North Atlantic Trade Organization", Rating.AGAIN),
    ("acronym", "ORF", "Oxford Research Forum", Rating.AGAIN),  # the expansion is unknown
    ("acronym", "ORF", "Observer Foundation", Rating.AGAIN),
    # quote
    ("quote", "a new Great Game", "new great game", Rating.GOOD),
    ("quote", "not a zero-sum game", "not a zero sum game", Rating.GOOD),
    ("quote", "not a zero-sum game", "a zero-sum game", Rating.AGAIN),
    ("quote", "the graveyard of empires", "graveyard of empire", Rating.HARD),
    ("quote", "the graveyard of empires", "the cradle of empires", Rating.AGAIN),
    # event
    ("event", "the Doha Agreement", "Doha agreement", Rating.GOOD),
    ("event", "the Doha Agreement", "doha agreemnt", Rating.HARD),
    ("event", "the Doha Agreement", "Doha accord", Rating.AGAIN),
    ("event", "the fall of Kabul", "Fall of Kabul!", Rating.GOOD),
    ("event", "the fall of Kabul", "the fall of Kandahar", Rating.AGAIN),
    ("event", "the 2021 withdrawal", "the 2020 withdrawal", Rating.AGAIN),
    ("event", "the 2021 withdrawal", "2021 withdrawl", Rating.HARD),
]


@pytest.mark.parametrize(("fact", "answer", "typed", "rating"), TABLE)
def test_typed_answers_by_fact_type(fact: str, answer: str, typed: str, rating: Rating) -> None:
    grade = grade_typed(short(answer, fact), typed, acronyms=ACRONYMS)
    assert grade.rating == rating, grade
    assert grade.correct == (rating != Rating.AGAIN)
    assert grade.exact == (rating == Rating.GOOD)
    assert (grade.matched is None) == (rating == Rating.AGAIN)


def test_the_fact_table_covers_every_fact_type() -> None:
    assert {fact for fact, *_ in TABLE} == set(FACT_TYPES)


def test_feedback_names_the_full_answer() -> None:
    assert grade_typed(short("Kabul"), "kabul").feedback == "Correct."
    pant = grade_typed(short("Harsh V. Pant", "person"), "Pant")
    assert pant.feedback == "Correct: “Harsh V. Pant”."
    assert pant.matched == "Harsh V. Pant"
    typo = grade_typed(short("Afghanistan"), "Afganistan")
    assert typo.feedback == "Almost: it is spelt “Afghanistan”."
    wrong = grade_typed(short("1997"), "1998")
    assert wrong.feedback == "Not quite. The answer is “1997”."
    assert grade_typed(short("1997"), "   ").feedback == "No answer. The answer is “1997”."


def test_accept_list_and_extra_accepted() -> None:
    question = short("Kabul", accept=("Kabul city",))
    right = grade_typed(question, "kabul city")
    assert right.correct and right.exact and right.matched == "Kabul city"
    assert not grade_typed(question, "Kandahar").correct
    learner = grade_typed(question, "Kandahar", extra_accepted=("Kandahar",))
    assert learner.correct and learner.matched == "Kandahar"


def test_acronym_from_the_accept_list_counts_both_ways() -> None:
    question = short("Islamic State", accept=("ISIS",))
    assert grade_typed(question, "isis").correct
    assert grade_typed(question, "Islamic state").correct


def test_surnames_count_only_for_people() -> None:
    who = Question(id="q", kind="short", prompt="Who heads ORF's studies?", answer="Harsh V. Pant")
    assert grade_typed(who, "Pant").correct
    assert not grade_typed(short("Harsh V. Pant"), "Pant").correct  # no fact, not a "Who" card
    assert not grade_typed(short("United States", "place"), "States").correct
    assert not grade_typed(short("New York Times", "organisation"), "Times").correct
    assert not grade_typed(short("the state of the union", "event"), "union").correct


@pytest.mark.parametrize(
    ("answer", "typed", "correct"),
    [
        ("Vladimir Putin", "President Putin", True),
        ("Vladimir Putin", "Mr. Putin", True),
        ("Vladimir Putin", "Mr Medvedev", False),
        ("Ursula von der Leyen", "von der Leyen", True),
        ("Ursula von der Leyen", "Leyen", True),
    ],
)
def test_person_titles_and_particles(answer: str, typed: str, correct: bool) -> None:
    assert grade_typed(short(answer, "person"), typed).correct == correct


@pytest.mark.parametrize(
    ("answer", "typed", "rating"),
    [
        ("1979-1989", "1979 to 1989", Rating.GOOD),
        ("1979-1989", "between 1979 and 1989", Rating.GOOD),
        ("1979-1989", "1979 to 1988", Rating.AGAIN),
        ("don't look back", "dont look back", Rating.GOOD),
        ("O'Brien", "OBrien", Rating.GOOD),
    ],
)
def test_ranges_and_apostrophes(answer: str, typed: str, rating: Rating) -> None:
    assert grade_typed(short(answer), typed).rating == rating


def test_initials_do_not_stand_for_short_common_phrases() -> None:
    assert not grade_typed(short("New Delhi", "place"), "ND").correct


@pytest.mark.parametrize(("index", "correct"), [(0, False), (1, True), (2, False)])
def test_grade_choice(index: int, correct: bool) -> None:
    question = Question(
        id="q", kind="choice", prompt="?", answer="Kabul", choices=("Herat", "Kabul", "Kandahar")
    )
    grade = grade_choice(question, index)
    assert grade.correct == correct
    assert grade.rating == (Rating.GOOD if correct else Rating.AGAIN)
    if not correct:
        assert grade.feedback == f"Not “{question.choices[index]}”. The answer is “Kabul”."


def test_grade_choice_out_of_range() -> None:
    question = Question(id="q", kind="choice", prompt="?", answer="a", choices=("a", "b"))
    with pytest.raises(IndexError):
        grade_choice(question, 2)
    with pytest.raises(IndexError):
        grade_choice(question, -1)


@pytest.mark.parametrize(
    ("answer", "value", "correct"),
    [("true", True, True), ("true", False, False), ("false", False, True), ("false", True, False)],
)
def test_grade_truefalse(answer: str, value: bool, correct: bool) -> None:
    question = Question(id="q", kind="truefalse", prompt="?", answer=answer)
    grade = grade_truefalse(question, value)
    assert grade.correct == correct
    assert grade.rating == (Rating.GOOD if correct else Rating.AGAIN)


ORDER = Question(
    id="q",
    kind="order",
    prompt="Put in order",
    answer=("first", "second", "third", "fourth"),
    choices=("third", "first", "fourth", "second"),
)


@pytest.mark.parametrize("typed", ["2413", "2 4 1 3", "2,4,1,3", " 2-4-1-3 ", "2, 4, 1, 3"])
def test_grade_order_right(typed: str) -> None:
    grade = grade_order(ORDER, typed)
    assert grade is not None
    assert grade.correct and grade.rating == Rating.GOOD


def test_grade_order_wrong_shows_the_order() -> None:
    grade = grade_order(ORDER, "1234")
    assert grade is not None
    assert not grade.correct and grade.rating == Rating.AGAIN
    assert grade.feedback == "Not in order. The order is first > second > third > fourth (2413)."


@pytest.mark.parametrize(
    "typed", ["", "123", "12345", "1224", "0123", "abcd", "1 2 3 5", "１２３４"]
)
def test_grade_order_invalid_input_gives_none(typed: str) -> None:
    assert grade_order(ORDER, typed) is None
    assert order_hint(ORDER) == "Type each number 1-4 once, first to last (e.g. 4321)."


def test_order_with_ten_items_needs_separators() -> None:
    assert parse_order("10 9 8 7 6 5 4 3 2 1", 10) == (10, 9, 8, 7, 6, 5, 4, 3, 2, 1)
    assert parse_order("1098765432", 10) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_grading_never_raises(typed: str) -> None:
    for question in (
        short("15 August 1947", "date"),
        short("Harsh V. Pant", "person"),
        short("Observer Research Foundation", "organisation"),
        short("2,500 troops", "number"),
    ):
        grade = grade_typed(question, typed, acronyms=ACRONYMS)
        assert grade.rating in Rating
    grade_order(ORDER, typed)


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=60).filter(lambda text: text.strip() != ""),
    st.sampled_from(("", *FACT_TYPES)),
    st.text(max_size=20),
)
def test_an_answer_always_grades_right_against_itself(answer: str, fact: str, other: str) -> None:
    grade = grade_typed(short(answer, fact, accept=(other,)), answer, acronyms=ACRONYMS)
    assert grade.correct and grade.exact and grade.rating == Rating.GOOD
    if other.strip():
        assert grade_typed(short(answer, fact, accept=(other,)), other).correct


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=10**7))
def test_a_different_number_is_never_right(first: int, second: int) -> None:
    grade = grade_typed(short(f"{first:,}", "number"), str(second))
    assert grade.correct == (first == second)


def test_an_acronym_answer_needs_its_expansion_known() -> None:
    question = short("ORF", "acronym")
    assert not grade_typed(question, "Observer Research Foundation").correct
    known = grade_typed(question, "Observer Research Foundation", acronyms=ACRONYMS)
    assert known.correct and known.feedback == "Correct: “ORF”."
    assert grade_typed(question, "orf").correct


def test_deck_acronyms_from_prompts_accept_lists_and_sources() -> None:
    from quiz.grading import deck_acronyms
    from quiz.model import Deck, SourceRef

    deck = Deck(
        id="d",
        title="D",
        questions=(
            Question("a", "short", "What does IEA stand for?", "Islamic Emirate of Afghanistan"),
            Question("b", "short", "Who?", "IS-K", accept=("Islamic State Khorasan",)),
            Question(
                "c",
                "short",
                "Which think tank?",
                "a think tank",
                source=SourceRef(
                    sentence="said Harsh Pant of the Observer Research Foundation (ORF)."
                ),
            ),
            Question("d", "short", "What does it mean?", "nothing", source=SourceRef("the (UN) x")),
        ),
    )
    table = deck_acronyms(deck)
    assert table == {
        "IEA": "Islamic Emirate of Afghanistan",
        "IS-K": "Islamic State Khorasan",
        "ORF": "Observer Research Foundation",
    }
    question = short("ORF", "acronym")
    assert grade_typed(
        question, "observer research foundation", acronyms=AcronymTable(table)
    ).correct
    assert grade_typed(short("IS-K"), "ISK").correct
    assert grade_typed(short("IS-K"), "is-k").correct
    assert not grade_typed(short("IS-K"), "IS").correct


def test_an_alias_found_in_the_question_does_not_answer_it() -> None:
    table = AcronymTable({"IEA": "Islamic Emirate of Afghanistan"})
    asked = Question("q", "short", "What does IEA stand for?", "Islamic Emirate of Afghanistan")
    assert not grade_typed(asked, "IEA", acronyms=table).correct
    assert grade_typed(asked, "islamic emirate of afghanistan", acronyms=table).correct
    reverse = Question(
        "q", "short", "What is the abbreviation of Islamic Emirate of Afghanistan?", "IEA"
    )
    assert not grade_typed(reverse, "Islamic Emirate of Afghanistan", acronyms=table).correct
    assert grade_typed(reverse, "I.E.A.", acronyms=table).correct
    cloze = Question("q", "cloze", "The {{c1::IEA}} sent an ambassador.", "IEA")
    assert grade_typed(cloze, "Islamic Emirate of Afghanistan", acronyms=table).correct


@settings(max_examples=300, deadline=None)
@given(
    st.text(min_size=1, max_size=40),
    st.text(max_size=40),
    st.sampled_from(("", *FACT_TYPES)),
    st.dictionaries(st.text(min_size=1, max_size=6), st.text(max_size=30), max_size=3),
)
def test_grading_any_answer_against_any_text_never_raises(
    answer: str, typed: str, fact: str, acronyms: dict[str, str]
) -> None:
    question = Question(id="q", kind="short", prompt=typed[::-1], answer=answer, fact=fact)
    grade = grade_typed(question, typed, acronyms=AcronymTable(acronyms))
    assert grade.correct == (grade.rating != Rating.AGAIN)
    assert grade.feedback


@pytest.mark.parametrize(
    ("answer", "typed", "rating"),
    [
        ("Shanghai Cooperation Organisation", "Shanghai Coperaton Organisaton", Rating.HARD),
        ("Observer Research Foundation", "Foundation Observer Research", Rating.HARD),
        ("Observer Research Foundation", "Foundation Observer Reserch", Rating.HARD),
        ("a five-year plan", "five year plan", Rating.GOOD),
        ("five", "Five.", Rating.GOOD),
        ("Zürich", "zurich", Rating.GOOD),
        ("Zürich", "Zurch", Rating.HARD),
    ],
)
def test_word_order_typos_and_accents(answer: str, typed: str, rating: Rating) -> None:
    assert grade_typed(short(answer), typed).rating == rating


def test_grading_again_gives_the_same_grade() -> None:
    for fact, answer, typed, rating in TABLE:
        first = grade_typed(short(answer, fact), typed, acronyms=ACRONYMS)
        again = grade_typed(short(answer, fact), typed, acronyms=ACRONYMS)
        assert first == again
        assert first.rating == rating


def test_the_same_input_is_graded_against_each_question() -> None:
    kabul, herat = short("Kabul"), short("Herat")
    for _ in range(2):
        assert grade_typed(kabul, "kabul").correct
        assert not grade_typed(herat, "kabul").correct
        assert grade_typed(herat, "herat").correct
        assert not grade_typed(kabul, "herat").correct


def test_extra_accepted_answers_count_only_when_given() -> None:
    question = short("Kabul")
    assert not grade_typed(question, "Kandahar").correct
    assert grade_typed(question, "Kandahar", extra_accepted=["Kandahar"]).correct
    assert grade_typed(question, "Kandahar", extra_accepted=iter(["Kandahar"])).correct
    assert not grade_typed(question, "Kandahar").correct
    assert not grade_typed(question, "Kandahar", extra_accepted=("Herat",)).correct


def test_each_acronym_table_is_used_on_its_own() -> None:
    question = short("ORF", "acronym")
    pairs = {"ORF": "Oxford Research Forum"}
    oxford = AcronymTable(pairs)
    pairs["ORF"] = "Observer Research Foundation"  # the table keeps the pairs it was made with
    observer = AcronymTable(pairs)
    assert grade_typed(question, "Oxford Research Forum", acronyms=oxford).correct
    assert not grade_typed(question, "Oxford Research Forum", acronyms=observer).correct
    assert grade_typed(question, "Observer Research Foundation", acronyms=observer).correct
    assert not grade_typed(question, "Observer Research Foundation", acronyms=oxford).correct
    assert not grade_typed(question, "Observer Research Foundation").correct


def test_a_deck_table_reads_the_deck_only_when_an_answer_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz import grading
    from quiz.model import Deck, SourceRef

    asked = Question(
        "q-asked",
        "short",
        "Which group did the envoy name as the common enemy?",
        "Islamic State Khorasan Province",
        fact="organisation",
        source=SourceRef(
            "The envoy named the Islamic State Khorasan Province (IS-K) as the enemy."
        ),
    )
    spelled = Question("q-spelled", "short", "What does IS-K stand for?", asked.answer_text)
    deck = Deck("d", "D", (asked, spelled))
    calls: list[Deck] = []

    def counted(deck: Deck) -> dict[str, str]:
        calls.append(deck)
        return deck_acronyms(deck)

    deck_acronyms = grading.deck_acronyms
    monkeypatch.setattr(grading, "deck_acronyms", counted)
    table = AcronymTable.of_deck(deck)
    assert grade_typed(asked, "Islamic State Khorasan Province", acronyms=table).correct
    assert calls == []  # a right answer is found before the table is needed
    # "IS-K" is not the initials of the four words; the deck itself says what it stands for.
    assert not grade_typed(asked, "IS-K").correct
    assert grade_typed(asked, "IS-K", acronyms=table).correct
    assert grade_typed(asked, "isk", acronyms=table).correct
    assert not grade_typed(asked, "ISIS", acronyms=table).correct
    assert calls == [deck]  # read once


def test_questions_made_and_dropped_one_by_one_are_graded_on_their_own_answers() -> None:
    # Each question is dropped before the next is made, so a new one may take its place in memory.
    for number in range(300):
        answer = f"answer {number}"
        question = short(answer, "number")
        grade = grade_typed(question, answer.upper())
        assert grade.correct and grade.matched == answer
        assert not grade_typed(question, f"answer {number + 1}").correct
        del question


# A different number is a wrong answer: sign, order, fractions, decades and units matter.
DIFFERENT_NUMBERS = [
    ("40", "-40"),
    ("-40", "40"),
    ("5", ".5"),
    ("0.5", "5"),
    ("3-1", "1-3"),
    ("10:30", "30:10"),
    ("1/2", "2/1"),
    ("2 to 1", "1 to 2"),
    ("9 to 2", "2-9"),
    ("1990s", "1990"),
    ("1990", "1990s"),
    ("£18.5 million", "18.5"),
]


@pytest.mark.parametrize(("answer", "typed"), DIFFERENT_NUMBERS)
def test_a_different_number_is_wrong(answer: str, typed: str) -> None:
    assert not grade_typed(short(answer, "number"), typed).correct


SAME_NUMBERS = [
    ("25", "twenty-five"),
    ("25", "twenty five"),
    ("105", "one hundred and five"),
    ("5 m", "5 metres"),
    ("5 metres", "5m"),
    ("140 metres", "140-metre"),
    ("£18.5m", "18.5 million"),
    ("0.5", ".5"),
    ("-40", "−40"),
    ("1979-1989", "1979 to 1989"),
    ("10:30", "10:30"),
    ("1990s", "the 1990's"),
    ("15 August 1947", "August 15, 1947"),
]


SEASONS = ["2020-21", "2020/21", "2020–21", "2020 – 21", "2020-2021", "2020/2021", "2020 to 2021"]


@pytest.mark.parametrize("answer", SEASONS)
@pytest.mark.parametrize("typed", SEASONS)
def test_a_season_is_the_same_however_it_is_joined(answer: str, typed: str) -> None:
    assert grade_typed(short(answer, "date"), typed).correct
    assert grade_typed(short(f"the {answer} season", "date"), f"{typed} season").correct


@pytest.mark.parametrize(
    ("answer", "typed", "correct"),
    [
        ("2020-21", "2021-22", False),
        ("2020-21", "2020", False),
        ("2020-21", "2019/20", False),
        ("1999-00", "1999/2000", True),
        ("1914-18", "1914 to 1918", True),
        ("1914-18", "1914-19", False),
        ("2020-22", "2020/22", False),  # a slash joins only a year to the next
    ],
)
def test_spans_of_years(answer: str, typed: str, correct: bool) -> None:
    assert grade_typed(short(answer, "date"), typed).correct == correct


@pytest.mark.parametrize(("answer", "typed"), SAME_NUMBERS)
def test_the_same_number_written_another_way_is_right(answer: str, typed: str) -> None:
    assert grade_typed(short(answer, "number"), typed).correct


def test_a_choice_differing_only_in_sign_is_wrong() -> None:
    question = Question(
        id="q", kind="choice", prompt="Coldest?", answer="-40", choices=("40", "-40", "4")
    )
    assert not grade_choice(question, 0).correct
    assert grade_choice(question, 1).correct


_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(number: int) -> str:
    """0..999 in English words, hyphenated as usual ("two hundred and forty-one")."""
    if number < 10:
        return _UNITS[number]
    if number < 20:
        return _TEENS[number - 10]
    if number < 100:
        tens, unit = divmod(number, 10)
        return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(number, 100)
    return f"{_UNITS[hundreds]} hundred" + (f" and {in_words(rest)}" if rest else "")


numbers = st.integers(min_value=-100_000, max_value=100_000)
pairs = st.tuples(numbers, numbers).filter(lambda pair: pair[0] != pair[1])


@given(pairs)
@settings(max_examples=200, deadline=None)
def test_property_two_different_numbers_never_match(pair: tuple[int, int]) -> None:
    answer, typed = pair
    assert not grade_typed(short(str(answer), "number"), str(typed)).correct
    assert grade_typed(short(str(answer), "number"), str(answer)).correct


@given(pairs, st.sampled_from(["-", " to ", ":", "/", "–"]))
@settings(max_examples=200, deadline=None)
def test_property_joined_numbers_keep_their_order(pair: tuple[int, int], joiner: str) -> None:
    first, second = abs(pair[0]), abs(pair[1])
    if first == second:
        return
    question = short(f"{first}{joiner}{second}", "number")
    assert grade_typed(question, f"{first}{joiner}{second}").correct
    assert not grade_typed(question, f"{second}{joiner}{first}").correct


@given(st.integers(min_value=0, max_value=999))
@settings(max_examples=200, deadline=None)
def test_property_numbers_in_words_read_as_the_number(number: int) -> None:
    question = short(str(number), "number")
    assert grade_typed(question, in_words(number)).correct
    assert not grade_typed(short(str(number + 1), "number"), in_words(number)).correct


@given(st.integers(min_value=1, max_value=299).map(lambda n: n * 10))
@settings(max_examples=100, deadline=None)
def test_property_a_decade_is_not_its_first_year(year: int) -> None:
    assert not grade_typed(short(f"{year}s", "date"), str(year)).correct
    assert not grade_typed(short(str(year), "date"), f"{year}s").correct
    assert grade_typed(short(f"{year}s", "date"), f"the {year}s").correct
