"""Decks to Anki packages (.apkg) that current Anki imports and later updates in place.

What makes a re-export update the learner's notes instead of duplicating them:

* each note's GUID comes from (deck id, question id), never from its text, so edits keep it;
* the note types have fixed ids and frozen field lists (see `quiz.export.notetypes`);
* every note carries the export `timestamp` as its mtime, and Anki's default import only applies
  a note that is newer than its copy: the caller passes a timestamp later than the last export's
  (`quiz.export.stamp`).

Everything taken from a deck is HTML-escaped: no article text can become markup or script, nor
an Anki media or type-in tag (`[sound:...]`).
This is the only module that imports genanki.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import itertools
import json
import re
import sqlite3
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

import genanki

from quiz.errors import QuizError, without_controls
from quiz.export.notetypes import CSS, NOTE_TYPES, NoteType
from quiz.files import is_regular_file, write_bytes_atomic
from quiz.gc_pause import gc_paused
from quiz.language import MONTHS
from quiz.model import FALSE, TRUE, Deck, DeckSource, Question, QuestionKind

GUID_NAMESPACE: Final = "quiz"
"""First part of every note GUID: guid_for("quiz", deck id, question id). Never change it."""

SUSPENDED_TAG: Final = "suspended"
"""Tag of suspended questions exported with `include_suspended`."""

_BASE91: Final = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
"""Anki's GUID alphabet, as in genanki.util.BASE91_TABLE."""
_BASE91_PAIRS: Final = tuple(high + low for high in _BASE91 for low in _BASE91)
_CLOZE_RE: Final = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
_COLONS_RE: Final = re.compile(r":{2,}")
_SAFE_URL_RE: Final = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AnkiNote:
    """One note as it goes into the package: plain data, before genanki."""

    kind: QuestionKind
    guid: str
    fields: tuple[str, ...]
    """Field HTML, in the order of the kind's note type fields."""
    tags: tuple[str, ...]
    card_ords: tuple[int, ...]
    """The cards of the note, by template number; a cloze has one per deletion number (c1 -> 0)."""

    @property
    def cards(self) -> int:
        """How many cards the note makes."""
        return len(self.card_ords)


@dataclass(frozen=True, slots=True)
class AnkiDeck:
    """One Anki deck of the package: a quiz deck under the parent deck."""

    deck_id: int
    name: str
    notes: tuple[AnkiNote, ...]
    left_out: int
    """Suspended questions not exported."""


def note_guid(deck_id: str, question_id: str) -> str:
    """The note GUID of a question: stable across exports and edits of its text.

    The value is `genanki.guid_for("quiz", deck_id, question_id)` (the tests hold the two equal),
    computed without genanki's byte-by-byte Python loop, which costs a third of an export's own time.
    """
    key = f"{GUID_NAMESPACE}__{deck_id}__{question_id}".encode()
    value = int.from_bytes(hashlib.sha256(key).digest()[:8], "big")
    # 64 bits are at most 10 base-91 digits: 5 pairs, the first below 91 * 91 (91**10 > 2**64).
    value, p5 = divmod(value, 8281)
    value, p4 = divmod(value, 8281)
    value, p3 = divmod(value, 8281)
    p1, p2 = divmod(value, 8281)
    pairs = _BASE91_PAIRS
    # Digit 0 is "a": genanki writes no leading zero digits.
    return (pairs[p1] + pairs[p2] + pairs[p3] + pairs[p4] + pairs[p5]).lstrip("a")


def anki_deck_id(deck_id: str) -> int:
    """A stable Anki deck id for a quiz deck id, in [2**30, 2**31): never Anki's Default deck (1)."""
    digest = hashlib.sha256(f"quiz-deck\x1f{deck_id}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def anki_deck_name(deck: Deck, parent: str) -> str:
    """`parent::Title`; a run of colons inside the title (`::`, `:::`...) would make a sub-deck, so
    it becomes one `:`, and colons at its ends go (Anki drops them). The parent's `::` do make
    sub-decks (that is what they are for). Escape sequences and control characters, which Anki
    would strip, go too, so the name is the one Anki shows.
    """
    title = _COLONS_RE.sub(":", without_controls(deck.title)).strip(" :")
    if not title:
        title = _COLONS_RE.sub(":", deck.id).strip(" :") or "deck"
    parts = [
        part.strip(" :") for part in _COLONS_RE.split(without_controls(parent)) if part.strip(" :")
    ]
    return "::".join([*parts, title])


def note_tags(deck: Deck, question: Question) -> tuple[str, ...]:
    """`quiz`, the deck id, the fact type, the kind, then the question's own tags; no spaces."""
    raw = ("quiz", deck.id, question.fact, question.kind, *question.tags)
    tags: dict[str, None] = {}
    for tag in raw:
        clean = "_".join(tag.split())
        if clean:
            tags[clean] = None
    return tuple(tags)


def _esc(text: str) -> str:
    """Escape text content: &, < and > as HTML needs, and [ as `&#91;`.

    Quotes matter inside attributes alone, and left as typed they keep Anki's search and type-in
    comparison on the plain text. Anki reads `[sound:...]`, `[anki:tts]` and `[[type:...]]` in a
    card's rendered text as media to play and type-in boxes, escaped or not; `&#91;` shows as "["
    but starts no such tag. (Field text is not read as template syntax: `{{` needs nothing.)
    """
    # html.escape(text, quote=False), written out: it is called some 70,000 times per 10,000 notes.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("[", "&#91;")
    )


