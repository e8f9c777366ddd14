"""Problems found in the data, each pointing at a file, a line and a field path."""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Render ("roles", 2, "skills", "ml-theory") as roles[2].skills.ml-theory."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data: FILE:LINE: path: message."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(Exception):
    """Raised when the data does not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{count} {noun} in the handbook data:\n{lines}")
