"""Hostile text in a deck: shown literally, escaped in Anki, and never a way to drive the terminal.

The text comes from articles on the open web: Rich/Textual markup, ANSI and OSC escape sequences
(clear screen, window title, clipboard, hyperlinks), other control characters, bidi overrides,
HTML with scripts and event attributes, and Anki's own media syntax.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from quiz.decks import read_deck
from quiz.export.anki import write_apkg

TITLE_PAYLOAD = "\x1b]0;PWNED-TITLE\x07"
CLIPBOARD_PAYLOAD = "\x1b]52;c;UFdORUQtQ0xJUA==\x07"
HYPERLINK_PAYLOAD = "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\"
CLEAR = "\x1b[2J\x1b[3J"
BIDI = "\u202e"
MARKUP = "[bold]B[/] [@click=app.quit]Q[/] [link=file:///etc/passwd]L[/link] [/]"
SCRIPT = (
    '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">j</a>'
)
ANKI = "[sound:../../evil.mp3] {{Front}} {{c2::extra}}"

HOSTILE_DECK: dict[str, Any] = {
    "format": 1,
    "id": "hostile",
    "title": f"Hostile {TITLE_PAYLOAD}{MARKUP}",
    "source": {"title": f"Source {SCRIPT}", "url": "javascript:alert(3)"},
    "questions": [
        {
            "id": "h1",
            "kind": "basic",
            "prompt": f"Ask {CLEAR}{MARKUP} {BIDI}txet{TITLE_PAYLOAD} {SCRIPT}",
            "answer": f"Reply {CLIPBOARD_PAYLOAD}{HYPERLINK_PAYLOAD} {MARKUP} {SCRIPT} \x07\x00\x9b",
            "source": {"sentence": f"Said {SCRIPT} {ANKI} {TITLE_PAYLOAD}", "paragraph": 1},
        },
        {
            "id": "h2",
            "kind": "cloze",
            "prompt": f"Gap {SCRIPT} {{{{c1::<b onmouseover=alert(4)>x</b>{CLEAR}}}}} {MARKUP}",
        },
        {
            "id": "h3",
            "kind": "choice",
            "prompt": f"Pick {ANKI}",
            "answer": f"<svg onload=alert(5)>{TITLE_PAYLOAD}",
            "choices": [f"<svg onload=alert(5)>{TITLE_PAYLOAD}", "[red]plain[/red]"],
        },
        {
            "id": "h4",
            "kind": "short",
            "prompt": f"Type {SCRIPT}",
            "answer": "<iframe src=//evil>",
            "accept": [f"{CLIPBOARD_PAYLOAD}ok"],
            "tags": ["<b>", "[bold]"],
        },
    ],
}

ESCAPE_MARKERS = [b"PWNED-TITLE", b"UFdORUQtQ0xJUA", b"\x1b]8;;file", b"\x1b]52", b"\x1b]0;"]


@pytest.fixture
def hostile_deck_file(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(HOSTILE_DECK, allow_unicode=True), encoding="utf-8")
    read_deck(path)  # valid: hostile, not broken
    return path


# ------------------------------------------------------------------------------------ Anki


class ActiveHtml(HTMLParser):
    """Collects what would run in Anki's webview: script-like tags, event handlers, js: URLs."""

    DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "img", "style", "form", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.DANGEROUS_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if value and re.match(r"\s*(javascript|data|file|vbscript):", value, re.IGNORECASE):
                self.found.append(f"{tag} {name}={value}")


def active_html(fragment: str) -> list[str]:
    parser = ActiveHtml()
    parser.feed(fragment)
    parser.close()
    return parser.found


