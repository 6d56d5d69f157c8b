"""The article reader: text, Markdown and HTML sources into clean `Article`s."""

from __future__ import annotations

import unicodedata
from datetime import date
from html import escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.generate.article import (
    clean_text,
    is_clutter,
    looks_like_html,
    parse_date,
    read_html_article,
    read_source,
    read_text_article,
    strip_inline_markdown,
)
from quiz.model import Article

DATA = Path(__file__).parent / "data" / "articles"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_d73ef1872804ed67.txt"

BODY_1 = "The council approved the budget on Tuesday by a vote of 7 to 4, officials said."
BODY_2 = "Spending on roads will rise by 12% to 3.1 million euros in 2025, the report shows."
FIRST_SENTENCE = BODY_1  # the title of an article whose text marks none, read from no file


def article_of(*lines: str) -> str:
    """A one-paragraph-per-line article with a title and two body paragraphs around `lines`."""
    return "\n".join(["Council passes the budget", BODY_1, *lines, BODY_2]) + "\n"


# ------------------------------------------------------------------------------------------- seed


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not available")
def test_seed_article_reads_cleanly() -> None:
    # Expectations come from the file itself, so no sentence of the seed is written here.
    raw = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    article = read_source(str(SEED))
    assert article.title == raw[0]
    assert article.published == date(2025, 7, 28)
    assert article.authors == ("Harsh V. Pant", "Aleksei Zakharov")
    assert article.file == str(SEED)
    bio_line = next(line for line in raw if line.startswith("Harsh V. Pant "))
    assert len(article.bios) == 2 and " ".join(article.bios) == bio_line
    assert article.bios[0].endswith(".") and article.bios[1].startswith("Aleksei Zakharov ")
    # The body is exactly the file's long lines, unchanged and in order; nothing else got in.
    assert article.paragraphs == tuple(line for line in raw if len(line) > 200)
    assert len(article.paragraphs) == 10
    left_out = [line for line in raw[1:] if line not in article.paragraphs and line != bio_line]
    assert len(left_out) == 7 and all(len(line) < 60 for line in left_out)
    joined = "\n".join(article.paragraphs)
    for clutter in (
        "Photo Credit",
        "Table Of Content",
        "Published",
        "No Comment",
        "Research Foundation",
    ):
        assert clutter not in joined


# -------------------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# The real title\n\nFirst paragraph of the story.\n", "The real title"),
        ("The real title\n=============\n\nFirst paragraph of the story.\n", "The real title"),
        ("The real title\nFirst paragraph of the story.\n", "The real title"),
        ("Advertisement\n# The real title\nFirst paragraph of the story.\n", "The real title"),
        (
            "---\ntitle: From front matter\n---\nFirst paragraph of the story.\n",
            "From front matter",
        ),
        ("## *Emphasised* [title](https://x.org)\n\nFirst paragraph.\n", "Emphasised title"),
    ],
)
def test_title(text: str, title: str) -> None:
    article = read_text_article(text)
    assert article.title == title
    assert article.paragraphs[0].startswith("First paragraph")
    assert title not in article.paragraphs


def test_without_a_title_line_the_file_name_is_the_title() -> None:
    body = (
        "The council approved the budget on Tuesday. It did so after a long debate that ran well "
        "past midnight. Spending on roads will rise."
    )
    article = read_text_article(body + "\n", file="content/council-budget.md")
    assert article.title == "Council budget"
    assert article.paragraphs == (body,)


# ------------------------------------------------------------------------------------ metadata


