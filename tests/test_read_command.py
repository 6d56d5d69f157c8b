"""`quiz read SOURCE [--json]` through the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.cli import main

DATA = Path(__file__).parent / "data" / "articles"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_d73ef1872804ed67.txt"


def test_read_prints_header_numbered_paragraphs_and_bios(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = str(DATA / "clutter.txt")
    assert main(["read", source]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "City library reopens after flood repairs"
    assert lines[1] == "Authors:   Ana Lindgren"
    assert lines[2] == "Published: 2023-03-03"
    assert lines[3] == f"Source:    {source}"
    numbered = [line for line in lines if line.startswith("[") and not line.startswith("[bio]")]
    assert [line.split("]")[0] + "]" for line in numbered] == ["[1]", "[2]", "[3]", "[4]"]
    assert numbered[0].startswith("[1] The central library of Norrhamn reopened on Saturday")
    assert lines[-1] == "[bio] Ana Lindgren is a Senior Correspondent for the Norrhamn Courier."
    assert "Advertisement" not in out and "cookies" not in out


def test_read_json(capsys: pytest.CaptureFixture[str]) -> None:
    source = str(DATA / "harbour.html")
    assert main(["read", source, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "title",
        "authors",
        "published",
        "url",
        "file",
        "language",
        "paragraphs",
        "bios",
        "blocks",
        "text",
    ]
    assert data["title"] == "Harbour town votes to rebuild its seawall"
    assert data["authors"] == ["Mara Quinlan"]
    assert data["published"] == "2024-03-14"
    assert data["url"] == "" and data["file"] == source
    assert len(data["paragraphs"]) == 6 and data["bios"] == []
    assert data["paragraphs"][2].startswith("“We cannot keep patching")


def test_read_json_unknown_date_is_null(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(DATA / "cafe-cp1252.html"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["published"] is None and data["authors"] == []


def test_read_unknown_metadata_in_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(DATA / "cafe-cp1252.html")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["Authors:   (unknown)", "Published: (unknown)"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.md", "no such file"),
        (lambda tmp: tmp, "folder"),
        (lambda tmp: _write(tmp / "empty.md", b""), "empty"),
        (lambda tmp: _write(tmp / "bin.txt", b"\x00\x01\x02binary"), "binary"),
        (lambda tmp: _write(tmp / "latin.txt", b"Title\ncaf\xe9\n"), "not UTF-8"),
        (lambda tmp: _write(tmp / "junk.md", b"Title\nAdvertisement\n"), "no article text"),
    ],
)
def test_read_errors_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], Path], message: str
) -> None:
    path = make(tmp_path)
    assert main(["read", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err
    assert err.count("\n") == 1 and err.startswith(f"quiz: {path}")
    assert message in err and "Traceback" not in err


def test_read_refuses_other_url_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", "ftp://example.org/story.txt"]) == 2
    assert capsys.readouterr().err.startswith("quiz: ftp://example.org/story.txt: ")


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not available")
def test_read_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["read", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == SEED.read_text(encoding="utf-8").strip().splitlines()[0]
    assert data["published"] == "2025-07-28"
    assert data["authors"] == ["Harsh V. Pant", "Aleksei Zakharov"]
    assert len(data["bios"]) == 2 and len(data["paragraphs"]) == 10


@pytest.mark.parametrize("article", sorted((ROOT / "content").glob("*.md")), ids=lambda p: p.name)
def test_sample_articles_read_with_full_metadata(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] and data["authors"] and data["published"]
    assert len(data["paragraphs"]) >= 8
    words = sum(len(paragraph.split()) for paragraph in data["paragraphs"])
    assert 550 <= words <= 1100


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_read_shows_headings_and_list_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "review.md"
    intro = "The league published its season review on Monday, covering every club."
    body = "The club won 11 of its 17 games and reached the second round."
    article.write_text(f"# Season review\n\n{intro}\n\n## Seattle\n\n{body}\n\n- 8,200 children\n")
    assert main(["read", str(article)]) == 0
    out = capsys.readouterr().out
    assert f"[1] {intro}\n\n## Seattle\n\n[2] {body}\n\n[3] • 8,200 children\n" in out
    assert main(["read", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"] == [intro, body, "8,200 children"]
    assert data["blocks"] == [
        {"kind": "paragraph", "text": intro, "heading": ""},
        {"kind": "heading", "text": "Seattle", "heading": "", "level": 2},
        {"kind": "paragraph", "text": body, "heading": "Seattle"},
        {"kind": "item", "text": "8,200 children", "heading": "Seattle"},
    ]
    assert data["text"] == f"{intro}\nSeattle\n{body}\n8,200 children"
