"""The deck loader against hostile files: every input gives a valid Deck or one QuizError line.

Random bytes, random YAML, every wrong type in every field of a valid deck, alias bombs, deep
nesting, huge scalars, invalid UTF-8 and NUL bytes. A deck that loads is checked field by field,
so a validation rule that is taken out shows up as a wrong type reaching the model.
"""

from __future__ import annotations

import copy
import subprocess
import sys
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz import decks
from quiz.cli import main
from quiz.decks import check_deck, parse_deck, read_deck
from quiz.errors import QuizError
from quiz.model import FACT_TYPES, KINDS, Deck

TARGET = "deck loader"
DUMPER: Any = getattr(yaml, "CDumper", yaml.Dumper)
FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VALID: dict[str, Any] = {
    "format": 1,
    "title": "Harbour works",
    "id": "harbour",
    "source": {
        "title": "The harbour",
        "authors": ["Ann Author"],
        "published": "2025-07-28",
        "url": "https://example.org/harbour",
        "file": "harbour.md",
    },
    "questions": [
        {
            "id": "q-cloze",
            "kind": "cloze",
            "fact": "date",
            "prompt": "The pier opened in {{c1::1901}}.",
            "answer": "1901",
            "accept": ["in 1901"],
            "tags": ["date"],
            "suspended": False,
            "source": {"sentence": "The pier opened in 1901.", "paragraph": 2},
        },
        {"id": "q-short", "kind": "short", "prompt": "Who built it?", "answer": "Ann"},
        {
            "id": "q-choice",
            "kind": "choice",
            "prompt": "Which town?",
            "answer": "Deal",
            "choices": ["Deal", "Dover", "Hythe"],
        },
        {"id": "q-tf", "kind": "truefalse", "prompt": "It is made of iron.", "answer": "true"},
        {
            "id": "q-order",
            "kind": "order",
            "prompt": "Put in order.",
            "answer": ["first", "second", "third"],
            "choices": ["second", "first", "third"],
        },
        {"id": "q-basic", "kind": "basic", "prompt": "Front", "answer": "Back"},
    ],
}


