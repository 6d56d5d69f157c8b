"""Markdown and plain text to paragraph candidates (headings, list items, quotes, text), front matter apart."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import unescape as _unescape_entity
from typing import Final, Literal

from quiz.reading.clutter import is_clutter
from quiz.reading.metadata import _byline, _date_line
from quiz.reading.text import FINAL_PUNCTUATION, clean_text, has_words

LineKind = Literal["text", "heading", "item", "quote", "standfirst"]
"""A standfirst is the summary a page shows under its headline, kept as it is written."""


@dataclass(frozen=True, slots=True)
class _Line:
    """One paragraph candidate: cleaned text and what kind of Markdown block it came from."""

    text: str
    kind: LineKind = "text"
    level: int = 0
    """Heading level (1-6) for headings."""


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HARD_BREAK = re.compile(r"(?:  |\\)$")

_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!>|~"
_ESCAPE = re.compile(rf"\\([{_ESCAPABLE}])")
_INLINE_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"!\[[^\[\]]{0,500}\]\([^()]{0,2000}\)"), ""),
    (re.compile(r"!\[[^\[\]]{0,500}\]\[[^\[\]]{0,200}\]"), ""),
    (re.compile(r"\[\^[^\[\]]{1,100}\]"), ""),
    (
        re.compile(
            r"\[([^\[\]]{1,500})\]\(\s*[^()\s]{0,2000}(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'))?\s*\)"
        ),
        r"\1",
    ),
    (re.compile(r"\[([^\[\]]{1,500})\]\[[^\[\]]{0,200}\]"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.{1,500}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w])_(?=\S)(.{1,500}?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.{1,500}?)(?<=\S)~~"), r"\1"),
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_inline_markdown(text: str) -> str:
    """Plain text of one line of Markdown: links keep their text, images, tags and emphasis marks go."""
    # Escaped characters are parked in the private-use area so the rules below leave them alone.
    text = _ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = _ENTITY.sub(lambda m: _unescape_entity(m.group(0)), text)
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - 0xE000), text)


FrontMatter = dict[str, str | list[str]]
"""Front-matter values as written: a scalar's text, or the scalar items of a list."""


def _front_matter(lines: list[str]) -> tuple[FrontMatter, list[str]]:
    """Split off a YAML front-matter block (between --- lines at the very top).

    The block is composed, never constructed: values are the text of scalars (or lists of scalars),
    so an alias never expands, and a date or number is not checked before it is used. A block that is
    not a YAML mapping, or nests too deeply to read, yields no metadata but is still no article text.
    """
    if not lines or lines[0].strip() != "---":
        return {}, lines
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() in ("---", "..."):
            return _front_values("\n".join(lines[1:end])), lines[end + 1 :]
    return {}, lines


def _front_values(text: str) -> FrontMatter:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except (yaml.YAMLError, RecursionError):
        return {}
    meta: FrontMatter = {}
    if not isinstance(root, yaml.MappingNode):
        return meta
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if isinstance(value, yaml.ScalarNode):
            if value.tag != "tag:yaml.org,2002:null":
                meta[str(key.value)] = str(value.value)
        elif isinstance(value, yaml.SequenceNode):
            meta[str(key.value)] = [
                str(item.value)
                for item in value.value
                if isinstance(item, yaml.ScalarNode) and item.tag != "tag:yaml.org,2002:null"
            ]
    return meta


def _markdown_lines(text: str) -> tuple[FrontMatter, list[_Line]]:
    """Split Markdown or plain text into paragraph candidates; hard-wrapped paragraphs are re-joined."""
    text = _HTML_COMMENT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    meta, raw_lines = _front_matter(text.split("\n"))
    blocks: list[list[str]] = [[]]
    in_fence = False
    for raw in raw_lines:
        if _FENCE.match(raw):
            in_fence = not in_fence
            blocks.append([])
            continue
        if in_fence:
            continue
        if not raw.strip():
            blocks.append([])
        else:
            blocks[-1].append(raw.expandtabs(4))
    hard_wrapped = _is_hard_wrapped(blocks)
    lines: list[_Line] = []
    for block in blocks:
        lines.extend(_block_lines(block, hard_wrapped=hard_wrapped))
    return meta, lines


