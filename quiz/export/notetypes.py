"""The Anki note types quiz exports to: fixed ids, field lists, card templates and CSS.

Rule for changing a note type. Anki matches a note type by its id, and a package whose note type has
the same id but other fields or templates makes Anki refuse to update the learner's notes ("conflicting":
they are neither updated nor added). So:

* the id of a released note type never changes;
* its field list (names, order, count) and its template count never change under that id: a new field
  list means a new id (again `random.randrange(1 << 30, 1 << 31)`) *and* a new name (bump the "v1");
* the template HTML and the CSS may change freely: Anki applies them when the note type is newer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from quiz.model import QuestionKind


@dataclass(frozen=True, slots=True)
class NoteType:
    """One Anki note type: what a question of one kind becomes."""

    model_id: int
    """Anki's note type id; chosen once at random, never changed (see the module docstring)."""
    name: str
    fields: tuple[str, ...]
    """Field names, in order. The first, `Id` ("deck id/question id"), is Anki's duplicate-check
    key, so notes with the same prompt (say, two "Put these events in order") are not flagged as
    duplicates; it shows on no card."""
    front: str
    back: str
    cloze: bool = False
    """A cloze note type (Anki type 1): one card per `{{cN::...}}` deletion."""
    sort_field: int = 1
    """The field Anki's browser sorts by and shows as Sort Field: the prompt, after `Id`."""


# Chosen once with random.randrange(1 << 30, 1 << 31). Never change a released value.
CLOZE_MODEL_ID: Final = 1_279_833_274
SHORT_MODEL_ID: Final = 1_814_962_583
CHOICE_MODEL_ID: Final = 1_363_933_882
TRUEFALSE_MODEL_ID: Final = 2_118_285_177
ORDER_MODEL_ID: Final = 2_141_050_879
BASIC_MODEL_ID: Final = 1_347_536_801

_EXTRAS: Final = """
{{#Accepted}}<div class="quiz-accepted">Also accepted: {{Accepted}}</div>{{/Accepted}}
{{#Source}}<div class="quiz-source">{{Source}}</div>{{/Source}}
</div>"""
"""The end of every back side: accepted alternatives and the source, each only when present."""


def _head(kind: str, label: str, prompt_field: str) -> str:
    return (
        f'<div class="quiz quiz-{kind}">\n'
        f'<div class="quiz-kind">{label}</div>\n'
        f'<div class="quiz-prompt">{{{{{prompt_field}}}}}</div>'
    )


CLOZE: Final = NoteType(
    model_id=CLOZE_MODEL_ID,
    name="quiz cloze v1",
    fields=("Id", "Text", "Accepted", "Source"),
    front='<div class="quiz quiz-cloze">\n<div class="quiz-kind">Fill the gap</div>\n'
    '<div class="quiz-prompt">{{cloze:Text}}</div>\n</div>',
    back='<div class="quiz quiz-cloze">\n<div class="quiz-kind">Fill the gap</div>\n'
    '<div class="quiz-prompt">{{cloze:Text}}</div>' + _EXTRAS,
    cloze=True,
)

SHORT: Final = NoteType(
    model_id=SHORT_MODEL_ID,
    name="quiz short answer v1",
    fields=("Id", "Question", "Answer", "Accepted", "Source"),
    # The front references only Question and the type-in box, so genanki's required-field
    # computation (which renders `type:` as nothing) needs just Question to make the card.
    front=_head("short", "Short answer", "Question") + "\n{{type:Answer}}\n</div>",
    back=_head("short", "Short answer", "Question")
    + '\n<hr id="answer">\n<div class="quiz-typed">{{type:Answer}}</div>'
    + _EXTRAS,
)

CHOICE: Final = NoteType(
    model_id=CHOICE_MODEL_ID,
    name="quiz multiple choice v1",
    fields=("Id", "Question", "Options", "Answer", "Marked", "Accepted", "Source"),
    front=_head("choice", "Multiple choice", "Question")
    + '\n<div class="quiz-options">{{Options}}</div>\n</div>',
    back=_head("choice", "Multiple choice", "Question")
    + '\n<hr id="answer">\n<div class="quiz-options">{{Marked}}</div>'
    + _EXTRAS,
)

TRUEFALSE: Final = NoteType(
    model_id=TRUEFALSE_MODEL_ID,
    name="quiz true or false v1",
    fields=("Id", "Statement", "Answer", "Accepted", "Source"),
    front=_head("truefalse", "True or false?", "Statement") + "\n</div>",
    back=_head("truefalse", "True or false?", "Statement")
    + '\n<hr id="answer">\n<div class="quiz-answer">{{Answer}}</div>'
    + _EXTRAS,
)

