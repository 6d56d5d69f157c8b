"""Shared fixtures: no test touches the real user data or cache folders."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def datagen() -> ModuleType:
    """The benchmark data generator (benchmarks/datagen.py), which is not part of the package."""
    name = "bench_datagen"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "datagen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def private_data_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point progress, the deck library and caches at a fresh folder for every test."""
    folder: Path = tmp_path_factory.mktemp("quiz-data")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(folder / "cache"))
