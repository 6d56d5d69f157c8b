"""Wrong numbers for a number's gap that its own sentence does not rule out or make true as well.

A number's options are its neighbours on a grid of its own precision, written like it (unit,
currency, scale word, digits or words): a measure or a size keeps to its nearest neighbours
("20-inch": 18-inch, 22-inch), a round figure keeps its roundness ("10 miles": 5, 15, 20), a value
counted in halves stays in halves, a star rating stays within its scale. The sentence bounds
them: "more than _____" or "_____ or more" makes every lower option true as well, "up to _____"
or "among the _____ busiest ports" every higher one; "17 of his _____ games", "a crew of 22
including _____" or "_____, well above the norm of 5,000" rule out the far side; an option the
sentence gives elsewhere is no option. When the sentence lets one work the answer out (a
conversion in brackets, a change "from $40 to $10", the names or items it goes on to list, parts
that add up to it), or the number is part of a name ("FTSE _____"), there are none: the fact is
asked another way. Pure functions; randomness comes from the caller.
"""

from __future__ import annotations

import math
import random
import re
from typing import Final

from quiz.generate.grammar import GAP
from quiz.generate.values import NumberValue, format_number, parse_number
from quiz.language import UNIT_WORDS


def pick_around(
    below: list[str], above: list[str], rng: random.Random, k: int = 3, reach: int = 5
) -> list[str]:
    """k options, about as many below the key as the key's drawn rank asks for, drawn from the
    `reach` nearest on each side."""
    want_below = rng.randrange(k + 1)
    near_below, near_above = below[:reach], above[:reach]
    rng.shuffle(near_below)
    rng.shuffle(near_above)
    take_below = min(want_below, len(near_below))
    take_above = min(k - take_below, len(near_above))
    take_below = min(k - take_above, len(near_below))
    return near_below[:take_below] + near_above[:take_above]


def number_options(answer: str, context: str, rng: random.Random) -> list[str]:
    """Three numbers written like `answer`, none of which the sentence (`context`, the answer's
    place marked by GAP) makes true as well or rules out (see `number_bounds`)."""
    number = parse_number(answer)
    if number is None or number.value <= 0:
        return []
    if GAP in context and _IN_A_NAME.search(context.split(GAP, 1)[0]):
        return []
    bounds = number_bounds(context, number.value, percent=_is_percent(number), unit=number.suffix)
    if bounds is None:
        return []
    low, high, given = bounds
    v = number.value
    magnitude = math.floor(math.log10(v)) if v >= 1 else 0
    digits = number.decimals
    offset = 0.0
    if not digits:
        significant = len(str(int(v)).rstrip("0")) or 1
        step = 10 ** max(0, magnitude - max(1, significant) + 1)
    elif digits == 1 and v >= 10 and round(v * 10) % 10 == 5:
        step, offset = 1.0, 0.5  # counted in halves ("24.5 sacks"): options end in .5 too
    else:
        step = 10**-digits
    measure = _MEASURE.match(number.suffix) is not None
    size = measure and number.suffix.startswith("-")
    # a decimal value only near it; a size with a unit near it when the grid has enough there
    tries = (True,) if digits else (True, False) if measure else (False,)
    bounded = low > -math.inf or high < math.inf
    for near in tries:
        for fine in (1, 2, 5, 10):  # a finer grid than the answer's own when that has too few
            if fine > 1 and (digits or step < fine):
                break
            if near and not size and fine > (2 if bounded else 1):
                break  # a round measure ("10 miles") keeps its roundness: 5, 15, 20 miles
            below, above = _grid(
                number,
                step / fine,
                low,
                high,
                given,
                wide=bounded,
                near=near,
                offset=offset,
            )
            picked = pick_around(below, above, rng, reach=(3 if bounded else 2) if near else 5)
            if len(picked) == 3:
                return picked
    return []


