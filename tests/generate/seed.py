"""The seed article as an Article, built by hand from ../shared/seed (clutter lines dropped)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from quiz.model import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seed" / "000_d73ef1872804ed67.txt"
SEED_GOLD = SHARED / "eval" / "seed-gold.yaml"
SCORE = SHARED / "eval" / "score.py"

_CLUTTER_PREFIXES = ("Published", "No Comment", "Table Of Content")


def seed_article() -> Article:
    """The seed: title, body paragraphs (one per long line), bios and publication date."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    title = lines[0]
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
        title=title,
        paragraphs=tuple(body),
        published=date(2025, 7, 28),
        bios=tuple(bios),
        file=str(SEED),
    )
