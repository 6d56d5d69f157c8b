"""The learner's progress: card states, the review log, accepted answers and settings, in SQLite.

One file in the user data folder (`progress.sqlite3`), in WAL mode with a busy timeout, so two quiz
windows on the same folder both work. Every review is committed, log row and new card state in one
transaction, before `record_review` returns. A file that cannot be read, or that a newer quiz wrote,
raises QuizError and is left exactly as it was.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any, Final, ParamSpec, TypeVar

from quiz import paths
from quiz.errors import QuizError
from quiz.scheduling import (
    DEFAULT_RETENTION,
    MAX_RETENTION,
    MIN_RETENTION,
    PHASES,
    CardState,
    Parameters,
    Rating,
    check_parameters,
    check_utc,
    from_dict,
    new_state,
    review,
    to_dict,
)

PROGRESS_FILE: Final = "progress.sqlite3"

BUSY_TIMEOUT_MS: Final = 5000
"""How long a write waits for another quiz window to finish its own."""

DEFAULT_NEW_PER_DAY: Final = 20

MAX_THEME_NAME: Final = 100

DEFAULT_LEECH_LAPSES: Final = 8
"""Anki's default leech threshold."""

MAX_TYPED_CHARS: Final = 1000
"""A typed answer is logged (and accepted) up to this many characters."""

