"""CardView: one question, its choices, the answer box, then the feedback and the source sentence."""

from __future__ import annotations

from typing import Final

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from quiz.answer_diff import changed_words, mark_differences
from quiz.model import FALSE, Deck, Question
from quiz.tui import text
from quiz.tui.widgets.answer_input import AnswerInput

TYPED_KINDS: Final = ("short", "cloze", "basic")
"""Kinds whose answer is typed (cloze and basic only in a practice test): a wrong one is shown
against the answer with the differing letters marked."""

KIND_LABELS: Final = {
    "cloze": "Fill the gap",
    "short": "Short answer",
    "choice": "Multiple choice",
    "truefalse": "True or false",
    "order": "Put in order",
    "basic": "Flashcard",
}
RATE_HINT: Final = "how well did you know it? 1 Again  2 Hard  3 Good  4 Easy"
NEXT_HINT: Final = "Space or Enter: next card"

Parts = list[Content | str | tuple[str, str]]


class CardView(VerticalScroll, can_focus=False):
    """Shows one card; the study screen tells it what to show (it keeps no session state).

    Three widgets, made once and updated in place: the question (kind, prompt, choices), the
    answer box (shown for typed answers) and the feedback (verdict, answer, source). Moving to
    the next card changes their text and, at most, whether the answer box shows. The answer box
    is made with the first typed card: a session that opens on a flashcard shows it sooner.
    """

    DEFAULT_CSS = """
    CardView {
        height: 1fr;
        padding: 0 1;
        #answer-input { margin-top: 1; }
        #feedback { margin-top: 1; }
    }
    """

    _answer_box: AnswerInput | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="prompt")
        yield Static(id="feedback")

    def ask(self, deck: Deck, question: Question, *, typed: bool, hint: str) -> None:
        """Show `question` unanswered; `typed` shows the answer box (empty and focused).

        Args:
            deck: the question's deck.
            question: the question.
            typed: whether the answer is typed.
            hint: the line under the prompt saying how to answer.
        """
        self._question(question, hint, revealed=False)
        answer_box = self._answer_box
        if typed and answer_box is None:
            answer_box = self._answer_box = AnswerInput(id="answer-input")
            self.mount(answer_box, after="#prompt")
        if answer_box is not None:
            answer_box.reset(
                "the numbers of the items in order, e.g. 312"
                if question.kind == "order"
                else "answer"
            )
            if answer_box.display != typed:
                answer_box.display = typed
        self.query_one("#feedback", Static).update(Content(""))
        self.scroll_home(animate=False)
        if typed and answer_box is not None:
            answer_box.focus()

    def reveal(self, deck: Deck, question: Question) -> None:
        """Show a flashcard's answer (in place for cloze) and its source."""
        self._question(question, RATE_HINT, revealed=True)
        parts: Parts = []
        if question.kind != "cloze":
            parts += [("Answer: ", "bold"), text.plain(self._answer(question)), "\n\n"]
        self._feedback(deck, question, parts)

    def feedback(
        self, deck: Deck, question: Question, *, correct: bool, given: str, remark: str
    ) -> None:
        """Show whether the answer was right, the right answer and the source."""
        self._question(question, NEXT_HINT, revealed=True, picked=given)
        style = "$success" if correct else "$error"
        parts: Parts = [("✓ Right" if correct else "✗ Wrong", f"bold {style}")]
        answer = self._answer(question)
        marked = question.kind in TYPED_KINDS and given and given.casefold() != answer.casefold()
        typed_parts, answer_parts = (
            mark_differences(given, answer) if marked else ([(given, False)], [(answer, False)])
        )
        if given:
            parts += [("   you answered: ", style), *self._marked(typed_parts, style)]
        if remark:
            parts += ["  (", text.plain(remark), ")"]
        parts += ["\n", ("Answer: ", "bold"), *self._marked(answer_parts, "")]
        if question.kind == "truefalse" and question.answer_text == FALSE:
            swap = changed_words(question.prompt, question.source.sentence)
            if swap is not None:
                parts += [
                    "\n",
                    ("Changed: ", "bold"),
                    text.plain(swap[0], "$error"),
                    " — the article says ",
                    text.plain(swap[1], "$success"),
                ]
        parts += ["\n\n"]
        self._feedback(deck, question, parts)

    @staticmethod
    def _marked(segments: list[tuple[str, bool]], style: str) -> list[Content]:
        """Text pieces, the differing ones underlined and bold."""
        return [
            text.plain(piece, f"{style} bold underline".strip() if differs else style)
            for piece, differs in segments
        ]

    def warn(self, message: str) -> None:
        """Say why an answer was not taken (the card stays unanswered)."""
        self.query_one("#feedback", Static).update(text.plain(message, "$warning"))

    def _question(
        self, question: Question, hint: str, *, revealed: bool, picked: str | None = None
    ) -> None:
        parts: Parts = [
            (KIND_LABELS[question.kind], "bold dim"),
            "  ",
            text.plain(hint, "dim"),
            "\n\n",
            self._prompt(question, revealed=revealed).stylize_before("bold"),
        ]
        if question.choices:
            right = question.answers if picked is not None else ()
            parts += ["\n\n", self._choices(question, picked=picked, right=right)]
        self.query_one("#prompt", Static).update(Content.assemble(*parts))

    def _feedback(self, deck: Deck, question: Question, parts: Parts) -> None:
        sentence = question.source.sentence
        where = " ".join(
            part for part in (deck.source.title or deck.title, self._date(deck)) if part
        )
        if sentence:
            parts += [("Source: ", "bold dim"), text.plain(sentence, "dim"), "\n"]
        parts += [("— ", "dim"), text.plain(where, "italic dim")]
        self.query_one("#feedback", Static).update(Content.assemble(*parts))
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
            line = Content.assemble(
                (f" {number} ", "reverse"), " ", text.plain(choice, style), (mark, "$success")
            )
            if question.kind == "choice" and picked is None:
                # A click on a choice answers with it (the action is ours, never deck text).
                line = line.stylize(f"@click=screen.choose({number - 1})")
            lines.append(line)
        return Content("\n").join(lines)
