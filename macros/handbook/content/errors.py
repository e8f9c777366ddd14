"""A file that cannot be read as YAML at all."""

from __future__ import annotations


class LoadError(Exception):
    """The file could not be read as YAML: the line and one message in plain words."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
