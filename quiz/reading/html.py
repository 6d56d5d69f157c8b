"""HTML pages to an `Article`, with trafilatura for the body and the page's own metadata."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Final

from quiz.errors import QuizError
from quiz.model import Article
from quiz.reading.assemble import _assemble, _Meta, _title_from, _title_of_body
from quiz.reading.markdown import LineKind, _Line
from quiz.reading.metadata import _is_name, parse_date
from quiz.reading.structured import (
    author_names,
    cited_days,
    headline_byline,
    marked_date,
    marks_as_published,
    names_site,
    page_data_paragraphs,
    page_metadata,
    settle_authors,
    split_body,
    standfirsts,
    strip_site_suffix,
    xpath,
)
from quiz.reading.text import clean_text, has_words, strip_controls


def read_html_article(html: str, *, url: str = "", file: str = "") -> Article:
    """Read the article body of an HTML page with trafilatura (pure: no I/O).

    Navigation, asides, figures, share buttons, comments and footers are left out; title, authors and
    date come from the page's metadata (meta tags, JSON-LD), else from the text.

    Raises:
        QuizError: naming `file` or `url` when the page holds no article text.
    """
    where = file or url or None
    html = bounded_html(html)
    # The page is parsed once, as trafilatura parses it: trafilatura works on a copy of the tree
    # (copying costs a fraction of parsing) and reads it as it would have read `html` itself.
    tree = load_page(html)
    if tree is None:
        raise QuizError("no article text found", path=where)
    page = page_metadata(tree)
    document = _extract(tree, url=url, with_metadata=True)
    if document is _FAILED:
        # Metadata extraction (htmldate above all) fails on some pages that trafilatura reads fine,
        # e.g. an <svg> before <html>: the page is read without its metadata.
        document = _extract(tree, url=url, with_metadata=False)
    if document is _FAILED:
        raise QuizError("no article text found", path=where)
    body = getattr(document, "body", None) if document is not None else None
    if body is None:
        raise QuizError("no article text found", path=where)
    lines = list(_html_lines(body))
    lines = _fuller_body(lines, tree, page.article_body, has_page_data="__NEXT_DATA__" in html)
    lines = _without_marked_asides(lines, tree)
    lines = _with_standfirst(lines, standfirsts(tree, page.summaries))
    meta = _Meta()
    # trafilatura's guess at the author is taken when it is a person's name; else a "by ..." line under
    # the headline names the author ("by RiverWatcher42"), before a guess such as a menu's "Manga".
    guessed = author_names(str(document.author or ""), page.site_names)
    credited = (
        page.authors
        or [name for name in guessed if _is_name(name)]
        or headline_byline(tree, page.site_names)
        or guessed
    )
    if credited:
        credited = settle_authors(credited, html)
    meta.add_authors(credited)
    shown = parse_date(str(document.date)) if document.date else None
    if shown is not None and page.published is None and shown in cited_days(html):
        shown = None
    if page.published is None:
        page = replace(page, published=marked_date(html))
    if page.published is not None:
        day = page.published
        if page.published_in_utc:
            day = _local_day(day, shown, html)
        meta.add_date(day, updated=False)
    elif shown is not None:
        meta.add_date(shown, updated=False)
    found = strip_site_suffix(clean_text(str(document.title or "")), page.site_names)
    title = page.headline or (found if not names_site(found, page.site_names) else "") or page.title
    if not title:
        title = _title_from(lines, file)
    article = _assemble(lines, title=title, meta=meta, url=url, file=file)
    if not article.paragraphs:
        raise QuizError("no article text found", path=where)
    if not title:
        article = replace(article, title=_title_of_body(article, file))
    if article.language != "en" and page.language not in ("", "en"):
        article = replace(article, language=page.language)
    return article


def _local_day(published: date, shown: date | None, page: str) -> date:
    """The publication day where the page is published, for a UTC timestamp's day: the day before when
    the page dates itself so (in its text, or an element marked as the publication date), as an
    evening story's UTC timestamp falls on the next day."""
    before = published - timedelta(days=1)
    if shown == before or marks_as_published(page, before):
        return before
    return published


_SHORT_BODY: Final = 0.5
"""The page's text counts as cut short when it holds less than this share of its structured body."""
_MIN_STRUCTURED_WORDS: Final = 120


