"""Seeded synthetic data for the benchmarks: news articles (HTML) and deck YAML files.

Everything is built from the templates below with `random.Random(seed)`, so the same seed gives the
same bytes on every machine. Files go to benchmarks/data/ (git-ignored) and are reused when present.
"""

from __future__ import annotations

import argparse
import html
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

DATA_DIR: Final = Path(__file__).resolve().parent / "data"
VERSION: Final = 2
"""Bump when the generated data changes, so stale files in benchmarks/data are not reused."""

FIRST_NAMES: Final = (
    "Aino", "Bram", "Carys", "Dario", "Edith", "Femi", "Greta", "Hamid", "Ines", "Joss",
    "Keziah", "Lorcan", "Maren", "Nils", "Orla", "Pavel", "Quinn", "Rosalind", "Sione", "Tamsin",
    "Ulrich", "Vesna", "Wilf", "Ximena", "Yusuf", "Zelda",
)  # fmt: skip
LAST_NAMES: Final = (
    "Abernethy", "Brackley", "Castellan", "Dunmore", "Eskdale", "Fairweather", "Garroway",
    "Holloway", "Ingleby", "Jardine", "Kettering", "Lowther", "Marchbank", "Netherwood", "Ormsby",
    "Penhallow", "Quarrie", "Redfern", "Stainton", "Thirlwell", "Upjohn", "Verity", "Whitlock",
)  # fmt: skip
ROLES: Final = (
    "chief executive", "finance director", "head of planning", "chair of the board",
    "spokesperson", "lead engineer", "minister for transport", "mayor", "union representative",
    "director of research",
)  # fmt: skip
ORGS: Final = (
    ("Northern Rail Authority", "NRA"),
    ("Coastal Flood Agency", "CFA"),
    ("Institute for Fiscal Planning", "IFP"),
    ("Harbour Workers Union", "HWU"),
    ("Regional Health Trust", "RHT"),
    ("National Grid Partnership", "NGP"),
    ("Tarn Valley Water Company", "TVWC"),
    ("Federation of Small Farms", "FSF"),
    ("Office for Urban Housing", "OUH"),
    ("Meridian Battery Works", "MBW"),
)
PLACES: Final = (
    "Porthwenna", "Ashcombe", "Kelderby", "Morrow Bay", "Strathlune", "Fennick", "Old Carrow",
    "Wyndlow", "Brightmere", "Dunhallow", "Saltmarsh End", "Corrigan",
)  # fmt: skip
THINGS: Final = (
    "a new tram line", "the seawall repairs", "a battery factory", "two primary schools",
    "the river crossing", "a wind farm off the headland", "the hospital's cancer ward",
    "flood defences along the estuary", "a district heating network", "affordable homes",
)  # fmt: skip
MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
EVENTS: Final = (
    "The council votes", "The agency publishes its review", "Contractors are appointed",
    "Construction begins", "The first phase opens", "An inquiry reports",
    "The bond is issued", "Residents are consulted",
)  # fmt: skip
FILLER: Final = (
    "Residents who spoke at the meeting were divided, with some praising the plan and others "
    "asking who would pay for it once the grants run out.",
    "The debate has run for years, and few people in the town expected a decision this soon.",
    "Critics say the figures rest on optimistic forecasts that have been missed before.",
    "Local businesses, many of which depend on summer visitors, asked for the work to be phased.",
    "A public exhibition of the plans will tour the libraries of the district over the winter.",
    "Opposition members called for an independent audit before any contracts are signed.",
    "The weather this year has been unusually wild, and the old structures show the strain.",
    "Supporters argue that every year of delay adds to the final bill.",
)

# Fact-bearing sentences. Slots: {person} {role} {org} {acr} {place} {date} {year} {money}
# {percent} {count} {thing}. The first slot named in `asks` is the one a question is made from.
TEMPLATES: Final = (
    ("{org} said on {date} that it would spend {money} on {thing} in {place}.", ("money", "org")),
    ("{person}, the {role} of the {org}, said the work would start in {year}.", ("person", "year")),
    ("“We cannot wait another decade,” said {person}, who has led the campaign since {year}.",
     ("person", "year")),
    ("About {count} people signed a petition asking the {acr} to reconsider its plans for "
     "{place}.", ("count", "acr")),
    ("The {org} ({acr}) expects costs to rise by {percent} over the next five years.",
     ("percent", "acr")),
    ("By {date}, {count} households in {place} had applied for the new grants.",
     ("count", "date")),
    ("{person} told reporters in {place} that {thing} would cost {money} in total.",
     ("money", "person")),
    ("A report published by the {acr} in {year} found that {percent} of the budget had already "
     "been spent.", ("percent", "year")),
    ("The vote in {place} passed on {date}, with {count} members in favour.", ("date", "count")),
    ("{org} will cover {percent} of the cost, while the rest will come from a bond issued in "
     "{year}.", ("percent", "org")),
)  # fmt: skip
TAILS: Final = (
    ", according to figures released at a meeting of the full council this week",
    ", although several members warned that the timetable could still slip",
    ", a figure that has been questioned by independent auditors",
    " after months of negotiation between the parties involved",
    ", in a statement that surprised many of those who had followed the talks",
)
FACT_OF_SLOT: Final = {
    "person": "person",
    "org": "organisation",
    "acr": "acronym",
    "place": "place",
    "date": "date",
    "year": "date",
    "money": "number",
    "percent": "number",
    "count": "number",
}
WH: Final = {
    "person": "Who",
    "org": "Which organisation",
    "acr": "Which body (acronym)",
    "place": "Where",
    "date": "On what date",
    "year": "In what year",
    "money": "How much",
    "percent": "What share",
    "count": "How many",
}
KIND_WEIGHTS: Final = (("cloze", 30), ("short", 20), ("choice", 20), ("truefalse", 12),
                       ("order", 6), ("basic", 12))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Fact:
    """A sentence and the slot values it was built from."""

    sentence: str
    slots: dict[str, str]
    asks: tuple[str, ...]


