"""Web pages: parsed once, the tree shared by the page's metadata and trafilatura."""

from __future__ import annotations

import lxml.html

from quiz.reading import read_html_article
from quiz.reading.html import _extract, bounded_html, load_page

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
