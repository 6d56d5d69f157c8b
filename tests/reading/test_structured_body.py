"""Pages that fill in their text with scripts: the body stated in JSON-LD or Next.js page data."""

from __future__ import annotations

import json

import pytest

from quiz.reading import read_html_article
from quiz.reading.html import _without_marked_asides, load_page
from quiz.reading.markdown import _Line
from quiz.reading.structured import split_body

PARAGRAPHS = [
    "The harbour board met on Monday to decide how the old grain quay should be rebuilt after the "
    "winter storms, and its members agreed that the work must start before the fishing season opens.",
    "Engineers told the board that the quay wall had moved by eleven centimetres since October, and "
    "that two of the mooring posts could no longer hold a trawler in a strong easterly wind.",
    "The cheapest plan would cost 4.2 million crowns and keep the quay closed for five months, while "
    "a second plan would cost almost twice as much but let boats use half of the quay throughout.",
    "Fishermen at the meeting asked for the second plan, saying that a closed quay in spring would "
    "send their catch to the larger port up the coast, where landing fees are higher.",
    "The board will vote on the two plans in March, after the town council has said how much of the "
    "cost it is willing to carry from next year's budget.",
]


def _page(shown: list[str], script: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in shown)
    return (
        "<html lang='en'><head><title>Harbour board weighs quay repairs</title>"
        f"{script}</head><body><h1>Harbour board weighs quay repairs</h1>"
        f"<article>{body}</article></body></html>"
    )


def _ld(body: str) -> str:
    data = {
        "@type": "NewsArticle",
        "headline": "Harbour board weighs quay repairs",
        "articleBody": body,
    }
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_page_showing_one_paragraph_reads_the_json_ld_body_paragraph_by_paragraph() -> None:
    article = read_html_article(_page(PARAGRAPHS[:1], _ld("\n\n".join(PARAGRAPHS))))
    assert article.paragraphs == tuple(PARAGRAPHS)


def test_a_json_ld_body_without_line_breaks_is_split_where_the_shown_paragraphs_end() -> None:
    article = read_html_article(_page(PARAGRAPHS[:1], _ld(" ".join(PARAGRAPHS))))
    assert article.paragraphs[0] == PARAGRAPHS[0]
    assert " ".join(article.paragraphs) == " ".join(PARAGRAPHS)


def test_the_shown_text_wins_when_it_holds_most_of_the_structured_body() -> None:
    shown = PARAGRAPHS[:4]
    article = read_html_article(_page(shown, _ld("\n".join(PARAGRAPHS))))
    assert article.paragraphs == tuple(shown)


def test_next_js_page_data_gives_the_paragraphs_a_script_would_show() -> None:
    elements = [{"type": "image", "caption": "The grain quay seen from the harbour mouth at dawn."}]
    elements += [
        {"type": "text", "content": f"<b>{text[:20]}</b>{text[20:]}"} for text in PARAGRAPHS
    ]
    data = {
        "props": {
            "pageProps": {
                "menu": [{"label": "Home"}, {"label": "Local news"}],
                "story": {"content_elements": elements},
            }
        }
    }
    script = f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
    article = read_html_article(_page(PARAGRAPHS[:1], script))
    assert article.paragraphs == tuple(PARAGRAPHS)


def test_split_body_cuts_at_line_breaks_first() -> None:
    assert split_body("One line of the story here.\n\nAnother line of it here.", ["line of"]) == [
        "One line of the story here.",
        "Another line of it here.",
    ]


DEK = "The quay must be rebuilt before spring, and the board is split over how to pay for it."


def _with_dek(shown_dek: str, description: str = DEK) -> str:
    head = f"<title>Harbour board weighs quay repairs</title><meta property='og:description' content='{description}'>"
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f"<html lang='en'><head>{head}</head><body><header><h1>Harbour board weighs quay repairs</h1>"
        f"{shown_dek}</header><article>{body}</article></body></html>"
    )


def test_a_standfirst_shown_under_the_headline_is_the_first_paragraph() -> None:
    article = read_html_article(_with_dek(f"<p class='standfirst'>{DEK}</p>"))
    assert article.paragraphs == (DEK, *PARAGRAPHS)


def test_a_summary_the_page_does_not_show_is_not_added() -> None:
    article = read_html_article(_with_dek(""))
    assert article.paragraphs == tuple(PARAGRAPHS)


def test_a_standfirst_that_is_the_first_paragraph_is_not_repeated() -> None:
    article = read_html_article(_with_dek(f"<p>{PARAGRAPHS[0]}</p>", PARAGRAPHS[0]))
    assert article.paragraphs == tuple(PARAGRAPHS)


@pytest.mark.parametrize("marked", ["h2 class='article-subline'", "div class='article__subdeck'"])
def test_a_standfirst_marked_as_one_is_kept_even_without_a_full_stop(marked: str) -> None:
    subline = "Board split over who pays for the quay repairs"
    html = _with_dek(f"<{marked}>{subline}</{marked.split()[0]}>", description="")
    assert read_html_article(html).paragraphs == (subline, *PARAGRAPHS)


def test_an_image_caption_the_page_marks_as_one_is_not_a_paragraph() -> None:
    # trafilatura drops such captions on small pages; on some large ones its text still holds them.
    caption = "Boats moored along the damaged quay wall after the storm in January"
    figure = (
        f"<div class='img-group'><img src='quay.jpg'><p class='imageCaption'>{caption}</p></div>"
    )
    tree = load_page(_page([PARAGRAPHS[0], PARAGRAPHS[1]], "").replace("</h1>", f"</h1>{figure}"))
    lines = [_Line(PARAGRAPHS[0]), _Line(caption), _Line(PARAGRAPHS[1])]
    assert _without_marked_asides(lines, tree) == [_Line(PARAGRAPHS[0]), _Line(PARAGRAPHS[1])]


def test_a_card_promoting_another_story_is_not_a_paragraph() -> None:
    teaser = (
        "Our guide to the six oldest lighthouses on the coast, and how to reach each one by bus."
    )
    card = (
        "<div class='embed'><div class='promo promo-small'><h3 class='promo-title'>"
        f"<a href='/lighthouses'>Six lighthouses</a></h3><p class='promo-description'>{teaser}</p>"
        "</div></div>"
    )
    shown = [f"<p>{text}</p>" for text in PARAGRAPHS[:2]]
    html = _page([], "").replace("<article>", f"<article>{shown[0]}{card}{shown[1]}")
    tree = load_page(html)
    lines = [_Line(PARAGRAPHS[0]), _Line(teaser), _Line(PARAGRAPHS[1])]
    assert _without_marked_asides(lines, tree) == [_Line(PARAGRAPHS[0]), _Line(PARAGRAPHS[1])]
    assert teaser not in read_html_article(html).paragraphs


def test_a_class_that_only_contains_the_letters_promo_marks_no_card() -> None:
    html = _page(PARAGRAPHS[:2], "").replace("<p>", "<p class='compromise'>", 1)
    lines = [_Line(PARAGRAPHS[0]), _Line(PARAGRAPHS[1])]
    assert _without_marked_asides(lines, load_page(html)) == lines
