"""The whole generator: deck shape, determinism, stable ids, and scores against gold facts."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from quiz.generate.facts import Fact
from quiz.generate.pipeline import (
    about_the_page,
    extract_facts,
    fact_to_dict,
    first_names,
    generate_deck,
    make_deck,
    section_headings,
    with_heading,
)
from quiz.generate.quality import check_question
from quiz.generate.questions import Candidate
from quiz.generate.templates import load_templates
from quiz.model import Article, Deck, Question

from .conftest import ROOT, SCORE, SEED_GOLD, seed_article  # noqa: F401

pytestmark = pytest.mark.slow

GOLD_DIR = ROOT / "tests" / "data" / "gold"
CONTENT = ROOT / "content"
ARTICLES = ROOT / "tests" / "data" / "articles"


@pytest.fixture(scope="module")
def seed_facts(seed: Article) -> list[Fact]:
    return extract_facts(seed)


@pytest.fixture(scope="module")
def seed_deck(seed: Article, seed_facts: list[Fact]) -> Deck:
    return make_deck(seed, seed_facts)


def deck_dict(deck: Deck) -> dict[str, Any]:
    """The deck in the deck file's shape, as score.py reads it."""
    return {
        "title": deck.title,
        "id": deck.id,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "prompt": q.prompt,
                "answer": list(q.answer) if isinstance(q.answer, tuple) else q.answer,
                "accept": list(q.accept),
                "choices": list(q.choices),
                "fact": q.fact,
                "tags": list(q.tags),
                "source": {"sentence": q.source.sentence, "paragraph": q.source.paragraph},
            }
            for q in deck.questions
        ],
    }


