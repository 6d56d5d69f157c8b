"""`quiz study` (the default command) and `quiz test`: read and check the decks, then open the app.

Decks are read and validated before Textual starts. A deck file named on the command line that is
broken is a one-line `file:line` error with exit status 2; in a deck folder, a broken deck is
listed as broken (with its first problem) and the others can be studied.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths
from quiz.decks import BrokenDeck, find_decks, read_deck, read_decks_apart
from quiz.errors import QuizError
from quiz.model import Deck
from quiz.scheduling import MAX_RETENTION, MIN_RETENTION

if TYPE_CHECKING:
    from quiz.custom_study import CustomKind, CustomStudy
    from quiz.progress import ProgressStore


def run_study(args: argparse.Namespace) -> int:
    """Open the study app on the deck folder, or straight on the deck files given (or on a custom
    sitting of them)."""
    _check_options(args)
    custom = custom_study(args)
    files, folder = _sources(args)
    with _start_up() as started:
        broken: list[BrokenDeck] = []
        study_now = bool(files)
        if files:
            decks = read_decks(files)
            _require_questions(decks)
        else:
            found = _folder_decks(folder)
            decks, broken = read_decks_apart(found, cache_dir=paths.cache_dir())
            unread = {deck.path for deck in broken}
            files = [path for path in found if path not in unread]
            if not decks:
                raise QuizError(broken[0].problem)
            _require_questions(decks, folder=folder)

        from quiz.progress import ProgressStore, default_progress_path

        with ProgressStore.open(default_progress_path()) as store:
            if args.save:
                store.set_settings(new_per_day=args.new_per_day, retention=args.retention)
            settings = store.get_settings()
            if custom is not None:
                _require_custom_cards(store, decks, custom)
            # Textual is imported only once the decks are known to be good.
            from quiz.tui import StudyOptions, build_app

            options = StudyOptions(
                new_per_day=settings.new_per_day if args.new_per_day is None else args.new_per_day,
                retention=settings.retention if args.retention is None else args.retention,
                theme=settings.theme,
                leech_lapses=settings.leech_lapses,
            )
            app = build_app(
                decks,
                store,
                options=options,
                study_now=study_now,
                folder="" if study_now else _shown(folder),
                broken=broken,
                deck_files={deck.id: path for deck, path in zip(decks, files, strict=True)},
                custom=custom,
            )
            started()
            app.run()
    return 0


def custom_study(args: argparse.Namespace) -> CustomStudy | None:
    """The custom sitting the options ask for, or `None` (the normal queue).

    Raises:
        QuizError: For a bad date or number, or a limit given without a custom sitting.
    """
    tags = frozenset(tag.strip() for tag in args.tag if tag.strip())
    kind: CustomKind | None = None
    if args.ahead is not None:
        kind = "ahead"
    elif args.wrong_today:
        kind = "wrong"
    elif args.cram or tags or args.published_from or args.published_to:
        kind = "cram"
    if kind is None:
        if args.limit is not None:
            raise QuizError("--limit applies to custom study: add --cram, --ahead or --wrong-today")
        return None
    from quiz.custom_study import (
        DEFAULT_AHEAD_DAYS,
        DEFAULT_LIMIT,
        CardFilter,
        CustomStudy,
        parse_day,
    )

    cards = CardFilter(
        tags=tags,
        published_from=parse_day(args.published_from) if args.published_from else None,
        published_to=parse_day(args.published_to, end=True) if args.published_to else None,
    )
    return CustomStudy(
        kind,
        cards,
        days=DEFAULT_AHEAD_DAYS if args.ahead is None else args.ahead,
        limit=DEFAULT_LIMIT if args.limit is None else args.limit,
    )


def run_test(args: argparse.Namespace) -> int:
    """A practice test of `--count` random questions; nothing is written to the progress."""
    from quiz.study import practice_test

    source: Path = args.deck
    with _start_up() as started:
        files = _folder_decks(source) if source.is_dir() else [source]
        decks = read_decks(files)
        _require_questions(decks, folder=source if source.is_dir() else None)
        if args.count < 1:
            raise QuizError(f"--count must be at least 1, not {args.count}")
        cards = practice_test(decks, count=args.count, seed=args.seed)

        from quiz.tui import build_app

        deck_files = {deck.id: path for deck, path in zip(decks, files, strict=True)}
        app = build_app(decks, None, practice=cards, deck_files=deck_files)
        started()
        app.run()
    return 0


@contextlib.contextmanager
def _start_up() -> Iterator[Callable[[], None]]:
    """Keep the garbage collector off what is made before the app runs; call the function given
    when the app is about to run.

    The decks, the TUI's modules and the app live until the app ends, and none of it is garbage: a
    10,000-question deck alone is some 50,000 objects, which the cyclic collector would otherwise
    scan over and over while they are made and again at each full collection after (20-50 ms
    before the first card). Collection pauses until the call, which then freezes everything alive
    (leaves it out of later collections) until the block ends.
    """
    enabled = gc.isenabled()
    frozen = False

    def started() -> None:
        nonlocal frozen
        gc.freeze()
        frozen = True
        if enabled:
            gc.enable()

    gc.disable()
    try:
        yield started
    finally:
        if frozen:
            gc.unfreeze()
        elif enabled:
            gc.enable()


def read_decks(files: Sequence[Path]) -> list[Deck]:
    """Read and validate each deck file (parsed copies are cached, keyed on the content).

    Raises:
        QuizError: For the first file with a problem, naming its line.
    """
    cache = paths.cache_dir()
    return [read_deck(path, cache_dir=cache) for path in files]


def _sources(args: argparse.Namespace) -> tuple[list[Path], Path]:
    """The deck files named on the command line (folders among them stand for their decks), and
    the deck folder: --decks DIR, ./decks, or the user's library."""
    named: list[Path] = args.decks
    folder_option: Path | None = args.decks_dir
    files: list[Path] = []
    folder = folder_option or paths.default_decks_dir()
    for path in named:
        if path.is_dir() and len(named) == 1 and folder_option is None:
            folder = path
        elif path.is_dir():
            files.extend(find_decks(path))
        else:
            files.append(path)
    return files, folder


