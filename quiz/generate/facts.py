"""Facts found in an article, each tied to its verbatim source sentence.

`extract_from_doc` reads one parsed paragraph, carrying what a later paragraph needs (acronyms
defined so far, the last subject for a pronoun, the named descriptions for "the plan"). Facts are
plain frozen values; their `slots` carry the pieces question templates fill in (see templates.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Final

from quiz.generate import grammar, reference, voice
from quiz.generate.values import NumberValue, is_relative, parse_date, parse_number
from quiz.language import SCALE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TYPE_PRIOR: Final[Mapping[str, float]] = {
    "acronym": 1.0,
    "date": 0.95,
    "number": 0.9,
    "person": 0.85,
    "event": 0.85,
    "quote": 0.7,
    "organisation": 0.75,
    "place": 0.7,
}
"""How much a question about each type of fact is worth before anything else is known."""

EVENT_WORDS: Final = frozenset(
    "operation format summit conference talks agreement accord treaty protocol process games "
    "olympics cup war festival forum dialogue convention declaration pact initiative "
    "offensive campaign election referendum".split()
)
REPORTING_VERBS: Final = frozenset(
    "say tell add argue warn write note claim insist state declare explain describe call "
    "announce admit stress suggest remark reply".split()
)
VIEW_NOUNS: Final = frozenset(
    "view conviction belief claim assertion position words description assessment argument "
    "insistence statement opinion stance verdict characterisation characterization".split()
)
ROLE_HEADS: Final = frozenset(
    "president vice chair chairman chairwoman chairperson director minister secretary fellow "
    "professor editor chief head ceo founder spokesperson spokesman spokeswoman mayor governor "
    "senator ambassador analyst researcher correspondent reporter author officer commissioner "
    "manager member leader adviser advisor economist scientist lecturer dean partner associate "
    "coordinator consultant counsel judge general commander premier chancellor king queen".split()
)
_COMPASS: Final = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest".split()
)
_PREFIX_PARTICIPLES: Final = frozenset({"led", "backed", "based", "run", "owned", "funded"})
_HEDGES: Final = frozenset(
    "the a an estimated some about around roughly nearly almost approximately only just over "
    "up to at least more than less fewer every".split()
)
_DURATION: Final = re.compile(
    r"(?i)^(\d+(?:\.\d+)?|[a-z]+) (seconds|minutes|hours|days|weeks|months|years|decades)$"
)
_STRIP_LEADING: Final = frozenset({"the", "a", "an", "an estimated", "some", "about"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of an article: what to ask, its answer, and the sentence it comes from."""

    type: str
    """One of model.FACT_TYPES."""
    answer: str
    sentence: str
    """The verbatim source sentence."""
    paragraph: int
    """1-based paragraph number; 0 for the author bios."""
    value: str = ""
    """The normalised answer: "1997", "2021-08", "2500", an acronym's long form casefolded..."""
    detail: str = ""
    """A subtype: date granularity, number kind, entity label, quote kind, acronym."""
    slots: tuple[tuple[str, str], ...] = ()
    """Named pieces for templates: context, aux, subject, predicate, vp, role, term..."""
    accept: tuple[str, ...] = ()
    score: float = 0.0
    """How good a question about this fact is likely to be (higher is better)."""
    sort_key: tuple[int, int, int] = (0, 0, 0)
    """For dated facts: (year, month, day), to order events."""
    entities: tuple[tuple[str, str], ...] = field(default=())
    """(label, text) of the named entities of the sentence, for leakage and distractor checks."""

    def slot(self, name: str) -> str:
        """The value of the named slot, or ""."""
        for key, value in self.slots:
            if key == name:
                return value
        return ""

    def with_slots(self, **slots: str) -> Fact:
        """A copy with the given slots set (empty values are dropped)."""
        merged = dict(self.slots)
        merged.update({k: v for k, v in slots.items() if v})
        return replace(self, slots=tuple(sorted(merged.items())))


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity occurrence, kept for article-wide counts and distractors."""

    label: str
    text: str
    sentence: str
    paragraph: int


# ----------------------------------------------------------------------------- spans


_COUNTED_LABELS: Final = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})


def clean_span(span: Span) -> range | None:
    """Token range of an entity without determiners, "-led" prefixes, possessives, brackets."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _HEDGES or doc[start].is_punct):
        start += 1
    if span.label_ not in _COUNTED_LABELS and end - start > 1 and _SCORE.fullmatch(doc[start].text):
        start += 1  # "[5–2] Vell High Court": a vote before the name
    for i in range(start, end - 1):
        if doc[i].text in {"-", "–"} and doc[i + 1].lower_ in _PREFIX_PARTICIPLES:
            start = i + 2
        elif re.search(r"[-–](led|backed|based|run|owned|funded)$", doc[i].lower_):
            start = i + 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    text = doc[start:end].text
    if text.count("(") != text.count(")") or text.count('"') % 2:
        return None
    if start >= end:
        return None
    return range(start, end)


Entity = tuple[range, str]


def _join_neighbours(
    ents: list[Entity], joined: Callable[[Entity, Entity], str | None]
) -> list[Entity]:
    """`ents` with each pair of neighbours that `joined` gives a label made one entity."""
    out: list[Entity] = []
    i = 0
    while i < len(ents):
        if i + 1 < len(ents) and (label := joined(ents[i], ents[i + 1])) is not None:
            out.append((range(ents[i][0].start, ents[i + 1][0].stop), label))
            i += 2
            continue
        out.append(ents[i])
        i += 1
    return out


def _merge_compass(ents: list[Entity], doc: Doc) -> list[Entity]:
    """Join "South" + "and" + "Southeast Asia" into one place."""

    def joined(first: Entity, second: Entity) -> str | None:
        (r, label), (after, after_label) = first, second
        if label in {"LOC", "GPE"} and len(r) == 1 and doc[r.start].lower_ in _COMPASS:
            if r.stop + 1 == after.start and doc[r.stop].lower_ in {"and", "or"}:
                return after_label
        return None

    return _join_neighbours(ents, joined)


_VERSUS: Final = frozenset({"v.", "v", "vs.", "vs", "versus"})


def _merge_cases(ents: list[Entity], doc: Doc) -> list[Entity]:
    """Join "Moen" + "v." + "Vell" into the one name of a court case; when the model missed the
    second party, the names after "v." complete it."""

    def joined(first: Entity, second: Entity) -> str | None:
        (r, label), (after, _) = first, second
        if label in {"PERSON", "ORG", "GPE", "NORP"} and r.stop + 1 == after.start:
            if doc[r.stop].lower_ in _VERSUS:
                return "LAW"
        return None

    out: list[Entity] = []
    for r, label in _join_neighbours(ents, joined):
        if out and r.start < out[-1][0].stop:
            continue  # inside a case name completed below
        if label != "LAW" and r.stop + 1 < len(doc) and doc[r.stop].lower_ in _VERSUS:
            stop = r.stop + 1
            while stop < len(doc) and doc[stop].pos_ == "PROPN":
                stop += 1
            if stop > r.stop + 1:
                out.append((range(r.start, stop), "LAW"))
                continue
        out.append((r, label))
    return out


