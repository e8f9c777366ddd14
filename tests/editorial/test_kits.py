"""The handbook's own principles for levels and kits, checked on data/ (editorial tests)."""

from __future__ import annotations

import dataclasses

import pytest

from handbook.content.kits import all_kits
from handbook.engine.scorecard import decide
from support import every_combination, real_handbook, run_scorecard_js


@pytest.fixture(scope="module")
def hb():
    return real_handbook()


def test_every_role_has_at_least_two_levels(hb):
    assert all(len(role.levels) >= 2 for role in hb.roles)


def test_the_ml_leads_levels_are_its_variants_with_people_leadership(hb):
    lead = hb.role("ml-lead")
    assert [level.id for level in lead.levels] == [variant.id for variant in lead.variants]
    assert all(level.skills.get("leadership") for level in lead.levels)
    managers = [level.id for level in lead.levels if "manage" in level.people_leadership.lower()]
    assert managers == ["tech-lead", "principal", "director"]  # the tech lead manages no one


def test_the_reviewed_levels(hb):
    """The content review: SE 3 is 'strong'; ML engineers who own pipelines need ML systems 3;
    deployment infrastructure is on the ML systems scale, not the ML practice scale."""
    mle = hb.role("ml-engineer")
    assert mle.level("mid").skills["software-engineering"] == 3
    assert mle.level("senior").skills["ml-systems"] == 3
    practice = hb.skill("ml-practice").levels[3].description
    systems = " ".join(level.description for level in hb.skill("ml-systems").levels)
    assert "multi-host" in systems and "CI/CD" in systems
    assert "on the ML systems scale" in practice
    assert all(level.judgement for role in hb.roles for level in role.levels)


@pytest.mark.slow  # runs Node over every combination of ratings (seconds per kit shape)
def test_the_javascript_rule_equals_python_for_every_kit_and_every_combination(hb):
    rule = dict(hb.kits.hire_rule)
    shapes = {tuple(kit.axes) for kit in all_kits(hb)}
    for axes in shapes:
        cases = every_combination(axes)
        python = [dataclasses.asdict(decide(rule, axes, ratings)) for ratings in cases]
        assert run_scorecard_js(rule, axes, cases) == python