@pytest.mark.parametrize(
    ("header", "title", "authors", "published"),
    [
        (
            "title: Council passes the budget\nauthors: [Jane Doe, John Roe]\ndate: 2024-03-14",
            "Council passes the budget",
            ("Jane Doe", "John Roe"),
            date(2024, 3, 14),
        ),
        (
            "title: 1984\nauthor: Jane Doe\npublished: 2024-03-14T09:30:00Z",
            "1984",
            ("Jane Doe",),
            date(2024, 3, 14),
        ),
        ("title: No\ndate: 14 March 2024", "No", (), date(2024, 3, 14)),
        # A day that does not exist, or a number too long for int(): no date, no crash.
        ("date: 2024-02-30", FIRST_SENTENCE, (), None),
        ("title: " + "1" * 5000, clean_text("1" * 5000), (), None),
        # Lists and mappings are not a title or a date; only the plain items of a list are names.
        (
            "title: [a, b]\ndate: {day: 1}\nauthors: [Jane Doe, [x], {a: b}, ~]",
            FIRST_SENTENCE,
            ("Jane Doe",),
            None,
        ),
        # Deep nesting and bad YAML: no metadata, and the header is still no article text.
        ("title: " + "[" * 1000 + "]" * 1000, FIRST_SENTENCE, (), None),
        ("title: " + "{a: " * 1000 + "1" + "}" * 1000, FIRST_SENTENCE, (), None),
        ("title:\n" + "- " * 5000 + "x", FIRST_SENTENCE, (), None),
        ("title: [unclosed", FIRST_SENTENCE, (), None),
        ("just words", FIRST_SENTENCE, (), None),
    ],
    ids=[
        *("full", "scalars", "words", "no-such-day", "long-number", "not-scalars"),
        *("deep-lists", "deep-mappings", "deep-blocks", "bad-yaml", "not-a-mapping"),
    ],
)
def test_front_matter(
    header: str, title: str, authors: tuple[str, ...], published: date | None
) -> None:
    body = f"{BODY_1} {BODY_2}"  # two sentences: not taken for a title
    article = read_text_article(f"---\n{header}\n---\n\n{body}\n")
    assert (article.title, article.authors, article.published) == (title, authors, published)
    assert article.paragraphs == (body,)


def test_front_matter_aliases_are_not_expanded() -> None:
    """9**6 references in a few hundred bytes: as a title or authors they are no text at all."""
    levels = [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 7)]
    for key in ("title", "authors", "author", "date"):
        text = "---\n" + "\n".join(levels) + f"\n{key}: *l6\n---\n\n{BODY_1} {BODY_2}\n"
        article = read_text_article(text)
        assert (article.title, article.authors, article.published) == (FIRST_SENTENCE, (), None)
        assert article.paragraphs == (f"{BODY_1} {BODY_2}",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("BY JANE DOE", ("JANE DOE",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, John Roe & Ann de la Poe", ("Jane Doe", "John Roe", "Ann de la Poe")),
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Author: Jane Doe", ("Jane Doe",)),
        ("Authors: Jane Doe, John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Reuters", ("Jane Doe",)),
        ("Written by Harsh V. Pant", ("Harsh V. Pant",)),
        ("*By Jane Doe*", ("Jane Doe",)),
        ("Reporting by Jane Doe; Editing by John Roe", ("Jane Doe",)),
        ("By [Jane Doe](https://example.org/staff/jane)", ("Jane Doe",)),
    ],
)
def test_byline_gives_authors(line: str, authors: tuple[str, ...]) -> None:
    article = read_text_article(f"Council passes the budget\n{line}\n{BODY_1}\n{BODY_2}\n")
    assert article.authors == authors
    assert article.paragraphs == (BODY_1, BODY_2)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published – July 28, 2025 12:08 am IST", date(2025, 7, 28)),
        ("Published: 3 March 2024", date(2024, 3, 3)),
        ("Updated - March 4, 2023 09:15 am CET", date(2023, 3, 4)),
        ("July 28, 2025", date(2025, 7, 28)),
        ("28 July 2025", date(2025, 7, 28)),
        ("Monday, Sept. 1, 2025, 10:30 a.m. ET", date(2025, 9, 1)),
        ("2025-07-28", date(2025, 7, 28)),
        ("Posted on Jan 5th, 2021", date(2021, 1, 5)),
        ("By Jane Doe | July 28, 2025", date(2025, 7, 28)),
        ("Tue 28 Jul 2025 12.08 BST", date(2025, 7, 28)),
        ("July 28, 2025 12:08 PM GMT+1 Updated 2 hours ago", date(2025, 7, 28)),
    ],
)
def test_date_lines_give_the_published_date(line: str, published: date) -> None:
    article = read_text_article(article_of(line))
    assert article.published == published
    assert article.paragraphs == (BODY_1, BODY_2)


