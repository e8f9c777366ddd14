"""Unit tests of the calculator engine: exact plans, request errors, rule problems, purity."""

from __future__ import annotations

import ast
import copy
import json
import sys
from pathlib import Path

import pytest
import yaml

from engine_fixtures import DATA, load_rules, rules_json
from handbook import engine
from handbook.engine import (
    ENGINE_FILES,
    REQUEST_FIELDS,
    RequestError,
    build_rules,
    recommend,
    recommend_json,
    rule_problems,
)

ENGINE_DIR = Path(engine.__file__).resolve().parent
ROLE_IDS = ["ml-engineer", "ml-scientist", "mlops-engineer", "data-engineer", "ml-lead"]
AXES = ["ml-practice", "software-engineering", "ml-theory", "ml-systems"]
ROLES_ALLOWED = ", ".join(ROLE_IDS)


@pytest.fixture(scope="module")
def rules() -> dict:
    return load_rules()


def _ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


def _links(plan: dict) -> list[str]:
    return [reason["link"] for reason in plan["rationale"]]


# --- exact plans -------------------------------------------------------------------------------


def test_smallest_llm_api_plan_is_exactly_as_expected(rules: dict) -> None:
    plan = recommend(rules, {"archetype": "llm-api", "headcount": 3})
    assert list(plan) == [
        "input",
        "composition",
        "hiring_order",
        "fractional",
        "rationale",
        "coverage",
    ]
    assert plan["input"] == {
        "archetype": "llm-api",
        "stage": "prototype",
        "data": "low",
        "headcount": 3,
        "existing": {},
    }
    assert plan["composition"] == {
        "ml-engineer": 3,
        "ml-scientist": 0,
        "mlops-engineer": 0,
        "data-engineer": 0,
        "ml-lead": 0,
    }
    assert plan["hiring_order"] == ["ml-engineer"] * 3
    assert _ids(plan["fractional"]) == [
        "interim-lead",
        "gpu-ci-cd",
        "terraform-iac",
        "billing-alerts",
    ]
    assert plan["fractional"][0] == {
        "id": "interim-lead",
        "title": "Interim team lead",
        "why": "The team has no ML lead; a part-time interim lead makes the early architecture and "
        "process decisions that prevent technical debt.",
    }
    assert _links(plan) == [
        "team-composition/#api-products-need-mles",
        "team-composition/#fractional-advantage",
        "roles/ml-engineer/",
        "team-composition/#start-with-generalists",
        "team-composition/#interim-lead",
        "team-composition/#fractional-advantage",
    ]
    assert plan["coverage"] == [
        {"axis": "ml-practice", "needed": 3, "have": 3, "status": "met"},
        {"axis": "software-engineering", "needed": 4, "have": 4, "status": "met"},
        {"axis": "ml-theory", "needed": 2, "have": 2, "status": "met"},
        {"axis": "ml-systems", "needed": 3, "have": 2, "status": "gap"},
    ]


def test_custom_models_in_production_with_complex_data(rules: dict) -> None:
    request = {"archetype": "custom-models", "stage": "production", "data": "high", "headcount": 8}
    plan = recommend(rules, request)
    assert plan["hiring_order"] == [
        "ml-engineer",
        "data-engineer",
        "ml-scientist",
        "mlops-engineer",
        "ml-engineer",
        "ml-scientist",
        "ml-engineer",
        "data-engineer",
    ]
    assert plan["composition"] == {
        "ml-engineer": 3,
        "ml-scientist": 2,
        "mlops-engineer": 1,
        "data-engineer": 2,
        "ml-lead": 0,
    }
    # The first scientist (hire 3) comes before the MLOps engineer (hire 4): GPU CI/CD is listed.
    assert _ids(plan["fractional"]) == ["interim-lead", "gpu-ci-cd", "model-optimisation"]
    assert plan["fractional"][1]["why"].startswith(
        "An ML scientist joins before any MLOps engineer"
    )
    assert [row["status"] for row in plan["coverage"]] == ["met"] * 4
    assert [row["needed"] for row in plan["coverage"]] == [
        3,
        3,
        4,
        4,
    ]  # ml-systems 3 + 1 (high data)
    assert "team-composition/#scientists-need-foundations" in _links(plan)


def test_existing_generalists_make_the_first_hire_a_specialist(rules: dict) -> None:
    request = {"archetype": "llm-api", "headcount": 6, "existing": {"ml-engineer": 2}}
    plan = recommend(rules, request)
    assert plan["hiring_order"] == ["mlops-engineer"] + ["ml-engineer"] * 5
    assert plan["composition"]["ml-engineer"] == 7
    assert _ids(plan["fractional"]) == ["interim-lead"]
    assert _links(plan)[3] == "team-composition/#start-with-generalists"
    assert plan["rationale"][3]["text"].startswith("Your existing ML engineers already form")


