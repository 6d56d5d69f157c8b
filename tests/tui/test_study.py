"""Study sessions driven by keys: what the screen shows and what the progress database holds."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input

from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.tui import QuizApp
from quiz.tui.screens.deck_list import DeckListScreen
from quiz.tui.screens.settings import MoreNewScreen, SettingsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen

from .conftest import NOW, SIZE, screen_text

MakeApp = Callable[..., QuizApp]

# The harbour deck's cards, in deck order (every one is new, so this is the study order):
# q-vote cloze, q-chair short, q-share choice, q-open truefalse, q-steps order, q-homes basic,
# q-signatures short; q-cost (cloze) waits for another day: it is made from q-share's sentence.


async def start(pilot: Pilot[None]) -> None:
    """From the deck list, study the first deck (harbour)."""
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, StudyScreen)


async def type_answer(pilot: Pilot[None], text: str) -> None:
    """Fill the answer box and press Enter (one test types key by key; it is slow)."""
    pilot.app.screen.query_one("#answer-input", Input).value = text
    await pilot.press("enter")


def ratings(store: ProgressStore) -> list[tuple[str, Rating, bool | None, str | None]]:
    return [(r.question_id, r.rating, r.correct, r.typed) for r in store.reviews()]


async def test_deck_list_shows_counts_titles_and_dates(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "2 decks" in text
        harbour = next(line for line in text.splitlines() if "Harbour town" in line)
        assert harbour.split()[-5:] == ["8", "8", "0", "0", "2024-03-14"]
        lighthouse = next(line for line in text.splitlines() if "lighthouse" in line)
        assert lighthouse.split()[-5:] == ["3", "3", "0", "0", "2023-11-02"]
        assert "Article: Harbour town votes to rebuild its seawall (2024-03-14)" in text
        assert "By Mara Quinlan" in text


async def test_cloze_reveals_in_place_and_rating_is_committed(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        text = screen_text(app)
        assert "The town council of Porthwenna voted [...] to rebuild the seawall." in text
        assert "9 to 2" not in text
        assert "space Show answer" in text
        await pilot.press("space")
        text = screen_text(app)
        assert "The town council of Porthwenna voted 9 to 2 to rebuild the seawall." in text
        assert "Source: The town council of Porthwenna voted 9 to 2 on Tuesday" in text
        assert "— Harbour town votes to rebuild its seawall (2024-03-14)" in text
        assert "1 Again" in text and "4 Easy" in text
        assert store.reviews() == []
        await pilot.press("3")
        assert ratings(store) == [("q-vote", Rating.GOOD, True, None)]
        assert store.card_state("harbour-seawall", "q-vote").state == "learning"
        assert "Who is the council's chair of infrastructure?" in screen_text(app)


async def test_short_answer_is_graded_and_recorded(make_app: MakeApp, store: ProgressStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        await pilot.press(*"elin trask", "enter")
        text = screen_text(app)
        assert "✓ Right   you answered: elin trask" in text
        assert "Answer: Elin Trask" in text
        assert "Source: “We cannot keep patching a wall" in text
        assert ratings(store)[-1] == ("q-chair", Rating.GOOD, True, "elin trask")
        # Enter after the feedback moves on; it does not answer again.
        await pilot.press("enter")
        assert len(store.reviews()) == 2
        assert "What share of the cost" in screen_text(app)


async def test_i_was_right_overrides_the_grade_and_accepts_the_answer(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        await type_answer(pilot, "the infrastructure chair")
        assert "✗ Wrong" in screen_text(app)
        assert ratings(store)[-1] == ("q-chair", Rating.AGAIN, False, "the infrastructure chair")
        await pilot.press("r")
        text = screen_text(app)
        assert "✓ Right" in text and "✗ Wrong" not in text
        assert ratings(store) == [
            ("q-vote", Rating.GOOD, True, None),
            ("q-chair", Rating.GOOD, True, "the infrastructure chair"),
        ]
        assert store.accepted("harbour-seawall") == {"q-chair": ("the infrastructure chair",)}


async def test_accepted_answer_is_right_next_time(make_app: MakeApp, store: ProgressStore) -> None:
    store.add_accepted("harbour-seawall", "q-chair", "the infrastructure chair")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        await type_answer(pilot, "The infrastructure chair")
        assert "✓ Right" in screen_text(app)
        assert ratings(store)[-1][1:3] == (Rating.GOOD, True)


async def test_choice_by_letter_and_number(make_app: MakeApp, store: ProgressStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        await type_answer(pilot, "Elin Trask")
        await pilot.press("enter")
        text = screen_text(app)
        assert " 1  25 percent" in text and " 4  75 percent" in text
        await pilot.press("b")
        text = screen_text(app)
        assert "✗ Wrong   you answered: 40 percent" in text
        assert "Answer: 60 percent" in text
        assert ratings(store)[-1] == ("q-share", Rating.AGAIN, False, None)
        # Undo, then answer by number.
        await pilot.press("u")
        assert [r[0] for r in ratings(store)] == ["q-vote", "q-chair"]
        await pilot.press("3")
        assert "✓ Right" in screen_text(app)
        assert ratings(store)[-1] == ("q-share", Rating.GOOD, True, None)
        # Undo again, and answer with the mouse: a click on the fourth choice.
        await pilot.press("u")
        line = next(i for i, row in enumerate(screen_text(app).splitlines()) if "75 percent" in row)
        await pilot.click(offset=(10, line))
        assert "✗ Wrong   you answered: 75 percent" in screen_text(app)
        assert ratings(store)[-1] == ("q-share", Rating.AGAIN, False, None)


async def test_true_false_order_and_basic(make_app: MakeApp, store: ProgressStore) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        await type_answer(pilot, "Elin Trask")
        await pilot.press("enter", "c", "enter")
        assert "The harbour will close while the new wall is built." in screen_text(app)
        await pilot.press("f")
        assert "✓ Right   you answered: false" in screen_text(app)
        await pilot.press("enter")
        text = screen_text(app)
        assert " 1  Construction begins" in text and " 2  The council votes" in text
        # Not an ordering of all three items: nothing is recorded, the card stays.
        await pilot.press("1", "2", "enter")
        assert len(store.reviews()) == 4
        assert "Type each number 1-3 once" in screen_text(app)
        await pilot.press("ctrl+u", "2", "1", "3", "enter")
        text = screen_text(app)
        assert "✗ Wrong   you answered: 213" in text
        assert "Answer: The council votes > The council issues a bond > Construction begins" in text
        await pilot.press("enter")
        assert "How many homes will the new wall protect?" in screen_text(app)
        await pilot.press("space")
        assert "Answer: 430" in screen_text(app)
        await pilot.press("1")
        assert ratings(store)[3:] == [
            ("q-open", Rating.GOOD, True, None),
            ("q-steps", Rating.AGAIN, False, "213"),
            ("q-homes", Rating.AGAIN, False, None),
        ]


async def test_undo_takes_back_the_review_and_asks_the_card_again(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "4")
        assert store.card_state("harbour-seawall", "q-vote").state == "review"
        await pilot.press("ctrl+z")  # the short-answer box has focus: ctrl+z still undoes
        assert store.reviews() == []
        assert store.card_state("harbour-seawall", "q-vote").state == "new"
        text = screen_text(app)
        assert "voted [...] to rebuild" in text
        assert "1/7" in text
        await pilot.press("space", "1")
        assert ratings(store) == [("q-vote", Rating.AGAIN, False, None)]


async def test_finish_shows_summary_then_updated_counts(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "4")
        await type_answer(pilot, "nobody")
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Answered    2" in text
        assert "Correct     1 (50%)" in text
        assert "Time spent  0 s" in text
        assert "Next due    in 1 min" in text  # the wrong answer comes back in a minute
        await pilot.press("enter")
        assert isinstance(app.screen, DeckListScreen)
        harbour = next(line for line in screen_text(app).splitlines() if "Harbour" in line)
        assert harbour.split()[-5:] == ["8", "6", "0", "2", "2024-03-14"]


async def test_new_card_limit_and_study_all(make_app: MakeApp, store: ProgressStore) -> None:
    app = make_app(new_per_day=2)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("a")
        assert "1/2" in screen_text(app)
        await pilot.press("space", "4")
        await type_answer(pilot, "Elin Trask")
        # Right but only "Good": its ten-minute learning step comes back at the end.
        await pilot.press("enter")
        assert "2/3" not in screen_text(app)
        assert "Who is the council's chair" in screen_text(app)
        assert "again 1/1" in screen_text(app).splitlines()[0]  # not "3/3": counted apart
        await type_answer(pilot, "Elin Trask")
        await pilot.press("enter")
        assert isinstance(app.screen, SummaryScreen)
        assert [r.question_id for r in store.reviews()] == ["q-vote", "q-chair", "q-chair"]
        await pilot.press("enter", "a")
        # Two new cards were introduced today: the limit is what stops the decks, and it says so.
        assert isinstance(app.screen, MoreNewScreen)
        assert "Study 2 more new cards today?" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, DeckListScreen)
        await pilot.press("a", "y")  # this time, yes: two more new cards
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.session.current[1].id == "q-share"  # type: ignore[index]
        assert app.screen.session.total == 2


async def test_settings_are_changed_in_the_app_and_kept(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#new-per-day", Input).value = "3"
        app.screen.query_one("#retention", Input).value = "0.5"
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsScreen)  # out of range: said, nothing saved
        assert "retention must be" in screen_text(app)
        assert store.get_settings().retention == 0.9
        app.screen.query_one("#retention", Input).value = "0.85"
        await pilot.press("enter")
        assert isinstance(app.screen, DeckListScreen)
        assert (store.get_settings().new_per_day, store.get_settings().retention) == (3, 0.85)
        assert (app.options.new_per_day, app.options.retention) == (3, 0.85)
        await pilot.press("a")
        assert isinstance(app.screen, StudyScreen) and app.screen.session.total == 3


async def test_study_now_opens_on_the_first_card(decks: list[Deck], make_app: MakeApp) -> None:
    lighthouse = [deck for deck in decks if deck.id == "lighthouse-keepers"]
    app = make_app(lighthouse, study_now=True)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StudyScreen)
        assert "What did a keeper trim every evening" in screen_text(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, DeckListScreen)


async def test_help_and_stats(make_app: MakeApp, store: ProgressStore) -> None:
    store.record_review("harbour-seawall", "q-vote", Rating.GOOD, now=NOW)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        text = screen_text(app)
        assert (
            "Keys" in text and "I was right (accept it)" in text and "undo the last answer" in text
        )
        await pilot.press("escape", "s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "2 decks · 11 questions (0 suspended) · 1 reviews in all" in text
        assert "Cards: 10 new · 1 learning · 0 review · 0 relearning" in text
        assert "Reviews a day, last 30 days (1)" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DeckListScreen)


async def test_mouse_picks_a_deck_and_presses_keys_in_the_bar(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        row = next(
            i for i, line in enumerate(screen_text(app).splitlines()) if "lighthouse" in line
        )
        await pilot.click(offset=(5, row))  # the first click highlights the row
        assert isinstance(app.screen, DeckListScreen)
        assert "Article: The last lighthouse keepers (2023-11-02)" in screen_text(app)
        await pilot.click(offset=(5, row))  # a click on the highlighted row studies it
        assert isinstance(app.screen, StudyScreen)
        assert "What did a keeper trim" in screen_text(app)
        bar = screen_text(app).splitlines()[-1]
        await pilot.click(offset=(bar.index("Show answer"), SIZE[1] - 1))
        assert "Answer: The wick" in screen_text(app)
        bar = screen_text(app).splitlines()[-1]
        await pilot.click(offset=(bar.index("Good"), SIZE[1] - 1))
        assert ratings(store) == [("q-lamp", Rating.GOOD, True, None)]


async def test_a_long_deck_title_leaves_the_counts_visible(
    make_app: MakeApp, decks: list[Deck]
) -> None:
    from dataclasses import replace

    long_title = "A very long article title that goes on and on about harbours, seawalls and votes"
    app = make_app([replace(decks[0], title=long_title)])
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space")
        bar = screen_text(app).splitlines()[0]
        assert "✓ 0  ✗ 0" in bar
        assert "A very long article title" in bar and "…" in bar


async def test_the_deck_title_shows_only_once_the_card_is_answered(
    make_app: MakeApp, decks: list[Deck]
) -> None:
    from dataclasses import replace

    # A headline holding the answer of the card asked ("9 to 2").
    app = make_app([replace(decks[0], title="Council votes 9 to 2 for a new seawall")])
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert "9 to 2" not in screen_text(app).splitlines()[0]
        await pilot.press("space")  # revealed: the answer is on screen anyway
        assert "Council votes 9 to 2" in screen_text(app).splitlines()[0]
        await pilot.press("3")  # the next card (short answer) is asked: the title goes again
        assert "Council votes" not in screen_text(app).splitlines()[0]
        await type_answer(pilot, "Trask")
        assert "Council votes" in screen_text(app).splitlines()[0]


async def test_ctrl_z_while_typing_undoes_the_typing_then_the_last_answer(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")  # q-vote rated; q-chair (typed) is asked
        box = app.screen.query_one("#answer-input", Input)
        await pilot.press(*"the chia", "backspace", "backspace", *"air")
        assert box.value == "the chair"
        await pilot.press("ctrl+z")
        assert box.value == "the ch"  # the typing, not the answer before, is undone: a word
        assert [r.question_id for r in store.reviews()] == ["q-vote"]
        await pilot.press("ctrl+z")
        assert box.value == "the chi"  # a deletion is a step of its own
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # "the chia", "the ", "the"
        assert box.value == "the"
        await pilot.press("ctrl+z")
        assert box.value == ""
        await pilot.press("ctrl+z")  # nothing typed to undo: the last answer is taken back
        assert store.reviews() == []
        assert "voted [...] to rebuild" in screen_text(app)


async def test_a_pasted_page_is_cut_to_fit_the_answer_box(make_app: MakeApp) -> None:
    from textual import events

    from quiz.session import MAX_ANSWER_CHARS

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")
        box = app.screen.query_one("#answer-input", Input)
        box.post_message(events.Paste("Elin Trask " + "x" * 1_000_000))
        await pilot.pause()
        assert len(box.value) == MAX_ANSWER_CHARS and box.value.startswith("Elin Trask")


async def test_the_theme_chosen_is_used_at_the_next_start(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert store.get_settings().theme == "nord"
    again = make_app()
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_escape_while_typing_clears_the_answer_and_only_then_finishes(
    make_app: MakeApp, store: ProgressStore
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("space", "3")  # the cloze card; now the short answer
        box = app.screen.query_one("#answer-input", Input)
        await pilot.press(*"Tra")
        assert box.value == "Tra"
        assert "esc Clear" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, StudyScreen)
        assert box.value == ""
        assert box.has_focus
        assert "esc Finish" in screen_text(app)
        await pilot.press(*"Tr", "escape", *"elin trask", "enter")
        assert ratings(store)[-1] == ("q-chair", Rating.GOOD, True, "elin trask")
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
