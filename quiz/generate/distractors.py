"""Wrong options for multiple-choice and false true/false statements.

Distractors have the key's fine kind and granularity: nearby years that are not also true and on
the same side of the publication year, countries for a country, cities for a city, people for a
person, newspapers for a newspaper, numbers with the same unit. They come from the article first,
then from the gazetteer (neighbouring countries, the country's big cities, the biggest cities of
a named region). None is an alias of the key, contains it or lies within it, nor appears in the
key's own sentence. None is ruled out or made true as well by the sentence: a place outside the
region it names (`named_region`), a city of a country it names apart from the answer's ("worn in
China, years after it appeared in _____"), a number beyond the floor or ceiling it sets
(`number_bounds`). A stand-in name ("X University") is no option.
When the key's kind is uncertain, or the sentence lets one work the answer out, there are none: the
fact is asked another way. Pure functions; randomness comes from the caller.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Final

from quiz.generate.facts import Fact, Mention
from quiz.generate.grammar import GAP
from quiz.generate.names import (
    PERSON,
    fine_kind,
    is_alias,
    name_kinds,
    normalise,
    overlaps,
    place_of,
)
from quiz.generate.number_options import number_options, pick_around
from quiz.generate.places import (
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    Place,
    abbreviates,
    capitals_near,
    contains,
    neighbours,
    other_continents,
    place,
    region_cities,
    region_of,
)
from quiz.generate.values import DateValue, format_date, parse_date

_LABELS: Final = {
    "person": ("PERSON",),
    "place": ("GPE", "LOC", "FAC"),
    "organisation": ("ORG",),
    "event": ("EVENT", "LAW", "ORG", "FAC"),
}


@dataclass(frozen=True, slots=True)
class Pool:
    """What an article offers as distractors."""

    mentions: tuple[Mention, ...] = ()
    long_forms: tuple[str, ...] = ()
    """Acronym long forms defined in the article."""
    speakers: tuple[str, ...] = ()
    latest_year: int | None = None
    """No past event's distractor may be later than this (the publication year), and no future
    event's earlier."""
    published: date | None = None
    """The publication date, when known: it bounds a past event's options to the day (a past
    "October 7" gets no "December 7" of a page published in November)."""
    aliases: tuple[tuple[str, str], ...] = field(default=())
    """(short form, long form) pairs of the article's acronyms."""
    kinds: tuple[tuple[str, str], ...] = field(default=())
    """(name, kind) for the names the article says more about (see `name_kinds`)."""
    with_the: tuple[str, ...] = field(default=())
    """Names the article mostly writes after "the" ("the Netherlands", "the Senate")."""
    authors: tuple[str, ...] = field(default=())
    """Who wrote the article: never an option, and no options beside them."""


def distractors(fact: Fact, answer: str, slot: str, pool: Pool, rng: random.Random) -> list[str]:
    """Up to three wrong options for `answer` (the value of the fact's `slot`); fewer, or none,
    when the article and the gazetteer have too few of the answer's kind or the kind is
    uncertain (the question is then asked as a cloze or typed question)."""
    if slot == "answer" and fact.type == "date":
        value = parse_date(answer)
        return _dates(value, fact, pool, rng) if value is not None else []
    if slot == "answer" and fact.type == "number":
        return number_options(answer, fact.slot("context"), rng)
    if fact.type == "acronym" and slot == "answer":
        forms = list(pool.long_forms) + [
            m.text for m in pool.mentions if m.label == "ORG" and len(m.text.split()) >= 2
        ]
        return _entities(answer, "long form", [(n, "long form") for n in forms], fact, pool, rng)
    if fact.type == "quote" and slot == "speaker":
        label_of = {m.text: m.label for m in pool.mentions}
        label = label_of.get(answer, "")
        speakers = [(n, label_of.get(n, "")) for n in pool.speakers]
        return _entities(answer, label, speakers, fact, pool, rng)
    labels = _LABELS.get(fact.type)
    if labels is None or slot != "answer":
        return []
    label = "PERSON" if fact.type == "person" else fact.detail
    label = "ORG" if label == "ACRONYM" else label
    names = [(m.text, m.label) for m in pool.mentions if m.label in labels]
    if fact.type == "event":
        if not _eventish(answer):
            return []
        names = [(n, "EVENT") for n, _ in names if _eventish(n)]
        label = "EVENT"
    options = _entities(answer, label, names, fact, pool, rng)
    if fact.type == "place" and options:
        return _within_named_region(answer, options, fact.slot("context"))
    return options


