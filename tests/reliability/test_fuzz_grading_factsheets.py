"""Answer grading and fact sheets against anything a learner or an author can type.

Grading never fails, grades the answer itself right and an empty answer wrong, and gives one line
of feedback. A fact sheet loads or raises one QuizError line naming the file, like a deck.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.generate.factsheet import read_fact_sheet
from quiz.grading import grade_order, grade_typed, parse_order
from quiz.model import FACT_TYPES, Article, Question
from quiz.scheduling import Rating

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DUMPER: Any = getattr(yaml, "CDumper", yaml.Dumper)

ANSWER_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
).filter(lambda text: text.strip())
TYPED = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", " ", "0", "1,000", "1.000", "one", "the", "ORF", "15 August 1947"]),
    st.text(alphabet="0123456789 ,.-", max_size=30),
    st.just("9" * 5000),
    st.just("word " * 3000),
)


@st.composite
def questions(draw: st.DrawFn) -> Question:
    answer = draw(
        ANSWER_TEXT
        | st.sampled_from(["1947", "2,500", "Harsh V. Pant", "ORF", "15 August 1947", "4.5%"])
    )
    return Question(
        id="q",
        kind=draw(st.sampled_from(["short", "basic", "cloze"])),
        prompt="What?",
        answer=answer,
        accept=tuple(draw(st.lists(ANSWER_TEXT, max_size=3))),
        fact=draw(st.sampled_from(("", *FACT_TYPES))),
    )


@settings(FUZZ, max_examples=900)
@given(questions(), TYPED)
def test_grading_any_typed_answer(tally: Any, question: Question, typed: str) -> None:
    grade = tally.call("answer grading", grade_typed, question, typed)
    assert not isinstance(grade, QuizError)
    assert isinstance(grade.correct, bool)
    assert grade.rating in Rating
    if not any("\n" in answer for answer in question.answers):  # see the test below
        assert "\n" not in grade.feedback
    if not typed.strip():
        assert not grade.correct
    if grade.correct:
        assert grade.matched is not None


def test_feedback_is_one_line_for_a_multi_line_answer(tally: Any) -> None:
    question = Question(id="q", kind="short", prompt="What?", answer="Dover\nharbour\n")
    grade = tally.call("answer grading", grade_typed, question, "Calais")
    assert not isinstance(grade, QuizError)
    assert "\n" not in grade.feedback


@settings(FUZZ, max_examples=300)
@given(questions())
def test_each_right_answer_is_graded_right(tally: Any, question: Question) -> None:
    for answer in question.answers:
        grade = tally.call("answer grading", grade_typed, question, answer)
        assert not isinstance(grade, QuizError)
        assert grade.correct, (question.answers, answer, grade.feedback)


@settings(FUZZ, max_examples=500)
@given(
    st.lists(ANSWER_TEXT, min_size=2, max_size=6, unique=True),
    st.text(max_size=30) | st.text(alphabet="0123456789 ,>-", max_size=20),
)
def test_ordering_any_typed_answer(tally: Any, items: list[str], typed: str) -> None:
    question = Question(
        id="o", kind="order", prompt="Order", answer=tuple(items), choices=tuple(reversed(items))
    )
    tally.tried("answer grading")
    parsed = parse_order(typed, len(items))
    assert parsed is None or sorted(parsed) == list(range(1, len(items) + 1))  # 1-based, as shown
    grade = tally.call("answer grading", grade_order, question, typed)
    assert not isinstance(grade, QuizError)
    assert grade is None or isinstance(grade.correct, bool)
    right = "".join(str(question.choices.index(item) + 1) for item in items)
    right_grade = tally.call("answer grading", grade_order, question, right)
    assert right_grade is not None and not isinstance(right_grade, QuizError)
    assert right_grade.correct


# ------------------------------------------------------------------------------ fact sheets

SHEET: dict[str, Any] = {
    "title": "Russia and the Taliban",
    "published": "2025-07-28",
    "authors": ["Ann Author"],
    "url": "https://example.org/a",
    "facts": [
        {"when": 1997, "what": "Moscow wound down its embassy in Kabul"},
        {"term": "ORF", "means": "Observer Research Foundation"},
        {"person": "Harsh V. Pant", "role": "Vice President of the Observer Research Foundation"},
        {"number": "2,500", "what": "About 2,500 militants trained in the camps"},
        {"place": "Kabul", "what": "The Russian embassy in Kabul stayed open"},
        {"quote": "an objective reality", "who": "Moscow"},
    ],
}


def field_paths(node: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    if isinstance(node, dict | list):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            found.append((*prefix, key))
            found.extend(field_paths(value, (*prefix, key)))
    return found


PATHS = field_paths(SHEET)
WRONG = [None, True, 0, -3, 1e308, "", " ", [], ["x", {"y": 1}], {}, {"a": [1]}, "x" * 5000]


def load_sheet(tally: Any, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = tally.call("fact sheet loader", read_fact_sheet, path)
    if isinstance(result, QuizError):
        assert "\n" not in str(result)
        assert str(result).startswith(str(path))
    else:
        article, facts = result
        assert isinstance(article, Article)
        assert all(isinstance(paragraph, str) for paragraph in article.paragraphs)
        assert all(article.paragraphs)
        assert all(fact.type in FACT_TYPES for fact in facts)


def test_the_base_sheet_loads(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "sheet.yaml"
    path.write_text(yaml.safe_dump(SHEET), encoding="utf-8")
    article, facts = read_fact_sheet(path)
    tally.tried("fact sheet loader")
    assert len(facts) >= len(SHEET["facts"])


@pytest.mark.parametrize("value", WRONG, ids=[repr(v)[:12] for v in WRONG])
def test_every_field_with_every_wrong_type(tally: Any, tmp_path: Path, value: Any) -> None:
    path = tmp_path / "sheet.yaml"
    for where in PATHS:
        document = copy.deepcopy(SHEET)
        node: Any = document
        for step in where[:-1]:
            node = node[step]
        node[where[-1]] = value
        load_sheet(tally, path, yaml.dump(document, Dumper=DUMPER, allow_unicode=True))


SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates()
KEYS = st.sampled_from(
    ["title", "facts", "published", "authors", "url", "when", "what", "term", "means", "person"]
    + ["role", "number", "place", "quote", "who", "organisation", "event"]
) | st.text(max_size=6)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=30,
)


@settings(FUZZ, max_examples=300)
@given(DOCUMENTS)
def test_random_fact_sheets(
    tally: Any, tmp_path_factory: pytest.TempPathFactory, document: Any
) -> None:
    path = tmp_path_factory.getbasetemp() / "random-sheet.yaml"
    load_sheet(tally, path, yaml.dump(document, Dumper=DUMPER, allow_unicode=True))


@settings(FUZZ, max_examples=300)
@given(st.binary(max_size=800))
def test_random_bytes_as_a_fact_sheet(
    tally: Any, tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / "random-bytes-sheet.yaml"
    path.write_bytes(data)
    result = tally.call("fact sheet loader", read_fact_sheet, path)
    if isinstance(result, QuizError):
        assert "\n" not in str(result)


def alias_bomb(levels: int) -> str:
    lines = ["l0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + f"\ntitle: *a{levels}\nfacts: *a{levels}\n"


def python_calls(function: Any, *args: Any) -> int:
    """How many Python and C functions `function` calls: work, counted without a clock."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        function(*args)
    except QuizError:
        pass
    finally:
        sys.setprofile(None)
    return calls


def test_a_fact_sheet_alias_bomb_costs_what_the_file_costs(tally: Any, tmp_path: Path) -> None:
    """One more line of bomb multiplies the references by 9; the work must grow by a line's worth."""
    work = []
    for levels in (3, 4):
        path = tmp_path / f"bomb-{levels}.yaml"
        path.write_text(alias_bomb(levels), encoding="utf-8")
        tally.tried("fact sheet loader")
        work.append(python_calls(read_fact_sheet, path))
    assert work[1] < 2 * work[0], work


@pytest.mark.parametrize(
    "text",
    [
        "facts: " + "[" * 30_000 + "]" * 30_000,
        "title: !!python/object/apply:os.system ['true']\nfacts: []\n",
        "facts:\n- &x {when: 1997, what: Moscow left in 1997}\n- *x\n- *x\n",
    ],
    ids=["deep", "python-tag", "small-aliases"],
)
def test_hostile_yaml_in_a_fact_sheet(tally: Any, tmp_path: Path, text: str) -> None:
    load_sheet(tally, tmp_path / "sheet.yaml", text)
