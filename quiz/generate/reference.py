"""What a bare description in a sentence's subject refers to: "the plan" after "the Open Harbour
plan", "the school" after "the Sorbonne school".

News writing names a thing once and then calls it by its common noun. A question made from a
later sentence must name it again, or the reader cannot tell which plan is meant. As the article
is read, its named descriptions are remembered by their head noun, and so are the people,
organisations and places the last two sentences named. A subject made of a determiner and a
common noun, with nothing named or counted in it, is then

- replaced by the one named description of its noun ("the plan" -> "the Open Harbour plan");
- for a noun that names a kind of entity ("the star", "the company", "the city"), replaced by the
  one entity of that kind just named, or, when there is none or more than one, the sentence gives
  no question;
- with a demonstrative or possessive ("this delay", "their family"), no question;
- for a noun the article used before ("the plan", "the same city council", "the ship in
  distress"), no question: it points back at something the question does not name. A term made of
  nouns alone ("the winter solstice", "the advisor benefit") names a concept each time and stays;
- anywhere else in the sentence, outside quotation marks, a demonstrative or "such" before a
  noun ("that invitation", "such an exit") also points back, and the sentence gives no
  question;
- but when the sentence just before names that noun itself ("... 793 fires a year. These fires
  caused ..."), and reads on its own, the question quotes it first: it says what is meant;
- otherwise a first mention, which introduces what it names ("the harbour festival falls on
  Dec. 14"), or the thing the headline is about ("the plant" under "Town approves desalination
  plant"), and stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Final

from quiz.generate import grammar
from quiz.generate.nlp import as_written, outside_quotes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from quiz.generate.facts import Fact

POINTING: Final = frozenset({"this", "that", "these", "those", "his", "her", "its", "their"})
"""Determiners that point back at something said before."""
DEMONSTRATIVE: Final = frozenset({"this", "that", "these", "those"})
KIND_NOUNS: Final[dict[str, frozenset[str]]] = {
    "PERSON": frozenset(
        "star singer actor actress rapper musician player striker goalkeeper coach manager "
        "victim suspect defendant person man woman boy girl teenager mother father wife husband "
        "president senator lawmaker minister official spokesman spokeswoman executive founder "
        "author writer artist chef scientist researcher professor doctor judge leader mayor "
        "governor candidate general presenter host comedian model athlete".split()
    ),
    "ORG": frozenset(
        "company firm business group team club school university agency party bank brand "
        "network airline carrier retailer charity startup band".split()
    ),
    "GPE": frozenset("city town village country nation capital state province region".split()),
    "LAW": frozenset("law act bill legislation statute treaty".split()),
}
"""Nouns that name a kind of entity: "the star" after one person was named is that person, "the
company" after one company, "the city" after one city."""
NAMING_ONLY: Final = frozenset({"LAW"})
"""Kinds whose nouns have a plain sense too ("the final bill", "the act of giving"): such a
noun is the one just named when there is one, and otherwise read like any other noun."""
AMBIGUOUS: Final = ""


@dataclass(slots=True)
class Descriptions:
    """What the article has said so far, as it is read sentence by sentence."""

    named: dict[str, str] = field(default_factory=dict)
    """Named descriptions by their noun's lemma ("plan" -> "the Open Harbour plan"); a noun named
    two ways maps to `AMBIGUOUS`."""
    seen: set[str] = field(default_factory=set)
    """The lemmas of every common noun met so far."""
    topic: frozenset[str] = frozenset()
    """The lemmas of the headline's common nouns: what the whole article is about."""
    last_two: list[dict[str, set[str]]] = field(default_factory=list)
    """The entities of each kind (PERSON, ORG, GPE) the last two sentences named."""
    previous: Previous | None = None
    """The sentence just read, as a possible lead for the next one."""
    headline: dict[str, frozenset[str]] = field(default_factory=dict)
    """The entities of each kind (PERSON, ORG, GPE) the headline names."""

    def recent(self, label: str) -> str:
        """The one entity of kind `label` the headline names (the story's airline is "the
        airline"), else the one the last two sentences named; `AMBIGUOUS` when they named more
        than one or none. A surname or first name alone is the person named in full nearby."""
        named = self.headline.get(label, frozenset())
        if len(named) == 1:
            return next(iter(named))
        names: set[str] = set().union(*(kinds[label] for kinds in self.last_two))
        names = {n for n in names if not any(n != m and _part_of(n, m) for m in names)}
        return names.pop() if len(names) == 1 else AMBIGUOUS


MAX_LEAD_WORDS: Final = 35
"""A sentence quoted before a question to say what it points back at is at most this long."""


