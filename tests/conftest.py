"""Shared fixtures: no test touches the real user data or cache folders."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_data_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point progress, the deck library and caches at a fresh folder for every test."""
    folder: Path = tmp_path_factory.mktemp("quiz-data")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(folder / "cache"))
