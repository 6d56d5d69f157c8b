"""Sorting a page's lines into the article: what is said twice for show goes."""

from __future__ import annotations

from quiz.reading import read_html_article, read_text_article

OPENING = (
    "The orchard on Mill Lane has grown apples for ninety years, and this autumn it opened its gates"
    " to pickers from the town for the first time."
)
SAID = (
    "“We wanted people to see where their fruit comes from,” said Ruth Okafor, who runs the orchard"
    " with her brother. “Nobody forgets the smell of a cider press.”"
)
AFTER = (
    "More than four hundred people came on the first weekend, and the orchard plans to open again"
    " in the spring when the trees are in blossom."
)


def _page(middle: str) -> str:
    return (
        "<html><head><title>Orchard opens its gates</title></head><body><article>"
        f"<h1>Orchard opens its gates</h1><p>{OPENING}</p>{middle}<p>{SAID}</p><p>{AFTER}</p>"
        "</article></body></html>"
    )


def test_a_pull_quote_with_its_speaker_goes_when_the_article_says_it() -> None:
    pull = (
        "<blockquote><p>“Nobody forgets the smell of a cider press.”</p></blockquote>"
        "<p>— Ruth Okafor</p>"
    )
    assert read_html_article(_page(pull)).paragraphs == (OPENING, SAID, AFTER)


def test_a_quote_with_its_speaker_stays_when_the_article_does_not_say_it() -> None:
    epigraph = "“An apple a day is only the start of it.”"
    text = f"# Orchard\n\n{epigraph}\n\n— Old saying\n\n{OPENING}\n\n{AFTER}\n"
    assert read_text_article(text).paragraphs == (epigraph, "— Old saying", OPENING, AFTER)
