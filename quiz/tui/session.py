"""One sitting of study or of a practice test: the cards to ask, the answers given, undo.

Headless (no Textual): the study screen drives it and shows what it says. In study mode every
answer is committed to the progress store before `answer` returns; a practice test writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from quiz.model import Deck, Question
from quiz.progress import ProgressStore, ReviewRecord
from quiz.scheduling import DEFAULT_RETENTION, Rating
from quiz.study import build_queue, next_due

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware."""

Card = tuple[Deck, Question]
"""A question with the deck it belongs to."""

LEARN_AHEAD: Final = timedelta(minutes=20)
"""When the queue runs out, cards in their learning steps due within this time are asked again."""


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
    """The grader's remark, such as "close: check the spelling"."""


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
    """The queue of one sitting and the answers given so far.

    Args:
        cards: the cards to ask, in order.
        store: where answers are recorded; `None` for a practice test (nothing is written).
        clock: the time source (answers are stamped with it; time spent is measured with it).
        decks: the decks studied, to top the queue up with learning cards when it runs out.
        retention: desired retention for new intervals.
    """

    def __init__(
        self,
        cards: Sequence[Card],
        *,
        store: ProgressStore | None,
        clock: Clock,
        decks: Sequence[Deck] = (),
        retention: float = DEFAULT_RETENTION,
    ) -> None:
        self._queue: list[Card] = list(cards)
        self._position = 0
        self._store = store
        self._clock = clock
        self._decks = tuple(decks)
        self._retention = retention
        self.answers: list[Answer] = []
        self._shown_at = clock()

    @property
    def store(self) -> ProgressStore | None:
        """The progress store answers go to; `None` in a practice test."""
        return self._store

    @property
    def practice(self) -> bool:
        """True for a practice test."""
        return self._store is None

    @property
    def current(self) -> Card | None:
        """The card being asked, or `None` when the sitting is over."""
        return self._queue[self._position] if self._position < len(self._queue) else None

    @property
    def position(self) -> int:
        """0-based index of the current card in the queue."""
        return self._position

    @property
    def total(self) -> int:
        """Cards in the queue so far (learning cards may be added at the end)."""
        return len(self._queue)

    @property
    def correct_count(self) -> int:
        """Answers that were right."""
        return sum(answer.correct for answer in self.answers)

    def started(self) -> None:
        """Note that the current card is now on screen (time spent is counted from here)."""
        self._shown_at = self._clock()

    def answer(
        self, rating: Rating, *, correct: bool, given: str = "", feedback: str = "", typed: bool
    ) -> Answer:
        """Record the answer to the current card; the card stays current until `advance`.

        Args:
            rating: the FSRS rating the answer earned.
            correct: whether it was right.
            given: what the learner typed or chose.
            feedback: the grader's remark.
            typed: whether `given` was typed (it is kept in the review log).
        """
        card = self.current
        if card is None:
            raise RuntimeError("the session is over")
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
        result = Answer(card, given, correct, rating, seconds, record, feedback)
        self.answers.append(result)
        return result

    def override(self, answer: Answer, rating: Rating = Rating.GOOD) -> Answer:
        """Count `answer` (the last one) as right: "I was right". The typed form becomes accepted.

        In study mode its review is replaced by one rated `rating`.
        """
        if not self.answers or self.answers[-1] is not answer:
            raise RuntimeError("only the last answer can be overridden")
        deck, question = answer.card
        record = answer.record
        if self._store is not None and record is not None:
            self._store.undo(record)
            self._store.add_accepted(deck.id, question.id, answer.given)
            record = self._store.record_review(
                deck.id,
                question.id,
                rating,
                now=record.reviewed_at,
                typed=answer.given,
                seconds=answer.seconds,
                correct=True,
                retention=self._retention,
            )
        fixed = Answer(answer.card, answer.given, True, rating, answer.seconds, record, "")
        self.answers[-1] = fixed
        return fixed

    def advance(self) -> None:
        """Move on to the next card; at the end of the queue, learning cards due soon are added."""
        self._position += 1
        if self._position >= len(self._queue):
            self._top_up()
        self._shown_at = self._clock()

    def undo(self, *, answered_current: bool) -> Answer | None:
        """Take back the last answer (and its progress record); its card becomes current again.

        Args:
            answered_current: True when the last answer is to the card still on screen (the
                learner is reading its feedback); False when the next card is already showing.

        Returns:
            The answer taken back, or `None` if there was none.
        """
        if not self.answers:
            return None
        last = self.answers.pop()
        if last.record is not None and self._store is not None:
            self._store.undo(last.record)
        if not answered_current:
            self._position -= 1
        self._shown_at = self._clock()
        return last

    def summary(self) -> Summary:
        """The answers so far, time spent and the next due time."""
        due = None
        if self._store is not None:
            store = self._store
            due = next_due((deck, store.card_states(deck.id)) for deck in self._decks)
        return Summary(
            answered=len(self.answers),
            correct=self.correct_count,
            seconds=sum(answer.seconds for answer in self.answers),
            next_due=due,
            answers=tuple(self.answers),
            practice=self.practice,
        )

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
        self._queue.extend(more)
