"""`quiz export DECK... -o FILE.apkg`: write decks to one Anki package."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quiz.decks import find_decks, read_deck
from quiz.errors import QuizError, printable
from quiz.model import Deck
from quiz.paths import cache_dir, data_dir, default_decks_dir


def run_export(args: argparse.Namespace) -> int:
    """Read and validate the decks, then write them to the package; 0 on success.

    Raises:
        QuizError: no deck given, a deck is invalid, or the package cannot be written.
    """
    from quiz.export.anki import package_timestamp, write_apkg  # genanki loads only here
    from quiz.export.stamp import STAMP_FILE, reserve_timestamp

    output: Path = args.output
    if output.suffix.lower() != ".apkg":
        raise QuizError("the package name must end in .apkg (Anki imports only those)", path=output)
    files = deck_files(args)
    decks: list[Deck] = []
    paths: dict[str, Path] = {}
    for path in files:
        deck = read_deck(path, cache_dir=cache_dir())
        if deck.id in paths:
            raise QuizError(
                f"deck id {deck.id!r} is also the id of {paths[deck.id]}; "
                "give each deck its own `id`",
                path=path,
            )
        paths[deck.id] = path
        decks.append(deck)
    if not output.parent.is_dir():
        raise QuizError("cannot write: the folder does not exist", path=output)

    timestamp = reserve_timestamp(
        data_dir() / STAMP_FILE, time.time(), at_least_after=package_timestamp(output)
    )
    written = write_apkg(
        decks,
        output,
        timestamp=timestamp,
        parent=args.parent,
        include_suspended=args.include_suspended,
        paths=paths,
    )
    notes = sum(len(deck.notes) for deck in written)
    cards = sum(note.cards for deck in written for note in deck.notes)
    left_out = sum(deck.left_out for deck in written)
    plural = "s" if len(written) != 1 else ""
    # Deck titles and file names come from files: shown through the error lines' sanitiser.
    print(printable(f"{output}: {len(written)} deck{plural}, {notes} notes, {cards} cards"))
    for anki_deck in written:
        print(printable(f"  {anki_deck.name}: {len(anki_deck.notes)} notes"))
    if left_out:
        print(
            f"  {left_out} suspended question{'s' if left_out != 1 else ''} left out "
            "(--include-suspended to add them)"
        )
    return 0


def deck_files(args: argparse.Namespace) -> list[Path]:
    """The deck files to export: those named (folders searched), then the deck folder's with --all.

    Raises:
        QuizError: nothing to export, or a folder holds no deck files.
    """
    named: list[Path] = list(args.decks)
    if args.decks_dir is not None and named and not args.all:
        raise QuizError("--decks-dir is the folder for --all: add --all, or leave it out")
    use_folder = args.all or args.decks_dir is not None
    if not named and not use_folder:
        raise QuizError("name the decks to export, or use --all for every deck in the deck folder")
    found: list[Path] = []
    for path in named:
        found.extend(_in_folder(path) if path.is_dir() else [path])
    if use_folder:
        found.extend(_in_folder(args.decks_dir or default_decks_dir()))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _in_folder(folder: Path) -> list[Path]:
    files = find_decks(folder)
    if not files:
        raise QuizError("no deck files (*.yaml) in this folder", path=folder)
    return files
