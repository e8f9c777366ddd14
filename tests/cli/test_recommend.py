"""`handbook recommend` on the command line: readable and JSON plans, one-line errors, exit 2.

Runs on the tiny rules (tests/fixtures.py); the plans themselves are the engine's (test_plan.py
works them out by hand).
"""

from __future__ import annotations

import json

import pytest

import fixtures
from handbook.cli.recommend import format_plan, main, parse_existing
from handbook.engine import RequestError, recommend

PREFIX = "handbook recommend: error: "
ROLES_ALLOWED = "engineer, scientist, ops, lead"
ARCHETYPES_ALLOWED = "research, product"
HELP = " (see handbook recommend --help)"


def run(capsys, *argv: str, rules: dict | None = None) -> tuple[int, str, str]:
    code = main(list(argv), rules or fixtures.rules())
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_readable_plan(capsys):
    code, out, err = run(
        capsys,
        *("--archetype", "product", "--headcount", "4", "--stage", "live"),
        "--data-complexity",
        "messy",
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "Hiring plan: Product; stage Live; data complexity Messy; 4 new hires",
        "Existing team: none",
    ]
    team = lines[lines.index("Team after hiring") + 1 : lines.index("Hiring order") - 1]
    assert team == [
        "  Engineer               2  (2 new)",
        "  Scientist              0",
        "  Ops engineer           1  (1 new)",
        "  Lead                   1  (1 new)",
    ]
    order = lines[lines.index("Hiring order") + 1 : lines.index("Hiring order") + 5]
    assert order == ["   1. Engineer", "   2. Ops engineer", "   3. Lead", "   4. Engineer"]
    assert lines[lines.index("Fractional specialists (part-time)") + 1] == "  - none needed"
    assert "  practice               4 / 3  gap" in lines
    assert "  theory                 1 / 3  met" in lines
    why = lines[lines.index("Why") + 1 :]
    assert why[:2] == ["  - Products need engineers.", "    handbook: team-composition/#engineers"]
    assert "    handbook: roles/ops/" in why