_AFTER_GAP_REGION: Final = re.compile(GAP + r",\s+((?:[A-Z][\w.’'-]*\s?){1,3})")
_CAPITALISED_RUN: Final = re.compile(r"(?<![\w'’])[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*")


def _within_named_region(answer: str, options: list[str], context: str) -> list[str]:
    """`options` when every one lies in the region the sentence names around the answer's gap
    ("in _____, Texas": cities of Texas), else none: a Los Angeles among "_____, Texas" is wrong
    at sight."""
    region = named_region(answer, context)
    if region is None:
        return options
    inside = [o for o in options if (p := place(o)) is not None and contains(region, p)]
    return options if len(inside) == len(options) else []


def named_region(answer: str, context: str) -> Place | None:
    """The smallest place the sentence (`context`, the answer's place marked by GAP) names that
    contains the place `answer`: "_____, Tenn." (written out or abbreviated), "the University
    of Texas at _____", "_____ in southern China", "_____ is Europe's largest port"; else the
    region of a city answer when every other city the sentence names lies there too ("from
    Nashville to _____": Tennessee). Every wrong option must lie there too, or the sentence
    rules it out (or, for sibling cities, makes it a give-away)."""
    home = place(answer)
    if home is None or GAP not in context:
        return None
    found: list[Place] = []
    siblings: list[Place] = []  # the other cities the sentence names
    after = _AFTER_GAP_REGION.search(context)
    region = region_of(home) if home.kind == CITY else None
    if after is not None and region is not None:
        words = after.group(1).split()
        if any(abbreviates(" ".join(words[:n]), region) for n in range(1, len(words) + 1)):
            found.append(region)
    for run in _CAPITALISED_RUN.finditer(context.replace(GAP, " , ")):
        words = run.group(0).split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + 4) + 1):
                name = " ".join(words[start:end]).rstrip(".,")
                there = place(name) if name.casefold() not in {"of", "the"} else None
                if there is None or there.key == home.key:
                    continue
                if there.kind == CITY:
                    if end == len(words) and all(w.casefold() in _OPENERS for w in words[:start]):
                        siblings.append(there)  # the whole name ("In Nashville"), no part of one
                    continue
                if contains(there, home):
                    found.append(there)
    if (
        not found
        and region is not None
        and siblings
        and all(region_of(c) == region for c in siblings)
    ):
        found.append(region)  # "from Nashville to _____": another city of Tennessee
    if not found:
        return None
    rank = {REGION: 0, COUNTRY: 1, CONTINENT: 2}
    return min(found, key=lambda p: rank.get(p.kind, 3))


def _eventish(name: str) -> bool:
    from quiz.generate.facts import EVENT_WORDS

    return bool(EVENT_WORDS & set(name.lower().replace("-", " ").split()))


def answer_kind(fact: Fact, answer: str, slot: str, pool: Pool) -> str:
    """The fine kind the wrong options of `answer` must share ("" when uncertain)."""
    if fact.type in {"date", "number"}:
        return fact.type
    label = "PERSON" if fact.type == "person" else fact.detail
    if fact.type == "quote" and slot == "speaker":
        label = {m.text: m.label for m in pool.mentions}.get(answer, "")
    cues = dict(pool.kinds)
    if answer not in cues:
        cues.update(_cue(answer, fact.sentence))
    long = dict(pool.aliases).get(answer, answer)
    return fine_kind(long, "ORG" if label == "ACRONYM" else label, cues.get(answer, ""))


