"""CardView: one question, its choices, the answer box, then the feedback and the source sentence."""

from __future__ import annotations

from typing import Final

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from quiz.model import Deck, Question
from quiz.tui import text

KIND_LABELS: Final = {
    "cloze": "Fill the gap",
    "short": "Short answer",
    "choice": "Multiple choice",
    "truefalse": "True or false",
    "order": "Put in order",
    "basic": "Flashcard",
}


class CardView(VerticalScroll, can_focus=False):
    """Shows one card; the study screen tells it what to show (it keeps no session state).

    The widgets are made once and updated in place, so moving to the next card is cheap.
    """

    DEFAULT_CSS = """
    CardView {
        height: 1fr;
        padding: 0 1;
        #card-kind { color: $text-muted; margin-bottom: 1; }
        #prompt { text-style: bold; margin-bottom: 1; }
        #choices { margin-bottom: 1; }
        #answer-input { margin-bottom: 1; }
        #verdict { margin-bottom: 0; }
        #verdict.-right { color: $success; }
        #verdict.-wrong { color: $error; }
        #answer { margin-bottom: 1; }
        #source { color: $text-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="card-kind")
        yield Static(id="prompt")
        yield Static(id="choices")
        yield Input(id="answer-input")
        yield Static(id="verdict")
        yield Static(id="answer")
        yield Static(id="source")

    def ask(self, deck: Deck, question: Question, *, typed: bool, hint: str) -> None:
        """Show `question` unanswered; `typed` shows the answer box (empty and focused).

        Args:
            deck: the question's deck.
            question: the question.
            typed: whether the answer is typed.
            hint: the line under the prompt saying how to answer.
        """
        self._set_hint(question, hint)
        self.query_one("#prompt", Static).update(self._prompt(question, revealed=False))
        choices = self.query_one("#choices", Static)
        choices.update(self._choices(question))
        choices.display = bool(question.choices)
        answer_box = self.query_one("#answer-input", Input)
        answer_box.value = ""
        answer_box.display = typed
        answer_box.placeholder = (
            "the numbers of the items in order, e.g. 312" if question.kind == "order" else "answer"
        )
        for selector in ("#verdict", "#answer", "#source"):
            widget = self.query_one(selector, Static)
            widget.update("")
            widget.display = False
        self.scroll_home(animate=False)
        if typed:
            answer_box.focus()

    def reveal(self, deck: Deck, question: Question) -> None:
        """Show a flashcard's answer (in place for cloze) and its source."""
        self._set_hint(question, "how well did you know it? 1 Again  2 Hard  3 Good  4 Easy")
        self.query_one("#prompt", Static).update(self._prompt(question, revealed=True))
        if question.kind != "cloze":
            self._show(
                "#answer",
                Content.assemble(("Answer: ", "bold"), text.plain(self._answer(question))),
            )
        self._show_source(deck, question)

    def feedback(
        self, deck: Deck, question: Question, *, correct: bool, given: str, remark: str
    ) -> None:
        """Show whether the answer was right, the right answer and the source."""
        self._set_hint(question, "Space or Enter: next card")
        self.query_one("#prompt", Static).update(self._prompt(question, revealed=True))
        if question.kind == "choice":
            self.query_one("#choices", Static).update(
                self._choices(question, picked=given, right=question.answers)
            )
        verdict = self.query_one("#verdict", Static)
        verdict.set_class(correct, "-right")
        verdict.set_class(not correct, "-wrong")
        parts: list[Content | str | tuple[str, str]] = [
            ("✓ Right" if correct else "✗ Wrong", "bold")
        ]
        if given:
            parts += ["   you answered: ", text.plain(given)]
        if remark:
            parts += ["  (", text.plain(remark), ")"]
        self._show("#verdict", Content.assemble(*parts))
        self._show(
            "#answer", Content.assemble(("Answer: ", "bold"), text.plain(self._answer(question)))
        )
        self._show_source(deck, question)

    def warn(self, message: str) -> None:
        """Say why an answer was not taken (the card stays unanswered)."""
        verdict = self.query_one("#verdict", Static)
        verdict.set_class(False, "-right")
        verdict.set_class(True, "-wrong")
        self._show("#verdict", text.plain(message))

    def _set_hint(self, question: Question, hint: str) -> None:
        self.query_one("#card-kind", Static).update(
            Content.assemble((KIND_LABELS[question.kind], "bold"), "  ", text.plain(hint))
        )

    def _show(self, selector: str, content: Content) -> None:
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = True

    def _show_source(self, deck: Deck, question: Question) -> None:
        sentence = question.source.sentence
        where = " ".join(
            part for part in (deck.source.title or deck.title, self._date(deck)) if part
        )
        parts: list[Content | str | tuple[str, str]] = []
        if sentence:
            parts += [("Source: ", "bold"), text.plain(sentence), "\n"]
        parts += ["— ", text.plain(where, "italic")]
        self._show("#source", Content.assemble(*parts))
        self.scroll_end(animate=False)

    @staticmethod
    def _date(deck: Deck) -> str:
        return f"({deck.source.published})" if deck.source.published else ""

    @staticmethod
    def _prompt(question: Question, *, revealed: bool) -> Content:
        if question.kind == "cloze":
            return text.cloze(question.prompt, revealed=revealed)
        return text.plain(question.prompt)

    @staticmethod
    def _answer(question: Question) -> str:
        if question.kind == "order" and isinstance(question.answer, tuple):
            numbers = "".join(
                str(question.choices.index(item) + 1) if item in question.choices else "?"
                for item in question.answer
            )
            return f"{question.answer_text}   ({numbers})"
        return question.answer_text

    @staticmethod
    def _choices(
        question: Question, *, picked: str | None = None, right: tuple[str, ...] = ()
    ) -> Content:
        """The choices, numbered; after the answer, the right one green and a wrong pick red."""
        lines = []
        for number, choice in enumerate(question.choices, start=1):
            style = ""
            if choice in right:
                style = "$success bold"
            elif choice == picked:
                style = "$error strike"
            mark = " ✓" if choice in right and picked is not None else ""
            lines.append(
                Content.assemble(
                    (f" {number} ", "reverse"), " ", text.plain(choice, style), (mark, "$success")
                )
            )
        return Content("\n").join(lines)
