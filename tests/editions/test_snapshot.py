"""The canonical snapshot of the tiny handbook: complete, plain JSON, stable bytes, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.editions import snapshot


@pytest.fixture
def hb(tiny_handbook):
    return tiny_handbook


def test_snapshot_holds_every_kind_of_content(hb):
    shot = snapshot.build(hb)
    assert shot["format"] == 1
    assert shot["edition"] == hb.edition
    assert shot["title"] == hb.title
    for kind in snapshot.MODEL_KINDS:
        assert [item["id"] for item in shot[kind]] == sorted(item.id for item in getattr(hb, kind))
    assert shot["calculator"] == hb.calculator_rules()["calculator"]
    assert [item["id"] for item in shot["interview_stages"]] == sorted(
        stage.id for stage in hb.kits.stages
    )
    assert [item["id"] for item in shot["interview_loops"]] == sorted(hb.kits.loops)
    loop = next(item for item in shot["interview_loops"] if item["id"] == "engineer")
    assert loop["stages"] == list(hb.kits.loops["engineer"])
    assert [kit["kit"] for kit in loop["kits"]] == sorted(
        kit_id for kit_id in hb.kits.edits if kit_id.startswith("engineer/")
    )
    (rule,) = shot["hire_rules"]
    assert rule == {
        "id": "hire-rule",
        "title": "Scorecard hire rule",
        "summary": hb.kits.hire_rule_summary,
        **hb.kits.hire_rule,
    }


def test_roles_keep_skill_levels_and_every_field(hb):
    role = next(r for r in snapshot.build(hb)["roles"] if r["id"] == "engineer")
    model = hb.role("engineer")
    assert role["skills"] == dict(model.skills) == {"practice": 3, "theory": 2}
    assert role["title"] == "Engineer"
    assert role["responsibilities"] == list(model.responsibilities)
    assert role["interview_focus"][0] == {
        "area": model.interview_focus[0].area,
        "why": model.interview_focus[0].why,
    }
    assert role["variants"] == [
        {"id": "platform", "title": "Platform engineer", "summary": model.variants[0].summary}
    ]
    assert set(role) == {
        "id",
        "title",
        "abbreviation",
        "also_called",
        "summary",
        "responsibilities",
        "profile",
        "when_to_hire",
        "pitfalls",
        "skills",
        "interview_focus",
        "variants",
        "levels",
    }


def test_questions_keep_their_answer_guides_and_skills_their_levels(hb):
    shot = snapshot.build(hb)
    question = hb.question("derive-a-loss")
    stored = next(q for q in shot["questions"] if q["id"] == question.id)
    assert stored["guide"]["strong"] == list(question.guide.strong)
    assert stored["guide"]["red_flags"] == list(question.guide.red_flags)
    assert stored["guide"]["follow_ups"] == [
        {"ask": f.ask, "good_answer": f.good_answer} for f in question.guide.follow_ups
    ]
    assert stored["area"] == question.area and stored["text"] == question.text
    skill = next(s for s in shot["skills"] if s["id"] == "theory")
    assert [level["level"] for level in skill["levels"]] == [1, 2, 3, 4]
    assert set(skill["levels"][0]) == {"level", "name", "description"}


def test_snapshot_is_plain_json_with_stable_bytes(hb):
    text = snapshot.dumps(snapshot.build(hb))
    assert json.loads(text) == snapshot.build(hb)
    assert text == snapshot.dumps(json.loads(text))
    assert text.endswith("}\n")
    assert '"edition": "' + hb.edition + '"' in text
    assert text.index('"calculator"') < text.index('"composition"')  # sorted keys


def test_write_then_read_round_trips(hb, tmp_path):
    releases = tmp_path / "releases"
    path = snapshot.write(snapshot.build(hb), releases)
    assert path == releases / f"{hb.edition}.json"
    assert snapshot.read(path) == snapshot.build(hb)
    assert snapshot.released(releases) == [snapshot.build(hb)]


def test_released_sorts_editions_by_number_not_text(hb, tmp_path):
    for edition in ("2026.10", "2026.09", "2027.01"):
        snapshot.write({**snapshot.build(hb), "edition": edition}, tmp_path)
    assert [s["edition"] for s in snapshot.released(tmp_path)] == ["2026.09", "2026.10", "2027.01"]
    assert snapshot.edition_key("2026.9") < snapshot.edition_key("2026.10")
    assert snapshot.edition_key("2026.10") < snapshot.edition_key("2026.10.1")


def test_no_releases_directory_means_no_releases(tmp_path):
    assert snapshot.released(tmp_path / "releases") == []


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "2026.11.json",
            "{",
            "2026.11.json: cannot read the snapshot (Expecting property name "
            "enclosed in double quotes: line 1 column 2 (char 1))",
        ),
        ("2026.11.json", '{"format": 99}', "2026.11.json: not a snapshot of format 1"),
        ("2026.11.json", "[]", "2026.11.json: not a snapshot of format 1"),
        (
            "2026.11.json",
            '{"format": 1, "edition": "2026.10"}',
            "2026.11.json: holds edition '2026.10', not 2026.11",
        ),
    ],
)
def test_unreadable_snapshots_are_named(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(snapshot.SnapshotError) as error:
        snapshot.released(tmp_path)
    assert str(error.value) == f"{Path(tmp_path)}/{message}"
