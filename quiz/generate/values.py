"""Normalised values of dates and numbers: parsing, formatting and comparing. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

from quiz.language import MONTH_NUMBERS, MONTHS, SCALE_WORDS, TENS_WORDS, UNIT_WORDS

_MONTH_INDEX: Final = MONTH_NUMBERS
_MONTH_RE: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_YEAR: Final = r"(1[5-9]\d\d|20\d\d)"

RELATIVE_WORDS: Final = frozenset(
    "today yesterday tomorrow tonight week weeks month months year years ago last next "
    "this later earlier recently monday tuesday wednesday thursday friday saturday sunday "
    "weekend decade decades century centuries day days now current previous".split()
)


_PART_MONTHS: Final = {"early": 2, "mid": 6, "late": 10}
"""Where in its year "early", "mid" and "late" fall, for ordering events."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised absolute date at some granularity."""

    granularity: str
    """One of "year", "part" (of a year: "late 1998"), "month", "day", "range", "decade"."""
    value: str
    """ISO-like: "1997", "1998-late", "2021-08", "2025-07-28", "1996/2001", "2010s" (+ "-early"/
    "-mid"/"-late")."""
    sort_key: tuple[int, int, int]
    """(year, month, day) of the start, for ordering events."""


@lru_cache(maxsize=16384)
def parse_date(text: str, published: date | None = None) -> DateValue | None:
    """The absolute date `text` names, or None (relative dates resolve only against `published`)."""
    t = re.sub(r"^(?:the|in|on|during|from|between)\s+", "", text.strip(), flags=re.I)
    t = t.strip(" ,.")
    if m := re.fullmatch(_YEAR, t):
        y = int(m.group(1))
        return DateValue("year", str(y), (y, 0, 0))
    if m := re.fullmatch(rf"{_YEAR}\s*(?:to|-|–|—|and|until)\s*{_YEAR}", t):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b:
            return DateValue("range", f"{a}/{b}", (a, 0, 0))
        return None
    if m := re.fullmatch(rf"({_MONTH_RE})\s*,?\s*{_YEAR}", t, flags=re.I):
        mo = _month(m.group(1))
        y = int(m.group(2))
        return DateValue("month", f"{y}-{mo:02d}", (y, mo, 0))
    if m := re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", t, re.I):
        mo, d, y = _month(m.group(1)), int(m.group(2)), int(m.group(3))
        return _day(y, mo, d)
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE}),?\s+{_YEAR}", t, re.I):
        d, mo, y = int(m.group(1)), _month(m.group(2)), int(m.group(3))
        return _day(y, mo, d)
    if m := re.fullmatch(rf"(early|mid|late)[\s-]+{_YEAR}", t, flags=re.I):
        part, y = m.group(1).lower(), int(m.group(2))
        return DateValue("part", f"{y}-{part}", (y, _PART_MONTHS[part], 0))
    if m := re.fullmatch(r"(?:(early|mid|late)[\s-]+)?(1[5-9]\d0|20\d0)'?s", t, flags=re.I):
        part = (m.group(1) or "").lower()
        y = int(m.group(2))
        offset = {"": 0, "early": 0, "mid": 4, "late": 7}[part]
        return DateValue("decade", f"{y}s" + (f"-{part}" if part else ""), (y + offset, 0, 0))
    if published is not None and (day := _day_in_year(t, published)) is not None:
        return day
    if published is not None and re.fullmatch(_MONTH_RE, t, flags=re.I):
        return _month_in_year(_month(t), published)
    if published is not None:
        low = t.lower()
        shift = {"last year": -1, "this year": 0, "next year": 1}.get(low)
        if shift is not None:
            y = published.year + shift
            return DateValue("year", str(y), (y, 0, 0))
    return None


YEARLESS_REACH: Final = 183
"""A day named without its year is the one within this many days of the publication date."""


def _month_in_year(month: int, published: date) -> DateValue:
    """A month named without its year ("in October"): the one within half a year of publication
    (news tells of what just happened or is about to)."""
    year = published.year
    if month - published.month > 6:
        year -= 1
    elif published.month - month > 6:
        year += 1
    return DateValue("month", f"{year}-{month:02d}", (year, month, 0))


def _day_in_year(text: str, published: date) -> DateValue | None:
    """A day named without its year ("Dec. 14", "6 December"): the publication's year, or the
    year before or after when that puts the day within half a year of publication."""
    m = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?", text, re.I)
    if m is not None:
        mo, d = _month(m.group(1)), int(m.group(2))
    elif m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})", text, re.I):
        d, mo = int(m.group(1)), _month(m.group(2))
    else:
        return None
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            when = date(year, mo, d)
        except ValueError:
            return None
        if abs((when - published).days) <= YEARLESS_REACH:
            return _day(year, mo, d)
    return None


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return _MONTH_INDEX[low if low in _MONTH_INDEX else low[:3]]


