"""Where an article comes from: a URL, an HTML file, or a text or Markdown file, each to its reader."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Final

from quiz.errors import QuizError
from quiz.model import Article
from quiz.reading.assemble import read_text_article
from quiz.reading.decoding import _decode_text, _read_file_bytes, decode_page, looks_like_html
from quiz.reading.html import read_html_article

HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
"""File suffixes read as HTML; any other file is read as text or Markdown (unless it holds HTML)."""


def read_source(
    source: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 5_000_000,
    english_only: bool = True,
) -> Article:
    """Read an article from an http(s) URL, an HTML file, or a text/Markdown file.

    A .txt or .md file whose content is an HTML page is read as HTML.

    Args:
        source: a URL or a path, as the user typed it (kept in `Article.url` / `Article.file`).
        timeout: seconds to wait on the network (URLs only).
        max_bytes: the largest page or file accepted.
        english_only: refuse an article that is not in English (questions are made from English).

    Raises:
        QuizError: naming the file or URL, when it cannot be read, holds no article text, or (with
            `english_only`) is not in English.
    """
    article = _read(source, timeout=timeout, max_bytes=max_bytes)
    if english_only and article.language != "en":
        shown = f" ({article.language})" if article.language != "und" else ""
        raise QuizError(
            f"language not supported{shown}: quiz makes questions from English articles only",
            path=article.url or source,
        )
    return article


def _read(source: str, *, timeout: float, max_bytes: int) -> Article:
    if _looks_like_url(source):
        return _read_url(source, timeout=timeout, max_bytes=max_bytes)
    path = Path(source).expanduser()
    data = _read_file_bytes(path, source, max_bytes=max_bytes)
    if path.suffix.lower() in HTML_SUFFIXES:
        return read_html_article(decode_page(data), file=source)
    text = _decode_text(data, source)
    if looks_like_html(text):
        return read_html_article(text, file=source)
    return read_text_article(text, file=source)


def _looks_like_url(source: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", source) is not None


def _read_url(url: str, *, timeout: float, max_bytes: int) -> Article:
    from quiz.reading.fetch import fetch_url

    page = fetch_url(url, timeout=timeout, max_bytes=max_bytes)
    if page.content_type == "text/plain" and not looks_like_html(page.text):
        try:
            article = read_text_article(page.text)
        except QuizError as error:
            raise QuizError(error.message, path=url) from None
        return replace(article, url=url)
    return read_html_article(page.text, url=url)
