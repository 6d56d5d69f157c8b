"""Exported packages imported into a fresh collection by the real Anki backend (the `anki` package).

The import is the one Anki desktop's import dialog makes, with its default options: notes and note
types are updated "if newer", without scheduling.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from anki.errors import TemplateError

from quiz.cli import main
from quiz.decks import read_deck
from quiz.export.anki import anki_deck_name, note_guid, write_apkg
from quiz.export.notetypes import NOTE_TYPES
from quiz.model import Deck, DeckSource, Question, SourceRef

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DECK_FILES = sorted((ROOT / "tests" / "data" / "decks").glob("*.yaml")) + sorted(
    (ROOT / "decks").glob("*.yaml")
)
"""The test decks and the bundled decks (when there are any)."""

_TYPE_BOX = "[[type:Answer]]"
"""What Anki's renderer leaves for the reviewer to replace with the type-in box and comparison."""


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A new, empty Anki collection."""
    (tmp_path / "collection").mkdir()
    col = Collection(str(tmp_path / "collection" / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_package(col: Collection, path: Path) -> Any:
    """Import `path` as Anki desktop does by default; returns the import log."""
    options = col._backend.get_import_anki_package_presets()
    response = col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path.resolve()), options=options)
    )
    col._clear_caches()  # the note type cache does not see what the import changed
    return response.log


def expected_cards(deck: Deck, question_id: str) -> int:
    question = next(q for q in deck.questions if q.id == question_id)
    if question.kind == "cloze":
        return len(set(re.findall(r"\{\{c(\d+)::", question.prompt)))
    return 1


def check_collection(
    col: Collection, decks: list[Deck], parent: str, scan_html: Callable[[str], list[str]]
) -> None:
    """Everything the exported decks should have become, checked in the collection."""
    exported = {
        note_guid(deck.id, q.id): (deck, q)
        for deck in decks
        for q in deck.questions
        if not q.suspended
    }
    note_ids = col.find_notes("")
    assert len(note_ids) == len(exported)

    names = {name_id.name for name_id in col.decks.all_names_and_ids()}
    assert {anki_deck_name(deck, parent) for deck in decks} | {parent} <= names

    per_type: Counter[str] = Counter()
    for nid in note_ids:
        note = col.get_note(nid)
        deck, question = exported[note.guid]
        note_type = NOTE_TYPES[question.kind]
        notetype = note.note_type()
        assert notetype is not None
        assert (notetype["id"], notetype["name"]) == (note_type.model_id, note_type.name)
        assert notetype["type"] == (1 if note_type.cloze else 0)
        assert notetype["sortf"] == note_type.sort_field
        assert note.fields[0] == f"{deck.id}/{question.id}"  # Anki's duplicate key: unique
        per_type[notetype["name"]] += 1
        for name, value in note.items():
            assert scan_html(value) == [], (question.id, name, value)
        cards = note.cards()
        assert len(cards) == expected_cards(deck, question.id), question.id
        for card in cards:
            assert col.decks.name(card.did) == anki_deck_name(deck, parent)
            try:
                rendered = col._backend.render_existing_card(
                    card_id=card.id, browser=False, partial_render=True
                )
            except TemplateError as error:  # pragma: no cover - the failure message
                pytest.fail(f"{question.id}: template error {error}")
            assert not rendered.is_empty, question.id
            output = card.render_output()
            front, back = output.question_text, output.answer_text
            assert "quiz-prompt" in front and len(re.sub(r"<[^>]+>", "", front).strip()) > 10
            assert '<hr id="answer">' in back or "quiz-cloze" in back
            if question.kind == "short":
                assert back.count(_TYPE_BOX) == 1 and note["Answer"].strip()
            elif question.kind == "cloze":
                assert '<span class="cloze" data-ordinal="1">' in back
                assert "[...]" in front
            else:
                answer_part = back.split('<hr id="answer">', 1)[1]
                assert re.sub(r"<[^>]+>", "", answer_part).strip()
    assert per_type == Counter(NOTE_TYPES[q.kind].name for _, q in exported.values())
    # Anki's own card rules agree: Check Database would add no card and the Empty Cards tool
    # would remove none.
    before = col.card_count()
    col._backend.check_database()
    assert col.card_count() == before
    assert not col.get_empty_cards().notes


def test_every_kind_and_the_bundled_decks_import(
    tmp_path: Path,
    collection: Collection,
    deck: Deck,
    scan_html: Callable[[str], list[str]],
) -> None:
    decks = [deck]
    for path in DECK_FILES:
        loaded = read_deck(path)
        if loaded.id not in {d.id for d in decks}:  # a bundled copy of a test deck
            decks.append(loaded)
    assert {q.kind for d in decks for q in d.questions} == set(NOTE_TYPES)
    out = tmp_path / "all.apkg"
    write_apkg(decks, out, timestamp=1_700_000_000)
    log = import_package(collection, out)
    assert len(log.new) == sum(1 for d in decks for q in d.questions if not q.suspended)
    assert not (log.conflicting or log.missing_notetype or log.missing_deck)
    check_collection(collection, decks, "quiz", scan_html)


def test_reexport_updates_notes_in_place(
    tmp_path: Path,
    collection: Collection,
    scan_html: Callable[[str], list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.5)  # both exports in one second
    source = (ROOT / "tests" / "data" / "decks" / "harbour.yaml").read_text()
    deck_file = tmp_path / "harbour.yaml"
    deck_file.write_text(source)
    out = tmp_path / "harbour.apkg"
    assert main(["export", str(deck_file), "-o", str(out), "--parent", "News"]) == 0
    first = import_package(collection, out)
    assert len(first.new) == 8
    guid = note_guid("harbour-seawall", "q-homes")
    assert collection.db is not None
    nid = collection.db.scalar("SELECT id FROM notes WHERE guid = ?", guid)
    assert collection.get_note(nid)["Front"] == "How many homes will the new wall protect?"

    old_prompt = "How many homes will the new wall protect?"
    new_prompt = "How many homes will the rebuilt wall protect?"
    assert old_prompt in source
    deck_file.write_text(source.replace(old_prompt, new_prompt))
    assert main(["export", str(deck_file), "-o", str(out), "--parent", "News"]) == 0
    second = import_package(collection, out)

    # Anki applies every note that is newer, changed or not; none is skipped, added or refused.
    assert len(second.updated) == 8
    assert not (second.new or second.conflicting or second.duplicate)
    assert collection.note_count() == 8
    note = collection.get_note(nid)
    assert (note.guid, note["Front"]) == (guid, new_prompt)
    assert collection.find_notes(f'"Front:{old_prompt}"') == []
    check_collection(collection, [read_deck(deck_file)], "News", scan_html)


ANKI_TAGS = (
    "[sound:evil.mp3] [[type:Answer]] [anki:tts lang=en_US]Hi[/anki:tts] {{Source}} {{c2::x}}"
)
"""Text that Anki would read as media to play, a type-in box, speech, a field or a deletion."""


def tagged_deck() -> Deck:
    """One question of each kind with `ANKI_TAGS` in every piece of text a field is made of."""
    tag = ANKI_TAGS
    source = DeckSource(
        title=f"Title {tag}",
        authors=(f"Ann {tag}",),
        published=f"2024 {tag}",
        url="https://news.example/[sound:evil.mp3]",
    )
    ref = SourceRef(f"Said {tag}", 2)
    kinds = [
        Question(
            id="c",
            kind="cloze",
            # {{c2::x}} would be a second deletion here: quiz's own cloze syntax.
            prompt=f"A {tag[:-9]} {{{{c1::9 [sound:c.mp3]::hint {tag[:-9]}}}}}",
            answer="9",
        ),
        Question(id="s", kind="short", prompt=f"P {tag}", answer=f"A {tag}", accept=(f"B {tag}",)),
        Question(
            id="m",
            kind="choice",
            prompt=f"P {tag}",
            answer=f"Right {tag}",
            choices=(f"Right {tag}", f"Wrong {tag}"),
        ),
        Question(id="t", kind="truefalse", prompt=f"P {tag}", answer="true"),
        Question(id="o", kind="order", prompt=f"P {tag}", answer=(f"1 {tag}", f"2 {tag}")),
        Question(id="b", kind="basic", prompt=f"P {tag}", answer=f"A {tag}"),
    ]
    questions = tuple(replace(question, source=ref) for question in kinds)
    return Deck(id="tags", title="Tags", source=source, questions=questions)


def test_anki_tags_in_deck_text_stay_text(collection: Collection, tmp_path: Path) -> None:
    out = tmp_path / "tags.apkg"
    write_apkg([tagged_deck()], out, timestamp=1_700_000_000)
    import_package(collection, out)
    cards = [card for nid in collection.find_notes("") for card in collection.get_note(nid).cards()]
    assert len(cards) == 6
    for card in cards:
        kind = card.note().note_type()["name"]  # type: ignore[index]
        output = card.render_output()
        assert output.question_av_tags == [] and output.answer_av_tags == [], kind
        back = output.answer_text
        assert back.count(_TYPE_BOX) == (1 if kind == NOTE_TYPES["short"].name else 0), kind
        shown = html.unescape(re.sub(r"<[^>]+>", "", back))
        assert "[sound:evil.mp3] [[type:Answer]] [anki:tts lang=en_US]Hi[/anki:tts]" in shown
        assert "{{Source}}" in shown, kind  # field text is not read as template syntax
        assert len(card.note().cards()) == 1  # {{c2::x}} outside a deletion makes no card
    # Check Media finds no reference to a file (`[sound:...]` would be one, missing).
    media = collection.media.check()
    assert not media.missing and not media.unused, media
