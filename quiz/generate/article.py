"""Read an article (web page, saved HTML, Markdown or plain text) into a clean `Article`.

Paragraphs keep the article's wording exactly: only whitespace and Unicode form (NFC) are normalised, never
quotes or dashes. Page clutter (photo credits, share and newsletter prompts, tables of contents, section
headings, comment prompts, cookie notices) is dropped; bylines and date lines become metadata; author
bios at the end go to `Article.bios`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from html import unescape as _unescape_entity
from pathlib import Path
from typing import Any, Final, Literal

from quiz.errors import QuizError
from quiz.model import Article

HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
"""File suffixes read as HTML; any other file is read as text or Markdown (unless it holds HTML)."""

# --------------------------------------------------------------------------------------------- sources


def read_source(source: str, *, timeout: float = 15.0, max_bytes: int = 5_000_000) -> Article:
    """Read an article from an http(s) URL, an HTML file, or a text/Markdown file.

    A .txt or .md file whose content is an HTML page is read as HTML.

    Args:
        source: a URL or a path, as the user typed it (kept in `Article.url` / `Article.file`).
        timeout: seconds to wait on the network (URLs only).
        max_bytes: the largest page or file accepted.

    Raises:
        QuizError: naming the file or URL, when it cannot be read or holds no article text.
    """
    if _looks_like_url(source):
        return _read_url(source, timeout=timeout, max_bytes=max_bytes)
    path = Path(source).expanduser()
    data = _read_file_bytes(path, source, max_bytes=max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        from quiz.generate.fetch import decode_page

        return read_html_article(decode_page(data), file=source)
    text = _decode_text(data, source)
    if looks_like_html(text):
        return read_html_article(text, file=source)
    return read_text_article(text, file=source)


def _looks_like_url(source: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", source) is not None


def _read_url(url: str, *, timeout: float, max_bytes: int) -> Article:
    from quiz.generate.fetch import fetch_url

    page = fetch_url(url, timeout=timeout, max_bytes=max_bytes)
    if page.content_type == "text/plain" and not looks_like_html(page.text):
        try:
            article = read_text_article(page.text)
        except QuizError as error:
            raise QuizError(error.message, path=url) from None
        return replace(article, url=url)
    return read_html_article(page.text, url=url)


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document: it starts (after whitespace and BOM) with a doctype or <html>."""
    head = text.lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))


def _read_file_bytes(path: Path, shown: str, *, max_bytes: int) -> bytes:
    hint = ""
    if not path.exists():
        if re.match(r"(www\.|[\w-]+\.(com|org|net|co\.\w\w)\b)", shown):
            hint = " (for a web page, give the full address starting with https://)"
        raise QuizError(f"no such file{hint}", path=shown)
    if path.is_dir():
        raise QuizError("this is a folder, not an article file", path=shown)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise QuizError(
                f"the file is {size:,} bytes, more than the {max_bytes:,} quiz reads", path=shown
            )
        data = path.read_bytes()
    except PermissionError:
        raise QuizError("permission denied: cannot read this file", path=shown) from None
    except OSError as error:
        raise QuizError(f"cannot read the file: {error.strerror or error}", path=shown) from None
    if not data.strip():
        raise QuizError("the file is empty", path=shown)
    return data


