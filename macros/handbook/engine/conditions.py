"""The calculator's conditions: `when` mappings of rules, tested against a plan's facts.

Standard library only (runs in Pyodide too).
"""

from __future__ import annotations

from typing import Any

SETTING_KEYS = ("stage", "data", "trait")


def matches(when: dict[str, Any], facts: dict[str, Any]) -> bool:
    """Whether every condition of a `when` mapping holds for the finished plan's facts."""
    checks = {
        "lacks": lambda role_id: facts["counts"].get(role_id, 0) == 0,
        "hires": lambda role_id: role_id in facts["hired"],
        "stage": lambda ids: facts["stage"] in ids,
        "data": lambda ids: facts["data"] in ids,
        "trait": lambda trait: trait in facts["traits"],
        "existing": lambda wanted: facts["existing"] == wanted,
        "generalist_base": lambda wanted: facts["generalist_base"] == wanted,
        "fractional": lambda wanted: facts["fractional"] == wanted,
    }
    return all(checks[key](value) for key, value in when.items())


def setting_holds(when: dict[str, Any], setting: dict[str, Any]) -> bool:
    """Whether a condition on the request's settings alone (stage, data, trait) holds."""
    return matches(when, {"stage": setting["stage"], "data": setting["data"], **setting})
