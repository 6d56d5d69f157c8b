"""quiz.fastyaml gives exactly what `yaml.load(text, Loader=yaml.CSafeLoader)` gives, or declines.

"Exactly" is checked strictly: same types (1, 1.0 and True are all equal in Python), same key order,
NaN equal to NaN, -0.0 apart from 0.0, datetimes with their time zones.
"""

from __future__ import annotations

import math
import string
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz import fastyaml
from quiz.decks import parse_deck
from quiz.fastyaml import NOT_HANDLED

ROOT = Path(__file__).resolve().parent.parent


def same(a: object, b: object) -> bool:
    """Strict equality of loaded YAML data (iterative: documents nest up to 1000 levels)."""
    stack = [(a, b)]
    while stack:
        x, y = stack.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, dict):
            assert isinstance(y, dict)
            if len(x) != len(y):
                return False
            for (kx, vx), (ky, vy) in zip(x.items(), y.items(), strict=True):
                stack.append((kx, ky))
                stack.append((vx, vy))
        elif isinstance(x, list):
            assert isinstance(y, list)
            if len(x) != len(y):
                return False
            stack.extend(zip(x, y, strict=True))
        elif x != y and not (
            isinstance(x, float) and isinstance(y, float) and math.isnan(x) and math.isnan(y)
        ):
            return False
        elif repr(x) != repr(y):  # -0.0 and 0.0; the same instant in two time zones
            return False
    return True


def reference(text: str) -> object:
    """What yaml.load gives, or the exception it raises."""
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 - the safe C loader
    except Exception as error:  # any error at all: the fast path must then decline
        return error


def fast_or_declined(text: str) -> bool:
    """Check the fast result against yaml.load; True if handled, False if declined."""
    expected = reference(text)
    got = fastyaml.load(text)
    if got is NOT_HANDLED:
        return False
    assert not isinstance(expected, Exception), f"yaml.load raised {expected!r}, fast gave {got!r}"
    assert same(got, expected), f"{got!r} != {expected!r}"
    return True


def has_anchor_tag_or_alias(text: str) -> bool:
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return True
        if isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None) is not None:
            return True
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            return True
    return False


def test_same_is_strict() -> None:
    nan = float("nan")
    assert same({"a": [nan, 1, None]}, {"a": [float("nan"), 1, None]})
    assert not same({"a": 1}, {"a": True})
    assert not same([1], [1.0])
    assert not same([0.0], [-0.0])
    assert not same([nan], [1.0])
    assert not same([1.0], [nan])
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert not same([[1, 2]], [[1, 3]])
    assert not same([1, 2], [1, 2, 3])
    plus_five = datetime(2025, 1, 1, 5, tzinfo=timezone(timedelta(hours=5)))
    assert not same([plus_five], [datetime(2025, 1, 1, tzinfo=UTC)])


# Hand-written texts ---------------------------------------------------------------------------

HANDLED = [
    "",
    "# only a comment\n",
    "---\n",
    "--- \n...\n",
    "--- |\n  block\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "plain\n  multi line\n\n  scalar\n",
    "a: yes\nb: no\nc: on\nd: off\ne: ~\nf: null\ng: Null\nh:\ni: NO\nj: True\n",
    "- .inf\n- -.Inf\n- .nan\n- .NaN\n- 1e3\n- 1.5e+3\n- -0.0\n- 1_000.5\n- 190:20:30.15\n",
    "- 0o17\n- 017\n- 0x1F\n- 0b101\n- 1_000\n- 1:30\n- -0x_1\n- +12\n- 0\n- 08\n",
    "- 2025-06-01\n- 2001-12-14t21:59:43.10-05:00\n- 2001-12-14 21:59:43.10\n- 2002-12-14\n",
    "- 2001-12-14 21:59:43.10 -5\n- 2025-6-1\n- 2025-06-01T00:00:00Z\n",
    "- 'quoted'\n- 'it''s'\n- \"esc\\t\\u00e9\\x41\"\n- '1'\n- \"true\"\n- ''\n- \"\"\n",
    "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n\n  para\nc: |-\n  x\nd: >+\n  y\n\n",
    "a: [1, two, 'three', {four: 4}, [5]]\nb: {x: 1, y: [], z: {}}\n",
    "a: 1  # trailing comment\n# between\nb: 2\n",
    "a: 1\na: 2\nb: 3\na: 4\n",  # PyYAML keeps the last value, in the first key's place
    "{1: a, true: b, 1.0: c, null: d, ~: e}\n",
    ".nan: 1\n.nan: 2\n",
    "? explicit plain key\n: value\n? lone key\n",
    "- - - nested\n    - block\n  - lists\n",
    "key with spaces: v\n'quoted key': w\n\"double\": x\n",
    "[a, b, c,]\n",
    "ünïcödé: ✓\nemoji: 🐍\n",
    "- >\n    Folded with a very long line that goes on and on and on, more than eighty columns wide.\n",
]

