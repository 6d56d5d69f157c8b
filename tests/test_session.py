"""The study session without any screen: phases, grading by kind, undo, "I was right"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.decks import find_decks, read_deck
from quiz.errors import QuizError
from quiz.model import Deck, Question, SourceRef
from quiz.progress import ProgressStore
from quiz.scheduling import Rating
from quiz.session import MAX_ANSWER_CHARS, Answer, Card, Refused, Session, SessionError
from quiz.study import build_queue

ROOT = Path(__file__).resolve().parent.parent
DECKS_DIR = ROOT / "tests" / "data" / "decks"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def decks() -> dict[str, Deck]:
    return {deck.id: deck for deck in (read_deck(path) for path in find_decks(DECKS_DIR))}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(tmp_path / "progress.sqlite3") as opened:
        yield opened


def phase(session: Session) -> str:
    """The session's phase, read afresh (for the type checker, each call may differ)."""
    return session.phase


def mode(session: Session) -> str:
    """How the current card is answered, read afresh."""
    return session.mode


def current_id(session: Session) -> str | None:
    """The current question's id, read afresh."""
    card = session.current
    return None if card is None else card[1].id


def only(deck: Deck, *ids: str) -> list[Card]:
    by_id = {question.id: question for question in deck.questions}
    return [(deck, by_id[question_id]) for question_id in ids]


def test_flashcards_reveal_rate_and_undo_in_order(
    decks: dict[str, Deck], store: ProgressStore
) -> None:
    deck = decks["lighthouse-keepers"]
    clock = Clock()
    session = Session(build_queue([(deck, {})], now=NOW, new_limit=20), store=store, clock=clock)
    assert (session.phase, session.mode) == ("ask", "reveal")
    clock.now += timedelta(seconds=12)
    session.reveal()
    assert phase(session) == "revealed"
    first = session.rate(Rating.GOOD)
    assert first.seconds == 12 and first.correct
    # Rating a flashcard moves on at once: the next card is asked.
    assert current_id(session) == "q-year"
    assert phase(session) == "ask"
    session.reveal()
    session.rate(Rating.AGAIN)
    assert [r.question_id for r in store.reviews()] == ["q-lamp", "q-year"]
    # Undo steps back over the cards already left.
    assert session.undo() is not None
    assert current_id(session) == "q-year" and phase(session) == "ask"
    session.undo()
    assert current_id(session) == "q-lamp"
    assert store.reviews() == [] and store.card_states(deck.id) == {}
    assert session.undo() is None


def test_grading_by_kind_and_undo_of_the_card_on_screen(
    decks: dict[str, Deck], store: ProgressStore
) -> None:
    deck = decks["harbour-seawall"]
    cards = only(deck, "q-chair", "q-share", "q-open", "q-steps")
    session = Session(cards, store=store, clock=Clock())
    assert mode(session) == "typed"
    assert session.submit("   ") is None and phase(session) == "ask"
    answer = session.submit("Trask")
    assert isinstance(answer, Answer) and answer is session.last
    assert answer.correct and phase(session) == "graded"
    # Undo while its feedback shows: the same card is asked again.
    session.undo()
    assert current_id(session) == "q-chair" and phase(session) == "ask"
    session.submit("Elin Trask")
    session.next()
    assert mode(session) == "choice"
    assert not session.choose(0).correct  # 25 percent
    session.next()
    assert session.true_false(False).correct
    session.next()
    assert mode(session) == "order"
    refused = session.submit("12")
    assert isinstance(refused, Refused) and "1-3" in refused.message
    assert phase(session) == "ask"
    ordered = session.submit("231")
    assert isinstance(ordered, Answer) and ordered.correct
    session.next()
    assert session.current is None and phase(session) == "done"
    assert [(r.question_id, r.correct) for r in store.reviews()] == [
        ("q-chair", True),
        ("q-share", False),
        ("q-open", True),
        ("q-steps", True),
    ]


def test_calls_out_of_phase_are_refused(decks: dict[str, Deck], store: ProgressStore) -> None:
    deck = decks["harbour-seawall"]
    session = Session(only(deck, "q-share"), store=store, clock=Clock())
    with pytest.raises(SessionError):
        session.submit("60 percent")
    with pytest.raises(SessionError):
        session.next()
    with pytest.raises(SessionError):
        session.i_was_right()
    assert store.reviews() == []


