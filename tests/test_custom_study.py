"""Custom study: what each kind draws, in what order, narrowed by deck, tag and date; the dates
typed; the cards answered wrong today read from the log; and a sitting that changes nothing but
the states of the cards it reviews."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.custom_study import (
    CardFilter,
    CustomStudy,
    answered_wrong,
    custom_queue,
    day_start,
    describe,
    parse_day,
    study_decks,
)
from quiz.errors import QuizError
from quiz.model import Deck, DeckSource, Question
from quiz.progress import ProgressStore
from quiz.scheduling import CardState, Rating, new_state, review
from quiz.session import Session
from quiz.study import build_queue

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def question(qid: str, *tags: str, suspended: bool = False) -> Question:
    return Question(
        id=qid, kind="short", prompt=f"{qid}?", answer="x", tags=tags, suspended=suspended
    )


def seen(deck: Deck, qid: str, due: datetime) -> CardState:
    state = review(new_state(deck.id, qid), Rating.EASY, now=due - timedelta(days=8))
    return replace(state, due=due, state="review")


HISTORY = Deck(
    id="history",
    title="A harbour's history",
    questions=(
        question("h1", "dates"),
        question("h2", "people"),
        question("h3", "dates", suspended=True),
        question("h4"),
    ),
    source=DeckSource(published="2024-03-14"),
)
TOWN = Deck(
    id="town",
    title="Town budget",
    questions=(question("t1", "Dates"), question("t2")),
    source=DeckSource(published="2023-11-02"),
)
UNDATED = Deck(id="undated", title="Notes", questions=(question("u1", "dates"),))


def states() -> list[tuple[Deck, dict[str, CardState]]]:
    """h1 overdue 2 days, h2 due in 3 days, h4 new; t1 due in 10 days, t2 overdue 1 day; u1 new."""
    return [
        (
            HISTORY,
            {
                "h1": seen(HISTORY, "h1", NOW - timedelta(days=2)),
                "h2": seen(HISTORY, "h2", NOW + timedelta(days=3)),
            },
        ),
        (
            TOWN,
            {
                "t1": seen(TOWN, "t1", NOW + timedelta(days=10)),
                "t2": seen(TOWN, "t2", NOW - timedelta(days=1)),
            },
        ),
        (UNDATED, {}),
    ]


def ids(cards: list[tuple[Deck, Question]]) -> list[str]:
    return [q.id for _deck, q in cards]


def test_cram_takes_every_card_due_first_then_new_then_the_rest() -> None:
    cards = custom_queue(states(), CustomStudy("cram"), now=NOW)
    # Overdue by how long, then new in deck order, then the rest by when they fall due; never h3.
    assert ids(cards) == ["h1", "t2", "h4", "u1", "h2", "t1"]


def test_cram_of_one_deck_ignores_the_daily_queue() -> None:
    study = CustomStudy("cram", CardFilter(deck_ids=frozenset({"history"})))
    assert ids(custom_queue(states(), study, now=NOW)) == ["h1", "h4", "h2"]
    # The daily queue with no new cards left today has only h1 of this deck.
    assert ids(build_queue(states()[:1], now=NOW, new_limit=0)) == ["h1"]


def test_tags_match_any_ignoring_case() -> None:
    study = CustomStudy("cram", CardFilter(tags=frozenset({"dates"})))
    assert ids(custom_queue(states(), study, now=NOW)) == ["h1", "u1", "t1"]
    study = CustomStudy("cram", CardFilter(tags=frozenset({"people", "DATES"})))
    assert ids(custom_queue(states(), study, now=NOW)) == ["h1", "u1", "h2", "t1"]


def test_a_date_range_takes_dated_decks_inside_it() -> None:
    spring = CardFilter(published_from=date(2024, 1, 1), published_to=date(2024, 12, 31))
    assert ids(custom_queue(states(), CustomStudy("cram", spring), now=NOW)) == ["h1", "h4", "h2"]
    until = CardFilter(published_to=date(2024, 3, 13))  # the day before the history article
    assert ids(custom_queue(states(), CustomStudy("cram", until), now=NOW)) == ["t2", "t1"]
    since = CardFilter(published_from=date(2024, 3, 14))  # its day counts
    assert ids(custom_queue(states(), CustomStudy("cram", since), now=NOW)) == ["h1", "h4", "h2"]


def test_review_ahead_takes_seen_cards_due_within_the_days() -> None:
    assert ids(custom_queue(states(), CustomStudy("ahead", days=3), now=NOW)) == ["h1", "t2", "h2"]
    assert ids(custom_queue(states(), CustomStudy("ahead", days=2), now=NOW)) == ["h1", "t2"]
    assert ids(custom_queue(states(), CustomStudy("ahead", days=30), now=NOW)) == [
        "h1",
        "t2",
        "h2",
        "t1",
    ]


def test_the_limit_cuts_the_queue() -> None:
    assert ids(custom_queue(states(), CustomStudy("cram", limit=3), now=NOW)) == ["h1", "t2", "h4"]


def test_wrong_today_keeps_the_order_and_the_filter() -> None:
    wrong = [("town", "t2"), ("history", "h3"), ("history", "h1"), ("town", "t2"), ("gone", "x")]
    # h3 is suspended since; a deck no longer here is skipped.
    assert ids(custom_queue(states(), CustomStudy("wrong"), now=NOW, wrong=wrong)) == ["t2", "h1"]
    only_history = CustomStudy("wrong", CardFilter(deck_ids=frozenset({"history"})))
    assert ids(custom_queue(states(), only_history, now=NOW, wrong=wrong)) == ["h1"]


def test_answered_wrong_reads_grades_and_again(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        store.record_review("d", "typed-wrong", Rating.AGAIN, now=NOW, correct=False)
        store.record_review("d", "typed-right", Rating.GOOD, now=NOW, correct=True)
        store.record_review("d", "flash-again", Rating.AGAIN, now=NOW)
        store.record_review("d", "flash-good", Rating.GOOD, now=NOW)
        overridden = store.record_review("d", "overridden", Rating.AGAIN, now=NOW, correct=False)
        store.regrade(overridden, Rating.GOOD, correct=True, accept="x", retention=0.9)
        store.record_review("d", "typed-wrong", Rating.AGAIN, now=NOW, correct=False)
        assert answered_wrong(store.reviews()) == [("d", "typed-wrong"), ("d", "flash-again")]


def test_day_start_is_local_midnight_in_utc() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert day_start(NOW, plus_two) == datetime(2026, 3, 9, 22, 0, tzinfo=UTC)
    late = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
    assert day_start(late, plus_two) == datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
    assert day_start(NOW, UTC) == datetime(2026, 3, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2024-03-14", False, date(2024, 3, 14)),
        ("2024-02", False, date(2024, 2, 1)),
        ("2024-02", True, date(2024, 2, 29)),
        ("2023", True, date(2023, 12, 31)),
        (" 2023 ", False, date(2023, 1, 1)),
    ],
)
def test_parse_day(text: str, end: bool, expected: date) -> None:
    assert parse_day(text, end=end) == expected


@pytest.mark.parametrize("text", ["", "14/03/2024", "2024-13", "2024-02-30", "last week"])
def test_parse_day_refuses(text: str) -> None:
    with pytest.raises(QuizError, match="not a date"):
        parse_day(text)


def test_bad_settings_are_refused() -> None:
    with pytest.raises(QuizError, match="number of cards"):
        CustomStudy(limit=0)
    with pytest.raises(QuizError, match="days ahead"):
        CustomStudy("ahead", days=0)
    with pytest.raises(QuizError, match="wrong way round"):
        CustomStudy(
            cards=CardFilter(published_from=date(2025, 1, 1), published_to=date(2024, 1, 1))
        )


def test_describe() -> None:
    study = CustomStudy(
        "ahead", CardFilter(deck_ids=frozenset({"history"}), tags=frozenset({"dates"})), days=3
    )
    assert describe(study, [HISTORY, TOWN]) == "Review ahead 3 days, A harbour's history, tag dates"
    dated = CustomStudy(cards=CardFilter(published_from=date(2024, 1, 1)))
    assert describe(dated) == "Beyond today's limits, published 2024-01-01 to …"


def test_a_custom_sitting_changes_only_the_cards_it_reviews(tmp_path: Path) -> None:
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        before_day = NOW - timedelta(days=5)
        for deck in (HISTORY, TOWN):
            for q in deck.questions:
                store.record_review(deck.id, q.id, Rating.GOOD, now=before_day)
        untouched = store.all_card_states()
        with_states = [(deck, store.card_states(deck.id)) for deck in (HISTORY, TOWN)]
        study = CustomStudy("cram", CardFilter(deck_ids=frozenset({"history"})), limit=1)
        cards = custom_queue(with_states, study, now=NOW)
        session = Session(cards, store=store, clock=lambda: NOW, decks=study_decks(cards))
        session.submit("x")
        session.next()
        assert session.current is None  # the top-up draws on the chosen card only
        after = store.all_card_states()
        [(key, _deck)] = [(k, v) for k, v in after.items() if untouched[k] != v]
        assert key == ("history", cards[0][1].id)
        assert len(store.reviews(since=NOW)) == 1


def test_study_decks_keep_only_the_cards_drawn() -> None:
    cards = [(TOWN, TOWN.questions[1]), (HISTORY, HISTORY.questions[0])]
    [town, history] = study_decks(cards)
    assert (town.id, ids([(town, q) for q in town.questions])) == ("town", ["t2"])
    assert (history.id, [q.id for q in history.questions]) == ("history", ["h1"])
