"""`quiz read SOURCE [--json]`: print an article as the generator reads it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from quiz.errors import printable, printable_json
from quiz.model import Article
from quiz.reading import read_source


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON shape of an article: published is an ISO date or None.

    `paragraphs` lists the body text as strings; `blocks` gives the same body with its structure (each
    block's kind, text and nearest heading, headings included); `text` is the whole body as plain text,
    one block per line.
    """
    blocks = article.blocks or article.body_blocks
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "file": article.file,
        "language": article.language,
        "paragraphs": list(article.paragraphs),
        "bios": list(article.bios),
        "blocks": [
            {"kind": block.kind, "text": block.text, "heading": block.heading}
            | ({"level": block.level} if block.kind == "heading" else {})
            for block in blocks
        ],
        "text": "\n".join(block.text for block in blocks),
    }


def format_article(article: Article) -> str:
    """The article as text: a header (title, authors, date, source), then the body, then bios.

    Paragraphs and list items are numbered as `SourceRef.paragraph` counts them; headings show as
    `## Heading` and list items with a bullet.
    """
    lines = [
        article.title,
        f"Authors:   {', '.join(article.authors) if article.authors else '(unknown)'}",
        f"Published: {article.published.isoformat() if article.published else '(unknown)'}",
        f"Source:    {article.url or article.file}",
    ]
    if article.language != "en":
        lines.append(f"Language:  {article.language} (not supported: no deck can be made from it)")
    lines.append("")
    number = 0
    for block in article.blocks or article.body_blocks:
        if block.kind == "heading":
            lines.append(f"{'#' * max(block.level, 1)} {block.text}")
        else:
            number += 1
            bullet = "• " if block.kind == "item" else ""
            lines.append(f"[{number}] {bullet}{block.text}")
        lines.append("")
    for bio in article.bios:
        lines.append(f"[bio] {bio}")
    return "\n".join(lines).rstrip("\n") + "\n"


def run_read(args: argparse.Namespace) -> int:
    """Read `args.source` and print it (as JSON with `args.json`); returns the exit status."""
    article = read_source(args.source, english_only=False)
    # Article text comes from a file or a server: printed through the error lines' sanitiser.
    if args.json:
        text = json.dumps(article_to_dict(article), ensure_ascii=False, indent=2)
        sys.stdout.write(printable_json(text) + "\n")
    else:
        sys.stdout.write(printable(format_article(article)))
    return 0
