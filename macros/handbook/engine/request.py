"""Requests in, plans out: the calculator's entry points for tests, build and browser.

`recommend` assumes rules without problems (rules.rule_problems) and validates only the
request; `recommend_json` is what the browser worker calls and never raises for bad input.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ..spec.problems import format_path
from .levels import coverage, team_people
from .plan import build_order, settings
from .reasons import hire_reasons, rationale
from .rules import rule_problems
from .tasks import fractional

REQUEST_FIELDS = ("archetype", "stage", "data", "headcount", "existing", "lead_now")
MAX_REQUEST_CHARS = 10_000
MAX_REQUEST_DEPTH = 8
# The calculator page's words for each field: its labels, and the names in error messages.
FIELD_LABELS = {
    "archetype": "What you are building",
    "stage": "Stage",
    "data": "Data complexity",
    "headcount": "New full-time hires",
    "existing": "Your existing team",
}
DEFAULT_LEAD_NOW_LABEL = "A full-time lead now"


_SHOWN_MAX = 40


def short_repr(value: Any) -> str:
    """A value as a short, single-line string for a message."""
    text = repr(value)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 3] + "..."


class RequestError(ValueError):
    """A request the calculator cannot answer; the message is one line naming the bad value."""


def _choice(request: dict, field: str, entries: list[dict], default: str | None) -> str:
    """The id chosen for field, or the default; RequestError if it is not one of the entries."""
    allowed = ", ".join(entry["id"] for entry in entries)
    label = FIELD_LABELS[field]
    value = request.get(field)
    if value is None:
        if default is None:
            raise RequestError(f"{label}: missing; allowed: {allowed}")
        return default
    if value not in [entry["id"] for entry in entries]:  # also catches non-strings
        raise RequestError(f"{label}: unknown value {short_repr(value)}; allowed: {allowed}")
    return value


def whole_number(value: Any, noun: str, low: int, high: int) -> int:
    """value if it is an int (not a bool) in low..high, else RequestError naming it."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    raise RequestError(
        f"{noun}: must be a whole number from {low} to {high}, got {short_repr(value)}"
    )


def _existing(value: Any, roles: list[dict], most: int) -> dict[str, int]:
    """The existing team as {role id: count}, in role order, without zero counts."""
    label = FIELD_LABELS["existing"]
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RequestError(f"{label}: must map role ids to counts, got {short_repr(value)}")
    titles = {role["id"]: role["title"] for role in roles}
    for role_id, count in value.items():
        if role_id not in titles:
            raise RequestError(
                f"{label}: unknown role {short_repr(role_id)}; allowed: {', '.join(titles)}"
            )
        whole_number(count, f"{label}, {titles[role_id]}", 0, most)
    return {role_id: value[role_id] for role_id in titles if value.get(role_id, 0) > 0}


def lead_now_label(rules: dict[str, Any]) -> str:
    return rules["calculator"].get("lead_now", {}).get("label", DEFAULT_LEAD_NOW_LABEL)


def _lead_now(rules: dict[str, Any], value: Any) -> bool:
    if value is None or value is False:
        return False
    label = lead_now_label(rules)
    if value is not True:
        raise RequestError(f"{label}: must be true or false, got {short_repr(value)}")
    if "lead_now" not in rules["calculator"]:
        raise RequestError(f"{label}: these calculator rules do not offer it")
    return True


def normalise_request(rules: dict[str, Any], request: Any) -> dict[str, Any]:
    """The request with defaults filled in, or RequestError (one line) for the first bad field."""
    if not isinstance(request, dict):
        raise RequestError(f"request must be an object with fields {', '.join(REQUEST_FIELDS)}")
    for field in request:
        if field not in REQUEST_FIELDS:
            raise RequestError(
                f"unknown request field {short_repr(field)}; allowed: {', '.join(REQUEST_FIELDS)}"
            )
    calculator = rules["calculator"]
    defaults = calculator["defaults"]
    most = calculator["max_headcount"]
    headcount = request.get("headcount")
    if headcount is None:
        raise RequestError(
            f"{FIELD_LABELS['headcount']}: missing; allowed: a whole number from 1 to {most}"
        )
    return {
        "archetype": _choice(request, "archetype", calculator["archetypes"], None),
        "stage": _choice(request, "stage", calculator["stages"], defaults["stage"]),
        "data": _choice(request, "data", calculator["data_complexity"], defaults["data"]),
        "headcount": whole_number(headcount, FIELD_LABELS["headcount"], 1, most),
        "existing": _existing(request.get("existing"), rules["roles"], calculator["max_existing"]),
        "lead_now": _lead_now(rules, request.get("lead_now")),
    }


