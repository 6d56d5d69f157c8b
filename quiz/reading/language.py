"""A cheap check of an article's language: English function words, counted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

ENGLISH_WORDS: Final = frozenset(
    """the of and to is was that for with are it on as by this be at from have has were which but not
    they he she his her their its will would said an or been who we you had there than more about when
    what after into after could also can one all new other our over some these those up out""".split()
)
"""Function words frequent in any English prose and rare in other languages' text."""

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS: Final = 1200
_MIN_WORDS: Final = 40
_MIN_SHARE: Final = 0.10
"""English prose has about a quarter of its words in ENGLISH_WORDS; other languages a few percent."""


def is_english(paragraphs: Iterable[str]) -> bool:
    """Whether the text reads as English; short texts (under 40 words) always do."""
    sample = ""
    for paragraph in paragraphs:
        sample = f"{sample} {paragraph}"
        if len(sample) >= _SAMPLE_CHARS:
            break
    words = _words(sample[:_SAMPLE_CHARS].lower())
    if len(words) < _MIN_WORDS:
        return True
    if not "".join(words).isascii():
        latin = sum(1 for word in words if word[0] < "\u0250")
        if latin < 0.5 * len(words):
            return False
    return sum(map(ENGLISH_WORDS.__contains__, words)) >= _MIN_SHARE * len(words)


def _words(text: str) -> list[str]:
    """The runs of letters in `text` (`_WORD`): a whitespace-separated token of letters only is one run,
    and only the other tokens are searched (most words are plain, and the search costs more)."""
    words: list[str] = []
    for token in text.split():
        if token.isalpha():
            words.append(token)
        else:
            words.extend(_WORD.findall(token))
    return words
