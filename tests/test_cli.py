"""`handbook validate`: exit 0 valid, 1 invalid (every problem listed), 2 usage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook.cli import main

HANDBOOK = Path(sys.executable).parent / "handbook"


def test_valid_data_exits_0(data_copy, capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("data: ")


def test_invalid_data_lists_every_problem_and_exits_1(data_copy, capsys):
    data_copy.replace("roles.yaml", "abbreviation: MLE", "abbreviation: off")
    data_copy.replace("handbook.yaml", "summary:", "sumary:")
    assert main(["validate", "--data", "data"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("data/handbook.yaml:")
    assert "unknown field 'sumary' (did you mean 'summary'?)" in lines[1] + lines[0]
    assert lines[2].startswith("data/roles.yaml:")
    assert err == "3 problems in data\n"


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 2
    assert "data directory not found" in capsys.readouterr().err


def test_console_script_without_traceback(data_copy):
    data_copy.write("skills.yaml", "skills: [\n")
    result = subprocess.run([str(HANDBOOK), "validate"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.startswith("data/skills.yaml:2: YAML syntax error")
    assert "Traceback" not in result.stderr
    bad = subprocess.run([str(HANDBOOK), "frobnicate"], capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
