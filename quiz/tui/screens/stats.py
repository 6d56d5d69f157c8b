"""StatsScreen: reviews a day, true retention, cards by state and the due forecast."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from quiz.errors import QuizError
from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.session import Clock
from quiz.stats import Stats, compute_stats
from quiz.tui.widgets.key_bar import KeyBar

BLOCKS: Final = " ▁▂▃▄▅▆▇█"
CHART_HEIGHT: Final = 6


def column_chart(series: Sequence[tuple[date, int]], *, height: int = CHART_HEIGHT) -> Content:
    """A bar chart with one column per day, `height` rows high, and the first and last dates below."""
    counts = [count for _day, count in series]
    peak = max(counts, default=0)
    rows: list[str] = []
    for row in range(height, 0, -1):
        line = []
        for count in counts:
            eighths = 0 if peak == 0 else round(count * height * 8 / peak)
            if count and not eighths:
                eighths = 1
            filled = eighths - (row - 1) * 8
            line.append(BLOCKS[max(0, min(8, filled))])
        rows.append("".join(line))
    chart = Content("\n").join(Content.styled(row, "$accent") for row in rows)
    if series:
        first, last = series[0][0].strftime("%m-%d"), series[-1][0].strftime("%m-%d")
        gap = max(1, len(series) - len(first) - len(last))
        chart = Content.assemble(chart, "\n", Content.styled(f"{first}{' ' * gap}{last}", "dim"))
    return chart


class StatsScreen(Screen[None]):
    """The statistics of the decks in the list, computed in a worker from the progress file."""

    BINDINGS = [
        Binding("escape,s,q", "close", "Back", id="close-stats"),
    ]

    @dataclass
    class Computed(Message):
        """The statistics are ready."""

        stats: Stats

    def __init__(self, decks: Sequence[Deck], *, store: ProgressStore, clock: Clock) -> None:
        super().__init__()
        self._decks = tuple(decks)
        self._store_path: Path = store.path
        self._clock = clock

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(" Statistics ", "reverse"), id="stats-title")
        yield LoadingIndicator(id="stats-loading")
        with VerticalScroll(id="stats-body"):
            yield Static(id="stats-figures")
            with Horizontal(id="stats-charts"):
                yield Static(id="stats-history", classes="chart")
                yield Static(id="stats-forecast", classes="chart")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#stats-body").display = False
        self._compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stats")
    def _compute(self) -> None:
        """Read the progress in a thread, through a connection of its own."""
        try:
            with ProgressStore.open(self._store_path) as store:
                stats = compute_stats(store, self._decks, now=self._clock())
        except QuizError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.post_message(self.Computed(stats))

    @on(Computed)
    def show_stats(self, message: Computed) -> None:
        """Fill in the figures and charts."""
        stats = message.stats
        states = " · ".join(f"{count} {phase}" for phase, count in stats.cards_by_state)
        retention = (
            "no reviews of learned cards yet"
            if stats.retention is None
            else f"{stats.retention:.1%} of {stats.retention_reviews} reviews"
        )
        leeches = (
            f", {stats.leeches} {'leech' if stats.leeches == 1 else 'leeches'}"
            if stats.leeches
            else ""
        )
        figures = [
            Content.assemble(
                (f"{stats.decks}", "bold"),
                " decks · ",
                (f"{stats.questions}", "bold"),
                f" questions ({stats.suspended} suspended{leeches}) · ",
                (f"{stats.total_reviews}", "bold"),
                " reviews in all",
            ),
            Content.assemble(("True retention", "bold"), f" (30 days): {retention}"),
            Content.assemble(("Cards", "bold"), f": {states}"),
        ]
        self.query_one("#stats-figures", Static).update(Content("\n").join(figures))
        recent = sum(count for _day, count in stats.reviews_per_day)
        due_soon = sum(count for _day, count in stats.forecast)
        self.query_one("#stats-history", Static).update(
            Content.assemble(
                (f"Reviews a day, last {len(stats.reviews_per_day)} days", "bold"),
                f" ({recent})\n",
                column_chart(stats.reviews_per_day),
            )
        )
        self.query_one("#stats-forecast", Static).update(
            Content.assemble(
                (f"Due, next {len(stats.forecast)} days", "bold"),
                f" ({due_soon})\n",
                column_chart(stats.forecast),
            )
        )
        self.query_one("#stats-loading").display = False
        self.query_one("#stats-body").display = True

    def action_close(self) -> None:
        """Back to the deck list."""
        self.dismiss(None)
