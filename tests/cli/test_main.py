"""`handbook validate`: exit 0 valid, 1 invalid (every problem listed), 2 usage; `handbook
recommend` on data/ of the working directory; the console script and `python -m handbook.cli`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import fixtures
from handbook.cli import main
from handbook.engine import recommend

HANDBOOK = Path(sys.executable).parent / "handbook"


def test_valid_data_exits_0(tiny_data, capsys):
    assert main(["validate"]) == 0
    files = len(fixtures.data_files())
    assert capsys.readouterr().out == f"data: {files} files valid\n"


def test_invalid_data_lists_every_problem_and_exits_1(tiny_data, capsys):
    tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: off")
    tiny_data.replace("handbook.yaml", "summary:", "sumary:")
    assert main(["validate", "--data", "data"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines == tiny_data.problems()
    assert len(lines) == 3
    assert lines[0].startswith("data/handbook.yaml:")
    assert "unknown field 'sumary' (did you mean 'summary'?)" in lines[0] + lines[1]
    assert lines[2].startswith("data/roles.yaml:")
    assert err == "3 problems in data\n"


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 2
    assert "data directory not found" in capsys.readouterr().err


def test_recommend_reads_the_rules_from_data(tiny_data, capsys):
    assert main(["recommend", "--archetype", "research", "--headcount", "3", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan == recommend(fixtures.rules(), {"archetype": "research", "headcount": 3})


def test_recommend_on_invalid_data_lists_the_problems_and_exits_1(tiny_data, capsys):
    tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: off")
    assert main(["recommend", "--archetype", "research", "--headcount", "3"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == ["1 problem in the handbook data:", *tiny_data.problems()]


def test_console_script_without_traceback(tiny_data):
    tiny_data.write("skills.yaml", "skills: [\n")
    result = subprocess.run([str(HANDBOOK), "validate"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("data/skills.yaml:2: YAML syntax error")
    assert "Traceback" not in result.stderr
    bad = subprocess.run([str(HANDBOOK), "frobnicate"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_python_dash_m_handbook_cli(tiny_data):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "handbook.cli",
            "recommend",
            "--archetype",
            "product",
            "--headcount",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hiring plan: Product; stage Early;")
