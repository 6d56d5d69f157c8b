"""`quiz.grading.grade_typed` on 100,000 typed answers, against rapidfuzz `ratio` on the pairs."""

from __future__ import annotations

import gc
import time

from benchmarks import datagen
from benchmarks.steps.common import Growth, Row, Settings, require

COUNT = 100_000


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    require("quiz.grading", attribute="grade_typed")
    from rapidfuzz.fuzz import ratio

    from quiz.grading import grade_typed
    from quiz.model import Question, SourceRef

    cache: dict[str, Question] = {}
    pairs: list[tuple[Question, str]] = []
    for data, typed in datagen.iter_typed_answers(COUNT):
        question = cache.get(data["id"])
        if question is None:
            question = Question(
                id=data["id"],
                kind=data["kind"],
                prompt=data["prompt"],
                answer=data["answer"],
                accept=tuple(data.get("accept", ())),
                fact=data.get("fact", ""),
                source=SourceRef(**data["source"]),
            )
            cache[data["id"]] = question
        pairs.append((question, typed))
    texts = [(question.answer_text, typed) for question, typed in pairs]

    row = Row(
        f"grade {COUNT:,} typed answers",
        "`grade_typed` over the pairs",
        "rapidfuzz `ratio(answer, typed)` over the same pairs",
        "<= 5x",
        5.0,
    )
    for index in range(settings.runs):
        settings.log(f"  grade, run {index + 1}/{settings.runs}")
        gc.collect()
        start = time.perf_counter()
        for answer, typed in texts:
            ratio(answer, typed)
        floor = time.perf_counter() - start
        gc.collect()
        start = time.perf_counter()
        for question, typed in pairs:
            grade_typed(question, typed)
        measured = time.perf_counter() - start
        row.measured_s.append(measured)
        row.floor_s.append(floor)
        row.ratios.append(measured / floor)
    return [row], []