def _entities(
    answer: str,
    label: str,
    names: Sequence[tuple[str, str]],
    fact: Fact,
    pool: Pool,
    rng: random.Random,
) -> list[str]:
    cues = dict(pool.kinds)
    if answer not in cues:
        cues.update(_cue(answer, fact.sentence))
    long_of = dict(pool.aliases)

    person_words = _person_words(pool.mentions)

    def kind(name: str, name_label: str) -> str:
        if name_label == "long form":
            return name_label
        if _DANGLING.search(name):
            return ""  # a name cut off by the parser ("Department of")
        found = fine_kind(long_of.get(name, name), name_label, cues.get(name, ""))
        if found != PERSON and set(normalise(name).split()) <= person_words:
            return ""  # also a person's name in the article ("Anna", a town too)
        if found != PERSON and _PLACEHOLDER.search(name) and len(name.split()) > 1:
            return ""  # "X University", "Company B": a stand-in the article uses, no real name
        return found

    want = kind(answer, label)
    if not want or normalise(answer) in {normalise(a) for a in pool.authors}:
        return []  # uncertain, or the page's author: a cloze or a typed question asks it
    if _fragment(answer, want, fact.slot("context")):
        return []
    if want == PERSON and len(answer.split()) == 1:
        names = _same_name_part(answer, names)
    counts = Counter(n for n, lbl in names if kind(n, lbl) == want)
    if want == PERSON:
        press = _press(pool.mentions)
        counts = Counter({n: c for n, c in counts.items() if n not in press})
    if want == PERSON and len(answer.split()) >= 2:
        counts = Counter({n: c for n, c in counts.items() if len(n.split()) >= 2})
    home = place_of(answer)
    key_words = len(answer.split())

    def order(name: str) -> tuple[int, int, int, str]:
        abroad = int(home is not None and _abroad(home, name))
        return (abroad, abs(len(name.split()) - key_words), -counts[name], name)

    fits = _gap_fit(answer, fact, pool)
    sentence = f" {normalise(fact.sentence)} "
    taken: list[str] = []

    in_sentence = [text for _, text in fact.entities if text != answer]
    in_sentence += _names_in(fact.slot("context"))
    short = _abbreviation(answer)
    region = named_region(answer, fact.slot("context")) if want in _PLACE_KINDS else None
    elsewhere = _countries_apart(answer, fact.slot("context")) if want in _PLACE_KINDS else ()

    def usable(name: str, from_article: bool) -> bool:
        if f" {normalise(name)} " in sentence or overlaps(name, answer, pool.aliases):
            return False
        if _abbreviation(name) != short:
            return False  # "U.S." beside "UK", "United States" beside "Canada"
        if any(is_alias(name, other, pool.aliases) for other in in_sentence):
            return False  # another name of something the sentence already mentions
        if (wide := place_of(name)) is not None and any(
            (p := place_of(other)) is not None and p.key != wide.key and contains(wide, p)
            for other in in_sentence
        ):
            return False  # "7 June in Vell and 8 June across Europe": Europe is ruled out
        if any(overlaps(name, other, pool.aliases) for other in taken):
            return False
        if answer[:1].isupper() and not name[:1].isupper():
            return False
        if region is not None and (
            (there := place_of(name)) is None or not contains(region, there)
        ):
            return False  # "_____, Texas" or "in southern China": the sentence rules it out
        if elsewhere and (there := place_of(name)) is not None:
            if any(contains(country, there) for country in elsewhere):
                return False  # "worn in China in 1986, years after it first appeared in _____"
        return fits(name, from_article)

    ordered = sorted(counts, key=order)
    # A city abroad is a weak option beside the country's own cities (Paris for a Chinese
    # resort): the gazetteer's cities of the answer's country come before the article's abroad.
    later = [n for n in ordered if want == CITY and order(n)[0]]
    for name in ordered:
        if len(taken) < 3 and name not in later and usable(name, True):
            taken.append(name)
    picked = list(taken)  # best first: the caller shuffles the options, a false statement
    # takes the first, so that the same article gives the same statements under any seed
    # the article has too few: the gazetteer's nearest of the kind
    fill = [] if _placed_elsewhere(answer, fact.sentence) else _fill_ins(want, answer, region)
    home_fill = [n for n in fill if n not in later and (home is None or not _abroad(home, n))]
    for name, from_article in (
        *((n, False) for n in home_fill),
        *((n, True) for n in later),
        *((n, False) for n in fill if n not in home_fill),
    ):
        if len(picked) < 3 and usable(name, from_article):
            taken.append(name)
            picked.append(name)
    if picked:  # the first (a false statement's swap) varies from sentence to sentence
        turn = zlib.crc32(fact.sentence.encode("utf-8")) % len(picked)
        picked = picked[turn:] + picked[:turn]
    return picked


