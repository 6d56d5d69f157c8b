"""Leeches: cards forgotten again and again after they were learned, which cost more reviews than
they are worth until rewritten. As in Anki, a card whose lapses reach the threshold (8 by default)
is tagged `leech` and suspended in its deck file; the learner edits or unsuspends it."""

from __future__ import annotations

from collections.abc import Iterable

from quiz.deck_edit import LEECH_TAG
from quiz.model import Deck, Question
from quiz.progress import ReviewRecord


def became_leech(record: ReviewRecord, threshold: int) -> bool:
    """Whether this review made the card a leech: its lapses reached `threshold` (0: never)."""
    return 0 < threshold and record.before.lapses < threshold <= record.after.lapses


def is_leech(question: Question) -> bool:
    """Whether the question carries the leech tag."""
    return LEECH_TAG in question.tags


def leeches(decks: Iterable[Deck]) -> list[tuple[Deck, Question]]:
    """The questions tagged leech, deck by deck."""
    return [(deck, question) for deck in decks for question in deck.questions if is_leech(question)]