def _folder_decks(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise QuizError(
            "no deck folder here; make decks with `quiz generate ARTICLE` or pass --decks DIR",
            path=folder,
        )
    found = find_decks(folder)
    if not found:
        raise QuizError(
            "no decks (*.yaml) in this folder; make one with `quiz generate ARTICLE`", path=folder
        )
    return found


def _require_questions(decks: Sequence[Deck], *, folder: Path | None = None) -> None:
    """A deck named on its own must have questions; a folder must have some deck that does."""
    if folder is None:
        for deck in decks:
            if not any(not question.suspended for question in deck.questions):
                raise QuizError(f"the deck {deck.id!r} has no questions to study")
    elif not any(not q.suspended for deck in decks for q in deck.questions):
        raise QuizError("the decks in this folder have no questions to study", path=folder)


def _require_custom_cards(store: ProgressStore, decks: Sequence[Deck], study: CustomStudy) -> None:
    """A custom sitting must find cards: say so before the app opens."""
    from quiz.custom_study import answered_wrong, custom_queue, day_start, describe

    now = datetime.now(UTC)
    wrong = answered_wrong(store.reviews(since=day_start(now))) if study.kind == "wrong" else []
    with_states = [(deck, store.card_states(deck.id)) for deck in decks]
    if not custom_queue(with_states, study, now=now, wrong=wrong):
        raise QuizError(f"no cards to study: {describe(study, decks)}")


def _check_options(args: argparse.Namespace) -> None:
    if args.save and args.new_per_day is None and args.retention is None:
        raise QuizError("--save keeps --new-per-day or --retention: give one of them")
    if args.new_per_day is not None and args.new_per_day < 0:
        raise QuizError(f"--new-per-day must be 0 or more, not {args.new_per_day}")
    if args.retention is not None and not MIN_RETENTION <= args.retention <= MAX_RETENTION:
        raise QuizError(
            f"--retention must be {MIN_RETENTION} to {MAX_RETENTION}, not {args.retention}"
        )


def _shown(folder: Path) -> str:
    """The folder as the learner would type it: relative to here when inside it."""
    try:
        return str(folder.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(folder)