_STAND_IN_HEADS: Final = (
    r"(?:University|College|School|Company|Corp|Firm|Bank|Hospital|Group|Team|Country|State|City|"
    r"Town|Person|Patient|Mr|Ms|Mrs)"
)
_PLACEHOLDER: Final = re.compile(
    rf"(?<![\w.’'-])[B-HJ-Z]\s+{_STAND_IN_HEADS}\b|\b{_STAND_IN_HEADS}\.?\s+[B-HJ-Z](?![\w.’'-])"
)
"""A lone capital letter standing for a name beside a generic noun ("X University", "Company
B"); "Formula E" and "Plan B" are names, "A" and "I" are words."""
_QUALIFIED: Final = re.compile(r"[A-Z][\w.’'-]*,\s*$")


def _countries_apart(answer: str, context: str) -> tuple[Place, ...]:
    """The countries the sentence (`context`, the answer's place marked by GAP) names that do not
    hold the place `answer`: a wrong option inside one of them is ruled out by the sentence
    ("first worn in China in 1986, 40 years after it appeared in _____": no Chinese city). A
    country that only qualifies the name before it ("Lyon, France") sets no such bound."""
    home = place_of(answer)
    if home is None or GAP not in context:
        return ()
    found: dict[str, Place] = {}
    text = context.replace(GAP, " , ")
    for run in _CAPITALISED_RUN.finditer(text):
        if _QUALIFIED.search(text[: run.start()]):
            continue
        words = run.group(0).rstrip(".,’'").split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + 4) + 1):
                there = place(" ".join(words[start:end]))
                if there is not None and there.kind == COUNTRY and not contains(there, home):
                    found[there.key] = there
    return tuple(found.values())


def _names_in(context: str) -> list[str]:
    """The capitalised names of a prompt outside its gap, whether tagged or not ("Varga praised
    _____" names Varga): a wrong option naming the same thing is ruled out by the prompt."""
    if GAP not in context:
        return []
    names = []
    for run in _CAPITALISED_RUN.finditer(context.replace(GAP, " , ")):
        words = run.group(0).rstrip(".,’'").split()
        if run.start() == 0 or context[: run.start()].rstrip().endswith((".", '"', "“", ":")):
            words = words[1:] if words and words[0].casefold() in _OPENERS else words
        text = " ".join(words)
        if normalise(text) and text.casefold() not in _OPENERS:
            names.append(text)
        # a run may join two names ("On Saturday Harbour Rovers"): its parts of two words or more
        names.extend(
            " ".join(words[i:j])
            for i in range(len(words))
            for j in range(i + 2, min(len(words), i + 4) + 1)
            if j - i < len(words)
        )
    return names