_IN_A_NAME: Final = re.compile(r"(?:(?<![\w.’'])[A-Z&]{2,}\s+|[A-Za-z]-)$")
"""Right before the gap, an acronym ("the ESPN _____") or a word joined by a hyphen ("top-_____"):
the number is part of a name or a compound, where another number names nothing."""
_FACTORS: Final = (0.5, 0.6, 0.7, 0.75, 0.8, 1.2, 1.25, 1.3, 1.4, 1.5, 1.75, 2.0)
_NEAR_FACTORS: Final = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3)
"""For a measured value written with decimals ("70.5 years", "12.4%") or a size ("20-inch"): a
life expectancy of 49.3 years beside 70.5, or 14-inch wheels beside 20-inch ones, is wrong at
sight, so its options are the two nearest on each side (three when the sentence bounds one
side) within 30% of it."""
_MEASURE: Final = re.compile(
    r"(?i)^[\s-]*(inch(es)?|foot|feet|ft|yards?|miles?|met(re|er)s?|km|kilomet(re|er)s?|cm|mm|"
    r"kg|kilograms?|pounds?|lbs?|tons?|tonnes?|mph|km/h|degrees?|litres?|liters?|gallons?)\b"
)
"""A unit after the number ("9-inch", "12 feet"): a size, whose options stay near it as a
measured value's do (a 4-inch or 16-inch screen beside a 9-inch one is wrong at sight)."""
_WIDE_FACTORS: Final = (*_FACTORS, 2.5, 3.0)
"""For options bounded to one side: enough of them above a small number ("more than 2")."""


def _grid(
    number: NumberValue,
    step: float,
    low: float,
    high: float,
    given: frozenset[float],
    *,
    wide: bool = False,
    near: bool = False,
    offset: float = 0.0,
) -> tuple[list[str], list[str]]:
    """The numbers near `number` on a grid of `step` shifted by `offset`, below it (nearest
    first) and above it, strictly between `low` and `high` and none of `given`."""
    v = number.value
    percent = _is_percent(number)
    below: list[str] = []
    above: list[str] = []
    seen = {format_number(number, v)}
    factors = _NEAR_FACTORS if near else _WIDE_FACTORS if wide else _FACTORS
    for f in factors:
        cand = round((v * f - offset) / step) * step + offset
        if number.decimals == 0:
            cand = round(cand)
        if cand <= 0 or (percent and cand >= 100) or cand == v:
            continue
        if not low < cand < high or cand in given:
            continue
        if cand == 1 and number.suffix.strip().endswith("s"):
            continue  # "1 decades": a plural noun needs more than one
        text = format_number(number, cand)
        if text in seen:
            continue
        seen.add(text)
        (below if cand < v else above).append(text)
    below.reverse()
    return below, above


def _is_percent(number: NumberValue) -> bool:
    """Whether the number is a share ("12%", "40 percent", "6 per cent"); "150 centimetres" is
    not."""
    return _PERCENT_SUFFIX.search(number.suffix) is not None


_PERCENT_SUFFIX: Final = re.compile(r"(?i)%|\bper ?cent\b|\bpercentage points?\b")


