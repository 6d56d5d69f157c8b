"""Driver: run a Textual app headless and report when its first card is on screen, how long the
next card takes after a key press, and the peak RSS.

    app_driver.py first bare|app DECK_DIR           -> {"shown": <time.monotonic()>, "rss_mb": ...}
    app_driver.py keys  bare|app DECK_DIR PRESSES   -> {"latencies": [...], "rss_mb": ...}

`bare` is the floor: a Textual app showing one Static (for `keys`, a key that updates it). With a
deck folder as the last argument it also parses that folder's deck with libyaml first, so its
memory holds the same data as the app's. `app` is the product: quiz.tui.build_app on the folder.
The parent compares "shown" with its own time.monotonic() taken just before starting the process
(the monotonic clock is the same for every process on Linux).
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (100, 30)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_app(deck_dir: Path | None) -> tuple[Any, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    data: Any = None
    if deck_dir is not None:
        import yaml

        data = [
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
            for path in sorted(deck_dir.glob("*.yaml"))
        ]

    class Bare(App[None]):
        BINDINGS = [("n", "next_card", "Next")]

        def __init__(self) -> None:
            super().__init__()
            self.data = data
            self.count = 0

        def compose(self) -> ComposeResult:
            yield Static("Which body (acronym)? The _____ expects costs to rise.", id="prompt")

        def action_next_card(self) -> None:
            self.count += 1
            self.query_one("#prompt", Static).update(f"Card {self.count}: who said it?")

    app = Bare()
    return app, lambda: app.screen.query_one("#prompt")


def _product_app(deck_dir: Path) -> tuple[Any, Any]:
    from quiz.tui import build_app

    app = build_app(deck_dir)

    def find() -> Any:
        for widget in app.screen.query("CardView #prompt"):
            return widget
        return None

    return app, find


def _text(widget: Any) -> str:
    return str(getattr(widget, "content", "")) if widget is not None else ""


async def _until_painted(app: Any, find: Any) -> Any:
    """Wait until `find()` gives a laid-out widget with text, then for the refresh after it."""
    while True:
        try:
            widget = find()
        except Exception:  # noqa: BLE001 - the screen is still being built
            widget = None
        if widget is not None and widget.region.area > 0 and _text(widget).strip():
            break
        await asyncio.sleep(0.001)
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: painted.done() or painted.set_result(None))
    await painted
    return widget


async def _advance_key(app: Any, pilot: Any, mode: str) -> str:
    """Get the current card ready to move on (untimed) and return the key that moves on."""
    if mode == "bare":
        return "n"
    screen = app.screen
    from textual.widgets import Input

    for widget in screen.query(Input):
        if widget.display and widget.has_focus:
            widget.value = "a wrong answer"
            await pilot.press("enter")
            await pilot.pause()
            return _ready_key(screen)
    await pilot.press("space")
    await pilot.pause()
    return _ready_key(screen)


def _ready_key(screen: Any) -> str:
    bindings = {binding.action for _, binding, enabled, _ in _active(screen) if enabled}
    if "rate(3)" in bindings:
        return "3"
    return "space"


def _active(screen: Any) -> list[tuple[Any, Any, bool, str]]:
    return list(screen.app.active_bindings.values())


async def _first(app: Any, find: Any) -> dict[str, Any]:
    async with app.run_test(size=SIZE) as pilot:
        await _until_painted(app, find)
        shown = time.monotonic()
        rss = _rss_mb()
        await pilot.exit(None)
    return {"shown": shown, "rss_mb": rss}


async def _keys(app: Any, find: Any, mode: str, presses: int) -> dict[str, Any]:
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        widget = await _until_painted(app, find)
        for _ in range(presses):
            before = _text(widget)
            key = await _advance_key(app, pilot, mode)
            start = time.perf_counter()
            await pilot.press(key)
            while True:
                widget = find()
                if widget is not None and _text(widget) != before and _text(widget).strip():
                    break
                await asyncio.sleep(0)
            painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            app.call_after_refresh(lambda f=painted: f.done() or f.set_result(None))
            await painted
            latencies.append(time.perf_counter() - start)
        rss = _rss_mb()
        await pilot.exit(None)
    return {"latencies": latencies, "rss_mb": rss}


def main() -> None:
    what, mode, deck_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    folder = Path(deck_dir) if deck_dir != "-" else None
    if mode == "bare":
        app, find = _bare_app(folder)
    else:
        assert folder is not None
        app, find = _product_app(folder)
    if what == "first":
        result = asyncio.run(_first(app, find))
    else:
        result = asyncio.run(_keys(app, find, mode, int(sys.argv[4])))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
