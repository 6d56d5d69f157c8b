"""Bytes to text: reading a file under a size cap, decoding text files and web pages, telling HTML apart."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO, Final

from quiz.errors import QuizError


def _read_file_bytes(path: Path, shown: str, *, max_bytes: int) -> bytes:
    """The bytes of a regular file or a pipe, at most `max_bytes` of them (counted as read).

    Devices, sockets and other special files are refused; a pipe with no writer reads as empty rather
    than waiting for one.
    """
    hint = ""
    if not path.exists():
        if re.match(r"(www\.|[\w-]+\.(com|org|net|co\.\w\w)\b)", shown):
            hint = " (for a web page, give the full address starting with https://)"
        raise QuizError(f"no such file{hint}", path=shown)
    if path.is_dir():
        raise QuizError("this is a folder, not an article file", path=shown)
    try:
        mode = path.stat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise QuizError("not a regular file: quiz reads article files and pipes", path=shown)
        # O_NONBLOCK: opening a pipe nobody writes to returns at once instead of waiting forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            os.set_blocking(descriptor, True)
            data = _read_capped(handle, max_bytes)
        if data is None:
            raise QuizError(f"the file is more than the {max_bytes:,} bytes quiz reads", path=shown)
    except PermissionError:
        raise QuizError("permission denied: cannot read this file", path=shown) from None
    except OSError as error:
        raise QuizError(f"cannot read the file: {error.strerror or error}", path=shown) from None
    if not data.strip():
        raise QuizError("the file is empty", path=shown)
    return data


def _read_capped(handle: BinaryIO, max_bytes: int) -> bytes | None:
    """At most `max_bytes` bytes of `handle`, None when there are more."""
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(min(1 << 20, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return None
    return b"".join(chunks)


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
    """Decode a page: the header's charset, else the page's own declaration, else detected.

    Only text encodings count: a label such as "zlib", "base64" or "rot13", or one the bytes cannot be
    (UTF-16 on a page without a byte order mark or NUL bytes), is ignored. Detection reads UTF-8 when the
    bytes are mostly valid UTF-8, else windows-1252. Undecodable bytes become U+FFFD rather than failing.
    """
    for name in (header_charset, sniff_charset(body)):
        codec = _text_codec(name, body) if name else None
        if codec is not None:
            try:
                return body.decode(codec, errors="replace")
            except (UnicodeError, LookupError, TypeError, ValueError):
                continue
    text = body.decode("utf-8-sig", errors="replace")
    invalid = text.count("\ufffd")
    if invalid and invalid * 2 > sum(1 for ch in text if ord(ch) > 127):
        # Mostly bytes that are not UTF-8: a legacy single-byte page.
        return body.decode("cp1252", errors="replace")
    return text


_NOT_PAGE_CODECS: Final = frozenset(
    {"idna", "punycode", "undefined", "unicode_escape", "raw_unicode_escape", "mbcs", "oem"}
)
"""Text codecs Python knows that no web page is written in."""


def _text_codec(name: str, body: bytes) -> str | None:
    """The Python codec for a declared charset, or None when it is no text encoding for this page."""
    try:
        info = codecs.lookup(_python_codec(name))
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    if info.name.startswith(("utf-16", "utf-32")) and b"\x00" not in body[:4096]:
        # Browsers do the same: a page whose bytes are ASCII-compatible is not UTF-16.
        return None
    return info.name if info.name != "utf-8" else "utf-8-sig"


def _python_codec(name: str) -> str:
    # Browsers read pages labelled latin-1 / ISO-8859-1 / ASCII as windows-1252 (WHATWG Encoding).
    lowered = name.strip().lower()
    if lowered in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"}:
        return "cp1252"
    return lowered
