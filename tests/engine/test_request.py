"""Requests in, plans out: request errors, defaults, and the JSON boundary the browser calls.

Everything runs on the tiny handbook's rules (tests/fixtures.py).
"""

from __future__ import annotations

import copy
import json

import pytest

import fixtures
from handbook.engine import (
    REQUEST_FIELDS,
    RequestError,
    normalise_request,
    recommend,
    recommend_json,
    short_repr,
    whole_number,
)

ARCHETYPES_ALLOWED = "research, product"
ROLES_ALLOWED = "engineer, scientist, ops, lead"


@pytest.fixture
def rules() -> dict:
    return fixtures.rules()


@pytest.mark.parametrize(
    ("request_value", "message"),
    [
        ({"headcount": 3}, f"What you are building: missing; allowed: {ARCHETYPES_ALLOWED}"),
        (
            {"archetype": "reserch", "headcount": 3},
            f"What you are building: unknown value 'reserch'; allowed: {ARCHETYPES_ALLOWED}",
        ),
        (
            {"archetype": 7, "headcount": 3},
            (f"What you are building: unknown value 7; allowed: {ARCHETYPES_ALLOWED}"),
        ),
        (
            {"archetype": "research", "headcount": 3, "stage": "seed"},
            "Stage: unknown value 'seed'; allowed: early, live",
        ),
        (
            {"archetype": "research", "headcount": 3, "data": "huge"},
            "Data complexity: unknown value 'huge'; allowed: simple, messy",
        ),
        (
            {"archetype": "research"},
            ("New full-time hires: missing; allowed: a whole number from 1 to 40"),
        ),
        (
            {"archetype": "research", "headcount": 0},
            "New full-time hires: must be a whole number from 1 to 40, got 0",
        ),
        (
            {"archetype": "research", "headcount": -3},
            "New full-time hires: must be a whole number from 1 to 40, got -3",
        ),
        (
            {"archetype": "research", "headcount": 41},
            "New full-time hires: must be a whole number from 1 to 40, got 41",
        ),
        (
            {"archetype": "research", "headcount": "abc"},
            "New full-time hires: must be a whole number from 1 to 40, got 'abc'",
        ),
        (
            {"archetype": "research", "headcount": 2.5},
            "New full-time hires: must be a whole number from 1 to 40, got 2.5",
        ),
        (
            {"archetype": "research", "headcount": True},
            "New full-time hires: must be a whole number from 1 to 40, got True",
        ),
        (
            {"archetype": "research", "headcount": 3, "existing": {"enginer": 2}},
            f"Your existing team: unknown role 'enginer'; allowed: {ROLES_ALLOWED}",
        ),
        (
            {"archetype": "research", "headcount": 3, "existing": {"engineer": -1}},
            "Your existing team, Engineer: must be a whole number from 0 to 100, got -1",
        ),
        (
            {"archetype": "research", "headcount": 3, "existing": {"lead": 101}},
            "Your existing team, Lead: must be a whole number from 0 to 100, got 101",
        ),
        (
            {"archetype": "research", "headcount": 3, "existing": [1, 2]},
            "Your existing team: must map role ids to counts, got [1, 2]",
        ),
        (
            {"archetype": "research", "headcount": 3, "team": 4},
            (
                "unknown request field 'team'; allowed: archetype, stage, data, headcount, "
                "existing, lead_now"
            ),
        ),
        (
            ["research", 3],
            (
                "request must be an object with fields archetype, stage, data, headcount, "
                "existing, lead_now"
            ),
        ),
        (
            {"archetype": "x" * 100 + "\n<script>", "headcount": 3},
            f"What you are building: unknown value '{'x' * 36}...; allowed: {ARCHETYPES_ALLOWED}",
        ),
    ],
)
def test_bad_requests_raise_one_line_request_errors(rules, request_value, message):
    with pytest.raises(RequestError) as caught:
        recommend(rules, request_value)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_null_and_missing_fields_take_their_defaults(rules):
    request = {"archetype": "product", "headcount": 2, "stage": None, "data": None}
    assert recommend(rules, {**request, "existing": None})["input"] == {
        "archetype": "product",
        "stage": "early",
        "data": "simple",
        "headcount": 2,
        "existing": {},
        "lead_now": False,
    }
    assert (
        normalise_request(rules, {"archetype": "product", "headcount": 2})
        == (recommend(rules, request)["input"])
    )


def test_existing_counts_are_put_in_role_order_without_zeros(rules):
    request = {
        "archetype": "research",
        "headcount": 1,
        "existing": {"lead": 1, "ops": 0, "engineer": 3},
    }
    assert normalise_request(rules, request)["existing"] == {"engineer": 3, "lead": 1}


