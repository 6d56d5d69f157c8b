"""User files read with a cap and written atomically, whatever the path turns out to be.

Reading counts the bytes actually read: a device (`/dev/zero`) reports size 0 and never ends, so
only regular files and pipes are read, and a pipe only up to the cap. Writing goes through a
temporary file and a rename, keeps an existing file's permissions, writes through a symbolic link
to its target, and sweeps the temporary files an interrupted write left behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import Final

from quiz.errors import QuizError

_CHUNK: Final = 1 << 16
STALE_TEMP_SECONDS: Final = 10.0
"""A temporary file of ours this old, and not locked by a writer, was left by a killed write."""


def file_kind(mode: int) -> str:
    """What a `st_mode` stands for, in words: "folder", "device", "pipe", "socket" or "file"."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "file"


def _kind_of(path: Path) -> str:
    try:
        return file_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return ""


def is_regular_file(path: Path) -> bool:
    """Whether `path` (its link target, for a symbolic link) is an existing regular file."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_capped(path: Path, limit: int, *, what: str = "file") -> bytes:
    """The bytes of `path`, refusing anything that is not a regular file or a pipe, or is longer
    than `limit` bytes (counted as read, not taken from the reported size).

    The file is opened without blocking, so a named pipe with no writer reads as empty instead of
    waiting forever.

    Args:
        path: the file to read.
        limit: the most bytes accepted.
        what: the kind of file expected, for messages ("deck file", "article").

    Raises:
        QuizError: the file is missing, unreadable, a folder or device, or too large.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise QuizError("no such file", path=path) from None
    except IsADirectoryError:
        raise QuizError(f"is a folder, not a {what}", path=path) from None
    except OSError as error:
        kind = _kind_of(path)  # a socket cannot even be opened
        reason = f"is a {kind}, not a {what}" if kind not in ("file", "") else None
        raise QuizError(reason or f"cannot read: {error.strerror or error}", path=path) from None
    try:
        mode = os.fstat(handle).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise QuizError(f"is a {file_kind(mode)}, not a {what}", path=path)
        if stat.S_ISFIFO(mode) and hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)  # opened: now wait for a writer's data like any reader
        # A regular file is read in one call of its reported size (plus one byte, to see it
        # grew); a pipe, or a file that grew, in chunks. The cap counts what was read.
        want = os.fstat(handle).st_size + 1 if stat.S_ISREG(mode) else _CHUNK
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(handle, min(want, limit + 1 - size))
            want = _CHUNK
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise QuizError(f"{what} too large (over {_show_size(limit)})", path=path)
        return b"".join(chunks)
    except OSError as error:
        raise QuizError(f"cannot read: {error.strerror or error}", path=path) from None
    finally:
        os.close(handle)


def _show_size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} bytes"


_TEMP_SUFFIX: Final = ".tmp"


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{12}}{re.escape(_TEMP_SUFFIX)}")


def write_target(path: Path) -> Path:
    """The file a write to `path` replaces: `path`, or the final target of a symbolic link.

    Raises:
        QuizError: `path` (or its target) exists and is not a regular file (a folder, a device,
            a pipe): it cannot be replaced by a file.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise QuizError(f"cannot write: {error.strerror or error}", path=path) from None
    if not stat.S_ISREG(mode):
        raise QuizError(f"is a {file_kind(mode)}, not a file: give a file name", path=path)
    return target


def write_bytes_atomic(
    path: Path, data: bytes, *, make_folder: bool = True, durable: bool = True
) -> None:
    """Write `data` to `path` through a temporary file in the same folder, fsync and a rename:
    readers see the old file or the new one, never a mix.

    A file that exists keeps its permission bits (a private 0600 file stays private); a new file
    gets the usual permissions (the umask decides). A symbolic link is written through: its
    target is replaced and the link stays. A durable write also removes the temporary files of
    ours that an interrupted write left next to the file.

    With `durable=False` nothing is synced to disk (the file and the rename): still atomic for
    readers, but after a crash the file may be missing or cut short. Only for files that can be
    rebuilt.

    Raises:
        QuizError: `path` is a folder, device or pipe, or its folder is missing (and not made) or
            not writable.
    """
    target = write_target(path)
    folder = target.parent
    try:
        old_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        old_mode = None
    temp = folder / f".{target.name}.{secrets.token_hex(6)}{_TEMP_SUFFIX}"
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileNotFoundError:
        raise QuizError("cannot write: the folder does not exist", path=path) from None
    except OSError as error:
        raise QuizError(f"cannot write: {error.strerror or error}", path=path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            _lock(stream.fileno(), blocking=True)  # tells a sweeping writer this one is alive
            if old_mode is not None:
                os.fchmod(stream.fileno(), old_mode)
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temp, target)  # while still locked: never swept half-written
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise QuizError(f"cannot write: {error.strerror or error}", path=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        _fsync_folder(folder)
        sweep_stale_temps(target, now=time.time())


def sweep_stale_temps(path: Path, *, now: float) -> list[Path]:
    """Remove the temporary files an interrupted write to `path` left behind; returns them.

    Only names of our own pattern (`.NAME.<12 hex digits>.tmp`) are touched, only when at least
    `STALE_TEMP_SECONDS` old and not locked by a writer still running.
    """
    pattern = _temp_pattern(path.name)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_TEMP_SECONDS:
                continue
            handle = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if _lock(handle, blocking=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
        finally:
            os.close(handle)
    return removed


def _lock(descriptor: int, *, blocking: bool) -> bool:
    """Take an exclusive advisory lock; False if another process holds it (non-blocking only)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; the age of a temporary file decides alone
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
