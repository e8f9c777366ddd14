"""engine/rules.py: the rules dict the engine takes, and rule_problems, which checks the
calculator section with the spec language (shapes) and then rules_check (what refers to what).

Each case breaks the tiny rules (tests/fixtures.py) in one place; the problem must point at
that place, as a path inside the calculator section, with the spec language's wording.
"""

from __future__ import annotations

import pytest

import fixtures
from handbook.engine import build_rules, rule_problems

ROLES = "engineer, scientist, ops, lead"
TASKS = "interim-lead, ci-setup, etl-setup"
COMMON = "{role}, {a_role}, {nth}, {hire}, {so_far}, {stage}, {data}, {archetype}"
LINK_HINT = (
    "is not a site-relative link like 'roles/ml-engineer/' or "
    "'team-composition/#start-with-generalists'"
)


def problems_after(change) -> list:
    return rule_problems(fixtures.changed_rules(change))


def test_the_tiny_rules_have_no_problems():
    assert rule_problems(fixtures.rules()) == []


def test_build_rules_keeps_only_what_the_engine_needs():
    axes = ["practice", "theory"]
    levels = [
        {"id": "mid", "title": "Engineer", "scope": "...", "skills": {"practice": 2, "culture": 2}},
        {"id": "senior", "title": "Senior engineer", "skills": {"practice": 3, "culture": 3}},
    ]
    roles = [
        {
            "id": "engineer",
            "title": "Engineer",
            "summary": "long text",
            "skills": {"practice": 3},
            "levels": levels,
        }
    ]
    tasks = [{"id": "ci-setup", "title": "CI set-up", "description": "..."}]
    calculator = {"max_headcount": 5, "defaults": {"stage": "early"}}
    rules = build_rules(calculator, roles, tasks, axes)
    assert rules == {
        "axes": axes,
        "roles": [
            {
                "id": "engineer",
                "title": "Engineer",
                "skills": {"practice": 3, "theory": 0},
                "headline": "senior",
                "levels": [
                    {"id": "mid", "title": "Engineer", "skills": {"practice": 2, "theory": 0}},
                    {
                        "id": "senior",
                        "title": "Senior engineer",
                        "skills": {"practice": 3, "theory": 0},
                    },
                ],
            }
        ],
        "fractional_tasks": [{"id": "ci-setup", "title": "CI set-up"}],
        "calculator": calculator,
    }
    assert rules["calculator"] is not calculator
    assert rules["calculator"]["defaults"] is not calculator["defaults"]


def _rename_weight(calc: dict) -> None:
    weights = calc["archetypes"][0]["weights"]
    weights["scientst"] = weights.pop("scientist")


SHAPE_PROBLEMS = [
    (
        lambda calc: calc["archetypes"][0]["weights"].update(lead=120),
        [(("archetypes", 0, "weights", "lead"), "weight 120 is outside 0-100")],
    ),
    (
        lambda calc: calc["archetypes"][1]["needs"].update(theory=5),
        [(("archetypes", 1, "needs", "theory"), "level 5 is outside 1-4")],
    ),
    (
        lambda calc: calc["stages"][1]["deadlines"].update(ops=0),
        [(("stages", 1, "deadlines", "ops"), "hire number 0 is outside 1-1000")],
    ),
    (
        lambda calc: calc["stages"][1].update(weigth_percent={}),
        [
            (
                ("stages", 1, "weigth_percent"),
                "unknown field 'weigth_percent' (did you mean 'weight_percent'?)",
            )
        ],
    ),
    (
        lambda calc: calc["generalist"].update(colour="blue"),
        [(("generalist", "colour"), "unknown field 'colour' (allowed: role, base, description)")],
    ),
    (
        lambda calc: calc["archetypes"][1].pop("weights"),
        [(("archetypes", 1, "weights"), "required field is missing")],
    ),
    (
        lambda calc: calc["rationale_rules"][0].update(link="/roles/engineer/"),
        [(("rationale_rules", 0, "link"), f"'/roles/engineer/' {LINK_HINT}")],
    ),
    (
        lambda calc: calc["fractional_rules"][0].setdefault("when", {}).update(existing="yes"),
        [(("fractional_rules", 0, "when", "existing"), "expected true or false, got text")],
    ),
    (
        lambda calc: calc.update(max_headcount="40"),
        [(("max_headcount",), "expected a whole number, got text")],
    ),
    (
        lambda calc: calc.update(archetypes=[]),
        [(("archetypes",), "needs at least 1 item, found 0")],
    ),
    (
        lambda calc: calc["archetypes"][0]["weights"].update({"Lead Role": 1}),
        [(("archetypes", 0, "weights", "Lead Role"), "'Lead Role' is not a valid id")],
    ),
]

