"""Metadata written in the text: dates, bylines and author names, datelines, author bios."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from quiz.language import MONTH_NUMBERS

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
        month = MONTH_NUMBERS.get(name, 0)
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
    media press wire pictures photography university institute college school department
    laboratory ministry society foundation hospital center centre""".split()
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
    text = re.sub(r"^[•·*–—-]\s+", "", text)
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
