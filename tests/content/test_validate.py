"""Every class of data error gives one exact FILE:LINE: path: message, and all are reported.

Each test breaks the tiny handbook (tests/fixtures.py) in one way; line numbers are looked up
in the broken text, so the expectations follow the fixture if it changes.
"""

from __future__ import annotations

import pytest

from handbook.content import DataError, load_handbook
from handbook.content.validate import FILE_SPECS
from support import line_of

ROLE_START = "  - id: engineer\n"
KNOWN_ROLES = "engineer, scientist, ops, lead"


def test_the_tiny_data_is_valid(tiny_data):
    assert tiny_data.problems() == []


def test_yaml_syntax_error_points_at_the_line(tiny_data):
    tiny_data.write("interviewing.yaml", "principles:\n  - id: a\n    title: [unclosed\n")
    assert tiny_data.problems() == [
        "data/interviewing.yaml:4: YAML syntax error: a '[' list that is not closed; close the "
        "list with ']' and separate its items with ', '"
    ]


def test_duplicate_key_is_rejected_not_silently_kept(tiny_data):
    text = tiny_data.replace("roles.yaml", ROLE_START, ROLE_START + "    title: Duplicate\n")
    first = line_of(text, "title:", 1)
    assert tiny_data.problems() == [
        f"data/roles.yaml:{first + 1}: roles[0].title: duplicate key 'title' "
        f"(first defined on line {first})"
    ]


def test_yaml_boolean_in_a_text_field_is_an_error(tiny_data):
    text = tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: no")
    line = line_of(text, "abbreviation: no")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line}: roles[0].abbreviation: expected text, but YAML read no as "
        f'a boolean; put it in quotes: "no"'
    ]


def test_unquoted_edition_is_read_as_a_number(tiny_data):
    text = tiny_data.replace("handbook.yaml", 'edition: "2030.01"', "edition: 2026.10")
    line = line_of(text, "edition:")
    assert tiny_data.problems() == [
        f"data/handbook.yaml:{line}: edition: expected text, but YAML read 2026.10 as a number; "
        f'put it in quotes: "2026.10"'
    ]


def test_badly_formed_edition_and_date(tiny_data):
    text = tiny_data.replace("handbook.yaml", 'edition: "2030.01"', 'edition: "Nov 2026"')
    text = tiny_data.replace("handbook.yaml", '"2029-12-31"', '"31/12/2029"')
    assert tiny_data.problems() == [
        f"data/handbook.yaml:{line_of(text, 'edition:')}: edition: 'Nov 2026' is not an "
        "edition of the form YYYY.MM (e.g. 2026.11)",
        f"data/handbook.yaml:{line_of(text, 'published:')}: sources[0].published: '31/12/2029' "
        "is not a date in the form YYYY-MM-DD",
    ]


def test_missing_required_field(tiny_data):
    text = tiny_data.text("interviewing.yaml")
    lines = text.splitlines(keepends=True)
    del lines[line_of(text, "title:") - 1]
    tiny_data.write("interviewing.yaml", "".join(lines))
    assert tiny_data.problems() == [
        f"data/interviewing.yaml:{line_of(text, '- id:')}: principles[0].title: "
        "required field is missing"
    ]


def test_unknown_field_suggests_the_right_name(tiny_data):
    text = tiny_data.replace("roles.yaml", ROLE_START, ROLE_START + "    titel: Typo\n")
    line = line_of(text, "titel:")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line}: roles[0].titel: unknown field 'titel' (did you mean 'title'?)"
    ]


def test_bad_id(tiny_data):
    text = tiny_data.replace("interviewing.yaml", "- id: same-questions", "- id: Same_Questions")
    line = line_of(text, "Same_Questions")
    assert tiny_data.problems() == [
        f"data/interviewing.yaml:{line}: principles[0].id: 'Same_Questions' is not a valid id "
        "(use lowercase letters, digits and single hyphens, e.g. ml-engineer)"
    ]


