"""Custom study in the app: the form (key c in the deck list, or the command palette), the count it
shows, the sitting it starts, and `quiz study` with custom study flags. Screens at 80x24 and
120x40."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from textual.widgets import Input, RadioSet, Select

from quiz.cli import main
from quiz.custom_study import CardFilter, CustomStudy
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.tui import QuizApp
from quiz.tui.screens.custom_study import CustomStudyScreen
from quiz.tui.screens.deck_list import DeckListScreen
from quiz.tui.screens.study import StudyScreen

from .conftest import DECKS_DIR, NOW, SIZE, screen_text

MakeApp = Callable[..., QuizApp]
SnapCompare = Callable[..., bool]
LARGE = (120, 40)
HARBOUR = "harbour-seawall"


def count_line(app: QuizApp) -> str:
    return str(app.screen.query_one("#custom-count").render())


async def pick_kind(app: QuizApp, index: int) -> None:
    radio = app.screen.query_one(RadioSet)
    list(radio.query("RadioButton"))[index].value = True  # type: ignore[attr-defined]


async def test_c_opens_the_form_on_the_deck_under_the_cursor(make_app: MakeApp) -> None:
    app = make_app(new_per_day=0)  # no new cards today: the normal queue is empty
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "c")
        assert isinstance(app.screen, CustomStudyScreen)
        assert app.screen.query_one(Select).value == "lighthouse-keepers"
        assert "3 cards to study" in count_line(app)
        app.screen.query_one(Select).value = HARBOUR
        await pilot.pause()
        assert "8 cards to study" in count_line(app)
        app.screen.query_one("#custom-limit", Input).value = "5"
        await pilot.pause()
        assert "5 cards to study" in count_line(app)
        await pilot.press("enter")
        assert isinstance(app.screen, StudyScreen)
        header = screen_text(app).splitlines()[0]
        assert "Custom" in header and "1/5" in header
        await pilot.press("space", "3")
        assert len(app.screen.session.answers) == 1


async def test_review_ahead_takes_what_falls_due_soon(
    make_app: MakeApp, store: ProgressStore
) -> None:
    # q-vote was learned 3 days ago; Easy put it some days ahead.
    store.record_review(HARBOUR, "q-vote", Rating.EASY, now=NOW - timedelta(days=3))
    due = store.card_state(HARBOUR, "q-vote").due
    assert due is not None and due > NOW
    days = math.ceil((due - NOW) / timedelta(days=1))  # the fewest days ahead that reach it
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pick_kind(app, 1)
        await pilot.pause()
        assert days > 1
        app.screen.query_one("#custom-days", Input).value = str(days - 1)
        await pilot.pause()
        assert "No cards match" in count_line(app)
        app.screen.query_one("#custom-days", Input).value = str(days)
        await pilot.pause()
        assert "1 card to study" in count_line(app)
        await pilot.press("enter")
        assert isinstance(app.screen, StudyScreen)
        assert "Porthwenna voted [...]" in screen_text(app)
        await pilot.press("space", "3")
        await pilot.pause()
    # Reviewed early, at NOW: its state moved by this review only.
    state = store.card_state(HARBOUR, "q-vote")
    assert state.last_review == NOW and state.reps == 2


async def test_the_cards_answered_wrong_today(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "3")  # the gap right, then the short answer wrong
        app.screen.query_one("#answer-input", Input).value = "Mara"
        await pilot.press("enter", "enter", "escape")  # feedback, next card, finish
        await pilot.press("escape")  # leave the summary
        assert isinstance(app.screen, DeckListScreen)
        await pilot.press("c")
        await pick_kind(app, 2)
        await pilot.pause()
        assert "1 card to study" in count_line(app)
        await pilot.press("enter")
        assert "Who is the council's chair of infrastructure?" in screen_text(app)


async def test_no_match_keeps_the_form_and_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        app.screen.query_one("#custom-from", Input).value = "2030"
        await pilot.pause()
        assert "No cards match" in count_line(app)
        await pilot.press("enter")
        assert isinstance(app.screen, CustomStudyScreen)
        app.screen.query_one("#custom-from", Input).value = "2024-14"
        await pilot.pause()
        assert "not a date" in count_line(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DeckListScreen)


async def test_dates_and_tags_narrow_the_cards(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        app.screen.query_one(Select).value = "*"
        await pilot.pause()
        assert "11 cards to study" in count_line(app)
        app.screen.query_one("#custom-from", Input).value = "2024"
        await pilot.pause()
        assert "8 cards to study" in count_line(app)  # the harbour article, from March 2024
        app.screen.query_one("#custom-to", Input).value = "2024-02"
        await pilot.pause()
        assert "No cards match" in count_line(app)
        app.screen.query_one("#custom-from", Input).value = ""
        app.screen.query_one("#custom-to", Input).value = ""
        app.screen.query_one("#custom-tags", Input).value = "nothing-tagged-so"
        await pilot.pause()
        assert "No cards match" in count_line(app)


async def test_the_command_palette_offers_custom_study(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Custom study" in titles
        app.action_custom_study()
        await pilot.pause()
        assert isinstance(app.screen, CustomStudyScreen)
        assert app.screen.query_one(Select).value == "*"


async def test_the_app_opens_on_a_custom_sitting(make_app: MakeApp) -> None:
    study = CustomStudy("cram", CardFilter(deck_ids=frozenset({"lighthouse-keepers"})))
    app = make_app(custom=study, new_per_day=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "1/3" in screen_text(app).splitlines()[0]
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, DeckListScreen)


def test_cli_custom_flags(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: seen.append(self))
    assert main(["study", str(DECKS_DIR), "--tag", "x", "--tag", "y", "--cram"]) == 2
    assert "no cards to study: Beyond today's limits, tag x or y" in capsys.readouterr().err
    assert main(["study", str(DECKS_DIR), "--from", "2024-03", "--to", "2024", "--limit", "4"]) == 0
    custom: Any = seen[-1]._custom
    assert custom.kind == "cram" and custom.limit == 4
    assert (str(custom.cards.published_from), str(custom.cards.published_to)) == (
        "2024-03-01",
        "2024-12-31",
    )
    assert main(["study", str(DECKS_DIR), "--ahead", "3"]) == 2  # nothing seen yet
    assert "no cards to study: Review ahead 3 days" in capsys.readouterr().err
    assert main(["study", str(DECKS_DIR), "--wrong-today"]) == 2
    assert "no cards to study: Answered wrong today" in capsys.readouterr().err
    for bad, message in [
        (["--from", "March"], "'March' is not a date"),
        (["--limit", "3"], "--limit applies to custom study"),
        (["--ahead", "0"], "days ahead must be 1"),
    ]:
        assert main(["study", str(DECKS_DIR), *bad]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    assert main(["study", str(DECKS_DIR)]) == 0
    assert seen[-1]._custom is None


@pytest.mark.parametrize("size", [SIZE, LARGE], ids=["80x24", "120x40"])
def test_custom_study_form_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), press=["c"], terminal_size=size)


@pytest.mark.parametrize("size", [SIZE, LARGE], ids=["80x24", "120x40"])
def test_custom_sitting_snapshot(
    snap_compare: SnapCompare, make_app: MakeApp, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(new_per_day=0), press=["down", "c", "enter"], terminal_size=size)
