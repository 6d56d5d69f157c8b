"""The decks in decks/ are exactly what `make decks` makes from content/ today."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.decks import dump_deck, read_deck
from quiz.generate import batch
from quiz.generate.batch import GenerateOptions

ROOT = Path(__file__).resolve().parent.parent
CONTENT = "content"
DECKS = ROOT / "decks"
STALE = "decks/ is out of date: run make decks and commit the result"


def content_sources() -> list[str]:
    """The sources `make decks` reads, named as it names them (relative to the project root)."""
    if not (ROOT / CONTENT).is_dir():
        return []
    return [
        str(Path(source).relative_to(ROOT)) for source in batch.find_sources([str(ROOT / CONTENT)])
    ]


SOURCES = content_sources()


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_there_are_bundled_articles_and_decks() -> None:
    assert SOURCES, "content/ holds no article"
    assert sorted(DECKS.glob("*.yaml")), STALE


@pytest.mark.slow
@pytest.mark.parametrize("source", SOURCES)
def test_a_bundled_deck_is_what_its_article_generates(source: str, at_root: None) -> None:
    deck = batch.generate_source(source, GenerateOptions())
    target = batch.deck_path(deck, DECKS)
    assert target.is_file(), f"{source} has no deck {target.name}: {STALE}"
    assert target.read_text(encoding="utf-8") == dump_deck(deck), f"{target.name}: {STALE}"


def test_each_article_has_exactly_one_deck(at_root: None) -> None:
    # Only the bundled decks (made from content/) are compared: decks a user generates into
    # decks/ from elsewhere are theirs.
    made_from = sorted(
        source
        for path in sorted(DECKS.glob("*.yaml"))
        if (source := read_deck(path).source.file) and Path(source).parts[:1] == (CONTENT,)
    )
    assert made_from == SOURCES, f"decks/ and content/ do not match one to one: {STALE}"
