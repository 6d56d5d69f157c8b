"""The rules that keep a user's edits when a deck is generated again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.generate.merge import MergeSummary, merge_edits, summarise_merge, union
from quiz.model import Deck, DeckSource, Question, SourceRef


def generated_question(number: int, **changes: object) -> Question:
    question = Question(
        id=f"q-{number}",
        kind="short",
        prompt=f"What is fact {number}?",
        answer=f"answer {number}",
        accept=(f"alt {number}",),
        fact="number",
        tags=("number",),
        source=SourceRef(sentence=f"Sentence {number}.", paragraph=number),
    )
    return replace(question, **changes)  # type: ignore[arg-type]


def handwritten(prompt: str) -> Question:
    return Question(id=f"h-{prompt[:3]}", kind="basic", prompt=prompt, answer="mine")


def deck(*questions: Question, title: str = "Harbour", source: str = "new.md") -> Deck:
    return Deck(
        id="harbour", title=title, questions=questions, source=DeckSource(title=title, file=source)
    )


GENERATED = deck(*(generated_question(n) for n in (1, 2, 3)))


def ids(result: Deck) -> list[str]:
    return [question.id for question in result.questions]


def test_an_untouched_deck_merges_to_the_generated_one() -> None:
    assert merge_edits(GENERATED, GENERATED) == GENERATED
    assert summarise_merge(GENERATED, GENERATED) == MergeSummary()


# Each case: the field the user changed in the file, its edited value, the value the merged
# question holds, and whether the merge counts it as an edit kept.
EDITS = [
    ("prompt", "What is the first fact?", "What is the first fact?", 1),
    ("answer", "the first answer", "the first answer", 1),
    ("choices", ("a", "b"), ("a", "b"), 1),
    ("tags", ("mine",), ("mine",), 1),
    ("suspended", True, True, 1),
    ("kind", "cloze", "cloze", 1),
    # accept: the user's list first, then the generator's alternatives it lacks
    ("accept", ("one",), ("one", "alt 1"), 1),
    ("accept", ("alt 1", "one"), ("alt 1", "one"), 1),
    # a generated alternative the user removed comes back: accept lists are united
    ("accept", (), ("alt 1",), 0),
    # ... except one the user made the answer
    ("answer", "alt 1", "alt 1", 1),
]


@pytest.mark.parametrize(("field", "edited", "merged_value", "edits_kept"), EDITS)
def test_the_users_edit_of_a_generated_question_wins(
    field: str, edited: object, merged_value: object, edits_kept: int
) -> None:
    existing = deck(generated_question(1, **{field: edited}), *GENERATED.questions[1:])
    merged = merge_edits(GENERATED, existing)
    assert getattr(merged.questions[0], field) == merged_value
    assert merged.questions[0].answer_text not in merged.questions[0].accept
    assert merged.questions[1:] == GENERATED.questions[1:]
    assert summarise_merge(GENERATED, existing).edited == edits_kept


def test_fact_and_source_are_refreshed_from_the_generator() -> None:
    stale = generated_question(1, source=SourceRef(sentence="Old.", paragraph=9), prompt="Mine?")
    merged = merge_edits(GENERATED, deck(stale, *GENERATED.questions[1:], source="old.md"))
    assert merged.questions[0].source == GENERATED.questions[0].source
    assert merged.questions[0].prompt == "Mine?"
    assert merged.source == GENERATED.source


def test_the_deck_keeps_the_users_title() -> None:
    merged = merge_edits(GENERATED, deck(*GENERATED.questions, title="My harbour"))
    assert merged.title == "My harbour"


def test_handwritten_questions_stay_where_they_were() -> None:
    first, second, third = GENERATED.questions
    mine_top, mine_mid = handwritten("Top card?"), handwritten("Middle card?")
    existing = deck(mine_top, first, mine_mid, second, third)
    merged = merge_edits(GENERATED, existing)
    assert ids(merged) == ["h-Top", "q-1", "h-Mid", "q-2", "q-3"]
    assert summarise_merge(GENERATED, existing) == MergeSummary(handwritten=2)


def test_a_question_without_fact_counts_as_handwritten_whatever_its_kind() -> None:
    mine = Question(id="h-x", kind="short", prompt="Mine?", answer="yes")
    merged = merge_edits(GENERATED, deck(*GENERATED.questions, mine))
    assert ids(merged)[-1] == "h-x"


def test_a_deleted_generated_question_comes_back_in_its_place() -> None:
    first, _, third = GENERATED.questions
    existing = deck(first, third)
    merged = merge_edits(GENERATED, existing)
    assert ids(merged) == ["q-1", "q-2", "q-3"]
    assert summarise_merge(GENERATED, existing).restored == 1


def test_a_deleted_first_question_comes_back_first() -> None:
    merged = merge_edits(GENERATED, deck(*GENERATED.questions[1:]))
    assert ids(merged) == ["q-1", "q-2", "q-3"]


def test_a_suspended_question_stays_suspended() -> None:
    existing = deck(
        generated_question(1), generated_question(2, suspended=True), generated_question(3)
    )
    merged = merge_edits(GENERATED, existing)
    assert [question.suspended for question in merged.questions] == [False, True, False]


def test_the_users_order_is_kept() -> None:
    first, second, third = GENERATED.questions
    merged = merge_edits(GENERATED, deck(third, first, second))
    assert ids(merged) == ["q-3", "q-1", "q-2"]


def test_questions_no_longer_generated_are_dropped() -> None:
    existing = deck(*GENERATED.questions, generated_question(4))
    merged = merge_edits(GENERATED, existing)
    assert ids(merged) == ["q-1", "q-2", "q-3"]
    assert summarise_merge(GENERATED, existing).dropped == 1


def test_an_empty_existing_deck_gives_the_generated_questions() -> None:
    assert merge_edits(GENERATED, deck()).questions == GENERATED.questions


def test_merging_twice_changes_nothing_more() -> None:
    existing = deck(handwritten("Top card?"), generated_question(2, prompt="Edited?"))
    once = merge_edits(GENERATED, existing)
    assert merge_edits(GENERATED, once) == once


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((), (), ()),
        (("a",), ("a",), ("a",)),
        (("b", "a"), ("a", "c"), ("b", "a", "c")),
        (("a", "a"), ("b", "b"), ("a", "b")),
    ],
)
def test_union_keeps_order_and_drops_duplicates(
    first: tuple[str, ...], second: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert union(first, second) == expected


@pytest.mark.parametrize(
    ("summary", "text"),
    [
        (MergeSummary(), ""),
        (MergeSummary(edited=2, handwritten=1), "kept 2 edited, kept 1 hand-written"),
        (MergeSummary(restored=1, dropped=3), "1 added, 3 no longer generated, dropped"),
    ],
)
def test_the_summary_reads_as_a_phrase(summary: MergeSummary, text: str) -> None:
    assert summary.describe() == text


@st.composite
def deck_pairs(draw: st.DrawFn) -> tuple[Deck, Deck]:
    """A generated deck, and an existing file made from it by deleting, editing, reordering,
    suspending and adding questions."""
    numbers = draw(st.lists(st.integers(0, 30), unique=True, max_size=12))
    generated = deck(*(generated_question(n) for n in numbers))
    kept = draw(st.lists(st.sampled_from(numbers), unique=True)) if numbers else []
    existing: list[Question] = []
    for n in kept:
        question = generated_question(n)
        if draw(st.booleans()):
            question = replace(question, prompt=draw(st.text(min_size=1, max_size=5)))
        if draw(st.booleans()):
            question = replace(question, suspended=True)
        existing.append(question)
    stale = draw(st.lists(st.integers(31, 40), unique=True, max_size=3))
    existing += [generated_question(n) for n in stale]
    existing += [handwritten(f"{n}?? mine") for n in range(draw(st.integers(0, 3)))]
    order = draw(st.permutations(range(len(existing))))
    return generated, deck(*(existing[i] for i in order))


@given(deck_pairs())
def test_merge_invariants(pair: tuple[Deck, Deck]) -> None:
    generated, existing = pair
    merged = merge_edits(generated, existing)
    merged_ids = ids(merged)
    assert len(merged_ids) == len(set(merged_ids))
    assert set(merged_ids) == set(ids(generated)) | {
        q.id for q in existing.questions if q.kind == "basic"
    }
    by_id = {q.id: q for q in merged.questions}
    for question in existing.questions:
        if question.id in by_id:
            assert by_id[question.id].prompt == question.prompt
            assert by_id[question.id].suspended == question.suspended
    assert merge_edits(generated, merged) == merged


# A smaller --max -------------------------------------------------------------------------------

FULL = deck(*(generated_question(n) for n in range(1, 7)))
"""The generator's deck without --max; GENERATED is its first three, as --max 3 makes it."""


