"""Paragraph candidates to an `Article`: body, metadata, clutter and bios sorted apart; text articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Final

from quiz.errors import QuizError
from quiz.model import Article, Block, BlockKind
from quiz.reading.clutter import _is_heading_like, is_clutter
from quiz.reading.language import is_english
from quiz.reading.markdown import FrontMatter, _Line, _markdown_lines
from quiz.reading.metadata import (
    _bio_name,
    _byline,
    _date_line,
    _names,
    _split_bios,
    _strip_dateline,
    parse_date,
)
from quiz.reading.text import clean_text


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
    """Sort paragraph candidates into body, headings, metadata, clutter and bios; build the Article."""
    kept: list[_Line] = []
    seen_body = False
    in_clutter_section = False
    for line in lines:
        text = line.text
        if line.kind == "heading":
            in_clutter_section = _start_section(kept, line, title)
            continue
        if in_clutter_section and (line.kind == "item" or _is_link_title(text)):
            continue
        in_clutter_section = False
        if line.kind == "standfirst":
            if text != title and not is_clutter(text):
                kept.append(_Line(text, "text"))
            continue
        if line.kind != "item" and text == title:
            continue
        byline = _byline(
            text, names_alone=not seen_body and line.kind == "text" and not meta.authors
        )
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
            # "Now, see some more of our picks:" introduces a list of links, which goes with it.
            in_clutter_section = text.rstrip().endswith(":")
            continue
        if line.kind != "item" and _is_heading_like(text):
            # A title-like line in the body is a section heading; before the body, a kicker or label.
            if seen_body:
                in_clutter_section = _start_section(kept, _Line(text, "heading", 2), title)
            continue
        if not seen_body:
            text = _strip_dateline(text)
            if not text:
                continue
        seen_body = True
        kept.append(_Line(text, line.kind))
    kept = _without_pull_quotes(kept)
    bios: list[str] = []
    while kept:
        if kept[-1].kind == "heading":
            kept.pop()
            continue
        name = _bio_name(kept[-1].text, meta.authors)
        if name is None:
            break
        bios[:0] = _split_bios(kept.pop().text)
    if not meta.authors:
        for bio in bios:
            name = _bio_name(bio, ())
            if name:
                meta.add_authors([name])
    blocks = _blocks(kept)
    return Article(
        title=title,
        paragraphs=tuple(block.text for block in blocks if block.kind != "heading"),
        authors=tuple(meta.authors),
        published=meta.published or meta.updated,
        url=url,
        file=file,
        bios=tuple(bios),
        blocks=blocks,
        language="en" if is_english(block.text for block in blocks) else "und",
    )


_ATTRIBUTION: Final = re.compile(r"^[—–-]{1,2}\s*[\w.'’-]+(?:,?\s+[\w.'’-]+){0,7}$")
"""A line that only names a quote's speaker: "— Ann Lee", "– Jo Park, mayor"."""
_MAX_PULL_QUOTES: Final = 20
"""More quotes with their speakers than this make a page of quotes (a list of sayings, of reader
comments), not an article with a few set apart: none is taken out, and the check stays cheap."""


def _without_pull_quotes(lines: list[_Line]) -> list[_Line]:
    """The lines less pull quotes: a quote set apart with its speaker on the line after ("— Ann
    Lee"), whose words the article already says in one of its paragraphs."""
    quotes = [index for index in range(len(lines) - 1) if _ATTRIBUTION.match(lines[index + 1].text)]
    if not quotes or len(quotes) > _MAX_PULL_QUOTES:
        return lines
    pairs = [_word_pairs(line.text) for line in lines]
    dropped: set[int] = set()
    for index in quotes:
        said = pairs[index]
        if said and any(
            len(said & other) >= 0.8 * len(said)
            for at, other in enumerate(pairs)
            if at not in (index, index + 1)
        ):
            dropped.update((index, index + 1))
    return [line for index, line in enumerate(lines) if index not in dropped]


def _word_pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of neighbouring words in `text`, in lower case."""
    words = re.findall(r"\w+", text.lower())
    return set(zip(words, words[1:], strict=False))


def _is_link_title(text: str) -> bool:
    """A short line that does not end as a statement: a story's title in a list of links."""
    return len(text.split()) <= 14 and not text.rstrip("\"'”’)").endswith((".", ":", ";", ","))


def _start_section(kept: list[_Line], heading: _Line, title: str) -> bool:
    """Keep a section heading unless it is the title or page furniture; whether it is furniture."""
    clutter = is_clutter(heading.text) or _is_clutter_heading(heading.text)
    if not clutter and heading.text != title:
        kept.append(_Line(heading.text, "heading", heading.level or 2))
    return clutter