def _is_hard_wrapped(blocks: Sequence[Sequence[str]]) -> bool:
    """Whether the text was hard-wrapped: most full lines that do not end a block stop mid-sentence.

    Text with one paragraph per line (as saved from web pages) ends nearly every line with a full stop.
    """
    inner = [
        raw.strip()
        for block in blocks
        for raw in block[:-1]
        if len(raw.strip()) >= 40
        and not (_ATX.match(raw) or _ITEM.match(raw) or _SETEXT.match(raw) or _RULE.match(raw))
    ]
    if not inner:
        return False
    open_ended = sum(1 for raw in inner if FINAL_PUNCTUATION.search(raw) is None)
    return open_ended >= 0.6 * len(inner)


def _block_lines(block: Sequence[str], *, hard_wrapped: bool) -> Iterator[_Line]:
    """The paragraphs of one blank-line-separated block."""
    if not block:
        return
    width = max(len(raw.rstrip()) for raw in block)
    wrapped = hard_wrapped and len(block) > 1 and 40 <= width <= 120
    current: list[str] = []
    kind: LineKind = "text"
    previous_raw = ""

    def flush() -> Iterator[_Line]:
        if current:
            joined = clean_text(strip_inline_markdown(" ".join(current)))
            if joined and has_words(joined):
                yield _Line(joined, kind)
        current.clear()

    for raw in block:
        heading = _ATX.match(raw)
        if heading:
            yield from flush()
            title = clean_text(strip_inline_markdown(heading.group(2) or ""))
            if title:
                yield _Line(title, "heading", len(heading.group(1)))
            previous_raw = ""
            continue
        if _SETEXT.match(raw) and current and kind == "text" and len(current) == 1:
            title = clean_text(strip_inline_markdown(current[0]))
            current.clear()
            if title:
                yield _Line(title, "heading", 1 if raw.strip().startswith("=") else 2)
            previous_raw = ""
            continue
        if _RULE.match(raw) or _TABLE_ROW.match(raw) or _REF_DEF.match(raw):
            yield from flush()
            previous_raw = ""
            continue
        line_kind: LineKind = "text"
        body = raw
        if _QUOTE.match(body):
            while _QUOTE.match(body):
                body = _QUOTE.sub("", body, count=1)
            line_kind = "quote"
        item = _ITEM.match(body)
        starts_item = item is not None
        if item:
            body = body[item.end() :]
        continuation = (
            wrapped
            and bool(current)
            and not starts_item
            and (line_kind == kind or kind == "item")
            and not _HARD_BREAK.search(previous_raw)
            and _wrapped_after(previous_raw, body, width)
            and not _standalone(previous_raw)
            and not _standalone(body)
        )
        if not continuation:
            yield from flush()
            kind = "item" if starts_item else line_kind
        current.append(body.strip())
        previous_raw = raw
    yield from flush()


def _wrapped_after(previous: str, line: str, width: int) -> bool:
    """Whether the break after `previous` was a hard wrap rather than a paragraph end.

    It was when the first word of `line` would not have fitted on `previous`, or when `previous` is
    nearly full width and stops mid-sentence.
    """
    words = line.split()
    first = words[0] if words else ""
    previous = previous.rstrip()
    if len(previous) + 1 + len(first) > width:
        return True
    return len(previous) >= 0.6 * width and FINAL_PUNCTUATION.search(previous) is None


def _standalone(raw: str) -> bool:
    text = clean_text(strip_inline_markdown(raw))
    return bool(_byline(text) or _date_line(text) or is_clutter(text))
