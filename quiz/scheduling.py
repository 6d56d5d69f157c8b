"""Spaced-repetition scheduling: one card's memory state and how a rating changes it (FSRS).

Pure functions over frozen `CardState` values; the time of each review is passed in, so the same
inputs always give the same schedule (no fuzzing). The rest of quiz never imports fsrs, and this
module imports it on the first review or recall estimate: the study app's start needs only
`CardState`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal, TypedDict

if TYPE_CHECKING:
    import fsrs

CardPhase = Literal["new", "learning", "review", "relearning"]
"""Where a card is in its life: never seen, in its first short steps, spaced, or re-learning after a lapse."""

PHASES: Final[tuple[CardPhase, ...]] = ("new", "learning", "review", "relearning")

DEFAULT_RETENTION: Final = 0.9
"""The share of reviews the schedule aims to have answered right."""

Parameters = tuple[float, ...]
"""The 21 weights of the FSRS-6 memory model (see `quiz.optimize`)."""

PARAMETER_COUNT: Final = 21

MIN_RETENTION: Final = 0.7
MAX_RETENTION: Final = 0.99


class Rating(IntEnum):
    """How well the learner recalled a card (the FSRS and Anki scale)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True, slots=True)
class CardState:
    """What the scheduler knows about one question of one deck."""

    deck_id: str
    question_id: str
    state: CardPhase = "new"
    due: datetime | None = None
    """When the card should next be shown (UTC); `None` for a new card, which is due when introduced."""
    stability: float | None = None
    """Days until recall probability falls to 90%; `None` before the first review."""
    difficulty: float | None = None
    """1 (easy) to 10 (hard); `None` before the first review."""
    step: int | None = None
    """The learning or relearning step; `None` in review."""
    last_review: datetime | None = None
    reps: int = 0
    """Reviews so far."""
    lapses: int = 0
    """Times the card was forgotten (AGAIN) after it had reached review."""

    @property
    def is_new(self) -> bool:
        """True when the card has never been reviewed."""
        return self.state == "new"

    def is_due(self, now: datetime) -> bool:
        """True when a card already seen is due at `now` (new cards are never "due")."""
        return self.due is not None and self.state != "new" and self.due <= now


class CardStateDict(TypedDict):
    """The JSON shape of a `CardState` (the progress database stores it for undo)."""

    deck_id: str
    question_id: str
    state: str
    due: str | None
    stability: float | None
    difficulty: float | None
    step: int | None
    last_review: str | None
    reps: int
    lapses: int


_FSRS_STATE: Final[dict[CardPhase, str]] = {
    "new": "Learning",
    "learning": "Learning",
    "review": "Review",
    "relearning": "Relearning",
}
"""The name of the `fsrs.State` for each phase (a new card enters at its first learning step)."""
_PHASE: Final[dict[str, CardPhase]] = {v: k for k, v in _FSRS_STATE.items() if k != "new"}


def new_state(deck_id: str, question_id: str) -> CardState:
    """The state of a card that has never been reviewed."""
    return CardState(deck_id=deck_id, question_id=question_id)


