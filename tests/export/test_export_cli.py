"""`quiz export` through the command line: arguments, messages, exit status, timestamps."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quiz.cli import main
from quiz.export.anki import anki_deck_id, note_guid

DATA = Path(__file__).resolve().parents[1] / "data" / "decks"

SMALL = """\
format: 1
id: small
title: Small deck
questions:
  - id: q-a
    kind: basic
    prompt: Capital of France?
    answer: Paris
  - id: q-b
    kind: cloze
    prompt: Water boils at {{c1::100}} degrees.
  - id: q-c
    kind: basic
    prompt: Put aside for now?
    answer: "Yes"
    suspended: true
"""


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    """A deck folder with copies of the test decks."""
    folder = tmp_path / "decks"
    folder.mkdir()
    for path in sorted(DATA.glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A frozen clock: every export happens at the same second unless the test moves it."""
    now = [1_800_000_000.25]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def test_export_named_decks(
    decks: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    read_apkg: Callable[[Path], Any],
    clock: list[float],
) -> None:
    out = tmp_path / "out.apkg"
    harbour, lighthouse = decks / "harbour.yaml", decks / "lighthouse.yaml"
    assert main(["export", str(harbour), str(lighthouse), "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    assert printed.out.splitlines() == [
        f"{out}: 2 decks, 11 notes, 11 cards",
        "  quiz::Harbour town votes to rebuild its seawall: 8 notes",
        "  quiz::The last lighthouse keepers: 3 notes",
    ]
    package = read_apkg(out)
    assert len(package.notes) == 11
    assert package.decks[anki_deck_id("lighthouse-keepers")] == "quiz::The last lighthouse keepers"
    assert {n.mod for n in package.notes.values()} == {1_800_000_000}


def test_every_export_moves_the_note_mtime_forward(
    decks: Path, tmp_path: Path, read_apkg: Callable[[Path], Any], clock: list[float]
) -> None:
    deck, out = decks / "lighthouse.yaml", tmp_path / "l.apkg"

    def mtime(path: Path) -> int:
        (value,) = {n.mod for n in read_apkg(path).notes.values()}
        return int(value)

    assert main(["export", str(deck), "-o", str(out)]) == 0
    assert main(["export", str(deck), "-o", str(out)]) == 0  # the same second
    assert mtime(out) == 1_800_000_001
    assert main(["export", str(deck), "-o", str(tmp_path / "other.apkg")]) == 0
    assert mtime(tmp_path / "other.apkg") == 1_800_000_002
    clock[0] -= 3600  # the clock steps back
    assert main(["export", str(deck), "-o", str(out)]) == 0
    assert mtime(out) == 1_800_000_003


def test_replaced_package_counts_even_without_the_record(
    decks: Path,
    tmp_path: Path,
    read_apkg: Callable[[Path], Any],
    clock: list[float],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "l.apkg"
    assert main(["export", str(decks / "lighthouse.yaml"), "-o", str(out)]) == 0
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "another-machine"))
    assert main(["export", str(decks / "lighthouse.yaml"), "-o", str(out)]) == 0
    assert {n.mod for n in read_apkg(out).notes.values()} == {1_800_000_001}


