"""The study app: first card on screen, next card after a key press, memory while studying."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks import datagen
from benchmarks.steps.common import (
    ROOT,
    Row,
    Settings,
    clean_env,
    driver,
    median,
    require,
    temp_dir,
)

SIZE = 10_000
PRESSES = 20


def deck_folder(size: int = SIZE) -> Path:
    """The deck file of `size` questions that `quiz study DECK` opens."""
    return datagen.deck_file(size)


def _drive(env: dict[str, str], *args: str | Path | int) -> tuple[float, dict[str, Any]]:
    """Start the driver; returns (seconds from just before the start to "shown", its report)."""
    start = time.monotonic()
    done = subprocess.run(
        driver("app_driver", *args),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:]
        raise RuntimeError(f"app driver {args[:2]} exited {done.returncode}: {last}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report.get("shown", start) - start, report


def _product_ready() -> None:
    require("quiz.tui", attribute="build_app")


def run_first_card(settings: Settings) -> list[Row]:
    _product_ready()
    folder = deck_folder()
    rows = []
    for cache_state in ("cold", "warm"):
        row = Row(
            f"start the app, first card visible ({cache_state} cache)",
            "process start to first card painted, 10,000-question deck",
            "process start to a bare Textual app's Static painted",
            "<= 1.5x",
            1.5,
        )
        for index in range(settings.runs):
            settings.log(f"  first card ({cache_state}), run {index + 1}/{settings.runs}")
            with temp_dir("first") as temp:
                env = clean_env(Path(temp))
                if cache_state == "warm":
                    _drive(env, "first", "app", folder)
                measured, _ = _drive(env, "first", "app", folder)
                floor, _ = _drive(env, "first", "bare", "-")
            row.measured_s.append(measured)
            row.floor_s.append(floor)
            row.ratios.append(measured / floor)
        rows.append(row)
    return rows


def run_keypress(settings: Settings) -> list[Row]:
    _product_ready()
    folder = deck_folder()
    row = Row(
        "next card after a key press",
        f"in-process, key event to next card painted (median of {PRESSES})",
        "key bound to updating a Static, to its refresh (same harness)",
        "<= 3x",
        3.0,
    )
    for index in range(settings.runs):
        settings.log(f"  key press, run {index + 1}/{settings.runs}")
        with temp_dir("keys") as temp:
            env = clean_env(Path(temp))
            _, product = _drive(env, "keys", "app", folder, PRESSES)
            _, bare = _drive(env, "keys", "bare", "-", PRESSES)
        measured = median(product["latencies"])
        floor = median(bare["latencies"])
        row.measured_s.append(measured)
        row.floor_s.append(floor)
        row.ratios.append(measured / floor)
    return [row]


def run_memory(settings: Settings) -> list[Row]:
    _product_ready()
    folder = deck_folder()
    rows = []
    for cache_state in ("cold", "warm"):
        row = Row(
            f"memory while studying the 10,000-question deck ({cache_state} cache)",
            f"peak RSS after {PRESSES} cards",
            "peak RSS: bare Textual app + the deck parsed by libyaml",
            "<= 1.5x",
            1.5,
            unit="MB",
        )
        for index in range(settings.runs):
            settings.log(f"  memory ({cache_state}), run {index + 1}/{settings.runs}")
            with temp_dir("memory") as temp:
                env = clean_env(Path(temp))
                if cache_state == "warm":
                    _drive(env, "first", "app", folder)
                _, product = _drive(env, "keys", "app", folder, PRESSES)
                _, bare = _drive(env, "keys", "bare", folder, PRESSES)
            row.measured_s.append(product["rss_mb"])
            row.floor_s.append(bare["rss_mb"])
            row.ratios.append(product["rss_mb"] / bare["rss_mb"])
        rows.append(row)
    return rows


if os.name != "posix":  # resource.getrusage and the shared monotonic clock are POSIX-only
    raise ImportError("the app benchmarks need a POSIX system")
