"""Custom study: a sitting outside today's queue. Pure functions over decks, card states and the
review log; the caller passes the time.

Three kinds, each narrowed by deck, tag and the article's publication date:

- "cram": the chosen cards beyond today's limits (due ones first, then new, then the rest);
- "ahead": review ahead, the cards already seen that fall due within the next days;
- "wrong": the cards answered wrong today.

A custom sitting changes the schedule only through its own reviews, recorded like any others: no
card is moved, reset or marked, and the daily queue afterwards is made from the states as usual.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final, Literal

from quiz.errors import QuizError
from quiz.model import Deck, Question
from quiz.progress import ReviewRecord
from quiz.scheduling import Rating, check_utc
from quiz.study import DeckStates

CustomKind = Literal["cram", "ahead", "wrong"]
"""Beyond today's limits; review ahead; the cards answered wrong today."""

KINDS: Final[dict[CustomKind, str]] = {
    "cram": "Beyond today's limits",
    "ahead": "Review ahead",
    "wrong": "Answered wrong today",
}
"""Each kind as the learner reads it."""

DEFAULT_LIMIT: Final = 100
"""Cards in a custom sitting unless told otherwise (Anki's default for a filtered deck)."""

DEFAULT_AHEAD_DAYS: Final = 7
"""Days to review ahead unless told otherwise."""

MAX_LIMIT: Final = 9999
MAX_AHEAD_DAYS: Final = 3650

Card = tuple[Deck, Question]


@dataclass(frozen=True, slots=True)
class CardFilter:
    """Which cards a custom sitting draws from; an empty part does not narrow."""

    deck_ids: frozenset[str] = frozenset()
    """Only these decks."""
    tags: frozenset[str] = frozenset()
    """Only questions with one of these tags (compared ignoring case)."""
    published_from: date | None = None
    """Only decks whose article was published on this day or later."""
    published_to: date | None = None
    """Only decks whose article was published on this day or earlier."""

    def takes_deck(self, deck: Deck) -> bool:
        """Whether cards of `deck` may be drawn (a deck without a date fails any date bound)."""
        if self.deck_ids and deck.id not in self.deck_ids:
            return False
        if self.published_from is None and self.published_to is None:
            return True
        published = _published(deck)
        if published is None:
            return False
        if self.published_from is not None and published < self.published_from:
            return False
        return self.published_to is None or published <= self.published_to

    def takes(self, question: Question) -> bool:
        """Whether `question` may be drawn (suspended questions never are)."""
        if question.suspended:
            return False
        if not self.tags:
            return True
        wanted = {tag.casefold() for tag in self.tags}
        return any(tag.casefold() in wanted for tag in question.tags)


@dataclass(frozen=True, slots=True)
class CustomStudy:
    """What to study in a custom sitting."""

    kind: CustomKind = "cram"
    cards: CardFilter = field(default_factory=CardFilter)
    days: int = DEFAULT_AHEAD_DAYS
    """For "ahead": cards falling due up to this many days from now."""
    limit: int = DEFAULT_LIMIT
    """At most this many cards (learning cards answered again come back on top)."""

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QuizError(f"the number of cards must be 1 to {MAX_LIMIT}, not {self.limit}")
        if not 1 <= self.days <= MAX_AHEAD_DAYS:
            raise QuizError(f"days ahead must be 1 to {MAX_AHEAD_DAYS}, not {self.days}")
        low, high = self.cards.published_from, self.cards.published_to
        if low is not None and high is not None and low > high:
            raise QuizError(f"the dates are the wrong way round: {low} is after {high}")


