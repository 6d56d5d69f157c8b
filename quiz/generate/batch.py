"""Generate decks from many sources: find the sources, run the generator on each, save the decks.

A source is an article file (.txt, .md, .markdown, .html, .htm), a fact sheet (.yaml, .yml), an
http(s) URL, or a folder, which stands for the articles and fact sheets directly inside it (not in
its subfolders), sorted by name. Each source is generated on its own, in memory; a failure is
recorded and the others go on. Several sources may run in worker processes, each loading the
language model once. Saving keeps the user's edits in an existing deck (see `quiz.generate.merge`).
"""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Final

from quiz.errors import QuizError, one_line, without_controls
from quiz.generate.merge import MergeSummary, merge_edits, summarise_merge
from quiz.model import Article, Deck, DeckSource, slugify

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

ARTICLE_SUFFIXES: Final[tuple[str, ...]] = (".txt", ".md", ".markdown", ".html", ".htm")
"""File name endings read as articles."""
FACT_SHEET_SUFFIXES: Final[tuple[str, ...]] = (".yaml", ".yml")
"""File name endings read as fact sheets."""
MIN_SOURCES_FOR_WORKERS: Final = 4
"""Below this many sources, starting worker processes (each loading the model) does not pay."""
MAX_DEFAULT_WORKERS: Final = 8
"""At most this many workers unless asked: each holds its own language model (about 200 MB)."""