@dataclass(frozen=True, slots=True)
class Previous:
    """A sentence as the lead of the next one."""

    text: str
    nouns: frozenset[str]
    """The lemmas of the nouns it names (not those that only qualify another: "car" of "car
    shows")."""
    clear: bool
    """Whether it reads on its own: short, a statement, nothing in it pointing back."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """What to do with the facts of one sentence."""

    subject: str = ""
    """The subject's words as written ("The plan"), when they are to be replaced."""
    named: str = ""
    """What replaces them ("the Open Harbour plan")."""
    drop: bool = False
    """The subject points back at something that cannot be found: ask nothing of the sentence."""
    lead: str = ""
    """The sentence before, which names what this one points back at: quoted before the
    question."""
    person: bool = False
    """Whether what replaces the subject is a person's name."""


def definite_subject(sent: Span) -> Token | None:
    """The main clause's subject when it is a common noun after "the", a demonstrative or a
    possessive pronoun, and nothing in it is named or counted ("the plan", "the mass shooting";
    not "the Open Harbour plan", "the first ferry", "the 2021 season")."""
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and _age(subjects[0]):
        return subjects[0]  # "the 49-year-old": someone named before
    if not subjects or subjects[0].pos_ != "NOUN":
        return None
    subject = subjects[0]
    if any(s.pos_ == "PROPN" for s in subjects) or subject.nbor().pos_ == "PROPN":
        return None  # "The writer Paul Wells": a title before a name
    owner = [c for c in subject.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
    if owner and owner[0].i < subject.i:
        subject = owner[0]  # "the victim's body": which victim?
    determiners = [c for c in subject.children if c.dep_ in {"det", "poss"} and c.i < subject.i]
    if not determiners or determiners[0].lower_ not in POINTING | {"the"}:
        return None
    counted = subject.tag_ == "NNS"  # "the two women" points back as "the women" does
    if any(
        (t.pos_ in {"PROPN", "NUM"} or t.ent_type_ or _capitalised_inside(t, sent))
        and not (counted and t.lower_ in _FEW)
        for t in subject.subtree
    ):
        return None
    return subject


def _capitalised_inside(token: Token, sent: Span) -> bool:
    """Whether a word after the sentence's first is capitalised: a name, whatever its tag ("The
    Dunnings", "the Good Living plan")."""
    return token.i > sent.start and token.text[:1].isupper() and token.is_alpha


_FEW: Final = frozenset("two three four five six seven eight nine ten both".split())


def _age(token: Token) -> bool:
    """Whether `token` ends a description by age after "the" ("the 49-year-old")."""
    if token.lower_ not in {"old", "olds"}:
        return False
    words = [t.lower_ for t in token.subtree]
    return "year" in words and words[0] == "the"


def points_back(sent: Span, skip: frozenset[int] = frozenset()) -> bool:
    """Whether the sentence, outside quotation marks, uses a demonstrative or "such" before a
    noun ("that invitation", "these bands", "such an exit"): it names what it means only in the
    sentence before. "This year" is a time, not a reference."""
    return pointing_noun(sent, skip) is not None


def pointing_noun(sent: Span, skip: frozenset[int] = frozenset()) -> Token | None:
    """The first noun after a demonstrative or "such", outside quotation marks (see
    `points_back`)."""
    for token in outside_quotes(sent):
        if token.i in skip:
            continue
        such = token.lower_ == "such" and token.dep_ in {"amod", "predet", "det"}
        such = such or (token.lower_ in _ORDINAL_POINTERS and token.dep_ == "amod")
        if not such and (token.dep_ != "det" or token.lower_ not in DEMONSTRATIVE):
            continue
        noun = token.head
        if token.lower_ in {"this", *_ORDINAL_POINTERS} and noun.lemma_.lower() in _TIME_NOUNS:
            continue
        if token.lower_ in {"these", "those"} and _after_a_clause(sent, token):
            continue  # "people went to hospital, and 40% of those visits": what it just said
        if _names_which(noun):
            continue  # "this 1974 Lincoln Continental": the name says which
        if noun.pos_ in {"NOUN", "PROPN"} and noun.i > token.i:
            return noun
    return None


def _after_a_clause(sent: Span, token: Token) -> bool:
    """Whether a whole clause with its verb comes before `token`, closed by "and", "but" or a
    semicolon: what "those" then means was just said ("people went to hospital, and 40% of
    those visits"); "wants the right to sell those patents" has said nothing of them yet."""
    doc = sent.doc
    for link in doc[sent.start : token.i]:
        if link.dep_ != "cc" and link.text != ";":
            continue
        said = any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start : link.i])
        after = [t for t in doc[link.i + 1 : token.i + 1] if t.pos_ != "ADV"]
        same_subject = bool(after) and after[0].pos_ in {"VERB", "AUX"}
        if said and not same_subject:  # "... and approved those cuts": the same clause goes on
            return True
    return False


