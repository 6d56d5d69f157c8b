"""Smoke test of the benchmark data generator: seeded, valid decks and article-like pages."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

from quiz.decks import read_deck
from quiz.model import KINDS

ROOT = Path(__file__).resolve().parent.parent


def _datagen() -> ModuleType:
    name = "bench_datagen"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "datagen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_deck_is_valid_and_has_every_kind(tmp_path: Path) -> None:
    datagen = _datagen()
    path = datagen.deck_file(300, seed=3, data_dir=tmp_path)
    deck = read_deck(path)
    assert len(deck.questions) == 300
    assert len({question.id for question in deck.questions}) == 300
    assert {question.kind for question in deck.questions} == set(KINDS)
    assert all(question.source.sentence for question in deck.questions)


def test_same_seed_same_bytes() -> None:
    datagen = _datagen()
    first = datagen.dump_yaml(datagen.deck_data(50, seed=7))
    assert first == datagen.dump_yaml(datagen.deck_data(50, seed=7))
    assert first != datagen.dump_yaml(datagen.deck_data(50, seed=8))
    assert datagen.article_html(4) == datagen.article_html(4)


def test_article_has_about_a_thousand_words_of_facts(tmp_path: Path) -> None:
    datagen = _datagen()
    text = datagen.article_text(11)
    assert 950 <= len(text.split()) <= 1300
    assert re.search(r"\b(19|20)\d\d\b", text)
    assert re.search(r"\d+ percent|£\d", text)
    (page,) = datagen.article_files(1, seed=11, data_dir=tmp_path)
    assert "<article>" in page.read_text(encoding="utf-8")


def test_typed_answers_mix_right_and_wrong() -> None:
    datagen = _datagen()
    pairs = list(datagen.iter_typed_answers(200, seed=1))
    assert len(pairs) == 200
    exact = sum(typed == question["answer"] for question, typed in pairs)
    assert 20 < exact < 150
