"""The article reader, kept importable from its old place; it lives in `quiz.reading`."""

from __future__ import annotations

from quiz.reading.assemble import read_text_article
from quiz.reading.clutter import is_clutter
from quiz.reading.decoding import looks_like_html
from quiz.reading.html import read_html_article
from quiz.reading.markdown import strip_inline_markdown
from quiz.reading.metadata import parse_date
from quiz.reading.sources import HTML_SUFFIXES, read_source
from quiz.reading.text import clean_text

__all__ = [
    "HTML_SUFFIXES",
    "clean_text",
    "is_clutter",
    "looks_like_html",
    "parse_date",
    "read_html_article",
    "read_source",
    "read_text_article",
    "strip_inline_markdown",
]
