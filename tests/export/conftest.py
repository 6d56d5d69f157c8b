"""Shared helpers of the export tests, as fixtures: a deck with every kind of question, an .apkg
reader and an active-HTML scanner. Every test also gets its own data and cache folders."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quiz.model import Deck, DeckSource, Question, SourceRef

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> & <b>bold</b>'
"""Article text that would run or inject markup if it reached a field unescaped."""


def every_kind_deck(*, prompt_suffix: str = "") -> Deck:
    """A deck with one question of each kind, one suspended question and hostile text."""
    source = DeckSource(
        title="Harbour town votes",
        authors=("Mara Quinlan",),
        published="2024-03-14",
        url="https://news.example/harbour?a=1&b=2",
    )
    return Deck(
        id="harbour",
        title="Harbour town",
        source=source,
        questions=(
            Question(
                id="q-vote",
                kind="cloze",
                prompt="The council voted {{c1::9 to 2}} to rebuild the seawall." + prompt_suffix,
                answer="9 to 2",
                accept=("nine to two",),
                fact="number",
                source=SourceRef("The council voted 9 to 2 on Tuesday.", 1),
            ),
            Question(
                id="q-chair",
                kind="short",
                prompt="Who chairs the council's infrastructure committee?",
                answer="Elin Trask",
                accept=("Trask",),
                fact="person",
                tags=("people", "local politics"),
                source=SourceRef("“Not again,” said Elin Trask, the chair.", 3),
            ),
            Question(
                id="q-share",
                kind="choice",
                prompt="What share will the agency cover?",
                answer="60 percent",
                choices=("25 percent", "40 percent", "60 percent", "75 percent"),
                fact="number",
            ),
            Question(
                id="q-open",
                kind="truefalse",
                prompt="The harbour will close during the works.",
                answer="false",
                fact="event",
            ),
            Question(
                id="q-steps",
                kind="order",
                prompt="Put these in order.",
                answer=("Vote", "Bond", "Build"),
                choices=("Build", "Vote", "Bond"),
                fact="event",
            ),
            Question(
                id="q-homes",
                kind="basic",
                prompt="How many homes will the wall protect?",
                answer="430",
                fact="number",
                source=SourceRef(HOSTILE, 7),
            ),
            Question(
                id="q-hostile",
                kind="short",
                prompt=HOSTILE,
                answer='<a href="javascript:alert(1)">x</a>',
                accept=("<svg onload=alert(1)>",),
            ),
            Question(
                id="q-old",
                kind="basic",
                prompt="A question the reader suspended?",
                answer="Yes",
                suspended=True,
            ),
        ),
    )


@dataclass(frozen=True)
class PackageNote:
    """A note row of a package, with its cards."""

    guid: str
    model_id: int
    mod: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]
    card_ords: tuple[int, ...]
    card_decks: tuple[int, ...]


@dataclass(frozen=True)
class Package:
    """What an .apkg holds, read back with sqlite3."""

    names: tuple[str, ...]
    notes: dict[str, PackageNote]
    """By GUID."""
    models: dict[int, dict[str, object]]
    decks: dict[int, str]


def read_package(path: Path) -> Package:
    """Open an .apkg and read its notes, cards, note types and decks."""
    with zipfile.ZipFile(path) as archive:
        names = tuple(archive.namelist())
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    cards: dict[int, list[tuple[int, int]]] = {}
    for nid, ord_, did in conn.execute("SELECT nid, ord, did FROM cards ORDER BY ord"):
        cards.setdefault(nid, []).append((ord_, did))
    notes = {}
    for nid, guid, mid, mod, tags, flds in conn.execute(
        "SELECT id, guid, mid, mod, tags, flds FROM notes"
    ):
        assert guid not in notes, f"two notes share GUID {guid}"
        notes[guid] = PackageNote(
            guid=guid,
            model_id=mid,
            mod=mod,
            tags=tuple(tags.split()),
            fields=tuple(flds.split("\x1f")),
            card_ords=tuple(ord_ for ord_, _ in cards.get(nid, [])),
            card_decks=tuple(did for _, did in cards.get(nid, [])),
        )
    models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
    conn.close()
    models = {int(key): value for key, value in json.loads(models_json).items()}
    decks = {int(key): value["name"] for key, value in json.loads(decks_json).items()}
    return Package(names=names, notes=notes, models=models, decks=decks)


class _ActiveHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "form", "svg", "img", "style", "link"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src") and not (value or "").lower().startswith(
                ("http://", "https://")
            ):
                self.found.append(f"{tag} {name}={value!r}")

    handle_startendtag = handle_starttag


def active_html(text: str) -> list[str]:
    """Elements and attributes in `text` that could run script, load content or restyle a card."""
    scanner = _ActiveHtml()
    scanner.feed(text)
    scanner.close()
    return scanner.found


@pytest.fixture(autouse=True)
def _private_data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the export timestamp record and the deck cache out of the user's folders."""
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZ_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def deck() -> Deck:
    """The every-kind deck."""
    return every_kind_deck()


@pytest.fixture
def make_deck() -> Callable[..., Deck]:
    """`every_kind_deck`, to build edited copies."""
    return every_kind_deck


@pytest.fixture
def read_apkg() -> Callable[[Path], Package]:
    """`read_package`."""
    return read_package


@pytest.fixture
def scan_html() -> Callable[[str], list[str]]:
    """`active_html`."""
    return active_html
