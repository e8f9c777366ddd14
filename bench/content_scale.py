"""N x the handbook's content, still valid: a copy of data/ with synthetic questions and roles.

Copy k (2..N) of every question gets the id `<id>-x<k>`, suits copy k of the roles it suits
and is written to questions/<area>/x<k>.yaml (an area split into files, so no file outgrows the
loader's 5 MB limit); copy k of every role (`<id>-x<k>`, title "<title> ×k") keeps its levels,
and gets a loop in kits.yaml like its original's and copies of its original's kit edits (pins and
exclusions naming copy k of their questions). Everything else is copied unchanged: skills,
materials (which keep naming the original questions), principles and the calculator's rules,
which need not mention every role (a role without a weight is never hired, so the copies leave
the calculator's plans and grid alone; its skill-gap lists do name every role that closes a gap).

The scaled data is checked by the handbook's own loader and validator; ScaleError lists every
problem when it does not validate (for example a question file over the loader's size limit).

Usage: python bench/content_scale.py FACTOR DESTINATION [--source DATA_DIR]
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "macros"))

from handbook.content import DataError, Handbook, load_handbook  # noqa: E402

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScaleError(RuntimeError):
    """The scaled data does not validate; the message lists every problem."""

    def __init__(self, message: str, problems: list) -> None:
        super().__init__(message)
        self.problems = problems


def copy_id(item_id: str, k: int) -> str:
    """The id of copy k of an item (copy 1 is the original)."""
    return item_id if k == 1 else f"{item_id}-x{k}"


def read_yaml(path: Path) -> tuple[str, Any]:
    """(the leading comment lines, kept for the schema line; the parsed value)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    header = "".join(line for line in _leading_comments(lines))
    return header, yaml.load(text, Loader=Loader)


def _leading_comments(lines: list[str]) -> list[str]:
    taken = []
    for line in lines:
        if not line.startswith("#"):
            break
        taken.append(line)
    return taken


def write_yaml(path: Path, header: str, value: Any) -> None:
    body = yaml.dump(value, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + body, encoding="utf-8")


def scaled_roles(roles: list[dict], factor: int) -> list[dict]:
    """The roles, then copy 2 of each, then copy 3, ..."""
    scaled = list(roles)
    for k in range(2, factor + 1):
        for role in roles:
            twin = copy.deepcopy(role)
            twin["id"] = copy_id(role["id"], k)
            twin["title"] = f"{role['title']} ×{k}"
            scaled.append(twin)
    return scaled


def question_copies(questions: list[dict], k: int) -> list[dict]:
    """Copy k of each question, suiting copy k of its roles."""
    twins = []
    for question in questions:
        twin = copy.deepcopy(question)
        twin["id"] = copy_id(question["id"], k)
        twin["roles"] = [copy_id(role, k) for role in question["roles"]]
        twins.append(twin)
    return twins


def write_question_copies(path: Path, factor: int) -> None:
    """Copies 2..factor of an area file's questions, one file per copy in the area's folder
    (questions/<area>/x002.yaml ...), so that no file outgrows the loader's size limit."""
    header, value = read_yaml(path)
    folder = path.with_suffix("")
    folder.mkdir(exist_ok=True)
    header = header.replace("../../schemas/", "../../../schemas/")
    for k in range(2, factor + 1):
        copies = {**value, "questions": question_copies(value["questions"], k)}
        write_yaml(folder / f"x{k:03d}.yaml", header, copies)


def _kit_edit(edit: dict, k: int) -> dict:
    """Copy k of a kit edit: the same kit of copy k of its role, naming copy k of questions."""
    twin = copy.deepcopy(edit)
    role_id, _, level_id = edit["kit"].partition("/")
    twin["kit"] = f"{copy_id(role_id, k)}/{level_id}"
    for pin in twin.get("pin", []):
        pin["question"] = copy_id(pin["question"], k)
    if "exclude" in twin:
        twin["exclude"] = [copy_id(question, k) for question in twin["exclude"]]
    return twin


def scaled_kits(kits: dict, factor: int) -> dict:
    """kits.yaml with a loop and the kit edits of every role copy (stages and rule unchanged)."""
    scaled = dict(kits)
    loops, edits = kits["loops"], kits.get("kits", [])
    scaled["loops"] = [
        {**loop, "role": copy_id(loop["role"], k)} for k in range(1, factor + 1) for loop in loops
    ]
    if edits:
        scaled["kits"] = [_kit_edit(edit, k) for k in range(1, factor + 1) for edit in edits]
    return scaled


def _rewrite(path: Path, key: str, scale, factor: int) -> None:
    header, value = read_yaml(path)
    value[key] = scale(value[key], factor)
    write_yaml(path, header, value)


def write_scaled(source: Path, destination: Path, factor: int) -> Path:
    """Write factor x source's content into destination (replaced if it exists)."""
    if factor < 1:
        raise ValueError(f"the factor must be 1 or more, not {factor}")
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination)
    if factor == 1:
        return destination
    _rewrite(destination / "roles.yaml", "roles", scaled_roles, factor)
    for path in sorted((destination / "questions").glob("*.yaml")):
        write_question_copies(path, factor)
    header, kits = read_yaml(destination / "kits.yaml")
    write_yaml(destination / "kits.yaml", header, scaled_kits(kits, factor))
    return destination


def validated(data_dir: Path) -> Handbook:
    """The handbook's own validated model of data_dir; ScaleError listing every problem."""
    try:
        return load_handbook(data_dir)
    except DataError as error:
        problems = "\n".join(f"  {problem}" for problem in error.problems)
        message = f"the scaled data in {data_dir} does not validate:\n{problems}"
        raise ScaleError(message, error.problems) from None


def scale_data(source: Path, destination: Path, factor: int) -> Handbook:
    """Write factor x source's content into destination and return its validated model."""
    return validated(write_scaled(source, destination, factor))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("factor", type=int)
    parser.add_argument("destination", type=Path)
    parser.add_argument("--source", type=Path, default=DATA)
    args = parser.parse_args(argv)
    try:
        hb = scale_data(args.source, args.destination, args.factor)
    except ScaleError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.destination}: {len(hb.roles)} roles, {len(hb.questions)} questions, valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