_CAMPUS_HEADS: Final = frozenset({"university", "college", "institute", "school"})


def _merge_campus(ents: list[Entity], doc: Doc) -> list[Entity]:
    """Extend "University of Texas" over "at San Antonio": the one name of a campus. The campus
    is a place the model tagged, or, when the model ended the name on "at", the capitalised
    words after it that it tagged as nothing else ("at Logan Airport", "at Tuesday" stay out)."""
    out: list[Entity] = []
    for r, label in ents:
        if out and r.start < out[-1][0].stop:
            continue  # the campus, already taken into the name before it
        stop = _campus_end(r, label, doc)
        out.append((range(r.start, stop), label) if stop else (r, label))
    return out


def _campus_end(r: range, label: str, doc: Doc) -> int:
    """Where a university's name ends once its campus is added, or 0 when it names none."""
    words = {t.lower_ for t in doc[r.start : r.stop]}
    if label != "ORG" or not words & _CAMPUS_HEADS:
        return 0
    if doc[r.stop - 1].lower_ == "at":  # the model took "at" and stopped
        stop = r.stop
        while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
            if doc[stop].ent_type_ not in {"", "GPE", "LOC"}:
                return 0
            stop += 1
        return stop if stop > r.stop else 0
    if r.stop + 1 < len(doc) and doc[r.stop].lower_ == "at" and doc[r.stop + 1].ent_iob_ == "B":
        place = doc[r.stop + 1]
        if place.ent_type_ in {"GPE", "LOC"}:
            stop = r.stop + 2
            while stop < len(doc) and doc[stop].ent_iob_ == "I":
                stop += 1
            return stop
    return 0


def _text(doc: Doc, tokens: range) -> str:
    return doc[tokens.start : tokens.stop].text


# ----------------------------------------------------------------------------- sentences


def usable(sent: Span) -> bool:
    """A full statement: long enough, with a verb, not a question, an exclamation or a request
    to the reader ("Start your subscription today"), and not an aside in brackets ("(Yes, the
    ferry was late again in 2021.)")."""
    words = [t for t in sent if not t.is_punct]
    if len(words) < 5 or len(words) > 80:
        return False
    text = sent.text.strip()
    if text.endswith(("?", "!")) or text.startswith(("(", "[")):
        return False
    if anaphoric_opening(sent) or imperative(sent):
        return False
    if _PHONE.search(text):
        return False  # an appeal for witnesses or a helpline, not news
    if _ELSEWHERE_IN_PAGE.search(text):
        return False  # "a reporter quoted above": who, out of the page?
    return grammar.states(sent, range(sent.start, sent.end))


_PHONE: Final = re.compile(
    r"\b0\d{2,4}[ -]?\d{5,8}\b|\(\d{3}\)\s?\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b"
)


_ELSEWHERE_IN_PAGE: Final = re.compile(
    r"(?i)\b(?:cited|mentioned|noted|listed|quoted|named|described|shown|pictured|discussed)"
    r"\s+(?:above|below|earlier|previously)\b(?!\s+(?:this|last|in|on|that|today|the)\b)"
    r"|\b(?:see|read) (?:above|below)\b"
)
"""Words that point to another part of the page, which a question cannot show."""
_READER: Final = frozenset({"you", "your", "yours", "yourself"})


def imperative(sent: Span) -> bool:
    """Whether the main clause asks the reader to do something for themselves: a bare verb with
    no subject, and "you" or "your" in it ("Start your subscription today", "If you need help,
    call 988"). Advice that names a place or a thing ("Take a tour of the harbour museum")
    stays."""
    if not any(t.lower_ in _READER for t in sent):
        return False
    root = sent.root
    if root.tag_ != "VB":
        return False
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"}:
            return False
        if child.dep_ == "aux" and child.lower_ not in {"do", "don’t", "don't"}:
            return False
    return True


_ANAPHORIC_FIRST: Final = frozenset(
    "another both such similarly likewise instead otherwise accordingly consequently".split()
)
_ANAPHORIC_PAIRS: Final = frozenset(
    {
        ("that", "'s"),
        ("that", "’s"),
        ("that", "is"),
        ("this", "is"),
        ("this", "'s"),
        ("this", "’s"),
        ("so", "does"),
        ("so", "do"),
        ("so", "did"),
        ("so", "is"),
        ("so", "was"),
        ("the", "same"),
        ("neither", "does"),
        ("nor", "does"),
        ("here", "'s"),
        ("here", "’s"),
    }
)


def anaphoric_opening(sent: Span) -> bool:
    """Whether the sentence opens by pointing back at what came before ("That's how ...",
    "So does ...", "Another ...", "The same ..."): on its own it says nothing checkable."""
    words = [t.lower_ for t in sent if not t.is_punct and t.text not in {"“", "”", '"'}][:2]
    if not words:
        return False
    return words[0] in _ANAPHORIC_FIRST or tuple(words) in _ANAPHORIC_PAIRS


_DISCOURSE: Final = frozenset(
    "however but and also meanwhile still this that these those in addition further "
    "furthermore moreover additionally yet so thus therefore hence".split()
)


def sentence_penalty(sent: Span) -> float:
    """How much the sentence's form lowers questions made from it (0 is a clean statement)."""
    penalty = 0.0
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.pos_ == "PRON" or s.lower_ in {"this", "that", "these", "those"} for s in subjects):
        penalty += 0.15
    if any(c.dep_ == "neg" for c in root.children):
        penalty += 0.1
    if any(c.dep_ == "aux" and c.lower_ in grammar.MODALS for c in root.children):
        penalty += 0.15
    first = sent[0].lower_
    if first in _DISCOURSE:
        penalty += 0.05
    return penalty


# ----------------------------------------------------------------------------- extraction


def _base(
    kind: str,
    answer: str,
    sent: Span,
    paragraph: int,
    tokens: range,
    ents: tuple[tuple[str, str], ...],
    *,
    value: str = "",
    detail: str = "",
    score: float | None = None,
) -> Fact:
    prior = TYPE_PRIOR[kind] if score is None else score
    if kind != "quote" and _inside_quotes(sent, tokens):
        prior -= 0.2  # words from a quotation are someone's opinion, not the article's fact
    fact = Fact(
        type=kind,
        answer=answer,
        sentence=sent.text.strip(),
        paragraph=paragraph,
        value=value or answer.casefold(),
        detail=detail,
        score=prior - sentence_penalty(sent),
        entities=ents,
    )
    ctx = grammar.context(sent, tokens)
    return fact.with_slots(context=ctx, position=_position(sent, tokens))


def _not_until(doc: Doc, until: int) -> bool:
    """Whether "until" at `until` follows a negated verb: "did not win it until 1993" says when
    it was won."""
    word = doc[until]
    return word.lower_ == "until" and any(c.dep_ == "neg" for c in word.head.children)


