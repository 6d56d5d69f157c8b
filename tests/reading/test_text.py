"""Cleaning a block of text: the quick path for plain printable text gives what the full cleaning gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.reading.text import MAX_TOKEN, clean_text

_REMOVED = set("\x00\x07\x0b\x1f\x7f\x85\x9f\u200b\u2060\ufeff\u00ad")
"""Control and invisible characters (NEL, U+0085, is a control character here, not a line break)."""


def _cleaned_the_long_way(text: str) -> str:
    """The definition of `clean_text` for text without escape sequences, step by step."""
    text = "".join(ch for ch in text if ch not in _REMOVED)
    words = unicodedata.normalize("NFC", text).split()
    pieces = [word[i : i + MAX_TOKEN] for word in words for i in range(0, len(word), MAX_TOKEN)]
    return " ".join(pieces)


_PARTS = st.sampled_from(
    [
        "a",
        "Zo",
        "é",
        "e\u0301",
        "’",
        " ",
        "  ",
        "\t",
        "\n",
        "\u00a0",
        "\u2028",
        "\u3000",
        *sorted(_REMOVED),
        "\u200d",
        "x" * (MAX_TOKEN - 1),
        "y" * MAX_TOKEN,
        "z" * (MAX_TOKEN + 1),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PARTS, max_size=14).map("".join))
def test_clean_text_is_its_definition(text: str) -> None:
    assert clean_text(text) == _cleaned_the_long_way(text)


def test_a_long_run_is_broken_wherever_it_starts() -> None:
    for lead in range(0, 2 * MAX_TOKEN):
        text = "a " * lead + "w" * (MAX_TOKEN + 5) + " end"
        assert max(len(word) for word in clean_text(text).split()) == MAX_TOKEN
    prose = " ".join(["word"] * 200)
    assert clean_text(prose) == prose


def test_plain_printable_text_is_returned_as_it_is() -> None:
    text = "The “council” met on Tuesday — and voted 7 to 4."
    assert clean_text(text) == text
    assert clean_text(f" {text}") == text
    assert clean_text(text.replace(" ", "  ")) == text
