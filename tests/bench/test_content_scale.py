"""bench/content_scale.py on the tiny handbook: N x the questions and roles, still valid."""

from __future__ import annotations

import sys

import pytest

from fixtures import ROLE_IDS, write_data
from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import content_scale  # noqa: E402


@pytest.fixture
def tiny_source(tmp_path):
    return write_data(tmp_path / "data")


def test_twice_the_content_validates_with_twice_the_questions_and_roles(tiny_source, tmp_path):
    original = content_scale.validated(tiny_source)
    hb = content_scale.scale_data(tiny_source, tmp_path / "scaled", 2)
    assert len(hb.roles) == 2 * len(original.roles) == 2 * len(ROLE_IDS)
    assert len(hb.questions) == 2 * len(original.questions)
    role_ids = [role.id for role in hb.roles]
    question_ids = [question.id for question in hb.questions]
    assert len(set(role_ids)) == len(role_ids)
    assert len(set(question_ids)) == len(question_ids)
    assert {f"{role}-x2" for role in ROLE_IDS} <= set(role_ids)


def test_each_copy_is_a_copy_of_the_original(tiny_source, tmp_path):
    """Copy 2 of a question suits copy 2 of its roles; copy 2 of a role keeps its levels."""
    original = content_scale.validated(tiny_source)
    hb = content_scale.scale_data(tiny_source, tmp_path / "scaled", 2)
    for question in original.questions:
        twin = next(q for q in hb.questions if q.id == f"{question.id}-x2")
        assert twin.text == question.text
        assert twin.roles == tuple(f"{role}-x2" for role in question.roles)
    for role in original.roles:
        twin = hb.role(f"{role.id}-x2")
        assert [level.id for level in twin.levels] == [level.id for level in role.levels]
    assert hb.calculator_rules_json != original.calculator_rules_json  # it lists every role
    assert hb.questions_for("engineer") == original.questions_for("engineer")


def test_factor_one_is_the_data_unchanged(tiny_source, tmp_path):
    scaled = content_scale.write_scaled(tiny_source, tmp_path / "scaled", 1)
    for path in tiny_source.rglob("*.yaml"):
        assert (scaled / path.relative_to(tiny_source)).read_bytes() == path.read_bytes()


def test_data_that_does_not_validate_lists_its_problems(tiny_source, tmp_path):
    roles = tiny_source / "roles.yaml"
    roles.write_text(roles.read_text().replace("id: ops", "id: Ops", 1))
    with pytest.raises(content_scale.ScaleError, match=r"roles\.yaml:\d+: roles\[2\]\.id"):
        content_scale.scale_data(tiny_source, tmp_path / "scaled", 2)
