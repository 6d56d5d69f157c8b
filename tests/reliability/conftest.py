"""The reliability suite's tally: inputs tried per target, crashes and data lost, shown at the end.

Each test counts what it tried through the session-wide `tally` fixture. A crash is any exception
other than QuizError; data lost is a committed answer, a deck or a package that did not survive.

With pytest-xdist every worker hands its counts to the controller (`workeroutput`). When the
controller has not loaded this file (it only loads the conftest files of the folders named on the
command line), the workers write their counts to the run's temporary folder and the last one to
finish prints the merged tally.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from quiz.errors import QuizError

T = TypeVar("T")

COLUMNS = ("tried", "crashes", "lost")
_KEY = "quiz_reliability_tally"
_CONTROLLER_FLAG = "quiz_reliability_controller"


class Tally:
    """Counts per target: inputs tried, crashes (exceptions other than QuizError), data lost."""

    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = {}

    def _row(self, target: str) -> dict[str, int]:
        return self.counts.setdefault(target, dict.fromkeys(COLUMNS, 0))

    def tried(self, target: str, count: int = 1) -> None:
        self._row(target)["tried"] += count

    def crashed(self, target: str, count: int = 1) -> None:
        self._row(target)["crashes"] += count

    def lost(self, target: str, count: int = 1) -> None:
        """Record lost data (counted even when zero, so the target shows in the tally)."""
        self._row(target)["lost"] += count

    def call(
        self, target: str, function: Callable[..., T], *args: Any, **kwargs: Any
    ) -> T | QuizError:
        """Run one input through `function`: its result, or the QuizError it raised.

        Any other exception is counted as a crash and raised again, so the test fails with it.
        """
        self.tried(target)
        try:
            return function(*args, **kwargs)
        except QuizError as error:
            return error
        except Exception:
            self.crashed(target)
            raise

    def merge(self, counts: dict[str, dict[str, int]]) -> None:
        for target, row in counts.items():
            mine = self._row(target)
            for column in COLUMNS:
                mine[column] += int(row.get(column, 0))

    def lines(self) -> list[str]:
        width = max([len("target"), *(len(target) for target in self.counts)])
        lines = [f"{'target':<{width}}  {'tried':>8}  {'crashes':>7}  {'lost':>4}"]
        total = dict.fromkeys(COLUMNS, 0)
        for target in sorted(self.counts):
            row = self.counts[target]
            lines.append(
                f"{target:<{width}}  {row['tried']:>8}  {row['crashes']:>7}  {row['lost']:>4}"
            )
            for column in COLUMNS:
                total[column] += row[column]
        lines.append(
            f"{'total':<{width}}  {total['tried']:>8}  {total['crashes']:>7}  {total['lost']:>4}"
        )
        return lines


TALLY = Tally()


@pytest.fixture(scope="session")
def tally() -> Iterator[Tally]:
    """The run's tally (one per process; merged at the end)."""
    yield TALLY


# ------------------------------------------------------------------------------ collecting counts


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _shared_folder(config: pytest.Config) -> Path | None:
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is None:
        return None
    return Path(factory.getbasetemp()).parent / "quiz-reliability-tally"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Controller side: tell the workers that this process prints the tally."""
    node.workerinput[_CONTROLLER_FLAG] = True


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """Controller side: add a finished worker's counts."""
    counts = getattr(node, "workeroutput", {}).get(_KEY)
    if counts:
        TALLY.merge(json.loads(counts))


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not _is_worker(config):
        return
    payload = json.dumps(TALLY.counts)
    config.workeroutput[_KEY] = payload  # type: ignore[attr-defined]
    if config.workerinput.get(_CONTROLLER_FLAG):  # type: ignore[attr-defined]
        return
    folder = _shared_folder(config)
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw")
    temp = folder / f".{worker}.tmp"
    temp.write_text(payload, encoding="utf-8")
    temp.replace(folder / f"{worker}.json")
    expected = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    files = sorted(folder.glob("*.json"))
    if len(files) < expected:
        return
    try:
        os.close(os.open(folder / "printed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    merged = Tally()
    for file in files:
        merged.merge(json.loads(file.read_text(encoding="utf-8")))
    if merged.counts:
        text = "\n".join(["", "reliability tally", *merged.lines()]) + "\n"
        os.write(2, text.encode("utf-8"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _is_worker(terminalreporter.config) or not TALLY.counts:
        return
    terminalreporter.section("reliability tally")
    for line in TALLY.lines():
        terminalreporter.write_line(line)
