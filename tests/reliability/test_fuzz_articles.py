"""The article readers against hostile input: an Article of clean paragraphs, or one QuizError line.

Text, Markdown and HTML readers (no spaCy) are fuzzed heavily; files of random bytes go through
`read_source` as .txt, .md and .html; YAML front matter gets the deck loader's treatment (alias
bombs, deep nesting).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.generate.article import read_html_article, read_source, read_text_article
from quiz.model import Article

FUZZ = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
BODY = "The council met on Tuesday. It voted to fund the harbour wall, which cost 4 million pounds."


def assert_clean(article: Article) -> None:
    assert isinstance(article.title, str)
    assert article.paragraphs
    for paragraph in article.paragraphs:
        assert isinstance(paragraph, str)
        assert paragraph == paragraph.strip()
        assert paragraph
        assert "\n" not in paragraph and "\r" not in paragraph
    assert all(isinstance(author, str) for author in article.authors)


def check(tally: Any, target: str, function: Any, *args: Any, **kwargs: Any) -> Any:
    result = tally.call(target, function, *args, **kwargs)
    if isinstance(result, QuizError):
        assert "\n" not in str(result)
        assert str(result).strip()
    else:
        assert_clean(result)
    return result


MARKDOWN_TOKENS = st.sampled_from(
    ["#", "##", "###### ", "---", "===", "***", "> ", "- ", "* ", "1. ", "```", "~~~", "|", "\\"]
    + ["[", "](", ")", "![", "<!--", "-->", "<b>", "&amp;", "&#0;", "&#x110000;", "**", "_"]
    + ["\n", "\n\n", "\r\n", "\t", "   ", "\x00", "\x1b[2J", "\u202e", "\u200b", "\ufeff"]
    + ["By Ann Author", "Published 3 March 2024", "Photo: Getty", "Share this", "title: x"]
    + ["The harbour wall cost 4 million pounds.", "Ann Author is Vice President of X."]
    + ["word", "Word", "2024", "(NATO)", "\u00ad", "é", "\U0001f600"]
)


@settings(FUZZ, max_examples=500)
@given(st.lists(MARKDOWN_TOKENS, max_size=80).map(" ".join))
def test_markdown_reader(tally: Any, text: str) -> None:
    check(tally, "text/Markdown reader", read_text_article, text, file="a.md")


@settings(FUZZ, max_examples=300)
@given(st.text(max_size=600))
def test_text_reader_random_text(tally: Any, text: str) -> None:
    check(tally, "text/Markdown reader", read_text_article, text, file="a.txt")


HTML_TOKENS = st.sampled_from(
    ["<html>", "</html>", "<body>", "</body>", "<article>", "</article>", "<p>", "</p>", "<br>"]
    + ["<div>", "</div>", "<ul><li>", "</li></ul>", "<h1>", "</h1>", "<blockquote>", "<table>"]
    + ["<script>alert(1)</script>", "<style>p{}</style>", "<img src=x onerror=alert(1)>"]
    + ['<meta name="author" content="Ann">', '<meta charset="x-bogus">', "<title>T</title>"]
    + ["<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "&"]
    + ["&#0;", "&#x110000;", "&nbsp;", "\x00", "\x1b]0;t\x07", "\u202e", "<", ">", '"']
    + [BODY, "word", "2024", '<a href="javascript:alert(1)">link</a>', "<svg onload=x>"]
)


@settings(FUZZ, max_examples=150)
@given(st.lists(HTML_TOKENS, max_size=60).map("".join))
def test_html_reader(tally: Any, html: str) -> None:
    check(tally, "HTML reader", read_html_article, html, file="a.html")


@pytest.mark.parametrize("html", ["<svg onload=x><html>", "<math><html>", "<svg></svg><html>"])
def test_a_page_starting_with_svg_or_math(tally: Any, tmp_path: Path, html: str) -> None:
    check(tally, "HTML reader", read_html_article, html, file="a.html")
    path = tmp_path / "page.html"
    path.write_text(html + f"<body><p>{BODY}</p></body></html>", encoding="utf-8")
    check(tally, "read_source (files)", read_source, str(path))


@settings(FUZZ, max_examples=100)
@given(st.text(max_size=400))
def test_html_reader_random_text(tally: Any, html: str) -> None:
    check(tally, "HTML reader", read_html_article, "<html><body><p>" + html, url="https://x.org/")


@settings(FUZZ, max_examples=300)
@given(st.binary(max_size=1500), st.sampled_from([".txt", ".md", ".html"]))
def test_files_of_random_bytes(
    tally: Any, tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.getbasetemp() / f"random{suffix}"
    path.write_bytes(data)
    result = check(tally, "read_source (files)", read_source, str(path))
    if isinstance(result, QuizError):
        assert str(result).startswith(str(path))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9 au lait. " * 3 + BODY.encode(), "not UTF-8"),
        (BODY.encode() + b"\x00\x00\x00", "binary"),
        (bytes(range(256)) * 40, "binary"),
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
    ],
    ids=["latin-1", "nul", "binary", "empty", "blank"],
)
def test_bad_files_are_one_clear_error(
    tally: Any, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = check(tally, "read_source (files)", read_source, str(path))
    assert isinstance(result, QuizError)
    assert message in str(result)


def test_a_file_over_the_size_cap_is_refused(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(1_000_001)
    result = check(tally, "read_source (files)", read_source, str(path), max_bytes=1_000_000)
    assert isinstance(result, QuizError)
    assert "1,000,000" in str(result)


# ------------------------------------------------------------------------------ front matter


@pytest.mark.parametrize(
    "nesting",
    ["[" * 1_000 + "]" * 1_000, "{a: " * 1_000 + "1" + "}" * 1_000],
    ids=["lists", "mappings"],
)
def test_deeply_nested_front_matter(tally: Any, nesting: str) -> None:
    text = f"---\ntitle: {nesting}\n---\n\n{BODY}\n"
    result = check(tally, "text/Markdown reader", read_text_article, text, file="a.md")
    if isinstance(result, Article):
        assert result.paragraphs == (BODY,)


def test_front_matter_alias_bomb_costs_what_the_file_costs(tally: Any) -> None:
    """9**4 references in a 400-byte header; as a title or authors they must not be expanded.

    (Four levels keep the test quick while the expansion happens; real bombs go deeper.)
    """
    levels = [f"l0: &l0 [{', '.join(['lol'] * 9)}]"]
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 5)]
    for key in ("title", "authors", "author", "date"):
        text = "---\n" + "\n".join(levels) + f"\n{key}: *l4\n---\n\n{BODY}\n"
        tracemalloc.start()
        try:
            result = check(tally, "text/Markdown reader", read_text_article, text, file="a.md")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 2**18, f"{key}: reading a {len(text)} byte article took {peak:,} bytes"
        if isinstance(result, Article):
            assert len(result.title) < 1000
            assert sum(len(author) for author in result.authors) < 1000
