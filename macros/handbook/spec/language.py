"""The one spec language: checks plain values and emits the matching JSON Schema.

Each spec checks a value at a path and reports (path, message) pairs; the same spec produces
the JSON Schema that editors' YAML language servers use for completion. Standard library
only, so the calculator engine (which also runs in the browser) describes its rules with it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .problems import Path

ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
Report = Callable[[Path, str], None]


def type_name(value: Any) -> str:
    """Name a YAML value's type the way an editor thinks of it."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


class Spec:
    """Base class: check(value, path, report, raw) and json_schema()."""

    description: str = ""

    def check(self, value: Any, path: Path, report: Report, raw: dict[Path, str]) -> None:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def _with_description(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {"description": self.description, **schema} if self.description else schema


def _wrong_type(expected: str, value: Any, path: Path, raw: dict[Path, str]) -> str:
    source = raw.get(path)
    if expected == "text" and source is not None and not isinstance(value, dict | list):
        return (
            f"expected text, but YAML read {source} as {type_name(value)}; "
            f'put it in quotes: "{source}"'
        )
    return f"expected {expected}, got {type_name(value)}"


@dataclass(frozen=True)
class Text(Spec):
    """Text; `pattern` must match all of it; `refine` returns further problems (e.g. markup)."""

    description: str = ""
    pattern: str | None = None
    hint: str = ""
    refine: Callable[[str], list[str]] | None = None

    def check(self, value, path, report, raw):
        if not isinstance(value, str):
            report(path, _wrong_type("text", value, path, raw))
        elif not value.strip():
            report(path, "must not be empty")
        elif self.pattern and not re.fullmatch(self.pattern, value):
            report(path, f"{value!r} {self.hint or 'does not match ' + self.pattern}")
        elif self.refine:
            for message in self.refine(value):
                report(path, message)

    def json_schema(self):
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.pattern:
            schema["pattern"] = self.pattern
        return self._with_description(schema)


def Id(description: str = "") -> Text:  # noqa: N802 - reads like a type in specs
    """A kebab-case identifier."""
    hint = "is not a valid id (use lowercase letters, digits and single hyphens, e.g. ml-engineer)"
    return Text(description=description, pattern=ID_PATTERN, hint=hint)


def unknown_id(noun: str, value: Any, known: list[str]) -> str:
    """The message for an id that names nothing: what it is, and what is allowed."""
    return f"unknown {noun} {value!r} (known: {', '.join(known) or 'none'})"


def is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID_RE.fullmatch(value))


@dataclass(frozen=True)
class Int(Spec):
    low: int
    high: int
    description: str = ""
    noun: str = "value"

    def check(self, value, path, report, raw):
        if type(value) is not int:
            report(path, _wrong_type("a whole number", value, path, raw))
        elif not self.low <= value <= self.high:
            report(path, f"{self.noun} {value} is outside {self.low}-{self.high}")

    def json_schema(self):
        schema = {"type": "integer", "minimum": self.low, "maximum": self.high}
        return self._with_description(schema)


@dataclass(frozen=True)
class Number(Spec):
    low: float
    high: float
    description: str = ""

    def check(self, value, path, report, raw):
        if isinstance(value, bool) or not isinstance(value, int | float):
            report(path, _wrong_type("a number", value, path, raw))
        elif not self.low <= value <= self.high:
            report(path, f"{value} is outside {self.low:g}-{self.high:g}")

    def json_schema(self):
        return self._with_description({"type": "number", "minimum": self.low, "maximum": self.high})


@dataclass(frozen=True)
class Bool(Spec):
    description: str = ""

    def check(self, value, path, report, raw):
        if not isinstance(value, bool):
            report(path, f"expected true or false, got {type_name(value)}")

    def json_schema(self):
        return self._with_description({"type": "boolean"})


@dataclass(frozen=True)
class Enum(Spec):
    choices: tuple[str, ...]
    description: str = ""

    def check(self, value, path, report, raw):
        if not isinstance(value, str):
            report(path, _wrong_type("text", value, path, raw))
        elif value not in self.choices:
            report(path, f"{value!r} is not one of {', '.join(self.choices)}")

    def json_schema(self):
        return self._with_description({"type": "string", "enum": list(self.choices)})


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    min_items: int = 0
    description: str = ""

    def check(self, value, path, report, raw):
        if not isinstance(value, list):
            report(path, f"expected a list, got {type_name(value)}")
            return
        if len(value) < self.min_items:
            noun = "item" if self.min_items == 1 else "items"
            report(path, f"needs at least {self.min_items} {noun}, found {len(value)}")
        for index, item in enumerate(value):
            self.item.check(item, (*path, index), report, raw)

    def json_schema(self):
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return self._with_description(schema)


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping from ids to values of one spec (e.g. skill id -> level)."""

    value: Spec
    description: str = ""

    def check(self, value, path, report, raw):
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {type_name(value)}")
            return
        for key, item in value.items():
            if not is_id(key):
                report((*path, key), f"{key!r} is not a valid id")
            self.value.check(item, (*path, key), report, raw)

    def json_schema(self):
        schema = {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": self.value.json_schema(),
        }
        return self._with_description(schema)


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = True


@dataclass(frozen=True)
class Obj(Spec):
    fields: dict[str, Field] = field(default_factory=dict)
    description: str = ""
    title: str = ""

    def check(self, value, path, report, raw):
        if not isinstance(value, dict):
            report(path, f"expected a mapping, got {type_name(value)}")
            return
        for name, item in value.items():
            if name not in self.fields:
                report((*path, name), self._unknown(name))
            else:
                self.fields[name].spec.check(item, (*path, name), report, raw)
        for name, spec_field in self.fields.items():
            if spec_field.required and name not in value:
                report((*path, name), "required field is missing")

    def _unknown(self, name: str) -> str:
        close = difflib.get_close_matches(name, list(self.fields), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(self.fields)}"
        return f"unknown field '{name}' ({hint})"

    def json_schema(self):
        schema: dict[str, Any] = {"type": "object"}
        if self.title:
            schema["title"] = self.title
        schema["properties"] = {name: f.spec.json_schema() for name, f in self.fields.items()}
        schema["required"] = [name for name, f in self.fields.items() if f.required]
        schema["additionalProperties"] = False
        return self._with_description(schema)


def document_schema(spec: Obj, schema_id: str) -> dict[str, Any]:
    """The JSON Schema document for one data file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        **spec.json_schema(),
    }


def required(spec: Spec) -> Field:
    return Field(spec, required=True)


def optional(spec: Spec) -> Field:
    return Field(spec, required=False)
