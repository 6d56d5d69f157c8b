"""Rank candidate questions and keep the best: a compact deck, varied in kinds and sources."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from quiz.generate.distractors import normalise
from quiz.generate.questions import Candidate

KIND_BONUS: Final = {"short": 0.12, "choice": 0.08, "cloze": 0.05, "truefalse": 0.0, "order": 0.3}
KIND_SHARE: Final = {"cloze": 0.5, "short": 0.5, "choice": 0.35, "truefalse": 0.15, "order": 0.05}
"""The most of the deck each kind may take."""
MAX_PER_FACT: Final = 2
TWICE: Final = frozenset({"date", "number", "acronym", "person", "event", "quote"})
"""Fact types worth a second question of another kind; the others get one."""
MAX_PER_SENTENCE: Final = 5
MAX_FACTS_PER_SENTENCE: Final = 4


@dataclass(frozen=True, slots=True)
class Limits:
    """Selection limits."""

    max_questions: int
    per_fact: int = MAX_PER_FACT
    per_sentence: int = MAX_PER_SENTENCE
    facts_per_sentence: int = MAX_FACTS_PER_SENTENCE


def default_max(words: int) -> int:
    """The default deck size for an article of `words` words: about one per 20 words."""
    return max(6, min(60, round(words / 20)))


def score(
    candidate: Candidate,
    *,
    mentions: dict[str, int],
    paragraphs: int,
    centrality: float = 0.0,
) -> float:
    """How good `candidate` is likely to be; higher first."""
    fact = candidate.fact
    question = candidate.question
    value = fact.score * candidate.template.weight
    value += KIND_BONUS.get(question.kind, 0.0)
    if fact.paragraph and paragraphs:
        value += 0.1 * (1 - min(fact.paragraph - 1, paragraphs) / paragraphs)
    words = len(question.prompt.split())
    if question.kind in {"short", "choice"} and "_____" not in question.prompt:
        if words > 20 or words < 6:
            value -= 0.1
    elif words > 30:
        value -= 0.1 * (words - 30) / 10
    count = mentions.get(fact.answer.casefold(), 1)
    if question.kind != "order" and count > 1:
        # an answer the article keeps repeating is its topic: asking for it gives little away
        penalty = min(0.4, 0.06 * (count - 1))
        value -= penalty / 2 if fact.slot("position") == "subject" else penalty
    if fact.slot("position") == "subject":
        value += 0.05
    value += 0.3 * centrality
    return value


def fact_key(candidate: Candidate) -> tuple[str, str, str]:
    """What makes two candidates ask the same fact."""
    fact = candidate.fact
    return (fact.type, normalise(fact.answer), normalise(fact.sentence))


SECOND_QUESTION_PENALTY: Final = 0.45


def select(candidates: Sequence[tuple[float, Candidate]], limits: Limits) -> list[Candidate]:
    """The best candidates within the limits, highest score first, ties broken by id.

    A fact's second question competes with a penalty, so every good fact gets its turn first.
    """
    first = sorted(candidates, key=lambda pair: (-pair[0], pair[1].question.id))
    seen: Counter[tuple[str, str, str]] = Counter()
    adjusted: list[tuple[float, Candidate]] = []
    for value, candidate in first:
        key = fact_key(candidate)
        adjusted.append((value - SECOND_QUESTION_PENALTY * seen[key], candidate))
        seen[key] += 1
    ranked = sorted(adjusted, key=lambda pair: (-pair[0], pair[1].question.id))
    caps = {k: max(1, math.ceil(share * limits.max_questions)) for k, share in KIND_SHARE.items()}
    kinds: Counter[str] = Counter()
    per_fact: Counter[tuple[str, str, str]] = Counter()
    fact_kinds: dict[tuple[str, str, str], set[str]] = {}
    per_sentence: Counter[str] = Counter()
    facts_in_sentence: dict[str, set[tuple[str, str, str]]] = {}
    answers: dict[str, tuple[str, str, str]] = {}
    prompts: set[str] = set()
    chosen: list[Candidate] = []
    for _, candidate in ranked:
        if len(chosen) >= limits.max_questions:
            break
        q = candidate.question
        key = fact_key(candidate)
        sentence = normalise(q.source.sentence)
        answer = normalise(q.answer_text) if q.kind not in {"truefalse", "order"} else ""
        prompt_key = normalise(re.sub(r"\{\{c1::|\}\}", "", q.prompt)) + "|" + answer
        if prompt_key in prompts:
            continue
        if kinds[q.kind] >= caps.get(q.kind, limits.max_questions):
            continue
        if q.kind != "order":
            most = limits.per_fact if candidate.fact.type in TWICE else 1
            if per_fact[key] >= most or q.kind in fact_kinds.get(key, set()):
                continue
            if answer and answer in answers and answers[answer] != key:
                continue
            in_sentence = facts_in_sentence.setdefault(sentence, set())
            if key not in in_sentence and len(in_sentence) >= limits.facts_per_sentence:
                continue
            if per_sentence[sentence] >= limits.per_sentence:
                continue
            per_fact[key] += 1
            fact_kinds.setdefault(key, set()).add(q.kind)
            per_sentence[sentence] += 1
            in_sentence.add(key)
            if answer:
                answers[answer] = key
        chosen.append(candidate)
        kinds[q.kind] += 1
        prompts.add(prompt_key)
    return chosen
