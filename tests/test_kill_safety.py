"""A study session killed at any moment loses no committed answer and leaves a sound database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from quiz.progress import ProgressStore

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from quiz.progress import ProgressStore
    from quiz.scheduling import Rating

    path, count = Path(sys.argv[1]), int(sys.argv[2])
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    with ProgressStore.open(path) as store:
        for index in range(count):
            store.record_review(
                "deck", f"q{index % 7}", Rating(1 + index % 4),
                now=start + timedelta(minutes=index), typed=f"answer {index}", seconds=1.5,
            )
            print(index, flush=True)  # only after the commit
    """
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("kill_after", [1, 9, 40])
def test_killed_writer_keeps_every_committed_review(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "progress.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "100000"],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    acknowledged: list[int] = []
    try:
        for line in process.stdout:
            acknowledged.append(int(line))
            if len(acknowledged) == kill_after:
                # The writer keeps going flat out, so the kill lands at a random point of a review.
                os.kill(process.pid, signal.SIGKILL)
                break
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    assert acknowledged == list(range(kill_after))

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with ProgressStore.open(path) as store:
        records = store.reviews()
        typed = [record.typed for record in records]
        # Every acknowledged review is there, in order, and nothing else but perhaps the ones
        # committed between the last acknowledgement and the kill.
        assert typed[:kill_after] == [f"answer {index}" for index in acknowledged]
        assert typed == [f"answer {index}" for index in range(len(records))]
        # No torn transaction: each card's state is the result of its last logged review.
        per_card = Counter(record.question_id for record in records)
        states = store.card_states("deck")
        assert {qid: state.reps for qid, state in states.items()} == dict(per_card)
        last = {record.question_id: record.after for record in records}
        assert states == last