def _when_clause(doc: Doc, end: int) -> bool:
    """Whether ", when ..." follows position `end`: "after 2017, when talks began" dates the talks."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "when"


def _inside_quotes(sent: Span, tokens: range) -> bool:
    before = sent.doc[sent.start : tokens.start].text
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _position(sent: Span, tokens: range) -> str:
    """ "subject" when the tokens are the main clause's subject or its possessor; "aside" when
    they sit in a participle that describes a noun ("the budget, approved in 2016, was ...")."""
    head = sent.doc[tokens.start : tokens.stop].root
    root = sent.root
    subjects = {"nsubj", "nsubjpass"}
    if head.dep_ in subjects and head.head.i == root.i:
        return "subject"
    if head.dep_ == "poss" and head.head.dep_ in subjects and head.head.head.i == root.i:
        return "subject"
    verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.i != root.i:
        return "aside"
    return ""


def _with_question(fact: Fact, sent: Span, tokens: range, *, about_subject: bool = False) -> Fact:
    """Add clause slots for wh-questions about the `tokens` phrase; none for a phrase in brackets
    ("(known in Vell as a ring road)": an aside) or one of several subjects ("Ada and Lena top
    the list": who? either)."""
    if grammar.bracketed(sent) & set(tokens):
        return fact
    head = sent.doc[tokens.start : tokens.stop].root
    if about_subject and (head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)):
        return fact
    if about_subject:
        one_word_person = fact.type == "person" and len(fact.answer.split()) < 2
        if grammar.subject_of_root(sent, tokens) and not one_word_person:
            clause = grammar.clause(sent, set(tokens))
            if clause is not None and clause.vp:
                first, _, rest = clause.vp.partition(" ")
                singular = _SINGULAR.get(first, first)  # "Who has ...", not "Who have ..."
                return fact.with_slots(vp=f"{singular} {rest}".strip())
        return fact
    attached = grammar.attachment(sent, tokens)
    if attached is None:
        participle = grammar.participle_clause(sent, tokens)
        if participle is None:
            return fact
        prep = sent.doc[tokens.start : tokens.stop].root.head.lower_
        return fact.with_slots(
            prep=prep,
            aux=participle.aux,
            subject=participle.subject,
            predicate=participle.predicate,
            label=participle.label,
        )
    prep, phrase = attached
    clause = grammar.clause(sent, phrase)
    if clause is None:
        return fact
    return fact.with_slots(
        prep=prep or "-",
        aux=clause.aux,
        subject=clause.subject,
        predicate=clause.predicate,
        label=clause.label,
    )


def extract_from_doc(
    doc: Doc,
    paragraph: int,
    published: date | None = None,
    acronyms: dict[str, str] | None = None,
    carry: dict[str, str] | None = None,
    described: reference.Descriptions | None = None,
) -> tuple[list[Fact], list[Mention]]:
    """The facts and entity mentions of one parsed paragraph.

    `acronyms` maps the short forms defined so far in the article to their long forms; it is
    updated with this paragraph's definitions, and later bare mentions become facts too.
    `carry` holds what a pronoun opening the paragraph may refer to (the last sentence's
    subject); it is updated for the next paragraph. `described` holds the article's named
    descriptions so far ("the Open Harbour plan"), by which a later "the plan" is named again.
    """
    known = acronyms if acronyms is not None else {}
    facts: list[Fact] = []
    mentions: list[Mention] = []
    names: dict[str, str] = dict(carry) if carry else {}
    descriptions = described if described is not None else reference.Descriptions()
    for sent in doc.sents:
        before = len(facts)
        resolution = reference.resolve(sent, descriptions)
        reference.remember(sent, descriptions, resolution)
        _extract_sentence(sent, paragraph, published, known, facts, mentions)
        if resolution.drop:
            del facts[before:]
        elif resolution.lead:
            facts[before:] = [f.with_slots(lead=resolution.lead) for f in facts[before:]]
        elif resolution.subject:
            facts[before:] = [reference.apply(f, resolution) for f in facts[before:]]
        if names and not _expletive(sent):
            facts[before:] = [resolve_pronoun(f, names) for f in facts[before:]]
        if voice.writers_sentence(sent) and (pairs := voice.in_third_person(sent)):
            facts[before:] = [voice.rewrite(f, pairs) for f in facts[before:]]
        facts[before:] = [_without_pronoun_subject(f) for f in facts[before:]]
        names = antecedents(sent, descriptions)
        if resolution.subject and resolution.named:
            # "The airline ... It carried": Velsa Air; "The star ... She said": the star named
            names["person" if resolution.person else "thing"] = resolution.named
    if carry is not None:
        carry.clear()
        carry.update(names)
    return facts, mentions


_SINGULAR: Final = {"have": "has", "are": "is", "were": "was", "do": "does"}
_EXPLETIVE_VERBS: Final = frozenset(
    "be seem appear remain stay need take matter look happen turn follow mean".split()
)


def _expletive(sent: Span) -> bool:
    """Whether a sentence-initial "it" is empty ("It remains to be seen how ...")."""
    return sent[0].lower_ == "it" and sent.root.lemma_ in _EXPLETIVE_VERBS


def _extract_sentence(
    sent: Span,
    paragraph: int,
    published: date | None,
    known: dict[str, str],
    facts: list[Fact],
    mentions: list[Mention],
) -> None:
    doc = sent.doc
    sentence = sent.text.strip()
    raw = [(r, e.label_) for e in sent.ents if (r := clean_span(e)) is not None]
    ents = _merge_campus(_merge_cases(_merge_compass(raw, doc), doc), doc)
    entity_pairs = tuple((label, _text(doc, r)) for r, label in ents)
    for r, label in ents:
        mentions.append(Mention(label, _text(doc, r), sentence, paragraph))
    if not usable(sent):
        return
    defined = _acronyms(sent, paragraph, entity_pairs)
    facts.extend(_short_mentions(sent, paragraph, entity_pairs, known))
    facts.extend(defined)
    for fact in defined:
        known.setdefault(fact.detail, fact.answer)
    facts.extend(_quotes(sent, paragraph, entity_pairs))
    facts.extend(named_terms(sent, paragraph, entity_pairs))
    facts.extend(defined_terms(sent, paragraph, entity_pairs))
    facts.extend(_scores(sent, paragraph, entity_pairs))
    short_forms = {f.detail for f in defined}
    for tokens, label in ents:
        if _text(doc, tokens) in short_forms:
            continue  # the "(NRH)" of a definition is asked by the acronym's questions
        found = _entity_fact(sent, paragraph, tokens, label, entity_pairs, published)
        if found is not None:
            facts.append(found)


_PRONOUN_FORMS: Final = {
    "it": ("thing", False),
    "its": ("thing", True),
    "he": ("person", False),
    "she": ("person", False),
    "his": ("person", True),
    "her": ("person", True),
}


