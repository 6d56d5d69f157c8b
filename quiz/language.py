"""Facts of the English language the whole program shares: month names, number words, scale
words and units. Data only, no behaviour; generation, grading and export read them from here."""

from __future__ import annotations

from typing import Final

MONTHS: Final[tuple[str, ...]] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The months, capitalised, January first."""

WEEKDAYS: Final[tuple[str, ...]] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
"""The days of the week, capitalised, Monday first."""

MONTH_NUMBERS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
"""Lower-case month names and their short forms ("jan", "sept") -> 1..12."""

UNIT_WORDS: Final[dict[str, int]] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
"""The number words below twenty -> their values."""

TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""The words for the tens from twenty -> their values."""

SCALE_WORDS: Final[dict[str, int]] = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
"""Words that multiply the number before them ("2.5 million")."""

SCALE_ABBREVIATIONS: Final[dict[str, int]] = {
    "k": 1_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
"""Short forms of the scale words ("2.5bn"). "m" is not here: after a number it is as often
metres as millions (see `UNITS`)."""

UNITS: Final[dict[str, str]] = {
    "m": "metres",
    "metre": "metres",
    "meter": "metres",
    "meters": "metres",
    "km": "kilometres",
    "kilometre": "kilometres",
    "kilometer": "kilometres",
    "kilometers": "kilometres",
    "cm": "centimetres",
    "centimetre": "centimetres",
    "centimeter": "centimetres",
    "centimeters": "centimetres",
    "mm": "millimetres",
    "millimetre": "millimetres",
    "millimeter": "millimetres",
    "millimeters": "millimetres",
    "kg": "kilograms",
    "kilogram": "kilograms",
    "kilo": "kilograms",
    "kilos": "kilograms",
    "mi": "miles",
    "mile": "miles",
    "ft": "feet",
    "foot": "feet",
}
"""Unit symbols and spellings -> one plural name, so that "5 m" and "5 metres" read the same."""
