"""Marking what a wrong answer got wrong."""

from __future__ import annotations

from quiz.answer_diff import changed_words, mark_differences


def test_a_misspelling_marks_only_the_wrong_letters() -> None:
    typed, answer = mark_differences("Elin Trusk", "Elin Trask")
    assert typed == [("Elin Tr", False), ("u", True), ("sk", False)]
    assert answer == [("Elin Tr", False), ("a", True), ("sk", False)]


def test_missing_and_extra_words_are_marked() -> None:
    typed, answer = mark_differences("Supreme Court of Russia", "Supreme Court")
    assert typed == [("Supreme Court", False), (" of Russia", True)]
    assert answer == [("Supreme Court", False)]
    typed, answer = mark_differences("islamic state khorasan", "Islamic State Khorasan Province")
    assert typed == [("islamic state khorasan", False)]
    assert answer == [("Islamic State Khorasan", False), (" Province", True)]


def test_a_different_answer_is_not_marked_letter_by_letter() -> None:
    assert mark_differences("Mara", "Elin Trask") == ([("Mara", False)], [("Elin Trask", False)])


def test_changed_words_of_a_false_statement() -> None:
    sentence = (
        "“We cannot keep patching a wall that was built for the storms of 1952,” said Elin Trask."
    )
    assert changed_words("The wall was built for the storms of 1953.", sentence) == ("1953", "1952")
    assert changed_words(
        "True or false? Construction began in November 2016.",
        "Construction began in March 2017, when crews started drilling from both shores at once.",
    ) == ("November 2016", "March 2017")
    assert changed_words("The harbour will close while the wall is built.", "") is None
    assert changed_words("Same words here.", "Same words here.") is None
