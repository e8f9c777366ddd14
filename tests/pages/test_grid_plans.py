"""The grid plans: each is the engine's answer; the worker process answers exactly as this
process does; kept plans start no process; a worker that fails, or answers wrongly, costs time
and never the plans; a cancelled worker is stopped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handbook import engine
from handbook.pages import grid_cache, grid_plans

DIGEST = "engine-digest"


@pytest.fixture(autouse=True)
def forget_plans():
    grid_plans._known.clear()
    yield
    grid_plans._known.clear()


@pytest.fixture(scope="module")
def rules_json(tiny_handbook) -> str:
    """The tiny handbook's rules with a grid of two headcounts: quick to work out many times."""
    rules = tiny_handbook.calculator_rules()
    rules["calculator"]["max_headcount"] = 2
    return json.dumps(rules)


@pytest.fixture(scope="module")
def expected(rules_json) -> dict[str, str]:
    return grid_plans.plan_files(rules_json)


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def marker_command(marker: Path) -> list[str]:
    """A worker that only leaves a file behind: proof that a process was started."""
    return python(f"open({str(marker)!r}, 'w').close()")


def test_every_grid_plan_is_the_engines_answer(tiny_handbook):
    rules = tiny_handbook.calculator_rules()
    files = {
        uri: json.loads(text)
        for uri, text in grid_plans.plan_files(tiny_handbook.calculator_rules_json).items()
    }
    requests = list(engine.grid_requests(rules))
    assert sum(len(plans) for plans in files.values()) == len(requests)
    assert len(files) == len({engine.grid_setting(request) for request in requests})
    for request in requests:
        uri = f"calculator/plans/{engine.grid_setting(request)}.json"
        plan = files[uri][str(request["headcount"])]
        assert plan == engine.recommend(rules, request), engine.grid_key(request)


def test_the_worker_answers_as_this_process_does_and_its_plans_are_kept(
    rules_json, expected, tmp_path
):
    assert len(expected) > 1 and len(set(expected.values())) == len(expected)
    plans = grid_plans.start(rules_json, DIGEST, tmp_path)
    assert plans.result() == expected
    key = grid_cache.cache_key(rules_json, f"{DIGEST}:{grid_plans.PLANS_LAYOUT}")
    assert grid_cache.read(tmp_path, key) == expected


def test_the_worker_imports_nothing_but_the_engine(rules_json):
    listing = "import sys; print(sorted(sys.modules))"
    command = grid_plans.worker_command()
    command[command.index("-c") + 1] += "; " + listing
    out = subprocess.run(command, input=rules_json.encode(), capture_output=True)
    assert out.returncode == 0, out.stderr
    loaded = out.stdout.decode().rsplit("\n", 2)[-2]
    for heavy in ("mkdocs", "jinja2", "markupsafe", "yaml", "markdown"):
        assert f"'{heavy}'" not in loaded


def test_kept_plans_start_no_process(rules_json, tmp_path):
    key = grid_cache.cache_key(rules_json, f"{DIGEST}:{grid_plans.PLANS_LAYOUT}")
    kept = {"calculator/plans/kept.json": "{}"}
    grid_cache.keep(tmp_path / "cache", key, kept)
    marker = tmp_path / "started"
    plans = grid_plans.start(rules_json, DIGEST, tmp_path / "cache", marker_command(marker))
    assert plans.result() == kept
    # and once a build has them, later builds of this process take them from memory
    again = grid_plans.start(rules_json, DIGEST, tmp_path / "empty", marker_command(marker))
    assert again.result() == kept
    assert not marker.exists()


def test_other_rules_or_another_engine_start_a_process(rules_json, expected, tmp_path):
    grid_plans.start(rules_json, DIGEST, tmp_path).result()
    for other_rules, digest in ((rules_json + " ", DIGEST), (rules_json, "another-engine")):
        marker = tmp_path / f"started-{digest}-{len(other_rules)}"
        plans = grid_plans.start(other_rules, digest, tmp_path, marker_command(marker))
        assert plans.result() == expected  # the marker answered nothing: worked out here
        assert marker.exists()


WRONG_WORKERS = {
    "fails": python("import sys; sys.exit(3)"),
    "not JSON": python("print('plans!')"),
    "a list": python("print('[]')"),
    "no files": python("print('{}')"),
    "a file too few": None,  # built in the test: every expected file but one
    "not text": None,  # every expected file, one of them a number
    "answers, then fails": None,  # every expected file (all "{}"), then a failing exit status
    "cannot start": [str(Path("/nonexistent/python"))],
}


@pytest.mark.parametrize("case", WRONG_WORKERS)
def test_a_wrong_worker_costs_time_never_the_plans(rules_json, expected, tmp_path, case):
    command = WRONG_WORKERS[case]
    if command is None:
        answer: dict = dict(expected)
        first = next(iter(answer))
        exit_status = 0
        if case == "a file too few":
            del answer[first]
        elif case == "not text":
            answer[first] = 1
        else:
            answer, exit_status = dict.fromkeys(expected, "{}"), 1
        out = tmp_path / "answer.json"
        out.write_text(json.dumps(answer), encoding="utf-8")
        command = python(
            f"import sys; sys.stdout.write(open({str(out)!r}).read()); sys.exit({exit_status})"
        )
    assert grid_plans.start(rules_json, DIGEST, tmp_path / "cache", command).result() == expected


def test_a_cancelled_worker_is_stopped(rules_json, tmp_path):
    pid_file, finished = tmp_path / "pid", tmp_path / "finished"
    sleeper = python(
        f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); "
        f"time.sleep(20); open({str(finished)!r}, 'w').close()"
    )
    plans = grid_plans.start(rules_json, DIGEST, tmp_path, sleeper)
    for _ in range(200):  # wait until it has started (at most ~10 s)
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    pid = int(pid_file.read_text())
    plans.cancel()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped
    assert not finished.exists()  # stopped, not waited for
