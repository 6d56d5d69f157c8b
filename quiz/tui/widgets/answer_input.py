"""AnswerInput: the answer box; holds at most `MAX_ANSWER_CHARS` and undoes typing with Ctrl+Z."""

from __future__ import annotations

from typing import Final

from textual.actions import SkipAction
from textual.binding import Binding
from textual.widgets import Input

from quiz.session import MAX_ANSWER_CHARS

MAX_UNDO: Final = 100
"""Earlier values kept for Ctrl+Z."""


class AnswerInput(Input):
    """An `Input` for answers.

    A paste longer than the room left is cut to fit (a plain `Input` with `max_length` refuses it
    whole). Ctrl+Z takes back the last word typed (or the last other change: a deletion, a
    paste); with nothing typed to undo the key goes on to the screen, which takes back the last
    answer.
    """

    BINDINGS = [Binding("ctrl+z", "undo_typing", "Undo typing", show=False)]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002  # Textual's name
        super().__init__(id=id)
        self._history: list[str] = []
        self._restoring = False
        self._shown = ""
        self._in_word = False  # the last change added a letter to a word being typed

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace `start:end` with `text`, cut so that the value stays within the limit."""
        room = MAX_ANSWER_CHARS - (len(self.value) - (end - start))
        super().replace(text[: max(room, 0)], start, end)

    def reset(self, placeholder: str) -> None:
        """Empty the box for a new card (with no typing to undo)."""
        self._restoring = True
        self.value = ""
        self._shown = ""
        self._in_word = False
        self._history.clear()
        self._restoring = False
        self.placeholder = placeholder

    def watch_value(self, value: str) -> None:
        """Remember the value before each change (called as the value is set)."""
        if not self._restoring and value != self._shown:
            # Letters typed one after another make one step (a word); a space ends it.
            letter = (
                len(value) == len(self._shown) + 1
                and value.startswith(self._shown)
                and not value[-1].isspace()
            )
            if not (letter and self._in_word):
                self._history.append(self._shown)
                del self._history[:-MAX_UNDO]
            self._in_word = letter
        self._shown = value

    def action_undo_typing(self) -> None:
        """Bring back the value before the last change."""
        if not self._history:
            raise SkipAction()
        self._restoring = True
        try:
            self.value = self._shown = self._history.pop()
        finally:
            self._restoring = False
            self._in_word = False
        self.cursor_position = len(self.value)
