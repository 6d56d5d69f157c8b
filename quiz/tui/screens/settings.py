"""SettingsScreen: new cards a day and desired retention, kept with the progress."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from quiz.errors import QuizError
from quiz.progress import ProgressStore, Settings
from quiz.scheduling import MAX_RETENTION, MIN_RETENTION


class SettingsScreen(ModalScreen[Settings | None]):
    """Edit the study settings; Enter saves them (for this and later runs), Esc leaves them.

    Args:
        store: where the settings are saved.
        current: the values in use now (which may come from command-line flags for this run).
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-settings")]

    def __init__(self, store: ProgressStore, current: Settings) -> None:
        super().__init__()
        self._store = store
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-box"):
            yield Static(Content.styled(" Settings ", "bold reverse"))
            yield Label("New cards a day, over all decks (0-9999)")
            yield Input(str(self._current.new_per_day), type="integer", id="new-per-day")
            yield Label(
                f"Desired retention, {MIN_RETENTION}-{MAX_RETENTION} (higher: more reviews)"
            )
            yield Input(f"{self._current.retention:g}", type="number", id="retention")
            yield Label("Leech: forgotten this many times, a card is suspended (0: never)")
            yield Input(str(self._current.leech_lapses), type="integer", id="leech-lapses")
            yield Static(id="settings-error")
            yield Static(
                Content.styled("Enter saves (kept for later runs), Esc cancels.", "italic dim")
            )

    @on(Input.Submitted)
    def save(self) -> None:
        """Save the values; a value out of range is shown and nothing is saved."""
        try:
            new_per_day = int(self.query_one("#new-per-day", Input).value)
            retention = float(self.query_one("#retention", Input).value)
            leech_lapses = int(self.query_one("#leech-lapses", Input).value)
        except ValueError:
            self._error(
                "enter a whole number of cards, a retention such as 0.9 and a whole number of"
                " lapses"
            )
            return
        try:
            saved = self._store.set_settings(
                new_per_day=new_per_day, retention=retention, leech_lapses=leech_lapses
            )
        except QuizError as error:
            self._error(str(error))
            return
        self.dismiss(saved)

    def _error(self, message: str) -> None:
        self.query_one("#settings-error", Static).update(Content.styled(message, "$error"))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class MoreNewScreen(ModalScreen[bool]):
    """Asks whether to study more new cards today than the daily limit allows.

    Args:
        limit: the daily limit of new cards.
        more: how many more would be studied.
    """

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Study them", id="more-yes"),
        Binding("n,escape", "answer(False)", "Not today", id="more-no"),
    ]

    def __init__(self, *, limit: int, more: int) -> None:
        super().__init__()
        self._limit = limit
        self._more = more

    def compose(self) -> ComposeResult:
        card_word = "card" if self._more == 1 else "cards"
        with Vertical(id="more-box"):
            yield Static(Content.styled(" Daily limit reached ", "bold reverse"))
            yield Static(
                f"Nothing is due, and today's {self._limit} new cards are done (the limit is in"
                f" Settings, key o in the deck list).\n\nStudy {self._more} more new"
                f" {card_word} today?   y / Enter: yes    n / Esc: not today"
            )

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
