"""Deck files: read and validate them (with file:line problems), write them readably and atomically.

A deck is a YAML mapping with `title`, `id`, `source` and `questions`; a hand-written deck may be as
small as a list of `prompt`/`answer` pairs. Only safe YAML is loaded, with libyaml's C classes when
they are present (several times faster).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, cast

from quiz import deck_cache
from quiz.errors import QuizError, one_line
from quiz.files import read_capped, write_bytes_atomic
from quiz.gc_pause import gc_paused
from quiz.model import (
    FACT_TYPES,
    FALSE,
    KINDS,
    TRUE,
    Deck,
    DeckSource,
    Question,
    QuestionKind,
    SourceRef,
    prompt_id,
    slugify,
    stable_id,
)

MAX_DECK_BYTES: Final = 200 * 1024 * 1024
"""Larger files are refused rather than read into memory."""

DECK_SUFFIXES: Final = (".yaml", ".yml")
DECK_FORMAT: Final = 1
"""The deck file format version written by this release; newer files are refused, not misread."""

DECK_KEYS: Final = ("format", "title", "id", "source", "questions")
SOURCE_KEYS: Final = ("title", "authors", "published", "url", "file")
QUESTION_KEYS: Final = (
    "id",
    "kind",
    "fact",
    "prompt",
    "answer",
    "accept",
    "choices",
    "tags",
    "suspended",
    "source",
)
QUESTION_SOURCE_KEYS: Final = ("sentence", "paragraph")
_QUESTION_KEY_SET: Final = frozenset(QUESTION_KEYS)
_QUESTION_SOURCE_KEY_SET: Final = frozenset(QUESTION_SOURCE_KEYS)
CLOZE_GAP: Final = "{{c1::"
_TEXT_ANSWER_KINDS: Final = frozenset(("short", "choice", "basic"))
"""Kinds whose answer is one piece of text, checked by `_Collector._answer` alone."""

Path_ = tuple[str | int, ...]
"""A location inside the YAML document, e.g. ("questions", 3, "answer")."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck file."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return one_line(self.message, path=self.path, line=self.line)


# Reading ---------------------------------------------------------------------------------------


def read_deck(path: Path, *, cache_dir: Path | None = None) -> Deck:
    """Read and validate a deck file.

    Args:
        path: the deck file.
        cache_dir: if given, a parsed copy is kept there, keyed on what the deck is made from
            (the file's content and its name, which gives a deck without `id` or `title` its
            own), so the next read of an unchanged file skips YAML parsing.

    Raises:
        QuizError: the file is missing, unreadable or invalid; names the first problem's line and
            how many more there are.
    """
    data = _read_bytes(path)
    if cache_dir is not None:
        cached = deck_cache.load(cache_dir, data, path)
        if cached is not None:
            return cached
    deck = parse_deck(_decode(data, path), path=str(path))
    if cache_dir is not None:
        deck_cache.store(cache_dir, data, path, deck)
    return deck


def parse_deck(text: str, *, path: str) -> Deck:
    """Parse and validate deck YAML text; `path` is used in messages and for the default deck id.

    Raises:
        QuizError: for the first problem, with its line.
    """
    deck, problems = _parse(text, path)
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more problems: quiz check {path})" if problems[1:] else ""
        )
        raise QuizError(first.message + more, path=first.path, line=first.line)
    assert deck is not None
    return deck


@dataclass(frozen=True, slots=True)
class BrokenDeck:
    """A deck file that cannot be read, with its first problem."""

    path: Path
    problem: str
    """The first problem, as `quiz check` prints it (file:line: message)."""


def read_decks_apart(
    paths: Iterable[Path], *, cache_dir: Path | None = None
) -> tuple[list[Deck], list[BrokenDeck]]:
    """Read every deck file, keeping the good ones and setting the broken ones apart (one bad
    file in a folder must not hide the others).

    Returns:
        The decks read, in order, and the files that could not be, each with its first problem.
    """
    decks: list[Deck] = []
    broken: list[BrokenDeck] = []
    for path in paths:
        try:
            decks.append(read_deck(path, cache_dir=cache_dir))
        except QuizError as error:
            broken.append(BrokenDeck(path, str(error)))
    return decks, broken


