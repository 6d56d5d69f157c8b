"""The place index is built from the gazetteer libraries once, then read from the cache folder."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.generate import gazetteer
from quiz.generate.gazetteer import (
    FORMAT,
    PlaceIndex,
    build_index,
    city_rows,
    encode,
    fold,
    fold_all,
    index_file,
    load_index,
)


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return build_index()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, index: PlaceIndex) -> list[int]:
    """Counts the builds from the libraries (each returns the module's index, without the wait)."""
    count: list[int] = []

    def build() -> PlaceIndex:
        count.append(1)
        return index

    monkeypatch.setattr(gazetteer, "build_index", build)
    return count


def test_names_are_folded_together_exactly_as_one_by_one() -> None:
    names = [
        "São Paulo",
        "The Hague",
        "Côte d’Ivoire",
        "St. John's",
        "Ørsta",
        "İzmir",
        "Łódź",
        "ΣΑΣ",
        "Straße",
        "  two   spaces ",
        "",
        "the",
        "Wadi as-Sir",
        "\u0301accent first",
        "Ha\u0308me",
        "end's",
    ]
    assert fold_all(names) == [fold(name) for name in names]
    assert fold_all(["one\ntwo", "Three"]) == [fold("one\ntwo"), "three"]


def test_every_gazetteer_name_folds_together_as_one_by_one() -> None:
    names = [name for name, *_ in gazetteer._city_rows()]
    names += [name for name, *_ in gazetteer._subdivisions()]
    assert len(names) > 30_000
    assert fold_all(names) == [fold(name) for name in names]


def test_the_index_knows_cities_regions_and_countries(index: PlaceIndex) -> None:
    tartu = city_rows(index.cities["tartu"])
    assert [(country, admin) for _, country, _, admin, _, _ in tartu] == [("EE", "18")]
    assert ("GB-SCT", "GB", "GB", 0) == index.country_names["scotland"]
    assert index.country_names["usa"] == index.country_names["united states"]
    assert ("US-TX", "US") in index.regions["texas"]
    assert "tallinn" in index.capitals
    assert index.big_cities["JP"][0] == "Tokyo"


def test_the_index_reads_back_from_its_file_unchanged(index: PlaceIndex) -> None:
    decoded = gazetteer._decode(encode(index))
    assert decoded == index


def test_the_index_is_built_once_then_read_from_the_cache_folder(
    tmp_path: Path, builds: list[int], index: PlaceIndex
) -> None:
    first = load_index(tmp_path)
    second = load_index(tmp_path)
    assert len(builds) == 1
    assert first == second == index
    assert index_file(tmp_path).parent == tmp_path / FORMAT
    assert index_file(tmp_path).is_file()


def _rewrap(payload: bytes) -> bytes:
    """A cache file whose digest matches `payload`: damage the digest cannot catch."""
    digest = hashlib.blake2b(payload, digest_size=gazetteer._DIGEST_SIZE).digest()
    return gazetteer._MAGIC + digest + payload


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda data: b"",
    "cut short": lambda data: data[: len(data) // 2],
    "one byte changed": lambda data: data[:-100] + bytes([data[-100] ^ 1]) + data[-99:],
    "another file": lambda data: b"not an index at all\n" * 50,
    "an older layout": lambda data: _rewrap(marshal.dumps(({}, {}, {}))),
    "fields of the wrong kind": lambda data: _rewrap(marshal.dumps(tuple(range(7)))),
    "not marshal data": lambda data: _rewrap(b"\xff\xfe garbage"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_cache_file_is_built_again_and_replaced(
    tmp_path: Path, builds: list[int], index: PlaceIndex, damage: Callable[[bytes], bytes]
) -> None:
    load_index(tmp_path)
    target = index_file(tmp_path)
    target.write_bytes(damage(target.read_bytes()))
    assert load_index(tmp_path) == index
    assert len(builds) == 2
    assert gazetteer._decode(target.read_bytes()) == index  # replaced by a whole one
    assert load_index(tmp_path) == index and len(builds) == 2


def test_a_cache_folder_that_cannot_be_written_only_costs_the_time(
    tmp_path: Path, builds: list[int], index: PlaceIndex
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    assert load_index(blocked) == index
    assert load_index(blocked) == index
    assert len(builds) == 2
    assert blocked.read_text() == "not a folder"


def test_no_cache_folder_builds_every_time(builds: list[int], index: PlaceIndex) -> None:
    assert load_index(None) == index
    assert len(builds) == 1


def test_new_data_from_the_libraries_gets_a_new_cache_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for _, _, name in gazetteer.SOURCES:
        (data / name).write_text("[]")
    monkeypatch.setattr(gazetteer, "_data_file", lambda package, folder, name: data / name)
    before = index_file(tmp_path)
    assert index_file(tmp_path) == before
    (data / "cities15000.json").write_text("[1]")  # a release with another size
    resized = index_file(tmp_path)
    stamp = os.stat(data / "countries.json")
    os.utime(data / "countries.json", ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 10**9))
    touched = index_file(tmp_path)
    (data / "iso3166-2.json").unlink()
    missing = index_file(tmp_path)
    assert len({before, resized, touched, missing}) == 4


def test_the_city_list_reads_the_same_through_the_json_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = gazetteer._city_rows()
    monkeypatch.setattr(gazetteer, "_CITY_ROW", re.compile(rb"(?!)"))  # a layout never seen
    slow = gazetteer._city_rows()
    assert len(fast) == len(slow) > 30_000
    assert [row[:3] for row in fast] == [row[:3] for row in slow]
    assert [city_rows(row[3]) for row in fast] == [city_rows(row[3]) for row in slow]
