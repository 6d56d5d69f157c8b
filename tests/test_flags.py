"""Flags: stored with the progress, listed with their question by `quiz flagged`."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.decks import read_deck
from quiz.flags import REASONS, flagged_questions, render_text, to_json
from quiz.progress import ProgressStore, default_progress_path

ROOT = Path(__file__).resolve().parent.parent
DECKS = ROOT / "tests" / "data" / "decks"
NOW = datetime(2026, 3, 1, 9, tzinfo=UTC)


def test_flags_are_stored_replaced_and_removed() -> None:
    with ProgressStore.in_memory() as store:
        store.flag("d", "q1", "unclear", now=NOW)
        store.flag("d", "q1", "wrong answer", now=NOW, note="it was 1953")
        store.flag("d", "q2", "other", now=NOW)
        assert [(f.question_id, f.reason, f.note) for f in store.flags()] == [
            ("q1", "wrong answer", "it was 1953"),
            ("q2", "other", ""),
        ]
        store.unflag("d", "q2")
        assert [f.question_id for f in store.flags()] == ["q1"]


def test_flagged_questions_join_the_decks() -> None:
    deck = read_deck(DECKS / "harbour.yaml")
    with ProgressStore.in_memory() as store:
        store.flag(deck.id, "q-chair", REASONS[0], now=NOW)
        store.flag(deck.id, "q-gone", REASONS[1], now=NOW)
        items = flagged_questions(store.flags(), [deck])
    assert items[0].question is not None and items[0].question.answer_text == "Elin Trask"
    assert items[1].question is None
    text = render_text(items)
    assert "[wrong answer] Harbour town votes to rebuild its seawall / q-chair" in text
    assert "A: Elin Trask" in text and "Source: “We cannot keep patching" in text
    assert "(no longer in the decks)" in text
    data = to_json(items)
    assert data[0]["source_sentence"].startswith("“We cannot")
    assert data[1]["prompt"] is None


def test_flagged_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    shutil.copy(DECKS / "harbour.yaml", folder)
    assert main(["flagged", "--decks", str(folder)]) == 0
    assert capsys.readouterr().out == "No flagged questions.\n"
    deck = read_deck(folder / "harbour.yaml")
    with ProgressStore.open(default_progress_path()) as store:
        store.flag(deck.id, "q-share", "bad options", now=NOW)
    assert main(["flagged", "--json", "--decks", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(row["question_id"], row["reason"]) for row in data] == [("q-share", "bad options")]
    assert data[0]["deck_title"] == deck.title
