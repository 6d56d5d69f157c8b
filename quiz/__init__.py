"""quiz: turn news articles into quiz decks, study them with spaced repetition, export them to Anki."""

from __future__ import annotations

__version__ = "0.1.0"
