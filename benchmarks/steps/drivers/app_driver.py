"""Driver: run a Textual app headless and report when its first card is on screen, how long the
next card takes after a key press, and the peak RSS.

    app_driver.py first bare|app DECK          -> {"shown": <time.monotonic()>, "rss_mb": ...}
    app_driver.py keys  bare|app DECK PRESSES  -> {"latencies": [...], "rss_mb": ...}

`bare` is the floor: a Textual app showing one Static (for `keys`, a key that updates it). Given a
deck file instead of "-", it also parses that file with libyaml first, so its memory holds the
same data as the app's. `app` is the product: `quiz study DECK` (which builds the app with
quiz.tui.build_app and opens straight on the first card), run headless.
The parent compares "shown" with its own time.monotonic() taken just before starting the process
(the monotonic clock is the same for every process on Linux).
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

SIZE = (100, 30)


def _rss_mb() -> float:
    """Peak RSS of this process since it started, in MB.

    /proc's VmHWM, where there is one: `ru_maxrss` also counts the parent's memory at the time
    of the fork (Linux keeps the larger of the two across exec), so a big parent inflates it.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_app(deck: Path | None) -> tuple[Any, Any]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    data: Any = None
    if deck is not None:
        import yaml

        data = yaml.load(deck.read_bytes(), Loader=yaml.CSafeLoader)

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


def _find_card(app: Any) -> Any:
    for widget in app.screen.query("CardView #prompt"):
        return widget
    return None


def _run_product(
    deck: Path, body: Callable[[Any, Any], Coroutine[Any, Any, dict[str, Any]]]
) -> Any:
    """Run `quiz study DECK` as the command line does, with the app headless and `body` driving it.

    Only the terminal is swapped: App.run is replaced, in this process, by a headless run_test.
    """
    from textual.app import App

    result: dict[str, Any] = {}

    def run(self: Any, *args: Any, **kwargs: Any) -> None:
        async def go() -> None:
            result.update(await body(self, lambda: _find_card(self)))

        asyncio.run(go())

    App.run = run  # type: ignore[method-assign]
    from quiz.cli import main

    status = main(["study", str(deck)])
    if status != 0 or not result:
        raise SystemExit(f"quiz study exited {status} before showing a card")
    return result


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


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
    app.call_after_refresh(_settle, painted)
    await painted
    return widget


async def _advance_key(app: Any, pilot: Any, mode: str) -> str:
    """Answer the current card (untimed) and return the key that moves on to the next card."""
    if mode == "bare":
        return "n"
    screen = app.screen
    session = getattr(screen, "session", None)
    answer_mode = getattr(session, "mode", "reveal")
    if answer_mode == "reveal":
        await pilot.press("space")
        await pilot.pause()
        return "3"
    if answer_mode in ("typed", "order"):
        from textual.widgets import Input

        box = screen.query_one("#answer-input", Input)
        current = screen.session.current
        order = current is not None and current[1].kind == "order"
        count = len(current[1].choices) if current is not None else 0
        box.value = "".join(str(n) for n in range(1, count + 1)) if order else "a wrong answer"
        await pilot.press("enter")
    elif answer_mode == "choice":
        await pilot.press("1")
    else:
        await pilot.press("t")
    await pilot.pause()
    return "space"


def _state(screen: Any, widget: Any) -> tuple[object, str]:
    """What changes when the next card is shown: the session's position (in the product; a
    prompt may repeat) and the prompt's text. Cheap, as it is polled while the app works."""
    session = getattr(screen, "session", None)
    return getattr(session, "position", None), _text(widget)


def _send_key(app: Any, key: str) -> None:
    """Send one key press as the terminal driver would; unlike Pilot.press, this does not then
    wait for the process to go idle (those waits sleep 20 ms at a time)."""
    from textual import events

    char = {"space": " ", "enter": "\r"}.get(key, key)
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


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
        await _until_painted(app, find)
        for _ in range(presses):
            key = await _advance_key(app, pilot, mode)
            screen, widget = app.screen, find()  # the card's widgets are updated in place
            before = _state(screen, widget)
            start = time.perf_counter()
            _send_key(app, key)
            deadline = time.monotonic() + 10
            while _state(screen, widget) == before or not _text(widget).strip():
                if time.monotonic() > deadline:
                    raise SystemExit(f"no next card 10 s after pressing {key!r} ({before})")
                await asyncio.sleep(0)
            painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            app.call_after_refresh(_settle, painted)
            await painted
            latencies.append(time.perf_counter() - start)
        rss = _rss_mb()
        await pilot.exit(None)
    return {"latencies": latencies, "rss_mb": rss}


def main() -> None:
    what, mode, deck = sys.argv[1], sys.argv[2], sys.argv[3]
    deck_path = Path(deck) if deck != "-" else None
    if what == "first":

        def body(app: Any, find: Any) -> Coroutine[Any, Any, dict[str, Any]]:
            return _first(app, find)

    else:

        def body(app: Any, find: Any) -> Coroutine[Any, Any, dict[str, Any]]:
            return _keys(app, find, mode, int(sys.argv[4]))

    if mode == "bare":
        app, find = _bare_app(deck_path)
        result: dict[str, Any] = asyncio.run(body(app, find))
    else:
        assert deck_path is not None
        result = _run_product(deck_path, body)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
