"""The parsed-deck cache: decks kept as marshal files in the cache folder, keyed by what a deck is
made from (the file's bytes and its name), so an unchanged deck is read without parsing YAML.
Any entry may be deleted at any time; a missing or unreadable one is simply rebuilt."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from pathlib import Path
from typing import Any, Final

from quiz.errors import QuizError
from quiz.files import write_bytes_atomic
from quiz.gc_pause import gc_paused
from quiz.model import Deck, DeckSource, Question, SourceRef

_CACHE_VERSION: Final = "deck-cache-2"


def _cache_file(cache_dir: Path, key: str) -> Path:
    return cache_dir / _CACHE_VERSION / f"{key}.marshal"


def _cache_key(data: bytes, path: Path) -> str:
    """The cache key of a deck read from `data` at `path`: the parsed deck depends on both (a
    deck without `id` or `title` takes them from the file name), so two copies of one file under
    different names are two entries."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(Path(path).stem.encode("utf-8", "surrogateescape"))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def load(cache_dir: Path, data: bytes, path: Path) -> Deck | None:
    """The deck parsed before from `data` read at `path`, or `None` if there is none (or it
    cannot be read back)."""
    key = _cache_key(data, path)
    # marshal holds only plain data (str, int, list, None): loading it runs no code, and it is
    # two to three times faster than json for a 10,000-question deck.
    try:
        data = _cache_file(cache_dir, key).read_bytes()
        with gc_paused():
            return _deck_from_cache(marshal.loads(data))
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError):
        return None  # a missing or stale cache entry is simply rebuilt


def store(cache_dir: Path, data: bytes, path: Path, deck: Deck) -> None:
    """Keep `deck`, parsed from `data` read at `path`; a failure to write is ignored."""
    key = _cache_key(data, path)
    target = _cache_file(cache_dir, key)
    with contextlib.suppress(OSError, QuizError):  # the cache is an optimisation, never an error
        with gc_paused():
            data = marshal.dumps(_deck_to_cache(deck))
        # Not synced to disk: a cache file cut short by a crash fails to load (marshal raises)
        # and is rebuilt, so durability would only cost time (and, on slow disks, a lot of it).
        write_bytes_atomic(target, data, durable=False)


def _deck_to_cache(deck: Deck) -> tuple[Any, ...]:
    source = deck.source
    rows = tuple(
        (
            q.id,
            q.kind,
            q.prompt,
            q.answer,
            q.accept,
            q.choices,
            q.fact,
            q.tags,
            q.source.sentence,
            q.source.paragraph,
            q.suspended,
        )
        for q in deck.questions
    )
    return (
        deck.id,
        deck.title,
        (source.title, source.authors, source.published, source.url, source.file),
        rows,
    )


def _deck_from_cache(raw: tuple[Any, ...]) -> Deck:
    # marshal gives tuples back as tuples, so rows go straight into the frozen dataclasses.
    deck_id, title, source, rows = raw
    questions = tuple(
        Question(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            SourceRef(row[8], row[9]),
            row[10],
        )
        for row in rows
    )
    return Deck(deck_id, title, questions, DeckSource(*source))