def custom_queue(
    decks_and_states: Iterable[DeckStates],
    study: CustomStudy,
    *,
    now: datetime,
    wrong: Sequence[tuple[str, str]] = (),
) -> list[Card]:
    """The cards of a custom sitting, in the order they are asked.

    Args:
        decks_and_states: every deck with its card states by question id.
        study: the kind of sitting and the cards it draws from.
        now: the current time (UTC).
        wrong: for "wrong", the (deck id, question id) of the cards answered wrong today, in the
            order they were (see `answered_wrong`).
    """
    now = check_utc(now)
    pool = [
        (deck, states, question)
        for deck, states in decks_and_states
        if study.cards.takes_deck(deck)
        for question in deck.questions
        if study.cards.takes(question)
    ]
    if study.kind == "wrong":
        by_key = {(deck.id, question.id): (deck, question) for deck, _states, question in pool}
        cards = [by_key[key] for key in dict.fromkeys(wrong) if key in by_key]
        return cards[: study.limit]
    due: list[tuple[datetime, int, Card]] = []
    new: list[Card] = []
    later: list[tuple[datetime, int, Card]] = []
    horizon = now + timedelta(days=study.days)
    for order, (deck, states, question) in enumerate(pool):
        state = states.get(question.id)
        if state is None or state.is_new or state.due is None:
            if study.kind == "cram":
                new.append((deck, question))
        elif state.due <= now:
            due.append((state.due, order, (deck, question)))
        elif study.kind == "cram" or state.due <= horizon:
            later.append((state.due, order, (deck, question)))
    due.sort(key=lambda item: item[:2])
    later.sort(key=lambda item: item[:2])
    cards = [card for *_key, card in due]
    if study.kind == "cram":
        cards += new
    cards += [card for *_key, card in later]
    return cards[: study.limit]


def answered_wrong(reviews: Iterable[ReviewRecord]) -> list[tuple[str, str]]:
    """(deck id, question id) of each card answered wrong in `reviews`, in order of the first such
    answer. A typed or chosen answer counts by its grade, a flashcard rated Again as wrong; an
    answer counted right by "I was right" is right (its review was replaced)."""
    found: dict[tuple[str, str], None] = {}
    for record in reviews:
        wrong = (record.correct is False) or (
            record.correct is None and record.rating == Rating.AGAIN
        )
        if wrong:
            found.setdefault((record.deck_id, record.question_id), None)
    return list(found)


def study_decks(cards: Sequence[Card]) -> list[Deck]:
    """The decks of `cards`, each holding only the questions drawn: a custom sitting tops its queue
    up with these cards' learning steps, never with other cards of their decks."""
    chosen: dict[str, tuple[Deck, list[Question]]] = {}
    for deck, question in cards:
        chosen.setdefault(deck.id, (deck, []))[1].append(question)
    return [replace(deck, questions=tuple(questions)) for deck, questions in chosen.values()]


def day_start(now: datetime, tz: tzinfo | None = None) -> datetime:
    """When the learner's day began (midnight in `tz`, the local time zone unless given), in UTC."""
    local = check_utc(now).astimezone(tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_day(text: str, *, end: bool = False) -> date:
    """A date given as YYYY, YYYY-MM or YYYY-MM-DD; a year or month stands for its first day, or
    with `end` for its last ("2024-02" to 2024-02-29).

    Raises:
        QuizError: If `text` is not such a date.
    """
    import calendar  # for the length of a month; only dates typed need it

    match = _DAY.fullmatch(text.strip())
    if match is None:
        raise QuizError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if end else 1)
    try:
        if match[3]:
            return date(year, month, int(match[3]))
        day = calendar.monthrange(year, month)[1] if end else 1
        return date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise QuizError(f"{text!r} is not a date: no such day") from None


def describe(study: CustomStudy, decks: Collection[Deck] = ()) -> str:
    """The sitting in a few words, for the header and messages ("Review ahead 7 days, tag
    history")."""
    parts = [KINDS[study.kind] + (f" {study.days} days" if study.kind == "ahead" else "")]
    chosen = [deck.title for deck in decks if deck.id in study.cards.deck_ids]
    if len(chosen) == 1:
        parts.append(chosen[0])
    elif study.cards.deck_ids:
        parts.append(f"{len(study.cards.deck_ids)} decks")
    if study.cards.tags:
        parts.append("tag " + " or ".join(sorted(study.cards.tags)))
    low, high = study.cards.published_from, study.cards.published_to
    if low is not None or high is not None:
        parts.append(f"published {low or '…'} to {high or '…'}")
    return ", ".join(parts)


def _published(deck: Deck) -> date | None:
    try:
        return date.fromisoformat(deck.source.published)
    except ValueError:
        return None
