"""Text normalisation shared by every reader: Unicode form, invisible and control characters, whitespace."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFC, invisible characters (zero-width space, BOM, soft hyphen) removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", text).strip()


FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
"""Sentence-final punctuation, with any closing quotes or brackets after it."""


def has_words(text: str) -> bool:
    """Whether `text` holds any letter or digit."""
    return any(ch.isalnum() for ch in text)