def test_published_date_wins_over_updated() -> None:
    text = article_of("Updated: 2 August 2025", "Published: 28 July 2025")
    assert read_text_article(text).published == date(2025, 7, 28)


def test_no_date_line_means_no_date_even_if_the_body_has_dates() -> None:
    article = read_text_article(article_of())
    assert article.published is None
    assert article.authors == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed on July 28, 2025 in Geneva by both ministers.",
        "By July 28, 2025, every school in the district had reopened.",
        "By contrast, Jane Doe said the plan would cost more.",
        "Published figures for 3 March 2024 show a fall of 2% in sales.",
    ],
)
def test_dates_and_by_in_sentences_are_body_text(sentence: str) -> None:
    article = read_text_article(article_of(sentence))
    assert article.paragraphs == (BODY_1, sentence, BODY_2)
    assert article.published is None and article.authors == ()


@pytest.mark.parametrize(
    ("line", "body"),
    [
        (
            "WASHINGTON (Reuters) - The Senate passed the bill on Friday.",
            "The Senate passed the bill",
        ),
        ("NEW DELHI: The ministry issued new rules on Monday.", "The ministry issued new rules"),
        (
            "LONDON — Rail fares will rise by 4.6% in March.",
            "Rail fares will rise by 4.6% in March.",
        ),
        ("NEW YORK, July 28 (Reuters) - Stocks fell on Monday.", "Stocks fell on Monday."),
        ("KABUL, Afghanistan — The ministry said on Monday.", "The ministry said on Monday."),
        ("(Reuters) - Oil prices rose 2% on Monday.", "Oil prices rose 2% on Monday."),
    ],
)
def test_dateline_is_stripped_from_the_first_paragraph(line: str, body: str) -> None:
    article = read_text_article(f"A headline here\n{line}\n{BODY_2}\n")
    assert article.paragraphs[0].startswith(body)
    assert article.paragraphs[1] == BODY_2