@pytest.mark.slow
def test_hostile_text_is_inert_in_anki(tally: Any, hostile_deck_file: Path, tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageRequest

    deck = read_deck(hostile_deck_file)
    package = tmp_path / "hostile.apkg"
    write_apkg([deck], package, timestamp=1_700_000_000)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = col._backend.get_import_anki_package_presets()
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(package), options=options)
        )
        col._clear_caches()
        note_ids = col.find_notes("")
        assert len(note_ids) == len(deck.questions)
        for nid in note_ids:
            note = col.get_note(nid)
            tally.tried("anki export (hostile text)")
            for name, value in note.items():
                assert active_html(value) == [], (name, value)
            for card in note.cards():
                output = card.render_output()
                for side in (output.question_text, output.answer_text):
                    assert active_html(side) == [], side
        # The literal text survives, escaped: the learner sees what the article said.
        fronts = " ".join(
            html.unescape(re.sub(r"<[^>]+>", "", field))
            for nid in note_ids
            for field in col.get_note(nid).fields
        )
        assert '<script>alert("x")</script>' in fronts
        assert "[@click=app.quit]Q[/]" in fronts
    finally:
        col.close()


@pytest.mark.slow
def test_anki_media_syntax_in_deck_text_stays_text(tally: Any, tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageRequest

    from quiz.model import Deck, Question, SourceRef

    deck = Deck(
        id="media",
        title="Media",
        questions=(
            Question(
                id="m1",
                kind="basic",
                prompt="Front [sound:../../evil.mp3]",
                answer="Back [sound:evil.mp3]",
                source=SourceRef(sentence="Said [sound:http://evil.example/x.mp3]"),
            ),
        ),
    )
    package = tmp_path / "media.apkg"
    write_apkg([deck], package, timestamp=1_700_000_000)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        options = col._backend.get_import_anki_package_presets()
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(package), options=options)
        )
        (nid,) = col.find_notes("")
        (card,) = col.get_note(nid).cards()
        tally.tried("anki export (hostile text)")
        output = card.render_output()
        assert output.question_av_tags == [] and output.answer_av_tags == []
    finally:
        col.close()


# ------------------------------------------------------------------------------ the terminal


def run_in_terminal(args: list[str], keys: list[bytes], env: dict[str, str]) -> bytes:
    """Run quiz in a pseudo-terminal, type `keys` once it has drawn, return all it wrote."""
    import pty
    import select

    primary, secondary = pty.openpty()
    os.set_blocking(primary, False)
    process = subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(secondary)
    output = bytearray()
    pending = list(keys)

    def pump(wait: float) -> bool:
        ready, _, _ = select.select([primary], [], [], wait)
        if not ready:
            return False
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            return False
        output.extend(chunk)
        return bool(chunk)

    try:
        # Draw, then each key once the screen has settled (no output for a moment).
        for _ in range(600):
            if pump(0.25):
                continue
            if process.poll() is not None:
                break
            if b"Ask" not in output:
                continue
            if not pending:
                break
            os.write(primary, pending.pop(0))
        while pump(0.2):
            pass
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        os.close(primary)
    return bytes(output)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_app_never_writes_the_decks_escape_sequences(
    tally: Any, hostile_deck_file: Path, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "QUIZ_DATA_DIR": str(tmp_path / "data"),
        "TERM": "xterm-256color",
        "COLUMNS": "120",
        "LINES": "40",
        "TEXTUAL_ANIMATIONS": "none",
    }
    output = run_in_terminal(
        ["study", str(hostile_deck_file)],
        [b" ", b"3", b"\x11"],  # reveal, rate, ctrl+q
        env,
    )
    tally.tried("study app output (hostile text)")
    assert b"Ask" in output, output[-2000:]
    assert b"Reply" in output, "the answer was never shown"
    for marker in ESCAPE_MARKERS:
        assert marker not in output, marker
    assert BIDI.encode() not in output
    # Markup is shown as typed (its characters are drawn, possibly split by cursor moves).
    visible = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", output)
    assert b"[@click=app.quit]Q[/]" in visible


# ------------------------------------------------------------------------------ error messages


def test_quiz_check_never_echoes_escape_sequences(tally: Any, tmp_path: Path) -> None:
    path = tmp_path / "escapes.yaml"
    path.write_text(
        'title: t\n"\\e]0;PWNED-TITLE\\a\\e[2J": 1\nquestions:\n- prompt: p\n  answer: a\n'
        '  "\\e]52;c;UFdORUQtQ0xJUA==\\a": x\n',
        encoding="utf-8",
    )
    tally.tried("quiz check (CLI)")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    # The key may be quoted (escaped, visible); its control bytes must not reach the terminal.
    assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr, result.stderr
    assert b"\x9b" not in result.stderr