SEMANTIC_PROBLEMS = [
    (
        _rename_weight,
        [(("archetypes", 0, "weights", "scientst"), f"unknown role 'scientst' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["archetypes"][1]["needs"].update(magic=2),
        [(("archetypes", 1, "needs", "magic"), "unknown axis 'magic' (known: practice, theory)")],
    ),
    (
        lambda calc: calc["archetypes"][1]["needs"].pop("theory"),
        [(("archetypes", 1, "needs"), "missing level for base axis 'theory'")],
    ),
    (
        lambda calc: calc["fractional_rules"][0].update(task="interim-leed"),
        [
            (
                ("fractional_rules", 0, "task"),
                f"unknown fractional task 'interim-leed' (known: {TASKS})",
            )
        ],
    ),
    (
        lambda calc: calc["rationale_rules"][0].update(when={"stage": ["seed"]}),
        [(("rationale_rules", 0, "when", "stage", 0), "unknown stage 'seed' (known: early, live)")],
    ),
    (
        lambda calc: calc["stages"][1]["rationale"].update(link="roles/wizard/"),
        [(("stages", 1, "rationale", "link"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["archetypes"][0]["rationale"].update(link="roles/wizard/#why"),
        [(("archetypes", 0, "rationale", "link"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["archetypes"][0]["weights"].update(engineer=0),
        [(("archetypes", 0, "weights", "engineer"), "the generalist's weight must be above 0")],
    ),
    (
        lambda calc: calc["archetypes"][1].update(id="research"),
        [(("archetypes", 1, "id"), "duplicate archetype id 'research'")],
    ),
    (
        lambda calc: calc["data_complexity"][1].update(id="simple"),
        [
            (("data_complexity", 1, "id"), "duplicate data complexity id 'simple'"),
            (
                ("fractional_rules", 2, "when", "data", 0),
                "unknown data complexity 'messy' (known: simple, simple)",
            ),
        ],
    ),
    (
        lambda calc: calc["roles"]["scientist"]["needs"][1].update(or_fractional="gpu"),
        [
            (
                ("roles", "scientist", "needs", 1, "or_fractional"),
                f"unknown fractional task 'gpu' (known: {TASKS})",
            )
        ],
    ),
    (
        lambda calc: calc["roles"]["scientist"]["needs"][1].pop("why"),
        [
            (
                ("roles", "scientist", "needs", 1, "why"),
                "required field is missing (the reason shown with the fractional task)",
            )
        ],
    ),
    (
        lambda calc: calc["roles"].update(engineer={"needs": [{"role": "lead"}]}),
        [(("roles", "engineer", "needs"), "the generalist 'engineer' cannot need other roles")],
    ),
    (
        lambda calc: calc["roles"]["ops"]["needs"].append({"role": "ops"}),
        [(("roles", "ops", "needs", 1, "role"), "role 'ops' cannot need itself")],
    ),
    (
        lambda calc: calc["roles"].update(wizard={}),
        [(("roles", "wizard"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["generalist"].update(role="wizard"),
        [(("generalist", "role"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["fractional_rules"][2]["when"].update(trait="trains-model"),
        [
            (
                ("fractional_rules", 2, "when", "trait"),
                "unknown trait 'trains-model' (known: trains-models)",
            )
        ],
    ),
    (
        lambda calc: calc["fractional_rules"][0].setdefault("when", {}).update(fractional=True),
        [
            (
                ("fractional_rules", 0, "when", "fractional"),
                "a fractional rule cannot depend on the fractional list",
            )
        ],
    ),
    (
        lambda calc: calc["rationale_rules"][0]["when"].update(lacks="wizard", hires="ops"),
        [(("rationale_rules", 0, "when", "lacks"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["defaults"].update(data="none"),
        [(("defaults", "data"), "unknown data complexity 'none' (known: simple, messy)")],
    ),
    (
        lambda calc: calc["defaults"].update(stage="late"),
        [(("defaults", "stage"), "unknown stage 'late' (known: early, live)")],
    ),
    (
        lambda calc: calc.update(default_headcount=41),
        [(("default_headcount",), "41 is above max_headcount (40)")],
    ),
    (
        lambda calc: calc["archetypes"][0]["min_team"].update(engineer=2),
        [(("archetypes", 0, "min_team", "engineer"), "the generalist cannot wait for a team size")],
    ),
    (
        lambda calc: calc["roles"]["lead"].update(span=0),
        [(("roles", "lead", "span"), "span 0 is outside 1-1000")],
    ),
    (
        lambda calc: calc["hire_reasons"].update(span="{role} has {share}"),
        [
            (
                ("hire_reasons", "span"),
                f"unknown placeholder '{{share}}'; allowed: {COMMON}, {{span}}",
            )
        ],
    ),
    (
        lambda calc: calc["archetypes"][1]["min_share"].update(wizard=10),
        [(("archetypes", 1, "min_share", "wizard"), f"unknown role 'wizard' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["data_complexity"][1]["deadlines"].update(wizard=3),
        [
            (
                ("data_complexity", 1, "deadlines", "wizard"),
                f"unknown role 'wizard' (known: {ROLES})",
            )
        ],
    ),
    (
        lambda calc: calc["stages"][1]["needs_bonus"].update(magic=1),
        [(("stages", 1, "needs_bonus", "magic"), "unknown axis 'magic' (known: practice, theory)")],
    ),
    (
        lambda calc: calc["hire_reasons"].update(weight="{role} is {mood} today"),
        [(("hire_reasons", "weight"), f"unknown placeholder '{{mood}}'; allowed: {COMMON}")],
    ),
    (
        lambda calc: calc["hire_reasons"].update(weight="{role} {deadline}"),
        [(("hire_reasons", "weight"), f"unknown placeholder '{{deadline}}'; allowed: {COMMON}")],
    ),
    (
        lambda calc: calc["hire_reasons"].update(fallback="{role}."),
        [(("hire_reasons", "fallback"), "ends with a full stop; the calculator adds one")],
    ),
    (
        lambda calc: calc["plan_reasons"][0].update(role="wizard", missing="{hire}"),
        [
            (("plan_reasons", 0, "role"), f"unknown role 'wizard' (known: {ROLES})"),
            (
                ("plan_reasons", 0, "missing"),
                "unknown placeholder '{hire}'; allowed: {role}, {a_role}, {hires}",
            ),
        ],
    ),
    (
        lambda calc: calc["roles"]["ops"].update(levels={"first": "staff", "later": "junior"}),
        [
            (
                ("roles", "ops", "levels", "first"),
                "unknown ops level 'staff' (known: junior, senior)",
            )
        ],
    ),
    (
        lambda calc: calc["fractional_rules"][1].update(closed_by="opps"),
        [(("fractional_rules", 1, "closed_by"), f"unknown role 'opps' (known: {ROLES})")],
    ),
    (
        lambda calc: calc["fractional_rules"][2].update(needed="now"),
        [(("fractional_rules", 2, "before"), "give either needed or before, not both")],
    ),
    (
        lambda calc: calc["roles"]["scientist"]["needs"][2]["when"].update(stage=["late"]),
        [
            (
                ("roles", "scientist", "needs", 2, "when", "stage", 0),
                "unknown stage 'late' (known: early, live)",
            )
        ],
    ),
    (
        lambda calc: calc["lead_now"].update(role="boss"),
        [(("lead_now", "role"), f"unknown role 'boss' (known: {ROLES})")],
    ),
]


@pytest.mark.parametrize(("change", "expected"), SHAPE_PROBLEMS)
def test_shape_problems_use_the_spec_language(change, expected):
    assert problems_after(change) == expected


@pytest.mark.parametrize(("change", "expected"), SEMANTIC_PROBLEMS)
def test_semantic_problems_point_at_the_bad_value(change, expected):
    assert problems_after(change) == expected


def test_every_semantic_problem_is_reported_at_once():
    def break_three(calc: dict) -> None:
        _rename_weight(calc)
        calc["defaults"]["data"] = "none"
        calc["fractional_rules"][0]["task"] = "interim-leed"

    assert [path for path, _ in problems_after(break_three)] == [
        ("defaults", "data"),
        ("archetypes", 0, "weights", "scientst"),
        ("fractional_rules", 0, "task"),
    ]


def test_semantic_checks_wait_for_a_well_shaped_section():
    """An unknown role beside a shape problem: only the shape is reported (fix it first)."""

    def both(calc: dict) -> None:
        _rename_weight(calc)
        calc["archetypes"][1]["weights"]["lead"] = 120

    assert problems_after(both) == [
        (("archetypes", 1, "weights", "lead"), "weight 120 is outside 0-100")
    ]


def test_rule_problems_survive_garbage():
    assert rule_problems({}) == [((), "expected a mapping, got nothing (null)")]
    problems = rule_problems({"calculator": {"archetypes": "many", "stages": [1]}})
    assert (("archetypes",), "expected a list, got text") in problems
    assert (("stages", 0), "expected a mapping, got a number") in problems
    assert (("rationale_rules",), "required field is missing") in problems
    assert all(isinstance(path, tuple) and isinstance(message, str) for path, message in problems)
