"""Text normalisation shared by every reader: Unicode form, invisible and control characters, whitespace."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_SPACES = re.compile(r"\s+")
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clearing the screen
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, links
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"
)

MAX_TOKEN: Final = 80
"""The longest run of characters without a space the reader passes on; longer runs are broken.

Nothing in prose is longer, and the tokenizer's time grows with the square of a token's length."""
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN + 1},}}")


_DROPPED: Final = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)], None
)
"""C0 and C1 control characters other than whitespace, and DEL: for `str.translate`."""
_DROPPED_AND_INVISIBLE: Final = {
    **_DROPPED,
    **dict.fromkeys([0x200B, 0x2060, 0xFEFF, 0x00AD], None),
}


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (whitespace stays)."""
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    return text.translate(_DROPPED)


def clean_text(text: str) -> str:
    """Plain text of one block: NFC, terminal escape sequences and control characters removed, invisible
    characters (zero-width space, BOM, soft hyphen) removed, whitespace collapsed, overlong runs without
    a space broken every `MAX_TOKEN` characters."""
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    text = text.translate(_DROPPED_AND_INVISIBLE)
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if len(text) <= MAX_TOKEN or max(map(len, text.split(" "))) <= MAX_TOKEN:
        return text
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[start : start + MAX_TOKEN] for start in range(0, len(run), MAX_TOKEN))


FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
"""Sentence-final punctuation, with any closing quotes or brackets after it."""


def has_words(text: str) -> bool:
    """Whether `text` holds any letter or digit."""
    return any(ch.isalnum() for ch in text)
