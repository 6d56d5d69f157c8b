"""Session.drop and Session.replace_question: a suspended card leaves the sitting, an edited one
shows as edited, in the queue and in the learning cards added at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest

from quiz.decks import read_deck
from quiz.model import Deck, Question
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


HARBOUR = DECK.parent / "harbour.yaml"


def _harbour_copy(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.yaml"
    path.write_bytes(HARBOUR.read_bytes())
    return path


class LeechProne(NamedTuple):
    path: Path
    deck: Deck
    card: Question
    store: ProgressStore
    session: Session


@contextmanager
def _leech_prone(tmp_path: Path, card_id: str) -> Iterator[LeechProne]:
    """A copy of the harbour deck whose card `card_id` becomes a leech at its first lapse, and
    a session with card actions asking it (reviewed well 40 days ago, due now)."""
    from quiz.card_actions import CardActions

    path = _harbour_copy(tmp_path)
    deck = read_deck(path)
    card = next(q for q in deck.questions if q.id == card_id)
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        store.record_review(deck.id, card.id, Rating.EASY, now=NOW - timedelta(days=40))
        actions = CardActions(store, {deck.id: path}, leech_lapses=1)
        session = Session([(deck, card)], store=store, clock=lambda: NOW, actions=actions)
        yield LeechProne(path, deck, card, store, session)


def test_any_session_with_card_actions_writes_a_leech(tmp_path: Path) -> None:
    """Not the study screen: the session itself marks the leech, whoever drives it."""
    with _leech_prone(tmp_path, "q-vote") as leech:
        path, vote, session = leech.path, leech.card, leech.session
        session.reveal()
        answer = session.rate(Rating.AGAIN)
        assert answer.leech is not None and answer.leech.suspended
        assert session.current is None  # due again in minutes, but suspended: not topped up
        written = next(q for q in read_deck(path).questions if q.id == vote.id)
        assert written.suspended and "leech" in written.tags


def test_undoing_the_answer_that_made_a_leech_restores_the_card(tmp_path: Path) -> None:
    with _leech_prone(tmp_path, "q-vote") as leech:
        path, deck, vote, store, session = leech
        before = HARBOUR.read_bytes()
        session.reveal()
        session.rate(Rating.AGAIN)
        assert path.read_bytes() != before
        session.undo()
        assert path.read_bytes() == before
        assert session.current == (deck, vote) and session.phase == "ask"
        assert store.card_state(deck.id, vote.id).lapses == 0
        session.reveal()
        session.rate(Rating.GOOD)  # asked again after the undo, not left out as suspended
        assert len(store.reviews()) == 2


def test_i_was_right_over_a_leech_lapse_restores_the_card(tmp_path: Path) -> None:
    with _leech_prone(tmp_path, "q-chair") as leech:
        path, session = leech.path, leech.session
        before = HARBOUR.read_bytes()
        answer = session.submit("Mara Quinlan")
        assert answer is not None and not isinstance(answer, str)
        assert session.last is not None and session.last.leech is not None
        fixed = session.i_was_right()
        assert fixed.leech is None
        assert path.read_bytes() == before


def test_a_choice_card_asked_again_shows_its_options_in_a_new_order(tmp_path: Path) -> None:
    deck = read_deck(HARBOUR)
    share = next(q for q in deck.questions if q.id == "q-share")
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        for _ in range(12):  # whatever the random order: never the one just answered
            session = Session([(deck, share)], store=store, clock=lambda: NOW, decks=[deck])
            assert session.current == (deck, share)  # never answered: the deck's order
            shown = share.choices
            session.choose(shown.index("40 percent"))  # wrong: relearning in a minute
            session.next()
            again = session.current
            assert again is not None
            assert again[1].id == "q-share"
            assert again[1].choices != shown
            assert sorted(again[1].choices) == sorted(shown)
            right = again[1].choices.index("60 percent")
            assert session.choose(right).correct
            store.undo(session.last.record)  # type: ignore[union-attr,arg-type]
            store.undo(session.answers[0].record)  # type: ignore[arg-type]


def test_a_choice_card_seen_before_starts_in_a_new_order(tmp_path: Path) -> None:
    deck = read_deck(HARBOUR)
    share = next(q for q in deck.questions if q.id == "q-share")
    with ProgressStore.open(tmp_path / "p.sqlite3") as store:
        phases: dict[tuple[str, str], CardPhase] = {(deck.id, share.id): "relearning"}
        session = Session([(deck, share)], store=store, clock=lambda: NOW, phases=phases)
        assert session.current is not None and session.current[1].choices != share.choices
        new = Session([(deck, share)], store=store, clock=lambda: NOW)
        assert new.current == (deck, share)


def test_an_undo_that_cannot_be_saved_keeps_the_leech(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.errors import QuizError

    with _leech_prone(tmp_path, "q-vote") as leech:
        path, deck, vote, store, session = leech
        session.reveal()
        session.rate(Rating.AGAIN)
        marked = path.read_bytes()

        def locked(*args: object, **kwargs: object) -> None:
            raise QuizError("cannot write progress: database is locked")

        monkeypatch.setattr(store, "undo", locked)
        with pytest.raises(QuizError):
            session.undo()
        assert path.read_bytes() == marked  # the answer stands, and so does its leech
        assert len(session.answers) == 1 and session.current is None
        assert store.card_state(deck.id, vote.id).lapses == 1