def check_deck(path: Path) -> list[Problem]:
    """Every problem in a deck file (empty when it is valid)."""
    try:
        text = _decode(_read_bytes(path), path)
    except QuizError as error:
        return [Problem(str(path), error.line, error.message)]
    return _parse(text, str(path))[1]


def find_decks(folder: Path) -> list[Path]:
    """The deck files directly in `folder`, sorted by name (hidden and temporary files skipped)."""
    if not folder.is_dir():
        raise QuizError("no such deck folder", path=folder)
    return sorted(
        entry
        for entry in folder.iterdir()
        if entry.suffix.lower() in DECK_SUFFIXES
        and not entry.name.startswith(".")
        and entry.is_file()
    )


def _read_bytes(path: Path) -> bytes:
    return read_capped(path, MAX_DECK_BYTES, what="deck file")


def _decode(data: bytes, path: Path | str) -> str:
    if b"\x00" in data:
        raise QuizError("binary file, not a YAML deck", path=path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise QuizError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the deck as UTF-8",
            path=path,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def _parse(text: str, path: str) -> tuple[Deck | None, list[Problem]]:
    # Imported on first parse: a warm start from the cache never needs yaml.
    import yaml

    from quiz import fastyaml

    with gc_paused():
        try:
            data = fastyaml.load(text)
            if data is fastyaml.NOT_HANDLED:  # anchors, tags, errors...: PyYAML decides
                data = yaml.load(text, Loader=_safe_loader())  # noqa: S506 - a safe loader class
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(error, "problem", None) or "invalid YAML"
            return None, [Problem(path, line, f"invalid YAML: {problem}")]
        except RecursionError:
            return None, [Problem(path, None, "invalid YAML: nested too deeply")]
        collector = _Collector(path)
        deck = collector.deck(data)
    if collector.problems:
        return None, collector.located(text)
    return deck, []


class _Collector:
    """Builds a Deck from loaded YAML data, collecting every problem with where it is."""

    def __init__(self, path: str):
        self.path = path
        self.found: list[tuple[Path_, str]] = []

    @property
    def problems(self) -> list[tuple[Path_, str]]:
        return self.found

    def located(self, text: str) -> list[Problem]:
        lines = _line_finder(text)
        return [Problem(self.path, lines(where), message) for where, message in self.found]

    def deck(self, data: object) -> Deck | None:
        stem = Path(self.path).stem
        if data is None:
            self.found.append(
                ((), "empty deck file: expected a mapping with `title` and `questions`")
            )
            return None
        if isinstance(data, list):
            data = {"title": stem, "questions": data}
        if not isinstance(data, dict):
            self.found.append(((), "expected a mapping with `title` and `questions`"))
            return None
        self._unknown_keys(data, DECK_KEYS, ())
        version = data.get("format", DECK_FORMAT)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.found.append(
                (
                    ("format",),
                    f"`format` must be a whole number (this release writes {DECK_FORMAT})",
                )
            )
            return None
        if version > DECK_FORMAT:
            self.found.append(
                (
                    ("format",),
                    f"deck format {version} is newer than this quiz understands ({DECK_FORMAT}); upgrade quiz",
                )
            )
            return None
        title = self._text(data, "title", (), required=False) or stem
        deck_id = self._text(data, "id", (), required=False) or slugify(title)
        source = self._deck_source(data.get("source"), ("source",))
        raw_questions = data.get("questions")
        if raw_questions is None:
            self.found.append(((), "missing `questions`: a list of questions"))
            return None
        if not isinstance(raw_questions, list):
            self.found.append((("questions",), "`questions` must be a list"))
            return None
        questions: list[Question] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(raw_questions):
            question = self.question(raw, ("questions", index))
            if question is None:
                continue
            if question.id in seen:
                self.found.append(
                    (
                        ("questions", index),
                        f"duplicate question id {question.id!r} (also question {seen[question.id] + 1})",
                    )
                )
                continue
            seen[question.id] = index
            questions.append(question)
        return Deck(id=deck_id, title=title, questions=tuple(questions), source=source)

    def question(self, raw: object, where: Path_) -> Question | None:
        if not isinstance(raw, dict):
            self.found.append((where, "a question must be a mapping with `prompt` and `answer`"))
            return None
        before = len(self.found)
        if not _QUESTION_KEY_SET.issuperset(raw):
            self._unknown_keys(raw, QUESTION_KEYS, where)
        kind = raw.get("kind", "basic")
        if kind not in KINDS:
            self.found.append(
                (where + ("kind",), f"unknown kind {_show(kind)}; use one of: {', '.join(KINDS)}")
            )
            return None
        kind = cast(QuestionKind, kind)
        prompt = self._text(raw, "prompt", where, required=True)
        answer = self._answer(raw, kind, prompt, where)
        accept = self._text_list(raw, "accept", where)
        choices = self._text_list(raw, "choices", where)
        tags = self._text_list(raw, "tags", where)
        fact = self._text(raw, "fact", where, required=False)
        if fact and fact not in FACT_TYPES:
            self.found.append(
                (
                    where + ("fact",),
                    f"unknown fact type {fact!r}; use one of: {', '.join(FACT_TYPES)}",
                )
            )
        suspended = raw.get("suspended", False)
        if not isinstance(suspended, bool):
            self.found.append((where + ("suspended",), "`suspended` must be true or false"))
        source = self._question_source(raw.get("source"), where)
        if len(self.found) > before or answer is None:
            return None
        if kind == "choice":
            self._check_choices(choices, cast(str, answer), where)
        elif kind == "order":
            assert isinstance(answer, tuple)
            if not choices:
                choices = tuple(sorted(answer, key=lambda item: stable_id(prompt, item)))
            elif sorted(choices) != sorted(answer):
                self.found.append(
                    (
                        where + ("choices",),
                        "`choices` of an order question must be its answer items",
                    )
                )
        if len(self.found) > before:
            return None
        question_id = self._text(raw, "id", where, required=False) or prompt_id(prompt)
        return Question(
            question_id,
            kind,
            prompt,
            answer,
            accept,
            choices,
            fact,
            tags,
            source,
            bool(suspended),
        )

    def _answer(
        self, raw: dict[Any, Any], kind: QuestionKind, prompt: str, where: Path_
    ) -> str | tuple[str, ...] | None:
        value = raw.get("answer")
        if type(value) is str and value.strip() and kind in _TEXT_ANSWER_KINDS:
            return value  # the common case, settled without the checks below
        here = where + ("answer",)
        if kind == "order":
            if not isinstance(value, list) or len(value) < 2:
                self.found.append(
                    (here, "an order question needs `answer`: a list of 2 or more items")
                )
                return None
            items = tuple(_scalar_text(item) for item in value)
            if any(item is None or not item.strip() for item in items):
                self.found.append((here, "order items must be non-empty text"))
                return None
            if len(set(items)) != len(items):
                self.found.append((here, "order items must all differ"))
                return None
            return cast(tuple[str, ...], items)
        if kind == "truefalse":
            if isinstance(value, bool):
                return TRUE if value else FALSE
            if isinstance(value, str) and value.strip().lower() in (TRUE, FALSE):
                return value.strip().lower()
            self.found.append(
                (here, "a true/false question needs `answer: true` or `answer: false`")
            )
            return None
        if kind == "cloze":
            gap = _cloze_answer(prompt)
            if prompt and gap is None:
                self.found.append(
                    (where + ("prompt",), "a cloze needs exactly one non-empty gap: {{c1::answer}}")
                )
                return None
            if value is None:
                return gap
        if value is None:
            self.found.append((here, "missing `answer`"))
            return None
        if isinstance(value, bool):
            self.found.append((here, "answer is a yes/no value; put it in quotes to mean the text"))
            return None
        text = _scalar_text(value)
        if text is None or not text.strip():
            self.found.append((here, "`answer` must be non-empty text"))
            return None
        return text

    def _check_choices(self, choices: tuple[str, ...], answer: str, where: Path_) -> None:
        here = where + ("choices",)
        if len(choices) < 2:
            self.found.append((here, "a choice question needs `choices`: 2 or more options"))
        elif len({choice.casefold() for choice in choices}) != len(choices):
            self.found.append((here, "`choices` has the same option twice"))
        elif answer not in choices:
            self.found.append((here, "`choices` must include the answer"))

    def _deck_source(self, raw: object, where: Path_) -> DeckSource:
        if raw is None:
            return DeckSource()
        if isinstance(raw, str):
            return DeckSource(file=raw)
        if not isinstance(raw, dict):
            self.found.append(
                (where, "`source` must be a mapping (title, authors, published, url, file)")
            )
            return DeckSource()
        self._unknown_keys(raw, SOURCE_KEYS, where)
        published = raw.get("published")
        if isinstance(published, datetime):
            published = published.date().isoformat()
        elif isinstance(published, date):
            published = published.isoformat()
        elif published is not None and not isinstance(published, str):
            self.found.append((where + ("published",), "`published` must be a date (YYYY-MM-DD)"))
            published = None
        return DeckSource(
            title=self._text(raw, "title", where, required=False),
            authors=self._text_list(raw, "authors", where),
            published=published or "",
            url=self._text(raw, "url", where, required=False),
            file=self._text(raw, "file", where, required=False),
        )

    def _question_source(self, raw: object, question: Path_) -> SourceRef:
        if raw is None:
            return SourceRef()
        if isinstance(raw, str):
            return SourceRef(sentence=raw)
        if type(raw) is dict and _QUESTION_SOURCE_KEY_SET.issuperset(raw):
            sentence = raw.get("sentence")
            paragraph = raw.get("paragraph")
            if (sentence is None or type(sentence) is str) and (
                paragraph is None or (type(paragraph) is int and paragraph >= 1)
            ):
                return SourceRef("" if sentence is None else sentence, paragraph)
        where = question + ("source",)
        if not isinstance(raw, dict):
            self.found.append((where, "`source` must be a mapping with `sentence` and `paragraph`"))
            return SourceRef()
        self._unknown_keys(raw, QUESTION_SOURCE_KEYS, where)
        paragraph = raw.get("paragraph")
        if paragraph is not None and (
            not isinstance(paragraph, int) or isinstance(paragraph, bool) or paragraph < 1
        ):
            self.found.append((where + ("paragraph",), "`paragraph` must be a whole number from 1"))
            paragraph = None
        return SourceRef(
            sentence=self._text(raw, "sentence", where, required=False), paragraph=paragraph
        )

    def _text(self, raw: dict[Any, Any], key: str, where: Path_, *, required: bool) -> str:
        value = raw.get(key)
        if type(value) is str and (not required or value.strip()):
            return value
        if value is None:
            if required:
                self.found.append((where, f"missing `{key}`"))
            return ""
        text = None if isinstance(value, bool) else _scalar_text(value)
        if text is None:
            self.found.append((where + (key,), f"`{key}` must be text, not {_kind_of(value)}"))
            return ""
        if required and not text.strip():
            self.found.append((where + (key,), f"`{key}` is empty"))
        return text

    def _text_list(self, raw: dict[Any, Any], key: str, where: Path_) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if type(value) is list:
            for item in value:
                if type(item) is not str:
                    break
            else:
                return tuple(value)  # all text: the common case
        if not isinstance(value, list):
            value = [value]
        items: list[str] = []
        for index, item in enumerate(value):
            text = None if isinstance(item, bool) else _scalar_text(item)
            if text is None:
                self.found.append(
                    (where + (key, index), f"items of `{key}` must be text, not {_kind_of(item)}")
                )
                return ()
            items.append(text)
        return tuple(items)

    def _unknown_keys(self, raw: dict[Any, Any], known: Sequence[str], where: Path_) -> None:
        for key in raw:
            if key in known:
                continue
            name = key if isinstance(key, str) else _kind_of(key)
            from difflib import get_close_matches

            hint = get_close_matches(name, known, n=1) if isinstance(key, str) else []
            suggestion = (
                f"; did you mean `{hint[0]}`?" if hint else f"; known keys: {', '.join(known)}"
            )
            self.found.append((where + (name,), f"unknown key `{name}`{suggestion}"))


def _scalar_text(value: object) -> str | None:
    """Text of a YAML scalar (numbers and dates read as the text the user typed), else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return None


def _kind_of(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "empty"
    return type(value).__name__


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str | int | float) else _kind_of(value)


def _cloze_answer(prompt: str) -> str | None:
    """The text of the single `{{c1::...}}` gap of a cloze prompt, or None if there isn't exactly one."""
    start = prompt.find(CLOZE_GAP)
    if start < 0 or prompt.find("{{c", start + len(CLOZE_GAP)) >= 0:
        return None
    end = prompt.find("}}", start + len(CLOZE_GAP))
    if end < 0:
        return None
    inner = prompt[start + len(CLOZE_GAP) : end].split("::", 1)[0]
    return inner if inner.strip() else None


def cloze_answer(prompt: str) -> str | None:
    """The answer hidden in a cloze prompt's single gap (hint after `::` excluded), or None."""
    return _cloze_answer(prompt)


def _line_finder(text: str) -> Any:
    """A function from a document location to its 1-based line, composing the YAML only once."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_safe_loader())  # noqa: S506 - a safe loader class
    except (yaml.YAMLError, RecursionError):
        root = None

    def line_of(where: Path_) -> int | None:
        node = root
        if node is None:
            return None
        if where and where[0] == "questions" and isinstance(node, yaml.SequenceNode):
            where = where[1:]  # a bare list of questions
        for step in where:
            child = _child(node, step)
            if child is None:
                break
            node = child
        return int(node.start_mark.line) + 1

    return line_of


def _child(node: Any, step: str | int) -> Any:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                return value_node
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


# Writing ---------------------------------------------------------------------------------------


def _safe_loader() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _deck_dumper() -> Any:
    """Readable deck YAML: long text as folded block scalars, multi-line text as literal blocks."""
    import yaml

    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class DeckDumper(base):  # type: ignore[misc]
        pass

    DeckDumper.add_representer(str, _represent_text)
    return DeckDumper


def _represent_text(dumper: Any, text: str) -> Any:
    if "\n" in text.strip("\n"):
        style: str | None = "|"
    elif len(text) > 72 and text == text.strip() and "  " not in text:
        style = ">"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain data in the file's key order (empty fields left out)."""
    source = {
        "title": deck.source.title,
        "authors": list(deck.source.authors),
        "published": deck.source.published,
        "url": deck.source.url,
        "file": deck.source.file,
    }
    data: dict[str, Any] = {"format": DECK_FORMAT, "title": deck.title, "id": deck.id}
    compact_source = {key: value for key, value in source.items() if value}
    if compact_source:
        data["source"] = compact_source
    data["questions"] = [question_to_data(question) for question in deck.questions]
    return data


def question_to_data(question: Question) -> dict[str, Any]:
    """One question as plain data in the file's key order (empty fields left out)."""
    data: dict[str, Any] = {"id": question.id, "kind": question.kind}
    if question.fact:
        data["fact"] = question.fact
    data["prompt"] = question.prompt
    data["answer"] = (
        list(question.answer) if isinstance(question.answer, tuple) else question.answer
    )
    if question.accept:
        data["accept"] = list(question.accept)
    if question.choices:
        data["choices"] = list(question.choices)
    if question.tags:
        data["tags"] = list(question.tags)
    if question.suspended:
        data["suspended"] = True
    source = {"sentence": question.source.sentence, "paragraph": question.source.paragraph}
    compact = {key: value for key, value in source.items() if value}
    if compact:
        data["source"] = compact
    return data


def dump_deck(deck: Deck) -> str:
    """The deck as readable YAML text: fixed key order, block scalars for long text."""
    return dump_yaml(deck_to_data(deck))


def dump_yaml(data: object) -> str:
    """`data` (a deck or a question as plain data) as deck-file YAML: keys in the given order,
    block scalars for long text, lines of at most 100 characters."""
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_deck_dumper(),
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
        indent=2,
    )
    return text


def write_deck(deck: Deck, path: Path, *, cache_dir: Path | None = None) -> None:
    """Write a deck file atomically: the old file stays whole until the new one is complete.

    Args:
        deck: the deck to write.
        path: the deck file.
        cache_dir: if given, the parsed deck is stored there too (keyed on the bytes written), so
            the first study session or export after writing skips parsing the YAML.
    """
    data = dump_deck(deck).encode("utf-8")
    write_bytes_atomic(path, data)
    if cache_dir is not None:
        deck_cache.store(cache_dir, data, path, deck)


def iter_problems(paths: Sequence[Path]) -> Iterator[Problem]:
    """Every problem in every deck file given (folders are searched for deck files)."""
    for path in paths:
        if path.is_dir():
            decks = find_decks(path)
            if not decks:
                yield Problem(str(path), None, "no deck files (*.yaml) in this folder")
            for deck_path in decks:
                yield from check_deck(deck_path)
        else:
            yield from check_deck(path)
