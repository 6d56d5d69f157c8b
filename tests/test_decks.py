"""Deck files: validation with lines, the YAML round trip, atomic writing and the parsed-deck cache."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.cli import main
from quiz.decks import (
    check_deck,
    cloze_answer,
    dump_deck,
    find_decks,
    parse_deck,
    read_deck,
    write_deck,
)
from quiz.errors import QuizError
from quiz.model import Deck, DeckSource, Question, SourceRef, prompt_id

FULL_DECK = Deck(
    id="sample",
    title="Sample: a deck with every kind",
    source=DeckSource(
        title="Sample article",
        authors=("Ann Author", "Bo Writer"),
        published="2025-07-28",
        url="https://example.org/a",
    ),
    questions=(
        Question(
            id="q-1",
            kind="cloze",
            prompt="Russia put the Taliban on its terrorist list in {{c1::2003}}.",
            answer="2003",
            fact="date",
            tags=("date",),
            source=SourceRef(sentence="In 2003 Russia listed the group.", paragraph=3),
        ),
        Question(
            id="q-2",
            kind="short",
            prompt="In what year did Russia list the Taliban as a terrorist organisation?",
            answer="2003",
            accept=("in 2003",),
            fact="date",
        ),
        Question(
            id="q-3",
            kind="choice",
            prompt="Which city hosted the talks?",
            answer="Moscow",
            choices=("Kabul", "Moscow", "Delhi", "Tashkent"),
            fact="place",
        ),
        Question(id="q-4", kind="truefalse", prompt="The embassy closed in 2021.", answer="false"),
        Question(
            id="q-5",
            kind="order",
            prompt="Put these events in order, earliest first.",
            answer=("Listed as terrorists", "Kabul taken", "Ban suspended"),
            choices=("Kabul taken", "Ban suspended", "Listed as terrorists"),
        ),
        Question(
            id="q-6",
            kind="basic",
            prompt="What does ORF stand for?",
            answer="Observer Research Foundation",
            suspended=True,
        ),
        Question(
            id="q-7",
            kind="short",
            prompt="A long prompt " * 12 + "?",
            answer="Multi\nline answer",
        ),
    ),
)


def write(tmp_path: Path, text: str, name: str = "deck.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_round_trip_of_every_kind(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    write_deck(FULL_DECK, path)
    assert read_deck(path) == FULL_DECK


def test_dump_is_readable_and_ordered() -> None:
    text = dump_deck(FULL_DECK)
    assert text.startswith(
        "format: 1\ntitle: 'Sample: a deck with every kind'\nid: sample\nsource:\n"
    )
    first = text.index("- id: q-1\n  kind: cloze\n  fact: date\n  prompt:")
    assert first > 0
    assert "prompt: >-\n" in text  # long text as a folded block scalar
    assert "answer: |-\n    Multi\n    line answer" in text
    assert text == dump_deck(FULL_DECK)


def test_minimal_hand_written_deck(tmp_path: Path) -> None:
    path = write(
        tmp_path, "- prompt: Capital of France?\n  answer: Paris\n- prompt: Year?\n  answer: 1997\n"
    )
    deck = read_deck(path)
    assert deck.title == "deck" and deck.id == "deck"
    first, second = deck.questions
    assert first.kind == "basic" and first.answer == "Paris"
    assert first.id == prompt_id("Capital of France?") == prompt_id("  capital of   FRANCE? ")
    assert second.answer == "1997"  # numbers read as the text typed


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("title: x\n", 1, "missing `questions`"),
        ("title: x\nquestions: 3\n", 2, "`questions` must be a list"),
        ("title: x\nquestions:\n  - prompt: p\n    answr: a\n", 4, "did you mean `answer`"),
        ("title: x\nquestions:\n  - prompt: p\n", 3, "missing `answer`"),
        (
            "title: x\nquestions:\n  - kind: mcq\n    prompt: p\n    answer: a\n",
            3,
            "unknown kind 'mcq'",
        ),
        (
            "title: x\nquestions:\n  - kind: cloze\n    prompt: no gap\n",
            4,
            "exactly one non-empty gap",
        ),
        (
            "title: x\nquestions:\n  - kind: cloze\n    prompt: a {{c1::}} b\n",
            4,
            "exactly one non-empty gap",
        ),
        (
            "title: x\nquestions:\n  - kind: choice\n    prompt: p\n    answer: a\n    choices: [b, c]\n",
            6,
            "must include the answer",
        ),
        (
            "title: x\nquestions:\n  - kind: truefalse\n    prompt: p\n    answer: maybe\n",
            5,
            "true/false",
        ),
        (
            "title: x\nquestions:\n  - kind: order\n    prompt: p\n    answer: [a]\n",
            5,
            "2 or more items",
        ),
        ("title: x\nquestions:\n  - prompt: p\n    answer: yes\n", 4, "put it in quotes"),
        ("title: x\nquestions:\n  - prompt: p\n    answer: [a, b]\n", 4, "non-empty text"),
        (
            "title: x\nquestions:\n  - prompt: p\n    answer: a\n    tags: [[1]]\n",
            5,
            "must be text",
        ),
        (
            "title: x\nquestions:\n  - prompt: p\n    answer: a\n    suspended: 2\n",
            5,
            "true or false",
        ),
        (
            "title: x\nquestions:\n  - prompt: p\n    answer: a\n    fact: colour\n",
            5,
            "unknown fact type",
        ),
        (
            "title: x\nquestions:\n  - {id: a, prompt: p, answer: a}\n  - {id: a, prompt: q, answer: b}\n",
            4,
            "duplicate question id 'a'",
        ),
        ("title: x\nquestions:\n  - prompt: [unclosed\n", 4, "invalid YAML"),
        ("", None, "empty deck file"),
        ("just text\n", 1, "expected a mapping"),
        ("format: 2\ntitle: x\nquestions: []\n", 1, "newer than this quiz understands"),
        ("format: one\ntitle: x\nquestions: []\n", 1, "must be a whole number"),
    ],
)
def test_problems_name_the_line(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    path = write(tmp_path, text)
    problems = check_deck(path)
    assert problems, "expected a problem"
    assert problems[0].line == line
    assert message in problems[0].message
    with pytest.raises(QuizError) as raised:
        read_deck(path)
    assert str(raised.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_every_problem_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "title: x\nquestions:\n  - prompt: p\n  - kind: mcq\n    prompt: q\n    answer: a\n  - 7\n",
    )
    assert [problem.line for problem in check_deck(path)] == [3, 4, 7]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty deck file"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"title: caf\xe9\nquestions: []\n", "not UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(content)
    with pytest.raises(QuizError, match=message):
        read_deck(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(QuizError, match="no such file"):
        read_deck(tmp_path / "nope.yaml")
    with pytest.raises(QuizError, match="is a folder"):
        read_deck(tmp_path)


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 12):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(
            f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        )
    lines.append("title: bomb\nquestions:\n  - prompt: *l\n    answer: *l\n    tags: *l")
    path = write(tmp_path, "\n".join(lines) + "\n")
    problems = check_deck(path)
    assert any("did you mean" in p.message or "unknown key" in p.message for p in problems)
    assert any("`prompt` must be text" in p.message for p in problems)


def test_cloze_answer() -> None:
    assert cloze_answer("In {{c1::2003}} it happened.") == "2003"
    assert cloze_answer("In {{c1::2003::year}} it happened.") == "2003"
    assert cloze_answer("no gap") is None
    assert cloze_answer("{{c1::a}} and {{c2::b}}") is None


def test_write_is_atomic_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sample.yaml"
    write_deck(FULL_DECK, path)
    before = path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(QuizError, match="No space left"):
        write_deck(Deck(id="other", title="Other"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.yaml"]


def test_cache_returns_the_same_deck_and_follows_content(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    cache = tmp_path / "cache"
    write_deck(FULL_DECK, path)
    assert read_deck(path, cache_dir=cache) == FULL_DECK
    assert len(list(cache.rglob("*.marshal"))) == 1
    assert read_deck(path, cache_dir=cache) == FULL_DECK  # served from the cache
    changed = Deck(id="sample", title="Changed", questions=FULL_DECK.questions[:1])
    write_deck(changed, path)
    assert read_deck(path, cache_dir=cache) == changed
    for entry in cache.rglob("*.marshal"):
        entry.write_bytes(entry.read_bytes()[:40])
    assert read_deck(path, cache_dir=cache) == changed  # a corrupt cache entry is rebuilt


def test_cache_entries_are_not_synced_but_decks_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parse cache can be rebuilt, so it skips fsync (a file cut short by a crash fails to
    # load and is rebuilt, as above); the deck file itself stays durable.
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    path = tmp_path / "sample.yaml"
    write_deck(FULL_DECK, path)
    assert synced  # the deck file and its folder
    synced.clear()
    assert read_deck(path, cache_dir=tmp_path / "cache") == FULL_DECK
    assert len(list((tmp_path / "cache").rglob("*.marshal"))) == 1
    assert synced == []
    assert read_deck(path, cache_dir=tmp_path / "cache") == FULL_DECK


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    path = tmp_path / "sample.yaml"
    write_deck(FULL_DECK, path)
    (tmp_path / "broken.yaml").write_text("questions: [", encoding="utf-8")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        for _ in range(2):  # parsed and stored, then from the cache
            assert read_deck(path, cache_dir=tmp_path / "cache") == FULL_DECK
            assert gc.isenabled() is enabled
        with pytest.raises(QuizError):
            read_deck(tmp_path / "broken.yaml", cache_dir=tmp_path / "cache")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_writing_a_deck_can_fill_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "sample.yaml"
    cache = tmp_path / "cache"
    write_deck(FULL_DECK, path, cache_dir=cache)
    assert len(list(cache.rglob("*.marshal"))) == 1

    def no_parsing(text: str, *, path: str) -> Deck:
        raise AssertionError("parsed although the cache holds the deck")

    monkeypatch.setattr("quiz.decks.parse_deck", no_parsing)
    assert read_deck(path, cache_dir=cache) == FULL_DECK


def test_a_warm_read_does_not_import_yaml(tmp_path: Path) -> None:
    path = tmp_path / "sample.yaml"
    cache = tmp_path / "cache"
    write_deck(FULL_DECK, path, cache_dir=cache)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quiz.decks import read_deck\n"
        f"deck = read_deck(Path({str(path)!r}), cache_dir=Path({str(cache)!r}))\n"
        "print(len(deck.questions), sorted(m for m in ('yaml', 'quiz.fastyaml') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[0] == f"{len(FULL_DECK.questions)} []"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # now cold
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[0] == f"{len(FULL_DECK.questions)} ['quiz.fastyaml', 'yaml']"


def test_find_decks(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", ".hidden.yaml", "notes.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_decks(tmp_path)] == ["a.yml", "b.yaml"]
    with pytest.raises(QuizError):
        find_decks(tmp_path / "missing")


def test_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.yaml"
    write_deck(FULL_DECK, good)
    assert main(["check", str(good)]) == 0
    bad = write(tmp_path, "title: x\nquestions:\n  - prompt: p\n", "bad.yaml")
    assert main(["check", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: missing `answer`" in err
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml: no such file" in capsys.readouterr().err


text_strategy = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=120,
).filter(lambda s: s.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prompt=text_strategy, answer=text_strategy, accept=st.lists(text_strategy, max_size=3))
def test_round_trip_any_text(prompt: str, answer: str, accept: list[str]) -> None:
    deck = Deck(
        id="d",
        title=prompt,
        questions=(
            Question(id="x", kind="short", prompt=prompt, answer=answer, accept=tuple(accept)),
        ),
    )
    assert parse_deck(dump_deck(deck), path="d.yaml") == deck


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_deck_or_a_quiz_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(data)
        try:
            read_deck(path)
        except QuizError as error:
            assert "\n" not in str(error)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = write(tmp_path, "title: !!python/object/apply:os.system ['echo hi']\nquestions: []\n")
    with pytest.raises(QuizError, match="invalid YAML"):
        read_deck(path)
    assert yaml.__with_libyaml__  # the fast C loader is in use here


def test_a_copy_under_another_name_is_its_own_deck_with_the_cache(tmp_path: Path) -> None:
    """A deck without `id` and `title` takes them from its file name: the cache must not hand a
    copy the original's name (it would share its progress, and export would refuse the pair)."""
    text = (
        "questions:\n  - id: q1\n    kind: short\n    prompt: Capital of Peru?\n    answer: Lima\n"
    )
    cache = tmp_path / "cache"
    (tmp_path / "peru.yaml").write_text(text)
    (tmp_path / "peru-copy.yaml").write_text(text)
    original = read_deck(tmp_path / "peru.yaml", cache_dir=cache)
    copy = read_deck(tmp_path / "peru-copy.yaml", cache_dir=cache)
    assert original.id != copy.id
    assert copy == read_deck(tmp_path / "peru-copy.yaml")  # as read without the cache
    assert read_deck(tmp_path / "peru.yaml", cache_dir=cache) == original