def recommend(rules: dict[str, Any], request: Any) -> dict[str, Any]:
    """The hiring plan for a request (see the module docs); RequestError for a bad request."""
    normal = normalise_request(rules, request)
    setup = settings(rules, normal)
    built = build_order(setup, normal["existing"], normal["headcount"])
    order = built["order"]
    existing = {role_id: normal["existing"].get(role_id, 0) for role_id in setup["role_ids"]}
    counts = dict(existing)
    for role_id in order:
        counts[role_id] += 1
    facts = {
        "counts": counts,
        "existing_counts": existing,
        "hired": set(order),
        "stage": normal["stage"],
        "data": normal["data"],
        "traits": setup["archetype"].get("traits", []),
        "existing": bool(normal["existing"]),
        "generalist_base": existing[setup["generalist"]] >= setup["generalist_base"],
    }
    tasks = fractional(rules, setup, facts, order, built["committed"])
    hires = hire_reasons(rules, setup, built["decisions"])
    facts["fractional"] = bool(tasks)
    return {
        "input": normal,
        "composition": counts,
        "hiring_order": order,
        "hires": hires,
        "fractional": tasks,
        "rationale": rationale(rules, setup, facts, order),
        "coverage": coverage(rules, setup, team_people(rules, existing, hires)),
    }


def _failure(message: str) -> str:
    return json.dumps({"ok": False, "error": message})


def _nesting_depth(text: str) -> int:
    """The deepest bracket nesting of JSON text, outside strings (a request needs 2)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif in_string:
            escaped = char == "\\"
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


@functools.lru_cache(maxsize=4)
def _parse_rules(rules_json: str) -> Any:
    """The rules from JSON, parsed once per distinct text (the engine never mutates them)."""
    return json.loads(rules_json)


def _parse_request(request_json: str) -> Any:
    """The request from JSON; RequestError for text that is too long, too deep or not JSON.

    Deeply nested JSON would overflow Pyodide's stack inside json.loads (a fatal error that
    kills the interpreter), so its depth is checked before parsing.
    """
    if not isinstance(request_json, str):
        raise RequestError("the request is not valid JSON")
    if len(request_json) > MAX_REQUEST_CHARS:
        raise RequestError(f"the request is longer than {MAX_REQUEST_CHARS} characters")
    if _nesting_depth(request_json) > MAX_REQUEST_DEPTH:
        raise RequestError(f"the request is nested deeper than {MAX_REQUEST_DEPTH} levels")
    try:
        return json.loads(request_json)
    except (ValueError, RecursionError):
        raise RequestError("the request is not valid JSON") from None


def recommend_json(rules_json: str, request_json: str) -> str:
    """What the browser worker calls: JSON {"ok": true, "plan": ...} or {"ok": false, "error": ...}.

    Never raises for bad input: malformed JSON, a bad request or broken rules all come back as
    {"ok": false} with a one-line message.
    """
    try:
        rules = _parse_rules(rules_json)
    except (TypeError, ValueError, RecursionError):
        return _failure("the calculator rules are not valid JSON")
    try:
        plan = recommend(rules, _parse_request(request_json))
    except RequestError as error:
        return _failure(str(error))
    except _BROKEN:
        return _failure(f"the calculator rules are broken{_first_problem(rules)}")
    return json.dumps({"ok": True, "plan": plan})


_BROKEN = (KeyError, TypeError, ValueError, AttributeError, IndexError, StopIteration)


def _first_problem(rules: Any) -> str:
    """The rules' first problem as ": path: message", or "" when none can be named."""
    try:
        problems = rule_problems(rules) if isinstance(rules, dict) else [((), "must be a mapping")]
    except _BROKEN:  # not even the roles, axes and tasks the checks read
        return ""
    if not problems:
        return ""
    path, message = problems[0]
    return f": {format_path(path)}: {message}" if path else f": {message}"