def field_paths(node: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every location in the document below the root."""
    found: list[tuple[str | int, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*prefix, key))
            found.extend(field_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.append((*prefix, index))
            found.extend(field_paths(value, (*prefix, index)))
    return found


PATHS = field_paths(VALID)
WRONG_VALUES: dict[str, Any] = {
    "null": None,
    "true": True,
    "zero": 0,
    "negative": -7,
    "big-int": 10**40,
    "float": 2.5,
    "nan": float("nan"),
    "empty-text": "",
    "blank-text": "   ",
    "date": date(2020, 2, 29),
    "empty-list": [],
    "list": ["a", {"b": 1}],
    "nested-list": [[["deep"]]],
    "empty-mapping": {},
    "mapping": {"prompt": ["x"], "answer": {"y": None}},
    "binary": b"\x00\xff",
    "set": {"a", "b"},
}


def with_value(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(VALID)
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return document


def dump(document: Any) -> str:
    # yaml.dump (not safe_dump) so that sets and bytes become their YAML tags (!!set, !!binary).
    return str(yaml.dump(document, Dumper=DUMPER, allow_unicode=True, sort_keys=False))


def assert_well_typed(deck: Deck) -> None:
    """What the rest of quiz relies on: every field of a loaded deck has its declared type."""
    assert isinstance(deck.id, str)
    assert deck.id
    assert isinstance(deck.title, str)
    source = deck.source
    for text in (source.title, source.published, source.url, source.file):
        assert isinstance(text, str)
    assert all(isinstance(author, str) for author in source.authors)
    assert isinstance(deck.questions, tuple)
    ids = [question.id for question in deck.questions]
    assert len(set(ids)) == len(ids)
    for question in deck.questions:
        assert isinstance(question.id, str)
        assert question.id
        assert question.kind in KINDS
        assert isinstance(question.prompt, str)
        assert question.prompt.strip()
        if question.kind == "order":
            assert isinstance(question.answer, tuple)
            assert len(question.answer) >= 2
            assert all(isinstance(item, str) for item in question.answer)
            assert all(item.strip() for item in question.answer)
            assert sorted(question.choices) == sorted(question.answer)
        else:
            assert isinstance(question.answer, str)
            assert question.answer.strip()
        if question.kind == "choice":
            assert question.answer in question.choices
        if question.kind == "truefalse":
            assert question.answer in ("true", "false")
        for texts in (question.accept, question.choices, question.tags):
            assert isinstance(texts, tuple)
            assert all(isinstance(text, str) for text in texts)
        assert question.fact == "" or question.fact in FACT_TYPES
        assert isinstance(question.suspended, bool)
        assert isinstance(question.source.sentence, str)
        paragraph = question.source.paragraph
        if paragraph is not None:
            assert type(paragraph) is int
            assert paragraph >= 1


def assert_one_line(error: QuizError, path: str) -> None:
    text = str(error)
    assert "\n" not in text and text.strip()
    assert text.startswith(path)


def load(tally: Any, text: str, path: str = "deck.yaml") -> Deck | QuizError:
    result: Deck | QuizError = tally.call(TARGET, parse_deck, text, path=path)
    if isinstance(result, QuizError):
        assert_one_line(result, path)
    else:
        assert_well_typed(result)
    return result


def test_the_base_deck_is_valid(tally: Any) -> None:
    deck = load(tally, dump(VALID))
    assert isinstance(deck, Deck) and len(deck.questions) == 6


@pytest.mark.parametrize("name", sorted(WRONG_VALUES))
def test_every_field_with_every_wrong_type(tally: Any, name: str) -> None:
    """Each field path of a valid deck, set in turn to a value of the wrong type."""
    refused = 0
    for path in PATHS:
        result = load(tally, dump(with_value(path, WRONG_VALUES[name])))
        if isinstance(result, QuizError):
            refused += 1
            # The problem is placed on a line of the file, so the user can find it.
            assert result.line is not None, (path, str(result))
    assert refused > 0


def test_a_wrong_type_is_reported_at_its_own_line(tally: Any) -> None:
    document = with_value(("questions", 2, "choices"), {"a": 1})
    result = load(tally, dump(document))
    assert isinstance(result, QuizError)
    lines = dump(document).splitlines()
    choices_line = next(
        number
        for number, line in enumerate(lines, start=1)
        if line.strip() == "choices:" and number > lines.index("  prompt: Which town?")
    )
    assert result.line in (choices_line, choices_line + 1)


@settings(FUZZ, max_examples=600)
@given(st.binary(max_size=2000))
def test_random_bytes(tally: Any, tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "random-bytes.yaml"
    path.write_bytes(data)
    result = tally.call(TARGET, read_deck, path)
    if isinstance(result, QuizError):
        assert_one_line(result, str(path))
    else:
        assert_well_typed(result)


YAML_ALPHABET = st.sampled_from(
    list("-:[]{},&*!|>'\"#?%@` \n\n\t.~0123456789abcxyzé\x00\x1b\u202e\ufeff")
    + ["title", "questions", "prompt", "answer", "kind", "choices", "order", "cloze", "id"]
    + ["source", "paragraph", "!!binary", "!!set", "!!omap", "!!python/object", "<<", "&a", "*a"]
    + ["{{c1::", "}}", "format", "2025-01-01", "true", "null", ".nan", "0x1F", "1e309"]
)


@settings(FUZZ, max_examples=900)
@given(st.lists(YAML_ALPHABET, max_size=120).map("".join))
def test_random_yaml_text(tally: Any, text: str) -> None:
    load(tally, text)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(list(KINDS) + list(FACT_TYPES) + ["{{c1::x}}", "true"])
)
KEYS = st.sampled_from(list(decks.DECK_KEYS + decks.QUESTION_KEYS + decks.SOURCE_KEYS)) | st.text(
    max_size=8
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(KEYS, children, max_size=6),
    max_leaves=40,
)


@settings(FUZZ, max_examples=400)
@given(DOCUMENTS)
def test_random_yaml_documents(tally: Any, document: Any) -> None:
    load(tally, dump(document))


@settings(FUZZ, max_examples=350)
@given(st.sampled_from(PATHS), DOCUMENTS)
def test_random_values_in_a_valid_deck(tally: Any, path: tuple[str | int, ...], value: Any) -> None:
    load(tally, dump(with_value(path, value)))


def alias_bomb(levels: int, fanout: int = 9) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * fanout)}]"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * fanout)
        lines.append(f"l{level}: &l{level} [{refs}]")
    return "\n".join(lines) + "\n"


BOMB_PLACES = [
    "title: *top\nquestions: []\n",
    "questions: *top\n",
    "questions:\n- prompt: *top\n  answer: *top\n",
    "questions:\n- prompt: p\n  answer: a\n  accept: *top\n  tags: *top\n  choices: *top\n",
    "questions:\n- prompt: p\n  kind: order\n  answer: *top\n",
    "source: *top\nquestions:\n- prompt: p\n  answer: a\n",
    "source:\n  authors: *top\nquestions:\n- prompt: p\n  answer: a\n",
]


@pytest.mark.parametrize("place", BOMB_PLACES)
def test_alias_bombs_are_refused_without_expanding(tally: Any, tmp_path: Path, place: str) -> None:
    """Billion laughs: 9**6 references in 400 bytes. Loading must cost about what the file costs.

    (Six levels keep the test quick should the protection go; real bombs go deeper.)
    """
    bomb = alias_bomb(6).replace("l6: &l6", "top: &top").replace("*l6", "*top")
    document = "bomb:\n" + "".join(f"  {line}\n" for line in bomb.splitlines()) + place
    path = tmp_path / "bomb.yaml"
    path.write_text(document, encoding="utf-8")
    tracemalloc.start()
    try:
        result = load(tally, document)
        for problem in tally.call(TARGET, check_deck, path):
            assert "\n" not in str(problem)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(result, QuizError)
    assert peak < 2**20, f"loading a {len(document)} byte file took {peak:,} bytes"


@pytest.mark.parametrize(
    "text",
    [
        "questions: " + "[" * 50_000 + "]" * 50_000,
        "questions: " + "{a: " * 20_000 + "1" + "}" * 20_000,
        "questions:\n" + "".join(" " * i + "-\n" for i in range(2_000)),
        "title: " + "".join(f"&a{i} [" for i in range(5_000)) + "]" * 5_000,
    ],
    ids=["flow-lists", "flow-mappings", "block-lists", "anchored"],
)
def test_deep_nesting_is_one_error(tally: Any, text: str) -> None:
    result = load(tally, text)
    assert isinstance(result, QuizError)
    assert "nest" in str(result)


def test_a_huge_scalar_loads_whole(tally: Any) -> None:
    prompt = "word " * 1_000_000
    text = f'title: big\nquestions:\n- answer: a\n  prompt: "{prompt}"\n'
    deck = load(tally, text)
    assert isinstance(deck, Deck)
    assert deck.questions[0].prompt == prompt


def test_a_file_over_the_size_cap_is_refused_unread(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:  # sparse: no disk space is used
        stream.truncate(decks.MAX_DECK_BYTES + 1)
    result = tally.call(TARGET, read_deck, path)
    assert isinstance(result, QuizError)
    assert "too large" in str(result)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"title: caf\xe9\nquestions: []\n", 1, "not UTF-8"),
        (b"title: t\nquestions:\n- prompt: \xff\xfe\n  answer: a\n", 3, "not UTF-8"),
        (b"title: t\n\x00questions: []\n", None, "binary file"),
        (b"\xef\xbb\xbftitle: t\nquestions:\n- prompt: p\n  answer: a\n", None, ""),
    ],
    ids=["latin-1", "bad-bytes-line-3", "nul", "bom-ok"],
)
def test_encoding_problems(
    tally: Any, tmp_path: Path, data: bytes, line: int | None, message: str
) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(data)
    result = tally.call(TARGET, read_deck, path)
    if data.startswith(b"\xef\xbb\xbf"):
        assert isinstance(result, Deck)
        return
    assert isinstance(result, QuizError)
    assert_one_line(result, str(path))
    assert result.line == line
    assert message in str(result)


BAD_FILES: dict[str, bytes] = {
    "binary.yaml": bytes(range(256)) * 4,
    "latin1.yaml": b"title: caf\xe9\nquestions: []\n",
    "nul.yaml": b"title: t\x00\n",
    "bomb.yaml": ("bomb:\n" + "".join(f"  {x}\n" for x in alias_bomb(8).splitlines()))
    .replace("l8: &l8", "top: &top")
    .encode()
    + b"questions: *top\n",
    "deep.yaml": ("questions: " + "[" * 30_000 + "]" * 30_000).encode(),
    "types.yaml": dump(with_value(("questions", 0, "answer"), {"a": [1]})).encode(),
    "python-tag.yaml": b"title: !!python/object/apply:os.system ['touch pwned']\nquestions: []\n",
    "empty.yaml": b"",
    "folder.yaml": b"",
}


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    for name, data in BAD_FILES.items():
        if name == "folder.yaml":
            (tmp_path / name).mkdir()
        else:
            (tmp_path / name).write_bytes(data)
    return tmp_path


def test_quiz_check_reports_every_bad_file_on_one_line_each(
    tally: Any, bad_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(BAD_FILES)
    paths = [str(bad_folder / name) for name in names]
    tally.tried("quiz check (CLI)", len(paths))
    assert main(["check", *paths]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[-1].endswith("problems found")
    for name, path in zip(names, paths, strict=True):
        mine = [line for line in lines if line.startswith(path + ":")]
        assert mine, f"nothing reported for {name}"
    assert all(line.startswith(str(bad_folder)) for line in lines[:-1])


@pytest.mark.parametrize("name", sorted(set(BAD_FILES) - {"folder.yaml"}))
def test_quiz_check_in_a_process_exits_2_without_a_traceback(
    tally: Any, bad_folder: Path, name: str
) -> None:
    tally.tried("quiz check (CLI)")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(bad_folder / name)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=bad_folder,
    )
    if "Traceback" in result.stderr:
        tally.crashed("quiz check (CLI)")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    problems = result.stderr.splitlines()[:-1]
    assert problems and all(line.startswith(str(bad_folder / name)) for line in problems)
    assert not (bad_folder / "pwned").exists()
