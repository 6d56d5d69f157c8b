"""StudyScreen: draws the cards of a session and maps keys to its calls (the session decides)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Final

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.card_actions import CardActions
from quiz.errors import QuizError
from quiz.model import Question
from quiz.scheduling import Rating, load_scheduler, short_interval
from quiz.session import Answer, Refused, Session, Summary
from quiz.tui import text
from quiz.tui.widgets.card_view import CardView
from quiz.tui.widgets.key_bar import KeyBar

# quiz.grading loads rapidfuzz (tens of milliseconds) and the scheduler loads fsrs: both are imported
# in a thread shortly after the first card is on screen, and again where they are used (a no-op by
# then). Not sooner: the thread's imports would hold the interpreter lock while the card is painted.

PRELOAD_DELAY: Final = 0.25
"""Seconds after the first card is painted before grading and scheduling are loaded."""

CHOICE_KEYS = 6
"""Choices 1-6 (a-f) have keys; any choice can be clicked."""

HINTS: dict[str, str] = {
    "reveal": "Space: show the answer",
    "typed": "type the answer, Enter",
    "order": "type the numbers in order, Enter",
    "choice": "1-4 or a-d",
    "truefalse": "t: true   f: false",
}


class StudyScreen(Screen[Summary]):
    """Shows each card of a session: the question, then the feedback or the revealed answer.

    The session owns the queue, the phase, grading and undo; this screen draws what it says and
    turns keys into its calls. Dismisses with the session's summary when the cards run out or the
    learner finishes.
    """

    AUTO_FOCUS = ""
    """The screen gives the answer box focus itself, only for cards with a typed answer."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer", id="reveal"),
        Binding("space,enter", "next", "Next", id="next"),
        Binding("1", "rate(1)", "Again", id="rate-again"),
        Binding("2", "rate(2)", "Hard", id="rate-hard"),
        Binding("3", "rate(3)", "Good", id="rate-good"),
        Binding("4", "rate(4)", "Easy", id="rate-easy"),
        # Before `e` edits: with five or more choices on screen, `e` picks the fifth.
        Binding("5,e,E", "choose(4)", "", show=False, id="choose-5"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("s", "suspend", "Suspend", id="suspend"),
        Binding("exclamation_mark", "flag", "Flag", key_display="!", id="flag"),
        # The same while an answer is typed, where letters go into the box (ctrl+e is the box's
        # End key otherwise; End still is).
        Binding("ctrl+e", "edit", "Edit", id="edit-ctrl", priority=True),
        Binding("ctrl+s", "suspend", "Suspend", id="suspend-ctrl", priority=True),
        Binding("ctrl+f", "flag", "Flag", id="flag-ctrl", priority=True),
        Binding("1,a,A", "choose(0)", "Choose", key_display="1-4", id="choose-1"),
        Binding("2,b,B", "choose(1)", "", show=False, id="choose-2"),
        Binding("3,c,C", "choose(2)", "", show=False, id="choose-3"),
        Binding("4,d,D", "choose(3)", "", show=False, id="choose-4"),
        Binding("t,T", "true_false(True)", "True", id="answer-true"),
        Binding("f,F", "true_false(False)", "False", id="answer-false"),
        Binding("6,f,F", "choose(5)", "", show=False, id="choose-6"),
        Binding("r,ctrl+r", "i_was_right", "I was right", id="i-was-right"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("escape", "clear_answer", "Clear", id="clear-answer"),
        Binding("escape", "finish", "Finish", id="finish"),
    ]
    """Keys as in Anki; `check_action` enables those that fit the card and the phase. While an
    answer is being typed, Ctrl+Z undoes the typing (the answer box's own key) and Esc clears it;
    letters go into the box, so edit, suspend and flag are ctrl+e, ctrl+s and ctrl+f there (the key
    bar shows those while the box has focus)."""

    def __init__(
        self, session: Session, actions: CardActions | None = None, *, label: str = "Study"
    ) -> None:
        super().__init__()
        self.session = session
        self.label = label
        """Names the sitting in the header ("Study", "Custom"); a practice test says so instead."""
        self.actions = actions
        """Edit, suspend and flag the current card, and leeches; `None`: none of these."""

    def compose(self) -> ComposeResult:
        yield Static(id="session-bar")
        yield CardView(id="card")
        yield Static(id="rating-preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_current()
        self.call_after_refresh(self.set_timer, PRELOAD_DELAY, self._load_grading)

    @work(thread=True, group="preload")
    def _load_grading(self) -> None:
        import quiz.grading  # noqa: F401

        load_scheduler()

    # What is on screen ---------------------------------------------------------------------------

    def _show_current(self) -> None:
        """Draw the current card as the session's phase says."""
        session = self.session
        card = session.current
        if card is None:
            self.dismiss(session.summary())
            return
        deck, question = card
        view = self.query_one(CardView)
        mode = session.mode
        if session.phase == "ask":
            hint = HINTS[mode]
            if mode == "choice":
                keys = min(len(question.choices), CHOICE_KEYS)
                hint = f"1-{keys} or a-{'abcdef'[keys - 1]}, or click" if keys > 1 else hint
            view.ask(deck, question, typed=mode in ("typed", "order"), hint=hint)
            if mode not in ("typed", "order"):
                self.set_focus(None)
            session.started()
        elif session.phase == "revealed":
            view.reveal(deck, question)
            self._show_intervals()
        elif session.phase == "graded" and session.last is not None:
            self.set_focus(None)
            last = session.last
            view.feedback(
                deck, question, correct=last.correct, given=last.given, remark=last.feedback
            )
        if session.phase != "revealed":
            self.query_one("#rating-preview", Static).display = False
        self._update_bar()
        self.refresh_bindings()

    def on_resize(self) -> None:
        """The header fits the deck title to the new width."""
        if self.session.current is not None:
            self._update_bar()

    def _show_intervals(self) -> None:
        """Under a revealed flashcard: when each rating would bring it back ("3 Good 4d")."""
        preview = self.query_one("#rating-preview", Static)
        try:
            intervals = self.session.intervals()
        except QuizError:
            intervals = {}
        if not intervals:
            preview.display = False
            return
        names = {
            Rating.AGAIN: "Again",
            Rating.HARD: "Hard",
            Rating.GOOD: "Good",
            Rating.EASY: "Easy",
        }
        parts = [
            Content.assemble(
                (f" {int(rating)} ", "bold reverse"),
                f" {names[rating]} ",
                (short_interval(span), "bold"),
            )
            for rating, span in sorted(intervals.items())
        ]
        preview.update(Content("   ").join(parts))
        preview.display = True

    def _update_bar(self) -> None:
        session = self.session
        card = session.current
        # The deck title is the article's headline, which often holds the answer: it shows only
        # once the card is answered.
        deck_title = card[0].title if card and session.phase in ("revealed", "graded") else ""
        number = min(session.position + 1, session.total)
        first = session.first_pass
        # Learning cards due again are added at the end: they are counted on their own ("again
        # 1/3"), so the count never jumps from 20/20 to 21/40.
        if number <= first:
            counts = f"  {number}/{first}"
        else:
            counts = f"  again {number - first}/{session.total - first}"
        counts += f"   ✓ {session.correct_count}"
        counts += f"  ✗ {len(session.answers) - session.correct_count}"
        left = Content("")
        if not session.practice:
            # Cards left by phase, in Anki's colours: new, learning, review.
            new, learning, due = session.left()
            left = Content.assemble(
                "   ",
                (str(new), "bold $primary"),
                " + ",
                (str(learning), "bold $error"),
                " + ",
                (str(due), "bold $success"),
            )
        label = "Practice test" if session.practice else self.label
        # The counts must stay visible on a narrow terminal: shorten the title, not them.
        room = self.app.size.width - len(label) - 3 - len(counts) - left.cell_length - 1
        if len(deck_title) > room:
            deck_title = deck_title[: max(room - 1, 0)].rstrip() + "…"
        self.query_one("#session-bar", Static).update(
            Content.assemble((f" {label} ", "reverse"), " ", text.plain(deck_title), counts, left)
        )

    # Keys --------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enable only the keys that fit the current card and phase."""
        session = self.session
        card = session.current
        phase, mode = session.phase, session.mode
        if action == "reveal":
            return phase == "ask" and mode == "reveal"
        if action == "next":
            return phase == "graded"
        if action == "rate":
            return phase == "revealed"
        if action == "choose":
            index = parameters[0] if parameters else 0
            return (
                phase == "ask"
                and mode == "choice"
                and card is not None
                and isinstance(index, int)
                and index < len(card[1].choices)
            )
        if action == "true_false":
            return phase == "ask" and mode == "truefalse"
        if action in ("edit", "suspend", "flag"):
            return self._can_act(action)
        if action == "i_was_right":
            return session.can_override
        if action == "undo":
            return session.can_undo and not self._typing()
        if action in ("clear_answer", "finish"):
            # Esc while typing clears the answer; only with nothing typed does it end the session.
            return self._typing() == (action == "clear_answer")
        return True

    def _can_act(self, action: str) -> bool:
        """Whether edit, suspend or flag works on the current card now (the letter keys never reach
        here while the answer box has focus: they are typed)."""
        actions, card = self.actions, self.session.current
        if actions is None or card is None:
            return False
        if action == "flag":
            return actions.store is not None
        if not actions.can_edit(card):
            return False
        if action == "suspend":
            return actions.store is not None
        return True

    def _typing(self) -> bool:
        """Whether the learner has typed something in the answer box (and it has focus)."""
        box = self.focused
        return self.session.phase == "ask" and isinstance(box, Input) and bool(box.value)

    @on(Input.Changed, "#answer-input")
    def _answer_changed(self) -> None:
        self.refresh_bindings()  # Esc: Clear while there is text, Finish without

    def action_edit(self) -> None:
        """Edit the current card's question in a form; saved to its deck file."""
        actions, card = self.actions, self.session.current
        if actions is None or card is None:
            return
        deck = card[0]

        def save(question: Question) -> Question:
            return actions.edit(card, question)

        def done(saved: Question | None) -> None:
            if saved is None:
                return
            self.session.replace_question(deck.id, saved)
            self._app_changed(deck.id, saved)
            self._show_current()
            self.notify("Saved to the deck file.", timeout=3)

        from quiz.tui.screens.card_actions import EditScreen

        self.app.push_screen(EditScreen(card[1], save), done)

    def action_suspend(self) -> None:
        """Suspend the current card (`suspended: true` in its deck file); it is not asked again."""
        actions, card = self.actions, self.session.current
        if actions is None or card is None:
            return
        try:
            question = actions.suspend(card)
        except QuizError as error:
            self.notify(str(error), title="Not suspended", severity="error", markup=False)
            return
        self.session.drop(card[0].id, question.id)
        self._app_changed(card[0].id, question)
        self.notify("Suspended: it is not asked again until unsuspended.", timeout=3)
        self._show_current()

    def action_flag(self) -> None:
        """Flag the current card as bad, with a reason from a short list."""
        actions, card = self.actions, self.session.current
        if actions is None or card is None:
            return

        def done(reason: str | None) -> None:
            if reason is None or actions is None:
                return
            try:
                actions.flag(card, reason, now=self._now())
            except QuizError as error:
                self.notify(str(error), title="Not flagged", severity="error", markup=False)
                return
            self.notify(f"Flagged: {reason}. `quiz flagged` lists the flags.", timeout=3)

        from quiz.tui.screens.card_actions import FlagScreen

        self.app.push_screen(FlagScreen(), done)

    def _after_answer(self) -> None:
        """A leech (forgotten once too often) was tagged and suspended by the session: say so."""
        last = self.session.last
        if last is None:
            return
        if last.leech_error:
            self.notify(
                last.leech_error, title="Leech not suspended", severity="error", markup=False
            )
            return
        if last.leech is None:
            return
        self._app_changed(last.card[0].id, last.leech)
        lapses = last.record.after.lapses if last.record else 0
        self.notify(
            f"Forgotten {lapses} times: this card is a leech. It is suspended and tagged"
            " leech; rewrite it (e), undo the answer (u) or unsuspend it in its deck file.",
            title="Leech",
            severity="warning",
            timeout=8,
        )

    def _leech_restored(self, answer: Answer | None) -> None:
        """The answer that made a leech was taken back: the card is as it was before."""
        card = self.session.current
        if answer is not None and answer.leech is not None and card is not None:
            self._app_changed(card[0].id, card[1])
            self.notify("The card is no longer suspended or tagged leech.", timeout=3)

    def _now(self) -> datetime:
        clock = getattr(self.app, "clock", None)
        return clock() if clock is not None else datetime.now(UTC)

    def _app_changed(self, deck_id: str, question: Question) -> None:
        changed = getattr(self.app, "question_changed", None)
        if changed is not None:
            changed(deck_id, question)

    def action_reveal(self) -> None:
        """Show a flashcard's answer; the rating keys come next."""
        self.session.reveal()
        self._show_current()

    def action_rate(self, rating: int) -> None:
        """Rate a revealed flashcard (1 Again to 4 Easy), record it and go on."""
        if self._saved(lambda: self.session.rate(Rating(rating))):
            self._after_answer()
            self._show_current()

    def action_choose(self, index: int) -> None:
        """Answer a multiple-choice card with choice `index` (0-based)."""
        if self._saved(lambda: self.session.choose(index)):
            self._after_answer()
            self._show_current()

    def action_true_false(self, value: bool) -> None:
        """Answer a true-or-false card."""
        if self._saved(lambda: self.session.true_false(value)):
            self._after_answer()
            self._show_current()

    @on(Input.Submitted, "#answer-input")
    def submit_typed(self, event: Input.Submitted) -> None:
        """Grade a typed answer (an empty one is ignored)."""
        event.stop()
        session = self.session
        if session.phase == "graded":  # the box was clicked after the feedback: Enter goes on
            self.action_next()
            return
        if session.phase != "ask" or session.mode not in ("typed", "order"):
            return
        try:
            result = session.submit(event.value)
        except QuizError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        if isinstance(result, Refused):
            self.query_one(CardView).warn(result.message)
        elif result is not None:
            self._after_answer()
            self._show_current()

    def action_next(self) -> None:
        """Leave the feedback and show the next card."""
        self.session.next()
        self._show_current()

    def action_i_was_right(self) -> None:
        """Count the last typed answer as right; it is accepted from now on (undo takes it back)."""
        before = self.session.last
        if self._saved(self.session.i_was_right):
            self._show_current()
            self.notify("Counted as right; this answer is accepted from now on.", timeout=3)
            self._leech_restored(before)

    def action_undo(self) -> None:
        """Take back the last answer, in the progress too, and ask its card again."""
        undone: list[Answer | None] = []
        if self._saved(lambda: undone.append(self.session.undo())):
            self._show_current()
            self.notify("Last answer undone.", timeout=2)
            self._leech_restored(undone[0])

    def action_clear_answer(self) -> None:
        """Clear the answer being typed (Esc again then finishes the session)."""
        box = self.focused
        if isinstance(box, Input):
            box.value = ""

    def action_finish(self) -> None:
        """End the session now and show the summary."""
        self.dismiss(self.session.summary())

    def _saved(self, call: Callable[[], object]) -> bool:
        """Run a session call that writes; if the progress cannot be written, say so and stay."""
        try:
            call()
        except QuizError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        return True
