"""Questions the learner flagged as bad while studying, joined to their decks for `quiz flagged`.

A flag lives in the progress database, keyed like the card's schedule (deck id, question id), so it
survives regenerating the deck. Pure functions: the caller reads the flags and the decks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from quiz.model import Deck, Question
from quiz.progress import FlagRecord

REASONS: Final[tuple[str, ...]] = (
    "wrong answer",
    "unclear",
    "bad options",
    "not worth asking",
    "other",
)
"""What can be wrong with a question, as the study app offers them."""


@dataclass(frozen=True, slots=True)
class FlaggedQuestion:
    """A flag with what it is about; `question` and `deck` are `None` when the question is no
    longer in any deck read."""

    flag: FlagRecord
    deck: Deck | None
    question: Question | None


def flagged_questions(flags: Sequence[FlagRecord], decks: Sequence[Deck]) -> list[FlaggedQuestion]:
    """Each flag with its deck and question, in the order of the flags."""
    by_id = {deck.id: deck for deck in decks}
    found = []
    for flag in flags:
        deck = by_id.get(flag.deck_id)
        question = None
        if deck is not None:
            question = next((q for q in deck.questions if q.id == flag.question_id), None)
        found.append(FlaggedQuestion(flag, deck, question))
    return found


def to_json(items: Sequence[FlaggedQuestion]) -> list[dict[str, Any]]:
    """The flags as JSON-ready data: the deck, the question as in its file, the reason."""
    rows = []
    for item in items:
        question = item.question
        rows.append(
            {
                "deck_id": item.flag.deck_id,
                "deck_title": item.deck.title if item.deck else None,
                "question_id": item.flag.question_id,
                "kind": question.kind if question else None,
                "fact": question.fact if question else None,
                "prompt": question.prompt if question else None,
                "answer": question.answer_text if question else None,
                "source_sentence": question.source.sentence if question else None,
                "reason": item.flag.reason,
                "note": item.flag.note,
                "flagged_at": item.flag.flagged_at.isoformat(),
            }
        )
    return rows


def render_text(items: Sequence[FlaggedQuestion]) -> str:
    """The flags as text for the terminal, one block per flag."""
    if not items:
        return "No flagged questions.\n"
    blocks = []
    for item in items:
        flag, question = item.flag, item.question
        title = item.deck.title if item.deck else flag.deck_id
        reason = flag.reason + (f": {flag.note}" if flag.note else "")
        lines = [f"[{reason}] {title} / {flag.question_id}"]
        if question is None:
            lines.append("  (no longer in the decks)")
        else:
            lines.append(f"  Q: {question.prompt}")
            lines.append(f"  A: {question.answer_text}")
            if question.source.sentence:
                lines.append(f"  Source: {question.source.sentence}")
        blocks.append("\n".join(lines))
    count = len(items)
    return "\n\n".join(blocks) + f"\n\n{count} flagged question{'s' if count != 1 else ''}.\n"