ORDER: Final = NoteType(
    model_id=ORDER_MODEL_ID,
    name="quiz order v1",
    fields=("Id", "Question", "Items", "Order", "Accepted", "Source"),
    front=_head("order", "Put in order", "Question")
    + '\n<div class="quiz-items">{{Items}}</div>\n</div>',
    back=_head("order", "Put in order", "Question")
    + '\n<hr id="answer">\n<div class="quiz-order">{{Order}}</div>'
    + _EXTRAS,
)

BASIC: Final = NoteType(
    model_id=BASIC_MODEL_ID,
    name="quiz basic v1",
    fields=("Id", "Front", "Back", "Accepted", "Source"),
    front=_head("basic", "Question", "Front") + "\n</div>",
    back=_head("basic", "Question", "Front")
    + '\n<hr id="answer">\n<div class="quiz-answer">{{Back}}</div>'
    + _EXTRAS,
)

NOTE_TYPES: Final[dict[QuestionKind, NoteType]] = {
    "cloze": CLOZE,
    "short": SHORT,
    "choice": CHOICE,
    "truefalse": TRUEFALSE,
    "order": ORDER,
    "basic": BASIC,
}
"""The note type of each kind of question."""

CSS: Final = """\
.card {
  --quiz-fg: #1f2328;
  --quiz-bg: #fbfbfa;
  --quiz-muted: #5d636b;
  --quiz-accent: #0b57b5;
  --quiz-right: #116329;
  --quiz-right-bg: #dcf2e2;
  --quiz-rule: #d5d8dc;
  --quiz-quote: #f0f1f3;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  color: var(--quiz-fg);
  background-color: var(--quiz-bg);
  overflow-wrap: anywhere;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --quiz-fg: #e6e7e9;
  --quiz-bg: #1d1f22;
  --quiz-muted: #a4aab2;
  --quiz-accent: #7cb4ff;
  --quiz-right: #7ee2a0;
  --quiz-right-bg: #1e3a28;
  --quiz-rule: #3b3f45;
  --quiz-quote: #272a2e;
}
.quiz { max-width: 36em; margin: 0.8em auto; padding: 0 0.6em; }
.quiz-kind {
  font-size: 0.65em;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--quiz-muted);
  margin-bottom: 0.5em;
}
.quiz-prompt { font-size: 1.1em; font-weight: 600; }
.quiz .cloze { font-weight: 700; color: var(--quiz-accent); }
.quiz-answer { font-size: 1.1em; font-weight: 700; color: var(--quiz-right); }
.quiz-typed { font-size: 1.05em; }  /* Anki colours the typed-answer comparison itself */
.quiz-options ol, .quiz-items ul, .quiz-order ol { padding-left: 1.8em; margin: 0.6em 0; }
.quiz-options li, .quiz-items li, .quiz-order li {
  margin: 0.25em 0;
  padding: 0.15em 0.4em;
  border-radius: 6px;
}
.quiz-options li.quiz-right { color: var(--quiz-right); background: var(--quiz-right-bg); }
.quiz-order li { font-weight: 600; }
.quiz-accepted { margin-top: 0.8em; font-size: 0.8em; color: var(--quiz-muted); }
.quiz-source {
  margin-top: 1.4em;
  padding-top: 0.6em;
  border-top: 1px solid var(--quiz-rule);
  font-size: 0.75em;
  color: var(--quiz-muted);
}
.quiz-source blockquote {
  margin: 0 0 0.5em 0;
  padding: 0.4em 0.7em;
  border-left: 3px solid var(--quiz-rule);
  background: var(--quiz-quote);
  font-style: italic;
}
.quiz-source a { color: var(--quiz-accent); }
hr#answer { border: none; border-top: 1px solid var(--quiz-rule); margin: 0.9em 0; }
input#typeans {
  width: 100%;
  box-sizing: border-box;
  margin-top: 0.8em;
  padding: 0.35em 0.5em;
  font-size: 1em;
  color: var(--quiz-fg);
  background: var(--quiz-bg);
  border: 1px solid var(--quiz-rule);
  border-radius: 6px;
}
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .quiz { margin: 0.4em auto; padding: 0 0.2em; }
}
"""
"""One stylesheet for every note type: light by default, dark under Anki's night mode classes."""