def _day(y: int, mo: int, d: int) -> DateValue | None:
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return DateValue("day", f"{y}-{mo:02d}-{d:02d}", (y, mo, d))


def is_relative(text: str) -> bool:
    """Whether a date expression depends on when it was written ("last week", "Thursday")."""
    return any(w in RELATIVE_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def format_date(value: DateValue, style: str = "") -> str:
    """`value` written out ("1997", "August 2021", "July 28, 2025", "1996 to 2001", "early 2010s").

    `style` is the original answer, whose day-month order and range wording are kept.
    """
    g = value.granularity
    if g == "year":
        return value.value
    if g == "part":
        y, part = value.value.split("-")
        return f"mid-{y}" if part == "mid" else f"{part} {y}"
    if g == "range":
        a, b = value.value.split("/")
        sep = re.search(r"\s*(to|-|–|—|and|until)\s*", style)
        joiner = sep.group(0) if sep else " to "
        return f"{a}{joiner}{b}"
    if g == "month":
        y, mo = value.value.split("-")
        if style and not re.search(_YEAR, style):  # "in October": the year was left unsaid
            return MONTHS[int(mo) - 1]
        return f"{MONTHS[int(mo) - 1]} {y}"
    if g == "day":
        y, mo, d = value.value.split("-")
        month = MONTHS[int(mo) - 1]
        if style and not re.search(_YEAR, style):  # "Dec. 14": the year was left unsaid
            return f"{int(d)} {month}" if re.match(r"\d", style.strip()) else f"{month} {int(d)}"
        if re.match(r"\d", style.strip()):
            return f"{int(d)} {month} {y}"
        return f"{month} {int(d)}, {y}"
    decade, _, part = value.value.partition("-")
    return f"{part} {decade}".strip()


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A number as written: value, and the text around the digits kept for distractors."""

    value: float
    prefix: str
    """Currency symbol or code before the digits ("$", "Rs ")."""
    suffix: str
    """Scale and unit after the digits ("%", " million", " per cent")."""
    decimals: int
    commas: bool
    word: str = ""
    """The number as a word ("eight"), when it was written so."""


_NUMBER_RE: Final = re.compile(
    r"^(?P<prefix>[$€£¥₹]|(?:Rs\.?|USD|US\$|INR|EUR)\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\.(?P<dec>\d+))?(?P<suffix>\s?(?:%|per ?cent|percent)|[\s-][^\d]{1,40}|[mbk]n?)?$",
    flags=re.I,
)

SCALES: Final = {word: float(value) for word, value in SCALE_WORDS.items()}
WORD_NUMBERS: Final = UNIT_WORDS | TENS_WORDS | {"hundred": 100, "dozen": 12}


_NUMBER_NAMES: Final = {v: k for k, v in WORD_NUMBERS.items() if k not in {"zero", "dozen"}}


@lru_cache(maxsize=16384)
def parse_number(text: str) -> NumberValue | None:
    """The number in `text` ("2,500", "$4.5 billion", "63%", "twelve"), or None."""
    t = text.strip()
    low = t.lower()
    first, _, rest = low.partition(" ")
    if first in WORD_NUMBERS:
        suffix = t[len(first) :]
        if rest and not re.fullmatch(r"[a-z][a-z ]*", rest):
            return None
        return NumberValue(float(WORD_NUMBERS[first]), "", suffix, 0, False, word=t[: len(first)])
    m = _NUMBER_RE.match(t)
    if not m:
        return None
    digits = m.group("num")
    dec = m.group("dec") or ""
    value = float(digits.replace(",", "") + ("." + dec if dec else ""))
    return NumberValue(
        value=value,
        prefix=m.group("prefix") or "",
        suffix=m.group("suffix") or "",
        decimals=len(dec),
        commas="," in digits,
    )


def format_number(number: NumberValue, value: float) -> str:
    """`value` written like `number` (same currency, scale, unit, decimals and digit grouping;
    a number written as a word stays a word when it has one)."""
    if number.word and value == int(value) and int(value) in _NUMBER_NAMES:
        word = _NUMBER_NAMES[int(value)]
        if number.word[:1].isupper():
            word = word.capitalize()
        return f"{number.prefix}{word}{number.suffix}"
    if number.decimals:
        digits = (
            f"{value:,.{number.decimals}f}" if number.commas else f"{value:.{number.decimals}f}"
        )
    else:
        digits = f"{round(value):,}" if number.commas or value >= 10_000 else f"{round(value)}"
        if not number.commas and value < 10_000:
            digits = f"{round(value)}"
    return f"{number.prefix}{digits}{number.suffix}"


def number_key(text: str) -> str:
    """A canonical string for comparing numbers written differently ("2,500" == "2500")."""
    n = parse_number(text)
    if n is None:
        return " ".join(text.casefold().split())
    unit = n.suffix.strip().lower().replace("per cent", "%").replace("percent", "%")
    return f"{n.prefix.strip().lower()}{n.value:g}{unit}"
