"""Deck text made safe to show: control characters stripped, markup never interpreted.

Everything a deck says reaches the screen through these helpers as `Content` built from plain
strings, so "[bold]" or "[@click=app.quit]" in a deck is shown as typed and does nothing.
"""

from __future__ import annotations

import re
from typing import Final

from rich.text import Text
from textual.content import Content

_ESCAPES: Final = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]             # CSI: colours, cursor moves
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC: titles, hyperlinks, clipboard
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC strings
    | \x1b.?                              # any other escape
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROLS: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except tab and newline; DEL; C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidi marks, embeddings, overrides, isolates
)
_CLOZE: Final = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)

GAP_STYLE: Final = "bold reverse"
ANSWER_STYLE: Final = "bold underline"


def clean(text: str) -> str:
    """`text` without terminal escapes, control characters (bar newline) or bidi overrides.

    Tabs become spaces.
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", text)).replace("\t", " ")


def plain(text: str, style: str = "") -> Content:
    """Deck text as literal content, optionally in one style."""
    return Content.styled(clean(text), style) if style else Content(clean(text))


def cell(text: str) -> Text:
    """Deck text as a literal Rich `Text`, for widgets that take Rich renderables (table cells)."""
    return Text(clean(text), no_wrap=True, overflow="ellipsis")


def cloze(prompt: str, *, revealed: bool) -> Content:
    """A cloze prompt with its gaps shown as "[...]" (or "[hint]"), or filled with the answer."""
    parts: list[Content] = []
    end = 0
    for match in _CLOZE.finditer(prompt):
        parts.append(plain(prompt[end : match.start()]))
        answer, hint = match.group(1), match.group(2)
        if revealed:
            parts.append(plain(answer, ANSWER_STYLE))
        else:
            parts.append(plain(f"[{hint or '...'}]", GAP_STYLE))
        end = match.end()
    parts.append(plain(prompt[end:]))
    return Content("").join(parts)


def cloze_answer(prompt: str) -> str:
    """The answers of a cloze prompt's gaps, joined by " / "."""
    return " / ".join(match.group(1) for match in _CLOZE.finditer(prompt))
