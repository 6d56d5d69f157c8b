from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from quiz.cli import main
from quiz.decks import write_deck
from quiz.model import Deck, Question
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.stats import compute_stats, render_stats_text, stats_to_json

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)

DECK = Deck(
    id="deck",
    title="Deck",
    questions=(
        *(Question(id=f"q{i}", kind="short", prompt=f"{i}?", answer=str(i)) for i in range(6)),
        Question(id="s", kind="short", prompt="s?", answer="s", suspended=True),
    ),
)
OTHER = Deck(id="other", title="Other", questions=(Question("o", "short", "o?", "o"),))


def fill(store: ProgressStore) -> None:
    """q0 graduates and is reviewed twice in review (once forgotten); q1 is learning; q2 from long ago."""
    day = timedelta(days=1)
    store.record_review("deck", "q0", Rating.EASY, now=NOW - 20 * day)  # new -> review, +8 days
    store.record_review("deck", "q0", Rating.GOOD, now=NOW - 12 * day)  # review: kept
    store.record_review("deck", "q0", Rating.AGAIN, now=NOW - 1 * day)  # review: forgotten
    store.record_review("deck", "q0", Rating.GOOD, now=NOW - 1 * day + timedelta(minutes=10))
    store.record_review("deck", "q1", Rating.GOOD, now=NOW - timedelta(minutes=5))
    store.record_review("deck", "q2", Rating.EASY, now=NOW - 60 * day)  # outside the 30 days
    store.record_review("deck", "gone", Rating.GOOD, now=NOW - 2 * day)  # removed question
    store.record_review("other", "o", Rating.GOOD, now=NOW - 2 * day)  # another deck


def test_compute_stats_with_a_fixed_clock() -> None:
    with ProgressStore.in_memory() as store:
        fill(store)
        stats = compute_stats(store, [DECK], now=NOW)
    assert stats.today == date(2026, 3, 31)
    assert (stats.decks, stats.questions, stats.suspended) == (1, 6, 1)
    assert dict(stats.cards_by_state) == {"new": 3, "learning": 1, "review": 2, "relearning": 0}
    assert stats.retention == 0.5
    assert stats.retention_reviews == 2
    assert stats.total_reviews == 7
    assert len(stats.reviews_per_day) == 30
    assert stats.reviews_per_day[0][0] == date(2026, 3, 2)
    per_day = {day: count for day, count in stats.reviews_per_day if count}
    assert per_day == {
        date(2026, 3, 11): 1,
        date(2026, 3, 19): 1,
        date(2026, 3, 29): 1,
        date(2026, 3, 30): 2,
        date(2026, 3, 31): 1,
    }
    assert len(stats.forecast) == 14
    assert stats.forecast[0][0] == NOW.date()
    due = {day: count for day, count in stats.forecast if count}
    # q1 learning (due in 5 minutes) and q2 (overdue since long ago) count today; q0 in 2 days.
    assert due == {date(2026, 3, 31): 2, date(2026, 4, 2): 1}


def test_days_are_counted_in_the_given_time_zone() -> None:
    with ProgressStore.in_memory() as store:
        store.record_review(
            "deck", "q0", Rating.GOOD, now=datetime(2026, 3, 30, 23, 30, tzinfo=UTC)
        )
        east = timezone(timedelta(hours=3))
        stats = compute_stats(store, [DECK], now=NOW, tz=east)
    assert stats.today == date(2026, 3, 31)
    assert stats.reviews_per_day[-1] == (date(2026, 3, 31), 1)


def test_stats_without_reviews() -> None:
    with ProgressStore.in_memory() as store:
        stats = compute_stats(store, [DECK, OTHER], now=NOW)
    assert stats.retention is None
    assert stats.total_reviews == 0
    assert dict(stats.cards_by_state)["new"] == 7
    text = render_stats_text(stats)
    assert text == (
        "2 decks, 7 questions (1 suspended)\n"
        "Cards: 7 new, 0 learning, 0 review, 0 relearning\n"
        "True retention (30 days): no reviews of learned cards yet\n"
        "\n"
        "Reviews, last 30 days: 0 (0 in all)\n"
        "  none\n"
        "\n"
        "Due, next 14 days: 0\n"
        "  none\n"
    )


