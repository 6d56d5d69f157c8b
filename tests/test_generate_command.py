"""`quiz generate` and `quiz facts` through the command line: outputs, errors, edits kept.

Most tests stand a fake generator in for spaCy (`fake_generate` in tests/generate/test_batch.py);
the tests marked slow run the real reader and pipeline.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.generate import format_facts
from quiz.decks import read_deck
from quiz.generate import batch
from tests.generate.test_batch import fake_generate, fake_generate_with_reference, write


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run in tmp_path with the fake generator; returns tmp_path."""
    monkeypatch.setattr(batch, "generate_source", fake_generate)
    monkeypatch.setattr(batch, "generate_with_reference", fake_generate_with_reference)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_one_source_goes_to_decks_by_default(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(fake / "harbour.md", "Harbour town\nWhen? = 1990\nWho? = Mara\n")
    assert main(["generate", "harbour.md"]) == 0
    out, err = capsys.readouterr()
    assert out == "wrote decks/harbour-town.yaml (2 questions)\n"
    assert err == ""
    deck = read_deck(fake / "decks" / "harbour-town.yaml")
    assert [question.answer for question in deck.questions] == ["1990", "Mara"]


def test_output_file_and_options(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "A\none = 1\ntwo = 2\nthree = 3\n")
    assert main(["generate", "a.md", "-o", "out/mine.yaml", "--max", "2", "--seed", "5"]) == 0
    assert capsys.readouterr().out == "wrote out/mine.yaml (2 questions)\n"
    deck = read_deck(fake / "out" / "mine.yaml")
    assert [question.id for question in deck.questions] == ["q-1-5", "q-2-5"]


def test_same_input_gives_the_same_bytes(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "A deck\nq = a\nr = b\n")
    assert main(["generate", "a.md", "-o", "one.yaml"]) == 0
    assert main(["generate", "a.md", "-o", "two.yaml"]) == 0
    assert (fake / "one.yaml").read_bytes() == (fake / "two.yaml").read_bytes()
    capsys.readouterr()
    assert main(["generate", "a.md", "-o", "one.yaml"]) == 0
    assert capsys.readouterr().out == "unchanged one.yaml (2 questions)\n"


def test_several_sources_with_one_bad(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "in" / "a.md", "Alpha\nq = a\n")
    write(fake / "in" / "b.md", "")
    write(fake / "in" / "c.md", "Gamma\nq = a\nr = b\n")
    assert main(["generate", "in", "missing.md", "--out-dir", "out", "--workers", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == "wrote out/alpha.yaml (1 question)\nwrote out/gamma.yaml (2 questions)\n"
    assert err.splitlines() == [
        "quiz: 2 decks written, 2 failed",
        "quiz: in/b.md: the file is empty",
        "quiz: missing.md: no such file",
    ]
    assert sorted(snapshot(fake / "out")) == ["alpha.yaml", "gamma.yaml"]


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in "abc":
        write(fake / "in" / f"{name}.md", f"{name}\nq = a\n")
    assert main(["generate", "in"]) == 0
    err = capsys.readouterr().err
    assert err == "quiz: 3 decks written\n"


def test_a_bug_in_one_source_keeps_its_traceback_and_the_others(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(fake / "in" / "a.md", "crash\n")
    write(fake / "in" / "b.md", "Beta\nq = a\n")
    assert main(["generate", "in"]) == 1
    out, err = capsys.readouterr()
    assert out == "wrote decks/beta.yaml (1 question)\n"
    assert "quiz: in/a.md: unexpected error: RuntimeError: a bug" in err
    assert "Traceback (most recent call last)" in err


def test_output_file_takes_one_source(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "A\nq = a\n")
    write(fake / "b.md", "B\nq = a\n")
    assert main(["generate", "a.md", "b.md", "-o", "x.yaml"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "quiz: -o writes one deck, but 2 sources were given; use --out-dir DIR for several\n"
    )
    assert sorted(snapshot(fake)) == ["a.md", "b.md"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--max", "0"], "quiz: --max must be at least 1, not 0\n"),
        (["--workers", "0"], "quiz: --workers must be at least 1, not 0\n"),
        (["--templates", "nope.yaml"], "quiz: nope.yaml: no such templates file\n"),
    ],
)
def test_bad_options(
    fake: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    write(fake / "a.md", "A\nq = a\n")
    assert main(["generate", "a.md", *options]) == 2
    assert capsys.readouterr().err == message
    assert not (fake / "decks").exists()


def test_two_sources_making_the_same_deck(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "Same\nq = a\n")
    write(fake / "b.md", "Same\nq = b\n")
    assert main(["generate", "a.md", "b.md"]) == 2
    out, err = capsys.readouterr()
    assert out == "wrote decks/same.yaml (1 question)\n"
    assert "quiz: b.md: makes the same deck file as a.md (decks/same.yaml)" in err
    assert read_deck(fake / "decks" / "same.yaml").questions[0].answer == "a"


def test_a_deck_never_overwrites_a_source(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "A\nq = a\n")
    assert main(["generate", "a.md", "-o", "a.md"]) == 2
    assert (
        capsys.readouterr().err
        == "quiz: a.md: is a source of this run; write the deck to another file\n"
    )
    assert (fake / "a.md").read_text(encoding="utf-8") == "A\nq = a\n"


def test_edits_survive_regeneration(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(fake / "a.md", "A\nq = a\nr = b\ns = c\n")
    assert main(["generate", "a.md"]) == 0
    target = fake / "decks" / "a.yaml"
    text = target.read_text(encoding="utf-8")
    text = text.replace("prompt: q\n", "prompt: My question?\n")
    start = text.index("- id: q-3-0")
    text = text[:start] + "- prompt: A card of my own?\n  answer: mine\n"  # replaces q-3
    target.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["generate", "a.md"]) == 0
    assert capsys.readouterr().out == (
        "wrote decks/a.yaml (4 questions; kept 1 edited, kept 1 hand-written, 1 added)\n"
    )
    prompts = [question.prompt for question in read_deck(target).questions]
    assert prompts == ["My question?", "r", "s", "A card of my own?"]
    assert main(["generate", "a.md", "--fresh"]) == 0
    assert [question.prompt for question in read_deck(target).questions] == ["q", "r", "s"]


def test_an_invalid_existing_deck_is_left_alone(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(fake / "a.md", "A\nq = a\n")
    broken = write(fake / "decks" / "a.yaml", "title: A\nquestions:\n  - prompt: [oops\n")
    before = Path(broken).read_bytes()
    assert main(["generate", "a.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quiz: decks/a.yaml:4: invalid YAML")
    assert err.endswith("fix it, or use --fresh to replace it\n")
    assert err.count("\n") == 1
    assert Path(broken).read_bytes() == before
    assert main(["generate", "a.md", "--fresh"]) == 0
    out, err = capsys.readouterr()
    assert out == "wrote decks/a.yaml (1 question)\n"
    assert err == "quiz: decks/a.yaml: replaced a file that was not a valid deck\n"


def test_workers_give_the_same_decks(fake: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for number in range(5):
        write(fake / "in" / f"{number}.md", f"Deck {number}\nq = {number}\nr = {number}\n")
    assert main(["generate", "in", "--out-dir", "one", "--workers", "1"]) == 0
    alone = capsys.readouterr().out
    assert main(["generate", "in", "--out-dir", "two", "--workers", "2"]) == 0
    shared = capsys.readouterr().out
    assert shared == alone.replace("one/", "two/")
    assert snapshot(fake / "one") == snapshot(fake / "two")
    assert len(snapshot(fake / "one")) == 5


# The real reader and pipeline ------------------------------------------------------------------


def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


BAD_SOURCES: list[tuple[str, bytes | None, str]] = [
    # (file name, content or None for a missing file, words the message holds)
    ("missing.md", None, "no such file"),
    ("empty.md", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("latin1.txt", "Caf\u00e9 cr\u00e8me in Z\u00fcrich.".encode("latin-1"), "UTF-8"),
    ("bad.yaml", b"facts: [unclosed\n", "bad.yaml:"),
]


@pytest.mark.parametrize(("name", "content", "words"), BAD_SOURCES)
def test_a_bad_source_is_one_line_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if content is not None:
        (tmp_path / name).write_bytes(content)
    existing = write(
        tmp_path / "deck.yaml", "title: Mine\nquestions:\n  - prompt: Q?\n    answer: A\n"
    )
    before = snapshot(tmp_path)
    assert main(["generate", name, "-o", "deck.yaml"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"quiz: {name}")
    assert words in err
    assert err.count("\n") == 1
    assert snapshot(tmp_path) == before
    assert Path(existing).exists()


def test_an_unreachable_url_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"http://127.0.0.1:{closed_port()}/article"
    assert main(["generate", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"quiz: {url}")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_bad_source_among_good_ones_with_the_real_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(batch, "generate_source", fake_generate_after_reading)
    write(tmp_path / "in" / "a.md", "Alpha\nq = a\n")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\xff" * 50)
    assert main(["generate", "in"]) == 2
    out, err = capsys.readouterr()
    assert out == "wrote decks/alpha.yaml (1 question)\n"
    lines = err.splitlines()
    assert lines[0] == "quiz: 1 deck written, 1 failed"
    assert lines[1].startswith("quiz: in/b.txt: ")
    assert len(lines) == 2


def fake_generate_after_reading(source: str, options: batch.GenerateOptions) -> object:
    """The real reader's checks, then the fake generator."""
    from quiz.generate.article import read_source

    read_source(source)
    return fake_generate(source, options)


@pytest.mark.slow
def test_an_article_without_usable_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "vague.txt", "It was nice.\n\nThey liked it a lot, and so did we.\n")
    assert main(["generate", "vague.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quiz: vague.txt: ")
    assert err.count("\n") == 1
    assert sorted(snapshot(tmp_path)) == ["vague.txt"]


HARBOUR = Path(__file__).parent / "data" / "articles" / "harbour.html"


@pytest.mark.slow
def test_the_real_pipeline_is_deterministic_and_the_same_in_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "in"
    sources.mkdir()
    for number in range(2):
        (sources / f"harbour{number}.html").write_bytes(
            HARBOUR.read_bytes().replace(b"Harbour town", f"Harbour town {number}".encode())
        )
    assert main(["generate", "in", "--out-dir", "one", "--workers", "1"]) == 0
    assert main(["generate", "in", "--out-dir", "two", "--workers", "2"]) == 0
    assert main(["generate", "in/harbour0.html", "-o", "again.yaml"]) == 0
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert one == two
    assert len(one) == 2
    assert (tmp_path / "again.yaml").read_bytes() in one.values()
    capsys.readouterr()


@pytest.mark.slow
def test_facts_lists_the_facts_by_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(HARBOUR), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(isinstance(row, dict) and row.get("type") for row in rows)
    assert main(["facts", str(HARBOUR)]) == 0
    table = capsys.readouterr().out
    types = {row["type"] for row in rows}
    headings = [line for line in table.splitlines() if line and not line.startswith(" ")]
    assert sorted(heading.split(" (")[0] for heading in headings) == sorted(types)


def test_facts_on_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "no/such/article.md"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("quiz: no/such/article.md")
    assert err.count("\n") == 1


class Terminal(io.StringIO):
    """A captured stream that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in "abc":
        write(fake / "in" / f"{name}.md", f"{name}\nq = a\n")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["generate", "in"]) == 0
    shown = terminal.getvalue()
    assert shown.startswith("\r[------------------------] 0/3 ")
    assert "] 1/3 in/a.md" in shown
    assert "] 3/3 in/c.md" in shown
    assert shown.endswith("\r\x1b[Kquiz: 3 decks written\n")


def test_one_source_shows_no_progress_bar(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(fake / "a.md", "A\nq = a\n")
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["generate", "a.md"]) == 0
    assert terminal.getvalue() == ""


FACT_ROWS: list[dict[str, object]] = [
    {
        "type": "person",
        "answer": "Mara Quinlan",
        "sentence": "Mara Quinlan  wrote it.",
        "paragraph": 0,
    },
    {
        "type": "date",
        "answer": "1990",
        "detail": "year",
        "sentence": "Built in 1990.",
        "paragraph": 2,
    },
    {"type": "date", "answer": "March 2024", "sentence": "Voted in March 2024.", "paragraph": 1},
    {"type": "mood", "answer": "calm", "sentence": "All was calm.", "paragraph": 3},
]


def test_facts_table_groups_by_type_in_the_usual_order() -> None:
    assert format_facts(FACT_ROWS, source="a.md").splitlines() == [
        "date (2)",
        "  1990 [year]    ¶2  Built in 1990.",
        "  March 2024     ¶1  Voted in March 2024.",
        "",
        "person (1)",
        "  Mara Quinlan   bio  Mara Quinlan wrote it.",
        "",
        "mood (1)",
        "  calm    ¶3  All was calm.",
    ]


def test_facts_table_cuts_long_lines_to_the_width() -> None:
    rows = [{"type": "date", "answer": "1990", "sentence": "word " * 50, "paragraph": 1}]
    lines = format_facts(rows, source="a.md", width=40).splitlines()
    assert len(lines[1]) == 40
    assert lines[1].endswith("…")


def test_facts_table_says_when_there_are_none() -> None:
    assert format_facts([], source="a.md") == "no facts found in a.md\n"


def test_a_bad_source_fails_without_loading_spacy(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "status = main(['generate', 'missing.md', 'other.md'])\n"
        "print(status, sorted(m for m in ('spacy', 'textual', 'trafilatura') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == "2 []\n"


SHEET = """\
title: The Brackwater ferry
published: 2024-05-02
facts:
  - when: 1931
    what: The first ferry crossed the Brackwater estuary in 1931
  - term: BFC
    means: Brackwater Ferry Company
  - number: 14
    what: The ferry makes 14 crossings a day
  - place: Dunmore
    what: The ferry sails from Dunmore
"""


@pytest.mark.slow
def test_a_fact_sheet_and_an_article_in_one_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "ferry.yaml", SHEET)
    (tmp_path / "in" / "harbour.html").write_bytes(HARBOUR.read_bytes())
    assert main(["generate", "in", "--out-dir", "out"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(" (")[0] for line in out] == [
        "wrote out/the-brackwater-ferry.yaml",
        "wrote out/harbour-town-votes-to-rebuild-its-seawall.yaml",
    ]
    ferry = read_deck(tmp_path / "out" / "the-brackwater-ferry.yaml")
    assert ferry.source.file == "in/ferry.yaml"
    assert {"date", "acronym", "number"} <= {question.fact for question in ferry.questions}
    assert main(["facts", "in/ferry.yaml", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["type"] for row in rows] == ["date", "acronym", "number", "place"]


@pytest.mark.slow
def test_facts_that_give_no_question_are_told_apart_from_no_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Notes\n\nThey said it rained on 4 May 2019 when he left the house.\n\n"
        "She said it was colder in 2020 when they came back.\n",
        encoding="utf-8",
    )
    assert main(["generate", str(notes), "--output", str(tmp_path / "deck.yaml")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"quiz: {notes}: no questions could be made: none of the 2 facts")
    assert "\n" not in error and not (tmp_path / "deck.yaml").exists()