def antecedents(sent: Span, described: reference.Descriptions | None = None) -> dict[str, str]:
    """What a sentence-initial "it"/"its" or "he"/"she"/"his"/"her" of the next sentence most
    likely names: the subject of `sent` when it is a named person or thing, or a noun that says
    which ("the harbour tunnel", the headline's "plant", "the plan" named before) (conservative)."""
    root = sent.root
    out: dict[str, str] = {}
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if root.pos_ not in {"VERB", "AUX"} and root.i > sent.start:
        # a verb misread as a noun ("The tunnel runs ..."): the noun before it is the subject
        before = sent.doc[root.i - 1]
        if sent[0].lower_ == "the" and before.tag_ == "NN" and before.dep_ == "compound":
            out["thing"] = "the " + before.text
        return out
    if len(subjects) != 1:
        return out
    head = subjects[0]
    if head.ent_type_ == "PERSON":
        out["person"] = _entity_of(sent, head)
        if len(out["person"].split()) == 1:
            out["thing"] = out["person"]  # a one-word name called "it" is no person
    elif head.pos_ == "NOUN" and head.tag_ == "NN":
        words = [t.text for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
        named = described.named.get(head.lemma_.lower()) if described is not None else None
        if named:
            out["thing"] = named  # "the plan" of "the Open Harbour plan"
        elif words or (described is not None and head.lemma_.lower() in described.topic):
            out["thing"] = " ".join(["the", *words, head.text])
        # a bare "the team" names nothing either: "it" is left unresolved
    elif head.pos_ == "PROPN" and head.ent_type_ in {"ORG", "GPE", "FAC", "PRODUCT", "LOC"}:
        name = _entity_of(sent, head)
        if name:
            out["thing"] = name if not head.doc[head.left_edge.i].lower_ == "the" else "the " + name
    return {k: v for k, v in out.items() if v}


def _without_pronoun_subject(fact: Fact) -> Fact:
    """`fact` without its wh-question slots when their subject is still a bare pronoun."""
    if fact.slot("subject").lower() not in grammar.RESOLVABLE:
        return fact
    slots = tuple(
        (k, v) for k, v in fact.slots if k not in {"aux", "subject", "predicate", "label", "prep"}
    )
    return replace(fact, slots=slots)


def resolve_pronoun(fact: Fact, names: Mapping[str, str]) -> Fact:
    """`fact` with a sentence-initial pronoun of its contexts replaced by its antecedent."""
    updates: dict[str, str] = {}
    subject = fact.slot("subject")
    if subject.lower() in grammar.RESOLVABLE:
        kind = _PRONOUN_FORMS[subject.lower()][0]
        name = names.get(kind)
        if name and name.casefold() != fact.answer.casefold():
            updates["subject"] = name
            label = fact.slot("label")
            if label.lower().startswith(subject.lower() + " "):
                updates["label"] = name + label[len(subject) :]
    for key, value in fact.slots:
        if not key.startswith("context"):
            continue
        m = re.match(r"([A-Za-z]+)\b", value)
        if m is None or m.group(1).lower() not in _PRONOUN_FORMS:
            continue
        kind, possessive = _PRONOUN_FORMS[m.group(1).lower()]
        name = names.get(kind)
        if not name or name.casefold() == fact.answer.casefold():
            continue
        if m.group(1).lower() == "her" and kind == "person":
            continue  # "her" may be an object: leave it
        replacement = name + ("’s" if possessive else "")
        replacement = replacement[:1].upper() + replacement[1:]
        updates[key] = replacement + value[m.end() :]
    return fact.with_slots(**updates) if updates else fact


def _entity_fact(
    sent: Span,
    paragraph: int,
    tokens: range,
    label: str,
    ents: tuple[tuple[str, str], ...],
    published: date | None,
) -> Fact | None:
    doc = sent.doc
    answer = _text(doc, tokens)
    if label in {"DATE", "TIME"} and _DURATION.match(answer):
        number = parse_number(answer)
        if number is None or number.value < 2:
            return None
        fact = _base(
            "number",
            answer,
            sent,
            paragraph,
            tokens,
            ents,
            value=f"{number.value:g}",
            detail="duration",
        )
        return replace(fact, score=fact.score - 0.15)  # spans of time are weaker facts
    counted = _count_in_date(doc, tokens) if label == "DATE" else None
    if counted is not None:
        return _number_fact(sent, paragraph, counted, "CARDINAL", ents)
    if label == "DATE" and tokens.start > sent.start:
        day = doc[tokens.start - 1]
        if day.like_num and day.text.isdigit() and 1 <= int(day.text) <= 31:
            tokens = range(tokens.start - 1, tokens.stop)  # "12 [May 2025]": the day is part
            answer = _text(doc, tokens)
    if label == "DATE":
        value = parse_date(answer, published)
        if value is None:
            return None
        if is_relative(answer):
            return None
        if (
            tokens.start > sent.start
            and doc[tokens.start - 1].lower_
            in {
                "before",
                "until",
                "by",
                "after",
                "till",
            }
            and not _when_clause(doc, tokens.stop)
            and not _not_until(doc, tokens.start - 1)
        ):
            return None  # "by 2030" is a deadline, not a date something happened
        if value.granularity == "decade":
            answer = re.sub(r"^the\s+", "", answer, flags=re.I)
        fact = _base(
            "date",
            answer,
            sent,
            paragraph,
            tokens,
            ents,
            value=value.value,
            detail=value.granularity,
        )
        fact = replace(fact, sort_key=value.sort_key)
        if value.granularity == "month" and not re.search(r"\d", answer):
            fact = replace(fact, score=fact.score - YEARLESS_MONTH_PENALTY)
        return _with_question(fact, sent, tokens)
    if label in {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return _number_fact(sent, paragraph, tokens, label, ents)
    label = retype(label, answer, sent, tokens)
    if part_of_longer_name(sent, tokens):
        return None
    if label == "PERSON":
        if not answer[:1].isupper() and not _NAME_PARTICLE.match(answer):
            return None  # "’s Alpha" cut from a longer phrase: no name to ask
        fact = _base("person", answer, sent, paragraph, tokens, ents, detail="PERSON")
        fact = _with_role(fact, sent, tokens)
        return _with_question(fact, sent, tokens, about_subject=True)
    if label in {"ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "NORP", "PRODUCT", "WORK_OF_ART"}:
        words = answer.lower().replace("-", " ").split()
        if label in {"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"} or EVENT_WORDS & set(words):
            kind = "event"
        elif label == "ORG":
            kind = "organisation"
        elif label in {"GPE", "LOC", "FAC"}:
            kind = "place"
        else:
            return None
        if not any(ch.isupper() for ch in answer) or len(answer) < 2:
            return None
        fact = _base(kind, answer, sent, paragraph, tokens, ents, detail=label)
        if kind == "place":
            return _with_question(fact, sent, tokens)
        if kind == "organisation":
            fact = fact.with_slots(noun=_organisation_type(sent, tokens))
        return _with_question(fact, sent, tokens, about_subject=True)
    return None


YEARLESS_MONTH_PENALTY: Final = 0.2
"""A month named without its year ("in October") is a vaguer answer than the names beside it."""

_NAME_PARTICLE: Final = re.compile(r"(?:[a-z]{1,3}|van|von|del|della|bin|ibn)[ -][A-Z]")
"""A surname's lowercase opening word ("de Blasio", "van Dijk", "al-Assad")."""

_SCORE: Final = re.compile(r"(\d{1,3})[-–](\d{1,3})")
_RANGE_CUES: Final = frozenset({"ages", "aged", "between", "from", "grades", "pages", "chapters"})


def _scores(sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...]) -> list[Fact]:
    """Scores, records and votes written "13-0", "82-43", "4–3": the larger number first, as a
    range ("ages 18-24") never is; not part of a longer hyphenated word ("6-foot-5"), nor in
    brackets after a name, where a list gives each team's record in passing."""
    doc = sent.doc
    found: list[Fact] = []
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if token.text in {"-", "–"} and sent.start < i < sent.end - 1 and not token.whitespace_:
            start, stop = i - 1, i + 2
        elif _SCORE.fullmatch(token.text):
            start, stop = i, i + 1
        else:
            i += 1
            continue
        i = stop
        text = doc[start:stop].text
        match = _SCORE.fullmatch(text)
        if match is None:
            continue
        joined_before = start > sent.start and not doc[start - 1].whitespace_
        joined_after = stop < sent.end and not doc[stop - 1].whitespace_
        if (joined_before and doc[start - 1].text in {"-", "–"}) or (
            joined_after and doc[stop].text in {"-", "–"}
        ):
            continue  # "6-5-inch": part of a longer hyphenated word
        high, low = int(match.group(1)), int(match.group(2))
        bracketed = start > sent.start and doc[start - 1].text == "("
        if bracketed or high < low or (start > sent.start and doc[start - 1].lower_ in _RANGE_CUES):
            continue
        if not _final_score(doc[start:stop]):
            continue
        fact = _base("number", text, sent, paragraph, range(start, stop), ents, detail="score")
        found.append(fact)
    return found


_RESULT_WORDS: Final = frozenset(
    "finish win lose go beat defeat be end vote rule record decision ruling win loss victory "
    "defeat finish season mark tally split majority case".split()
)


def _final_score(span: Span) -> bool:
    """Whether a score says how something ended: a record ("finished 13-0", "a 21-3 record"), a
    result ("lost 118-112") or a vote ("ruled 4–3", "a 4–3 ruling"); a score on the way ("a 3-0
    start", "a 14-3 lead") is a detail of the game."""
    heads = {t.head for t in span if t.head.i < span.start or t.head.i >= span.end}
    return any(h.lemma_.lower() in _RESULT_WORDS for h in heads)


def _count_in_date(doc: Doc, tokens: range) -> range | None:
    """The number of a "date" the model misread, which counts a plural noun after it ("about
    [160 Christmas] decorating injuries"): the number alone; else None."""
    for token in doc[tokens.start : tokens.stop]:
        if token.tag_ != "CD" or not token.text.replace(",", "").isdigit():
            continue
        head = token.head
        if token.dep_ == "nummod" and head.tag_ == "NNS" and head.i >= tokens.stop:
            if not 1500 <= int(token.text.replace(",", "")) <= 2100:
                return range(token.i, token.i + 1)
    return None


NAMING_WORDS: Final = frozenset({"called", "dubbed", "named", "termed", "nicknamed", "branded"})
MAX_TERM_WORDS: Final = 5
_NAMED_LABELS: Final = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "DATE", "CARDINAL"})


