"""What the learner can do to the card in front of them: edit it, suspend it, flag it, and what
happens when it turns out to be a leech. Headless: the study screen calls these and shows the result.

Edits and suspensions go to the card's deck file (one question rewritten in place, see
`quiz.deck_edit`); flags go to the progress database. All survive regenerating the deck.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from quiz.deck_edit import LEECH_TAG, mark_leech, replace_question, set_suspended, update_question
from quiz.errors import QuizError
from quiz.files import write_bytes_atomic
from quiz.flags import REASONS
from quiz.leeches import became_leech
from quiz.model import Deck, Question
from quiz.progress import DEFAULT_LEECH_LAPSES, ProgressStore, ReviewRecord

Card = tuple[Deck, Question]


@dataclass(frozen=True, slots=True)
class FileChange:
    """A deck file's bytes before and after one change, to take the change back exactly."""

    path: Path
    before: bytes
    after: bytes


@dataclass(frozen=True, slots=True)
class CardActions:
    """Acting on cards of the decks read from `deck_files`.

    Args:
        store: the progress store (flags); `None` in a practice test, where only edits work.
        deck_files: deck id -> the file it was read from.
        leech_lapses: lapses that make a card a leech (0: never).
        cache_dir: where parsed decks are cached, if anywhere.
    """

    store: ProgressStore | None
    deck_files: Mapping[str, Path] = field(default_factory=dict)
    leech_lapses: int = DEFAULT_LEECH_LAPSES
    cache_dir: Path | None = None

    def can_edit(self, card: Card) -> bool:
        """Whether the card's deck file is known (decks given as data in tests may have none)."""
        return card[0].id in self.deck_files

    def edit(self, card: Card, question: Question) -> Question:
        """Write the edited question to its deck file; returns it as read back.

        Raises:
            QuizError: The edit is invalid or the file cannot be rewritten (nothing changed).
        """
        if question.id != card[1].id:
            raise ValueError("an edit keeps the question's id")
        return replace_question(self._file(card), question, cache_dir=self.cache_dir)

    def suspend(self, card: Card) -> Question:
        """Write `suspended: true` on the card's question."""
        return self.set_suspended(card, True)

    def set_suspended(self, card: Card, suspended: bool) -> Question:
        """Suspend or unsuspend the card's question in its deck file."""
        return set_suspended(self._file(card), card[1].id, suspended, cache_dir=self.cache_dir)

    def flag(self, card: Card, reason: str, *, now: datetime, note: str = "") -> None:
        """Flag the card's question as bad, for `reason` (one of REASONS)."""
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        if self.store is None:
            raise QuizError("flags are kept with the progress; a practice test has none")
        self.store.flag(card[0].id, card[1].id, reason, now=now, note=note)

    def leech(
        self, card: Card, record: ReviewRecord | None
    ) -> tuple[Question, FileChange | None] | None:
        """If this review made the card a leech, tag and suspend it in its deck file; returns the
        question as written and the change to the file (for `restore`), or `None` if it is no
        leech."""
        if record is None or not became_leech(record, self.leech_lapses):
            return None
        return self.mark_leech(card)

    def mark_leech(self, card: Card) -> tuple[Question, FileChange | None]:
        """Tag the card's question leech and suspend it (whatever its lapses); returns it as
        written and the change to the file (`None` when its file is not known)."""
        if not self.can_edit(card):
            return replace(card[1], tags=(*card[1].tags, LEECH_TAG), suspended=True), None
        path = self._file(card)
        before = path.read_bytes()
        question = mark_leech(path, card[1].id, cache_dir=self.cache_dir)
        return question, FileChange(path, before, path.read_bytes())

    def restore(self, card: Card, change: FileChange | None) -> Question:
        """Take back a leech mark: the deck file as it was before `change` if nothing else changed
        it since, else the question with the tags and suspension it has in `card`. Returns the
        question as it now stands.

        Raises:
            QuizError: If the file cannot be written (it is left as it was).
        """
        question = card[1]
        if not self.can_edit(card):
            return question
        path = self._file(card)
        if change is not None and change.path == path and _read(path) == change.after:
            write_bytes_atomic(path, change.before, make_folder=False)
            return question
        return update_question(
            path,
            question.id,
            tags=question.tags,
            suspended=question.suspended,
            cache_dir=self.cache_dir,
        )

    def _file(self, card: Card) -> Path:
        path = self.deck_files.get(card[0].id)
        if path is None:
            raise QuizError(f"the file of deck {card[0].id!r} is not known here")
        return path


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def split_list(text: str) -> tuple[str, ...]:
    """ "a; b ;; c" -> ("a", "b", "c"): how the edit form takes lists (accepted answers, choices)."""
    return tuple(item.strip() for item in text.split(";") if item.strip())


def join_list(items: tuple[str, ...]) -> str:
    """The inverse of `split_list` for the form."""
    return "; ".join(items)
