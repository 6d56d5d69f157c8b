"""What to study next: per-deck counts, today's queue, and seeded practice tests. Pure functions.

Card states come from `ProgressStore.card_states(deck.id)`; a question missing from that mapping is
new. Suspended questions are left out everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.model import Deck, Question
from quiz.scheduling import CardState, check_utc

DeckStates = tuple[Deck, Mapping[str, CardState]]
"""A deck with its card states by question id."""


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """How a deck stands at a moment (suspended questions are not counted)."""

    questions: int
    """Questions that can be studied."""
    new: int
    """Never reviewed."""
    due: int
    """Reviewed before and due now."""
    learned: int
    """Reviewed at least once (so `questions == new + learned`)."""


def deck_counts(deck: Deck, states: Mapping[str, CardState], now: datetime) -> DeckCounts:
    """Count the deck's studyable, new, due and learned questions at `now`.

    States of questions no longer in the deck are ignored (their history stays in the database).
    """
    now = check_utc(now)
    questions = new = due = 0
    for question in deck.questions:
        if question.suspended:
            continue
        questions += 1
        state = states.get(question.id)
        if state is None or state.is_new:
            new += 1
        elif state.is_due(now):
            due += 1
    return DeckCounts(questions=questions, new=new, due=due, learned=questions - new)


def build_queue(
    decks_and_states: Iterable[DeckStates],
    *,
    now: datetime,
    new_limit: int,
    learn_ahead: timedelta = timedelta(0),
    day_start: datetime | None = None,
) -> list[tuple[Deck, Question]]:
    """Today's cards: due ones first (most overdue first), then new ones in deck order.

    A new question made from the same source sentence as a card already in the queue, or as a
    card reviewed since `day_start`, waits for another day: seen one after the other, the second
    would give the first away (their prompts show each other's answers).

    Args:
        decks_and_states: the decks to study, each with its card states.
        now: the current time.
        new_limit: how many new cards may still be introduced (the daily limit minus those
            introduced today); 0 or less gives no new cards.
        learn_ahead: also take cards due within this time after `now` (for example the
            ten-minute learning steps at the end of a session).
        day_start: when the learner's day began (UTC); `None` counts no earlier reviews.
    """
    now = check_utc(now)
    horizon = now + learn_ahead
    since = check_utc(day_start) if day_start is not None else None
    due: list[tuple[datetime, int, Deck, Question]] = []
    new: list[tuple[Deck, Question]] = []
    order = 0
    for deck, states in decks_and_states:
        if not states:  # nothing reviewed yet: only new cards, and no more than the limit
            new.extend(_first_new(deck, new_limit - len(new)))
            continue
        fresh: list[Question] = []
        taken: set[str] = set()  # the source sentences of the cards queued or reviewed today
        for question in deck.questions:
            if question.suspended:
                continue
            state = states.get(question.id)
            if state is None or state.is_new:
                fresh.append(question)
            elif state.due is not None and state.due <= horizon:
                due.append((state.due, order, deck, question))
                order += 1
                taken.add(question.source.sentence)
            elif since is not None and state.last_review is not None and state.last_review >= since:
                taken.add(question.source.sentence)
        new.extend(_first_new(deck, new_limit - len(new), fresh, taken))
    due.sort(key=lambda item: (item[0], item[1]))
    return [(deck, question) for _due, _order, deck, question in due] + new


def _first_new(
    deck: Deck,
    count: int,
    questions: Iterable[Question] | None = None,
    taken: set[str] | None = None,
) -> list[tuple[Deck, Question]]:
    """The first `count` new questions of `deck` (all of its questions unless given), skipping
    suspended ones and those whose source sentence is taken (or was by one before them)."""
    found: list[tuple[Deck, Question]] = []
    sentences = set(taken or ())
    if count > 0:
        for question in deck.questions if questions is None else questions:
            if question.suspended:
                continue
            sentence = question.source.sentence
            if sentence:
                if sentence in sentences:
                    continue
                sentences.add(sentence)
            found.append((deck, question))
            if len(found) >= count:
                break
    return found


def next_due(decks_and_states: Iterable[DeckStates]) -> datetime | None:
    """When the next already-seen card falls due, over the decks; `None` if none was seen."""
    times = [
        state.due
        for deck, states in decks_and_states
        for question in deck.questions
        if not question.suspended
        and (state := states.get(question.id)) is not None
        and not state.is_new
        and state.due is not None
    ]
    return min(times, default=None)


def practice_test(
    decks: Sequence[Deck], *, count: int, seed: int | None
) -> list[tuple[Deck, Question]]:
    """Up to `count` random questions from the decks, kinds mixed evenly; the schedule is untouched.

    The same decks and seed give the same test. Questions are drawn kind by kind in turn (a random
    order of kinds each round), so a deck of many cloze cards still yields its few choice ones.
    """
    rng = random.Random(seed)
    by_kind: dict[str, list[tuple[Deck, Question]]] = {}
    for deck in decks:
        for question in deck.questions:
            if not question.suspended:
                by_kind.setdefault(question.kind, []).append((deck, question))
    pools = [by_kind[kind] for kind in sorted(by_kind)]
    for pool in pools:
        rng.shuffle(pool)
    chosen: list[tuple[Deck, Question]] = []
    while len(chosen) < count and any(pools):
        round_pools = [pool for pool in pools if pool]
        rng.shuffle(round_pools)
        for pool in round_pools:
            if len(chosen) >= count:
                break
            chosen.append(pool.pop())
    rng.shuffle(chosen)
    return chosen
