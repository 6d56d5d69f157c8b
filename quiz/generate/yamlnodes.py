"""Safe YAML read as nodes, so that every complaint can name the file and line."""

from __future__ import annotations

from pathlib import Path

import yaml

from quiz.errors import QuizError
from quiz.files import read_capped

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str, path: Path | str) -> yaml.Node | None:
    """The node tree of `text` (safe YAML only), or None for an empty document."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise QuizError(f"not valid YAML: {exc.problem or exc}", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise QuizError(f"not valid YAML: {exc}", path=path) from None
    if root is not None:
        _check_tags(root, path)
    return root


_SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


def _check_tags(root: yaml.Node, path: Path | str) -> None:
    """Refuse unsafe tags; an aliased (shared) node is checked once, so alias bombs cost little."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _SAFE_TAGS:
            raise fail(f"not valid YAML here: the tag {node.tag} is not allowed", node, path)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def read(path: Path) -> tuple[str, yaml.Node | None]:
    """The text and node tree of the YAML file at `path`."""
    # Capped by the bytes read: a device or a named pipe given as a fact sheet never ends.
    data = read_capped(path, MAX_YAML_BYTES, what="YAML file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuizError(f"cannot read the file: {exc}", path=path) from None
    return text, compose(text, path)


MAX_YAML_BYTES = 5_000_000
"""The largest fact sheet or template file accepted, as for articles."""


def line(node: yaml.Node) -> int:
    """The 1-based line where `node` starts."""
    return int(node.start_mark.line) + 1


def fail(message: str, node: yaml.Node, path: Path | str) -> QuizError:
    """A QuizError about `node`, naming its file and line."""
    return QuizError(message, path=path, line=line(node))


def mapping(node: yaml.Node, path: Path | str, what: str) -> list[tuple[str, yaml.Node]]:
    """The (key, value node) pairs of a mapping node, keys as strings, no duplicates."""
    if not isinstance(node, yaml.MappingNode):
        raise fail(f"{what} should be a mapping (key: value lines)", node, path)
    seen: set[str] = set()
    out: list[tuple[str, yaml.Node]] = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise fail(f"{what}: keys should be plain words", key_node, path)
        key = str(key_node.value)
        if key in seen:
            raise fail(f"{what}: `{key}` is given twice", key_node, path)
        seen.add(key)
        out.append((key, value_node))
    return out


def sequence(node: yaml.Node, path: Path | str, what: str) -> list[yaml.Node]:
    """The item nodes of a list node."""
    if not isinstance(node, yaml.SequenceNode):
        raise fail(f"{what} should be a list (lines starting with '- ')", node, path)
    return list(node.value)


def text(node: yaml.Node, path: Path | str, what: str) -> str:
    """A scalar's text (numbers and dates as written), stripped; lists and mappings are errors."""
    if not isinstance(node, yaml.ScalarNode):
        raise fail(f"{what} should be a single value", node, path)
    return str(node.value).strip()


def texts(node: yaml.Node, path: Path | str, what: str) -> list[str]:
    """A scalar or a list of scalars, as a list of strings."""
    if isinstance(node, yaml.SequenceNode):
        return [text(item, path, what) for item in node.value]
    return [text(node, path, what)]