def _abroad(home: Place, name: str) -> bool:
    """Whether the gazetteer puts `name` in another country than `home`."""
    here = place_of(name)
    return here is not None and here.country != home.country


_DANGLING: Final = re.compile(r"(?i)\s(?:of|the|and|for|in|on|at|to|de)$")


@lru_cache(maxsize=4096)
def _cue(answer: str, sentence: str) -> dict[str, str]:
    """What the answer's own sentence says of its kind (cached: each template of a fact asks)."""
    return name_kinds((answer,), sentence)


_PRESS_WORDS: Final = (
    r"(?:reporter|correspondent|journalist|columnist|editor|photographer|photojournalist|"
    r"anchor|host|producer|writer|contributor)s?"
)
_PRESS_BEFORE: Final = re.compile(rf"(?i)\b{_PRESS_WORDS}\s+(?:(?:for|at|with)\s+\S+\s+)?$")
_PRESS_AFTER: Final = re.compile(
    rf"(?i)^,\s+(?:(?:a|an|the|who is)\s+)?(?:[\w’'-]+\s+){{0,3}}?{_PRESS_WORDS}\b"
    r"|^\s+(?:contributed|reported|wrote)\b"
)


@lru_cache(maxsize=64)
def _press(mentions: tuple[Mention, ...]) -> frozenset[str]:
    """The people the article names only as the press passing the news on ("reporter Jane Roe",
    "Jane Roe, a correspondent for ...", "Jane Roe contributed"): never a suspect's or a
    minister's wrong option (cached per article)."""
    roles: dict[str, bool] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        at = m.sentence.find(m.text)
        if at < 0:
            continue
        before, after = m.sentence[:at], m.sentence[at + len(m.text) :]
        is_press = bool(_PRESS_BEFORE.search(before) or _PRESS_AFTER.match(after))
        roles[m.text] = roles.get(m.text, True) and is_press
    return frozenset(name for name, only_press in roles.items() if only_press)


@lru_cache(maxsize=64)
def _person_words(mentions: tuple[Mention, ...]) -> frozenset[str]:
    """The words of the article's people's names (cached per article)."""
    return frozenset(w for m in mentions if m.label == "PERSON" for w in normalise(m.text).split())


def _placed_elsewhere(answer: str, sentence: str) -> bool:
    """Whether the sentence puts the answer in a place the gazetteer's namesake is not in
    ("Moscow, Idaho"): its nearest places would be the namesake's."""
    home = place_of(answer)
    if home is None:
        return False
    for m in re.finditer(rf"{re.escape(answer)},\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)", sentence):
        where = place_of(m.group(1))
        if where is not None and where.key not in {home.country, home.within}:
            return True
    return False


