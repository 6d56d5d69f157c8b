"""Headings, list items and paragraphs kept as structure through `Article.blocks`."""

from __future__ import annotations

from quiz.model import Article, Block
from quiz.reading import read_html_article, read_text_article

INTRO = "The league published its season review on Monday, covering every club in the north."
SEA = "The club won 11 of its 17 games and reached the second round of the playoffs."
PORT = "The club lost its coach in March and finished the season with 6 wins."
ITEM_1 = "8,200 children were enrolled in the new programme"
ITEM_2 = "6,200 women joined the training scheme"


def test_markdown_headings_and_items_are_blocks_with_their_heading() -> None:
    text = (
        f"# Season review\n\n{INTRO}\n\n## Seattle\n\n{SEA}\n\n- {ITEM_1}\n- {ITEM_2}\n\n"
        f"## Portland\n\n{PORT}\n"
    )
    article = read_text_article(text)
    assert article.title == "Season review"
    assert article.blocks == (
        Block(INTRO),
        Block("Seattle", "heading", level=2),
        Block(SEA, heading="Seattle"),
        Block(ITEM_1, "item", "Seattle"),
        Block(ITEM_2, "item", "Seattle"),
        Block("Portland", "heading", level=2),
        Block(PORT, heading="Portland"),
    )
    assert article.paragraphs == (INTRO, SEA, ITEM_1, ITEM_2, PORT)
    assert [block.heading for block in article.body_blocks] == ["", *["Seattle"] * 3, "Portland"]


def test_html_headings_and_list_items_stay_apart() -> None:
    html = (
        "<html><head><title>Season review</title></head><body><article>"
        f"<p>{INTRO}</p><h2>Seattle</h2><p>{SEA}</p><ul><li>{ITEM_1}</li><li>{ITEM_2}</li></ul>"
        f"<h3>Portland</h3><p>{PORT}</p></article></body></html>"
    )
    article = read_html_article(html)
    kinds = [(block.kind, block.text, block.heading) for block in article.blocks]
    assert kinds == [
        ("paragraph", INTRO, ""),
        ("heading", "Seattle", ""),
        ("paragraph", SEA, "Seattle"),
        ("item", ITEM_1, "Seattle"),
        ("item", ITEM_2, "Seattle"),
        ("heading", "Portland", "Seattle"),
        ("paragraph", PORT, "Portland"),
    ]


def test_a_heading_with_nothing_under_it_goes() -> None:
    text = f"# Season review\n\n{INTRO}\n\n## Seattle\n\n## Portland\n\n{PORT}\n\n## Share this\n"
    article = read_text_article(text)
    assert [block.text for block in article.blocks if block.kind == "heading"] == ["Portland"]


def test_a_heading_over_page_furniture_takes_its_list_with_it() -> None:
    text = (
        f"# Season review\n\n{INTRO}\n\n## More from Sport\n\n- Coach leaves after ten years\n"
        f"- Stadium plans approved\n\n{SEA}\n"
    )
    article = read_text_article(text)
    assert article.paragraphs == (INTRO, SEA)


def test_a_bold_line_in_the_body_is_a_heading_but_a_label_before_it_is_not() -> None:
    text = f"Season review\n\nSport\n\n{INTRO}\n\nSeattle Seahawks\n\n{SEA}\n"
    article = read_text_article(text)
    assert article.blocks == (
        Block(INTRO),
        Block("Seattle Seahawks", "heading", level=2),
        Block(SEA, heading="Seattle Seahawks"),
    )


def test_an_article_built_by_hand_has_body_blocks_from_its_paragraphs() -> None:
    article = Article(title="T", paragraphs=(INTRO, SEA))
    assert article.body_blocks == (Block(INTRO), Block(SEA))


def test_a_viewing_guide_with_a_subscription_offer_leaves_no_stray_heading() -> None:
    html = (
        "<html><head><title>Season review</title></head><body><article>"
        f"<p>{INTRO}</p><h2>How to watch the final</h2>"
        "<p><strong>Date</strong>: Friday, May 9 | <strong>Kick-off</strong>: 7:45 p.m. BST<br>"
        "<strong>TV channel</strong>: North One (free trial)<br>"
        "<em>For a limited time, subscribers pay 40% less for a yearly pass.</em></p>"
        f"<h2>Seattle</h2><p>{SEA}</p></article></body></html>"
    )
    article = read_html_article(html)
    assert [(block.kind, block.text) for block in article.blocks] == [
        ("paragraph", INTRO),
        ("heading", "Seattle"),
        ("paragraph", SEA),
    ]
