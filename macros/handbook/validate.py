"""Load every data file, collect every problem, and build the frozen model (or raise DataError)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from handbook import crossrefs
from handbook.loader import LoadError, Located, decode, load_text
from handbook.model import Entry, FractionalTask, Handbook, Question, Role, Skill, Source
from handbook.problems import DataError, Path, Problem, format_path
from handbook.schema import Obj
from handbook.specs import HANDBOOK, INTERVIEWING, QUESTIONS, ROLES, SKILLS, composition_spec
from handbook.specs_calculator import CALCULATOR

COMPOSITION = composition_spec(CALCULATOR)
FILE_SPECS: dict[str, Obj] = {
    "handbook.yaml": HANDBOOK,
    "skills.yaml": SKILLS,
    "roles.yaml": ROLES,
    "composition.yaml": COMPOSITION,
    "interviewing.yaml": INTERVIEWING,
}
QUESTIONS_DIR = "questions"


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
        text = decode(path.read_bytes())
        data_file.located = load_text(text)
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
    for problem_path, line, message in data_file.located.problems:
        data_file.report(problem_path, message, line)
    located = data_file.located
    spec.check(located.value, (), data_file.report, located.raw)
    return data_file


def read_all(data_dir: FsPath) -> dict[str, DataFile]:
    files = {name: read_file(data_dir / name, name, spec) for name, spec in FILE_SPECS.items()}
    question_dir = data_dir / QUESTIONS_DIR
    for path in sorted(question_dir.glob("*.yaml")) if question_dir.is_dir() else ():
        name = f"{QUESTIONS_DIR}/{path.name}"
        files[name] = read_file(path, name, QUESTIONS)
    if not any(name.startswith(QUESTIONS_DIR) for name in files):
        shown = display_path(question_dir)
        files[QUESTIONS_DIR] = DataFile(
            QUESTIONS_DIR,
            shown,
            problems=[
                Problem(shown, 1, "", "no question files (expected questions/<area-id>.yaml)")
            ],
        )
    return files


def collect_problems(data_dir: FsPath) -> tuple[dict[str, DataFile], list[Problem]]:
    """Read and check everything; return the files and every problem, sorted by file and line."""
    files = read_all(data_dir)
    crossrefs.check(files)
    problems = sorted({p for data_file in files.values() for p in data_file.problems})
    return files, problems


def load_handbook(data_dir: str | os.PathLike[str]) -> Handbook:
    """The validated, frozen handbook. Raises DataError listing every problem."""
    files, problems = collect_problems(FsPath(data_dir))
    if problems:
        raise DataError(problems)
    return build_model(files)


def _value_or(data_file: DataFile | None, key: str) -> list:
    return data_file.value[key] if data_file is not None else []


def build_model(files: dict[str, DataFile]) -> Handbook:
    meta = files["handbook.yaml"].value
    composition = files["composition.yaml"].value
    skills = files["skills.yaml"].value["skills"]
    questions = tuple(
        Question.build(skill["id"], item)
        for skill in skills
        for item in _value_or(files.get(f"{QUESTIONS_DIR}/{skill['id']}.yaml"), "questions")
    )
    return Handbook(
        title=meta["title"],
        edition=meta["edition"],
        summary=meta["summary"],
        audience=tuple(meta["audience"]),
        sources=tuple(Source(**{"publisher": "", "published": "", **s}) for s in meta["sources"]),
        editorial_note=meta["editorial_note"],
        skills=tuple(Skill.build(s) for s in skills),
        roles=tuple(Role.build(r) for r in files["roles.yaml"].value["roles"]),
        questions=questions,
        composition=tuple(Entry.build(e) for e in composition["principles"]),
        fractional_tasks=tuple(FractionalTask(**t) for t in composition["fractional_tasks"]),
        interviewing=tuple(Entry.build(e) for e in files["interviewing.yaml"].value["principles"]),
        calculator_rules_json=crossrefs.calculator_rules_json(files),
    )