_HEDGE: Final = r"(?:(?:about|around|roughly|nearly|almost|some|approximately|an estimated)\s+)?"
_CURRENCY: Final = r"(?:[$€£¥₹]|Rs\.?\s?)?"
_AT_LEAST: Final = re.compile(
    r"(?i)\b(?:more than|over(?! the)|at least|upwards of|in excess of|greater than|exceeding|"
    rf"no fewer than|no less than|a minimum of|beyond)\s+{_HEDGE}{_CURRENCY}$"
)
"""Before the gap: the sentence gives a floor ("more than 300"), so that any lower option
("more than 200") would be true as well."""
_AT_MOST: Final = re.compile(
    r"(?i)(?:\b(?:less than|fewer than|under|below|up to|at most|no more than|as many as|"
    r"as much as|a maximum of|as high as|as long as|as far as)\s+"
    rf"|\b(?:top|one of the|among the)\s+(?:\w+['’]s?\s+)?){_HEDGE}{_CURRENCY}$"
)
"""Before the gap: a ceiling ("less than 12 hours", "up to 90 minutes") or a rank ("one of
the world's 20 largest", "the top 10"), so that any higher option would be true as well."""
_NUMERAL: Final = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+)"
_OR_MORE: Final = re.compile(
    r"(?i)^\S*(?:\s+[a-z]+){0,3}?\s*[—–,-]?\s*or\s+(more|over|above|higher|greater)\b"
    r"(?!\s+than\b)"  # "40,000 homes, or more than half the town": a restatement, no floor
)
_OR_LESS: Final = re.compile(
    r"(?i)^\S*(?:\s+[a-z]+){0,3}?\s*[—–,-]?\s*or\s+(less|fewer|under|below|lower|smaller)\b"
)
"""After the gap: "_____ or more" is a floor (a lower option is true as well), "_____ — or less"
a ceiling."""
_WHOLE_INCLUDING: Final = re.compile(
    rf"(?i)(?<![\w.,]){_NUMERAL}(?:\s+[a-z]+){{0,3}}\s*,?\s+(?:including|among them|of whom|of which)"
    r"\s+(?:about\s+|some\s+|nearly\s+|at least\s+)?[$€£¥₹]?$"
)
"""Before the gap: "a squad of 30 players including _____": the part is no more than the whole."""
_PART_INCLUDING: Final = re.compile(
    rf"(?i)^\S*(?:\s+[a-z]+){{0,3}}\s*,?\s+including\s+(?:about\s+|some\s+)?{_NUMERAL}\b"
)
"""After the gap: "a crew of _____ including 21 locals": the whole is no less than the part."""
_COMPARED_AFTER: Final = re.compile(
    r"(?i)^[^.;:()]{0,50}?\b(?:(more|higher|larger|greater|better|bigger|longer|taller|heavier|"
    r"above|over|up from)|(less|lower|smaller|fewer|worse|shorter|below|down from))\s+(?:than\s+)?"
    r"(?:[\w’'-]+\s+){0,5}?(?:of\s+)?(?:about\s+|around\s+|roughly\s+)?[$€£¥₹]?"
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,])(?:\s?(%|per ?cent\b|percent\b))?"
    r"(?:\s+([a-z]+))?"
)
"""After the gap, the answer compared with another number of its kind ("_____, well above the
norm of 5,000", "_____, down from 12%"): an option on the far side of it contradicts the
sentence. A number of another unit ("_____ hectares, with over 80 km of paths") is no
bound."""
_COMPARABLE_WORDS: Final = frozenset(
    "a an the in on at by of for to and or as than this that".split()
)
"""Words that may follow the compared number without giving it a unit of its own."""
_STARS: Final = re.compile(r"(?i)^[\s-]*stars?\b")
_SCALE: Final = re.compile(
    rf"(?i)\bout\s+of\s+{_NUMERAL}(?=\s+stars?\b|\s*$|\s*[,.;)])"
    rf"|(?<![\w.,]){_NUMERAL}[-\s]stars?\s+(?:scale|rating|system)\b"
    rf"|\bscale\s+of\s+(?:0|1|zero|one)\s+to\s+{_NUMERAL}\b"
)
"""A rating scale's top ("three out of ten stars", "a 10-star scale", "a scale of 1 to 10")."""
_SCALE_GAP: Final = re.compile(
    rf"(?i)\bout\s+of\s+{GAP}|{GAP}[-\s]stars?\s+(?:scale|rating)|\bscale\s+of\s+\S+\s+to\s+{GAP}"
)
"""The gap is the scale's top ("five out of _____"): only a handful of scales are in use, none
of which makes a plausible option beside the answer."""
_STAR_TOP: Final = 5
"""A star rating's top when the sentence names none (hotels, reviews, safety ratings)."""
_PART_BEFORE: Final = re.compile(
    rf"(?i)(?<![\w.,]){_NUMERAL}\s+(?:out\s+)?of\s+(?:his|her|their|its|the|our|my|your)?\s*$"
)
"""Before the gap: "17 of his _____ games": the whole is more than the part."""
_WHOLE_AFTER: Final = re.compile(
    rf"(?i)^\S*\s+(?:out\s+)?of\s+(?:his|her|their|its|the|our|my|your)?\s*{_NUMERAL}\b"
)
"""After the gap: "_____ of his 21 games": the part is less than the whole."""
_NUMBER_IN_TEXT: Final = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]*\d)\s?(%|per ?cent\b|percent\b)?"
)
_RESTATED: Final = re.compile(
    rf"\d[^\d()]{{0,40}}\(\s*(?i:or\s+|about\s+|roughly\s+|some\s+|nearly\s+)?[^\s()]{{0,2}}{GAP}"
    rf"|{GAP}[^()]{{0,40}}\(\s*(?i:or\s+|about\s+|roughly\s+|some\s+|nearly\s+)?[^\s()\d]{{0,2}}\d"
)
"""The answer and a number beside it in brackets, one restating the other ("200 basis points
(or 2%)", "98 feet (30 metres)"): the prompt gives the answer away."""