MIGRATIONS: Final[tuple[str, ...]] = (
    # 1: card states and the review log.
    """
    CREATE TABLE cards (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        state TEXT NOT NULL,
        due TEXT,
        stability REAL,
        difficulty REAL,
        step INTEGER,
        last_review TEXT,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deck_id, question_id)
    ) WITHOUT ROWID;
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        typed TEXT,
        correct INTEGER,
        seconds REAL NOT NULL DEFAULT 0,
        state_before TEXT NOT NULL,
        state_after TEXT NOT NULL
    );
    CREATE INDEX reviews_by_card ON reviews (deck_id, question_id);
    CREATE INDEX reviews_by_time ON reviews (reviewed_at);
    """,
    # 2: answers the learner marked as right ("I was right").
    """
    CREATE TABLE accepted (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (deck_id, question_id, text)
    ) WITHOUT ROWID;
    """,
    # 3: settings, and a flag on log rows that introduced a new card (for the daily limit).
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    ALTER TABLE reviews ADD COLUMN introduced INTEGER NOT NULL DEFAULT 0;
    UPDATE reviews SET introduced = 1 WHERE json_extract(state_before, '$.state') = 'new';
    CREATE INDEX reviews_introduced ON reviews (introduced, reviewed_at) WHERE introduced = 1;
    """,
    # 4: counting a deck's reviews over a time span (statistics) without scanning its whole log.
    """
    CREATE INDEX reviews_by_deck_time ON reviews (deck_id, reviewed_at);
    """,
    # 5: the card's state before each review in a column, so true retention reads an index only.
    """
    ALTER TABLE reviews ADD COLUMN before_state TEXT NOT NULL DEFAULT '';
    UPDATE reviews SET before_state = json_extract(state_before, '$.state');
    DROP INDEX reviews_by_deck_time;
    CREATE INDEX reviews_by_deck_time ON reviews (deck_id, reviewed_at, before_state, rating);
    """,
    # 6: the learner's own scheduler parameters (`quiz optimize`), and flagged questions.
    """
    CREATE TABLE scheduler_parameters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        fitted_at TEXT NOT NULL,
        parameters TEXT,
        report TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE flags (
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        flagged_at TEXT NOT NULL,
        PRIMARY KEY (deck_id, question_id)
    ) WITHOUT ROWID;
    """,
)
"""The schema, one step per version: the database at version N has had steps 1..N applied."""

SCHEMA_VERSION: Final = len(MIGRATIONS)
"""The version this quiz writes (`PRAGMA user_version`)."""

_TABLES: Final = frozenset(
    {
        "cards",
        "reviews",
        "accepted",
        "settings",
        "sqlite_sequence",
        "scheduler_parameters",
        "flags",
    }
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Study settings kept with the progress."""

    new_per_day: int = DEFAULT_NEW_PER_DAY
    """New cards introduced a day, over all decks."""
    retention: float = DEFAULT_RETENTION
    """Desired retention, 0.7 to 0.99."""
    theme: str = ""
    """The study app's colour theme, as named in its theme list; empty for its default."""
    leech_lapses: int = DEFAULT_LEECH_LAPSES
    """A card forgotten this many times after it was learned is a leech: tagged and suspended
    (0: never)."""


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer as logged; pass it to `ProgressStore.undo` to take it back."""

    id: int
    deck_id: str
    question_id: str
    reviewed_at: datetime
    rating: Rating
    before: CardState
    after: CardState
    typed: str | None = None
    correct: bool | None = None
    seconds: float = 0.0
    accepted: str | None = field(default=None, compare=False)
    """The answer this review added to the question's accepted ones ("I was right"), so that
    `undo` removes it with the review. Known to the record `regrade` returns only: the log does
    not keep it, and equality ignores it."""


@dataclass(frozen=True, slots=True)
class FlagRecord:
    """A question the learner flagged as bad."""

    deck_id: str
    question_id: str
    reason: str
    note: str
    flagged_at: datetime


def default_progress_path() -> Path:
    """Where progress lives: `progress.sqlite3` in the user data folder."""
    return paths.data_dir() / PROGRESS_FILE


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _guarded(method: Callable[_P, _T]) -> Callable[_P, _T]:
    """Turn a database failure while reading into a QuizError naming the file."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return method(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            store = args[0]
            assert isinstance(store, ProgressStore)
            raise _open_error(error, store.path) from None
        except _DamagedRow as error:
            store = args[0]
            assert isinstance(store, ProgressStore)
            raise QuizError(
                f"progress file damaged: {error}; quiz leaves it as it is: move it away or restore"
                " a backup",
                path=store.path,
            ) from None

    return wrapper


class _DamagedRow(Exception):
    """A stored value that cannot be read back (bit rot, a hand edit); the message says which."""


class ProgressStore:
    """The progress database. Open with `ProgressStore.open(path)`; use as a context manager.

    Every method reads or writes the file directly (no cache), so two stores on one file, in one
    process or two, see each other's reviews. Use a store in the thread that opened it (sqlite3's
    rule); open another store for a worker thread.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        """Use `ProgressStore.open`."""
        self._db = connection
        self.path = path
        """The database file."""

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_MS / 1000) -> ProgressStore:
        """Open (or create) the progress database at `path`, bringing its schema up to date.

        Args:
            path: the database file.
            busy_timeout: seconds a write waits for another window's write to finish.

        Raises:
            QuizError: If the file is not a readable quiz progress database, or was written by a
                newer quiz. The file is left untouched.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QuizError(
                f"cannot create the data folder: {error.strerror}", path=path.parent
            ) from None
        try:
            connection = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)
        except sqlite3.Error as error:
            raise QuizError(f"cannot open the progress database: {error}", path=path) from None
        try:
            _prepare(connection, path, busy_timeout_ms=int(busy_timeout * 1000))
        except BaseException:
            connection.close()
            raise
        return cls(connection, path)

    @classmethod
    def open_read_only(cls, path: Path) -> ProgressStore:
        """Open an existing progress database for reading only (statistics): nothing is written,
        so a read-only file or folder works. Writing through the store raises QuizError. A file
        an older quiz wrote is brought up to date first, where it can be written.

        Raises:
            QuizError: If the file is missing, is not a quiz progress database of this version
                or older, or cannot be read.
        """
        path = Path(path)
        if not path.is_file():
            raise QuizError("no progress database here", path=path)
        uri = path.resolve().as_uri()
        try:
            connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
            try:
                connection.execute("PRAGMA user_version").fetchone()
            except sqlite3.OperationalError:
                # A WAL file in a folder we cannot write: SQLite cannot make its shared-memory
                # file, so the file is read as it stands (for statistics, good enough).
                connection.close()
                connection = sqlite3.connect(
                    f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None
                )
        except sqlite3.Error as error:
            raise QuizError(f"cannot open the progress database: {error}", path=path) from None
        try:
            _check_ours(connection, path)
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        except BaseException:
            connection.close()
            raise
        if version >= SCHEMA_VERSION:
            return cls(connection, path)
        # An older quiz wrote it: the schema must be brought up to date first, if it can be.
        connection.close()
        try:
            return cls.open(path)
        except QuizError:
            raise QuizError(
                "the progress database is from an older quiz and cannot be updated here (it is"
                " read-only); open it once with `quiz study` where it can be written",
                path=path,
            ) from None

    @classmethod
    def in_memory(cls) -> ProgressStore:
        """A store that lives in memory only (for tests and for reading nothing): nothing is saved."""
        connection = sqlite3.connect(":memory:", isolation_level=None)
        _prepare(connection, Path(":memory:"))
        return cls(connection, Path(":memory:"))

    def check(self) -> None:
        """Scan the whole file for damage (slow on a long log; opening does it only before changes).

        Raises:
            QuizError: If the file is damaged.
        """
        try:
            problem = self._db.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise _open_error(error, self.path) from None
        if problem != "ok":
            raise _open_error(sqlite3.DatabaseError(f"damaged: {problem}"), self.path)

    def close(self) -> None:
        """Close the database (committed reviews are already on disk)."""
        self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Card states

    @_guarded
    def card_states(self, deck_id: str) -> dict[str, CardState]:
        """The state of every card of the deck ever reviewed, by question id (missing ones are new)."""
        rows = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck_id = ?", (deck_id,)
        ).fetchall()
        return {row[1]: _card_from_row(row) for row in rows}

    @_guarded
    def all_card_states(self) -> dict[tuple[str, str], CardState]:
        """Every stored card state, by (deck id, question id)."""
        rows = self._db.execute(f"SELECT {_CARD_COLUMNS} FROM cards").fetchall()
        return {(row[0], row[1]): _card_from_row(row) for row in rows}

    @_guarded
    def card_state(self, deck_id: str, question_id: str) -> CardState:
        """The card's state; a new state if it was never reviewed."""
        return self._read_card(deck_id, question_id)

    # Reviews

    @_guarded
    def record_review(
        self,
        deck_id: str,
        question_id: str,
        rating: Rating,
        *,
        now: datetime,
        typed: str | None = None,
        seconds: float = 0.0,
        correct: bool | None = None,
        retention: float = DEFAULT_RETENTION,
    ) -> ReviewRecord:
        """Schedule the card after an answer and commit the log row and new state together.

        The state before is read from the file inside the transaction, so a review made meanwhile in
        another window is built upon, not overwritten.

        Args:
            rating: the rating the answer earned.
            now: the time of the answer (timezone-aware).
            typed: what the learner typed, if anything.
            seconds: time spent on the card.
            correct: whether the typed or chosen answer was graded right, when graded.
            retention: desired retention for the new interval.

        Returns:
            The record of the review, for `undo`.
        """
        now = check_utc(now)
        with self._write():
            before = self._read_card(deck_id, question_id)
            return self._log_review(before, Rating(rating), now, typed, seconds, correct, retention)

    @_guarded
    def undo(self, record: ReviewRecord) -> None:
        """Take back a review: restore the card's state before it and delete its log row, and
        forget the answer it accepted (`record.accepted`), all in one transaction.

        Raises:
            QuizError: If the card was reviewed again since (undo the later review first) or the
                review is already undone.
        """
        with self._write():
            self._take_back(record)
            if record.accepted is not None:
                self._db.execute(
                    "DELETE FROM accepted WHERE deck_id = ? AND question_id = ? AND text = ?",
                    (record.deck_id, record.question_id, record.accepted),
                )
            if record.before.is_new:
                self._db.execute(
                    "DELETE FROM cards WHERE deck_id = ? AND question_id = ?",
                    (record.deck_id, record.question_id),
                )
            else:
                self._write_card(record.before)

    @_guarded
    def regrade(
        self,
        record: ReviewRecord,
        rating: Rating,
        *,
        correct: bool = True,
        accept: str | None = None,
        retention: float = DEFAULT_RETENTION,
    ) -> ReviewRecord:
        """Replace a review by one with another rating ("I was right"), in one transaction.

        The new review has the same time, typed text and seconds; the card is scheduled as if it
        had been rated `rating` in the first place. If `accept` was not accepted before, the new
        record's `accepted` holds it, so that undoing the new review forgets it too.

        Args:
            record: the review to replace (the card's latest).
            rating: the rating it should have had.
            correct: whether the answer counts as right.
            accept: if given, remembered as a right answer to the question (`accepted`).
            retention: desired retention for the new interval.

        Raises:
            QuizError: As `undo`.
        """
        with self._write():
            self._take_back(record)
            added = None
            if accept is not None:
                added = self._insert_accepted(record.deck_id, record.question_id, accept)
            new = self._log_review(
                record.before,
                Rating(rating),
                record.reviewed_at,
                record.typed,
                record.seconds,
                correct,
                retention,
            )
            return replace(new, accepted=added)

    @_guarded
    def reviews(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        deck_id: str | None = None,
    ) -> list[ReviewRecord]:
        """Logged reviews in time order, optionally from `since` (inclusive) to `until` (exclusive)."""
        clauses: list[str] = []
        params: list[Any] = []
        if since is not None:
            clauses.append("reviewed_at >= ?")
            params.append(_iso(check_utc(since)))
        if until is not None:
            clauses.append("reviewed_at < ?")
            params.append(_iso(check_utc(until)))
        if deck_id is not None:
            clauses.append("deck_id = ?")
            params.append(deck_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            "SELECT id, deck_id, question_id, reviewed_at, rating, typed, correct, seconds,"
            f" state_before, state_after FROM reviews {where} ORDER BY reviewed_at, id",
            params,
        ).fetchall()
        return [_record_from_row(row) for row in rows]

    @_guarded
    def card_reviews(self, deck_id: str, question_id: str) -> list[ReviewRecord]:
        """One card's reviews in time order (its history, for the card browser)."""
        rows = self._db.execute(
            "SELECT id, deck_id, question_id, reviewed_at, rating, typed, correct, seconds,"
            " state_before, state_after FROM reviews WHERE deck_id = ? AND question_id = ?"
            " ORDER BY reviewed_at, id",
            (deck_id, question_id),
        ).fetchall()
        return [_record_from_row(row) for row in rows]

    def iter_reviews(self) -> Iterator[ReviewRecord]:
        """Every logged review in time order."""
        yield from self.reviews()

    @_guarded
    def count_reviews(
        self,
        deck_ids: Collection[str] | None = None,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> int:
        """How many reviews are logged, for some decks or all, from `since` to before `until`."""
        where, params = _review_filter(deck_ids, since, until)
        return int(self._db.execute(f"SELECT COUNT(*) FROM reviews {where}", params).fetchone()[0])

    @_guarded
    def review_outcomes(
        self,
        deck_ids: Collection[str] | None = None,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> tuple[int, int]:
        """(remembered, forgotten): reviews of cards in review state rated above AGAIN, and AGAIN.

        The basis of true retention; learning steps are left out.
        """
        where, params = _review_filter(deck_ids, since, until)
        joiner = "AND" if where else "WHERE"
        row = self._db.execute(
            f"SELECT COALESCE(SUM(rating > 1), 0), COALESCE(SUM(rating = 1), 0) FROM reviews {where}"
            f" {joiner} before_state = 'review'",
            params,
        ).fetchone()
        return int(row[0]), int(row[1])

    @_guarded
    def new_introduced_on(self, deck_id: str | None, day: date, *, tz: tzinfo = UTC) -> int:
        """How many cards were seen for the first time on `day` (in `tz`), in one deck or all (`None`).

        Undone reviews do not count.
        """
        start = datetime.combine(day, time(), tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
        sql = (
            "SELECT COUNT(DISTINCT deck_id || char(31) || question_id) FROM reviews"
            " WHERE introduced = 1 AND reviewed_at >= ? AND reviewed_at < ?"
        )
        params: list[Any] = [_iso(check_utc(start)), _iso(check_utc(end))]
        if deck_id is not None:
            sql += " AND deck_id = ?"
            params.append(deck_id)
        count = self._db.execute(sql, params).fetchone()[0]
        return int(count)

    # Accepted answers

    def add_accepted(self, deck_id: str, question_id: str, text: str) -> None:
        """Remember `text` as a right answer to the question (the learner said "I was right")."""
        with self._write():
            self._insert_accepted(deck_id, question_id, text)

    @_guarded
    def accepted(self, deck_id: str) -> dict[str, tuple[str, ...]]:
        """Answers the learner added, by question id."""
        result: dict[str, list[str]] = {}
        rows = self._db.execute(
            "SELECT question_id, text FROM accepted WHERE deck_id = ? ORDER BY question_id, text",
            (deck_id,),
        ).fetchall()
        for question_id, text in rows:
            result.setdefault(question_id, []).append(text)
        return {key: tuple(values) for key, values in result.items()}

    # Settings

    @_guarded
    def get_settings(self) -> Settings:
        """The stored settings, defaults for those never set."""
        values = dict(self._db.execute("SELECT key, value FROM settings").fetchall())
        settings = Settings()
        try:
            if "new_per_day" in values:
                settings = replace(settings, new_per_day=int(json.loads(values["new_per_day"])))
            if "retention" in values:
                settings = replace(settings, retention=float(json.loads(values["retention"])))
            if "theme" in values:
                theme = json.loads(values["theme"])
                if not isinstance(theme, str):
                    raise TypeError
                settings = replace(settings, theme=theme)
            if "leech_lapses" in values:
                lapses = json.loads(values["leech_lapses"])
                if not isinstance(lapses, int) or isinstance(lapses, bool) or lapses < 0:
                    raise TypeError
                settings = replace(settings, leech_lapses=lapses)
        except (ValueError, TypeError):
            raise QuizError("the stored settings are damaged", path=self.path) from None
        return settings

    def set_settings(
        self,
        *,
        new_per_day: int | None = None,
        retention: float | None = None,
        theme: str | None = None,
        leech_lapses: int | None = None,
    ) -> Settings:
        """Change some settings; returns them all.

        Raises:
            QuizError: If a value is out of range (new cards 0-9999, retention 0.7-0.99, a theme
                name of at most 100 printable characters, leech lapses 0-99).
        """
        updates: dict[str, int | float | str] = {}
        if new_per_day is not None:
            if not 0 <= new_per_day <= 9999:
                raise QuizError(f"new cards a day must be 0 to 9999, not {new_per_day}")
            updates["new_per_day"] = int(new_per_day)
        if retention is not None:
            if not MIN_RETENTION <= retention <= MAX_RETENTION:
                raise QuizError(
                    f"retention must be {MIN_RETENTION} to {MAX_RETENTION}, not {retention}"
                )
            updates["retention"] = float(retention)
        if theme is not None:
            if len(theme) > MAX_THEME_NAME or not theme.isprintable():
                raise QuizError(f"not a theme name: {_shown(theme)}")
            updates["theme"] = theme
        if leech_lapses is not None:
            if not 0 <= leech_lapses <= 99:
                raise QuizError(f"leech lapses must be 0 (never) to 99, not {leech_lapses}")
            updates["leech_lapses"] = int(leech_lapses)
        if updates:
            with self._write():
                self._db.executemany(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [(key, json.dumps(value)) for key, value in updates.items()],
                )
        return self.get_settings()

    @_guarded
    def preview(
        self, deck_id: str, question_id: str, *, now: datetime, retention: float = DEFAULT_RETENTION
    ) -> dict[Rating, datetime]:
        """When the card would next be due after each rating at `now` (nothing is written)."""
        state = self._read_card(deck_id, question_id)
        parameters = self._read_parameters()
        previews = {}
        for rating in Rating:
            after = review(state, rating, now=now, retention=retention, parameters=parameters)
            assert after.due is not None
            previews[rating] = after.due
        return previews

    # Flags

    @_guarded
    def flag(
        self, deck_id: str, question_id: str, reason: str, *, now: datetime, note: str = ""
    ) -> None:
        """Flag a question as bad, with a reason (a second flag replaces the first)."""
        with self._write():
            self._db.execute(
                "INSERT OR REPLACE INTO flags (deck_id, question_id, reason, note, flagged_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (deck_id, question_id, reason, note, _iso(check_utc(now))),
            )

    @_guarded
    def unflag(self, deck_id: str, question_id: str) -> None:
        """Take a question's flag away (nothing happens if it has none)."""
        with self._write():
            self._db.execute(
                "DELETE FROM flags WHERE deck_id = ? AND question_id = ?", (deck_id, question_id)
            )

    @_guarded
    def flags(self) -> list[FlagRecord]:
        """Every flag, oldest first."""
        rows = self._db.execute(
            "SELECT deck_id, question_id, reason, note, flagged_at FROM flags"
            " ORDER BY flagged_at, deck_id, question_id"
        ).fetchall()
        records = []
        for deck_id, question_id, reason, note, flagged_at in rows:
            moment = _parse(flagged_at, "a flag's time")
            assert moment is not None
            records.append(
                FlagRecord(
                    _text(deck_id, "a flag's deck id"),
                    _text(question_id, "a flag's question id"),
                    _text(reason, "a flag's reason"),
                    _text(note, "a flag's note"),
                    moment,
                )
            )
        return records

    # Scheduler parameters

    @_guarded
    def scheduler_parameters(self) -> Parameters | None:
        """The learner's own FSRS parameters in use, or `None` for the defaults."""
        return self._read_parameters()

    @_guarded
    def parameter_history(self) -> list[tuple[datetime, Parameters | None, dict[str, Any]]]:
        """Every change of parameters, oldest first: (when, parameters or None, the fit's report)."""
        rows = self._db.execute(
            "SELECT fitted_at, parameters, report FROM scheduler_parameters ORDER BY id"
        ).fetchall()
        history = []
        for fitted_at, parameters, report in rows:
            moment = _parse(fitted_at, "a fit's time")
            assert moment is not None
            data = _json_value(report, "a fit's report")
            if not isinstance(data, dict):
                raise _DamagedRow(f"a fit's report is not a mapping: {_shown(report)}")
            history.append((moment, self._parameters_from(parameters), data))
        return history

    def set_scheduler_parameters(
        self, parameters: Parameters | None, *, now: datetime, report: dict[str, Any] | None = None
    ) -> None:
        """Schedule with `parameters` from now on (`None`: the defaults again); `report` says how
        they were fitted. Cards already scheduled keep their due dates until their next review."""
        text = None if parameters is None else json.dumps(list(check_parameters(parameters)))
        with self._write():
            self._db.execute(
                "INSERT INTO scheduler_parameters (fitted_at, parameters, report) VALUES (?, ?, ?)",
                (_iso(check_utc(now)), text, json.dumps(report or {})),
            )

    # Internals

    def _read_parameters(self) -> Parameters | None:
        row = self._db.execute(
            "SELECT parameters FROM scheduler_parameters ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else self._parameters_from(row[0])

    @staticmethod
    def _parameters_from(text: object) -> Parameters | None:
        if text is None:
            return None
        try:
            return check_parameters(_json_value(text, "the scheduler parameters"))
        except ValueError as error:
            raise _DamagedRow(f"the scheduler parameters are not valid: {error}") from None

    def _write(self) -> _Transaction:
        return _Transaction(self._db, self.path)

    def _log_review(
        self,
        before: CardState,
        rating: Rating,
        now: datetime,
        typed: str | None,
        seconds: float,
        correct: bool | None,
        retention: float,
    ) -> ReviewRecord:
        """Inside a write transaction: schedule, log and store one review of `before`'s card."""
        after = review(
            before, rating, now=now, retention=retention, parameters=self._read_parameters()
        )
        cursor = self._db.execute(
            "INSERT INTO reviews (deck_id, question_id, reviewed_at, rating, typed, correct,"
            " seconds, state_before, state_after, introduced, before_state)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                before.deck_id,
                before.question_id,
                _iso(now),
                int(rating),
                None if typed is None else typed[:MAX_TYPED_CHARS],
                None if correct is None else int(correct),
                float(seconds),
                _state_json(before),
                _state_json(after),
                int(before.is_new),
                before.state,
            ),
        )
        self._write_card(after)
        assert cursor.lastrowid is not None
        return ReviewRecord(
            id=cursor.lastrowid,
            deck_id=before.deck_id,
            question_id=before.question_id,
            reviewed_at=now,
            rating=rating,
            before=before,
            after=after,
            typed=None if typed is None else typed[:MAX_TYPED_CHARS],
            correct=correct,
            seconds=float(seconds),
        )

    def _take_back(self, record: ReviewRecord) -> None:
        """Inside a write transaction: delete the card's latest log row, which must be `record`'s."""
        row = self._db.execute(
            "SELECT id FROM reviews WHERE deck_id = ? AND question_id = ? ORDER BY id DESC LIMIT 1",
            (record.deck_id, record.question_id),
        ).fetchone()
        if row is None or row[0] < record.id:
            raise QuizError("this answer was already undone")
        if row[0] != record.id:
            raise QuizError("this card was answered again since; undo that answer first")
        self._db.execute("DELETE FROM reviews WHERE id = ?", (record.id,))

    def _insert_accepted(self, deck_id: str, question_id: str, text: str) -> str | None:
        """Inside a write transaction: accept `text` (spaces tidied); returns it if it is new."""
        text = " ".join(text.split())[:MAX_TYPED_CHARS]
        if not text:
            return None
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO accepted (deck_id, question_id, text) VALUES (?, ?, ?)",
            (deck_id, question_id, text),
        )
        return text if cursor.rowcount == 1 else None

    def _read_card(self, deck_id: str, question_id: str) -> CardState:
        row = self._db.execute(
            f"SELECT {_CARD_COLUMNS} FROM cards WHERE deck_id = ? AND question_id = ?",
            (deck_id, question_id),
        ).fetchone()
        return new_state(deck_id, question_id) if row is None else _card_from_row(row)

    def _write_card(self, state: CardState) -> None:
        self._db.execute(
            f"INSERT OR REPLACE INTO cards ({_CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                state.deck_id,
                state.question_id,
                state.state,
                _iso(state.due) if state.due else None,
                state.stability,
                state.difficulty,
                state.step,
                _iso(state.last_review) if state.last_review else None,
                state.reps,
                state.lapses,
            ),
        )


class _Transaction:
    """`with` block around one write transaction (BEGIN IMMEDIATE: waits for other writers)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise QuizError(f"cannot write progress: {error}", path=self._path) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._db.execute("COMMIT")
                return
            except sqlite3.Error as error:
                exc = error
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise QuizError(f"cannot write progress: {exc}", path=self._path) from None


def _review_filter(
    deck_ids: Collection[str] | None, since: datetime | None, until: datetime | None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if since is not None:
        clauses.append("reviewed_at >= ?")
        params.append(_iso(check_utc(since)))
    if until is not None:
        clauses.append("reviewed_at < ?")
        params.append(_iso(check_utc(until)))
    if deck_ids is not None:
        clauses.append(f"deck_id IN ({', '.join('?' * len(deck_ids))})")
        params.extend(deck_ids)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


_CARD_COLUMNS: Final = (
    "deck_id, question_id, state, due, stability, difficulty, step, last_review, reps, lapses"
)


def _prepare(db: sqlite3.Connection, path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Check the file is ours and readable, switch to WAL, and migrate. Writes nothing before the checks."""
    _check_ours(db, path)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if mode != "wal" or version < SCHEMA_VERSION:
            # A file about to be changed (switched to WAL, migrated) is checked read-only first:
            # a damaged one must be left as it is. Files already in use skip the scan (it grows
            # with the log); damage found later while reading raises QuizError all the same.
            problem = db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if problem != "ok":
                raise sqlite3.DatabaseError(f"damaged: {problem}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        _migrate(db, path)
    except sqlite3.DatabaseError as error:
        raise _open_error(error, path) from None


def _check_ours(db: sqlite3.Connection, path: Path) -> None:
    """Raise QuizError unless the file is a readable quiz database this quiz can read (no writes)."""
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as error:
        raise _open_error(error, path) from None
    if version > SCHEMA_VERSION:
        raise QuizError(
            f"the progress database was written by a newer quiz (schema {version}, this quiz knows"
            f" {SCHEMA_VERSION}); upgrade quiz",
            path=path,
        )
    if version < 0 or (version == 0 and tables) or not tables <= _TABLES:
        raise QuizError("this file is not a quiz progress database", path=path)


def _open_error(error: sqlite3.DatabaseError, path: Path) -> QuizError:
    """The message for a file that cannot be used: damaged files get advice, the rest the cause."""
    if isinstance(error, sqlite3.OperationalError):  # locked, read-only, out of space, I/O
        return QuizError(f"cannot use the progress database: {error}", path=path)
    return QuizError(
        f"the progress database is damaged ({error}); quiz leaves it as it is: move it away"
        " (or restore a copy) to start afresh",
        path=path,
    )


def _migrate(db: sqlite3.Connection, path: Path, *, target: int = SCHEMA_VERSION) -> None:
    """Apply the missing schema steps, each in its own transaction (safe against a second window)."""
    if int(db.execute("PRAGMA user_version").fetchone()[0]) >= target:
        return  # up to date: no write lock needed
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version >= target:
                db.execute("COMMIT")
                return
            for statement in _statements(MIGRATIONS[version]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def _iso(moment: datetime) -> str:
    """UTC ISO text of fixed width, so that text order is time order."""
    return check_utc(moment).isoformat(timespec="microseconds")


def _parse(text: object, what: str, *, card: tuple[Any, ...] = ()) -> datetime | None:
    """A stored time (`_iso` text, UTC) or None; anything else is damage."""
    if text is None:
        return None
    try:
        if not isinstance(text, str):
            raise TypeError
        moment = datetime.fromisoformat(text)
        if moment.utcoffset() is None:
            raise ValueError
    except (TypeError, ValueError):
        raise _DamagedRow(f"{_where(card)}{what} is not a time: {_shown(text)}") from None
    return moment


def _where(card: tuple[Any, ...]) -> str:
    """The start of a message about a `cards` row (empty for other rows).

    Made only when a row is damaged: reading 10,000 card states would spend half its time
    formatting messages otherwise.
    """
    return f"card {_shown(card[0])}/{_shown(card[1])}: " if card else ""


def _shown(value: object) -> str:
    """A stored value quoted in a message, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise _DamagedRow(f"{what} is not text: {_shown(value)}")
    return value


def _number(
    value: object, what: str, *, optional: bool = False, card: tuple[Any, ...] = ()
) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise _DamagedRow(f"{_where(card)}{what} is not a number: {_shown(value)}")
    return float(value)


def _count(
    value: object, what: str, *, optional: bool = False, card: tuple[Any, ...] = ()
) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _DamagedRow(f"{_where(card)}{what} is not a count: {_shown(value)}")
    return value


def _card_from_row(row: tuple[Any, ...]) -> CardState:
    phase = row[2]
    if phase not in PHASES:
        raise _DamagedRow(f"{_where(row)}unknown card state {_shown(phase)}")
    step = _count(row[6], "step", optional=True, card=row)
    reps = _count(row[8], "reps", card=row)
    lapses = _count(row[9], "lapses", card=row)
    assert reps is not None and lapses is not None
    return CardState(
        deck_id=_text(row[0], "a card's deck id"),
        question_id=_text(row[1], "a card's question id"),
        state=phase,
        due=_parse(row[3], "due", card=row),
        stability=_number(row[4], "stability", optional=True, card=row),
        difficulty=_number(row[5], "difficulty", optional=True, card=row),
        step=step,
        last_review=_parse(row[7], "last review", card=row),
        reps=reps,
        lapses=lapses,
    )


def _state_json(state: CardState) -> str:
    """A state for the log: compact, without the ids the row already holds."""
    data: dict[str, Any] = dict(to_dict(state))
    del data["deck_id"], data["question_id"]
    return json.dumps(data, separators=(",", ":"))


def _logged_state(text: object, deck_id: str, question_id: str, what: str) -> CardState:
    """A card state from a log row's JSON; the ids live in the row (older rows repeat them)."""
    try:
        if not isinstance(text, str):
            raise TypeError
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError
        data["deck_id"], data["question_id"] = deck_id, question_id
        return from_dict(data)  # type: ignore[arg-type]  # checked by from_dict
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError):
        raise _DamagedRow(f"{what} is not a card state: {_shown(text)}") from None


def _json_value(text: object, what: str) -> Any:
    try:
        if not isinstance(text, str):
            raise TypeError
        return json.loads(text)
    except (ValueError, TypeError, RecursionError):
        raise _DamagedRow(f"{what} is not JSON: {_shown(text)}") from None


def _record_from_row(row: tuple[Any, ...]) -> ReviewRecord:
    where = f"review {_shown(row[0])}"
    review_id = _count(row[0], f"{where}: id")
    deck_id = _text(row[1], f"{where}: deck id")
    question_id = _text(row[2], f"{where}: question id")
    reviewed_at = _parse(row[3], f"{where}: time")
    if reviewed_at is None:
        raise _DamagedRow(f"{where}: the time is missing")
    if row[4] not in (1, 2, 3, 4) or isinstance(row[4], bool | float):
        raise _DamagedRow(f"{where}: rating {_shown(row[4])} is not 1 to 4")
    if row[5] is not None:
        _text(row[5], f"{where}: typed answer")
    if row[6] not in (None, 0, 1):
        raise _DamagedRow(f"{where}: correct is {_shown(row[6])}, not 0 or 1")
    seconds = _number(row[7], f"{where}: seconds")
    assert review_id is not None and seconds is not None
    return ReviewRecord(
        id=review_id,
        deck_id=deck_id,
        question_id=question_id,
        reviewed_at=reviewed_at,
        rating=Rating(int(row[4])),
        typed=row[5],
        correct=None if row[6] is None else bool(row[6]),
        seconds=seconds,
        before=_logged_state(row[8], deck_id, question_id, f"{where}: state before"),
        after=_logged_state(row[9], deck_id, question_id, f"{where}: state after"),
    )
