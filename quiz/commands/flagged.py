"""`quiz flagged [--json] [--decks DIR]`: the questions flagged as bad while studying."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from quiz.decks import find_decks, read_deck
from quiz.errors import printable
from quiz.flags import flagged_questions, render_text, to_json
from quiz.paths import cache_dir, default_decks_dir
from quiz.progress import ProgressStore, default_progress_path


def run_flagged(args: argparse.Namespace) -> int:
    """Print every flag with its question, deck, source sentence and reason; 0 on success."""
    path = default_progress_path()
    if not path.exists():
        flags = []
    else:
        with ProgressStore.open(path) as store:
            flags = store.flags()
    folder: Path = args.decks if args.decks is not None else default_decks_dir()
    decks = (
        [read_deck(deck, cache_dir=cache_dir()) for deck in find_decks(folder)]
        if folder.is_dir()
        else []
    )
    items = flagged_questions(flags, decks)
    if args.json:
        print(json.dumps(to_json(items), indent=2, ensure_ascii=False))
    else:
        print(printable(render_text(items)), end="")
    return 0
