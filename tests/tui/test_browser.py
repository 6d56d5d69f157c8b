"""The card browser: search as you type, details and history, suspend (one or a selection), edit,
flag. Screens at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from quiz.decks import read_deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.tui import QuizApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.card_actions import EditScreen
from quiz.tui.screens.deck_list import DeckListScreen

from .conftest import NOW, SIZE, screen_text

LARGE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture
def make_app(make_file_app: Callable[..., QuizApp]) -> Callable[[], QuizApp]:
    return make_file_app


def suspended(folder: Path) -> list[str]:
    return [q.id for q in read_deck(folder / "harbour.yaml").questions if q.suspended]


async def test_search_details_and_history(
    make_app: Callable[[], QuizApp], store: ProgressStore
) -> None:
    store.record_review("harbour-seawall", "q-vote", Rating.GOOD, now=NOW - timedelta(days=2))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BrowserScreen)
        text = screen_text(app)
        assert "11 of 11 cards" in text
        assert "History: " in text and "Good" in text  # q-vote, highlighted first
        await pilot.press("slash")
        await pilot.press(*"trask")
        assert "1 of 11 cards" in screen_text(app)
        assert "Who is the council's" in screen_text(app)
        app.screen.query_one("#browse-query", Input).value = "is:nothing"
        await pilot.pause()
        assert "is:nothing? use one of" in screen_text(app)
        app.screen.query_one("#browse-query", Input).value = ""
        await pilot.press("enter", "escape")  # to the list, then back to the deck list
        assert isinstance(app.screen, DeckListScreen)


async def test_suspend_one_then_a_selection_and_unsuspend(
    make_app: Callable[[], QuizApp], deck_folder: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b", "s")
        assert suspended(deck_folder) == ["q-vote"]
        assert "suspended" in screen_text(app)
        await pilot.press("s")  # again: unsuspended
        assert suspended(deck_folder) == []
        await pilot.press("down", "space", "space")  # select q-chair and q-share
        assert "2 selected" in screen_text(app)
        await pilot.press("s")
        assert suspended(deck_folder) == ["q-chair", "q-share"]
        assert app.screen.selected == set()  # type: ignore[attr-defined]
    # The deck list's counts follow: 8 questions less the 2 suspended.
    assert sum(len([q for q in d.questions if not q.suspended]) for d in app.decks) == 9


async def test_edit_and_flag_from_the_browser(
    make_app: Callable[[], QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b", "down", "e")
        assert isinstance(app.screen, EditScreen)
        app.screen.query_one("#edit-answer", Input).value = "Elin Trask"
        app.screen.query_one("#edit-accept", Input).value = "Trask; Ms Trask"
        await pilot.press("enter")
        assert isinstance(app.screen, BrowserScreen)
        assert "also: Trask, Ms Trask" in screen_text(app)
        await pilot.press("exclamation_mark", "1")
        await pilot.pause()
        assert [f.reason for f in store.flags()] == ["wrong answer"]
        assert "learning" not in screen_text(app) and "new !" in screen_text(app)
        await pilot.press("exclamation_mark")  # a flagged card: the flag goes
        assert store.flags() == []
        assert app.screen.query_one(DataTable).cursor_row == 1
    chair = next(q for q in read_deck(deck_folder / "harbour.yaml").questions if q.id == "q-chair")
    assert chair.accept == ("Trask", "Ms Trask")


@pytest.mark.parametrize("size", [SIZE, LARGE], ids=["80x24", "120x40"])
def test_browser_snapshot(
    snap_compare: SnapCompare, make_app: Callable[[], QuizApp], size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), press=["b", "down", "space"], terminal_size=size)
