"""Editorial: the bank's breadth and balance (these fail when the content itself falls short)."""

from __future__ import annotations

from collections import Counter

from support import real_handbook

hb = real_handbook()


def test_the_bank_is_broad():
    assert len(hb.questions) >= 120
    per_area = Counter(question.area for question in hb.questions)
    assert all(per_area[skill.id] >= 5 for skill in hb.skills), per_area


def test_lead_levels_are_interviewed_on_leadership():
    lead = hb.role("ml-lead")
    assert "leadership" in [focus.area for focus in lead.interview_focus]
    assert sum("ml-lead" in q.roles for q in hb.questions_in("leadership")) >= 10


def test_every_material_is_linked_from_a_question_or_links_one():
    linked = {material for q in hb.questions for material in q.materials}
    for material in hb.materials:
        assert material.id in linked or material.questions, material.id
