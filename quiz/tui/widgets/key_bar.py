"""KeyBar: the keys that work now, on one line at the bottom; click one to press it."""

from __future__ import annotations

from textual.content import Content
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import Input, Static


class KeyBar(Static):
    """Shows the screen's enabled bindings, like Textual's Footer.

    The Footer rebuilds a widget per key whenever the bindings change, which costs tens of
    milliseconds on every card; this bar redraws one line of text in place instead.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    OPTIONAL: frozenset[str] = frozenset(
        {
            "edit",
            "suspend",
            "flag",
            "edit-ctrl",
            "suspend-ctrl",
            "flag-ctrl",
            "browse-edit",
            "browse-flag",
        }
    )
    """Ids of bindings shown only when the whole bar fits the width with them (the help lists
    them all); the keys work either way."""

    def __init__(self) -> None:
        super().__init__()
        self._pending = False

    def on_resize(self) -> None:
        self.show_keys()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # One key press may change focus and bindings several times: redraw once, after them.
        if screen is self.screen and not self._pending:
            self._pending = True
            self.call_later(self.show_keys)

    def show_keys(self) -> None:
        """Redraw the bar from the screen's active bindings."""
        self._pending = False
        app = self.app
        parts: list[tuple[str, Content]] = []  # (what kind of key, its label)
        shown: set[tuple[str, str]] = set()
        # A letter typed into a focused box goes into it: its key is not offered then (the same
        # action under a ctrl key is, if the screen has one).
        typing = isinstance(self.screen.focused, Input)
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or not binding.description:
                continue
            if typing and _typed(key):
                continue
            if (binding.action, binding.description) in shown:
                continue
            shown.add((binding.action, binding.description))
            kind = "optional" if binding.id in self.OPTIONAL else "screen"
            parts.append((kind, self._key(key, app.get_key_display(binding), binding.description)))
        if app.ENABLE_COMMAND_PALETTE:
            parts.append(("app", self._key(app.COMMAND_PALETTE_BINDING, "^p", "Commands")))
        parts.append(("app", self._key("ctrl+q", "^q", "Quit")))
        width = self.size.width or app.size.width
        # Every key with room around it; else tighter (no space before a key, which stands out
        # by its colour); else without ^p and ^q (the help lists them); else without the
        # optional keys too.
        lengths = [part.cell_length for _kind, part in parts]
        if sum(lengths) <= width:
            self.update(Content("").join(part for _kind, part in parts))
            return
        kept = parts
        for left_out in ((), ("app",), ("app", "optional")):
            kept = [(kind, part) for kind, part in parts if kind not in left_out]
            tight = 1 + sum(
                length - 1
                for (kind, _), length in zip(parts, lengths, strict=True)
                if kind not in left_out
            )
            if tight <= width:
                break
        self.update(Content(" ") + Content("").join(part[1:] for _kind, part in kept))

    @staticmethod
    def _key(key: str, display: str, description: str) -> Content:
        click = f"@click=app.simulate_key({key!r})"
        return Content.assemble(
            (f" {display} ", f"bold $footer-key-foreground {click}"),
            (f"{description} ", click),
        )


def _typed(key: str) -> bool:
    """Whether pressing `key` types a character (a letter, a digit, "!", a space)."""
    character = key_to_character(key)
    return character is not None and character.isprintable()