def test_only_capitalised_places_count_as_datelines() -> None:
    line = "Officials - and their advisers - met again on Friday."
    assert read_text_article(f"A headline here\n{line}\n").paragraphs == (line,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 3 July 2025 in Moscow", date(2025, 7, 3)),
        ("on July 3rd, 2025", date(2025, 7, 3)),
        ("Sept 30 2024", date(2024, 9, 30)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("31 June 2024", None),
        ("in July 2025", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


# ------------------------------------------------------------------------------------- clutter


CLUTTER_LINES = [
    "The Afghan embassy in Moscow. | Photo Credit: AFP",
    "Photo: Reuters",
    "Image credit: Jane Doe",
    "Protesters outside the parliament building on Friday. (Getty Images)",
    "Rescue teams at the site of the collapse. (AP Photo/John Roe)",
    "Table Of Content",
    "Table of Contents",
    "Share",
    "Share this article",
    "Facebook | Twitter | Email",
    "Subscribe to our newsletter",
    "Sign up for our daily newsletter to get the news in your inbox.",
    "Read more: Council approves new budget",
    "ALSO READ | Floods hit the coast again",
    "Related",
    "Related stories:",
    "No Comment! Be the first one.",
    "Leave a comment",
    "Comments (12)",
    "We use cookies to improve your experience. Accept all cookies",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "© 2025 The Daily Example. All rights reserved.",
    "(With inputs from PTI)",
    "Tags: budget, council, roads",
    "— Reuters",
    "(Reuters)",
    "Editing by John Roe and Ann Poe",
    "2 hours ago",
    "5 min read",
    "Listen to this article",
    "Getty Images",
    "AFP via Getty Images",
]


@pytest.mark.parametrize("line", CLUTTER_LINES)
def test_clutter_never_reaches_the_paragraphs(line: str) -> None:
    assert is_clutter(line)
    article = read_text_article(article_of(line))
    assert article.paragraphs == (BODY_1, BODY_2)


@pytest.mark.parametrize(
    "line",
    [
        "Related to the dispute, the council said it would appeal.",
        "Share prices rose 3% on Monday after the announcement.",
        "Email records show that the minister knew of the plan in 2023.",
        "The company's newsletter reached 40,000 readers in 2024.",
        "The bakery sold 5,000 cookies, and officials said they would use the money for repairs.",
        "Copyright law in the EU changed in 2019, the court noted.",
        "A photo of the meeting was published by the ministry on Friday.",
        "Advertisement spending fell by 8% last year, according to the survey.",
        "The minister resigned on Tuesday after weeks of pressure from her own party, which had "
        "lost three by-elections since the spring and feared a fourth. (Reuters)",
    ],
)
def test_body_lines_that_resemble_clutter_are_kept(line: str) -> None:
    article = read_text_article(article_of(line))
    assert article.paragraphs == (BODY_1, line, BODY_2)


@pytest.mark.parametrize(
    "heading",
    ["A change, twenty years later", "The foundation", "Ties with India", "What comes next"],
)
def test_section_headings_standing_alone_are_dropped(heading: str) -> None:
    assert read_text_article(article_of(heading)).paragraphs == (BODY_1, BODY_2)


def test_short_sentences_and_list_items_are_kept() -> None:
    text = "A headline\n\nThe vote was close.\n\n- 40 megawatts of output\n- Work starts in 2026\n"
    assert read_text_article(text).paragraphs == (
        "The vote was close.",
        "40 megawatts of output",
        "Work starts in 2026",
    )


def test_an_article_of_clutter_only_is_an_error() -> None:
    with pytest.raises(QuizError, match="no article text found") as caught:
        read_text_article("Title\nAdvertisement\nShare\nLeave a comment\n", file="a.txt")
    assert caught.value.path == "a.txt"


# ---------------------------------------------------------------------------------------- bios


@pytest.mark.parametrize(
    "bio",
    [
        "The writer is a senior fellow at the Centre for Policy Research, Delhi.",
        "(The author is a former ambassador to Japan.)",
        "Jane Doe is a professor of history at Example University.",
        "John Roe is Director, Institute of Regional Studies (IRS), Oslo.",
    ],
)
def test_bio_lines_at_the_end_go_to_bios(bio: str) -> None:
    article = read_text_article(article_of() + bio + "\nPublished: 1 May 2024\nShare\n")
    assert article.paragraphs == (BODY_1, BODY_2)
    assert article.bios == (bio,)


def test_bio_of_a_byline_author_with_any_verb() -> None:
    text = "Title line\nBy Ann Poe\n" + BODY_1 + "\nAnn Poe teaches economics in Bergen.\n"
    article = read_text_article(text)
    assert article.bios == ("Ann Poe teaches economics in Bergen.",)
    assert article.authors == ("Ann Poe",)


def test_bio_names_become_authors_only_without_a_byline() -> None:
    bios = "Jane Doe is a professor of law. John Roe is Fellow, Example Institute"
    without = read_text_article(article_of() + bios + "\n")
    assert without.authors == ("Jane Doe", "John Roe")
    assert without.bios == (
        "Jane Doe is a professor of law.",
        "John Roe is Fellow, Example Institute",
    )
    with_byline = read_text_article(article_of("By Ann Poe") + bios + "\n")
    assert with_byline.authors == ("Ann Poe",)


def test_people_described_in_the_body_are_not_bios() -> None:
    last = "Elin Trask is the council’s chair of infrastructure and has served since 2019."
    article = read_text_article(article_of(last) + "Maria Lund is leaving the city next year.\n")
    assert article.bios == ()
    assert article.paragraphs[-1] == "Maria Lund is leaving the city next year."


# ------------------------------------------------------------------------------------ Markdown


def test_markdown_fixture() -> None:
    article = read_source(str(DATA / "wrapped.md"))
    assert article.title == "Valley grid gets its first battery plant"
    assert article.authors == ("Tomas Ferreira", "Ingrid Holm")
    assert article.published == date(2024, 10, 9)
    assert article.paragraphs == (
        "The Lindqvist Valley Power Cooperative (LVPC) switched on a 40-megawatt battery plant on "
        "Monday, the first of its kind in the region. The cooperative said the plant can supply "
        "about 12,000 homes for two hours when the wind drops.",
        "Planning began in 2019, when the cooperative's board asked engineers to study storage as an "
        "alternative to a new gas turbine. The study, published in March 2021, put the cost at "
        "$31 million.",
        "“Storage was the cheaper answer by a wide margin,” said Ruth Okafor, the cooperative’s "
        "chief engineer.",
        "Key numbers from the project:",
        "40 megawatts of output",
        "160 megawatt-hours of capacity",
        "18 months of construction",
        "Members will vote on a second plant in spring 2026, according to the cooperative's annual "
        "report — the board favours a site near the old mill.",
    )
    assert article.bios == (
        "Tomas Ferreira is a staff reporter covering energy.",
        "Ingrid Holm is a freelance writer based in Uppsala.",
    )


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ('See [the report](https://x.org/r "Report") now.', "See the report now."),
        ("A ![chart](c.png) here.", "A  here."),
        ("**Bold**, __strong__, *it*, _em_ and ~~gone~~.", "Bold, strong, it, em and gone."),
        ("snake_case_name and 2*3*4 stay", "snake_case_name and 2*3*4 stay"),
        (r"An escaped \*star\* stays.", "An escaped *star* stays."),
        ("Use `quiz read` first.", "Use quiz read first."),
        ("<span class='x'>Tagged</span> text &amp; more", "Tagged text & more"),
        ("AT&T and R&D stay", "AT&T and R&D stay"),
        ("Footnote[^1] gone.", "Footnote gone."),
        ("Visit <https://example.org> today.", "Visit https://example.org today."),
    ],
)
def test_strip_inline_markdown(markdown: str, plain: str) -> None:
    assert strip_inline_markdown(markdown) == plain


def test_hard_wrapped_paragraphs_are_rejoined_and_blocks_split() -> None:
    wrapped = (
        "Headline\n\n"
        "The first paragraph is wrapped at a fixed width of about sixty characters\n"
        "so that it spans three lines of the file, as many editors do\n"
        "when they save Markdown.\n\n"
        "The second paragraph is short.\n"
    )
    assert read_text_article(wrapped).paragraphs == (
        "The first paragraph is wrapped at a fixed width of about sixty characters so that it "
        "spans three lines of the file, as many editors do when they save Markdown.",
        "The second paragraph is short.",
    )


def test_one_paragraph_per_line_files_are_not_joined() -> None:
    long_1 = "First paragraph. " * 12
    long_2 = "Second paragraph. " * 12
    article = read_text_article(f"Headline\n{long_1}\n{long_2}\n")
    assert article.paragraphs == (long_1.strip(), long_2.strip())


def test_blockquotes_code_and_rules() -> None:
    text = (
        "# Headline\n\n> “A quoted passage that the writer wrapped at the usual width, so\n"
        "> it spans two lines,” she said.\n\n```\ncode = 1\n```\n\n***\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\nLast words here.\n"
    )
    assert read_text_article(text).paragraphs == (
        "“A quoted passage that the writer wrapped at the usual width, so it spans two lines,” she said.",
        "Last words here.",
    )


# ------------------------------------------------------------------------------- normalisation


def test_wording_quotes_and_dashes_are_kept_whitespace_and_nfc_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Café")
    line = f"“{decomposed}\u00a0owners”  said   the rent rose — by 35% — in ‘2023’.\u200b"
    article = read_text_article(f"Headline\n{line}\n")
    assert article.paragraphs == ("“Café owners” said the rent rose — by 35% — in ‘2023’.",)
    assert unicodedata.is_normalized("NFC", article.paragraphs[0])


def test_clean_text() -> None:
    assert clean_text(" a\tb\n\nc\u00a0 d\u00ad ") == "a b c d"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("abcdeXYZ 0123456789.,;’“”–-"), min_size=1, max_size=80),
        min_size=1,
        max_size=12,
    )
)
def test_paragraphs_are_made_of_the_input_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        article = read_text_article(text)
    except QuizError:
        return
    flat = " ".join(text.split())
    for paragraph in article.paragraphs:
        assert paragraph
        assert paragraph in flat
        assert "  " not in paragraph and "\n" not in paragraph


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z1.,#*_[]()<>!`~-|:\n\t\u00a0é’—"), max_size=300))
def test_any_markdown_reads_or_fails_with_quiz_error(text: str) -> None:
    try:
        article = read_text_article(text, file="x.md")
    except QuizError as error:
        assert error.path == "x.md"
        return
    assert article.title and article.paragraphs
    for paragraph in (*article.paragraphs, *article.bios):
        assert paragraph == paragraph.strip() and "\n" not in paragraph and "  " not in paragraph
        assert unicodedata.is_normalized("NFC", paragraph)


