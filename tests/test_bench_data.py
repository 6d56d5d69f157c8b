"""Smoke test of the benchmark data generator: seeded, valid decks and article-like pages."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

from quiz.decks import read_deck
from quiz.model import KINDS

ROOT = Path(__file__).resolve().parent.parent


def test_deck_is_valid_and_has_every_kind(datagen: ModuleType, tmp_path: Path) -> None:
    path = datagen.deck_file(300, seed=3, data_dir=tmp_path)
    deck = read_deck(path)
    assert len(deck.questions) == 300
    assert len({question.id for question in deck.questions}) == 300
    assert {question.kind for question in deck.questions} == set(KINDS)
    assert all(question.source.sentence for question in deck.questions)


def test_same_seed_same_bytes(datagen: ModuleType) -> None:
    first = datagen.dump_yaml(datagen.deck_data(50, seed=7))
    assert first == datagen.dump_yaml(datagen.deck_data(50, seed=7))
    assert first != datagen.dump_yaml(datagen.deck_data(50, seed=8))
    assert datagen.article_html(4) == datagen.article_html(4)


def test_article_has_about_a_thousand_words_of_facts(datagen: ModuleType, tmp_path: Path) -> None:
    text = datagen.article_text(11)
    assert 950 <= len(text.split()) <= 1300
    assert re.search(r"\b(19|20)\d\d\b", text)
    assert re.search(r"\d+ percent|£\d", text)
    (page,) = datagen.article_files(1, seed=11, data_dir=tmp_path)
    assert "<article>" in page.read_text(encoding="utf-8")


def test_typed_answers_mix_right_and_wrong(datagen: ModuleType) -> None:
    pairs = list(datagen.iter_typed_answers(200, seed=1))
    assert len(pairs) == 200
    exact = sum(typed == question["answer"] for question, typed in pairs)
    assert 20 < exact < 150
