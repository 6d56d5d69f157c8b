"""Reading articles: web pages, saved HTML, Markdown and plain text into a clean `Article`.

One module per job: `decoding` (bytes to text), `fetch` (downloading a page), `text` (cleaning a block),
`markdown` (text and Markdown blocks), `html` (web pages), `structured` (a page's JSON-LD, meta tags and
headline), `metadata` (dates, bylines, bios written in the text), `clutter` (page furniture), `language`
(is it English), `assemble` (blocks to an `Article`) and `sources` (which reader a source goes to). Paragraphs keep the article's
wording exactly: only whitespace, control characters and Unicode form (NFC) are normalised.
"""

from __future__ import annotations

from quiz.reading.assemble import read_text_article
from quiz.reading.html import read_html_article
from quiz.reading.sources import read_source

__all__ = ["read_html_article", "read_source", "read_text_article"]
