"""Where quiz keeps the user's data: progress, caches and the deck library."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"


def data_dir() -> Path:
    """The folder for progress and the deck library: `$QUIZ_DATA_DIR`, else the platform's user data folder."""
    override = os.environ.get("QUIZ_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The folder for caches that can be deleted at any time (parsed decks)."""
    override = os.environ.get("QUIZ_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if os.environ.get("QUIZ_DATA_DIR"):
        return data_dir() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def library_dir() -> Path:
    """The user's own deck folder, used when there is no ./decks and no --decks."""
    return data_dir() / "decks"


def default_decks_dir(cwd: Path | None = None) -> Path:
    """./decks when it exists, else the user's library folder."""
    local = (cwd or Path.cwd()) / "decks"
    return local if local.is_dir() else library_dir()