def _names_which(noun: Token) -> bool:
    """Whether a noun after a demonstrative names one thing itself: a name of two words or more,
    or a name with a year or model number ("this 1974 Lincoln Continental"); "that old Toyota"
    still means the one just mentioned."""
    words = [t for t in noun.subtree if t.i <= noun.i]
    names = [t for t in words if t.pos_ == "PROPN"]
    return len(names) >= 2 or (bool(names) and any(t.like_num for t in words))


_ORDINAL_POINTERS: Final = frozenset({"next", "previous", "same", "latter"})
"""Words that place a noun by what came before ("the next play", "the same court"); with a time
noun ("next year") they place it by today."""
_TIME_NOUNS: Final = frozenset(
    "year week month season summer winter spring autumn fall weekend morning afternoon "
    "evening decade century time".split()
)


def resolve(sent: Span, described: Descriptions) -> Resolution:
    """How the sentence reads on its own, given what the article said before: its subject named
    again, or nothing asked of it."""
    subject = definite_subject(sent)
    resolution = _resolve_subject(subject, described)
    if resolution.drop:
        return _with_lead(resolution, subject, described.previous)
    skip: frozenset[int] = frozenset()
    if subject is not None and resolution.subject:
        skip = frozenset(t.i for t in subject.subtree)
    skip |= grammar.leading_adjuncts(sent)  # a question never quotes them
    noun = pointing_noun(sent, skip)
    if noun is None:
        return Resolution(drop=True) if _pro_form(sent, skip) else resolution
    return _with_lead(Resolution(drop=True), noun, described.previous)


def _pro_form(sent: Span, skip: frozenset[int]) -> bool:
    """Whether, outside quotation marks, "there" stands for a place or "each" for things named
    before ("one in ten residents there", "fares in each"): which ones, the sentence never
    says. The "there" of "there is" and the "each" of "each year" say nothing of the kind."""
    return any(
        token.i not in skip and (_there_points_back(token, sent) or _each_points_back(token, sent))
        for token in outside_quotes(sent)
    )


def _there_points_back(token: Token, sent: Span) -> bool:
    """An adverb "there" with no place named before it ("went to Vell and stayed there" names
    one)."""
    if token.lower_ != "there" or token.dep_ != "advmod" or token.tag_ != "RB":
        return False
    return not any(grammar.names_a_place(t) for t in sent.doc[sent.start : token.i])


def _each_points_back(token: Token, sent: Span) -> bool:
    """A pronoun "each" that no list just before explains ("two ferries, each with 300 seats"
    and "each of the four ferries" say which)."""
    if token.lower_ != "each" or token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj"}:
        return False
    if any(c.lower_ == "of" for c in token.children):
        return False
    doc = sent.doc
    listed = token.i > sent.start and doc[token.i - 1].text == ","
    return not (listed and any(t.tag_ in {"NNS", "NNPS"} for t in doc[sent.start : token.i]))


def _with_lead(resolution: Resolution, noun: Token | None, previous: Previous | None) -> Resolution:
    """`resolution` kept, with the sentence before as its lead, when that sentence names `noun`
    and reads on its own; else as it is (nothing asked)."""
    if noun is None or previous is None or not previous.clear:
        return resolution
    if noun.lemma_.lower() not in previous.nouns:
        return resolution
    return Resolution(lead=previous.text)


def _resolve_subject(subject: Token | None, described: Descriptions) -> Resolution:
    """What the sentence's definite subject (see `definite_subject`) names, if anything."""
    if subject is None:
        return Resolution()
    words = [t for t in subject.subtree if t.dep_ != "case"]  # "the victim" of "the victim's"
    key = subject.lemma_.lower()
    text = subject.doc[words[0].i : subject.i + 1].text
    before_only = words[-1].i == subject.i
    if len(words) == 2 and before_only and described.named.get(key):
        return Resolution(subject=text, named=described.named[key])
    if _age(subject):
        if subject.tag_ == "NNS":
            return Resolution(drop=True)  # "the 18-year-olds": who?
        key = "person"
    kind = next((label for label, nouns in KIND_NOUNS.items() if key in nouns), "")
    if kind and subject.tag_ not in {"NNS", "NNPS"}:  # "the victims" are not the one just named
        found = described.recent(kind) if before_only else AMBIGUOUS
        if found:
            return Resolution(subject=text, named=found, person=kind == "PERSON")
        if kind not in NAMING_ONLY:
            return Resolution(drop=True)
    if words[0].lower_ in POINTING or any(t.lower_ in _FEW for t in words):
        return Resolution(drop=True)  # "their family", "the two women": who?
    term = before_only and all(t.dep_ == "compound" for t in words[1:-1])
    if key in described.seen and key not in described.topic and not (term and len(words) > 2):
        return Resolution(drop=True)  # "the plan", "the same city council" again: which one?
    return Resolution()  # a first mention, or a term ("the winter solstice") used again


