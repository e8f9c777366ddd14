"""The calculator's plan builder: hires one person at a time from the team's current state.

Standard library only: this module runs in CPython, at build time and in Pyodide. It assumes
rules that rules.rule_problems accepts and a request that request.normalise_request returned.
Each hire comes with its decision (what made it: a deadline, a foundation another role waits
for, a minimum share, the largest weight against the team so far), which reasons.py turns
into text.
"""

from __future__ import annotations

from typing import Any

from .conditions import setting_holds

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
    setting = {"stage": stage["id"], "data": data["id"], "traits": archetype.get("traits", [])}
    needs = {
        role_id: [
            need
            for need in calculator["roles"].get(role_id, {}).get("needs", [])
            if setting_holds(need.get("when", {}), setting)
        ]
        for role_id in role_ids
    }
    setup = {
        "role_ids": role_ids,
        "archetype": archetype,
        "stage": stage,
        "data": data,
        "weights": {role_id: _weight(archetype, stage, data, role_id) for role_id in role_ids},
        "needs": needs,
        "min_team": {
            role_id: archetype.get("min_team", {}).get(role_id, 0) for role_id in role_ids
        },
        "spans": {
            role_id: rule["span"] for role_id, rule in calculator["roles"].items() if "span" in rule
        },
        "generalist": calculator["generalist"]["role"],
        "generalist_base": calculator["generalist"]["base"],
    }
    setup["deadlines"] = _deadlines(calculator, stage, data, request, setup)
    return setup


def _deadlines(calculator: dict, stage: dict, data: dict, request: dict, setup: dict) -> dict:
    """Role -> (hire number, kind of deadline): the earliest of the stage's and data's, and
    lead_now's when the request asks for it (which also lifts the lead's minimum team size)."""
    deadlines: dict[str, tuple[int, str]] = {}
    for modifier, kind in ((stage, "stage_deadline"), (data, "data_deadline")):
        for role_id, hire_number in modifier.get("deadlines", {}).items():
            if role_id not in deadlines or hire_number < deadlines[role_id][0]:
                deadlines[role_id] = (hire_number, kind)
    lead_now = calculator.get("lead_now")
    if request.get("lead_now") and lead_now:
        role_id = lead_now["role"]
        current = deadlines.get(role_id, (lead_now["by_hire"], ""))[0]
        deadlines[role_id] = (min(current, lead_now["by_hire"]), "lead_now")
        setup["min_team"][role_id] = 0
    return deadlines


def _weight(archetype: dict, stage: dict, data: dict, role_id: str) -> int:
    """The archetype's weight times the stage's and data complexity's percentages (exact ints)."""
    weight = archetype["weights"].get(role_id, 0)
    weight *= stage.get("weight_percent", {}).get(role_id, 100)
    return weight * data.get("weight_percent", {}).get(role_id, 100)


def applies(need: dict[str, Any], counts: Counts, role_id: str) -> bool:
    """Whether a need of role_id applies to its next hire (the need's `from`-th and later)."""
    return counts[role_id] + 1 >= need.get("from", 1)


def missing_needs(setup: dict[str, Any], counts: Counts, role_id: str) -> list[str]:
    """The roles a hard need of role_id's next hire still waits for."""
    return [
        need["role"]
        for need in setup["needs"][role_id]
        if "or_fractional" not in need
        and applies(need, counts, role_id)
        and not counts[need["role"]]
    ]


def is_open(setup: dict[str, Any], counts: Counts, role_id: str, team_size: int) -> bool:
    """Whether role_id can be hired next: team (of team_size) big enough and its hard needs on
    the team."""
    return team_size >= setup["min_team"][role_id] and not missing_needs(setup, counts, role_id)


def build_order(setup: dict[str, Any], existing: Counts, headcount: int) -> dict[str, Any]:
    """The hiring order, each hire's decision, and the fractional tasks that needs committed to,
    as {task: {"why": ..., "hire": first hire it had to come before, "role": the missing role}}."""
    counts = {role_id: existing.get(role_id, 0) for role_id in setup["role_ids"]}
    start_with_specialist = existing.get(setup["generalist"], 0) >= setup["generalist_base"]
    order: list[str] = []
    decisions: list[dict[str, Any]] = []
    committed: dict[str, dict[str, Any]] = {}
    for hire_number in range(1, headcount + 1):
        first_and_based = hire_number == 1 and start_with_specialist
        previous = order[-1] if order else None
        decision = decide(setup, counts, hire_number, first_and_based, previous)
        role_id = decision["role"]
        decision["unblocked_by"] = _unblocked_by(setup, counts, order, role_id)
        decision["count"] = counts[role_id]
        for need in setup["needs"][role_id]:
            task_id = need.get("or_fractional")
            if task_id and applies(need, counts, role_id) and not counts[need["role"]]:
                committed.setdefault(
                    task_id, {"why": need["why"], "hire": hire_number, "role": need["role"]}
                )
        counts[role_id] += 1
        order.append(role_id)
        decisions.append(decision)
    return {"order": order, "decisions": decisions, "committed": committed}


