"""What a wrong answer got wrong: the typed text against the answer with the differing parts
marked, and the words a false statement changed from its source sentence. Pure functions."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Final

Segments = list[tuple[str, bool]]
"""Pieces of a text in order, each True where it differs from the other text."""

MIN_LIKENESS: Final = 0.5
"""Below this share of shared characters the two texts are simply different: nothing is marked."""

MAX_SWAP_WORDS: Final = 6

_WORD: Final = re.compile(r"\S+")


def mark_differences(typed: str, answer: str) -> tuple[Segments, Segments]:
    """The typed text and the answer cut into pieces, marked where they differ (ignoring case).

    Two texts with little in common come back whole and unmarked: marking every letter of a
    different name teaches nothing.
    """
    matcher = SequenceMatcher(
        None, [c.casefold() for c in typed], [c.casefold() for c in answer], autojunk=False
    )
    if matcher.ratio() < MIN_LIKENESS:
        return [(typed, False)], [(answer, False)]
    typed_parts: Segments = []
    answer_parts: Segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        differs = tag != "equal"
        if i2 > i1:
            _add(typed_parts, typed[i1:i2], differs)
        if j2 > j1:
            _add(answer_parts, answer[j1:j2], differs)
    return typed_parts, answer_parts


def changed_words(statement: str, sentence: str) -> tuple[str, str] | None:
    """In a false statement made from `sentence`, the words put in and the words they replaced,
    such as ("1953", "1952"); `None` when no words were swapped."""
    said = _WORD.findall(statement)
    source = _WORD.findall(sentence)
    matcher = SequenceMatcher(
        None, [_bare(w) for w in said], [_bare(w) for w in source], autojunk=False
    )
    # A swap puts a few words in place of as many (a name, a number, a date); a longer
    # rewording is no swap. The most even one wins.
    swaps = [
        (abs((i2 - i1) - (j2 - j1)), (i2 - i1) + (j2 - j1), i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag == "replace" and min(i2 - i1, j2 - j1) <= MAX_SWAP_WORDS
    ]
    if not swaps:
        return None
    _uneven, _size, i1, i2, j1, j2 = min(swaps)
    words = min(i2 - i1, j2 - j1)  # the longer side runs on into words left out of the statement
    put, was = " ".join(said[i1 : i1 + words]), " ".join(source[j1 : j1 + words])
    return put.strip(".,;:!?\"'“”‘’"), was.strip(".,;:!?\"'“”‘’")


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’()").casefold()


def _add(parts: Segments, piece: str, differs: bool) -> None:
    if parts and parts[-1][1] == differs:
        parts[-1] = (parts[-1][0] + piece, differs)
    else:
        parts.append((piece, differs))
