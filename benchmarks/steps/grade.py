"""`quiz.grading.grade_typed` on 100,000 typed answers, against rapidfuzz `ratio` on the pairs.

Graded as a study session grades them: with the deck's acronym table (`AcronymTable.of_deck`),
made once and read from the deck when the first answer needs it (inside the timed loop).
"""

from __future__ import annotations

import gc
import time

from benchmarks import datagen
from benchmarks.steps.common import Growth, Row, Settings, require

COUNT = 100_000


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    require("quiz.grading", attribute="grade_typed")
    from rapidfuzz.fuzz import ratio

    from quiz.decks import read_deck
    from quiz.grading import AcronymTable, grade_typed

    # The typed answers are to the questions of this deck (the same seed and size).
    deck = read_deck(datagen.deck_file(datagen.TYPED_ANSWERS_DECK))
    by_id = {question.id: question for question in deck.questions}
    pairs = [(by_id[data["id"]], typed) for data, typed in datagen.iter_typed_answers(COUNT)]
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
        acronyms = AcronymTable.of_deck(deck)
        start = time.perf_counter()
        for question, typed in pairs:
            grade_typed(question, typed, acronyms=acronyms)
        measured = time.perf_counter() - start
        row.measured_s.append(measured)
        row.floor_s.append(floor)
        row.ratios.append(measured / floor)
    return [row], []
