"""Hostile and odd input to the reader: nothing injected, no hang, no traceback, nothing lost."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.reading import read_html_article, read_source, read_text_article
from quiz.reading.decoding import decode_page
from quiz.reading.fetch import check_url
from quiz.reading.text import MAX_TOKEN, clean_text

BODY_1 = "The council approved the budget on Tuesday by a vote of 7 to 4, officials said."
BODY_2 = "Spending on roads will rise by 12% to 3.1 million euros in 2025, the report shows."
PAGE = (
    "<html><head><meta charset='{charset}'><title>Budget passes</title></head><body><article>"
    "<p>{body1}</p><p>Caf\u00e9 owners welcomed the plan for the old square near the river.</p>"
    "<p>{body2}</p></article></body></html>"
)


# ------------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    "charset", ["zlib", "base64", "rot13", "uu", "undefined", "idna", "hex", "utf-16", "utf-32"]
)
def test_a_charset_that_is_no_text_encoding_falls_back_to_detection(
    charset: str, tmp_path: Path
) -> None:
    data = PAGE.format(charset=charset, body1=BODY_1, body2=BODY_2).encode("utf-8")
    assert "Café owners" in decode_page(data)
    assert "Café owners" in decode_page(data, header_charset=charset)
    page = tmp_path / "page.html"
    page.write_bytes(data)
    article = read_source(str(page))
    assert article.paragraphs[1].startswith("Café owners")


def test_a_real_utf16_page_is_still_read_as_utf16() -> None:
    data = PAGE.format(charset="utf-16", body1=BODY_1, body2=BODY_2).encode("utf-16-le")
    assert "Café owners" in decode_page(data, header_charset="utf-16")


def test_an_undeclared_legacy_page_is_detected_as_windows_1252() -> None:
    data = PAGE.format(charset="", body1=BODY_1, body2=BODY_2).encode("cp1252")
    assert "Café owners" in decode_page(data)


# ------------------------------------------------------------------------------ special files


def test_a_device_is_refused_not_read_forever() -> None:
    with pytest.raises(QuizError, match="not a regular file") as raised:
        read_source("/dev/zero")
    assert raised.value.path == "/dev/zero"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_without_a_writer_is_empty_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(QuizError, match="empty"):
        read_source(str(fifo))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_read_up_to_the_cap(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)

    def write(data: bytes) -> None:
        try:
            with open(fifo, "wb") as handle:
                handle.write(data)
        except BrokenPipeError:
            pass

    text = f"Budget passes\n\n{BODY_1}\n\n{BODY_2}\n".encode()
    writer = threading.Thread(target=write, args=(text,))
    writer.start()
    time.sleep(0.2)  # the writer opens first, as with a shell's process substitution
    assert read_source(str(fifo)).paragraphs == (BODY_1, BODY_2)
    writer.join()
    writer = threading.Thread(target=write, args=(b"x" * 3000,))
    writer.start()
    time.sleep(0.2)
    with pytest.raises(QuizError, match="more than the 1,000 bytes"):
        read_source(str(fifo), max_bytes=1000)
    writer.join()


def test_a_file_over_the_cap_is_refused_by_bytes_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 400)
    with pytest.raises(QuizError, match="more than the 1,000 bytes"):
        read_source(str(big), max_bytes=1000)


# ---------------------------------------------------------------------------- control characters

ESCAPES = "\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[31m\x9b2J\x07\x00"


def test_escape_sequences_and_control_characters_leave_titles_and_text() -> None:
    text = f"Budget{ESCAPES} passes\n\n{BODY_1}{ESCAPES}\n\n{BODY_2}\n"
    article = read_text_article(text)
    for line in (article.title, *article.paragraphs):
        assert not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in line), line
        assert "owned" not in line and "ZXZpbA" not in line
    assert article.title == "Budget2J passes"
    assert article.paragraphs == (f"{BODY_1}2J", BODY_2)


def test_escape_sequences_leave_html_titles_and_metadata() -> None:
    html = (
        f"<html><head><title>Budget{ESCAPES} passes</title>"
        f"<meta name='author' content='Jo{ESCAPES} Park'></head><body><article>"
        f"<p>{BODY_1}{ESCAPES}</p><p>{BODY_2}</p></article></body></html>"
    )
    article = read_html_article(html)
    for line in (article.title, *article.authors, *article.paragraphs):
        assert "\x1b" not in line and "\x07" not in line and "owned" not in line


# ------------------------------------------------------------------------- linear time and size


def test_overlong_runs_are_broken_before_the_tokenizer() -> None:
    text = f"Budget passes\n\n{BODY_1} {'“' * 20_000}a{'”' * 5_000}\n\n{BODY_2}\n"
    article = read_text_article(text)
    longest = max(len(token) for paragraph in article.paragraphs for token in paragraph.split())
    assert longest == MAX_TOKEN
    assert clean_text("x" * (3 * MAX_TOKEN + 1)).split() == ["x" * MAX_TOKEN] * 3 + ["x"]


def _seconds_per_byte(read: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        try:
            read(text)
        except QuizError:
            pass
        best = min(best, time.process_time() - start)
    return best / len(text)


def _attributes(count: int) -> str:
    attributes = " ".join(f'data-a{n}="{n}"' for n in range(count))
    return (
        f"<html><head><title>Budget passes</title></head><body><article><div {attributes}>"
        f"<p>{BODY_1}</p><p>{BODY_2}</p></div></article></body></html>"
    )


def _quotes(count: int) -> str:
    return f"Budget passes\n\n{BODY_1} {'“a' * count}\n\n{BODY_2}\n"


def _nesting(count: int) -> str:
    return f"<html><body>{'<div>' * count}<p>{BODY_1}</p>{'</div>' * count}</body></html>"


@pytest.mark.parametrize(
    ("shape", "read", "size"),
    [
        ("attributes", read_html_article, 5_000),
        ("quotes", read_text_article, 100_000),
        ("nesting", read_html_article, 1_000),
    ],
)
def test_reading_time_grows_linearly(shape: str, read: Callable[[str], object], size: int) -> None:
    """Time per byte at four times the size stays level (a ratio: quadratic work would give ~4)."""
    make = {"attributes": _attributes, "quotes": _quotes, "nesting": _nesting}[shape]
    read(make(10))  # imports and caches warm
    small = _seconds_per_byte(read, make(size))
    large = _seconds_per_byte(read, make(4 * size))
    assert large / small < 2.5


# ---------------------------------------------------------------------------------------- nesting


@pytest.mark.parametrize("depth", [300, 1_000, 5_000])
def test_deeply_nested_html_keeps_its_text(depth: int) -> None:
    html = (
        "<html><head><title>Budget passes</title></head><body>"
        f"{'<div>' * depth}<p>{BODY_1}</p><p>{BODY_2}</p>{'</div>' * depth}</body></html>"
    )
    assert read_html_article(html).paragraphs == (BODY_1, BODY_2)


# ------------------------------------------------------------------------------------ credentials


@pytest.mark.parametrize(
    "url", ["https://ann:s3cret-pw@example.org/a", "http://ann:s3cret-pw@[broken/a"]
)
def test_a_url_with_credentials_is_refused_without_showing_them(url: str) -> None:
    with pytest.raises(QuizError, match="user name or password are not supported") as raised:
        check_url(url)
    assert "s3cret" not in str(raised.value) and "ann" not in str(raised.value)
    with pytest.raises(QuizError) as raised:
        read_source(url)
    assert "s3cret" not in str(raised.value)


def test_an_at_sign_after_the_host_is_no_credential() -> None:
    check_url("https://example.org/people/@ann?mail=a@b.org")


# ---------------------------------------------------------------------------------------- titles


def test_a_text_without_a_marked_title_keeps_its_first_paragraph() -> None:
    text = f"{BODY_1}\n\n{BODY_2}\n"
    article = read_text_article(text)
    assert article.paragraphs == (BODY_1, BODY_2)
    assert article.title == BODY_1
    named = read_text_article(text, file="notes/council-budget.md")
    assert named.paragraphs == (BODY_1, BODY_2) and named.title == "Council budget"


def test_a_long_first_sentence_gives_a_shortened_title() -> None:
    first = (
        "The council of the northern district approved the long-debated budget for roads, "
        "schools and the harbour on Tuesday evening after a session of nine hours."
    )
    article = read_text_article(f"{first} It passed by one vote.\n\n{BODY_2}\n")
    assert article.title.endswith("…") and len(article.title) <= 91
    assert article.paragraphs[0].startswith(first)


def test_a_headline_line_is_still_the_title() -> None:
    article = read_text_article(f"Council passes the budget\n\n{BODY_1}\n\n{BODY_2}\n")
    assert article.title == "Council passes the budget"
    assert article.paragraphs == (BODY_1, BODY_2)


def test_title_source_and_published_lines_are_metadata() -> None:
    text = (
        "Title: Council passes the budget\nSource: https://news.example.org/budget\n"
        f"Published: 2025-03-04\n\n{BODY_1}\n\n{BODY_2}\n"
    )
    article = read_text_article(text)
    assert article.title == "Council passes the budget"
    assert article.url == "https://news.example.org/budget"
    assert article.published is not None and article.published.isoformat() == "2025-03-04"
    assert article.paragraphs == (BODY_1, BODY_2)
