"""Answers reduced for comparison: case, accents, punctuation, spacing and a leading "the" dropped,
numbers made canonical ("2,500" = 2500, "twenty-five" = 25, "5 m" = "5 metres") while what makes
numbers differ is kept (a sign, the order of "1-3", "10:30" and "1/2", a decade). Pure functions;
the grader (`quiz.grading`) compares the forms.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final

from quiz.language import (
    MONTH_NUMBERS,
    MONTHS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    UNITS,
)

ARTICLES: Final = frozenset({"the", "a", "an"})
_LEADING_FILLERS: Final = frozenset(
    {"in", "on", "at", "by", "about", "around", "approximately", "roughly", "nearly", "some"}
)
_MONTHS: Final = {
    short: name.lower()
    for short, number in MONTH_NUMBERS.items()
    if (name := MONTHS[number - 1]).lower() != short
}
"""Short month names -> the full name, lower case ("sept" -> "september")."""
MONTH_NAMES: Final = frozenset(name.lower() for name in MONTHS)
_NUMBER_WORDS: Final = {**UNIT_WORDS, **TENS_WORDS, "hundred": 100, **SCALE_WORDS}
"""Words a run of number words is made of ("two hundred and twenty-five")."""
_MULTIPLIERS: Final = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
_NUMBER_WORD_RUN: Final = re.compile(
    r"(?<![\w-])(?<!\d )(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:(?:[\s-]+(?:and\s+)?)(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"))*(?![\w-])"
)
"""A run of number words, hyphens or spaces (and "and") between them."""
_DOZEN: Final = re.compile(r"(?<![\w-])dozen(?![\w-])")
# Marks that keep a number's sign, its place in a range, time, ratio or fraction, and a decade
# through the punctuation stripping (letters to the regular expressions, so `\w` keeps them).
_NEGATIVE: Final = "ǃ"
_RANGE: Final = "ǀ"
_RATIO: Final = "ǁ"
_FRACTION: Final = "ǂ"
_DECADE: Final = "ʻ"
_SIGN: Final = re.compile(r"(?<![\w.])[-−](?=\.?\d)")
_POINT_FIRST: Final = re.compile(r"(?<![\w.])\.(?=\d)")
_JOINED: Final = re.compile(
    r"(?<=\d)(?:\s*([-–—:/])\s*|\s+(to|until|till|through|and)\s+)(?=[-−]?\d)"
)
_SEASON: Final = re.compile(r"(?<![\w.])(1\d\d\d|20\d\d)\s*([-–—/])\s*(\d\d(?:\d\d)?)(?![\w.%])")
"""A year joined to a later one, maybe by its last two digits: "2020-21", "2020/21", "1914–18"."""
_JOINERS: Final = {"-": _RANGE, "–": _RANGE, "—": _RANGE, ":": _RATIO, "/": _FRACTION}
_DECADES: Final = re.compile(r"(?<=\d0)['’]?s\b")
_MONEY_M: Final = re.compile(r"([£$€¥]\s?\d+(?:\.\d+)?|\d+\.\d+)\s?m\b")
_GROUPED_NUMBER: Final = re.compile(
    r"(?<![\d.])\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,])"
)
_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")
_COMPOUND: Final = re.compile(
    rf"{_NEGATIVE}?\d+(?:\.\d+)?(?:[{_RANGE}{_RATIO}{_FRACTION}]{_NEGATIVE}?\d+(?:\.\d+)?)*{_DECADE}?"
)
"""A number as `_mark_numbers` leaves it: signed, joined to others in order, or a decade."""
_ORDINAL: Final = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_PUNCTUATION: Final = re.compile(r"[^\w\s.%]|_")

RANGE_WORDS: Final = frozenset({"to", "and", "until", "till", "through", "from", "between"})
_DIGIT_LETTER: Final = re.compile(r"(\d)([a-z])")
_POSSESSIVE: Final = re.compile(r"'s\b")
_GROUP_SEPARATOR: Final = re.compile(r"[, \u00a0\u202f]")


def _number_words(match: re.Match[str]) -> str:
    """A run of number words as figures: "twenty-five" -> "25", "one two" -> "1 2"."""
    numbers: list[int] = []
    total = current = 0
    last = ""  # "unit", "tens", "hundred" or "scale": what the word before was
    for word in re.split(r"[\s-]+", match.group()):
        if word == "and" or not word:
            continue
        value = _NUMBER_WORDS[word]
        if word in SCALE_WORDS:
            kind = "scale"
        elif word == "hundred":
            kind = "hundred"
        elif word in TENS_WORDS:
            kind = "tens"
        else:
            kind = "unit"
        # A word that cannot go on the number before starts a new one ("one two", "twenty thirty").
        fits = (
            not last
            or kind == "scale"
            or (kind == "hundred" and last in ("unit", "tens") and current < 100)
            or (kind in ("unit", "tens") and last in ("hundred", "scale"))
            or (kind == "unit" and last == "tens" and value < 10)
        )
        if not fits:
            numbers.append(total + current)
            total = current = 0
        if kind == "scale":
            total += (current or 1) * value
            current = 0
        elif kind == "hundred":
            current = (current or 1) * 100
        else:
            current += value
        last = kind
    numbers.append(total + current)
    return " ".join(str(number) for number in numbers)


def _mark_numbers(text: str) -> str:
    """Mark what makes numbers differ beyond their digits (lower-case `text`): a sign ("-40"), a
    leading point (".5"), the order of numbers joined by a dash, "to", a colon or a slash ("1-3",
    "10:30", "1/2"), a decade ("1990s"), and "m" after money ("£18.5m" is millions; "5 m" is
    metres)."""
    if "m" in text:
        text = _MONEY_M.sub(r"\1 million", text)
    if "." in text:
        text = _POINT_FIRST.sub("0.", text)
    text = _SEASON.sub(_season, text)
    text = _JOINED.sub(_joiner, text)  # first: the dash in "1990 - 2000" is not a sign
    if "-" in text or "−" in text:
        text = _SIGN.sub(_NEGATIVE, text)
    if "s" in text:
        text = _DECADES.sub(_DECADE, text)
    return text


def _season(match: re.Match[str]) -> str:
    """A span of years in full, so that "2020-21", "2020/21", "2020–21" and "2020-2021" read
    alike. A slash joins only a year to the next ("2020/21", a season); else it stays a slash."""
    first, joiner, second = match.groups()
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    if len(second) == 2 and end == start + 1 - 100:
        end += 100  # "1999-00"
    if end == start + 1 or (joiner != "/" and start < end < start + 100):
        return f"{start}-{end}"
    return match.group()


def _joiner(match: re.Match[str]) -> str:
    mark = match.group(1)
    return _JOINERS[mark] if mark else _RANGE


def _canonical_compound(token: str) -> str:
    """Each number in a `_COMPOUND` token made canonical, the marks kept."""
    return re.sub(r"\d+(?:\.\d+)?", lambda match: _canonical_number(match.group()), token)


def _ungroup(match: re.Match[str]) -> str:
    return _GROUP_SEPARATOR.sub("", match.group())


@dataclass(frozen=True, slots=True)
class Form:
    """An answer reduced for comparison."""

    text: str
    """Normalised words and canonical numbers, space-separated."""
    words: tuple[str, ...]
    """The non-number tokens."""
    numbers: tuple[str, ...]
    """Canonical numbers, sorted (so "15 August 1947" and "August 15, 1947" agree)."""
    joined: str
    """The words, space-separated (`text` itself when there are no numbers)."""
    compact: str
    """`text` without spaces or dots (how an acronym is compared)."""


def graded_text(text: str) -> str:
    """`text` as graded: accents, case, punctuation and leading articles dropped, numbers canonical."""
    return forms(text)[0].text


@lru_cache(maxsize=8192)
def forms(text: str) -> tuple[Form, Form]:
    """`text` reduced with number words read as numbers, and with them kept as words (the same
    object when it has none): "five-year plan" is read "5 year plan" and kept "five year plan".

    Remembered for the texts seen lately: typed answers and accepted answers often come again.
    """
    return _reduce_text(text)


class _StripMarks(dict[int, str | None]):
    """A `str.translate` table, filled as characters come: accents (combining marks) are
    dropped and the typographic apostrophe becomes "'"."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else "'" if char == "’" else char
        self[code] = value
        return value


