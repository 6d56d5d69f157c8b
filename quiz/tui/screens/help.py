"""HelpScreen: the keys, card kind by card kind."""

from __future__ import annotations

from typing import Final

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    (
        "Deck list",
        (
            ("Enter", "study the selected deck"),
            ("a", "study all decks"),
            ("s", "statistics"),
            ("c", "custom study"),
            ("b", "browse every card"),
            ("o", "settings"),
        ),
    ),
    (
        "Flashcards and gaps",
        (
            ("Space / Enter", "show the answer"),
            ("1 2 3 4", "Again, Hard, Good, Easy"),
        ),
    ),
    (
        "Short answer",
        (
            ("type, Enter", "answer (graded for you)"),
            ("r / ctrl+r", "I was right (accept it)"),
            ("Esc / ctrl+z", "clear / undo typing"),
        ),
    ),
    (
        "Choice, true or false, order",
        (
            ("1-4 or a-d", "choose (or click)"),
            ("t / f", "true / false"),
            ("e.g. 312, Enter", "items in order"),
        ),
    ),
    (
        "Any card",
        (
            ("Space / Enter", "next card"),
            ("u / ctrl+z", "undo the last answer"),
            ("e / ctrl+e", "edit the question"),
            ("s / ctrl+s", "suspend it"),
            ("! / ctrl+f", "flag it as bad"),
            ("Esc", "finish the session"),
        ),
    ),
    (
        "Anywhere",
        (
            ("F1 / ?", "this help"),
            ("ctrl+p", "commands, colour theme"),
            ("ctrl+q", "quit"),
        ),
    ),
)
"""The help text: sections of (keys, what they do)."""


class HelpScreen(ModalScreen[None]):
    """Lists the keys; any of Esc, F1, ? or q closes it."""

    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="close-help"),
    ]

    def compose(self) -> ComposeResult:
        half = 3
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled(" Keys ", "bold reverse"), id="help-title")
            with Horizontal(id="help-columns"):
                yield Static(self._text(KEYS[:half]), classes="help-column")
                yield Static(self._text(KEYS[half:]), classes="help-column")
            yield Static(Content.styled("Esc closes this help.", "italic"), id="help-close")

    @staticmethod
    def _text(sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> Content:
        lines: list[Content] = []
        for section, keys in sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(section, "bold $accent"))
            for key, action in keys:
                lines.append(Content.assemble((key, "bold"), "  ", action))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
