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
        "Hiring plan: Product; stage Live; data complexity Messy; 4 new full-time hires",
        "Existing team: none",
    ]
    heading = "Hiring order, and why each hire"
    team = lines[lines.index("Team after hiring") + 1 : lines.index(heading) - 1]
    assert team == [
        "  Engineer               2  (2 new)",
        "  Scientist              0",
        "  Ops engineer           1  (1 new)",
        "  Lead                   1  (1 new)",
    ]
    order = lines[lines.index(heading) + 1 : lines.index(heading) + 9]
    assert order == [
        "  Hire 1 · Senior engineer: An engineer comes first.",
        "    interview kit: kits/engineer/senior/",
        (
            "  Hire 2 · Senior ops: Live needs an ops engineer by hire 2, now that an engineer "
            "is here."
        ),
        "    interview kit: kits/ops/senior/",
        "  Hire 3 · Senior lead: Messy data needs a lead by hire 3.",
        "    interview kit: kits/lead/director/",
        "  Hire 4 · Junior engineer: Engineers stay above 50%; this is the second.",
        "    interview kit: kits/engineer/junior/",
    ]
    tasks = lines.index("Fractional specialists (part-time)")
    assert lines[tasks + 1 : tasks + 3] == [
        "  - Interim lead — needed now, until hire 3 (Lead): Nobody leads the team yet.",
        "  - CI set-up — needed now, until hire 2 (Ops engineer): Nobody runs CI yet.",
    ]
    assert (
        "  practice               4 / 3  gap; closed by a candidate at level 4, above every "
        "level the roles describe"
    ) in lines
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
    assert "  - Interim lead — needed now: Nobody leads the team yet." in lines
    assert "  - CI set-up — needed now: Nobody runs CI yet." in lines
    assert (
        "  Hire 1 · Senior scientist: 2 engineers are the base, so a scientist comes first."
        in lines
    )


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
        "Hiring plan: Product; stage Early; data complexity Simple; 1 new full-time hire",
        "Existing team: none",
    ]
    assert "  Hire 1 · Senior engineer: An engineer comes first." in out.splitlines()
    assert "  - none needed" not in out.splitlines()  # interim lead and CI set-up


def test_lead_now_brings_the_lead_forward(capsys):
    code, out, _ = run(capsys, "--archetype", "research", "--headcount", "3", "--lead-now")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("3 new full-time hires, a lead now")
    assert (
        "  Hire 2 · Senior lead: You can afford a lead now, so by hire 2, now that an engineer "
        "is here."
    ) in lines


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
        f"What you are building: unknown value 'vision'; allowed: {ARCHETYPES_ALLOWED}",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "enginer=2"],
        f"Your existing team: unknown role 'enginer'; allowed: {ROLES_ALLOWED}",
    ),
    (
        ["--archetype", "research", "--headcount", "0"],
        "New full-time hires: must be a whole number from 1 to 40, got 0",
    ),
    (
        ["--archetype", "research", "--headcount", "-3"],
        "New full-time hires: must be a whole number from 1 to 40, got -3",
    ),
    (
        ["--archetype", "research", "--headcount=-3"],
        "New full-time hires: must be a whole number from 1 to 40, got -3",
    ),
    (
        ["--archetype", "research", "--headcount", "41"],
        "New full-time hires: must be a whole number from 1 to 40, got 41",
    ),
    (
        ["--archetype", "research", "--headcount", "abc"],
        "New full-time hires: must be a whole number from 1 to 40, got 'abc'",
    ),
    (
        ["--archetype", "research", "--headcount", "2.5"],
        "New full-time hires: must be a whole number from 1 to 40, got '2.5'",
    ),
    (
        ["--archetype", "research", "--headcount", "9" * 5000],
        "New full-time hires: must be a whole number from 1 to 40, got '" + "9" * 36 + "...",
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
        "Your existing team, Engineer: must be a whole number from 0 to 100, got 'two'",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "engineer="],
        "Your existing team, Engineer: must be a whole number from 0 to 100, got ''",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "lead=-1"],
        "Your existing team, Lead: must be a whole number from 0 to 100, got -1",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--existing", "lead=1", "lead=2"],
        "--existing names 'lead' twice; give each role once",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--stage", "seed"],
        "Stage: unknown value 'seed'; allowed: early, live",
    ),
    (
        ["--archetype", "research", "--headcount", "3", "--data-complexity", "huge"],
        "Data complexity: unknown value 'huge'; allowed: simple, messy",
    ),
    (
        ["--archetype", "research\nTraceback", "--headcount", "3"],
        (
            "What you are building: unknown value 'research\\nTraceback'; allowed: "
            f"{ARCHETYPES_ALLOWED}"
        ),
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
