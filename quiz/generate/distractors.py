"""Wrong options for multiple-choice and false true/false statements.

Distractors have the key's type and granularity: nearby years that are not also true, other
entities of the same kind from the same article, numbers with the same unit. None is an alias of
the key nor appears in the key's own sentence. Pure functions; randomness comes from the caller.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz

from quiz.generate.facts import Fact, Mention
from quiz.generate.values import (
    DateValue,
    format_date,
    format_number,
    parse_date,
    parse_number,
)

_LABELS: Final = {
    "person": ("PERSON",),
    "place": ("GPE", "LOC", "FAC"),
    "organisation": ("ORG",),
    "event": ("EVENT", "LAW", "ORG", "FAC"),
}


@dataclass(frozen=True, slots=True)
class Pool:
    """What an article offers as distractors."""

    mentions: tuple[Mention, ...] = ()
    long_forms: tuple[str, ...] = ()
    """Acronym long forms defined in the article."""
    speakers: tuple[str, ...] = ()
    latest_year: int | None = None
    """No past event's distractor may be later than this (the publication year)."""
    aliases: tuple[tuple[str, str], ...] = field(default=())
    """(short form, long form) pairs of the article's acronyms."""
    kinds: tuple[tuple[str, str], ...] = field(default=())
    """(name, kind) for the names the article says more about (see `name_kinds`)."""


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """A comparison key: casefolded, no articles, punctuation or extra spaces."""
    t = text.casefold().replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"[^\w\s%$]", " ", t)
    words = [w for w in t.split() if w not in {"the", "a", "an"}]
    return " ".join(words)


def is_alias(a: str, b: str, aliases: Iterable[tuple[str, str]] = ()) -> bool:
    """Whether `a` and `b` may name the same thing (equal, nested, acronym, same surname...)."""
    return _is_alias(a, b, aliases if isinstance(aliases, tuple) else tuple(aliases))


@lru_cache(maxsize=65536)
def _is_alias(a: str, b: str, aliases: tuple[tuple[str, str], ...]) -> bool:
    # Cached: choice and true/false templates ask it of the same names again and again.
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return True
    if na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ":
        return True
    for short, long in aliases:
        ns, nl = normalise(short), normalise(long)
        a_in = na == ns or f" {na} " in f" {nl} "
        b_in = nb == ns or f" {nb} " in f" {nl} "
        if a_in and b_in:
            return True
    if fuzz.ratio(na, nb) >= 88:
        return True
    country = _country_key(a)
    return bool(country) and country == _country_key(b)


def distractors(fact: Fact, answer: str, slot: str, pool: Pool, rng: random.Random) -> list[str]:
    """Up to three wrong options for `answer` (the value of the fact's `slot`)."""
    if slot == "answer" and fact.type == "date":
        value = parse_date(answer)
        return _dates(value, fact, pool, rng) if value is not None else []
    if slot == "answer" and fact.type == "number":
        return _numbers(answer, fact, rng)
    if fact.type == "acronym" and slot == "answer":
        names = list(pool.long_forms) + [
            m.text for m in pool.mentions if m.label == "ORG" and len(m.text.split()) >= 2
        ]
        return _entities(answer, names, fact, pool, rng)
    if fact.type == "quote" and slot == "speaker":
        label_of = {m.text: m.label for m in pool.mentions}
        label = label_of.get(answer)
        speakers = [n for n in pool.speakers if label_of.get(n) == label]  # people for people
        return _entities(answer, speakers, fact, pool, rng)
    labels = _LABELS.get(fact.type)
    if labels is None or slot != "answer":
        return []
    if fact.type == "place" and fact.detail in labels:
        names = [m.text for m in pool.mentions if m.label == fact.detail]  # no mixing
    else:
        names = [m.text for m in pool.mentions if m.label in labels]
    if fact.type == "event":
        names = [n for n in names if _eventish(n)] or names
    return _entities(answer, names, fact, pool, rng)