def _decode_text(data: bytes, shown: str) -> str:
    """Decode a text file as UTF-8 (UTF-16 with a BOM is accepted too), refusing binary files."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise QuizError(
                "the file has a UTF-16 mark but is not valid UTF-16", path=shown
            ) from None
    else:
        if b"\x00" in data[:65536]:
            raise QuizError("this is a binary file, not a text or HTML article", path=shown)
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[bom:].decode("utf-8")
        except UnicodeDecodeError as error:
            if _mostly_binary(data):
                raise QuizError(
                    "this is a binary file, not a text or HTML article", path=shown
                ) from None
            offset = bom + error.start
            line = data.count(b"\n", 0, offset) + 1
            column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
            raise QuizError(
                f"not UTF-8 text: byte 0x{data[offset]:02X} at byte offset {offset} (column "
                f"{column}) is not valid UTF-8; save the file as UTF-8",
                path=shown,
                line=line,
            ) from None
    sample = text[:65536]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    if controls > max(8, len(sample) // 20):
        raise QuizError("this is a binary file, not a text or HTML article", path=shown)
    return text


def _mostly_binary(data: bytes) -> bool:
    sample = data[:65536]
    text_bytes = sum(1 for byte in sample if byte >= 32 or byte in b"\t\n\r\f\v")
    invalid = len(sample.decode("utf-8", errors="replace").split("\ufffd")) - 1
    return text_bytes < 0.9 * len(sample) or invalid > max(16, len(sample) // 50)


# --------------------------------------------------------------------------------- text normalisation

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """NFC, invisible characters (zero-width space, BOM, soft hyphen) removed, whitespace collapsed."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------- Markdown

LineKind = Literal["text", "heading", "item", "quote"]


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
    open_ended = sum(1 for raw in inner if _FINAL_PUNCTUATION.search(raw) is None)
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
            if joined and _has_words(joined):
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
    return len(previous) >= 0.6 * width and _FINAL_PUNCTUATION.search(previous) is None


