"""The edit form and the flag menu for the card on screen (keys `e` and `!` while studying)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from quiz.card_actions import join_list, split_list
from quiz.decks import cloze_answer
from quiz.errors import QuizError
from quiz.flags import REASONS
from quiz.model import Question
from quiz.tui import text


class EditScreen(ModalScreen[Question | None]):
    """A form over the question's prompt, answer, other accepted answers and choices.

    Enter or ctrl+s hands the edited question (same id) to `save`, which writes it and returns it
    as written; the form then closes with it. If `save` raises QuizError (an invalid edit), the
    message shows and the form stays. Esc closes with `None`.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save"),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(self, question: Question, save: Callable[[Question], Question]) -> None:
        super().__init__()
        self.question = question
        self._save = save

    def compose(self) -> ComposeResult:
        question = self.question
        with Vertical(id="edit-box"):
            yield Static(
                Content.assemble(("Edit question", "bold"), f"  {question.kind} · {question.id}"),
                id="edit-title",
            )
            yield Label(
                "Prompt" + (" (the gap is {{c1::answer}})" if question.kind == "cloze" else "")
            )
            yield Input(question.prompt, id="edit-prompt")
            if question.kind == "order":
                yield Label("Items in the right order, separated by ;")
                yield Input(join_list(tuple(question.answer)), id="edit-answer")
            elif question.kind != "cloze":  # a gap's answer is the text in the gap
                hint = " (true or false)" if question.kind == "truefalse" else ""
                yield Label("Answer" + hint)
                yield Input(question.answer_text, id="edit-answer")
            yield Label("Other accepted answers, separated by ;")
            yield Input(join_list(question.accept), id="edit-accept")
            if question.kind in ("choice", "order"):
                yield Label("Choices as shown, separated by ;")
                yield Input(join_list(question.choices), id="edit-choices")
            yield Static("", id="edit-error")
            yield Static(
                "Enter or ctrl+s: save to the deck file · Tab: next field · Esc: cancel",
                id="edit-hint",
            )

    def edited(self) -> Question:
        """The question as the form has it now."""
        values = {box.id: box.value for box in self.query(Input)}
        prompt = values["edit-prompt"].strip()
        answer: str | tuple[str, ...]
        if self.question.kind == "cloze":
            answer = cloze_answer(prompt) or ""
        elif self.question.kind == "order":
            answer = split_list(values["edit-answer"])
        else:
            answer = values["edit-answer"].strip()
        choices = (
            split_list(values["edit-choices"])
            if "edit-choices" in values
            else self.question.choices
        )
        return replace(
            self.question,
            prompt=prompt,
            answer=answer,
            accept=split_list(values["edit-accept"]),
            choices=choices,
        )

    def show_error(self, message: str) -> None:
        """Say why the edit was not saved; the form stays open."""
        self.query_one("#edit-error", Static).update(text.plain(message))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Write the edited question; close with it, or show why it was not saved."""
        try:
            saved = self._save(self.edited())
        except QuizError as error:
            self.show_error(error.message)
            return
        self.dismiss(saved)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)


class FlagScreen(ModalScreen[str | None]):
    """Pick why the question is bad; dismisses with the reason, or `None` on Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        *(
            Binding(str(number), f"pick({number - 1})", show=False)
            for number in range(1, len(REASONS) + 1)
        ),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="flag-box"):
            yield Static(Content.assemble(("Flag this question", "bold"), " as bad:"))
            yield OptionList(
                *(
                    Option(f"{number}  {reason}", id=reason)
                    for number, reason in enumerate(REASONS, 1)
                ),
                id="flag-reasons",
            )
            yield Static("1-5 or Enter: flag · Esc: cancel", id="flag-hint")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        """Flag with the reason numbered `index + 1`."""
        self.dismiss(REASONS[index])

    def action_cancel(self) -> None:
        """Close without flagging."""
        self.dismiss(None)
