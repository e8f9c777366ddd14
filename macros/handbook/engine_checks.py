"""Generic checks for the calculator rules: typed values, known ids, links, one message each.

Standard library only (part of the engine that the browser loads).
"""

from __future__ import annotations

import re
from typing import Any

Path = tuple[Any, ...]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_SEGMENT = r"[a-z0-9]+(-[a-z0-9]+)*"
LINK_PATTERN = re.compile(rf"^{_SEGMENT}/({_SEGMENT}/)?(#{_SEGMENT})?$")
LINK_EXAMPLE = "'roles/ml-engineer/' or 'team-composition/#start-with-generalists'"
_SHOWN_MAX = 40


def show(value: Any) -> str:
    """A value as a short, single-line string for a message."""
    text = repr(value)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 3] + "..."


class Checker:
    """Collects (path, message) problems; `roles` are the known role ids (for role links)."""

    def __init__(self, roles: list) -> None:
        self.problems: list[tuple[Path, str]] = []
        self.roles = roles

    def add(self, path: Path, message: str) -> None:
        self.problems.append((path, message))

    def fields(self, value: Any, path: Path, required: tuple, optional: tuple = ()) -> dict:
        """value as a mapping with its required fields; reports missing and unknown fields."""
        value = self.mapping(value, path)
        for key in value:
            if key not in required + optional:
                self.add(
                    path + (key,),
                    f"unknown field {show(key)}; allowed: {', '.join(required + optional)}",
                )
        for key in required:
            if key not in value:
                self.add(path, f"missing field {show(key)}")
        return value

    def entries(self, value: Any, path: Path) -> list:
        if not isinstance(value, list) or not value:
            self.add(path, "must be a non-empty list")
            return []
        return value

    def text(self, value: Any, path: Path) -> None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, "must be non-empty plain text")

    def whole(self, value: Any, path: Path, low: int, high: int, noun: str) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.add(path, f"{noun} must be a whole number from {low} to {high}, got {show(value)}")

    def known(self, value: Any, allowed: list, noun: str, path: Path) -> bool:
        if value not in allowed:
            self.add(path, f"unknown {noun} {show(value)}")
            return False
        return True

    def mapping(self, value: Any, path: Path) -> dict:
        if not isinstance(value, dict):
            self.add(path, f"must be a mapping, got {show(value)}")
            return {}
        return value

    def numbers(self, value: Any, path: Path, keys: list, noun: str, bounds: tuple) -> dict:
        """A mapping {role or axis id: whole number in bounds}; noun is 'role' or 'axis'."""
        mapping = self.mapping(value, path)
        for key, number in mapping.items():
            if self.known(key, keys, noun, path + (key,)):
                self.whole(number, path + (key,), *bounds, noun=path[-1])
        return mapping

    def complete(self, mapping: dict, path: Path, keys: list, noun: str) -> None:
        for key in keys:
            if key not in mapping:
                self.add(path, f"missing {path[-1]} for {noun} {show(key)}")

    def link(self, value: Any, path: Path) -> None:
        if not isinstance(value, str) or not LINK_PATTERN.match(value):
            self.add(path, f"link {show(value)} must be a site-relative path like {LINK_EXAMPLE}")
            return
        parts = value.split("#")[0].strip("/").split("/")
        if parts[0] == "roles" and len(parts) == 2:
            self.known(parts[1], self.roles, "role", path)

    def reason(self, value: Any, path: Path) -> None:
        reason = self.fields(value, path, ("text", "link"))
        if "text" in reason:
            self.text(reason["text"], path + ("text",))
        if "link" in reason:
            self.link(reason["link"], path + ("link",))

    def identity(self, entry: dict, path: Path, seen: list) -> None:
        for key in ("title", "description"):
            if key in entry:
                self.text(entry[key], path + (key,))
        entry_id = entry.get("id")
        if "id" in entry and (not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id)):
            self.add(path + ("id",), f"id {show(entry_id)} must be kebab-case")
        elif entry_id in seen:
            self.add(path + ("id",), f"duplicate id {show(entry_id)}")
        seen.append(entry_id)