DECLINED = [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "a: &x 1\n",
    "a: &x [1]\n",
    "a: !!str 1\n",  # explicit tags, even the ones yaml.load accepts
    "a: !!int '1'\n",
    "a: ! 12\n",
    "!!map {a: 1}\n",
    "a: !custom x\n",
    "base: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n",  # merge keys
    "<<: {a: 1}\n",
    "= : 1\n",
    "a: =\n",
    "--- 1\n--- 2\n",  # two documents: yaml.load refuses
    "? [a]\n: 1\n",  # unhashable keys: yaml.load refuses
    "{{a: 1}: 2}\n",
    "? explicit key\n: value\n? [a, sequence, as, key]\n",
    "a: [1, 2\n",  # syntax errors: yaml.load reports them
    "a: b: c\n",
    "- a\nb: c\n",
    "\t- tab\n",
    "a: 2025-13-45\n",  # a timestamp that does not exist: yaml.load raises ValueError
    "[" * 1001 + "]" * 1001,  # libyaml's nesting limit
    "a: 'unterminated\n",
    "key: value\n...\ngarbage: [\n",
]


@pytest.mark.parametrize("text", HANDLED)
def test_handled_texts_equal_yaml_load(text: str) -> None:
    assert fast_or_declined(text)


@pytest.mark.parametrize("text", DECLINED)
def test_declined_texts(text: str) -> None:
    assert not fast_or_declined(text)


def test_duplicate_keys_keep_the_last_value_in_the_first_place() -> None:
    loaded = fastyaml.load("a: 1\nb: 2\na: 3\n")
    assert isinstance(loaded, dict)
    assert list(loaded.items()) == [("a", 3), ("b", 2)]


def test_an_empty_stream_is_none() -> None:
    assert fastyaml.load("") is None
    assert fastyaml.load("---\n") is None


def nested(depth: int) -> list[str]:
    """Flow lists, block mappings and block lists nested `depth` levels deep."""
    flow = "[" * depth + "x" + "]" * depth
    block = "".join(" " * level + "k:\n" for level in range(depth)) + " " * depth + "v\n"
    lists = "".join(f"{'  ' * level}- a{level}\n{'  ' * level}-\n" for level in range(depth))
    return [flow, block, lists]


@pytest.mark.parametrize("depth", [1, 2, 50, fastyaml._MAX_DEPTH])
def test_nesting_is_built_in_a_loop(depth: int) -> None:
    for text in nested(depth):
        assert fast_or_declined(text)
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(150)  # deeper than the nesting, for pytest's own frames: no recursion
    try:
        assert all(fastyaml.load(text) is not NOT_HANDLED for text in nested(depth))
    finally:
        sys.setrecursionlimit(old)


@pytest.mark.parametrize("depth", [fastyaml._MAX_DEPTH + 1, 999, 1001, 5000])
def test_deeper_nesting_is_left_to_yaml_load(depth: int) -> None:
    for text in nested(depth):
        assert not fast_or_declined(text)


# Generated texts ----------------------------------------------------------------------------

TRICKY_TEXT = st.sampled_from(
    [
        "yes",
        "no",
        "on",
        "off",
        "~",
        "null",
        ".inf",
        ".nan",
        "0o17",
        "0x1F",
        "1_000",
        "1:30",
        "2025-06-01",
        "<<",
        "=",
        "",
        " ",
        "- a",
        "a: b",
        "#x",
        "&a",
        "*a",
        "!t",
        "%",
        "@",
        "`",
        "'",
        '"',
        "|",
        ">",
        "\n",
        "a\nb",
        " lead",
        "trail ",
        "\t",
        "\u00e9",
        "\u2028",
        "\ufeff",
    ]  # fmt: skip
)
TEXT = st.one_of(TRICKY_TEXT, st.text(st.characters(codec="utf-8"), max_size=30), TRICKY_TEXT)
OFFSETS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.just(UTC),
    st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes))),
)
KEYS = st.one_of(
    TEXT,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
)
SCALARS = st.one_of(
    TEXT,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.dates(),
    st.datetimes(min_value=datetime(1, 1, 2), timezones=OFFSETS),
)
DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=6), st.dictionaries(KEYS, children, max_size=6)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=DATA,
    dumper=st.sampled_from([yaml.SafeDumper, yaml.CSafeDumper]),
    flow=st.sampled_from([True, False, None]),
    style=st.sampled_from([None, None, "'", '"', "|", ">"]),
    allow_unicode=st.booleans(),
    width=st.sampled_from([None, 10, 40, 100, 1000]),
    indent=st.sampled_from([None, 2, 4]),
    explicit=st.booleans(),
)
def test_dumped_data_loads_the_same(
    data: Any,
    dumper: Any,
    flow: bool | None,
    style: str | None,
    allow_unicode: bool,
    width: int | None,
    indent: int | None,
    explicit: bool,
) -> None:
    text = yaml.dump(
        data,
        Dumper=dumper,
        default_flow_style=flow,
        default_style=style,
        allow_unicode=allow_unicode,
        width=width,
        indent=indent,
        explicit_start=explicit,
        explicit_end=explicit,
        sort_keys=False,
    )
    if not fast_or_declined(text):
        # Only explicit tags (a non-text scalar in quotes or a block) or anchors may decline.
        assert has_anchor_tag_or_alias(text), text


