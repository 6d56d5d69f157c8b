"""HelpScreen: the keys, card kind by card kind."""

from __future__ import annotations

from typing import Final

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
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
        ),
    ),
    (
        "Flashcards and gaps",
        (
            ("Space / Enter", "show the answer"),
            ("1 2 3 4", "rate: Again, Hard, Good, Easy"),
        ),
    ),
    (
        "Short answer",
        (
            ("type, Enter", "answer (graded for you)"),
            ("r / ctrl+r", "I was right: count it and accept this answer"),
        ),
    ),
    ("Multiple choice", (("1-4 or a-d", "choose"),)),
    ("True or false", (("t / f", "true / false"),)),
    ("Put in order", (("e.g. 312, Enter", "the item numbers in the right order"),)),
    (
        "Any card",
        (
            ("Space / Enter", "next card, after the feedback"),
            ("u / ctrl+z", "undo the last answer"),
            ("Esc", "finish the session"),
        ),
    ),
    (
        "Anywhere",
        (
            ("F1 / ?", "this help"),
            ("ctrl+p", "commands, such as the light or dark theme"),
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
        with VerticalScroll(id="help-box"):
            yield Static(self._text(), id="help-text")

    @staticmethod
    def _text() -> Content:
        lines: list[Content] = [Content.styled("Keys", "bold reverse")]
        for section, keys in KEYS:
            lines.append(Content.styled(f"\n{section}", "bold $accent"))
            lines.extend(Content.assemble((f"  {key:<17}", "bold"), action) for key, action in keys)
        lines.append(Content.styled("\nEsc closes this help.", "italic"))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