def test_the_limits_come_from_the_rules(rules):
    rules["calculator"]["max_headcount"] = 7
    rules["calculator"]["max_existing"] = 2
    assert normalise_request(rules, {"archetype": "product", "headcount": 7})["headcount"] == 7
    with pytest.raises(RequestError, match="from 1 to 7, got 8"):
        normalise_request(rules, {"archetype": "product", "headcount": 8})
    with pytest.raises(RequestError, match="from 0 to 2, got 3"):
        normalise_request(rules, {"archetype": "product", "headcount": 1, "existing": {"ops": 3}})


def test_short_repr_and_whole_number():
    assert short_repr("abc") == "'abc'"
    assert short_repr("x" * 100) == "'" + "x" * 36 + "..."
    assert len(short_repr(list(range(100)))) == 40
    assert whole_number(3, "n", 1, 3) == 3
    for bad in (0, 4, True, 2.0, "2", None):
        with pytest.raises(RequestError, match="^n: must be a whole number from 1 to 3, got "):
            whole_number(bad, "n", 1, 3)


# --- the JSON boundary ------------------------------------------------------------------------


def test_recommend_json_wraps_plans_and_errors():
    rules_json = fixtures.rules_json()
    request = {"archetype": "research", "headcount": 5, "existing": {"engineer": 2}}
    answer = json.loads(recommend_json(rules_json, json.dumps(request)))
    assert answer == {"ok": True, "plan": recommend(fixtures.rules(), request)}
    bad = json.loads(recommend_json(rules_json, '{"archetype": "research", "headcount": 0}'))
    assert bad == {
        "ok": False,
        "error": ("New full-time hires: must be a whole number from 1 to 40, got 0"),
    }
    assert json.loads(recommend_json(rules_json, "{not json")) == {
        "ok": False,
        "error": "the request is not valid JSON",
    }
    assert json.loads(recommend_json("", "{}")) == {
        "ok": False,
        "error": "the calculator rules are not valid JSON",
    }


@pytest.mark.parametrize(
    ("request_json", "message"),
    [
        ("[" * 9 + "]" * 9, "the request is nested deeper than 8 levels"),
        ("[" * 8 + "]" * 8, "request must be an object with fields " + ", ".join(REQUEST_FIELDS)),
        (
            '{"a": "' + "[" * 20 + '"}',
            "unknown request field 'a'; allowed: " + ", ".join(REQUEST_FIELDS),
        ),
        ("[" * 100_000 + "]" * 100_000, "the request is longer than 10000 characters"),
        (
            '{"archetype": "' + "[" * 50 + '\\"{{{", "headcount": 1}',
            ("What you are building: unknown value '")
            + "[" * 36
            + "...; allowed: "
            + ARCHETYPES_ALLOWED,
        ),
        ('"research"', "request must be an object with fields " + ", ".join(REQUEST_FIELDS)),
        (None, "the request is not valid JSON"),
        ("NaN", "request must be an object with fields " + ", ".join(REQUEST_FIELDS)),
    ],
)
def test_recommend_json_rejects_hostile_request_text(request_json, message):
    """Deep nesting would overflow Pyodide's stack in json.loads, so it is refused first (brackets
    inside strings do not count)."""
    answer = json.loads(recommend_json(fixtures.rules_json(), request_json))
    assert answer == {"ok": False, "error": message}


@pytest.mark.parametrize(
    ("break_rules", "message"),
    [
        (
            lambda rules: rules["calculator"]["archetypes"][1].pop("weights"),
            "the calculator rules are broken: archetypes[1].weights: required field is missing",
        ),
        (
            lambda rules: rules["calculator"].update(stages="many"),
            "the calculator rules are broken: stages: expected a list, got text",
        ),
        (lambda rules: rules.pop("roles"), "the calculator rules are broken"),
        (
            lambda rules: rules.update(calculator=5),
            "the calculator rules are broken: expected a mapping, got a number",
        ),
    ],
)
def test_recommend_json_reports_broken_rules_instead_of_raising(break_rules, message):
    broken = fixtures.rules()
    break_rules(broken)
    answer = recommend_json(json.dumps(broken), '{"archetype": "product", "headcount": 3}')
    assert json.loads(answer) == {"ok": False, "error": message}
    assert json.loads(recommend_json("[1]", "{}")) == {
        "ok": False,
        "error": "the calculator rules are broken: must be a mapping",
    }


def test_plans_round_trip_through_json_and_nothing_is_mutated(rules):
    request = {
        "archetype": "research",
        "stage": "live",
        "data": "messy",
        "headcount": 17,
        "existing": {"scientist": 3, "ops": 1},
    }
    before_rules, before_request = copy.deepcopy(rules), copy.deepcopy(request)
    first = recommend(rules, request)
    assert json.loads(json.dumps(first)) == first
    assert json.dumps(recommend(fixtures.rules(), request)) == json.dumps(first)
    assert rules == before_rules and request == before_request