YAML_BITS = st.sampled_from(
    [
        "a",
        "b",
        "1",
        "0x1",
        ".5",
        "yes",
        "~",
        "<<",
        "=",
        "2025-06-01",
        "-",
        ":",
        " ",
        "  ",
        "\n",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        '"',
        "|",
        ">",
        "#",
        "&x",
        "*x",
        "!t",
        "!!str",
        "?",
        "---",
        "...",
        "\t",
        "\\",
        "%YAML 1.1",
    ]  # fmt: skip
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_any_text_loads_the_same_or_declines(text: str) -> None:
    fast_or_declined(text)


@settings(max_examples=300, deadline=None)
@given(st.text(string.printable, max_size=80))
def test_printable_noise_loads_the_same_or_declines(text: str) -> None:
    fast_or_declined(text)


# Real decks -----------------------------------------------------------------------------------


DECK_FILES = sorted(
    [
        *(ROOT / "decks").glob("*.yaml"),
        *(ROOT / "tests" / "data" / "decks").glob("*.yaml"),
        *(ROOT / "tests" / "data" / "gold").glob("*.yaml"),
    ]
)


def test_there_are_bundled_decks() -> None:
    assert len(list((ROOT / "decks").glob("*.yaml"))) >= 3


@pytest.mark.parametrize("path", DECK_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_bundled_decks_take_the_fast_path(path: Path) -> None:
    assert fast_or_declined(path.read_text(encoding="utf-8"))


def test_a_generated_benchmark_deck_takes_the_fast_path(datagen: ModuleType) -> None:
    assert fast_or_declined(datagen.dump_yaml(datagen.deck_data(1500, seed=5)))


BENCHMARK_DECKS = [
    ROOT / "benchmarks" / "data" / "v2" / "decks" / f"deck-{size}-0.yaml" for size in (1000, 10000)
]


@pytest.mark.parametrize("path", BENCHMARK_DECKS, ids=lambda path: path.name)
def test_benchmark_decks_take_the_fast_path(path: Path) -> None:
    if not path.exists():
        pytest.skip("benchmark data not generated (benchmarks/run.py writes it)")
    assert fast_or_declined(path.read_text(encoding="utf-8"))


def test_parse_deck_uses_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "decks").glob("*.yaml").__next__().read_text(encoding="utf-8")
    expected = parse_deck(text, path="d.yaml")

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("yaml.load called for a plain deck")

    monkeypatch.setattr(yaml, "load", refuse)
    assert parse_deck(text, path="d.yaml") == expected


def test_parse_deck_falls_back_for_anchors_tags_and_merge_keys() -> None:
    fancy = (
        "title: !!str T\n"
        "questions:\n- &first {prompt: P, answer: A, tags: [x]}\n- <<: *first\n  prompt: Q\n"
    )
    plain = "title: T\nquestions:\n- {prompt: P, answer: A, tags: [x]}\n- {prompt: Q, answer: A, tags: [x]}\n"
    assert fastyaml.load(fancy) is NOT_HANDLED
    assert fastyaml.load(plain) is not NOT_HANDLED
    assert parse_deck(fancy, path="d.yaml") == parse_deck(plain, path="d.yaml")


def test_dates_and_times_load_as_yaml_load_makes_them() -> None:
    loaded = fastyaml.load("a: 2025-06-01\nb: 2001-12-14t21:59:43.10-05:00\n")
    assert isinstance(loaded, dict)
    assert type(loaded["a"]) is date
    assert loaded["b"].tzinfo is not None


def test_a_customised_safe_loader_is_left_to_yaml_load(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fastyaml.load("a: 1\n") == {"a": 1}
    constructors = dict(yaml.CSafeLoader.yaml_constructors)
    constructors["tag:yaml.org,2002:int"] = lambda loader, node: "an int"
    monkeypatch.setattr(yaml.CSafeLoader, "yaml_constructors", constructors)
    assert fastyaml.load("a: 1\n") is NOT_HANDLED
    assert fast_or_declined("a: x\n") is False