def test_duplicate_role_id(tiny_data):
    text = tiny_data.replace("roles.yaml", "- id: scientist", "- id: engineer")
    first, second = line_of(text, "- id: engineer", 1), line_of(text, "- id: engineer", 2)
    assert (
        f"data/roles.yaml:{second}: roles[1].id: duplicate id 'engineer' "
        f"(first used at data/roles.yaml:{first})"
    ) in tiny_data.problems()


def test_duplicate_principle_id_in_composition(tiny_data):
    text = tiny_data.replace("composition.yaml", "- id: scientists", "- id: engineers")
    first, second = line_of(text, "- id: engineers", 1), line_of(text, "- id: engineers", 2)
    assert tiny_data.problems() == [
        f"data/composition.yaml:{second}: principles[1].id: duplicate id 'engineers' "
        f"(first used at data/composition.yaml:{first})"
    ]


def test_duplicate_question_id_across_files(tiny_data):
    culture = tiny_data.replace(
        "questions/culture.yaml", "- id: explain-a-trade-off", "- id: derive-a-loss"
    )
    theory = tiny_data.text("questions/theory.yaml")
    assert tiny_data.problems() == [
        f"data/questions/theory.yaml:{line_of(theory, '- id: derive-a-loss')}: questions[0].id: "
        "duplicate question id 'derive-a-loss' (first used at "
        f"data/questions/culture.yaml:{line_of(culture, '- id: derive-a-loss')})"
    ]


def test_reference_to_unknown_role(tiny_data):
    text = tiny_data.replace("questions/theory.yaml", "roles: [scientist]", "roles: [scientst]")
    assert tiny_data.problems() == [
        f"data/questions/theory.yaml:{line_of(text, 'roles:')}: questions[0].roles[0]: unknown "
        f"role 'scientst' (known: {KNOWN_ROLES})"
    ]


def test_interview_focus_on_an_unknown_area(tiny_data):
    text = tiny_data.replace("roles.yaml", "area: theory", "area: cooking")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line_of(text, 'area: cooking')}: roles[1].interview_focus[1].area: "
        "unknown interview area 'cooking' (known: practice, theory, culture)"
    ]


def test_level_out_of_range(tiny_data):
    text = tiny_data.text("roles.yaml")
    start = text.index("- id: scientist")
    text = text[:start] + text[start:].replace("theory: 4", "theory: 7", 1)
    tiny_data.write("roles.yaml", text)
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line_of(text, 'theory: 7')}: roles[1].skills.theory: level 7 is "
        "outside 1-4"
    ]


def test_skill_level_for_unknown_and_non_base_axis(tiny_data):
    text = tiny_data.replace("roles.yaml", "theory: 2", "theori: 2")
    skills_line = line_of(text, "skills:")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{skills_line}: roles[0].skills: missing level for base axis 'theory'",
        f"data/roles.yaml:{line_of(text, 'theori: 2')}: roles[0].skills.theori: unknown skill "
        "'theori' (known: practice, theory)",
    ]
    text = tiny_data.replace("roles.yaml", "theori: 2", "theory: 2\n      culture: 2")
    assert tiny_data.problems() == [
        f"data/roles.yaml:{line_of(text, 'culture: 2')}: roles[0].skills.culture: 'culture' is "
        "not a base axis (base axes: practice, theory)"
    ]


def test_level_scales_run_one_to_four(tiny_data):
    text = tiny_data.replace("skills.yaml", "- level: 2\n", "- level: 3\n")
    assert tiny_data.problems() == [
        f"data/skills.yaml:{line_of(text, '- level: 3')}: skills[0].levels[1].level: levels must "
        "run 1 to 4 in order; expected 2, found 3"
    ]


def test_every_area_needs_its_level_scale(tiny_data):
    text = tiny_data.text("skills.yaml")
    start = text.index("- id: culture")
    cut = text.index("    levels:", start)
    tiny_data.write("skills.yaml", text[:cut])
    assert tiny_data.problems() == [
        f"data/skills.yaml:{line_of(text, '- id: culture')}: skills[2].levels: required field "
        "is missing"
    ]


