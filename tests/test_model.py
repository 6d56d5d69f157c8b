"""Deck ids from titles: readable for Latin script, unique and stable for every other script."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.decks import read_deck
from quiz.model import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Russia's Taliban gambit", "russias-taliban-gambit"),
        ("Café au lait", "cafe-au-lait"),
        ("Straße gesperrt", "strae-gesperrt"),  # mostly Latin: kept as it was
        ("ＦＵＬＬ width", "full-width"),
        ("", "deck"),
        ("!!!", "deck"),
        ("Новости", "deck-b936c407"),
        ("Выборы 2024", "2024-22221818"),
        ("東京の天気", "deck-748812fb"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_titles_in_other_scripts_get_distinct_ids() -> None:
    titles = [
        "Новости дня",
        "Новости недели",
        "Выборы 2024",
        "Выборы в Думу 2024",
        "東京の天気",
        "大阪の天気",
        "أخبار اليوم",
        "Ειδήσεις σήμερα",
        "חדשות היום",
        "आज की खबर",
    ]
    ids = [slugify(title) for title in titles]
    assert len(set(ids)) == len(ids)
    assert all(i == slugify(i) and len(i) <= 60 for i in ids)  # a slug is its own slug
    assert ids == [slugify(title) for title in titles]  # the same every time


def test_folded_spacing_and_case_give_the_same_id() -> None:
    assert slugify("Новости  дня") == slugify("новости дня")


def test_a_long_title_still_fits() -> None:
    slug = slugify("Новости " * 40)
    assert len(slug) <= 60 and slug.startswith("deck-")


def test_two_decks_titled_in_cyrillic_export_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number, title in enumerate(["Новости дня", "Погода"]):
        (tmp_path / f"{number}.yaml").write_text(
            f"title: {title}\nquestions:\n  - prompt: Q{number}?\n    answer: A\n",
            encoding="utf-8",
        )
    first, second = (read_deck(tmp_path / f"{n}.yaml") for n in range(2))
    assert first.id != second.id
    out = tmp_path / "all.apkg"
    assert main(["export", "--all", "--decks-dir", str(tmp_path), "-o", str(out)]) == 0
    assert "2 decks" in capsys.readouterr().out
