"""Load every data file, collect every problem, and build the frozen model (or raise DataError)."""

from __future__ import annotations

import os
from pathlib import Path as FsPath

from ..spec.language import Obj
from ..spec.problems import DataError, Problem
from . import crossrefs
from .files import DataFile, display_path, question_area, read_file
from .model import Entry, FractionalTask, Handbook, Material, Question, Role, Skill, Source
from .model_kits import KitSettings
from .specs import COMPOSITION, HANDBOOK, INTERVIEWING, MATERIALS, QUESTIONS, ROLES, SKILLS
from .specs_kits import KITS

FILE_SPECS: dict[str, Obj] = {
    "handbook.yaml": HANDBOOK,
    "skills.yaml": SKILLS,
    "roles.yaml": ROLES,
    "composition.yaml": COMPOSITION,
    "interviewing.yaml": INTERVIEWING,
    "materials.yaml": MATERIALS,
    "kits.yaml": KITS,
}
QUESTIONS_DIR = "questions"


def read_all(data_dir: FsPath) -> dict[str, DataFile]:
    files = {name: read_file(data_dir / name, name, spec) for name, spec in FILE_SPECS.items()}
    question_dir = data_dir / QUESTIONS_DIR
    paths = [*question_dir.glob("*.yaml"), *question_dir.glob("*/*.yaml")]
    for path in sorted(paths, key=lambda p: p.as_posix()) if question_dir.is_dir() else ():
        name = path.relative_to(data_dir).as_posix()
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
    question_files = sorted(name for name in files if name.startswith(f"{QUESTIONS_DIR}/"))
    questions = tuple(
        Question.build(skill["id"], item)
        for skill in skills
        for name in question_files
        if question_area(name) == skill["id"]
        for item in _value_or(files[name], "questions")
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
        materials=tuple(Material.build(m) for m in files["materials.yaml"].value["materials"]),
        calculator_rules_json=crossrefs.calculator_rules_json(files),
        kits=KitSettings.build(files["kits.yaml"].value),
    )