def _standalone(raw: str) -> bool:
    text = clean_text(strip_inline_markdown(raw))
    return bool(_byline(text) or _date_line(text) or is_clutter(text))


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# ------------------------------------------------------------------------------------------- dates

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS: Final = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?", re.IGNORECASE
)
_ZONE = re.compile(r"\b(?:[A-Z]{2,5}|GMT[+-]\d{1,2}(?::?\d{2})?|UTC[+-]\d{1,2}(?::?\d{2})?)\b")
_DATE_PREFIX = re.compile(
    r"^(?P<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|(?:last\s+)?updated(?:\s+on)?"
    r"|modified|date(?:d)?|released)\b\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)


def parse_date(text: str) -> date | None:
    """The first calendar date written in `text` ("July 28, 2025", "28 July 2025", "2025-07-28")."""
    found: list[tuple[int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parsed = _date_from_match(match)
            if parsed is not None:
                found.append((match.start(), parsed))
                break
    return min(found)[1] if found else None


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        name = groups["month"].lower().rstrip(".")
        month = _MONTHS.get(name, 0)
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _DateLine:
    day: date
    updated: bool


def _date_line(text: str) -> _DateLine | None:
    """A line that only states when the article was published or updated."""
    if len(text) > 120:
        return None
    prefix = _DATE_PREFIX.match(text)
    rest = text[prefix.end() :] if prefix else text
    day = parse_date(rest)
    if day is None:
        return None
    leftover = rest
    for pattern in _DATE_PATTERNS:
        leftover = pattern.sub(" ", leftover)
    leftover = _ZONE.sub(" ", _TIME.sub(" ", _WEEKDAY.sub(" ", leftover)))
    leftover = re.sub(
        r"\b(?:at|on|and|ist|edt|est|bst|cet|updated|ago|seconds?|minutes?|mins?|hours?|hrs?|days?"
        r"|min read)\b",
        " ",
        leftover,
        flags=re.IGNORECASE,
    )
    leftover = re.sub(r"[\W\d_]+", " ", leftover).strip()
    if prefix is None and leftover:
        return None
    if prefix is not None and len(leftover.split()) > 3:
        return None
    updated = prefix is not None and "updated" in prefix.group("label").lower()
    return _DateLine(day, updated)


# ------------------------------------------------------------------------------------------ people

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_TOKEN = rf"(?:[{_UPPER}][\w'’-]*\.?|[{_UPPER}]\.)"
_PARTICLE = r"(?:van|von|de|da|del|der|den|di|du|la|le|bin|ibn|al|el|st\.)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,4}}"
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_NOT_NAME_WORDS: Final = frozenset(
    """a an the of in on at for with and to from by is are was be this that these those our your its
    news breaking live update updates analysis opinion editorial explained summary contents overview
    background introduction key points highlights staff writer writers correspondent editor reporter
    bureau desk team agency agencies contributor contributors special report india world politics
    business sport sports science health video photos photo gallery images getty shutterstock alamy
    media press wire pictures photography""".split()
)
_AGENCIES: Final = frozenset(
    {
        "reuters",
        "ap",
        "afp",
        "pti",
        "ians",
        "ani",
        "bloomberg",
        "associated press",
        "the associated press",
        "agence france-presse",
        "agencies",
        "express news service",
    }
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|report by|text by)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_AUTHOR_LABEL = re.compile(
    r"^(?:authors?|writers?|byline)\s*[:\-–—]\s*(?P<rest>.+)$", re.IGNORECASE
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


def _names(text: str) -> list[str] | None:
    """The person names in a list like "Jane Doe, John Roe and Ann Poe", or None if any part is not one.

    Agency names ("Reuters") are left out.
    """
    names: list[str] = []
    for part in _NAME_SPLIT.split(text.strip().rstrip(".")):
        part = part.strip()
        if not part or part.lower() in _AGENCIES:
            continue
        if not _is_name(part):
            return None
        names.append(part)
    return names or None


def _is_name(text: str) -> bool:
    if not _NAME_ONLY.match(text):
        return False
    return not any(word.lower().strip(".") in _NOT_NAME_WORDS for word in text.split())


@dataclass(frozen=True, slots=True)
class _Byline:
    authors: tuple[str, ...]
    day: date | None = None


def _byline(text: str, *, names_alone: bool = False) -> _Byline | None:
    """Authors (and a date) from a byline: "By Jane Doe and John Roe | July 28, 2025", "Author: ...".

    With `names_alone`, a line of names and nothing else ("Jane Doe and John Roe") counts too.
    """
    if len(text) > 160:
        return None
    match = _BYLINE.match(text) or _AUTHOR_LABEL.match(text)
    if match is None:
        if not names_alone or len(text) > 80:
            return None
        names = _names(text)
        return _Byline(tuple(names)) if names else None
    rest = match.group("rest")
    day = None
    parts = [part.strip() for part in re.split(r"\s+[|•·–—-]\s+|\s*\|\s*", rest) if part.strip()]
    name_parts: list[str] = []
    for part in parts:
        found = parse_date(part)
        if found is not None:
            day = day or found
            continue
        name_parts.append(part)
    authors: list[str] = []
    for part in name_parts:
        # "Jane Doe, Staff Writer": keep the names, drop the roles after them.
        for piece in _NAME_SPLIT.split(part):
            piece = piece.strip().rstrip(".")
            if piece and piece.lower() not in _AGENCIES and _is_name(piece):
                authors.append(piece)
    if not authors:
        # "By July 28, 2025, the plan ..." is a sentence, not a byline.
        return None
    return _Byline(tuple(authors), day)


# ------------------------------------------------------------------------------------------ clutter

_CLUTTER_PATTERNS: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # photo credits and captions
        r"\|\s*(?:photo|image|picture|video)\s*(?:credit|courtesy|source)?s?\s*:",
        r"^(?:photo|photograph|image|picture|file photo|representational image|illustration)"
        r"(?:\s+(?:credit|courtesy|source))?s?\s*[:|]",
        r"\b(?:photo|image|picture)\s+(?:credit|courtesy)s?\s*:",
        r"^image source\b",
        r"^(?:getty images|afp|reuters|ap|pa media|pa|epa|shutterstock|alamy|istock)"
        r"(?:\s*(?:via|/)\s*.{1,60})?$",
        r"\bAP Photo/",
        r"^(?:credit|courtesy)\s*:",
        # tables of contents and navigation
        r"^(?:table of contents?|contents|in this article|jump to|skip to (?:main )?content"
        r"|back to top|on this page)\s*:?$",
        # sharing, newsletters, further reading
        r"^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|print|copy link"
        r"|whatsapp|facebook|twitter|linkedin|telegram|reddit)(?:\s*[|,/]\s*\w+)*\s*:?$",
        r"^(?:subscribe|sign up|sign in|log in|follow us|join us|download (?:the|our) app"
        r"|get the app)\b.{0,100}$",
        r"\b(?:sign up|subscribe)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b",
        r"^(?:read more|read also|also read|must read|recommended|related|related (?:stories|articles"
        r"|news|coverage|reading|content|posts|topics)|more from|more on this|see also|you may also "
        r"like|you might also like|don'?t miss|trending|most (?:read|popular|viewed)|top stories"
        r"|latest (?:news|stories)|watch|listen|continue reading)\b\s*(?:$|[:|>»–—-])",
        r"^click here\b",
        # comments
        r"^no comments?(?: yet)?[!.]?(?:\s*be the first(?: one)?(?: to comment)?[!.]?)?$",
        r"^be the first to comment\b",
        r"^(?:leave|post|add|write) a (?:comment|reply|response)\b",
        r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?:?$",
        r"^(?:comments are closed|join the conversation|view comments|show comments"
        r"|load comments)\b",
        # cookie notices, advertising, legal
        r"\b(?:we|site|website|this site|page) uses? cookies\b|\baccept (?:all )?cookies\b"
        r"|\bcookie (?:policy|settings|preferences|consent|notice)\b|\bby continuing to (?:browse|use)\b",
        r"^(?:advertisement|advertisements|sponsored(?: content)?|story continues below"
        r"(?: advertisement)?|scroll to continue(?: with content)?|ad|promoted)\s*:?$",
        r"^(?:©|\(c\)\s|copyright\s+(?:©|\(c\)|\d{4}))",
        r"\ball rights reserved\b",
        r"^\(?with inputs from\b",
        r"^(?:listen to|print|save|bookmark) this (?:article|story|page)\b",
        r"^\d+\s*min(?:ute)?s?\s+read$",
        r"^(?:updated\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
        r"^[—–-]+\s*(?:reuters|ap|afp|pti|ians|ani|bloomberg|associated press)\s*$",
        r"^(?:edited|editing|compiled|additional reporting) by\b.{0,120}$",
        r"^(?:tags|topics|filed under|categories)\s*:",
    )
)


def is_clutter(text: str) -> bool:
    """Whether a line is page furniture rather than article text.

    Photo credits and captions, tables of contents, share/subscribe/newsletter and "Read more" lines,
    comment prompts, cookie notices and advertising labels all count.
    """
    if len(text) > 400:
        return False
    if len(text) <= 140 and _CREDIT_AT_END.search(text):
        return True
    return any(pattern.search(text) for pattern in _CLUTTER_PATTERNS)


_CREDIT_AT_END = re.compile(
    r"\((?:(?:photo|image|picture|file)\s*:?\s*)?(?:getty images|afp|ap|reuters|pti|ani|ians|epa|"
    r"shutterstock|istock|[\w .]+/(?:getty images|afp|ap|reuters))\)\s*$",
    re.IGNORECASE,
)
"""A caption ending with a credit in brackets: "Crowds in Kabul on Friday. (Getty Images)"."""


_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def _is_heading_like(text: str) -> bool:
    """A short line without sentence punctuation that starts like a title: a section heading."""
    words = text.split()
    return (
        0 < len(words) <= 12
        and len(text) <= 90
        and _FINAL_PUNCTUATION.search(text) is None
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
    )


# ------------------------------------------------------------------------------------------ datelines

_DATELINE = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}.'’ -]{{2,40}}"
    rf"(?:,\s*[{_UPPER}][\w.]*(?:\s+[{_UPPER}][\w.]*)*)?)"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z .&-]{2,40})\))?"
    r"\s*[-–—:]\s+(?=\S)"
)

