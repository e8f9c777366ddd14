"""The kit pages' JavaScript copy of the hire rule (docs/assets/javascripts/scorecard-rule.js)
gives the same verdict and reason as engine/scorecard.py for every combination of ratings."""

from __future__ import annotations

import dataclasses

import pytest

from handbook.engine.scorecard import Axis, decide
from support import every_combination, run_scorecard_js

pytestmark = pytest.mark.slow  # runs Node over 5**6 combinations of ratings per rule

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


@pytest.mark.parametrize("rule", RULES, ids=lambda r: "-".join(map(str, r.values())))
def test_the_javascript_rule_equals_the_python_rule_for_every_combination(rule):
    cases = every_combination(AXES)
    assert len(cases) == 5**6
    python = [dataclasses.asdict(decide(rule, AXES, ratings)) for ratings in cases]
    assert run_scorecard_js(rule, AXES, cases) == python
