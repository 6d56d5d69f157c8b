"""QuizApp: the deck list, study sessions, practice tests, statistics and help."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.card_actions import CardActions
from quiz.decks import BrokenDeck
from quiz.errors import QuizError
from quiz.model import Deck, Question
from quiz.progress import ProgressStore, Settings
from quiz.scheduling import CardState
from quiz.session import Card, Clock, Session, Summary
from quiz.study import build_queue, deck_counts, next_due
from quiz.tui.screens.study import StudyScreen

if TYPE_CHECKING:
    from quiz.custom_study import CustomStudy
    from quiz.tui.screens.deck_list import DeckListScreen

DEFAULT_MORE_NEW = 10
"""New cards offered beyond the limit when the daily limit is 0."""

# The deck list, statistics, summary and help screens are imported when first shown: opening
# straight on a card (`quiz study DECK`) then skips their imports (DataTable among them). So is
# custom study.


@dataclass(frozen=True, slots=True)
class StudyOptions:
    """How to study: the daily limit of new cards, the desired retention and the colour theme."""

    new_per_day: int = 20
    retention: float = 0.9
    theme: str = ""
    """The theme saved with the settings; empty (or unknown to Textual) for the default."""
    leech_lapses: int = 8
    """Lapses that make a card a leech, tagged and suspended (0: never)."""


class QuizApp(App[None]):
    """Study decks with spaced repetition, or take a practice test.

    Args:
        decks: the decks, already read and validated.
        store: the progress store; `None` for a practice test (nothing is written).
        clock: the time source.
        options: the daily new-card limit, desired retention and theme.
        practice: the questions of a practice test; the app opens on them and ends after the score.
        study_now: open straight on a study session of all the decks; the deck list comes after.
        folder: where the decks were found, shown above the list.
        deck_files: deck id -> the file it was read from, for editing and suspending cards.
        broken: deck files that could not be read, listed as broken.
        custom: open straight on this custom study sitting; the deck list comes after.
    """

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", id="help"),
        # Every answer is already saved: ctrl+c ends the app at once, as in other terminal tools.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="ctrl-c-quit"),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        store: ProgressStore | None,
        *,
        clock: Clock,
        options: StudyOptions,
        practice: Sequence[Card] | None = None,
        study_now: bool = False,
        folder: str = "",
        deck_files: Mapping[str, Path] | None = None,
        broken: Sequence[BrokenDeck] = (),
        custom: CustomStudy | None = None,
    ) -> None:
        super().__init__()
        self._custom = custom
        self.decks = tuple(decks)
        self.store = store
        self.clock = clock
        self.options = options
        self._practice = None if practice is None else tuple(practice)
        self._study_now = study_now
        self._folder = folder
        self._broken = tuple(broken)
        self._deck_list: DeckListScreen | None = None
        self._saved_theme = options.theme
        self.actions = CardActions(store, dict(deck_files or {}), options.leech_lapses)
        if options.theme in self.available_themes:
            self.theme = options.theme

    def watch_theme(self, theme: str) -> None:
        """Keep the theme chosen (ctrl+p, "Change theme") for the next start."""
        if self.store is None or theme == self._saved_theme:
            return
        try:
            self.store.set_settings(theme=theme)
        except QuizError as error:
            self.notify(str(error), title="Theme not saved", severity="error", markup=False)
            return
        self._saved_theme = theme

    def on_mount(self) -> None:
        if self._practice is not None:
            session = Session(self._practice, store=None, clock=self.clock)
            self.push_screen(StudyScreen(session, self.actions), self._test_done)
        elif self._custom is not None:
            if not self.start_custom(self._custom):
                self.show_deck_list()
        elif not (self._study_now and self.start_study(self.decks)):
            self.show_deck_list()

    def show_deck_list(self) -> None:
        """Show the deck list (made the first time it is needed)."""
        from quiz.tui.screens.deck_list import DeckListScreen

        if self._deck_list is None:
            self._deck_list = DeckListScreen(
                self.decks,
                store=self.store,
                clock=self.clock,
                folder=self._folder,
                broken=self._broken,
            )
            self.push_screen(self._deck_list)

    def start_study(self, decks: Sequence[Deck], *, extra_new: int = 0) -> bool:
        """Start a session on `decks`: due cards first, then new ones up to today's limit.

        Args:
            decks: the decks to study.
            extra_new: new cards to study today beyond the daily limit (the learner asked).

        Returns:
            False when there is nothing to study now: a notice says when the next card is due,
            or, when the daily limit of new cards is what stops the decks, the learner is offered
            more new cards today.
        """
        store = self.store
        if store is None:
            return False
        now = self.clock()
        local = now.astimezone()  # the daily limit counts days in the learner's time zone
        introduced = store.new_introduced_on(None, local.date(), tz=local.tzinfo or UTC)
        with_states = [(deck, store.card_states(deck.id)) for deck in decks]
        left_today = max(self.options.new_per_day - introduced, 0)
        cards = build_queue(
            with_states,
            now=now,
            new_limit=left_today + extra_new,
            day_start=local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC),
        )
        if not cards:
            self.show_deck_list()
            waiting = sum(deck_counts(deck, states, now).new for deck, states in with_states)
            if left_today == 0 and waiting and not extra_new:
                self._offer_more_new(decks, waiting)
                return False
            from quiz.tui.screens.summary import when

            upcoming = next_due(with_states)
            message = "Nothing to study now"
            if upcoming is not None:
                message += f"; next card due {when(upcoming, now)}"
            elif waiting:
                message += (
                    f"; {waiting} new cards wait for another day (their sentences were seen today)"
                )
            self.notify(f"{message}.", title="All done", markup=False)
            return False
        self._open_session(cards, decks, with_states)
        return True

    def custom_cards(self, study: CustomStudy) -> list[Card]:
        """The cards a custom sitting would ask now (none in a practice test)."""
        from quiz.custom_study import answered_wrong, custom_queue, day_start

        store = self.store
        if store is None:
            return []
        now = self.clock()
        wrong: list[tuple[str, str]] = []
        if study.kind == "wrong":
            wrong = answered_wrong(store.reviews(since=day_start(now)))
        with_states = [(deck, store.card_states(deck.id)) for deck in self.decks]
        return custom_queue(with_states, study, now=now, wrong=wrong)

    def start_custom(self, study: CustomStudy) -> bool:
        """Start a custom sitting: the cards `study` chooses, beyond today's limits.

        Returns:
            False (with a notice) when no card matches.
        """
        from quiz.custom_study import describe, study_decks

        store = self.store
        cards = self.custom_cards(study)
        if store is None or not cards:
            self.notify(
                f"No cards match: {describe(study, self.decks)}.",
                title="Custom study",
                markup=False,
            )
            return False
        decks = study_decks(cards)
        with_states = [(deck, store.card_states(deck.id)) for deck in decks]
        self._open_session(cards, decks, with_states, label="Custom")
        return True

    def _open_session(
        self,
        cards: Sequence[Card],
        decks: Sequence[Deck],
        with_states: Sequence[tuple[Deck, Mapping[str, CardState]]],
        *,
        label: str = "Study",
    ) -> None:
        """Push the study screen on a session of `cards` (learning cards of `decks` added at the end)."""
        states_of = {deck.id: states for deck, states in with_states}
        phases = {
            (deck.id, question.id): state.state
            for deck, question in cards
            if (state := states_of[deck.id].get(question.id)) is not None
        }
        session = Session(
            cards,
            store=self.store,
            clock=self.clock,
            decks=decks,
            retention=self.options.retention,
            phases=phases,
            actions=self.actions,
        )
        self.push_screen(StudyScreen(session, self.actions, label=label), self._study_done)

    def action_custom_study(self, deck_id: str | None = None) -> None:
        """Choose a custom sitting in a form, then study it."""
        from quiz.tui.screens.custom_study import CustomStudyScreen

        if self.store is None or isinstance(self.screen, (CustomStudyScreen, StudyScreen)):
            return

        def chosen(study: CustomStudy | None) -> None:
            if study is not None:
                self.start_custom(study)

        self.push_screen(
            CustomStudyScreen(
                self.decks, lambda study: len(self.custom_cards(study)), deck_id=deck_id
            ),
            chosen,
        )

    def question_changed(self, deck_id: str, question: Question) -> None:
        """Keep the app's decks (the deck list's counts, later sessions) in step with an edit or
        a suspension written to a deck file."""

        def changed(deck: Deck) -> Deck:
            if deck.id != deck_id:
                return deck
            questions = tuple(question if q.id == question.id else q for q in deck.questions)
            return replace(deck, questions=questions)

        self.decks = tuple(changed(deck) for deck in self.decks)
        if self._deck_list is not None:
            self._deck_list.decks = tuple(changed(deck) for deck in self._deck_list.decks)

    def _offer_more_new(self, decks: Sequence[Deck], waiting: int) -> None:
        """The daily limit stops these decks: offer to study some more new cards today."""
        from quiz.tui.screens.settings import MoreNewScreen

        more = min(waiting, self.options.new_per_day or DEFAULT_MORE_NEW)

        def answered(yes: bool | None) -> None:
            if yes:
                self.start_study(decks, extra_new=more)

        self.push_screen(MoreNewScreen(limit=self.options.new_per_day, more=more), answered)

    def action_browse(self) -> None:
        """Open the card browser over every deck."""
        from quiz.tui.screens.browser import BrowserScreen

        if isinstance(self.screen, BrowserScreen):
            return
        self.push_screen(
            BrowserScreen(self.decks, store=self.store, actions=self.actions, clock=self.clock)
        )

    def action_settings(self) -> None:
        """Change new cards a day and desired retention (saved for later runs too)."""
        from quiz.tui.screens.settings import SettingsScreen

        if self.store is None or isinstance(self.screen, SettingsScreen):
            return
        current = Settings(
            new_per_day=self.options.new_per_day,
            retention=self.options.retention,
            leech_lapses=self.options.leech_lapses,
        )

        def saved(settings: Settings | None) -> None:
            if settings is not None:
                self.options = replace(
                    self.options,
                    new_per_day=settings.new_per_day,
                    retention=settings.retention,
                    leech_lapses=settings.leech_lapses,
                )
                self.actions = replace(self.actions, leech_lapses=settings.leech_lapses)
                self.notify("Settings saved.", timeout=2)

        self.push_screen(SettingsScreen(self.store, current), saved)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette's commands, with the study settings."""
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Browse cards", "Search every card; suspend, edit, flag", self.action_browse
        )
        if self.store is not None and not isinstance(screen, StudyScreen):
            yield SystemCommand(
                "Custom study",
                "Beyond today's limits, review ahead, or the cards answered wrong today",
                self.action_custom_study,
            )
        if self.store is not None:
            yield SystemCommand(
                "Settings", "New cards a day, desired retention, leeches", self.action_settings
            )

    def _study_done(self, summary: Summary | None) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        if summary is not None:
            self.push_screen(
                SummaryScreen(summary, clock=self.clock), lambda _: self.show_deck_list()
            )

    def _test_done(self, summary: Summary | None) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        if summary is not None:
            self.push_screen(SummaryScreen(summary, clock=self.clock), lambda _: self.exit())

    def on_deck_list_screen_study_chosen(self, message: DeckListScreen.StudyChosen) -> None:
        """Study the decks the learner picked."""
        self.start_study(message.decks)

    def on_deck_list_screen_custom_chosen(self, message: DeckListScreen.CustomChosen) -> None:
        """Custom study, from the deck the learner was on."""
        self.action_custom_study(message.deck_id)

    def on_deck_list_screen_stats_chosen(self) -> None:
        """Show the statistics of every deck in the list."""
        from quiz.tui.screens.stats import StatsScreen

        if self.store is not None:
            self.push_screen(StatsScreen(self.decks, store=self.store, clock=self.clock))

    def action_help(self) -> None:
        """Show the keys (unless the help is already open)."""
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