_STRIP_MARKS: Final = _StripMarks()
# For ASCII text, tables that do what the regular expressions do on any text.
_ASCII: Final = [chr(code) for code in range(128)]
_PUNCTUATION_TABLE: Final = str.maketrans(
    {char: " " for char in _ASCII if _PUNCTUATION.match(char)}
)
_WORD_CHAR: Final = re.compile(r"[\w-]")
_WORD_TABLE: Final = str.maketrans(
    {char: " " for char in _ASCII if not _WORD_CHAR.match(char) or char == "-"}
)
"""Leaves the words that `_NUMBER_WORD_RUN` looks at, spaced."""
_DIGIT: Final = re.compile(r"\d")


def _reduce_text(text: str) -> tuple[Form, Form]:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_STRIP_MARKS)
    text = text.casefold()
    if "per cent" in text:
        text = text.replace("per cent", "percent")
    if "%" in text:
        text = text.replace("%", " percent ")
    # Only words standing alone: "five" is 5, but "zero-sum" stays words.
    if text.isascii():
        has_number_words = not _NUMBER_WORDS.keys().isdisjoint(text.translate(_WORD_TABLE).split())
        has_number_words = has_number_words or "dozen" in text
    else:
        has_number_words = _NUMBER_WORD_RUN.search(text) is not None or "dozen" in text
    plain = _reduce_words(text)
    if not has_number_words:
        return plain, plain
    read = _DOZEN.sub("12", _NUMBER_WORD_RUN.sub(_number_words, text))
    return _reduce_words(read), plain


