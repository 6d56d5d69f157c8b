"""The cheap English check: its words are the runs of letters in the sample, found token by token."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.reading.language import _WORD, _words, is_english


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "Zé", "ß", "1", "²", "½", "_", " ", "\n", "\xa0", "’", "-", "日", "\u0301"]
        ),
        max_size=20,
    ).map("".join)
)
def test_words_are_the_runs_of_letters(text: str) -> None:
    assert _words(text) == _WORD.findall(text)


def test_english_with_typographic_quotes_and_sums_is_english() -> None:
    text = (
        "“We cannot wait another decade,” said the head of the board, who has led the campaign "
        "since 2015. The plan would cost £416.5 million in total, and about 33,195 people signed a "
        "petition asking the council to think again about the route of the new line."
    )
    assert is_english([text])


def test_words_of_another_script_are_not_english() -> None:
    text = " ".join(["Совет города утвердил бюджет на следующий год, сообщили чиновники."] * 6)
    assert not is_english([f"“{text}”"])
