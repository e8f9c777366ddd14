"""The engine under real Pyodide 314 (Python 3.14, npm package, offline) answers exactly as CPython.

Runs tests/pyodide/run_engine.mjs once with Node: it installs the modules the calculator page
ships (pages/calculator.py engine_sources(): handbook/__init__.py, spec/ and engine/) into
Pyodide's file system, then answers a table of requests on the tiny rules (tests/fixtures.py);
every recommend_json output string must equal CPython's. Needs `npm ci` (node_modules/pyodide):
without it the test fails, it does not skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import fixtures
from handbook.engine import BROWSER_PACKAGES, recommend_json
from handbook.pages.calculator import engine_sources
from support import ROOT

pytestmark = pytest.mark.slow

PYODIDE_VERSION = "314.0.7"
RUNNER = ROOT / "tests" / "pyodide" / "run_engine.mjs"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
RUN_TIMEOUT_S = 300

CASES = [
    {"archetype": "research", "headcount": 1},
    {"archetype": "research", "headcount": 10},
    {"archetype": "product", "headcount": 4, "stage": "live", "data": "messy"},
    {"archetype": "product", "headcount": 40, "stage": "live", "data": "simple"},
    {"archetype": "research", "headcount": 12, "stage": "early", "data": "messy"},
    {"archetype": "research", "headcount": 2, "existing": {"engineer": 2}},
    {"archetype": "research", "headcount": 5, "existing": {"scientist": 3, "ops": 1}},
    {"archetype": "product", "headcount": 2, "existing": {"lead": 100}},
    {"archetype": "research", "headcount": 7, "existing": {"engineer": 0}, "stage": None},
    {"archetype": "research", "headcount": 9, "stage": "live", "lead_now": True},
    {"archetype": "research", "headcount": 3, "lead_now": "yes"},
    {"archetype": "research", "headcount": 0},
    {"archetype": "research", "headcount": 41},
    {"archetype": "research", "headcount": "abc"},
    {"archetype": "research", "headcount": 2.5},
    {"archetype": "vision", "headcount": 3},
    {"archetype": "research", "headcount": 3, "existing": {"enginer": 1}},
    {"archetype": "research", "headcount": 3, "existing": {"engineer": -2}},
    {"archetype": "research", "headcount": 3, "data": "<img src=x onerror=alert(1)>"},
    {"archetype": "research", "headcount": 3, "stage": "ünïcødé ✓"},
]
RAW_REQUESTS = ["{not json", "[" * 40 + "]" * 40, "[" * 20_000 + "]" * 20_000, "null"]
REQUESTS = [json.dumps(case) for case in CASES] + RAW_REQUESTS
OK_CASES = 10


def _check_prerequisites() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Node.js is not installed: the Pyodide engine test needs `node` (Debian: nodejs)"
        )
    if not (PYODIDE_PACKAGE / "pyodide.mjs").is_file():
        pytest.fail(
            f"{PYODIDE_PACKAGE} is missing: run `npm ci` in {ROOT} to install the pinned "
            f"pyodide {PYODIDE_VERSION} before running the tests"
        )
    return node


def _run(node: str, payload: dict) -> dict:
    result = subprocess.run(
        [node, str(RUNNER)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        cwd=ROOT,
    )
    assert result.returncode == 0, f"run_engine.mjs failed:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def pyodide_run() -> dict:
    node = _check_prerequisites()
    payload = {
        "rules_json": fixtures.rules_json(),
        "requests": REQUESTS,
        "modules": list(engine_sources()),
    }
    return _run(node, payload)


def test_pyodide_is_pinned_exactly() -> None:
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    pins = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    assert pins["pyodide"] == PYODIDE_VERSION
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/pyodide"]["version"] == PYODIDE_VERSION
    _check_prerequisites()
    installed = json.loads((PYODIDE_PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == PYODIDE_VERSION, "node_modules is stale: run `npm ci`"


def test_the_engine_runs_on_python_3_14_in_pyodide(pyodide_run: dict) -> None:
    assert pyodide_run["python"].startswith("3.14.")
    assert len(pyodide_run["results"]) == len(REQUESTS)
    assert pyodide_run["modules"] == list(engine_sources())


def test_pyodide_answers_exactly_as_cpython(pyodide_run: dict) -> None:
    expected = [recommend_json(fixtures.rules_json(), request) for request in REQUESTS]
    for request, cpython, pyodide in zip(REQUESTS, expected, pyodide_run["results"], strict=True):
        assert pyodide == cpython, f"request {request[:80]}"
    answers = [json.loads(text) for text in expected]
    assert sum(answer["ok"] for answer in answers) == OK_CASES
    assert answers[6]["plan"]["hiring_order"][0] == "engineer"  # scientists, no engineer yet
    assert answers[-2] == {"ok": False, "error": "the request is longer than 10000 characters"}


def test_the_runner_alone_finds_the_browser_packages() -> None:
    """Without a module list the runner installs __init__.py and every module of spec/ and
    engine/: the same files the calculator page ships."""
    assert BROWSER_PACKAGES == ("spec", "engine")
    run = _run(_check_prerequisites(), {"rules_json": "{}", "requests": ["{}"]})
    assert run["modules"] == list(engine_sources())
    assert json.loads(run["results"][0])["ok"] is False


def test_pyodide_timing_is_reported(pyodide_run: dict) -> None:
    """Not a speed test (the benchmark measures speed): prints the figures (see with -rP)."""
    timing = pyodide_run["timing_ms"]
    calls = sorted(timing["calls"])
    print(
        f"pyodide load {timing['load']:.0f} ms, engine import {timing['import']:.1f} ms, "
        f"recommend_json median {calls[len(calls) // 2]:.2f} ms, max {calls[-1]:.2f} ms"
    )
    assert timing["load"] > 0 and len(calls) == len(REQUESTS)


def test_missing_pyodide_fails_with_a_clear_message(tmp_path: Path) -> None:
    """The runner itself refuses to run without node_modules/pyodide, naming `npm ci`."""
    node = _check_prerequisites()
    copy = tmp_path / "tests" / "pyodide" / "run_engine.mjs"
    copy.parent.mkdir(parents=True)
    shutil.copy(RUNNER, copy)
    result = subprocess.run(
        [node, str(copy)], input="{}", capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3
    assert "run `npm ci`" in result.stderr and result.stderr.count("\n") == 1