def _remember_entities(sent: Span, described: Descriptions) -> None:
    kinds: dict[str, set[str]] = {label: set() for label in KIND_NOUNS}
    for ent in sent.ents:
        named_law = ent.label_ != "PERSON" and ent[-1].lower_ in KIND_NOUNS["LAW"]
        label = "LAW" if named_law else ent.label_  # "the Harbour Dues Act", not "Jude Law"
        if label in kinds:
            kinds[label].add(as_written(ent))  # "the Fed"
    described.last_two = [*described.last_two[-1:], kinds]


def _part_of(short: str, full: str) -> bool:
    return f" {short.lower()} " in f" {full.lower()} "


def remember(sent: Span, described: Descriptions, resolution: Resolution) -> None:
    """Add the sentence's nouns and named descriptions ("the Open Harbour plan": a common noun
    with a name before it) to `described`; a noun named two ways becomes ambiguous. `resolution`
    is what `resolve` found for `sent`: the sentence leads the next one only if it needed none."""
    described.previous = _as_lead(sent, resolution)
    described.seen.update(t.lemma_.lower() for t in sent if t.pos_ == "NOUN")
    _remember_entities(sent, described)
    if not sent.doc.has_annotation("DEP"):
        return
    named = described.named
    for noun, person in _described_people(sent):
        key = noun.lemma_.lower()
        named[key] = person if named.get(key, person) == person else AMBIGUOUS
    for chunk in sent.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN":
            continue
        before = [t for t in chunk if t.i < head.i and t.lower_ not in {"the", "a", "an"}]
        if not before or not any(t.pos_ == "PROPN" for t in before):
            continue
        if any(t.pos_ in {"PRON", "DET"} or t.tag_ == "POS" for t in before):
            continue
        phrase = "the " + " ".join(t.text for t in before) + " " + head.text
        key = head.lemma_.lower()
        if named.get(key, phrase) != phrase:
            named[key] = AMBIGUOUS
        else:
            named[key] = phrase


_OPENING_REFERENCES: Final = frozenset(
    "he she it they his her its their him them this that these those such another both "
    "but and or so also".split()
)


def _pointing_pronoun(token: Token) -> bool:
    """A personal pronoun ("he", "they") or a demonstrative standing alone ("this was ..."); a
    relative "that" or "which" points at a noun of its own sentence."""
    return token.tag_ == "PRP" or (token.tag_ == "DT" and token.lower_ in DEMONSTRATIVE)


def _as_lead(sent: Span, resolution: Resolution) -> Previous:
    """`sent` as the lead of the next sentence: clear when it is a short statement whose first
    word does not point back, with nothing else in it pointing back."""
    text = sent.text.strip()
    words = [t for t in sent if not t.is_punct]
    nouns = frozenset(
        t.lemma_.lower() for t in sent if t.pos_ in {"NOUN", "PROPN"} and t.dep_ != "compound"
    )
    clear = (
        0 < len(words) <= MAX_LEAD_WORDS
        and text[-1:] in {".", "”", '"'}
        and words[0].lower_ not in _OPENING_REFERENCES
        and not any(t.dep_ in {"nsubj", "nsubjpass"} and _pointing_pronoun(t) for t in sent)
        and not resolution.drop
        and not resolution.lead
    )
    return Previous(text=text, nouns=nouns, clear=clear)


def _described_people(sent: Span) -> list[tuple[Token, str]]:
    """(common noun, person's name) for a person the sentence describes by a noun: "Katie
    Price, the reality star," "reality star Katie Price", "the victim, Ada Lindqvist,"."""
    found: list[tuple[Token, str]] = []
    for ent in sent.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        head = ent.root
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i:
                found.append((child, ent.text))
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < ent.start:
                found.append((child, ent.text))
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            found.append((head.head, ent.text))
    return found


def apply(fact: Fact, resolution: Resolution) -> Fact:
    """`fact` with the subject named in every slot that quotes it."""
    if not resolution.subject:
        return fact
    pattern = re.compile(rf"(?i)(?<!\w){re.escape(resolution.subject)}(?!\w)")
    slots: list[tuple[str, str]] = []
    for key, value in fact.slots:
        match = pattern.search(value)
        if match is not None:
            new = resolution.named
            if match.start() == 0 or value[: match.start()].strip() in {"", "“", '"'}:
                new = new[:1].upper() + new[1:] if value[match.start()].isupper() else new
            value = value[: match.start()] + new + value[match.end() :]
        slots.append((key, value))
    return replace(fact, slots=tuple(slots))
