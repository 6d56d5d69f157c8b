"""`python -m quiz` runs the command line."""

from __future__ import annotations

from quiz.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
