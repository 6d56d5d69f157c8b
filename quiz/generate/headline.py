"""What the headline says the article is about: its common nouns.

A headline written in title case ("Why the Tarn Ferry Crossing Still Matters") capitalises
every word, and the parser then takes "Solstice" for a name. Such a headline is first put back in
sentence case: a capitalised word the article's text writes in lower case somewhere ("solstice")
is a common word, the others (names, "I") keep their capitals.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from quiz.generate.nlp import as_written, parse_paragraphs

_WORD: Final = re.compile(r"[A-Za-z][\w’'-]*")
TITLE_CASE_SHARE: Final = 0.6
"""A headline is in title case when at least this share of its words (of three or more
letters) begins with a capital."""


def is_title_case(title: str) -> bool:
    """Whether most words of `title` begin with a capital, as in "Seven Ways Your Lights Fail"."""
    words = [w for w in _WORD.findall(title) if len(w) >= 3]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= TITLE_CASE_SHARE * len(words)


def sentence_case(title: str, text: str) -> str:
    """`title` with each capitalised word after the first lowered when `text` writes that word
    in lower case; any other headline is returned as it is."""
    if not is_title_case(title):
        return title
    lower_words = {w for w in _WORD.findall(text) if w.islower()}
    first = True

    def lowered(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        if first:
            first = False
            return word
        if word[0].isupper() and word[1:].islower() and word.lower() in lower_words:
            return word.lower()
        return word

    return _WORD.sub(lowered, title)


def headline_nouns(title: str, text: str = "") -> list[tuple[str, str]]:
    """(lemma, word as written) of the headline's common nouns: what the article is about.
    `text` is the article's body, by which a title-case headline is read in sentence case."""
    return list(read_headline(title, text)[0])


ENTITY_KINDS: Final = ("PERSON", "ORG", "GPE")


@lru_cache(maxsize=16)
def read_headline(
    title: str, text: str = ""
) -> tuple[list[tuple[str, str]], dict[str, frozenset[str]]]:
    """The headline's common nouns (see `headline_nouns`) and the people, organisations and
    places it names, by kind. Cached: fact extraction and deck making both ask (do not change
    what it returns)."""
    if not title:
        return [], {}
    nouns: list[tuple[str, str]] = []
    names: dict[str, set[str]] = {kind: set() for kind in ENTITY_KINDS}
    for _, doc in parse_paragraphs((sentence_case(title, text),)):
        nouns.extend((t.lemma_.lower(), t.text) for t in doc if t.pos_ == "NOUN")
        for ent in doc.ents:
            if ent.label_ in names:
                names[ent.label_].add(as_written(ent))
    return nouns, {kind: frozenset(found) for kind, found in names.items()}
