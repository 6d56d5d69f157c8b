"""Web pages: parsed once, the tree shared by the page's metadata and trafilatura."""

from __future__ import annotations

import lxml.etree
import lxml.html

from quiz.reading import read_html_article
from quiz.reading.html import (
    _extract,
    _html_lines,
    _without_marked_asides,
    bounded_html,
    load_page,
)
from quiz.reading.markdown import _Line

PAGE = (
    "<html lang='en'><head><title>Ferry timetable changes | Coast News</title>"
    "<meta property='og:site_name' content='Coast News'></head><body><nav><a href='/'>Home</a></nav>"
    "<h1>Ferry timetable changes</h1><article>"
    "<p>The island ferry will leave the harbour an hour earlier from May, the operator said on "
    "Friday, so that workers on the mainland can reach the early shifts at the fish market.</p>"
    "<p>A second boat will run on weekends in the summer, when the number of visitors to the island "
    "is three times what it is in the winter months.</p>"
    "<aside>Sign up for our newsletter</aside></article><footer>Coast News</footer></body></html>"
)


def test_trafilatura_reads_a_copy_of_the_parsed_page() -> None:
    tree = load_page(bounded_html(PAGE))
    before = lxml.html.tostring(tree)
    document = _extract(tree, url="", with_metadata=True)
    assert "earlier from May" in lxml.html.tostring(document.body, encoding="unicode")
    assert lxml.html.tostring(tree) == before


def test_a_page_reads_the_same_from_its_tree_as_from_its_text() -> None:
    tree = load_page(bounded_html(PAGE))
    from_tree = _extract(tree, url="", with_metadata=True)
    from_text = _extract(bounded_html(PAGE), url="", with_metadata=True)
    assert lxml.html.tostring(from_tree.body) == lxml.html.tostring(from_text.body)
    assert (from_tree.title, from_tree.date) == (from_text.title, from_text.date)
    article = read_html_article(PAGE)
    assert article.title == "Ferry timetable changes"
    assert len(article.paragraphs) == 2


def test_a_page_that_is_no_document_has_no_tree() -> None:
    assert load_page("") is None


BERTH = "The harbour board met on Tuesday to weigh the plan for a second ferry berth."
COST = "Members heard that the berth would cost about four million pounds to build."
VOTE = "The board will vote on the plan in February after a month of public comment."


def test_paragraphs_inside_a_kept_division_stay_apart() -> None:
    body = lxml.etree.fromstring(
        f"<body><div><p>{BERTH}<lb/><lb/>{COST}</p><p>{VOTE}</p></div><p>{VOTE}</p></body>"
    )
    assert [line.text for line in _html_lines(body)] == [BERTH, COST, VOTE, VOTE]


def test_a_quote_inside_a_sentence_stays_in_its_paragraph() -> None:
    said = "The chair said <q>we will build it</q> before the vote on the second berth."
    page = (
        "<html><head><title>Ferry berth plan</title></head><body><article><h1>Ferry berth plan</h1>"
        f"<p>{said}</p><p>{COST}</p><p>{VOTE}</p></article></body></html>"
    )
    assert read_html_article(page).paragraphs == (
        "The chair said we will build it before the vote on the second berth.",
        COST,
        VOTE,
    )


def test_a_caption_written_over_two_source_lines_goes_line_by_line() -> None:
    tree = load_page(
        "<html><body><article><p><img src='quay.jpg'><span class='caption'>Boats tied up along the"
        " north quay at dusk.\nImage: Harbour Archive</span></p>"
        f"<p>{BERTH}</p></article></body></html>"
    )
    lines = [_Line("Boats tied up along the north quay at dusk.", "text"), _Line(BERTH, "text")]
    assert [line.text for line in _without_marked_asides(lines, tree)] == [BERTH]


def test_the_summary_on_a_card_linking_to_another_story_goes() -> None:
    card = "Why the town's second bridge took eleven years to finish."
    tree = load_page(
        f"<html><body><article><p>{BERTH}</p><div class='ExternalLinkEmbedWrapper'><a href='/bridge'>"
        f"Bridge story</a><p class='ExternalLinkEmbedDek'>{card}</p></div><p>{VOTE}</p>"
        f"<div class='link-embed'><p class='link-embed__title'>{COST}</p></div></article></body></html>"
    )
    lines = [_Line(text, "text") for text in (BERTH, card, VOTE, COST)]
    assert [line.text for line in _without_marked_asides(lines, tree)] == [BERTH, VOTE]


def test_a_paragraph_that_is_only_a_link_to_another_story_goes() -> None:
    promo = "<p><strong><a href='/ferries/winter'>Island ferry fares will rise for the winter crossings as fuel costs climb again this year</a></strong></p>"
    linked_sentence = f"<p><a href='/board'>{COST}</a></p>"
    page = (
        "<html><head><title>Ferry berth plan</title></head><body><article><h1>Ferry berth plan</h1>"
        f"<p>{BERTH}</p>{promo}{linked_sentence}<p>{VOTE}</p></article></body></html>"
    )
    assert read_html_article(page).paragraphs == (BERTH, COST, VOTE)