def _abbreviation(name: str) -> bool:
    """Whether a name is written as capital initials ("U.S.", "NATO"), which, unlike full names,
    also serve as modifiers ("U.S. chip capacity")."""
    letters = re.sub(r"(?i)^the\s+", "", name).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _same_name_part(answer: str, names: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Other people's names written like the one-word answer: their surnames for a surname,
    their first names for a first name; none when the article never gives the answer in full
    (a one-word "person" may be anything the parser took for one: "Advent", "Botox")."""
    full = [n.split() for n, label in names if label == "PERSON" and len(n.split()) >= 2]
    if any(words[-1] == answer for words in full):
        return [(words[-1], "PERSON") for words in full]
    if any(words[0] == answer for words in full):
        return [(words[0], "PERSON") for words in full]
    return []


_TITLES: Final = frozenset(
    "mr mrs ms miss dr prof sen rep gov pope cardinal saint st sir dame lord lady coach rev "
    "father mother sister brother king queen prince princess president judge justice general "
    "minister secretary chancellor mayor governor senator officer detective captain".split()
)


def _fragment(answer: str, kind: str, context: str) -> bool:
    """Whether the gap takes only part of a longer name ("Inter _____", "Colman _____"): a
    capitalised word that is no title nor a sentence's first word stands right before it."""
    if GAP not in context:
        return False
    before = context.split(GAP, 1)[0]
    m = re.search(r"(\S+)\s+$", before)
    if m is None:
        return False
    raw = m.group(1).lstrip("([\"“‘'")
    if not raw[:1].isupper() or raw[-1:] in {",", ";", ":", ")", "”", '"'}:
        return False
    word = raw.rstrip(".").casefold()
    if word in _OPENERS:
        return False  # "In _____, ...": a capital only because the sentence opens there
    return kind != PERSON or word not in _TITLES


_OPENERS: Final = frozenset(
    "the a an in at on from for by after before with without and but or when while since as "
    "to of under over into near across during until like unlike both only even also then "
    "last this that these those yesterday today tomorrow".split()
)


_PLACE_KINDS: Final = frozenset({CITY, REGION, COUNTRY, CONTINENT})


def _fill_ins(kind: str, answer: str, region: Place | None = None) -> list[str]:
    """Names of the answer's kind from the gazetteer, for when the article has too few: the
    countries bordering a country; the biggest cities of the region the sentence names, the
    capitals of a city's country and of its neighbours; other continents."""
    home = place_of(answer)
    if home is None:
        return []
    if kind == COUNTRY and home.kind == COUNTRY and home.within == "":
        return [n for n in neighbours(home) if not _takes_the(n)]
    if kind == CITY:
        inside = region_cities(region) if region is not None else ()
        return list(dict.fromkeys([*inside, *capitals_near(home)]))
    if kind == CONTINENT:
        return list(other_continents(home))
    return []


def _takes_the(name: str) -> bool:
    """Whether a gazetteer name is one English writes after "the" ("the Philippines")."""
    return bool(re.search(r"(?i)^the |s$|\b(republic|united|islands|kingdom|states)\b", name))


def _gap_fit(answer: str, fact: Fact, pool: Pool) -> _Fit:
    """Which names read well in the answer's gap: after "the" ("arrive in the _____") only names
    the article writes after "the", elsewhere none of those ("_____ banned the practice")."""
    context = fact.slot("context")
    if GAP not in context or not pool.with_the:
        return _Fit(None)
    before = context.split(GAP, 1)[0]
    need_the = re.search(r"(?i)\bthe\s*$", before) is not None
    if (answer in pool.with_the) != need_the:
        return _Fit(None)  # the article's own use of the answer does not tell
    return _Fit(need_the, frozenset(pool.with_the))


@dataclass(frozen=True, slots=True)
class _Fit:
    need_the: bool | None
    with_the: frozenset[str] = frozenset()

    def __call__(self, name: str, from_article: bool) -> bool:
        if self.need_the is None:
            return True
        if not from_article:
            return not self.need_the
        return (name in self.with_the) == self.need_the


_UNNAMED: Final = re.compile(
    r"(?i)^(?:i|i'm|i’m|i've|i’ve|i'd|i’d|we|he|she|they|it|my|our|his|her|their|its|you|your)\b"
)
_FIRST_PERSON: Final = re.compile(
    r"(?<![\w'’])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|we|our|us)(?![\w'’])"
)


def false_statement(
    fact: Fact, answer: str, slot: str, pool: Pool, rng: random.Random
) -> str | None:
    """The sentence with one validated wrong option in the answer's place, for a true/false
    question; None when there is none of the answer's kind, or the statement is about someone it
    does not name ("I", "he"), so that no absurd or unanswerable statement is asked."""
    context = fact.slot("context" if slot == "answer" else f"context:{slot}")
    if GAP not in context or not statement_ok(context):
        return None
    wrong = distractors(fact, answer, slot, pool, rng)
    if not wrong:
        return None
    return context.replace(GAP, wrong[0])


def statement_ok(statement: str) -> bool:
    """Whether a statement may carry a swapped name or value for a true/false question: it names
    who it is about (no opening pronoun, no "I" or "we" outside quotation marks) and the gap, if
    any, is not inside a quotation (a swap there would put words in someone's mouth)."""
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", statement)
    if _UNNAMED.match(outside.lstrip(" ,")):
        return False
    if GAP in statement and GAP not in outside:
        return False
    return _FIRST_PERSON.search(outside) is None


def _dates(value: DateValue, fact: Fact, pool: Pool, rng: random.Random) -> list[str]:
    taken = frozenset(
        v.value
        for label, text in fact.entities
        if label == "DATE" and (v := parse_date(text)) is not None
    ) | {value.value}
    now: tuple[int, int, int] | None = None
    if pool.published is not None:
        now = (pool.published.year, pool.published.month, pool.published.day)
    elif pool.latest_year is not None:
        now = (pool.latest_year, 0, 0)
    below, above = _nearby_dates(value, taken, now, fact.answer)
    picked = pick_around(list(below), list(above), rng)
    return picked if len(picked) == 3 else []


@lru_cache(maxsize=4096)
def _nearby_dates(
    value: DateValue, taken: frozenset[str], now: tuple[int, int, int] | None, style: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The dates before and after `value`, nearest first, written like `style`: none in `taken`,
    and on the key's side of `now`, the publication date as (year, month, day), or (year, 0, 0)
    when only its year is known: none after it for a past event, none before or at it for a
    future one, so that no option is the only future or the only past one. Cached: every choice
    and true/false template of a date asks."""
    below: list[DateValue] = []
    above: list[DateValue] = []
    future = now is not None and _later(value, now)
    for step in range(1, 13):
        for sign, bucket in ((-1, below), (1, above)):
            cand = _shift(value, sign * step)
            if cand is None or cand.value in taken:
                continue
            if now is not None and _later(cand, now) != future:
                continue
            bucket.append(cand)
    return (
        tuple(format_date(v, style) for v in below),
        tuple(format_date(v, style) for v in above),
    )


_PARTS: Final = {"year": 1, "part": 1, "range": 1, "decade": 1, "month": 2, "day": 3}


def _later(value: DateValue, now: tuple[int, int, int]) -> bool:
    """Whether `value` lies after `now`, compared as finely as both are known (a month of the
    publication's year is later only when its month is)."""
    parts = _PARTS.get(value.granularity, 1)
    if now[1] == 0:
        parts = 1
    elif now[2] == 0:
        parts = min(parts, 2)
    return value.sort_key[:parts] > now[:parts]


def _shift(value: DateValue, step: int) -> DateValue | None:
    g = value.granularity
    if g == "year":
        return parse_date(str(int(value.value) + step))
    if g == "part":
        year, part = value.value.split("-")
        return parse_date(f"{part} {int(year) + step}")
    if g == "range":
        a, b = (int(x) for x in value.value.split("/"))
        return parse_date(f"{a + step} to {b + step}")
    if g == "month":
        y, m = (int(x) for x in value.value.split("-"))
        index = y * 12 + (m - 1) + step * 2
        return parse_date(f"{_month_name(index % 12)} {index // 12}")
    if g == "day":
        y, m, d = (int(x) for x in value.value.split("-"))
        index = y * 12 + (m - 1) + step
        return parse_date(f"{_month_name(index % 12)} {min(d, 28)}, {index // 12}")
    if g == "decade":
        decade, _, part = value.value.partition("-")
        parts = ["early", "mid", "late"] if part else [""]
        start = int(decade[:-1])
        slots = [(start + 10 * k, p) for k in range(-3, 4) for p in parts]
        here = slots.index((start, part))
        j = here + step
        if not 0 <= j < len(slots):
            return None
        y, p = slots[j]
        return parse_date(f"{p} {y}s".strip())
    return None


def _month_name(index: int) -> str:
    from quiz.language import MONTHS

    return MONTHS[index]
