from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from quiz.model import Deck, Question, QuestionKind, SourceRef
from quiz.scheduling import CardState, Rating, new_state, review
from quiz.study import DeckCounts, build_queue, deck_counts, next_due, practice_test

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def question(qid: str, kind: QuestionKind = "short", suspended: bool = False) -> Question:
    return Question(id=qid, kind=kind, prompt=f"{qid}?", answer="x", suspended=suspended)


def seen(deck: Deck, qid: str, due: datetime, phase: str = "review") -> CardState:
    state = review(new_state(deck.id, qid), Rating.EASY, now=due - timedelta(days=8))
    return replace(state, due=due, state=phase)  # type: ignore[arg-type]


DECK = Deck(
    id="deck",
    title="Deck",
    questions=(
        question("a"),
        question("b"),
        question("c"),
        question("d", suspended=True),
        question("e"),
        question("f"),
    ),
)


def ids(queue: list[tuple[Deck, Question]]) -> list[str]:
    return [f"{deck.id}/{q.id}" for deck, q in queue]


def test_deck_counts() -> None:
    states = {
        "a": seen(DECK, "a", NOW - timedelta(days=1)),
        "b": seen(DECK, "b", NOW),
        "c": seen(DECK, "c", NOW + timedelta(seconds=1)),
        "d": seen(DECK, "d", NOW - timedelta(days=5)),  # suspended: not counted
        "gone": seen(DECK, "gone", NOW - timedelta(days=5)),  # no longer in the deck
    }
    assert deck_counts(DECK, states, NOW) == DeckCounts(questions=5, new=2, due=2, learned=3)
    assert deck_counts(DECK, {}, NOW) == DeckCounts(questions=5, new=5, due=0, learned=0)


def test_queue_puts_due_cards_first_most_overdue_first_then_new_in_deck_order() -> None:
    states = {
        "c": seen(DECK, "c", NOW - timedelta(hours=1)),
        "e": seen(DECK, "e", NOW - timedelta(days=3)),
        "f": seen(DECK, "f", NOW + timedelta(days=1)),
        "d": seen(DECK, "d", NOW - timedelta(days=9)),
    }
    assert ids(build_queue([(DECK, states)], now=NOW, new_limit=10)) == [
        "deck/e",
        "deck/c",
        "deck/a",
        "deck/b",
    ]
    assert ids(build_queue([(DECK, states)], now=NOW, new_limit=1)) == [
        "deck/e",
        "deck/c",
        "deck/a",
    ]
    assert ids(build_queue([(DECK, states)], now=NOW, new_limit=0)) == ["deck/e", "deck/c"]
    assert ids(build_queue([(DECK, states)], now=NOW, new_limit=-3)) == ["deck/e", "deck/c"]


def test_queue_over_several_decks_and_learn_ahead() -> None:
    other = Deck(id="other", title="Other", questions=(question("a"), question("z")))
    states_deck = {"a": seen(DECK, "a", NOW - timedelta(days=1))}
    states_other = {
        "a": seen(other, "a", NOW - timedelta(days=2)),
        "z": seen(other, "z", NOW + timedelta(minutes=5), "learning"),
    }
    pairs = [(DECK, states_deck), (other, states_other)]
    assert ids(build_queue(pairs, now=NOW, new_limit=3)) == [
        "other/a",
        "deck/a",
        "deck/b",
        "deck/c",
        "deck/e",
    ]
    ahead = build_queue(pairs, now=NOW, new_limit=0, learn_ahead=timedelta(minutes=10))
    assert ids(ahead) == ["other/a", "deck/a", "other/z"]


def test_queue_of_decks_never_reviewed_takes_new_cards_up_to_the_limit() -> None:
    first = Deck(
        id="first", title="First", questions=(question("s", suspended=True), question("t"))
    )
    reviewed = {"a": seen(DECK, "a", NOW - timedelta(days=1))}
    pairs = [(first, {}), (DECK, reviewed), (first, {})]
    assert ids(build_queue(pairs, now=NOW, new_limit=3)) == [
        "deck/a",
        "first/t",
        "deck/b",
        "deck/c",
    ]
    assert ids(build_queue([(DECK, {})], now=NOW, new_limit=4)) == [
        "deck/a",
        "deck/b",
        "deck/c",
        "deck/e",
    ]
    assert ids(build_queue([(DECK, {})], now=NOW, new_limit=10)) == [
        "deck/a",
        "deck/b",
        "deck/c",
        "deck/e",
        "deck/f",
    ]
    assert build_queue([(DECK, {}), (first, {})], now=NOW, new_limit=0) == []


