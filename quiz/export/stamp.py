"""Export timestamps that always move forward, so Anki applies every re-export.

Anki's default import updates a note only when the package's note mtime is *newer* than the copy in
the collection, and genanki stores mtimes in whole seconds. A re-export in the same second as the
previous one, or after the clock stepped back, would carry the same or an older mtime and be ignored.
So each export takes `max(now, previous + 1)`, where `previous` is the newest of the last timestamp
this machine handed out (kept in the data folder) and the mtime inside the package being replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

STAMP_FILE: Final = "anki-export.json"
"""In the data folder: {"last_timestamp": N}, the newest export timestamp handed out."""

MAX_TIMESTAMP: Final = 253_402_300_799
"""The last second of the year 9999. A stamp read back beyond it (or below 0) is damage, not an
export: it is ignored, never carried forward (note and card ids are the stamp in milliseconds,
and must fit in SQLite's 64-bit integers)."""


def valid_timestamp(value: object) -> int | None:
    """`value` if it is a whole number of seconds an export can follow (0 <= value < MAX_TIMESTAMP),
    else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < MAX_TIMESTAMP else None


def next_timestamp(now: float, previous: int | None) -> int:
    """The note mtime for an export at `now`: whole seconds, and later than `previous`.

    A `previous` that is not a valid timestamp (see `valid_timestamp`) is ignored, and the result
    is never beyond MAX_TIMESTAMP.
    """
    stamp = min(max(int(now), 0), MAX_TIMESTAMP)
    previous = valid_timestamp(previous)
    if previous is not None and stamp <= previous:
        stamp = previous + 1
    return stamp


def reserve_timestamp(state_file: Path, now: float, *, at_least_after: int | None = None) -> int:
    """Hand out the next export timestamp and record it in `state_file`.

    The file is locked while it is read and rewritten, so two exports at once get different
    timestamps. A missing or unreadable file counts as no previous export; if it cannot be written,
    the timestamp is still returned (the export itself matters more than the record).

    Args:
        state_file: where the last timestamp is kept.
        now: the current time (Unix seconds).
        at_least_after: another earlier timestamp to stay ahead of (the package being replaced).
    """
    with _locked(state_file) as stream:
        previous = _read_last(stream)
        after = valid_timestamp(at_least_after)
        if after is not None:
            previous = after if previous is None else max(previous, after)
        stamp = next_timestamp(now, previous)
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.seek(0)
                stream.truncate()
                stream.write(json.dumps({"last_timestamp": stamp}).encode())
                stream.flush()
    return stamp


def _read_last(stream: IO[bytes] | None) -> int | None:
    if stream is None:
        return None
    try:
        stream.seek(0)
        value = json.loads(stream.read(_MAX_STATE_BYTES) or b"{}").get("last_timestamp")
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    return valid_timestamp(value)


_MAX_STATE_BYTES: Final = 4096
"""The state file holds one small number; more than this is not ours."""


@contextlib.contextmanager
def _locked(state_file: Path) -> Iterator[IO[bytes] | None]:
    try:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(state_file, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield None
        return
    with os.fdopen(handle, "r+b") as stream:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; concurrent exports are rare there
            yield stream
            return
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        try:
            yield stream
        finally:
            fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
