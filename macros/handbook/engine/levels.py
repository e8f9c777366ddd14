"""Levels in a plan: the level each hire comes in at, and the team's best level per axis.

Standard library only (runs in Pyodide too). calculator.roles.<role>.levels names, per role, the
level of its first hire (`first`), of every later one (`later`) and the level the existing team
is assumed to hold (`employed`); each defaults to the role's headline level, the one whose
profile the role matrix shows.
"""

from __future__ import annotations

from typing import Any

from .plan import by_id

LEVEL_MAX = 4
LEVEL_KEYS = ("first", "later", "employed")


def level_choice(rules: dict[str, Any], role_id: str) -> dict[str, str]:
    """{first, later, employed} -> level id for one role, with the defaults filled in."""
    given = rules["calculator"]["roles"].get(role_id, {}).get("levels", {})
    headline = by_id(rules["roles"], role_id)["headline"]
    return {key: given.get(key, headline) for key in LEVEL_KEYS}


def hire_level(rules: dict[str, Any], role_id: str, count_before: int) -> str:
    """The level of a hire into role_id when the team already holds count_before of the role."""
    return level_choice(rules, role_id)["first" if count_before == 0 else "later"]


def level_skills(rules: dict[str, Any], role_id: str, level_id: str) -> dict[str, int]:
    return by_id(by_id(rules["roles"], role_id)["levels"], level_id)["skills"]


def team_people(
    rules: dict[str, Any], existing: dict[str, int], hires: list[dict[str, str]]
) -> list[tuple[str, str]]:
    """(role, level) for each distinct kind of person on the team after the plan."""
    people = {
        (role_id, level_choice(rules, role_id)["employed"])
        for role_id, count in existing.items()
        if count > 0
    }
    people.update((hire["role"], hire["level"]) for hire in hires)
    return sorted(people)


def coverage(
    rules: dict[str, Any], setup: dict[str, Any], people: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Per base axis: the level needed, the team's best, met or gap, and for a gap the lowest
    level of each role that would close it ([] when no level of any role reaches it)."""
    rows = []
    for axis in rules["axes"]:
        needed = setup["archetype"]["needs"][axis]
        needed += setup["stage"].get("needs_bonus", {}).get(axis, 0)
        needed += setup["data"].get("needs_bonus", {}).get(axis, 0)
        needed = min(needed, LEVEL_MAX)
        have = max((level_skills(rules, *person)[axis] for person in people), default=0)
        status = "met" if have >= needed else "gap"
        row = {"axis": axis, "needed": needed, "have": have, "status": status}
        rows.append({**row, "closed_by": _closers(rules, axis, needed) if status == "gap" else []})
    return rows


def _closers(rules: dict[str, Any], axis: str, needed: int) -> list[dict[str, str]]:
    closers = []
    for role in rules["roles"]:
        level = next((lv for lv in role["levels"] if lv["skills"][axis] >= needed), None)
        if level is not None:
            closers.append({"role": role["id"], "level": level["id"]})
    return closers