def test_i_was_right_is_one_review_and_undo_forgets_the_accepted_answer(
    decks: dict[str, Deck], store: ProgressStore
) -> None:
    deck = decks["harbour-seawall"]
    session = Session(only(deck, "q-chair"), store=store, clock=Clock())
    wrong = session.submit("the infrastructure chair")
    assert wrong is not None and not isinstance(wrong, Refused) and not wrong.correct
    assert session.can_override
    fixed = session.i_was_right()
    assert fixed.correct and fixed.overridden and fixed.rating is Rating.GOOD
    assert [(r.rating, r.correct, r.typed) for r in store.reviews()] == [
        (Rating.GOOD, True, "the infrastructure chair")
    ]
    assert store.accepted(deck.id) == {"q-chair": ("the infrastructure chair",)}
    assert session.summary().correct == 1
    # Undo takes back the review and the accepted answer: the same answer is wrong again.
    session.undo()
    assert store.reviews() == [] and store.accepted(deck.id) == {}
    again = session.submit("the infrastructure chair")
    assert again is not None and not isinstance(again, Refused) and not again.correct


def test_undo_keeps_an_answer_accepted_before(decks: dict[str, Deck], store: ProgressStore) -> None:
    deck = decks["harbour-seawall"]
    store.add_accepted(deck.id, "q-chair", "Elin")
    session = Session(only(deck, "q-chair"), store=store, clock=Clock())
    # Accepted for this question: right at once, so nothing to override.
    answer = session.submit("Elin")
    assert isinstance(answer, Answer) and answer.correct
    assert not session.can_override
    session.undo()
    assert store.accepted(deck.id) == {"q-chair": ("Elin",)}


def test_a_window_holding_the_write_lock_leaves_the_answer_as_it_was(
    decks: dict[str, Deck], tmp_path: Path
) -> None:
    deck = decks["harbour-seawall"]
    path = tmp_path / "progress.sqlite3"
    with ProgressStore.open(path, busy_timeout=0.2) as store:
        session = Session(only(deck, "q-chair"), store=store, clock=Clock())
        session.submit("the infrastructure chair")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # held for longer than the busy timeout
        try:
            with pytest.raises(QuizError, match="locked"):
                session.i_was_right()
            last = session.last
            assert last is not None and not last.correct and session.can_override
            with pytest.raises(QuizError, match="locked"):
                session.undo()
            assert session.last is last and phase(session) == "graded"
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert [(r.rating, r.correct) for r in store.reviews()] == [(Rating.AGAIN, False)]
        assert store.accepted(deck.id) == {}
        # Once the other window is done, the same key works.
        assert session.i_was_right().correct
        assert store.accepted(deck.id) == {"q-chair": ("the infrastructure chair",)}


KILLED = textwrap.dedent(
    """
    import os, sqlite3, sys
    from datetime import UTC, datetime
    from pathlib import Path

    from quiz.decks import read_deck
    from quiz.progress import ProgressStore
    from quiz.session import Session

    path, deck_file, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    statements = 0
    armed = False  # statements are counted from the first answer on

    def tick(_sql):
        global statements
        statements += armed
        if statements == kill_at:
            os._exit(9)  # as a kill: no rollback, no clean-up

    connect = sqlite3.connect
    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(tick)
        return connection
    sqlite3.connect = traced

    deck = read_deck(deck_file)
    question = next(q for q in deck.questions if q.id == "q-chair")
    clock = lambda: datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    with ProgressStore.open(path) as store:
        session = Session([(deck, question)], store=store, clock=clock)
        print("opened", flush=True)
        armed = True
        session.submit("the infrastructure chair")
        print("answered", flush=True)
        session.i_was_right()
        print("overridden", flush=True)
        session.undo()
        print("undone", flush=True)
    """
)


def _state(path: Path) -> str:
    """What the file holds: "none", "wrong" or "right" (with the answer accepted)."""
    with ProgressStore.open(path) as store:
        reviews = [(r.rating, r.correct) for r in store.reviews()]
        accepted = store.accepted("harbour-seawall")
        card = store.card_states("harbour-seawall")
    if not reviews:
        assert accepted == {} and card == {}, "an alias or card state without its review"
        return "none"
    assert len(reviews) == 1, reviews
    assert "q-chair" in card, "a review without its card state"
    if reviews == [(Rating.AGAIN, False)]:
        assert accepted == {}, "a wrong answer with the alias already accepted"
        return "wrong"
    assert reviews == [(Rating.GOOD, True)], reviews
    assert accepted == {"q-chair": ("the infrastructure chair",)}, "right without the alias"
    return "right"


