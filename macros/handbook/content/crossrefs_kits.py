"""Checks that span files for levels and kits: role levels against the skills, and kits.yaml
against roles, levels, skills and the question bank."""

from __future__ import annotations

from ..spec.language import unknown_id
from .files import DataFile, question_area


def _items(data_file: DataFile, key: str) -> list[dict]:
    value = data_file.value if data_file.located else None
    items = value.get(key) if isinstance(value, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def check_levels(roles: DataFile, skill_ids: list[str], base_ids: list[str]) -> None:
    """Each role's levels: unique ids, every base axis, known areas, what changes."""
    for index, role in enumerate(_items(roles, "roles")):
        levels = role.get("levels")
        seen: set[str] = set()
        for position, level in enumerate(levels if isinstance(levels, list) else []):
            if not isinstance(level, dict):
                continue
            path = ("roles", index, "levels", position)
            level_id = level.get("id")
            if isinstance(level_id, str) and level_id in seen:
                roles.report((*path, "id"), f"duplicate level '{level_id}' in this role")
            seen.add(level_id)
            if position > 0 and "changes" not in level:
                roles.report(path, "say what changes from the level below (add 'changes')")
            _check_level_skills(roles, path, level.get("skills"), skill_ids, base_ids)
        _check_headline(roles, index, role, base_ids)


def _check_level_skills(
    roles: DataFile, path: tuple, skills: object, skill_ids: list[str], base_ids: list[str]
) -> None:
    if not isinstance(skills, dict) or not skill_ids:
        return
    for axis in skills:
        if axis not in skill_ids:
            roles.report((*path, "skills", axis), unknown_id("skill", axis, skill_ids))
    for axis in base_ids:
        if axis not in skills:
            roles.report((*path, "skills"), f"missing level for base axis '{axis}'")


def _check_headline(roles: DataFile, index: int, role: dict, base_ids: list[str]) -> None:
    """The role's `skills` (matrix and calculator) equal the base axes of one of its levels."""
    headline, levels = role.get("skills"), role.get("levels")
    if not isinstance(headline, dict) or not isinstance(levels, list) or not base_ids:
        return
    profiles = [
        {axis: level["skills"].get(axis) for axis in base_ids}
        for level in levels
        if isinstance(level, dict) and isinstance(level.get("skills"), dict)
    ]
    wanted = {axis: headline.get(axis) for axis in base_ids}
    checkable = set(headline) == set(base_ids) and all(
        type(value) is int and 1 <= value <= 4 for value in headline.values()
    )
    if checkable and profiles and wanted not in profiles:
        roles.report(
            ("roles", index, "skills"),
            "the role's skills match none of its levels; make them equal to the base-axis "
            "levels of the level the skills matrix and the calculator should show",
        )


def check_kits(files: dict[str, DataFile], skill_ids: list[str], base_ids: list[str]) -> None:
    kits = files["kits.yaml"]
    if kits.located is None:
        return
    stages = {s["id"]: s for s in _items(kits, "stages") if isinstance(s.get("id"), str)}
    _check_stages(kits, skill_ids)
    role_items = _items(files["roles.yaml"], "roles")
    roles = {r["id"]: r for r in role_items if isinstance(r.get("id"), str)}
    if roles:
        _check_loops(kits, roles, stages, base_ids)
    questions = _question_areas(files)
    if not roles or not questions:
        return  # roles.yaml or the question bank is unusable: its own problems say why
    for index, stage in enumerate(_items(kits, "stages")):
        opening = stage.get("opens_with")
        if isinstance(opening, str) and opening not in questions:
            kits.report(("stages", index, "opens_with"), f"unknown question '{opening}'")
    _check_edits(kits, roles, stages, questions)


def _check_stages(kits: DataFile, skill_ids: list[str]) -> None:
    seen: set[str] = set()
    for index, stage in enumerate(_items(kits, "stages")):
        if stage.get("id") in seen:
            kits.report(("stages", index, "id"), f"duplicate stage '{stage['id']}'")
        seen.add(stage.get("id"))
        for position, area in enumerate(_strings(stage.get("probes"))):
            if skill_ids and area not in skill_ids:
                path = ("stages", index, "probes", position)
                kits.report(path, unknown_id("interview area", area, skill_ids))


def _check_loops(kits: DataFile, roles: dict, stages: dict, base_ids: list[str]) -> None:
    looped: set[str] = set()
    for index, loop in enumerate(_items(kits, "loops")):
        role_id = loop.get("role")
        if isinstance(role_id, str) and role_id not in roles:
            kits.report(("loops", index, "role"), unknown_id("role", role_id, list(roles)))
        elif role_id in looped:
            kits.report(("loops", index, "role"), f"role '{role_id}' has a loop already")
        looped.add(role_id)
        for position, stage_id in enumerate(_strings(loop.get("stages"))):
            path = ("loops", index, "stages", position)
            if stage_id not in stages:
                kits.report(path, unknown_id("stage", stage_id, list(stages)))
            elif role_id in roles:
                _check_rated(kits, path, stages[stage_id], roles[role_id], base_ids)
    for role_id in roles:
        if role_id not in looped:
            kits.report(("loops",), f"role '{role_id}' has no loop")


def _check_rated(kits: DataFile, path: tuple, stage: dict, role: dict, base_ids: list[str]) -> None:
    """Every area a stage probes is on the scorecard: a base axis, or set in every level."""
    levels = [lv for lv in role.get("levels") or [] if isinstance(lv, dict)]
    for area in _strings(stage.get("probes")):
        if area in base_ids:
            continue
        for level in levels:
            skills = level.get("skills")
            if isinstance(skills, dict) and area not in skills:
                kits.report(
                    path,
                    f"stage '{stage['id']}' probes {area}, but {role['id']}/{level.get('id')} "
                    f"has no expected {area} level in roles.yaml",
                )


def _question_areas(files: dict[str, DataFile]) -> dict[str, str]:
    """Question id -> its area, over every question file."""
    found: dict[str, str] = {}
    for name, data_file in files.items():
        if name.startswith("questions/") and data_file.located is not None:
            for question in _items(data_file, "questions"):
                if isinstance(question.get("id"), str):
                    found[question["id"]] = question_area(name)
    return found


def _check_edits(kits: DataFile, roles: dict, stages: dict, questions: dict[str, str]) -> None:
    loops = {loop.get("role"): _strings(loop.get("stages")) for loop in _items(kits, "loops")}
    seen: set[str] = set()
    for index, edit in enumerate(_items(kits, "kits")):
        kit_id = edit.get("kit")
        if not isinstance(kit_id, str) or "/" not in kit_id:
            continue
        role_id, _, level_id = kit_id.partition("/")
        known = [
            f"{r}/{lv.get('id')}"
            for r, role in roles.items()
            for lv in role.get("levels") or []
            if isinstance(lv, dict)
        ]
        if kit_id not in known:
            kits.report(("kits", index, "kit"), unknown_id("kit", kit_id, known))
            continue
        if kit_id in seen:
            kits.report(("kits", index, "kit"), f"kit '{kit_id}' is edited twice")
        seen.add(kit_id)
        for position, pin in enumerate(edit.get("pin") or []):
            if isinstance(pin, dict):
                path = ("kits", index, "pin", position)
                _check_pin(kits, path, pin, loops.get(role_id, []), stages, questions)
        for position, question in enumerate(_strings(edit.get("exclude"))):
            if question not in questions:
                kits.report(("kits", index, "exclude", position), f"unknown question '{question}'")


def _check_pin(
    kits: DataFile, path: tuple, pin: dict, loop: list[str], stages: dict, questions: dict
) -> None:
    """A pin names a stage of the role's loop and a known question, of any area: a question
    filed under one area may probe another (e.g. CI/CD for ML probes ML systems)."""
    stage_id, question = pin.get("stage"), pin.get("question")
    if isinstance(stage_id, str) and stage_id not in loop:
        kits.report((*path, "stage"), unknown_id("stage of this loop", stage_id, loop))
    elif isinstance(question, str) and question not in questions:
        kits.report((*path, "question"), f"unknown question '{question}'")
