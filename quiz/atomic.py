"""Writing files atomically: readers see the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from quiz.errors import QuizError


def write_bytes_atomic(
    path: Path, data: bytes, *, make_folder: bool = True, durable: bool = True
) -> None:
    """Write `data` to `path` through a temporary file in the same folder, fsync and a rename:
    readers see the old file or the new one, never a mix. New files get the usual permissions
    (the umask decides), like any file the user creates.

    With `durable=False` nothing is synced to disk (the file and the rename): still atomic for
    readers, but after a crash the file may be missing or cut short. Only for files that can be
    rebuilt.

    Raises:
        QuizError: `path` is a folder, or its folder is missing (and not made) or not writable.
    """
    if path.is_dir():
        raise QuizError("is a folder, not a file", path=path)
    folder = path.parent
    temp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
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
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temp, path)
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


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