_AGENCY_DATELINE = re.compile(
    r"^\((?:reuters|ap|afp|pti|ians|ani|bloomberg)\)\s*[-–—:]\s+(?=\S)", re.I
)


def _strip_dateline(text: str) -> str:
    """ "WASHINGTON (Reuters) - The ..." -> "The ...": the dateline names a place, not article text."""
    agency_only = _AGENCY_DATELINE.match(text)
    if agency_only is not None:
        return text[agency_only.end() :]
    match = _DATELINE.match(text)
    if match is None:
        return text
    place = match.group("place").split(",")[0]
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 3 or not all(ch.isupper() for ch in letters):
        return text
    return text[match.end() :]


# ---------------------------------------------------------------------------------------------- bios

_ROLE_WORDS: Final = frozenset(
    """professor fellow journalist writer author editor correspondent analyst researcher director
    senior former columnist reporter lecturer associate assistant visiting contributing freelance
    doctoral postdoctoral phd economist historian scholar member head chair founder co-founder
    ceo president vice executive deputy distinguished adjunct research policy retired veteran
    consultant partner principal lawyer student candidate diplomat ambassador commentator""".split()
)
_BIO_STARTS = re.compile(
    r"^[(\[—–-]*\s*(?:the\s+)?(?:writer|writers|author|authors|columnist|reviewer)\s+(?:is|are|was|were)"
    r"\b",
    re.IGNORECASE,
)
_NAME_IS = re.compile(
    rf"^[(\[]?(?P<name>{_NAME})(?:\s*\([^)]*\))?,?\s+(?:is|was|has been|serves as)\s+"
    r"(?:(?:a|an|the)\s+)?(?P<role>[\w-]+)"
)
_BIO_SPLIT = re.compile(rf"(?<=[a-z0-9)\]]{{2}}[.!?])\s+(?={_NAME}\s+(?:is|was|has been)\b)")


