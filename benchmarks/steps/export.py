"""`quiz export DECK -o FILE.apkg`, cold and warm cache, against genanki writing the same notes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from benchmarks import datagen
from benchmarks.steps.common import (
    QUIZ,
    Growth,
    Row,
    Settings,
    clean_env,
    command_exists,
    driver,
    run_timed,
    temp_dir,
)

MAIN_SIZE = 10_000


def _notes_json(deck: Path) -> Path:
    target = deck.with_suffix(".notes.json")
    if not target.exists():
        data = yaml.load(deck.read_bytes(), Loader=yaml.CSafeLoader)
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    command_exists("export")
    sizes = [1_000, 10_000] if settings.quick else [1_000, 10_000, 100_000]
    rows: list[Row] = []
    growth: list[Growth] = []
    for size in sizes:
        deck = datagen.deck_file(size)
        notes = _notes_json(deck)
        runs = settings.runs if size <= MAIN_SIZE else settings.huge_runs
        cold = Row(
            f"export {size:,} questions to .apkg, cold",
            "`quiz export` process, wall, empty cache",
            "genanki writing the same notes from loaded data (process)",
            "<= 1.5x",
            1.5,
        )
        warm = Row(
            f"export {size:,} questions to .apkg, warm",
            "`quiz export` process, wall, deck cached",
            "genanki writing the same notes from loaded data (process)",
            "<= 1.5x",
            1.5,
        )
        for index in range(runs):
            settings.log(f"  export {size:,}, run {index + 1}/{runs}")
            with temp_dir("export") as temp:
                env = clean_env(Path(temp))
                out = Path(temp) / "out.apkg"
                args = [*QUIZ, "export", str(deck), "-o", str(out)]
                cold_s, _ = run_timed(args, env=env)
                if not out.exists():
                    raise RuntimeError("quiz export wrote no package")
                out.unlink()
                warm_s, _ = run_timed(args, env=env)
                floor_s, _ = run_timed(
                    driver("genanki_floor", notes, Path(temp) / "floor.apkg"), env=env
                )
            for row, measured in ((cold, cold_s), (warm, warm_s)):
                row.measured_s.append(measured)
                row.floor_s.append(floor_s)
                row.ratios.append(measured / floor_s)
        if runs < settings.runs:
            cold.note = warm.note = "one run > 20 s"
        if size == MAIN_SIZE:
            rows += [cold, warm]
        growth.append(
            Growth("export, cold", size, "question", [s / size for s in cold.measured_s], runs)
        )
        growth.append(
            Growth("genanki floor", size, "question", [s / size for s in cold.floor_s], runs)
        )
    return rows, growth
