"""Kill -9 at the worst moment: nothing committed is lost, and no file is left half written.

Each test runs the writer in a child process that reports every write as soon as it returns, kills
it with SIGKILL at a random point (most kills land in the middle of a write, since the child does
nothing else), then checks what is on disk. Kill points are random; the checks hold for any.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path
from typing import IO, Any

import pytest

from quiz.decks import dump_deck, read_deck
from quiz.model import Deck, Question
from quiz.progress import ProgressStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

RNG = random.Random(20261124)


SLOW_WRITES = """
    import io
    import os
    import time

    class SlowWriter:
        \"\"\"Writes in small flushed pieces, so that a kill lands in the middle of a file.\"\"\"

        def __init__(self, stream):
            self._stream = stream

        def write(self, data):
            for start in range(0, len(data), 2048):
                self._stream.write(data[start : start + 2048])
                self._stream.flush()
                time.sleep(0.001)
            return len(data)

        def __getattr__(self, name):
            return getattr(self._stream, name)

        def __enter__(self):
            return self

        def __exit__(self, *details):
            return self._stream.__exit__(*details)

    _open, _fdopen = io.open, os.fdopen

    def slow_open(file, mode="r", *args, **kwargs):
        stream = _open(file, mode, *args, **kwargs)
        return SlowWriter(stream) if "w" in mode else stream

    def slow_fdopen(fd, mode="r", *args, **kwargs):
        stream = _fdopen(fd, mode, *args, **kwargs)
        return SlowWriter(stream) if "w" in mode else stream

    io.open, os.fdopen = slow_open, slow_fdopen
"""


def start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_lines(stream: IO[str] | None, count: int) -> list[str]:
    assert stream is not None
    lines: list[str] = []
    while len(lines) < count:
        line = stream.readline()
        if not line:
            break
        lines.append(line.strip())
    return lines


def kill(process: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the child; the lines it printed before dying."""
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL, err
    return [line for line in out.splitlines() if line.strip()]


# --------------------------------------------------------------------------------- study progress

STUDY = """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from quiz.progress import ProgressStore
    from quiz.scheduling import Rating

    path, start, deck = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    base = datetime(2026, 1, 1, tzinfo=UTC)
    with ProgressStore.open(path) as store:
        print("open", flush=True)
        i = start
        while True:
            record = store.record_review(
                deck,
                f"q-{i % 40}",
                Rating(1 + i % 4),
                now=base + timedelta(minutes=i),
                typed=f"answer {i}",
                seconds=1.5,
                correct=i % 3 == 0,
            )
            print(record.id, i, flush=True)  # printed only once the review is committed
            i += 1
"""


def check_progress(path: Path, committed: dict[int, int], deck: str = "deck") -> int:
    """Every committed review is there, card states agree with the log; returns reviews lost."""
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with ProgressStore.open(path) as store:
        reviews = {record.id: record for record in store.reviews(deck_id=deck)}
        lost = [review_id for review_id in committed if review_id not in reviews]
        for review_id, index in committed.items():
            if review_id in reviews:
                assert reviews[review_id].typed == f"answer {index}"
        # The log row and the card state are written in one transaction: they always agree.
        last: dict[str, Any] = {}
        for record in sorted(reviews.values(), key=lambda r: r.id):
            last[record.question_id] = record.after
        assert store.card_states(deck) == last
    return len(lost)


