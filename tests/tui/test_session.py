"""The study session without the screen: answers, undo, "I was right" and learning cards."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.study import build_queue
from quiz.tui.session import Session

from .conftest import NOW


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def lighthouse(decks: list[Deck]) -> Deck:
    return next(deck for deck in decks if deck.id == "lighthouse-keepers")


def test_answers_are_committed_timed_and_undone_in_order(
    decks: list[Deck], store: ProgressStore
) -> None:
    deck = lighthouse(decks)
    clock = Clock()
    cards = build_queue([(deck, {})], now=NOW, new_limit=20)
    session = Session(cards, store=store, clock=clock, decks=[deck])
    clock.now += timedelta(seconds=12)
    first = session.answer(Rating.GOOD, correct=True, typed=False)
    assert first.seconds == 12
    assert [r.question_id for r in store.reviews()] == ["q-lamp"]
    session.advance()
    clock.now += timedelta(seconds=5)
    session.answer(Rating.AGAIN, correct=False, given="1989", typed=True)
    assert [(r.question_id, r.typed, r.seconds) for r in store.reviews()] == [
        ("q-lamp", None, 12.0),
        ("q-year", "1989", 5.0),
    ]
    # Undo while the feedback of q-year shows: q-year stays current.
    assert session.undo(answered_current=True) is not None
    assert session.current is not None and session.current[1].id == "q-year"
    # Undo again, with q-year showing unanswered: back to q-lamp.
    session.undo(answered_current=False)
    assert session.current is not None and session.current[1].id == "q-lamp"
    assert store.reviews() == []
    assert store.card_states(deck.id) == {}
    assert session.undo(answered_current=False) is None


def test_i_was_right_replaces_the_review_and_accepts_the_answer(
    decks: list[Deck], store: ProgressStore
) -> None:
    deck = lighthouse(decks)
    session = Session(build_queue([(deck, {})], now=NOW, new_limit=1), store=store, clock=Clock())
    wrong = session.answer(Rating.AGAIN, correct=False, given="the lamp wick", typed=True)
    fixed = session.override(wrong)
    assert fixed.correct and fixed.rating is Rating.GOOD
    assert [(r.rating, r.correct, r.typed) for r in store.reviews()] == [
        (Rating.GOOD, True, "the lamp wick")
    ]
    assert store.accepted(deck.id) == {"q-lamp": ("the lamp wick",)}
    assert session.summary().correct == 1


def test_learning_cards_come_back_at_the_end(decks: list[Deck], store: ProgressStore) -> None:
    deck = lighthouse(decks)
    clock = Clock()
    session = Session(
        build_queue([(deck, {})], now=NOW, new_limit=2), store=store, clock=clock, decks=[deck]
    )
    session.answer(Rating.AGAIN, correct=False, typed=False)  # due again in a minute
    session.advance()
    session.answer(Rating.EASY, correct=True, typed=False)  # due in days
    session.advance()
    assert session.current is not None and session.current[1].id == "q-lamp"
    assert session.total == 3
    session.answer(Rating.EASY, correct=True, typed=False)
    session.advance()
    assert session.current is None
    summary = session.summary()
    assert (summary.answered, summary.correct) == (3, 2)
    assert summary.next_due == NOW + timedelta(days=1)  # q-lamp, after Again then Easy


def test_practice_session_writes_nothing(decks: list[Deck], store: ProgressStore) -> None:
    deck = lighthouse(decks)
    session = Session([(deck, q) for q in deck.questions], store=None, clock=Clock())
    answer = session.answer(Rating.AGAIN, correct=False, given="oil", typed=True)
    assert answer.record is None
    session.override(answer)
    session.advance()
    assert session.practice and session.summary().correct == 1
    assert session.summary().next_due is None
    assert store.reviews() == [] and store.accepted(deck.id) == {}