COUNTRIES: Final = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh
    belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chad chile china
    colombia croatia cuba cyprus czechia denmark ecuador egypt estonia ethiopia finland france
    georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait kyrgyzstan laos latvia
    lebanon libya lithuania luxembourg madagascar malaysia mali malta mexico moldova mongolia
    montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria
    norway oman pakistan panama paraguay peru philippines poland portugal qatar romania russia
    rwanda senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland
    syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine
    uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe andorra angola bahamas bahrain
    barbados belize benin bhutan botswana brunei burundi comoros congo djibouti dominica eritrea
    eswatini fiji gabon gambia grenada guinea guyana jamaica kiribati lesotho liberia
    liechtenstein malawi maldives mauritania mauritius micronesia monaco nauru palau palestine
    samoa suriname swaziland togo tonga tuvalu vanuatu england scotland wales""".split()
) | frozenset(
    {
        "united states", "united kingdom", "south africa", "south korea", "north korea",
        "new zealand", "saudi arabia", "sri lanka", "united arab emirates", "the netherlands",
        "u.s.", "us", "uk", "usa", "britain", "great britain", "united states of america",
        "czech republic", "north macedonia", "bosnia and herzegovina", "costa rica",
        "el salvador", "dominican republic", "sierra leone", "ivory coast", "côte d'ivoire",
        "burkina faso", "cape verde", "central african republic", "equatorial guinea",
        "guinea-bissau", "east timor", "timor-leste", "papua new guinea", "solomon islands",
        "marshall islands", "south sudan", "trinidad and tobago", "antigua and barbuda",
        "saint lucia", "san marino", "vatican city", "northern ireland", "soviet union", "ussr",
        "democratic republic of the congo", "dr congo",
    }
)  # fmt: skip
"""Country names, to keep country and city options apart."""


COUNTRY_NAMES: Final = {
    "u.s.": "united states", "us": "united states", "usa": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom",
    "the netherlands": "netherlands", "czech republic": "czechia",
    "ivory coast": "côte d'ivoire", "east timor": "timor-leste", "swaziland": "eswatini",
    "ussr": "soviet union", "dr congo": "democratic republic of the congo",
}  # fmt: skip
"""Other names of one country, so that "U.S." and "United States" are never two options."""


def is_country(name: str) -> bool:
    """Whether `name` is a country (from a built-in list)."""
    return bool(_country_key(name))


def _country_key(name: str) -> str:
    """The one name of a country of the built-in list under all its names ("" for others)."""
    key = re.sub(r"^the\s+", "", name.strip().casefold())
    return COUNTRY_NAMES.get(key, key) if key in COUNTRIES else ""


NOT_PLACE_NOUNS: Final = frozenset(
    "asteroid comet planet moon star galaxy nebula spacecraft probe satellite rocket telescope "
    "rover lander orbiter mission ship vessel ferry tanker yacht aircraft plane jet".split()
)
"""Nouns that say the name after them is no place on Earth ("the asteroid Korppi", "a spacecraft
named Halla")."""
STORM_TITLES: Final = frozenset({"hurricane", "typhoon", "cyclone", "storm"})
"""Titles that make a name a storm ("Hurricane Ida"), capitalised or not."""
SKY_NAMES: Final = frozenset(
    "earth moon sun mercury venus mars jupiter saturn uranus neptune pluto".split()
)
"""Bodies of the solar system, which are no places to offer beside cities or countries."""
LOCAL_NOUNS: Final = frozenset(
    "city town village port region province county district state capital suburb".split()
)
"""Nouns that say the name after them is a place inside a country ("the city of Peshawar")."""

_WORD: Final = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_NAME: Final = rf"{_WORD}(?: (?:of |de |la )?{_WORD})*"
_AFTER_NOUN: Final = re.compile(
    rf"\b(?:({'|'.join(sorted(NOT_PLACE_NOUNS | LOCAL_NOUNS))})s?"
    rf"|((?i:{'|'.join(sorted(STORM_TITLES))})))\b"
    rf"(?: (?:of|named|called))? ({_NAME})"
)
_NAME_AT: Final = re.compile(_NAME)
# A name before ", " is found as a whole run of capitalised words (atomic: never backtracked) and
# the comma checked after it. Searching for "name, " in one pattern tried every word of a long
# run of names as a start and read the run to its end each time: quadratic time.
_NAME_RUN: Final = re.compile(rf"(?<![\w'’.-])(?>{_NAME})")
_COMMA_AFTER: Final = re.compile(r", (?:the )?(?=[A-Z])")
_MORE_IN_LIST: Final = re.compile(r", (?:and |or )?[A-Z]|,? (?:and|or) ")


def name_kinds(names: Iterable[str], text: str) -> dict[str, str]:
    """What `text` tells of each of `names`, for keeping wrong options of the answer's kind.

    The kind is "sky" for a body of the solar system ("Mars"), "country" for a country of the
    built-in list, else the noun that says a name is no place on Earth ("the asteroid Korppi":
    "asteroid"; "Hurricane Ida": "hurricane"), else "local" for a place inside a country ("Tartu,
    Estonia" when the country does not go on as a list; "the city of Peshawar"). Names the text
    says nothing about are left out.
    """
    cues: dict[str, str] = {}
    for m in _AFTER_NOUN.finditer(text):
        noun = (m.group(1) or m.group(2)).lower()
        kind = "local" if noun in LOCAL_NOUNS else noun
        words = m.group(3).split()
        for end in range(1, len(words) + 1):
            cues.setdefault(" ".join(words[:end]), kind)
    for place, _ in _countries_after_places(text):
        words = place.split()
        for start in range(len(words)):
            cues.setdefault(" ".join(words[start:]), "local")
    kinds: dict[str, str] = {}
    for name in names:
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
        cue = cues.get(bare, "")
        if bare.casefold() in SKY_NAMES:
            kinds[name] = "sky"
        elif is_country(bare):
            kinds[name] = "country"  # "the tanker Iran seized" does not make Iran a ship
        elif cue:
            kinds[name] = cue
    return kinds


def _countries_after_places(text: str) -> Iterator[tuple[str, str]]:
    """(place, country) for each "Tartu, Estonia" of `text` that is not a list of countries."""
    for m in _NAME_RUN.finditer(text):
        comma = _COMMA_AFTER.match(text, m.end())
        if comma is None:
            continue
        country = _country_at(text, comma.end())
        if country is None or _MORE_IN_LIST.match(text, comma.end() + len(country)):
            continue  # "Denmark, Estonia, Finland and Norway": a list, not a place and its country
        yield m.group(0), country


def locates(name: str, sentence: str) -> bool:
    """Whether `name` is the country that only says where the place before it lies ("Tartu,
    Estonia"): whoever knows the place knows the country, so asking for it asks little."""
    return any(country == name for _, country in _countries_after_places(sentence))


def _country_at(text: str, start: int) -> str | None:
    """The longest country name that opens `text` at `start`, as written there."""
    found = _NAME_AT.match(text, start)
    if found is None:
        return None
    parts = found.group(0).split()
    for end in range(len(parts), 0, -1):
        candidate = " ".join(parts[:end])
        if is_country(candidate):
            return candidate
        if is_country(candidate + "."):
            return candidate + "."  # "U.S.": the name ends with the abbreviation's full stop
    return None


def kind_of(name: str, kinds: dict[str, str]) -> str:
    """The kind of `name` as `name_kinds` found it ("" when the article does not say); a country
    of the built-in list is a country even where the article says nothing."""
    return kinds.get(name) or ("country" if is_country(name) else "")


def same_kind(fact_type: str, answer: str, name: str, kinds: dict[str, str]) -> bool:
    """Whether `name` may be a wrong option beside `answer`: for a place, a country beside a
    country and no country beside a city or region; for any type, nothing the article calls an
    asteroid (say) unless the answer is one too."""
    a, b = kind_of(answer, kinds), kind_of(name, kinds)
    if fact_type != "place":
        a = "" if a in {"country", "local"} else a
        b = "" if b in {"country", "local"} else b
    elif a != "country" and b != "country":
        a = a or "local"
        b = b or "local"
    return a == b


def _eventish(name: str) -> bool:
    from quiz.generate.facts import EVENT_WORDS

    return bool(EVENT_WORDS & set(name.lower().replace("-", " ").split()))


def _entities(
    answer: str, names: Sequence[str], fact: Fact, pool: Pool, rng: random.Random
) -> list[str]:
    kinds = dict(pool.kinds)
    if answer not in kinds:
        kinds.update(name_kinds((answer,), fact.sentence))
    names = [n for n in names if same_kind(fact.type, answer, n, kinds)]
    counts = Counter(names)
    # A name the sentence itself mentions plays another part in it, tagged as an entity there or
    # not ("IS-K claimed responsibility for the attack on _____": IS-K is no option).
    sentence = f" {normalise(fact.sentence)} "
    key_words = len(answer.split())
    ordered = sorted(counts, key=lambda n: (abs(len(n.split()) - key_words), -counts[n], n))
    candidates: list[str] = []
    for name in ordered:
        key = normalise(name)
        if f" {key} " in sentence or is_alias(name, answer, pool.aliases):
            continue
        if any(is_alias(name, other, pool.aliases) for other in candidates):
            continue
        if answer[:1].isupper() and not name[:1].isupper():
            continue
        candidates.append(name)
        if len(candidates) == 6:
            break
    top = candidates[:6]
    rng.shuffle(top)
    return top[:3]


def _pick_around(below: list[str], above: list[str], rng: random.Random, k: int = 3) -> list[str]:
    """k options, about as many below the key as the key's drawn rank asks for."""
    want_below = rng.randrange(k + 1)
    near_below, near_above = below[:5], above[:5]
    rng.shuffle(near_below)
    rng.shuffle(near_above)
    take_below = min(want_below, len(near_below))
    take_above = min(k - take_below, len(near_above))
    take_below = min(k - take_above, len(near_below))
    return near_below[:take_below] + near_above[:take_above]


def _dates(value: DateValue, fact: Fact, pool: Pool, rng: random.Random) -> list[str]:
    taken = frozenset(
        v.value
        for label, text in fact.entities
        if label == "DATE" and (v := parse_date(text)) is not None
    ) | {value.value}
    below, above = _nearby_dates(value, taken, pool.latest_year, fact.answer)
    picked = _pick_around(list(below), list(above), rng)
    return picked if len(picked) == 3 else []


@lru_cache(maxsize=4096)
def _nearby_dates(
    value: DateValue, taken: frozenset[str], latest: int | None, style: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The dates before and after `value`, nearest first, written like `style`: none in `taken`,
    none after the year `latest`. Cached: every choice and true/false template of a date asks."""
    below: list[DateValue] = []
    above: list[DateValue] = []
    for step in range(1, 13):
        for sign, bucket in ((-1, below), (1, above)):
            cand = _shift(value, sign * step)
            if cand is None or cand.value in taken:
                continue
            if latest is not None and cand.sort_key[0] > latest:
                continue
            bucket.append(cand)
    return (
        tuple(format_date(v, style) for v in below),
        tuple(format_date(v, style) for v in above),
    )


def _shift(value: DateValue, step: int) -> DateValue | None:
    g = value.granularity
    if g == "year":
        return parse_date(str(int(value.value) + step))
    if g == "range":
        a, b = (int(x) for x in value.value.split("/"))
        return parse_date(f"{a + step} to {b + step}")
    if g == "month":
        y, m = (int(x) for x in value.value.split("-"))
        index = y * 12 + (m - 1) + step * 2
        return parse_date(f"{_month_name(index % 12)} {index // 12}")
    if g == "day":
        y, m, d = (int(x) for x in value.value.split("-"))
        index = y * 12 + (m - 1) + step
        return parse_date(f"{_month_name(index % 12)} {min(d, 28)}, {index // 12}")
    if g == "decade":
        decade, _, part = value.value.partition("-")
        parts = ["early", "mid", "late"] if part else [""]
        start = int(decade[:-1])
        slots = [(start + 10 * k, p) for k in range(-3, 4) for p in parts]
        here = slots.index((start, part))
        j = here + step
        if not 0 <= j < len(slots):
            return None
        y, p = slots[j]
        return parse_date(f"{p} {y}s".strip())
    return None


def _month_name(index: int) -> str:
    from quiz.generate.values import MONTHS

    return MONTHS[index]


def _numbers(answer: str, fact: Fact, rng: random.Random) -> list[str]:
    number = parse_number(answer)
    if number is None or number.value <= 0:
        return []
    v = number.value
    percent = "%" in number.suffix or "cent" in number.suffix
    magnitude = math.floor(math.log10(v)) if v >= 1 else 0
    digits = number.decimals
    if not digits:
        significant = len(str(int(v)).rstrip("0")) or 1
        step = 10 ** max(0, magnitude - max(1, significant) + 1)
    else:
        step = 10**-digits
    factors = (0.5, 0.6, 0.7, 0.75, 0.8, 1.2, 1.25, 1.3, 1.4, 1.5, 1.75, 2.0)
    below: list[str] = []
    above: list[str] = []
    seen = {format_number(number, v)}
    for f in factors:
        cand = round(v * f / step) * step
        if digits == 0:
            cand = round(cand)
        if cand <= 0 or (percent and cand > 100) or cand == v:
            continue
        if cand == 1 and number.suffix.strip().endswith("s"):
            continue  # "1 decades": a plural noun needs more than one
        text = format_number(number, cand)
        if text in seen:
            continue
        seen.add(text)
        (below if cand < v else above).append(text)
    below.reverse()
    picked = _pick_around(below, above, rng)
    return picked if len(picked) == 3 else []
