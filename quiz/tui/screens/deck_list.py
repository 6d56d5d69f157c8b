"""DeckListScreen: the decks with their counts; choose one (or all) to study."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.session import Clock
from quiz.study import deck_counts
from quiz.tui import text
from quiz.tui.widgets.key_bar import KeyBar

COLUMNS = (
    ("deck", "Deck"),
    ("questions", "Questions"),
    ("new", "New"),
    ("due", "Due"),
    ("learned", "Learned"),
    ("date", "Date"),
)
TITLE_WIDTH = 30


class DeckListScreen(Screen[None]):
    """A table of decks: questions, new, due now, learned and the article's date.

    The row under the cursor shows its article's title, authors and file below the table.
    """

    BINDINGS = [
        Binding("enter", "study", "Study", id="study-deck", priority=True),
        Binding("a", "study_all", "All", id="study-all"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("b", "app.browse", "Browse", id="browse"),
        Binding("o", "app.settings", "Settings", id="settings"),
    ]

    @dataclass
    class StudyChosen(Message):
        """The learner asked to study these decks."""

        decks: tuple[Deck, ...]

    class StatsChosen(Message):
        """The learner asked for the statistics."""

    def __init__(
        self, decks: Sequence[Deck], *, store: ProgressStore | None, clock: Clock, folder: str = ""
    ) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self._store = store
        self._clock = clock
        self._folder = folder

    def compose(self) -> ComposeResult:
        where = f" in {self._folder}" if self._folder else ""
        count = len(self.decks)
        heading = " quiz ", f"  {count} deck{'s' if count != 1 else ''}{where}"
        yield Static(
            Content.assemble((heading[0], "reverse"), text.plain(heading[1])), id="list-title"
        )
        table: DataTable[Text | str | int] = DataTable(
            id="deck-table", cursor_type="row", zebra_stripes=True
        )
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Static(id="deck-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for index, deck in enumerate(self.decks):
            title = (
                deck.title
                if len(deck.title) <= TITLE_WIDTH
                else deck.title[: TITLE_WIDTH - 1] + "…"
            )
            table.add_row(
                text.cell(title), 0, 0, 0, 0, text.cell(deck.source.published), key=str(index)
            )
        self.refresh_counts()
        table.focus()

    def on_screen_resume(self) -> None:
        """Counts change after studying: update them in place."""
        if self.is_mounted:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        """Recompute each deck's counts at the current time."""
        table = self.query_one(DataTable)
        now = self._clock()
        for index, deck in enumerate(self.decks):
            states = self._store.card_states(deck.id) if self._store is not None else {}
            counts = deck_counts(deck, states, now)
            row = str(index)
            table.update_cell(row, "questions", counts.questions)
            table.update_cell(row, "new", counts.new)
            table.update_cell(row, "due", counts.due)
            table.update_cell(row, "learned", counts.learned)

    @on(DataTable.RowHighlighted)
    def show_detail(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted deck's article under the table."""
        deck = self.decks[int(event.row_key.value or 0)]
        source = deck.source
        parts: list[Content | str | tuple[str, str]] = [
            ("Article: ", "bold"),
            text.plain(source.title or deck.title),
        ]
        if source.published:
            parts += [" (", text.plain(source.published), ")"]
        if source.authors:
            parts += ["\nBy ", text.plain(", ".join(source.authors))]
        if source.url or source.file:
            parts += ["\n", text.plain(source.url or source.file, "italic")]
        self.query_one("#deck-detail", Static).update(Content.assemble(*parts))

    @on(DataTable.RowSelected)
    def study_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row studies that deck."""
        event.stop()
        self.action_study()

    def action_study(self) -> None:
        """Study the deck under the cursor."""
        table = self.query_one(DataTable)
        if self.decks:
            self.post_message(self.StudyChosen((self.decks[table.cursor_row],)))

    def action_study_all(self) -> None:
        """Study every deck: due cards of all of them first, then new ones."""
        if self.decks:
            self.post_message(self.StudyChosen(self.decks))

    def action_stats(self) -> None:
        """Open the statistics."""
        self.post_message(self.StatsChosen())
