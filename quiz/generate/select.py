"""Rank candidate questions and keep the best: a compact deck, varied in kinds and sources."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from quiz.generate.names import locates, normalise
from quiz.generate.places import CITY, CONTINENT, COUNTRY, Place, contains, place
from quiz.generate.questions import Candidate

KIND_BONUS: Final = {"short": 0.12, "choice": 0.08, "cloze": 0.05, "truefalse": 0.05, "order": 0.3}
KIND_SHARE: Final = {"cloze": 0.35, "short": 0.6, "choice": 0.35, "truefalse": 0.08, "order": 0.05}
"""The most of the deck each kind may take."""
KIND_FLOOR: Final = {"short": 0.25, "truefalse": 0.05, "order": 0.01}
"""The least of the deck each kind is given first, when there are candidates of that kind."""
MAX_ORDER: Final = 2
MAX_PER_FACT: Final = 1
"""One fact, one question: a second kind of question about it would ask the same thing again."""
TWICE: Final = frozenset({"date", "number", "acronym", "person", "event", "quote"})
"""Fact types that may get a second question when a caller raises `Limits.per_fact`."""
MAX_PER_SENTENCE: Final = 3
BIO_PENALTY: Final = 1.0
ASIDE_PENALTY: Final = 0.35
MAX_FACTS_PER_SENTENCE: Final = 3


@dataclass(frozen=True, slots=True)
class Limits:
    """Selection limits."""

    max_questions: int
    per_fact: int = MAX_PER_FACT
    per_sentence: int = MAX_PER_SENTENCE
    facts_per_sentence: int = MAX_FACTS_PER_SENTENCE


def default_max(words: int) -> int:
    """The default deck size for an article of `words` words: about one per 25 words, and for a
    short article up to one per 15 words (a short news story is dense with facts), at most 45:
    a long piece has more detail, not more that a reader keeps."""
    return max(6, min(45, max(round(words / 25), min(round(words / 15), 20))))


def score(
    candidate: Candidate,
    *,
    mentions: dict[str, int],
    paragraphs: int,
    centrality: float = 0.0,
    no_choice: bool = False,
    headline: str = "",
) -> float:
    """How good `candidate` is likely to be; higher first.

    An answer the headline names is what the whole article is about ("Ada Moen" under "Ada
    Moen wins Vell's sailing prize"): every reader knows it, so it is asked last.

    `no_choice` says the fact's multiple-choice question was refused for want of wrong options of
    the answer's kind; its cloze then keeps the rank the choice would have had, since how many
    such options the article holds says nothing of how worth asking the fact is.
    """
    fact = candidate.fact
    question = candidate.question
    value = fact.score * candidate.template.weight
    bonus = KIND_BONUS.get(question.kind, 0.0)
    if no_choice and question.kind == "cloze":
        bonus = max(bonus, KIND_BONUS["choice"])
    value += bonus
    if fact.paragraph and paragraphs:
        value += 0.1 * (1 - min(fact.paragraph - 1, paragraphs) / paragraphs)
    elif paragraphs:
        value -= BIO_PENALTY  # a line about the writers, not about the news: asked only if room
    words = len(question.prompt.split())
    if question.kind in {"short", "choice"} and "_____" not in question.prompt:
        if words > 20 or words < 6:
            value -= 0.1
    elif words > 30:
        value -= 0.1 * (words - 30) / 10
    count = mentions.get(fact.answer.casefold(), 1)
    if question.kind != "order" and count >= TOPIC_MENTIONS:
        # an answer the article keeps repeating is its topic: asking for it gives little away
        value -= min(0.5, 0.05 * count)
    elif question.kind != "order" and count > 1:
        value += REPEATED_BONUS * (count - 1)  # a name the story comes back to matters to it
    if fact.slot("position") == "subject":
        value += 0.05
    if fact.type == "date" and date_span(fact.answer):
        value -= ASIDE_PENALTY  # a span of years is a vague answer to recall
    if fact.slot("position") == "aside" and fact.type in {"date", "number"}:
        value -= ASIDE_PENALTY  # when a noun was described, not when the news happened
    value += 0.3 * centrality
    if question.kind != "order" and in_headline(fact.answer, headline):
        value -= HEADLINE_PENALTY
    if fact.type in {"place", "organisation", "person"} and listed(fact.answer, fact.sentence):
        value -= LISTED_PENALTY
    return value


LISTED_PENALTY: Final = 0.25
HEADLINE_PENALTY: Final = 0.4


def in_headline(answer: str, headline: str) -> bool:
    """Whether the headline names `answer` (for a person's name, its last word will do)."""
    if not headline or not answer:
        return False
    words = f" {normalise(headline)} "
    name = normalise(answer)
    last = name.split()[-1] if name.split() else ""
    return f" {name} " in words or (len(last) > 3 and last[:1].isalpha() and f" {last} " in words)


_NAME_ITEM: Final = r"(?:the )?[A-Z0-9][\w.’'&-]*(?: (?:of |the |de |and )?[A-Z0-9][\w.’'&-]*)*"
_LONG_LIST: Final = re.compile(rf"(?:{_NAME_ITEM},\s+)+{_NAME_ITEM},?\s+(?:and|or)\s+{_NAME_ITEM}")


def in_long_list(name: str, sentence: str) -> bool:
    """Whether `name` is one item of a list of three or more names ("Paris, Vienna and
    Barcelona", "Ada Moen, Lena Holm and Tomas Berg"): an example among others, which
    no reader keeps apart from the rest."""
    key = f" {normalise(name)} "
    return any(
        key in f" {normalise(m.group(0))} " and normalise(m.group(0)) != normalise(name)
        for m in _LONG_LIST.finditer(sentence)
    )


_PLACE_BEFORE: Final = re.compile(r"([A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}),\s+$")
_LIST_GOES_ON: Final = re.compile(r",?\s+(?:and|or)\s+[A-Z]|,\s+[A-Z]")


def holds_a_named_place(answer: str, names: Iterable[str]) -> bool:
    """Whether the region `answer` contains another place the sentence names ("Texas" beside
    Dallas): whoever knows that place knows the answer. A country is left out: news names a
    government by its capital ("Moscow's conviction that ..."), which gives nothing away."""
    outer = place(answer)
    if outer is None or outer.kind in {COUNTRY, CONTINENT}:
        return False
    for name in names:
        inner = place(name)
        if (
            name != answer
            and inner is not None
            and inner.key != outer.key
            and contains(outer, inner)
        ):
            return True
    return False


def locating_place(answer: str, sentence: str) -> bool:
    """Whether `answer` only says where the place written before it lies ("Corpus Christi,
    Texas", "Austin, Texas", "Tartu, Estonia"): whoever knows the place knows that. After a
    city the gazetteer knows, a name it reads as a city of another country (or not at all) is
    the region the gazetteer lacks ("Folkestone, Kent": not the Kent of Washington state)."""
    at = sentence.find(answer)
    while at >= 0:
        m = _PLACE_BEFORE.search(sentence, 0, at)
        if m is not None:
            outer, inner = place(answer), place(m.group(1))
            listed_on = _LIST_GOES_ON.match(sentence, at + len(answer)) is not None
            if inner is not None and inner.kind == CITY and not listed_on:
                if _region_left_out(outer, inner):
                    return True
            if outer is not None and inner is not None and outer.key != inner.key:
                if contains(outer, inner):
                    return True
        at = sentence.find(answer, at + 1)
    return locates(answer, sentence)


def _region_left_out(outer: Place | None, city: Place) -> bool:
    """Whether a name written right after `city` can only be a region the gazetteer lacks."""
    return outer is None or (outer.kind == CITY and outer.country != city.country)


TOPIC_MENTIONS: Final = 6
"""From this many mentions on, an answer is the article's topic (a weak question)."""
REPEATED_BONUS: Final = 0.04


def date_span(answer: str) -> bool:
    """Whether a date answer is a span ("between 2021 and 2024"), not one point in time."""
    return re.match(r"(?i)(?:between|from) ", answer) is not None


_ITEM: Final = r"(?:the )?[A-Z][\w'’.-]*"
_ITEM_AND_BEFORE: Final = re.compile(r"\b[A-Z][\w'’.-]*,? (?:and|or) (?:the )?\Z")
_AND_ITEM_AFTER: Final = re.compile(rf",? (?:and|or) {_ITEM}")
_ITEM_AFTER: Final = re.compile(rf", {_ITEM}")
_ITEMS_AND_ITEM_AFTER: Final = re.compile(rf", (?:{_ITEM}, )*{_ITEM},? (?:and|or) {_ITEM}")
_EDGE: Final = re.compile(r"\b")


@lru_cache(maxsize=16384)
def listed(name: str, sentence: str) -> bool:
    """Whether `name` is one item of a list of names ("Kazakhstan and Uzbekistan", "Norway, Finland
    and Sweden"): any of the items would do as the answer, so the question asks little.

    At some place of the sentence the name is one of: `X and NAME`, `NAME and X`, `, NAME, X`,
    `NAME, X, Y and Z` (`or` for `and`, each X may start with "the"). The patterns around the name
    are fixed, so nothing is compiled per name.
    """
    end = len(name)
    at = sentence.find(name)
    while at >= 0:
        after = at + end
        edge_before = _EDGE.match(sentence, at) is not None
        if (
            (_EDGE.match(sentence, after) and _ITEM_AND_BEFORE.search(sentence, 0, at))
            or (edge_before and _AND_ITEM_AFTER.match(sentence, after))
            or (
                at >= 2 and sentence.startswith(", ", at - 2) and _ITEM_AFTER.match(sentence, after)
            )
            or (edge_before and _ITEMS_AND_ITEM_AFTER.match(sentence, after))
        ):
            return True
        at = sentence.find(name, at + 1)
    return False


def fact_key(candidate: Candidate) -> tuple[str, str, str]:
    """What makes two candidates ask the same fact."""
    fact = candidate.fact
    return (fact.type, normalise(fact.answer), normalise(fact.sentence))


SECOND_QUESTION_PENALTY: Final = 0.45
SENTENCE_RANK_PENALTY: Final = 0.04
"""Taken off a sentence's second-best fact (twice that off its third): its lesser details."""


def select(candidates: Sequence[tuple[float, Candidate]], limits: Limits) -> list[Candidate]:
    """The best candidates within the limits, highest score first, ties broken by id.

    A fact's second question competes with a penalty, so every good fact gets its turn first.
    The kinds listed in KIND_FLOOR get their share first; then the rest fill the deck. A question
    that shows the answer of a chosen question from the same sentence (or whose answer a chosen
    one shows) comes in last, and only for a fact that has no question yet.
    """
    first = sorted(candidates, key=lambda pair: (-pair[0], pair[1].question.id))
    seen: Counter[tuple[str, str, str]] = Counter()
    sentence_facts: dict[str, list[tuple[str, str, str]]] = {}
    adjusted: list[tuple[float, Candidate]] = []
    for value, candidate in first:
        key = fact_key(candidate)
        keys = sentence_facts.setdefault(normalise(candidate.fact.sentence), [])
        if key not in keys and candidate.question.kind != "order":
            keys.append(key)
        rank = keys.index(key) if key in keys else 0
        value -= SECOND_QUESTION_PENALTY * seen[key] + SENTENCE_RANK_PENALTY * rank
        adjusted.append((value, candidate))
        seen[key] += 1
    ranked = [c for _, c in sorted(adjusted, key=lambda pair: (-pair[0], pair[1].question.id))]
    size = limits.max_questions
    caps = {k: max(1, math.ceil(share * size)) for k, share in KIND_SHARE.items()}
    caps["order"] = min(caps["order"], MAX_ORDER)
    state = _State()
    floors = {k: max(1, round(share * size)) for k, share in KIND_FLOOR.items()}
    for kind in ("order", "short"):
        _fill(state, ranked, kind, floors[kind], limits, caps)
    reserve = floors["truefalse"]
    by_fact: dict[tuple[str, str, str], list[Candidate]] = {}
    for candidate in ranked:
        by_fact.setdefault(fact_key(candidate), []).append(candidate)
    for candidate in ranked:
        if len(state.chosen) >= size - reserve:
            break
        key = fact_key(candidate)
        if state.per_fact[key] or candidate.question.kind in {"truefalse", "order"}:
            continue
        if state.take(candidate, limits, caps, leaks=False):
            continue
        # the fact's best question shows (or gives away) another's answer: another kind of
        # question about it may not; failing that, the fact is kept all the same
        others = [c for c in by_fact[key] if c.question.kind not in {"truefalse", "order"}]
        if not any(state.take(c, limits, caps, leaks=False) for c in others):
            state.take(candidate, limits, caps, leaks=True)
    _fill(state, ranked, "truefalse", floors["truefalse"], limits, caps)
    for candidate in ranked:
        if len(state.chosen) >= size:
            break
        state.take(candidate, limits, caps, leaks=False)
    order = {id(c): n for n, c in enumerate(ranked)}
    return sorted(state.chosen, key=lambda c: order[id(c)])


def _fill(
    state: _State,
    ranked: Sequence[Candidate],
    kind: str,
    floor: int,
    limits: Limits,
    caps: dict[str, int],
) -> None:
    """Take the best questions of `kind` until there are `floor` of them."""
    for candidate in ranked:
        if state.kinds[kind] >= floor or len(state.chosen) >= limits.max_questions:
            return
        if candidate.question.kind == kind:
            state.take(candidate, limits, caps, leaks=False)


def shown_text(candidate: Candidate) -> str:
    """What a question shows the reader: its prompt, options and, for statements, the words."""
    q = candidate.question
    text = re.sub(r"\{\{c\d+::.*?\}\}", " ", q.prompt).replace("_____", " ")
    options = () if q.kind == "order" else q.choices
    return normalise(" ".join((text, *options)))


def hidden_answer(candidate: Candidate) -> str:
    """The answer a question asks for (a true/false statement asks for its fact's answer)."""
    q = candidate.question
    if q.kind == "order":
        return ""
    if q.kind == "truefalse":
        return normalise(candidate.fact.answer)
    return normalise(q.answer_text)


def leaks(a: Candidate, b: Candidate) -> bool:
    """Whether one of two questions shows the other's answer (QUESTIONS L4): in its prompt, its
    options or its statement, wherever in the article the two come from."""
    if a.question.kind == "order" or b.question.kind == "order":
        return False
    same = normalise(a.question.source.sentence) == normalise(b.question.source.sentence)
    for x, y in ((a, b), (b, a)):
        answer = hidden_answer(y)
        shown = shown_text(x) if same else _stem(x)
        if answer and f" {answer} " in f" {shown} ":
            return True
    return False


def _stem(candidate: Candidate) -> str:
    """What a question shows whatever the seed: its prompt without options, and nothing for a
    true/false statement (whose words depend on the draw)."""
    q = candidate.question
    if q.kind == "truefalse":
        return ""
    return normalise(re.sub(r"\{\{c\d+::.*?\}\}", " ", q.prompt).replace("_____", " "))


class _State:
    """What `select` has taken so far (local to one call)."""

    def __init__(self) -> None:
        self.kinds: Counter[str] = Counter()
        self.per_fact: Counter[tuple[str, str, str]] = Counter()
        self.fact_kinds: dict[tuple[str, str, str], set[str]] = {}
        self.per_sentence: Counter[str] = Counter()
        self.facts_in_sentence: dict[str, set[tuple[str, str, str]]] = {}
        self.answers: dict[str, tuple[str, str, str]] = {}
        self.prompts: set[str] = set()
        self.chosen: list[Candidate] = []
        self.taken: set[int] = set()

    def take(
        self, candidate: Candidate, limits: Limits, caps: dict[str, int], *, leaks: bool
    ) -> bool:
        if id(candidate) in self.taken:
            return False
        q = candidate.question
        key = fact_key(candidate)
        sentence = normalise(q.source.sentence)
        answer = normalise(q.answer_text) if q.kind not in {"truefalse", "order"} else ""
        prompt_key = normalise(re.sub(r"\{\{c1::|\}\}", "", q.prompt)) + "|" + answer
        if prompt_key in self.prompts:
            return False
        if self.kinds[q.kind] >= caps.get(q.kind, limits.max_questions) and not leaks:
            return False
        if q.kind != "order":
            most = limits.per_fact if candidate.fact.type in TWICE else 1
            kinds = self.fact_kinds.get(key, set())
            if q.kind == "truefalse" and kinds:
                return False  # the fact again, with its answer or a wrong one to judge
            if "truefalse" in kinds:
                return False
            if self.per_fact[key] >= most or q.kind in kinds:
                return False
            if answer and answer in self.answers and self.answers[answer] != key:
                return False
            in_sentence = self.facts_in_sentence.setdefault(sentence, set())
            if key not in in_sentence and len(in_sentence) >= limits.facts_per_sentence:
                return False
            if self.per_sentence[sentence] >= limits.per_sentence:
                return False
            if not leaks and any(
                fact_key(other) != key and _leaks(candidate, other) for other in self.chosen
            ):
                return False
            self.per_fact[key] += 1
            self.fact_kinds.setdefault(key, set()).add(q.kind)
            self.per_sentence[sentence] += 1
            in_sentence.add(key)
            if answer:
                self.answers[answer] = key
        self.chosen.append(candidate)
        self.taken.add(id(candidate))
        self.kinds[q.kind] += 1
        self.prompts.add(prompt_key)
        return True


_leaks = leaks
