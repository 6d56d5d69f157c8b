"""`quiz.reading.read_html_article` on generated news pages, against plain trafilatura on the same pages."""

from __future__ import annotations

import gc
import time

from benchmarks import datagen
from benchmarks.steps.common import Growth, Row, Settings, require

COUNT = 50


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    require("quiz.reading", attribute="read_html_article")
    import trafilatura

    from quiz.reading import read_html_article

    pages = [datagen.article_html(seed) for seed in range(COUNT)]
    options = {
        "include_comments": False,
        "include_tables": False,
        "with_metadata": True,
        "date_extraction_params": {"extensive_search": False, "original_date": True},
    }
    read_html_article(pages[0])  # imports and caches warm
    trafilatura.bare_extraction(pages[0], **options)
    row = Row(
        f"read {COUNT} news pages (~1,000 words)",
        "`read_html_article` per page",
        "`trafilatura.bare_extraction` with metadata, same pages",
        "<= 1.5x",
        1.5,
    )
    for index in range(settings.runs):
        settings.log(f"  read, run {index + 1}/{settings.runs}")
        gc.collect()
        start = time.perf_counter()
        for page in pages:
            trafilatura.bare_extraction(page, **options)
        floor = (time.perf_counter() - start) / COUNT
        gc.collect()
        start = time.perf_counter()
        for page in pages:
            read_html_article(page)
        measured = (time.perf_counter() - start) / COUNT
        row.measured_s.append(measured)
        row.floor_s.append(floor)
        row.ratios.append(measured / floor)
    return [row], []
