"""Session.drop and Session.replace_question: a suspended card leaves the sitting, an edited one
shows as edited, in the queue and in the learning cards added at the end."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.decks import read_deck
from quiz.progress import ProgressStore
from quiz.scheduling import CardPhase, CardState, Rating, review, short_interval
from quiz.session import Session
from quiz.study import build_queue

DECK = Path(__file__).resolve().parent / "data" / "decks" / "lighthouse.yaml"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_drop_the_current_card_shows_the_next(tmp_path: Path) -> None:
    deck = read_deck(DECK)
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        cards = build_queue([(deck, {})], now=NOW, new_limit=20)
        session = Session(cards, store=store, clock=lambda: NOW)
        first, second = cards[0], cards[1]
        session.drop(deck.id, first[1].id)
        assert session.current == second
        assert session.first_pass == len(deck.questions) - 1
        assert session.phase == "ask"


def test_dropped_and_edited_cards_in_the_top_up(tmp_path: Path) -> None:
    deck = read_deck(DECK)
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        cards = build_queue([(deck, {})], now=NOW, new_limit=2)
        session = Session(cards, store=store, clock=lambda: NOW, decks=[deck])
        (_, one), (_, two) = cards
        session.reveal()
        session.rate(Rating.AGAIN)  # due again in a minute: it would come back at the end
        session.drop(deck.id, one.id)  # suspended meanwhile
        edited = replace(two, prompt="Edited?")
        session.replace_question(deck.id, edited)
        assert session.current == (deck, edited)
        session.reveal()
        session.rate(Rating.AGAIN)
        # The queue ran out: the learning cards due soon are added, without the suspended one.
        assert session.current == (deck, edited)
        assert session.total == 3


def test_short_interval() -> None:
    assert [
        short_interval(timedelta(seconds=s))
        for s in (30, 60, 600, 5400, 86400 * 3.4, 86400 * 45, 86400 * 400)
    ] == ["<1m", "1m", "10m", "2h", "3d", "1.5mo", "1.1y"]


def test_intervals_preview_each_rating_and_write_nothing(tmp_path: Path) -> None:
    deck = read_deck(DECK)
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        cards = build_queue([(deck, {})], now=NOW, new_limit=20)
        session = Session(cards, store=store, clock=lambda: NOW)
        assert session.intervals() == {}  # asked, not revealed
        session.reveal()
        intervals = session.intervals()
        assert store.reviews() == []
        first = cards[0][1]
        for rating, span in intervals.items():
            due = review(CardState(deck.id, first.id), rating, now=NOW).due
            assert due is not None and span == due - NOW
        assert intervals[Rating.AGAIN] < intervals[Rating.GOOD] < intervals[Rating.EASY]


def test_left_counts_by_phase(tmp_path: Path) -> None:
    deck = read_deck(DECK)
    ids = [q.id for q in deck.questions]
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        cards = build_queue([(deck, {})], now=NOW, new_limit=20)
        phases: dict[tuple[str, str], CardPhase] = {(deck.id, ids[1]): "review"}
        session = Session(cards, store=store, clock=lambda: NOW, phases=phases)
        assert session.left() == (len(ids) - 1, 0, 1)
        session.reveal()
        session.rate(Rating.AGAIN)  # the first card now learning, but no longer in the queue
        assert session.left() == (len(ids) - 2, 0, 1)