_FROM_TO: Final = re.compile(
    r"(?i)\bfrom\s+(?:about\s+)?([^\s\d]{0,3}\d[\d,.]*)\s+(?:[\w-]+\s+){0,4}?to\s+(?:about\s+)?"
    r"([^\s\d]{0,3}\d[\d,.]*)"
    r"|\bto\s+(?:about\s+)?([^\s\d]{0,3}\d[\d,.]*)\s+(?:[\w-]+\s+){0,4}?from\s+(?:about\s+)?"
    r"([^\s\d]{0,3}\d[\d,.]*)"
)
"""A change from one value to another ("from $52,100 to $18,000", "to 3.1 from 4.6")."""
_AMOUNT: Final = re.compile(r"(?<![\w.,])[$€£¥₹]\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _worked_out(context: str, value: float, *, percent: bool, unit: str) -> bool:
    """Whether the sentence gives the answer by sum: a percentage change between the two values
    it names ("cut by _____, from $52,100 to $18,000"), or how many times one amount is another
    ("_____ lower than Israel's $44,300" beside "$5,700")."""
    text = context.replace(GAP, " ")
    if percent:
        for m in _FROM_TO.finditer(text):
            first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            a, b = _amount(first), _amount(second)
            if a and b and abs(abs(b - a) / a * 100 - value) <= max(1.0, value * 0.03):
                return True
        return False
    if re.match(r"(?i)\s*times\b", unit):
        amounts = [float(m.group(1).replace(",", "")) for m in _AMOUNT.finditer(text)]
        return any(
            a and b and abs(b / a - value) <= value * 0.1 for a in amounts for b in amounts if b > a
        )
    return False


_SMALL_COUNT: Final = re.compile(
    r"(?i)(?<![\w.,$€£¥₹])(\d{1,3}|"
    + "|".join(sorted((w for w, n in UNIT_WORDS.items() if n), key=len, reverse=True))
    + r")\s+(?:in|of|with|from|at|on|to|for|wearing|dressed)\b"
)
"""A count that starts one of the parts a whole is split into ("two in red dresses")."""


def _parts_add_up(after: str, value: float) -> bool:
    """Whether the sentence, after the gap, splits the answer into parts that add up to it
    ("_____ women, two in red dresses and two in blue"): the prompt gives the answer by sum."""
    parts = [
        float(m.group(1)) if m.group(1).isdigit() else float(UNIT_WORDS[m.group(1).casefold()])
        for m in _SMALL_COUNT.finditer(after)
    ]
    return len(parts) >= 2 and sum(parts) == value


def _amount(text: str) -> float:
    digits = re.sub(r"[^\d.]", "", text.replace(",", "")).strip(".")
    try:
        return float(digits)
    except ValueError:
        return 0.0


_ONE_NAME: Final = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_LISTED: Final = re.compile(rf"^[\s,:(—–-]*({_ONE_NAME}(?:,\s+{_ONE_NAME})*,?\s+and\s+{_ONE_NAME})")
"""Right after the gap, a list of names ("Kevin, Kerry, David and Mike")."""
_LISTED_AFTER_COLON: Final = re.compile(
    r"^[^:.;]{0,40}:\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+(?:,\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)*"
    r",?\s+and\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)[.;]?\s*$"
)
"""After the gap and a colon, the list that closes the sentence ("_____ steps: rinse, chop and
fry"): the prompt counts them out."""
_MONTH_NEAR: Final = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$"
)


def _time_or_date(text: str, m: re.Match[str]) -> bool:
    """Whether the number `m` of `text` is part of a time ("04:12"), a date ("2 March", "March
    2") or a year: no quantity an option could be mistaken for."""
    start, end = m.span(1)
    if text[start - 1 : start] == ":" or text[end : end + 1] == ":":
        return True
    if _MONTH_NEAR.search(text[max(0, start - 10) : start]):
        return True
    if re.match(r"\s*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", text[end:]):
        return True
    return not m.group(2) and re.fullmatch(r"(?:1[5-9]|20)\d\d", m.group(1)) is not None


_MAJORITY: Final = re.compile(r"(?i)\b(?:the|a|an)\s+(?:\w+\s+)?majority\b")
_SPAN_START: Final = re.compile(
    r"(?i)(?<!from )(?<![\w.,])(?:between\s+)?[$€£¥₹]?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"\s*(?:to|and|-|–)\s*[$€£¥₹]?$"
)
"""Before the gap, the start of a range ("$30 to _____", "between 4 and _____")."""
_DURATION: Final = re.compile(
    r"(?i)\s*(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|"
    r"centuries|century|seasons?|nights?|weekends?)\b"
)


