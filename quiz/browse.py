"""The card browser's search: every card of the decks with its state, filtered by a query.

A query is words and filters, all of which must hold (as in Anki's browser):

    seawall                  the word in the prompt, the answer or the source sentence
    "storm of 1952"          a phrase
    deck:harbour             deck id or title contains "harbour"
    tag:leech  kind:choice  fact:person
    is:new  is:learning  is:review  is:suspended  is:flagged  is:leech  is:due
    due:7                    seen before and due within 7 days (due:0: due today or overdue)

Pure functions: the caller reads the decks, card states and flags.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from quiz.errors import QuizError
from quiz.leeches import is_leech
from quiz.model import Deck, Question
from quiz.scheduling import CardState, check_utc

STATES: Final = ("new", "learning", "review", "relearning", "suspended", "flagged", "leech", "due")
FILTERS: Final = ("deck", "tag", "kind", "fact", "is", "due")


@dataclass(frozen=True, slots=True)
class CardRow:
    """One card as the browser lists it."""

    deck: Deck
    question: Question
    state: CardState | None
    """`None` for a card never reviewed."""
    flag: str | None = None
    """The flag's reason, if flagged."""

    @property
    def phase(self) -> str:
        """new, learning, review or relearning."""
        return "new" if self.state is None else self.state.state

    @property
    def status(self) -> str:
        """What the list shows in its state column: the phase, or suspended."""
        return "suspended" if self.question.suspended else self.phase


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: words to find and filters, each a (name, value) pair."""

    words: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()


def card_rows(
    decks: Sequence[Deck],
    states: Mapping[str, Mapping[str, CardState]],
    flags: Mapping[tuple[str, str], str],
) -> list[CardRow]:
    """Every question of the decks, in deck order, with its state and flag.

    Args:
        decks: the decks.
        states: deck id -> question id -> state.
        flags: (deck id, question id) -> reason.
    """
    rows = []
    for deck in decks:
        deck_states = states.get(deck.id, {})
        for question in deck.questions:
            rows.append(
                CardRow(
                    deck,
                    question,
                    deck_states.get(question.id),
                    flags.get((deck.id, question.id)),
                )
            )
    return rows


def parse_query(text: str) -> Query:
    """Split a query into words and filters.

    Raises:
        QuizError: An unknown filter name or state, a due: that is not a number, or an unclosed
            quote.
    """
    try:
        parts = shlex.split(text)
    except ValueError:
        raise QuizError("a quote is not closed") from None
    words: list[str] = []
    filters: list[tuple[str, str]] = []
    for part in parts:
        name, colon, value = part.partition(":")
        if not colon or not re.fullmatch(r"[a-z]+", name):
            words.append(part.casefold())
            continue
        if name not in FILTERS:
            raise QuizError(f"unknown filter {name}: (use {', '.join(f + ':' for f in FILTERS)})")
        value = value.casefold()
        if name == "is" and value not in STATES:
            raise QuizError(f"is:{value}? use one of {', '.join('is:' + s for s in STATES)}")
        if name == "due" and not value.isdigit():
            raise QuizError(f"due: takes a number of days, not {value!r}")
        filters.append((name, value))
    return Query(tuple(words), tuple(filters))


def search(
    rows: Sequence[CardRow], query: Query, *, now: datetime, tz: tzinfo = UTC
) -> list[CardRow]:
    """The rows that match every word and filter of the query, in their order."""
    now = check_utc(now)
    today = now.astimezone(tz).date()
    return [row for row in rows if _matches(row, query, now, today, tz)]


def _matches(row: CardRow, query: Query, now: datetime, today: date, tz: tzinfo) -> bool:
    question = row.question
    if query.words:
        haystack = " ".join(
            (question.prompt, *question.answers, question.source.sentence)
        ).casefold()
        if not all(word in haystack for word in query.words):
            return False
    for name, value in query.filters:
        if name == "deck":
            if value not in row.deck.id.casefold() and value not in row.deck.title.casefold():
                return False
        elif name == "tag":
            if value not in (tag.casefold() for tag in question.tags):
                return False
        elif name == "kind":
            if question.kind != value:
                return False
        elif name == "fact":
            if question.fact.casefold() != value:
                return False
        elif name == "is":
            if not _is(row, value, now):
                return False
        elif name == "due":
            state = row.state
            if state is None or state.is_new or state.due is None:
                return False
            end = datetime.combine(today + timedelta(days=int(value) + 1), time(), tzinfo=tz)
            if state.due >= end:
                return False
    return True


def _is(row: CardRow, value: str, now: datetime) -> bool:
    if value == "suspended":
        return row.question.suspended
    if value == "flagged":
        return row.flag is not None
    if value == "leech":
        return is_leech(row.question)
    if value == "due":
        return row.state is not None and row.state.is_due(now) and not row.question.suspended
    return row.phase == value
