"""Writing packages: what goes into the .apkg, GUIDs across exports, timestamps, files on disk."""

from __future__ import annotations

import gc
import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import genanki
import pytest

from quiz.errors import QuizError
from quiz.export import notetypes
from quiz.export.anki import (
    _MODELS,
    AnkiDeck,
    anki_deck_id,
    note_guid,
    package_timestamp,
    to_anki_decks,
    write_apkg,
    write_collection,
)
from quiz.export.stamp import next_timestamp, reserve_timestamp
from quiz.model import Deck, Question

T0 = 1_700_000_000


def test_package_holds_one_note_per_question_with_its_cards(
    tmp_path: Path, deck: Deck, read_apkg: Callable[[Path], Any]
) -> None:
    out = tmp_path / "deck.apkg"
    written = write_apkg([deck], out, timestamp=T0)
    package = read_apkg(out)

    assert sorted(package.names) == ["collection.anki2", "media"]
    assert [n.guid for n in written[0].notes] == [
        note_guid("harbour", q.id) for q in deck.questions if not q.suspended
    ]
    assert set(package.notes) == {n.guid for n in written[0].notes}
    by_id = {q.id: q for q in deck.questions}
    for question_id, q in by_id.items():
        guid = note_guid("harbour", question_id)
        if q.suspended:
            assert guid not in package.notes
            continue
        note = package.notes[guid]
        note_type = notetypes.NOTE_TYPES[q.kind]
        assert note.model_id == note_type.model_id
        assert len(note.fields) == len(note_type.fields)
        assert note.card_ords == (0,), question_id  # every note makes its one card
        assert note.card_decks == (anki_deck_id("harbour"),)
        assert note.mod == T0
        assert note.tags[:2] == ("quiz", "harbour") and q.kind in note.tags
    assert package.decks[anki_deck_id("harbour")] == "quiz::Harbour town"
    models = {mid: model for mid, model in package.models.items()}
    for note_type in notetypes.NOTE_TYPES.values():
        model = models[note_type.model_id]
        assert model["name"] == note_type.name
        assert model["type"] == (1 if note_type.cloze else 0)
        assert [f["name"] for f in model["flds"]] == list(note_type.fields)
        assert model["css"] == notetypes.CSS
        assert model["sortf"] == 1
        assert model["mod"] == T0


def test_notes_with_empty_extras_still_make_their_card(
    tmp_path: Path, read_apkg: Callable[[Path], Any]
) -> None:
    # Empty Accepted and Source fields must not cost a card (genanki's own rule would drop it
    # when it takes those fields for required ones).
    deck = Deck(
        id="d",
        title="",
        questions=(
            Question(id="s", kind="short", prompt="s?", answer="a"),
            Question(id="b", kind="basic", prompt="b?", answer="a"),
            Question(id="t", kind="truefalse", prompt="t?", answer="true"),
            Question(id="c", kind="choice", prompt="c?", answer="a", choices=("a", "b")),
            Question(id="o", kind="order", prompt="o?", answer=("a", "b"), choices=("b", "a")),
        ),
    )
    write_apkg([deck], tmp_path / "d.apkg", timestamp=T0)
    package = read_apkg(tmp_path / "d.apkg")
    assert {n.guid: n.card_ords for n in package.notes.values()} == {
        note_guid("d", q.id): (0,) for q in deck.questions
    }
    assert all(n.fields[-2:] == ("", "") for n in package.notes.values())


def test_cloze_with_two_deletions_makes_two_cards(
    tmp_path: Path, read_apkg: Callable[[Path], Any]
) -> None:
    deck = Deck(
        id="d",
        title="D",
        questions=(Question(id="c", kind="cloze", prompt="{{c1::a}} and {{c2::b}}", answer="a"),),
    )
    write_apkg([deck], tmp_path / "d.apkg", timestamp=T0)
    (note,) = read_apkg(tmp_path / "d.apkg").notes.values()
    assert sorted(note.card_ords) == [0, 1]


def test_new_cards_come_in_deck_order(tmp_path: Path, deck: Deck) -> None:
    write_apkg([deck], tmp_path / "d.apkg", timestamp=T0)
    import sqlite3

    with zipfile.ZipFile(tmp_path / "d.apkg") as archive:
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    rows = conn.execute("SELECT n.guid, c.due FROM cards c JOIN notes n ON n.id = c.nid").fetchall()
    order = [guid for guid, _ in sorted(rows, key=lambda row: row[1])]
    assert order == [note_guid("harbour", q.id) for q in deck.questions if not q.suspended]