def test_materials_name_known_areas_and_questions(tiny_data):
    tiny_data.replace("materials.yaml", "questions: [ship-a-model]", "questions: [ship-it]")
    text = tiny_data.replace("materials.yaml", "area: practice", "area: cooking")
    assert tiny_data.problems() == [
        f"data/materials.yaml:{line_of(text, 'area: cooking')}: materials[0].area: unknown "
        "area 'cooking' (known: practice, theory, culture)",
        f"data/materials.yaml:{line_of(text, 'questions: [ship-it]')}: "
        "materials[0].questions[0]: unknown question 'ship-it'",
    ]


def test_questions_name_known_materials(tiny_data):
    text = tiny_data.replace(
        "questions/practice.yaml", "materials: [model-card]", "materials: [model-cart]"
    )
    assert tiny_data.problems() == [
        f"data/questions/practice.yaml:{line_of(text, 'materials:')}: "
        "questions[0].materials[0]: unknown material 'model-cart' (known: model-card)",
    ]


def test_question_file_named_after_unknown_area(tiny_data):
    tiny_data.write("questions/cooking.yaml", tiny_data.text("questions/culture.yaml"))
    (tiny_data.dir / "questions" / "culture.yaml").unlink()
    assert tiny_data.problems() == [
        "data/questions/cooking.yaml:1: file name 'cooking' is not an interview area; name the "
        "file after one of: practice, theory, culture"
    ]


def test_a_large_area_may_be_split_into_a_folder_of_files(tiny_data):
    """questions/<area>/<any>.yaml belong to that area, after questions/<area>.yaml, in name
    order; ids stay unique across all of them, and a folder must be named after an area."""
    theory = tiny_data.text("questions/theory.yaml")
    tiny_data.write("questions/theory/b.yaml", theory.replace("derive-a-loss", "derive-b"))
    tiny_data.write("questions/theory/a.yaml", theory.replace("derive-a-loss", "derive-a"))
    hb = load_handbook(tiny_data.dir)
    in_theory = [q.id for q in hb.questions if q.area == "theory"]
    assert in_theory == ["derive-a-loss", "derive-a", "derive-b"]
    tiny_data.write("questions/cooking/c.yaml", theory.replace("derive-a-loss", "derive-c"))
    tiny_data.write("questions/theory/dup.yaml", theory)
    assert tiny_data.problems() == [
        "data/questions/cooking/c.yaml:1: folder name 'cooking' is not an interview area; name "
        "the folder after one of: practice, theory, culture",
        f"data/questions/theory/dup.yaml:{line_of(theory, '- id:')}: questions[0].id: duplicate "
        f"question id 'derive-a-loss' (first used at data/questions/theory.yaml:"
        f"{line_of(theory, '- id:')})",
    ]


def test_no_question_files_at_all(tiny_data):
    for path in (tiny_data.dir / "questions").glob("*.yaml"):
        path.unlink()
    assert tiny_data.problems() == [
        "data/questions:1: no question files (expected questions/<area-id>.yaml)"
    ]


def test_too_few_answer_guide_points(tiny_data):
    text = tiny_data.text("questions/theory.yaml")
    strong = line_of(text, "strong:")
    lines = text.splitlines(keepends=True)
    del lines[strong + 1 : strong + 3]  # keep one of the three strong points
    tiny_data.write("questions/theory.yaml", "".join(lines))
    assert tiny_data.problems() == [
        f"data/questions/theory.yaml:{strong}: questions[0].guide.strong: needs at least 3 "
        "items, found 1"
    ]


def test_empty_file(tiny_data):
    tiny_data.write("interviewing.yaml", "# only a comment\n")
    assert tiny_data.problems() == ["data/interviewing.yaml:1: file is empty"]


