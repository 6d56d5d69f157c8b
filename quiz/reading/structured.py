"""A page's own statements about itself: JSON-LD, meta tags and its main heading.

These are evidence the reader prefers over guesses from the text: the headline as the page shows it, the
people credited as authors (never the outlet), the publication date the page declares.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from quiz.reading.clutter import is_clutter
from quiz.reading.metadata import _AGENCIES, _NAME_SPLIT, _NOT_NAME_WORDS, _is_name, parse_date
from quiz.reading.text import clean_text

_ARTICLE_TYPES: Final = re.compile(r"Article|BlogPosting|Report|LiveBlog", re.IGNORECASE)
_ORGANISATION_TYPES: Final = re.compile(r"Organi[sz]ation|Corporation|WebSite|Brand", re.IGNORECASE)
_AUTHOR_META: Final = (
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "author",
    "dc.creator",
    "dcterms.creator",
)
"""Meta tags that name authors, most trusted first."""
_MAX_JSON: Final = 2_000_000
_MAX_NODES: Final = 20_000


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page's markup says about the article."""

    headline: str = ""
    """The page's main heading (its <h1>) when it agrees with the page's title; else ""."""
    title: str = ""
    """The <title>, og:title or JSON-LD headline, site name suffix removed."""
    authors: tuple[str, ...] = ()
    published: date | None = None
    published_in_utc: bool = False
    """Whether `published` is the day of a UTC timestamp, which may be the next day where the page is."""
    site_names: frozenset[str] = frozenset()
    """The outlet's names in lower case (og:site_name, the publisher), never authors."""
    language: str = ""
    """The language the page declares (`<html lang>`), as a lower-case ISO 639-1 code; "" if none."""
    article_body: str = ""
    """The longest `articleBody` its JSON-LD gives for the article; "" if none."""
    summaries: frozenset[str] = frozenset()
    """The summaries the page gives of the article (og:description, description, JSON-LD)."""


def page_metadata(tree: Any) -> PageMeta:
    """Read `PageMeta` from an lxml HTML tree (not changed)."""
    metas = _meta_tags(tree)
    objects = list(_json_ld(tree))
    articles = [obj for obj in objects if _ARTICLE_TYPES.search(_type_of(obj))]
    site_names = {
        name.lower()
        for name in (
            metas.get("og:site_name", ""),
            metas.get("application-name", ""),
            *(_name_of(obj) for obj in objects if _ORGANISATION_TYPES.search(_type_of(obj))),
            *(_name_of(obj.get("publisher")) for obj in articles),
        )
        if name
    }
    raw_title = (
        _title_text(tree, in_head=True)
        or metas.get("og:title", "")
        or next((str(obj.get("headline") or "") for obj in articles if obj.get("headline")), "")
    )
    references = [
        strip_site_suffix(clean_text(text), site_names)
        for text in (
            _title_text(tree, in_head=False),
            metas.get("og:title", ""),
            metas.get("twitter:title", ""),
            *(str(obj.get("headline") or "") for obj in articles),
        )
        if text
    ]
    published, in_utc = _published(articles, metas)
    return PageMeta(
        headline=_headline(tree, references, site_names),
        title=strip_site_suffix(clean_text(raw_title), site_names),
        authors=tuple(_authors(articles, metas, site_names)),
        published=published,
        published_in_utc=in_utc,
        site_names=frozenset(site_names),
        language=_declared_language(tree),
        summaries=_summaries(metas, articles),
        article_body=max(
            (
                str(obj["articleBody"])
                for obj in articles
                if isinstance(obj.get("articleBody"), str)
            ),
            key=len,
            default="",
        ),
    )


