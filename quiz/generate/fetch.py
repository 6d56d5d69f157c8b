"""The page downloader, kept importable from its old place; it lives in `quiz.reading.fetch`."""

from __future__ import annotations

from quiz.reading.decoding import decode_page, sniff_charset
from quiz.reading.fetch import USER_AGENT, Page, check_url, fetch_url

__all__ = ["USER_AGENT", "Page", "check_url", "decode_page", "fetch_url", "sniff_charset"]
