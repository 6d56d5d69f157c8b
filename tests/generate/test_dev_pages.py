"""Every real page of the shared development set makes a deck that passes `quiz check`, and the
deck holds no question about the page itself (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.decks import check_deck, dump_deck
from quiz.errors import QuizError
from quiz.generate.article import read_source
from quiz.generate.pipeline import generate_deck

from .conftest import SHARED

pytestmark = pytest.mark.slow

PAGES = SHARED / "eval" / "dev" / "pages"
HTML = sorted(PAGES.glob("*.html")) if PAGES.is_dir() else []


@pytest.mark.skipif(not HTML, reason="the development pages are not available")
@pytest.mark.parametrize("page", HTML, ids=lambda p: p.stem)
def test_a_real_page_gives_a_valid_deck(page: Path, tmp_path: Path, nlp: object) -> None:
    try:
        article = read_source(str(page))
    except QuizError as error:  # a page quiz declines to read (another language) says why
        assert "\n" not in str(error) and str(error)
        return
    deck = generate_deck(article)
    target = tmp_path / "deck.yaml"
    target.write_text(dump_deck(deck), encoding="utf-8")
    assert check_deck(target) == []
    ids = [q.id for q in deck.questions]
    assert len(ids) == len(set(ids))
    prompts = [q.prompt.casefold() for q in deck.questions]
    assert len(prompts) == len(set(prompts)), "the same question twice"