def _bio_name(text: str, authors: Sequence[str]) -> str | None:
    """The person a bio line describes, "" for "The writer is ...", None if it is no bio."""
    if len(text) > 600:
        return None
    if _BIO_STARTS.match(text):
        return ""
    for author in authors:
        if (
            len(author.split()) >= 2
            and text.startswith(author)
            and re.match(r"[\s,(]", text[len(author) : len(author) + 1])
        ):
            return author
    match = _NAME_IS.match(text)
    if match is None or not _is_name(match.group("name")):
        return None
    role = match.group("role")
    if role[0].isupper() or role.lower() in _ROLE_WORDS:
        return match.group("name")
    return None


def _split_bios(text: str) -> list[str]:
    """One bio per person: "A is X. B is Y" -> ["A is X.", "B is Y"]."""
    return [part.strip() for part in _BIO_SPLIT.split(text) if part.strip()]


# ---------------------------------------------------------------------------------------- assembly


@dataclass(slots=True)
class _Meta:
    """What the reader learns about the article beside its paragraphs."""

    authors: list[str] = field(default_factory=list)
    published: date | None = None
    updated: date | None = None

    def add_authors(self, names: Iterable[str]) -> None:
        for name in names:
            if name not in self.authors:
                self.authors.append(name)

    def add_date(self, day: date, *, updated: bool) -> None:
        if updated:
            self.updated = self.updated or day
        else:
            self.published = self.published or day


