"""Fact sheets: facts written by hand in YAML, rendered by the same templates as article facts.

A fact sheet looks like this::

    title: Russia and the Taliban
    published: 2025-07-28          # optional, like authors: [..] and url: ..
    facts:
      - when: 1997                 # a date: year, "August 2021", "2025-07-28", "1996 to 2001"
        what: Moscow wound down its embassy in Kabul
      - term: ORF                  # an acronym, asked both ways
        means: Observer Research Foundation
      - person: Harsh V. Pant      # a person and their role
        role: Vice President of the Observer Research Foundation
      - number: 2,500              # a number; `what` says what it counts and must contain it
        what: About 2,500 militants trained in the camps
      - place: Kabul               # also organisation: and event:; `what` must contain the name
        what: The Russian embassy in Kabul stayed open
      - quote: an objective reality
        who: Moscow                # who said it (or whose view it is)
        what: Moscow calls the Taliban "an objective reality"   # optional

Each fact becomes one sentence of the returned Article (one paragraph per fact). Only safe YAML is
read; a malformed sheet raises QuizError naming the file and line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Final

import yaml

from quiz.errors import QuizError
from quiz.generate import yamlnodes
from quiz.generate.facts import TYPE_PRIOR, Fact
from quiz.generate.grammar import GAP
from quiz.generate.values import parse_date, parse_number
from quiz.model import Article

_KIND_KEYS: Final = {
    "when": "date",
    "term": "acronym",
    "person": "person",
    "number": "number",
    "place": "place",
    "organisation": "organisation",
    "organization": "organisation",
    "event": "event",
    "quote": "quote",
}
_EXTRA_KEYS: Final = {
    "date": {"what"},
    "acronym": {"means"},
    "person": {"role", "what"},
    "number": {"what"},
    "place": {"what"},
    "organisation": {"what"},
    "event": {"what"},
    "quote": {"who", "what"},
}
_REQUIRED: Final = {
    "date": {"what"},
    "acronym": {"means"},
    "person": set(),
    "number": {"what"},
    "place": {"what"},
    "organisation": {"what"},
    "event": {"what"},
    "quote": {"who"},
}
_TOP_KEYS: Final = {"title", "published", "authors", "url", "facts"}


def read_fact_sheet(path: Path) -> tuple[Article, list[Fact]]:
    """The article (title, metadata, one paragraph per fact) and the facts of a fact sheet."""
    _, root = yamlnodes.read(path)
    if root is None:
        raise QuizError("the fact sheet is empty", path=path)
    fields = dict(yamlnodes.mapping(root, path, "a fact sheet"))
    for key, node in fields.items():
        if key not in _TOP_KEYS:
            raise yamlnodes.fail(
                f"unknown key `{key}` (expected {', '.join(sorted(_TOP_KEYS))})", node, path
            )
    if "title" not in fields:
        raise yamlnodes.fail("a fact sheet needs a `title:`", root, path)
    title = yamlnodes.text(fields["title"], path, "title")
    if not title:
        raise yamlnodes.fail("the title is empty", fields["title"], path)
    published = _published(fields.get("published"), path)
    authors = (
        tuple(yamlnodes.texts(fields["authors"], path, "authors")) if "authors" in fields else ()
    )
    url = yamlnodes.text(fields["url"], path, "url") if "url" in fields else ""
    if "facts" not in fields:
        raise yamlnodes.fail("a fact sheet needs a `facts:` list", root, path)
    facts: list[Fact] = []
    for node in yamlnodes.sequence(fields["facts"], path, "facts"):
        facts.append(_fact(node, path, published, len(facts) + 1))
    if not facts:
        raise yamlnodes.fail("the `facts:` list is empty", fields["facts"], path)
    article = Article(
        title=title,
        paragraphs=tuple(f.sentence for f in facts),
        authors=authors,
        published=published,
        url=url,
        file=str(path),
    )
    return article, facts


def _published(node: yaml.Node | None, path: Path) -> date | None:
    if node is None:
        return None
    raw = yamlnodes.text(node, path, "published")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        value = parse_date(raw)
        if value is not None and value.granularity == "day":
            return date.fromisoformat(value.value)
    raise yamlnodes.fail(f"`published: {raw}` is not a date (write 2025-07-28)", node, path)


def _fact(node: yaml.Node, path: Path, published: date | None, number: int) -> Fact:
    fields = dict(yamlnodes.mapping(node, path, "a fact"))
    kinds = [k for k in fields if k in _KIND_KEYS]
    if len(kinds) != 1:
        raise yamlnodes.fail(
            "each fact needs exactly one of: "
            + ", ".join(sorted(set(_KIND_KEYS) - {"organization"})),
            node,
            path,
        )
    key = kinds[0]
    kind = _KIND_KEYS[key]
    for other, value_node in fields.items():
        if other != key and other not in _EXTRA_KEYS[kind]:
            raise yamlnodes.fail(
                f"`{other}` does not go with `{key}` (expected: "
                f"{', '.join(sorted(_EXTRA_KEYS[kind])) or 'nothing else'})",
                value_node,
                path,
            )
    for needed in _REQUIRED[kind]:
        if needed not in fields:
            raise yamlnodes.fail(f"a `{key}:` fact needs `{needed}:`", node, path)
    values = {k: yamlnodes.text(v, path, k) for k, v in fields.items()}
    for k, v in values.items():
        if not v:
            raise yamlnodes.fail(f"`{k}` is empty", fields[k], path)
    answer = values[key]
    where = fields[key]
    if kind == "date":
        return _date_fact(answer, values["what"], where, path, published, number)
    if kind == "acronym":
        meaning = values["means"]
        sentence = f"{meaning} ({answer})."
        return _make(
            "acronym",
            meaning,
            sentence,
            number,
            f"{GAP} ({answer}).",
            detail=answer,
            term=answer,
            meaning=meaning,
            **{"context:term": f"{meaning} ({GAP})."},
        )
    if kind == "person":
        role = values.get("role", "")
        what = values.get("what", "")
        if what:
            context = _gap(what, answer, fields["what"], path)
            sentence = _sentence(what)
        elif role:
            sentence = f"{answer} is {role}."
            context = f"{GAP} is {role}."
        else:
            raise yamlnodes.fail("a `person:` fact needs `role:` or `what:`", node, path)
        return _make("person", answer, sentence, number, context, detail="PERSON", role=role)
    if kind == "quote":
        who = values["who"]
        what = values.get("what") or f'{who} said: "{answer}"'
        context = _gap(what, answer, fields.get("what", node), path)
        return _make(
            "quote",
            answer,
            _sentence(what),
            number,
            context,
            detail="speech",
            speaker=who,
            quote=answer,
        )
    if kind == "number" and parse_number(answer) is None:
        raise yamlnodes.fail(f"`{answer}` is not a number", where, path)
    what = values["what"]
    context = _gap(what, answer, fields["what"], path)
    detail = {"number": "count", "place": "GPE", "organisation": "ORG", "event": "EVENT"}[kind]
    return _make(kind, answer, _sentence(what), number, context, detail=detail)


def _date_fact(
    answer: str, what: str, where: yaml.Node, path: Path, published: date | None, number: int
) -> Fact:
    value = parse_date(answer, published)
    if value is None:
        try:
            iso = date.fromisoformat(answer)
        except ValueError:
            raise yamlnodes.fail(
                f"`{answer}` is not a date (write 1997, August 2021, 2021-08-15 or 1996 to 2001)",
                where,
                path,
            ) from None
        answer = f"{iso:%B} {iso.day}, {iso.year}"
        value = parse_date(answer)
        assert value is not None
    prep = {"day": "on", "range": "from", "decade": "in the"}.get(value.granularity, "in")
    if answer in what:
        context = what.replace(answer, GAP, 1)
        sentence = _sentence(what)
    else:
        body = what.rstrip(". ")
        sentence = _sentence(f"{body} {prep} {answer}")
        context = _sentence(f"{body} {prep} {GAP}")
    fact = _make(
        "date",
        answer,
        sentence,
        number,
        _sentence(context),
        detail=value.granularity,
        label=what.rstrip("."),
    )
    return replace(fact, value=value.value, sort_key=value.sort_key)


def _gap(what: str, answer: str, node: yaml.Node, path: Path) -> str:
    at = what.find(answer)
    if at < 0:
        at = what.casefold().find(answer.casefold())
    if at < 0:
        raise yamlnodes.fail(f"`what:` must contain the answer `{answer}`", node, path)
    return _sentence(what[:at] + GAP + what[at + len(answer) :])


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in '.!?"”':
        text += "."
    return text[:1].upper() + text[1:] if text[:1] != GAP else text


def _make(
    kind: str,
    answer: str,
    sentence: str,
    paragraph: int,
    context: str,
    *,
    detail: str = "",
    **slots: str,
) -> Fact:
    fact = Fact(
        type=kind,
        answer=answer,
        sentence=sentence,
        paragraph=paragraph,
        value=answer.casefold(),
        detail=detail,
        score=TYPE_PRIOR[kind],
    )
    return fact.with_slots(context=context, **slots)
