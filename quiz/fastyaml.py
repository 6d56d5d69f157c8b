"""Plain YAML documents loaded straight from libyaml's events, several times faster than PyYAML.

`yaml.load(text, Loader=yaml.CSafeLoader)` parses in C but composes nodes and constructs objects in
Python, which is most of its time on a large deck. `load` builds the dicts and lists directly from
the C parser's events and gives exactly what that call gives, for the documents it handles: one
document of mappings, sequences and scalars that resolve to text, numbers, true/false, null or
dates, without anchors, aliases, explicit tags or merge keys. Anything else, and every error, is
left to the caller's `yaml.load` (`NOT_HANDLED`), so its result, message and line stay the usual
ones.
"""

from __future__ import annotations

from typing import Any, Final

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)


class _NotHandled:
    """The type of `NOT_HANDLED`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_HANDLED"


NOT_HANDLED: Final = _NotHandled()
"""What `load` returns for a document outside its subset or with an error: use `yaml.load`."""

_STR: Final = "tag:yaml.org,2002:str"
_CONSTRUCTED_TAGS: Final = (
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
)
"""Tags a plain scalar may resolve to that are built with the safe loader's own constructor."""
_STOCK_CONSTRUCTORS: Final = {
    _STR: "construct_yaml_str",
    "tag:yaml.org,2002:seq": "construct_yaml_seq",
    "tag:yaml.org,2002:map": "construct_yaml_map",
    "tag:yaml.org,2002:null": "construct_yaml_null",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:timestamp": "construct_yaml_timestamp",
}
"""The SafeConstructor methods the loader must still use (nobody replaced them) for a fast load."""
_MAX_DEPTH: Final = 100
"""Deeper nesting (far beyond any deck) is left to yaml.load, which decides as it always has."""
_KNOWN_LENGTH: Final = 40
"""Plain scalars up to this length (keys, kinds, short answers) are resolved once per document."""


def load(text: str) -> object:
    """What `yaml.load(text, Loader=yaml.CSafeLoader)` returns, or `NOT_HANDLED`.

    Handled: an empty stream or one document of block or flow mappings and sequences whose plain
    scalars resolve to str, int, float, bool, None, date or datetime (resolved and built by the
    safe loader's own resolvers and constructors); quoted and block scalars are text. Duplicate
    keys keep the last value, as PyYAML does.

    Not handled (`NOT_HANDLED`, nothing raised): no libyaml; any anchor, alias or explicit tag
    (even `!`); merge keys (`<<`), `=` and any other resolved tag; a mapping or sequence as a
    mapping key; more than one document; nesting deeper than 100 levels; any YAML error. The
    document is built in a loop, not by recursion.
    """
    loader_class: Any = getattr(yaml, "CSafeLoader", None)
    if loader_class is None or not _plain_containers(loader_class):
        return NOT_HANDLED
    try:
        loader = loader_class(text)
    except Exception:
        return NOT_HANDLED
    try:
        return _build(loader)
    except Exception:  # a YAML error, or a document the loop does not build: yaml.load decides
        return NOT_HANDLED
    finally:
        loader.dispose()


def _plain_containers(loader_class: Any) -> bool:
    """Whether the loader builds every node this module builds as the stock safe loader does."""
    safe = yaml.constructor.SafeConstructor
    constructors = loader_class.yaml_constructors
    return not loader_class.yaml_path_resolvers and all(
        constructors.get(tag) is getattr(safe, name) for tag, name in _STOCK_CONSTRUCTORS.items()
    )


def _build(loader: Any) -> object:
    get = loader.get_event
    if type(get()) is not StreamStartEvent:
        return NOT_HANDLED
    event = get()
    if type(event) is StreamEndEvent:
        return None
    if type(event) is not DocumentStartEvent:
        return NOT_HANDLED

    known: dict[str, object] = {}
    known_get = known.get
    missing = object()
    scalar = _scalar_builder(loader, known)
    scalar_event = ScalarEvent
    mapping_start = MappingStartEvent
    mapping_end = MappingEndEvent
    sequence_start = SequenceStartEvent
    sequence_end = SequenceEndEvent
    document_end = DocumentEndEvent
    # Every open mapping or sequence is a list of the nodes read so far (a mapping's keys and
    # values alternate) under its parent's; a mapping becomes a dict when it ends.
    root: list[Any] = []
    top = root
    append = top.append
    parents: list[list[Any]] = []
    push = parents.append
    pop = parents.pop
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None:
                return NOT_HANDLED
            if not event.implicit[0]:  # quoted or block: text, as the resolver decides
                append(event.value)
            else:
                text = event.value
                value = known_get(text, missing)
                if value is missing:
                    value = scalar(text)
                    if value is NOT_HANDLED:
                        return NOT_HANDLED
                append(value)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None or len(parents) >= _MAX_DEPTH:
                return NOT_HANDLED
            push(top)
            top = []
            append = top.append
        elif kind is mapping_end:
            items = iter(top)
            node: Any = dict(zip(items, items, strict=True))  # unhashable key: TypeError
            top = pop()
            append = top.append
            append(node)
        elif kind is sequence_end:
            node = top
            top = pop()
            append = top.append
            append(node)
        elif kind is document_end:
            break
        else:  # an alias, or an event libyaml does not produce inside a document
            return NOT_HANDLED
    if parents or len(root) != 1 or type(get()) is not StreamEndEvent:
        return NOT_HANDLED  # more than one document: yaml.load reports it
    return root[0]


def _scalar_builder(loader: Any, known: dict[str, object]) -> Any:
    """A function from a plain scalar's text to its value (or NOT_HANDLED), as the loader does.

    It follows `BaseResolver.resolve` for an untagged plain scalar (the implicit resolvers of its
    first character, then the wildcard ones, first match wins, text otherwise), then
    `construct_object` for the tags in `_CONSTRUCTED_TAGS`.
    """
    table: dict[Any, list[tuple[str, Any]]] = loader.yaml_implicit_resolvers
    wildcard = list(table.get(None, []))
    resolvers = {first: list(pairs) + wildcard for first, pairs in table.items() if first}
    empty = list(table.get("", [])) + wildcard
    constructors = {tag: loader.yaml_constructors[tag] for tag in _CONSTRUCTED_TAGS}
    scalar_node = yaml.ScalarNode

    def build(value: str) -> object:
        candidates = resolvers.get(value[0], wildcard) if value else empty
        tag = _STR
        for candidate, pattern in candidates:
            if pattern.match(value):
                tag = candidate
                break
        if tag == _STR:
            result: object = value
        else:
            constructor = constructors.get(tag)
            if constructor is None:
                return NOT_HANDLED
            result = constructor(loader, scalar_node(tag, value))  # immutable: safe to share
        if len(value) <= _KNOWN_LENGTH:
            known[value] = result
        return result

    return build
