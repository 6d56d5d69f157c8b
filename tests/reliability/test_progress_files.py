"""Damaged progress files: a clear QuizError, and a file left byte for byte as it was.

tests/test_progress.py covers the named cases (a newer schema, another app's database, migrations
from each earlier version). Here the damage is random: bytes flipped anywhere in a database full of
reviews, pages zeroed, files cut at any length, garbage WAL files, and the command line on top.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.errors import QuizError
from quiz.progress import SCHEMA_VERSION, ProgressStore
from quiz.scheduling import Rating

BASE = datetime(2026, 1, 1, tzinfo=UTC)
REVIEWS = 400


@pytest.fixture(scope="module")
def full_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with months of reviews, closed cleanly (its WAL folded in)."""
    path = tmp_path_factory.mktemp("full") / "progress.sqlite3"
    with ProgressStore.open(path) as store:
        for i in range(REVIEWS):
            store.record_review(
                f"deck-{i % 3}",
                f"q-{i % 70}",
                Rating(1 + i % 4),
                now=BASE + timedelta(hours=i),
                typed=f"typed answer number {i}",
            )
        store.add_accepted("deck-0", "q-1", "an accepted answer")
        store.set_settings(new_per_day=12)
    assert not Path(f"{path}-wal").exists()
    return path


def folder_state(folder: Path) -> dict[str, bytes]:
    """The progress file and its companions (-wal, -shm, -journal), byte for byte."""
    return {
        entry.name: entry.read_bytes()
        for entry in sorted(folder.glob("progress.sqlite3*"))
        if entry.is_file()
    }


def read_everything(store: ProgressStore) -> None:
    """Read every table, as a study session starts by doing."""
    store.all_card_states()
    for deck in ("deck-0", "deck-1", "deck-2"):
        store.card_states(deck)
        store.accepted(deck)
        store.reviews(deck_id=deck)
    list(store.iter_reviews())
    store.get_settings()
    store.new_introduced_on(None, BASE.date())


def write_reviews(store: ProgressStore) -> None:
    """Answer a new card and a known one."""
    store.record_review("deck-0", "q-new", Rating.GOOD, now=BASE + timedelta(days=400))
    store.record_review("deck-1", "q-7", Rating.GOOD, now=BASE + timedelta(days=400))


class Stage:
    writing = False


def open_and_use(
    tally: Any, target: str, path: Path, stage: Stage | None = None
) -> QuizError | None:
    """Open, read and write; the QuizError raised, if any. Other exceptions are crashes."""
    stage = stage or Stage()

    def run() -> None:
        with ProgressStore.open(path) as store:
            read_everything(store)
            stage.writing = True
            write_reviews(store)

    result = tally.call(target, run)
    if isinstance(result, QuizError):
        assert "\n" not in str(result)
        assert str(result).startswith(str(path))
        return result
    return None


