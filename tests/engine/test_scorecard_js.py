"""The kit pages' JavaScript copy of the hire rule (docs/assets/javascripts/scorecard-rule.js)
gives the same verdict and reason as engine/scorecard.py for every combination of ratings."""

from __future__ import annotations

import dataclasses
import itertools
import json
import shutil
import subprocess

import pytest

from handbook.engine.scorecard import RATINGS, Axis, decide
from support import ROOT

RUNNER = ROOT / "tests" / "engine" / "run_scorecard_rule.mjs"
# Six axes with every expected level, so each clause of the rule is reached.
AXES = (
    Axis("practice", "ML practice", 3),
    Axis("engineering", "Software engineering", 4),
    Axis("theory", "ML theory", 2),
    Axis("systems", "ML systems", 1),
    Axis("culture", "Culture", 3),
    Axis("lead", "Leadership", 2),
)
RULES = (
    {"no_hire_at": 3, "max_no": 1, "strong_hire_min": 3},
    {"no_hire_at": 2, "max_no": 0, "strong_hire_min": 1},
)


def run_js(rule: dict, axes, cases: list[dict]) -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is needed for this test: apt-get install -y nodejs")
    payload = {"rule": rule, "axes": [dataclasses.asdict(a) for a in axes], "cases": cases}
    result = subprocess.run(
        [node, str(RUNNER)], input=json.dumps(payload), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def every_combination(axes) -> list[dict]:
    return [
        {axis.id: state for axis, state in zip(axes, states, strict=True) if state}
        for states in itertools.product((None, *RATINGS), repeat=len(axes))
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: "-".join(map(str, r.values())))
def test_the_javascript_rule_equals_the_python_rule_for_every_combination(rule):
    cases = every_combination(AXES)
    assert len(cases) == 5**6
    python = [dataclasses.asdict(decide(rule, AXES, ratings)) for ratings in cases]
    assert run_js(rule, AXES, cases) == python
