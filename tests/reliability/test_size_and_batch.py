"""Big inputs: a 10 MB article in bounded memory and linear time, a folder of 1,000 articles.

spaCy is replaced by a recording stand-in where only the plumbing is under test (how much text
reaches the model at once); one small real run keeps the stand-in honest.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.cli import main
from quiz.errors import QuizError
from quiz.generate import batch, nlp
from quiz.generate.article import read_source, read_text_article
from quiz.model import Deck, Question

WORDS = (
    "the harbour council voted on Tuesday to fund a wall costing 4 million pounds said Ann "
    "Author of the Dover Harbour Board in 1901 after storms broke the old pier"
).split()


def article_text(size: int, *, seed: int = 1, one_paragraph: bool = False) -> str:
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(5)
        ]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    separator = " " if one_paragraph else "\n\n"
    return "Harbour wall\n\n" + separator.join(paragraphs) + "\n"


class RecordingModel:
    """Stands in for the spaCy pipeline: records the longest text it is given."""

    def __init__(self) -> None:
        import spacy

        self.blank = spacy.blank("en")
        self.longest = 0
        self.texts = 0

    def pipe(self, items: Any, *, as_tuples: bool = False, batch_size: int = 0) -> Iterator[Any]:
        for text, context in items:
            self.longest = max(self.longest, len(text))
            self.texts += 1
            yield self.blank.make_doc("x"), context


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> RecordingModel:
    recording = RecordingModel()
    monkeypatch.setattr(nlp, "load_nlp", lambda: recording)
    return recording


@pytest.mark.parametrize("one_paragraph", [False, True], ids=["paragraphs", "one-paragraph"])
def test_the_model_never_gets_more_than_a_piece_at_once(
    tally: Any, model: RecordingModel, one_paragraph: bool
) -> None:
    from quiz.generate.pipeline import extract_facts

    article = read_text_article(article_text(2_000_000, one_paragraph=one_paragraph))
    tally.tried("size: 2 MB article (pipeline plumbing)")
    extract_facts(article)
    assert model.texts > 1
    assert model.longest <= nlp.MAX_PIECE_CHARS


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        read_text_article(text)
        best = min(best, time.process_time() - start)
    return best


def test_reading_time_grows_linearly(tally: Any) -> None:
    """Four times the text costs about four times the CPU (a loose ratio: quadratic would be 16)."""
    small, large = article_text(250_000, seed=2), article_text(1_000_000, seed=2)
    tally.tried("size: reader scaling", 2)
    ratio = cpu_seconds(large) / cpu_seconds(small)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the CPU time"


BIG_READ = """
    import json
    import resource
    import sys

    from quiz.generate import nlp
    from quiz.generate.article import read_source
    from quiz.generate.pipeline import extract_facts

    class Recording:
        def __init__(self):
            import spacy

            self.blank = spacy.blank("en")
            self.longest = 0

        def pipe(self, items, as_tuples=False, batch_size=0):
            for text, context in items:
                self.longest = max(self.longest, len(text))
                yield self.blank.make_doc("x"), context

    model = Recording()
    nlp.load_nlp = lambda: model
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    article = read_source(sys.argv[1], max_bytes=20_000_000)
    extract_facts(article)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"paragraphs": len(article.paragraphs), "longest": model.longest,
                      "grew_kb": after - before}))
