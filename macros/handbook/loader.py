"""Read one YAML file into plain Python values plus a map from field path to line number.

PyYAML is used only to compose nodes; this module builds the values itself so that it can
reject duplicate keys (PyYAML silently keeps the last one) and remember where every value was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from handbook.problems import Path


class LoadError(Exception):
    """The file could not be read as YAML at all."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Located:
    """A file's values, the line of every path in it, and the problems found while reading."""

    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)
    problems: list[tuple[Path, int, str]] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of path, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def decode(data: bytes) -> str:
    """Decode UTF-8 strictly; raise LoadError at the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        bad = data[error.start]
        raise LoadError(
            line, f"file is not valid UTF-8 (byte 0x{bad:02x} at column {column}); save it as UTF-8"
        ) from None


def load_text(text: str) -> Located:
    """Parse YAML text into a Located value. Raises LoadError for syntax errors and empty files."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LoadError(1, "file is empty")
        located = Located(value=None)
        located.value = _build(loader, node, (), located)
        return located
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = error.problem or "not valid YAML"
        if error.context and error.context.startswith("while"):
            problem = f"{problem} ({error.context})"
        elif error.context:
            problem = f"{error.context}, {problem}"
        raise LoadError(line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as error:
        raise LoadError(1, f"YAML syntax error: {error}") from None
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path, out: Located) -> Any:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(loader, node, path, out)
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), out) for i, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, str) and value is not None:
        out.raw[path] = node.value
    return value


def _build_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, path: Path, out: Located):
    loader.flatten_mapping(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            shown = getattr(key_node, "value", key)
            out.problems.append((path, key_line, f"key {shown!r} must be text; put it in quotes"))
            continue
        if key in result:
            first = out.lines[(*path, key)]
            out.problems.append(
                ((*path, key), key_line, f"duplicate key '{key}' (first defined on line {first})")
            )
            continue
        out.lines[(*path, key)] = key_line
        result[key] = _build(loader, value_node, (*path, key), out)
    return result
