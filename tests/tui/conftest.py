"""Fixtures for the app's tests: the test decks, a progress store on tmp_path, a fixed clock."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input

from quiz.decks import find_decks, read_deck
from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.tui import QuizApp, StudyOptions, build_app

DECKS_DIR = Path(__file__).parent.parent / "data" / "decks"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screenshots differ from run to run."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Progress and caches go to tmp_path, never to the user's folders."""
    folder = tmp_path / "data"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    monkeypatch.delenv("QUIZ_CACHE_DIR", raising=False)
    return folder


@pytest.fixture
def decks() -> list[Deck]:
    """The test decks: harbour (every kind of card) and lighthouse (three cards)."""
    return [read_deck(path) for path in find_decks(DECKS_DIR)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore.open(tmp_path / "progress.sqlite3") as opened:
        yield opened


@pytest.fixture
def make_app(decks: list[Deck], store: ProgressStore) -> Callable[..., QuizApp]:
    """Builds the app on the test decks and store, with the clock stopped at NOW."""

    def make(
        chosen: Sequence[Deck] | None = None, *, new_per_day: int = 20, **kwargs: object
    ) -> QuizApp:
        return build_app(
            decks if chosen is None else chosen,
            store,
            clock=lambda: NOW,
            options=StudyOptions(
                new_per_day=new_per_day, retention=0.9, theme=store.get_settings().theme
            ),
            **kwargs,  # type: ignore[arg-type]
        )

    return make


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    """Copies of the test decks, which the app may edit."""
    folder = tmp_path / "decks"
    shutil.copytree(DECKS_DIR, folder)
    return folder


@pytest.fixture
def make_file_app(deck_folder: Path, store: ProgressStore) -> Callable[..., QuizApp]:
    """Builds the app on the copies of the test decks with their files known (so editing,
    suspending and leeches write to them); keywords are `StudyOptions` fields."""

    def make(**options: Any) -> QuizApp:
        files = find_decks(deck_folder)
        decks = [read_deck(path) for path in files]
        return build_app(
            decks,
            store,
            clock=lambda: NOW,
            options=StudyOptions(**options),
            deck_files={deck.id: path for deck, path in zip(decks, files, strict=True)},
        )

    return make


def screen_text(app: App[Any]) -> str:
    """The characters on the app's screen, line by line, as a terminal would show them."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
