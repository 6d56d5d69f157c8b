"""Templates as data, and fact sheets rendered through them (no language model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.generate.factsheet import read_fact_sheet
from quiz.generate.pipeline import fact_to_dict, make_deck
from quiz.generate.templates import SHIPPED, load_templates
from quiz.model import FACT_TYPES

SHEET = """\
title: The Hollow Bay ferry
published: 2024-03-02
authors: [A. Writer]
facts:
  - when: 1958
    what: Car ferries began crossing Hollow Bay
  - when: May 1977
    what: A second ferry joined the route
  - when: 2001
    what: The old pier was rebuilt
  - when: 1996 to 1999
    what: The ferry company was owned by the city
  - term: HBF
    means: Hollow Bay Ferries
  - term: CTA
    means: Coastal Transport Authority
  - person: Ada Lindqvist
    role: Chief Executive of Hollow Bay Ferries
  - person: Tomas Berg
    role: harbour master of Eastport
  - person: Lene Holm
    role: mayor of Westport
  - person: Jon Ek
    role: captain of the night ferry
  - number: 1,200
    what: The ferry carries 1,200 passengers a day
  - place: Eastport
    what: The ferry leaves from Eastport every hour
  - quote: the best crossing in the north
    who: Ada Lindqvist
"""


def write(tmp_path: Path, text: str, name: str = "sheet.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_templates_cover_every_fact_type_and_kind() -> None:
    templates = load_templates()
    assert {t.fact for t in templates} == set(FACT_TYPES)
    assert {t.kind for t in templates} == {"cloze", "short", "choice", "truefalse", "order"}
    assert len({t.id for t in templates}) == len(templates)
    assert SHIPPED.name == "templates.yaml"


def test_a_user_file_adds_overrides_and_disables_templates(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "templates:\n"
        "  - id: person-role-short\n"
        "    fact: person\n"
        "    kind: short\n"
        '    prompt: "Name the {role}."\n'
        "  - id: date-in-truefalse\n"
        "    disabled: true\n"
        "  - id: my-own\n"
        "    fact: place\n"
        "    kind: cloze\n"
        '    prompt: "{cloze}"\n',
        "t.yaml",
    )
    by_id = {t.id: t for t in load_templates(path)}
    assert by_id["person-role-short"].prompt == "Name the {role}."
    assert "date-in-truefalse" in {t.id for t in load_templates()}
    assert "date-in-truefalse" not in by_id
    assert by_id["my-own"].fact == "place"
    assert "date-cloze" in by_id


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "templates:\n  - id: x\n    fact: weather\n    kind: cloze\n    prompt: '{cloze}'\n",
            3,
            "fact type",
        ),
        ("templates:\n  - id: x\n    fact: date\n    kind: essay\n    prompt: 'x'\n", 4, "kind"),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: short\n    prompt: 'When {verb}?'\n",
            5,
            "placeholder",
        ),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: cloze\n    prompt: 'When {aux}?'\n",
            5,
            "cloze",
        ),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: short\n    prompt: '{answer}?'\n",
            5,
            "own answer",
        ),
        ("templates:\n  - id: x\n    fact: date\n    kind: short\n", 2, "prompt"),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: short\n    prompt: 'x'\n    colour: red\n",
            6,
            "unknown",
        ),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: short\n    prompt: 'x'\n    weight: lots\n",
            6,
            "number",
        ),
        ("templates:\n  - id: x\n    fact: [date\n", 4, "YAML"),
        (
            "templates:\n  - id: x\n    fact: date\n    kind: short\n    prompt: 'x'\n"
            "  - id: x\n    fact: date\n    kind: short\n    prompt: 'y'\n",
            6,
            "twice",
        ),
    ],
)
def test_bad_template_files_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text, "t.yaml")
    with pytest.raises(QuizError) as caught:
        load_templates(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert words in caught.value.message


def test_a_fact_sheet_gives_an_article_and_facts(tmp_path: Path) -> None:
    article, facts = read_fact_sheet(write(tmp_path, SHEET))
    assert article.title == "The Hollow Bay ferry"
    assert article.published is not None and article.published.year == 2024
    assert article.authors == ("A. Writer",)
    assert len(article.paragraphs) == len(facts) == 13
    first = facts[0]
    assert (first.type, first.answer, first.value) == ("date", "1958", "1958")
    assert first.sentence == "Car ferries began crossing Hollow Bay in 1958."
    acronym = facts[4]
    assert (acronym.type, acronym.answer, acronym.slot("term")) == (
        "acronym",
        "Hollow Bay Ferries",
        "HBF",
    )
    data = fact_to_dict(facts[6])
    assert data["type"] == "person" and data["slots"]["role"].startswith("Chief Executive")


def test_fact_sheet_facts_become_questions(tmp_path: Path) -> None:
    article, facts = read_fact_sheet(write(tmp_path, SHEET))
    deck = make_deck(article, facts, seed=1)
    prompts = {q.prompt: q for q in deck.questions}
    assert "What does HBF stand for?" in prompts
    assert prompts["What does HBF stand for?"].answer == "Hollow Bay Ferries"
    assert any(q.kind == "order" for q in deck.questions)
    order = next(q for q in deck.questions if q.kind == "order")
    assert order.answer == (
        "Car ferries began crossing Hollow Bay",
        "A second ferry joined the route",
        "The ferry company was owned by the city",
        "The old pier was rebuilt",
    )
    assert sorted(order.choices) == sorted(order.answer) and order.choices != order.answer
    kinds = {q.kind for q in deck.questions}
    assert {"cloze", "short"} <= kinds
    assert deck.id == "the-hollow-bay-ferry"
    assert deck.source.published == "2024-03-02"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("facts:\n  - when: 1990\n    what: x\n", 1, "title"),
        ("title: T\nfacts:\n  - when: someday\n    what: x\n", 3, "not a date"),
        ("title: T\nfacts:\n  - when: 1990\n", 3, "what"),
        ("title: T\nfacts:\n  - place: Oslo\n    what: It rained\n", 4, "must contain"),
        ("title: T\nfacts:\n  - place: Oslo\n    term: X\n", 3, "exactly one"),
        ("title: T\nfacts:\n  - number: many\n    what: many boats\n", 3, "not a number"),
        ("title: T\nfacts:\n  - term: X\n    means: Y\n    colour: red\n", 5, "does not go"),
        ("title: T\npublished: soon\nfacts:\n  - term: X\n    means: Y\n", 2, "not a date"),
        ("title: T\nfacts: {}\n", 2, "list"),
        ("title: T\nfacts:\n  - term: [X\n", 4, "YAML"),
        ("title: T\nfacts:\n  - !!python/object:os.system {}\n", 3, "YAML"),
    ],
)
def test_bad_fact_sheets_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(QuizError) as caught:
        read_fact_sheet(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert words in caught.value.message


def test_mentions_are_counted_as_whole_words() -> None:
    from quiz.generate.pipeline import count_mentions

    text = "The UN met. An unknown UN envoy spoke; the United Nations agreed. UNESCO did not."
    counts = count_mentions(text, ["UN", "United Nations", "Geneva"])
    assert counts == {"un": 2, "united nations": 1, "geneva": 0}


def test_huge_fact_lists_are_shortlisted_in_reading_order() -> None:
    from quiz.generate.facts import Fact
    from quiz.generate.pipeline import shortlist

    facts = [
        Fact("date", str(1900 + i), f"Sentence {i}.", paragraph=i + 1, score=(i % 7) / 7)
        for i in range(1000)
    ]
    kept = shortlist(facts, 10, 1000)
    assert len(kept) == 200
    assert [f.paragraph for f in kept] == sorted(f.paragraph for f in kept)
    assert min(f.score for f in kept) >= 5 / 7
    assert shortlist(facts[:50], 10, 50) == facts[:50]
