"""What every benchmark step shares: result rows, timing helpers and clean subprocess runs."""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[2]
DRIVERS: Final = Path(__file__).resolve().parent / "drivers"
PYTHON: Final = sys.executable
QUIZ: Final = [PYTHON, "-m", "quiz"]


class NotAvailable(Exception):
    """The product module a step measures has not landed (or cannot run) yet."""


@dataclass
class Row:
    """One line of the results table: a measured step against its floor."""

    step: str
    measured: str
    floor: str
    goal: str
    limit: float
    """The goal as a number: ratio <= limit, or >= limit when `at_least`."""
    at_least: bool = False
    ratios: list[float] = field(default_factory=list)
    measured_s: list[float] = field(default_factory=list)
    floor_s: list[float] = field(default_factory=list)
    note: str = ""
    unavailable: str = ""
    unit: str = "s"
    """The unit of `measured_s` and `floor_s` ("s" or "MB")."""

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def met(self) -> bool | None:
        if self.unavailable or not self.ratios:
            return None
        return self.median >= self.limit if self.at_least else self.median <= self.limit


@dataclass
class Growth:
    """The cost per item of one step at one size."""

    step: str
    size: int
    item: str
    per_item_s: list[float]
    runs: int
    unavailable: str = ""


@dataclass
class Settings:
    """What the command line asked for."""

    runs: int
    quick: bool
    long_runs: int
    """Runs for steps where one run takes more than 20 s."""
    huge_runs: int
    """Runs at the largest sizes of the growth series (100,000 questions)."""
    log: Callable[[str], None] = print


def ratio_rows_from_pairs(
    row: Row, pairs: Sequence[tuple[float, float]], *, speedup: bool = False
) -> Row:
    """Fill `row` from (measured, floor) pairs taken side by side; ratio = measured / floor."""
    for measured, floor in pairs:
        row.measured_s.append(measured)
        row.floor_s.append(floor)
        row.ratios.append(floor / measured if speedup else measured / floor)
    return row


def clean_env(temp: Path) -> dict[str, str]:
    """The environment for product processes: user data and cache in fresh temporary folders."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("QUIZ_", "PYTHON", "TEXTUAL"))
    }
    data = temp / "data"
    cache = temp / "cache"
    data.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    env["QUIZ_DATA_DIR"] = str(data)
    env["QUIZ_CACHE_DIR"] = str(cache)
    env["PYTHONHASHSEED"] = "0"
    return env


def run_timed(
    args: Sequence[str], *, env: dict[str, str], cwd: Path | None = None, timeout: float = 900
) -> tuple[float, str]:
    """Run a process to its end; returns (wall seconds, stdout). Raises on a non-zero exit."""
    start = time.perf_counter()
    done = subprocess.run(
        list(args),
        env=env,
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()[-1:]
        raise RuntimeError(f"{' '.join(args[:4])}... exited {done.returncode}: {message}")
    return elapsed, done.stdout


def driver(name: str, *args: str | Path | int) -> list[str]:
    """The command line of one of our driver scripts."""
    return [PYTHON, str(DRIVERS / f"{name}.py"), *(str(arg) for arg in args)]


def temp_dir(prefix: str) -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix=f"quiz-bench-{prefix}-")


def require(module: str, *, attribute: str = "") -> None:
    """Raise NotAvailable unless `module` (and `attribute` in it) can be imported."""
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        raise NotAvailable(f"{module} not available")
    if attribute:
        imported = importlib.import_module(module)
        if not hasattr(imported, attribute):
            raise NotAvailable(f"{module}.{attribute} not available")


def command_exists(command: str) -> None:
    """Raise NotAvailable unless `quiz <command>` is wired to a module that exists."""
    from quiz.cli import COMMANDS

    target = COMMANDS.get(command)
    if target is None:
        raise NotAvailable(f"`quiz {command}` not available")
    module, _, function = target.partition(":")
    require(module, attribute=function)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