def load_scorer() -> ModuleType:
    if not SCORE.exists():
        pytest.skip("the shared scorer is not available")
    spec = importlib.util.spec_from_file_location("quiz_eval_score", SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(deck: Deck, gold: Path) -> dict[str, Any]:
    scorer = load_scorer()
    _, facts = scorer.load_gold(str(gold))
    args = scorer.argparse.Namespace(
        answer_field="answer",
        source_field="source.sentence",
        question_field="prompt",
        alt_answers_field=None,
        min_sent_coverage=0.5,
        min_sent_precision=0.3,
        excerpt_coverage=0.3,
        excerpt_precision=0.8,
        tie_margin=0.15,
        max_extra_tokens=2,
        ignore_source=False,
    )
    result: dict[str, Any] = scorer.score(deck_dict(deck)["questions"], facts, args)
    return result


def test_the_seed_deck_meets_the_targets(seed_deck: Deck) -> None:
    if not SEED_GOLD.exists():
        pytest.skip("the seed gold file is not available")
    result = score(seed_deck, SEED_GOLD)
    # The seed's gold also asks who the authors are, which the generator no longer asks
    # (questions are about the news, never the writer); its machine-reworded sentences often
    # fail the parse-again check when shortened, and the longest are then not quoted at all;
    # sentences opening "This is ..." point back and give no question.
    assert result["weighted_recall"] >= 0.65, result["missed"]
    assert result["must_ask_recall"] >= 0.7, result["missed"]
    assert result["gold_hit_precision"] >= 0.6, result["unmatched_questions"]


SAMPLES = sorted(p.stem for p in GOLD_DIR.glob("*.yaml"))
"""The articles with gold facts: the bundled ones (content/) and test articles (tests/data/articles)."""
SAMPLE_FLOOR = 0.55
"""Importance-weighted recall every sample article must keep (tracks regressions). A sentence
whose subject points back at something it does not name ("the mission has cost ...", "the
report warned ...") gives no question, and neither does a question that names nothing ("When
did construction begin?"), so a few gold facts asked that way are no longer asked."""


@pytest.mark.parametrize("slug", SAMPLES)
def test_sample_articles_keep_their_recall(slug: str) -> None:
    from quiz.generate.article import read_source

    source = next(CONTENT.glob(f"{slug}.*"), None) or next(ARTICLES.glob(f"{slug}.*"), None)
    if source is None:
        pytest.skip(f"no article for {slug}")
    deck = generate_deck(read_source(str(source)))
    result = score(deck, GOLD_DIR / f"{slug}.yaml")
    assert result["weighted_recall"] >= SAMPLE_FLOOR, result["missed"]
    assert result["gold_hit_precision"] >= 0.4, result["unmatched_questions"]


def test_the_deck_is_well_formed(seed: Article, seed_deck: Deck) -> None:
    assert seed_deck.id == "understanding-russias-taliban-gauntlet"
    assert seed_deck.source.published == "2025-07-28"
    questions = seed_deck.questions
    assert 20 <= len(questions) <= 60
    assert len({q.id for q in questions}) == len(questions)
    text = " ".join((*seed.paragraphs, *seed.bios))
    for q in questions:
        assert check_question(q) == [], q
        assert q.source.sentence in text  # verbatim
        assert q.fact and q.tags and q.fact in q.tags
        if q.kind == "cloze":
            assert len(re.findall(r"\{\{c1::", q.prompt)) == 1
        if q.kind == "choice":
            assert len(q.choices) == 4 and q.answer in q.choices
        if q.kind == "truefalse":
            assert q.answer in {"true", "false"}
        if q.kind == "order":
            assert isinstance(q.answer, tuple) and sorted(q.choices) == sorted(q.answer)
    assert len({q.kind for q in questions}) >= 3


def test_the_same_input_gives_the_same_deck(seed: Article, seed_facts: list[Fact]) -> None:
    first = make_deck(seed, seed_facts, seed=3)
    again = make_deck(seed, list(seed_facts), seed=3)
    assert first == again
    dumped = yaml.safe_dump(deck_dict(first), sort_keys=False, allow_unicode=True)
    assert dumped == yaml.safe_dump(deck_dict(again), sort_keys=False, allow_unicode=True)
    other = make_deck(seed, seed_facts, seed=4)
    assert [q.id for q in other.questions] == [q.id for q in first.questions]


def test_ids_survive_an_edit_elsewhere_in_the_article(
    seed: Article, seed_facts: list[Fact]
) -> None:
    before = make_deck(seed, seed_facts)
    edited = replace(
        seed, paragraphs=("A new first paragraph about the weather.", *seed.paragraphs)
    )
    after = make_deck(edited, extract_facts(edited))
    before_ids = {q.id: q.prompt for q in before.questions if q.kind != "order"}
    after_ids = {q.id: q.prompt for q in after.questions}
    kept = [i for i in before_ids if i in after_ids]
    assert len(kept) >= 0.8 * len(before_ids)


def test_max_questions_is_honoured(seed: Article, seed_facts: list[Fact]) -> None:
    assert len(make_deck(seed, seed_facts, max_questions=5).questions) == 5


def test_facts_are_plain_data(seed_facts: list[Fact]) -> None:
    data = [fact_to_dict(f) for f in seed_facts]
    assert yaml.safe_load(yaml.safe_dump(data)) == data
    assert {d["type"] for d in data} >= {"date", "acronym", "person", "place", "organisation"}
    assert all("\x00" not in str(d) for d in data)


def test_nothing_is_asked_about_the_writer_or_the_outlet() -> None:
    article = Article(
        title="Ferries",
        paragraphs=("x",),
        authors=("Ada Lindqvist",),
        url="https://www.harbourtimes.co.uk/news/ferries",
    )

    def fact(answer: str, paragraph: int = 1) -> Fact:
        return Fact(type="person", answer=answer, sentence="s", paragraph=paragraph)

    assert about_the_page(fact("Ada Lindqvist"), article)
    assert about_the_page(fact("Lindqvist"), article)
    assert about_the_page(
        Fact(type="organisation", answer="Harbour Times", sentence="s", paragraph=1), article
    )
    assert about_the_page(fact("Tomas Vell", paragraph=0), article)  # a line of the bio
    assert not about_the_page(fact("Tomas Vell"), article)
    bio = "Ms. Lindqvist is the deputy Harbour editor."  # the writer's bio, left in the body
    assert about_the_page(
        Fact(type="organisation", answer="Harbour", sentence=bio, paragraph=5), article
    )
    news = "Lindqvist’s ferry sank in Tarn in 2021."
    assert not about_the_page(
        Fact(type="place", answer="Tarn", sentence=news, paragraph=1), article
    )


def test_a_first_name_alone_is_no_answer_when_the_full_name_is_known() -> None:
    def person(answer: str) -> Fact:
        return Fact(type="person", answer=answer, sentence="s", paragraph=1)

    facts = [person("Mary Lindqvist"), person("Mary"), person("Lindqvist"), person("Ada Lindqvist")]
    assert first_names(facts) == {"Mary", "Ada"}


def test_a_question_under_a_named_heading_carries_the_heading() -> None:
    from quiz.model import Block

    paragraphs = (
        "The ferry leaves at 7 a.m. and returns at noon.",
        "Tickets cost 12 euros in 2024.",
    )
    blocks = (
        Block("Vell Ferries timetable", kind="heading", level=2),
        Block(paragraphs[0], heading="Vell Ferries timetable"),
        Block("Background", kind="heading", level=2),
        Block(paragraphs[1], heading="Background"),
    )
    article = Article("Ferries", paragraphs, blocks=blocks)
    headings = section_headings(article)
    assert headings == {1: "Vell Ferries timetable"}  # "Background" names nothing
    promo = (
        Block("Be the first to get our harbour news", kind="heading"),
        Block(paragraphs[0], heading="Be the first to get our harbour news"),
    )
    assert section_headings(Article("Ferries", paragraphs[:1], blocks=promo)) == {}
    question = Question(
        id="q-x", kind="short", prompt="When does the ferry leave?", answer="7 a.m."
    )
    fact = Fact(type="date", answer="7 a.m.", sentence=paragraphs[0], paragraph=1)
    candidate = Candidate(question, fact, load_templates()[0])
    shown = with_heading(candidate, headings[1]).question.prompt
    assert shown == "Vell Ferries timetable: When does the ferry leave?"
    named = replace(question, prompt="When does the Vell Ferries timetable start?")
    assert (
        with_heading(replace(candidate, question=named), headings[1]).question.prompt
        == named.prompt
    )


def test_a_heading_that_names_an_option_is_left_out() -> None:
    question = Question(
        id="q-y",
        kind="choice",
        prompt="Which club signed _____ in 2024?",
        answer="Ada Moen",
        choices=("Ada Moen", "Lena Holm", "Tomas Berg", "Erik Dahl"),
    )
    fact = Fact(type="person", answer="Ada Moen", sentence="x", paragraph=1)
    candidate = Candidate(question, fact, load_templates()[0])
    assert with_heading(candidate, "Lena Holm").question.prompt == question.prompt
    assert with_heading(candidate, "Signings").question.prompt.startswith("Signings: ")
    assert with_heading(candidate, "The {{c1::Vell}} signings").question.prompt == question.prompt
