"""`handbook recommend` on the command line: readable and JSON plans, one-line errors, exit 2."""

from __future__ import annotations

import json

import pytest

from engine_fixtures import load_rules
from handbook.engine import recommend
from handbook.recommend_cli import main

RULES = load_rules()
PREFIX = "handbook recommend: error: "
ROLES_ALLOWED = "ml-engineer, ml-scientist, mlops-engineer, data-engineer, ml-lead"
ARCHETYPES_ALLOWED = "custom-models, llm-api, open-model-finetuning"
HELP = " (see handbook recommend --help)"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), RULES)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_readable_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        *("--archetype", "custom-models", "--headcount", "8", "--stage", "production"),
        *("--data-complexity", "high", "--existing", "ml-engineer=2", "data-engineer=1"),
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Hiring plan: Custom models; stage Production; data complexity High; 8 new hires"
    )
    assert lines[1] == "Existing team: ML engineer: 2, ML data engineer: 1"
    assert "  ML engineer            4  (2 existing + 2 new)" in lines
    assert "  ML scientist           3  (3 new)" in lines
    assert "  ML lead                0" in lines
    order = lines[lines.index("Hiring order") + 1 : lines.index("Hiring order") + 9]
    assert order[0] == "   1. ML scientist" and order[-1] == "   8. ML engineer"
    assert any(line.startswith("  - CI/CD with GPUs: An ML scientist joins") for line in lines)
    assert "  ml-theory              4 / 4  met" in lines
    assert "    handbook: team-composition/#custom-models-need-scientists" in lines
    assert max(len(line) for line in lines) <= 100


def test_json_plan_is_exactly_the_engine_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys,
        *("--archetype", "llm-api", "--headcount", "6", "--json"),
        *("--existing", "ml-engineer=2", "--existing", "ml-lead=1"),
    )
    request = {
        "archetype": "llm-api",
        "headcount": 6,
        "existing": {"ml-engineer": 2, "ml-lead": 1},
    }
    assert (code, err) == (0, "")
    assert out == json.dumps(recommend(RULES, request), indent=2) + "\n"
    assert json.loads(out)["input"]["stage"] == "prototype"  # defaults filled in


def test_single_hire_and_no_existing_team(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--archetype", "llm-api", "--headcount", "1")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Hiring plan: Hosted LLM through an API; stage Prototype; data complexity Low; 1 new hire",
        "Existing team: none",
    ]
    assert "   1. ML engineer" in out.splitlines()


def test_help_lists_the_allowed_values(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: handbook recommend")
    assert ARCHETYPES_ALLOWED in " ".join(out.split())


BAD_INPUTS = [
    (
        ["--archetype", "vision", "--headcount", "3"],
        f"unknown archetype 'vision'; allowed: {ARCHETYPES_ALLOWED}",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-enginer=2"],
        f"unknown role 'ml-enginer' in existing; allowed: {ROLES_ALLOWED}",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "0"],
        "headcount must be a whole number from 1 to 50, got 0",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "-3"],
        "headcount must be a whole number from 1 to 50, got -3",
    ),
    (
        ["--archetype", "llm-api", "--headcount=-3"],
        "headcount must be a whole number from 1 to 50, got -3",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "51"],
        "headcount must be a whole number from 1 to 50, got 51",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "abc"],
        "headcount must be a whole number from 1 to 50, got 'abc'",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "2.5"],
        "headcount must be a whole number from 1 to 50, got '2.5'",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "9" * 5000],
        "headcount must be a whole number from 1 to 50, got '" + "9" * 36 + "...",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-engineer"],
        "malformed --existing 'ml-engineer'; expected ROLE=COUNT, e.g. ml-engineer=2",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "=2"],
        "malformed --existing '=2'; expected ROLE=COUNT, e.g. ml-engineer=2",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-engineer=two"],
        "existing count for ml-engineer must be a whole number from 0 to 1000, got 'two'",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-engineer="],
        "existing count for ml-engineer must be a whole number from 0 to 1000, got ''",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-lead=-1"],
        "existing count for ml-lead must be a whole number from 0 to 1000, got -1",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing", "ml-lead=1", "ml-lead=2"],
        "--existing names 'ml-lead' twice; give each role once",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--stage", "seed"],
        "unknown stage 'seed'; allowed: prototype, production, scaling",
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--data-complexity", "huge"],
        "unknown data complexity 'huge'; allowed: low, medium, high",
    ),
    (
        ["--archetype", "llm-api\nTraceback", "--headcount", "3"],
        f"unknown archetype 'llm-api\\nTraceback'; allowed: {ARCHETYPES_ALLOWED}",
    ),
    (["--headcount", "3"], "the following arguments are required: --archetype" + HELP),
    (["--archetype", "llm-api"], "the following arguments are required: --headcount" + HELP),
    (
        ["--archetype", "llm-api", "--headcount"],
        "argument --headcount: expected one argument" + HELP,
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--existing"],
        "argument --existing: expected at least one argument" + HELP,
    ),
    (
        ["--archetype", "llm-api", "--headcount", "3", "--team", "2"],
        "unrecognized arguments: --team 2" + HELP,
    ),
    (
        ["--archetype", "llm-api", "--head", "3"],
        "the following arguments are required: --headcount" + HELP,
    ),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err == PREFIX + message + "\n"
    assert "Traceback" not in err.replace("'llm-api\\nTraceback'", "")
