"""content/crossrefs_kits.py: levels and kits.yaml checked against roles, skills and questions."""

from __future__ import annotations

from support import line_of


def test_the_tiny_data_is_valid(tiny_data):
    assert tiny_data.problems() == []


def test_a_level_needs_every_base_axis_and_known_areas(tiny_data):
    text = tiny_data.replace(
        "roles.yaml",
        "skills: {practice: 2, theory: 2, culture: 2}",
        "skills: {practice: 2, charm: 2, culture: 2}",
    )
    line = line_of(text, "charm: 2")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line}: roles[0].levels[0].skills: missing level for base axis 'theory'",
        f"data/roles.yaml:{line}: roles[0].levels[0].skills.charm: unknown skill 'charm' "
        "(known: practice, theory, culture)",
    ]


def test_every_level_but_the_first_says_what_changes(tiny_data):
    text = tiny_data.replace("roles.yaml", "        changes: Owns the work end to end.\n", "")
    line = line_of(text, "- id: senior")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line}: roles[0].levels[1]: say what changes from the level below "
        "(add 'changes')"
    ]


def test_the_headline_skills_must_be_one_of_the_levels(tiny_data):
    text = tiny_data.replace(
        "roles.yaml", "      practice: 3\n      theory: 2\n", "      practice: 4\n      theory: 2\n"
    )
    line = line_of(text, "    skills:")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line}: roles[0].skills: the role's skills match none of its levels; "
        "make them equal to the base-axis levels of the level the skills matrix and the "
        "calculator should show"
    ]


def test_loops_name_known_roles_and_stages_and_every_role_has_one(tiny_data):
    text = tiny_data.replace(
        "kits.yaml",
        "  - role: ops\n    stages: [chat, deep]",
        "  - role: opz\n    stages: [chat, dive]",
    )
    assert tiny_data.problems() == [
        f"data/kits.yaml:{line_of(text, 'loops:')}: loops: role 'ops' has no loop",
        f"data/kits.yaml:{line_of(text, 'role: opz')}: loops[2].role: unknown role 'opz' "
        "(known: engineer, scientist, ops, lead)",
        f"data/kits.yaml:{line_of(text, '[chat, dive]')}: loops[2].stages[1]: unknown stage "
        "'dive' (known: chat, deep)",
    ]


def test_a_probed_area_needs_an_expected_level_at_every_level(tiny_data):
    text = tiny_data.replace(
        "roles.yaml",
        "skills: {practice: 2, theory: 2, culture: 2}",
        "skills: {practice: 2, theory: 2}",
    )
    kits = tiny_data.text("kits.yaml")
    assert text
    assert tiny_data.problems() == [
        f"data/kits.yaml:{line_of(kits, '[chat, deep]')}: loops[0].stages[0]: stage 'chat' "
        "probes culture, but engineer/junior has no expected culture level in roles.yaml"
    ]


def test_kit_edits_name_known_kits_stages_and_questions(tiny_data):
    text = tiny_data.replace(
        "kits.yaml",
        "  - kit: scientist/senior\n    pin:\n      - stage: chat\n"
        "        question: derive-a-loss\n",
        "  - kit: scientist/boss\n  - kit: scientist/senior\n    pin:\n      - stage: lunch\n"
        "        question: derive-a-loss\n      - stage: chat\n        question: nope\n"
        "    exclude: [never]\n",
    )
    assert tiny_data.problems() == [
        f"data/kits.yaml:{line_of(text, 'scientist/boss')}: kits[0].kit: unknown kit "
        "'scientist/boss' (known: engineer/junior, engineer/senior, scientist/junior, "
        "scientist/senior, ops/junior, ops/senior, lead/tech-lead, lead/director)",
        f"data/kits.yaml:{line_of(text, 'stage: lunch')}: kits[1].pin[0].stage: unknown stage of "
        "this loop 'lunch' (known: chat, deep)",
        f"data/kits.yaml:{line_of(text, 'question: nope')}: kits[1].pin[1].question: unknown "
        "question 'nope'",
        f"data/kits.yaml:{line_of(text, '[never]')}: kits[1].exclude[0]: unknown question 'never'",
    ]


def test_a_stage_opens_with_a_known_question(tiny_data):
    text = tiny_data.replace("kits.yaml", "opens_with: ship-a-model", "opens_with: sail-a-boat")
    assert tiny_data.problems() == [
        f"data/kits.yaml:{line_of(text, 'sail-a-boat')}: stages[1].opens_with: unknown question "
        "'sail-a-boat'"
    ]


def test_the_hire_rule_is_checked_by_the_spec(tiny_data):
    text = tiny_data.replace("kits.yaml", "no_hire_at: 3", "no_hire_at: 7")
    assert tiny_data.problems() == [
        f"data/kits.yaml:{line_of(text, 'no_hire_at')}: hire_rule.no_hire_at: level 7 is "
        "outside 1-4"
    ]
