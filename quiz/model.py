"""Plain data at the centre of quiz: articles, questions and decks. No I/O, no Textual."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Final, Literal

QuestionKind = Literal["cloze", "short", "choice", "truefalse", "order", "basic"]
"""The kinds of question a deck may hold."""

KINDS: Final[tuple[QuestionKind, ...]] = ("cloze", "short", "choice", "truefalse", "order", "basic")

FACT_TYPES: Final[tuple[str, ...]] = (
    "date",
    "number",
    "person",
    "place",
    "organisation",
    "acronym",
    "quote",
    "event",
)
"""The types of fact the generator extracts; a question's `fact` names one of them."""

TRUE: Final = "true"
FALSE: Final = "false"


BlockKind = Literal["heading", "paragraph", "item"]
"""What a block of an article is: a section heading, a paragraph of text, or a list item."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of an article's body, in reading order: a heading, a paragraph or a list item."""

    text: str
    """Plain text with normalised whitespace, as in `Article.paragraphs`."""
    kind: BlockKind = "paragraph"
    heading: str = ""
    """The nearest section heading above this block (empty when none); for a heading, the heading of
    the section it sits in, if any (empty for a top-level one)."""
    level: int = 0
    """A heading's level (1-6; 2 when the page does not say); 0 for paragraphs and list items."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the generator reads it: metadata and clean paragraphs, clutter removed.

    `paragraphs` holds the body text (paragraphs and list items, never headings); `blocks` holds the same
    text with its structure: every paragraph and list item as a `Block` that knows its kind and the
    nearest heading above it, with the section headings between them. `body_blocks` pairs each entry of
    `paragraphs` with its block.
    """

    title: str
    paragraphs: tuple[str, ...]
    """Body paragraphs and list items in order; each is plain text with normalised whitespace."""
    authors: tuple[str, ...] = ()
    """The people who wrote the article, names as written; never an outlet, an editor or a cited source."""
    published: date | None = None
    url: str = ""
    file: str = ""
    """The path the article was read from, as the user gave it; empty for URLs."""
    bios: tuple[str, ...] = ()
    """Author bio lines from the end of the page ("X is Vice President, ..."), kept apart from the body:
    the generator may ask who the authors are and what their organisations' acronyms mean, nothing else."""
    blocks: tuple[Block, ...] = ()
    """The body with its structure: headings, paragraphs and list items in reading order. Its
    non-heading blocks are `paragraphs`, one for one. Empty for an article built by hand without it."""
    language: str = "en"
    """The article's language as an ISO 639-1 code, as far as the reader could tell."""

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """One block per entry of `paragraphs`, in the same order: its kind and its nearest heading.

        Built from `paragraphs` alone (all of kind "paragraph", no heading) when `blocks` does not match.
        """
        body = tuple(block for block in self.blocks if block.kind != "heading")
        if len(body) == len(self.paragraphs) and all(
            block.text == text for block, text in zip(body, self.paragraphs, strict=True)
        ):
            return body
        return tuple(Block(text) for text in self.paragraphs)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a question comes from in its article."""

    sentence: str = ""
    """The verbatim sentence of the article text."""
    paragraph: int | None = None
    """1-based paragraph number in the article as read (`quiz read`)."""


@dataclass(frozen=True, slots=True)
class Question:
    """One card of a deck."""

    id: str
    """Stable within the deck: the same article gives the same ids, so progress survives regeneration."""
    kind: QuestionKind
    prompt: str
    """The question; for cloze, the sentence with one `{{c1::answer}}` gap."""
    answer: str | tuple[str, ...]
    """The answer; for `order`, the items in the right order; for `truefalse`, "true" or "false"."""
    accept: tuple[str, ...] = ()
    """Other answers graded as right."""
    choices: tuple[str, ...] = ()
    """For `choice`: the options in display order, the answer among them. For `order`: the items as shown."""
    fact: str = ""
    """The type of fact the question asks about (one of FACT_TYPES); empty for hand-written cards."""
    tags: tuple[str, ...] = ()
    source: SourceRef = SourceRef()
    """Where in the article it comes from (immutable, so one default serves every question)."""
    suspended: bool = False
    """Suspended questions are never scheduled nor exported (unless asked)."""

    @property
    def answers(self) -> tuple[str, ...]:
        """The answer and its accepted alternatives (for `order`, the answer joined by " > ")."""
        main = " > ".join(self.answer) if isinstance(self.answer, tuple) else self.answer
        return (main, *self.accept)

    @property
    def answer_text(self) -> str:
        """The answer as one line of text."""
        return self.answers[0]


@dataclass(frozen=True, slots=True)
class DeckSource:
    """The article a deck was made from."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    """ISO date (YYYY-MM-DD), or empty when unknown."""
    url: str = ""
    file: str = ""


@dataclass(frozen=True, slots=True)
class Deck:
    """An ordered set of questions, as stored in one deck YAML file."""

    id: str
    """Stable slug; progress and Anki ids key on it."""
    title: str
    questions: tuple[Question, ...] = ()
    source: DeckSource = field(default_factory=DeckSource)


def slugify(text: str, *, max_length: int = 60) -> str:
    """A lower-case ASCII slug of `text` ("Russia's Taliban gambit" -> "russias-taliban-gambit").

    Text mostly in letters without an ASCII form (Cyrillic, Greek, Chinese...) would lose most of
    itself and give every such title the same slug: the slug then ends in a hash of the text
    ("Выборы 2024" -> "2024-" and 8 hex digits, "Новости" -> "deck-" and 8), the same everywhere.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    lost = sum(1 for char in decomposed if char.isalnum() and not char.isascii())
    if lost and lost >= sum(1 for char in slug if char != "-"):
        folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
        digest = hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[: max_length - 9].rstrip('-') or 'deck'}-{digest}"
    return slug[:max_length].rstrip("-") or "deck"


def stable_id(*parts: str, prefix: str = "q", length: int = 10) -> str:
    """A short id that depends only on `parts`: the same inputs give the same id on every machine."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:length]}"


def prompt_id(prompt: str) -> str:
    """The id of a hand-written question that has none: derived from its prompt, ignoring case and spacing."""
    return stable_id(" ".join(prompt.casefold().split()), prefix="h")
