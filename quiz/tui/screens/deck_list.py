"""DeckListScreen: the decks with their counts; choose one (or all) to study."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from quiz.decks import BrokenDeck
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
"""The deck title column's least width; it takes what the other columns leave."""
OTHER_COLUMNS_WIDTH = 48
"""The number and date columns with their padding, and the scroll bar."""

COUNTS_EVERY = 60.0
"""Seconds between refreshes of the counts (cards fall due as time passes)."""


class DeckListScreen(Screen[None]):
    """A table of decks: questions, new, due now, learned and the article's date.

    The row under the cursor shows its article's title, authors and file below the table. Deck
    files that could not be read follow, marked broken, with their first problem. The counts
    are refreshed every minute, when the table gets focus and when the list shows again.
    """

    BINDINGS = [
        Binding("enter", "study", "Study", id="study-deck", priority=True),
        Binding("a", "study_all", "All", id="study-all"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("c", "custom", "Custom", id="custom-study"),
        Binding("b", "app.browse", "Browse", id="browse"),
        Binding("q,escape", "app.quit", "Quit", show=False, id="leave-list"),
        Binding("o", "app.settings", "Settings", id="settings"),
    ]

    @dataclass
    class StudyChosen(Message):
        """The learner asked to study these decks."""

        decks: tuple[Deck, ...]

    class StatsChosen(Message):
        """The learner asked for the statistics."""

    @dataclass
    class CustomChosen(Message):
        """The learner asked for custom study, from this deck at first (`None`: all decks)."""

        deck_id: str | None

    def __init__(
        self,
        decks: Sequence[Deck],
        *,
        store: ProgressStore | None,
        clock: Clock,
        folder: str = "",
        broken: Sequence[BrokenDeck] = (),
    ) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.broken = tuple(broken)
        self._store = store
        self._clock = clock
        self._folder = folder
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        where = f" in {self._folder}" if self._folder else ""
        count = len(self.decks)
        heading = " quiz ", f"  {count} deck{'s' if count != 1 else ''}{where}"
        if self.broken:
            heading = heading[0], heading[1] + f", {len(self.broken)} broken"
        yield Static(
            Content.assemble((heading[0], "reverse"), text.plain(heading[1])), id="list-title"
        )
        table: DataTable[Text | str | int] = DataTable(
            id="deck-table", cursor_type="row", zebra_stripes=True
        )
        yield table  # its columns and rows come in _fill
        yield Static(id="deck-detail")
        yield KeyBar()

    def _title_width(self) -> int:
        """The deck title column takes the width the number and date columns leave."""
        return max(TITLE_WIDTH, self.app.size.width - OTHER_COLUMNS_WIDTH)

    def _short_title(self, title: str) -> str:
        width = self._title_width()
        return title if len(title) <= width else title[: width - 1] + "…"

    def on_resize(self) -> None:
        """Titles are cut to the new width (the table is filled again, the cursor kept)."""
        table = self.query_one(DataTable)
        if table.row_count and self._filled_width != self._title_width():
            row = table.cursor_row
            self._fill(table)
            self.refresh_counts()
            table.move_cursor(row=row)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._fill(table)
        self.refresh_counts()
        table.focus()
        self.set_interval(COUNTS_EVERY, self.refresh_counts)

    def _fill(self, table: DataTable[Text | str | int]) -> None:
        table.clear(columns=True)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self._filled_width = self._title_width()
        for index, deck in enumerate(self.decks):
            table.add_row(
                text.cell(self._short_title(deck.title)),
                0,
                0,
                0,
                0,
                text.cell(deck.source.published),
                key=str(index),
            )
        for index, broken in enumerate(self.broken):
            name = self._short_title(broken.path.name)
            table.add_row(
                Text(text.clean(name), style="dim"),
                "",
                "",
                "",
                "",
                Text("broken", style="bold red"),
                key=f"broken-{index}",
            )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The table got focus again: cards may have fallen due meanwhile."""
        if isinstance(event.widget, DataTable) and self.is_mounted:
            self.refresh_counts()

    def on_screen_resume(self) -> None:
        """Counts change after studying: update them in place."""
        if self.is_mounted:
            self.refresh_counts()

    def refresh_counts(self) -> None:
        """Recompute each deck's counts at the current time."""
        table = self.query_one(DataTable)
        now = self._clock()
        if not table.row_count:
            return
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
        """Show the highlighted deck's article under the table (a broken deck's problem)."""
        key = event.row_key.value or "0"
        if key.startswith("broken-"):
            broken = self.broken[int(key.removeprefix("broken-"))]
            self.query_one("#deck-detail", Static).update(
                Content.assemble(
                    ("Broken: ", "bold $error"),
                    text.plain(broken.problem),
                    "\n",
                    text.plain(f"quiz check {broken.path} lists every problem", "italic"),
                )
            )
            return
        deck = self.decks[int(key)]
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
        """Study the deck under the cursor (a broken one says so)."""
        row = self.query_one(DataTable).cursor_row
        if row < len(self.decks):
            self.post_message(self.StudyChosen((self.decks[row],)))
        elif row - len(self.decks) < len(self.broken):
            broken = self.broken[row - len(self.decks)]
            self.notify(
                f"This deck cannot be read: {broken.problem}",
                title="Broken deck",
                severity="error",
                markup=False,
            )

    def action_study_all(self) -> None:
        """Study every deck: due cards of all of them first, then new ones."""
        if self.decks:
            self.post_message(self.StudyChosen(self.decks))

    def action_custom(self) -> None:
        """Custom study, with the deck under the cursor chosen at first."""
        row = self.query_one(DataTable).cursor_row
        self.post_message(self.CustomChosen(self.decks[row].id if row < len(self.decks) else None))

    def action_stats(self) -> None:
        """Open the statistics."""
        self.post_message(self.StatsChosen())