def _fuller_body(
    lines: list[_Line], tree: Any, article_body: str, *, has_page_data: bool
) -> list[_Line]:
    """The body the page states in its data (JSON-LD `articleBody`, Next.js page data) when the text
    read from its HTML holds much less of it (pages that fill in their text with scripts), or holds
    the same text run together in fewer paragraphs."""
    stated = len(article_body.split()) >= _MIN_STRUCTURED_WORDS
    if not has_page_data and not stated:
        return lines
    prose = [line.text for line in lines if line.kind != "heading"]
    shown = sum(len(text.split()) for text in prose)
    sources: list[Callable[[], list[str]]] = []
    if stated:
        sources.append(lambda: split_body(article_body, _shown_paragraphs(tree)))
    if shown < 600 and has_page_data:
        sources.append(lambda: page_data_paragraphs(tree))
    for source in sources:
        paragraphs = source()
        words = sum(len(text.split()) for text in paragraphs)
        if words < _MIN_STRUCTURED_WORDS:
            continue
        run_together = (
            len(paragraphs) > len(prose) and " ".join(paragraphs).split() == " ".join(prose).split()
        )
        if shown < _SHORT_BODY * words or run_together:
            return [_Line(text, "text") for text in paragraphs]
    return lines


_MARKED_ASIDE: Final = (
    "//figcaption|//*[@class][contains(@class, 'aption') or contains(concat(' ', @class), ' promo')"
    " or contains(@class, 'LinkEmbed') or contains(@class, 'link-embed')]"
)
"""Elements a page marks as captions (class "caption", "imageCaption", "wp-caption-text") or as a
promotion of another story (class "promo", "promo-description", a link card's "ExternalLinkEmbedDek"
or "link-embed__title")."""


def _without_marked_asides(lines: list[_Line], tree: Any) -> list[_Line]:
    """The lines that are not the text of an image caption or of a card promoting another story, as
    the page marks them, nor a paragraph that only links to another story."""
    asides: set[str] = set()
    for element in xpath(_MARKED_ASIDE)(tree):
        text = " ".join(element.itertext())
        asides.add(clean_text(text))
        # A caption written over several source lines is read as one line each (see `_split_breaks`).
        asides.update(clean_text(piece) for piece in text.split("\n") if len(piece.split()) >= 4)
    asides.update(_link_paragraphs(tree))
    asides.discard("")
    if not asides:
        return lines
    return [line for line in lines if line.text not in asides]


def _link_paragraphs(tree: Any) -> Iterator[str]:
    """The text of paragraphs that are nothing but one link, worded as a title (no closing stop): a
    story the page points to from inside its text."""
    for paragraph in xpath("//p[.//a]")(tree):
        links = paragraph.findall(".//a")
        if len(links) != 1:
            continue
        text = clean_text(" ".join(paragraph.itertext()))
        if (
            len(text.split()) >= 4
            and not text.endswith((".", "!", "?", ":", ";"))
            and text == clean_text(" ".join(links[0].itertext()))
        ):
            yield text


def _with_standfirst(lines: list[_Line], candidates: list[str]) -> list[_Line]:
    """The first standfirst the body does not already say much the same as, as the first paragraph."""
    if not candidates:
        return lines
    held = [set(line.text.lower().split()) for line in lines]
    for summary in candidates:
        words = set(summary.lower().split())
        if not any(len(words & line) >= 0.8 * len(words) for line in held):
            return [_Line(summary, "standfirst"), *lines]
    return lines


def _shown_paragraphs(tree: Any) -> list[str]:
    """The text of the page's <p> elements, where a structured body may be cut into paragraphs."""
    return [clean_text(" ".join(element.itertext())) for element in tree.iter("p")]


def load_page(html: str) -> Any:
    """`html` (already through `bounded_html`) parsed as trafilatura parses a page; None when it holds
    no document."""
    import trafilatura  # deferred: ~250 ms, and only HTML needs it

    try:
        return trafilatura.load_html(html)
    except Exception:  # noqa: BLE001 - lxml on odd markup
        return None


_FAILED: Final = object()
"""What `_extract` returns when trafilatura raised."""


def _extract(page: Any, *, url: str, with_metadata: bool) -> Any:
    """trafilatura's extraction of a bounded page (its text or its tree, which is not changed): its
    Document, None for no text, `_FAILED` if it raised.

    Returns Any: trafilatura's Document is loosely typed.
    """
    import trafilatura  # deferred: ~250 ms, and only HTML needs it

    try:
        return trafilatura.bare_extraction(page, options=_options(url, with_metadata=with_metadata))
    except Exception:  # noqa: BLE001 - a failure inside trafilatura, lxml or htmldate on odd markup
        return _FAILED


@functools.lru_cache(maxsize=8)
def _options(url: str, *, with_metadata: bool) -> Any:
    """trafilatura's settings for reading a page, made once per address (reading them from its configuration costs
    as much as a tenth of an extraction): no comments, no tables, and the body as XML, so that its plain
    text, which the reader does not use, is not made.

    trafilatura copies settings before it changes them, so one object serves every page read from
    one address.
    """
    from trafilatura.settings import Extractor

    # htmldate takes these as booleans; trafilatura's annotation says str.
    dates: dict[str, Any] = {"extensive_search": False, "original_date": True}
    return Extractor(
        output_format="xml",
        comments=False,
        tables=False,
        url=url or None,
        with_metadata=with_metadata,
        date_params=dates,
    )


