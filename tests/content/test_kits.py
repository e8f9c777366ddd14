"""content/kits.py: kits from the tiny model (tests/fixtures.py): loops, picks, pins, axes."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import pytest

from handbook.content.kits import KitStage, all_kits, build_kit, kit_ids
from handbook.content.model_kits import KitEdit, Stage, duration
from handbook.engine.scorecard import Axis


def picks(kit) -> dict[str, list[str]]:
    return {item.stage.id: [q.question.id for q in item.questions] for item in kit.stages}


def test_there_is_a_kit_for_every_role_and_level(tiny_handbook):
    assert kit_ids(tiny_handbook) == [
        "engineer/junior",
        "engineer/senior",
        "scientist/junior",
        "scientist/senior",
        "ops/junior",
        "ops/senior",
        "lead/tech-lead",
        "lead/director",
    ]
    assert [kit.id for kit in all_kits(tiny_handbook)] == kit_ids(tiny_handbook)


def test_a_kit_follows_its_roles_loop_with_minutes_and_interviewers(tiny_handbook):
    kit = build_kit(tiny_handbook, "engineer/senior")
    assert [(s.stage.id, s.stage.minutes, s.stage.interviewers) for s in kit.stages] == [
        ("chat", 30, "The manager"),
        ("deep", 60, "Two engineers"),
    ]
    assert kit.minutes == 90
    assert (kit.interview_time, kit.long_stages, kit.time) == ("1 h 30 min", (), "1 h 30 min")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (5, "5 min"),
        (45, "45 min"),
        (60, "1 h"),
        (75, "1 h 15 min"),
        (479, "7 h 59 min"),
        (480, "1 working day"),
        (600, "10 h"),
        (960, "2 working days"),
    ],
)
def test_a_duration_reads_as_a_reader_says_it(minutes, text):
    assert duration(minutes) == text


def test_a_stage_of_a_working_day_or_more_is_not_counted_as_interview_time(tiny_handbook):
    """A two-day paid trial beside two interviews: its days are reported on their own."""
    trial = Stage("trial", "Paid trial", 960, "The team", "Real work.", ("practice",), 0)
    kit = build_kit(tiny_handbook, "engineer/senior")
    kit = dataclasses.replace(kit, stages=(*kit.stages, KitStage(trial, ())))
    assert kit.minutes == 1050
    assert kit.interview_time == "1 h 30 min"
    assert kit.long_stages == (trial,)
    assert kit.time == "1 h 30 min + 2 working days"
    assert [s.stage.id for s in build_kit(tiny_handbook, "lead/director").stages] == [
        "deep",
        "chat",
    ]


def test_the_scorecard_has_the_base_axes_and_each_probed_area_at_the_kits_level(tiny_handbook):
    assert build_kit(tiny_handbook, "engineer/senior").axes == (
        Axis("practice", "Practice", 3),
        Axis("theory", "Theory", 2),
        Axis("culture", "Culture", 3),
    )
    assert [a.expected for a in build_kit(tiny_handbook, "engineer/junior").axes] == [2, 2, 2]


def test_questions_are_picked_by_role_and_opening_questions_are_kept_for_their_stage(
    tiny_handbook,
):
    kit = build_kit(tiny_handbook, "engineer/senior")
    # ship-a-model opens the deep dive, so the chat does not take it first
    assert picks(kit) == {"chat": ["explain-a-trade-off"], "deep": ["ship-a-model"]}
    opening = kit.stages[1].questions[0]
    assert (opening.pinned, opening.listen_level, opening.listen_for) == (
        True,
        3,
        "Explains the idea.",
    )


def test_a_pin_from_kits_yaml_comes_first_and_is_asked_once(tiny_handbook):
    kit = build_kit(tiny_handbook, "scientist/senior")
    assert picks(kit) == {"chat": ["derive-a-loss"], "deep": []}
    assert kit.question_ids == ("derive-a-loss",)


def test_an_excluded_question_is_never_picked(tiny_handbook):
    edits = {"engineer/senior": KitEdit("engineer/senior", exclude=("explain-a-trade-off",))}
    kits = dataclasses.replace(tiny_handbook.kits, edits=MappingProxyType(edits))
    hb = dataclasses.replace(tiny_handbook, kits=kits)
    assert picks(build_kit(hb, "engineer/senior")) == {"chat": [], "deep": ["ship-a-model"]}


def test_kits_are_the_same_every_time(tiny_handbook):
    assert all_kits(tiny_handbook) == all_kits(tiny_handbook)


def test_an_unknown_kit_is_a_key_error(tiny_handbook):
    with pytest.raises(KeyError):
        build_kit(tiny_handbook, "engineer/boss")


def test_levels_are_in_the_model(tiny_handbook):
    lead = tiny_handbook.role("lead")
    assert [level.id for level in lead.levels] == ["tech-lead", "director"]
    director = lead.level("director")
    assert director.people_leadership == "Manages the team."
    assert director.changes == "Owns the work end to end."
    assert dict(director.skills) == {"practice": 3, "theory": 3, "culture": 3}