def test_existing_lead_removes_the_interim_lead(rules: dict) -> None:
    request = {
        "archetype": "open-model-finetuning",
        "stage": "scaling",
        "data": "medium",
        "headcount": 10,
        "existing": {"ml-lead": 1, "ml-engineer": 1, "data-engineer": 0},
    }
    plan = recommend(rules, request)
    assert plan["input"]["existing"] == {"ml-engineer": 1, "ml-lead": 1}  # role order, no zeros
    assert plan["hiring_order"][:3] == ["mlops-engineer", "ml-engineer", "ml-scientist"]
    assert plan["composition"] == {
        "ml-engineer": 5,
        "ml-scientist": 2,
        "mlops-engineer": 3,
        "data-engineer": 1,
        "ml-lead": 1,
    }
    assert _ids(plan["fractional"]) == ["model-optimisation"]


def test_every_rationale_link_points_at_a_handbook_page_or_principle(rules: dict) -> None:
    composition = yaml.safe_load((DATA / "composition.yaml").read_text(encoding="utf-8"))
    principles = {principle["id"] for principle in composition["principles"]}
    links = set()
    for archetype in _ids(rules["calculator"]["archetypes"]):
        for stage in _ids(rules["calculator"]["stages"]):
            for data in _ids(rules["calculator"]["data_complexity"]):
                request = {"archetype": archetype, "stage": stage, "data": data, "headcount": 50}
                links.update(_links(recommend(rules, request)))
                request.update(headcount=1, existing={"ml-engineer": 2})
                links.update(_links(recommend(rules, request)))
    for link in links:
        page, _, anchor = link.partition("#")
        if page == "team-composition/":
            assert anchor in principles, link
        else:
            assert page in {f"roles/{role_id}/" for role_id in ROLE_IDS} and not anchor, link


# --- request errors ----------------------------------------------------------------------------

ARCHETYPES_ALLOWED = "custom-models, llm-api, open-model-finetuning"


@pytest.mark.parametrize(
    ("request_value", "message"),
    [
        ({"headcount": 3}, f"archetype is missing; allowed: {ARCHETYPES_ALLOWED}"),
        (
            {"archetype": "llm", "headcount": 3},
            f"unknown archetype 'llm'; allowed: {ARCHETYPES_ALLOWED}",
        ),
        ({"archetype": 7, "headcount": 3}, f"unknown archetype 7; allowed: {ARCHETYPES_ALLOWED}"),
        (
            {"archetype": "llm-api", "headcount": 3, "stage": "seed"},
            "unknown stage 'seed'; allowed: prototype, production, scaling",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "data": "huge"},
            "unknown data complexity 'huge'; allowed: low, medium, high",
        ),
        ({"archetype": "llm-api"}, "headcount is missing; allowed: a whole number from 1 to 50"),
        (
            {"archetype": "llm-api", "headcount": 0},
            "headcount must be a whole number from 1 to 50, got 0",
        ),
        (
            {"archetype": "llm-api", "headcount": -3},
            "headcount must be a whole number from 1 to 50, got -3",
        ),
        (
            {"archetype": "llm-api", "headcount": 51},
            "headcount must be a whole number from 1 to 50, got 51",
        ),
        (
            {"archetype": "llm-api", "headcount": "abc"},
            "headcount must be a whole number from 1 to 50, got 'abc'",
        ),
        (
            {"archetype": "llm-api", "headcount": 2.5},
            "headcount must be a whole number from 1 to 50, got 2.5",
        ),
        (
            {"archetype": "llm-api", "headcount": True},
            "headcount must be a whole number from 1 to 50, got True",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "existing": {"ml-enginer": 2}},
            f"unknown role 'ml-enginer' in existing; allowed: {ROLES_ALLOWED}",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "existing": {"ml-engineer": -1}},
            "existing count for ml-engineer must be a whole number from 0 to 1000, got -1",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "existing": {"ml-lead": 1001}},
            "existing count for ml-lead must be a whole number from 0 to 1000, got 1001",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "existing": [1, 2]},
            "existing must map role ids to counts, got [1, 2]",
        ),
        (
            {"archetype": "llm-api", "headcount": 3, "team": 4},
            "unknown request field 'team'; allowed: archetype, stage, data, headcount, existing",
        ),
        (
            ["llm-api", 3],
            "request must be an object with fields archetype, stage, data, headcount, existing",
        ),
        (
            {"archetype": "x" * 100 + "\n<script>", "headcount": 3},
            f"unknown archetype '{'x' * 36}...; allowed: {ARCHETYPES_ALLOWED}",
        ),
    ],
)
def test_bad_requests_raise_one_line_request_errors(
    rules: dict, request_value: object, message: str
) -> None:
    with pytest.raises(RequestError) as caught:
        recommend(rules, request_value)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_null_fields_take_their_defaults(rules: dict) -> None:
    request = {
        "archetype": "llm-api",
        "headcount": 2,
        "stage": None,
        "data": None,
        "existing": None,
    }
    assert recommend(rules, request)["input"] == {
        "archetype": "llm-api",
        "stage": "prototype",
        "data": "low",
        "headcount": 2,
        "existing": {},
    }