def test_reexport_keeps_guids_and_carries_the_edit(
    tmp_path: Path,
    deck: Deck,
    make_deck: Callable[..., Deck],
    read_apkg: Callable[[Path], Any],
) -> None:
    write_apkg([deck], tmp_path / "old.apkg", timestamp=T0)
    write_apkg([make_deck(prompt_suffix=" Edited.")], tmp_path / "new.apkg", timestamp=T0 + 1)
    old, new = read_apkg(tmp_path / "old.apkg"), read_apkg(tmp_path / "new.apkg")
    assert set(old.notes) == set(new.notes)
    guid = note_guid("harbour", "q-vote")
    assert old.notes[guid].fields[1].endswith("seawall.")
    assert new.notes[guid].fields[1].endswith("seawall. Edited.")
    assert {n.mod for n in new.notes.values()} == {T0 + 1}
    others = set(old.notes) - {guid}
    assert all(old.notes[g].fields == new.notes[g].fields for g in others)


def test_suspended_questions_only_on_request(
    tmp_path: Path, deck: Deck, read_apkg: Callable[[Path], Any]
) -> None:
    write_apkg([deck], tmp_path / "a.apkg", timestamp=T0, include_suspended=True)
    note = read_apkg(tmp_path / "a.apkg").notes[note_guid("harbour", "q-old")]
    assert "suspended" in note.tags and note.card_ords == (0,)


def test_all_suspended_is_an_error(tmp_path: Path) -> None:
    deck = Deck(id="d", title="D", questions=(Question("a", "basic", "P", "A", suspended=True),))
    with pytest.raises(QuizError, match="--include-suspended"):
        write_apkg([deck], tmp_path / "d.apkg", timestamp=T0)
    assert not (tmp_path / "d.apkg").exists()


def test_several_decks_under_a_parent(
    tmp_path: Path, deck: Deck, read_apkg: Callable[[Path], Any]
) -> None:
    other = Deck(id="other", title="Other news", questions=(Question("a", "basic", "P", "A"),))
    write_apkg([deck, other], tmp_path / "d.apkg", timestamp=T0, parent="News::quiz")
    package = read_apkg(tmp_path / "d.apkg")
    assert package.decks[anki_deck_id("harbour")] == "News::quiz::Harbour town"
    assert package.decks[anki_deck_id("other")] == "News::quiz::Other news"
    assert package.notes[note_guid("other", "a")].card_decks == (anki_deck_id("other"),)


def test_no_temporary_files_are_left(
    tmp_path: Path, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert tempfile.gettempdir() == str(temp)
    for stamp in (T0, T0 + 1):
        write_apkg([deck], out_dir / "deck.apkg", timestamp=stamp)
    assert list(temp.iterdir()) == []
    assert [p.name for p in out_dir.iterdir()] == ["deck.apkg"]


def test_failed_write_leaves_the_old_package_whole(
    tmp_path: Path, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"previous package")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(QuizError, match="No space left on device") as caught:
        write_apkg([deck], out, timestamp=T0)
    assert caught.value.path == str(out)
    assert out.read_bytes() == b"previous package"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_interrupted_write_removes_its_temporary_file(
    tmp_path: Path, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_apkg([deck], tmp_path / "deck.apkg", timestamp=T0)
    assert list(tmp_path.iterdir()) == []


def test_invalid_deck_leaves_the_old_package_untouched(tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(b"previous package")
    bad = Deck(id="d", title="D", questions=(Question("c", "cloze", "no gap", ""),))
    with pytest.raises(QuizError, match="no deletion"):
        write_apkg([bad], out, timestamp=T0)
    assert out.read_bytes() == b"previous package"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/deck.apkg", "the folder does not exist"),
        ("a-file/deck.apkg", "cannot write: Not a directory"),
        ("a-folder.apkg", "is a folder"),
    ],
)
def test_unwritable_targets(tmp_path: Path, deck: Deck, target: str, message: str) -> None:
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder.apkg").mkdir()
    with pytest.raises(QuizError, match=message):
        write_apkg([deck], tmp_path / target, timestamp=T0)


def test_written_package_is_readable_by_everyone_the_umask_allows(
    tmp_path: Path, deck: Deck
) -> None:
    old = os.umask(0o022)
    try:
        write_apkg([deck], tmp_path / "d.apkg", timestamp=T0)
    finally:
        os.umask(old)
    assert (tmp_path / "d.apkg").stat().st_mode & 0o777 == 0o644


# Timestamps ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "previous", "expected"),
    [
        (T0 + 0.9, None, T0),
        (T0 + 0.9, T0 - 5, T0),
        (T0 + 0.9, T0, T0 + 1),  # the same second as the last export
        (T0 + 0.1, T0 + 7, T0 + 8),  # the clock went back
    ],
)
def test_next_timestamp(now: float, previous: int | None, expected: int) -> None:
    assert next_timestamp(now, previous) == expected


