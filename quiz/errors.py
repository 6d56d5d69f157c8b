"""The one error type users see: a message they can act on, naming the file and line when there is one.

The command line prints it as a single line on stderr and exits with status 2; anything else is a bug
and keeps its traceback.
"""

from __future__ import annotations

import re
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


MAX_MESSAGE = 400
"""Longer messages are cut: text quoted from a hostile file must not flood the terminal."""

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    return (
        f"\\x{ord(match.group()):02x}"
        if ord(match.group()) < 0x100
        else f"\\u{ord(match.group()):04x}"
    )


def printable(text: str) -> str:
    """`text` with control, escape and bidirectional-override characters shown as `\\xNN` codes, so
    text quoted from a file or a server can never change the terminal's state."""
    return _UNSAFE.sub(_visible, text)


def printable_json(text: str) -> str:
    """JSON text with the characters `printable` escapes written as `\\uNNNN` escapes instead (still
    valid JSON, the same strings once parsed). JSON escapes C0 controls itself, but leaves C1
    controls and bidirectional overrides in place when it keeps non-ASCII text readable."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM and APC strings
    r"|\x1b.?",  # any other escape
    re.DOTALL,
)


def without_controls(text: str) -> str:
    """`text` with terminal escape sequences and the characters `printable` escapes removed (tabs
    and line breaks become spaces): for one-line text kept from a file, such as a deck title."""
    return " ".join(_UNSAFE.sub("", _ESCAPE_SEQUENCE.sub("", text)).split())


def one_line(message: str, *, path: str | None = None, line: int | None = None) -> str:
    """Format `path:line: message` on one printable line (whitespace folded, controls escaped)."""
    text = printable(" ".join(message.split()))
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    if path is None:
        return text
    where = printable(f"{path}:{line}" if line is not None else path)
    return f"{where}: {text}"
