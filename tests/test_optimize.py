"""Fitting the scheduler to a review log: on a simulated learner of known parameters, the fit gets
close to them; too few reviews are refused; the parameters are stored and used."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from quiz.cli import main
from quiz.errors import EXIT_USER_ERROR, QuizError
from quiz.optimize import MIN_REVIEWS, fit_parameters, is_held_out, spaced_reviews
from quiz.progress import ProgressStore, ReviewRecord, default_progress_path
from quiz.scheduling import CardState, Rating, review

TRUE_PARAMETERS = (
    # A learner who forgets faster than FSRS's average one at first, and gains more from reviews.
    0.15, 0.6, 1.6, 5.0, 6.8, 0.6, 2.5, 0.02, 1.9, 0.2, 1.1, 1.9, 0.1, 0.35, 1.3, 0.4, 2.4,
    0.6, 0.15, 0.1, 0.25,
)  # fmt: skip

START = datetime(2026, 1, 1, 9, tzinfo=UTC)


def simulate(*, cards: int, days: int, seed: int) -> list[ReviewRecord]:
    """The review log of `cards` cards studied over `days` days with the app's scheduler, each
    recalled with the probability that FSRS with TRUE_PARAMETERS predicts (the learner's memory)."""
    rng = random.Random(seed)
    memory = fsrs.Scheduler(parameters=TRUE_PARAMETERS, enable_fuzzing=False)
    end = START + timedelta(days=days)
    log: list[ReviewRecord] = []
    for index in range(cards):
        now = START + timedelta(days=rng.randrange(days // 2), minutes=rng.randrange(600))
        truth = fsrs.Card(card_id=index + 1, due=now)
        state = CardState("deck", f"q{index}")
        while now < end:
            if truth.stability is None:
                rating = rng.choices((1, 2, 3, 4), (0.25, 0.1, 0.55, 0.1))[0]
            elif rng.random() < memory.get_card_retrievability(truth, now):
                rating = rng.choices((2, 3, 4), (0.1, 0.8, 0.1))[0]
            else:
                rating = 1
            after = review(state, Rating(rating), now=now)
            log.append(
                ReviewRecord(
                    len(log) + 1, "deck", state.question_id, now, Rating(rating), state, after
                )
            )
            truth, _ = memory.review_card(truth, fsrs.Rating(rating), review_datetime=now)
            assert after.due is not None
            state, now = after, after.due + timedelta(minutes=rng.randrange(120))
    return sorted(log, key=lambda record: record.reviewed_at)


def held_out_error(reviews: list[ReviewRecord], parameters: tuple[float, ...] | None) -> float:
    """Mean absolute difference between the recall `parameters` predict and the learner's true
    recall probability, over the spaced reviews of the held-out cards."""
    total = count = 0.0
    states: dict[str, tuple[CardState, CardState]] = {}
    for record in reviews:
        if not is_held_out((record.deck_id, record.question_id)):
            continue
        guess, truth = states.get(
            record.question_id,
            (CardState("deck", record.question_id), CardState("deck", record.question_id)),
        )
        if guess.last_review is not None and (record.reviewed_at - guess.last_review).days > 0:
            total += abs(
                _recall(guess, record.reviewed_at, parameters)
                - _recall(truth, record.reviewed_at, TRUE_PARAMETERS)
            )
            count += 1
        states[record.question_id] = (
            review(guess, record.rating, now=record.reviewed_at, parameters=parameters),
            review(truth, record.rating, now=record.reviewed_at, parameters=TRUE_PARAMETERS),
        )
    return total / count


def _recall(state: CardState, now: datetime, parameters: tuple[float, ...] | None) -> float:
    weights = parameters or fsrs.scheduler.DEFAULT_PARAMETERS
    assert state.stability is not None and state.last_review is not None
    decay = -weights[20]
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * (now - state.last_review).days / state.stability) ** decay)


@pytest.fixture(scope="module")
def learner_log() -> list[ReviewRecord]:
    return simulate(cards=1200, days=240, seed=7)


def test_fit_recovers_a_known_learner(learner_log: list[ReviewRecord]) -> None:
    fit = fit_parameters(learner_log)

    assert fit.train_reviews >= MIN_REVIEWS and fit.test_reviews > 0
    assert fit.better
    assert fit.after.log_loss < fit.before.log_loss
    assert fit.after.rmse < fit.before.rmse
    # The fitted model's recall predictions are much nearer the learner's true recall than the
    # defaults' are (on cards it was not trained on).
    default_error = held_out_error(learner_log, None)
    fitted_error = held_out_error(learner_log, fit.parameters)
    assert fitted_error < default_error / 2


def test_too_few_reviews_are_refused_with_the_count() -> None:
    reviews = simulate(cards=30, days=60, seed=1)
    spaced = sum(
        spaced_reviews([(r.reviewed_at, int(r.rating)) for r in reviews if r.question_id == q])
        for q in {r.question_id for r in reviews}
    )
    with pytest.raises(QuizError, match=f"{spaced} of the {len(reviews)} reviews.*needs 1000"):
        fit_parameters(reviews)


def test_stored_parameters_schedule_the_next_reviews(learner_log: list[ReviewRecord]) -> None:
    fit = fit_parameters(learner_log)
    with ProgressStore.in_memory() as store:
        first = store.record_review("d", "a", Rating.GOOD, now=START)
        store.set_scheduler_parameters(fit.parameters, now=START, report=fit.report())
        assert store.scheduler_parameters() == fit.parameters
        second = store.record_review("d", "b", Rating.GOOD, now=START)
        assert first.after.stability == pytest.approx(fsrs.scheduler.DEFAULT_PARAMETERS[2])
        assert second.after.stability == pytest.approx(fit.parameters[2])

        store.set_scheduler_parameters(None, now=START + timedelta(days=1))
        assert store.scheduler_parameters() is None
        third = store.record_review("d", "c", Rating.GOOD, now=START)
        assert third.after.stability == pytest.approx(fsrs.scheduler.DEFAULT_PARAMETERS[2])
        history = store.parameter_history()
        assert [parameters for _when, parameters, _report in history] == [fit.parameters, None]
        assert history[0][2]["kept"] is True


def test_parameters_out_of_bounds_are_refused() -> None:
    with ProgressStore.in_memory() as store, pytest.raises(ValueError):
        store.set_scheduler_parameters((1.0,) * 20, now=START)


def _store_log(path: Path, log: list[ReviewRecord]) -> None:
    """Record the log in memory, then copy the database to `path` at once (10,000 commits to a
    file, each synced, take a minute)."""
    with ProgressStore.in_memory() as store:
        for record in log:
            store.record_review(
                record.deck_id, record.question_id, record.rating, now=record.reviewed_at
            )
        target = sqlite3.connect(path)
        store._db.backup(target)
        target.close()


def test_optimize_command_fits_saves_and_resets(
    learner_log: list[ReviewRecord], capsys: pytest.CaptureFixture[str]
) -> None:
    path = default_progress_path()
    _store_log(path, learner_log)

    assert main(["optimize"]) == 0
    out = capsys.readouterr().out
    assert "Saved: reviews are scheduled with the fitted parameters" in out
    assert re.search(r"default parameters +0\.\d{4} +\d\.\d\d%", out)
    with ProgressStore.open(path) as store:
        fitted = store.scheduler_parameters()
    assert fitted is not None

    assert main(["optimize", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["log_loss_before"] > 0 and data["test_reviews"] > 0

    assert main(["optimize", "--reset"]) == 0
    assert "default scheduler parameters" in capsys.readouterr().out
    with ProgressStore.open(path) as store:
        assert store.scheduler_parameters() is None


def test_optimize_command_without_enough_reviews(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["optimize"]) == EXIT_USER_ERROR
    assert "no reviews yet" in capsys.readouterr().err
    _store_log(default_progress_path(), simulate(cards=5, days=30, seed=2))
    assert main(["optimize"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("quiz: not enough reviews to fit:") and err.count("\n") == 1
