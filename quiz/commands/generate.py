"""`quiz generate` and `quiz facts`: the command-line edge of the deck generator.

`quiz generate SOURCE...` makes one deck per source and writes it to `-o FILE` (one source) or to
`OUT_DIR/<deck id>.yaml` (default `./decks`), keeping the user's edits in a deck already there.
`quiz facts SOURCE` lists the facts the generator finds. spaCy is imported only once a source is
actually generated.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quiz.errors import EXIT_USER_ERROR, QuizError, printable, printable_json
from quiz.generate import batch
from quiz.generate.batch import Generated, GenerateOptions, Outcome, Saved
from quiz.model import FACT_TYPES

DEFAULT_OUT_DIR = Path("decks")
"""Where decks go without -o or --out-dir."""
EXIT_BUG = 1
"""Exit status when a source failed with an unexpected error (a bug, reported with its traceback)."""


def run_generate(args: argparse.Namespace) -> int:
    """Run `quiz generate`; returns the exit status (2 when any source failed)."""
    if args.max is not None and args.max < 1:
        raise QuizError(f"--max must be at least 1, not {args.max}")
    templates: Path | None = args.templates
    if templates is not None:
        if not templates.is_file():
            raise QuizError("no such templates file", path=templates)
        from quiz.generate.templates import load_templates

        load_templates(templates)  # a bad file fails once here, not once per source
    options = GenerateOptions(seed=args.seed, max_questions=args.max, templates=templates)
    sources = batch.find_sources(args.sources)
    output: Path | None = args.output
    if output is not None and len(sources) != 1:
        raise QuizError(
            f"-o writes one deck, but {len(sources)} sources were given; use --out-dir DIR for several"
        )
    out_dir: Path = args.out_dir if args.out_dir is not None else DEFAULT_OUT_DIR
    workers = batch.choose_workers(args.workers, len(sources))
    if len(sources) == 1:
        return _generate_one(sources[0], options, output=output, out_dir=out_dir, fresh=args.fresh)
    return _generate_many(sources, options, out_dir=out_dir, workers=workers, fresh=args.fresh)


def _generate_one(
    source: str, options: GenerateOptions, *, output: Path | None, out_dir: Path, fresh: bool
) -> int:
    # A lone source fails the usual way: its QuizError is the one line the user sees.
    if output is not None:
        _refuse_overwriting_source(output, _source_files([source]))
    made = _generate_fn(options)(source, options)
    deck, reference = (made.deck, made.reference) if isinstance(made, Generated) else (made, None)
    target = output if output is not None else batch.deck_path(deck, out_dir)
    _refuse_overwriting_source(target, _source_files([source]))
    saved = batch.save_deck(deck, target, fresh=fresh, reference=reference)
    _report_saved(saved)
    return 0


def _generate_many(
    sources: Sequence[str], options: GenerateOptions, *, out_dir: Path, workers: int, fresh: bool
) -> int:
    bar = ProgressBar(len(sources), sys.stderr) if sys.stderr.isatty() else None
    failures: list[Outcome] = []
    claimed: dict[Path, str] = {}
    source_files = _source_files(sources)
    written = unchanged = 0
    if bar is not None:
        bar.show()
    try:
        for outcome in batch.iter_outcomes(
            sources, options, generate=_generate_fn(options), workers=workers
        ):
            if bar is not None:
                bar.advance(outcome.source)
            if outcome.deck is None:
                failures.append(outcome)
                continue
            target = batch.deck_path(outcome.deck, out_dir)
            try:
                key = target.resolve()
                if key in claimed:
                    raise QuizError(
                        f"makes the same deck file as {claimed[key]} ({target}); generate it on "
                        "its own with -o FILE",
                        path=outcome.source,
                    )
                claimed[key] = outcome.source
                _refuse_overwriting_source(target, source_files)
                saved = batch.save_deck(
                    outcome.deck, target, fresh=fresh, reference=outcome.reference
                )
            except QuizError as error:
                failures.append(
                    Outcome(
                        source=outcome.source,
                        message=error.message,
                        path=error.path,
                        line=error.line,
                    )
                )
                continue
            if bar is not None:
                bar.clear()
            _report_saved(saved)
            if bar is not None:
                bar.show(outcome.source)
            if saved.unchanged:
                unchanged += 1
            else:
                written += 1
    finally:
        if bar is not None:
            bar.clear()
    return _summarise(written=written, unchanged=unchanged, failures=failures)


def _generate_fn(options: GenerateOptions) -> batch.GenerateFn:
    # With --max, the deck made without it comes along: edits the cap leaves out are kept.
    if options.max_questions is None:
        return batch.generate_source
    return batch.generate_with_reference


def _source_files(sources: Sequence[str]) -> frozenset[Path]:
    """The resolved paths of the file sources, computed once per run."""
    return frozenset(Path(source).resolve() for source in sources if not batch.is_url(source))


def _refuse_overwriting_source(target: Path, source_files: frozenset[Path]) -> None:
    if target.resolve() in source_files:
        raise QuizError("is a source of this run; write the deck to another file", path=target)


def _report_saved(saved: Saved) -> None:
    count = len(saved.deck.questions)
    details = [f"{count} question{'' if count == 1 else 's'}"]
    merged = saved.merge.describe()
    if merged:
        details.append(merged)
    verb = "unchanged" if saved.unchanged else "wrote"
    print(printable(f"{verb} {saved.path} ({'; '.join(details)})"))
    if saved.replaced_invalid:
        print(
            printable(f"quiz: {saved.path}: replaced a file that was not a valid deck"),
            file=sys.stderr,
        )


def _summarise(*, written: int, unchanged: int, failures: Sequence[Outcome]) -> int:
    parts = [f"{written} deck{'' if written == 1 else 's'} written"]
    if unchanged:
        parts.append(f"{unchanged} unchanged")
    if failures:
        parts.append(f"{len(failures)} failed")
    print(f"quiz: {', '.join(parts)}", file=sys.stderr)
    for failure in failures:
        print(f"quiz: {failure.describe_failure()}", file=sys.stderr)
    for failure in failures:
        if failure.details:
            print(printable(failure.details), file=sys.stderr, end="")
    if any(failure.details for failure in failures):
        return EXIT_BUG
    return EXIT_USER_ERROR if failures else 0


class ProgressBar:
    """A one-line progress bar redrawn in place on a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.shown = False

    def show(self, label: str = "") -> None:
        """Draw the bar as it stands."""
        width = shutil.get_terminal_size((80, 24)).columns
        filled = 24 * self.done // max(self.total, 1)
        # The label is a file name or URL: sanitised like error lines, on one line.
        label = printable(" ".join(label.split()))
        line = f"[{'#' * filled}{'-' * (24 - filled)}] {self.done}/{self.total} {label}"
        self.stream.write("\r" + line[: max(width - 1, 10)] + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def advance(self, label: str) -> None:
        """Count one more source done and redraw."""
        self.done += 1
        self.show(label)

    def clear(self) -> None:
        """Erase the bar so that other output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def run_facts(args: argparse.Namespace) -> int:
    """Run `quiz facts`: print the facts found in one source, as a table or as JSON."""
    source: str = args.source
    _, facts = batch.read_facts(source)
    from quiz.generate.pipeline import fact_to_dict

    rows = [fact_to_dict(fact) for fact in facts]
    if args.json:
        print(printable_json(json.dumps(rows, ensure_ascii=False, indent=2)))
        return 0
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    print(printable(format_facts(rows, source=source, width=width)), end="")
    return 0


def format_facts(
    rows: Sequence[dict[str, object]], *, source: str, width: int | None = None
) -> str:
    """The facts as a readable table grouped by type, in the order of FACT_TYPES.

    Each row shows the answer, its detail (date granularity, entity label...), the paragraph
    and the sentence; lines are cut to `width` when it is given.
    """
    if not rows:
        return f"no facts found in {source}\n"
    groups: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        groups.setdefault(str(row.get("type", "")), []).append(row)
    order = [kind for kind in FACT_TYPES if kind in groups]
    order += sorted(kind for kind in groups if kind not in FACT_TYPES)
    lines: list[str] = []
    for kind in order:
        members = groups[kind]
        lines.append(f"{kind} ({len(members)})")
        answers = [_answer_cell(row) for row in members]
        column = min(max(len(answer) for answer in answers), 36)
        for row, answer in zip(members, answers, strict=True):
            paragraph = row.get("paragraph")
            where = f"¶{paragraph}" if paragraph else "bio"
            sentence = " ".join(str(row.get("sentence", "")).split())
            line = f"  {answer:<{column}}  {where:>4}  {sentence}"
            if width is not None and len(line) > width:
                line = line[: max(width - 1, 20)] + "…"
            lines.append(line)
        lines.append("")
    return "\n".join(lines)


def _answer_cell(row: dict[str, object]) -> str:
    answer = " ".join(str(row.get("answer") or row.get("value") or "").split())
    detail = str(row.get("detail") or "")
    return f"{answer} [{detail}]" if detail else answer
