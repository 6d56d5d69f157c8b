"""The name comparison's country check grows linearly with the text, whatever shape the text has.

Timed as a ratio: the time per byte at sixteen times the size must stay level (a quadratic pattern
makes it sixteen times larger; the margin is for a busy machine), never against a wall-clock limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from quiz.generate.names import locates, name_kinds

SHAPES: dict[str, Callable[[int], str]] = {
    "capitalised names": lambda n: "Ada Lindqvist " * n,
    "names then a comma": lambda n: "Ada Lindqvist " * n + ", Estonia",
    "names and lower-case words": lambda n: "Ada Lindqvist said " * n,
    "places and countries": lambda n: "Tartu, Estonia and " * n,
    "one comma, then a run of names": lambda n: "Tartu, " + "Ada Lindqvist " * n,
}


def _seconds(work: Callable[[], object], *, times: int = 1) -> float:
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(times):
            work()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", SHAPES)
def test_the_country_check_is_linear(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(250), make(4000)

    def check(text: str) -> Callable[[], object]:
        return lambda: (name_kinds(["Estonia", "Ada Lindqvist"], text), locates("Estonia", text))

    # The small text sixteen times against the large one once: the same bytes, so the same time
    # if the work is linear (each best of seven, against a busy machine).
    ratio = _seconds(check(large)) / _seconds(check(small), times=16)
    assert ratio < 4, f"{shape}: {ratio:.1f} times the time per byte at 16 times the size"