def test_render_stats_text_draws_scaled_bars() -> None:
    with ProgressStore.in_memory() as store:
        fill(store)
        stats = compute_stats(store, [DECK], now=NOW)
    text = render_stats_text(stats, width=10)
    lines = text.splitlines()
    assert lines[0] == "1 deck, 6 questions (1 suspended)"
    assert lines[1] == "Cards: 3 new, 1 learning, 2 review, 0 relearning"
    assert lines[2] == "True retention (30 days): 50.0% of 2 reviews"
    assert lines[4] == "Reviews, last 30 days: 6 (7 in all)"
    assert "Due, next 14 days: 3" in lines
    assert "  2026-03-30 Mon 2 ██████████" in lines
    assert "  2026-03-31 Tue 1 █████" in lines
    assert "  2026-03-30 Mon 0" not in lines
    assert "  2026-04-01 Wed 0" in lines
    assert text.endswith("\n")


def test_stats_to_json() -> None:
    with ProgressStore.in_memory() as store:
        fill(store)
        data = stats_to_json(compute_stats(store, [DECK], now=NOW))
    assert json.loads(json.dumps(data)) == data
    assert data["cards_by_state"] == {"new": 3, "learning": 1, "review": 2, "relearning": 0}
    assert data["reviews_per_day"][-1] == {"day": "2026-03-31", "reviews": 1}
    assert data["forecast"][0] == {"day": "2026-03-31", "due": 2}


@pytest.fixture
def deck_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "decks"
    folder.mkdir()
    write_deck(DECK, folder / "deck.yaml")
    return folder


def test_stats_command_json(deck_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now = datetime.now(UTC)
    data_dir = deck_folder.parent / "data"
    with ProgressStore.open(data_dir / "progress.sqlite3") as store:
        store.record_review("deck", "q0", Rating.GOOD, now=now)
    assert main(["stats", "--json", "--decks", str(deck_folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"] == 6
    assert data["cards_by_state"]["learning"] == 1
    assert sum(day["reviews"] for day in data["reviews_per_day"]) == 1


def test_stats_command_text_does_not_create_the_progress_file(
    deck_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--decks", str(deck_folder)]) == 0
    assert capsys.readouterr().out.startswith("1 deck, 6 questions (1 suspended)\n")
    assert not (deck_folder.parent / "data" / "progress.sqlite3").exists()


def test_stats_command_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    assert main(["stats", "--decks", str(tmp_path / "nowhere")]) == 2
    assert "no such deck folder" in capsys.readouterr().err


def test_stats_reads_a_progress_file_it_cannot_write(
    deck_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only progress file in a read-only folder: `quiz stats` only reads, so it works."""
    import sqlite3

    data = deck_folder.parent / "data"
    with ProgressStore.open(data / "progress.sqlite3") as store:
        store.record_review("deck", "q0", Rating.GOOD, now=datetime.now(UTC))
    # Root writes through file modes, so SQLite is also told to refuse every write.
    connect = sqlite3.connect

    def read_only(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(*args, **kwargs)
        connection.set_authorizer(_refuse_writes)
        return connection

    monkeypatch.setattr(sqlite3, "connect", read_only)
    (data / "progress.sqlite3").chmod(0o444)
    data.chmod(0o555)
    try:
        assert main(["stats", "--json", "--decks", str(deck_folder)]) == 0, capsys.readouterr().err
    finally:
        data.chmod(0o755)
    assert json.loads(capsys.readouterr().out)["cards_by_state"]["learning"] == 1
    assert (data / "progress.sqlite3").stat().st_mode & 0o777 == 0o444


def _refuse_writes(action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
    import sqlite3

    if action in (sqlite3.SQLITE_READ, sqlite3.SQLITE_SELECT, sqlite3.SQLITE_FUNCTION):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg2 is None:
        return sqlite3.SQLITE_OK  # reading a pragma
    if action == sqlite3.SQLITE_TRANSACTION and arg1 in ("BEGIN", "COMMIT", "ROLLBACK"):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def test_stats_leave_out_a_broken_deck_and_say_so(
    deck_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (deck_folder / "bad.yaml").write_text("title: Bad\nquestions: 3\n")
    assert main(["stats", "--json", "--decks", str(deck_folder)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["questions"] == 6
    assert "left out of the statistics" in captured.err and "bad.yaml:2:" in captured.err