def named_terms(sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...]) -> list[Fact]:
    """Terms the sentence introduces by name: "a harbour fish called the sandgoby", the
    "so-called slow thaw", a paint "dubbed Fjord Blue Mist", a plan "known as Open
    Harbour". The name is the answer; what it names stays in the sentence as the cue. Names of
    people, places and organisations are left to their own facts."""
    doc = sent.doc
    found: list[Fact] = []
    for token in sent:
        start = -1
        if token.lower_ in NAMING_WORDS and token.tag_ == "VBN":
            start = token.i + 1
        elif token.lower_ == "as" and token.i > sent.start and doc[token.i - 1].lower_ == "known":
            start = token.i + 1
        if start < 0 or start >= sent.end:
            continue
        end = _term_end(sent, start)
        if end <= start:
            continue
        words = doc[start:end]
        if any(t.ent_type_ in _NAMED_LABELS for t in words):
            continue
        if words[0].lower_ in {"the", "a", "an"}:
            start += 1
        answer = _text(doc, range(start, end)).strip("“”\"' ")
        if not answer or not 1 <= len(answer.split()) <= MAX_TERM_WORDS:
            continue
        if not any(ch.isalpha() for ch in answer) or answer.lower() in STOPWORDS_SHORT:
            continue
        found.append(
            _base("event", answer, sent, paragraph, range(start, end), ents, detail="TERM")
        )
    return found


STOPWORDS_SHORT: Final = frozenset("it this that them him her one ones so".split())


def defined_terms(sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...]) -> list[Fact]:
    """Terms the sentence defines as it goes: "a blastema, a mass of undifferentiated cells",
    "the cortex—the outer layer of grey matter—of the brain", "osmosis, which is a
    process that ...". The term is the answer; its definition stays in the prompt as the cue. A
    name ("Ada Moen, the chief executive") is left to its own fact."""
    found: list[Fact] = []
    for token in sent:
        if token.pos_ != "NOUN" or token.ent_type_ or not token.text.islower():
            continue
        if not any(_definition(child) for child in token.children):
            continue
        start = token.i
        while start - 1 >= sent.start and sent.doc[start - 1].dep_ in {"compound", "amod"}:
            if sent.doc[start - 1].head.i != token.i and sent.doc[start - 1].dep_ != "compound":
                break
            start -= 1
        words = sent.doc[start : token.i + 1]
        if not words.text.replace("-", "").replace(" ", "").isalpha() or len(words) > 3:
            continue
        found.append(
            _base(
                "event", words.text, sent, paragraph, range(start, token.i + 1), ents, detail="TERM"
            )
        )
    return found


