"""Text normalisation shared by every reader: Unicode form, invisible and control characters, whitespace."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clearing the screen
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"  # OSC: window title, clipboard, links
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b.?"
)

MAX_TOKEN: Final = 80
"""The longest run of characters without a space the reader passes on; longer runs are broken.

Nothing in prose is longer, and the tokenizer's time grows with the square of a token's length."""


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""C0 and C1 control characters other than whitespace, and DEL."""
_CONTROLS_AND_INVISIBLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]")
"""The same, and invisible characters: zero-width space and joiner, BOM, soft hyphen."""


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (whitespace stays)."""
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """Plain text of one block: NFC, terminal escape sequences and control characters removed, invisible
    characters (zero-width space, BOM, soft hyphen) removed, whitespace collapsed, overlong runs without
    a space broken every `MAX_TOKEN` characters."""
    # A printable text holds no control or invisible character and no whitespace but the plain space,
    # and stays printable through NFC: the common case skips the searches for them.
    printable = text.isprintable()
    if not printable:
        if "\x1b" in text:
            text = _ESCAPES.sub("", text)
        text = _CONTROLS_AND_INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if not printable or "  " in text or text[:1] == " " or text[-1:] == " ":
        text = " ".join(text.split())
    if _has_long_run(text):
        text = " ".join(piece for word in text.split(" ") for piece in _pieces(word))
    return text


_LONG_RUN = re.compile(f"[^ ]{{{MAX_TOKEN + 1}}}")
_WINDOW: Final = MAX_TOKEN // 2


def _has_long_run(text: str) -> bool:
    """Whether `text` (whose only whitespace is single spaces) has a run of more than `MAX_TOKEN`
    characters without a space.

    Such a run covers one of the windows `text[k : k + _WINDOW]` for k a multiple of `_WINDOW`, so a text
    where every window holds a space (all prose) is not searched.
    """
    if len(text) <= MAX_TOKEN:
        return False
    for start in range(0, len(text) - _WINDOW + 1, _WINDOW):
        if " " not in text[start : start + _WINDOW]:
            return _LONG_RUN.search(text) is not None
    return False


def _pieces(word: str) -> list[str]:
    return [word[start : start + MAX_TOKEN] for start in range(0, len(word), MAX_TOKEN)]


FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
"""Sentence-final punctuation, with any closing quotes or brackets after it."""


def has_words(text: str) -> bool:
    """Whether `text` holds any letter or digit."""
    return any(ch.isalnum() for ch in text)
