"""The calculator's rules: assembled from plain data, and checked with the one spec language.

Standard library only. `rule_problems` returns (path into the calculator section, message)
pairs, so the content validator can point each at its YAML line; the browser never needs it,
because rules are validated before the site is built.
"""

from __future__ import annotations

import copy
from typing import Any

from ..spec.problems import Path
from .rules_check import RuleChecker
from .rules_spec import CALCULATOR


def build_rules(
    calculator: dict[str, Any],
    roles: list[dict[str, Any]],
    fractional_tasks: list[dict[str, Any]],
    axes: list[str],
) -> dict[str, Any]:
    """The rules dict the engine takes: base axes, roles with their levels, tasks, calculator."""
    return {
        "axes": list(axes),
        "roles": [
            {
                "id": role["id"],
                "title": role["title"],
                "skills": _base(role.get("skills", {}), axes),
                "headline": _headline(role, axes),
                "levels": [
                    {
                        "id": level["id"],
                        "title": level["title"],
                        "skills": _base(level["skills"], axes),
                    }
                    for level in role.get("levels", [])
                ],
            }
            for role in roles
        ],
        "fractional_tasks": [
            {"id": task["id"], "title": task["title"]} for task in fractional_tasks
        ],
        "calculator": copy.deepcopy(calculator),
    }


def _base(skills: dict[str, int], axes: list[str]) -> dict[str, int]:
    return {axis: skills.get(axis, 0) for axis in axes}


def _headline(role: dict[str, Any], axes: list[str]) -> str:
    """The id of the level whose base axes equal the role's `skills` (the first level if none)."""
    headline = _base(role.get("skills", {}), axes)
    levels = role.get("levels", [])
    match = [level["id"] for level in levels if _base(level["skills"], axes) == headline]
    return (match or [level["id"] for level in levels] or [""])[0]


def rule_problems(rules: dict[str, Any]) -> list[tuple[Path, str]]:
    """Every problem of rules["calculator"]: its shape first, then what refers to what."""
    problems: list[tuple[Path, str]] = []

    def report(path: Path, message: str) -> None:
        problems.append((path, message))

    CALCULATOR.check(rules.get("calculator"), (), report, {})
    if not problems:
        RuleChecker(rules, report).check(rules["calculator"])
    return problems