def test_questions_left_out_by_max_are_dropped_unless_edited_or_suspended() -> None:
    existing = deck(
        *FULL.questions[:3],
        generated_question(4, prompt="My own wording?"),  # edited
        generated_question(5, suspended=True),  # suspended
        generated_question(6),  # untouched: --max may drop it
    )
    merged = merge_edits(GENERATED, existing, reference=FULL)
    assert ids(merged) == ["q-1", "q-2", "q-3", "q-4", "q-5"]
    assert merged.questions[3].prompt == "My own wording?"
    assert merged.questions[4].suspended
    assert summarise_merge(GENERATED, existing, reference=FULL) == MergeSummary(
        kept_beyond=2, left_out=1
    )
    # Again with the same limit: nothing more is lost, and nothing changes.
    assert merge_edits(GENERATED, merged, reference=FULL) == merged


def test_a_suspended_question_is_kept_even_when_no_longer_generated() -> None:
    existing = deck(*GENERATED.questions, generated_question(9, suspended=True))
    assert ids(merge_edits(GENERATED, existing)) == ["q-1", "q-2", "q-3", "q-9"]
    assert summarise_merge(GENERATED, existing).kept_beyond == 1


def test_an_edit_beyond_the_limit_takes_the_generators_new_alternatives() -> None:
    fuller = deck(*FULL.questions[:3], generated_question(4, accept=("alt 4", "four")))
    existing = deck(*GENERATED.questions, generated_question(4, answer="my answer"))
    merged = merge_edits(GENERATED, existing, reference=fuller)
    assert merged.questions[-1].answer == "my answer"
    assert merged.questions[-1].accept == ("alt 4", "four")


@given(
    st.lists(st.sampled_from(["edit", "suspend", "keep"]), min_size=3, max_size=6),
    st.integers(min_value=1, max_value=6),
)
def test_no_edit_or_suspension_is_ever_dropped(actions: list[str], limit: int) -> None:
    questions = []
    for number, action in enumerate(actions, start=1):
        question = generated_question(number)
        if action == "edit":
            question = replace(question, prompt=f"Edited {number}?")
        elif action == "suspend":
            question = replace(question, suspended=True)
        questions.append(question)
    full = deck(*(generated_question(n) for n in range(1, len(actions) + 1)))
    capped = deck(*full.questions[:limit])
    merged = merge_edits(capped, deck(*questions), reference=full)
    kept = {q.id: q for q in merged.questions}
    for question, action in zip(questions, actions, strict=True):
        if action != "keep":
            assert kept[question.id].prompt == question.prompt
            assert kept[question.id].suspended == question.suspended
