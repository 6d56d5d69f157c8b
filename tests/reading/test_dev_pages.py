"""`quiz read` scored on the development pages (../shared/eval/dev), when they are there.

The floors are the figures the reader reached; a change that reads these pages worse fails here. Body:
word 4-gram F1 against the hand-cleaned text, averaged over pages. Metadata: the title (same words, or
word F1 >= 0.9), the day, the authors (every listed one found, nothing extra), as the dataset gives them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quiz.commands.read import article_to_dict
from quiz.errors import QuizError
from quiz.reading import read_source

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev"
BODY_F1_FLOOR = 0.974
TITLES_FLOOR = 58
DATES_FLOOR = 55
AUTHORS_FLOOR = 50

pytestmark = pytest.mark.skipif(
    not (DEV / "pages.json").exists(), reason="the development pages are not here"
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").lower())


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _words(text)
    return Counter(tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 1)))


def _f1(truth: str, found: str) -> float:
    expected, got = _shingles(truth), _shingles(found)
    common = sum((expected & got).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def _same_title(found: str, wanted: str) -> bool:
    a, b = Counter(_words(found)), Counter(_words(wanted))
    common = sum((a & b).values())
    return a == b or (
        bool(a) and bool(b) and 2 * common / (sum(a.values()) + sum(b.values())) >= 0.9
    )


def _same_authors(found: list[str], wanted: str) -> bool:
    names = [name.strip() for name in re.split(r",| and ", wanted) if name.strip()]
    plain = [" ".join(_words(name)) for name in found]
    return len(found) <= len(names) and all(
        any(" ".join(_words(name)) in got or got in " ".join(_words(name)) for got in plain)
        for name in names
    )


def test_the_dev_pages_read_at_least_as_well_as_before() -> None:
    pages: list[dict[str, Any]] = json.loads((DEV / "pages.json").read_text())
    scores: list[float] = []
    titles = dates = authors = 0
    for page in pages:
        try:
            data = article_to_dict(read_source(str(DEV / page["page"]), english_only=False))
        except QuizError:
            scores.append(0.0)
            continue
        scores.append(_f1(page["text"], data["text"]))
        titles += _same_title(data["title"], page["title"])
        dates += bool(page.get("date")) and (data["published"] or "") == page["date"][:10]
        authors += bool(page.get("authors")) and _same_authors(data["authors"], page["authors"])
    body = sum(scores) / len(scores)
    figures = f"body F1 {body:.3f}, title {titles}, date {dates}, authors {authors}"
    assert body >= BODY_F1_FLOOR, figures
    assert titles >= TITLES_FLOOR and dates >= DATES_FLOOR and authors >= AUTHORS_FLOOR, figures
