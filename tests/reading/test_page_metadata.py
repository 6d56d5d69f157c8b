"""Title, authors, date and language from a page's own statements (JSON-LD, meta tags, <h1>)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.reading import read_html_article, read_source, read_text_article
from quiz.reading.structured import author_names, cited_days, strip_site_suffix

BODY_1 = "The council approved the budget on Tuesday by a vote of 7 to 4, officials said."
BODY_2 = "Spending on roads will rise by 12% to 3.1 million euros in 2025, the report shows."
BODY_3 = "The mayor said the new bridge would open to traffic in the spring of next year."


def page(head: str = "", before: str = "", lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head>{head}</head><body>{before}<article>"
        f"<p>{BODY_1}</p><p>{BODY_2}</p><p>{BODY_3}</p></article></body></html>"
    )


def ld(**fields: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps({'@type': 'NewsArticle', **fields})}</script>"


def test_the_h1_that_agrees_with_the_title_is_the_headline() -> None:
    head = (
        "<title>Council passes the budget for roads | Northside Courier</title>"
        "<meta property='og:title' content='Budget passes'>"
    )
    article = read_html_article(
        page(head, "<h1>Council passes the budget for roads and schools</h1>")
    )
    assert article.title == "Council passes the budget for roads and schools"


def test_an_h1_naming_the_site_is_not_the_headline() -> None:
    head = "<title>Council passes the budget | Northside Courier</title>"
    head += "<meta property='og:site_name' content='Northside Courier'>"
    article = read_html_article(page(head, "<h1>The Northside Courier</h1>"))
    assert article.title == "Council passes the budget"


def test_a_blog_post_title_in_the_only_h1_beats_the_blog_name() -> None:
    article = read_html_article(
        page("<title>Notes from a garden</title>", "<h1>Roses in a cold May</h1>")
    )
    assert article.title == "Roses in a cold May"


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Storm hits the coast | Daily Herald", {"daily herald"}, "Storm hits the coast"),
        ("Storm hits the coast - Herald News", {"the herald news"}, "Storm hits the coast"),
        (
            "Storm hits the coast | Weather | heraldnews.com",
            set(),
            "Storm hits the coast | Weather",
        ),
        ("Storm hits the coast | Weather | Herald", {"herald"}, "Storm hits the coast | Weather"),
        ("Q&A: Why the coast flooded", {"daily herald"}, "Q&A: Why the coast flooded"),
        ("Daily Herald", {"daily herald"}, "Daily Herald"),
    ],
)
def test_site_suffixes_leave_titles(title: str, sites: set[str], expected: str) -> None:
    assert strip_site_suffix(title, sites) == expected


def test_json_ld_persons_are_the_authors_not_the_outlet_in_meta_tags() -> None:
    head = (
        "<meta name='author' content='Northside Media Group'>"
        "<meta property='og:site_name' content='Northside Courier'>"
        + ld(
            headline="Council passes the budget",
            author=[
                {"@type": "Person", "name": "Zoë Brontë-Ålund"},
                {"@type": "Organization", "name": "Northside Courier"},
            ],
        )
    )
    article = read_html_article(page(head))
    assert article.authors == ("Zoë Brontë-Ålund",)


def test_author_meta_tags_lose_urls_and_site_names() -> None:
    head = (
        "<meta name='author' content='Northside Courier https://www.northside.example'>"
        "<meta name='author' content='Ann Lee'>"
        "<meta property='og:site_name' content='Northside Courier'>"
    )
    assert read_html_article(page(head)).authors == ("Ann Lee",)
    assert author_names("By Jo Park and Ann Lee") == ["Jo Park", "Ann Lee"]
    assert author_names("Northside Courier", {"northside courier"}) == []
    assert author_names("https://news.example.org/by/jo-park") == []


def test_a_line_of_names_before_the_body_adds_no_author_when_the_page_names_them() -> None:
    head = ld(author={"@type": "Person", "name": "Ann Lee"})
    article = read_html_article(page(head, "<p>Guest Column</p>"))
    assert article.authors == ("Ann Lee",)


def test_the_declared_publication_date_beats_a_date_in_the_text() -> None:
    head = ld(datePublished="2024-03-05T23:30:00-05:00", dateModified="2024-03-09T10:00:00Z")
    before = "<figure><figcaption>Photo taken March 1, 2024</figcaption></figure>"
    article = read_html_article(page(head, before))
    assert article.published == date(2024, 3, 5)


CITATION = (
    "<div class='cite'><p>Northside Courier. Council passes the budget. Retrieved February 17, 2031"
    " from news.example.org/council-budget</p></div>"
)


def test_a_citation_s_retrieved_date_is_not_the_publication_date() -> None:
    html = page().replace("</article>", f"</article>{CITATION}")
    assert read_html_article(html).published != date(2031, 2, 17)


def test_access_dates_of_citations_are_known_as_such() -> None:
    text = "Courier (2030, December 18). Retrieved February 17, 2031 from news.example.org. Accessed on 2 March 2031."
    assert cited_days(text) == {date(2031, 2, 17), date(2031, 3, 2)}


def test_an_element_marked_as_the_posting_date_dates_a_page_without_metadata() -> None:
    before = "<dl><dt>Date:</dt><dd id='date_posted'>December 18, 2030</dd></dl>"
    html = page("", before).replace("</article>", f"</article>{CITATION}")
    assert read_html_article(html).published == date(2030, 12, 18)


ITALIAN = (
    "Il consiglio comunale ha approvato il bilancio martedì con sette voti favorevoli e quattro "
    "contrari. La spesa per le strade salirà del dodici per cento nel prossimo anno, secondo il "
    "rapporto presentato dalla giunta. Il sindaco ha detto che il nuovo ponte sarà aperto al "
    "traffico nella primavera dell'anno prossimo, dopo i lavori di consolidamento delle sponde."
)


def test_a_non_english_article_is_refused_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "bilancio.txt"
    source.write_text(f"Il bilancio\n\n{ITALIAN}\n")
    with pytest.raises(QuizError, match="language not supported: quiz makes") as raised:
        read_source(str(source))
    assert raised.value.path == str(source)
    assert read_source(str(source), english_only=False).language == "und"


def test_a_non_english_page_names_its_declared_language(tmp_path: Path) -> None:
    source = tmp_path / "bilancio.html"
    source.write_text(
        f"<html lang='it-IT'><head><title>Il bilancio</title></head><body><article><p>{ITALIAN}"
        "</p></article></body></html>"
    )
    with pytest.raises(QuizError, match=r"language not supported \(it\)"):
        read_source(str(source))


def test_english_and_short_texts_are_english() -> None:
    assert read_text_article(f"Budget\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_3}\n").language == "en"
    assert read_text_article("Kort\n\nEn kort text.\n").language == "en"


def test_a_page_s_reviewer_and_editor_are_not_its_authors() -> None:
    people = [{"@type": "Person", "name": name} for name in ("Jo Park", "Ann Lee", "Sam Roe")]
    before = "<div>By <a>Jo Park</a> | Reviewed by <a>Ann Lee</a> | Edited by <a>Sam Roe</a></div>"
    assert read_html_article(page(ld(author=people), before)).authors == ("Jo Park",)


@pytest.mark.parametrize(
    ("given", "shown"),
    [("jo-park", "Jo Park"), ("jo park", "Jo Park"), ("Zoe Marchand", "Zoé Marchand")],
)
def test_an_author_is_named_as_the_page_writes_the_name(given: str, shown: str) -> None:
    head = f"<meta name='parsely-author' content='{given}'>"
    assert read_html_article(page(head, f"<div>By <a>{shown}</a></div>")).authors == (shown,)


def test_a_button_label_run_into_the_author_s_name_goes() -> None:
    head = "<meta name='author' content='Jo Park Link Copied'>"
    assert read_html_article(page(head)).authors == ("Jo Park",)


def test_an_institution_word_alone_is_no_author() -> None:
    assert read_html_article(page("<meta name='author' content='University'>")).authors == ()


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("<div class='story-datePublished'>March 4, 2031 9:30 PM</div>", date(2031, 3, 4)),
        ("<div class='story-datePublished'>March 5, 2031 2:30 AM</div>", date(2031, 3, 5)),
        (
            "<span itemprop='datePublished' content='2031-03-04T21:30'>Last night</span>",
            date(2031, 3, 4),
        ),
        (
            "<p>Filed 4 March 2031</p><div class='dateline' id='pub-date'>4 March 2031</div>",
            date(2031, 3, 4),
        ),
        ("<p>On 4 March 2031 the council met.</p>", date(2031, 3, 5)),
        ("", date(2031, 3, 5)),
    ],
)
def test_a_utc_timestamp_gives_way_to_the_day_before_the_page_dates_itself(
    shown: str, expected: date
) -> None:
    # An evening story's UTC timestamp falls on the next day; the page's own dateline says when.
    head = ld(datePublished="2031-03-05T02:30:00Z")
    assert read_html_article(page(head, shown)).published == expected


def test_a_day_marked_on_the_page_two_days_before_a_utc_timestamp_is_not_taken() -> None:
    head = ld(datePublished="2031-03-05T02:30:00Z")
    shown = "<div class='story-datePublished'>March 3, 2031</div>"
    assert read_html_article(page(head, shown)).published == date(2031, 3, 5)


def test_a_byline_right_after_the_headline_credits_the_author() -> None:
    head = "<title>Council passes the budget</title>"
    nav = "<ul class='menu'><li><h4><a href='/sections/roads'>Roads</a></h4></li></ul>"
    after_tail = (
        "<div><h1>Council passes the budget</h1> by RiverWatcher42, <small>May 3</small></div>"
    )
    article = read_html_article(page(head, nav + after_tail))
    assert article.authors == ("RiverWatcher42",)
    in_sibling = "<h1>Council passes the budget</h1><p class='credit'>By Mara Lindqvist | May 3</p>"
    assert read_html_article(page(head, in_sibling)).authors == ("Mara Lindqvist",)
    for not_a_byline in (
        "<h1>Council passes the budget</h1><p>Bypass roads get most of the money.</p>",
        "<h1>Council passes the budget</h1><p>By the end of May, the roads plan is due.</p>",
        "<h1>Council passes the budget</h1><p>By Monday, the roads plan was agreed.</p>",
        "<h1>Council passes the budget</h1><p>by <a href='/uni'>University of the North</a></p>",
    ):
        assert read_html_article(page(head, not_a_byline)).authors == ()
    with_role = (
        "<h1>Council passes the budget</h1><div class='byline'><span>By</span><span class='author'>"
        " Mara Lindqvist</span><span class='affiliation'> Harbour Correspondent,</span> May 3</div>"
    )
    assert read_html_article(page(head, with_role)).authors == ("Mara Lindqvist",)