def test_all_uses_the_deck_folder(
    decks: Path,
    tmp_path: Path,
    read_apkg: Callable[[Path], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "all.apkg"
    assert main(["export", "--all", "--decks-dir", str(decks), "-o", str(out)]) == 0
    assert len(read_apkg(out).notes) == 11
    monkeypatch.chdir(tmp_path)  # ./decks is the default deck folder
    assert main(["export", "--all", "-o", "again.apkg"]) == 0
    assert set(read_apkg(tmp_path / "again.apkg").notes) == set(read_apkg(out).notes)


def test_a_folder_argument_and_a_file_in_it_are_exported_once(
    decks: Path, tmp_path: Path, read_apkg: Callable[[Path], Any]
) -> None:
    out = tmp_path / "o.apkg"
    assert main(["export", str(decks), str(decks / "harbour.yaml"), "-o", str(out)]) == 0
    assert len(read_apkg(out).notes) == 11


def test_parent_and_suspended_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], read_apkg: Callable[[Path], Any]
) -> None:
    deck = tmp_path / "small.yaml"
    deck.write_text(SMALL)
    out = tmp_path / "s.apkg"
    assert main(["export", str(deck), "-o", str(out), "--parent", "News::Quizzes"]) == 0
    assert "1 suspended question left out (--include-suspended to add them)" in (
        capsys.readouterr().out
    )
    package = read_apkg(out)
    assert set(package.notes) == {note_guid("small", "q-a"), note_guid("small", "q-b")}
    assert package.decks[anki_deck_id("small")] == "News::Quizzes::Small deck"
    assert main(["export", str(deck), "-o", str(out), "--include-suspended"]) == 0
    assert note_guid("small", "q-c") in read_apkg(out).notes


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert len(printed.err.splitlines()) == 1, printed.err
    return printed.err.strip()


def test_invalid_deck_is_reported_like_quiz_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "bad.yaml"
    deck.write_text(SMALL.replace("{{c1::100}}", "100"))
    out = tmp_path / "o.apkg"
    message = error_of(["export", str(deck), "-o", str(out)], capsys)
    assert (
        message == f"quiz: {deck}:11: a cloze needs exactly one non-empty gap: {{{{c1::answer}}}}"
    )
    assert main(["check", str(deck)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == message.removeprefix("quiz: ")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [deck]


def test_two_files_with_one_deck_id(
    decks: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copy(decks / "harbour.yaml", copy)
    message = error_of(
        ["export", str(decks / "harbour.yaml"), str(copy), "-o", str(tmp_path / "o.apkg")],
        capsys,
    )
    assert message == (
        f"quiz: {copy}: deck id 'harbour-seawall' is also the id of "
        f"{decks / 'harbour.yaml'}; give each deck its own `id`"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-o", "{tmp}/o.apkg"], "quiz: name the decks to export, or use --all"),
        (["{deck}", "-o", "{tmp}/missing/o.apkg"], "quiz: {tmp}/missing/o.apkg: cannot write: "),
        (["{deck}", "-o", "{tmp}/a-file/o.apkg"], "quiz: {tmp}/a-file/o.apkg: cannot write: "),
        (["{deck}", "-o", "{tmp}/o.zip"], "quiz: {tmp}/o.zip: the package name must end in .apkg"),
        (["{tmp}/nope.yaml", "-o", "{tmp}/o.apkg"], "quiz: {tmp}/nope.yaml: no such file"),
        (
            ["--all", "--decks-dir", "{tmp}/empty", "-o", "{tmp}/o.apkg"],
            "quiz: {tmp}/empty: no deck",
        ),
        (["--all", "--decks-dir", "{tmp}/none", "-o", "{tmp}/o.apkg"], "quiz: {tmp}/none: no such"),
        (["{deck}", "--decks-dir", "{tmp}", "-o", "{tmp}/o.apkg"], "quiz: --decks-dir is the"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    decks: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "empty").mkdir()
    values = {"tmp": str(tmp_path), "deck": str(decks / "lighthouse.yaml")}
    message = error_of(["export", *[a.format(**values) for a in args]], capsys)
    assert message.startswith(expected.format(**values))
    assert not list(tmp_path.glob("*.apkg")) and not list(tmp_path.glob(".*.tmp"))


def test_export_stays_headless(decks: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import quiz.commands.export\n"
        "assert 'genanki' not in sys.modules, 'genanki loaded before an export'\n"
        "from quiz.cli import main\n"
        f"assert main(['export', {str(decks / 'lighthouse.yaml')!r}, '-o', "
        f"{str(tmp_path / 'l.apkg')!r}]) == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    modules = set(result.stdout.split())
    assert "genanki" in modules and "quiz.export.anki" in modules
    assert not {"textual", "spacy", "trafilatura", "anki"} & modules
