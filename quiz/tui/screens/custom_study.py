"""CustomStudyScreen: choose a custom sitting (beyond today's limits, review ahead, the cards
answered wrong today) and the deck, tags and dates it draws from. The choice is `quiz.custom_study`'s;
this form only collects it and shows how many cards it gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Select, Static

from quiz.custom_study import (
    DEFAULT_AHEAD_DAYS,
    DEFAULT_LIMIT,
    KINDS,
    CardFilter,
    CustomKind,
    CustomStudy,
    parse_day,
)
from quiz.errors import QuizError
from quiz.model import Deck
from quiz.tui import text

ALL_DECKS = "*"
"""The deck choice that stands for every deck."""

TITLE_ROOM = 48
"""Deck titles in the deck choice are cut to this many characters."""


class CustomStudyScreen(ModalScreen[CustomStudy | None]):
    """The custom study form. Enter studies the cards it gives; Esc closes it.

    Args:
        decks: the decks to choose from.
        count: how many cards a choice gives now (shown as the form changes).
        deck_id: the deck chosen at first; `None` for every deck.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-custom"),
        Binding("enter", "start", "Study", id="start-custom", priority=True),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        count: Callable[[CustomStudy], int],
        *,
        deck_id: str | None = None,
    ) -> None:
        super().__init__()
        self._decks = tuple(decks)
        self._count = count
        self._deck_id = deck_id
        self._tags = sorted({tag for deck in decks for q in deck.questions for tag in q.tags})

    def compose(self) -> ComposeResult:
        options = [("All decks", ALL_DECKS)] + [
            (text.clean(_cut(deck.title)), deck.id) for deck in self._decks
        ]
        chosen = self._deck_id if self._deck_id in {deck.id for deck in self._decks} else ALL_DECKS
        with Vertical(id="custom-box"):
            yield Static(Content.styled(" Custom study ", "bold reverse"))
            yield Static(
                Content.styled(
                    "Reviews count as usual; nothing else in the schedule changes.", "italic dim"
                )
            )
            with RadioSet(id="custom-kind", compact=True):
                for kind, label in KINDS.items():
                    yield RadioButton(label, value=kind == "cram", name=kind)
            with Grid(id="custom-fields"):
                yield Label("Deck")
                yield Select(
                    options, value=chosen, allow_blank=False, compact=True, id="custom-deck"
                )
                yield Label("Tags")
                yield Input(
                    placeholder=", ".join(self._tags[:4]) + (", …" if len(self._tags) > 4 else "")
                    if self._tags
                    else "any (the decks have no tags)",
                    compact=True,
                    id="custom-tags",
                )
                yield Label("Published")
                yield Input(placeholder="YYYY-MM-DD", compact=True, id="custom-from")
                yield Label("to")
                yield Input(placeholder="YYYY-MM-DD", compact=True, id="custom-to")
                yield Label("Days ahead")
                yield Input(str(DEFAULT_AHEAD_DAYS), type="integer", compact=True, id="custom-days")
                yield Label("At most")
                yield Input(str(DEFAULT_LIMIT), type="integer", compact=True, id="custom-limit")
            yield Static(id="custom-count")
            yield Static(
                Content.styled(
                    "Tab: next field · Space: pick · Enter: study · Esc: cancel", "italic dim"
                )
            )

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()
        self._show_count()

    def chosen(self) -> CustomStudy:
        """The sitting the form describes.

        Raises:
            QuizError: A field does not hold a valid value (the message says which).
        """
        pressed = self.query_one(RadioSet).pressed_button
        kind: CustomKind = "cram"
        if pressed is not None and pressed.name in KINDS:
            kind = pressed.name
        deck = self.query_one("#custom-deck", Select).value
        tags = frozenset(
            tag.strip() for tag in self._value("#custom-tags").split(",") if tag.strip()
        )
        cards = CardFilter(
            deck_ids=frozenset() if deck in (ALL_DECKS, Select.BLANK) else frozenset({str(deck)}),
            tags=tags,
            published_from=self._day("#custom-from", end=False),
            published_to=self._day("#custom-to", end=True),
        )
        return CustomStudy(
            kind,
            cards,
            days=self._number("#custom-days", "days ahead", DEFAULT_AHEAD_DAYS),
            limit=self._number("#custom-limit", "the number of cards", DEFAULT_LIMIT),
        )

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _day(self, selector: str, *, end: bool) -> date | None:
        value = self._value(selector)
        return parse_day(value, end=end) if value else None

    def _number(self, selector: str, what: str, default: int) -> int:
        value = self._value(selector)
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise QuizError(f"{what} must be a whole number, not {value!r}") from None

    @on(Input.Changed)
    @on(RadioSet.Changed)
    @on(Select.Changed)
    def _show_count(self) -> None:
        line = self.query_one("#custom-count", Static)
        study = self._chosen_or_say(line)
        if study is None:
            return
        found = self._count(study)
        self.query_one("#custom-days").disabled = study.kind != "ahead"
        word = "card" if found == 1 else "cards"
        line.update(
            Content.assemble((f"{found} {word}", "bold"), " to study")
            if found
            else Content.styled("No cards match.", "$warning")
        )

    def _chosen_or_say(self, line: Static) -> CustomStudy | None:
        """The study the form gives, or None after saying on `line` what is wrong with it."""
        try:
            return self.chosen()
        except QuizError as error:
            line.update(Content.styled(str(error), "$error"))
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter picks a deck while the deck list is open, and studies otherwise."""
        if action == "start":
            return not self.query_one("#custom-deck", Select).expanded
        return True

    def action_start(self) -> None:
        """Study the cards the form gives (an invalid field or no cards says so and stays)."""
        line = self.query_one("#custom-count", Static)
        study = self._chosen_or_say(line)
        if study is None:
            return
        if not self._count(study):
            line.update(Content.styled("No cards match: widen the choice.", "$warning"))
            return
        self.dismiss(study)

    def action_cancel(self) -> None:
        """Close without studying."""
        self.dismiss(None)


def _cut(title: str) -> str:
    return title if len(title) <= TITLE_ROOM else title[: TITLE_ROOM - 1] + "…"
