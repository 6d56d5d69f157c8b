"""Question templates: shipped as data (templates.yaml), extended or overridden by a user file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import yaml

from quiz.errors import QuizError
from quiz.generate import yamlnodes
from quiz.model import FACT_TYPES

SHIPPED: Final = Path(__file__).with_name("templates.yaml")
"""The template set shipped with quiz."""

TEMPLATE_KINDS: Final = ("cloze", "short", "choice", "truefalse", "order")
DERIVED: Final = frozenset({"answer", "cloze", "blank", "statement"})
SLOTS: Final = frozenset(
    "aux subject predicate vp noun number role person term meaning speaker quote framed label "
    "prep".split()
)
"""Slot names a prompt may use, besides the derived placeholders in DERIVED."""
_KEYS: Final = frozenset({"id", "fact", "kind", "prompt", "answer", "when", "weight", "disabled"})
_PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Template:
    """How one type of fact becomes one kind of question."""

    id: str
    fact: str
    kind: str
    prompt: str
    answer: str = "answer"
    """The slot asked for."""
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    weight: float = 1.0

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The names used in the prompt, in order."""
        return tuple(_PLACEHOLDER.findall(self.prompt))


def load_templates(path: Path | None = None) -> tuple[Template, ...]:
    """The shipped templates, extended and overridden by those in `path` (if given)."""
    base = _shipped()
    if path is None:
        return base
    extra, disabled = _read(path)
    by_id = {t.id: t for t in base}
    for template in extra:
        by_id[template.id] = template
    for template_id in disabled:
        by_id.pop(template_id, None)
    return tuple(by_id.values())


@cache
def _shipped() -> tuple[Template, ...]:
    templates, _ = _read(SHIPPED)
    return tuple(templates)


def _read(path: Path) -> tuple[list[Template], list[str]]:
    _, root = yamlnodes.read(path)
    if root is None:
        raise QuizError("the template file is empty", path=path)
    items: list[yaml.Node] | None = None
    for key, value in yamlnodes.mapping(root, path, "the template file"):
        if key == "templates":
            items = yamlnodes.sequence(value, path, "templates")
        else:
            raise yamlnodes.fail(f"unknown key `{key}` (expected `templates:`)", root, path)
    if items is None:
        raise yamlnodes.fail("no `templates:` list", root, path)
    templates: list[Template] = []
    disabled: list[str] = []
    seen: set[str] = set()
    for node in items:
        template, off = _template(node, path)
        if template.id in seen:
            raise yamlnodes.fail(f"template id `{template.id}` is used twice", node, path)
        seen.add(template.id)
        if off:
            disabled.append(template.id)
        else:
            templates.append(template)
    return templates, disabled


def _template(node: yaml.Node, path: Path) -> tuple[Template, bool]:
    fields: dict[str, yaml.Node] = {}
    for key, value in yamlnodes.mapping(node, path, "a template"):
        if key not in _KEYS:
            raise yamlnodes.fail(
                f"unknown template key `{key}` (expected one of {', '.join(sorted(_KEYS))})",
                value,
                path,
            )
        fields[key] = value
    if "id" not in fields:
        raise yamlnodes.fail("a template needs an `id`", node, path)
    template_id = yamlnodes.text(fields["id"], path, "id")
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*", template_id):
        raise yamlnodes.fail(
            f"template id `{template_id}`: use letters, digits, - and _", node, path
        )
    off = False
    if "disabled" in fields:
        flag = yamlnodes.text(fields["disabled"], path, "disabled").lower()
        if flag not in {"true", "false", "yes", "no"}:
            raise yamlnodes.fail("`disabled` should be true or false", fields["disabled"], path)
        off = flag in {"true", "yes"}
        if off and set(fields) == {"id", "disabled"}:
            return Template(template_id, "", "", ""), True
    for key in ("fact", "kind", "prompt"):
        if key not in fields:
            raise yamlnodes.fail(f"template `{template_id}` needs `{key}`", node, path)
    fact = yamlnodes.text(fields["fact"], path, "fact")
    if fact not in FACT_TYPES:
        raise yamlnodes.fail(
            f"unknown fact type `{fact}` (expected one of {', '.join(FACT_TYPES)})",
            fields["fact"],
            path,
        )
    kind = yamlnodes.text(fields["kind"], path, "kind")
    if kind not in TEMPLATE_KINDS:
        raise yamlnodes.fail(
            f"unknown kind `{kind}` (expected one of {', '.join(TEMPLATE_KINDS)})",
            fields["kind"],
            path,
        )
    prompt = yamlnodes.text(fields["prompt"], path, "prompt")
    prompt_node = fields["prompt"]
    names = _PLACEHOLDER.findall(prompt)
    for name in names:
        if name not in SLOTS | DERIVED:
            raise yamlnodes.fail(
                f"unknown placeholder {{{name}}} in the prompt (known: "
                f"{', '.join(sorted(SLOTS | DERIVED))})",
                prompt_node,
                path,
            )
    if "{" in _PLACEHOLDER.sub("", prompt) or "}" in _PLACEHOLDER.sub("", prompt):
        raise yamlnodes.fail("unbalanced { } in the prompt", prompt_node, path)
    if kind == "cloze" and names != ["cloze"]:
        raise yamlnodes.fail("a cloze prompt is exactly {cloze}", prompt_node, path)
    if kind != "cloze" and "cloze" in names:
        raise yamlnodes.fail("{cloze} is only for cloze templates", prompt_node, path)
    if kind == "truefalse" and "statement" not in names and "answer" not in names:
        raise yamlnodes.fail(
            "a truefalse prompt needs {statement} or {answer} (the answer or a wrong one)",
            prompt_node,
            path,
        )
    answer = "answer"
    if "answer" in fields:
        answer = yamlnodes.text(fields["answer"], path, "answer")
        if answer not in SLOTS | {"answer"}:
            raise yamlnodes.fail(f"unknown answer slot `{answer}`", fields["answer"], path)
    if answer in names and kind != "truefalse":  # a statement to judge shows its answer
        raise yamlnodes.fail(f"the prompt shows its own answer {{{answer}}}", prompt_node, path)
    when: list[tuple[str, tuple[str, ...]]] = []
    if "when" in fields:
        for key, value in yamlnodes.mapping(fields["when"], path, "when"):
            if key != "detail" and key not in SLOTS:
                raise yamlnodes.fail(f"`when` on unknown slot `{key}`", value, path)
            when.append((key, tuple(yamlnodes.texts(value, path, f"when.{key}"))))
    weight = 1.0
    if "weight" in fields:
        raw = yamlnodes.text(fields["weight"], path, "weight")
        try:
            weight = float(raw)
        except ValueError:
            raise yamlnodes.fail("`weight` should be a number", fields["weight"], path) from None
        if not 0 < weight <= 10:
            raise yamlnodes.fail("`weight` should be between 0 and 10", fields["weight"], path)
    return (
        Template(template_id, fact, kind, prompt, answer=answer, when=tuple(when), weight=weight),
        off,
    )
