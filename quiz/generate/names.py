"""Comparing names: one comparison key, when two names may name one thing, and each name's kind.

`normalise` and `is_alias` serve every check that compares names (leaks, duplicates, options);
`fine_kind` says what a name is (a country, a city, a person, a court, a newspaper...) so that
wrong options are of the answer's kind; `name_kinds` and `locates` read what an article's own
words say of a name ("the asteroid Korppi", "Tartu, Estonia"). Places come from the gazetteer in
`places`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz

from quiz.generate.places import CITY, COUNTRY, Place, place, related


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
    if initials_of(a, b) or initials_of(b, a):
        return True
    if fuzz.ratio(na, nb) >= 88:
        return True
    pa, pb = place(a), place(b)
    return pa is not None and pb is not None and pa.key == pb.key


_MINOR_WORDS: Final = frozenset({"of", "the", "for", "and", "on", "in", "&", "de"})


def initials_of(short: str, long: str) -> bool:
    """Whether `short` is written as the initials of `long` ("UN", "United Nations")."""
    short, long = (re.sub(r"(?i)^the\s+", "", x.strip()) for x in (short, long))
    letters = short.replace(".", "").replace(" ", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or not letters.isupper():
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w and w.casefold() not in _MINOR_WORDS]
    if len(words) != len(letters) or len(words) < 2:
        return False
    return all(w[:1].upper() == ch for w, ch in zip(words, letters, strict=True))


def overlaps(a: str, b: str, aliases: Iterable[tuple[str, str]] = ()) -> bool:
    """Whether both could be right: aliases, one name within the other however spelt ("Ministry
    of Defense", "Israeli Ministry of Defence"), or one place within the other (Scotland and
    Great Britain, Texas and the United States)."""
    if is_alias(a, b, aliases) or _words_within(a, b) or _words_within(b, a):
        return True
    pa, pb = place(a), place(b)
    return pa is not None and pb is not None and related(pa, pb)


def _words_within(short: str, long: str) -> bool:
    """Whether every word of `short` (two or more) is, spelt about the same, a word of `long`."""
    words, others = normalise(short).split(), normalise(long).split()
    if len(words) < 2 or len(words) >= len(others):
        return False
    return all(any(fuzz.ratio(w, o) >= 85 for o in others) for w in words)


def is_country(name: str) -> bool:
    """Whether `name` is a country (from the gazetteer)."""
    found = place(name)
    return found is not None and found.kind == COUNTRY


# ----------------------------------------------------------------------------- fine kinds

PERSON = "person"
SMALL_CITY: Final = 50_000
"""A city smaller than this is a city only where the article says so ("Tartu, Estonia")."""
PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})

_ORG_WORDS: Final = (
    ("court", "court tribunal"),
    (
        "outlet",
        "times post journal news herald tribune guardian telegraph gazette chronicle daily "
        "magazine press reuters bloomberg bbc cnn npr afp ap wire radio tv television "
        "broadcasting observer mail",
    ),
    ("party", "party"),
    ("university", "university college school academy"),
    ("institute", "institute institution foundation centre center"),
    ("company", "inc corp corporation ltd llc plc co company holdings airlines airways motors"),
    ("bank", "bank"),
    ("league", "league"),
    ("team", "fc afc cf sc"),
    ("armed", "army navy forces brigades brigade militia corps"),
    ("international", "nations union organization organisation alliance fund"),
    (
        "government",
        "ministry department agency commission council committee parliament congress senate "
        "assembly cabinet office administration bureau authority police government",
    ),
)
"""Head words that say what an organisation is, in order of precedence ("Chicago Tribune" is a
newspaper although it opens with a city)."""

_TIME_ZONE: Final = re.compile(r"^(?:GMT|UTC|[A-Z]{1,3}[SD]T)$")
"""Time-zone abbreviations the parser takes for organisations ("GMT")."""


@lru_cache(maxsize=65536)
def org_kind(name: str) -> str:
    """What an organisation is by its words: a court, a newspaper, a team..., or ""."""
    if _TIME_ZONE.match(name.strip()):
        return "time zone"
    words = re.findall(r"[a-z]+", name.casefold().replace("’", "'"))
    if not words:
        return ""
    for kind, heads in _ORG_WORDS:
        if set(heads.split()) & set(words):
            return kind
    return _team(name)


def _team(name: str) -> str:
    """A place followed by a nickname ("Seattle Seahawks", "Kansas City Chiefs") is a team."""
    parts = name.split()
    for cut in range(len(parts) - 1, 0, -1):
        head, rest = " ".join(parts[:cut]), parts[cut:]
        if place(head) is not None:
            return "team" if all(w[:1].isupper() for w in rest) else ""
    return ""


@lru_cache(maxsize=65536)
def looks_like_person(name: str) -> bool:
    """Capitalised words, no digits, no place: the shape of a person's name."""
    words = name.replace("’", "'").split()
    if not words or any(ch.isdigit() for ch in name):
        return False
    particles = {"de", "da", "van", "von", "der", "bin", "al", "la", "le", "del", "di", "du"}
    if not all(w[:1].isupper() or w.casefold() in particles for w in words):
        return False
    return place(name) is None