def _attribute(text: str) -> str:
    """Escape an attribute value (quotes included), with [ as `&#91;` like text (`_esc`)."""
    return html.escape(text, quote=True).replace("[", "&#91;")


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept, outer spaces trimmed."""
    return _escape_lines(text.strip())


def _escape_lines(text: str) -> str:
    escaped = _esc(text)
    if "\n" in escaped or "\r" in escaped:
        escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return escaped


def cloze_html(prompt: str, *, question_id: str, deck_path: str | Path | None = None) -> str:
    """A cloze prompt as HTML: text and deletions escaped, the `{{cN::answer::hint}}` marks kept.

    Raises:
        QuizError: the prompt has no deletion, or an empty one.
    """
    parts: list[str] = []
    numbers: set[int] = set()
    end = 0
    for match in _CLOZE_RE.finditer(prompt):
        number = int(match.group(1))
        answer, _, hint = match.group(2).partition("::")
        if number < 1 or not answer.strip():
            raise QuizError(
                f"question {question_id}: cloze deletion {match.group(0)!r} is empty; "
                "write the hidden words inside it: {{c1::answer}}",
                path=deck_path,
            )
        numbers.add(number)
        parts.append(_escape_lines(prompt[end : match.start()]))
        mark = f"{{{{c{number}::{_esc(answer.strip())}"
        if hint.strip():
            mark += f"::{_esc(hint.strip())}"
        parts.append(mark + "}}")
        end = match.end()
    if not numbers:
        raise QuizError(
            f"question {question_id}: cloze has no deletion; mark the hidden words as {{{{c1::answer}}}}",
            path=deck_path,
        )
    parts.append(_escape_lines(prompt[end:]))
    return "".join(parts).strip()  # spaces around deletions stay; only the outer ends go


def _list_html(items: Iterable[str], *, tag: str, attrs: str = "", right: str | None = None) -> str:
    rows = []
    for item in items:
        if right is not None and item == right:
            rows.append(f'<li class="quiz-right"><b>{_esc(item)}</b> ✓</li>')
        else:
            rows.append(f"<li>{_esc(item)}</li>")
    return f"<{tag}{attrs}>{''.join(rows)}</{tag}>"


def _source_html(question: Question, about: str) -> str:
    """The Source field: the article's sentence, then `about` (title linked, authors, date), then
    the paragraph."""
    sentence = question.source.sentence.strip()
    quote = f"<blockquote>{_escape_lines(sentence)}</blockquote>" if sentence else ""
    paragraph = question.source.paragraph
    if paragraph is not None:
        about = f"{about} · paragraph {int(paragraph)}" if about else f"paragraph {int(paragraph)}"
    return f'{quote}<div class="quiz-article">{about}</div>' if about else quote


@functools.lru_cache(maxsize=64)
def _article_html(source: DeckSource, deck_title: str) -> str:
    # The same for every question of a deck: made once per deck, not once per note.
    about = []
    title = _esc(source.title.strip() or deck_title.strip())
    url = source.url.strip()
    if title and _SAFE_URL_RE.fullmatch(url):
        about.append(f'<a href="{_attribute(url)}">{title}</a>')
    elif title:
        about.append(title)
    authors = ", ".join(a.strip() for a in source.authors if a.strip())
    if authors:
        about.append(_esc(authors))
    if source.published.strip():
        about.append(_esc(_show_date(source.published.strip())))
    return " · ".join(about)


def _show_date(text: str) -> str:
    """ "2024-03-14" -> "14 March 2024" (the same in every locale); other text as it is."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def note_fields(
    deck: Deck, question: Question, *, deck_path: str | Path | None = None
) -> tuple[str, ...]:
    """The field HTML of a question's note, in the order of its note type's fields.

    Raises:
        QuizError: the question cannot make a card (empty prompt, bad cloze, answer not among choices).
    """
    about = _article_html(deck.source, deck.title)
    return _note_fields(deck.id, question, about, deck_path)