def _reduce_words(text: str) -> Form:
    if _DIGIT.search(text) is None:
        return _reduce_wordy(text)
    text = _GROUPED_NUMBER.sub(_ungroup, text)
    text = _mark_numbers(text)
    text = _ORDINAL.sub(r"\1", text)
    text = _DIGIT_LETTER.sub(r"\1 \2", text)  # "2.5bn" -> "2.5 bn"
    text = _strip_punctuation(text)
    tokens = []
    for token in text.split():
        token = token.strip(".")
        if "." in token and not _COMPOUND.fullmatch(token):
            token = token.replace(".", "")  # "u.s" -> "us"
        if token:
            tokens.append(token)
    _drop_leading_articles(tokens)
    out: list[str] = []
    numbers: list[str] = []
    words: list[str] = []
    after_number = False  # a unit word follows a number ("5 m" is 5 metres)
    for token in tokens:
        token = _MONTHS.get(token, token)
        first = token[0]
        if first.isdigit() or first == _NEGATIVE:
            number = (
                _canonical_number(token)
                if _NUMBER.fullmatch(token)
                else _canonical_compound(token)
                if _COMPOUND.fullmatch(token)
                else ""
            )
            if number:
                out.append(number)
                numbers.append(number)
                after_number = True
                continue
        multiplier = _MULTIPLIERS.get(token)
        if multiplier is not None and after_number and out[-1] == numbers[-1]:
            scaled = _scaled(numbers[-1], multiplier)
            if scaled is not None:
                numbers[-1] = out[-1] = scaled
                continue
        if after_number:
            token = UNITS.get(token, token)
        out.append(token)
        words.append(token)
        after_number = False
    text = " ".join(out)
    joined = " ".join(words) if numbers else text
    return Form(
        text=text,
        words=tuple(words),
        numbers=tuple(sorted(numbers)),
        joined=joined,
        compact=text.replace(" ", "").replace(".", ""),
    )


def _reduce_wordy(text: str) -> Form:
    """`_reduce_words` for text without digits (so without numbers)."""
    text = _strip_punctuation(text)
    # Without digits no token is a number, so every dot goes ("u.s." -> "us").
    tokens = (text.replace(".", "") if "." in text else text).split()
    _drop_leading_articles(tokens)
    words = tuple([_MONTHS.get(token, token) for token in tokens])
    text = " ".join(words)
    return Form(text=text, words=words, numbers=(), joined=text, compact=text.replace(" ", ""))


def _strip_punctuation(text: str) -> str:
    if "'" in text:
        text = _POSSESSIVE.sub("", text).replace("'", "")  # "don't" = "dont", "O'Brien" = "OBrien"
    if text.isascii():
        return text.translate(_PUNCTUATION_TABLE)
    return _PUNCTUATION.sub(" ", text)


def _drop_leading_articles(tokens: list[str]) -> None:
    while len(tokens) > 1 and (tokens[0] in ARTICLES or tokens[0] in _LEADING_FILLERS):
        del tokens[0]


def _scaled(number: str, multiplier: int) -> str | None:
    """`number` (canonical, maybe signed) times `multiplier`; `None` for a range or a decade."""
    negative = number.startswith(_NEGATIVE)
    digits = number[1:] if negative else number
    if not _NUMBER.fullmatch(digits):
        return None
    value = _canonical_number(format(Decimal(digits) * multiplier, "f"))
    return _NEGATIVE + value if negative else value


def _canonical_number(token: str) -> str:
    """ "2500", "2500.0" and "02500" all give "2500"; "2.50" gives "2.5"."""
    if "." in token:
        whole, _, fraction = token.partition(".")
        fraction = fraction.rstrip("0")
        whole = whole.lstrip("0") or "0"
        return f"{whole}.{fraction}" if fraction else whole
    return token.lstrip("0") or "0"