def _assemble(
    lines: Sequence[_Line],
    *,
    title: str,
    meta: _Meta,
    url: str,
    file: str,
) -> Article:
    """Sort paragraph candidates into body, metadata, clutter and bios; build the Article."""
    kept: list[_Line] = []
    seen_body = False
    for line in lines:
        text = line.text
        if line.kind == "heading":
            continue
        if line.kind != "item" and text == title:
            continue
        byline = _byline(text, names_alone=not seen_body and line.kind == "text")
        if byline is not None:
            meta.add_authors(byline.authors)
            if byline.day is not None:
                meta.add_date(byline.day, updated=False)
            continue
        dated = _date_line(text)
        if dated is not None:
            meta.add_date(dated.day, updated=dated.updated)
            continue
        if is_clutter(text):
            continue
        if line.kind != "item" and _is_heading_like(text):
            continue
        if not seen_body:
            text = _strip_dateline(text)
            if not text:
                continue
        seen_body = True
        kept.append(_Line(text, line.kind))
    bios: list[str] = []
    while kept:
        name = _bio_name(kept[-1].text, meta.authors)
        if name is None:
            break
        bios[:0] = _split_bios(kept.pop().text)
    if not meta.authors:
        for bio in bios:
            name = _bio_name(bio, ())
            if name:
                meta.add_authors([name])
    return Article(
        title=title,
        paragraphs=tuple(line.text for line in kept),
        authors=tuple(meta.authors),
        published=meta.published or meta.updated,
        url=url,
        file=file,
        bios=tuple(bios),
    )


def _title_from(lines: list[_Line], file: str) -> str:
    """Take the title off the front of `lines`: the first heading, else the first title-like line."""
    for index, line in enumerate(lines[:8]):
        text = line.text
        if _byline(text) or _date_line(text) or is_clutter(text):
            continue
        if line.kind == "heading" or (line.kind == "text" and _is_title_like(text)):
            del lines[index]
            return text
        break
    first_heading = next((i for i, line in enumerate(lines) if line.kind == "heading"), None)
    if first_heading is not None and first_heading < 8:
        return lines.pop(first_heading).text
    stem = Path(file).stem if file else ""
    return clean_text(re.sub(r"[-_]+", " ", stem)).capitalize() if stem else "Untitled article"


def _is_title_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 25 and len(text) <= 200 and not re.search(r"[.!?]\s+[A-Z]", text)


def read_text_article(text: str, *, file: str = "") -> Article:
    """Read a plain-text or Markdown article (pure: no I/O).

    The title is the first heading or first line; bylines and "Published" lines become metadata; page
    clutter and section headings are dropped; author bios at the end go to `bios`.

    Raises:
        QuizError: when no paragraph of article text is left.
    """
    front, lines = _markdown_lines(text)
    meta = _Meta()
    raw_title = front.get("title")
    title = clean_text(raw_title) if isinstance(raw_title, str) else ""
    _front_meta(front, meta)
    if not title:
        title = _title_from(lines, file)
    article = _assemble(lines, title=title, meta=meta, url="", file=file)
    if not article.paragraphs:
        raise QuizError("no article text found", path=file or None)
    return article


def _front_meta(front: FrontMatter, meta: _Meta) -> None:
    raw_authors = front.get("authors", front.get("author"))
    if isinstance(raw_authors, str):
        meta.add_authors(_names(raw_authors) or [clean_text(raw_authors)])
    elif isinstance(raw_authors, list):
        meta.add_authors(clean_text(name) for name in raw_authors if name.strip())
    raw_date = front.get("published", front.get("date"))
    if isinstance(raw_date, str):
        found = _iso_date(raw_date) or parse_date(raw_date)
        if found is not None:
            meta.add_date(found, updated=False)


_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:$|[Tt ]\d)")


def _iso_date(text: str) -> date | None:
    """The day of a YAML timestamp ("2024-03-01", "2024-03-01T10:00:00Z"), if it is a real day."""
    match = _ISO_DATE.match(text)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


# -------------------------------------------------------------------------------------------- HTML