def _comparable(compared: re.Match[str], *, percent: bool, unit: str) -> bool:
    """Whether the number a comparison after the gap names is of the answer's kind: both shares
    or neither, and with the answer's unit or none ("norm of 5,000" or "5,000 pounds")."""
    if bool(compared.group(4)) != percent:
        return False
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", compared.group(3)):
        return False  # "3,000 came, more than in 2019": a year, not a number of the answer's kind
    word = (compared.group(5) or "").casefold()
    unit_words = unit.replace("-", " ").casefold().split()
    return not word or word in _COMPARABLE_WORDS or word in unit_words


def number_bounds(
    context: str, value: float, *, percent: bool = False, unit: str = ""
) -> tuple[float, float, frozenset[float]] | None:
    """What the answer's sentence allows of a wrong option for the number `value` at its gap:
    (exclusive floor, exclusive ceiling, values the sentence already gives); None when the
    sentence restates the answer beside it in brackets, so that no wrong option is plausible.

    The floor and ceiling keep out options that would be true as well ("more than _____": no
    lower option; "less than", "up to", "among the _____ busiest ports": no higher one) and
    options that contradict the sentence ("17 of his _____ games": none of 17 or fewer).
    """
    if GAP not in context:
        return -math.inf, math.inf, frozenset()
    if _RESTATED.search(context):
        return None
    if _worked_out(context, value, percent=percent, unit=unit):
        return None
    before, after = context.split(GAP, 1)
    if not percent and _parts_add_up(after, value):
        return None
    listed = _LISTED.match(after) or _LISTED_AFTER_COLON.match(after)
    if listed is not None and len(re.split(r",\s+(?:and\s+)?|\s+and\s+", listed.group(1))) == value:
        return None  # "his _____ Kevin, Kerry, David and Mike": the prompt counts them out
    stars = _STARS.match(unit) is not None
    if stars and _SCALE_GAP.search(context):
        return None
    low, high = -math.inf, math.inf
    if stars:
        top = _STAR_TOP
        for m in _SCALE.finditer(before + " " + after):
            found = next((g for g in m.groups() if g), "")
            if (n := parse_number(found)) is not None and n.value >= value:
                top = int(n.value)
        if value <= top:  # a rating, not a count ("12,000 stars" of a galaxy)
            high = top + 0.5  # "four stars" of five: no "eight stars"
    compared = _COMPARED_AFTER.match(after)
    if compared is not None and _comparable(compared, percent=percent, unit=unit):
        other = float(compared.group(3).replace(",", ""))
        if compared.group(1) and other < value:
            low = max(low, other)
        elif compared.group(2) and other > value:
            high = min(high, other)
    if _OR_MORE.match(after):
        low = value
    if _OR_LESS.match(after):
        high = min(high, value)
    including = _WHOLE_INCLUDING.search(before)
    if including is not None and (n := parse_number(including.group(1))) and n.value > value:
        high = min(high, n.value + 0.5)  # "a crew of 22 including _____": at most 22
    including = _PART_INCLUDING.match(after)
    if including is not None and (n := parse_number(including.group(1))) and n.value < value:
        low = max(low, n.value - 0.5)  # "a crew of _____ including 21": at least 21
    floor = _AT_LEAST.search(before)
    if floor is not None and not (
        floor.group(0).lower().startswith("over") and _DURATION.match(unit)
    ):
        low = value  # (but "over six weeks" is "during", not "more than")
    if _AT_MOST.search(before):
        high = value
    if percent and _MAJORITY.search(context):
        low = max(low, 50.0) if value > 50 else low  # "the majority (_____)": more than half
    span = _SPAN_START.search(before)
    if span is not None and (n := parse_number(span.group(1))) is not None and n.value < value:
        low = max(low, n.value)  # "$30 to _____": the end of a range lies above its start
    if not percent:
        part = _PART_BEFORE.search(before)
        if part is not None and (n := parse_number(part.group(1))) is not None:
            low = max(low, n.value)
        whole = _WHOLE_AFTER.match(after)
        if whole is not None and (n := parse_number(whole.group(1))) is not None:
            high = min(high, n.value)
    text = before + " " + after
    given = frozenset(
        float((m.group(1) + (m.group(2) or "")).replace(",", ""))
        for m in _NUMBER_IN_TEXT.finditer(text)
        if bool(m.group(3)) == percent and not _time_or_date(text, m)
    )
    return low, high, given