# --- JSON boundary, determinism, purity --------------------------------------------------------


def test_recommend_json_wraps_plans_and_errors() -> None:
    request = {"archetype": "custom-models", "headcount": 5, "existing": {"ml-engineer": 2}}
    answer = json.loads(recommend_json(rules_json(), json.dumps(request)))
    assert answer == {"ok": True, "plan": recommend(load_rules(), request)}
    bad = json.loads(recommend_json(rules_json(), '{"archetype": "llm-api", "headcount": 0}'))
    assert bad == {"ok": False, "error": "headcount must be a whole number from 1 to 50, got 0"}
    assert json.loads(recommend_json(rules_json(), "{not json")) == {
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
        ("[" * 100_000 + "]" * 100_000, "the request is longer than 10000 characters"),
        (
            '{"archetype": "' + "[" * 50 + '\\"{{{", "headcount": 1}',
            "unknown archetype '" + "[" * 36 + "...; allowed: " + ARCHETYPES_ALLOWED,
        ),
        ('"llm-api"', "request must be an object with fields " + ", ".join(REQUEST_FIELDS)),
        (None, "the request is not valid JSON"),
    ],
)
def test_recommend_json_rejects_hostile_request_text(request_json, message: str) -> None:
    """Deep nesting would overflow Pyodide's stack in json.loads, so it is refused first."""
    answer = json.loads(recommend_json(rules_json(), request_json))
    assert answer == {"ok": False, "error": message}


def test_recommend_json_reports_broken_rules_instead_of_raising() -> None:
    broken = load_rules()
    del broken["calculator"]["archetypes"][1]["weights"]
    answer = json.loads(
        recommend_json(json.dumps(broken), '{"archetype": "llm-api", "headcount": 3}')
    )
    assert answer == {
        "ok": False,
        "error": "the calculator rules are broken: missing field 'weights'",
    }


def test_plans_round_trip_through_json_and_are_deterministic(rules: dict) -> None:
    request = {
        "archetype": "open-model-finetuning",
        "stage": "production",
        "data": "high",
        "headcount": 17,
        "existing": {"ml-scientist": 3, "mlops-engineer": 1},
    }
    before_rules, before_request = copy.deepcopy(rules), copy.deepcopy(request)
    first = recommend(rules, request)
    assert json.loads(json.dumps(first)) == first
    assert json.dumps(recommend(load_rules(), request)) == json.dumps(first)
    assert rules == before_rules and request == before_request  # nothing mutated