# ----------------------------------------------------------------------------------------- HTML


@pytest.mark.parametrize("start", ["<svg onload=x>", "<math>", "<svg></svg>"])
def test_a_page_whose_metadata_cannot_be_read_is_read_without_it(start: str) -> None:
    """htmldate fails on a page with <svg> or <math> before <html>; the body is still read."""
    body = f"{BODY_1} {BODY_2}"  # two sentences: not taken for a title
    html = f"{start}<html><body><p>{body}</p></body></html>"
    article = read_html_article(html, file="news/budget.html")
    assert article.paragraphs == (body,)
    assert article.title == "Budget"
    with pytest.raises(QuizError, match="no article text found") as raised:
        read_html_article(f"{start}<html>", file="news/budget.html")
    assert raised.value.path == "news/budget.html"


def test_a_failure_of_body_extraction_is_no_article_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise AssertionError("inside the extractor")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(QuizError, match="no article text found") as raised:
        read_html_article(f"<html><body><p>{BODY_1}</p></body></html>", url="https://x.org/a")
    assert raised.value.path == "https://x.org/a"


def test_html_fixture_keeps_only_the_body() -> None:
    article = read_source(str(DATA / "harbour.html"))
    assert article.title == "Harbour town votes to rebuild its seawall"
    assert article.authors == ("Mara Quinlan",)
    assert article.published == date(2024, 3, 14)
    assert article.file == str(DATA / "harbour.html")
    assert len(article.paragraphs) == 6
    assert article.paragraphs[0].startswith("The town council of Porthwenna voted 9 to 2")
    assert article.paragraphs[2] == (
        "“We cannot keep patching a wall that was built for the storms of 1952,” said Elin Trask, "
        "the council’s chair of infrastructure. “Every winter the repair bill gets bigger and the "
        "wall gets weaker.”"
    )
    assert article.paragraphs[-1].endswith("expected once in 200 years.")
    joined = "\n".join(article.paragraphs)
    for clutter in (
        "Sport",
        "cookies",
        "Share on",
        "Waves break",
        "Related stories",
        "Storm Dara",
        "Work to start next spring",
        "newsletter",
        "crumbling",
        "taxpayers",
        "All rights reserved",
        "Privacy",
    ):
        assert clutter not in joined