def test_existing_team_and_fractional_tasks_read_plainly(capsys):
    code, out, _ = run(
        capsys, "--archetype", "research", "--headcount", "2", "--existing", "engineer=2", "lead=0"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "Existing team: Engineer: 2"
    assert "  Engineer               2  (2 existing)" in lines
    assert "  Scientist              2  (2 new)" in lines
    assert "  - Interim lead: Nobody leads the team yet." in lines
    assert "  - CI set-up: Nobody runs CI yet." in lines


def test_long_reasons_wrap_within_100_columns(capsys):
    long = "A reason with many words " * 12
    rules = fixtures.changed_rules(
        lambda calc: calc["archetypes"][1]["rationale"].update(text=long.strip())
    )
    code, out, _ = run(capsys, "--archetype", "product", "--headcount", "2", rules=rules)
    assert code == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  - A reason with"))
    wrapped = lines[start : start + 4]
    assert all(line.startswith("    ") for line in wrapped[1:3])
    assert " ".join(line.strip() for line in wrapped[:3]).startswith("- " + long.strip()[:200])
    assert max(len(line) for line in lines) <= 100
    assert len(wrapped[0]) > 90  # the lines are filled, not cut early
    plan = recommend(rules, {"archetype": "product", "headcount": 2})
    assert format_plan(plan, rules) + "\n" == out


def test_json_plan_is_exactly_the_engine_output(capsys):
    code, out, err = run(
        capsys,
        *("--archetype", "research", "--headcount", "6", "--json"),
        *("--existing", "engineer=2", "--existing", "lead=1"),
    )
    request = {"archetype": "research", "headcount": 6, "existing": {"engineer": 2, "lead": 1}}
    assert (code, err) == (0, "")
    assert out == json.dumps(recommend(fixtures.rules(), request), indent=2) + "\n"
    assert json.loads(out)["input"]["stage"] == "early"  # defaults filled in


def test_single_hire_and_no_existing_team(capsys):
    code, out, _ = run(capsys, "--archetype", "product", "--headcount", "1")
    assert code == 0
    assert out.splitlines()[:2] == [
        "Hiring plan: Product; stage Early; data complexity Simple; 1 new hire",
        "Existing team: none",
    ]
    assert "   1. Engineer" in out.splitlines()


def test_help_lists_the_allowed_values(capsys):
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: handbook recommend")
    text = " ".join(out.split())
    assert f"one of {ARCHETYPES_ALLOWED}" in text
    assert "one of early, live (default early)" in text
    assert "new full-time hires, 1 to 40" in text
    assert f"ROLE is one of {ROLES_ALLOWED}" in text


def test_parse_existing_leaves_checking_to_the_engine():
    assert parse_existing(["engineer=2", "ops=x", "lead=-1", "scientist=+3"]) == {
        "engineer": 2,
        "ops": "x",
        "lead": -1,
        "scientist": 3,
    }
    with pytest.raises(RequestError, match="twice"):
        parse_existing(["ops=1", "ops=2"])


BAD_INPUTS = [
    (
        ["--archetype", "vision", "--headcount", "3"],
        f"unknown archetype 'vision'; allowed: {ARCHETYPES_ALLOWED}",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "enginer=2"],
        f"unknown role 'enginer' in existing; allowed: {ROLES_ALLOWED}",
    ),
    (
        ["--archetype", "research", "--headcount", "0"],
        "headcount must be a whole number from 1 to 40, got 0",
    ),
    (
        ["--archetype", "research", "--headcount", "-3"],
        "headcount must be a whole number from 1 to 40, got -3",
    ),
    (
        ["--archetype", "research", "--headcount=-3"],
        "headcount must be a whole number from 1 to 40, got -3",
    ),
    (
        ["--archetype", "research", "--headcount", "41"],
        "headcount must be a whole number from 1 to 40, got 41",
    ),
    (
        ["--archetype", "research", "--headcount", "abc"],
        "headcount must be a whole number from 1 to 40, got 'abc'",
    ),
    (
        ["--archetype", "research", "--headcount", "2.5"],
        "headcount must be a whole number from 1 to 40, got '2.5'",
    ),
    (
        ["--archetype", "research", "--headcount", "9" * 5000],
        "headcount must be a whole number from 1 to 40, got '" + "9" * 36 + "...",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "engineer"],
        "malformed --existing 'engineer'; expected ROLE=COUNT, e.g. ml-engineer=2",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "=2"],
        "malformed --existing '=2'; expected ROLE=COUNT, e.g. ml-engineer=2",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "engineer=two"],
        "existing count for engineer must be a whole number from 0 to 100, got 'two'",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "engineer="],
        "existing count for engineer must be a whole number from 0 to 100, got ''",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "lead=-1"],
        "existing count for lead must be a whole number from 0 to 100, got -1",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "lead=1", "lead=2"],
        "--existing names 'lead' twice; give each role once",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--stage", "seed"],
        "unknown stage 'seed'; allowed: early, live",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--data-complexity", "huge"],
        "unknown data complexity 'huge'; allowed: simple, messy",
    ),
    (
        ["--archetype", "research\nTraceback", "--headcount", "3"],
        f"unknown archetype 'research\\nTraceback'; allowed: {ARCHETYPES_ALLOWED}",
    ),
    (["--headcount", "3"], "the following arguments are required: --archetype" + HELP),
    (["--archetype", "research"], "the following arguments are required: --headcount" + HELP),
    (
        ["--archetype", "research", "--headcount"],
        "argument --headcount: expected one argument" + HELP,
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing"],
        "argument --existing: expected at least one argument" + HELP,
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--team", "2"],
        "unrecognized arguments: --team 2" + HELP,
    ),
    (
        ["--archetype", "research", "--head", "3"],
        "the following arguments are required: --headcount" + HELP,
    ),
]


@pytest.mark.parametrize(("argv", "message"), BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err == PREFIX + message + "\n"
    assert "Traceback" not in err.replace("'research\\nTraceback'", "")
