"""Checks that span files: unique ids, references to roles, skills and areas, level scales."""

from __future__ import annotations

import json
from typing import Any

from .. import engine
from ..spec.language import unknown_id
from . import crossrefs_kits
from .files import DataFile, question_area


def _items(data_file: DataFile, key: str) -> list[dict]:
    """The well-formed entries of a top-level list, or nothing when the file is unusable."""
    value = data_file.value if data_file.located else None
    items = value.get(key) if isinstance(value, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _check_unique(data_file: DataFile, key: str, seen: dict[str, str], noun: str = "id") -> None:
    for index, item in enumerate(_items(data_file, key)):
        item_id = item.get("id")
        if not isinstance(item_id, str):
            continue
        path = (key, index, "id")
        where = f"{data_file.shown}:{data_file.located.line_of(path)}"
        if item_id in seen:
            data_file.report(path, f"duplicate {noun} '{item_id}' (first used at {seen[item_id]})")
        else:
            seen[item_id] = where


def _ids(data_file: DataFile, key: str) -> list[str]:
    return [item["id"] for item in _items(data_file, key) if isinstance(item.get("id"), str)]


def check(files: dict[str, DataFile]) -> None:
    """Add every cross-file problem to the file it belongs to."""
    skills, roles = files["skills.yaml"], files["roles.yaml"]
    for data_file, key in [
        (skills, "skills"),
        (roles, "roles"),
        (files["interviewing.yaml"], "principles"),
    ]:
        _check_unique(data_file, key, {})
    composition = files["composition.yaml"]
    _check_unique(composition, "principles", {})
    _check_unique(composition, "fractional_tasks", {})
    _check_levels(skills)
    skill_ids = _ids(skills, "skills")
    base_ids = [s["id"] for s in _items(skills, "skills") if s.get("base") is True and "id" in s]
    role_ids = _ids(roles, "roles")
    _check_roles(roles, skill_ids, base_ids)
    crossrefs_kits.check_levels(roles, skill_ids, base_ids)
    crossrefs_kits.check_kits(files, skill_ids, base_ids)
    question_ids = _check_questions(files, skill_ids, role_ids)
    _check_materials(files, skill_ids, question_ids)
    if all(files[name].ok for name in ("composition.yaml", "roles.yaml", "skills.yaml")):
        for path, message in engine.rule_problems(_rules(files)):
            composition.report(("calculator", *path), message)


def _check_levels(skills: DataFile) -> None:
    for index, skill in enumerate(_items(skills, "skills")):
        levels = skill.get("levels")
        if isinstance(levels, list):
            for position, level in enumerate(levels):
                found = level.get("level") if isinstance(level, dict) else None
                if type(found) is int and found != position + 1:
                    skills.report(
                        ("skills", index, "levels", position, "level"),
                        f"levels must run 1 to 4 in order; expected {position + 1}, found {found}",
                    )
            if len(levels) > 4:
                skills.report(("skills", index, "levels"), f"has {len(levels)} levels; use 4")


def _check_roles(roles: DataFile, skill_ids: list[str], base_ids: list[str]) -> None:
    for index, role in enumerate(_items(roles, "roles")):
        levels = role.get("skills")
        if isinstance(levels, dict) and base_ids:
            for axis in levels:
                if axis not in base_ids:
                    message = (
                        f"'{axis}' is not a base axis (base axes: {', '.join(base_ids)})"
                        if axis in skill_ids
                        else unknown_id("skill", axis, base_ids)
                    )
                    roles.report(("roles", index, "skills", axis), message)
            for axis in base_ids:
                if axis not in levels:
                    roles.report(
                        ("roles", index, "skills"), f"missing level for base axis '{axis}'"
                    )
        focus = role.get("interview_focus")
        for position, item in enumerate(focus if isinstance(focus, list) else []):
            area = item.get("area") if isinstance(item, dict) else None
            if isinstance(area, str) and skill_ids and area not in skill_ids:
                roles.report(
                    ("roles", index, "interview_focus", position, "area"),
                    unknown_id("interview area", area, skill_ids),
                )


def _check_questions(
    files: dict[str, DataFile], skill_ids: list[str], role_ids: list[str]
) -> list[str]:
    """Question files: named after areas, unique ids, known roles. Returns every question id."""
    seen: dict[str, str] = {}
    for name, data_file in files.items():
        if not name.startswith("questions/") or data_file.located is None:
            continue
        area = question_area(name)
        if skill_ids and area not in skill_ids:
            kind = "folder" if name.count("/") > 1 else "file"
            data_file.report(
                (),
                f"{kind} name '{area}' is not an interview area; name the {kind} "
                f"after one of: {', '.join(skill_ids)}",
                line=1,
            )
        _check_unique(data_file, "questions", seen, noun="question id")
        for index, question in enumerate(_items(data_file, "questions")):
            suited = question.get("roles")
            for position, role in enumerate(suited if isinstance(suited, list) else []):
                if isinstance(role, str) and role_ids and role not in role_ids:
                    data_file.report(
                        ("questions", index, "roles", position), unknown_id("role", role, role_ids)
                    )
    return list(seen)


def _check_materials(
    files: dict[str, DataFile], skill_ids: list[str], question_ids: list[str]
) -> None:
    """Materials name known areas and questions; questions name known materials."""
    materials = files["materials.yaml"]
    _check_unique(materials, "materials", {}, noun="material id")
    material_ids = _ids(materials, "materials")
    for index, material in enumerate(_items(materials, "materials")):
        area = material.get("area")
        if isinstance(area, str) and skill_ids and area not in skill_ids:
            materials.report(("materials", index, "area"), unknown_id("area", area, skill_ids))
        wanted = material.get("questions")
        for position, question in enumerate(wanted if isinstance(wanted, list) else []):
            if isinstance(question, str) and question_ids and question not in question_ids:
                materials.report(
                    ("materials", index, "questions", position),
                    f"unknown question '{question}'",
                )
    if not materials.ok:
        return
    for name, data_file in files.items():
        if not name.startswith("questions/") or data_file.located is None:
            continue
        for index, question in enumerate(_items(data_file, "questions")):
            listed = question.get("materials")
            for position, item in enumerate(listed if isinstance(listed, list) else []):
                if isinstance(item, str) and item not in material_ids:
                    data_file.report(
                        ("questions", index, "materials", position),
                        unknown_id("material", item, material_ids),
                    )


def _rules(files: dict[str, DataFile]) -> dict[str, Any]:
    composition = files["composition.yaml"].value
    skills = files["skills.yaml"].value["skills"]
    return engine.build_rules(
        composition["calculator"],
        files["roles.yaml"].value["roles"],
        composition["fractional_tasks"],
        [skill["id"] for skill in skills if skill["base"]],
    )


def calculator_rules_json(files: dict[str, DataFile]) -> str:
    """The engine's rules, as canonical JSON, from validated files."""
    return json.dumps(_rules(files), sort_keys=True, separators=(",", ":"))
