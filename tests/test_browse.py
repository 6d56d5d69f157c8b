"""The card browser's search: words, phrases and filters over every card."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.browse import CardRow, card_rows, parse_query, search
from quiz.deck_edit import mark_leech
from quiz.decks import find_decks, read_deck
from quiz.errors import QuizError
from quiz.progress import ProgressStore
from quiz.scheduling import Rating

DECKS = Path(__file__).resolve().parent / "data" / "decks"
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


@pytest.fixture
def rows(tmp_path: Path) -> list[CardRow]:
    folder = tmp_path / "decks"
    shutil.copytree(DECKS, folder)
    mark_leech(folder / "harbour.yaml", "q-share")
    decks = [read_deck(path) for path in find_decks(folder)]
    with ProgressStore.in_memory() as store:
        store.record_review("harbour-seawall", "q-vote", Rating.GOOD, now=NOW - timedelta(days=9))
        store.record_review("harbour-seawall", "q-vote", Rating.GOOD, now=NOW - timedelta(days=8))
        store.record_review("harbour-seawall", "q-chair", Rating.AGAIN, now=NOW)
        store.flag("lighthouse-keepers", "q-fog", "unclear", now=NOW)
        states = {deck.id: store.card_states(deck.id) for deck in decks}
        flags = {(f.deck_id, f.question_id): f.reason for f in store.flags()}
    return card_rows(decks, states, flags)


def ids(rows: list[CardRow], text: str) -> list[str]:
    return [row.question.id for row in search(rows, parse_query(text), now=NOW)]


def test_words_phrases_and_fields(rows: list[CardRow]) -> None:
    assert len(ids(rows, "")) == 11
    assert ids(rows, "trask") == ["q-chair"]  # in the answer
    assert ids(rows, "Tuesday seawall") == ["q-vote"]  # in the source sentence
    assert ids(rows, '"regional flood agency"') == ["q-share", "q-cost"]
    assert ids(rows, "agency regional") == ["q-share", "q-cost"]
    assert ids(rows, '"agency regional"') == []
    assert ids(rows, "kind:choice") == ["q-share"]
    assert ids(rows, "deck:lighthouse kind:cloze") == [
        r.question.id
        for r in rows
        if r.deck.id == "lighthouse-keepers" and r.question.kind == "cloze"
    ]
    assert ids(rows, "fact:person") == [r.question.id for r in rows if r.question.fact == "person"]


def test_states(rows: list[CardRow]) -> None:
    assert ids(rows, "is:learning") == ["q-chair"]
    assert ids(rows, "is:review") == ["q-vote"]
    assert ids(rows, "is:suspended") == ["q-share"]
    assert ids(rows, "is:leech") == ["q-share"]
    assert ids(rows, "tag:leech") == ["q-share"]
    assert ids(rows, "is:flagged") == ["q-fog"]
    assert ids(rows, "is:due") == ["q-vote"]  # q-chair's next step is a minute away
    assert len(ids(rows, "is:new")) == 11 - 2


def test_due_within_days(rows: list[CardRow]) -> None:
    assert ids(rows, "due:0") == ["q-vote", "q-chair"]
    assert ids(rows, "due:60") == ["q-vote", "q-chair"]
    assert ids(rows, "due:0 is:learning") == ["q-chair"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown filter colour:"),
        ("is:lost", "is:lost?"),
        ("due:soon", "due: takes"),
        ('"open', "quote"),
    ],
)
def test_bad_queries_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(QuizError, match=message):
        parse_query(query)
