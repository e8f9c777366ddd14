"""Fractional tasks, judged along the plan: a task is needed while its gap is open.

Standard library only (runs in Pyodide too). A rule's gap is open from the start while the
existing team has nobody in its `closed_by` role, and closes at that role's first hire
(`until`). It is needed `now`, `before` the first hire of a role, or `before-launch` (at a
stage marked prelaunch; at later stages that means now). A task needed only after its gap has
closed is not listed. Tasks a hire's need committed to (a need met by a fractional task) are
always listed; the others fill the list up to max_fractional, most urgent first.
"""

from __future__ import annotations

from typing import Any

from .conditions import matches

DEFAULT_MAX_FRACTIONAL = 3
NOW = 1  # urgency of "now": needed before the first hire
LAUNCH = 1_000_000  # after any hire of a plan: launch comes at an unknown point


def first_hires(order: list[str]) -> dict[str, int]:
    """Role -> the hire number (1-based) of its first hire in the plan."""
    first: dict[str, int] = {}
    for number, role_id in enumerate(order, start=1):
        first.setdefault(role_id, number)
    return first


def _urgency(rule: dict, setup: dict, existing: dict, first: dict) -> tuple[int, str] | None:
    """(rank, text) of when the rule's task is needed, or None if not within this plan."""
    if "before" in rule:
        role_id = rule["before"]
        if existing.get(role_id, 0):
            return NOW, "now"
        return (first[role_id], f"before hire {first[role_id]}") if role_id in first else None
    if rule.get("needed") == "before-launch" and setup["stage"].get("prelaunch"):
        return LAUNCH, "before launch"
    return NOW, "now"


def _from_rules(rules: dict, setup: dict, facts: dict, existing: dict, first: dict) -> dict:
    """Task id -> candidate entry from the first rule that lists it."""
    found: dict[str, dict[str, Any]] = {}
    for index, rule in enumerate(rules["calculator"]["fractional_rules"]):
        if rule["task"] in found or not matches(rule.get("when", {}), facts):
            continue
        closer = rule.get("closed_by")
        if closer and existing.get(closer, 0):
            continue
        urgency = _urgency(rule, setup, existing, first)
        until = first.get(closer) if closer else None
        if urgency is None or (until is not None and until <= urgency[0] < LAUNCH):
            continue
        found[rule["task"]] = {
            "rank": (urgency[0], index),
            "needed": urgency[1],
            "until": until,
            "why": rule["why"],
            "required": False,
        }
    return found


def _from_needs(committed: dict, first: dict, offset: int) -> dict:
    """Task id -> entry for every task a hire's need was met by."""
    return {
        task_id: {
            "rank": (entry["hire"], offset),
            "needed": f"before hire {entry['hire']}" if entry["hire"] > 1 else "now",
            "until": first.get(entry["role"]),
            "why": entry["why"],
            "required": True,
        }
        for task_id, entry in committed.items()
    }


def fractional(rules: dict, setup: dict, facts: dict, order: list, committed: dict) -> list:
    """The plan's fractional tasks, most urgent first, each with why, needed and until."""
    first = first_hires(order)
    existing = facts["existing_counts"]
    found = _from_rules(rules, setup, facts, existing, first)
    offset = len(rules["calculator"]["fractional_rules"])
    for task_id, entry in _from_needs(committed, first, offset).items():
        if task_id not in found or entry["rank"] < found[task_id]["rank"]:
            found[task_id] = entry
        else:
            found[task_id]["required"] = True
    most = rules["calculator"].get("max_fractional", DEFAULT_MAX_FRACTIONAL)
    ranked = sorted(found.items(), key=lambda item: item[1]["rank"])
    room = max(most - sum(entry["required"] for _, entry in ranked), 0)
    kept = []
    for task_id, entry in ranked:
        if entry["required"] or room > 0:
            room -= 0 if entry["required"] else 1
            kept.append(_entry(rules, task_id, entry))
    return kept


def _entry(rules: dict, task_id: str, entry: dict) -> dict[str, Any]:
    title = next(task["title"] for task in rules["fractional_tasks"] if task["id"] == task_id)
    return {
        "id": task_id,
        "title": title,
        "why": entry["why"],
        "needed": entry["needed"],
        "until": entry["until"],
    }
