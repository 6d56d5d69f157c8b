"""`quiz stats [--json] [--decks DIR]`: reviews a day, true retention, cards by state, due forecast."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from quiz.decks import find_decks, read_decks_apart
from quiz.paths import cache_dir, default_decks_dir
from quiz.progress import ProgressStore, default_progress_path
from quiz.stats import compute_stats, render_stats_text, stats_to_json


def run_stats(args: argparse.Namespace) -> int:
    """Print the stats for the decks in the deck folder; 0 on success.

    Days are counted in the local time zone. A missing progress file reads as no reviews (and is
    not created).

    Raises:
        QuizError: the deck folder is missing or the progress file is unreadable. A deck that
            cannot be read is left out, with a line on stderr.
    """
    folder: Path = args.decks if args.decks is not None else default_decks_dir()
    decks, broken = read_decks_apart(find_decks(folder), cache_dir=cache_dir())
    for deck in broken:  # one broken deck does not hide the others' statistics
        print(f"quiz: left out of the statistics: {deck.problem}", file=sys.stderr)
    now = datetime.now(UTC)
    local = now.astimezone().tzinfo or UTC
    path = default_progress_path()
    # Only reading: a read-only progress file (or folder) must not stop the stats.
    store = ProgressStore.open_read_only(path) if path.exists() else ProgressStore.in_memory()
    with store:
        stats = compute_stats(store, decks, now=now, tz=local)
    if args.json:
        print(json.dumps(stats_to_json(stats), indent=2))
    else:
        print(render_stats_text(stats), end="")
    return 0