def _imports(path: Path) -> list[tuple[int, str]]:
    """(relative level, module) for every import in a Python file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_engine_files_are_listed_and_import_only_the_standard_library() -> None:
    on_disk = sorted(path.name for path in ENGINE_DIR.glob("engine*.py"))
    assert sorted(ENGINE_FILES) == on_disk
    engine_modules = {name.removesuffix(".py") for name in ENGINE_FILES}
    for name in ENGINE_FILES:
        for level, module in _imports(ENGINE_DIR / name):
            if level:
                assert level == 1 and module in engine_modules, (
                    f"{name}: from {'.' * level}{module}"
                )
            else:
                top = module.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", f"{name}: {module}"


def test_engine_imports_no_third_party_module_at_run_time() -> None:
    code = (
        "import sys; import handbook.engine; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'mkdocs', 'jinja2'));"
        "print(bad)"
    )
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ENGINE_DIR.parent)},
    )
    assert result.stdout.strip() == "[]"


# --- rules -------------------------------------------------------------------------------------


def test_the_handbook_rules_have_no_problems(rules: dict) -> None:
    assert rule_problems(rules) == []


def test_build_rules_keeps_only_what_the_engine_needs() -> None:
    roles = [
        {
            "id": "ml-engineer",
            "title": "ML engineer",
            "summary": "long text",
            "skills": dict.fromkeys(AXES, 2),
        }
    ]
    tasks = [{"id": "gpu-ci-cd", "title": "CI/CD with GPUs", "description": "..."}]
    calculator = {"max_headcount": 5}
    rules = build_rules(calculator, roles, tasks, AXES)
    assert rules == {
        "axes": AXES,
        "roles": [{"id": "ml-engineer", "title": "ML engineer", "skills": dict.fromkeys(AXES, 2)}],
        "fractional_tasks": [{"id": "gpu-ci-cd", "title": "CI/CD with GPUs"}],
        "calculator": {"max_headcount": 5},
    }
    assert rules["calculator"] is not calculator


def _with(rules: dict, change) -> list:
    changed = copy.deepcopy(rules)
    change(changed["calculator"])
    return rule_problems(changed)


def _rename_weight(calc: dict) -> None:
    weights = calc["archetypes"][1]["weights"]
    weights["ml-scientst"] = weights.pop("ml-scientist")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _rename_weight,
            [
                (("archetypes", 1, "weights", "ml-scientst"), "unknown role 'ml-scientst'"),
            ],
        ),
        (
            lambda calc: calc["archetypes"][0]["weights"].update({"ml-lead": 120}),
            [
                (
                    ("archetypes", 0, "weights", "ml-lead"),
                    "weights must be a whole number from 0 to 100, got 120",
                )
            ],
        ),
        (
            lambda calc: calc["archetypes"][2]["needs"].update({"ml-magic": 2}),
            [(("archetypes", 2, "needs", "ml-magic"), "unknown axis 'ml-magic'")],
        ),
        (
            lambda calc: calc["archetypes"][0]["needs"].update({"ml-theory": 5}),
            [
                (
                    ("archetypes", 0, "needs", "ml-theory"),
                    "needs must be a whole number from 1 to 4, got 5",
                )
            ],
        ),
        (
            lambda calc: calc["fractional_rules"][0].update({"task": "interim-leed"}),
            [(("fractional_rules", 0, "task"), "unknown fractional task 'interim-leed'")],
        ),
        (
            lambda calc: calc["rationale_rules"][0].update({"when": {"stage": ["seed"]}}),
            [(("rationale_rules", 0, "when", "stage", 0), "unknown stage 'seed'")],
        ),
        (
            lambda calc: calc["rationale_rules"][0].update({"link": "/roles/ml-engineer/"}),
            [
                (
                    ("rationale_rules", 0, "link"),
                    "link '/roles/ml-engineer/' must be a site-relative path like "
                    "'roles/ml-engineer/' or 'team-composition/#start-with-generalists'",
                )
            ],
        ),
        (
            lambda calc: calc["stages"][1]["rationale"].update({"link": "roles/ml-wizard/"}),
            [(("stages", 1, "rationale", "link"), "unknown role 'ml-wizard'")],
        ),
        (
            lambda calc: calc["archetypes"][0]["weights"].update({"ml-engineer": 0}),
            [
                (
                    ("archetypes", 0, "weights", "ml-engineer"),
                    "the generalist's weight must be above 0",
                )
            ],
        ),
        (
            lambda calc: calc["archetypes"][2].update({"id": "custom-models"}),
            [(("archetypes", 2, "id"), "duplicate id 'custom-models'")],
        ),
        (
            lambda calc: calc["stages"][2].update({"weigth_percent": {}}),
            [
                (
                    ("stages", 2, "weigth_percent"),
                    "unknown field 'weigth_percent'; allowed: id, title, description, "
                    "weight_percent, deadlines, needs_bonus, rationale",
                )
            ],
        ),
        (
            lambda calc: calc["roles"]["ml-scientist"]["needs"][1].update({"or_fractional": "gpu"}),
            [
                (
                    ("roles", "ml-scientist", "needs", 1, "or_fractional"),
                    "unknown fractional task 'gpu'",
                )
            ],
        ),
        (
            lambda calc: calc["roles"].update({"ml-engineer": {"needs": [{"role": "ml-lead"}]}}),
            [
                (
                    ("roles", "ml-engineer", "needs"),
                    "the generalist 'ml-engineer' cannot need other roles",
                )
            ],
        ),
        (
            lambda calc: calc["fractional_rules"][4]["when"].update({"trait": "trains-model"}),
            [
                (
                    ("fractional_rules", 4, "when", "trait"),
                    "unknown trait (no archetype has it) 'trains-model'",
                )
            ],
        ),
        (
            lambda calc: calc["defaults"].update({"data": "none"}),
            [(("defaults", "data"), "unknown data complexity 'none'")],
        ),
        (
            lambda calc: calc["stages"][1]["deadlines"].update({"mlops-engineer": 0}),
            [
                (
                    ("stages", 1, "deadlines", "mlops-engineer"),
                    "deadlines must be a whole number from 1 to 1000, got 0",
                )
            ],
        ),
    ],
)
def test_rule_problems_point_at_the_bad_value(rules: dict, change, expected: list) -> None:
    assert _with(rules, change) == expected


def test_rule_problems_survive_garbage() -> None:
    assert rule_problems(None) == [((), "the rules need a 'calculator' mapping")]
    problems = rule_problems({"calculator": {"archetypes": "many", "stages": [1]}})
    assert (("archetypes",), "must be a non-empty list") in problems
    assert (("stages", 0), "must be a mapping, got 1") in problems
    assert all(isinstance(path, tuple) and isinstance(message, str) for path, message in problems)
