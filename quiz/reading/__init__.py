"""Reading articles: web pages, saved HTML, Markdown and plain text into a clean `Article`.

One module per job: `decoding` (bytes to text), `fetch` (downloading a page), `markdown` (text and Markdown
blocks), `html` (web pages), `metadata` (dates, bylines, bios), `clutter` (page furniture), `assemble`
(blocks to an `Article`) and `sources` (which reader a source goes to). Paragraphs keep the article's
wording exactly: only whitespace, control characters and Unicode form (NFC) are normalised.
"""

from __future__ import annotations

from quiz.reading.assemble import read_text_article
from quiz.reading.html import read_html_article
from quiz.reading.sources import read_source

__all__ = ["read_html_article", "read_source", "read_text_article"]