def test_killed_during_study_keeps_every_committed_answer(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    committed: dict[int, int] = {}
    next_index = 0
    for _ in range(6):
        child = start(STUDY, str(path), str(next_index), "deck")
        assert read_lines(child.stdout, 1) == ["open"]
        lines = read_lines(child.stdout, RNG.randint(1, 150))
        lines += kill(child)
        for line in lines:
            review_id, index = line.split()
            committed[int(review_id)] = int(index)
            next_index = max(next_index, int(index) + 1)
        tally.tried("progress: SIGKILL while studying")
        lost = check_progress(path, committed)
        tally.lost("progress: SIGKILL while studying", lost)
        assert lost == 0
    assert len(committed) >= 6


def test_a_wal_left_by_a_killed_session_is_recovered_elsewhere(tally: Any, tmp_path: Path) -> None:
    """Copy the database and its WAL as a crash left them (a backup, a move): nothing is lost."""
    path = tmp_path / "progress.sqlite3"
    child = start(STUDY, str(path), "0", "deck")
    read_lines(child.stdout, 1)
    lines = read_lines(child.stdout, 60) + kill(child)
    committed = {int(line.split()[0]): int(line.split()[1]) for line in lines}
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    moved = tmp_path / "moved"
    moved.mkdir()
    (moved / path.name).write_bytes(path.read_bytes())
    Path(f"{moved / path.name}-wal").write_bytes(wal.read_bytes())
    tally.tried("progress: leftover WAL")
    lost = check_progress(moved / path.name, committed)
    tally.lost("progress: leftover WAL", lost)
    assert lost == 0


TWO_WINDOWS = """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from quiz.progress import ProgressStore
    from quiz.scheduling import Rating

    path, deck, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    base = datetime(2026, 1, 1, tzinfo=UTC)
    print("ready", flush=True)
    sys.stdin.readline()
    with ProgressStore.open(path) as store:
        for i in range(count):
            store.record_review(deck, f"q-{i % 25}", Rating(3), now=base + timedelta(minutes=i))
            store.card_states(deck)
    print("done", flush=True)
"""


def test_two_sessions_at_once_both_work_and_lose_nothing(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    ProgressStore.open(path).close()
    count = 250
    children = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(TWO_WINDOWS), str(path), deck, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for deck in ("left", "right")
    ]
    for child in children:
        assert read_lines(child.stdout, 1) == ["ready"]
    for child in children:  # both start writing at the same moment
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        assert out.split() == ["done"]
    tally.tried("progress: two sessions at once", 2 * count)
    with ProgressStore.open(path) as store:
        for deck in ("left", "right"):
            reviews = store.reviews(deck_id=deck)
            tally.lost("progress: two sessions at once", count - len(reviews))
            assert len(reviews) == count
            assert all(state.reps == 10 for state in store.card_states(deck).values())


# ---------------------------------------------------------------------------------- deck files


def big_deck(label: str, size: int = 300) -> Deck:
    return Deck(
        id="harbour",
        title=f"Harbour ({label})",
        questions=tuple(
            Question(
                id=f"q-{n}",
                kind="short",
                prompt=f"{label}: what was built in year {n} of the harbour works, and by whom?",
                answer=f"{label} wall {n}",
                accept=(f"the {label} wall {n}",),
            )
            for n in range(size)
        ),
    )


DECK_WRITER = (
    SLOW_WRITES
    + """
    import sys
    from pathlib import Path

    from quiz.decks import write_deck
    from quiz.model import Deck, Question

    def big_deck(label, size=300):
        return Deck(
            id="harbour",
            title=f"Harbour ({label})",
            questions=tuple(
                Question(
                    id=f"q-{n}",
                    kind="short",
                    prompt=f"{label}: what was built in year {n} of the harbour works, and by whom?",
                    answer=f"{label} wall {n}",
                    accept=(f"the {label} wall {n}",),
                )
                for n in range(size)
            ),
        )

    path = Path(sys.argv[1])
    decks = [big_deck("old"), big_deck("new")]
    i = 0
    while True:
        print("begin", flush=True)
        write_deck(decks[i % 2], path)
        i += 1
"""
)


def test_killed_while_overwriting_a_deck_leaves_old_or_new_never_a_mix(
    tally: Any, tmp_path: Path
) -> None:
    path = tmp_path / "harbour.yaml"
    versions = {dump_deck(big_deck("old")), dump_deck(big_deck("new"))}
    for _ in range(10):
        child = start(DECK_WRITER, str(path))
        read_lines(child.stdout, RNG.randint(2, 4))  # the first write is done, another begun
        time.sleep(RNG.uniform(0, 0.05))
        kill(child)
        tally.tried("deck file: SIGKILL while writing")
        text = path.read_text(encoding="utf-8")
        whole = text in versions
        tally.lost("deck file: SIGKILL while writing", 0 if whole else 1)
        assert whole, f"the deck file is neither version ({len(text)} characters)"
        assert read_deck(path).title in ("Harbour (old)", "Harbour (new)")
    leftovers = [entry.name for entry in tmp_path.iterdir() if entry.name != path.name]
    assert all(name.startswith(".harbour.yaml.") for name in leftovers), leftovers


# ---------------------------------------------------------------------------------- Anki export

EXPORTER = (
    SLOW_WRITES
    + """
    import sys
    from pathlib import Path

    from quiz.export.anki import write_apkg
    from quiz.model import Deck, Question

    path, size = Path(sys.argv[1]), int(sys.argv[2])
    deck = Deck(
        id="harbour",
        title="Harbour",
        questions=tuple(
            Question(id=f"q-{n}", kind="basic", prompt=f"Front {n}", answer=f"Back {n}")
            for n in range(size)
        ),
    )
    i = 0
    while True:
        print("begin", flush=True)
        write_apkg([deck], path, timestamp=1_700_000_000 + i)
        i += 1
"""
)


def package_notes(path: Path, tmp_path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
        assert json.loads(package.read("media")) == {}
    with sqlite3.connect(collection) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = int(db.execute("SELECT count(*) FROM notes").fetchone()[0])
    collection.unlink()
    return notes


def test_killed_during_export_leaves_no_partial_package(tally: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "harbour.apkg"
    size = 500
    for round_number in range(6):
        child = start(EXPORTER, str(target), str(size))
        begun = read_lines(child.stdout, 1 if round_number == 0 else RNG.randint(2, 3))
        time.sleep(RNG.uniform(0, 0.1))
        begun += kill(child)
        tally.tried("anki export: SIGKILL while writing")
        if not target.exists():
            assert len(begun) == 1, "a finished export is missing"
            continue
        try:
            notes = package_notes(target, tmp_path)
        except zipfile.BadZipFile:
            notes = 0
        tally.lost("anki export: SIGKILL while writing", 0 if notes == size else 1)
        assert notes == size
    assert target.exists()
    leftovers = [p.name for p in out.iterdir() if p != target]
    assert all(name.startswith(".harbour.apkg.") for name in leftovers), leftovers


def test_export_leaves_no_temporary_file_behind(
    tally: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """genanki leaves a SQLite file in $TMPDIR on every export; quiz's export must not."""
    from quiz.export.anki import write_apkg

    temp = tmp_path / "tmpdir"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    deck = big_deck("x", size=20)
    target = tmp_path / "deck.apkg"
    for i in range(3):
        tally.tried("anki export: temporary files")
        write_apkg([deck], target, timestamp=1_700_000_000 + i)
    assert os.listdir(temp) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg", "tmpdir"]
