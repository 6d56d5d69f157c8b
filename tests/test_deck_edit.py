"""Changing one question in its deck file: the rest of the file is kept byte for byte, the id and
so the schedule stay, bad edits and unusual layouts leave the file untouched, a kill mid-write
leaves the old file whole."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.deck_edit import mark_leech, replace_question, set_suspended, update_question
from quiz.decks import read_deck
from quiz.errors import QuizError
from quiz.progress import ProgressStore
from quiz.scheduling import Rating

ROOT = Path(__file__).resolve().parent.parent
HARBOUR = ROOT / "tests" / "data" / "decks" / "harbour.yaml"


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.yaml"
    shutil.copy(HARBOUR, path)
    return path


def _split_around(text: str, first: str, after: str) -> tuple[str, str]:
    """The text before the question starting with `first` and from the one starting with `after`."""
    return text[: text.index(first)], text[text.index(after) :]


def test_edit_rewrites_only_that_question(deck_file: Path) -> None:
    old_text = deck_file.read_text(encoding="utf-8")
    deck = read_deck(deck_file)
    chair = next(q for q in deck.questions if q.id == "q-chair")

    edited = replace_question(
        deck_file,
        replace(
            chair, prompt="Who chairs infrastructure on the council?", accept=("Trask", "E. Trask")
        ),
    )

    new_text = deck_file.read_text(encoding="utf-8")
    assert _split_around(new_text, "- id: q-chair", "- id: q-share") == _split_around(
        old_text, "- id: q-chair", "- id: q-share"
    )
    assert edited.prompt == "Who chairs infrastructure on the council?"
    assert edited.accept == ("Trask", "E. Trask")
    new_deck = read_deck(deck_file)
    assert [q.id for q in new_deck.questions] == [q.id for q in deck.questions]
    assert [q for q in new_deck.questions if q.id != "q-chair"] == [
        q for q in deck.questions if q.id != "q-chair"
    ]


def test_edit_keeps_the_schedule(deck_file: Path) -> None:
    deck = read_deck(deck_file)
    now = datetime(2026, 3, 1, 9, tzinfo=UTC)
    with ProgressStore.in_memory() as store:
        store.record_review(deck.id, "q-chair", Rating.GOOD, now=now)
        before = store.card_states(deck.id)
        update_question(deck_file, "q-chair", answer="Elin Trask MBE")
        after_deck = read_deck(deck_file)
        states = store.card_states(after_deck.id)
        assert states == before
        assert "q-chair" in {q.id for q in after_deck.questions}


def test_invalid_edit_leaves_the_file(deck_file: Path) -> None:
    old = deck_file.read_bytes()
    with pytest.raises(QuizError, match="the edited question is not valid"):
        update_question(deck_file, "q-share", answer="90 percent")  # not among the choices
    with pytest.raises(QuizError, match="no question 'q-nope'"):
        update_question(deck_file, "q-nope", prompt="x")
    assert deck_file.read_bytes() == old


def test_suspend_and_unsuspend(deck_file: Path) -> None:
    set_suspended(deck_file, "q-vote")
    assert "suspended: true" in deck_file.read_text(encoding="utf-8")
    assert next(q for q in read_deck(deck_file).questions if q.id == "q-vote").suspended
    set_suspended(deck_file, "q-vote", False)
    assert not next(q for q in read_deck(deck_file).questions if q.id == "q-vote").suspended


def test_mark_leech_tags_and_suspends(deck_file: Path) -> None:
    question = mark_leech(deck_file, "q-share")
    assert question.suspended and question.tags[-1] == "leech"
    again = mark_leech(deck_file, "q-share")
    assert again.tags.count("leech") == 1


def test_hand_written_list_keeps_comments_and_gets_an_id(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    text = textwrap.dedent(
        """\
        # my own deck
        - prompt: Capital of France?
          answer: Paris   # easy
        # the hard one
        - prompt: Capital of Australia?
          answer: Canberra
        - prompt: Capital of Peru?
          answer: Lima
        """
    )
    path.write_text(text, encoding="utf-8")
    deck = read_deck(path)
    second = deck.questions[1]
    replace_question(path, replace(second, answer="Canberra (ACT)"))
    new = path.read_text(encoding="utf-8")
    assert new.startswith(
        "# my own deck\n- prompt: Capital of France?\n  answer: Paris   # easy\n# the hard one\n- id: "
    )
    assert new.endswith("- prompt: Capital of Peru?\n  answer: Lima\n")
    assert read_deck(path).questions[1].id == second.id  # the id derived from the old prompt


def test_flow_style_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "flow.yaml"
    path.write_text(
        '[{prompt: "A?", answer: "a"}, {prompt: "B?", answer: "b"}]\n', encoding="utf-8"
    )
    question = read_deck(path).questions[0]
    with pytest.raises(QuizError, match="flow style"):
        replace_question(path, replace(question, answer="x"))
    assert path.read_text(encoding="utf-8").startswith('[{prompt: "A?"')


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from quiz.deck_edit import update_question

    real_fsync = os.fsync
    def fsync_then_die(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGKILL)  # the new text is written, not yet renamed
    os.fsync = fsync_then_die
    update_question(Path(sys.argv[1]), "q-chair", prompt="Killed while writing?")
    """
)


def test_kill_during_the_write_leaves_the_old_file_whole(deck_file: Path) -> None:
    old = deck_file.read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(deck_file)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == -signal.SIGKILL
    assert deck_file.read_bytes() == old
    leftovers = [p.name for p in deck_file.parent.iterdir() if p.name != deck_file.name]
    assert all(
        name.startswith(".") for name in leftovers
    )  # a temporary file, skipped by find_decks
