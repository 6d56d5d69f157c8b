"""Reading a deck file: `quiz.decks.read_deck`, cold (empty cache) and warm, against libyaml."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import yaml

from benchmarks import datagen
from benchmarks.steps.common import Growth, Row, Settings, require, temp_dir

MAIN_SIZE = 10_000


def _time(function: object) -> float:
    gc.collect()
    start = time.perf_counter()
    function()  # type: ignore[operator]
    return time.perf_counter() - start


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    require("quiz.decks", attribute="read_deck")
    from quiz.decks import read_deck

    sizes = [1_000, 10_000] if settings.quick else [1_000, 10_000, 100_000]
    rows: list[Row] = []
    growth: list[Growth] = []
    for size in sizes:
        path = datagen.deck_file(size)
        runs = settings.runs if size <= MAIN_SIZE else settings.huge_runs
        cold = Row(
            f"load a {size:,}-question deck, cold",
            "`read_deck`, empty cache",
            "`yaml.load(CSafeLoader)` of the same file",
            "<= 1.2x",
            1.2,
        )
        warm = Row(
            f"load a {size:,}-question deck, warm",
            "`read_deck`, cached",
            "`yaml.load(CSafeLoader)` of the same file",
            "<= 0.1x",
            0.1,
        )
        for index in range(runs):
            settings.log(f"  load {size:,}, run {index + 1}/{runs}")
            with temp_dir("load") as temp:
                cache = Path(temp)
                floor = _time(lambda p=path: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader))
                cold_s = _time(lambda p=path, c=cache: read_deck(p, cache_dir=c))
                warm_s = _time(lambda p=path, c=cache: read_deck(p, cache_dir=c))
            for row, measured in ((cold, cold_s), (warm, warm_s)):
                row.measured_s.append(measured)
                row.floor_s.append(floor)
                row.ratios.append(measured / floor)
        if runs < settings.runs:
            cold.note = warm.note = "one run > 20 s"
        if size == MAIN_SIZE:
            rows += [cold, warm]
        growth.append(
            Growth("load, cold", size, "question", [s / size for s in cold.measured_s], runs)
        )
        growth.append(
            Growth("load, warm", size, "question", [s / size for s in warm.measured_s], runs)
        )
        growth.append(
            Growth("yaml.load floor", size, "question", [s / size for s in cold.floor_s], runs)
        )
    return rows, growth
