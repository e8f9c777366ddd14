"""The engine under real Pyodide 314 (Python 3.14, npm package, offline) answers exactly as CPython.

Runs tests/pyodide/run_engine.mjs once with Node for a table of cases and compares every
recommend_json output string with CPython's. Needs `npm ci` (node_modules/pyodide): without it
the test fails, it does not skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from engine_fixtures import ROOT, rules_json
from handbook.engine import ENGINE_FILES, recommend_json

PYODIDE_VERSION = "314.0.7"
RUNNER = ROOT / "tests" / "pyodide" / "run_engine.mjs"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
RUN_TIMEOUT_S = 300

CASES = [
    {"archetype": "llm-api", "headcount": 1},
    {"archetype": "llm-api", "headcount": 3},
    {"archetype": "custom-models", "headcount": 8, "stage": "production", "data": "high"},
    {"archetype": "custom-models", "headcount": 50, "stage": "scaling", "data": "medium"},
    {"archetype": "open-model-finetuning", "headcount": 12, "stage": "prototype", "data": "high"},
    {"archetype": "open-model-finetuning", "headcount": 30, "stage": "scaling", "data": "low"},
    {"archetype": "llm-api", "headcount": 6, "existing": {"ml-engineer": 2}},
    {
        "archetype": "custom-models",
        "headcount": 5,
        "stage": "production",
        "existing": {"ml-scientist": 3, "data-engineer": 1},
    },
    {
        "archetype": "llm-api",
        "headcount": 20,
        "stage": "scaling",
        "data": "high",
        "existing": {"ml-engineer": 4, "mlops-engineer": 1, "ml-lead": 1},
    },
    {"archetype": "open-model-finetuning", "headcount": 2, "existing": {"ml-lead": 1000}},
    {"archetype": "custom-models", "headcount": 7, "existing": {"ml-engineer": 0}, "stage": None},
    {"archetype": "llm-api", "headcount": 0},
    {"archetype": "llm-api", "headcount": 51},
    {"archetype": "llm-api", "headcount": "abc"},
    {"archetype": "llm-api", "headcount": 2.5},
    {"archetype": "vision", "headcount": 3},
    {"archetype": "llm-api", "headcount": 3, "existing": {"ml-enginer": 1}},
    {"archetype": "llm-api", "headcount": 3, "existing": {"ml-engineer": -2}},
    {"archetype": "llm-api", "headcount": 3, "data": "<img src=x onerror=alert(1)>"},
    {"archetype": "llm-api", "headcount": 3, "stage": "ünïcødé ✓"},
]
RAW_REQUESTS = ["{not json", "[" * 40 + "]" * 40, "[" * 20_000 + "]" * 20_000, "null"]
REQUESTS = [json.dumps(case) for case in CASES] + RAW_REQUESTS


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


@pytest.fixture(scope="module")
def pyodide_run() -> dict:
    node = _check_prerequisites()
    payload = {"rules_json": rules_json(), "requests": REQUESTS, "modules": list(ENGINE_FILES)}
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


def test_pyodide_answers_exactly_as_cpython(pyodide_run: dict) -> None:
    expected = [recommend_json(rules_json(), request) for request in REQUESTS]
    for request, cpython, pyodide in zip(REQUESTS, expected, pyodide_run["results"], strict=True):
        assert pyodide == cpython, f"request {request[:80]}"
    answers = [json.loads(text) for text in expected]
    assert sum(answer["ok"] for answer in answers) == 11
    assert answers[7]["plan"]["hiring_order"][0] == "ml-engineer"  # scientists, no engineer yet
    assert answers[-2] == {"ok": False, "error": "the request is longer than 10000 characters"}


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
