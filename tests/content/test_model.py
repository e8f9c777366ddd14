"""The frozen model built from the tiny handbook: lookups, order, and nothing mutable."""

from __future__ import annotations

import dataclasses

import pytest

import fixtures


def test_the_model_keeps_the_files_order(tiny_handbook):
    hb = tiny_handbook
    assert (hb.title, hb.edition) == ("Tiny handbook", fixtures.EDITION)
    assert [role.id for role in hb.roles] == fixtures.ROLE_IDS
    assert [axis.id for axis in hb.base_axes] == fixtures.AXES
    assert [skill.id for skill in hb.skills] == [*fixtures.AXES, "culture"]
    # questions follow the areas' order in skills.yaml, not the files' names
    assert [(q.area, q.id) for q in hb.questions] == [
        ("practice", "ship-a-model"),
        ("theory", "derive-a-loss"),
        ("culture", "explain-a-trade-off"),
    ]
    assert [task.id for task in hb.fractional_tasks] == fixtures.TASKS


def test_lookups(tiny_handbook):
    hb = tiny_handbook
    assert hb.role("scientist").skills["theory"] == 4
    assert hb.skill("theory").level_name(3) == "Strong"
    assert hb.skill("theory").level_name(9) == "9"
    assert [q.id for q in hb.questions_for("ops")] == ["ship-a-model", "explain-a-trade-off"]
    assert [q.id for q in hb.questions_in("theory")] == ["derive-a-loss"]
    assert hb.question("ship-a-model").materials == ("model-card",)
    assert hb.material("model-card").questions == ("ship-a-model",)
    role = hb.role("engineer")
    assert (role.abbreviation, role.also_called) == ("ENG", ("Generalist",))
    assert hb.role("lead").abbreviation == "" and hb.role("lead").variants == ()
    assert hb.sources[0].published == "2029-12-31"


def test_answer_guides_carry_their_calibration_and_follow_ups(tiny_handbook):
    guide = tiny_handbook.question("derive-a-loss").guide
    assert len(guide.strong) == 3 and guide.red_flags == ("Recites without deriving",)
    assert [level for level, _ in guide.calibration] == [2, 3, 4]
    assert guide.follow_ups[0].ask == "Why not squared error?"


def test_the_model_is_frozen(tiny_handbook):
    with pytest.raises(dataclasses.FrozenInstanceError):
        tiny_handbook.title = "Changed"
    with pytest.raises(TypeError):
        tiny_handbook.role("engineer").skills["theory"] = 4


def test_calculator_rules_are_a_fresh_copy_each_time(tiny_handbook):
    rules = tiny_handbook.calculator_rules()
    assert rules == fixtures.rules()
    rules["calculator"]["max_headcount"] = 1
    assert tiny_handbook.calculator_rules()["calculator"]["max_headcount"] == 40
