"""One sitting of study or of a practice test: the queue, the current card's phase, grading, undo.

Headless (no Textual). A screen draws what the session says and maps keys to its calls:

    session = Session(cards, store=store, clock=clock, decks=decks)
    session.phase            # "ask": show session.current (a card) the way session.mode says
    session.submit("1947")   # a typed answer (or choose(i), true_false(v), reveal() + rate(r))
    session.phase            # "graded": show session.last (right or wrong, the grader's remark)
    session.i_was_right()    # a wrong typed answer counts as right; its text is accepted from now on
    session.undo()           # take back the last answer (and whatever "I was right" added, and
                             # the leech mark it made: given `actions`, a session marks leeches)
    session.next()           # on to the next card; session.current is None when the sitting is over
    session.summary()

In study mode every answer is committed to the progress store before the call returns, and "I was
right" is one transaction (the review replaced and the answer accepted, or neither). A practice
test writes nothing. Calls that do not fit the phase raise `SessionError` (a programming error,
not the learner's); a progress file that cannot be written raises `QuizError` and changes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final, Literal

from quiz.errors import QuizError
from quiz.model import FALSE, TRUE, Deck, Question
from quiz.progress import ProgressStore, ReviewRecord
from quiz.scheduling import DEFAULT_RETENTION, CardPhase, Rating
from quiz.study import build_queue, next_due

if TYPE_CHECKING:
    from quiz.card_actions import CardActions, FileChange
    from quiz.grading import AcronymTable, Grade

# quiz.grading loads rapidfuzz (tens of milliseconds): it is imported where an answer is graded,
# so a session that opens on a flashcard shows it sooner (the study screen preloads it after).

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""

Card = tuple[Deck, Question]
"""A question with the deck it belongs to."""

Phase = Literal["ask", "revealed", "graded", "done"]
"""Asking the current card; a flashcard's answer showing (waiting for a rating); a graded answer's
feedback showing (waiting for `next`); no cards left."""

Mode = Literal["reveal", "typed", "order", "choice", "truefalse"]
"""How the current card is answered: revealed and self-rated, typed text, typed item numbers in
order, a picked choice, true or false."""

LEARN_AHEAD: Final = timedelta(minutes=20)
"""When the queue runs out, cards in their learning steps due within this time are asked again."""

MAX_ANSWER_CHARS: Final = 200
"""A typed answer is kept (graded, logged and shown) up to this many characters; the rest of a
pasted page goes. No answer in a deck comes near it."""


class SessionError(RuntimeError):
    """A call that does not fit the session's phase (a bug in the caller, not a learner's error)."""


def answer_mode(question: Question, *, practice: bool) -> Mode:
    """How `question` is answered: flashcards are revealed in study and typed in a practice test."""
    kind = question.kind
    if kind in ("basic", "cloze"):
        return "typed" if practice else "reveal"
    if kind in ("choice", "truefalse", "order"):
        return kind
    return "typed"


def cap_answer(typed: str) -> str:
    """`typed` on one line, cut to `MAX_ANSWER_CHARS` (with "…" when cut)."""
    text = " ".join(typed.split())
    return text if len(text) <= MAX_ANSWER_CHARS else text[: MAX_ANSWER_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class Answer:
    """One answered card."""

    card: Card
    given: str
    """What the learner typed or chose, as shown; empty for a revealed flashcard."""
    correct: bool
    rating: Rating
    seconds: float
    record: ReviewRecord | None = None
    """The progress record (study mode only), for undo."""
    feedback: str = ""
    """The grader's remark when it adds to the right answer (a misspelling); else empty."""
    overridden: bool = False
    """Counted as right by "I was right"."""
    leech: Question | None = None
    """The question as written when this answer made the card a leech (tagged and suspended)."""
    leech_error: str = ""
    """Why the card could not be marked a leech in its deck file, when this answer made it one."""
    leech_change: FileChange | None = field(default=None, repr=False, compare=False)
    """The leech mark's change to the deck file, which undo takes back."""


