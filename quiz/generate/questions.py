"""Facts rendered through templates into candidate questions. Pure and deterministic."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from quiz.generate.distractors import Pool, distractors, statement_ok
from quiz.generate.facts import Fact
from quiz.generate.grammar import GAP
from quiz.generate.names import is_alias
from quiz.generate.templates import Template
from quiz.language import MONTHS, WEEKDAYS
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


_ADDITIVE: Final = re.compile(r"(?i)\s+also\b|,?\s+(as well|too)(?=\s*\?)")
"""Words that add to what the sentence before said; a question asks the fact on its own."""


def _accept(fact: Fact, slot: str, answer: str) -> tuple[str, ...]:
    out: list[str] = []
    if slot == "answer":
        out.extend(fact.accept)
        if fact.type == "person" and len(answer.split()) >= 2:
            out.append(answer.split()[-1])
        if fact.type == "date" and fact.detail in {"decade", "part"} and " " in answer:
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
            if not wrong or not statement_ok(context):
                return None, "no-false-statement"
            truth = rng.random() < 0.5
            filler = answer if truth else wrong[0]
            values["statement"] = context.replace(GAP, filler)
            if "answer" in values:
                values["answer"] = filler  # a yes-or-no question about the answer or a wrong one
            final_answer = TRUE if truth else FALSE
            accept = ()
    prompt = template.prompt.format_map(values)
    if template.kind in {"short", "choice"} and prompt.rstrip().endswith("?"):
        prompt = _ADDITIVE.sub("", prompt)  # "Where has the UN also warned ...?": also than what?
    prompt = _capitalise(" ".join(prompt.split()))
    prompt = re.sub(r"\s+([?.,])", r"\1", prompt)
    if lead := fact.slot("lead"):
        prompt = f"{lead} {prompt}"  # the sentence that says what "these fires" are
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


_ORDER_WORDS: Final = re.compile(
    r"(?i)\b(then|later|after|afterwards|before|first|earlier|previously|next|finally|"
    r"will|would|plans?|expects?|soon|since|until)\b"
)
_DATE_WORDS: Final = re.compile(
    rf"(?i)\b((1[5-9]|20)\d\d|{'|'.join(MONTHS)}|today|yesterday|{'|'.join(WEEKDAYS)})\b"
)
_STATES: Final = frozenset(
    "be stand remain seem appear have say tell add note argue believe think hope want confirm "
    "announce report state claim".split()
)
_PRONOUN_START: Final = re.compile(r"(?i)^(it|its|he|she|they|their|his|her|this|these)\b")
LABEL_WORDS: Final = 12


def timeline_events(facts: Sequence[Fact]) -> list[Fact]:
    """Dated events fit for a timeline, best first: an absolute year, month, day or range; a short
    label (2-12 words, no date, no ordering or future words, no pronoun); one per year."""
    by_year: dict[int, Fact] = {}
    for fact in sorted(facts, key=lambda f: (-f.score, f.sort_key, f.sentence)):
        label = fact.slot("label")
        if fact.type != "date" or fact.detail not in {"year", "month", "day", "range"} or not label:
            continue
        if fact.slot("prep") not in {"", "in", "on", "at", "during", "-"}:
            continue  # "since 1958", "by 2030": not the date the event happened
        words = label.split()
        if not 2 <= len(words) <= LABEL_WORDS or _DATE_WORDS.search(label):
            continue
        if _ORDER_WORDS.search(label) or _PRONOUN_START.match(label):
            continue
        if re.search(r"(?i)\b(same|latter|former)\b|\ba [aeiou]", label):
            continue  # a vague subject, or a hole left by a dropped word ("a appointed")
        if fact.slot("predicate").split()[:1] and fact.slot("aux") in {"is", "are", "am"}:
            continue
        verb = fact.slot("predicate").split()[:1]
        if verb and verb[0].lower() in _STATES:
            continue
        year = fact.sort_key[0]
        if year in by_year or any(is_alias(label, f.slot("label")) for f in by_year.values()):
            continue
        by_year[year] = fact
    return list(by_year.values())


def timelines(
    facts: Sequence[Fact], template: Template, *, seed: int = 0, size: int = 4
) -> list[Candidate]:
    """One order question, or two over different events when the article has enough of them."""
    events = timeline_events(facts)
    out: list[Candidate] = []
    if len(events) >= 3:
        out.append(_order(events[:size], template, seed))
    rest = events[size:]
    if len(rest) >= 3:
        out.append(_order(rest[:size], template, seed))
    return out


def timeline(
    facts: Sequence[Fact], template: Template, *, seed: int = 0, size: int = 4
) -> Candidate | None:
    """An `order` question over 3-5 dated events with distinct years and clean labels."""
    found = timelines(facts, template, seed=seed, size=size)
    return found[0] if found else None


def _order(chosen: Sequence[Fact], template: Template, seed: int) -> Candidate:
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