def _note_fields(
    deck_id: str, question: Question, about: str, deck_path: str | Path | None
) -> tuple[str, ...]:
    # `about` is the deck's `_article_html`: the same for every note, made once per deck.
    return (_esc(f"{deck_id}/{question.id}"), *_card_fields(question, about, deck_path))


def _card_fields(question: Question, about: str, deck_path: str | Path | None) -> tuple[str, ...]:
    if not question.prompt.strip():
        raise QuizError(f"question {question.id}: the prompt is empty", path=deck_path)
    accepted = (
        " · ".join(_esc(alt.strip()) for alt in question.accept if alt.strip())
        if question.accept
        else ""
    )
    source = _source_html(question, about)
    kind = question.kind
    if kind == "cloze":
        return (
            cloze_html(question.prompt, question_id=question.id, deck_path=deck_path),
            accepted,
            source,
        )
    prompt = text_html(question.prompt)
    answer = question.answer
    if kind == "order":
        items = answer if isinstance(answer, tuple) else (answer,)
        shown = question.choices or tuple(sorted(items, key=str.casefold))
        return (
            prompt,
            _list_html(shown, tag="ul"),
            _list_html(items, tag="ol"),
            accepted,
            source,
        )
    text = " > ".join(answer) if isinstance(answer, tuple) else answer
    if not text.strip():
        raise QuizError(f"question {question.id}: the answer is empty", path=deck_path)
    if kind == "short":
        return (prompt, _esc(text.strip()), accepted, source)
    if kind == "choice":
        if text not in question.choices:
            raise QuizError(
                f"question {question.id}: the answer {text!r} is not among its choices",
                path=deck_path,
            )
        return (
            prompt,
            _list_html(question.choices, tag="ol", attrs=' type="A"'),
            _esc(text.strip()),
            _list_html(question.choices, tag="ol", attrs=' type="A"', right=text),
            accepted,
            source,
        )
    if kind == "truefalse":
        truth = text.strip().lower()
        if truth not in (TRUE, FALSE):
            raise QuizError(
                f"question {question.id}: a true/false answer must be true or false",
                path=deck_path,
            )
        return (prompt, "True" if truth == TRUE else "False", accepted, source)
    return (prompt, text_html(text), accepted, source)


def question_line(path: Path, question_id: str) -> int | None:
    """The 1-based line of `id: question_id` in a deck file, or None if it cannot be found."""
    pattern = re.compile(rf"^\s*(?:-\s*)?id:\s*[\"']?{re.escape(question_id)}[\"']?\s*(?:#.*)?$")
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return None


def cloze_numbers(text: str) -> set[int]:
    """The deletion numbers of cloze field text."""
    return {int(match.group(1)) for match in _CLOZE_RE.finditer(text)}


def to_anki_deck(
    deck: Deck,
    *,
    parent: str = "quiz",
    include_suspended: bool = False,
    deck_path: str | Path | None = None,
) -> AnkiDeck:
    """A quiz deck as an Anki deck: one note per question, suspended ones left out unless asked.

    Raises:
        QuizError: a question cannot be exported; the message names `deck_path` and its id.
    """
    notes = []
    seen: set[str] = set()
    left_out = 0
    about = _article_html(deck.source, deck.title)
    tag_sets: dict[tuple[str, str, tuple[str, ...]], tuple[str, ...]] = {}
    for question in deck.questions:
        if question.suspended and not include_suspended:
            left_out += 1
            continue
        if question.id in seen:
            raise QuizError(f"question id {question.id!r} appears twice", path=deck_path)
        seen.add(question.id)
        try:
            fields = _note_fields(deck.id, question, about, deck_path)
        except QuizError as error:
            if deck_path is not None and error.line is None:
                error.line = question_line(Path(deck_path), question.id)
            raise
        tag_key = (question.fact, question.kind, question.tags)
        tags = tag_sets.get(tag_key)
        if tags is None:  # the same few sets of tags over and over: made once each
            tags = tag_sets[tag_key] = note_tags(deck, question)
        if question.suspended:
            tags = (*tags, SUSPENDED_TAG)
        ords = (
            tuple(sorted(n - 1 for n in cloze_numbers(fields[1])))
            if question.kind == "cloze"
            else (0,)
        )
        notes.append(
            AnkiNote(
                kind=question.kind,
                guid=note_guid(deck.id, question.id),
                fields=fields,
                tags=tags,
                card_ords=ords,
            )
        )
    return AnkiDeck(
        deck_id=anki_deck_id(deck.id),
        name=anki_deck_name(deck, parent),
        notes=tuple(notes),
        left_out=left_out,
    )


