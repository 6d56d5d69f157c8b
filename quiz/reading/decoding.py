"""Bytes to text: reading a file under a size cap, decoding text files and web pages, telling HTML apart."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from quiz.errors import QuizError


def _read_file_bytes(path: Path, shown: str, *, max_bytes: int) -> bytes:
    hint = ""
    if not path.exists():
        if re.match(r"(www\.|[\w-]+\.(com|org|net|co\.\w\w)\b)", shown):
            hint = " (for a web page, give the full address starting with https://)"
        raise QuizError(f"no such file{hint}", path=shown)
    if path.is_dir():
        raise QuizError("this is a folder, not an article file", path=shown)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise QuizError(
                f"the file is {size:,} bytes, more than the {max_bytes:,} quiz reads", path=shown
            )
        data = path.read_bytes()
    except PermissionError:
        raise QuizError("permission denied: cannot read this file", path=shown) from None
    except OSError as error:
        raise QuizError(f"cannot read the file: {error.strerror or error}", path=shown) from None
    if not data.strip():
        raise QuizError("the file is empty", path=shown)
    return data


def _decode_text(data: bytes, shown: str) -> str:
    """Decode a text file as UTF-8 (UTF-16 with a BOM is accepted too), refusing binary files."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise QuizError(
                "the file has a UTF-16 mark but is not valid UTF-16", path=shown
            ) from None
    else:
        if b"\x00" in data[:65536]:
            raise QuizError("this is a binary file, not a text or HTML article", path=shown)
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[bom:].decode("utf-8")
        except UnicodeDecodeError as error:
            if _mostly_binary(data):
                raise QuizError(
                    "this is a binary file, not a text or HTML article", path=shown
                ) from None
            offset = bom + error.start
            line = data.count(b"\n", 0, offset) + 1
            column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
            raise QuizError(
                f"not UTF-8 text: byte 0x{data[offset]:02X} at byte offset {offset} (column "
                f"{column}) is not valid UTF-8; save the file as UTF-8",
                path=shown,
                line=line,
            ) from None
    sample = text[:65536]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    if controls > max(8, len(sample) // 20):
        raise QuizError("this is a binary file, not a text or HTML article", path=shown)
    return text


def _mostly_binary(data: bytes) -> bool:
    sample = data[:65536]
    text_bytes = sum(1 for byte in sample if byte >= 32 or byte in b"\t\n\r\f\v")
    invalid = len(sample.decode("utf-8", errors="replace").split("\ufffd")) - 1
    return text_bytes < 0.9 * len(sample) or invalid > max(16, len(sample) // 50)


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document: it starts (after whitespace and BOM) with a doctype or <html>."""
    head = text.lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html"))


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def sniff_charset(head: bytes) -> str | None:
    """The character set a page declares about itself (BOM, <meta charset>, XML declaration), if any."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return name
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_page(body: bytes, *, header_charset: str | None = None) -> str:
    """Decode a page: the header's charset, else the page's own declaration, else UTF-8.

    Unknown charset names fall back to UTF-8; undecodable bytes become U+FFFD rather than failing.
    """
    for name in (header_charset, sniff_charset(body)):
        if name and _known_codec(name):
            return body.decode(_python_codec(name), errors="replace")
    return body.decode("utf-8-sig", errors="replace")


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(_python_codec(name))
    except LookupError:
        return False
    return True


def _python_codec(name: str) -> str:
    # Browsers read pages labelled latin-1 / ISO-8859-1 / ASCII as windows-1252 (WHATWG Encoding).
    lowered = name.strip().lower()
    if lowered in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}:
        return "cp1252"
    if lowered == "utf-8":
        return "utf-8-sig"
    return lowered