def damaged_copies(source: Path, seed: int) -> tuple[str, bytes]:
    rng = random.Random(seed)
    data = bytearray(source.read_bytes())
    page = 4096
    how = rng.choice(["flip", "zero-page", "random-page", "truncate", "header"])
    if how == "flip":
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif how == "zero-page":
        start = rng.randrange(len(data) // page) * page
        data[start : start + page] = bytes(page)
    elif how == "random-page":
        start = rng.randrange(len(data) // page) * page
        data[start : start + page] = rng.randbytes(page)
    elif how == "truncate":
        del data[rng.randint(1, len(data) - 1) :]
    else:
        position = rng.randrange(100)
        data[position] = rng.randrange(256)
    return how, bytes(data)


@pytest.mark.parametrize("seed", range(60))
def test_random_damage_is_a_quiz_error_and_an_untouched_file(
    tally: Any, full_database: Path, tmp_path: Path, seed: int
) -> None:
    path = tmp_path / "progress.sqlite3"
    how, data = damaged_copies(full_database, seed)
    path.write_bytes(data)
    before = folder_state(tmp_path)
    stage = Stage()
    error = open_and_use(tally, f"progress: damaged file ({how})", path, stage)
    if error is not None and not stage.writing:
        # Refused on open or while reading: nothing was written.
        after = folder_state(tmp_path)
        tally.lost(f"progress: damaged file ({how})", 0 if after == before else 1)
        assert after == before, f"{how}: {error}"


DAMAGED_VALUES = {
    "review-time": "UPDATE reviews SET reviewed_at = '2026-01-04T15: 0:00' WHERE id = 7",
    "review-state": "UPDATE reviews SET state_after = '{\"due\": ' WHERE id = 7",
    "review-rating": "UPDATE reviews SET rating = 11 WHERE id = 7",
    "card-due": "UPDATE cards SET due = 'soon' WHERE question_id = 'q-7'",
    "card-state": "UPDATE cards SET state = 'leArning' WHERE question_id = 'q-7'",
}


@pytest.mark.parametrize("name", sorted(DAMAGED_VALUES))
def test_damaged_values_in_rows_are_a_quiz_error(
    tally: Any, full_database: Path, tmp_path: Path, name: str
) -> None:
    """Bit rot or a hand edit inside one row: the row cannot be read back; say so, don't crash."""
    import sqlite3

    path = tmp_path / "progress.sqlite3"
    shutil.copy(full_database, path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute(DAMAGED_VALUES[name])
    db.close()
    assert open_and_use(tally, "progress: damaged values", path) is not None


NOT_PROGRESS: dict[str, bytes] = {
    "text": b"these are my notes, not a database\n" * 50,
    "yaml-deck": b"title: t\nquestions:\n- prompt: p\n  answer: a\n",
    "random": random.Random(7).randbytes(20_000),
    "png": b"\x89PNG\r\n\x1a\n" + bytes(4000),
    "sqlite-header-only": b"SQLite format 3\x00" + bytes(84),
    "nul-bytes": bytes(8192),
}


@pytest.mark.parametrize("name", sorted(NOT_PROGRESS))
def test_a_file_that_is_not_progress_is_refused_and_untouched(
    tally: Any, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(NOT_PROGRESS[name])
    before = folder_state(tmp_path)
    error = open_and_use(tally, "progress: not a progress file", path)
    assert error is not None
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_file_is_refused_and_untouched(
    tally: Any, full_database: Path, tmp_path: Path, journal: str
) -> None:
    """Whatever its journal mode (a newer quiz may change it), the file is not even switched."""
    import sqlite3

    path = tmp_path / "progress.sqlite3"
    shutil.copy(full_database, path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = folder_state(tmp_path)
    error = open_and_use(tally, "progress: newer schema", path)
    assert error is not None and "newer" in str(error)
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("seed", range(8))
def test_a_garbage_wal_beside_a_good_database_loses_nothing(
    tally: Any, full_database: Path, tmp_path: Path, seed: int
) -> None:
    """A WAL file that is not one (wrong header, random bytes) is ignored, never applied."""
    path = tmp_path / "progress.sqlite3"
    shutil.copy(full_database, path)
    rng = random.Random(seed)
    Path(f"{path}-wal").write_bytes(rng.randbytes(rng.choice([32, 4000, 40_000])))
    error = open_and_use(tally, "progress: garbage WAL", path)
    assert error is None
    with ProgressStore.open(path) as store:
        lost = REVIEWS - len(
            [r for r in store.iter_reviews() if r.reviewed_at < BASE + timedelta(days=399)]
        )
        tally.lost("progress: garbage WAL", lost)
        assert lost == 0
        assert store.get_settings().new_per_day == 12


@pytest.mark.parametrize("name", ["random", "text"])
def test_the_command_line_says_one_line_and_exits_2(tally: Any, tmp_path: Path, name: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / "progress.sqlite3"
    path.write_bytes(NOT_PROGRESS[name])
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "d.yaml").write_text("title: d\nquestions:\n- prompt: p\n  answer: a\n")
    before = folder_state(data_dir)
    for command in (["stats"], ["study", "--decks", str(decks)]):
        tally.tried("progress: damaged file (CLI)")
        result = subprocess.run(
            [sys.executable, "-m", "quiz", *command],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QUIZ_DATA_DIR": str(data_dir), "TERM": "dumb"},
            stdin=subprocess.DEVNULL,
        )
        if "Traceback" in result.stderr:
            tally.crashed("progress: damaged file (CLI)")
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith(f"quiz: {path}: ")
        assert folder_state(data_dir) == before
