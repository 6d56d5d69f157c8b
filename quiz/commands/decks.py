"""`quiz check DECK...`: validate deck files and print every problem as `file:line: message`."""

from __future__ import annotations

import argparse
import sys

from quiz.decks import iter_problems
from quiz.errors import EXIT_USER_ERROR


def run_check(args: argparse.Namespace) -> int:
    """Print every problem of the decks given (files or folders); exit 2 when there is any."""
    count = 0
    for problem in iter_problems(args.decks):
        print(problem, file=sys.stderr)
        count += 1
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return EXIT_USER_ERROR
    print(f"{len(args.decks)} deck path{'s' if len(args.decks) != 1 else ''} checked: all valid")
    return 0
