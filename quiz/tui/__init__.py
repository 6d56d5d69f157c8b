"""The terminal app (Textual). `build_app` makes it, for `quiz study`, `quiz test` and the tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.decks import BrokenDeck
from quiz.model import Deck
from quiz.progress import ProgressStore
from quiz.session import Card, Clock
from quiz.tui.app import QuizApp, StudyOptions

if TYPE_CHECKING:
    from quiz.custom_study import CustomStudy

__all__ = ["QuizApp", "StudyOptions", "build_app", "utc_now"]


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


def build_app(
    decks: Sequence[Deck],
    store: ProgressStore | None,
    *,
    clock: Clock = utc_now,
    options: StudyOptions | None = None,
    practice: Sequence[Card] | None = None,
    study_now: bool = False,
    folder: str = "",
    deck_files: Mapping[str, Path] | None = None,
    broken: Sequence[BrokenDeck] = (),
    custom: CustomStudy | None = None,
) -> QuizApp:
    """Make the app from decks already read and validated.

    Args:
        decks: the decks to list and study.
        store: the progress store; `None` for a practice test, which writes nothing.
        clock: the time source (tests pass a fixed one).
        options: new cards a day, desired retention and theme; defaults to the store's settings.
        practice: the questions of a practice test (see `quiz.study.practice_test`); the app asks
            them, shows the score and every answer, then ends.
        study_now: start a study session of all `decks` at once, over the deck list.
        folder: the deck folder, shown above the list.
        deck_files: deck id -> the file it was read from (for `e` edit and `s` suspend).
        broken: deck files of the folder that could not be read, listed as broken.
        custom: open on this custom study sitting (see `quiz.custom_study`), over the deck list.
    """
    if options is None:
        settings = store.get_settings() if store is not None else None
        options = (
            StudyOptions(
                new_per_day=settings.new_per_day,
                retention=settings.retention,
                theme=settings.theme,
                leech_lapses=settings.leech_lapses,
            )
            if settings is not None
            else StudyOptions()
        )
    return QuizApp(
        decks,
        store,
        clock=clock,
        options=options,
        practice=practice,
        study_now=study_now,
        folder=folder,
        deck_files=deck_files,
        broken=broken,
        custom=custom,
    )