@lru_cache(maxsize=65536)
def fine_kind(name: str, label: str, cue: str = "") -> str:
    """The answer-kind of a name: "country", "region", "city", "continent", "person", an
    organisation's kind ("court", "outlet", "team"...), "event" or "law"; what the article calls
    it (`cue`: "asteroid", "hurricane", "sky") comes first. "" when uncertain: a name of no kind
    the gazetteer or its words tell, or a place the parser took for a person."""
    if cue and cue not in {"local", "country"}:
        return cue
    if label in PLACE_LABELS:
        found = place(name)
        if found is None:
            return ""
        if found.kind == CITY and found.population < SMALL_CITY and cue != "local":
            return ""  # a small town of the name somewhere ("Anna"): the article must say so
        return found.kind
    if label == "PERSON":
        return PERSON if looks_like_person(name) else ""
    if label == "ORG":
        return "" if place(name) is not None else org_kind(name)
    if label in {"EVENT", "LAW"}:
        return label.lower()
    return ""


def place_of(name: str) -> Place | None:
    """The gazetteer's place for `name` (None when unknown or ambiguous)."""
    return place(name)


# ----------------------------------------------------------------------------- the article's cues

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

    The kind is "sky" for a body of the solar system ("Mars"), "country" for a country, else the
    noun that says a name is no place on Earth ("the asteroid Korppi": "asteroid"; "Hurricane
    Ida": "hurricane"), else "local" for a place inside a country ("Tartu, Estonia" when the
    country does not go on as a list; "the city of Peshawar"). Names the text says nothing about
    are left out.
    """
    cues: dict[str, str] = {}
    for m in _AFTER_NOUN.finditer(text):
        noun = (m.group(1) or m.group(2)).lower()
        kind = "local" if noun in LOCAL_NOUNS else noun
        words = m.group(3).split()
        for end in range(1, len(words) + 1):
            cues.setdefault(" ".join(words[:end]), kind)
    for place_name, _ in _countries_after_places(text):
        words = place_name.split()
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


MAX_COUNTRY_WORDS: Final = 6
"""No country's name is longer ("Democratic Republic of the Congo"): a longer run is not read."""


def _country_at(text: str, start: int) -> str | None:
    """The longest country name that opens `text` at `start`, as written there."""
    found = _NAME_AT.match(text, start)
    if found is None:
        return None
    parts = found.group(0).split()[:MAX_COUNTRY_WORDS]
    for end in range(len(parts), 0, -1):
        candidate = " ".join(parts[:end])
        if is_country(candidate):
            after = start + len(candidate)
            if "." in candidate and text[after : after + 1] == ".":
                return candidate + "."  # "U.S.": the name ends with the abbreviation's full stop
            return candidate
    return None
