"""StudyScreen: asks the cards of a session one by one, grades them and records each answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.errors import QuizError
from quiz.model import FALSE, TRUE, Question
from quiz.scheduling import Rating, load_scheduler
from quiz.tui import text
from quiz.tui.session import Answer, Card, Session, Summary
from quiz.tui.widgets.card_view import CardView
from quiz.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from quiz.grading import Grade

# quiz.grading loads rapidfuzz (tens of milliseconds) and the scheduler loads fsrs: both are imported
# in a thread shortly after the first card is on screen, and again where they are used (a no-op by
# then). Not sooner: the thread's imports would hold the interpreter lock while the card is painted.

PRELOAD_DELAY: Final = 0.25
"""Seconds after the first card is painted before grading and scheduling are loaded."""

Phase = Literal["ask", "revealed", "graded"]
"""Asking; a flashcard's answer showing (waiting for a rating); a graded answer's feedback showing."""

InputMode = Literal["reveal", "typed", "choice", "truefalse"]


def input_mode(question: Question, *, practice: bool) -> InputMode:
    """How the learner answers `question`: flashcards are revealed in study, typed in a test."""
    if question.kind in ("basic", "cloze"):
        return "typed" if practice else "reveal"
    if question.kind == "choice":
        return "choice"
    if question.kind == "truefalse":
        return "truefalse"
    return "typed"


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
    """Asks each card of a session: reveal and rate flashcards, grade typed and chosen answers.

    Every answer is recorded (in study mode, committed to the progress store) before the next card
    shows. Dismisses with the session's summary when the cards run out or the learner finishes.
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
        Binding("1,a", "choose(0)", "Choose", key_display="1-4", id="choose-1"),
        Binding("2,b", "choose(1)", "", show=False, id="choose-2"),
        Binding("3,c", "choose(2)", "", show=False, id="choose-3"),
        Binding("4,d", "choose(3)", "", show=False, id="choose-4"),
        Binding("5,e", "choose(4)", "", show=False, id="choose-5"),
        Binding("6,f", "choose(5)", "", show=False, id="choose-6"),
        Binding("t", "true_false(True)", "True", id="answer-true"),
        Binding("f", "true_false(False)", "False", id="answer-false"),
        Binding("r,ctrl+r", "i_was_right", "I was right", id="i-was-right"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("escape", "clear_answer", "Clear", id="clear-answer"),
        Binding("escape", "finish", "Finish", id="finish"),
    ]
    """Keys as in Anki; `check_action` enables those that fit the card and the phase."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._phase: Phase = "ask"
        self._mode: InputMode = "reveal"

    def compose(self) -> ComposeResult:
        yield Static(id="session-bar")
        yield CardView(id="card")
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
        card = self.session.current
        if card is None:
            self.dismiss(self.session.summary())
            return
        deck, question = card
        self._mode = input_mode(question, practice=self.session.practice)
        self._phase = "ask"
        hint = HINTS["order" if question.kind == "order" else self._mode]
        if question.kind == "choice":
            keys = min(len(question.choices), CHOICE_KEYS)
            hint = f"1-{keys} or a-{'abcdef'[keys - 1]}, or click" if keys > 1 else hint
        view = self.query_one(CardView)
        view.ask(deck, question, typed=self._mode == "typed", hint=hint)
        if self._mode != "typed":
            self.set_focus(None)
        self._update_bar()
        self.session.started()
        self.refresh_bindings()

    def _update_bar(self) -> None:
        session = self.session
        card = session.current
        deck_title = card[0].title if card else ""
        number = min(session.position + 1, session.total)
        counts = f"  {number}/{session.total}   ✓ {session.correct_count}"
        counts += f"  ✗ {len(session.answers) - session.correct_count}"
        label = "Practice test" if session.practice else "Study"
        # The counts must stay visible on a narrow terminal: shorten the title, not them.
        room = self.app.size.width - len(label) - 3 - len(counts) - 1
        if len(deck_title) > room:
            deck_title = deck_title[: max(room - 1, 0)].rstrip() + "…"
        self.query_one("#session-bar", Static).update(
            Content.assemble((f" {label} ", "reverse"), " ", text.plain(deck_title), counts)
        )

    def _graded(self, card: Card, answer: Answer) -> None:
        deck, question = card
        self._phase = "graded"
        self.set_focus(None)
        self.query_one(CardView).feedback(
            deck, question, correct=answer.correct, given=answer.given, remark=answer.feedback
        )
        self._update_bar()
        self.refresh_bindings()

    # Keys --------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enable only the keys that fit the current card and phase."""
        card = self.session.current
        phase, mode = self._phase, self._mode
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
        if action == "i_was_right":
            return (
                phase == "graded"
                and mode == "typed"
                and bool(self.session.answers)
                and not self.session.answers[-1].correct
            )
        if action == "undo":
            return bool(self.session.answers)
        if action in ("clear_answer", "finish"):
            # Esc while typing clears the answer; only with nothing typed does it end the session.
            return self._typing() == (action == "clear_answer")
        return True

    def _typing(self) -> bool:
        """Whether the learner has typed something in the answer box (and it has focus)."""
        box = self.focused
        return self._phase == "ask" and isinstance(box, Input) and bool(box.value)

    @on(Input.Changed, "#answer-input")
    def _answer_changed(self) -> None:
        self.refresh_bindings()  # Esc: Clear while there is text, Finish without

    def action_reveal(self) -> None:
        """Show a flashcard's answer; the rating keys come next."""
        card = self.session.current
        if card is None:
            return
        self._phase = "revealed"
        self.query_one(CardView).reveal(*card)
        self.refresh_bindings()

    def action_rate(self, rating: int) -> None:
        """Rate a revealed flashcard (1 Again to 4 Easy), record it and go on."""
        if self._phase != "revealed":
            return
        if (
            self._record(Rating(rating), correct=rating > Rating.AGAIN, given="", typed=False)
            is None
        ):
            return
        self.session.advance()
        self._show_current()

    def action_choose(self, index: int) -> None:
        """Answer a multiple-choice card with choice `index` (0-based)."""
        card = self.session.current
        if card is None or self._phase != "ask":
            return
        from quiz.grading import grade_choice

        question = card[1]
        self._grade_and_show(card, grade_choice(question, index), question.choices[index])

    def action_true_false(self, value: bool) -> None:
        """Answer a true-or-false card."""
        card = self.session.current
        if card is None or self._phase != "ask":
            return
        from quiz.grading import grade_truefalse

        self._grade_and_show(card, grade_truefalse(card[1], value), TRUE if value else FALSE)

    @on(Input.Submitted, "#answer-input")
    def submit_typed(self, event: Input.Submitted) -> None:
        """Grade a typed answer (an empty one is ignored)."""
        from quiz.grading import grade_order, grade_typed, order_hint

        event.stop()
        if self._phase == "graded":  # the box was clicked after the feedback: Enter goes on
            self.action_next()
            return
        card = self.session.current
        given = event.value.strip()
        if card is None or self._phase != "ask" or not given:
            return
        deck, question = card
        grade: Grade | None
        if question.kind == "order":
            grade = grade_order(question, given)
            if grade is None:
                self.query_one(CardView).warn(order_hint(question))
                return
        else:
            grade = grade_typed(question, given, extra_accepted=self._accepted(card))
        self._grade_and_show(card, grade, given, typed=True)

    def action_next(self) -> None:
        """Leave the feedback and show the next card."""
        if self._phase != "graded":
            return
        self.session.advance()
        self._show_current()

    def action_i_was_right(self) -> None:
        """Count the last typed answer as right; it is accepted from now on."""
        if self._phase != "graded" or not self.session.answers:
            return
        card = self.session.current
        try:
            answer = self.session.override(self.session.answers[-1])
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if card is not None:
            self._graded(card, answer)
        self.notify("Counted as right; this answer is accepted from now on.", timeout=3)

    def action_undo(self) -> None:
        """Take back the last answer, in the progress too, and ask its card again."""
        try:
            undone = self.session.undo(answered_current=self._phase == "graded")
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if undone is not None:
            self._show_current()
            self.notify("Last answer undone.", timeout=2)

    def action_clear_answer(self) -> None:
        """Clear the answer being typed (Esc again then finishes the session)."""
        box = self.focused
        if isinstance(box, Input):
            box.value = ""

    def action_finish(self) -> None:
        """End the session now and show the summary."""
        self.dismiss(self.session.summary())

    # Grading -------------------------------------------------------------------------------------

    def _grade_and_show(self, card: Card, grade: Grade, given: str, *, typed: bool = False) -> None:
        # The right answer is always shown; the grader's remark adds to it only for a misspelling.
        remark = grade.feedback if grade.correct and not grade.exact else ""
        answer = self._record(
            grade.rating, correct=grade.correct, given=given, typed=typed, feedback=remark
        )
        if answer is not None:
            self._graded(card, answer)

    def _record(
        self, rating: Rating, *, correct: bool, given: str, typed: bool, feedback: str = ""
    ) -> Answer | None:
        """Record the answer; if the progress cannot be written, say so and stay on the card."""
        try:
            return self.session.answer(
                rating, correct=correct, given=given, feedback=feedback, typed=typed
            )
        except QuizError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return None

    def _accepted(self, card: Card) -> tuple[str, ...]:
        deck, question = card
        store = self.session.store
        if store is None:
            return ()
        return store.accepted(deck.id).get(question.id, ())
