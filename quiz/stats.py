"""Study statistics: reviews a day, true retention, cards by state and the due forecast.

`compute_stats` reads the progress store once; `render_stats_text` and `stats_to_json` only format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Final

from quiz.leeches import is_leech
from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.scheduling import PHASES, check_utc

HISTORY_DAYS: Final = 30
FORECAST_DAYS: Final = 14


@dataclass(frozen=True, slots=True)
class Stats:
    """Figures over some decks at one moment."""

    today: date
    """The day `now` falls on (in the time zone the stats were computed for)."""
    decks: int
    questions: int
    """Studyable (not suspended) questions in the decks."""
    suspended: int
    leeches: int
    """Questions tagged leech (suspended when they became leeches)."""
    reviews_per_day: tuple[tuple[date, int], ...]
    """Reviews on each of the last 30 days, oldest first, today last."""
    retention: float | None
    """True retention over the last 30 days: the share of reviews of cards in review that were not
    AGAIN; `None` with no such review."""
    retention_reviews: int
    """How many reviews `retention` is based on."""
    cards_by_state: tuple[tuple[str, int], ...]
    """("new" | "learning" | "review" | "relearning", count) for the studyable questions."""
    forecast: tuple[tuple[date, int], ...]
    """Cards falling due on each of the next 14 days, today first (today includes overdue cards)."""
    total_reviews: int
    """Reviews ever logged for these decks (including removed questions)."""


def compute_stats(
    store: ProgressStore, decks: Sequence[Deck], *, now: datetime, tz: tzinfo = UTC
) -> Stats:
    """Statistics for `decks` at `now`, with days counted in `tz`.

    Reviews of questions since removed from a deck still count towards reviews and retention.
    """
    now = check_utc(now)
    today = now.astimezone(tz).date()
    deck_ids = {deck.id for deck in decks}

    by_state: Counter[str] = Counter()
    due_days: Counter[date] = Counter()
    questions = suspended = leeches = 0
    last_day = today + timedelta(days=FORECAST_DAYS - 1)
    for deck in decks:
        states = store.card_states(deck.id)
        for question in deck.questions:
            leeches += is_leech(question)
            if question.suspended:
                suspended += 1
                continue
            questions += 1
            state = states.get(question.id)
            phase = "new" if state is None else state.state
            by_state[phase] += 1
            if state is None or state.is_new or state.due is None:
                continue
            due_day = max(today, state.due.astimezone(tz).date())
            if due_day <= last_day:
                due_days[due_day] += 1

    # One indexed count a day: cheap however long the log.
    days = [today - timedelta(days=offset) for offset in range(HISTORY_DAYS - 1, -1, -1)]
    starts = [datetime.combine(day, time(), tzinfo=tz) for day in days]
    ends = [*starts[1:], min(now, datetime.combine(today + timedelta(days=1), time(), tzinfo=tz))]
    ends[-1] = ends[-1] + timedelta(microseconds=1)  # include a review made exactly at `now`
    history = tuple(
        (day, store.count_reviews(deck_ids, since=start, until=end))
        for day, start, end in zip(days, starts, ends, strict=True)
    )
    kept, lapsed = store.review_outcomes(deck_ids, since=starts[0], until=ends[-1])
    total = store.count_reviews(deck_ids)
    forecast = tuple(
        (day, due_days[day])
        for day in (today + timedelta(days=offset) for offset in range(FORECAST_DAYS))
    )
    judged = kept + lapsed
    return Stats(
        today=today,
        decks=len(decks),
        questions=questions,
        suspended=suspended,
        leeches=leeches,
        reviews_per_day=history,
        retention=kept / judged if judged else None,
        retention_reviews=judged,
        cards_by_state=tuple((phase, by_state[phase]) for phase in PHASES),
        forecast=forecast,
        total_reviews=total,
    )


def render_stats_text(stats: Stats, *, width: int = 30) -> str:
    """The stats as plain text with bar charts, for the terminal.

    A chart with nothing in it is one line ("none"), not thirty empty days.
    """
    lines = [
        f"{_count(stats.decks, 'deck')}, {_count(stats.questions, 'question')}"
        f" ({stats.suspended} suspended{_leeches(stats.leeches)})"
    ]
    states = ", ".join(f"{count} {phase}" for phase, count in stats.cards_by_state)
    lines.append(f"Cards: {states}")
    if stats.retention is None:
        lines.append("True retention (30 days): no reviews of learned cards yet")
    else:
        lines.append(
            f"True retention (30 days): {stats.retention:.1%}"
            f" of {_count(stats.retention_reviews, 'review')}"
        )
    recent = sum(count for _day, count in stats.reviews_per_day)
    lines.append("")
    lines.append(
        f"Reviews, last {len(stats.reviews_per_day)} days: {recent} ({stats.total_reviews} in all)"
    )
    lines.extend(_bars(stats.reviews_per_day, width=width))
    due = sum(count for _day, count in stats.forecast)
    lines.append("")
    lines.append(f"Due, next {len(stats.forecast)} days: {due}")
    lines.extend(_bars(stats.forecast, width=width))
    return "\n".join(lines) + "\n"


def _leeches(count: int) -> str:
    """ ", 2 leeches" (the questions forgotten too often), or nothing when there are none."""
    return f", {count} {'leech' if count == 1 else 'leeches'}" if count else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """The stats as JSON-ready data."""
    return {
        "today": stats.today.isoformat(),
        "decks": stats.decks,
        "questions": stats.questions,
        "suspended": stats.suspended,
        "leeches": stats.leeches,
        "cards_by_state": dict(stats.cards_by_state),
        "retention": stats.retention,
        "retention_reviews": stats.retention_reviews,
        "total_reviews": stats.total_reviews,
        "reviews_per_day": [{"day": d.isoformat(), "reviews": n} for d, n in stats.reviews_per_day],
        "forecast": [{"day": d.isoformat(), "due": n} for d, n in stats.forecast],
    }


def _bars(series: Sequence[tuple[date, int]], *, width: int) -> list[str]:
    """One line per day: date, count and a bar scaled to the largest count."""
    peak = max((count for _day, count in series), default=0)
    if peak == 0:
        return ["  none"]
    digits = len(str(peak))
    lines = []
    for day, count in series:
        length = 0 if peak == 0 else max(1 if count else 0, round(count * width / peak))
        lines.append(
            f"  {day.isoformat()} {day.strftime('%a')} {count:>{digits}} {'█' * length}".rstrip()
        )
    return lines
