"""Change one question in its deck file: edit it, suspend it, tag it. Everything else stays as it was.

Only the lines of that question are rewritten (in the file's usual form, keeping its id, so its
schedule carries on); the rest of the file, other questions, comments and layout, is kept byte for
byte. The new text is parsed and checked before it is written, and written atomically: a crash or a
kill during the write leaves the old file whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from quiz import deck_cache
from quiz.decks import (
    _decode,
    _read_bytes,
    _safe_loader,
    dump_yaml,
    parse_deck,
    question_to_data,
)
from quiz.errors import QuizError
from quiz.files import write_bytes_atomic
from quiz.model import Deck, Question

LEECH_TAG = "leech"


def replace_question(path: Path, question: Question, *, cache_dir: Path | None = None) -> Question:
    """Write `question` in place of the question with the same id in the deck file.

    Args:
        path: the deck file.
        question: the new content; its `id` says which question it replaces.
        cache_dir: if given, the parsed deck is cached for the next read.

    Returns:
        The question as read back from the new file.

    Raises:
        QuizError: the file is unreadable or invalid, has no question with this id, the new
            question is invalid (the message names the problem), or the question is written in a
            form that cannot be rewritten on its own (flow style); the file is left untouched.
    """
    text = _decode(_read_bytes(path), path)
    deck = parse_deck(text, path=str(path))
    index = _index_of(deck, question.id, path)
    start, end, column = _span(text, index, path)
    block = _question_text(question, column)
    new_text = text[:start] + block + text[end:]
    try:
        new_deck = parse_deck(new_text, path=str(path))
    except QuizError as error:
        raise QuizError(f"the edited question is not valid: {error.message}", path=path) from None
    expected = deck.questions[:index] + deck.questions[index + 1 :]
    got = new_deck.questions[:index] + new_deck.questions[index + 1 :]
    if (
        len(new_deck.questions) != len(deck.questions)
        or got != expected
        or new_deck.questions[index].id != question.id
        or (new_deck.id, new_deck.title, new_deck.source) != (deck.id, deck.title, deck.source)
    ):
        raise QuizError(
            f"cannot rewrite question {question.id!r} on its own here (comments or an unusual"
            " layout around it); edit the file by hand",
            path=path,
        )
    data = new_text.encode("utf-8")
    write_bytes_atomic(path, data, make_folder=False)
    if cache_dir is not None:
        deck_cache.store(cache_dir, data, path, new_deck)
    return new_deck.questions[index]


def update_question(
    path: Path, question_id: str, *, cache_dir: Path | None = None, **changes: Any
) -> Question:
    """Change some fields of a question in its deck file (see `replace_question`).

    Example: `update_question(path, "q-1", suspended=True)`.
    """
    deck = parse_deck(_decode(_read_bytes(path), path), path=str(path))
    current = deck.questions[_index_of(deck, question_id, path)]
    return replace_question(path, replace(current, **changes), cache_dir=cache_dir)


def set_suspended(
    path: Path, question_id: str, suspended: bool = True, *, cache_dir: Path | None = None
) -> Question:
    """Suspend (`suspended: true`) or unsuspend a question in its deck file."""
    return update_question(path, question_id, suspended=suspended, cache_dir=cache_dir)


def mark_leech(path: Path, question_id: str, *, cache_dir: Path | None = None) -> Question:
    """Tag a question `leech` and suspend it (Anki's way with cards forgotten again and again)."""
    deck = parse_deck(_decode(_read_bytes(path), path), path=str(path))
    current = deck.questions[_index_of(deck, question_id, path)]
    tags = current.tags if LEECH_TAG in current.tags else (*current.tags, LEECH_TAG)
    return replace_question(path, replace(current, tags=tags, suspended=True), cache_dir=cache_dir)


def deck_files(decks: Iterable[tuple[Deck, Path]]) -> dict[str, Path]:
    """Deck id -> file, for finding where a card of a deck read earlier lives."""
    return {deck.id: path for deck, path in decks}


def _index_of(deck: Deck, question_id: str, path: Path) -> int:
    for index, question in enumerate(deck.questions):
        if question.id == question_id:
            return index
    raise QuizError(f"no question {question_id!r} in this deck (was the file changed?)", path=path)


def _span(text: str, index: int, path: Path) -> tuple[int, int, int]:
    """Where the question's mapping starts and ends in `text`, and its column."""
    import yaml

    root = yaml.compose(text, Loader=_safe_loader())  # noqa: S506 - a safe loader class
    questions = root if isinstance(root, yaml.SequenceNode) else _child(root, "questions")
    if not isinstance(questions, yaml.SequenceNode) or questions.flow_style:
        raise _not_in_place(path)
    node = questions.value[index]
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not node.value:
        raise _not_in_place(path)
    start = int(node.start_mark.index)
    end = _content_end(node)
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end, int(node.start_mark.column)


def _content_end(node: Any) -> int:
    """The end of the node's own text (a block collection's end mark lies past the next indent)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


def _child(node: Any, key: str) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value_node
    return None


def _question_text(question: Question, column: int) -> str:
    """The question as YAML lines for a place at `column` (the first line's indent is already there)."""
    lines = dump_yaml(question_to_data(question)).rstrip("\n").split("\n")
    pad = " " * column
    return "\n".join([lines[0], *(pad + line if line else line for line in lines[1:])])


def _not_in_place(path: Path) -> QuizError:
    return QuizError(
        "the questions are written in flow style ([...] or {...}); edit the file by hand",
        path=path,
    )
