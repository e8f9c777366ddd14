"""Read one YAML file into plain Python values plus a map from field path to line number.

PyYAML is used only to compose nodes; this module builds the values itself so that it can
reject duplicate keys (PyYAML silently keeps the last one) and remember where every value was.
Files are parsed with libyaml when PyYAML has it (about ten times faster); a file libyaml
refuses is parsed again by PyYAML's own parser, whose errors yaml_errors.py words for editors.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..spec.problems import Path
from .errors import LoadError
from .yaml_errors import syntax_error


@dataclass
class Located:
    """A file's values, the line of every path in it, and the problems found while reading."""

    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    raw: dict[Path, str] = field(default_factory=dict)
    problems: list[tuple[Path, int, str]] = field(default_factory=list)
    # What a spec found in this value, by (spec, file shown as): files.read_file fills it, so
    # a file whose bytes are unchanged is not checked again on the next `mkdocs serve` rebuild.
    checked: dict[tuple[int, str], tuple] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, path: Path) -> int:
        """The line of path, or of its nearest ancestor that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 200_000


REMEMBERED_FILES = 256
_remembered: OrderedDict[bytes, Located] = OrderedDict()


def load_bytes(data: bytes) -> Located:
    """Read a data file's bytes (UTF-8, BOM and CRLF accepted). Raises LoadError.

    The result for the same bytes is remembered (the last REMEMBERED_FILES files): under
    `mkdocs serve` every rebuild reads every file, though an edit changes one. Nothing that
    reads a Located changes it, so the same one can be handed out again."""
    key = hashlib.sha256(data).digest()
    if key in _remembered:
        _remembered.move_to_end(key)
        return _remembered[key]
    located = _load_bytes(data)
    _remembered[key] = located
    if len(_remembered) > REMEMBERED_FILES:
        _remembered.popitem(last=False)
    return located


def _load_bytes(data: bytes) -> Located:
    if len(data) > MAX_BYTES:
        raise LoadError(
            1,
            f"file is {len(data) / 1024 / 1024:.1f} MB; a data file may be at most "
            f"{MAX_BYTES // 1024 // 1024} MB (split it into smaller files)",
        )
    return load_text(decode(data))


def decode(data: bytes) -> str:
    """Decode UTF-8 strictly (a leading BOM is dropped); LoadError at the first bad byte."""
    if b"\0" in data:
        start = data.index(b"\0")
        line, column = _position(data, start)
        raise LoadError(
            line, f"file contains a NUL byte (column {column}); save it as plain UTF-8 text"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        bad = data[error.start]
        raise LoadError(
            line, f"file is not valid UTF-8 (byte 0x{bad:02x} at column {column}); save it as UTF-8"
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data[:offset].count(b"\n") + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def load_text(text: str) -> Located:
    """Parse YAML text into a Located value. Raises LoadError for syntax errors and empty files,
    for nesting deeper than MAX_DEPTH, and for aliases that expand beyond MAX_VALUES values."""
    if FAST_LOADER is not None:
        try:
            return _load_with(text, FAST_LOADER)
        except yaml.YAMLError:
            pass  # PyYAML's own parser finds the same problem and words it as editors expect
    return _load_with(text, yaml.SafeLoader)


def _load_with(text: str, loader_class: type) -> Located:
    try:
        _check_depth(text, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise LoadError(1, "file is empty")
            _check_size(node)
            located = Located(value=None)
            located.value = _build(loader, node, (), located)
            return located
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        if loader_class is not yaml.SafeLoader:
            raise
        if isinstance(error, yaml.MarkedYAMLError):
            raise syntax_error(error) from None
        raise LoadError(1, f"YAML syntax error: {error}") from None


def _check_depth(text: str, loader_class: type) -> None:
    """Refuse deep nesting before composing (PyYAML composes recursively; its parser does not)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise LoadError(
                    event.start_mark.line + 1,
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; "
                    "the handbook's files need only a few levels",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_size(root: yaml.Node) -> None:
    """Refuse aliases that refer to themselves or expand to too many values (billion laughs)."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise LoadError(node.start_mark.line + 1, "an alias (*name) refers to its own anchor")
        active.add(key)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [item for pair in node.value for item in pair]
        total = 1 + sum(size(child) for child in children)
        active.discard(key)
        sizes[key] = total
        return total

    if size(root) > MAX_VALUES:
        raise LoadError(
            1,
            f"the file expands to more than {MAX_VALUES:,} values (aliases repeat anchored "
            "content); use fewer or smaller aliases",
        )


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