def to_anki_decks(
    decks: Sequence[Deck],
    *,
    parent: str = "quiz",
    include_suspended: bool = False,
    paths: Mapping[str, str | Path] | None = None,
) -> list[AnkiDeck]:
    """Every deck as an Anki deck; `paths` maps deck ids to their files, for error messages.

    Raises:
        QuizError: two decks share an id (their notes would share GUIDs), or a question is invalid.
    """
    paths = paths or {}
    seen: dict[str, int] = {}
    result = []
    for index, deck in enumerate(decks):
        if deck.id in seen:
            other = paths.get(deck.id) or f"deck {seen[deck.id] + 1}"
            raise QuizError(
                f"deck id {deck.id!r} is also the id of {other}; give each deck its own `id`",
                path=paths.get(deck.id),
            )
        seen[deck.id] = index
        result.append(
            to_anki_deck(
                deck,
                parent=parent,
                include_suspended=include_suspended,
                deck_path=paths.get(deck.id),
            )
        )
    return result


# genanki ---------------------------------------------------------------------------------------


def _model(note_type: NoteType) -> genanki.Model:
    return genanki.Model(
        note_type.model_id,
        note_type.name,
        fields=[{"name": name} for name in note_type.fields],
        templates=[{"name": "Card", "qfmt": note_type.front, "afmt": note_type.back}],
        css=CSS,
        sort_field_index=note_type.sort_field,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )


_MODELS: Final[dict[QuestionKind, genanki.Model]] = {
    kind: _model(note_type) for kind, note_type in NOTE_TYPES.items()
}


_NOTE_ROW: Final = "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);"
_CARD_ROW: Final = "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);"
"""genanki's own statements (genanki.Note.write_to_db, genanki.Card.write_to_db)."""


def write_collection(
    cursor: sqlite3.Cursor, anki_decks: Sequence[AnkiDeck], *, timestamp: int
) -> None:
    """Write the decks into an empty database: the rows of genanki's `Package.write_to_db`.

    genanki writes the schema, the collection row, the decks and the note types. The notes and
    cards are the rows genanki writes for each `Note` and `Card`, with the same ids from the same
    counter (each note, then its cards, in deck order), inserted in two bulk statements instead of
    one statement per row through genanki's objects, which cost half of an export's own time.

    The cards are the ones quiz computed (`AnkiNote.card_ords`), not genanki's: genanki works out
    a cloze note's cards with regexes that miss empty or absent deletions, and other notes' cards
    by rendering the front with chevron, which knows none of Anki's filters (`type:` renders
    empty), so it may require fields that Anki does not. Deciding the cards here makes them
    exactly Anki's. New cards come in deck order (`due` counts up across the decks).
    """
    ids = itertools.count(timestamp * 1000)
    g_decks = []
    for anki_deck in anki_decks:
        g_deck = genanki.Deck(anki_deck.deck_id, anki_deck.name)
        for kind in dict.fromkeys(note.kind for note in anki_deck.notes):
            g_deck.add_model(_MODELS[kind])  # the order genanki's Deck.write_to_db adds them in
        g_decks.append(g_deck)
    genanki.Package(g_decks).write_to_db(cursor, timestamp, ids)

    note_rows = []
    card_rows = []
    due = 0
    for anki_deck in anki_decks:
        deck_id = anki_deck.deck_id
        for note in anki_deck.notes:
            note_type = NOTE_TYPES[note.kind]
            fields = note.fields
            if len(fields) != len(note_type.fields):
                raise ValueError(
                    f"note {note.guid}: {len(fields)} fields for the "
                    f"{len(note_type.fields)} of {note_type.name!r}"
                )
            note_id = next(ids)
            note_rows.append(
                (
                    note_id,
                    note.guid,
                    note_type.model_id,
                    timestamp,
                    -1,
                    f" {' '.join(note.tags)} ",
                    "\x1f".join(fields),
                    fields[note_type.sort_field],
                    0,
                    0,
                    "",
                )
            )
            for ord_ in note.card_ords:
                card_rows.append(
                    (next(ids), note_id, deck_id, ord_, timestamp, -1, 0, 0, due) + _CARD_ZEROS
                )
            due += 1
    cursor.executemany(_NOTE_ROW, note_rows)
    cursor.executemany(_CARD_ROW, card_rows)


