"""The `quiz` command line: parses arguments and hands each command to its module, imported lazily.

Bad input raises QuizError, printed as one line on stderr with exit status 2. Commands that do not
generate never import spaCy; commands that do not open the app never import Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from quiz import __version__
from quiz.errors import EXIT_USER_ERROR, QuizError

COMMANDS: dict[str, str] = {
    "generate": "quiz.commands.generate:run_generate",
    "read": "quiz.commands.read:run_read",
    "facts": "quiz.commands.generate:run_facts",
    "check": "quiz.commands.decks:run_check",
    "study": "quiz.commands.study:run_study",
    "test": "quiz.commands.study:run_test",
    "stats": "quiz.commands.stats:run_stats",
    "export": "quiz.commands.export:run_export",
    "optimize": "quiz.commands.optimize:run_optimize",
    "flagged": "quiz.commands.flagged:run_flagged",
}
"""Command name -> "module:function"; the function takes the parsed arguments and returns an exit status."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Turn news articles into quiz decks, study them with spaced repetition, "
        "export them to Anki. With no command, opens the study app.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gen = sub.add_parser(
        "generate", help="make a quiz deck from an article, URL, fact sheet or folder"
    )
    gen.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="article (.md .txt .html), fact sheet (.yaml), folder or http(s) URL",
    )
    where = gen.add_mutually_exclusive_group()
    where.add_argument(
        "-o", "--output", type=Path, metavar="DECK.yaml", help="deck file (one source)"
    )
    where.add_argument(
        "--out-dir", type=Path, metavar="DIR", help="folder for the decks (default: decks/)"
    )
    gen.add_argument("--max", type=int, default=None, metavar="N", help="keep at most N questions")
    gen.add_argument(
        "--templates", type=Path, metavar="FILE", help="extra question templates (YAML)"
    )
    gen.add_argument("--seed", type=int, default=0, help="seed for shuffled choices (default 0)")
    gen.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per CPU, at most 8, from 4 sources)",
    )
    gen.add_argument(
        "--fresh", action="store_true", help="replace an existing deck instead of keeping its edits"
    )

    read = sub.add_parser("read", help="print an article as the generator reads it")
    read.add_argument("source", metavar="SOURCE")
    read.add_argument("--json", action="store_true", help="print JSON")

    facts = sub.add_parser("facts", help="list the facts found in an article")
    facts.add_argument("source", metavar="SOURCE")
    facts.add_argument("--json", action="store_true", help="print JSON")

    check = sub.add_parser(
        "check", help="validate decks; print every problem as file:line: message"
    )
    check.add_argument("decks", nargs="+", type=Path, metavar="DECK")

    study = sub.add_parser(
        "study",
        help="open the study app (the default command); custom study: --cram, --ahead, --wrong-today",
    )
    study.add_argument("decks", nargs="*", type=Path, metavar="DECK")
    _add_study_options(study)
    _add_custom_options(study)

    test = sub.add_parser("test", help="a practice test that leaves the schedule alone")
    test.add_argument("deck", type=Path, metavar="DECK")
    test.add_argument("--count", type=int, default=20, metavar="N")
    test.add_argument("--seed", type=int, default=None)

    stats = sub.add_parser("stats", help="reviews, retention and forecast")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--decks", type=Path, metavar="DIR", help="deck folder")

    flagged = sub.add_parser("flagged", help="list the questions you flagged as bad")
    flagged.add_argument("--json", action="store_true", help="print JSON")
    flagged.add_argument("--decks", type=Path, metavar="DIR", help="deck folder")

    optimize = sub.add_parser("optimize", help="fit the scheduler to your own reviews (offline)")
    optimize.add_argument(
        "--reset", action="store_true", help="go back to the default scheduler parameters"
    )
    optimize.add_argument("--json", action="store_true", help="print JSON")

    export = sub.add_parser("export", help="write decks to an Anki package (.apkg)")
    export.add_argument("decks", nargs="*", type=Path, metavar="DECK")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.apkg")
    export.add_argument("--all", action="store_true", help="every deck in the deck folder")
    export.add_argument("--decks-dir", type=Path, metavar="DIR", help="deck folder for --all")
    export.add_argument("--parent", default="quiz", help='parent Anki deck (default "quiz")')
    export.add_argument("--include-suspended", action="store_true")
    return parser


def _add_study_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--decks", dest="decks_dir", type=Path, metavar="DIR", help="deck folder (default ./decks)"
    )
    parser.add_argument(
        "--new-per-day",
        type=int,
        default=None,
        metavar="N",
        help="new cards a day, for this run only unless --save (saved setting: 20 at first)",
    )
    parser.add_argument(
        "--retention",
        type=float,
        default=None,
        help="desired retention 0.7-0.99, for this run only unless --save (at first 0.9)",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="keep --new-per-day and --retention for later runs too (as the app's Settings, key"
        " o, do)",
    )


def _add_custom_options(parser: argparse.ArgumentParser) -> None:
    custom = parser.add_argument_group(
        "custom study",
        "study outside today's queue (the app's key c); the reviews count as usual and nothing"
        " else in the schedule changes. --tag, --from and --to narrow any kind; alone they"
        " study beyond today's limits.",
    )
    kind = custom.add_mutually_exclusive_group()
    kind.add_argument(
        "--cram",
        action="store_true",
        help="every card of the decks chosen, beyond today's limits: due first, then new",
    )
    kind.add_argument(
        "--ahead",
        type=int,
        default=None,
        metavar="DAYS",
        help="review ahead: the cards falling due in the next DAYS days",
    )
    kind.add_argument("--wrong-today", action="store_true", help="the cards answered wrong today")
    custom.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only cards with this tag (repeat for any of several)",
    )
    custom.add_argument(
        "--from",
        dest="published_from",
        metavar="DATE",
        help="only articles published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)",
    )
    custom.add_argument(
        "--to", dest="published_to", metavar="DATE", help="only articles published up to DATE"
    )
    custom.add_argument(
        "--limit", type=int, default=None, metavar="N", help="at most N cards (default 100)"
    )


def _resolve(command: str) -> Callable[[argparse.Namespace], int]:
    module_name, _, function_name = COMMANDS[command].partition(":")
    function: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(module_name), function_name
    )
    return function


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if (
        not args_list
        or args_list[0].startswith("-")
        and args_list[0] not in ("-h", "--help", "--version")
    ):
        args_list = ["study", *args_list]
    args = parser.parse_args(args_list)
    try:
        return _resolve(args.command)(args)
    except QuizError as error:
        print(f"quiz: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("quiz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