def test_reserved_timestamps_always_move_forward(tmp_path: Path) -> None:
    state = tmp_path / "state" / "anki-export.json"
    stamps = [reserve_timestamp(state, T0 + 0.5) for _ in range(3)]
    assert stamps == [T0, T0 + 1, T0 + 2]
    assert reserve_timestamp(state, T0 - 100) == T0 + 3
    assert json.loads(state.read_text()) == {"last_timestamp": T0 + 3}
    assert reserve_timestamp(state, T0 + 60) == T0 + 60
    assert reserve_timestamp(state, T0 + 61, at_least_after=T0 + 500) == T0 + 501


def test_unreadable_or_unwritable_state_still_gives_a_timestamp(tmp_path: Path) -> None:
    state = tmp_path / "anki-export.json"
    state.write_text("not json")
    assert reserve_timestamp(state, T0) == T0
    assert reserve_timestamp(state, T0) == T0 + 1
    blocked = tmp_path / "a-file" / "anki-export.json"
    (tmp_path / "a-file").write_text("x")
    assert reserve_timestamp(blocked, T0, at_least_after=T0 + 3) == T0 + 4


def test_package_timestamp(tmp_path: Path, deck: Deck) -> None:
    write_apkg([deck], tmp_path / "d.apkg", timestamp=T0 + 42)
    assert package_timestamp(tmp_path / "d.apkg") == T0 + 42
    (tmp_path / "junk.apkg").write_bytes(b"not a zip")
    assert package_timestamp(tmp_path / "junk.apkg") is None
    assert package_timestamp(tmp_path / "missing.apkg") is None


class _GenankiNote(genanki.Note):  # type: ignore[misc]
    """genanki's own note, with the cards quiz decided (as the exporter did before bulk rows)."""

    def __init__(self, *, card_ords: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._card_ords = card_ords

    @property
    def cards(self) -> list[genanki.Card]:
        return [genanki.Card(ord_) for ord_ in self._card_ords]


def _genanki_rows(anki_decks: list[AnkiDeck], timestamp: int) -> sqlite3.Connection:
    due = itertools.count()
    decks = []
    for anki_deck in anki_decks:
        g_deck = genanki.Deck(anki_deck.deck_id, anki_deck.name)
        for note in anki_deck.notes:
            g_deck.add_note(
                _GenankiNote(
                    card_ords=note.card_ords,
                    model=_MODELS[note.kind],
                    fields=list(note.fields),
                    tags=note.tags,
                    guid=note.guid,
                    due=next(due),
                )
            )
        decks.append(g_deck)
    conn = sqlite3.connect(":memory:")
    genanki.Package(decks).write_to_db(conn.cursor(), timestamp, itertools.count(timestamp * 1000))
    return conn


def test_bulk_rows_are_the_rows_genanki_writes(make_deck: Callable[..., Deck]) -> None:
    two = make_deck(prompt_suffix=" {{c2::again}}")
    decks = [make_deck(), Deck(id="second", title="Second", questions=two.questions)]
    anki_decks = to_anki_decks(decks, include_suspended=True)
    ours = sqlite3.connect(":memory:")
    write_collection(ours.cursor(), anki_decks, timestamp=T0)
    theirs = _genanki_rows(anki_decks, T0)
    assert sum(len(note.card_ords) for note in anki_decks[1].notes) > len(anki_decks[1].notes)
    for table in ("col", "notes", "cards", "revlog", "graves", "sqlite_master"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert ours.execute(query).fetchall() == theirs.execute(query).fetchall(), table


@pytest.mark.parametrize("enabled", [True, False])
def test_writing_leaves_the_garbage_collector_as_it_was(
    tmp_path: Path, deck: Deck, enabled: bool
) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        write_apkg([deck], tmp_path / "deck.apkg", timestamp=T0)
        assert gc.isenabled() is enabled
        with pytest.raises(QuizError):
            write_apkg([Deck(id="empty", title="Empty")], tmp_path / "empty.apkg", timestamp=T0)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