_CARD_ZEROS: Final = (0, 0, 0, 0, 0, 0, 0, 0, "")
"""A new card's ivl, factor, reps, lapses, left, odue, odid, flags and data."""


def package_bytes(anki_decks: Sequence[AnkiDeck], *, timestamp: int) -> bytes:
    """The .apkg file of the decks, built in memory.

    This is genanki's `write_to_file` without its temporary SQLite file (which it never deletes):
    the collection is written (`write_collection`) into an in-memory database.
    """
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        cursor = conn.cursor()
        write_collection(cursor, anki_decks, timestamp=timestamp)
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        out.writestr("collection.anki2", collection)
        out.writestr("media", json.dumps({}))
    return buffer.getvalue()


def write_apkg(
    decks: Sequence[Deck],
    path: Path,
    *,
    timestamp: int,
    parent: str = "quiz",
    include_suspended: bool = False,
    paths: Mapping[str, str | Path] | None = None,
) -> list[AnkiDeck]:
    """Write `decks` to the Anki package `path`, atomically, and return what went in.

    Args:
        timestamp: the notes' mtime (Unix seconds); must be later than the previous export's
            for Anki to apply changes (see `quiz.export.stamp.next_timestamp`).
        parent: the Anki deck the decks go under ("" for top level).
        include_suspended: export suspended questions too (tagged `suspended`).
        paths: deck id -> deck file, named in error messages.

    Raises:
        QuizError: a deck cannot be exported, or `path` cannot be written. The target is either
            left as it was or replaced whole, never half written.
    """
    with gc_paused():  # tens of thousands of fields, notes and rows, and no garbage cycles
        anki_decks = to_anki_decks(
            decks, parent=parent, include_suspended=include_suspended, paths=paths
        )
        if not any(deck.notes for deck in anki_decks):
            hint = (
                " (every question is suspended: --include-suspended adds them)"
                if any(deck.left_out for deck in anki_decks)
                else ""
            )
            raise QuizError(f"nothing to export: no questions{hint}", path=path)
        data = package_bytes(anki_decks, timestamp=timestamp)
    if path.is_dir():
        raise QuizError("is a folder; give a file name ending in .apkg", path=path)
    write_bytes_atomic(path, data, make_folder=False)
    return anki_decks


MAX_PACKAGE_COLLECTION: Final = 512 * 2**20
"""A package being replaced is read for its stamp only if its collection is at most this large
(uncompressed): a 100,000-question package holds well under 100 MB."""


def package_timestamp(path: Path) -> int | None:
    """The newest note mtime in an existing .apkg, or None if there is no readable package.

    Only a regular file is read (never a device or pipe named as the output), at most
    MAX_PACKAGE_COLLECTION bytes of it however much it claims or inflates to. A damaged package
    (encrypted, corrupt, unknown compression, not Anki's) and a stamp that is not a valid
    timestamp (`quiz.export.stamp.valid_timestamp`) count as none: the export then replaces it.
    """
    from quiz.export.stamp import valid_timestamp

    if not is_regular_file(path):
        return None
    try:
        data = _read_collection(path)
        if data is None:
            return None
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(data)
            row = conn.execute("SELECT max(mod) FROM notes").fetchone()
        finally:
            conn.close()
    except (
        OSError,
        EOFError,
        KeyError,
        ValueError,
        OverflowError,
        RuntimeError,  # zipfile: encrypted entry
        NotImplementedError,  # zipfile: unknown compression method
        zipfile.BadZipFile,
        zlib.error,
        sqlite3.Error,
    ):
        return None
    return valid_timestamp(row[0] if row else None)


def _read_collection(path: Path) -> bytes | None:
    """The `collection.anki2` of a package, or None if it is missing, encrypted or too large."""
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("collection.anki2")
        if info.flag_bits & 0x1 or info.file_size > MAX_PACKAGE_COLLECTION:
            return None
        chunks: list[bytes] = []
        size = 0
        with package.open(info) as stream:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > MAX_PACKAGE_COLLECTION:  # inflates past what the header claims
                    return None
                chunks.append(chunk)
        return b"".join(chunks)