def _definition(child: Token) -> bool:
    """Whether `child` defines its head noun: an appositive "a/the + noun + what it is" set off
    by a comma or a dash, or "which is a + noun"."""
    doc = child.doc
    if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > child.head.i:
        opener = doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        has_article = any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in child.children
        )
        described = any(c.dep_ in {"amod", "prep", "relcl", "acl"} for c in child.children)
        return opener is not None and opener.text in {",", "—", "–"} and has_article and described
    if child.dep_ == "relcl" and child.lemma_ == "be":
        subject = [c for c in child.children if c.dep_ == "nsubj"]
        attr = [c for c in child.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        return bool(subject) and subject[0].lower_ == "which" and bool(attr)
    return False


def _term_end(sent: Span, start: int) -> int:
    """Where the name after a naming word ends: a quotation's closing mark, or the end of the
    noun phrase that starts there."""
    doc = sent.doc
    if doc[start].text in {"“", '"', "‘", "'"}:
        for i in range(start + 1, min(sent.end, start + MAX_TERM_WORDS + 2)):
            if doc[i].text in {"”", '"', "’", "'"}:
                return i + 1
        return start
    for chunk in sent.noun_chunks:
        if chunk.start == start:
            return chunk.end
    if doc[start].pos_ in {"PROPN", "NOUN", "ADJ"}:
        end = start
        while end < sent.end and doc[end].pos_ in {"PROPN", "NOUN", "ADJ"}:
            end += 1
        return end
    return start


ORG_ENDINGS: Final = frozenset(
    "air airlines airways bank group corp corporation ministry agency office authority council "
    "university institute foundation company ltd inc plc party union commission committee "
    "association trust services holding holdings college school hospital".split()
)
"""Last words that make a name an organisation ("Velsa Air", "Harbour Bank")."""
PLACE_NOUNS: Final = frozenset(
    "city town village port island region province airport county district state".split()
)
"""Nouns that say the name after them is a place ("the airport at Torvik", "the town of Vell")."""


def retype(label: str, answer: str, sent: Span, tokens: range) -> str:
    """The entity label corrected by simple cues: a name ending in an organisation word is an
    organisation; a one-word "organisation" after "in", or after "the town of" or "the airport
    at", is a place."""
    words = answer.split()
    if label in {"PERSON", "GPE", "LOC"} and len(words) > 1 and words[-1].lower() in ORG_ENDINGS:
        return "ORG"
    if label != "ORG" or len(words) != 1 or answer.isupper() or tokens.start - 1 < sent.start:
        return label
    doc = sent.doc
    before = doc[tokens.start - 1].lower_
    if before in {"in", "near"}:
        return "GPE"
    if before in {"of", "at"} and tokens.start - 2 >= sent.start:
        if doc[tokens.start - 2].lower_ in PLACE_NOUNS:
            return "GPE"
    return label


CURRENCY_NOUNS: Final = frozenset(
    "euro euros dollar dollars pound pounds krone kroner krona kronor yen yuan rupee rupees "
    "franc francs rouble roubles ruble rubles peso pesos lira shekel shekels rand".split()
)
ORG_TYPES: Final = frozenset(
    "company agency firm bank court union charity group council ministry department office "
    "university party airline operator regulator authority body committee trust foundation "
    "organisation organization alliance association institute fund".split()
)
"""Head nouns that say what kind of organisation a name is ("Which agency ...?")."""


def _organisation_type(sent: Span, tokens: range) -> str:
    """The type noun an appositive gives the organisation ("NRH, a company owned by ...")."""
    doc = sent.doc
    head = doc[tokens.start : tokens.stop].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= tokens.stop and child.lower_ in ORG_TYPES:
            return child.lower_
    return ""


_SCALE_WORDS: Final = frozenset(SCALE_WORDS) | {"crore", "lakh"}
_VAGUE_COUNTS: Final = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "scores"})


def _counted(noun: Token) -> bool:
    """Whether `noun` is a plural a number can count: "militants", or a group's name in the
    plural ("11 Democrats")."""
    return (noun.pos_ == "NOUN" and noun.tag_ == "NNS") or (
        noun.pos_ == "PROPN" and noun.tag_ == "NNPS"
    )


def _number_fact(
    sent: Span, paragraph: int, tokens: range, label: str, ents: tuple[tuple[str, str], ...]
) -> Fact | None:
    doc = sent.doc
    while tokens.start < tokens.stop and doc[tokens.start].lower_ in {"up", "to", "only", "than"}:
        tokens = range(tokens.start + 1, tokens.stop)
    if doc[tokens.start : tokens.stop].text.lower().startswith("more than"):
        tokens = range(tokens.start + 2, tokens.stop)
    if not tokens:
        return None
    if doc[tokens.start].lower_ in _VAGUE_COUNTS:
        return None  # "a dozen protesters", "hundreds of people": no exact number to recall
    answer = _text(doc, tokens)
    number = parse_number(answer)
    if number is None:
        return None
    last = doc[tokens.stop - 1]
    head = last.head
    detail = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity"}.get(label, "count")
    if label == "CARDINAL":
        paired = _paired_number(sent, paragraph, tokens, number, ents)
        if paired is not None:
            return paired
        scaled = bool(_SCALE_WORDS & set(answer.lower().split()))
        if last.dep_ != "nummod" or not _counted(head) or head.i < last.i:
            return None
        if number.value < 2:
            return None  # "24.5 sacks" is a count; "1.5 children" is no fact
        if 1500 <= number.value <= 2100 and not number.commas:
            return None
        if scaled:
            detail = "amount"
    if label == "CARDINAL" and number.value < 4 and answer.isalpha():
        return None  # "two cities": too easy to be worth a question
    hyphenated = "-" in answer or (tokens.stop < sent.end and doc[tokens.stop].text == "-")
    counts = head.pos_ == "NOUN" or head.tag_ == "NNPS"
    if counts and head.i >= tokens.stop and last.dep_ == "nummod" and not hyphenated:
        # the counted noun belongs to the answer: "2,500 militants", "400 litres per second"
        end = _rate_end(sent, head.i + 1)
        noun_tokens = [t for t in doc[tokens.stop : head.i + 1] if not t.is_punct]
        noun = " ".join(t.text for t in noun_tokens)
        if len(noun.split()) <= MAX_COUNTED_WORDS:
            tokens = range(tokens.start, end)
            answer = _text(doc, tokens)
        if len(answer.split()) > 6:
            return None
        fact = _base(
            "number",
            answer,
            sent,
            paragraph,
            tokens,
            ents,
            value=f"{number.value:g}",
            detail=detail,
        )
        fact = fact.with_slots(noun=noun, number=_text(doc, range(tokens.start, last.i + 1)))
        if head.lower_ in CURRENCY_NOUNS and detail in {"count", "amount"}:
            fact = replace(fact, detail="money")
        elif detail == "amount" and head.tag_ == "NNS":
            fact = replace(fact, detail="count")  # "11.2 million passengers": how many
        if fact.detail == "count":
            fact = _count_question(fact, sent, head)
        elif fact.detail in {"money", "percent", "amount"}:
            fact = _amount_question(fact, sent, tokens)
        return fact
    if label == "CARDINAL":
        return None
    if last.pos_ == "NOUN" and _rate_end(sent, tokens.stop) > tokens.stop:
        tokens = range(tokens.start, _rate_end(sent, tokens.stop))  # "200 kilometres per hour"
        answer = _text(doc, tokens)
    fact = _base(
        "number", answer, sent, paragraph, tokens, ents, value=f"{number.value:g}", detail=detail
    )
    if detail in {"money", "percent", "amount"}:
        return _amount_question(fact, sent, tokens)
    return fact


MAX_COUNTED_WORDS: Final = 2
"""A counted noun of up to this many words is part of a number's answer ("2,500 militants");
a longer one ("210 winter ladder-related falls") stays in view and the number alone is
asked."""

_RATE_UNITS: Final = frozenset(
    "second minute hour day night week month year passenger person head capita kilometre "
    "kilometer mile litre liter".split()
)


