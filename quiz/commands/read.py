"""`quiz read SOURCE [--json]`: print an article as the generator reads it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quiz.errors import printable, printable_json
from quiz.generate.article import read_source
from quiz.model import Article


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON shape of an article: published is an ISO date or None."""
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "file": article.file,
        "paragraphs": list(article.paragraphs),
        "bios": list(article.bios),
    }


def format_article(article: Article) -> str:
    """The article as text: a header (title, authors, date, source), numbered paragraphs, then bios."""
    lines = [
        article.title,
        f"Authors:   {', '.join(article.authors) if article.authors else '(unknown)'}",
        f"Published: {article.published.isoformat() if article.published else '(unknown)'}",
        f"Source:    {article.url or article.file}",
        "",
    ]
    for number, paragraph in enumerate(article.paragraphs, start=1):
        lines.append(f"[{number}] {paragraph}")
        lines.append("")
    for bio in article.bios:
        lines.append(f"[bio] {bio}")
    return "\n".join(lines).rstrip("\n") + "\n"


def run_read(args: argparse.Namespace) -> int:
    """Read `args.source` and print it (as JSON with `args.json`); returns the exit status."""
    article = read_source(args.source)
    # Article text comes from a file or a server: printed through the error lines' sanitiser.
    if args.json:
        text = json.dumps(article_to_dict(article), ensure_ascii=False, indent=2)
        sys.stdout.write(printable_json(text) + "\n")
    else:
        sys.stdout.write(printable(format_article(article)))
    return 0