"""


@pytest.mark.slow
def test_a_10_mb_article_is_read_in_bounded_memory(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    text = article_text(10_000_000, seed=3)
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(BIG_READ), str(path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    tally.tried("size: 10 MB article")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["paragraphs"] > 10_000
    assert report["longest"] <= nlp.MAX_PIECE_CHARS
    # The text itself is 10 MB (and 40 MB as a Python str at worst); 300 MB is generous.
    assert report["grew_kb"] < 300_000, report


def test_the_default_size_cap_refuses_a_bigger_file_with_a_message(
    tally: Any, tmp_path: Path
) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(article_text(6_000_000), encoding="utf-8")
    tally.tried("size: over the cap")
    result = tally.call("size: over the cap", read_source, str(path))
    assert isinstance(result, QuizError)
    assert "5,000,000" in str(result)


# ---------------------------------------------------------------------------- a folder of 1,000


def fake_generate(source: str, options: batch.GenerateOptions) -> Deck:
    """The real readers, then a one-question deck: the batch machinery without spaCy."""
    if batch.is_fact_sheet(source):
        from quiz.generate.factsheet import read_fact_sheet

        article, _facts = read_fact_sheet(Path(source))
    else:
        article = read_source(source)
    return Deck(
        id=Path(source).stem,
        title=article.title,
        questions=(
            Question(id="q-1", kind="basic", prompt=article.paragraphs[0], answer=article.title),
        ),
    )


BAD_FILES: dict[str, bytes] = {
    "0100-binary.txt": bytes(range(256)) * 8,
    "0200-latin1.md": "Caf\u00e9 society. The caf\u00e9 opened in 1901.".encode("latin-1"),
    "0300-empty.txt": b"",
    "0400-broken.yaml": b"title: [unclosed\nfacts:\n",
    "0500-no-text.html": b"<html><body><nav>Home</nav></body></html>",
    "0600-nul.md": b"Title\n\nThe wall\x00 was built.\n",
}


def test_a_folder_of_1000_articles_reports_every_failure_and_finishes(
    tally: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(1000 - len(BAD_FILES)):
        (folder / f"{n:04d}-story.txt").write_text(
            f"Story {n}\n\nThe harbour wall number {n} was finished in {1900 + n % 100}.\n",
            encoding="utf-8",
        )
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    monkeypatch.setattr(batch, "generate_source", fake_generate)
    # Durability is tested elsewhere (test_crash_safety); 2,000 fsyncs would only make this slow.
    monkeypatch.setattr("os.fsync", lambda descriptor: None)
    out = tmp_path / "decks"
    status = main(["generate", str(folder), "--out-dir", str(out), "--workers", "1"])
    tally.tried("batch: folder of 1,000", 1000)
    err = capsys.readouterr().err
    assert status == 2, err
    written = sorted(p.name for p in out.iterdir())
    tally.lost("batch: folder of 1,000", 1000 - len(BAD_FILES) - len(written))
    assert len(written) == 1000 - len(BAD_FILES)
    lines = err.splitlines()
    assert f"quiz: {1000 - len(BAD_FILES)} decks written, {len(BAD_FILES)} failed" in lines
    for name in BAD_FILES:
        mine = [line for line in lines if line.startswith(f"quiz: {folder / name}")]
        assert len(mine) == 1, (name, err[-3000:])
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_real_run_over_a_small_folder_with_bad_files(
    tally: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-harbour.md").write_text(
        "# Harbour wall\n\nThe Dover Harbour Board finished the wall in 1901. It cost 4 million "
        'pounds, said Ann Author, the board\'s chair. "It will stand for a century," she said.\n',
        encoding="utf-8",
    )
    (folder / "b-binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "c-empty.md").write_bytes(b"")
    out = tmp_path / "decks"
    status = main(["generate", str(folder), "--out-dir", str(out), "--workers", "1"])
    tally.tried("batch: real run", 3)
    err = capsys.readouterr().err
    assert status == 2, err
    assert len(list(out.glob("*.yaml"))) == 1
    assert "1 deck written, 2 failed" in err
    assert f"quiz: {folder / 'b-binary.txt'}: " in err
    assert f"quiz: {folder / 'c-empty.md'}: " in err


def test_saving_n_decks_costs_linear_work(
    tally: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The work of a run, in path resolutions, grows with the number of sources, not its square."""
    resolutions = 0
    real_resolve = Path.resolve

    def counting_resolve(self: Path, strict: bool = False) -> Path:
        nonlocal resolutions
        resolutions += 1
        return real_resolve(self, strict=strict)

    monkeypatch.setattr(batch, "generate_source", fake_generate)
    monkeypatch.setattr("os.fsync", lambda descriptor: None)
    monkeypatch.setattr(Path, "resolve", counting_resolve)
    work = []
    for count in (20, 80):
        folder = tmp_path / f"articles-{count}"
        folder.mkdir()
        for n in range(count):
            (folder / f"{n:04d}.txt").write_text(f"Story {n}\n\nThe wall {n} was built in 1901.\n")
        resolutions = 0
        out = str(tmp_path / f"out-{count}")
        assert main(["generate", str(folder), "--out-dir", out, "--workers", "1"]) == 0
        tally.tried("batch: work per deck", count)
        work.append(resolutions)
    capsys.readouterr()
    assert work[1] < 8 * work[0], f"4x the sources took {work[1] / work[0]:.0f}x the work"


# ------------------------------------------------------------------------ the whole pipeline

PIECES = [
    "The Dover Harbour Board (DHB) finished the wall in 1901.",
    'It cost 4.5 million pounds, said Ann Author. "A century of calm," she said.',
    "[bold]Markup[/] and \x1b]0;title\x07 escapes.",
    "<script>alert(1)</script>",
    "On 3 March 2024, 1,200 people met in Calais, France.",
    "# Heading",
    "- a list item",
    "By Ann Author",
    "{{c1::not a gap}} {{Front}}",
    "\u202eevil\u202c",
    "NATO, the UN and the EU agreed.",
    "",
]


@pytest.mark.slow
def test_the_whole_pipeline_lightly_fuzzed(tally: Any, tmp_path: Path) -> None:
    """Random articles of real and hostile sentences: a deck that loads back, or one QuizError."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from quiz.decks import dump_deck, parse_deck

    path = tmp_path / "article.md"

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map(" ".join), max_size=6))
    def run(paragraphs: list[str]) -> None:
        path.write_text("Title\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        deck = tally.call("whole pipeline (spaCy)", batch.generate_source, str(path), OPTIONS)
        if isinstance(deck, QuizError):
            assert "\n" not in str(deck)
            return
        again = parse_deck(dump_deck(deck), path="again.yaml")
        assert again == deck

    run()


OPTIONS = batch.GenerateOptions()
