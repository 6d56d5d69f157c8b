"""Text normalisation shared by every reader: Unicode form, invisible and control characters, whitespace."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clearing the screen
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, links
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters other than whitespace, and DEL."""

MAX_TOKEN: Final = 80
"""The longest run of characters without a space the reader passes on; longer runs are broken.

Nothing in prose is longer, and the tokenizer's time grows with the square of a token's length."""
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN + 1},}}")


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (whitespace stays)."""
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """Plain text of one block: NFC, terminal escape sequences and control characters removed, invisible
    characters (zero-width space, BOM, soft hyphen) removed, whitespace collapsed, overlong runs without
    a space broken every `MAX_TOKEN` characters."""
    text = strip_controls(_INVISIBLE.sub("", text))
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[start : start + MAX_TOKEN] for start in range(0, len(run), MAX_TOKEN))


FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
"""Sentence-final punctuation, with any closing quotes or brackets after it."""


def has_words(text: str) -> bool:
    """Whether `text` holds any letter or digit."""
    return any(ch.isalnum() for ch in text)
