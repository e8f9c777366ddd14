"""What one build worked out, for the next build in the same process (`mkdocs serve`).

A rebuild after an edit redoes every page, though an edit changes a few. The MkDocs edge
(macros/main.py) keeps per-page results here under a digest of everything they were made
from, so a page whose inputs are those of the last build gets its results back. Each memory
keeps what this build and the one before used, and forgets older values, so a long session
holds no more than two builds' worth. The memories live as long as this package: a change to
the handbook's code re-imports it (macros/main.py) and so starts them empty.
"""

from __future__ import annotations

import hashlib
from typing import Any

_memories: dict[str, Memory] = {}


class Memory:
    """Values by key, from this build or the last one."""

    def __init__(self) -> None:
        self.previous: dict[bytes, Any] = {}
        self.current: dict[bytes, Any] = {}

    def new_build(self) -> None:
        self.previous, self.current = self.current, {}

    def recall(self, key: bytes) -> Any | None:
        if key not in self.current and key in self.previous:
            self.current[key] = self.previous.pop(key)
        return self.current.get(key)

    def keep(self, key: bytes, value: Any) -> None:
        self.current[key] = value


def memory(name: str) -> Memory:
    """The memory called name, made empty on first use."""
    return _memories.setdefault(name, Memory())


def new_build() -> None:
    """Every memory moves on a build: what the last build used stays, older values go."""
    for each in _memories.values():
        each.new_build()


def digest(*parts: str) -> bytes:
    """A key for parts, in order (each length-prefixed, so no two lists share one)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.digest()
