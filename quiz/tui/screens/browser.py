"""BrowserScreen: every card of the decks, searched and filtered; its details and review history;
suspend, edit and flag from here, one card or a selection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Final

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from quiz.browse import CardRow, card_rows, parse_query, search
from quiz.card_actions import CardActions
from quiz.errors import QuizError
from quiz.model import Deck, Question
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.session import Clock
from quiz.tui import text
from quiz.tui.widgets.key_bar import KeyBar

MAX_ROWS: Final = 500
"""Rows shown at once; a narrower search shows the rest."""

PLACEHOLDER: Final = (
    "/ search: words, deck: tag: kind: fact: is:new|review|suspended|flagged|leech|due due:7"
)

RATINGS: Final = {
    Rating.AGAIN: "Again",
    Rating.HARD: "Hard",
    Rating.GOOD: "Good",
    Rating.EASY: "Easy",
}


def _key(row: CardRow) -> str:
    return f"{row.deck.id}\x1f{row.question.id}"


class BrowserScreen(Screen[None]):
    """The card browser. The search box filters as you type (Enter or Tab goes to the list); the
    list shows deck, kind, state, due day and the question; the pane below shows the highlighted
    card in full with its review history."""

    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/", id="browse-search"),
        Binding("space", "select", "Select", id="browse-select"),
        Binding("s", "suspend", "Suspend", id="browse-suspend"),
        Binding("e", "edit", "Edit", id="browse-edit"),
        Binding("exclamation_mark", "flag", "Flag", key_display="!", id="browse-flag"),
        Binding("escape", "leave_search", "List", id="browse-list"),
        Binding("escape,q", "back", "Back", id="browse-back"),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        *,
        store: ProgressStore | None,
        actions: CardActions,
        clock: Clock,
    ) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self._store = store
        self._actions = actions
        self._clock = clock
        self.rows: list[CardRow] = []
        self.shown: list[CardRow] = []
        self.selected: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(id="browse-title")
        yield Input(placeholder=PLACEHOLDER, id="browse-query")
        table: DataTable[Text | str] = DataTable(
            id="browse-table", cursor_type="row", zebra_stripes=True
        )
        for key, label in (
            ("mark", " "),
            ("deck", "Deck"),
            ("kind", "Kind"),
            ("state", "State"),
            ("due", "Due"),
            ("question", "Question"),
        ):
            table.add_column(label, key=key)
        yield table
        yield Static(id="browse-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()
        self._show()
        self.query_one(DataTable).focus()

    # Data ----------------------------------------------------------------------------------------

    def _load(self) -> None:
        store = self._store
        states = {deck.id: store.card_states(deck.id) for deck in self.decks} if store else {}
        flags = {(f.deck_id, f.question_id): f.reason for f in store.flags()} if store else {}
        self.rows = card_rows(self.decks, states, flags)

    def _show(self) -> None:
        """Fill the list with the rows matching the search box."""
        query_text = self.query_one("#browse-query", Input).value
        try:
            query = parse_query(query_text)
        except QuizError as error:
            self._title(error.message, error=True)
            return
        now = self._clock()
        local = now.astimezone().tzinfo
        self.shown = search(self.rows, query, now=now, tz=local) if local else []
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        width = max(20, self.app.size.width - 58)
        for row in self.shown[:MAX_ROWS]:
            table.add_row(*self._cells(row, width), key=_key(row))
        if self.shown:
            table.move_cursor(row=min(cursor, min(len(self.shown), MAX_ROWS) - 1))
        else:
            self.query_one("#browse-detail", Static).update("No card matches.")
        more = f", the first {MAX_ROWS} shown" if len(self.shown) > MAX_ROWS else ""
        picked = f" · {len(self.selected)} selected" if self.selected else ""
        self._title(f"{len(self.shown)} of {len(self.rows)} cards{more}{picked}")

    def _cells(self, row: CardRow, width: int) -> list[Text | str]:
        state = row.state
        due = ""
        if state is not None and not state.is_new and state.due is not None:
            due = state.due.astimezone().date().isoformat()
        status = row.status + (" !" if row.flag else "")
        question = " ".join(row.question.prompt.split())
        if len(question) > width:
            question = question[: width - 1] + "…"
        return [
            "●" if _key(row) in self.selected else " ",
            text.cell(row.deck.title[:16]),
            row.question.kind,
            status,
            due,
            text.cell(question),
        ]

    def _title(self, message: str, *, error: bool = False) -> None:
        self.query_one("#browse-title", Static).update(
            Content.assemble((" Browse ", "reverse"), "  ", (message, "$error" if error else ""))
        )

    def _current(self) -> CardRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def _replace(self, row: CardRow, question: Question, flag: str | None) -> None:
        """Put the changed question and flag in the rows and the app's decks."""
        changed = replace(row, question=question, flag=flag)
        self.rows = [changed if _key(r) == _key(row) else r for r in self.rows]
        if question is not row.question:
            self.decks = tuple(
                replace(
                    deck,
                    questions=tuple(question if q.id == question.id else q for q in deck.questions),
                )
                if deck.id == row.deck.id
                else deck
                for deck in self.decks
            )
            changed_in_app = getattr(self.app, "question_changed", None)
            if changed_in_app is not None:
                changed_in_app(row.deck.id, question)

    # Detail --------------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        row = self._current()
        if row is not None:
            self.query_one("#browse-detail", Static).update(self._detail(row))

    def _detail(self, row: CardRow) -> Content:
        question = row.question
        parts: list[Content | str | tuple[str, str]] = [
            ("Q ", "bold"),
            text.plain(" ".join(question.prompt.split())),
            "\n",
            ("A ", "bold"),
            text.plain(question.answer_text),
        ]
        if question.accept:
            parts += ["  (also: ", text.plain(", ".join(question.accept)), ")"]
        facts = [question.kind, question.fact, *(f"#{tag}" for tag in question.tags)]
        if question.suspended:
            facts.append("suspended")
        if row.flag:
            facts.append(f"flagged: {row.flag}")
        parts += ["\n", text.plain(" · ".join(f for f in facts if f), "italic")]
        history = self._store.card_reviews(row.deck.id, question.id) if self._store else []
        if history:
            lines = [
                f"{r.reviewed_at.astimezone().strftime('%Y-%m-%d %H:%M')} {RATINGS[r.rating]}"
                + ("" if r.typed is None else f' "{r.typed}"')
                for r in history[-4:]
            ]
            earlier = f" ({len(history) - 4} earlier)" if len(history) > 4 else ""
            parts += ["\n", ("History", "bold"), earlier, ": ", text.plain(" · ".join(lines))]
        else:
            parts += ["\n", ("History", "bold"), ": never reviewed"]
        if question.source.sentence:
            parts += ["\n", ("Source ", "bold"), text.plain(question.source.sentence)]
        return Content.assemble(*parts)

    # Keys ----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        searching = isinstance(self.focused, Input)
        if action == "leave_search":
            return searching
        if action in ("back", "select", "search"):
            return not searching
        if action in ("suspend", "edit"):
            row = self._current()
            return (
                not searching
                and row is not None
                and self._actions.can_edit((row.deck, row.question))
            )
        if action == "flag":
            return not searching and self._store is not None and self._current() is not None
        return True

    @on(Input.Changed, "#browse-query")
    def _query_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#browse-query")
    def _query_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_select()

    def action_search(self) -> None:
        """Go to the search box."""
        self.query_one("#browse-query", Input).focus()

    def action_leave_search(self) -> None:
        """Back from the search box to the list."""
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        """Close the browser."""
        self.dismiss(None)

    def action_select(self) -> None:
        """Mark or unmark the highlighted card for a bulk suspend."""
        row = self._current()
        if row is None:
            return
        key = _key(row)
        self.selected ^= {key}
        table = self.query_one(DataTable)
        table.update_cell(key, "mark", "●" if key in self.selected else " ")
        table.move_cursor(row=min(table.cursor_row + 1, len(self.shown) - 1))
        self._title_counts()

    def _title_counts(self) -> None:
        picked = f" · {len(self.selected)} selected" if self.selected else ""
        self._title(f"{len(self.shown)} of {len(self.rows)} cards{picked}")

    def action_suspend(self) -> None:
        """Suspend the selected cards; with none selected, suspend or unsuspend the highlighted one."""
        rows = [row for row in self.rows if _key(row) in self.selected]
        if rows:
            suspend = True
        else:
            current = self._current()
            if current is None:
                return
            rows = [current]
            suspend = not current.question.suspended
        done = 0
        for row in rows:
            if row.question.suspended == suspend:
                continue
            try:
                question = self._actions.set_suspended((row.deck, row.question), suspend)
            except QuizError as error:
                self.notify(str(error), title="Not changed", severity="error", markup=False)
                break
            self._replace(row, question, row.flag)
            done += 1
        self.selected.clear()
        self._show()
        verb = "Suspended" if suspend else "Unsuspended"
        self.notify(f"{verb} {done} card{'s' if done != 1 else ''}.", timeout=3)

    def action_edit(self) -> None:
        """Edit the highlighted card's question (saved to its deck file)."""
        from quiz.tui.screens.card_actions import EditScreen

        row = self._current()
        if row is None:
            return
        card = (row.deck, row.question)

        def done(saved: Question | None) -> None:
            if saved is not None:
                self._replace(row, saved, row.flag)
                self._show()
                self.notify("Saved to the deck file.", timeout=3)

        self.app.push_screen(EditScreen(row.question, lambda q: self._actions.edit(card, q)), done)

    def action_flag(self) -> None:
        """Flag the highlighted card with a reason; a flagged card is unflagged."""
        from quiz.tui.screens.card_actions import FlagScreen

        row = self._current()
        store = self._store
        if row is None or store is None:
            return
        if row.flag is not None:
            store.unflag(row.deck.id, row.question.id)
            self._replace(row, row.question, None)
            self._show()
            self.notify("Flag removed.", timeout=2)
            return

        def done(reason: str | None) -> None:
            if reason is None:
                return
            self._actions.flag((row.deck, row.question), reason, now=self._now())
            self._replace(row, row.question, reason)
            self._show()
            self.notify(f"Flagged: {reason}.", timeout=2)

        self.app.push_screen(FlagScreen(), done)

    def _now(self) -> datetime:
        return self._clock()