def read_html_article(html: str, *, url: str = "", file: str = "") -> Article:
    """Read the article body of an HTML page with trafilatura (pure: no I/O).

    Navigation, asides, figures, share buttons, comments and footers are left out; title, authors and
    date come from the page's metadata (meta tags, JSON-LD), else from the text.

    Raises:
        QuizError: naming `file` or `url` when the page holds no article text.
    """
    where = file or url or None
    document = _extract(html, url=url, with_metadata=True)
    if document is _FAILED:
        # Metadata extraction (htmldate above all) fails on some pages that trafilatura reads fine,
        # e.g. an <svg> before <html>: the page is read without its metadata.
        document = _extract(html, url=url, with_metadata=False)
    if document is _FAILED:
        raise QuizError("no article text found", path=where)
    body = getattr(document, "body", None) if document is not None else None
    if body is None:
        raise QuizError("no article text found", path=where)
    lines = list(_html_lines(body))
    meta = _Meta()
    meta.add_authors(_metadata_authors(str(document.author or "")))
    if document.date:
        found = parse_date(str(document.date))
        if found is not None:
            meta.add_date(found, updated=False)
    title = clean_text(str(document.title or ""))
    if not title:
        title = _title_from(lines, file)
    article = _assemble(lines, title=title, meta=meta, url=url, file=file)
    if not article.paragraphs:
        raise QuizError("no article text found", path=where)
    return article


_FAILED: Final = object()
"""What `_extract` returns when trafilatura raised."""


def _extract(html: str, *, url: str, with_metadata: bool) -> Any:
    """trafilatura's extraction of `html`: its Document, None for no text, `_FAILED` if it raised.

    Returns Any: trafilatura's Document is loosely typed.
    """
    import trafilatura  # deferred: ~250 ms, and only HTML needs it

    try:
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            include_comments=False,
            include_tables=False,
            with_metadata=with_metadata,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a failure inside trafilatura, lxml or htmldate on odd markup
        return _FAILED


def _metadata_authors(text: str) -> list[str]:
    """Authors from page metadata ("Jo Park; Staff Writer" -> ["Jo Park"]); agencies and roles go."""
    pieces = [clean_text(piece) for piece in _NAME_SPLIT.split(text)]
    pieces = [piece for piece in pieces if piece and piece.lower() not in _AGENCIES]
    names = [piece for piece in pieces if _is_name(piece)]
    if names:
        return names
    # Names in other scripts do not match the pattern: keep what is not a role word.
    return [
        piece
        for piece in pieces
        if not all(word.lower() in _NOT_NAME_WORDS for word in piece.split())
    ]


def _html_lines(body: Any) -> Iterator[_Line]:
    """Paragraph candidates from trafilatura's XML body: paragraphs, list items, quotes, headings."""
    for element in body:
        tag = element.tag
        if tag == "head":
            text = clean_text("".join(element.itertext()))
            if text:
                yield _Line(text, "heading")
        elif tag in ("list", "quote") and any(child.tag in ("item", "p") for child in element):
            kind: LineKind = "item" if tag == "list" else "quote"
            for child in element:
                if child.tag in ("item", "p"):
                    yield from _split_breaks(child, kind)
        elif tag not in _SKIPPED_TAGS:
            yield from _split_breaks(element, "quote" if tag == "quote" else "text")


_SKIPPED_TAGS: Final = frozenset({"table", "graphic", "code", "figure", "hr", "lb"})
"""Parts of trafilatura's body that hold no prose (any other element is read as a paragraph)."""


def _split_breaks(element: Any, kind: LineKind) -> Iterator[_Line]:
    """One line per <lb/>-separated run of text inside an element."""
    parts: list[str] = []
    _collect_text(element, parts)
    for piece in "".join(parts).split("\n"):
        text = clean_text(piece)
        if text and _has_words(text):
            yield _Line(text, kind)


def _collect_text(element: Any, parts: list[str]) -> None:
    if element.tag == "lb":
        parts.append("\n")
    elif element.text:
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)
