"""Article to deck: extract facts, render them through the templates, check, rank and select.

facts = extract_facts(article)            # spaCy, paragraph by paragraph
deck = make_deck(article, facts, seed=0)  # pure and deterministic
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

from quiz.generate import nlp as language_model
from quiz.generate.distractors import Pool
from quiz.generate.entity_kinds import as_labelled, names_a_body, people_of
from quiz.generate.facts import Fact, Mention, extract_from_doc
from quiz.generate.fluency import check_contexts
from quiz.generate.headline import headline_nouns, read_headline
from quiz.generate.names import name_kinds, normalise
from quiz.generate.nlp import parse_paragraphs
from quiz.generate.quality import ANCHOR_LABELS, check_question
from quiz.generate.questions import Candidate, render, timelines
from quiz.generate.reference import Descriptions
from quiz.generate.select import (
    Limits,
    default_max,
    holds_a_named_place,
    in_long_list,
    locating_place,
    score,
    select,
)
from quiz.generate.templates import load_templates
from quiz.model import Article, Deck, DeckSource, slugify
from quiz.reading.clutter import is_clutter

_BIO_TYPES = frozenset({"person", "acronym"})


def extract_facts(article: Article) -> list[Fact]:
    """The facts of `article`, in reading order; author bios give only people and acronyms."""
    facts: list[Fact] = []
    acronyms: dict[str, str] = {}
    carry: dict[str, str] = {}
    text = "\n".join(article.paragraphs)
    nouns, named = read_headline(article.title, text)
    described = Descriptions(topic=frozenset(lemma for lemma, _ in nouns), headline=named)
    for number, doc in parse_paragraphs(article.paragraphs):
        found, _ = extract_from_doc(doc, number, article.published, acronyms, carry, described)
        facts.extend(found)
    for _, doc in parse_paragraphs(article.bios):
        found, _ = extract_from_doc(doc, 0, article.published, acronyms)
        facts.extend(
            f for f in found if f.type == "acronym" or (f.type == "person" and f.slot("role"))
        )
    facts = check_contexts(facts, language_model.load_nlp())
    unique: dict[tuple[str, str, str, str], Fact] = {}
    for fact in facts:
        key = (fact.type, fact.answer, fact.sentence, fact.slot("speaker"))
        if key not in unique:
            unique[key] = fact
        elif fact.accept:
            first = unique[key]
            merged = tuple(dict.fromkeys(first.accept + fact.accept))
            unique[key] = replace(first, accept=merged)
    return list(unique.values())


def generate_deck(
    article: Article,
    *,
    seed: int = 0,
    max_questions: int | None = None,
    templates: Path | None = None,
) -> Deck:
    """Both steps: the facts of `article`, then the deck made of them."""
    return make_deck(
        article,
        extract_facts(article),
        seed=seed,
        max_questions=max_questions,
        templates=templates,
    )


def make_deck(
    article: Article,
    facts: Sequence[Fact],
    *,
    seed: int = 0,
    max_questions: int | None = None,
    templates: Path | None = None,
    anchored: bool = True,
) -> Deck:
    """The deck of the best questions about `facts` (pure: same input, same deck).

    `anchored`: every question must name what it is about (see quality's "unanchored"); off for
    a fact sheet, whose facts their author wrote to be asked as they stand.
    """
    template_set = load_templates(templates)
    text = "\n".join(article.paragraphs)
    topic = [word.lower() for _, word in headline_nouns(article.title, text)]  # its "tunnel"
    words = len(text.split())
    limit = max_questions if max_questions is not None else default_max(words)
    if max_questions is None and _one_fact_per_paragraph(article, facts):
        limit = min(60, 2 * len(facts))  # a fact sheet: every fact was chosen by hand
    facts = [f for f in facts if not about_the_page(f, article)]
    people = people_of(facts)
    facts = [as_labelled(f, people) for f in facts]
    firsts = first_names(facts)
    facts = [f for f in facts if not (f.type == "person" and f.answer in firsts)]
    facts = shortlist(facts, limit, len(article.paragraphs))
    facts = [f for f in facts if not common_word(f.answer, text) or f.type not in _NAMED]
    facts = [f for f in facts if f.type != "place" or not _gives_itself_away(f)]
    facts = [f for f in facts if f.type not in _NAMED or not in_long_list(f.answer, f.sentence)]
    pool = build_pool(article, facts)
    aliases = dict(pool.aliases)
    long_to_short = {long.casefold(): short for short, long in pool.aliases}
    candidates: list[Candidate] = []
    no_choice: set[int] = set()  # ids of facts with too few wrong options of the answer's kind
    for fact in facts:
        for template in template_set:
            if fact.type == "organisation" and template.kind in {"short", "choice"}:
                if not names_a_body(fact.answer):
                    continue  # "Which organisation" of a name that may be a car or a band
            candidate, reason = render(fact, template, pool, seed=seed)
            if candidate is None:
                if reason == "few-distractors":
                    no_choice.add(id(fact))
                continue
            names = _aliases(candidate, aliases, long_to_short)
            anchors = [text for label, text in fact.entities if label in ANCHOR_LABELS] + topic
            if check_question(
                candidate.question,
                aliases=names,
                anchors=anchors if anchored else None,
                lead=fact.slot("lead"),
            ):
                continue
            candidates.append(candidate)
    for template in template_set:
        if template.kind == "order":
            for order in timelines(facts, template, seed=seed):
                if not check_question(order.question):
                    candidates.append(order)
    mentions = count_mentions(text, {c.fact.answer for c in candidates})
    central = centrality(article.paragraphs, {c.fact.sentence for c in candidates})
    scored = [
        (
            score(
                c,
                mentions=mentions,
                paragraphs=len(article.paragraphs),
                centrality=central.get(c.fact.sentence, 0.0),
                no_choice=id(c.fact) in no_choice,
                headline=article.title,
            ),
            c,
        )
        for c in candidates
    ]
    chosen = select(scored, Limits(max_questions=limit))
    chosen.sort(key=lambda c: (c.fact.paragraph or 10**9, _position(c, article), c.question.id))
    headings = section_headings(article)
    chosen = [with_heading(c, headings.get(c.fact.paragraph or 0, "")) for c in chosen]
    deck = Deck(
        id=slugify(article.title),
        title=article.title,
        questions=tuple(c.question for c in chosen),
        source=DeckSource(
            title=article.title,
            authors=article.authors,
            published=article.published.isoformat() if article.published else "",
            url=article.url,
            file=article.file,
        ),
    )
    return deck


HEADING_WORDS: Final = 8
_CALL_TO_ACTION: Final = re.compile(
    r"(?i)(be the first|sign up|subscribe|get (the|our)|don.t miss|follow|read|watch|listen|"
    r"download|join|share|click|tap|see (more|also)|related|more (from|on))\b"
    r"|.*\b(deals?|shop(ping)?|sales?|newsletters?|sponsored|advertisement)\b"
)


def section_headings(article: Article) -> dict[int, str]:
    """The heading each paragraph sits under (by 1-based paragraph number), when it names what
    the section is about: short, with a name in it ("Gaza", "Seattle Seahawks: the schedule")."""
    body = "\n".join(article.paragraphs)
    out: dict[int, str] = {}
    for number, block in enumerate(article.body_blocks, start=1):
        heading = block.heading.strip().rstrip(":")
        words = heading.split()
        if not words or len(words) > HEADING_WORDS or heading.endswith("?"):
            continue
        if _CALL_TO_ACTION.match(heading) or is_clutter(heading):
            continue  # "Be the first to get our news": the page's, not the section's
        if any(w[:1].isupper() for w in words[1:]) or _name_in(words[0], body):
            out[number] = heading
    return out


def _name_in(word: str, body: str) -> bool:
    """Whether the article writes `word` capitalised inside a sentence: a name ("Gaza"), not a
    heading's common word ("Background")."""
    word = word.strip(",.;:()'’")
    if not word[:1].isupper():
        return False
    return re.search(rf"[a-z,;] +{re.escape(word)}\b", body) is not None


def with_heading(candidate: Candidate, heading: str) -> Candidate:
    """`candidate` with its section's heading before the prompt ("Gaza: How many ...?") when
    the prompt does not already name what the heading names, and the heading holds neither the
    answer nor any option."""
    question = candidate.question
    if not heading or question.kind == "order" or "{{" in heading or "}}" in heading:
        return candidate  # a heading written like a gap would make a second one
    names = {w.strip(",.;:()'’").casefold() for w in heading.split() if w[:1].isupper()}
    shown = question.prompt.casefold()
    if names and all(n in shown for n in names):
        return candidate
    answer = question.answer_text if question.kind != "truefalse" else candidate.fact.answer
    if answer and answer.casefold() in heading.casefold():
        return candidate
    if question.kind == "choice" and any(
        c.casefold() in heading.casefold() for c in question.choices
    ):
        return candidate  # "Daylen Russell: ..." above options that name him gives him away
    return replace(candidate, question=replace(question, prompt=f"{heading}: {question.prompt}"))


def _one_fact_per_paragraph(article: Article, facts: Sequence[Fact]) -> bool:
    numbers = [f.paragraph for f in facts]
    return bool(facts) and len(set(numbers)) == len(numbers) == len(article.paragraphs)


def _position(candidate: Candidate, article: Article) -> int:
    paragraph = candidate.fact.paragraph
    if not paragraph or paragraph > len(article.paragraphs):
        return 0
    at = article.paragraphs[paragraph - 1].find(candidate.fact.sentence)
    return max(at, 0)


def _aliases(
    candidate: Candidate, aliases: dict[str, str], long_to_short: dict[str, str]
) -> list[str]:
    """Other names of the answer the prompt must not show (bar those the template asks to)."""
    answer = candidate.question.answer_text
    out = [a for a in candidate.question.accept if len(a) > 3 or a.isupper()]
    if answer in aliases:
        out.append(aliases[answer])
    if answer.casefold() in long_to_short:
        out.append(long_to_short[answer.casefold()])
    shown = {candidate.fact.slot(name) for name in candidate.template.placeholders}
    return [a for a in out if a not in shown]


_NAMED: Final = frozenset({"person", "place", "organisation", "event"})


def about_the_page(fact: Fact, article: Article) -> bool:
    """Whether a fact is about who wrote or published the article rather than the news: a line
    of an author's bio, an author's name (or surname) as the answer, or the outlet's name (the
    web address's site: "Harbour Times" on harbourtimes.com, "The Tide" on thetide.co.uk)."""
    if not fact.paragraph:
        return True
    if any(_about_the_author(fact.sentence, author) for author in article.authors):
        return True
    answer = _squash(fact.answer)
    if not answer:
        return False
    for author in article.authors:
        names = {_squash(author), _squash(author.split()[-1]) if author.split() else ""}
        if answer in names - {""}:
            return True
    site = _site(article.url)
    return bool(site) and answer in {site, site.removeprefix("the")}


def _about_the_author(sentence: str, author: str) -> bool:
    """Whether `sentence` opens on the article's author, by name or surname, with a title or
    without ("Mr. Hale is the deputy editor."): a line of the writer's bio in the body."""
    words = author.split()
    if not words:
        return False
    names = "|".join(re.escape(n) for n in dict.fromkeys((author, words[-1])))
    return re.match(rf"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?:{names})\b(?!['’])", sentence) is not None


def first_names(facts: Iterable[Fact]) -> set[str]:
    """One-word names that are the first name of someone the article names in full ("Mary" when
    it also says "Mary Lindqvist"): as an answer, a first name alone is half the name."""
    full = {name for f in facts for label, name in f.entities if label == "PERSON"}
    full |= {f.answer for f in facts if f.type == "person"}
    return {n.split()[0] for n in full if len(n.split()) >= 2} - {
        n
        for n in full
        if " " not in n and n in {m.split()[-1] for m in full if len(m.split()) >= 2}
    }


def _gives_itself_away(fact: Fact) -> bool:
    """Whether a place is given away by the sentence: it only locates the place before it, or
    holds another place the sentence names."""
    if locating_place(fact.answer, fact.sentence):
        return True
    named = [text for label, text in fact.entities if label in {"GPE", "LOC", "FAC"}]
    return holds_a_named_place(fact.answer, named)


def _squash(text: str) -> str:
    return re.sub(r"[^\w]", "", text.casefold())


def _site(url: str) -> str:
    """The site's own name in a web address ("thetide" in https://www.thetide.co.uk/...)."""
    host = re.sub(r"^[a-z]+://", "", url.casefold()).split("/")[0].split(":")[0]
    labels = [x for x in host.split(".") if x not in {"www", "m", "amp", "edition", "news"}]
    while len(labels) > 1 and labels[-1] in {"com", "org", "net", "co", "uk", "au", "ca", "in"}:
        labels.pop()
    return labels[-1] if labels else ""


def common_word(name: str, text: str) -> bool:
    """Whether a one-word name is a common word the model took for a name because it opened a
    sentence ("Trains will reach ..." when the article also speaks of "64 trains")."""
    if " " in name.strip() or not name[:1].isupper() or name.isupper():
        return False
    if name.lower() not in text:  # the pattern matches only where the lower-cased name occurs
        return False
    return re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is not None


def build_pool(article: Article, facts: Iterable[Fact]) -> Pool:
    """Distractor material: the article's entities, acronym long forms and speakers, and what
    the article says of each name's kind (a country, a city, an asteroid). Names of the
    article's authors, of the people a credits line names ("Reporting by ...") and of the outlet
    that published it are never material: they are not what the article is about."""
    mentions: list[Mention] = []
    long_forms: list[str] = []
    speakers: list[str] = []
    aliases: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    body = "\n".join(article.paragraphs)
    outsiders = _outsiders(article)
    for fact in facts:
        in_credits = bool(_CREDITS.search(fact.sentence))
        for label, text in fact.entities:
            if common_word(text, body) or (label, text) in seen:
                continue
            if _outside(text, outsiders) or (in_credits and label == "PERSON"):
                continue
            seen.add((label, text))
            mentions.append(Mention(label, text, fact.sentence, fact.paragraph))
        if fact.type == "acronym":
            long_forms.append(fact.answer)
            aliases.append((fact.slot("term"), fact.answer))
        speaker = fact.slot("speaker")
        if speaker and not _outside(speaker, outsiders):
            speakers.append(speaker)
        if fact.type in {"person", "place", "organisation", "event"}:
            label = fact.detail if fact.detail != "ACRONYM" else "ORG"
            if fact.type == "person":
                label = "PERSON"
            if (label, fact.answer) in seen or _outside(fact.answer, outsiders):
                continue
            if in_credits and label == "PERSON":
                continue
            seen.add((label, fact.answer))
            mentions.append(Mention(label, fact.answer, fact.sentence, fact.paragraph))
    latest = article.published.year if article.published else None
    names = dict.fromkeys(m.text for m in mentions)
    kinds = name_kinds(names, body)
    return Pool(
        mentions=tuple(mentions),
        long_forms=tuple(dict.fromkeys(long_forms)),
        speakers=tuple(dict.fromkeys(speakers)),
        latest_year=latest,
        aliases=tuple(dict.fromkeys(aliases)),
        kinds=tuple(sorted(kinds.items())),
        with_the=tuple(n for n in names if _mostly_after_the(n, body)),
        authors=tuple(a for a in article.authors if a.strip()),
        published=article.published,
    )


_CREDITS: Final = re.compile(
    r"(?i)\b(?:(?:additional )?reporting|written|writing|edited|editing|compiled|produced|"
    r"photographs?|photos?|video|graphics|illustrations?|research) by\b|\bcontributed to\b|"
    r"^\s*(?:by|contributing|credits?)\b"
)
"""A credits or byline line: the people it names made the page, they are not in the news."""


def _outsiders(article: Article) -> tuple[str, ...]:
    """Comparison keys of the names behind the page: its authors and its outlet (from the
    address: "example-times.com" gives "exampletimes")."""
    keys = [normalise(a) for a in article.authors if a.strip()]
    host = re.sub(r"^[a-z]+://", "", article.url or "").split("/")[0].casefold()
    host = re.sub(r"^(?:www|m|edition|news|amp)\.", "", host)
    site = host.rsplit(".", 2)[0] if "." in host else host
    site = re.sub(r"\.(?:co|com)$", "", site)
    if site:
        keys.append("site:" + re.sub(r"[^a-z0-9]", "", site))
    return tuple(k for k in keys if k)


def _outside(name: str, outsiders: tuple[str, ...]) -> bool:
    key = normalise(name)
    if not key:
        return False
    squashed = re.sub(r"[^a-z0-9]", "", key)
    for other in outsiders:
        if other.startswith("site:"):
            if len(squashed) >= 3 and squashed == other[5:]:
                return True
        elif key == other or (len(key.split()) == 1 and key in other.split()):
            return True
    return False


def _mostly_after_the(name: str, body: str) -> bool:
    """Whether the article writes `name` after "the" more often than without it (counted as
    text, which is fast and close enough: "the Netherlands", "the Senate")."""
    if re.match(r"(?i)the\s", name):
        return False
    after_the = body.count(f"the {name}") + body.count(f"The {name}")
    return after_the * 2 > body.count(name)


def count_mentions(text: str, answers: Iterable[str]) -> dict[str, int]:
    """How often each answer (casefolded) occurs in `text` as whole words; linear in the text."""
    tokens = re.findall(r"\w+", text.casefold())
    wanted = {a.casefold(): re.findall(r"\w+", a.casefold()) for a in answers}
    firsts = {w[0] for w in wanted.values() if w}
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        if token in firsts:
            positions.setdefault(token, []).append(i)
    counts: dict[str, int] = {}
    for key, words in wanted.items():
        if not words:
            continue
        n = len(words)
        counts[key] = sum(1 for i in positions.get(words[0], []) if tokens[i : i + n] == words)
    return counts


SHORTLIST_FACTOR = 8
"""At most this many facts per deck question are rendered (bounds the work on huge articles)."""


def shortlist(facts: Sequence[Fact], limit: int, paragraphs: int) -> Sequence[Fact]:
    """The facts worth rendering: all of them, or for a huge article the best by a cheap score."""
    keep = max(200, SHORTLIST_FACTOR * limit)
    if len(facts) <= keep:
        return facts
    lead = max(paragraphs, 1)

    def cheap(item: tuple[int, Fact]) -> tuple[float, int]:
        index, fact = item
        return (-(fact.score + 0.1 * (1 - min(fact.paragraph, lead) / lead)), index)

    best = sorted(enumerate(facts), key=cheap)[:keep]
    return [fact for _, fact in sorted(best, key=lambda item: item[0])]


_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_COMMON = frozenset(
    "that this with from have been were which their there they them what when where would "
    "could should about into than then also more most other some such only over very will "
    "while being after before under between these those because through".split()
)


def centrality(paragraphs: Sequence[str], sentences: Iterable[str]) -> dict[str, float]:
    """How much each sentence shares the article's recurring words, scaled to 0..1."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        counts.update({w[:6] for w in _WORD.findall(paragraph.casefold()) if w not in _COMMON})
    raw: dict[str, float] = {}
    for sentence in sentences:
        words = {w[:6] for w in _WORD.findall(sentence.casefold()) if w not in _COMMON}
        if not words:
            raw[sentence] = 0.0
            continue
        total = sum(math.log(counts[w]) for w in words if counts[w] > 1)
        raw[sentence] = total / math.sqrt(len(words))
    top = max(raw.values(), default=0.0) or 1.0
    return {s: v / top for s, v in raw.items()}


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """`fact` as plain data (for `quiz facts --json`)."""
    data: dict[str, Any] = {
        "type": fact.type,
        "answer": fact.answer,
        "value": fact.value,
        "detail": fact.detail,
        "sentence": fact.sentence,
        "paragraph": fact.paragraph or None,
    }
    slots = {k: v.replace("\x00", "_____") for k, v in fact.slots if not k.startswith("context")}
    if slots:
        data["slots"] = slots
    if fact.accept:
        data["accept"] = list(fact.accept)
    return data
