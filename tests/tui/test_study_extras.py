"""What each rating does, the cards left by phase, and the cards answered wrong in the summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.content import Content
from textual.widgets import Input, Static

from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.tui import QuizApp
from quiz.tui.screens.summary import SummaryScreen

from .conftest import NOW, SIZE, screen_text

MakeApp = Callable[..., QuizApp]


async def test_revealed_card_shows_the_interval_of_each_rating(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert "Again 1m" not in screen_text(app)
        await pilot.press("space")
        text = screen_text(app)
        assert "1  Again 1m" in text and "2  Hard 6m" in text and "3  Good 10m" in text
        assert "4  Easy " in text
        await pilot.press("3")
        assert "Again 1m" not in screen_text(app)  # a typed card next: no ratings to show


async def test_session_bar_counts_cards_left_by_phase(
    make_app: MakeApp, store: ProgressStore
) -> None:
    # q-vote was learned long ago and is due: one review card, then 6 new ones.
    store.record_review("harbour-seawall", "q-vote", Rating.EASY, now=NOW - timedelta(days=40))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert "6 + 0 + 1" in screen_text(app).splitlines()[0]
        await pilot.press("space", "1")  # forgotten: relearning, asked again later
        assert "6 + 0 + 0" in screen_text(app).splitlines()[0]


async def test_summary_lists_the_cards_answered_wrong(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "1")  # the gap: Again
        app.screen.query_one("#answer-input", Input).value = "Mara"
        await pilot.press("enter", "enter", "c", "escape")  # wrong, then the choice right
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Answered wrong (2)" in text
        assert "your answer: Mara" in text and "answer: Elin Trask" in text
        assert "answer: 9 to 2" in text
        assert "60 percent" not in text


async def test_feedback_marks_the_misspelt_letters_and_the_swapped_words(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "3")
        app.screen.query_one("#answer-input", Input).value = "Elin Tresk"
        await pilot.press("enter")
        feedback = app.screen.query_one("#feedback", Static).render()
        assert isinstance(feedback, Content)
        marked = [span for span in feedback.spans if "underline" in str(span.style)]
        assert [feedback.plain[span.start : span.end] for span in marked] == ["e", "a"]
        await pilot.press("enter", "c", "enter", "t")  # the choice, then the false statement: True
        assert "Changed: close while — the article says stay open" in screen_text(app)


async def test_uppercase_choice_letters_and_true_false(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "space", "3")
        app.screen.query_one("#answer-input", Input).value = "Elin Trask"
        await pilot.press("enter", "enter", "C", "enter", "F")  # 60 percent; false
        assert [(r.question_id, r.correct) for r in store.reviews()][-2:] == [
            ("q-share", True),
            ("q-open", True),
        ]


async def test_q_escape_and_ctrl_c_leave(make_app: MakeApp) -> None:
    for key in ("q", "escape", "ctrl+c"):
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(key)
            await pilot.pause()
            assert app.return_code is not None or not app.is_running, key


async def test_deck_titles_use_the_free_width(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Harbour town votes to rebuild its seawall  8" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Harbour town votes to rebuild i…" in screen_text(app)


async def test_the_header_reflows_when_the_terminal_is_resized(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("enter", "space")  # revealed: the deck title shows in the header
        header = screen_text(app).splitlines()[0]
        assert "Harbour town votes to rebuild its seawall" in header and "1/7" in header
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "1/7" in header and "7 + 0 + 0" in header  # the counts stay; the title is cut
        assert "Harbour town votes to…" in header
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert "rebuild its seawall" in screen_text(app).splitlines()[0]
