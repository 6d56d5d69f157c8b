"""`quiz export` over damaged packages and poisoned state, and with titles that would misbehave.

The package being replaced is read only for its newest note stamp: whatever it holds (absurd stamps,
encryption, corrupt or unknown compression, a zip bomb) must not stop the export, nor leave a stamp
behind that breaks the next one.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.export import anki
from quiz.export.anki import anki_deck_name, package_timestamp, write_apkg
from quiz.export.stamp import MAX_TIMESTAMP, STAMP_FILE, next_timestamp, reserve_timestamp
from quiz.model import Deck, Question
from quiz.paths import data_dir

T0 = 1_800_000_000
ABSURD = 10**16
DECK = """\
format: 1
id: small
title: Small deck
questions:
  - id: q-a
    kind: basic
    prompt: Capital of France?
    answer: Paris
"""


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def small_deck(title: str = "Small deck") -> Deck:
    return Deck(
        id="small",
        title=title,
        questions=(Question(id="q-a", kind="basic", prompt="Capital?", answer="Paris"),),
    )


def package(path: Path, *, timestamp: int = T0) -> bytes:
    write_apkg([small_deck()], path, timestamp=timestamp)
    return path.read_bytes()


def with_collection(path: Path, change: str) -> None:
    """Rewrite the package at `path` with `change` (SQL) applied to its collection."""
    with zipfile.ZipFile(path) as old:
        data = old.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    conn.execute(change)
    conn.commit()
    data = conn.serialize()
    conn.close()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as new:
        new.writestr("collection.anki2", data)
        new.writestr("media", "{}")


def exported_stamp(path: Path) -> int:
    stamp = package_timestamp(path)
    assert stamp is not None
    return stamp


def state_value() -> object:
    return json.loads((data_dir() / STAMP_FILE).read_text(encoding="utf-8"))["last_timestamp"]


# Absurd stamps ---------------------------------------------------------------------------------


def test_an_absurd_note_stamp_in_the_old_package_is_ignored(
    tmp_path: Path, deck_file: Path
) -> None:
    out = tmp_path / "d.apkg"
    package(out)
    with_collection(out, f"UPDATE notes SET mod = {ABSURD}")
    assert package_timestamp(out) is None
    assert main(["export", str(deck_file), "-o", str(out)]) == 0  # was OverflowError
    assert 0 < exported_stamp(out) < MAX_TIMESTAMP
    assert isinstance(state_value(), int) and 0 < state_value() < MAX_TIMESTAMP  # type: ignore[operator]
    assert main(["export", str(deck_file), "-o", str(out)]) == 0  # and again


@pytest.mark.parametrize("value", [ABSURD, -5, MAX_TIMESTAMP, 2**63, "1e20", 1.5e9, True])
def test_a_poisoned_stamp_file_is_ignored_and_rewritten(
    tmp_path: Path, deck_file: Path, value: object
) -> None:
    state = data_dir() / STAMP_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"last_timestamp": value}), encoding="utf-8")
    out = tmp_path / "d.apkg"
    before = int(time.time())
    assert main(["export", str(deck_file), "-o", str(out)]) == 0
    assert before <= exported_stamp(out) <= int(time.time()) + 1
    assert state_value() == exported_stamp(out)


def test_stamps_never_pass_the_last_writable_one(tmp_path: Path) -> None:
    assert next_timestamp(T0, MAX_TIMESTAMP - 1) == MAX_TIMESTAMP
    assert next_timestamp(T0, MAX_TIMESTAMP) == T0  # not a stamp an export could follow
    assert next_timestamp(float(ABSURD), None) == MAX_TIMESTAMP
    assert reserve_timestamp(tmp_path / "s.json", T0, at_least_after=ABSURD) == T0
    package(tmp_path / "last.apkg", timestamp=MAX_TIMESTAMP)  # note ids still fit SQLite
    assert package_timestamp(tmp_path / "last.apkg") is None  # but nothing can follow it


# Damaged packages ------------------------------------------------------------------------------


def _patch_headers(data: bytes, *, local: int, central: int, value: bytes) -> bytes:
    """Overwrite two bytes of the first local header and of the first central directory entry."""
    buffer = bytearray(data)
    first = buffer.index(b"PK\x03\x04")
    buffer[first + local : first + local + 2] = value
    entry = buffer.index(b"PK\x01\x02")
    buffer[entry + central : entry + central + 2] = value
    return bytes(buffer)


def encrypted(data: bytes) -> bytes:
    return _patch_headers(data, local=6, central=8, value=b"\x01\x00")  # flag bit 0: encrypted


def unknown_method(data: bytes) -> bytes:
    return _patch_headers(data, local=8, central=10, value=b"\x63\x00")  # method 99


def corrupt_deflate(data: bytes) -> bytes:
    buffer = bytearray(data)
    start = buffer.index(b"PK\x03\x04")
    name_length = int.from_bytes(buffer[start + 26 : start + 28], "little")
    extra_length = int.from_bytes(buffer[start + 28 : start + 30], "little")
    body = start + 30 + name_length + extra_length
    buffer[body : body + 64] = b"\xff" * 64  # an invalid block type at once
    return bytes(buffer)


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize("damage", [encrypted, unknown_method, corrupt_deflate, truncated])
def test_a_damaged_old_package_is_replaced(tmp_path: Path, deck_file: Path, damage: object) -> None:
    out = tmp_path / "d.apkg"
    out.write_bytes(damage(package(out)))  # type: ignore[operator]
    assert package_timestamp(out) is None
    before = int(time.time())
    assert main(["export", str(deck_file), "-o", str(out)]) == 0
    assert exported_stamp(out) >= before


def test_a_zip_bomb_is_not_inflated_into_memory(
    tmp_path: Path, deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(anki, "MAX_PACKAGE_COLLECTION", 2**20)
    bomb = tmp_path / "d.apkg"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        with out.open("collection.anki2", "w", force_zip64=True) as stream:
            zeros = bytes(2**20)
            for _ in range(64):
                stream.write(zeros)
    assert bomb.stat().st_size < 2**20
    tracemalloc.start()
    try:
        assert package_timestamp(bomb) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"{peak:,} bytes to read a 64 MB bomb"
    # A bomb that lies about its size inflates no further than the cap either.
    lying = io.BytesIO()
    with zipfile.ZipFile(lying, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("collection.anki2", bytes(4 * 2**20))
    data = lying.getvalue()
    size_at = data.index(b"PK\x01\x02") + 24
    forged = data[:size_at] + (1000).to_bytes(4, "little") + data[size_at + 4 :]
    (tmp_path / "lying.apkg").write_bytes(forged)
    assert package_timestamp(tmp_path / "lying.apkg") is None
    assert main(["export", str(deck_file), "-o", str(bomb)]) == 0


# What the output path is -----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_output_that_is_not_a_regular_file_is_never_read(
    tmp_path: Path, deck_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.apkg"
    os.mkfifo(fifo)
    assert package_timestamp(fifo) is None  # opening it used to wait for a writer forever
    assert main(["export", str(deck_file), "-o", str(fifo)]) == 2
    assert capsys.readouterr().err.endswith("pipe.apkg: is a pipe, not a file: give a file name\n")
    link = tmp_path / "tty.apkg"
    link.symlink_to("/dev/tty")
    assert package_timestamp(link) is None


def test_output_through_a_symlink_replaces_the_target(tmp_path: Path, deck_file: Path) -> None:
    real = tmp_path / "store" / "real.apkg"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.apkg"
    link.symlink_to(real)
    assert main(["export", str(deck_file), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert zipfile.is_zipfile(real)


def test_the_package_keeps_its_mode_and_stale_temporary_files_go(
    tmp_path: Path, deck_file: Path
) -> None:
    out = tmp_path / "d.apkg"
    package(out)
    out.chmod(0o600)
    stale = tmp_path / ".d.apkg.a1b2c3d4e5f6.tmp"  # left by an export killed mid-write
    stale.write_bytes(b"half a package")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert main(["export", str(deck_file), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# Titles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("A:::B", "quiz::A:B"),
        ("A::::B", "quiz::A:B"),
        ("A::B", "quiz::A:B"),
        (":::Lead", "quiz::Lead"),
        ("Trail:::", "quiz::Trail"),
        ("Ratio 3:1", "quiz::Ratio 3:1"),
        (":::", "quiz::small"),
        ("Evil\x1b]0;PWNED\x07 title\x1b[2J", "quiz::Evil title"),
    ],
)
def test_colons_in_a_title_never_make_sub_decks(title: str, name: str) -> None:
    made = anki_deck_name(small_deck(title), "quiz")
    assert made == name
    assert len(made.split("::")) == 2


def test_the_parent_may_name_sub_decks() -> None:
    assert anki_deck_name(small_deck("T"), "News:::Quizzes") == "News::Quizzes::T"


def test_export_prints_titles_and_paths_sanitised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "evil.yaml"
    deck.write_text(
        DECK.replace(
            "title: Small deck", 'title: "Evil\\e]0;PWNED\\a\\e]52;c;UFdORUQ=\\a\\e[2J\\u202e"'
        ),
        encoding="utf-8",
    )
    out_path = tmp_path / "d\x1b]0;PWNED\x07\u202e.apkg"
    assert main(["export", str(deck), "-o", str(out_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "d\\x1b]0;PWNED\\x07\\u202e.apkg: 1 deck" in out
    assert "  quiz::Evil: 1 notes" in out


@pytest.mark.slow
def test_odd_titles_and_a_poisoned_stamp_import_into_anki(tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    titles = ["A:::B", "C::::D", ":::Lead", "Trail::", "Новости дня", "Погода", "Evil\x1b]0;X\x07"]
    decks = []
    for number, title in enumerate(titles):
        path = tmp_path / f"{number}.yaml"
        path.write_text(
            f"title: {json.dumps(title)}\nquestions:\n  - prompt: Q{number}?\n    answer: A\n",
            encoding="utf-8",
        )
        decks.append(path)
    state = data_dir() / STAMP_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"last_timestamp": ABSURD}), encoding="utf-8")
    out = tmp_path / "odd.apkg"
    assert main(["export", *map(str, decks), "-o", str(out)]) == 0
    (tmp_path / "col").mkdir()
    col = collection_module.Collection(str(tmp_path / "col" / "collection.anki2"))
    try:
        options = col._backend.get_import_anki_package_presets()
        col.import_anki_package(
            collection_module.ImportAnkiPackageRequest(package_path=str(out), options=options)
        )
        names = {name for name in col.decks.all_names() if name.startswith("quiz::")}
        cards = {name: len(col.find_cards(f'"deck:{name}" -"deck:{name}::*"')) for name in names}
    finally:
        col.close()
    expected = {anki_deck_name(small_deck(title), "quiz") for title in titles}
    assert names == expected  # one level under quiz each, named as quiz named them
    assert all(count == 1 for count in cards.values())


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_stamp_file_that_never_ends_is_read_no_further_than_a_stamp(
    tmp_path: Path, deck_file: Path
) -> None:
    state = data_dir() / STAMP_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.symlink_to("/dev/zero")  # read whole, it used to fill the memory
    assert main(["export", str(deck_file), "-o", str(tmp_path / "d.apkg")]) == 0