def _rate_end(sent: Span, end: int) -> int:
    """Where a rate after a counted noun ends: "per hour", "a day", "each year" (else `end`)."""
    doc = sent.doc
    if end + 1 < sent.end and doc[end].lower_ in {"per", "a", "an", "each"}:
        unit = doc[end + 1]
        if unit.lower_ in _RATE_UNITS and (doc[end].lower_ == "per" or unit.tag_ == "NN"):
            return end + 2
    return end


def _paired_number(
    sent: Span,
    paragraph: int,
    tokens: range,
    number: NumberValue,
    ents: tuple[tuple[str, str], ...],
) -> Fact | None:
    """A bare number whose unit is given by its partner: "from 96 minutes to 41" gives the
    answer "41 minutes" (the sentence's own "41" is accepted; the gap covers it)."""
    doc = sent.doc
    if tokens.start - 1 <= sent.start or doc[tokens.start - 1].lower_ != "to":
        return None
    if tokens.stop < sent.end and doc[tokens.stop].is_alpha:
        return None  # the number has its own noun after it
    before = doc[sent.start : tokens.start - 1].text
    m = re.search(r"\bfrom\s+(\S+)\s+([a-z]+)\s*$", before)
    if m is None or parse_number(m.group(1)) is None:
        return None
    unit = m.group(2)
    answer = f"{doc[tokens.start : tokens.stop].text} {unit}"
    fact = _base(
        "number", answer, sent, paragraph, tokens, ents, value=f"{number.value:g}", detail="count"
    )
    return replace(fact, accept=(doc[tokens.start : tokens.stop].text,))


_RANK_MARKS: Final = frozenset({"#", "no.", "no", "number"})


def _amount_question(fact: Fact, sent: Span, tokens: range) -> Fact:
    """Slots for "How much did X cost?", "How much was X?" and "By what percentage did X rise?"
    when the amount is the object or complement of the main verb, or follows its "by"."""
    doc = sent.doc
    root = sent.root
    head = doc[tokens.start : tokens.stop].root
    verb = head.head
    if tokens.start > sent.start and doc[tokens.start - 1].lower_ in _RANK_MARKS:
        return fact  # "ranked #461": a place in a list, not an amount
    phrase = {t.i for t in head.subtree}
    prep = "-"
    if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "by":
        phrase = {t.i for t in verb.subtree}
        verb = verb.head
        prep = "by"
    elif head.dep_ == "attr" and verb.lemma_ == "be":
        prep = "="
    elif head.dep_ != "dobj":
        return fact
    if not (verb.i == root.i or (verb.dep_ == "xcomp" and verb.head.i == root.i)):
        return fact
    found = grammar.clause(sent, phrase)
    if found is None or (prep != "=" and not found.predicate):
        return fact
    return fact.with_slots(
        prep=prep, aux=found.aux, subject=found.subject, predicate=found.predicate or "-"
    )


def _count_question(fact: Fact, sent: Span, noun: Token) -> Fact:
    """Slots for "How many militants did ...?" when the counted noun is the object or subject."""
    root = sent.root
    if noun.head.i != root.i or root.lemma_ == "be":
        return fact
    numbers = [t.i for t in noun.subtree if t.like_num]
    if not numbers:
        return fact  # "more than a dozen": the count is a word the parse does not call a number
    number_start = min(numbers)
    if any(t.i < number_start and t.lower_ not in _HEDGES for t in noun.subtree):
        return fact  # "the ferry's 85 crew members": the possessor would be lost
    phrase = {t.i for t in noun.subtree}
    if noun.dep_ == "dobj":
        clause = grammar.clause(sent, phrase)
        if clause is not None:
            return fact.with_slots(
                aux=clause.aux, subject=clause.subject, predicate=clause.predicate, prep="-"
            )
    elif noun.dep_ in {"nsubj", "nsubjpass"}:
        clause = grammar.clause(sent, phrase)
        if clause is not None and clause.vp:
            return fact.with_slots(vp=clause.vp)
    return fact


def _with_role(fact: Fact, sent: Span, tokens: range) -> Fact:
    """Add a `role` slot from "X, the mayor of Y," or "X is Vice President, Y"."""
    doc = sent.doc
    head = doc[tokens.start : tokens.stop].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= tokens.stop:
            role = doc[child.left_edge.i : child.right_edge.i + 1].text.strip(" ,")
            if _looks_like_role(role):
                return fact.with_slots(role=role)
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and head.head.i >= tokens.stop:
        verb = head.head
        rest = doc[verb.i + 1 : sent.end].text.strip().rstrip(".")
        if _looks_like_role(rest):
            return fact.with_slots(role=rest)
    title = title_before(sent, tokens)
    if title:
        return fact.with_slots(role=f"the {title}")
    return fact


def part_of_longer_name(sent: Span, tokens: range) -> bool:
    """Whether the entity is only part of a longer name the model split ("Inter [Vellby]",
    "Ada [Lindqvist]", "[Harbour] Board Chair"): a capitalised name word touches it. A title
    before a name ("Harbour Board Chair [Ada Moen]") is no part of the name."""
    doc = sent.doc
    before = doc[tokens.start - 1] if tokens.start > sent.start else None
    after = doc[tokens.stop] if tokens.stop < sent.end else None
    for token in (before, after):
        if token is None or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if is_title(token) or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            continue
        if token is before and not before.whitespace_:
            continue
        return True
    return False


TITLE_HEADS: Final = ROLE_HEADS | frozenset(
    "trustee coach owner boss envoy justice sen rep gov dr prof sir dame lord lady pope cardinal "
    "bishop archbishop rabbi imam reverend rev sheriff detective sergeant sgt captain capt "
    "lieutenant lt colonel col gen admiral adm inspector constable prince princess duke duchess "
    "chancellor executive attorney".split()
)
"""Words that end a title written before a name ("Chief Justice", "Sen.", "Detective")."""
HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "mx", "miss", "messrs"})


def is_title(token: Token) -> bool:
    """Whether `token` is a title or honorific written before a name, abbreviated or not
    ("Sen.", "Gov", "Dr.", "Mr.", "Detective")."""
    word = token.lower_.rstrip(".")
    return word in TITLE_HEADS or word in HONORIFICS