def check_utc(now: datetime) -> datetime:
    """`now` converted to UTC.

    Raises:
        ValueError: If `now` is naive (a programming error, not a user one).
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now if now.tzinfo is UTC else now.astimezone(UTC)


def review(
    state: CardState,
    rating: Rating,
    *,
    now: datetime,
    retention: float = DEFAULT_RETENTION,
    parameters: Parameters | None = None,
) -> CardState:
    """The state after answering the card with `rating` at `now`.

    Args:
        state: the state before the review.
        rating: how well the learner recalled it.
        now: the time of the review (timezone-aware; converted to UTC).
        retention: desired retention, 0.7 to 0.99; higher means shorter intervals.
        parameters: the learner's own FSRS parameters (`quiz optimize`); `None` for the defaults.
    """
    import fsrs

    now = check_utc(now)
    card, _log = _scheduler(_clamp_retention(retention), parameters).review_card(
        _to_card(state, now), fsrs.Rating(int(rating)), review_datetime=now
    )
    lapsed = state.state == "review" and rating == Rating.AGAIN
    return CardState(
        deck_id=state.deck_id,
        question_id=state.question_id,
        state=_PHASE[card.state.name],
        due=card.due,
        stability=card.stability,
        difficulty=card.difficulty,
        step=card.step,
        last_review=card.last_review,
        reps=state.reps + 1,
        lapses=state.lapses + (1 if lapsed else 0),
    )


def short_interval(span: timedelta) -> str:
    """A time until the next review as Anki writes it on its rating buttons: "<1m", "10m", "3h",
    "4d", "1.5mo", "2.1y"."""
    seconds = span.total_seconds()
    if seconds < 60:
        return "<1m"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def load_scheduler() -> None:
    """Import FSRS now rather than at the first review (the study app calls it in a worker thread
    once the first card is on screen)."""
    import fsrs  # noqa: F401


def retrievability(state: CardState, now: datetime) -> float:
    """The predicted probability (0 to 1) that the learner recalls the card at `now`; 0 for new cards."""
    if state.is_new or state.stability is None or state.last_review is None:
        return 0.0
    now = check_utc(now)
    value = _scheduler(DEFAULT_RETENTION).get_card_retrievability(
        _to_card(state, now), current_datetime=now
    )
    return float(value)


def check_parameters(values: object) -> Parameters:
    """`values` as FSRS parameters, if they are 21 numbers the scheduler accepts.

    Raises:
        ValueError: If they are not (a damaged store, or a fit outside the scheduler's bounds).
    """
    if not isinstance(values, list | tuple) or len(values) != PARAMETER_COUNT:
        raise ValueError(f"not {PARAMETER_COUNT} parameters")
    numbers = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise ValueError(f"not a number: {value!r}")
        numbers.append(float(value))
    parameters = tuple(numbers)
    import fsrs

    fsrs.Scheduler(parameters=parameters)  # raises ValueError outside its bounds
    return parameters


def to_dict(state: CardState) -> CardStateDict:
    """`state` as JSON-ready data."""
    return {
        "deck_id": state.deck_id,
        "question_id": state.question_id,
        "state": state.state,
        "due": state.due.isoformat() if state.due else None,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "step": state.step,
        "last_review": state.last_review.isoformat() if state.last_review else None,
        "reps": state.reps,
        "lapses": state.lapses,
    }


def from_dict(data: CardStateDict) -> CardState:
    """The `CardState` that `to_dict` gave `data`.

    Raises:
        ValueError, KeyError, TypeError: If `data` is not such a dict.
    """
    phase = data["state"]
    if phase not in PHASES:
        raise ValueError(f"unknown card state {phase!r}")
    return CardState(
        deck_id=str(data["deck_id"]),
        question_id=str(data["question_id"]),
        state=phase,  # checked against PHASES above
        due=_parse_time(data["due"]),
        stability=None if data["stability"] is None else float(data["stability"]),
        difficulty=None if data["difficulty"] is None else float(data["difficulty"]),
        step=None if data["step"] is None else int(data["step"]),
        last_review=_parse_time(data["last_review"]),
        reps=int(data["reps"]),
        lapses=int(data["lapses"]),
    )


def card_id(deck_id: str, question_id: str) -> int:
    """A stable positive 63-bit integer for the card (fsrs wants one; without it, it sleeps 1 ms)."""
    digest = hashlib.blake2b(f"{deck_id}\x1f{question_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def _parse_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    return check_utc(datetime.fromisoformat(text))


def _clamp_retention(retention: float) -> float:
    return min(MAX_RETENTION, max(MIN_RETENTION, float(retention)))


@lru_cache(maxsize=8)
def _scheduler(retention: float, parameters: Parameters | None = None) -> fsrs.Scheduler:
    import fsrs

    if parameters is None:
        return fsrs.Scheduler(desired_retention=retention, enable_fuzzing=False)
    return fsrs.Scheduler(parameters=parameters, desired_retention=retention, enable_fuzzing=False)


def _to_card(state: CardState, now: datetime) -> fsrs.Card:
    import fsrs

    step = state.step
    if state.state in ("new", "learning") and step is None:
        step = 0
    return fsrs.Card(
        card_id=card_id(state.deck_id, state.question_id),
        state=fsrs.State[_FSRS_STATE[state.state]],
        step=step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due or now,
        last_review=state.last_review,
    )
