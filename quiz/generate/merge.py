"""Keep the user's edits when a deck is generated again over an existing file.

The generator is deterministic: the same article gives the same questions with the same ids. So when
a question in the existing file differs from the freshly generated one with the same id, the
difference is the user's edit, and the existing file wins. Pure functions over decks; no I/O.

The rules, for a freshly `generated` deck and the `existing` deck at the target path:

* A question with the same id in both: the existing question is kept as it is (prompt, answer,
  kind, choices, tags, `suspended`), its `accept` list gets the generated alternatives it lacks
  (order kept, existing first; never its own answer), and its `fact` and `source` are refreshed
  from the generator.
* A question the user wrote by hand (no `fact`, or kind `basic`) is kept where it was.
* A generated question the user deleted comes back: to drop a generated question for good,
  set `suspended: true` instead of deleting it.
* A generated question this run did not make is dropped, unless the user suspended it or
  edited it: those are kept whatever the reason (the article changed, a smaller `--max`). Whether
  it was edited is judged against the `reference` deck, the generator's questions without the
  `--max` cap; a question absent from both decks cannot be compared and counts as unedited.
* The deck keeps the existing id and title (the user may have renamed it) and takes the
  generated source.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from quiz.model import Deck, Question


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What a merge kept from the existing deck, for the one line the command prints."""

    edited: int = 0
    """Questions of both decks whose existing version differs from the generated one."""
    handwritten: int = 0
    """Hand-written questions kept from the existing deck."""
    restored: int = 0
    """Generated questions missing from the existing deck (deleted or new), added back."""
    dropped: int = 0
    """Generated questions of the existing deck that the generator no longer makes."""
    kept_beyond: int = 0
    """Edited or suspended questions kept although this run did not make them (`--max`)."""
    left_out: int = 0
    """Untouched generated questions the `--max` cap left out this time (dropped)."""

    def describe(self) -> str:
        """A short phrase such as "kept 2 edited, 1 hand-written", or "" when nothing was kept."""
        parts = []
        if self.edited:
            parts.append(f"kept {self.edited} edited")
        if self.handwritten:
            parts.append(f"kept {self.handwritten} hand-written")
        if self.kept_beyond:
            parts.append(f"kept {self.kept_beyond} edited or suspended beyond the limit")
        if self.restored:
            parts.append(f"{self.restored} added")
        if self.left_out:
            parts.append(f"{self.left_out} left out by --max")
        if self.dropped:
            parts.append(f"{self.dropped} no longer generated, dropped")
        return ", ".join(parts)


def is_handwritten(question: Question) -> bool:
    """Whether `question` was written by the user rather than the generator."""
    return not question.fact or question.kind == "basic"


def union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    """The items of `first` then those of `second` not already present, without duplicates."""
    seen: dict[str, None] = {}
    for item in (*first, *second):
        seen.setdefault(item, None)
    return tuple(seen)


def merge_question(generated: Question, existing: Question) -> Question:
    """The existing question with the generator's extra accepted answers, fact and source."""
    answer = existing.answer_text
    return replace(
        existing,
        accept=tuple(item for item in union(existing.accept, generated.accept) if item != answer),
        fact=generated.fact or existing.fact,
        source=generated.source,
    )


def _kept_beyond(question: Question, reference: dict[str, Question]) -> bool:
    """Whether a generated question this run did not make is kept: suspended, or edited."""
    if question.suspended:
        return True
    generated = reference.get(question.id)
    return generated is not None and merge_question(generated, question) != generated


def merge_edits(generated: Deck, existing: Deck, *, reference: Deck | None = None) -> Deck:
    """Merge a freshly generated deck into the existing deck file's content (see the module rules).

    Args:
        generated: the deck the generator just made.
        existing: the deck already at the target path, as the user left it.
        reference: the generator's deck without the `--max` cap, when there was one: the
            questions the cap left out, to tell the user's edits of them.

    Returns:
        A new deck in the existing file's order, new generated questions placed after the
        generated question they follow.
    """
    fresh = {question.id: question for question in generated.questions}
    others = _reference(reference)
    kept: list[Question] = []
    for question in existing.questions:
        if question.id in fresh:
            kept.append(merge_question(fresh[question.id], question))
        elif is_handwritten(question):
            kept.append(question)
        elif _kept_beyond(question, others):
            kept.append(
                merge_question(others[question.id], question) if question.id in others else question
            )
    present = {question.id for question in kept}
    # Each generated question missing from the file goes right after the generated question that
    # precedes it in the generator's order, so a restored card lands back where it was.
    after: dict[str | None, list[Question]] = {}
    anchor: str | None = None
    for question in generated.questions:
        if question.id in present:
            anchor = question.id
        else:
            after.setdefault(anchor, []).append(question)
    merged: list[Question] = list(after.get(None, []))
    for question in kept:
        merged.append(question)
        merged.extend(after.get(question.id, []))
    return replace(existing, questions=tuple(merged), source=generated.source)


def _reference(reference: Deck | None) -> dict[str, Question]:
    return {question.id: question for question in reference.questions} if reference else {}


def summarise_merge(
    generated: Deck, existing: Deck, *, reference: Deck | None = None
) -> MergeSummary:
    """Count what `merge_edits(generated, existing, reference=reference)` keeps, adds and drops."""
    fresh = {question.id: question for question in generated.questions}
    others = _reference(reference)
    old_ids = {question.id for question in existing.questions}
    edited = handwritten = dropped = kept_beyond = left_out = 0
    for question in existing.questions:
        if question.id in fresh:
            new = fresh[question.id]
            if merge_question(new, question) != new:
                edited += 1
        elif is_handwritten(question):
            handwritten += 1
        elif _kept_beyond(question, others):
            kept_beyond += 1
        elif question.id in others:
            left_out += 1
        else:
            dropped += 1
    restored = sum(1 for question in generated.questions if question.id not in old_ids)
    return MergeSummary(
        edited=edited,
        handwritten=handwritten,
        restored=restored,
        dropped=dropped,
        kept_beyond=kept_beyond,
        left_out=left_out,
    )