def title_before(sent: Span, tokens: range) -> str:
    """The title written before a name when it says whose office it is ("Harbour Board Chair"
    in "Harbour Board Chair Ada Moen", "Vell Ferries chair"), or "". A bare "President" or "former
    Senator" names no office one could ask about, so it is left out."""
    doc = sent.doc
    head = doc[tokens.start : tokens.stop].root
    start = tokens.start
    while start - 1 >= sent.start:
        token = doc[start - 1]
        if token.dep_ not in {"compound", "amod", "nmod", "poss", "case"} or token.is_punct:
            break
        if token.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
            break  # "Monday Vell Ferries spokesman": the day is no part of the title
        if token.head.i < start - 1 or token.head.i > head.i:
            break
        start -= 1
    words = doc[start : tokens.start]
    if not words or words[-1].lower_.rstrip(".") not in TITLE_HEADS:
        return ""
    owner = [
        t
        for t in words
        if t.pos_ == "PROPN" and not is_title(t) and t.lower_.rstrip(".") not in TITLE_WORDS
    ]
    if not owner or len(words) > 8:
        return ""
    text = words.text.strip()
    if words[0].lower_ in TIME_OF_OFFICE:
        text = words[0].lower_ + text[len(words[0].text) :]  # "the former ... coach"
    last = words[-1]
    if last.text.endswith(".") and (full := TITLE_ABBREVIATIONS.get(last.lower_.rstrip("."))):
        text = text[: len(text) - len(last.text)] + full  # "Negros Occidental governor"
    return text


TITLE_ABBREVIATIONS: Final = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "capt": "captain",
    "adm": "admiral",
    "prof": "professor",
}
"""A title abbreviated before a name, written out when the question names the office."""


TIME_OF_OFFICE: Final = frozenset({"former", "acting", "interim", "then", "outgoing", "incoming"})
TITLE_WORDS: Final = TIME_OF_OFFICE | frozenset(
    "major lieutenant brigadier deputy assistant senior junior associate executive managing "
    "vice lead principal staff general rear".split()
)
"""Words of a title that say nothing of whose office it is ("Major General", "Deputy Chief")."""


def _looks_like_role(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return 0 < len(words) <= 14 and bool(ROLE_HEADS & set(words[:4]))


_ACRONYM_RE: Final = re.compile(r"\(([A-Z][A-Za-z0-9&.\-]{1,11})\)")


def acronym_pairs(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(short form, long form, start, end of the long form) for "Long Form (LF)" in `text`."""
    for m in _ACRONYM_RE.finditer(text):
        short = m.group(1)
        letters = [c for c in short if c.isupper()]
        if len(letters) < 2:
            continue
        before = text[: m.start()].rstrip()
        words = list(re.finditer(r"[\w'’.&-]+", before))
        run: list[re.Match[str]] = []
        for w in reversed(words):
            token = w.group(0)
            between = before[w.end() : run[0].start()] if run else before[w.end() :]
            if "," in between or "(" in between or ")" in between:
                break
            if re.search(r"\w-[a-z]", token):
                break  # "Tarn-based", "Vell-led": a word about the name, not of it
            if token[:1].isupper() or token.lower() in {"of", "for", "and", "the", "on", "in", "&"}:
                run.insert(0, w)
            else:
                break
            if len(run) > len(letters) + 3:
                break
        while run and not run[0].group(0)[:1].isupper():
            run.pop(0)
        best: list[re.Match[str]] | None = None
        for i in range(len(run)):
            cand = run[i:]
            if cand[0].group(0)[0].upper() != letters[0]:
                continue
            initials = [w.group(0)[0].upper() for w in cand if w.group(0)[:1].isupper()]
            hits = sum(1 for c in letters if c in initials)
            if len(cand) >= 2 and hits / len(letters) >= 0.6 and len(initials) <= len(letters) + 2:
                best = cand
                break
        if best is None:
            continue
        start, end = best[0].start(), best[-1].end()
        yield short, text[start:end], start, end


def _acronyms(sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...]) -> list[Fact]:
    doc = sent.doc
    out: list[Fact] = []
    for short, long, start, end in acronym_pairs(sent.text):
        base = sent.start_char
        long_span = doc.char_span(base + start, base + end, alignment_mode="expand")
        short_at = sent.text.find("(" + short + ")", end) + 1
        short_span = doc.char_span(
            base + short_at, base + short_at + len(short), alignment_mode="expand"
        )
        if long_span is None or short_span is None:
            continue
        long_tokens = range(long_span.start, long_span.end)
        short_tokens = range(short_span.start, short_span.end)
        fact = _base(
            "acronym", long, sent, paragraph, long_tokens, ents, value=long.casefold(), detail=short
        )
        term_ctx = grammar.context(sent, short_tokens)
        fact = fact.with_slots(term=short, meaning=long)
        fact = fact.with_slots(**{"context:term": term_ctx})
        out.append(fact)
    return out


_QUOTE_RE: Final = re.compile(r"[\"“]([^\"“”]{3,300})[\"”]")


def _quotes(sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...]) -> list[Fact]:
    doc = sent.doc
    out: list[Fact] = []
    for m in _QUOTE_RE.finditer(sent.text):
        inner = m.group(1).strip(" ,.")
        words = inner.split()
        if not 2 <= len(words) <= 25:
            continue
        base = sent.start_char + m.start(1)
        span = doc.char_span(base, base + len(m.group(1)), alignment_mode="contract")
        if span is None or len(span) == 0:
            continue
        speaker = _speaker(sent, span)
        if speaker is None:
            continue
        who, kind = speaker
        if kind == "speech" and len(words) < 4:
            continue
        tokens = range(span.start, span.end)
        fact = _base("quote", inner, sent, paragraph, tokens, ents, detail=kind)
        led_in = any(t.is_alpha for t in doc[sent.start : span.start])
        framed = "yes" if kind == "view" or led_in else ""
        fact = fact.with_slots(speaker=who, quote=inner, framed=framed)
        out.append(fact)
    return out


def _speaker(sent: Span, quote: Span) -> tuple[str, str] | None:
    """(who, "speech" or "view") for a quotation attributed to a named actor in the sentence."""
    inside = set(range(quote.start, quote.end))
    for token in sent:
        if token.i in inside:
            continue
        if token.lemma_ in REPORTING_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.ent_type_ in {"PERSON", "ORG"}:
                    ent = _entity_of(sent, child)
                    if ent:
                        return ent, "speech"
        if token.lemma_.lower() in VIEW_NOUNS and token.pos_ == "NOUN" and token.i < quote.start:
            for child in token.children:
                if child.dep_ == "poss" and child.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
                    ent = _entity_of(sent, child)
                    if ent:
                        return ent, "view"
    return None


def _entity_of(sent: Span, token: object) -> str:
    for ent in sent.ents:
        if ent.start <= token.i < ent.end:  # type: ignore[attr-defined]
            r = clean_span(ent)
            if r is not None:
                return sent.doc[r.start : r.stop].text
    return ""


# ----------------------------------------------------------------------------- article level


def _short_mentions(
    sent: Span, paragraph: int, ents: tuple[tuple[str, str], ...], known: Mapping[str, str]
) -> Iterator[Fact]:
    """Organisation facts for bare mentions of acronyms defined earlier ("carried out by IS-K")."""
    doc = sent.doc
    for short, long in sorted(known.items()):
        if f"({short})" in sent.text:
            continue
        m = re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sent.text)
        if m is None:
            continue
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), "expand")
        if span is None:
            continue
        tokens = range(span.start, span.end)
        fact = _base("organisation", short, sent, paragraph, tokens, ents, detail="ACRONYM")
        fact = replace(fact, accept=(long,))
        yield _with_question(fact, sent, tokens, about_subject=True)
