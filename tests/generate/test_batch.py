"""Finding sources, running the generator over many of them, saving decks without losing edits."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Generator
from dataclasses import replace
from pathlib import Path

import pytest

from quiz.decks import dump_deck, read_deck
from quiz.errors import QuizError
from quiz.generate import batch
from quiz.generate.batch import Generated, GenerateOptions, Outcome
from quiz.model import Deck, DeckSource, Question, SourceRef, slugify


def fake_generate(source: str, options: GenerateOptions) -> Deck:
    """A stand-in generator: the first line is the title, each other line `prompt = answer`."""
    path = Path(source)
    if not path.is_file():
        raise QuizError("no such file", path=source)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        raise QuizError("the file is empty", path=source)
    if lines[0] == "crash":
        raise RuntimeError("a bug")
    if lines[0] == "stuck":
        time.sleep(600)
    if lines[0] == "die":
        os._exit(9)
    questions = []
    for number, line in enumerate(lines[1:], start=1):
        prompt, _, answer = line.partition("=")
        questions.append(
            Question(
                id=f"q-{number}-{options.seed}",
                kind="short",
                prompt=prompt.strip(),
                answer=answer.strip(),
                fact="number",
                source=SourceRef(sentence=line, paragraph=number),
            )
        )
    questions = questions[: options.max_questions]
    return Deck(
        id=slugify(lines[0]),
        title=lines[0],
        questions=tuple(questions),
        source=DeckSource(title=lines[0], file=source),
    )


def fake_generate_with_reference(source: str, options: GenerateOptions) -> Generated:
    """The stand-in generator as `batch.generate_with_reference`: with `--max`, the deck made
    without it comes along."""
    deck = fake_generate(source, options)
    if options.max_questions is None:
        return Generated(deck)
    return Generated(deck, reference=fake_generate(source, replace(options, max_questions=None)))


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


# Finding sources -------------------------------------------------------------------------------


def test_a_folder_stands_for_its_articles_and_fact_sheets_sorted(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "d.htm", "e.yaml", "f.yml", "g.markdown"):
        write(tmp_path / name, "x")
    for name in ("notes.pdf", ".hidden.md", "sub/deep.md"):
        write(tmp_path / name, "x")
    found = batch.find_sources([str(tmp_path)])
    names = ["a.txt", "b.md", "c.html", "d.htm", "e.yaml", "f.yml", "g.markdown"]
    assert found == [str(tmp_path / name) for name in names]


def test_files_and_urls_are_kept_as_given_and_duplicates_dropped(tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "x")
    sources = ["https://example.org/a", article, "missing.txt", article]
    assert batch.find_sources(sources) == ["https://example.org/a", article, "missing.txt"]


def test_a_folder_without_sources_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.pdf", "x")
    with pytest.raises(QuizError, match="no articles") as caught:
        batch.find_sources([str(tmp_path)])
    assert caught.value.path == str(tmp_path)


@pytest.mark.parametrize(
    ("source", "url", "sheet"),
    [
        ("https://example.org/x.yaml", True, False),
        ("HTTP://example.org", True, False),
        ("facts.YAML", False, True),
        ("facts.yml", False, True),
        ("article.md", False, False),
        ("httpdocs/a.md", False, False),
    ],
)
def test_kinds_of_source(source: str, url: bool, sheet: bool) -> None:
    assert batch.is_url(source) is url
    assert batch.is_fact_sheet(source) is sheet


# Workers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requested", "count", "expected"),
    [(None, 1, 1), (None, 3, 1), (1, 10, 1), (3, 2, 2), (2, 100, 2)],
)
def test_choose_workers(requested: int | None, count: int, expected: int) -> None:
    assert batch.choose_workers(requested, count) == expected


def test_from_four_sources_there_is_a_worker_per_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_cpu_count", lambda: 8)
    assert batch.choose_workers(None, 4) == 4
    assert batch.choose_workers(None, 50) == 8
    monkeypatch.setattr(batch, "_cpu_count", lambda: 64)
    assert batch.choose_workers(None, 50) == batch.MAX_DEFAULT_WORKERS == 8
    assert batch.choose_workers(20, 50) == 20


def test_workers_below_one_are_refused() -> None:
    with pytest.raises(QuizError, match="--workers must be at least 1"):
        batch.choose_workers(0, 3)


# Running ---------------------------------------------------------------------------------------


def test_a_failure_is_recorded_and_the_others_go_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.md", "Good\nq = a\n")
    empty = write(tmp_path / "empty.md", "")
    outcomes = list(batch.iter_outcomes([empty, good], GenerateOptions(), generate=fake_generate))
    assert [outcome.source for outcome in outcomes] == [empty, good]
    assert outcomes[0].deck is None
    assert outcomes[0].describe_failure() == f"{empty}: the file is empty"
    assert outcomes[0].error.path == empty
    assert outcomes[1].deck is not None and outcomes[1].ok


def test_an_unexpected_error_keeps_its_traceback(tmp_path: Path) -> None:
    source = write(tmp_path / "crash.md", "crash\n")
    outcome = batch.run_one(fake_generate, source, GenerateOptions())
    assert not outcome.ok
    assert "RuntimeError: a bug" in outcome.message
    assert "Traceback" in outcome.details


def test_options_reach_the_generator(tmp_path: Path) -> None:
    source = write(tmp_path / "a.md", "A\none = 1\ntwo = 2\nthree = 3\n")
    (outcome,) = batch.iter_outcomes(
        [source], GenerateOptions(seed=7, max_questions=2), generate=fake_generate
    )
    assert outcome.deck is not None
    assert [question.id for question in outcome.deck.questions] == ["q-1-7", "q-2-7"]


def test_worker_processes_give_the_same_outcomes_in_the_same_order(tmp_path: Path) -> None:
    sources = [write(tmp_path / f"{n}.md", f"Deck {n}\nq{n} = {n}\n") for n in range(5)]
    sources.insert(2, str(tmp_path / "missing.md"))
    alone = list(batch.iter_outcomes(sources, GenerateOptions(), generate=fake_generate))
    shared = list(
        batch.iter_outcomes(sources, GenerateOptions(), generate=fake_generate, workers=2)
    )
    assert shared == alone
    assert [outcome.ok for outcome in shared] == [True, True, False, True, True, True]


def test_a_dying_worker_fails_its_source_not_the_run(tmp_path: Path) -> None:
    sources = [write(tmp_path / "a.md", "A\nq = a\n"), write(tmp_path / "b.md", "die\n")]
    outcomes = list(
        batch.iter_outcomes(sources, GenerateOptions(), generate=fake_generate, workers=2)
    )
    assert [outcome.source for outcome in outcomes] == sources
    assert "worker process stopped unexpectedly" in outcomes[1].message
    assert outcomes[1].path == sources[1]


def test_stopping_early_stops_the_workers_at_once(tmp_path: Path) -> None:
    quick = write(tmp_path / "quick.md", "Quick\nq = a\n")
    stuck = [write(tmp_path / f"stuck{n}.md", "stuck\n") for n in range(3)]
    outcomes = batch.iter_outcomes(
        [quick, *stuck], GenerateOptions(), generate=fake_generate, workers=2
    )
    assert isinstance(outcomes, Generator)  # so it can be closed, as a for loop's Ctrl-C does
    assert next(outcomes).source == quick
    started = time.monotonic()
    outcomes.close()  # what Ctrl-C does; without stopping the workers this would hang
    # The stuck sources sleep for 600 s: workers still alive after a few seconds were not stopped.
    # (A worker the pool started just before the stop may take a moment to go on a busy machine.)
    while multiprocessing.active_children() and time.monotonic() - started < 10:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []
    assert time.monotonic() - started < 10


# Saving ----------------------------------------------------------------------------------------


def make_deck(tmp_path: Path, text: str = "Harbour\nq = a\nr = b\n") -> Deck:
    return fake_generate(write(tmp_path / "article.md", text), GenerateOptions())


def test_deck_path_is_the_deck_id_in_the_folder(tmp_path: Path) -> None:
    deck = make_deck(tmp_path)
    assert batch.deck_path(deck, tmp_path / "out") == tmp_path / "out" / "harbour.yaml"
    odd = Deck(id="../Up There", title="x")
    assert batch.deck_path(odd, tmp_path) == tmp_path / "up-there.yaml"


def test_save_writes_a_new_deck_and_creates_the_folder(tmp_path: Path) -> None:
    deck = make_deck(tmp_path)
    target = tmp_path / "new" / "folder" / "harbour.yaml"
    saved = batch.save_deck(deck, target)
    assert not saved.unchanged
    assert target.read_text(encoding="utf-8") == dump_deck(deck)
    assert read_deck(target) == deck
    assert [p.name for p in target.parent.iterdir()] == ["harbour.yaml"]  # no temporary left


def test_save_leaves_an_identical_file_alone(tmp_path: Path) -> None:
    deck = make_deck(tmp_path)
    target = tmp_path / "harbour.yaml"
    batch.save_deck(deck, target)
    before = target.stat().st_mtime_ns
    assert batch.save_deck(deck, target).unchanged
    assert target.stat().st_mtime_ns == before


def test_save_keeps_the_users_edits(tmp_path: Path) -> None:
    deck = make_deck(tmp_path)
    target = tmp_path / "harbour.yaml"
    batch.save_deck(deck, target)
    edited = target.read_text(encoding="utf-8").replace("prompt: q", "prompt: My own prompt?")
    target.write_text(edited, encoding="utf-8")
    saved = batch.save_deck(deck, target)
    assert saved.merge.edited == 1
    assert read_deck(target).questions[0].prompt == "My own prompt?"
    assert batch.save_deck(deck, target, fresh=True).merge.edited == 0
    assert read_deck(target) == deck


def test_save_refuses_to_replace_an_invalid_deck(tmp_path: Path) -> None:
    deck = make_deck(tmp_path)
    target = tmp_path / "harbour.yaml"
    target.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuizError, match="--fresh") as caught:
        batch.save_deck(deck, target)
    assert caught.value.path == str(target)
    assert caught.value.line is not None
    assert target.read_text(encoding="utf-8") == "title: [unclosed\n"
    saved = batch.save_deck(deck, target, fresh=True)
    assert saved.replaced_invalid
    assert read_deck(target) == deck


def test_save_refuses_a_binary_file_in_the_way(tmp_path: Path) -> None:
    target = tmp_path / "harbour.yaml"
    target.write_bytes(b"\x00\x01\x02")
    with pytest.raises(QuizError, match="left alone"):
        batch.save_deck(make_deck(tmp_path), target)
    assert target.read_bytes() == b"\x00\x01\x02"


def test_save_refuses_to_merge_into_another_deck(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    other = make_deck(tmp_path, "Something else\nx = y\n")
    batch.save_deck(other, target)
    before = target.read_bytes()
    with pytest.raises(QuizError, match="holds the deck 'something-else', not 'harbour'"):
        batch.save_deck(make_deck(tmp_path), target)
    assert target.read_bytes() == before


def test_save_refuses_a_folder_as_target(tmp_path: Path) -> None:
    (tmp_path / "harbour.yaml").mkdir()
    with pytest.raises(QuizError, match="is a folder"):
        batch.save_deck(make_deck(tmp_path), tmp_path / "harbour.yaml")


def test_outcome_failure_line_names_file_and_line() -> None:
    outcome = Outcome(source="a.yaml", message="bad\nthing", path="a.yaml", line=3)
    assert outcome.describe_failure() == "a.yaml:3: bad thing"


def test_save_refuses_to_merge_a_different_article_with_the_same_title(tmp_path: Path) -> None:
    target = tmp_path / "harbour.yaml"
    first = fake_generate(write(tmp_path / "one.md", "Harbour\nq = a\n"), GenerateOptions())
    second = fake_generate(write(tmp_path / "two.md", "Harbour\nr = b\n"), GenerateOptions())
    batch.save_deck(first, target)
    before = target.read_bytes()
    with pytest.raises(QuizError, match="made from .*one.md, not from .*two.md"):
        batch.save_deck(second, target)
    assert target.read_bytes() == before
    batch.save_deck(second, target, fresh=True)
    assert read_deck(target) == second


@pytest.mark.parametrize(
    ("existing", "generated", "same"),
    [
        (DeckSource(), DeckSource(file="a.md"), True),
        (DeckSource(title="Hand-made"), DeckSource(url="https://x.org/a"), True),
        (DeckSource(file="content/a.md"), DeckSource(file="/home/me/content/a.md"), True),
        (DeckSource(file="content/a.md"), DeckSource(file="content/b.md"), False),
        (DeckSource(url="https://x.org/a"), DeckSource(url="https://x.org/a"), True),
        (DeckSource(url="https://x.org/a"), DeckSource(url="https://x.org/b"), False),
        (DeckSource(url="https://x.org/a"), DeckSource(file="a.html", url="https://x.org/a"), True),
        (DeckSource(url="https://x.org/a"), DeckSource(file="a.html"), False),
        (DeckSource(file="a.html"), DeckSource(url="https://x.org/a"), False),
    ],
)
def test_same_article(existing: DeckSource, generated: DeckSource, same: bool) -> None:
    assert batch.same_article(existing, generated) is same
