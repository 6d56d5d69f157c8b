"""`quiz generate` against careless and hostile input: a smaller --max, odd targets, escapes.

Most tests stand a fake generator in for spaCy (see tests/generate/test_batch.py, fake_generate).
"""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.commands.generate import ProgressBar
from quiz.decks import read_deck
from quiz.errors import QuizError
from quiz.generate import batch
from quiz.generate.batch import GenerateOptions
from tests.generate.test_batch import fake_generate, fake_generate_with_reference, write

ESCAPES = "\x1b]0;PWNED\x07\x1b]52;c;UFdORUQ=\x07\x1b[2J"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run in tmp_path with the fake generator; returns tmp_path."""
    monkeypatch.setattr(batch, "generate_source", fake_generate)
    monkeypatch.setattr(batch, "generate_with_reference", fake_generate_with_reference)
    monkeypatch.chdir(tmp_path)
    return tmp_path


FIVE = "A\nq = 1\nr = 2\ns = 3\nt = 4\nu = 5\n"


def test_a_smaller_max_keeps_edited_and_suspended_questions(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(fake / "a.md", FIVE)
    assert main(["generate", "a.md"]) == 0
    target = fake / "decks" / "a.yaml"
    text = target.read_text(encoding="utf-8")
    text = text.replace("prompt: t\n", "prompt: My own t?\n")
    text = text.replace("prompt: u\n", "prompt: u\n  suspended: true\n")
    target.write_text(text, encoding="utf-8")
    read_deck(target)  # still a valid deck
    capsys.readouterr()

    assert main(["generate", "a.md", "--max", "2"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "wrote decks/a.yaml (4 questions; kept 2 edited or suspended beyond the limit, "
        "1 left out by --max)\n"
    )
    deck = read_deck(target)
    assert [q.prompt for q in deck.questions] == ["q", "r", "My own t?", "u"]
    assert [q.suspended for q in deck.questions] == [False, False, False, True]

    # Again with the limit, then without it: the edit and the suspension are still there.
    assert main(["generate", "a.md", "--max", "2"]) == 0
    assert main(["generate", "a.md"]) == 0
    deck = read_deck(target)
    assert [q.prompt for q in deck.questions] == ["q", "r", "s", "My own t?", "u"]
    assert deck.questions[-1].suspended


def test_a_smaller_max_keeps_edits_with_workers_too(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in "abcd":
        write(fake / "in" / f"{name}.md", FIVE.replace("A\n", f"{name.upper()}\n"))
    assert main(["generate", "in", "--workers", "1"]) == 0
    target = fake / "decks" / "c.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("prompt: u\n", "prompt: Mine?\n"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["generate", "in", "--max", "1", "--workers", "2"]) == 0
    assert [q.prompt for q in read_deck(target).questions] == ["q", "Mine?"]
    assert [q.prompt for q in read_deck(fake / "decks" / "a.yaml").questions] == ["q"]


def test_a_private_deck_stays_private(fake: Path) -> None:
    write(fake / "a.md", FIVE)
    assert main(["generate", "a.md"]) == 0
    target = fake / "decks" / "a.yaml"
    target.chmod(0o600)
    write(fake / "a.md", FIVE + "v = 6\n")
    assert main(["generate", "a.md"]) == 0
    assert len(read_deck(target).questions) == 6
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_output_through_a_symlink_updates_its_target(fake: Path) -> None:
    write(fake / "a.md", FIVE)
    real = fake / "store" / "a.yaml"
    real.parent.mkdir()
    assert main(["generate", "a.md", "-o", str(real)]) == 0
    link = fake / "link.yaml"
    link.symlink_to(real)
    write(fake / "a.md", FIVE + "v = 6\n")
    assert main(["generate", "a.md", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert len(read_deck(real).questions) == 6


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_to_a_pipe_is_refused_without_reading_it(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(fake / "a.md", FIVE)
    fifo = fake / "out.yaml"
    os.mkfifo(fifo)
    status: list[int] = []
    # Reading the "existing deck" from a pipe with no writer used to wait forever.
    runner = threading.Thread(
        target=lambda: status.append(main(["generate", "a.md", "-o", str(fifo)])), daemon=True
    )
    runner.start()
    runner.join(60)
    assert status == [2]
    assert capsys.readouterr().err.endswith("out.yaml: is a pipe, not a file: give a file name\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_the_progress_bar_shows_file_names_sanitised() -> None:
    stream = io.StringIO()
    bar = ProgressBar(2, stream)
    bar.advance(f"in/{ESCAPES}evil.md")
    shown = stream.getvalue()
    assert shown.count("\x1b") == 1 and shown.endswith("\x1b[K")  # its own line erase only
    assert "\\x1b]0;PWNED\\x07" in shown


def test_saved_paths_and_failures_are_printed_sanitised(
    fake: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"x{ESCAPES}.md"
    write(fake / name, FIVE)
    assert main(["generate", name, "-o", f"deck{ESCAPES}.yaml"]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err
    assert out.startswith("wrote deck\\x1b]0;PWNED\\x07")


def test_a_fact_sheet_title_loses_its_escapes(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text(
        'title: "Harbour\\e]0;PWNED\\a news\\e[2J\\u202e"\n'
        "facts:\n"
        "  - when: 1997\n"
        "    what: The harbour opened in 1997\n"
        "  - number: 2,500\n"
        "    what: About 2,500 ships called at the harbour\n",
        encoding="utf-8",
    )
    deck = batch.generate_source(str(sheet), GenerateOptions())
    assert deck.title == "Harbour news"
    assert deck.id == "harbour-news"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_named_as_a_fact_sheet_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "zero.yaml"
    sheet.symlink_to("/dev/zero")
    with pytest.raises(QuizError, match="is a device, not a YAML file"):
        batch.read_facts(str(sheet))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_a_fact_sheet_does_not_wait(tmp_path: Path) -> None:
    sheet = tmp_path / "pipe.yaml"
    os.mkfifo(sheet)
    errors: list[QuizError] = []

    def read() -> None:
        try:
            batch.read_facts(str(sheet))
        except QuizError as error:
            errors.append(error)

    runner = threading.Thread(target=read, daemon=True)
    runner.start()
    runner.join(60)
    assert len(errors) == 1  # an empty sheet, at once (it used to wait for a writer forever)


ARTICLE = (
    Path(__file__).resolve().parent.parent / "content" / "halla-probe-reaches-asteroid-korppi.md"
)


@pytest.mark.slow
@pytest.mark.skipif(not ARTICLE.is_file(), reason="no bundled article")
def test_edits_survive_a_larger_then_a_smaller_max_with_the_real_generator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deck.yaml"
    assert main(["generate", str(ARTICLE), "-o", str(target), "--max", "50"]) == 0
    deck = read_deck(target)
    assert len(deck.questions) > 40  # more than the default size
    edited, suspended = deck.questions[-1].id, deck.questions[-2].id
    text = target.read_text(encoding="utf-8")
    start = text.index(f"- id: {edited}\n")
    at = text.index("  prompt: ", start) + len("  prompt: ")
    text = text[:at] + "MY WORDS " + text[at:]
    start = text.index(f"- id: {suspended}\n")
    text = (
        text[: start + len(f"- id: {suspended}\n")]
        + "  suspended: true\n"
        + text[start + len(f"- id: {suspended}\n") :]
    )
    target.write_text(text, encoding="utf-8")
    assert main(["generate", str(ARTICLE), "-o", str(target), "--max", "5"]) == 0
    kept = {q.id: q for q in read_deck(target).questions}
    assert "MY WORDS" in kept[edited].prompt
    assert kept[suspended].suspended
    assert len(kept) < 15
    assert "edited or suspended beyond the limit" in capsys.readouterr().out