class _Writer:
    """Draws slot values and sentences from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def value(self, slot: str) -> str:
        rng = self.rng
        if slot == "person":
            return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if slot == "role":
            return rng.choice(ROLES)
        if slot == "org":
            return rng.choice(ORGS)[0]
        if slot == "acr":
            return rng.choice(ORGS)[1]
        if slot == "place":
            return rng.choice(PLACES)
        if slot == "thing":
            return rng.choice(THINGS)
        if slot == "date":
            return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2027)}"
        if slot == "year":
            return str(rng.randint(1952, 2031))
        if slot == "money":
            return f"£{rng.randint(2, 950)}.{rng.randint(1, 9)} million"
        if slot == "percent":
            return f"{rng.randint(3, 97)} percent"
        if slot == "count":
            return f"{rng.randint(120, 48_000):,}"
        raise ValueError(slot)

    def fact(self) -> Fact:
        template, asks = self.rng.choice(TEMPLATES)
        slots = {name: self.value(name) for name in re.findall(r"\{(\w+)\}", template)}
        if "org" in slots and "acr" in slots:
            slots["acr"] = dict(ORGS)[slots["org"]]
        sentence = template.format(**slots)
        if sentence.endswith(".") and self.rng.random() < 0.5:
            sentence = sentence[:-1] + self.rng.choice(TAILS) + "."
        return Fact(sentence[0].upper() + sentence[1:], slots, asks)

    def sentence(self) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(FILLER)
        return self.fact().sentence


HEADLINE_VERBS: Final = ("backs", "delays", "rejects", "funds", "reviews")


def _title(seed: int) -> str:
    """A headline, different for each of the first 600 seeds (so decks get different files)."""
    combos = len(PLACES) * len(THINGS) * len(HEADLINE_VERBS)
    index = (seed * 7919) % combos  # 7919 is prime to 600: a shuffle without repeats
    place = PLACES[index % len(PLACES)]
    thing = THINGS[(index // len(PLACES)) % len(THINGS)]
    verb = HEADLINE_VERBS[index // (len(PLACES) * len(THINGS))]
    return f"{place} {verb} {thing}"


def article(seed: int, *, words: int = 1000) -> tuple[str, list[str]]:
    """A synthetic news article of about `words` words: its title and paragraphs."""
    writer = _Writer(seed)
    title = _title(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [writer.sentence() for _ in range(writer.rng.randint(2, 5))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return title, paragraphs


def article_html(seed: int, *, words: int = 1000) -> str:
    """The article as a small news page: metadata, byline, date and <p> paragraphs."""
    title, paragraphs = article(seed, words=words)
    rng = random.Random(seed + 1)
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    day = f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = "\n".join(f"      <p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | The Valley Courier</title>
  <meta name="author" content="{html.escape(author)}">
  <meta property="article:published_time" content="{day}T07:00:00+00:00">
</head>
<body>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
      <p class="byline">By <span class="author">{html.escape(author)}</span></p>
      <time datetime="{day}">{day}</time>
{body}
    </article>
  </main>
  <footer>© The Valley Courier</footer>
</body>
</html>
"""


def article_text(seed: int, *, words: int = 1000) -> str:
    """The article's body as the generator sees it: paragraphs separated by blank lines."""
    title, paragraphs = article(seed, words=words)
    return "\n\n".join([title, *paragraphs])


def _pick_kind(rng: random.Random) -> str:
    kinds = [kind for kind, _ in KIND_WEIGHTS]
    weights = [weight for _, weight in KIND_WEIGHTS]
    return rng.choices(kinds, weights=weights)[0]


