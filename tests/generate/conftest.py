"""Fixtures for the generator's tests: the language model (loaded once), hand-built articles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from quiz.model import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seed" / "000_d73ef1872804ed67.txt"
SEED_GOLD = SHARED / "eval" / "seed-gold.yaml"
SCORE = SHARED / "eval" / "score.py"
ROOT = Path(__file__).resolve().parents[2]

_CLUTTER_PREFIXES = ("Published", "No Comment", "Table Of Content")


def seed_article() -> Article:
    """The seed as the reader would give it: body paragraphs, bios apart, clutter dropped."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body: list[str] = []
    bios: list[str] = []
    for line in lines[1:]:
        if not line or line.startswith(_CLUTTER_PREFIXES) or "Photo Credit" in line:
            continue
        if len(line.split()) < 6:  # section headings
            continue
        if " is Vice President" in line or " is Fellow" in line:
            bios.append(line)
            continue
        body.append(line)
    return Article(
        title=lines[0],
        paragraphs=tuple(body),
        published=date(2025, 7, 28),
        bios=tuple(bios),
        file=str(SEED),
    )


@pytest.fixture(scope="session")
def nlp() -> object:
    """The English pipeline, loaded once for the session."""
    from quiz.generate.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def article_facts(nlp: object) -> Callable[..., list]:  # type: ignore[type-arg]
    """Extract the facts of paragraphs given as strings (the model is loaded once)."""
    from quiz.generate.pipeline import extract_facts

    def run(
        *paragraphs: str, published: date | None = date(2024, 6, 1), bios: tuple[str, ...] = ()
    ) -> list:  # type: ignore[type-arg]
        article = Article(title="Test", paragraphs=paragraphs, published=published, bios=bios)
        return extract_facts(article)

    return run


@pytest.fixture(scope="session")
def seed() -> Article:
    """The seed article; the test is skipped when ../shared is absent."""
    if not SEED.exists():
        pytest.skip("the shared seed article is not available")
    return seed_article()