_MAX_ATTRIBUTES_TEXT: Final = 2000
"""Longer attribute text on one tag is dropped: the HTML libraries take time quadratic in its size."""
_LONG_TAG = re.compile(rf"<([A-Za-z][\w:.-]{{0,40}})(\s[^<>]{{{_MAX_ATTRIBUTES_TEXT},}})>")
_KEPT_ATTRIBUTE = re.compile(
    r"""\s(?:class|id|itemprop|itemtype|property|name)\s*=\s*(?:"[^"]{0,300}"|'[^']{0,300}')"""
)
_NESTING_TAG = re.compile(r"</?(?:div|span)\b[^<>]{0,2000}>", re.IGNORECASE)
_MAX_NESTING: Final = 200
"""Past this many `<div>`/`<span>` tags open at once (libxml2 stops at 256 levels), the parser would
drop the text inside."""


def bounded_html(html: str) -> str:
    """`html` with what would make parsing slow or lossy taken out, in linear time.

    Terminal escape sequences and control characters go; a tag with more than `_MAX_ATTRIBUTES_TEXT` characters of attributes keeps only its class, id and
    metadata attributes; `<div>` and `<span>` tags nested deeper than `_MAX_NESTING` go.
    """
    html = strip_controls(html)
    if len(html) > _MAX_ATTRIBUTES_TEXT:
        html = _LONG_TAG.sub(_shorten_tag, html)
    if html.count("<div") + html.count("<span") > _MAX_NESTING:
        html = _flatten(html)
    return html


def _shorten_tag(match: re.Match[str]) -> str:
    kept = "".join(found.group(0) for found in _KEPT_ATTRIBUTE.finditer(match.group(2)[:20_000]))
    return f"<{match.group(1)}{kept}>"


def _flatten(html: str) -> str:
    depth = 0
    dropped = 0
    parts: list[str] = []
    last = 0
    for match in _NESTING_TAG.finditer(html):
        closing = match.group(0).startswith("</")
        if closing:
            if dropped:
                dropped -= 1
                parts.append(html[last : match.start()])
                last = match.end()
                continue
            depth = max(depth - 1, 0)
        elif match.group(0).endswith("/>"):
            continue
        elif depth >= _MAX_NESTING:
            dropped += 1
            parts.append(html[last : match.start()])
            last = match.end()
        else:
            depth += 1
    parts.append(html[last:])
    return "".join(parts)


def _html_lines(body: Any) -> Iterator[_Line]:
    """Paragraph candidates from trafilatura's XML body: paragraphs, list items, quotes, headings."""
    for element in body:
        tag = element.tag
        if tag == "head":
            text = clean_text("".join(element.itertext()))
            if text:
                rend = str(element.get("rend") or "")
                level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
                yield _Line(text, "heading", level)
        elif tag in ("list", "quote") and any(child.tag in ("item", "p") for child in element):
            kind: LineKind = "item" if tag == "list" else "quote"
            for child in element:
                if child.tag in ("item", "p"):
                    yield from _split_breaks(child, kind)
        elif tag not in _SKIPPED_TAGS:
            yield from _split_breaks(element, "quote" if tag == "quote" else "text")


_SKIPPED_TAGS: Final = frozenset({"table", "graphic", "code", "figure", "hr", "lb"})
"""Parts of trafilatura's body that hold no prose (any other element is read as a paragraph)."""


def _split_breaks(element: Any, kind: LineKind) -> Iterator[_Line]:
    """One line per <lb/>-separated run of text inside an element."""
    parts: list[str] = []
    _collect_text(element, parts)
    for piece in "".join(parts).split("\n"):
        text = clean_text(piece)
        if text and has_words(text):
            yield _Line(text, kind)


_BLOCK_ELEMENTS: Final = frozenset({"p", "div", "head", "list", "item"})
"""Elements of trafilatura's body that start a line of their own wherever they sit: a <div> it kept
whole holds its paragraphs as <p> children, which must not run together. (Not <quote>: trafilatura
writes an inline <q> as one, inside its sentence.)"""


def _collect_text(element: Any, parts: list[str]) -> None:
    if element.tag == "lb":
        parts.append("\n")
    elif element.text:
        parts.append(element.text)
    for child in element:
        block = child.tag in _BLOCK_ELEMENTS
        if block:
            parts.append("\n")
        _collect_text(child, parts)
        if block:
            parts.append("\n")
        if child.tail:
            parts.append(child.tail)
