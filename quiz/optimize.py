"""Fit the scheduler's memory model to the learner's own review log (`quiz optimize`), offline.

The fit is fsrs-rs's (the optimizer Anki uses), through its Python binding: no deep-learning
framework, well under a second for tens of thousands of reviews. Cards are split in two by a hash
of their ids: four in five train the parameters, the fifth are held out to measure the fit (log
loss and RMSE of the predicted recall against what happened) with the defaults and with the new
parameters. The new ones are kept only when they predict the held-out reviews better.

Pure functions over review records; the caller reads the log and stores the result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from quiz.errors import QuizError
from quiz.scheduling import Parameters, check_parameters

if TYPE_CHECKING:
    import fsrs_rs_python

    from quiz.progress import ReviewRecord

MIN_REVIEWS: Final = 1000
"""Reviews made a day or more after the card's previous review that a fit needs.

Measured on simulated learners of known parameters: with about 500 such reviews to train on,
the fitted parameters predicted held-out reviews worse than the defaults as often as better; from
about 1,000 on, better every time.
"""

HOLDOUT: Final = 5
"""One card in this many is held out of the training to measure the fit."""


@dataclass(frozen=True, slots=True)
class Score:
    """How well a set of parameters predicts reviews: lower is better for both."""

    log_loss: float
    rmse: float
    """RMSE of predicted against actual recall, over bins of similar predictions (Anki's figure)."""


@dataclass(frozen=True, slots=True)
class Fit:
    """The outcome of `fit_parameters`."""

    parameters: Parameters
    """The fitted parameters (trained on the training cards)."""
    before: Score
    """The parameters in use (the defaults, or an earlier fit) on the held-out reviews."""
    after: Score
    """The fitted parameters on the held-out reviews."""
    reviews: int
    """Reviews in the log."""
    cards: int
    """Cards with reviews."""
    train_reviews: int
    """Spaced reviews (a day or more after the previous one) of the training cards."""
    test_reviews: int
    """Spaced reviews of the held-out cards."""

    @property
    def better(self) -> bool:
        """Whether the fitted parameters predict the held-out reviews better than those in use."""
        return self.after.log_loss < self.before.log_loss

    def report(self) -> dict[str, Any]:
        """The figures as JSON-ready data (kept with the parameters)."""
        return {
            "reviews": self.reviews,
            "cards": self.cards,
            "train_reviews": self.train_reviews,
            "test_reviews": self.test_reviews,
            "log_loss_before": self.before.log_loss,
            "log_loss_after": self.after.log_loss,
            "rmse_before": self.before.rmse,
            "rmse_after": self.after.rmse,
            "kept": self.better,
        }


History = list[tuple[datetime, int]]
"""One card's reviews in time order: (time, rating 1-4)."""


def histories(reviews: Iterable[ReviewRecord]) -> dict[tuple[str, str], History]:
    """The review log grouped by card, each card's reviews in time order."""
    cards: dict[tuple[str, str], History] = {}
    for record in reviews:
        cards.setdefault((record.deck_id, record.question_id), []).append(
            (record.reviewed_at, int(record.rating))
        )
    for history in cards.values():
        history.sort(key=lambda item: item[0])
    return cards


def spaced_reviews(history: History) -> int:
    """How many of the card's reviews came a day or more after the one before (the reviews
    the model predicts; same-day steps only shape the memory state)."""
    return sum(
        1 for index in range(1, len(history)) if _days(history[index - 1][0], history[index][0]) > 0
    )


def is_held_out(card: tuple[str, str]) -> bool:
    """Whether the card is one of the held-out ones (stable: a hash of its ids)."""
    digest = hashlib.blake2b(f"{card[0]}\x1f{card[1]}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % HOLDOUT == 0


def fit_parameters(
    reviews: Sequence[ReviewRecord],
    *,
    current: Parameters | None = None,
    min_reviews: int = MIN_REVIEWS,
) -> Fit:
    """Fit FSRS parameters to the review log; score them and those in use on held-out cards.

    Args:
        reviews: the review log.
        current: the parameters in use (`None`: the defaults), the "before" of the fit.
        min_reviews: the spaced reviews needed.

    Raises:
        QuizError: With fewer than `min_reviews` spaced reviews (the message says how many
            there are), or when the optimizer package is missing.
    """
    cards = histories(reviews)
    spaced = sum(spaced_reviews(history) for history in cards.values())
    if spaced < min_reviews:
        raise QuizError(
            f"not enough reviews to fit: {spaced} of the {len(reviews)} reviews came a day or more"
            f" after the card's previous one, and a fit needs {min_reviews}; keep studying and"
            " try again"
        )
    rs = _binding()
    train: list[fsrs_rs_python.FSRSItem] = []
    test: list[fsrs_rs_python.FSRSItem] = []
    for card, history in cards.items():
        (test if is_held_out(card) else train).extend(_items(rs, history))
    defaults = rs.FSRS(rs.DEFAULT_PARAMETERS)
    fitted = _checked(defaults.compute_parameters(train))
    in_use = defaults if current is None else rs.FSRS(list(current))
    return Fit(
        parameters=fitted,
        before=_score(in_use, test),
        after=_score(rs.FSRS(list(fitted)), test),
        reviews=len(reviews),
        cards=len(cards),
        train_reviews=len(train),
        test_reviews=len(test),
    )


def _items(rs: Any, history: History) -> list[fsrs_rs_python.FSRSItem]:
    """One training item per spaced review: the card's reviews up to and including it."""
    items = []
    steps = []
    for index, (moment, rating) in enumerate(history):
        days = 0 if index == 0 else _days(history[index - 1][0], moment)
        steps.append(rs.FSRSReview(rating, days))
        if index > 0 and days > 0:
            items.append(rs.FSRSItem(list(steps)))
    return items


def _days(earlier: datetime, later: datetime) -> int:
    """Whole days between two reviews, as the scheduler counts them."""
    return max(0, (later - earlier).days)


def _score(model: fsrs_rs_python.FSRS, items: list[fsrs_rs_python.FSRSItem]) -> Score:
    if not items:
        return Score(log_loss=float("nan"), rmse=float("nan"))
    evaluation = model.evaluate(items)
    return Score(log_loss=float(evaluation.log_loss), rmse=float(evaluation.rmse_bins))


def _checked(values: Sequence[float]) -> Parameters:
    """The fit rounded as Anki stores it, within the scheduler's bounds (fsrs-rs's are a little
    wider in places)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    rounded = [
        min(high, max(low, round(float(value), 4)))
        for value, low, high in zip(
            values, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=False
        )
    ]
    try:
        return check_parameters(rounded if len(rounded) == len(values) else list(values))
    except ValueError as error:
        raise QuizError(f"the fit gave parameters the scheduler cannot use: {error}") from None


def _binding() -> Any:
    try:
        import fsrs_rs_python
    except ImportError:
        raise QuizError("the optimizer package is missing: pip install fsrs-rs-python") from None
    return fsrs_rs_python
