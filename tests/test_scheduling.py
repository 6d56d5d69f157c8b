from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.scheduling import (
    CardState,
    Rating,
    card_id,
    from_dict,
    new_state,
    retrievability,
    review,
    to_dict,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_new_state_is_new_and_never_due() -> None:
    state = new_state("deck", "q1")
    assert state == CardState("deck", "q1", "new", None, None, None, None, None, 0, 0)
    assert state.is_new
    assert not state.is_due(T0)
    assert retrievability(state, T0) == 0.0


def test_a_sequence_of_ratings_gives_exact_due_dates() -> None:
    """Learning steps of 1 and 10 minutes, relearning of 10 minutes, default FSRS-6 weights."""
    expected = [
        (Rating.GOOD, "learning", "2026-03-01T09:10:00+00:00", 1, 0),
        (Rating.GOOD, "review", "2026-03-03T09:10:00+00:00", None, 0),
        (Rating.GOOD, "review", "2026-03-14T09:10:00+00:00", None, 0),
        (Rating.GOOD, "review", "2026-04-29T09:10:00+00:00", None, 0),
        (Rating.AGAIN, "relearning", "2026-04-29T09:20:00+00:00", 0, 1),
        (Rating.GOOD, "review", "2026-05-02T09:20:00+00:00", None, 1),
        (Rating.EASY, "review", "2026-05-14T09:20:00+00:00", None, 1),
    ]
    state = new_state("deck", "q1")
    now = T0
    for reps, (rating, phase, due, step, lapses) in enumerate(expected, start=1):
        previous = state
        state = review(state, rating, now=now)
        assert (state.state, state.due, state.step, state.reps, state.lapses) == (
            phase,
            at(due),
            step,
            reps,
            lapses,
        ), rating
        assert state.last_review == now
        assert previous.reps == reps - 1  # the old value is untouched
        assert state.due is not None
        now = state.due
    assert state.stability == pytest.approx(12.046, abs=1e-3)
    assert state.difficulty == pytest.approx(6.4838, abs=1e-3)


@pytest.mark.parametrize(
    ("rating", "interval"),
    [
        (Rating.AGAIN, timedelta(minutes=1)),
        (Rating.HARD, timedelta(minutes=5, seconds=30)),
        (Rating.GOOD, timedelta(minutes=10)),
        (Rating.EASY, timedelta(days=8)),
    ],
)
def test_first_review_intervals(rating: Rating, interval: timedelta) -> None:
    state = review(new_state("d", "q"), rating, now=T0)
    assert state.due == T0 + interval
    assert state.state == ("review" if rating == Rating.EASY else "learning")


def test_higher_retention_gives_shorter_intervals() -> None:
    learning = review(new_state("d", "q"), Rating.GOOD, now=T0)
    later = T0 + timedelta(minutes=10)
    default = review(learning, Rating.GOOD, now=later)
    strict = review(learning, Rating.GOOD, now=later, retention=0.97)
    assert default.due == later + timedelta(days=2)
    assert strict.due == later + timedelta(days=1)


def test_retention_is_clamped_to_the_supported_range() -> None:
    learning = review(new_state("d", "q"), Rating.GOOD, now=T0)
    later = T0 + timedelta(minutes=10)
    assert review(learning, Rating.GOOD, now=later, retention=5.0) == review(
        learning, Rating.GOOD, now=later, retention=0.99
    )


def test_review_converts_other_time_zones_and_refuses_naive_times() -> None:
    plus_two = timezone(timedelta(hours=2))
    local = review(new_state("d", "q"), Rating.GOOD, now=T0.astimezone(plus_two))
    assert local == review(new_state("d", "q"), Rating.GOOD, now=T0)
    assert local.due is not None and local.due.tzinfo is UTC
    with pytest.raises(ValueError, match="timezone-aware"):
        review(new_state("d", "q"), Rating.GOOD, now=T0.replace(tzinfo=None))


def test_retrievability_falls_with_time() -> None:
    state = review(review(new_state("d", "q"), Rating.GOOD, now=T0), Rating.GOOD, now=T0)
    assert state.state == "review" and state.due is not None
    at_due = retrievability(state, state.due)
    assert at_due == pytest.approx(0.9095, abs=1e-4)
    assert retrievability(state, T0) == 1.0
    assert retrievability(state, T0 + timedelta(days=30)) < at_due


def test_dict_round_trip() -> None:
    state = new_state("deck", "q1")
    for rating in (Rating.GOOD, Rating.GOOD, Rating.AGAIN):
        state = review(state, rating, now=T0 + timedelta(days=state.reps * 3))
        assert from_dict(to_dict(state)) == state
    assert from_dict(to_dict(new_state("d", "q"))) == new_state("d", "q")


def test_from_dict_refuses_unknown_states() -> None:
    data = to_dict(new_state("d", "q"))
    data["state"] = "graduated"
    with pytest.raises(ValueError, match="graduated"):
        from_dict(data)


def test_card_id_is_stable_and_distinct() -> None:
    assert card_id("deck", "q1") == card_id("deck", "q1")
    assert card_id("deck", "q1") != card_id("deck", "q2")
    assert 0 < card_id("deck", "q1") < 2**63


def test_learning_card_without_step_is_treated_as_first_step() -> None:
    state = replace(review(new_state("d", "q"), Rating.AGAIN, now=T0), step=None)
    assert review(state, Rating.GOOD, now=T0).state == "learning"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(Rating)), st.integers(min_value=0, max_value=400 * 24 * 60)),
        min_size=1,
        max_size=12,
    )
)
def test_any_sequence_of_reviews_keeps_a_sound_state(steps: list[tuple[Rating, int]]) -> None:
    state = new_state("d", "q")
    now = T0
    lapses = 0
    for rating, wait_minutes in steps:
        now += timedelta(minutes=wait_minutes)
        was_review = state.state == "review"
        state = review(state, rating, now=now)
        lapses += int(was_review and rating == Rating.AGAIN)
        assert state.due is not None and state.due > now
        assert state.last_review == now
        assert state.stability is not None and state.stability > 0
        assert state.difficulty is not None and 1 <= state.difficulty <= 10
        assert (state.step is None) == (state.state == "review")
        assert 0.0 <= retrievability(state, now + timedelta(days=3)) <= 1.0
        assert from_dict(to_dict(state)) == state
    assert state.reps == len(steps)
    assert state.lapses == lapses