def _unblocked_by(setup: dict, counts: Counts, order: list[str], role_id: str) -> str | None:
    """The previous hire, when it was a hard need of this role that was missing until then."""
    if not order:
        return None
    previous = order[-1]
    before = {**counts, previous: counts[previous] - 1}
    return previous if previous in missing_needs(setup, before, role_id) else None


def next_hire(
    setup: dict[str, Any],
    counts: Counts,
    hire_number: int,
    specialist: bool,
    previous: str | None = None,
) -> str:
    """The next role to hire, chosen from the current team state and the hire just made."""
    return decide(setup, counts, hire_number, specialist, previous)["role"]


def decide(
    setup: dict[str, Any],
    counts: Counts,
    hire_number: int,
    specialist: bool,
    previous: str | None = None,
) -> dict:
    """The next hire and why: {"role", "kind", ...details}.

    Candidates are the roles whose hard needs are on the team and whose minimum team size is
    reached. Then, in order: a role whose deadline has come, a role about to fall to its
    minimum share, a role whose people would each have more than its span of others on the
    team (with nobody in it: more than one span), a missing need of the role that scores
    best, else the best weight / (count + 1) among the candidates.
    """
    team_size = sum(counts.values())  # once, not once per role: rules may list many roles
    candidates = [r for r in setup["role_ids"] if is_open(setup, counts, r, team_size)]
    generalist = setup["generalist"]
    if specialist and len(candidates) > 1 and generalist in candidates:
        candidates.remove(generalist)
    if not candidates:
        return {"role": generalist, "kind": "fallback"}
    decision = (
        _due(setup, counts, hire_number, candidates)
        or _below_share(setup, counts, team_size + 1, candidates)
        or _over_span(setup, counts, team_size + 1, previous, candidates)
        or _foundation(setup, counts, candidates)
        or _by_weight(setup, counts, candidates, specialist)
    )
    if decision["role"] == generalist and counts[generalist] == 0:
        return {"role": generalist, "kind": "generalist_first"}
    return decision


def _due(setup: dict, counts: Counts, hire_number: int, candidates: list) -> dict | None:
    """A missing role whose deadline leaves no slack (earliest deadline first), if any."""
    pending = sorted(
        (deadline, setup["role_ids"].index(role_id), role_id, kind)
        for role_id, (deadline, kind) in setup["deadlines"].items()
        if counts[role_id] == 0
    )
    if not any(hire_number + slot >= entry[0] for slot, entry in enumerate(pending)):
        return None
    for deadline, _, role_id, kind in pending:
        if role_id in candidates:
            return {"role": role_id, "kind": kind, "deadline": deadline}
    return None


def _below_share(setup: dict, counts: Counts, team_after: int, candidates: list) -> dict | None:
    """A role that would drop to its minimum share of the team or below if not hired now."""
    for role_id, percent in setup["archetype"].get("min_share", {}).items():
        if role_id in candidates and counts[role_id] * 100 <= percent * team_after:
            return {"role": role_id, "kind": "min_share", "share": percent}
    return None


def _over_span(
    setup: dict, counts: Counts, team_after: int, previous: str | None, candidates: list
) -> dict | None:
    """A role with a span (a lead) whose people would each have more than that many others if
    someone else were hired now; with nobody in it yet, once the others would outnumber one
    span (so one more person in the role never leads to more hires into it). Never straight
    after a hire into the same role: a team far over the span gets its leads one by one."""
    for role_id, span in setup["spans"].items():
        held = counts[role_id]
        if role_id == previous or role_id not in candidates:
            continue
        if team_after - held > span * max(held, 1):
            kind = "span" if held else "span_first"
            return {"role": role_id, "kind": kind, "span": span}
    return None


def _foundation(setup: dict, counts: Counts, candidates: list) -> dict | None:
    """When the best-scoring role big enough to join still waits for a hard need, that need."""
    team_size = sum(counts.values())
    sized = [r for r in setup["role_ids"] if team_size >= setup["min_team"][r]]
    best = best_scoring(setup, counts, sized)
    if best is None or best in candidates:
        return None
    for role_id in missing_needs(setup, counts, best):
        if role_id in candidates:
            return {"role": role_id, "kind": "foundation", "for": best, "for_count": counts[best]}
    return None


def _by_weight(setup: dict, counts: Counts, candidates: list, specialist: bool) -> dict:
    best = best_scoring(setup, counts, candidates)
    generalist = setup["generalist"]
    if best is None:
        best = generalist if generalist in candidates else candidates[0]
    return {"role": best, "kind": "specialist_first" if specialist else "weight"}


def best_scoring(setup: dict[str, Any], counts: Counts, roles: list[str]) -> str | None:
    """The role with the highest positive weight / (count + 1); ties go to the earlier role."""
    best = None
    for role_id in roles:
        weight = setup["weights"][role_id]
        if weight <= 0:
            continue
        # weight / (count + 1) > best_weight / (best_count + 1), in exact integers
        if best is None or weight * (counts[best] + 1) > setup["weights"][best] * (
            counts[role_id] + 1
        ):
            best = role_id
    return best
