"""Practice tests, deck text that looks like markup or escapes, and decks the app must refuse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from quiz.cli import main
from quiz.decks import read_deck
from quiz.errors import QuizError
from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.study import practice_test
from quiz.tui import QuizApp, build_app
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.text import clean

from .conftest import DECKS_DIR, NOW, SIZE, screen_text

MakeApp = Callable[..., QuizApp]

MARKUP_DECK = """\
format: 1
id: markup
title: "[bold]Loud[/] deck"
source:
  title: "[red]Red[/red] article"
  published: "2025-01-02"
questions:
  - id: m1
    kind: basic
    prompt: "What is [bold]x[/]?"
    answer: "[@click=app.quit]quit[/]"
    source:
      sentence: "A sentence with [link=https://example.com]a link[/link] and [blink]x[/]."
  - id: m2
    kind: short
    prompt: "[@click=app.quit] press here"
    answer: "[b]"
  - id: m3
    kind: choice
    prompt: "Pick one \\x1b[31mred\\x1b]0;title\\x07 \\u202eevil"
    answer: "[dim]b[/dim]"
    choices: ["[i]a[/i]", "[dim]b[/dim]"]
"""


@pytest.fixture
def markup_deck(tmp_path: Path) -> Deck:
    path = tmp_path / "markup.yaml"
    path.write_text(MARKUP_DECK, encoding="utf-8")
    return read_deck(path)


def test_clean_strips_escapes_controls_and_bidi_overrides() -> None:
    assert clean("a\x1b[31mb\x1b[0m") == "ab"
    assert clean("x\x1b]8;;https://e.com\x1b\\link\x1b]8;;\x1b\\y") == "xlinky"
    assert clean("x\x1b]0;title\x07y") == "xy"
    assert clean("a\x00b\x07c\x9bd\x85e") == "abcde"
    assert clean("left\u202eright\u2066x\u2069") == "leftrightx"
    assert clean("one\ttwo\nthree") == "one two\nthree"
    assert clean("[bold]kept[/] as typed") == "[bold]kept[/] as typed"


async def test_markup_in_a_deck_is_shown_literally(markup_deck: Deck, store: ProgressStore) -> None:
    app = build_app([markup_deck], store, clock=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "[bold]Loud[/] deck" in text
        assert "Article: [red]Red[/red] article (2025-01-02)" in text
        await pilot.press("enter")
        assert "What is [bold]x[/]?" in screen_text(app)
        await pilot.press("space")
        text = screen_text(app)
        assert "Answer: [@click=app.quit]quit[/]" in text
        assert "Source: A sentence with [link=https://example.com]a link[/link] and" in text
        assert "[blink]x[/]." in text
        # Clicking the answer must not run the action hidden in it.
        await pilot.click("#feedback", offset=(12, 0))
        await pilot.press("3")
        assert "[@click=app.quit] press here" in screen_text(app)
        await pilot.click("#prompt", offset=(3, 0))
        app.screen.query_one("#answer-input", Input).value = "[b]"
        await pilot.press("enter")
        assert "✓ Right   you answered: [b]" in screen_text(app)
        await pilot.press("enter")
        text = screen_text(app)
        assert "Pick one red evil" in text
        assert "\x1b" not in text and "\u202e" not in text
        assert " 1  [i]a[/i]" in text and " 2  [dim]b[/dim]" in text
        assert app.is_running
        assert isinstance(app.screen, StudyScreen)
    assert [r.question_id for r in store.reviews()] == ["m1", "m2"]


async def test_practice_test_scores_and_lists_answers_and_writes_nothing(
    decks: list[Deck], tmp_path: Path
) -> None:
    harbour = [deck for deck in decks if deck.id == "harbour-seawall"]
    cards = practice_test(harbour, count=3, seed=7)
    kinds = [question.kind for _deck, question in cards]
    app = build_app(harbour, None, clock=lambda: NOW, practice=cards)
    async with app.run_test(size=SIZE) as pilot:
        assert "Practice test" in screen_text(app)
        for _deck, question in cards:
            if question.kind == "choice":
                await pilot.press(str(question.choices.index(question.answer_text) + 1))
            elif question.kind == "truefalse":
                await pilot.press(question.answer_text[0])
            elif question.kind == "order":
                await pilot.press("z", "enter")  # not an ordering: the card stays
                assert "Type each number" in screen_text(app)
                await pilot.press("backspace", *"123", "enter")
            else:
                # Flashcards and gaps are typed in a test.
                app.screen.query_one("#answer-input", Input).value = "wrong"
                await pilot.press("enter")
            assert "Space or Enter: next card" in screen_text(app)
            await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.summary
        expected = sum(
            1
            for _deck, q in cards
            if q.kind in ("choice", "truefalse") or (q.kind == "order" and q.answer == q.choices)
        )
        assert summary.correct == expected
        text = screen_text(app)
        assert f"Score       {expected} of 3" in text
        for number, (_deck, question) in enumerate(cards, start=1):
            assert f" {number}. {question.prompt[:20]}" in text
        assert "your answer:" in text
        await pilot.press("enter")
    assert app.return_code == 0
    assert len(set(kinds)) == 3  # kinds are drawn in turn: three cards, three kinds
    # Nothing anywhere under the data folder: no progress file was even created.
    assert not any((tmp_path / "data").rglob("*.sqlite3"))


def test_cli_broken_deck_exits_2_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "decks" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text(
        "format: 1\nid: b\ntitle: B\nquestions:\n  - id: q1\n    kind: essay\n    prompt: P\n",
        encoding="utf-8",
    )
    assert main(["study", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"quiz: {broken}:6: ")
    assert len(err.strip().splitlines()) == 1
    # The same deck in the folder of decks is refused the same way.
    assert main(["study", str(broken.parent)]) == 2
    assert f"{broken}:6: " in capsys.readouterr().err
    assert main(["test", str(broken)]) == 2
    assert f"{broken}:6: " in capsys.readouterr().err


def test_cli_empty_deck_and_empty_folder_give_clear_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("format: 1\nid: empty\ntitle: Empty\nquestions: []\n", encoding="utf-8")
    assert main(["study", str(empty)]) == 2
    assert "quiz: the deck 'empty' has no questions to study" in capsys.readouterr().err
    folder = tmp_path / "nothing"
    folder.mkdir()
    assert main(["study", str(folder)]) == 2
    assert f"quiz: {folder}: no decks (*.yaml) in this folder" in capsys.readouterr().err
    assert main(["test", str(empty)]) == 2
    assert "has no questions" in capsys.readouterr().err
    assert main(["study", "--retention", "2", str(DECKS_DIR)]) == 2
    assert "--retention must be 0.7 to 0.99, not 2.0" in capsys.readouterr().err


def test_cli_starts_the_app_on_good_decks(monkeypatch: pytest.MonkeyPatch) -> None:
    """`quiz study DIR` reads the decks and opens the app on the deck list (run here headless)."""
    seen: list[QuizApp] = []

    def fake_run(self: QuizApp) -> None:
        seen.append(self)

    monkeypatch.setattr(QuizApp, "run", fake_run)
    assert main(["study", str(DECKS_DIR), "--new-per-day", "5"]) == 0
    assert [deck.id for deck in seen[0].decks] == ["harbour-seawall", "lighthouse-keepers"]
    assert seen[0].options.new_per_day == 5
    # `quiz --decks DIR`: no command means study.
    assert main(["--decks", str(DECKS_DIR), "--retention", "0.85"]) == 0
    assert len(seen[-1].decks) == 2 and seen[-1].options.retention == 0.85
    assert main(["test", str(DECKS_DIR / "harbour.yaml"), "--count", "4", "--seed", "1"]) == 0
    assert seen[-1].store is None


def test_study_flags_last_one_run_unless_saved(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: seen.append(self))
    assert main(["study", str(DECKS_DIR), "--new-per-day", "5"]) == 0
    assert main(["study", str(DECKS_DIR)]) == 0
    assert [app.options.new_per_day for app in seen] == [5, 20]  # for that run only
    assert (
        main(["study", str(DECKS_DIR), "--new-per-day", "7", "--retention", "0.8", "--save"]) == 0
    )
    assert main(["study", str(DECKS_DIR)]) == 0
    assert (seen[-1].options.new_per_day, seen[-1].options.retention) == (7, 0.8)
    with pytest.raises(SystemExit):
        main(["study", "--help"])
    assert "for this run only unless --save" in " ".join(capsys.readouterr().out.split())


async def test_an_answer_that_cannot_be_saved_keeps_the_card(
    make_app: Callable[..., QuizApp], store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: object, **kwargs: object) -> None:
        raise QuizError("cannot write progress: database is locked", path="progress.sqlite3")

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "space")
        monkeypatch.setattr(store, "record_review", locked)
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "Not saved" in text and "database is locked" in text
        assert "voted 9 to 2 to rebuild" in text  # still the revealed first card
        assert "1/7" in text and "✓ 0" in text
        monkeypatch.undo()
        await pilot.press("3")
        assert [r.question_id for r in store.reviews()] == ["q-vote"]
        assert "Who is the council's chair" in screen_text(app)


def test_a_deck_file_named_alone_is_not_said_to_be_in_the_deck_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: seen.append(self))
    monkeypatch.chdir(tmp_path)  # ./decks would be the deck folder here
    assert main(["study", str(DECKS_DIR / "harbour.yaml")]) == 0
    assert seen[0]._folder == ""  # the list heads "1 deck", not "1 deck in decks"
    assert main(["study", "--decks", str(DECKS_DIR)]) == 0
    assert seen[1]._folder.endswith("decks")


def test_a_broken_deck_in_the_folder_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "decks"
    shutil.copytree(DECKS_DIR, folder)
    (folder / "bad.yaml").write_text("title: Bad\nquestions:\n  - id: q1\n    kind: riddle\n")
    seen: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: seen.append(self))
    assert main(["study", str(folder)]) == 0
    assert [deck.id for deck in seen[0].decks] == ["harbour-seawall", "lighthouse-keepers"]
    (broken,) = seen[0]._broken
    assert broken.path.name == "bad.yaml" and "bad.yaml:4:" in broken.problem
    # Named on its own, a broken deck is still an error.
    assert main(["study", str(folder / "bad.yaml")]) == 2


async def test_the_deck_list_marks_a_broken_deck_and_studies_the_rest(
    decks: list[Deck], store: ProgressStore, tmp_path: Path
) -> None:
    from quiz.decks import BrokenDeck
    from quiz.tui.screens.deck_list import DeckListScreen

    bad = BrokenDeck(tmp_path / "bad.yaml", f"{tmp_path}/bad.yaml:4: unknown question kind")
    app = build_app(decks, store, clock=lambda: NOW, broken=[bad], folder="decks")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        text = screen_text(app)
        assert "2 decks in decks, 1 broken" in text
        assert "bad.yaml" in text and "broken" in text
        await pilot.press("down", "down")
        assert "unknown question kind" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, DeckListScreen)
        await pilot.pause()
        assert "Broken deck" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, StudyScreen)


async def test_due_counts_refresh_as_time_passes(
    decks: list[Deck], store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from quiz.scheduling import Rating
    from quiz.tui.screens import deck_list

    store.record_review("lighthouse-keepers", "q-lamp", Rating.GOOD, now=NOW)  # due in minutes
    now = [NOW]
    monkeypatch.setattr(deck_list, "COUNTS_EVERY", 0.05)
    app = build_app(decks, store, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#deck-table")
        assert table.get_cell("1", "due") == 0  # type: ignore[attr-defined]
        now[0] = NOW + timedelta(hours=1)
        for _ in range(100):  # the timer, not a key, brings the new count
            await pilot.pause(0.05)
            if table.get_cell("1", "due") == 1:  # type: ignore[attr-defined]
                break
        assert table.get_cell("1", "due") == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [(6, 7, 86), (1, 3, 33), (2, 3, 67), (199, 200, 99), (1, 200, 1), (0, 5, 0), (5, 5, 100)],
)
def test_percentages_are_rounded_but_never_claim_all_or_none(
    part: int, whole: int, shown: int
) -> None:
    from quiz.tui.screens.summary import percent

    assert percent(part, whole) == shown
