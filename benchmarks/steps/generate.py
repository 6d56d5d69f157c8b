"""`quiz generate`: one article, then 10 and 100, with 1 and 2 workers, against spaCy alone."""

from __future__ import annotations

from pathlib import Path

from benchmarks import datagen
from benchmarks.steps.common import (
    QUIZ,
    Growth,
    Row,
    Settings,
    clean_env,
    command_exists,
    driver,
    median,
    ratio_rows_from_pairs,
    run_timed,
    temp_dir,
)


def _generate(sources: list[Path], workers: int | None, *, warm: bool = False) -> float:
    """Wall time of `quiz generate` over `sources`, with an empty cache folder or (`warm`) after
    the same command ran once in the same environment, into another folder (so the place index
    is cached, but no deck exists to merge with)."""
    with temp_dir("generate") as temp:
        env = clean_env(Path(temp))
        args = [*QUIZ, "generate", *map(str, sources)]
        if workers is not None:
            args += ["--workers", str(workers)]
        if warm:
            run_timed([*args, "--out-dir", str(Path(temp) / "earlier")], env=env)
        elapsed, _ = run_timed([*args, "--out-dir", str(Path(temp) / "decks")], env=env)
        if not any((Path(temp) / "decks").glob("*.yaml")):
            raise RuntimeError("quiz generate wrote no deck")
        return elapsed


def _spacy(texts: list[Path], n_process: int) -> float:
    with temp_dir("spacy") as temp:
        elapsed, _ = run_timed(driver("spacy_floor", n_process, *texts), env=clean_env(Path(temp)))
        return elapsed


def run(settings: Settings) -> tuple[list[Row], list[Growth]]:
    command_exists("generate")
    big = 20 if settings.quick else 100
    articles = datagen.article_files(big)
    texts = datagen.text_files(big)
    rows: list[Row] = []
    growth: list[Growth] = []

    one = Row(
        "generate one article (~1,000 words)",
        "`quiz generate` process, wall, empty cache",
        "import spaCy + load model + parse the text (process)",
        "<= 1.3x",
        1.3,
    )
    one_warm = Row(
        "generate one article (~1,000 words), warm cache",
        "`quiz generate` process, wall, after an earlier `quiz generate`",
        "import spaCy + load model + parse the text (process)",
        "<= 1.3x",
        1.3,
    )
    pairs = []
    warm_pairs = []
    for index in range(settings.runs):
        settings.log(f"  generate 1 article, run {index + 1}/{settings.runs}")
        floor = _spacy(texts[:1], 1)
        pairs.append((_generate(articles[:1], None), floor))
        warm_pairs.append((_generate(articles[:1], None, warm=True), floor))
    rows.append(ratio_rows_from_pairs(one, pairs))
    rows.append(ratio_rows_from_pairs(one_warm, warm_pairs))
    growth.append(Growth("generate (1 worker)", 1, "article", [m for m, _ in pairs], len(pairs)))
    growth.append(
        Growth("generate (1 worker), warm", 1, "article", [m for m, _ in warm_pairs], len(pairs))
    )
    growth.append(Growth("spaCy floor, 1 process", 1, "article", [f for _, f in pairs], len(pairs)))

    ten = []
    for index in range(settings.runs):
        settings.log(f"  generate 10 articles, run {index + 1}/{settings.runs}")
        ten.append(_generate(articles[:10], 1) / 10)
    growth.append(Growth("generate (1 worker)", 10, "article", ten, len(ten)))

    runs = settings.long_runs
    w1: list[tuple[float, float]] = []
    w2: list[tuple[float, float]] = []
    for index in range(runs):
        settings.log(f"  generate {big} articles, run {index + 1}/{runs}")
        w1.append((_generate(articles, 1), _spacy(texts, 1)))
        w2.append((_generate(articles, 2), _spacy(texts, 2)))
    label = f"generate {big} articles"
    note = "one run > 20 s" if runs < settings.runs else ""
    rows.append(
        ratio_rows_from_pairs(
            Row(
                label,
                "`--workers 1`, wall",
                "`nlp.pipe` over the same texts, 1 process",
                "<= 1.3x",
                1.3,
                note=note,
            ),
            w1,
        )
    )
    rows.append(
        ratio_rows_from_pairs(
            Row(
                label,
                "`--workers 2`, wall",
                "`nlp.pipe(n_process=2)` over the same texts",
                "<= 1.3x",
                1.3,
                note=note,
            ),
            w2,
        )
    )
    speed = Row(
        label,
        "speed-up of `--workers 2` over `--workers 1`",
        f"spaCy's own: {median([a for _, a in w1]) / median([b for _, b in w2]):.2f}x",
        ">= 1.6x faster",
        1.6,
        at_least=True,
        note=note,
        unit="x",
    )
    for (one_worker, _), (two_workers, _) in zip(w1, w2, strict=True):
        speed.ratios.append(one_worker / two_workers)
        speed.measured_s.append(two_workers)
        speed.floor_s.append(one_worker)
    rows.append(speed)
    growth.append(Growth("generate (1 worker)", big, "article", [m / big for m, _ in w1], runs))
    growth.append(Growth("generate (2 workers)", big, "article", [m / big for m, _ in w2], runs))
    growth.append(Growth("spaCy floor, 1 process", big, "article", [f / big for _, f in w1], runs))
    growth.append(
        Growth("spaCy floor, 2 processes", big, "article", [f / big for _, f in w2], runs)
    )
    return rows, growth