def test_html_without_metadata_uses_byline_and_date_lines() -> None:
    article = read_source(str(DATA / "blog.html"))
    assert article.title == "Rare orchid found on Kestrel Island"
    assert article.authors == ("Jonas Brandt",)
    assert article.published == date(2022, 5, 21)
    assert article.paragraphs[0].startswith("Botanists from the Northfield Herbarium")
    assert '"We walked past that spot three times before anyone looked down," Solberg said.' in (
        article.paragraphs
    )
    joined = "\n".join(article.paragraphs)
    for clutter in (
        "Why it matters",
        "Share",
        "Read more",
        "Advertisement",
        "Popular",
        "Copyright",
    ):
        assert clutter not in joined
    assert len(article.paragraphs) == 5


@pytest.mark.parametrize(
    ("meta_author", "authors"),
    [
        ("Jo Park, Staff Writer", ("Jo Park",)),
        ("Jo Park and Lee Min-jun", ("Jo Park", "Lee Min-jun")),
        ("Reuters", ()),
        ("Анна Петрова", ("Анна Петрова",)),
    ],
)
def test_html_meta_author(meta_author: str, authors: tuple[str, ...]) -> None:
    html = (
        f'<html><head><title>Dam repairs finish early</title><meta name="author" '
        f'content="{meta_author}"></head><body><article><p>The repairs on the Keld dam finished '
        "six weeks ahead of the schedule agreed with the regional water board.</p><p>Engineers "
        "replaced 1,200 square metres of concrete facing during the works.</p></article></body>"
        "</html>"
    )
    assert read_html_article(html).authors == authors