ALLOWED = {
    "": {"none"},
    "opened": {"none", "wrong"},
    "answered": {"wrong", "right"},
    "overridden": {"right", "none"},
    "undone": {"none"},
}
"""The states the file may hold after a kill, by the last step the process reported done."""


def test_a_kill_between_any_two_statements_loses_or_mixes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen: set[tuple[str, str]] = set()
    for kill_at in range(1, 200):
        path = tmp_path / f"progress-{kill_at}.sqlite3"
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                KILLED,
                str(path),
                str(DECKS_DIR / "harbour.yaml"),
                str(kill_at),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        steps = done.stdout.split()
        last = steps[-1] if steps else ""
        if done.returncode == 0:
            assert last == "undone" and _state(path) == "none"
            break
        assert done.returncode == 9, done.stderr
        state = _state(path)
        assert state in ALLOWED[last], (kill_at, last, state)
        seen.add((last, state))
    else:
        pytest.fail("the script never ran to its end")
    # The kills landed inside every step, before and after each commit.
    assert {("opened", "none"), ("answered", "wrong"), ("overridden", "right")} <= seen


def test_learning_cards_come_back_at_the_end(decks: dict[str, Deck], store: ProgressStore) -> None:
    deck = decks["lighthouse-keepers"]
    clock = Clock()
    session = Session(
        build_queue([(deck, {})], now=NOW, new_limit=2), store=store, clock=clock, decks=[deck]
    )
    session.reveal()
    session.rate(Rating.AGAIN)  # due again in a minute
    session.reveal()
    session.rate(Rating.EASY)  # due in days
    assert current_id(session) == "q-lamp"
    assert (session.total, session.first_pass) == (3, 2)
    session.reveal()
    session.rate(Rating.EASY)
    assert session.current is None and phase(session) == "done"
    summary = session.summary()
    assert (summary.answered, summary.correct) == (3, 2)
    assert summary.next_due == NOW + timedelta(days=1)  # q-lamp, after Again then Easy


def test_practice_session_writes_nothing(decks: dict[str, Deck], store: ProgressStore) -> None:
    deck = decks["lighthouse-keepers"]
    session = Session([(deck, q) for q in deck.questions], store=None, clock=Clock())
    assert mode(session) == "typed"  # flashcards are typed in a test
    answer = session.submit("oil")
    assert answer is not None and not isinstance(answer, Refused) and answer.record is None
    session.i_was_right()
    session.next()
    assert session.practice and session.summary().correct == 1
    assert session.summary().next_due is None
    assert store.reviews() == [] and store.accepted(deck.id) == {}


def test_a_pasted_page_is_cut_before_it_is_graded_logged_or_shown(
    decks: dict[str, Deck], store: ProgressStore
) -> None:
    deck = decks["harbour-seawall"]
    session = Session(only(deck, "q-chair"), store=store, clock=Clock())
    answer = session.submit("Elin Trask " + "x" * 1_000_000)
    assert answer is not None and not isinstance(answer, Refused)
    assert len(answer.given) == MAX_ANSWER_CHARS and answer.given.endswith("…")
    (logged,) = store.reviews()
    assert logged.typed == answer.given
    session.i_was_right()
    (accepted,) = store.accepted(deck.id)["q-chair"]
    assert len(accepted) <= MAX_ANSWER_CHARS


def test_an_acronym_the_deck_defines_is_graded_right(store: ProgressStore) -> None:
    # The initials of the four words are not "IS-K"; the deck says what it stands for.
    group = Question(
        "q-group",
        "short",
        "Which group did the envoy name as the common enemy?",
        "Islamic State Khorasan Province",
        fact="organisation",
        source=SourceRef(
            "The envoy named the Islamic State Khorasan Province (IS-K) as the enemy."
        ),
    )
    council = Question(
        "q-council",
        "cloze",
        "The plan was approved by the {{c1::NRC}} in May.",
        "NRC",
        fact="organisation",
        source=SourceRef("The Northern Rail Council (NRC) approved the plan in May."),
    )
    spelled = Question("q-spelled", "short", "What does IS-K stand for?", group.answer_text)
    deck = Deck("envoy", "Envoy", (group, council, spelled))
    session = Session([(deck, group), (deck, council)], store=store, clock=Clock())
    answer = session.submit("IS-K")
    assert isinstance(answer, Answer) and answer.correct
    session.next()
    session = Session([(deck, council)], store=None, clock=Clock())  # typed in a practice test
    answer = session.submit("Northern Rail Council")
    assert isinstance(answer, Answer) and answer.correct
