"""Leeches: the review that brings a card's lapses to the threshold makes it one; stats count them."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.deck_edit import mark_leech
from quiz.decks import read_deck
from quiz.errors import QuizError
from quiz.leeches import became_leech, leeches
from quiz.progress import ProgressStore, ReviewRecord
from quiz.scheduling import Rating
from quiz.stats import compute_stats, render_stats_text, stats_to_json

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)


def _lapse_until(store: ProgressStore, lapses: int) -> list[ReviewRecord]:
    """Learn a card, then forget it `lapses` times (relearning it after each)."""
    now = T0
    records = []
    record = store.record_review("d", "q", Rating.EASY, now=now)
    while record.after.lapses < lapses:
        assert record.after.due is not None
        now = max(now, record.after.due) + timedelta(minutes=1)
        rating = Rating.AGAIN if record.after.state == "review" else Rating.GOOD
        record = store.record_review("d", "q", rating, now=now)
        records.append(record)
    return records


def test_the_eighth_lapse_makes_a_leech() -> None:
    with ProgressStore.in_memory() as store:
        records = _lapse_until(store, 8)
    assert [became_leech(r, 8) for r in records].count(True) == 1
    assert became_leech(records[-1], 8)
    assert records[-1].after.lapses == 8
    assert not any(became_leech(r, 0) for r in records)  # 0: never
    assert [became_leech(r, 3) for r in records].count(True) == 1


def test_leech_threshold_is_a_setting() -> None:
    with ProgressStore.in_memory() as store:
        assert store.get_settings().leech_lapses == 8
        assert store.set_settings(leech_lapses=4).leech_lapses == 4
        assert store.get_settings().leech_lapses == 4
        with pytest.raises(QuizError, match="leech lapses must be 0"):
            store.set_settings(leech_lapses=-1)


def test_stats_count_leeches(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    shutil.copy(ROOT / "tests" / "data" / "decks" / "harbour.yaml", path)
    mark_leech(path, "q-chair")
    deck = read_deck(path)
    assert [q.id for _d, q in leeches([deck])] == ["q-chair"]
    with ProgressStore.in_memory() as store:
        stats = compute_stats(store, [deck], now=T0)
    assert stats.leeches == 1
    assert "(1 suspended, 1 leech)" in render_stats_text(stats)
    assert stats_to_json(stats)["leeches"] == 1
