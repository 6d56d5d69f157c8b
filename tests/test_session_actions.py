"""Session.drop and Session.replace_question: a suspended card leaves the sitting, an edited one
shows as edited, in the queue and in the learning cards added at the end."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from quiz.decks import read_deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
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