def _question(writer: _Writer, number: int, deck_seed: int) -> dict[str, Any]:
    rng = writer.rng
    fact = writer.fact()
    slot = fact.asks[0]
    answer = fact.slots[slot]
    gapped = fact.sentence.replace(answer, "_____", 1)
    kind = _pick_kind(rng)
    item: dict[str, Any] = {"id": f"q-{deck_seed:04x}{number:07x}", "kind": kind}
    if kind == "cloze":
        item["prompt"] = fact.sentence.replace(answer, "{{c1::" + answer + "}}", 1)
    elif kind in ("short", "basic"):
        item["prompt"] = f"{WH[slot]}? {gapped}"
        item["answer"] = answer
        if slot == "person":
            item["accept"] = [answer.split()[-1]]
        elif slot in ("money", "percent"):
            item["accept"] = [answer.replace(" percent", "%").replace(" million", "m")]
    elif kind == "choice":
        item["prompt"] = f"{WH[slot]}? {gapped}"
        options = {answer}
        while len(options) < 4:
            options.add(writer.value(slot))
        choices = sorted(options)
        rng.shuffle(choices)
        item["answer"] = answer
        item["choices"] = choices
    elif kind == "truefalse":
        true = rng.random() < 0.5
        other = answer
        while other == answer and not true:
            other = writer.value(slot)
        item["prompt"] = fact.sentence.replace(answer, other, 1)
        item["answer"] = "true" if true else "false"
    else:  # order
        events = rng.sample(EVENTS, rng.randint(3, 4))
        shown = events[1:] + events[:1]
        item["prompt"] = f"Put these steps for {rng.choice(THINGS)} in the order they happen."
        item["choices"] = shown
        item["answer"] = events
    item["fact"] = "event" if kind == "order" else FACT_OF_SLOT[slot]
    if rng.random() < 0.2:
        item["tags"] = [rng.choice(("budget", "people", "dates", "places"))]
    item["source"] = {"sentence": fact.sentence, "paragraph": rng.randint(1, 14)}
    return item


def deck_data(questions: int, *, seed: int = 0) -> dict[str, Any]:
    """A deck with `questions` questions of every kind, as the data of a deck YAML file."""
    writer = _Writer(seed)
    title, _ = article(seed)
    return {
        "format": 1,
        "id": f"bench-{questions}-{seed}",
        "title": title,
        "source": {
            "title": title,
            "authors": [f"{writer.value('person')}"],
            "published": "2025-06-01",
            "file": f"articles/{seed:04d}.html",
        },
        "questions": [_question(writer, number, seed) for number in range(questions)],
    }


def dump_yaml(data: object) -> str:
    """YAML text in the layout of a deck file (block style, keys in order, UTF-8)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(
        data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    return text


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path


def deck_file(questions: int, *, seed: int = 0, data_dir: Path = DATA_DIR) -> Path:
    """The deck YAML file with `questions` questions, written on first use."""
    path = data_dir / f"v{VERSION}" / "decks" / f"deck-{questions}-{seed}.yaml"
    if not path.exists():
        _write(path, dump_yaml(deck_data(questions, seed=seed)))
    return path


def article_files(count: int, *, seed: int = 0, data_dir: Path = DATA_DIR) -> list[Path]:
    """`count` article pages (HTML, ~1,000 words each), written on first use."""
    folder = data_dir / f"v{VERSION}" / "articles"
    paths = []
    for number in range(count):
        path = folder / f"article-{seed + number:04d}.html"
        if not path.exists():
            _write(path, article_html(seed + number))
        paths.append(path)
    return paths


def text_files(count: int, *, seed: int = 0, data_dir: Path = DATA_DIR) -> list[Path]:
    """The plain text of the same articles, for the spaCy floors."""
    folder = data_dir / f"v{VERSION}" / "texts"
    paths = []
    for number in range(count):
        path = folder / f"article-{seed + number:04d}.txt"
        if not path.exists():
            _write(path, article_text(seed + number))
        paths.append(path)
    return paths


TYPED_ANSWERS_DECK: Final = 2000
"""The size of the deck (`deck_data`, `deck_file`) whose questions `iter_typed_answers` answers."""


def iter_typed_answers(count: int, *, seed: int = 0) -> Iterator[tuple[dict[str, Any], str]]:
    """`count` (question data, typed answer) pairs: exact, cased, misspelt, partial and wrong."""
    rng = random.Random(seed)
    questions = deck_data(TYPED_ANSWERS_DECK, seed=seed)["questions"]
    pool = [q for q in questions if q["kind"] in ("short", "basic")]
    for number in range(count):
        question = pool[number % len(pool)]
        answer: str = question["answer"]
        roll = rng.random()
        if roll < 0.3:
            typed = answer
        elif roll < 0.45:
            typed = answer.lower()
        elif roll < 0.7:
            position = rng.randrange(len(answer))
            typed = answer[:position] + answer[position + 1 :]
        elif roll < 0.85:
            typed = answer.split()[0]
        else:
            typed = pool[rng.randrange(len(pool))]["answer"]
        yield question, typed


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic benchmark data.")
    parser.add_argument("--decks", default="1000,10000", help="deck sizes, comma-separated")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    for size in (int(s) for s in args.decks.split(",") if s):
        print(deck_file(size))
    article_files(args.articles)
    print(text_files(args.articles)[0].parent)


if __name__ == "__main__":
    main()