@dataclass(frozen=True, slots=True)
class Refused:
    """Input that is not an answer yet (an order that misses an item): the card stays asked."""

    message: str
    """What to type instead."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a sitting came to."""

    answered: int
    correct: int
    seconds: float
    next_due: datetime | None
    """When the next card of the studied decks falls due (study mode)."""
    answers: tuple[Answer, ...]
    practice: bool


class Session:
    """The queue of one sitting, the phase of the current card and the answers given so far.

    Args:
        cards: the cards to ask, in order.
        store: where answers are recorded; `None` for a practice test (nothing is written).
        clock: the time source (answers are stamped with it; time spent is measured with it).
        decks: the decks studied, to top the queue up with learning cards when it runs out.
        retention: desired retention for new intervals.
        phases: (deck id, question id) -> the card's phase as the sitting begins, for the counts
            of cards left (missing cards count as new).
        actions: writes leeches to their deck files: an answer that makes a card a leech tags
            and suspends it, and undoing that answer (or "I was right" over it) restores it.
        seed: seeds the order of a multiple-choice card's options when it is asked again (after
            being answered before, in this sitting or an earlier one): a new order each time, so
            that its answer is not remembered by its place. `None`: a random seed.
    """

    def __init__(
        self,
        cards: Sequence[Card],
        *,
        store: ProgressStore | None,
        clock: Clock,
        decks: Sequence[Deck] = (),
        retention: float = DEFAULT_RETENTION,
        phases: Mapping[tuple[str, str], CardPhase] | None = None,
        actions: CardActions | None = None,
        seed: int | None = None,
    ) -> None:
        self._phases: dict[tuple[str, str], CardPhase] = dict(phases or {})
        self._rng = random.Random(seed)
        self._last_order: dict[tuple[str, str], tuple[str, ...]] = {}
        self._queue: list[Card] = [
            card
            if self._phases.get((card[0].id, card[1].id), "new") == "new"
            else self._reorder(card)
            for card in cards
        ]
        self._position = 0
        self._store = store
        self._clock = clock
        self._decks = tuple(decks)
        self._retention = retention
        self._answers: list[Answer] = []
        self._phase: Phase = "ask" if self._queue else "done"
        self._shown_at = clock()
        self._first_pass = len(self._queue)
        self._dropped: set[tuple[str, str]] = set()
        self._edited: dict[tuple[str, str], Question] = {}
        self._actions = actions
        self._acronyms: dict[str, AcronymTable] = {}
        """Deck id -> the acronyms the deck teaches (read from the deck when an answer needs them)."""

    # What the screen shows ---------------------------------------------------------------------

    @property
    def practice(self) -> bool:
        """True for a practice test (nothing is written)."""
        return self._store is None

    @property
    def current(self) -> Card | None:
        """The card being asked (or whose feedback shows), `None` when the sitting is over."""
        return self._queue[self._position] if self._position < len(self._queue) else None

    @property
    def phase(self) -> Phase:
        """Where the current card stands."""
        return self._phase

    @property
    def mode(self) -> Mode:
        """How the current card is answered ("reveal" when there is none)."""
        card = self.current
        return "reveal" if card is None else answer_mode(card[1], practice=self.practice)

    @property
    def answers(self) -> tuple[Answer, ...]:
        """The answers so far, oldest first."""
        return tuple(self._answers)

    @property
    def last(self) -> Answer | None:
        """The latest answer, if any."""
        return self._answers[-1] if self._answers else None

    @property
    def position(self) -> int:
        """0-based index of the current card in the queue."""
        return self._position

    @property
    def total(self) -> int:
        """Cards in the queue so far (learning cards due again may be added at the end)."""
        return len(self._queue)

    @property
    def first_pass(self) -> int:
        """Cards in the queue as the sitting began (the learning cards added later are extra)."""
        return self._first_pass

    @property
    def correct_count(self) -> int:
        """Answers that were right."""
        return sum(answer.correct for answer in self._answers)

    @property
    def can_undo(self) -> bool:
        """Whether there is an answer to take back."""
        return bool(self._answers)

    @property
    def can_override(self) -> bool:
        """Whether "I was right" applies: a wrong typed answer's feedback is showing."""
        last = self.last
        return (
            self._phase == "graded"
            and self.mode == "typed"
            and last is not None
            and not last.correct
            and bool(last.given)
        )

    def started(self) -> None:
        """Note that the current card is now on screen (time spent is counted from here)."""
        self._shown_at = self._clock()

    # Answering ---------------------------------------------------------------------------------

    def reveal(self) -> None:
        """Show a flashcard's answer; `rate` comes next."""
        self._expect("ask", "reveal")
        self._phase = "revealed"

    def rate(self, rating: Rating) -> Answer:
        """Rate a revealed flashcard (AGAIN to EASY), record it and move to the next card."""
        self._expect("revealed", "reveal")
        answer = self._record(self._card(), Rating(rating), correct=rating > Rating.AGAIN, given="")
        self._advance()
        return self._check_leech(answer)

    def choose(self, index: int) -> Answer:
        """Answer a multiple-choice card with `choices[index]` (0-based, as shown).

        Raises:
            IndexError: If there is no such choice.
        """
        from quiz.grading import grade_choice

        self._expect("ask", "choice")
        card = self._card()
        grade = grade_choice(card[1], index)
        return self._graded(card, grade, card[1].choices[index])

    def true_false(self, value: bool) -> Answer:
        """Answer a true-or-false card."""
        from quiz.grading import grade_truefalse

        self._expect("ask", "truefalse")
        card = self._card()
        return self._graded(card, grade_truefalse(card[1], value), TRUE if value else FALSE)

    def submit(self, typed: str) -> Answer | Refused | None:
        """Grade a typed answer (text, or the item numbers of an order card).

        Returns:
            The answer; `Refused` (the card stays asked) for an order that is not one; `None`
            for blank input, which is ignored.
        """
        from quiz.grading import AcronymTable, grade_order, grade_typed, order_hint

        if self._phase != "ask" or self.mode not in ("typed", "order"):
            raise SessionError(f"no typed answer is expected now ({self._phase}, {self.mode})")
        given = cap_answer(typed)
        if not given:
            return None
        card = self._card()
        deck, question = card
        if question.kind == "order":
            grade = grade_order(question, given)
            if grade is None:
                return Refused(order_hint(question))
            return self._graded(card, grade, given, typed=True)
        extra = self._store.accepted(deck.id).get(question.id, ()) if self._store else ()
        acronyms = self._acronyms.get(deck.id)
        if acronyms is None:
            acronyms = self._acronyms[deck.id] = AcronymTable.of_deck(deck)
        grade = grade_typed(question, given, extra_accepted=extra, acronyms=acronyms)
        return self._graded(card, grade, given, typed=True)

    def i_was_right(self, rating: Rating = Rating.GOOD) -> Answer:
        """Count the wrong typed answer on screen as right, rated `rating`; its text is accepted
        for this question from now on. In study mode the review is replaced and the text
        accepted in one transaction; `undo` takes both back.

        Raises:
            QuizError: If the progress cannot be written (nothing changed, the answer stays wrong).
        """
        if not self.can_override:
            raise SessionError("'I was right' applies to a wrong typed answer on screen")
        last = self._answers[-1]
        if last.leech is not None:  # the lapse that made it a leech is taken back
            self._restore_leech(last)
        record = last.record
        if self._store is not None and record is not None:
            try:
                # The new record knows the answer it accepted: undoing it forgets that answer too.
                record = self._store.regrade(
                    record, rating, correct=True, accept=last.given, retention=self._retention
                )
            except QuizError:
                if last.leech is not None:
                    self._mark_leech(last)
                raise
        fixed = replace(
            last,
            correct=True,
            rating=Rating(rating),
            record=record,
            feedback="",
            overridden=True,
            leech=None,
            leech_change=None,
        )
        self._answers[-1] = fixed
        return self._check_leech(fixed)

    def next(self) -> None:
        """Leave the feedback of a graded answer for the next card."""
        self._expect("graded")
        self._advance()

    def undo(self) -> Answer | None:
        """Take back the last answer (its review, and the answer "I was right" accepted, in one
        transaction); its card is asked again. A leech it made is unsuspended and untagged.

        Returns:
            The answer taken back, or `None` if there was none.

        Raises:
            QuizError: If the progress cannot be written (nothing changed).
        """
        if not self._answers:
            return None
        last = self._answers[-1]
        if last.leech is not None:
            self._restore_leech(last)
        if last.record is not None and self._store is not None:
            try:
                self._store.undo(last.record)
            except QuizError:
                if last.leech is not None:  # the answer stays, and so does its leech
                    self._mark_leech(last)
                raise
        self._answers.pop()
        if self._phase != "graded":  # the next card is showing: step back to the answered one
            self._position -= 1
        self._phase = "ask"
        self._shown_at = self._clock()
        return last

    def summary(self) -> Summary:
        """The answers so far, time spent and the next due time."""
        due = None
        if self._store is not None:
            store = self._store
            due = next_due((deck, store.card_states(deck.id)) for deck in self._decks)
        return Summary(
            answered=len(self._answers),
            correct=self.correct_count,
            seconds=sum(answer.seconds for answer in self._answers),
            next_due=due,
            answers=tuple(self._answers),
            practice=self.practice,
        )

    def left(self) -> tuple[int, int, int]:
        """(new, learning, review): the cards still to answer in the queue, by their phase now
        (a relearning card counts as learning, as in Anki)."""
        start = self._position + (1 if self._phase == "graded" else 0)
        new = learning = due = 0
        for deck, question in self._queue[start:]:
            phase = self._phases.get((deck.id, question.id), "new")
            if phase == "new":
                new += 1
            elif phase == "review":
                due += 1
            else:
                learning += 1
        return new, learning, due

    def intervals(self) -> dict[Rating, timedelta]:
        """For a revealed flashcard, how long until it comes back after each rating; empty in a
        practice test and in other phases."""
        if self._store is None or self._phase != "revealed":
            return {}
        deck, question = self._card()
        now = self._clock()
        due = self._store.preview(deck.id, question.id, now=now, retention=self._retention)
        return {rating: moment - now for rating, moment in due.items()}

    # Acting on a card --------------------------------------------------------------------------

    def drop(self, deck_id: str, question_id: str) -> None:
        """Leave a card out of the rest of the sitting (it was suspended). If it is the current
        card and not answered yet, the next card becomes current; its answers so far stay."""
        self._dropped.add((deck_id, question_id))
        start = self._position + (1 if self._phase == "graded" else 0)
        kept: list[Card] = []
        for index, card in enumerate(self._queue[start:], start):
            if (card[0].id, card[1].id) in self._dropped:
                if index < self._first_pass:
                    self._first_pass -= 1
            else:
                kept.append(card)
        self._queue[start:] = kept
        if self._phase in ("ask", "revealed"):
            if self._position >= len(self._queue):
                self._top_up()
            self._phase = "ask" if self._position < len(self._queue) else "done"
            self._shown_at = self._clock()

    def replace_question(self, deck_id: str, question: Question) -> None:
        """Show the edited `question` wherever the sitting holds the question with its id."""
        self._edited[deck_id, question.id] = question
        self._queue = [
            (deck, question) if deck.id == deck_id and old.id == question.id else (deck, old)
            for deck, old in self._queue
        ]

    # Internals ---------------------------------------------------------------------------------

    def _card(self) -> Card:
        card = self.current
        if card is None:
            raise SessionError("the session is over")
        return card

    def _expect(self, phase: Phase, mode: Mode | None = None) -> None:
        if self._phase != phase or (mode is not None and self.mode != mode):
            raise SessionError(f"expected {phase}/{mode}, the card is {self._phase}/{self.mode}")

    def _graded(self, card: Card, grade: Grade, given: str, *, typed: bool = False) -> Answer:
        # The right answer is always shown; the grader's remark adds to it only for a misspelling.
        remark = grade.feedback if grade.correct and not grade.exact else ""
        answer = self._record(
            card, grade.rating, correct=grade.correct, given=given, typed=typed, feedback=remark
        )
        self._phase = "graded"
        return self._check_leech(answer)

    def _record(
        self,
        card: Card,
        rating: Rating,
        *,
        correct: bool,
        given: str,
        typed: bool = False,
        feedback: str = "",
    ) -> Answer:
        now = self._clock()
        seconds = max(0.0, (now - self._shown_at).total_seconds())
        record = None
        if self._store is not None:
            deck, question = card
            record = self._store.record_review(
                deck.id,
                question.id,
                rating,
                now=now,
                typed=given if typed else None,
                seconds=seconds,
                correct=correct,
                retention=self._retention,
            )
        if record is not None:
            self._phases[card[0].id, card[1].id] = record.after.state
        if card[1].choices:
            self._last_order[card[0].id, card[1].id] = card[1].choices
        answer = Answer(card, given, correct, rating, seconds, record, feedback)
        self._answers.append(answer)
        return answer

    def _check_leech(self, answer: Answer) -> Answer:
        """If `answer` made its card a leech, tag and suspend it in its deck file and leave it out
        of the rest of the sitting. A file that cannot be written is noted on the answer (the
        review stands)."""
        if self._actions is None or answer.record is None:
            return answer
        try:
            marked = self._actions.leech(answer.card, answer.record)
        except QuizError as error:
            answer = replace(answer, leech_error=str(error))
        else:
            if marked is None:
                return answer
            leech, change = marked
            answer = replace(answer, leech=leech, leech_change=change)
            self.drop(answer.card[0].id, leech.id)
        self._answers[-1] = answer
        return answer

    def _mark_leech(self, answer: Answer) -> None:
        if self._actions is not None:
            leech, change = self._actions.mark_leech(answer.card)
            self._answers[-1] = replace(answer, leech=leech, leech_change=change)
            self.drop(answer.card[0].id, answer.card[1].id)

    def _restore_leech(self, answer: Answer) -> None:
        """Write the card's question back as it was before `answer` made it a leech.

        Raises:
            QuizError: If the deck file cannot be written (nothing changed).
        """
        deck, question = answer.card
        if self._actions is not None:
            question = self._actions.restore(answer.card, answer.leech_change)
        self._dropped.discard((deck.id, question.id))
        self.replace_question(deck.id, question)

    def _advance(self) -> None:
        self._position += 1
        if self._position >= len(self._queue):
            self._top_up()
        self._phase = "ask" if self._position < len(self._queue) else "done"
        self._shown_at = self._clock()

    def _top_up(self) -> None:
        """Add the cards whose learning step falls due soon."""
        if self._store is None or not self._decks:
            return
        store = self._store
        more = build_queue(
            ((deck, store.card_states(deck.id)) for deck in self._decks),
            now=self._clock(),
            new_limit=0,
            learn_ahead=LEARN_AHEAD,
        )
        self._queue.extend(
            self._reorder((deck, self._edited.get((deck.id, question.id), question)))
            for deck, question in more
            if (deck.id, question.id) not in self._dropped
        )

    def _reorder(self, card: Card) -> Card:
        """A multiple-choice card asked again, with its options in a new order (never the order
        it was last answered in)."""
        deck, question = card
        if question.kind != "choice" or len(set(question.choices)) < 2:
            return card
        before = self._last_order.get((deck.id, question.id), question.choices)
        order = list(question.choices)
        self._rng.shuffle(order)
        if tuple(order) == before:
            order = order[1:] + order[:1]
        return deck, replace(question, choices=tuple(order))
