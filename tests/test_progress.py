from __future__ import annotations

import itertools
import json
import multiprocessing
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz import progress
from quiz.errors import QuizError
from quiz.progress import (
    SCHEMA_VERSION,
    ProgressStore,
    ReviewRecord,
    Settings,
    default_progress_path,
)
from quiz.scheduling import CardState, Rating, new_state, review, to_dict

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "progress.sqlite3"


def test_default_path_is_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "somewhere"))
    assert default_progress_path() == tmp_path / "somewhere" / "progress.sqlite3"


def test_open_creates_folders_schema_and_wal(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        assert store.card_states("deck") == {}
        assert store.get_settings() == Settings(new_per_day=20, retention=0.9)
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reviews_round_trip_through_the_file(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        first = store.record_review(
            "deck", "q1", Rating.GOOD, now=T0, typed="Kabul", seconds=4.5, correct=True
        )
        second = store.record_review("deck", "q1", Rating.GOOD, now=T0 + timedelta(minutes=10))
        store.record_review("deck", "q2", Rating.AGAIN, now=T0, correct=False)
        store.record_review("other", "q1", Rating.EASY, now=T0)
    expected = review(
        review(new_state("deck", "q1"), Rating.GOOD, now=T0),
        Rating.GOOD,
        now=T0 + timedelta(minutes=10),
    )
    assert first.before == new_state("deck", "q1")
    assert second.after == expected
    with ProgressStore.open(db_path) as store:
        states = store.card_states("deck")
        assert set(states) == {"q1", "q2"}
        assert states["q1"] == expected
        assert states["q2"] == review(new_state("deck", "q2"), Rating.AGAIN, now=T0)
        assert store.card_state("deck", "q9") == new_state("deck", "q9")
        logged = store.reviews(deck_id="deck")
        assert [(r.question_id, r.rating, r.typed, r.correct, r.seconds) for r in logged] == [
            ("q1", Rating.GOOD, "Kabul", True, 4.5),
            ("q2", Rating.AGAIN, None, False, 0.0),
            ("q1", Rating.GOOD, None, None, 0.0),
        ]
        assert logged[0] == first
        assert logged[2] == second
        assert len(store.reviews()) == 4
        assert store.reviews(since=T0 + timedelta(minutes=1)) == [second]
        assert len(store.reviews(until=T0 + timedelta(minutes=1))) == 3
        assert list(store.iter_reviews()) == store.reviews()
        assert set(store.all_card_states()) == {("deck", "q1"), ("deck", "q2"), ("other", "q1")}


def test_log_rows_hold_utc_time_and_states_as_json(db_path: Path) -> None:
    plus_two = timezone(timedelta(hours=2))
    with ProgressStore.open(db_path) as store:
        store.record_review("deck", "q1", Rating.HARD, now=T0.astimezone(plus_two))
    db = sqlite3.connect(db_path)
    row = db.execute(
        "SELECT reviewed_at, rating, json_extract(state_before, '$.state'),"
        " json_extract(state_after, '$.state') FROM reviews"
    ).fetchone()
    db.close()
    assert row == ("2026-03-01T09:00:00.000000+00:00", 2, "new", "learning")


def test_undo_restores_the_state_and_deletes_the_row(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        first = store.record_review("deck", "q1", Rating.GOOD, now=T0)
        second = store.record_review("deck", "q1", Rating.AGAIN, now=T0 + timedelta(minutes=10))
        store.undo(second)
        assert store.card_states("deck") == {"q1": first.after}
        assert store.reviews() == [first]
        store.undo(first)
        assert store.card_states("deck") == {}
        assert store.reviews() == []
        assert store.new_introduced_on(None, T0.date()) == 0


def test_undo_twice_or_out_of_order_is_refused(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        first = store.record_review("deck", "q1", Rating.GOOD, now=T0)
        second = store.record_review("deck", "q1", Rating.GOOD, now=T0 + timedelta(minutes=10))
        with pytest.raises(QuizError, match="answered again since"):
            store.undo(first)
        store.undo(second)
        with pytest.raises(QuizError, match="already undone"):
            store.undo(second)
        assert store.card_states("deck") == {"q1": first.after}


def test_undo_of_another_card_leaves_the_rest(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        a = store.record_review("deck", "a", Rating.GOOD, now=T0)
        b = store.record_review("deck", "b", Rating.GOOD, now=T0)
        store.undo(a)
        assert store.card_states("deck") == {"b": b.after}


def test_two_stores_on_one_file_interleave_without_loss(db_path: Path) -> None:
    one = ProgressStore.open(db_path)
    two = ProgressStore.open(db_path)
    try:
        now = T0
        for index in range(20):
            store = one if index % 2 == 0 else two
            store.record_review("deck", "shared", Rating.GOOD, now=now)
            store.record_review("deck", f"own-{index % 2}", Rating.GOOD, now=now)
            now += timedelta(days=1)
        for store in (one, two):
            states = store.card_states("deck")
            assert states["shared"].reps == 20
            assert states["own-0"].reps == states["own-1"].reps == 10
            assert len(store.reviews()) == 40
        # Each review was built on the one before, whichever store made it.
        log = [r for r in one.reviews() if r.question_id == "shared"]
        assert all(later.before == earlier.after for earlier, later in itertools.pairwise(log))
    finally:
        one.close()
        two.close()


def _write_many(path: str, worker: int, count: int) -> None:
    with ProgressStore.open(Path(path)) as store:
        for index in range(count):
            store.record_review("deck", "shared", Rating.GOOD, now=T0 + timedelta(minutes=index))
            store.record_review("deck", f"w{worker}-{index}", Rating.GOOD, now=T0)


def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    ProgressStore.open(db_path).close()
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(str(db_path), w, 30)) for w in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    with ProgressStore.open(db_path) as store:
        assert len(store.reviews()) == 120
        states = store.card_states("deck")
        assert states["shared"].reps == 60
        assert len(states) == 61


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database, just some text\n" * 100,
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
    ids=["text", "damaged-header"],
)
def test_a_corrupt_file_raises_and_is_left_untouched(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(QuizError) as raised:
        ProgressStore.open(db_path)
    assert raised.value.path == str(db_path)
    assert "the progress database is damaged" in raised.value.message
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["progress.sqlite3"]


def test_a_truncated_database_raises_and_is_left_untouched(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        store._db.execute("PRAGMA synchronous = OFF")  # speed only: durability is not tested here
        for index in range(200):
            store.record_review("deck", f"q{index}", Rating.GOOD, now=T0)
    checkpoint = sqlite3.connect(db_path)
    checkpoint.execute("PRAGMA journal_mode = DELETE")
    checkpoint.close()
    whole = db_path.read_bytes()
    page = 4096
    assert len(whole) >= 4 * page
    content = whole[: 2 * page] + b"\x00" * page + whole[3 * page :]  # wipe page 3
    db_path.write_bytes(content)
    with pytest.raises(QuizError, match="damaged.*move it away"):
        ProgressStore.open(db_path)
    assert db_path.read_bytes() == content


def test_another_sqlite_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path)
    other.execute("CREATE TABLE notes (id INTEGER)")
    other.commit()
    other.close()
    before = db_path.read_bytes()
    with pytest.raises(QuizError, match="not a quiz progress database"):
        ProgressStore.open(db_path)
    assert db_path.read_bytes() == before


def test_a_newer_schema_raises_and_is_left_untouched(db_path: Path) -> None:
    ProgressStore.open(db_path).close()
    db = sqlite3.connect(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(QuizError, match="newer quiz") as raised:
        ProgressStore.open(db_path)
    assert raised.value.path == str(db_path)
    assert db_path.read_bytes() == before


def test_an_unusable_data_folder_raises(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(QuizError, match="cannot create the data folder"):
        ProgressStore.open(tmp_path / "file" / "progress.sqlite3")


def _database_at(path: Path, version: int) -> None:
    """A progress file as quiz at schema `version` left it, with one review of q1 (when it can)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    progress._migrate(db, path, target=version)
    if version >= 1:
        before = json.dumps(to_dict(new_state("deck", "q1")))
        after_state = review(new_state("deck", "q1"), Rating.GOOD, now=T0)
        after = json.dumps(to_dict(after_state))
        db.execute(
            "INSERT INTO reviews (deck_id, question_id, reviewed_at, rating, typed, correct,"
            " seconds, state_before, state_after) VALUES (?, ?, ?, 3, 'x', 1, 2.0, ?, ?)",
            ("deck", "q1", progress._iso(T0), before, after),
        )
        db.execute(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "deck",
                "q1",
                after_state.state,
                progress._iso(after_state.due or T0),
                after_state.stability,
                after_state.difficulty,
                after_state.step,
                progress._iso(T0),
                1,
                0,
            ),
        )
    if version >= 2:
        db.execute("INSERT INTO accepted VALUES ('deck', 'q1', 'Kabul')")
    if version >= 3:  # from 3 on, quiz flags the review that introduced a card
        db.execute("UPDATE reviews SET introduced = 1")
    if version >= 5:  # from 5 on, the state before has a column of its own
        db.execute("UPDATE reviews SET before_state = json_extract(state_before, '$.state')")
    assert db.execute("PRAGMA user_version").fetchone()[0] == version
    db.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migration_from_each_earlier_version_keeps_the_data(db_path: Path, version: int) -> None:
    _database_at(db_path, version)
    with ProgressStore.open(db_path) as store:
        if version >= 1:
            expected = review(new_state("deck", "q1"), Rating.GOOD, now=T0)
            assert store.card_states("deck") == {"q1": expected}
            [record] = store.reviews()
            assert (record.typed, record.correct, record.seconds) == ("x", True, 2.0)
            assert store.new_introduced_on("deck", T0.date()) == 1
        else:
            assert store.card_states("deck") == {}
        assert store.accepted("deck") == ({"q1": ("Kabul",)} if version >= 2 else {})
        assert store.get_settings() == Settings()
        store.record_review("deck", "q2", Rating.GOOD, now=T0)
        store.set_settings(new_per_day=7)
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before_states = db.execute("SELECT question_id, before_state FROM reviews ORDER BY id")
    expected_rows = [("q1", "new")] if version >= 1 else []
    assert before_states.fetchall() == [*expected_rows, ("q2", "new")]
    db.close()


def test_migrated_and_fresh_schemas_are_the_same(tmp_path: Path) -> None:
    def schema(path: Path) -> list[tuple[str, str]]:
        db = sqlite3.connect(path)
        rows = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        db.close()
        return rows

    ProgressStore.open(tmp_path / "fresh.sqlite3").close()
    _database_at(tmp_path / "old.sqlite3", 1)
    ProgressStore.open(tmp_path / "old.sqlite3").close()
    assert schema(tmp_path / "old.sqlite3") == schema(tmp_path / "fresh.sqlite3")


def test_new_introduced_counts_first_reviews_per_day_and_deck(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        store.record_review("a", "q1", Rating.AGAIN, now=T0)
        store.record_review("a", "q1", Rating.GOOD, now=T0 + timedelta(minutes=1))
        store.record_review("a", "q2", Rating.GOOD, now=T0)
        store.record_review("b", "q1", Rating.GOOD, now=T0)
        store.record_review("a", "q3", Rating.GOOD, now=T0 + timedelta(days=1))
        assert store.new_introduced_on(None, date(2026, 3, 1)) == 3
        assert store.new_introduced_on("a", date(2026, 3, 1)) == 2
        assert store.new_introduced_on("b", date(2026, 3, 1)) == 1
        assert store.new_introduced_on("a", date(2026, 3, 2)) == 1
        assert store.new_introduced_on(None, date(2026, 2, 28)) == 0
        # 09:00 UTC is 23:00 the day before, ten hours west.
        west = timezone(timedelta(hours=-10))
        assert store.new_introduced_on(None, date(2026, 2, 28), tz=west) == 3


def test_accepted_answers(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        store.add_accepted("deck", "q1", "  Kabul  city ")
        store.add_accepted("deck", "q1", "Kabul city")
        store.add_accepted("deck", "q1", "KBL")
        store.add_accepted("deck", "q2", "   ")
        store.add_accepted("other", "q1", "x")
    with ProgressStore.open(db_path) as store:
        assert store.accepted("deck") == {"q1": ("KBL", "Kabul city")}
        assert store.accepted("nothing") == {}


def test_settings_are_validated_and_kept(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        assert store.set_settings(new_per_day=5) == Settings(new_per_day=5, retention=0.9)
        assert store.set_settings(retention=0.85) == Settings(new_per_day=5, retention=0.85)
        with pytest.raises(QuizError, match="retention"):
            store.set_settings(retention=0.5)
        with pytest.raises(QuizError, match="new cards"):
            store.set_settings(new_per_day=-1)
    with ProgressStore.open(db_path) as store:
        assert store.get_settings() == Settings(new_per_day=5, retention=0.85)


def test_the_theme_is_kept_with_the_settings(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        assert store.get_settings().theme == ""
        assert store.set_settings(theme="nord") == Settings(theme="nord")
        with pytest.raises(QuizError, match="not a theme name"):
            store.set_settings(theme="x" * 101)
        with pytest.raises(QuizError, match="not a theme name"):
            store.set_settings(theme="nord\x1b[2J")
        store.set_settings(new_per_day=7)
    with ProgressStore.open(db_path) as store:
        assert store.get_settings() == Settings(new_per_day=7, theme="nord")
        store._db.execute("UPDATE settings SET value = '3' WHERE key = 'theme'")
        with pytest.raises(QuizError, match="settings are damaged"):
            store.get_settings()


def test_record_review_uses_the_given_retention(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        store.record_review("d", "q", Rating.GOOD, now=T0)
        later = T0 + timedelta(minutes=10)
        record = store.record_review("d", "q", Rating.GOOD, now=later, retention=0.97)
        assert record.after.due == later + timedelta(days=1)


def test_in_memory_store_saves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with ProgressStore.in_memory() as store:
        record = store.record_review("d", "q", Rating.GOOD, now=T0)
        assert isinstance(record, ReviewRecord)
        assert store.card_states("d") == {"q": record.after}
    assert list(tmp_path.iterdir()) == []


def test_review_counts_and_outcomes(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        assert store.count_reviews() == 0
        assert store.review_outcomes() == (0, 0)
        store.record_review("a", "q", Rating.EASY, now=T0)  # new -> review
        store.record_review("a", "q", Rating.GOOD, now=T0 + timedelta(days=8))  # remembered
        store.record_review("a", "q", Rating.AGAIN, now=T0 + timedelta(days=30))  # forgotten
        store.record_review("a", "q", Rating.GOOD, now=T0 + timedelta(days=30, minutes=10))
        store.record_review("b", "q", Rating.EASY, now=T0)
        store.record_review("b", "q", Rating.HARD, now=T0 + timedelta(days=9))  # remembered
        assert store.count_reviews() == 6
        assert store.count_reviews({"a"}) == 4
        assert store.count_reviews(set()) == 0
        assert store.count_reviews({"a", "b"}, since=T0 + timedelta(days=1)) == 4
        assert store.count_reviews(until=T0 + timedelta(days=8)) == 2
        assert store.review_outcomes() == (2, 1)
        assert store.review_outcomes({"a"}) == (1, 1)
        assert store.review_outcomes({"a"}, since=T0 + timedelta(days=20)) == (0, 1)
        assert store.review_outcomes({"b"}, until=T0 + timedelta(days=9)) == (0, 0)


def test_a_failed_write_rolls_back_and_raises_quiz_error(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        first = store.record_review("deck", "q1", Rating.GOOD, now=T0)
        store._db.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON reviews BEGIN SELECT RAISE(FAIL, 'disk full'); END"
        )
        with pytest.raises(QuizError, match="cannot write progress: disk full"):
            store.record_review("deck", "q1", Rating.GOOD, now=T0 + timedelta(minutes=10))
        assert not store._db.in_transaction
        assert store.card_states("deck") == {"q1": first.after}
        assert store.reviews() == [first]


def test_a_locked_database_is_reported_not_called_damaged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ProgressStore.open(db_path).close()
    monkeypatch.setattr(progress, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with ProgressStore.open(db_path) as store:  # reading needs no lock
            assert store.card_states("deck") == {}
            with pytest.raises(QuizError, match="locked") as raised:
                store.record_review("deck", "q1", Rating.GOOD, now=T0)
            assert not store._db.in_transaction
        assert "damaged" not in raised.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(
                st.just("review"), st.sampled_from(["a", "b"]), st.sampled_from(list(Rating))
            ),
            st.tuples(st.just("undo"), st.just(""), st.just(Rating.GOOD)),
        ),
        max_size=15,
    )
)
def test_reviews_and_undos_leave_states_that_replay_the_log(
    actions: list[tuple[str, str, Rating]],
) -> None:
    with ProgressStore.in_memory() as store:
        done: list[ReviewRecord] = []
        now = T0
        for action, qid, rating in actions:
            now += timedelta(hours=7)
            if action == "review":
                done.append(store.record_review("deck", qid, rating, now=now))
            elif done:
                store.undo(done.pop())
        assert store.reviews() == done
        replayed: dict[str, CardState] = {}
        for record in done:
            before = replayed.get(record.question_id, new_state("deck", record.question_id))
            replayed[record.question_id] = review(before, record.rating, now=record.reviewed_at)
        assert store.card_states("deck") == replayed


def test_damage_in_a_file_in_use_is_reported_as_quiz_error(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        store._db.execute("PRAGMA synchronous = OFF")  # speed only
        for index in range(200):
            store.record_review("deck", f"q{index}", Rating.GOOD, now=T0, typed="x" * 50)
    db = sqlite3.connect(db_path)
    try:
        [(leaf,)] = db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'reviews' AND pagetype = 'leaf' LIMIT 1"
        ).fetchall()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        db.close()
    whole = db_path.read_bytes()
    assert whole[18:20] == b"\x02\x02"  # WAL mode: opening will not rewrite the header
    page = 4096
    content = whole[: (leaf - 1) * page] + b"\x00" * page + whole[leaf * page :]
    db_path.write_bytes(content)
    with ProgressStore.open(db_path) as store:  # no full scan at open for a file in use
        with pytest.raises(QuizError, match="damaged") as raised:
            store.check()
        assert raised.value.path == str(db_path)
        with pytest.raises(QuizError, match="damaged"):
            store.reviews()
        with pytest.raises(QuizError, match="damaged"):
            store.iter_reviews().__next__()
    assert db_path.read_bytes() == content


def test_log_states_are_compact_and_read_back_with_their_ids(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        record = store.record_review("deck", "q1", Rating.GOOD, now=T0)
        [logged] = store.reviews()
        assert logged == record
    db = sqlite3.connect(db_path)
    before, after = db.execute("SELECT state_before, state_after FROM reviews").fetchone()
    db.close()
    assert before == (
        '{"state":"new","due":null,"stability":null,"difficulty":null,"step":null,'
        '"last_review":null,"reps":0,"lapses":0}'
    )
    assert '"deck_id"' not in after and '"state":"learning"' in after


def test_regrade_replaces_a_review_in_one_go(db_path: Path) -> None:
    with ProgressStore.open(db_path) as store:
        first = store.record_review("deck", "q1", Rating.EASY, now=T0)
        later = T0 + timedelta(days=8)
        wrong = store.record_review(
            "deck", "q1", Rating.AGAIN, now=later, typed="Kabol", seconds=3.0, correct=False
        )
        fixed = store.regrade(wrong, Rating.GOOD, accept="Kabol")
        assert fixed.before == first.after
        assert fixed.after == review(first.after, Rating.GOOD, now=later)
        assert (fixed.reviewed_at, fixed.typed, fixed.seconds, fixed.correct) == (
            later,
            "Kabol",
            3.0,
            True,
        )
        assert store.reviews() == [first, fixed]
        assert store.card_states("deck") == {"q1": fixed.after}
        assert store.accepted("deck") == {"q1": ("Kabol",)}
        with pytest.raises(QuizError, match="answered again since"):
            store.regrade(wrong, Rating.GOOD, accept="other")
        assert store.accepted("deck") == {"q1": ("Kabol",)}
        store.undo(fixed)
        assert store.card_states("deck") == {"q1": first.after}


DAMAGED_ROWS = {
    "review time": ("UPDATE reviews SET reviewed_at = '2026-03-01T09: 0:00'", "time"),
    "review time without zone": ("UPDATE reviews SET reviewed_at = '2026-03-01T09:00:00'", "time"),
    "review state": ("UPDATE reviews SET state_after = '{\"due\": '", "state after"),
    "review state not an object": ("UPDATE reviews SET state_before = '[1]'", "state before"),
    "review state phase": (
        "UPDATE reviews SET state_after = json_set(state_after, '$.state', 'x')",
        "state after",
    ),
    "review rating": ("UPDATE reviews SET rating = 11", "rating"),
    "review seconds": ("UPDATE reviews SET seconds = 'long'", "seconds"),
    "card due": ("UPDATE cards SET due = 'soon'", "due"),
    "card state": ("UPDATE cards SET state = 'leArning'", "card state"),
    "card reps": ("UPDATE cards SET reps = 'many'", "reps"),
    "card stability": ("UPDATE cards SET stability = 'x'", "stability"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED_ROWS))
def test_a_damaged_value_in_a_row_is_a_quiz_error_and_the_file_is_kept(
    db_path: Path, name: str
) -> None:
    with ProgressStore.open(db_path) as store:
        store.record_review("deck", "q1", Rating.GOOD, now=T0)
    sql, what = DAMAGED_ROWS[name]
    with sqlite3.connect(db_path) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        db.execute(sql)
    db.close()
    content = db_path.read_bytes()
    reads_cards = name.startswith("card")
    with ProgressStore.open(db_path) as store:
        calls: list[Callable[[], object]] = (
            [store.all_card_states, lambda: store.card_states("deck")]
            + [lambda: store.card_state("deck", "q1")]
            + [lambda: store.record_review("deck", "q1", Rating.GOOD, now=T0 + timedelta(1))]
            if reads_cards
            else [store.reviews, lambda: list(store.iter_reviews())]
        )
        for call in calls:
            with pytest.raises(QuizError, match="progress file damaged") as raised:
                call()
            assert raised.value.path == str(db_path)
            assert what in raised.value.message
            assert "move it away or restore a backup" in raised.value.message
        assert store.count_reviews() == 1  # the review made while damaged was rolled back
    assert db_path.read_bytes() == content


def test_read_only_opening_reads_and_brings_an_older_file_up_to_date(db_path: Path) -> None:
    _database_at(db_path, SCHEMA_VERSION - 1)
    with ProgressStore.open_read_only(db_path) as store:
        [record] = store.reviews()
        assert record.question_id == "q1"
    with ProgressStore.open_read_only(db_path) as store:
        with pytest.raises(QuizError, match="cannot write progress"):
            store.record_review("deck", "q2", Rating.GOOD, now=T0)
        assert len(store.reviews()) == 1
    with pytest.raises(QuizError, match="no progress database"):
        ProgressStore.open_read_only(db_path.with_name("missing.sqlite3"))