def _declared_language(tree: Any) -> str:
    root = tree.getroottree().getroot()
    code = str(root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    match = re.match(r"\s*([A-Za-z]{2,3})\b", code)
    return match.group(1).lower() if match else ""


def _meta_tags(tree: Any) -> dict[str, str]:
    """Meta tag contents by lower-case name or property; a repeated tag's contents joined by "; "."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = str(element.get("property") or element.get("name") or "").strip().lower()
        content = clean_text(str(element.get("content") or ""))
        if key and content:
            found[key] = f"{found[key]}; {content}" if key in found else content
    return found


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, nested ones and @graph members included."""
    nodes = 0
    for script in tree.iter("script"):
        if "ld+json" not in str(script.get("type") or "").lower() or not script.text:
            continue
        if len(script.text) > _MAX_JSON:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and nodes < _MAX_NODES:
            item = stack.pop()
            nodes += 1
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _type_of(obj: dict[str, Any]) -> str:
    kind = obj.get("@type", "")
    return " ".join(str(k) for k in kind) if isinstance(kind, list) else str(kind)


def _name_of(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("name", "")
    return clean_text(value) if isinstance(value, str) else ""


def _title_text(tree: Any, *, in_head: bool) -> str:
    """The text of the page's first <title> (`in_head`: the first in its <head>)."""
    for element in tree.iter("title"):
        if in_head:
            parent = element.getparent()
            if parent is None or parent.tag != "head":
                continue
        return clean_text(" ".join(element.itertext()))
    return ""


@functools.cache
def xpath(path: str) -> Any:
    """`path` compiled once (lxml compiles the text of `tree.xpath(path)` on every call)."""
    from lxml import etree

    return etree.XPath(path)


# ------------------------------------------------------------------------------------------ titles

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(_plain(text).lower())


def _overlap(a: str, b: str) -> float:
    """Word-overlap F1 between two strings."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    common = len(set(words_a) & set(words_b))
    return 2 * common / (len(set(words_a)) + len(set(words_b)))


def names_site(text: str, site_names: Iterable[str]) -> bool:
    """Whether `text` is mostly one of the site's names ("The Northside Courier")."""
    return any(_overlap(text, site) >= 0.5 for site in site_names)


def _headline(tree: Any, references: list[str], site_names: Iterable[str]) -> str:
    """The page's main heading: the <h1> that states the same headline as its title or metadata, else
    its only <h1> of three words or more that does not name the site."""
    candidates: list[str] = []
    for element in itertools.islice(tree.iter("h1"), 5):
        text = clean_text(" ".join(element.itertext()))
        if len(text.split()) < 2 or len(text) > 300:
            continue
        if names_site(text, site_names):
            continue
        if any(_overlap(text, reference) >= 0.6 for reference in references):
            return text
        candidates.append(text)
    if len(candidates) == 1 and len(candidates[0].split()) >= 3 and not is_clutter(candidates[0]):
        return candidates[0]
    return ""


_SUFFIX_SEPARATOR: Final = re.compile(r"\s+(?:[|•·:]|[-–—]{1,2}|::)\s+")


def strip_site_suffix(title: str, site_names: Iterable[str]) -> str:
    """ "Storm hits the coast | Daily Herald" -> "Storm hits the coast" when the last part names the site.

    A last part names the site when it shares most of its words with a site name, or is a domain.
    """
    names = [name for name in site_names if name]
    separators = list(_SUFFIX_SEPARATOR.finditer(title))
    end = len(title)
    while separators:
        separator = separators.pop()
        last = title[separator.end() : end]
        is_domain = re.search(r"\.(?:com|org|net|news|co|uk|au|in|io)\b", last, re.I) is not None
        if not is_domain and not any(_overlap(last, name) >= 0.5 for name in names):
            break
        end = separator.start()
    return title[:end].strip() or title


# ----------------------------------------------------------------------------------------- authors


def _plain(text: str) -> str:
    """`text` without accents, for comparing names."""
    if text.isascii():
        return text
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _authors(
    articles: list[dict[str, Any]], metas: dict[str, str], site_names: set[str]
) -> list[str]:
    """People credited as authors: JSON-LD persons first, else author meta tags."""
    from_json: list[str] = []
    for obj in articles:
        for value in _as_list(obj.get("author")) + _as_list(obj.get("creator")):
            if isinstance(value, dict):
                if _ORGANISATION_TYPES.search(_type_of(value)):
                    continue
                value = value.get("name")
            if isinstance(value, str):
                from_json.extend(author_names(value, site_names))
        if from_json:
            break
    if from_json:
        return _unique(from_json)
    for key in _AUTHOR_META:
        if not metas.get(key):
            continue
        names = author_names(metas[key], site_names)
        if names:
            return _unique(names)
    return []


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def author_names(text: str, site_names: Iterable[str] = ()) -> list[str]:
    """People named in an author field ("By Jo Park and Ann Lee"); outlets, agencies, URLs and roles go."""
    text = clean_text(re.sub(r"^\s*by\s+", "", text, flags=re.IGNORECASE))
    sites = {_plain(name).lower() for name in site_names}
    pieces = [_without_trailing_label(clean_text(piece)) for piece in _NAME_SPLIT.split(text)]
    pieces = [
        piece
        for piece in pieces
        if piece
        and not re.search(r"https?:|www\.|^www\b|\.com\b|/", piece, re.IGNORECASE)
        and piece.lower() not in _AGENCIES
        and _plain(piece).lower() not in sites
        and not any(_overlap(piece, site) >= 0.8 for site in sites)
    ]
    names = [piece for piece in pieces if _is_name(piece)]
    if names:
        return names
    # Names in other scripts, or handles, do not match the pattern: keep what is not a role word.
    return [
        piece
        for piece in pieces
        if len(piece) <= 60 and not all(word.lower() in _NOT_NAME_WORDS for word in piece.split())
    ]


_BY_AFTER_HEADLINE: Final = re.compile(r"^by\s+([^,|•·\n]{2,60}?)\s*(?:[,|•·]|$)", re.IGNORECASE)


def headline_byline(tree: Any, site_names: Iterable[str] = ()) -> list[str]:
    """The people a "by ..." line right after the page's <h1> credits ("by Jo Park, May 3"), for pages
    that state no author in their metadata; [] when no such line follows the headline."""
    headline = next(iter(tree.iter("h1")), None)
    if headline is None:
        return []
    after = headline.tail or ""
    if not after.strip():
        following = headline.getnext()
        if following is None or not isinstance(following.tag, str) or following.tag in _HIDDEN:
            return []
        after = " ".join(following.itertext())
    match = _BY_AFTER_HEADLINE.match(clean_text(after[:300]))
    if match is None:
        return []
    return [name for name in author_names(match.group(1), site_names) if _credit_like(name)]


_HANDLE: Final = re.compile(r"^(?=\S*(?:\d|[a-z][A-Z]|_))[\w.-]{3,40}$")
"""A user name as a byline gives it: one word with a digit, an inner capital or an underscore."""


def _credit_like(text: str) -> bool:
    """Whether a "by ..." line's text names a person: a name, or a user name ("RiverWatcher42"); not
    the start of a sentence ("by the end of May") nor a body ("by University of the North")."""
    return _is_name(text) or _HANDLE.match(text) is not None


def _without_trailing_label(piece: str) -> str:
    """ "Jo Park Link Copied" -> "Jo Park": a page's button label run into the name next to it."""
    words = piece.split()
    for cut in range(2, len(words)):
        if is_clutter(" ".join(words[cut:])) and _is_name(" ".join(words[:cut])):
            return " ".join(words[:cut])
    return piece


_CREDIT_ROLE: Final = re.compile(
    r"\b(?:edited|reviewed|fact[- ]checked|copy[- ]edited|produced|illustrations?|illustrated"
    r"|photographs?|photos?|graphics?|design(?:ed)?|video|additional reporting)\s+by\s*:?\s*$",
    re.IGNORECASE,
)
_HIDDEN: Final = frozenset({"script", "style", "noscript", "template", "svg"})
"""Elements whose text a reader never sees."""


def settle_authors(names: Iterable[str], page: str) -> list[str]:
    """Authors as the page credits them: a name the page shows only as its editor, reviewer or
    photographer ("Edited by Ann Lee") goes, unless nobody else is left; a name the data gives in lower
    case, as a slug or without its accents is written as the page writes it ("Solcyré Burga").

    `page` is the page's HTML: names are looked for in its text outside scripts and styles.
    """
    names = list(names)
    if not names or not page:
        return names
    folded = _folded(page)
    shown = {
        name: [span for span in _occurrences(name, folded) if _is_shown(page, span[0])]
        for name in names
    }
    credited_only = [
        name
        for name in names
        if shown[name]
        and all(_CREDIT_ROLE.search(_text_before(page, start)) for start, _ in shown[name])
    ]
    kept = [name for name in names if name not in credited_only] or names
    return [_as_written(name, [page[start:end] for start, end in shown[name]]) for name in kept]


def _is_shown(page: str, index: int) -> bool:
    """Whether `index` is in the page's text: not inside a tag, a script or a style."""
    if page.rfind("<", 0, index) > page.rfind(">", 0, index):
        return False
    for tag in ("script", "style"):
        if page.rfind(f"<{tag}", 0, index) > page.rfind(f"</{tag}", 0, index):
            return False
    return True


def _text_before(page: str, index: int) -> str:
    """The page's text just before `index`, tags left out."""
    return clean_text(_ANY_TAG.sub(" ", page[max(0, index - 400) : index]))[-40:]


_ANY_TAG: Final = re.compile(r"<[^<>]*>|^[^<>]*>")


def _folding_table() -> bytes:
    """bytes.translate table for Latin-1 text: letters to their lower-case base letter ("É" -> "e"),
    and the marks that join a name's parts (space, hyphen, underscore, dot) to a space."""
    table = bytearray(range(256))
    for code in range(256):
        char = chr(code)
        base = _plain(char).lower()
        if char in "\t\n\r\xa0_.-":
            table[code] = ord(" ")
        elif len(base) == 1 and base.isascii() and base.isalpha():
            table[code] = ord(base)
    return bytes(table)


_FOLD: Final = _folding_table()


def _folded(text: str) -> bytes:
    """`text` folded for finding names, one byte per character (characters outside Latin-1 are "?")."""
    return text.encode("latin-1", errors="replace").translate(_FOLD)


def _occurrences(name: str, folded: bytes) -> list[tuple[int, int]]:
    """Where the page (`_folded`) writes `name`, in any case, with or without accents or hyphens."""
    wanted = b" ".join(_folded(name).split())
    spans: list[tuple[int, int]] = []
    if not wanted:
        return spans
    start = folded.find(wanted)
    while start >= 0 and len(spans) < 20:
        end = start + len(wanted)
        if not folded[start - 1 : start].isalnum() and not folded[end : end + 1].isalnum():
            spans.append((start, end))
        start = folded.find(wanted, start + 1)
    return spans


def _as_written(name: str, forms: list[str]) -> str:
    """The page's own spelling of `name` when the data's lacks capitals or accents."""
    for form in forms:
        form = clean_text(form)
        if form == name or form.islower() or form.isupper():
            continue
        if name.islower() or (name.isascii() and not form.isascii()):
            return form
    return name


# ------------------------------------------------------------------------------------------- dates

_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def _published(articles: list[dict[str, Any]], metas: dict[str, str]) -> tuple[date | None, bool]:
    """The publication day the page declares (JSON-LD datePublished, article:published_time), and
    whether it is the day of a UTC timestamp."""
    values = [str(obj.get("datePublished") or "") for obj in articles]
    values += [metas.get("article:published_time", ""), metas.get("og:published_time", "")]
    for value in values:
        match = _ISO_DAY.match(value)
        if match:
            try:
                day = date.fromisoformat(match.group(1))
            except ValueError:
                continue
            return day, re.search(r"T[\d:.]+(?:Z|[+-]00:?00)$", value.strip()) is not None
        found = parse_date(value) if value else None
        if found is not None:
            return found, False
    return None, False


_MARKED_DATE: Final = re.compile(
    r"""<[a-z][\w:-]*\s(?P<attrs>[^<>]{0,400}?(?:itemprop=["']?datePublished\b|(?:id|class)=["'][^"']{0,80}"""
    r"""(?:date[_-]?(?:posted|published)|(?:posted|published|publish|pub)[_-]?date)\b)[^<>]{0,400})>"""
    r"(?P<text>[^<]{0,120})",
    re.IGNORECASE,
)
_DATE_ATTRIBUTE: Final = re.compile(r"""\b(?:content|datetime)=["']([^"']{6,40})["']""")


def marked_date(page: str) -> date | None:
    """The day an element marked as the publication date states (`itemprop="datePublished"`,
    `id="date_posted"`, `class="published-date"`), for pages without JSON-LD or meta dates."""
    for count, match in enumerate(_MARKED_DATE.finditer(page)):
        if count == 5:
            break
        day = _marked_day(match)
        if day is not None:
            return day
    return None


def marks_as_published(page: str, day: date) -> bool:
    """Whether an element marked as the publication date (as for `marked_date`) states `day`.

    Only the places where the page writes the day ("2031-03-04", "March 4, 2031", "Mar. 4, 2031",
    "4 March 2031") are looked at, which costs little on a large page.
    """
    month = _MONTH_NAMES[day.month - 1]
    written = (
        day.isoformat(),
        f" {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}",
    )
    for form in written:
        start = page.find(form)
        for _ in range(20):
            if start < 0:
                break
            tag = page.rfind("<", 0, start)
            match = _MARKED_DATE.match(page, tag) if tag >= 0 else None
            if match is not None and match.end() > start and _marked_day(match) == day:
                return True
            start = page.find(form, start + 1)
    return False


_MONTH_NAMES: Final = (
    "January February March April May June July August September October November December".split()
)


def _marked_day(match: re.Match[str]) -> date | None:
    """The day a `_MARKED_DATE` element states: in its `content` or `datetime`, else in its text."""
    values = [found.group(1) for found in _DATE_ATTRIBUTE.finditer(match.group("attrs"))]
    for value in [*values, match.group("text")]:
        iso = _ISO_DAY.match(value)
        if iso:
            try:
                return date.fromisoformat(iso.group(1))
            except ValueError:
                continue
        found = parse_date(value)
        if found is not None:
            return found
    return None


_CITED: Final = re.compile(r"\b(?:retrieved|accessed)(?:\s+on)?\s+(.{6,40})", re.IGNORECASE)


def cited_days(text: str) -> set[date]:
    """Days written as a citation's access date ("Retrieved February 3, 2031 from ..."): the day a
    reader cites the page, never the day it was published."""
    days: set[date] = set()
    if "etrieved" not in text and "ccessed" not in text and "ETRIEVED" not in text:
        return days
    for match in _CITED.finditer(text):
        found = parse_date(match.group(1))
        if found is not None:
            days.add(found)
    return days


# -------------------------------------------------------------------------------------- standfirst

_DESCRIPTION_META: Final = ("og:description", "description", "twitter:description")
_NOT_STANDFIRST: Final = frozenset(
    {"head", "nav", "footer", "aside", "figure", "figcaption", "a", "li"}
)


_STANDFIRST_CLASS: Final = re.compile(
    r"standfirst|de(?:c)?k(?![a-z])|sub-?head|sub-?title|subline|strapline", re.IGNORECASE
)


_STANDFIRST_WINDOW: Final = "following::*[position() <= 100]"
"""Where a standfirst sits: among the elements just after the headline."""


def _summaries(metas: dict[str, str], articles: list[dict[str, Any]]) -> frozenset[str]:
    summaries = {metas.get(key, "") for key in _DESCRIPTION_META}
    summaries |= {
        clean_text(str(obj.get("description")))
        for obj in articles
        if isinstance(obj.get("description"), str)
    }
    return frozenset(text for text in summaries if 6 <= len(text.split()) <= 80)


def standfirsts(tree: Any, summaries: frozenset[str]) -> list[str]:
    """Candidates for the page's standfirst, in page order (three at most): elements after the
    headline marked as one (`class="dek"`, "standfirst", "subheadline") or showing one of the
    `summaries` the page's metadata gives (`PageMeta.summaries`)."""
    found: list[str] = []
    headline = next(iter(tree.iter("h1")), None)
    if headline is None:
        return found
    # Without summaries only an element marked as a standfirst can be one: those with a class.
    window = _STANDFIRST_WINDOW if summaries else f"{_STANDFIRST_WINDOW}[@class]"
    for element in xpath(window)(headline):
        tag = element.tag
        if not isinstance(tag, str) or tag in _HIDDEN or tag in _NOT_STANDFIRST:
            continue
        marked = _STANDFIRST_CLASS.search(str(element.get("class") or "")) is not None
        if not marked:
            start = " ".join((element.text or "").split(None, 3)[:3])
            if not start or not any(summary.startswith(start) for summary in summaries):
                continue
        text = clean_text(" ".join(element.itertext()))
        if not (text in summaries or (marked and 5 <= len(text.split()) <= 60)):
            continue
        if any(
            ancestor.tag in _NOT_STANDFIRST or ancestor.tag in _HIDDEN
            for ancestor in element.iterancestors()
        ):
            continue
        found.append(text)
        if len(found) == 3:
            break
    return found


# -------------------------------------------------------------------------------------------- body

_TAG: Final = re.compile(r"<(/?)(\w*)[^<>]{0,2000}>")
_BLOCK_TAGS: Final = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"}
)
_BODY_KEYS: Final = ("content", "text", "html", "body", "value", "paragraph")
"""Keys under which page data holds a paragraph's text (never a caption or a credit)."""
_CODE: Final = re.compile(r"[{};]\s*$|\bfunction\s*\(|\bvar\s+\w+\s*=|=>")
_MAX_DATA: Final = 5_000_000


def _prose(value: Any) -> str:
    """A paragraph of text from a page-data string ("" when it is markup, code or a label)."""
    if not isinstance(value, str) or len(value) > 20_000:
        return ""
    if "<" in value:
        value = _TAG.sub(_tag_space, value)
    if "&" in value:
        value = html.unescape(value)
    text = clean_text(value)
    if len(text.split()) < 4 or _CODE.search(text) or text.startswith(("http://", "https://")):
        return ""
    return text


def _tag_space(match: re.Match[str]) -> str:
    """A space for a tag that breaks the text (<br>, <p>), nothing for an inline one (<b>, <a>)."""
    return " " if match.group(2).lower() in _BLOCK_TAGS else ""


def split_body(text: str, anchors: Iterable[str] = ()) -> list[str]:
    """A structured article body as paragraphs: at its line breaks, else where a paragraph the page
    shows (`anchors`) starts or ends inside it."""
    pieces = [clean_text(piece) for piece in re.split(r"\n", text)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) > 1 or not pieces:
        return pieces
    body = pieces[0]
    cuts = {0, len(body)}
    for anchor in anchors:
        if len(anchor.split()) < 4:
            continue
        start = body.find(anchor)
        if start >= 0:
            cuts.update((start, start + len(anchor)))
    points = sorted(cuts)
    parts = (body[a:b].strip() for a, b in zip(points, points[1:], strict=False))
    return [part for part in parts if part]


def page_data_paragraphs(tree: Any) -> list[str]:
    """The article's paragraphs from a page's embedded app data (Next.js `__NEXT_DATA__`): the list
    whose members hold the most prose, a paragraph per member."""
    for script in xpath("//script[@id='__NEXT_DATA__']")(tree)[:1]:
        text = script.text or ""
        if len(text) > _MAX_DATA:
            return []
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return []
        return _richest_list(data)
    return []


def _richest_list(data: Any) -> list[str]:
    best: list[str] = []
    best_words = 0
    stack = [data]
    nodes = 0
    while stack and nodes < _MAX_NODES * 10:
        item = stack.pop()
        nodes += 1
        if isinstance(item, dict):
            stack.extend(value for value in item.values() if isinstance(value, (dict, list)))
        elif isinstance(item, list):
            paragraphs = [text for text in map(_member_text, item) if text]
            words = sum(len(text.split()) for text in paragraphs)
            if words > best_words and len(paragraphs) >= 2:
                best, best_words = paragraphs, words
            stack.extend(value for value in item if isinstance(value, (dict, list)))
    return best


def _member_text(member: Any) -> str:
    if isinstance(member, str):
        return _prose(member)
    if isinstance(member, dict):
        for key in _BODY_KEYS:
            text = _prose(member.get(key))
            if text:
                return text
    return ""