def test_queue_keeps_deck_order_among_cards_due_at_the_same_time() -> None:
    states = {qid: seen(DECK, qid, NOW - timedelta(hours=1)) for qid in ("f", "a", "c")}
    assert ids(build_queue([(DECK, states)], now=NOW, new_limit=0)) == [
        "deck/a",
        "deck/c",
        "deck/f",
    ]


def test_next_due() -> None:
    states = {
        "a": seen(DECK, "a", NOW + timedelta(days=2)),
        "b": seen(DECK, "b", NOW + timedelta(hours=3)),
        "d": seen(DECK, "d", NOW + timedelta(hours=1)),  # suspended
    }
    assert next_due([(DECK, states)]) == NOW + timedelta(hours=3)
    assert next_due([(DECK, {})]) is None


MIXED = Deck(
    id="mixed",
    title="Mixed",
    questions=tuple(question(f"cloze{i}", "cloze") for i in range(30))
    + tuple(question(f"choice{i}", "choice") for i in range(3))
    + tuple(question(f"tf{i}", "truefalse") for i in range(3))
    + (question("hidden", "order", suspended=True),),
)


def test_practice_test_is_seeded_and_mixes_kinds() -> None:
    first = practice_test([MIXED], count=9, seed=7)
    assert first == practice_test([MIXED], count=9, seed=7)
    assert ids(first) != ids(practice_test([MIXED], count=9, seed=8))
    assert len(first) == 9
    assert len({q.id for _d, q in first}) == 9
    assert Counter(q.kind for _d, q in first) == {"cloze": 3, "choice": 3, "truefalse": 3}


def test_practice_test_takes_everything_when_asked_for_more() -> None:
    test = practice_test([MIXED, DECK], count=100, seed=1)
    assert len(test) == 36 + 5
    assert all(not q.suspended for _d, q in test)
    assert practice_test([MIXED], count=0, seed=1) == []
    assert practice_test([], count=5, seed=1) == []


def sentence_question(qid: str, sentence: str) -> Question:
    return Question(
        id=qid, kind="short", prompt=f"{qid}?", answer="x", source=SourceRef(sentence=sentence)
    )


SIBLINGS = Deck(
    id="sib",
    title="Siblings",
    questions=(
        sentence_question("a1", "Sentence A."),
        sentence_question("a2", "Sentence A."),
        sentence_question("b1", "Sentence B."),
        sentence_question("n1", ""),
        sentence_question("n2", ""),
        sentence_question("c1", "Sentence C."),
        sentence_question("b2", "Sentence B."),
    ),
)


def test_new_questions_from_one_sentence_wait_for_another_day() -> None:
    queue = build_queue([(SIBLINGS, {})], now=NOW, new_limit=10)
    # Questions without a source sentence are never siblings.
    assert ids(queue) == ["sib/a1", "sib/b1", "sib/n1", "sib/n2", "sib/c1"]
    # The limit counts the cards taken, so a held-back sibling leaves room for the next one.
    assert ids(build_queue([(SIBLINGS, {})], now=NOW, new_limit=3)) == [
        "sib/a1",
        "sib/b1",
        "sib/n1",
    ]


def test_a_sentence_due_or_reviewed_today_holds_back_its_new_siblings() -> None:
    reviewed = review(new_state("sib", "b1"), Rating.GOOD, now=NOW - timedelta(minutes=5))
    assert reviewed.due is not None and reviewed.due > NOW  # not due again today
    states = {
        "a2": seen(SIBLINGS, "a2", NOW - timedelta(days=1)),  # due now
        "b1": reviewed,
    }
    day_start = NOW.replace(hour=0)
    queue = build_queue([(SIBLINGS, states)], now=NOW, new_limit=10, day_start=day_start)
    assert ids(queue) == ["sib/a2", "sib/n1", "sib/n2", "sib/c1"]
    # Reviewed before the day began: its siblings are welcome again.
    queue = build_queue(
        [(SIBLINGS, states)], now=NOW, new_limit=10, day_start=NOW - timedelta(minutes=1)
    )
    assert ids(queue) == ["sib/a2", "sib/n1", "sib/n2", "sib/c1", "sib/b2"]
    # Without a day start only the queue itself counts.
    assert ids(build_queue([(SIBLINGS, states)], now=NOW, new_limit=10)) == ids(queue)
