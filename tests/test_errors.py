"""The one user-facing error: one printable line naming the file and line."""

from __future__ import annotations

from quiz.errors import MAX_MESSAGE, QuizError, one_line, printable


def test_message_names_file_and_line() -> None:
    assert str(QuizError("missing `answer`", path="decks/a.yaml", line=3)) == (
        "decks/a.yaml:3: missing `answer`"
    )
    assert str(QuizError("no such file", path="x.txt")) == "x.txt: no such file"
    assert str(QuizError("plain")) == "plain"


def test_message_is_one_line() -> None:
    assert one_line("first\nsecond\r\nthird\tfourth") == "first second third fourth"


def test_escape_sequences_and_bidi_are_shown_not_sent() -> None:
    hostile = "key \x1b]0;title\x07 \x1b[2J \u202egnp.exe \x9b"
    text = str(QuizError(hostile, path="a\x1b[31m.yaml"))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\x9b" not in text
    assert "\\x1b]0;title\\x07" in text and "\\u202e" in text
    assert text.startswith("a\\x1b[31m.yaml: ")
    assert printable("café – “ok”") == "café – “ok”"


def test_long_messages_are_cut() -> None:
    text = one_line("x" * 10_000)
    assert len(text) == MAX_MESSAGE and text.endswith("…")
