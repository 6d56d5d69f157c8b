"""What the commands print from files, pages and file names reaches the terminal sanitised.

Escape sequences (window title, clipboard, clear screen), other control characters and bidi
overrides show as visible codes, through the same `printable` as error lines; JSON stays valid and
means the same.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.errors import printable_json
from quiz.generate import batch
from quiz.generate.facts import Fact
from quiz.model import Article

ESCAPES = "\x1b]0;PWNED\x07\x1b]52;c;UFdORUQ=\x07\x1b[2J\x9b31m\u202e"
"""OSC 0 title, OSC 52 clipboard, CSI clear, the 8-bit CSI and a right-to-left override."""

RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def article() -> Article:
    return Article(
        title=f"Harbour{ESCAPES}",
        paragraphs=(f"The harbour opened in 1997.{ESCAPES}",),
        authors=(f"Mara{ESCAPES}",),
        file="harbour.md",
    )


@pytest.fixture
def hostile_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader as it would be if it kept control characters (the printing edge must not rely
    on the reader to remove them)."""
    import quiz.commands.read as read_command

    monkeypatch.setattr(read_command, "read_source", lambda source, **options: article())
    fact = Fact(
        type="date",
        answer=f"1997{ESCAPES}",
        sentence=f"The harbour opened in 1997.{ESCAPES}",
        paragraph=1,
        detail=f"year{ESCAPES}",
    )
    monkeypatch.setattr(batch, "read_facts", lambda source: (article(), [fact]))


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "harbour.md"],
        ["read", "harbour.md", "--json"],
        ["facts", "harbour.md"],
        ["facts", "harbour.md", "--json"],
    ],
)
def test_read_and_facts_print_no_raw_controls(
    hostile_reader: None, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    for char in RAW:
        assert char not in out
    if "--json" in argv:
        data = json.loads(out)  # still JSON, and the same text once parsed
        assert any(ESCAPES in text for text in _strings(data))
    else:
        assert "\\x1b]0;PWNED\\x07" in out


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return []


def test_read_of_a_text_file_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    escapes = "\x1b]0;PWNED\x07\x1b[2J"  # the reader takes many controls for a binary file
    path.write_text(
        f"Harbour news{escapes}\n\nThe council voted on Tuesday to rebuild the seawall before "
        "the winter storms arrive. The works will cost 4 million euros and take two years, "
        f"the mayor said.{escapes}\n",
        encoding="utf-8",
    )
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in RAW)
    assert "seawall" in out


def test_printable_json_keeps_the_same_strings() -> None:
    value = {"t": f"a{ESCAPES}b\u200fé"}
    text = printable_json(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value
    assert not any(char in text for char in RAW)
    assert "é" in text
