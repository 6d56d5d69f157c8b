"""The headless core never imports Textual, and commands that don't generate never import spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "quiz.model",
    "quiz.errors",
    "quiz.decks",
    "quiz.fastyaml",
    "quiz.paths",
    "quiz.cli",
    "quiz.scheduling",
    "quiz.progress",
    "quiz.grading",
    "quiz.study",
    "quiz.custom_study",
    "quiz.session",
    "quiz.stats",
    "quiz.generate.article",
    "quiz.reading",
    "quiz.generate.pipeline",
    "quiz.generate.batch",
    "quiz.commands.generate",
    "quiz.commands.export",
    "quiz.commands.stats",
]


def imported_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_does_not_import_textual_or_spacy(module: str) -> None:
    modules = imported_after(f"import {module}")
    assert "textual" not in modules
    assert "spacy" not in modules
    if module != "quiz.commands.export":
        assert "genanki" not in modules


def test_export_module_does_not_import_textual() -> None:
    modules = imported_after("import quiz.export.anki")
    assert "genanki" in modules
    assert not {"textual", "spacy"} & modules


def test_check_command_stays_light(tmp_path: object) -> None:
    modules = imported_after(
        "from quiz.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(['check', 'no-such-deck.yaml'])"
    )
    assert "quiz.commands.decks" in modules
    assert not {"textual", "spacy", "genanki", "trafilatura"} & modules


def test_study_start_leaves_grading_scheduling_and_yaml_for_later() -> None:
    # What `quiz study` imports before the first card: rapidfuzz (grading), fsrs (scheduling) and
    # yaml (only for decks not in the parse cache) are loaded once the card is on screen.
    modules = imported_after(
        "import quiz.cli, quiz.commands.study, quiz.progress, quiz.tui, quiz.tui.screens.study"
    )
    assert "textual" in modules
    assert not {"quiz.grading", "rapidfuzz", "fsrs", "yaml", "quiz.tui.screens.deck_list"} & modules
