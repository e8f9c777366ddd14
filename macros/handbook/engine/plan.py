"""The calculator's plan builder: hires one person at a time from the team's current state.

Standard library only: this module runs in CPython, at build time and in Pyodide. It assumes
rules that engine_rules.rule_problems accepts and a request that engine.normalise_request
returned.
"""

from __future__ import annotations

from typing import Any

LEVEL_MAX = 4

Counts = dict[str, int]


def by_id(entries: list[dict[str, Any]], entry_id: str) -> dict[str, Any]:
    """The entry of a list of {id, ...} dicts with the given id."""
    return next(entry for entry in entries if entry["id"] == entry_id)


def settings(rules: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    """Everything the builder needs for one request, resolved from the rules."""
    calculator = rules["calculator"]
    archetype = by_id(calculator["archetypes"], request["archetype"])
    stage = by_id(calculator["stages"], request["stage"])
    data = by_id(calculator["data_complexity"], request["data"])
    role_ids = [role["id"] for role in rules["roles"]]
    needs = {role_id: calculator["roles"].get(role_id, {}).get("needs", []) for role_id in role_ids}
    deadlines: Counts = {}
    for modifier in (stage, data):
        for role_id, hire_number in modifier.get("deadlines", {}).items():
            deadlines[role_id] = min(hire_number, deadlines.get(role_id, hire_number))
    return {
        "role_ids": role_ids,
        "archetype": archetype,
        "stage": stage,
        "data": data,
        "weights": {role_id: _weight(archetype, stage, data, role_id) for role_id in role_ids},
        "deadlines": deadlines,
        "needs": needs,
        "hard_needs": {
            role_id: [need["role"] for need in role_needs if "or_fractional" not in need]
            for role_id, role_needs in needs.items()
        },
        "min_team": {
            role_id: archetype.get("min_team", {}).get(role_id, 0) for role_id in role_ids
        },
        "generalist": calculator["generalist"]["role"],
        "generalist_base": calculator["generalist"]["base"],
    }


def _weight(archetype: dict, stage: dict, data: dict, role_id: str) -> int:
    """The archetype's weight times the stage's and data complexity's percentages (exact ints)."""
    weight = archetype["weights"].get(role_id, 0)
    weight *= stage.get("weight_percent", {}).get(role_id, 100)
    return weight * data.get("weight_percent", {}).get(role_id, 100)


def build_order(setup: dict[str, Any], existing: Counts, headcount: int) -> tuple[list, dict]:
    """The hiring order and the fractional tasks that gates committed to, as {task: why}."""
    counts = {role_id: existing.get(role_id, 0) for role_id in setup["role_ids"]}
    start_with_specialist = existing.get(setup["generalist"], 0) >= setup["generalist_base"]
    order: list[str] = []
    committed: dict[str, str] = {}
    for hire_number in range(1, headcount + 1):
        first_and_based = hire_number == 1 and start_with_specialist
        role_id = next_hire(setup, counts, hire_number, first_and_based)
        for need in setup["needs"][role_id]:
            if counts[need["role"]] == 0 and "or_fractional" in need:
                committed.setdefault(need["or_fractional"], need["why"])
        counts[role_id] += 1
        order.append(role_id)
    return order, committed


def next_hire(setup: dict[str, Any], counts: Counts, hire_number: int, specialist: bool) -> str:
    """The next role to hire, chosen from the current team state alone.

    Candidates are the roles whose hard needs are on the team and whose minimum team size is
    reached. Then, in order: a role whose deadline has come, a role about to fall to its
    minimum share, else the best weight / (count + 1).
    """
    team_size = sum(counts.values())
    candidates = [
        role_id
        for role_id in setup["role_ids"]
        if team_size >= setup["min_team"][role_id]
        and all(counts[need] > 0 for need in setup["hard_needs"][role_id])
    ]
    generalist = setup["generalist"]
    if specialist and len(candidates) > 1 and generalist in candidates:
        candidates.remove(generalist)
    if not candidates:
        return generalist
    return (
        _due(setup, counts, hire_number, candidates)
        or _below_share(setup, counts, team_size + 1, candidates)
        or _best_scoring(setup, counts, candidates)
    )


def _due(setup: dict[str, Any], counts: Counts, hire_number: int, candidates: list) -> str | None:
    """A missing role whose deadline leaves no slack (earliest deadline first), if any."""
    pending = sorted(
        (deadline, setup["role_ids"].index(role_id), role_id)
        for role_id, deadline in setup["deadlines"].items()
        if counts[role_id] == 0
    )
    if not any(hire_number + slot >= entry[0] for slot, entry in enumerate(pending)):
        return None
    return next((role_id for _, _, role_id in pending if role_id in candidates), None)


def _below_share(
    setup: dict[str, Any], counts: Counts, team_after: int, candidates: list
) -> str | None:
    """A role that would drop to its minimum share of the team or below if not hired now."""
    for role_id, percent in setup["archetype"].get("min_share", {}).items():
        if role_id in candidates and counts[role_id] * 100 <= percent * team_after:
            return role_id
    return None


def _best_scoring(setup: dict[str, Any], counts: Counts, candidates: list) -> str:
    """The candidate with the highest weight / (count + 1); ties go to the earlier role."""
    best = None
    for role_id in candidates:
        weight = setup["weights"][role_id]
        if weight <= 0:
            continue
        # weight / (count + 1) > best_weight / (best_count + 1), in exact integers
        if best is None or weight * (counts[best] + 1) > setup["weights"][best] * (
            counts[role_id] + 1
        ):
            best = role_id
    if best is not None:
        return best
    return setup["generalist"] if setup["generalist"] in candidates else candidates[0]


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


def fractional(rules: dict[str, Any], facts: dict[str, Any], committed: dict) -> list[dict]:
    """Fractional tasks in the rules' task order, each with the first matching reason."""
    found = []
    for task in rules["fractional_tasks"]:
        reasons = [
            rule["why"]
            for rule in rules["calculator"]["fractional_rules"]
            if rule["task"] == task["id"] and matches(rule.get("when", {}), facts)
        ]
        why = reasons[0] if reasons else committed.get(task["id"])
        if why is not None:
            found.append({"id": task["id"], "title": task["title"], "why": why})
    return found


def rationale(rules: dict[str, Any], setup: dict[str, Any], facts: dict[str, Any]) -> list[dict]:
    """The archetype's, stage's and data's reasons, then every matching rationale rule."""
    chosen = [setup["archetype"], setup["stage"], setup["data"]]
    reasons = [entry["rationale"] for entry in chosen if "rationale" in entry]
    reasons += [
        rule
        for rule in rules["calculator"].get("rationale_rules", [])
        if matches(rule.get("when", {}), facts)
    ]
    return [{"text": reason["text"], "link": reason["link"]} for reason in reasons]


def coverage(rules: dict[str, Any], setup: dict[str, Any], counts: Counts) -> list[dict]:
    """Per base axis: the level the archetype needs, the team's best level, met or gap."""
    rows = []
    for axis in rules["axes"]:
        needed = setup["archetype"]["needs"][axis]
        needed += setup["stage"].get("needs_bonus", {}).get(axis, 0)
        needed += setup["data"].get("needs_bonus", {}).get(axis, 0)
        needed = min(needed, LEVEL_MAX)
        levels = [role["skills"][axis] for role in rules["roles"] if counts[role["id"]] > 0]
        have = max(levels, default=0)
        status = "met" if have >= needed else "gap"
        rows.append({"axis": axis, "needed": needed, "have": have, "status": status})
    return rows