_CLUTTER_HEADING = re.compile(
    r"^(?:more|related|recommended|popular|trending|latest|top|most|also|further|what to read"
    r"|read (?:more|next)|up next|more (?:from|on|in|about)|you (?:may|might))\b.{0,60}$"
    r"|\b(?:newsletters?|podcasts?|(?:our|the) (?:writers|experts|journalists) explore)\b",
    re.IGNORECASE,
)


def _is_clutter_heading(text: str) -> bool:
    """A heading over page furniture: "More from Sport", "Related coverage", "Our writers explore"."""
    return len(text) <= 80 and _CLUTTER_HEADING.search(text) is not None


def _blocks(lines: Sequence[_Line]) -> tuple[Block, ...]:
    """Body lines to blocks: a heading with no text under it goes; each block learns its heading."""
    useful: list[_Line] = []
    for index, line in enumerate(lines):
        if line.kind == "heading":
            after = next(
                (
                    other
                    for other in lines[index + 1 :]
                    if other.kind != "heading" or other.level <= line.level
                ),
                None,
            )
            if after is None or (after.kind == "heading" and after.level <= line.level):
                continue
        useful.append(line)
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []
    for line in useful:
        if line.kind == "heading":
            while stack and stack[-1][0] >= line.level:
                stack.pop()
            blocks.append(Block(line.text, "heading", stack[-1][1] if stack else "", line.level))
            stack.append((line.level, line.text))
        else:
            kind: BlockKind = "item" if line.kind == "item" else "paragraph"
            blocks.append(Block(line.text, kind, stack[-1][1] if stack else ""))
    return tuple(blocks)


def _title_from(lines: list[_Line], file: str) -> str:
    """Take the title off the front of `lines`: the first heading, else a first line set as a headline.

    A headline is a short first line that does not end like a sentence ("Council passes the budget").
    Returns "" when the text marks no title: its first paragraph then stays in the body.
    """
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
    return ""


def _is_title_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= 25
        and len(text) <= 200
        and not re.search(r"[.!?]\s+[A-Z]", text)
        and not re.search(r"[.,;:][\"'”’»)\]]*$", text)
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’»)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def _title_of_body(article: Article, file: str) -> str:
    """A title for an article whose text marks none: the file's name, else its first sentence."""
    stem = clean_text(re.sub(r"[-_]+", " ", Path(file).stem)).capitalize() if file else ""
    if stem or not article.paragraphs:
        return stem or "Untitled article"
    sentence = _SENTENCE_END.split(article.paragraphs[0], maxsplit=1)[0].strip()
    if len(sentence) > 90:
        cut = sentence[:90].rsplit(" ", 1)[0].rstrip(",;:—–- ")
        sentence = f"{cut}…"
    return sentence


_HEADER_LINE = re.compile(
    r"^(?P<key>title|source|url|link|published|date|updated|authors?|by)\s*:\s*(?P<value>.*?)\s*$",
    re.IGNORECASE,
)


def _header_lines(text: str) -> tuple[dict[str, str], str]:
    """Split off a block of `Title:` / `Source:` / `Published:` / `Author:` lines at the very top."""
    head, blank, rest = text.lstrip("\ufeff").replace("\r\n", "\n").partition("\n\n")
    found: dict[str, str] = {}
    for line in head.split("\n"):
        match = _HEADER_LINE.match(line.strip())
        if match is None:
            return {}, text
        found[match.group("key").lower()] = match.group("value")
    if not blank or not {"title", "published", "date", "source", "url"} & found.keys():
        return {}, text
    return found, rest


def read_text_article(text: str, *, file: str = "") -> Article:
    """Read a plain-text or Markdown article (pure: no I/O).

    The title is what the text marks as one: front matter, a `Title:` line, a heading, or a first line
    set as a headline; otherwise it is the file's name (else the first sentence), and the first
    paragraph stays in the body. Bylines, `Published:` lines and a block of `Title:` / `Source:` / `Published:` lines at the
    top become metadata; page clutter is dropped; author bios at the end go to `bios`.

    Raises:
        QuizError: when no paragraph of article text is left.
    """
    header, text = _header_lines(text)
    front, lines = _markdown_lines(text)
    for key, value in header.items():
        front.setdefault({"by": "author", "date": "published", "link": "url"}.get(key, key), value)
    meta = _Meta()
    raw_title = front.get("title")
    title = clean_text(raw_title) if isinstance(raw_title, str) else ""
    _front_meta(front, meta)
    if not title:
        title = _title_from(lines, file)
    source = front.get("url", front.get("source"))
    url = clean_text(source) if isinstance(source, str) and re.match(r"https?://", source) else ""
    article = _assemble(lines, title=title, meta=meta, url=url, file=file)
    if not article.paragraphs:
        raise QuizError("no article text found", path=file or None)
    if not title:
        article = replace(article, title=_title_of_body(article, file))
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
