"""One data file: read, decoded, parsed with line numbers and checked against its spec."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from ..spec.language import Obj
from ..spec.problems import Path, Problem, format_path
from .errors import LoadError
from .loader import Located, load_bytes


def display_path(path: FsPath) -> str:
    """A path as the editor would type it: relative to the working directory when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else FsPath(relative).as_posix()


@dataclass
class DataFile:
    """One data file after reading and structural checking."""

    name: str
    shown: str
    located: Located | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.located is not None and not self.problems

    def report(self, path: Path, message: str, line: int | None = None) -> None:
        where = line if line is not None else self.located.line_of(path) if self.located else 1
        self.problems.append(Problem(self.shown, where, format_path(path), message))

    @property
    def value(self) -> Any:
        return self.located.value if self.located else None


def read_file(path: FsPath, name: str, spec: Obj) -> DataFile:
    data_file = DataFile(name, display_path(path))
    try:
        data_file.located = load_bytes(path.read_bytes())
    except FileNotFoundError:
        data_file.problems.append(Problem(data_file.shown, 1, "", "file is missing"))
        return data_file
    except OSError as error:
        message = f"cannot read file ({error.strerror or error})"
        data_file.problems.append(Problem(data_file.shown, 1, "", message))
        return data_file
    except LoadError as error:
        data_file.problems.append(Problem(data_file.shown, error.line, "", error.message))
        return data_file
    located = data_file.located
    key = (id(spec), data_file.shown)  # the spec is a module constant, alive as long as located
    if key not in located.checked:
        for problem_path, line, message in located.problems:
            data_file.report(problem_path, message, line)
        spec.check(located.value, (), data_file.report, located.raw)
        located.checked[key] = tuple(data_file.problems)
    data_file.problems = list(located.checked[key])  # the cross-file checks add to this list
    return data_file


def question_area(name: str) -> str:
    """The area a question file belongs to: questions/<area>.yaml, or questions/<area>/<any>.yaml
    (a large area may be split into several files)."""
    parts = name.split("/")
    return parts[1] if len(parts) > 2 else parts[-1].removesuffix(".yaml")
