"""SummaryScreen: what a study session or a practice test came to."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from quiz.session import Answer, Clock, Summary
from quiz.tui import text
from quiz.tui.widgets.key_bar import KeyBar


def duration(seconds: float) -> str:
    """`seconds` as "1 h 5 min", "3 min 12 s" or "42 s"."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def percent(part: int, whole: int) -> int:
    """`part` of `whole` as a whole percentage, rounded (6 of 7 is 86), but 100 only when all and
    0 only when none."""
    value = round(100 * part / whole)
    if part < whole:
        value = min(value, 99)
    if part > 0:
        value = max(value, 1)
    return value


def when(moment: datetime | None, now: datetime) -> str:
    """A due time as "now", "in 10 min", "in 3 h" or "in 4 days (2026-12-01)"."""
    if moment is None:
        return "nothing studied yet"
    seconds = (moment - now).total_seconds()
    if seconds <= 0:
        return "now"
    if seconds < 3600:
        return f"in {max(1, round(seconds / 60))} min"
    if seconds < 86400:
        return f"in {round(seconds / 3600)} h"
    local = moment.astimezone(now.tzinfo)
    return f"in {round(seconds / 86400)} days ({local.date().isoformat()})"


def wrong_answers(answers: tuple[Answer, ...]) -> tuple[Answer, ...]:
    """The first wrong answer to each card answered wrong at least once, in the order given."""
    seen: set[tuple[str, str]] = set()
    wrong = []
    for answer in answers:
        deck, question = answer.card
        if not answer.correct and (deck.id, question.id) not in seen:
            seen.add((deck.id, question.id))
            wrong.append(answer)
    return tuple(wrong)


class SummaryScreen(Screen[None]):
    """The session's totals and the cards answered wrong with their answers; a practice test
    lists every question with the answer given."""

    BINDINGS = [
        Binding("enter,escape,space", "close", "Done", id="close"),
    ]

    def __init__(self, summary: Summary, *, clock: Clock) -> None:
        super().__init__()
        self.summary = summary
        self._clock = clock

    def compose(self) -> ComposeResult:
        summary = self.summary
        title = "Practice test" if summary.practice else "Session finished"
        yield Static(Content.styled(f" {title} ", "reverse"), id="summary-title")
        with VerticalScroll(id="summary-body"):
            yield Static(self._totals(), id="summary-totals")
            if summary.practice:
                yield Static(self._answers(summary.answers), id="summary-answers")
            elif wrong := wrong_answers(summary.answers):
                yield Static(
                    Content.styled(f"Answered wrong ({len(wrong)})", "bold"),
                    id="summary-wrong-title",
                )
                yield Static(self._answers(wrong), id="summary-wrong")
        yield KeyBar()

    def _totals(self) -> Content:
        summary = self.summary
        share = f" ({percent(summary.correct, summary.answered)}%)" if summary.answered else ""
        rows: list[tuple[str, str]] = []
        if summary.practice:
            rows.append(("Score", f"{summary.correct} of {summary.answered}{share}"))
        else:
            rows.append(("Answered", str(summary.answered)))
            rows.append(("Correct", f"{summary.correct}{share}"))
        rows.append(("Time spent", duration(summary.seconds)))
        if not summary.practice:
            rows.append(("Next due", when(summary.next_due, self._clock())))
        return Content("\n").join(
            Content.assemble((f"{label:<12}", "bold"), value) for label, value in rows
        )

    @staticmethod
    def _answers(answers: tuple[Answer, ...]) -> Content:
        blocks: list[Content] = []
        for number, answer in enumerate(answers, start=1):
            question = answer.card[1]
            mark = ("✓", "$success bold") if answer.correct else ("✗", "$error bold")
            prompt = (
                text.cloze(question.prompt, revealed=False)
                if question.kind == "cloze"
                else (text.plain(question.prompt))
            )
            blocks.append(
                Content.assemble(
                    mark,
                    f" {number}. ",
                    prompt,
                    "\n   your answer: ",
                    text.plain(answer.given or "—"),
                    "\n   answer: ",
                    text.plain(question.answer_text),
                )
            )
        return Content("\n\n").join(blocks)

    def action_close(self) -> None:
        """Back to the deck list (or, after a practice test, out of the app)."""
        self.dismiss(None)
