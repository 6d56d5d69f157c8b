"""Facts rendered through templates into candidate questions. Pure and deterministic."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.generate.distractors import Pool, distractors, is_alias
from quiz.generate.facts import Fact
from quiz.generate.grammar import GAP
from quiz.generate.templates import Template
from quiz.model import FALSE, TRUE, Question, QuestionKind, SourceRef, stable_id

BLANK = "_____"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A generated question with what it was made from, before checks and selection."""

    question: Question
    fact: Fact
    template: Template
    facts: tuple[Fact, ...] = ()
    """For timelines: the dated facts in the answer's order."""


def rng_for(seed: int, *parts: str) -> random.Random:
    """A random generator that depends only on `seed` and `parts` (not on Python's hash seed)."""
    digest = hashlib.sha256("\x1f".join((str(seed), *parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def normalise_sentence(sentence: str) -> str:
    """The sentence as it counts for question ids: case and spacing ignored."""
    return " ".join(sentence.casefold().split())


def question_id(fact_type: str, template_id: str, sentence: str, answer: str) -> str:
    """A question id that survives edits elsewhere in the article."""
    return stable_id(fact_type, template_id, normalise_sentence(sentence), answer.casefold())


def cloze_gap(answer: str) -> str:
    """`answer` as the one Anki gap, with "}}" and "::" broken up so they cannot end it."""
    safe = answer.replace("}}", "} }").replace("::", ": :")
    return "{{c1::" + safe + "}}"


def applies(template: Template, fact: Fact) -> bool:
    """Whether `template` is for `fact`'s type and its `when` conditions hold."""
    if template.fact != fact.type:
        return False
    for key, allowed in template.when:
        value = fact.detail if key == "detail" else fact.slot(key)
        if value not in allowed:
            return False
    return True


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch not in "\"“‘'( ":
            return text
    return text


def _accept(fact: Fact, slot: str, answer: str) -> tuple[str, ...]:
    out: list[str] = []
    if slot == "answer":
        out.extend(fact.accept)
        if fact.type == "person" and len(answer.split()) >= 2:
            out.append(answer.split()[-1])
        if fact.type == "date" and fact.detail == "decade" and " " in answer:
            out.append(answer.split()[-1])
        if re.match(r"(?i)the\s", answer):
            out.append(answer[4:])
    elif slot in {"term", "number"}:
        out.append(fact.answer)
    return tuple(dict.fromkeys(a for a in out if a and a != answer))


def render(
    fact: Fact, template: Template, pool: Pool, *, seed: int = 0
) -> tuple[Candidate | None, str]:
    """The question `template` makes of `fact`, or None with a reason code ("" if it does not
    apply)."""
    if template.kind == "order" or not applies(template, fact):
        return None, ""
    slot = template.answer
    answer = fact.answer if slot == "answer" else fact.slot(slot)
    if not answer:
        return None, ""
    context = fact.slot("context" if slot == "answer" else f"context:{slot}")
    values: dict[str, str] = {}
    for name in template.placeholders:
        if name == "cloze":
            value = context.replace(GAP, cloze_gap(answer)) if GAP in context else ""
        elif name == "blank":
            value = context.replace(GAP, BLANK) if GAP in context else ""
        elif name == "statement":
            value = context if GAP in context else ""
        elif name == "answer":
            value = answer
        else:
            value = fact.slot(name)
        if not value:
            return None, ""
        values[name] = value
    qid = question_id(fact.type, template.id, fact.sentence, answer)
    rng = rng_for(seed, qid)
    kind: QuestionKind = template.kind  # type: ignore[assignment]
    final_answer = answer
    choices: tuple[str, ...] = ()
    accept = _accept(fact, slot, answer)
    if template.kind in {"choice", "truefalse"}:
        wrong = distractors(fact, answer, slot, pool, rng)
        if template.kind == "choice":
            if len(wrong) < 3:
                return None, "few-distractors"
            options = [answer, *wrong[:3]]
            rng.shuffle(options)
            choices = tuple(options)
        else:
            truth = rng.random() < 0.5
            if not truth and not wrong:
                truth = True
            filler = answer if truth else wrong[0]
            values["statement"] = context.replace(GAP, filler)
            final_answer = TRUE if truth else FALSE
            accept = ()
    prompt = template.prompt.format_map(values)
    prompt = _capitalise(" ".join(prompt.split()))
    prompt = re.sub(r"\s+([?.,])", r"\1", prompt)
    question = Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        answer=final_answer,
        accept=accept,
        choices=choices,
        fact=fact.type,
        tags=(fact.type,),
        source=SourceRef(sentence=fact.sentence, paragraph=fact.paragraph or None),
    )
    return Candidate(question, fact, template), ""


def timeline(
    facts: Sequence[Fact], template: Template, *, seed: int = 0, size: int = 4
) -> Candidate | None:
    """An `order` question over 3-5 dated events with distinct dates and clean labels."""
    by_date: dict[str, Fact] = {}
    for fact in sorted(facts, key=lambda f: (-f.score, f.sort_key, f.sentence)):
        label = fact.slot("label")
        if fact.type != "date" or not label or fact.sort_key == (0, 0, 0):
            continue
        words = label.split()
        if not 3 <= len(words) <= 14 or re.search(r"\b(1[5-9]|20)\d\d\b", label):
            continue
        if re.search(r"(?i)\b(then|later|after|before|first|earlier|will)\b", label):
            continue
        year = str(fact.sort_key[0])
        if year in by_date or any(is_alias(label, f.slot("label")) for f in by_date.values()):
            continue
        by_date[year] = fact
    chosen = list(by_date.values())[:size]
    if len(chosen) < 3:
        return None
    ordered = sorted(chosen, key=lambda f: f.sort_key)
    items = tuple(_capitalise(f.slot("label")) for f in ordered)
    qid = stable_id("date", template.id, *(normalise_sentence(f.sentence) for f in ordered))
    rng = rng_for(seed, qid)
    shown = list(items)
    for _ in range(10):
        rng.shuffle(shown)
        if tuple(shown) != items:
            break
    question = Question(
        id=qid,
        kind="order",
        prompt=template.prompt,
        answer=items,
        choices=tuple(shown),
        fact="date",
        tags=("date", "timeline"),
        source=SourceRef(sentence=ordered[0].sentence, paragraph=ordered[0].paragraph or None),
    )
    return Candidate(question, ordered[0], template, facts=tuple(ordered))