def test_html_file_in_its_declared_charset() -> None:
    article = read_source(str(DATA / "cafe-cp1252.html"))
    assert article.title == "Café owners win ‘fair rent’ case"
    assert article.paragraphs[1] == (
        "The judges found that the landlord had not shown any increase in costs – a condition set "
        "by the lease signed in 2015."
    )
    assert article.published is None


def test_text_file_holding_html_is_read_as_html(tmp_path: Path) -> None:
    saved = tmp_path / "saved.txt"
    saved.write_bytes(b"\xef\xbb\xbf  \n" + (DATA / "harbour.html").read_bytes())
    article = read_source(str(saved))
    assert article.title == "Harbour town votes to rebuild its seawall"
    assert "Privacy" not in " ".join(article.paragraphs)
    assert len(article.paragraphs) == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\ufeff\n  <html lang='en'>", True),
        ("<HTML>", True),
        ("# A heading\n<html>", False),
        ("Text about <html> tags", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_html_with_no_article_text_is_an_error() -> None:
    with pytest.raises(QuizError, match="no article text found") as caught:
        read_html_article(
            "<html><body><nav><a href='/'>Home</a></nav></body></html>", file="x.html"
        )
    assert str(caught.value).startswith("x.html: ")


def test_html_url_is_kept() -> None:
    html = (DATA / "blog.html").read_text(encoding="utf-8")
    article = read_html_article(html, url="https://example.org/orchid")
    assert article.url == "https://example.org/orchid"
    assert article.file == ""


# ------------------------------------------------------------------------------------ file errors


def _error(source: str) -> QuizError:
    with pytest.raises(QuizError) as caught:
        read_source(source)
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    error = _error(str(tmp_path / "nope.md"))
    assert error.path == str(tmp_path / "nope.md")
    assert "no such file" in error.message


def test_missing_file_that_looks_like_an_address() -> None:
    assert "https://" in _error("www.example.org/story").message


def test_folder(tmp_path: Path) -> None:
    error = _error(str(tmp_path))
    assert "folder" in error.message and error.path == str(tmp_path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in _error(str(path)).message


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4,
        b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 8,
        b"Text then\x00 a NUL byte",
        b"ascii with controls \x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 4,
    ],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "story.md"
    path.write_bytes(content)
    assert "binary" in _error(str(path)).message


def test_non_utf8_text_names_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Headline\nA good line.\nThe café closed.\n".encode("latin-1"))
    error = _error(str(path))
    assert error.line == 3
    assert "byte offset 29" in error.message and "0xE9" in error.message
    assert str(error).startswith(f"{path}:3: not UTF-8")


def test_non_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\nab\xe9\n")
    error = _error(str(path))
    assert error.line == 2 and "byte offset 14 (column 3)" in error.message


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Headline\nThe café closed in 2024.\n".encode("utf-16"))
    assert read_source(str(path)).paragraphs == ("The café closed in 2024.",)


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Headline\n" + "word " * 400, encoding="utf-8")
    with pytest.raises(QuizError, match="more than the 1,000"):
        read_source(str(path), max_bytes=1000)


def test_unknown_scheme_is_refused() -> None:
    error = _error("ftp://example.org/story.txt")
    assert error.path == "ftp://example.org/story.txt" and "http" in error.message


def test_clutter_fixture_reads_cleanly() -> None:
    article = read_source(str(DATA / "clutter.txt"))
    assert article.title == "City library reopens after flood repairs"
    assert article.authors == ("Ana Lindgren",)
    assert article.published == date(2023, 3, 3)
    assert article.bios == ("Ana Lindgren is a Senior Correspondent for the Norrhamn Courier.",)
    assert [p[:30] for p in article.paragraphs] == [
        "The central library of Norrham",
        "Repairs cost 2.4 million euros",
        "“We lost the local history arc",
        "Visitor numbers on the first d",
    ]


# ------------------------------------------------------------------------- sample articles and gold


GOLD = Path(__file__).parent / "data" / "gold"
CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.mark.parametrize("gold", sorted(GOLD.glob("*.yaml")), ids=lambda p: p.stem)
def test_gold_sentences_are_verbatim_in_the_article_as_read(gold: Path) -> None:
    import yaml

    data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    article = read_source(str(gold.parent / data["article_path"]))
    assert data["title"] == article.title
    assert article.published is not None
    assert data["published"] == article.published.isoformat()
    facts = data["facts"]
    assert 15 <= len(facts) <= 25
    assert len({fact["id"] for fact in facts}) == len(facts)
    for fact in facts:
        assert any(fact["sentence"] in paragraph for paragraph in article.paragraphs), fact["id"]
        variants = [fact["answer"], *fact["accept"]]
        assert any(v.casefold() in fact["sentence"].casefold() for v in variants), fact["id"]
        assert fact["importance"] in (1, 2, 3)
        assert fact["type"] in (
            "date",
            "number",
            "person",
            "place",
            "organisation",
            "acronym",
            "quote",
            "event",
        )


def test_every_sample_article_has_a_gold_file() -> None:
    import yaml

    golds = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.yaml")}
    assert {p.stem for p in CONTENT.glob("*.md")} <= golds.keys()
    for stem, data in golds.items():  # the others are test articles (tests/data/articles)
        assert data["article"] == stem
        assert (GOLD / data["article_path"]).is_file(), stem


def test_page_copied_from_a_browser_reads_cleanly() -> None:
    article = read_source(str(DATA / "pasted_page.txt"))
    assert article.title == "Council votes to close three branch libraries"
    assert article.authors == ("Priya Raman",)
    assert [p.split()[0] for p in article.paragraphs] == [
        "Calderbridge",
        "Councillors",
        "The",
        "Joan",
        "The",
    ]
    assert article.paragraphs[3].endswith('"a blow to the whole estate".')


def _as_web_page(article: Article) -> str:
    """The article laid out as a news site would serve it, with the usual furniture around it."""
    byline = escape(" and ".join(article.authors))
    body = "\n".join(
        f"<p>{escape(paragraph)}</p>" + ("<h2>A section heading</h2>" if index == 4 else "")
        for index, paragraph in enumerate(article.paragraphs)
    )
    bios = "".join(f"<p><em>{escape(bio)}</em></p>" for bio in article.bios)
    published = article.published.isoformat() if article.published else ""
    return f"""<!DOCTYPE html><html><head><title>{escape(article.title)} | Example News</title>
<meta name="author" content="{byline}">
<meta property="article:published_time" content="{published}T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>{escape(article.title)}</h1><p class="byline">By {byline}</p>
<figure><img src="x.jpg" alt=""><figcaption>A picture. Photo: Example</figcaption></figure>
{body}{bios}<div class="share">Share this article</div></article>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story about something else</a></li></ul>
</aside></main>
<section class="comments"><h2>Comments</h2><p>A reader comment that must not appear.</p></section>
<footer><p>© 2025 Example News</p></footer></body></html>"""


@pytest.mark.parametrize("source", sorted(CONTENT.glob("*.md")), ids=lambda p: p.stem)
def test_the_same_article_as_markdown_and_as_a_web_page_reads_the_same(source: Path) -> None:
    from_markdown = read_source(str(source))
    from_page = read_html_article(_as_web_page(from_markdown), url="https://example.org/story")
    assert from_page.title == from_markdown.title
    assert from_page.authors == from_markdown.authors
    assert from_page.published == from_markdown.published
    assert from_page.paragraphs == from_markdown.paragraphs
    assert from_page.bios == from_markdown.bios
