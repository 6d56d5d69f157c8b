"""The one error type users see: a message they can act on, naming the file and line when there is one.

The command line prints it as a single line on stderr and exits with status 2; anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path

EXIT_USER_ERROR = 2
"""Exit status for bad input: a missing or invalid file, an unreachable URL, an unwritable target."""


class QuizError(Exception):
    """A problem the user can fix: bad input, an unreadable file, an unwritable target.

    Args:
        message: what went wrong and, where useful, what to do about it.
        path: the file (or URL) concerned, if any.
        line: the 1-based line in that file, if known.
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return one_line(self.message, path=self.path, line=self.line)


def one_line(message: str, *, path: str | None = None, line: int | None = None) -> str:
    """Format `path:line: message` on one line (newlines in the message are folded)."""
    text = " ".join(message.split())
    if path is None:
        return text
    where = f"{path}:{line}" if line is not None else path
    return f"{where}: {text}"
