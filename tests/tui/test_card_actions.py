"""Acting on the card on screen: `e` edits it in its deck file, `s` suspends it, `!` flags it, and
a leech is tagged and suspended with a notice. Screens at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.decks import read_deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.tui import QuizApp
from quiz.tui.screens.card_actions import EditScreen, FlagScreen
from quiz.tui.screens.study import StudyScreen

from .conftest import NOW, SIZE, screen_text

LARGE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture
def make_app(make_file_app: Callable[..., QuizApp]) -> Callable[..., QuizApp]:
    return make_file_app


def harbour(folder: Path) -> Path:
    return folder / "harbour.yaml"


async def start(pilot: Pilot[None]) -> None:
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, StudyScreen)


async def test_edit_writes_the_deck_file_and_shows_the_new_prompt(
    make_app: Callable[..., QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    before = harbour(deck_folder).read_text(encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("space", "3")  # the cloze card, rated Good: now the short answer
        assert "Who is the council's chair of infrastructure?" in screen_text(app)
        await pilot.press("e")  # typed into the answer box: card keys wait for the answer
        assert isinstance(app.screen, StudyScreen)
        app.screen.query_one("#answer-input", Input).value = "Elin Trask"
        await pilot.press("enter", "e")
        assert isinstance(app.screen, EditScreen)
        app.screen.query_one("#edit-prompt", Input).value = "Who chairs infrastructure?"
        app.screen.query_one("#edit-accept", Input).value = "Trask; E. Trask"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "Who chairs infrastructure?" in screen_text(app)
    after = harbour(deck_folder).read_text(encoding="utf-8")
    assert after != before
    question = next(q for q in read_deck(harbour(deck_folder)).questions if q.id == "q-chair")
    assert (question.prompt, question.accept) == (
        "Who chairs infrastructure?",
        ("Trask", "E. Trask"),
    )
    # The earlier card's review is untouched; the edited one keeps its id, so its schedule too.
    assert [r.question_id for r in store.reviews()] == ["q-vote", "q-chair"]


async def test_an_invalid_edit_says_why_and_changes_nothing(
    make_app: Callable[..., QuizApp], deck_folder: Path
) -> None:
    before = harbour(deck_folder).read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("e")
        app.screen.query_one("#edit-prompt", Input).value = "No gap here any more."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert "the edited question is not valid" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, StudyScreen)
    assert harbour(deck_folder).read_bytes() == before


async def test_suspend_writes_the_file_and_moves_on(
    make_app: Callable[..., QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        assert "1/7" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "Who is the council's chair of infrastructure?" in text
        assert "1/6" in text
        assert "Suspended" in text
    vote = next(q for q in read_deck(harbour(deck_folder)).questions if q.id == "q-vote")
    assert vote.suspended
    assert store.reviews() == []


async def test_flag_with_a_reason(make_app: Callable[..., QuizApp], store: ProgressStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, FlagScreen)
        await pilot.press("escape")
        assert store.flags() == []
        await pilot.press("exclamation_mark", "3")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert "Flagged: bad options" in screen_text(app)
    [flag] = store.flags()
    assert (flag.deck_id, flag.question_id, flag.reason) == (
        "harbour-seawall",
        "q-vote",
        "bad options",
    )


async def test_a_leech_is_tagged_suspended_and_announced(
    make_app: Callable[..., QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    # q-vote learned a week ago and due now: forgetting it is its first lapse.
    store.record_review("harbour-seawall", "q-vote", Rating.EASY, now=NOW - timedelta(days=40))
    app = make_app(leech_lapses=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        assert "Porthwenna voted [...]" in screen_text(app)
        await pilot.press("space", "1")
        await pilot.pause()
        assert "Leech" in screen_text(app)  # the notice's title
    vote = next(q for q in read_deck(harbour(deck_folder)).questions if q.id == "q-vote")
    assert vote.suspended and "leech" in vote.tags


@pytest.mark.parametrize("size", [SIZE, LARGE], ids=["80x24", "120x40"])
def test_edit_form_snapshot(
    snap_compare: SnapCompare, make_app: Callable[..., QuizApp], size: tuple[int, int]
) -> None:
    press = ["enter", "space", "3", "M", "a", "r", "a", "enter", "e"]
    assert snap_compare(make_app(), press=press, terminal_size=size)


@pytest.mark.parametrize("size", [SIZE, LARGE], ids=["80x24", "120x40"])
def test_flag_menu_snapshot(
    snap_compare: SnapCompare, make_app: Callable[..., QuizApp], size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), press=["enter", "exclamation_mark"], terminal_size=size)


async def test_the_leech_threshold_is_set_in_the_settings(
    make_app: Callable[..., QuizApp], store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        app.screen.query_one("#leech-lapses", Input).value = "5"
        await pilot.press("enter")
        assert store.get_settings().leech_lapses == 5
        assert app.options.leech_lapses == 5 and app.actions.leech_lapses == 5


async def test_while_typing_letters_go_in_and_ctrl_keys_act(
    make_app: Callable[..., QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("space", "3")  # on to the short answer card, its box focused
        box = app.screen.query_one("#answer-input", Input)
        assert app.screen.focused is box
        bar = screen_text(app).splitlines()[-1]
        assert "^e Edit" in bar and "^s Suspend" in bar and "^f Flag" in bar
        assert " e Edit" not in bar  # a letter typed here is part of the answer
        await pilot.press("e", "s", "exclamation_mark")
        assert box.value == "es!"
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, FlagScreen)
        await pilot.press("escape")
        assert box.value == "es!"  # the answer typed so far is kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Suspended" in screen_text(app)
    chair = next(q for q in read_deck(harbour(deck_folder)).questions if q.id == "q-chair")
    assert chair.suspended


async def test_undo_of_the_answer_that_made_a_leech_restores_it(
    make_app: Callable[..., QuizApp], deck_folder: Path, store: ProgressStore
) -> None:
    before = harbour(deck_folder).read_bytes()
    store.record_review("harbour-seawall", "q-vote", Rating.EASY, now=NOW - timedelta(days=40))
    app = make_app(leech_lapses=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("space", "1")
        await pilot.pause()
        assert harbour(deck_folder).read_bytes() != before
        vote = next(d for d in app.decks if d.id == "harbour-seawall").questions[0]
        assert vote.suspended  # the deck list's copy too
        await pilot.press("ctrl+z")  # the next card's answer box has focus: u would be typed
        await pilot.pause()
        assert "Porthwenna voted [...]" in screen_text(app)  # asked again
        vote = next(d for d in app.decks if d.id == "harbour-seawall").questions[0]
        assert not vote.suspended and "leech" not in vote.tags
    assert harbour(deck_folder).read_bytes() == before
    assert store.card_state("harbour-seawall", "q-vote").lapses == 0


@pytest.mark.parametrize(("key", "given"), [("e", "60 percent"), ("f", "75 percent")])
async def test_with_six_choices_e_and_f_choose_and_ctrl_e_edits(
    make_app: Callable[..., QuizApp], deck_folder: Path, key: str, given: str
) -> None:
    path = harbour(deck_folder)
    text = path.read_text(encoding="utf-8").replace(
        "choices: [25 percent, 40 percent, 60 percent, 75 percent]",
        "choices: [25 percent, 40 percent, 50 percent, 55 percent, 60 percent, 75 percent]",
    )
    path.write_text(text, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        app.screen.query_one("#answer-input", Input).value = "Elin Trask"
        await pilot.press("enter", "enter")  # on to the choice card
        assert "1-6 or a-f" in screen_text(app)
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape")
        await pilot.press(key)
        assert isinstance(app.screen, StudyScreen)
        last = app.screen.session.last
        assert last is not None and last.given == given


async def test_true_and_false_keys_come_in_that_order(
    make_app: Callable[..., QuizApp], deck_folder: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter", "space", "3", "space", "3")  # lighthouse: on to t/f
        bar = screen_text(app).splitlines()[-1]
        assert bar.index("t True") < bar.index("f False")
        await pilot.press("f")
        assert isinstance(app.screen, StudyScreen)
        last = app.screen.session.last
        assert last is not None and last.given == "false"
