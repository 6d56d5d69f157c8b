"""Deck shape: every kind of question, short prompts, timelines and no cross-question leaks."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest

from quiz.generate.article import read_source
from quiz.generate.facts import Fact
from quiz.generate.pipeline import build_pool, generate_deck, make_deck
from quiz.generate.quality import MAX_LABEL_WORDS, MAX_QUESTION_WORDS, MAX_SENTENCE_WORDS
from quiz.generate.questions import Candidate, render, timelines
from quiz.generate.select import leaks
from quiz.generate.templates import load_templates
from quiz.model import Article, Deck, Question, SourceRef

from .conftest import ROOT

pytestmark = pytest.mark.slow

ARTICLES = ROOT / "tests" / "data" / "articles"
SAMPLES = ("brackwater-desalination-plant-approved.md", "velsa-airline-strike-ends.html")

Extract = Callable[..., list[Fact]]

TIMELINE = (
    "The harbour town of Lindmor opened a ferry terminal in 1962.",
    "The old wooden pier was rebuilt in 1978 after a winter storm.",
    "Engineers found cracks in the north wall in March 1995.",
    "The council approved a new seawall in 2009.",
    "The mayor of Lindmor, Ruth Calder, said the town would keep its ferries.",
)


@pytest.fixture(scope="module")
def sample_decks(nlp: object) -> list[Deck]:
    return [generate_deck(read_source(str(ARTICLES / name))) for name in SAMPLES]


def prompt_words(question: Question) -> int:
    """Words the reader sees: the gap counts as one, the "True or false?" label as none."""
    text = re.sub(r"^True or false\?\s*", "", question.prompt)
    text = re.sub(r"\{\{c1::.*?\}\}", "x", text)
    return len(text.split())


def test_no_prompt_exceeds_the_word_limit(sample_decks: list[Deck]) -> None:
    for deck in sample_decks:
        for q in deck.questions:
            quoted = q.kind in {"cloze", "truefalse"} or "_____" in q.prompt
            limit = MAX_SENTENCE_WORDS if quoted else MAX_QUESTION_WORDS
            assert prompt_words(q) <= limit, q.prompt


def test_a_deck_holds_every_kind(article_facts: Extract) -> None:
    paragraphs = (
        *TIMELINE,
        "The Lindmor Ferry Company (LFC) carries 1,200 passengers a day across the bay.",
        "Tickets will cost 6 euros from May 2025, the company said.",
        '"We will keep the boats running," said Ruth Calder, who was elected in 2018.',
        "The new terminal in Lindmor cost 45 million euros and opened in June 2021.",
        "Rents in Lindmor rose by 14% between 2019 and 2023.",
    )
    facts = article_facts(*paragraphs)
    article = Article("Lindmor ferries", paragraphs, published=date(2024, 6, 1))
    deck = make_deck(article, facts, max_questions=24)
    kinds = {q.kind for q in deck.questions}
    # a yes-or-no question goes only to a dated fact no other question asks
    assert kinds >= {"cloze", "short", "choice", "order"}, kinds


def test_sample_decks_mix_their_kinds(sample_decks: list[Deck]) -> None:
    questions = [q for deck in sample_decks for q in deck.questions]
    share = {k: sum(q.kind == k for q in questions) / len(questions) for k in ("cloze", "short")}
    # a name of no certain kind (a reservoir, a trust) is asked as a cloze, not with options of
    # other kinds, and a short question that names nothing ("When did construction begin?") is
    # not asked, so clozes may take up to half the questions and a little more
    assert share["cloze"] <= 0.55 and share["short"] >= 0.25, share


def test_true_or_false_asks_a_yes_or_no_question_never_the_sentence(
    article_facts: Extract,
) -> None:
    facts = article_facts("The city council approved the new harbour bridge in 1997.")
    fact = next(f for f in facts if f.answer == "1997")
    template = next(t for t in load_templates() if t.id == "date-in-truefalse")
    pool = build_pool(Article("T", ("x",), published=date(2024, 6, 1)), facts)
    answers = []
    for seed in range(20):
        candidate, _ = render(fact, template, pool, seed=seed)
        assert candidate is not None
        prompt, answer = candidate.question.prompt, candidate.question.answer
        assert prompt.startswith("Did the city council approve the new harbour bridge in ")
        assert prompt.endswith("?") and prompt != fact.sentence
        assert ("1997" in prompt) == (answer == "true")
        answers.append(answer)
    assert 5 <= answers.count("true") <= 15


def test_a_timeline_orders_short_labels_of_distinct_dates(article_facts: Extract) -> None:
    facts = article_facts(*TIMELINE)
    template = next(t for t in load_templates() if t.kind == "order")
    found = timelines(facts, template, seed=0)
    assert found
    order = found[0]
    labels = order.question.answer
    assert isinstance(labels, tuple) and 3 <= len(labels) <= 5
    assert sorted(order.question.choices) == sorted(labels) and order.question.choices != labels
    keys = [f.sort_key for f in order.facts]
    assert keys == sorted(keys) and len({k[0] for k in keys}) == len(keys)
    for label in labels:
        assert 2 <= len(label.split()) <= MAX_LABEL_WORDS, label
        assert not re.search(r"\b(1[5-9]|20)\d\d\b|March|then|after|before", label), label
    assert labels[0] == "The harbour town of Lindmor opened a ferry terminal"
    assert "The old wooden pier was rebuilt" in labels
    assert timelines(facts, template, seed=0)[0].question == order.question  # reproducible


def test_a_timeline_needs_three_dated_events(article_facts: Extract) -> None:
    facts = article_facts(*TIMELINE[:2])
    template = next(t for t in load_templates() if t.kind == "order")
    assert timelines(facts, template, seed=0) == []


def _candidate(prompt: str, answer: str, kind: str, sentence: str) -> Candidate:
    question = Question(
        id=prompt[:12],
        kind=kind,  # type: ignore[arg-type]
        prompt=prompt,
        answer=answer,
        fact="date",
        source=SourceRef(sentence=sentence, paragraph=1),
    )
    fact = Fact("date", answer, sentence, 1)
    return Candidate(question, fact, load_templates()[0])


def test_a_question_showing_another_ones_answer_leaks() -> None:
    sentence = "The council approved the seawall in 2009 for 12 million euros."
    year = _candidate(
        "The council approved the seawall in {{c1::2009}} for 12 million euros.",
        "2009",
        "cloze",
        sentence,
    )
    cost = _candidate(
        "The council approved the seawall in 2009 for {{c1::12 million euros}}.",
        "12 million euros",
        "cloze",
        sentence,
    )
    asked_cost = _candidate(
        "How much did the council approve the seawall for?", "12 million euros", "short", sentence
    )
    asked_year = _candidate(
        "In what year did the council approve the seawall?", "2009", "short", sentence
    )
    assert leaks(year, cost) and leaks(year, asked_cost)
    assert not leaks(asked_year, asked_cost)


def test_a_quotation_left_open_by_its_sentence_shows_no_stray_mark() -> None:
    from quiz.generate.grammar import balance_quotes

    assert (
        balance_quotes("“Ferries run all winter. We never stop")
        == "Ferries run all winter. We never stop"
    )
    assert (
        balance_quotes("Ferries run all winter.” she said.") == "Ferries run all winter. she said."
    )
    assert balance_quotes("He said “ferries run” daily.") == "He said “ferries run” daily."