@dataclass(frozen=True, slots=True)
class GenerateOptions:
    """How every source of a run is turned into a deck."""

    seed: int = 0
    """Seed for the shuffled parts (choice order, distractors)."""
    max_questions: int | None = None
    """Keep at most this many questions per deck."""
    templates: Path | None = None
    """A file of extra question templates; None for the built-in ones only."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one source: a deck, or the reason there is none."""

    source: str
    deck: Deck | None = None
    message: str = ""
    """Why the source failed, when it did."""
    path: str | None = None
    line: int | None = None
    details: str = ""
    """The traceback of an unexpected error (a bug), empty for a user error."""
    reference: Deck | None = None
    """With `--max`: the deck made without it (see `Generated.reference`)."""

    @property
    def ok(self) -> bool:
        """Whether a deck was made."""
        return self.deck is not None

    @property
    def error(self) -> QuizError:
        """The failure as the error the user sees."""
        return QuizError(self.message, path=self.path, line=self.line)

    def describe_failure(self) -> str:
        """The failure on one line: `path:line: message`."""
        return one_line(self.message, path=self.path, line=self.line)


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated deck, with the deck made without the `--max` cap when there was one."""

    deck: Deck
    reference: Deck | None = None
    """The questions the generator makes without `--max`: a regeneration keeps the user's edits
    of those the cap leaves out (see `quiz.generate.merge`)."""


GenerateFn = Callable[[str, GenerateOptions], Deck | Generated]
"""Makes the deck of one source; raises QuizError. Must be a module-level function for workers."""


def is_url(source: str) -> bool:
    """Whether `source` is an http(s) URL rather than a path."""
    return source.lower().startswith(("http://", "https://"))


def is_fact_sheet(source: str) -> bool:
    """Whether `source` names a fact sheet (YAML) rather than an article."""
    return not is_url(source) and source.lower().endswith(FACT_SHEET_SUFFIXES)


def find_sources(sources: Sequence[str]) -> list[str]:
    """Expand folders into the articles and fact sheets they hold; keep files and URLs as given.

    Files are not checked here: a missing one fails on its own when generated, so that one bad name
    among many does not stop the others. Duplicates are dropped, first place kept.

    Raises:
        QuizError: a folder holds no article or fact sheet.
    """
    found: dict[str, None] = {}
    for source in sources:
        if not is_url(source) and Path(source).is_dir():
            folder = Path(source)
            inside = sorted(
                entry
                for entry in folder.iterdir()
                if entry.is_file()
                and not entry.name.startswith(".")
                and entry.suffix.lower() in ARTICLE_SUFFIXES + FACT_SHEET_SUFFIXES
            )
            if not inside:
                raise QuizError(
                    "no articles (.txt, .md, .html) or fact sheets (.yaml) in this folder",
                    path=source,
                )
            for entry in inside:
                found.setdefault(str(entry), None)
        else:
            found.setdefault(source, None)
    return list(found)


def read_facts(source: str) -> tuple[Article, list[Any]]:
    """Read one source: an article (its facts extracted) or a fact sheet (its facts as given).

    Raises:
        QuizError: the source cannot be read.
    """
    if is_fact_sheet(source):
        from quiz.generate.factsheet import read_fact_sheet

        return read_fact_sheet(Path(source))
    from quiz.generate.article import read_source

    article = read_source(source)
    # The pipeline pulls in spaCy (about a second and a half): import it only once the source has
    # been read, so that a bad file fails at once.
    from quiz.generate.pipeline import extract_facts

    return article, list(extract_facts(article))


def generate_source(source: str, options: GenerateOptions) -> Deck:
    """Read one source and make its deck, entirely in memory.

    Raises:
        QuizError: the source cannot be read, or yields no question.
    """
    article, facts = read_facts(source)
    return _make_deck(source, article, facts, options)


def generate_with_reference(source: str, options: GenerateOptions) -> Generated:
    """`generate_source`, and with `--max` the deck made without it too (`Generated.reference`).

    Raises:
        QuizError: the source cannot be read, or yields no question.
    """
    if options.max_questions is None:
        return Generated(generate_source(source, options))
    article, facts = read_facts(source)
    deck = _make_deck(source, article, facts, options)
    # The deck of the default size: the questions an earlier run most likely made, rendered as it
    # made them. Then, for a deck once made with a larger --max, every other question the
    # generator can make (their options may differ: an edit is then assumed, and they are kept).
    usual = _make_deck(source, article, facts, replace(options, max_questions=None))
    everything = _make_deck(source, article, facts, replace(options, max_questions=_EVERY))
    known = {question.id for question in usual.questions}
    extra = tuple(question for question in everything.questions if question.id not in known)
    return Generated(deck, reference=replace(usual, questions=usual.questions + extra))


_EVERY: Final = 100_000
"""A --max no article reaches: every question the generator can make."""


def _make_deck(source: str, article: Article, facts: list[Any], options: GenerateOptions) -> Deck:
    from quiz.generate.pipeline import make_deck

    # The title is shown on terminals and in Anki: no escape sequences or control characters,
    # whatever the article or fact sheet held.
    article = replace(article, title=without_controls(article.title))
    deck = make_deck(
        article,
        facts,
        seed=options.seed,
        max_questions=options.max_questions,
        templates=options.templates,
        anchored=not is_fact_sheet(source),
    )
    if not deck.questions and not facts:
        raise QuizError(
            "no questions could be made: no usable facts (dates, numbers, names, places, "
            "organisations, quotes) were found in the text",
            path=source,
        )
    if not deck.questions:
        raise QuizError(
            f"no questions could be made: none of the {len(facts)} facts found gave a question "
            "that reads well and says who or what it is about",
            path=source,
        )
    return deck


def run_one(generate: GenerateFn, source: str, options: GenerateOptions) -> Outcome:
    """Generate one source, turning any failure into an Outcome (runs in workers too)."""
    try:
        made = generate(source, options)
        if isinstance(made, Generated):
            return Outcome(source=source, deck=made.deck, reference=made.reference)
        return Outcome(source=source, deck=made)
    except QuizError as error:
        return Outcome(source=source, message=error.message, path=error.path, line=error.line)
    except Exception as error:  # a bug: keep the traceback, but let the other sources finish
        return Outcome(
            source=source,
            message=f"unexpected error: {type(error).__name__}: {error}",
            path=source,
            details=traceback.format_exc(),
        )


def choose_workers(requested: int | None, count: int) -> int:
    """How many processes to use for `count` sources: as asked, else one per CPU (at most 8) from
    4 sources on.

    Raises:
        QuizError: `requested` is below 1.
    """
    if requested is not None:
        if requested < 1:
            raise QuizError(f"--workers must be at least 1, not {requested}")
        return max(1, min(requested, count))
    if count < MIN_SOURCES_FOR_WORKERS:
        return 1
    return max(1, min(_cpu_count(), count, MAX_DEFAULT_WORKERS))


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle: it cancels what is queued and reports once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def iter_outcomes(
    sources: Sequence[str],
    options: GenerateOptions,
    *,
    generate: GenerateFn = generate_source,
    workers: int = 1,
) -> Iterator[Outcome]:
    """Generate every source and yield the outcomes in the order of `sources`.

    With `workers` > 1 the sources run in that many processes (started with "spawn", so they work
    the same on every platform); each keeps its language model loaded between sources. An outcome
    is yielded as soon as it and all the sources before it are done.
    """
    if workers <= 1 or len(sources) <= 1:
        for source in sources:
            yield run_one(generate, source, options)
        return
    # Imported here: multiprocessing costs start-up time that one-source runs do not need.
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    from multiprocessing import get_context

    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=_worker_init
    )
    try:
        pending: dict[Future[Outcome], int] = {
            executor.submit(run_one, generate, source, options): index
            for index, source in enumerate(sources)
        }
        done: dict[int, Outcome] = {}
        next_index = 0
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                index = pending.pop(future)
                try:
                    done[index] = future.result()
                except BrokenProcessPool:
                    done[index] = Outcome(
                        source=sources[index],
                        message="the worker process stopped unexpectedly (out of memory?); "
                        "try again with --workers 1",
                        path=sources[index],
                    )
            while next_index in done:
                yield done.pop(next_index)
                next_index += 1
    except BaseException:  # Ctrl-C, or the caller stopped early: don't wait for running sources
        _stop_workers(executor)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    # Before 3.14 the pool has no public way to stop running tasks. Its processes are private,
    # and shutdown() forgets them: take them first.
    processes: dict[int, Any] = dict(getattr(executor, "_processes", None) or {})
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        process.terminate()
    for process in processes.values():
        process.join()


@dataclass(frozen=True, slots=True)
class Saved:
    """What saving a generated deck did."""

    path: Path
    deck: Deck
    """The deck as written (after merging the user's edits)."""
    merge: MergeSummary = field(default_factory=MergeSummary)
    unchanged: bool = False
    """The file already held exactly this deck and was left alone."""
    replaced_invalid: bool = False
    """With `fresh`, the target held something that is not a valid deck and was replaced."""


def deck_path(deck: Deck, out_dir: Path) -> Path:
    """Where a deck goes in `out_dir`: `<deck id>.yaml`."""
    name = deck.id if deck.id == slugify(deck.id) else slugify(deck.id)
    return out_dir / f"{name}.yaml"


def save_deck(
    generated: Deck, target: Path, *, fresh: bool = False, reference: Deck | None = None
) -> Saved:
    """Write `generated` to `target` atomically, keeping the edits of the deck already there.

    Args:
        generated: the deck the generator made.
        target: the deck file to write; its folder is created if needed.
        fresh: replace an existing file instead of merging with it.
        reference: with `--max`, the deck made without it: edited questions the cap leaves out
            are kept (see `quiz.generate.merge`).

    Raises:
        QuizError: the existing file is not a valid deck, or holds another deck (without `fresh`),
            or the file cannot be written. The existing file is then left as it was.
    """
    from quiz.decks import dump_deck, read_deck, write_deck
    from quiz.files import write_target
    from quiz.paths import cache_dir

    write_target(target)  # a folder, device or pipe is refused before anything is read from it
    deck, summary, replaced_invalid = generated, MergeSummary(), False
    old_bytes: bytes | None = None
    if target.exists():
        try:
            existing = read_deck(target)
            old_bytes = target.read_bytes()
        except (QuizError, OSError) as error:
            if not fresh:
                problem = error if isinstance(error, QuizError) else QuizError(_reason(error))
                raise QuizError(
                    f"{problem.message}; this file is not a valid deck, so it was left alone: "
                    "fix it, or use --fresh to replace it",
                    path=problem.path or target,
                    line=problem.line,
                ) from error
            replaced_invalid = True
        else:
            if not fresh:
                if existing.id != generated.id:
                    raise QuizError(
                        f"holds the deck '{existing.id}', not '{generated.id}'; write to another "
                        "file, or use --fresh to replace it",
                        path=target,
                    )
                if not same_article(existing.source, generated.source):
                    raise QuizError(
                        f"holds the deck made from {_origin(existing.source)}, not from "
                        f"{_origin(generated.source)}; write to another file with -o, or use "
                        "--fresh to replace it",
                        path=target,
                    )
                deck = merge_edits(generated, existing, reference=reference)
                summary = summarise_merge(generated, existing, reference=reference)
    if old_bytes is not None and old_bytes == dump_deck(deck).encode("utf-8"):
        return Saved(path=target, deck=deck, merge=summary, unchanged=True)
    try:
        write_deck(deck, target, cache_dir=cache_dir())
    except OSError as error:
        raise QuizError(f"cannot write the deck: {_reason(error)}", path=target) from error
    return Saved(path=target, deck=deck, merge=summary, replaced_invalid=replaced_invalid)


def same_article(existing: DeckSource, generated: DeckSource) -> bool:
    """Whether a deck file made from `existing` may be merged with one made from `generated`.

    Two articles with the same title make decks with the same id; merging one into the other
    would drop the first one's questions. The sources tell them apart: the same URL, or files of
    the same name (the folder may differ with the working directory). A deck that names no
    source (written by hand) is taken as the same.
    """
    if not (existing.url or existing.file):
        return True
    if existing.url and existing.url == generated.url:
        return True
    if existing.file and generated.file:
        return PurePath(existing.file).name == PurePath(generated.file).name
    return False


def _origin(source: DeckSource) -> str:
    return source.file or source.url or "no named source"


def _reason(error: OSError) -> str:
    return f"cannot read: {error.strerror or error}"