def test_non_utf8_bytes(tiny_data):
    tiny_data.write("interviewing.yaml", b"principles:\n  - id: caf\xe9\n")
    assert tiny_data.problems() == [
        "data/interviewing.yaml:2: file is not valid UTF-8 (byte 0xe9 at column 12); "
        "save it as UTF-8"
    ]


def test_unreadable_file(tiny_data):
    (tiny_data.dir / "interviewing.yaml").unlink()
    (tiny_data.dir / "interviewing.yaml").mkdir()
    assert tiny_data.problems() == ["data/interviewing.yaml:1: cannot read file (Is a directory)"]


@pytest.mark.parametrize("name", sorted(FILE_SPECS))
def test_missing_file(tiny_data, name):
    (tiny_data.dir / name).unlink()
    assert tiny_data.problems() == [f"data/{name}:1: file is missing"]


def test_every_problem_is_reported_in_one_run(tiny_data):
    tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: yes")
    tiny_data.write("interviewing.yaml", "")
    tiny_data.replace("handbook.yaml", "title:", "titel:")
    problems = tiny_data.problems()
    assert len(problems) == 4, problems
    assert [p.split(":")[0] for p in problems] == [
        "data/handbook.yaml",
        "data/handbook.yaml",
        "data/interviewing.yaml",
        "data/roles.yaml",
    ]


def test_calculator_shape_problem_points_at_its_yaml_line(tiny_data):
    text = tiny_data.replace("composition.yaml", "engineer: 50", "engineer: 120")
    assert tiny_data.problems() == [
        f"data/composition.yaml:{line_of(text, 'engineer: 120')}: "
        "calculator.archetypes[0].weights.engineer: weight 120 is outside 0-100"
    ]


def test_calculator_rule_problem_points_at_its_yaml_line(tiny_data):
    text = tiny_data.text("composition.yaml")
    start = text.index("weights:")
    text = text[:start] + text[start:].replace("scientist:", "scientst:", 1)
    tiny_data.write("composition.yaml", text)
    assert tiny_data.problems() == [
        f"data/composition.yaml:{line_of(text, 'scientst:')}: "
        f"calculator.archetypes[0].weights.scientst: unknown role 'scientst' (known: {KNOWN_ROLES})"
    ]


def test_calculator_rules_are_checked_against_the_roles_file(tiny_data):
    """Renaming a role in roles.yaml alone leaves the calculator naming a role that is gone."""
    tiny_data.replace("roles.yaml", "- id: lead", "- id: team-lead")
    problems = tiny_data.problems()
    assert {p.split(":")[0] for p in problems} == {
        "data/composition.yaml",
        "data/questions/culture.yaml",  # its question is for every role, the lead included
        "data/kits.yaml",  # the lead's loop
    }, problems
    assert any(
        "calculator.roles.lead: unknown role 'lead' (known: engineer, scientist, ops, team-lead)"
        in p
        for p in problems
    ), problems


def test_load_handbook_raises_with_every_problem(tiny_data):
    tiny_data.replace("roles.yaml", "abbreviation: ENG", "abbreviation: yes")
    tiny_data.replace("handbook.yaml", "title:", "titel:")
    with pytest.raises(DataError) as error:
        load_handbook("data")
    assert [str(p) for p in error.value.problems] == tiny_data.problems()
    assert str(error.value).startswith("3 problems in the handbook data:\n")


def test_an_unknown_placeholder_in_a_hire_reason_points_at_its_yaml_line(tiny_data):
    old = 'weight: "{role} is furthest below its share; this is the {nth}"'
    new = 'weight: "{role} is furthest below {share_of_team}"'
    text = tiny_data.replace("composition.yaml", old, new)
    assert tiny_data.problems() == [
        f"data/composition.yaml:{line_of(text, new)}: calculator.hire_reasons.weight: "
        "unknown placeholder '{share_of_team}'; allowed: {role}, {a_role}, {nth}, {hire}, "
        "{so_far}, {stage}, {data}, {archetype}"
    ]
