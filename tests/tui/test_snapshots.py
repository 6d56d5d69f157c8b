"""Screenshots of the main screens at 80x24, compared with the SVGs in __snapshots__/.

After a deliberate change: `pytest tests/tui/test_snapshots.py --snapshot-update`, then look at
the new SVGs (or snapshot_report.html on failure) before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.pilot import Pilot

from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.study import practice_test
from quiz.tui import QuizApp, build_app

from .conftest import NOW, SIZE

MakeApp = Callable[..., QuizApp]
SnapCompare = Callable[..., bool]

TO_SHORT = ["enter", "space", "3"]
"""From the deck list to the harbour deck's second card (short answer)."""
TO_CHOICE = [*TO_SHORT, "T", "r", "a", "s", "k", "enter", "enter"]
"""On to the third card (multiple choice), answering the second one right."""


async def wait_for_workers(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_deck_list(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_cloze_card(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=["enter"], terminal_size=SIZE)


def test_cloze_revealed(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=["enter", "space"], terminal_size=SIZE)


def test_short_answer_card(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=[*TO_SHORT, "T", "r"], terminal_size=SIZE)


def test_short_answer_wrong_feedback(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    press = [*TO_SHORT, "M", "a", "r", "a", "enter"]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE)


def test_choice_card(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=TO_CHOICE, terminal_size=SIZE)


def test_choice_feedback(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=[*TO_CHOICE, "b"], terminal_size=SIZE)


def test_order_card(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    press = [*TO_CHOICE, "c", "enter", "f", "enter", "2", "3"]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE)


def test_summary(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    press = [*TO_CHOICE, "c", "escape"]
    assert snap_compare(make_app(), press=press, terminal_size=SIZE)


def test_stats(snap_compare: SnapCompare, make_app: MakeApp, store: ProgressStore) -> None:
    # A week of history: a few reviews a day, one of them forgotten.
    for days_ago, question_id, rating in [
        (6, "q-vote", Rating.GOOD),
        (6, "q-chair", Rating.GOOD),
        (5, "q-share", Rating.EASY),
        (3, "q-vote", Rating.GOOD),
        (2, "q-chair", Rating.AGAIN),
        (1, "q-homes", Rating.GOOD),
        (0, "q-vote", Rating.GOOD),
    ]:
        when = NOW - timedelta(days=days_ago)
        store.record_review("harbour-seawall", question_id, rating, now=when)
    assert snap_compare(make_app(), press=["s"], run_before=wait_for_workers, terminal_size=SIZE)


def test_help(snap_compare: SnapCompare, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), press=["f1"], terminal_size=SIZE)


def test_practice_test_score(snap_compare: SnapCompare, decks: list[Deck]) -> None:
    lighthouse = [deck for deck in decks if deck.id == "lighthouse-keepers"]
    cards = practice_test(lighthouse, count=3, seed=3)
    app = build_app(lighthouse, None, clock=lambda: NOW, practice=cards)
    press: list[str] = []
    for _deck, question in cards:
        press += ["t"] if question.kind == "truefalse" else ["1", "9", "9", "8", "enter"]
        press += ["enter"]
    assert snap_compare(app, press=press, terminal_size=SIZE)
